"""A keyword coder, for scale: what the lexicon's words do without the parse.

Each sentence gets the category of its first word found among the trigger lexicon's
plain entries (no particles, no object classes, no frames, no tense or negation), the
first named country as actor and the next one as recipient.  It shares dateline's
tokenizer and entity resolution, so the gap to dateline is what the event grammar adds.
"""

from __future__ import annotations

import csv
from importlib import resources
from io import StringIO


def keywords() -> dict[tuple[str, str], str]:
    """(lemma, VERB|NOUN|ADJ) -> category, the first plain sense in the lexicon."""
    text = resources.files("dateline.events.data").joinpath("triggers.csv").read_text("utf-8")
    table: dict[tuple[str, str], str] = {}
    for row in csv.DictReader(StringIO(text)):
        if not row["particle"] and not row["object"]:
            table.setdefault((row["lemma"], row["pos"]), row["category"])
    return table


def code_with_keywords(texts: dict[str, str], model: str | None = None) -> dict[str, list[dict]]:
    """id -> events in the JSON contract's shape (category, actor, recipient)."""
    from dateline.entities import resolve_entities
    from dateline.nlp import load
    from dateline.settings import Settings

    nlp = load(model or Settings().model)
    table = keywords()
    coded: dict[str, list[dict]] = {}
    for sid, doc in zip(texts, nlp.pipe(texts.values()), strict=True):
        index = resolve_entities(doc)
        keys = ((t.lemma_.lower(), {"PROPN": "NOUN"}.get(t.pos_, t.pos_)) for t in doc)
        category = next((table[key] for key in keys if key in table), None)
        countries: list[str] = []
        for _, entity in index.in_span(0, len(doc)):
            if entity.country and entity.country not in countries:
                countries.append(entity.country)
        if category is None or not countries:
            coded[sid] = []
            continue
        actor = [{"country": countries[0], "sector": None, "text": ""}]
        recipient = [{"country": countries[1], "sector": None, "text": ""}] if len(countries) > 1 else []
        coded[sid] = [{"category": category, "actor": actor, "recipient": recipient,
                       "negated": False, "trigger": ""}]
    return coded
