"""PLOVER output: `dateline events --json`, `export --format plover`, `process --plover`."""

from __future__ import annotations

import json

from dateline.cli import main

ARTICLE = ("Kenya sends police to Haiti\n\n"
           "Kenya sent 400 police officers to Haiti on Tuesday, the government said.\n\n"
           "Russia and Iran sent military aid to Syria on Monday.\n")
FIELDS = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "text",
          "text_info", "event_loc", "quad_code", "cameo", "negated", "hypothetical",
          "reported_by", "article_id"}


def _ingest(tmp_path):
    source = tmp_path / "kenya.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["ingest", str(source), "--db", str(db), "--workers", "1"]) == 0
    return db


def test_events_json_is_plover(tmp_path, capsys):
    db = _ingest(tmp_path)
    capsys.readouterr()
    assert main(["events", "--json", "--db", str(db)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    aid = [r for r in records if r["event"] == ["AID"]]
    assert aid and set(aid[0]) >= FIELDS
    record = aid[0]
    assert {a["code"] for a in record["actor"]} == {"RUS", "IRN"}
    assert [r["code"] for r in record["recipient"]] == ["SYR"]
    assert record["event_text"] == ["sent"] and record["quad_code"] == 2
    start, end = record["text_info"]["start"], record["text_info"]["end"]
    assert record["text"].startswith("Russia and Iran") and end - start == len(record["text"])
    assert set(record["actor"][0]) >= {"code", "sector", "entity_text", "identifier_text", "span"}


def test_export_plover_writes_jsonl(tmp_path, capsys):
    db = _ingest(tmp_path)
    out = tmp_path / "events.jsonl"
    assert main(["export", str(out), "--format", "plover", "--db", str(db)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 2 and all(set(r) >= FIELDS for r in records)
    assert len({r["id"] for r in records}) == len(records)


def test_process_plover_codes_a_sentence_corpus(tmp_path, capsys):
    corpus = tmp_path / "sentences.jsonl"
    corpus.write_text(json.dumps({"sid": "s-1", "sentence": "Beijing expelled two Canadian "
                                  "diplomats."}) + "\n" + "not json\n", encoding="utf-8")
    assert main(["process", "--jsonl", str(corpus), "--text-field", "sentence", "--id-field",
                 "sid", "--plover"]) == 0
    captured = capsys.readouterr()
    [record] = [json.loads(line) for line in captured.out.splitlines()]
    assert record["id"] == "s-1-0" and record["article_id"] == "s-1"
    assert record["event"] == ["SANCTION"] and record["actor"][0]["code"] == "CHN"
    assert "skipped" in captured.err
