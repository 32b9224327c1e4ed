"""Cue words of attribution, each with a normalised stance (say, deny, warn, claim, ...).

The stance lets dateline link a denial to the claim it denies; the class separates speech
("said", "warned") from belief and evidence cues ("believes", "a poll shows").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import StringIO


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    stance: str
    cls: str  # speech | other


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    """Lemma -> cue, from the shipped `data/cues.csv`."""
    text = resources.files("dateline.quotes.data").joinpath("cues.csv").read_text("utf-8")
    return {row["lemma"]: Cue(row["lemma"], row["stance"], row["class"])
            for row in csv.DictReader(StringIO(text))}


def cue_of(lemma: str, *, speech_only: bool = False) -> Cue | None:
    """The cue a verb lemma is, or None."""
    cue = cues().get(lemma.lower())
    if cue is None or (speech_only and cue.cls != "speech"):
        return None
    return cue
