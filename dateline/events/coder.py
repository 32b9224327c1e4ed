"""PLOVER event coding from the dependency parse: trigger, actor, recipient, flags.

Hand-written because this is dateline's own value and the open alternatives either rely
on stale dictionaries (PETRARCH-2) or on unreleased models (NGEC).  A trigger word from
the lexicon is coded only when the parse gives it an actor; actors and recipients are the
article's resolved entities, so "he" and "the Kremlin" arrive as the people and
governments they stand for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import EntityIndex, resolve_reference
from ..entities.lexicon import roles
from ..records import Actor, Entity, Event, Quote
from ..quotes.cues import cue_of
from .lexicon import Trigger, match
from .modality import is_hypothetical, is_negated
from .when import event_date
from .where import event_location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_LIGHT_VERBS = {"hold", "launch", "carry", "conduct", "stage", "sign", "reach", "make", "begin",
                "start", "announce", "impose", "express", "voice", "issue", "mount", "order",
                "lead", "organize", "organise", "call", "strike", "seal", "conclude"}
_RECIPIENT_PREPS = {"to", "against", "on", "with", "toward", "towards", "at", "from", "for",
                    "about", "over", "into", "of"}
_OBJECT_CONTROL = {"warn", "urge", "ask", "tell", "order", "call", "press", "persuade", "force",
                   "invite", "encourage", "allow", "instruct", "request", "advise", "pressure"}
_RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}
_MILITARY_NOUNS = {"planes", "plane", "jets", "warplanes", "aircraft", "tanks", "warships",
                   "ships", "navy", "drones", "helicopters", "artillery", "missiles", "units"}


def _objects(tok: Token) -> set[str]:
    """Lemmas of a word's objects, so "send troops" and "send aid" code differently."""
    found: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "pobj", "dative", "prep", "prt"):
            targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            for target in targets:
                found.add(target.lemma_.lower())
                found.add(target.lower_)
                found.update(c.lemma_.lower() for c in target.conjuncts)
        if child.dep_ == "prt":
            found.add(child.lower_)
    return found


