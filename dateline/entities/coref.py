"""References to entities that do not name them: pronouns and nominals ("the minister").

A light, explainable rule set rather than a neural coreference model: news attribution
pronouns overwhelmingly point at the most recent salient person, and salience in news is
mostly "was the subject of a recent sentence".  Every resolution carries a confidence so
that users can filter the guesses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Entity
from .lexicon import roles

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .resolve import EntityIndex

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
_PLACE_NOUNS = {"country", "nation", "state", "government", "kingdom", "republic"}
_GROUP_NOUNS = {"group", "organisation", "organization", "alliance", "movement", "militia",
                "party", "agency", "bloc", "company", "union", "council", "ministry"}
_LOOKBACK_SENTENCES = 4
# Descriptions news uses for a person it has just named ("the businessman replied").
_PERSON_NOUNS = {"businessman", "businesswoman", "billionaire", "candidate", "nominee",
                 "senator", "congressman", "congresswoman", "governor", "mayor", "lawmaker",
                 "official", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser",
                 "advisor", "leader", "chairman", "chairwoman", "minister", "secretary",
                 "president", "former", "frontrunner", "front-runner", "mogul", "tycoon",
                 "diplomat", "envoy", "general", "commander", "chief", "executive", "man",
                 "woman", "politician", "republican", "democrat", "judge", "prosecutor",
                 "activist", "cleric", "ambassador", "premier", "chancellor", "king", "queen"}


def noun_phrase(token: Token) -> Span:
    """The noun phrase a token heads, without relative clauses or trailing appositions."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "amod", "nummod", "poss", "case"):
            right = max(right, child.right_edge.i)
        else:
            break
    return doc[left:right + 1]


def _previous_sentences(token: Token, count: int) -> list[Span]:
    sents: list[Span] = []
    sent = token.sent
    doc = token.doc
    start = sent.start
    while len(sents) < count and start > 0:
        prev = doc[start - 1].sent
        sents.append(prev)
        start = prev.start
    return sents


def _persons_in(index: EntityIndex, start: int, end: int) -> list[tuple[Span, Entity]]:
    return [(m, e) for m, e in index.in_span(start, end) if e.type == "PERSON"]


def _salient(candidates: list[tuple[Span, Entity]]) -> tuple[Span, Entity] | None:
    """The subject among mentions if there is one, else the first mention."""
    for mention, entity in candidates:
        if mention.root.dep_ in ("nsubj", "nsubjpass"):
            return mention, entity
    return candidates[0] if candidates else None


def resolve_reference(index: EntityIndex, token: Token) -> tuple[Entity | None, float]:
    """The entity a token refers to, and how sure dateline is (1.0 for a name)."""
    named = index.at(token)
    if named is not None:
        return named, 1.0
    lower = token.lower_
    if lower in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl") and token.head.head is not token:
        # "Lavrov, who said ...": the relative pronoun is its antecedent
        entity, sure = resolve_reference(index, token.head.head)
        return entity, round(sure * 0.95, 2)
    if lower in PERSON_PRONOUNS:
        return _resolve_person(index, token)
    if lower in THING_PRONOUNS and _is_expletive(token):
        return None, 0.0
    if lower in GROUP_PRONOUNS or lower in THING_PRONOUNS:
        return _resolve_group(index, token)
    if token.pos_ in ("NOUN", "PROPN"):
        return _resolve_nominal(index, token)
    return None, 0.0


def _resolve_possessed(index: EntityIndex, token: Token,
                       possessor: Token) -> tuple[Entity | None, float]:
    """"NATO's chief", "Russia's foreign minister": the person of that body in the article,
    matched by organisation or country and, where the article gives one, by role."""
    owner = index.at(possessor)
    if owner is None or owner.type == "PERSON":
        return None, 0.0
    lower = token.lower_
    best: Entity | None = None
    for entity in index.entities:
        if entity.type != "PERSON":
            continue
        belongs = entity.organisation == owner.name or (
            owner.type in ("GPE", "NORP") and owner.country and entity.country == owner.country)
        if belongs and (best is None or (entity.role and lower in entity.role.lower())):
            best = entity
    return (best, 0.6) if best is not None else (None, 0.0)


