"""Which verb-with-content is an attribution: a small logistic model over explainable features.

Reported speech and attributed beliefs ("X said ...", "X wants ...", "a poll shows ...")
share their shape with plain actions ("X decided to ...", "X found their way ..."); which
verbs report, and with which kind of content, is learned from an attribution corpus by
`python -m dateline.quotes.learn` and shipped as `data/cue_model.json`: one weight per
feature (the verb's lemma, the shape of its content, the kind of source ...), so every
decision can be read off the file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..records import Span
from .found import Found

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL_FILE = "cue_model.json"
_RELATIVE = {"who", "which", "that"}
_MODALS = {"would", "will", "could", "might", "may", "should", "can", "must"}


@dataclass(slots=True)
class Candidate:
    """A verb with a reported content, before the model judges it."""

    found: Found
    shape: str  # ccomp | xcomp | dobj | prep_for | paren | according


def _length(words: int) -> str:
    for limit, name in ((3, "1-3"), (8, "4-8"), (20, "9-20")):
        if words <= limit:
            return name
    return "21+"


def _source(subject: Token | None) -> list[str]:
    if subject is None:
        return ["src=none"]
    if subject.lower_ in _RELATIVE:
        kind = "rel"
    elif subject.pos_ == "PRON":
        kind = "pron_" + subject.lower_ if subject.lower_ in ("i", "we", "you", "it", "they") else "pron"
    else:
        kind = subject.pos_.lower()
    return [f"src={kind}", f"srcent={subject.ent_type_ or 'none'}"]


def features(candidate: Candidate, quoted: list[Span], text: str) -> dict[str, float]:
    """The named features of a candidate; the same function feeds learning and use."""
    found = candidate.found
    verb = found.cue
    assert verb is not None
    lemma = verb.lemma_.lower()
    shape = candidate.shape
    opener = text[found.start:found.end].split(maxsplit=1)[0].lower() if found.end > found.start else ""
    words = sum(len(text[a:b].split()) for a, b in found.content)
    children = {c.dep_ for c in verb.children}
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i][:1]
    names = [
        f"lemma={lemma}", f"shape={shape}", f"lemma|shape={lemma}|{shape}",
        f"tag={verb.tag_}", f"dep={verb.dep_}", f"len={_length(words)}",
        f"stance={found.cue_info.stance if found.cue_info else 'none'}",
        f"class={found.cue_info.cls if found.cue_info else 'none'}",
        f"shape|len={shape}|{_length(words)}",
        *_source(found.subject),
    ]
    if opener in ("that", "whether", "if", "how", "what", "why", "to"):
        names.append(f"opener={opener}")
        names.append(f"shape|opener={shape}|{opener}")
    if "neg" in children:
        names.append("negated")
    if children & {"aux", "auxpass"} and any(c.lower_ in _MODALS for c in verb.children):
        names.append("modal")
    if "auxpass" in children or "nsubjpass" in children:
        names.append("passive")
    subject = found.subject
    if subject is not None and subject.pos_ == "NOUN":
        names.append(f"srcnoun={subject.lemma_.lower()}")
    names.append(f"lemma|src={lemma}|{_source(subject)[0][4:]}")
    if particles:
        names.append(f"lemma|prt={lemma}|{particles[0]}")
    if any(a < found.end and found.start < b for a, b in quoted):
        names.append("quotes_inside")
    if found.subject is not None and found.subject.i > verb.i:
        names.append("source_after")
    return {name: 1.0 for name in names}


@dataclass(frozen=True, slots=True)
class CueModel:
    """Weights of the logistic model and the probability from which a candidate is kept."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(text: str) -> CueModel:
    data = json.loads(text)
    return CueModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """The shipped model (`data/cue_model.json`)."""
    return load_model(resources.files("dateline.quotes.data").joinpath(MODEL_FILE).read_text("utf-8"))
