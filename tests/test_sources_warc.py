"""CC-NEWS style archives: only HTML responses are articles, with the record's URI and date."""

from __future__ import annotations

import io

import pytest

from dateline.cli import main
from dateline.query import ArticleQuery
from dateline.records import RawDoc, Skipped
from dateline.sources.warc import read_warc
from dateline.store import open_store


def _story(i: int) -> bytes:
    paragraphs = "".join(
        f"<p>Officials said on Monday that the harbour project {i} would employ hundreds of "
        f"workers once building begins next year, paragraph {j}.</p>" for j in range(5))
    return (f"<html><head><title>Harbour {i}</title></head><body><article><h1>Harbour {i}</h1>"
            f"{paragraphs}</article></body></html>").encode()


def cc_news(stories: int) -> bytes:
    """warcinfo, then per story a request, an HTML response and a metadata record, and
    one image response: the shape of a CC-NEWS file."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record("cc-news-test.warc.gz",
                                                      {"software": "test", "format": "WARC 1.1"}))
    for i in range(stories):
        url = f"https://harbour.example.com/2022/05/1{i}/story-{i}.html"
        date = f"2022-05-1{i}T08:00:00Z"
        request = StatusAndHeaders(f"GET /2022/05/1{i}/story-{i}.html HTTP/1.1",
                                   [("Host", "harbour.example.com")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request,
                                                      warc_headers_dict={"WARC-Date": date}))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=UTF-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(_story(i)), http_headers=headers,
            warc_headers_dict={"WARC-Date": date}))
        writer.write_record(writer.create_warc_record(
            url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\n"),
            warc_content_type="application/warc-fields"))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://harbour.example.com/photo.jpg", "response", payload=io.BytesIO(b"\xff\xd8" * 50),
        http_headers=image))
    return buf.getvalue()


def test_only_html_responses_with_their_uri_and_date(tmp_path):
    path = tmp_path / "CC-NEWS-test.warc.gz"
    path.write_bytes(cc_news(3))
    docs = list(read_warc(str(path)))
    assert all(isinstance(d, RawDoc) for d in docs)
    assert [d.url for d in docs] == [f"https://harbour.example.com/2022/05/1{i}/story-{i}.html"
                                     for i in range(3)]
    assert [d.fetched_at for d in docs] == [f"2022-05-1{i}T08:00:00Z" for i in range(3)]
    assert all(d.http_status == 200 and d.content_type == "html" for d in docs)


@pytest.mark.parametrize("keep", [0.55, 0.8, 0.97])
def test_truncated_archive_yields_complete_records_then_reports_the_cut(tmp_path, keep):
    data = cc_news(4)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * keep)])
    docs = list(read_warc(str(path)))
    assert isinstance(docs[-1], Skipped) and "truncated" in docs[-1].reason
    stories = [d for d in docs if isinstance(d, RawDoc)]
    assert stories, "records before the cut are read"
    for doc in stories:
        assert doc.content.endswith(b"</html>")  # only whole records
    assert [d.url for d in stories] == [f"https://harbour.example.com/2022/05/1{i}/story-{i}.html"
                                        for i in range(len(stories))]


def test_cc_news_archive_ingests_with_urls_and_dates(tmp_path):
    path = tmp_path / "news.warc.gz"
    path.write_bytes(cc_news(2))
    db = tmp_path / "w.db"
    assert main(["ingest", str(path), "--db", str(db), "--workers", "1"]) == 0
    store = open_store(str(db))
    rows = {r["url"]: store.result(r["id"]) for r in store.articles(ArticleQuery(limit=None))}
    store.close()
    assert sorted(rows) == [f"https://harbour.example.com/2022/05/1{i}/story-{i}.html"
                            for i in range(2)]
    for url, result in rows.items():
        i = url[-6]
        assert result["fetched_at"] == f"2022-05-1{i}T08:00:00Z"
        assert result["http_status"] == 200
        assert result["article"]["date"] == f"2022-05-1{i}"  # from the URL
        assert result["article"]["title"] == f"Harbour {i}"
