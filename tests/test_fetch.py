"""`dateline fetch` against a local HTTP server that misbehaves in the usual ways."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.cli import main
from dateline.errors import FetchError
from dateline.query import ArticleQuery
from dateline.records import RawDoc, Skipped
from dateline.sources.feeds import feed_entries, read_feeds, url_list
from dateline.sources.fetch import Fetcher, FetchSettings
from dateline.store import open_store


def _article(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>The council said on Tuesday that the new bridge {n} would open in spring, "
        f"after years of delays and a dispute over its cost, paragraph {i}.</p>"
        for i in range(5))
    return (f"<html><head><title>Bridge {n} to open</title></head><body><article>"
            f"<h1>Bridge {n} to open</h1>{paragraphs}</article></body></html>").encode()


ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def _feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {path}</title><link>{base}{path}</link>"
        f"<pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate></item>"
        for path in ("/news/1.html", "/old/2.html", "/private/3.html", "/news/1.html"))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>'
            f"{items}</channel></rss>").encode()


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        path = self.path
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            self._send(200, ROBOTS, "text/plain")
        elif path.startswith(("/news/", "/private/")):
            self._send(200, _article(int(path.rsplit("/", 1)[1].split(".")[0])))
        elif path == "/old/2.html":
            self._send(301, headers={"Location": "/news/2.html"})
        elif path == "/feed.xml":
            self._send(200, _feed(base), "application/rss+xml")
        elif path in ("/loop/a", "/loop/b"):
            self._send(302, headers={"Location": "/loop/b" if path == "/loop/a" else "/loop/a"})
        elif path == "/huge":
            self._send(200, b"<html>" * 10, headers={"Content-Length": str(5 * 1024 ** 3)})
        elif path == "/slow":
            self._slow()
        elif path == "/flaky":
            if Handler.hits[path] == 1:
                self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
            else:
                self._send(200, _article(7))
        elif path == "/bomb":
            body = gzip.compress(b"<html>" + b" " * 5_000_000)
            self._send(200, body, headers={"Content-Encoding": "gzip",
                                           "Content-Length": str(len(body))})
        elif path == "/image.png":
            self._send(200, b"\x89PNG....", "image/png")
        else:
            self._send(404, b"not found", "text/plain")

    def _slow(self) -> None:
        """Headers at once, then one byte every 0.3 s: bounded, it stops by itself."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(20):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.3)
        except (BrokenPipeError, ConnectionResetError):
            pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits = {}
    Handler.agents = []
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def _fetcher(**changes: object) -> Fetcher:
    limits = dict(delay=0.0, timeout=2.0, deadline=1.0, retries=1, backoff=0.01,
                  allow_private=True)
    limits.update(changes)
    return Fetcher(FetchSettings(**limits))  # type: ignore[arg-type]


def test_feed_articles_are_fetched_with_final_url_status_and_feed_date(server):
    with _fetcher() as fetcher:
        docs = list(read_feeds([server + "/feed.xml"], fetcher))
    fetched = [d for d in docs if isinstance(d, RawDoc)]
    skipped = [d for d in docs if isinstance(d, Skipped)]
    assert [d.url for d in fetched] == [server + "/news/1.html", server + "/news/2.html"]
    assert fetched[1].source == server + "/old/2.html"  # asked for, then redirected
    assert all(d.http_status == 200 and d.date == "2021-03-02" and d.fetched_at for d in fetched)
    assert len(skipped) == 1 and "robots.txt disallows" in skipped[0].reason
    assert Handler.hits.get("/private/3.html") is None  # never requested
    assert Handler.hits["/news/1.html"] == 1  # listed twice, fetched once
    assert Handler.hits["/robots.txt"] == 1  # read once per host
    assert all(a.startswith("dateline/") for a in Handler.agents)


@pytest.mark.parametrize("path, reason", [
    ("/slow", "timed out"),
    ("/loop/a", "redirect loop"),
    ("/huge", "over the limit"),
    ("/private/9.html", "robots.txt disallows"),
    ("/bomb", "over the limit of 1000000 bytes once decompressed"),
])
def test_misbehaving_servers_are_refused_with_a_reason(server, path, reason):
    with _fetcher(max_bytes=1_000_000) as fetcher, pytest.raises(FetchError, match=reason):
        fetcher.get(server + path)


def test_slow_server_is_retried_then_given_up(server):
    with _fetcher(retries=1) as fetcher, pytest.raises(FetchError, match="after 2 tries"):
        fetcher.get(server + "/slow")
    assert Handler.hits["/slow"] == 2


def test_transient_errors_are_retried(server):
    with _fetcher() as fetcher:
        response = fetcher.get(server + "/flaky")
    assert response.status == 200 and Handler.hits["/flaky"] == 2


def test_loopback_is_refused_unless_allowed(server):
    with _fetcher(allow_private=False) as fetcher, pytest.raises(FetchError, match="--allow-private"):
        fetcher.get(server + "/news/1.html")
    assert not Handler.hits


def test_requests_to_one_host_are_spaced(server, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr("dateline.sources.fetch.time.sleep", waits.append)
    with _fetcher(delay=5.0) as fetcher:
        fetcher.get(server + "/news/1.html")
        fetcher.get(server + "/news/2.html")
    assert waits and all(4.0 < w <= 5.0 for w in waits)  # robots, then two pages, 5 s apart


def test_non_articles_and_errors_become_skips(server):
    with _fetcher() as fetcher:
        docs = list(read_feeds([server + "/image.png", server + "/missing"], fetcher))
    reasons = [d.reason for d in docs if isinstance(d, Skipped)]
    assert any("HTTP 404" in r for r in reasons)
    assert any("image/png" in r for r in reasons) or any("no article URLs" in r for r in reasons)


def test_url_lists_and_feed_entries():
    assert url_list(b"# my list\nhttps://a.example/1\n\nnot a url\nhttp://b.example/2 extra\n") == [
        ("https://a.example/1", None), ("http://b.example/2", None)]
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b'<entry><title>x</title><link href="https://a.example/x"/>'
            b"<updated>2020-05-04T10:00:00Z</updated></entry></feed>")
    assert feed_entries(atom) == [("https://a.example/x", "2020-05-04")]


def test_fetch_command_stores_articles(server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/news/1.html\n{server}/old/2.html\n{server}/private/5.html\n")
    db = tmp_path / "f.db"
    assert main(["fetch", str(urls), "--db", str(db), "--allow-private", "--delay", "0",
                 "--workers", "1"]) == 0
    store = open_store(str(db))
    articles = store.articles(ArticleQuery(limit=None))
    statuses = {store.result(a["id"])["http_status"] for a in articles}
    skipped = list(store.table("skipped"))
    store.close()
    assert sorted(a["url"] for a in articles) == [server + "/news/1.html", server + "/news/2.html"]
    assert statuses == {200}  # the final response's, after the redirect of /old/2.html
    assert {a["title"] for a in articles} == {"Bridge 1 to open", "Bridge 2 to open"}
    assert [s["source"] for s in skipped] == [server + "/private/5.html"]


def test_an_article_url_is_fetched_as_the_article(server):
    with _fetcher() as fetcher:
        docs = list(read_feeds([server + "/old/2.html"], fetcher))
    assert len(docs) == 1 and isinstance(docs[0], RawDoc)
    assert docs[0].url == server + "/news/2.html" and docs[0].content_type == "html"
