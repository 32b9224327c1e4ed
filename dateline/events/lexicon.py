"""Event triggers: a word (with an optional object restriction) and its PLOVER coding.

The lexicon is dateline's own, written against the PLOVER manual's category definitions
and shipped as `data/triggers.csv` so that it can be read, diffed and extended.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import StringIO


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN | ADJ
    objects: frozenset[str]  # empty: any object
    category: str
    mode: str | None
    cameo: str | None
    context: str | None


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, coarse POS) -> triggers, restricted ones first."""
    text = resources.files("dateline.events.data").joinpath("triggers.csv").read_text("utf-8")
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in csv.DictReader(StringIO(text)):
        trigger = Trigger(row["lemma"], row["pos"],
                          frozenset(filter(None, row["objects"].split("|"))),
                          row["category"], row["mode"] or None, row["cameo"] or None,
                          row["context"] or None)
        table.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    for entries in table.values():
        entries.sort(key=lambda t: not t.objects)
    return table


def match(lemma: str, pos: str, objects: set[str]) -> Trigger | None:
    """The trigger a word is, given the lemmas of its objects; restricted entries win."""
    coarse = {"PROPN": "NOUN", "AUX": "VERB"}.get(pos, pos)
    for trigger in triggers().get((lemma.lower(), coarse), []):
        if not trigger.objects or trigger.objects & objects:
            return trigger
    return None
