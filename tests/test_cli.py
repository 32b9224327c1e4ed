"""The CLI end to end: its effect is checked through the store and the JSON contract."""

from __future__ import annotations

import json

from dateline.cli import main
from dateline.store import open_store

from .conftest import SAMPLES, SEED


def test_process_json_contract(capsys):
    assert main(["process", str(SEED), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out.splitlines()[0])
    assert set(doc) >= {"id", "source", "article", "entities", "quotes", "events", "pipeline_version"}
    assert set(doc["article"]) >= {"title", "date", "publisher", "authors", "agencies", "language",
                                   "url", "text", "paragraphs"}
    quote = doc["quotes"][0]
    assert set(quote) >= {"speaker", "speaker_mention", "content", "content_span", "cue",
                          "cue_span", "kind"}
    event = doc["events"][0]
    assert set(event) >= {"category", "mode", "actor", "recipient", "negated", "hypothetical",
                          "date", "location", "sentence_span"}
    assert set(event["actor"][0]) >= {"name", "country", "sector"}


def test_sample_corpus_ingests_with_workers(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["ingest", str(SAMPLES), "--db", str(db), "--workers", "2"]) == 0
    store = open_store(str(db))
    stats = store.stats()
    store.close()
    files = [p for p in SAMPLES.rglob("*") if p.suffix in (".html", ".txt")]
    assert stats["articles"] == len(files) >= 11
    assert stats["languages"].get("de") == 2
    assert stats["quotes"] > 50 and stats["events"] > 30
    capsys.readouterr()
    for argv in (["articles"], ["quotes", "--speaker", "Lavrov"], ["events", "--actor", "RUS"],
                 ["search", "Syria"], ["stats"], ["events", "--json", "--type", "AID"]):
        assert main([*argv, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Sergey Lavrov" in out and "AID" in out


def test_show_marks_quotes_and_events(tmp_path, capsys):
    db = tmp_path / "t.db"
    main(["ingest", str(SEED), "--db", str(db), "--workers", "1"])
    store = open_store(str(db))
    from dateline.query import ArticleQuery

    article_id = store.articles(ArticleQuery())[0]["id"]
    store.close()
    capsys.readouterr()
    assert main(["show", article_id, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "⟦" in out and "}E1" in out and "Quotes:" in out


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    assert main(["quotes", "--db", str(tmp_path / "none.db")]) == 1
    assert "dateline ingest" in capsys.readouterr().err