def _subject(tok: Token) -> list[Token]:
    """Subjects of the trigger's clause, climbing through xcomp/advcl/acomp and conj.

    Object control wins for xcomp ("warned Moscow not to bolster": Moscow bolsters), and
    the climb stops at a speech verb, whose subject is the speaker, not the actor.
    """
    current = tok
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
        if subjects:
            return [s for subj in subjects for s in (subj, *subj.conjuncts)]
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents
        if current.dep_ in ("xcomp", "advcl", "acomp", "conj", "dobj", "pcomp", "pobj", "prep") \
                and current.head is not current:
            head = current.head
            if current.dep_ == "xcomp" and head.lemma_.lower() in _OBJECT_CONTROL:
                return [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if current.dep_ == "xcomp" and (cue := cue_of(head.lemma_)) is not None \
                    and cue.stance in ("say", "claim", "deny", "believe"):
                return []  # reported content mis-attached to the speech verb
            current = head
            continue
        break
    return []


def _actors_for(tokens: list[Token], index: EntityIndex) -> list[Actor]:
    actors: list[Actor] = []
    seen: set[str] = set()
    for tok in tokens:
        for actor in _actor_from(tok, index):
            key = actor.entity or actor.name
            if key not in seen:
                seen.add(key)
                actors.append(actor)
    return actors


def _as_actor(entity: Entity, text: str, span: tuple[int, int], sector: str | None = None) -> Actor:
    return Actor(name=entity.name, text=text, span=span, country=entity.country,
                 sector=sector or entity.sector, role=entity.role,
                 organisation=entity.organisation, entity=entity.id)


def _actor_from(tok: Token, index: EntityIndex) -> list[Actor]:
    """The entity a subject or object word stands for, with the sector its noun implies."""
    mention = index.mention_at(tok)
    entity, _ = resolve_reference(index, tok)
    if entity is not None:
        span = (mention.start_char, mention.end_char) if mention is not None else (tok.idx, tok.idx + len(tok))
        return [_as_actor(entity, mention.text if mention is not None else tok.text, span)]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    # "Russian planes", "Iraqi troops", "Syria's government": the modifier names the country.
    sector = roles().get(tok.lower_) or roles().get(tok.lemma_.lower())
    if tok.lower_ in _MILITARY_NOUNS or tok.lemma_.lower() in _MILITARY_NOUNS:
        sector = "MIL"
    left = tok.left_edge.i
    inside = index.in_span(left, tok.i)
    if inside:
        span_tok = tok.doc[left:tok.i + 1]
        return [_as_actor(e, span_tok.text, (span_tok.start_char, span_tok.end_char),
                          sector or e.sector) for _, e in inside[-1:]]
    return []


def _recipients(trigger: Token, index: EntityIndex, actor_ids: set[str]) -> list[Actor]:
    """The target: an object entity, else one inside the object or a prepositional phrase."""
    candidates: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass") or (child.dep_ == "attr" and trigger.pos_ == "AUX"):
            candidates += [child, *child.conjuncts]
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS:
            candidates += [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "xcomp":
            candidates += [g for g in child.children if g.dep_ == "dobj"]
    if trigger.pos_ == "NOUN":
        candidates += [c for c in trigger.children if c.dep_ in ("poss", "compound", "amod")]
    found: list[Actor] = []
    for cand in candidates:
        actors = _actor_from(cand, index)
        if not actors:
            for mention, entity in index.in_span(cand.left_edge.i, cand.right_edge.i + 1):
                actors = [_as_actor(entity, mention.text, (mention.start_char, mention.end_char))]
                break
        for actor in actors:
            if (actor.entity or actor.name) not in actor_ids and actor not in found:
                found.append(actor)
        if found:
            break
    return found


def _nominal_actor_tokens(trigger: Token) -> list[Token]:
    """Who performs a nominal event: "Russian airstrikes", "Russia's deployment", "held talks"."""
    if trigger.dep_ in ("dobj",) and trigger.head.lemma_.lower() in _LIGHT_VERBS:
        return _subject(trigger.head)
    return [c for c in trigger.children if c.dep_ in ("poss", "amod", "compound") and c.i < trigger.i]


def _reporter(trigger: Token, quotes: list[Quote]) -> str | None:
    for quote in quotes:
        if quote.cue_span and quote.cue_span[0] == trigger.idx:
            return None
        if any(a <= trigger.idx < b for a, b in quote.content_spans):
            return quote.speaker or quote.speaker_mention
    return None


def _code_token(tok: Token, index: EntityIndex, quotes: list[Quote],
                base_date: str | None) -> Event | None:
    if tok.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN") or tok.lemma_ in ("be", "have"):
        return None
    trigger: Trigger | None = match(tok.lemma_, tok.pos_, _objects(tok))
    if trigger is None:
        return None
    if trigger.pos == "NOUN":
        if tok.dep_ == "compound":
            return None
        actor_tokens = _nominal_actor_tokens(tok)
    else:
        actor_tokens = _subject(tok)
    actors = _actors_for(actor_tokens, index)
    if not actors:
        return None
    actor_ids = {a.entity or a.name for a in actors}
    recipients = _recipients(tok, index, actor_ids)
    sentence = tok.sent
    exclude = actor_ids | {r.entity or r.name for r in recipients}
    context = (trigger.context,) if trigger.context else ()
    return Event(
        category=trigger.category,
        mode=trigger.mode,
        actor=tuple(actors),
        recipient=tuple(recipients),
        trigger=tok.text,
        trigger_span=(tok.idx, tok.idx + len(tok.text)),
        sentence_span=(sentence.start_char, sentence.end_char),
        negated=is_negated(tok),
        hypothetical=is_hypothetical(tok),
        reported_by=_reporter(tok, quotes),
        date=event_date(tok, sentence, base_date),
        location=event_location(tok, index, exclude),
        cameo=trigger.cameo,
        context=context + _object_context(tok),
        confidence=0.7 if trigger.pos == "NOUN" else 0.8,
    )


_CONTEXT_WORDS = {"military": "military", "humanitarian": "humanitarian", "economic": "economic",
                  "financial": "economic", "nuclear": "cbrn", "chemical": "cbrn",
                  "weapons": "military", "arms": "military", "food": "humanitarian",
                  "medicine": "humanitarian", "medical": "humanitarian"}


def _object_context(tok: Token) -> tuple[str, ...]:
    """PLOVER contexts named in the object ("military equipment and humanitarian aid")."""
    found: list[str] = []
    for child in tok.children:
        if child.dep_ not in ("dobj", "pobj", "attr"):
            continue
        for word in (t for obj in (child, *child.conjuncts) for t in obj.subtree):
            context = _CONTEXT_WORDS.get(word.lower_)
            if context and context not in found:
                found.append(context)
    return tuple(found)


def code_events(doc: Doc, index: EntityIndex, quotes: list[Quote], *,
                date: str | None = None) -> list[Event]:
    """Every coded event in the article, in text order."""
    events: list[Event] = []
    seen: set[tuple] = set()
    for tok in doc:
        event = _code_token(tok, index, quotes, date)
        if event is None:
            continue
        key = (event.category, event.sentence_span,
               tuple(a.entity or a.name for a in event.actor),
               tuple(r.entity or r.name for r in event.recipient))
        if key in seen:
            continue
        seen.add(key)
        events.append(event)
    return events
