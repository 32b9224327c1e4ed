"""Spark over WARC archives gives the records the local runner gives; `load` is idempotent."""

from __future__ import annotations

import io

import pytest

from dateline.records import Skipped
from dateline.run.local import ingest
from dateline.run.spark import expand, run
from dateline.sources import read_paths
from dateline.store import open_store
from dateline.store.parquet import load

from .conftest import SAMPLES


def _warc(path, pages) -> None:  # type: ignore[no-untyped-def]
    """A small WARC of HTTP responses, written the way a crawler writes one."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """Two archives (one task each): the sample pages, an image and a page with no text."""
    root = tmp_path_factory.mktemp("warc")
    pages = sorted((SAMPLES / "html").glob("*.html"))
    first = [(f"https://example.org/{p.stem}", "text/html; charset=utf-8", p.read_bytes())
             for p in pages[:2]]
    second = [(f"https://example.org/{p.stem}", "text/html", p.read_bytes()) for p in pages[2:4]]
    second += [("https://example.org/logo.png", "image/png", b"\x89PNG not a page"),
               ("https://example.org/empty", "text/html", b"<html><body></body></html>")]
    _warc(root / "a.warc.gz", first)
    _warc(root / "b.warc", second)
    (root / "all.paths").write_text(f"{root / 'a.warc.gz'}\n{root / 'b.warc'}\n")
    return root


def test_spark_gives_the_local_records(spark, archives, settings, tmp_path):
    out = tmp_path / "out"
    counts = run([str(archives / "all.paths")], str(out), settings, spark=spark)
    assert (counts.archives, counts.articles, counts.skipped) == (2, 4, 1)
    assert (out / "quotes").is_dir() and any((out / "articles").glob("article_date=*"))

    local = open_store(str(tmp_path / "local.db"))
    ingest(read_paths(expand([str(archives / "all.paths")])), local, settings)
    loaded = open_store(str(tmp_path / "loaded.db"))
    first = load(str(out), loaded)
    again = load(str(out), loaded)
    try:
        assert (first.stored, again.stored, again.unchanged) == (4, 0, 4)
        assert list(loaded.results()) == list(local.results())
        keys = ("articles", "quotes", "events", "entities", "skipped")
        assert {k: loaded.stats()[k] for k in keys} == {k: local.stats()[k] for k in keys}
        assert sum(1 for _ in loaded.table("event_actors")) == \
            sum(1 for _ in local.table("event_actors"))
    finally:
        local.close()
        loaded.close()


def test_load_into_postgres_is_idempotent(spark, archives, settings, tmp_path, postgres_url):
    out = tmp_path / "out"
    run([str(archives / "a.warc.gz")], str(out), settings, spark=spark)
    store = open_store(postgres_url)
    try:
        assert load(str(out), store).stored == 2
        before = store.stats()
        assert load(str(out), store).unchanged == 2
        assert store.stats() == before
    finally:
        store.close()


def test_listing_and_missing_inputs(archives, settings):
    assert expand([str(archives / "all.paths")]) == [str(archives / "a.warc.gz"),
                                                      str(archives / "b.warc")]
    missing = list(read_paths([str(archives / "none.warc.gz")]))
    assert len(missing) == 1 and isinstance(missing[0], Skipped)


def test_cli_spark_then_load(spark, archives, tmp_path, capsys):
    from dateline.cli import main

    out, db = tmp_path / "out", tmp_path / "loaded.db"
    argv = ["spark", str(archives / "a.warc.gz"), "--output", str(out), "--master", "local[2]"]
    assert main(argv) == 0
    assert main(argv) == 1  # an existing output is never mixed with a new run
    assert "--overwrite" in capsys.readouterr().err
    assert main(["load", str(out), "--db", str(db)]) == 0
    assert main(["load", str(out), "--db", str(db)]) == 0
    store = open_store(str(db))
    try:
        assert store.stats()["articles"] == 2
    finally:
        store.close()
    assert "0 stored, 0 updated, 2 unchanged" in capsys.readouterr().out
