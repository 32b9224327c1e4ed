"""Actors named by description rather than by name: "Israeli troops", "the Pakistani
foreign minister", "leaders of Romania's new government", "demonstrators in Baghdad".

News names most participants this way, so an event coder that only knows named
entities misses most of them.  The country comes from the phrase itself (a demonym,
a possessive, an "of"/"from" phrase, an organisation), the sector from its head noun and
modifiers ("rebel leaders" are REB, "riot police" COP).  Hand-written because it is
the core of dateline's actor resolution and no library describes PLOVER actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor, Entity
from .coref import resolve_reference
from .lexicon import roles, sectors

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .resolve import EntityIndex

# "thousands of Nigerians", "a group of diplomats": the real head is in the "of" phrase.
PARTITIVES = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
              "millions", "group", "groups", "number", "some", "many", "one", "two", "three",
              "third", "half", "majority", "part", "batch", "patch", "wave", "contingent",
              "deployment", "handful", "few", "several", "most", "all", "each", "band",
              "scores", "score", "tens", "team", "body", "bunch", "crowd", "unit", "column"}
# "leaders of the opposition coalition": the "of" phrase decides the country and sector.
MEMBERS = {"member", "members", "leader", "leaders", "head", "heads", "chief", "official",
           "officials", "representative", "representatives", "delegation", "delegates",
           "spokesman", "spokeswoman", "spokesperson", "president", "king", "emir", "chairman",
           "secretary", "minister", "ministers", "commander", "commanders", "wing", "arm"}
# Heads that take their sector from a modifier: "rebel leaders", "army officers".
GENERIC_HEADS = {"leader", "leaders", "official", "officials", "officer", "officers", "member",
                 "members", "group", "groups", "chief", "head", "spokesman", "spokeswoman",
                 "spokesperson", "source", "sources", "representative", "representatives",
                 "figure", "figures", "people", "personnel", "team", "delegation", "agents",
                 "commander", "commanders", "units", "unit", "wing", "faction", "factions",
                 "side", "sides", "organization", "organisation", "movement", "activists",
                 "supporters", "elements", "minister", "ministers"}
# People located by an "in" phrase: "demonstrators in Baghdad", "rebels in the Ivory Coast".
_LOCATED_BY_IN = {"CVL", "REB", "OPP", "COP", "LAB", "EDU", "REF", "CRM", "AGR", "UAF", "REL",
                  "MED", "JRN", "PTY", "ELI", "JUD", "LEG"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "its", "their",
             "his", "our", "who", "which", "that", "itself", "themselves"}


def sector_of(tok: Token) -> str | None:
    """The sector a noun phrase's head and modifiers imply ("rebel leaders" -> REB)."""
    head = sectors().get(tok.lower_) or sectors().get(tok.lemma_.lower()) \
        or roles().get(tok.lower_) or roles().get(tok.lemma_.lower())
    modifier_sector = None
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
            word = child.lower_
            found = sectors().get(word) or sectors().get(child.lemma_.lower()) or \
                _modifier_sector(word)
            if found:
                modifier_sector = found
    two_words = [f"{c.lower_} {tok.lower_}" for c in tok.children if c.dep_ in ("compound", "amod")]
    for phrase in two_words:
        if phrase in roles():
            return roles()[phrase]
    if modifier_sector and (head is None or tok.lower_ in GENERIC_HEADS or tok.lemma_ in GENERIC_HEADS):
        return modifier_sector
    return head


_MODIFIER_SECTORS = {"rebel": "REB", "opposition": "OPP", "military": "MIL", "army": "MIL",
                     "naval": "MIL", "air": "MIL", "police": "COP", "riot": "COP",
                     "security": "COP", "border": "COP", "intelligence": "SPY",
                     "government": "GOV", "governmental": "GOV", "official": "GOV",
                     "ministry": "GOV", "state": "GOV", "parliamentary": "LEG",
                     "judicial": "JUD", "student": "EDU", "university": "EDU", "labour": "LAB",
                     "labor": "LAB", "union": "LAB", "trade": "LAB", "medical": "MED",
                     "religious": "REL", "islamist": "REB", "guerrilla": "REB", "militant": "REB",
                     "separatist": "REB", "insurgent": "REB", "terror": "REB", "terrorist": "REB",
                     "paramilitary": "PRM", "refugee": "REF", "business": "BUS", "press": "JRN",
                     "news": "JRN", "party": "PTY", "traditional": "ELI", "former": "ELI",
                     "ousted": "ELI", "exiled": "ELI"}


