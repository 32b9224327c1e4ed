"""The shipped attribution model, and the command that rebuilds it, on synthetic text."""

from __future__ import annotations

import json

from dateline.quotes.learn import learn, line_paragraphs, main
from dateline.quotes.model import cue_model, load_model

SAID = "{name} said that the talks in Geneva would resume next week."
ATE = "{name} ate the cake that the embassy had sent."


def _record(text: str, cue: str | None, content: str | None) -> dict:
    quotes = []
    if cue and content:
        c, k = text.index(cue), text.index(content)
        quotes.append({"cue_spans": [[c, c + len(cue)]], "content_spans": [[k, k + len(content)]]})
    return {"text": text, "quotes": quotes}


def _corpus() -> list[dict]:
    names = ["Angela Merkel", "Sergey Lavrov", "John Kerry", "Jens Stoltenberg", "Ban Ki-moon",
             "Federica Mogherini", "Recep Erdogan", "Hassan Rouhani", "Xi Jinping", "Shinzo Abe"]
    records = []
    for name in names:
        said = SAID.format(name=name)
        records.append(_record(said, "said", "that the talks in Geneva would resume next week"))
        records.append(_record(ATE.format(name=name), None, None))
    return records


def test_shipped_model_accepts_reported_speech():
    model = cue_model()
    assert 0 < model.threshold < 1
    said = {"lemma=say": 1.0, "shape=ccomp": 1.0, "lemma|shape=say|ccomp": 1.0,
            "class=speech": 1.0, "stance=say": 1.0, "src=propn": 1.0, "dep=ROOT": 1.0}
    eaten = {"lemma=eat": 1.0, "shape=dobj": 1.0, "lemma|shape=eat|dobj": 1.0,
             "class=none": 1.0, "stance=none": 1.0, "src=propn": 1.0, "dep=ROOT": 1.0}
    assert model.probability(said) >= model.threshold > model.probability(eaten)


def test_learn_separates_speech_from_action(nlp):
    records = _corpus()
    docs = [nlp(r["text"]) for r in records]
    result = learn(records, docs, c=1.0)
    model = load_model(json.dumps(result))
    assert model.weights["lemma=say"] > 0
    assert model.weights.get("lemma=eat", 0.0) < model.weights["lemma=say"]
    assert result["trained_on"]["texts"] == len(records)


def test_learn_command_writes_a_loadable_model(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _corpus()) + "\n", encoding="utf-8")
    out = tmp_path / "model.json"
    assert main([str(corpus), "--out", str(out)]) == 0
    model = load_model(out.read_text(encoding="utf-8"))
    assert model.weights and 0 < model.threshold < 1


def test_line_paragraphs_trim_and_skip_blank_lines():
    text = "Title\n\n  First paragraph.  \nSecond.\n"
    assert [text[a:b] for a, b in line_paragraphs(text)] == ["Title", "First paragraph.", "Second."]