def _is_expletive(token: Token) -> bool:
    """"It is important to ...", "it seems that ...": an "it" that refers to nothing."""
    head = token.head
    if token.dep_ not in ("nsubj", "expl", "nsubjpass"):
        return False
    siblings = {c.dep_ for c in head.children}
    return token.dep_ == "expl" or (head.lemma_ in ("be", "seem", "appear", "remain")
                                    and bool(siblings & {"xcomp", "ccomp", "csubj"}))


def _resolve_person(index: EntityIndex, token: Token) -> tuple[Entity | None, float]:
    sent = token.sent
    before = [c for c in _persons_in(index, sent.start, token.i) if c[0].end <= token.i]
    if before:
        choice = _salient(before)
        if choice is not None:
            return choice[1], 0.9
    for distance, prev in enumerate(_previous_sentences(token, _LOOKBACK_SENTENCES)):
        candidates = _persons_in(index, prev.start, prev.end)
        choice = _salient(candidates)
        if choice is not None:
            return choice[1], 0.85 - 0.1 * distance
    return None, 0.0


def _resolve_group(index: EntityIndex, token: Token) -> tuple[Entity | None, float]:
    sents = [token.sent, *_previous_sentences(token, 2)]
    for distance, sent in enumerate(sents):
        end = token.i if distance == 0 else sent.end
        candidates = [(m, e) for m, e in index.in_span(sent.start, end)
                      if e.type in ("ORG", "GPE", "NORP")]
        if candidates:
            subjects = [c for c in candidates if c[0].root.dep_ in ("nsubj", "nsubjpass")]
            return (subjects or candidates)[-1][1], 0.6 - 0.1 * distance
    return None, 0.0


def _resolve_nominal(index: EntityIndex, token: Token) -> tuple[Entity | None, float]:
    """"the minister" -> the latest person with that role; "the country" -> latest country;
    "NATO's chief" -> the person of that organisation; "Russian officials" -> Russia;
    "the businessman" -> the person the last sentences were about."""
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return _resolve_possessed(index, token, possessor)
    for child in token.children:
        # "Russian officials", "NATO diplomats": the body the unnamed people speak for
        owner = index.at(child) if child.dep_ in ("amod", "compound", "nmod") else None
        if owner is not None and owner.type in ("GPE", "NORP", "ORG") and token.lower_ in roles():
            return owner, 0.6
    if not any(child.lower_ in ("the", "this", "that") for child in token.children):
        return None, 0.0
    lower = token.lower_
    start = max(0, token.sent.start - 200)
    mentions = index.in_span(start, token.i)
    if token.tag_ in ("NNS", "NNPS"):
        return None, 0.0  # "the officials": a group the article rarely names
    if lower in roles() and lower not in _PLACE_NOUNS and lower not in _GROUP_NOUNS:
        for _, entity in reversed(mentions):
            if entity.type == "PERSON" and entity.role and lower in entity.role.lower():
                return entity, 0.7
    if lower in _PERSON_NOUNS or (lower in roles() and lower not in _PLACE_NOUNS
                                  and lower not in _GROUP_NOUNS):
        for distance, sent in enumerate([token.sent, *_previous_sentences(token, 2)]):
            end = token.i if distance == 0 else sent.end
            choice = _salient(_persons_in(index, sent.start, end))
            if choice is not None:
                return choice[1], 0.55 - 0.1 * distance
        return None, 0.0
    if lower in _PLACE_NOUNS:
        for _, entity in reversed(mentions):
            if entity.type == "GPE" and entity.country:
                return entity, 0.6
    if lower in _GROUP_NOUNS:
        for _, entity in reversed(mentions):
            if entity.type == "ORG":
                return entity, 0.6
    return None, 0.0