_LOCAL_INSTITUTIONS = {"government", "army", "junta", "military", "parliament", "authorities",
                       "police", "president", "people", "court", "regime", "administration",
                       "cabinet", "legislature", "opposition", "security", "ministry"}
_COUNTS = {"thousands", "hundreds", "dozens", "millions", "tens", "scores", "many", "others"}
_PLACE_PREPS = ("in", "inside", "throughout", "at", "across", "of", "from")


def _place_of(tok: Token, index: EntityIndex) -> list[Actor]:
    """The country named in a phrase's place: "in Baghdad", "at a mine in Chile", "of Iraq"."""
    for child in tok.children:
        if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
            continue
        for word in child.subtree:
            if word.dep_ in ("relcl", "acl"):
                break
            mention = index.mention_at(word)
            entity = index.at(word)
            if entity is None or mention is None or not entity.country:
                continue
            if entity.type in ("GPE", "LOC", "FAC") or (child.lower_ in ("of", "from")
                                                         and entity.type in ("NORP", "ORG")):
                return [Actor(name=entity.name, text=mention.text,
                              span=(mention.start_char, mention.end_char), country=entity.country,
                              sector=None, organisation=entity.name if entity.type == "ORG" else None,
                              entity=entity.id)]
    return []


def _modifier_sector(word: str) -> str | None:
    return _MODIFIER_SECTORS.get(word)


def phrase_span(tok: Token) -> Span:
    """The words naming the actor: modifiers up to the head, no relative clauses."""
    doc = tok.doc
    left = tok.left_edge.i
    while left < tok.i and (doc[left].lower_ in ("the", "a", "an", "some", "up", "to", "about")
                            or doc[left].pos_ in ("NUM", "PUNCT")):
        left += 1
    return doc[left:tok.i + 1]


def _entity_actor(entity: Entity, text: str, span: tuple[int, int], *, sector: str | None = None,
                  role: str | None = None) -> Actor:
    return Actor(name=entity.name, text=text, span=span, country=entity.country,
                 sector=sector or entity.sector, role=role or entity.role,
                 organisation=entity.organisation or (entity.name if entity.type == "ORG" else None),
                 entity=entity.id)


def _of_phrase(tok: Token, words: tuple[str, ...] = ("of",)) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in words:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _modifier_entities(tok: Token, index: EntityIndex) -> list[tuple[Span, Entity]]:
    """Named things inside the words before the head: demonyms, countries, organisations."""
    found = [(m, e) for m, e in index.in_span(tok.left_edge.i, tok.i)
             if e.country and not _ethnic(m)]
    if not found:
        return []
    # coordinated modifiers ("Hungarian and Romanian officials") all count; else the nearest
    last = found[-1]
    if any(t.dep_ == "conj" or any(c.dep_ == "cc" for c in t.children)
           for mention, _ in found for t in mention):
        # "U.S. and South Korean forces": every modifier of the head, or conjoined to one
        direct = [(m, e) for m, e in found if m.root.head == tok or m.root.dep_ == "conj"]
        if len(direct) > 1:
            return direct
    return [last]


def _ethnic(mention: Span) -> bool:
    """ "ethnic Albanians" live elsewhere: the demonym names no state."""
    before = mention.doc[mention.start - 1] if mention.start > 0 else None
    return mention[0].lower_ == "ethnic" or (before is not None and before.lower_ == "ethnic")


