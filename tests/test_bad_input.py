"""Bad input is a logged skip with a reason; the run goes on and nothing stored changes."""

from __future__ import annotations

import gzip
import io

from dateline.cli import main
from dateline.query import ArticleQuery
from dateline.store import open_store

from .conftest import SEED


def _warc(records: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(records):
        body = (f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>"
                + "".join(f"<p>The minister said on Monday that paragraph {j} of story {i} matters "
                          f"a great deal to the country and its neighbours.</p>" for j in range(6))
                + "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://news.example.org/2021/03/0{i + 1}/story-{i}", "response",
            payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def test_bad_files_are_skipped_and_the_run_goes_on(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_bytes(SEED.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.html").write_bytes(bytes(range(256)) * 40)
    (corpus / "invalid-utf8.txt").write_bytes(b"\xff\xfe\xfa broken \xc3\x28 bytes " * 3)
    (corpus / "no-text.html").write_bytes(b"<html><body><script>var a=1;</script></body></html>")
    data = _warc(3)
    (corpus / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.75)])
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")  # passed over inside a directory
    db = tmp_path / "t.db"
    assert main(["ingest", str(corpus), "--db", str(db), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out
    store = open_store(str(db))
    stored = {a["source"] for a in store.articles(ArticleQuery(limit=None))}
    skipped = {r["source"]: r["reason"] for r in store.table("skipped")}
    store.close()
    assert any(s.endswith("seed.txt") for s in stored)
    assert sum("cut.warc.gz@" in s for s in stored) == 2  # the two complete records before the cut
    assert "empty document" in skipped[str(corpus / "empty.txt")]
    assert "binary" in skipped[str(corpus / "binary.html")]
    assert "truncated" in skipped[str(corpus / "cut.warc.gz")]
    assert str(corpus / "notes.pdf") not in skipped


def test_reingest_is_a_no_op(tmp_path, capsys):
    db = tmp_path / "t.db"
    assert main(["ingest", str(SEED), "--db", str(db), "--workers", "1"]) == 0
    store = open_store(str(db))
    before = store.stats()
    store.close()
    capsys.readouterr()
    assert main(["ingest", str(SEED), "--db", str(db), "--workers", "1"]) == 0
    assert "1 already stored" in capsys.readouterr().out
    store = open_store(str(db))
    assert store.stats() == before
    store.close()


def test_warc_records_keep_url_and_date(tmp_path):
    from dateline.sources.warc import read_warc

    path = tmp_path / "news.warc.gz"
    path.write_bytes(_warc(2))
    docs = list(read_warc(str(path)))
    assert [d.url for d in docs] == ["https://news.example.org/2021/03/01/story-0",
                                     "https://news.example.org/2021/03/02/story-1"]
    assert all(d.fetched_at and d.fetched_at[:4].isdigit() for d in docs)
    assert gzip.decompress(path.read_bytes())  # a well-formed archive
