"""Encodings: declared, sniffed and wrong all come out readable."""

from __future__ import annotations

import pytest

from dateline.extract import extract_article
from dateline.extract.decode import decode
from dateline.records import RawDoc

RUSSIAN = ("Министр иностранных дел заявил в среду, что переговоры о поставках зерна "
           "продолжатся на следующей неделе в Стамбуле. По его словам, стороны близки "
           "к соглашению, но ряд вопросов остаётся открытым.")
GERMAN = ("Die Regierung kündigte am Mittwoch an, dass die Gespräche über die Getreidelieferungen "
          "in der nächsten Woche in Istanbul fortgesetzt werden. Größere Fragen bleiben offen.")


def _page(text: str, charset: str | None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return (f"<html><head>{meta}<title>Nachrichten</title></head><body><article>"
            + "".join(f"<p>{text}</p>" for _ in range(3)) + "</article></body></html>")


def test_cp1251_page_labelled_latin1_is_readable():
    data = _page(RUSSIAN, "iso-8859-1").encode("cp1251")
    article = extract_article(RawDoc(source="ru.html", content=data, content_type="html"))
    assert RUSSIAN in article.text
    assert article.language == "ru"


@pytest.mark.parametrize("encoding, declared", [
    ("utf-8", None), ("utf-8", "iso-8859-1"), ("cp1252", "windows-1252"), ("latin-1", None),
    ("utf-16", None),
])
def test_declared_sniffed_and_wrong_charsets(encoding, declared):
    data = _page(GERMAN, declared).encode(encoding)
    assert GERMAN in decode(data)


def test_stdin_is_read_and_sniffed(monkeypatch):
    import io
    import sys

    from dateline.sources import read_paths

    html = _page(GERMAN, "utf-8").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    docs = list(read_paths(["-"]))
    assert len(docs) == 1 and docs[0].content_type == "html" and docs[0].content == html