def _located(tok: Token, index: EntityIndex) -> Actor | None:
    """The place a group is "in" or "of": "Albanians of southern Serbia"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "inside", "throughout"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                for _, entity in index.in_span(pobj.left_edge.i, pobj.i + 1):
                    if entity.type in ("GPE", "LOC") and entity.country:
                        return Actor(name=entity.name, text=entity.name, span=(0, 0),
                                     country=entity.country, entity=entity.id)
    return None


def _named(tok: Token, entity: Entity, mention: Span, index: EntityIndex) -> list[Actor]:
    """A named mention as an actor, placed by its phrase when the name alone does not."""
    text, span = mention.text, (mention.start_char, mention.end_char)
    head_sector = sector_of(tok) if tok.i == mention.end - 1 and entity.type == "ORG" \
        and entity.sector is None else None
    if entity.type == "NORP" and tok.i == mention.end - 1:
        place = _located(tok, index)
        if place is not None or _ethnic(mention):
            return [Actor(name=text, text=text, span=span, country=place.country if place else None,
                          sector="CVL", role=None, entity=entity.id)]
    if entity.country is None:
        outside = [(m, e) for m, e in index.in_span(tok.left_edge.i, mention.start) if e.country]
        if outside:
            where = outside[-1][1]
            return [Actor(name=entity.name, text=text, span=span, country=where.country,
                          sector=head_sector or entity.sector or sector_of(tok), role=entity.role,
                          organisation=entity.organisation or (entity.name if entity.type == "ORG"
                                                               else None), entity=entity.id)]
    return [_entity_actor(entity, text, span, sector=head_sector)]


def describe(tok: Token, index: EntityIndex) -> list[Actor]:
    """The actor(s) a noun phrase head stands for; empty when it names nobody."""
    entity, _ = resolve_reference(index, tok)
    mention = index.mention_at(tok)
    if entity is not None and mention is not None:
        return _named(tok, entity, mention, index)
    if entity is not None and tok.lower_ in _PRONOUNS:
        return [_entity_actor(entity, tok.text, (tok.idx, tok.idx + len(tok)))]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    found = _describe_noun(tok, index)
    if entity is not None and (not found or found[0].country is None):
        sector = found[0].sector if found else sector_of(tok)
        phrase = phrase_span(tok)  # "the government" resolved to the country of the article
        return [_entity_actor(entity, phrase.text, (phrase.start_char, phrase.end_char),
                              sector=sector)]
    return found


def _describe_noun(tok: Token, index: EntityIndex) -> list[Actor]:
    lower = tok.lower_
    inner = _of_phrase(tok)
    if inner is not None and (lower in PARTITIVES or tok.lemma_ in PARTITIVES):
        return describe(inner, index)
    sector = sector_of(tok)
    phrase = phrase_span(tok)
    text, span = phrase.text, (phrase.start_char, phrase.end_char)
    if inner is not None and (lower in MEMBERS or tok.lemma_ in MEMBERS):
        members = [a for t in (inner, *inner.conjuncts) for a in describe(t, index)[:1]]
        if members:  # "the foreign ministers of Japan and South Korea"
            return [Actor(name=text, text=text, span=span, country=a.country,
                          sector=a.sector if a.sector and sector in (None, "GOV") and a.sector != "GOV"
                          else sector or a.sector, role=tok.text, organisation=a.organisation,
                          entity=a.entity) for a in members]
    modifiers = _modifier_entities(tok, index)
    if not modifiers:
        source = _of_phrase(tok, ("from",))
        found = describe(source, index) if source is not None else []
        if not (found and found[0].country) and (
                sector in _LOCATED_BY_IN or lower in _LOCAL_INSTITUTIONS or inner is not None):
            found = _place_of(tok, index)  # "demonstrators in Baghdad", "the government of X"
        if found and found[0].country:
            return [Actor(name=text, text=text, span=span, country=found[0].country,
                          sector=sector or found[0].sector, role=tok.text,
                          organisation=found[0].organisation, entity=found[0].entity)]
    if not modifiers:
        if sector is None and lower in _COUNTS:
            sector = "CVL"  # "thousands rallied"
        if sector is None:
            return []
        return [Actor(name=text, text=text, span=span, country=None, sector=sector, role=tok.text)]
    actors = []
    for _, entity in modifiers:
        own_sector = sector or (entity.sector if entity.type in ("ORG", "PERSON") else None)
        actors.append(Actor(name=text, text=text, span=span, country=entity.country,
                            sector=own_sector, role=tok.text if sector else entity.role,
                            organisation=entity.organisation or (entity.name if entity.type == "ORG"
                                                                  else None),
                            entity=entity.id))
    return actors
