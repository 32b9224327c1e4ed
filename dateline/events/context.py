"""PLOVER contexts named in an event's own words ("military equipment and humanitarian aid")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

CONTEXT_WORDS = {"military": "military", "humanitarian": "humanitarian", "economic": "economic",
                 "financial": "economic", "trade": "economic", "nuclear": "cbrn",
                 "chemical": "cbrn", "biological": "cbrn", "weapons": "military",
                 "arms": "military", "food": "human_security", "medicine": "humanitarian",
                 "medical": "humanitarian", "refugee": "migration", "refugees": "migration",
                 "asylum": "asylum", "election": "election", "elections": "election",
                 "vote": "election", "ballot": "election", "court": "legal", "law": "legal",
                 "judicial": "legal", "rights": "human_rights", "corruption": "corruption",
                 "intelligence": "intelligence", "cyber": "cyber", "hackers": "cyber",
                 "terror": "terrorism", "terrorist": "terrorism", "terrorism": "terrorism",
                 "peacekeeping": "peacekeeping", "peacekeepers": "peacekeeping",
                 "oil": "natural_resource", "gas": "natural_resource", "water": "human_security",
                 "border": "territory", "territory": "territory", "diplomatic": "diplomatic",
                 "embassy": "diplomatic", "ambassador": "diplomatic", "press": "rights_freedoms",
                 "religious": "religion_ethnicity", "ethnic": "religion_ethnicity",
                 "drug": "illegal_drugs", "drugs": "illegal_drugs", "smuggling": "trafficking",
                 "trafficking": "trafficking", "health": "health", "vaccine": "health",
                 "vaccines": "health", "epidemic": "health", "pandemic": "health"}


def object_context(tok: Token) -> tuple[str, ...]:
    """Contexts named in the trigger's objects and modifiers."""
    found: list[str] = []
    for child in tok.children:
        if child.dep_ not in ("dobj", "pobj", "attr", "amod", "compound", "prep", "nsubjpass"):
            continue
        for obj in (child, *child.conjuncts):
            for word in obj.subtree:
                if word.dep_ in ("relcl", "acl"):
                    break
                context = CONTEXT_WORDS.get(word.lower_)
                if context and context not in found:
                    found.append(context)
    return tuple(found)
