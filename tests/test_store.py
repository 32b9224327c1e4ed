"""The store: idempotent writes, queries, full-text search, export; on every backend."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from dateline.query import ArticleQuery, EventQuery, QuoteQuery
from dateline.store import open_store


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    """The same suite against SQLite and a real PostgreSQL server."""
    if request.param == "sqlite":
        url = str(tmp_path / "test.db")
    else:
        url = request.getfixturevalue("postgres_url")
    s = open_store(url)
    yield s
    s.close()


def test_write_twice_changes_nothing(store, seed):
    first = store.write([seed])
    second = store.write([seed])
    assert (first.stored, second.unchanged) == (1, 1)
    assert store.stats()["articles"] == 1
    assert store.stats()["quotes"] == len(seed.quotes)


def test_new_pipeline_version_replaces_records(store, seed):
    store.write([seed])
    newer = replace(seed, pipeline_version=seed.pipeline_version + "-next", quotes=seed.quotes[:2])
    counts = store.write([newer])
    assert counts.updated == 1
    assert store.stats()["quotes"] == 2
    assert store.search("Lavrov")  # the full-text index follows the replacement


def test_queries(store, seed):
    store.write([seed])
    lavrov = store.quotes(QuoteQuery(speaker="lavrov"))
    assert lavrov and all("Lavrov" in q["speaker"] for q in lavrov)
    assert store.quotes(QuoteQuery(text="colossal mistake"))
    aid = store.events(EventQuery(actor="RUS", category="aid"))
    assert aid and aid[0]["sentence"].startswith('"Russian planes')
    assert store.events(EventQuery(actor="Washington", recipient="RUS"))
    assert store.articles(ArticleQuery(since="2015-01-01", until="2015-12-31"))
    assert not store.articles(ArticleQuery(since="2016-01-01"))


def test_result_round_trip_matches_the_contract(store, seed):
    store.write([seed])
    stored = store.result(seed.id)
    original = seed.to_dict()
    assert stored["article"] == original["article"]
    assert stored["quotes"] == original["quotes"]
    assert stored["events"] == original["events"]
    assert stored["entities"] == original["entities"]


def test_search_is_parameterised(store, seed):
    store.write([seed])
    assert store.search('"; DROP TABLE articles; --') == []
    assert store.stats()["articles"] == 1
    hits = store.search("humanitarian aid")
    assert hits and hits[0]["article_id"] == seed.id


def test_export_formats(store, seed, tmp_path):
    from dateline.export import export

    store.write([seed])
    export(store, str(tmp_path / "all.jsonl"), "jsonl")
    line = json.loads((tmp_path / "all.jsonl").read_text().splitlines()[0])
    assert line["id"] == seed.id and line["quotes"]
    export(store, str(tmp_path / "csv"), "csv")
    assert (tmp_path / "csv" / "quotes.csv").read_text().startswith("id,article_id")
    export(store, str(tmp_path / "pq"), "parquet")
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == len(seed.events)
    export(store, str(tmp_path / "events.plover.jsonl"), "plover")
    record = json.loads((tmp_path / "events.plover.jsonl").read_text().splitlines()[0])
    assert {"id", "date", "event", "mode", "actor", "recipient", "event_text"} <= set(record)


def test_a_batch_holding_a_document_twice_stores_it_once(store, seed):
    counts = store.write([seed, seed])
    assert (counts.stored, store.stats()["articles"]) == (1, 1)


def test_skips_are_recorded_once(store):
    from dateline.records import Skipped

    store.record_skips([Skipped("a.html", "empty document"), Skipped("a.html", "empty document")])
    store.record_skips([Skipped("a.html", "empty document")])
    assert store.stats()["skipped"] == 1


def test_search_covers_quotes_and_schema_is_current(store, seed):
    from dateline.store.sql import migrations

    store.write([seed])
    assert {"article", "quote"} <= {h["kind"] for h in store.search("Lavrov")}
    assert store.stats()["schema_version"] == migrations("sqlite")[-1][0]


def test_near_duplicates_share_a_cluster(store, seed):
    from dateline.extract.dedup import assign_clusters

    article = seed.article
    trimmed = replace(article, text=article.text[: int(len(article.text) * 0.8)])
    copy = replace(seed, id="republished-copy", article=trimmed)
    store.write([seed, copy])
    assign_clusters(store, [(seed.id, article.text), (copy.id, trimmed.text)])
    rows = {r["id"]: r["cluster_id"] for r in store.articles(ArticleQuery(limit=None))}
    assert rows[seed.id] is not None and rows[seed.id] == rows["republished-copy"]
    assert len(store.articles(ArticleQuery(limit=None, dedup=True))) == 1
    assert store.clustered([seed.id, "republished-copy", "unknown"]) == {seed.id, "republished-copy"}
