"""Event triggers: a word, what it needs around it, and its PLOVER coding.

The lexicon is dateline's own, written from the PLOVER category definitions and ordinary
news English, and shipped as `data/triggers.csv` (one row per sense) with the word
classes its object restrictions use in `data/classes.csv`, so that it can be read,
diffed and extended without touching code.  A row may ask for a particle or preposition
("call off", "call for"), for an object of a class ("send @troops" is MOBILIZE, "send
@aid" is AID, "release !@document" excludes "released a statement"), and say how the
word frames an embedded event (`intent`, `demand`, `refuse`, `threat`, `accuse`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import StringIO
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

FRAMES = {"", "intent", "demand", "refuse", "threat", "accuse", "joint", "official", "state"}
NEEDS = {"", "object", "complement", "intransitive", "cooperation", "noclause"}
_OBJECT_DEPS = ("dobj", "attr", "oprd", "dative", "nsubjpass")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One sense of a trigger word."""

    lemma: str
    pos: str  # VERB | NOUN | ADJ
    particle: str | None
    objects: frozenset[str]  # any of these words must be among the object words
    excluded: frozenset[str]  # none of these may be
    category: str
    mode: str | None
    cameo: str | None
    context: str | None
    frame: str
    needs: str

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particle) + bool(self.objects)


def _read(name: str) -> str:
    return resources.files("dateline.events.data").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """`@class` name -> its words."""
    return {row["class"]: frozenset(row["words"].split("|"))
            for row in csv.DictReader(StringIO(_read("classes.csv")))}


_LETTING = {"allow", "permit", "let", "enable", "authorize", "authorise", "help"}
NAMED = "@named"  # the object is a named person, organisation or place


def _expand(spec: str) -> tuple[frozenset[str], frozenset[str]]:
    wanted: set[str] = set()
    excluded: set[str] = set()
    for item in filter(None, spec.split("|")):
        target = excluded if item.startswith("!") else wanted
        item = item.lstrip("!")
        if item == NAMED:
            target.add(NAMED)
        elif item.startswith("@"):
            if item[1:] not in word_classes():
                raise ValueError(f"triggers.csv: unknown word class {item!r}")
            target.update(word_classes()[item[1:]])
        else:
            target.add(item)
    return frozenset(wanted), frozenset(excluded)


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, VERB|NOUN|ADJ) -> senses, the most specific first."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    for number, row in enumerate(csv.DictReader(StringIO(_read("triggers.csv"))), 2):
        if row["frame"] not in FRAMES or row["needs"] not in NEEDS:
            raise ValueError(f"triggers.csv line {number}: bad frame or needs in {row}")
        wanted, excluded = _expand(row["object"])
        trigger = Trigger(row["lemma"], row["pos"], row["particle"] or None, wanted, excluded,
                          row["category"], row["mode"] or None, row["cameo"] or None,
                          row["context"] or None, row["frame"], row["needs"])
        table.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    for senses in table.values():
        senses.sort(key=lambda t: -t.specificity)
    return table


def _core_words(tok: Token) -> set[str]:
    """A noun phrase's head, its compounds and modifiers, and the head of its "of" phrase."""
    words = {tok.lemma_.lower(), tok.lower_}
    if tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
        words.add(NAMED)
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod", "nummod"):
            words.update((child.lemma_.lower(), child.lower_))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    words.update((pobj.lemma_.lower(), pobj.lower_))
                    words.update(c.lemma_.lower() for c in pobj.children if c.dep_ == "compound")
    return words


def particles(tok: Token) -> set[str]:
    """Particles and prepositions hanging on a verb ("call off", "call for")."""
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent")}


def object_words(tok: Token, particle: str | None = None) -> set[str]:
    """Words of a trigger's objects, so "send troops" and "send aid" code differently."""
    found: set[str] = set()
    if is_nominal(tok):
        return _core_words(tok) - {tok.lemma_.lower(), tok.lower_}
    for child in tok.children:
        if child.dep_ in _OBJECT_DEPS and not (child.dep_ == "nsubjpass" and tok.tag_ != "VBN"):
            for target in (child, *child.conjuncts):
                found |= _core_words(target)
        elif child.dep_ == "xcomp" and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            found |= _core_words(child)
        elif child.dep_ in ("ccomp", "xcomp") and tok.lemma_.lower() in _LETTING:
            for subject in child.children:  # "allowed aid agencies to resume work"
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    found |= _core_words(subject)
        elif child.dep_ == "prep" and (particle is None or child.lower_ == particle):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found |= _core_words(pobj)
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        found |= _core_words(tok.head)  # "the curfew imposed in Sudan"
    return found


def has_object(tok: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in tok.children) or \
        (tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.children)) or \
        (tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN")


def is_nominal(tok: Token) -> bool:
    """A noun, or a plural the tagger took for a verb ("condemned Chinese military drills")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    return tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBG") and \
        tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and \
        any(c.dep_ in ("det", "amod", "compound", "poss") for c in tok.children) and \
        not any(c.dep_ in ("dobj", "nsubj", "aux") for c in tok.children)


# The parts of speech a trigger can have: `coarse_pos` gives every other token no sense.
TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})


def coarse_pos(tok: Token) -> str | None:
    if tok.pos_ == "VERB" and is_nominal(tok):
        return "NOUN"
    return tok.pos_ if tok.pos_ in TRIGGER_POS else None


def senses_of(tok: Token) -> list[Trigger]:
    """Every sense the word could have, before its arguments are checked."""
    pos = coarse_pos(tok)
    if pos is None:
        return []
    lemma = tok.lemma_.lower()
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        prefixed = triggers().get((f"{doc[tok.i - 2].lower_}-{lemma}", pos))
        if prefixed:  # "test-fired", "re-imposed": the prefix changes the word
            return prefixed
    found = triggers().get((lemma, pos), [])
    if not found and pos == "NOUN" and tok.lower_ != lemma:
        found = triggers().get((tok.lower_, pos), [])  # "talks", "sanctions" as written
    return found


def match(tok: Token) -> Trigger | None:
    """The sense a token has in its sentence: particle and object restrictions decide."""
    senses = senses_of(tok)
    if not senses:
        return None
    present = particles(tok) if coarse_pos(tok) == "VERB" else set()
    for sense in senses:
        if sense.particle and sense.particle not in present:
            continue
        words = object_words(tok, sense.particle) if sense.objects or sense.excluded else set()
        if sense.objects and not sense.objects & words:
            continue
        if sense.excluded & words:
            continue
        if sense.needs == "object" and not has_object(tok):
            continue
        if sense.needs == "intransitive" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
            continue
        if sense.needs == "noclause" and any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "they concede that ...": an admission, not a concession
        return sense
    return None
