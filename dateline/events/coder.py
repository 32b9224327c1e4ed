"""PLOVER event coding from the dependency parse: trigger, actor, recipient, flags.

Hand-written because this is dateline's own value and the open alternatives either rely
on stale dictionaries (PETRARCH-2) or on unreleased models (NGEC).  Each sentence is read
in three steps: find the trigger words (lexicon senses chosen by particle and object),
link events framed by another word ("threatened to shell", "demanded the withdrawal",
"agreed to resign") so that the frame is coded once with the framed event as its
content, then give every remaining event its actors, recipients, flags, date and place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Actor, Event, Location, Quote
from .arguments import (
    INTRANSITIVE_NOUNS,
    RECIPIENT_PREPS,
    actors_of,
    event_head,
    governing_subjects,
    nominal_actor_tokens,
    recipients_of,
    subject_tokens,
)
from .background import is_background
from .context import object_context
from .conventions import COOPERATIVE, ask_mode, cameo_root, promised, resolve_frame
from .lexicon import TRIGGER_POS, Trigger, is_nominal, match
from .modality import Modality, inside_condition, modality_of
from .places import STATE_SECTORS, domestic, domestic_recipient, place_actor, placed, unnamed_actor
from .when import event_date
from .where import event_location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..entities import EntityIndex

ABSORBING = {"intent", "demand", "refuse", "threat", "accuse"}
# How a framed event may hang below its frame: dependencies, and prepositions on the way.
_FRAME_DEPS = {
    "intent": {"xcomp", "ccomp", "pobj", "prep", "pcomp", "acl", "dobj"},
    "demand": {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "pcomp"},
    "refuse": {"xcomp", "dobj", "ccomp", "pobj", "prep", "acl", "pcomp"},
    "threat": {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "pcomp"},
    "accuse": {"pcomp", "pobj", "prep", "dobj", "acl", "ccomp", "xcomp"},
}
_FRAME_PREPS = {"intent": {"to", "on"}, "demand": {"for", "on", "of", "upon"},
                "refuse": {"to", "of", "for", "on"}, "threat": {"with", "to", "of"},
                "accuse": {"of", "for", "over", "about", "with", "in", "on"}}
_OBJECT_PROMISES = {"offer", "promise", "pledge"}  # "offered concessions": a promise of them
# A noun event inside another event's object or phrase is its content, not a second event.
_CONTENT_DEPS = {"dobj", "pobj", "prep", "pcomp", "acl", "xcomp", "nsubjpass", "appos", "nsubj"}
_PROTESTERS = {"protesters", "protestors", "demonstrators", "rioters", "crowd", "crowds", "mob",
               "marchers", "youths", "students"}
# Categories whose unnamed participants are placed where the event happens.
DOMESTIC = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE"}
CONSULT_PREPS = ("with", "to", "between", "among")
_OBLIGATION_CUES = {"say", "declare", "insist", "reiterate", "stress", "state", "conclude",
                    "tell", "announce", "warn", "add", "write", "argue", "maintain", "repeat",
                    "affirm", "emphasise", "emphasize", "believe", "demand", "urge"}
_JOINT = {"joint", "combined", "bilateral", "trilateral", "multinational", "allied"}


@dataclass(slots=True)
class Candidate:
    """A trigger word in its sentence, before it becomes an event."""

    tok: Token
    sense: Trigger
    modality: Modality
    governor: Candidate | None = None
    framed: list[Candidate] = field(default_factory=list)
    clause: Token | None = None  # a framed clause with no trigger of its own

    @property
    def head(self) -> Token:
        return event_head(self.tok)

    @property
    def nominal(self) -> bool:
        return is_nominal(self.tok)


def _candidates(sentence: Span, index: EntityIndex) -> list[Candidate]:
    found = []
    for tok in sentence:
        if tok.pos_ not in TRIGGER_POS:  # no sense to find
            continue
        if index.at(tok) is not None or tok.ent_type_ in ("LAW", "WORK_OF_ART", "EVENT", "ORG"):
            continue  # "Asia-Pacific Economic Cooperation", "Security Council" are names
        if tok.dep_ == "compound" and event_head(tok) is tok:
            continue
        if tok.pos_ == "VERB" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and \
                any(c.dep_ == "det" for c in tok.children) and not is_nominal(tok):
            continue  # "evacuated the wounded": a participle used as a noun
        if tok.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in tok.children):
            continue  # "meeting our responsibilities": a gerund the tagger took for a noun
        sense = match(tok)
        if sense is not None and (not is_nominal(tok) or _reported_noun(tok)):
            found.append(Candidate(tok, sense, modality_of(tok)))
    return found


_NOMINAL_SLOTS = {"nsubj", "nsubjpass", "dobj", "attr", "ROOT", "appos", "conj", "dep", "oprd"}
_NOMINAL_PREPS = {"in", "during", "with", "for", "at", "into", "against", "after", "following",
                  "before", "since", "despite", "amid", "over", "about", "on", "of", "to",
                  "from", "by", "under", "as"}


def _reported_noun(tok: Token) -> bool:
    """A noun reports an event in a verb's slot ("launched attacks", "the attack killed",
    "killed in an attack") or inside another event; a noun deep inside a noun phrase
    ("a review of U.S. aid", "his campaign promises") only mentions one."""
    node = event_head(tok)
    if node.dep_ in _NOMINAL_SLOTS:
        return True
    if node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent"):
        holder = node.head.head
        if holder.pos_ in ("VERB", "AUX", "ADJ") and node.head.lower_ in _NOMINAL_PREPS:
            return True
        return match(holder) is not None  # "demands for the withdrawal", "talks on a truce"
    return node.dep_ in ("pcomp", "npadvmod", "compound") and node.head.pos_ in ("VERB", "AUX")


def _frames(above: Candidate, path: list[tuple[str, str]], cand: Candidate) -> bool:
    """Whether `cand`, reached from `above` along `path`, is the event `above` frames."""
    frame = above.sense.frame
    deps = {dep for dep, _ in path}
    preps = {word for dep, word in path if dep == "prep"}
    if frame in ABSORBING:
        if "advcl" in deps and frame != "accuse" and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in cand.tok.children):
            deps = deps - {"advcl"}  # "sworn to fight" parsed as a purpose clause
        if not deps <= _FRAME_DEPS[frame] or not preps <= _FRAME_PREPS[frame]:
            return False
        return not (frame == "intent" and "dobj" in deps
                    and above.tok.lemma_.lower() not in _OBJECT_PROMISES)
    return cand.nominal and deps <= _CONTENT_DEPS


def _link(cand: Candidate, governor: Candidate) -> None:
    cand.governor = governor
    governor.framed.append(cand)


def _link_frames(candidates: list[Candidate]) -> None:
    """Attach each event to the framing word (or the event) it is the content of."""
    at = {c.tok.i: c for c in candidates}
    for cand in candidates:
        node, path = cand.head, []
        for _ in range(4):
            if node.head == node:
                break
            path.append((node.dep_, node.lower_))
            node = node.head
            above = at.get(node.i)
            if above is None:
                # "reiterated its demand that Israel ease": the clause belongs to the noun
                if node.pos_ in ("VERB", "AUX") and path[-1][0] in ("ccomp", "xcomp", "advcl"):
                    noun = next((at[c.i] for c in node.children if c.dep_ == "dobj" and c.i in at
                                 and at[c.i].sense.frame in ABSORBING), None)
                    if noun is not None and noun is not cand:
                        _link(cand, noun)
                        break
                continue
            if _frames(above, path, cand):
                _link(cand, above)
            break
    for cand in candidates:  # "demanded a meeting to discuss ...": the purpose is content too
        if cand.governor is None and not cand.nominal and cand.tok.dep_ in ("advcl", "acl", "relcl") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cand.tok.children):
            above = at.get(cand.tok.head.i)
            if above is not None and above.governor is not None:
                _link(cand, above)
    for cand in candidates:  # framing words whose framed clause has no trigger
        if cand.sense.frame in ABSORBING and not cand.framed:
            cand.clause = _clause_of(cand.tok)


def _clause_of(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" for m in child.children):
                return child
    for child in tok.children:  # "called for sanctions", "agreed to a ceasefire"
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "upon", "to"):
            objs = [p for p in child.children if p.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0]
    return None


def _own_category(cand: Candidate) -> tuple[str, str | None]:
    """The category a word has by itself; joint exercises are cooperation."""
    sense = cand.sense
    if sense.frame == "joint":
        subjects = subject_tokens(cand.head.head) if cand.head.dep_ == "dobj" else []
        if any(c.lower_ in _JOINT for c in cand.tok.children) or \
                any(c.dep_ == "prep" and c.lower_ == "with" for c in cand.tok.children) or \
                any(s.conjuncts for s in subjects) or \
                sum(1 for c in cand.head.subtree if c.dep_ in ("amod", "compound") and c.conjuncts) > 0:
            return "COOPERATE", None
    return sense.category, sense.mode


def _framed_category(cand: Candidate) -> tuple[str, str | None]:
    inner = cand.framed[0] if cand.framed and cand.sense.frame in ABSORBING else None
    own, own_mode = _own_category(cand)
    if inner is None:
        return own, own_mode
    inner_category, inner_mode = _framed_category(inner)
    return resolve_frame(cand.sense.frame, own, own_mode, inner_category, inner_mode,
                         inner.modality.negated)


def _category(cand: Candidate) -> tuple[str, str | None, bool] | None:
    """Category, mode and negation of a top-level candidate, or None to drop it."""
    sense, modality = cand.sense, cand.modality
    inner = cand.framed[0] if cand.framed and sense.frame in ABSORBING else None
    if sense.needs == "complement" and inner is None and cand.clause is None:
        return None
    if sense.needs == "cooperation" and (inner is None or inner.sense.category not in COOPERATIVE):
        return None
    negated = modality.negated
    category, mode = _framed_category(cand)
    if sense.frame == "intent" and inner is not None and category == "REJECT" and inner.modality.negated:
        negated = False
    if sense.frame == "intent" and category == "AGREE" and negated:
        return "REJECT", None, False  # "did not agree", "is not willing to"
    if modality.future or (modality.conditional and not inside_condition(cand.tok)):
        if negated and category in COOPERATIVE:
            return "REJECT", None, False  # "will not accept any more refugees"
        if not negated:
            category, mode = promised(category, mode)
    return category, mode, negated


def _actor_tokens(cand: Candidate) -> list[Token]:
    if cand.nominal:
        return nominal_actor_tokens(cand.head, intransitive=cand.head.lower_ in INTRANSITIVE_NOUNS
                                    or cand.tok.lower_ in INTRANSITIVE_NOUNS)
    return subject_tokens(cand.tok)


def _fresh(found: list[Actor], actors: list[Actor]) -> list[Actor]:
    keys = {(a.entity, a.sector, a.span) for a in actors}
    return [a for a in found if (a.entity, a.sector, a.span) not in keys and (a.country or a.entity)]


def _inner_actors(cand: Candidate, index: EntityIndex, actors: list[Actor]) -> list[Actor]:
    """Who the framed event is about: "demanded that the US cancel", "Serbia's suppression"."""
    if cand.framed:
        return _fresh(actors_of(_actor_tokens(cand.framed[0]), index), actors)
    if cand.clause is not None:
        clause = cand.clause
        tokens = subject_tokens(clause) if clause.pos_ in ("VERB", "AUX") else \
            nominal_actor_tokens(clause, intransitive=clause.lower_ in INTRANSITIVE_NOUNS)
        return _fresh(actors_of(tokens, index), actors)
    return []


def _inner_recipients(cand: Candidate, index: EntityIndex, actors: list[Actor]) -> list[Actor]:
    if cand.framed:
        return _recipients(cand.framed[0], _framed_category(cand.framed[0])[0], index, actors)
    if cand.clause is not None:
        return recipients_of(cand.clause, index, actors)
    return []


def _recipients(cand: Candidate, category: str, index: EntityIndex, actors: list[Actor]) -> list[Actor]:
    frame = cand.sense.frame
    intransitive = cand.tok.lower_ in INTRANSITIVE_NOUNS
    if frame == "accuse":  # the accused; for a condemned act, whoever did it
        condemned = [c for c in cand.framed if c.head.dep_ == "dobj" and c.head.head == cand.tok]
        found = _inner_actors(cand, index, actors) if condemned else []
        if not found and condemned:
            inner = cand.framed[0]
            place = event_location(inner.head, index, set())
            found = _unnamed_agent(inner, inner.sense.category, inner.sense.mode, place)
        found = found or recipients_of(cand.head, index, actors, preps=()) or \
            _inner_actors(cand, index, actors)
        if found:
            return found
    preps = CONSULT_PREPS if category == "CONSULT" else RECIPIENT_PREPS
    themes = cand.sense.category in ("RETREAT", "MOBILIZE", "AID")  # "withdraw its troops from X"
    own = recipients_of(cand.head, index, actors, intransitive=intransitive, preps=preps,
                        themes=themes)
    if not own and cand.head != cand.tok:  # "a wave of attacks on Kyiv"
        own = recipients_of(cand.tok, index, actors, intransitive=intransitive, preps=preps,
                            themes=themes)
    if not any(r.country for r in own) and frame not in ABSORBING:
        for content in cand.framed:  # "Russian airstrikes on Aleppo killed 30 civilians"
            placed = recipients_of(content.head, index, actors, preps=preps)
            if any(r.country for r in placed):
                own = placed
                break
    if own or frame not in ABSORBING:
        return own
    if frame == "demand":
        found = _inner_actors(cand, index, actors)
        if found:
            return found
    found = _inner_recipients(cand, index, actors)
    clause = _clause_of(cand.tok)
    if not found and clause is not None and cand.framed and clause is not cand.framed[0].tok:
        found = recipients_of(clause, index, actors)  # "threatened to respond to U.S. drills"
    return found


def _reporter(trigger: Token, quotes: list[Quote]) -> str | None:
    for quote in quotes:
        if quote.cue_span and quote.cue_span[0] == trigger.idx:
            return None
        if any(a <= trigger.idx < b for a, b in quote.content_spans):
            return quote.speaker or quote.speaker_mention
    return None


def _event(cand: Candidate, index: EntityIndex, quotes: list[Quote],
           base_date: str | None) -> Event | None:
    coded = _category(cand)
    if coded is None:
        return None
    category, mode, negated = coded
    tokens = _actor_tokens(cand)
    actors = actors_of(tokens, index) or _first_person(tokens, cand.tok, quotes, index)
    if cand.nominal and not any(a.country for a in actors):
        governing = actors_of(governing_subjects(cand.head), index)
        if any(a.country for a in governing):
            actors = governing  # "The United States speeded up the withdrawal of its forces"
    if cand.sense.frame == "joint" and category == "MOBILIZE" and \
            len({a.country for a in actors if a.country}) > 1:
        category, mode = "COOPERATE", None
    if cand.sense.frame == "state" and not (actors and all(_is_state(a, index) for a in actors)):
        return None  # "documents allowing him to marry" is no concession
    if cand.sense.frame == "official" and not any(
            a.sector in ("GOV", "LEG") or (a.entity and a.sector not in ("MIL", "COP")) for a in actors):
        return None
    recipients = _recipients(cand, category, index, actors)
    location = event_location(cand.head, index, {a.entity for a in actors if a.entity})
    if cand.sense.frame == "official" and category in ("CONSULT", "AGREE"):
        if not recipients and (location is None or location.country is None):
            return None
        recipients = recipients or [place_actor(location)]  # type: ignore[arg-type]
    actors = [unnamed_actor(a, location) for a in actors]
    recipients = [placed(r, location) for r in recipients]
    if not actors:
        actors = _unnamed_agent(cand, category, mode, location)
        if not actors:
            return None
    category, mode = _by_actor(cand, category, mode, actors, index, recipients)
    if category == "CONSULT" and mode not in ("visit", "third-party") and recipients:
        actors, recipients = actors + recipients, []  # meetings are reciprocal: all are actors
    if not any(r.country for r in recipients) and location is not None and location.country and (
            category in DOMESTIC or category == "AID" or "asylum" in (cand.sense.context or "")):
        recipients = [place_actor(location)]
    actors, recipients = domestic(actors, recipients, category)
    if not any(r.country for r in recipients) and category in ("PROTEST", "CONCEDE", "COERCE") \
            and mode != "seize":
        recipients = domestic_recipient(actors[0], category) or recipients
    if not any(r.country for r in recipients) and category == "THREATEN":
        recipients = _condition_subjects(cand, index, actors) or recipients
    if not any(a.country or a.entity for a in actors):
        return None  # nobody named or placed did it: "community colleges will offer courses"
    co_actors = {a.country for a in actors if a.country}
    if len(co_actors) > 1:  # "Palestinians and Israelis failed to agree": no one else involved
        recipients = [r for r in recipients if r.country not in co_actors]
    return _build(cand, category, mode, negated, actors, recipients, location, quotes, base_date)


_FIRST_PERSON = {"i", "me", "we", "us", "our"}


def _first_person(tokens: list[Token], trigger: Token, quotes: list[Quote],
                  index: EntityIndex) -> list[Actor]:
    """ "We will send aid," the minister said: "we" inside a quote is the speaker's side."""
    words = [t for t in tokens if t.lower_ in _FIRST_PERSON]
    if not words:
        return []
    for quote in quotes:
        if not any(a <= trigger.idx < b for a, b in quote.content_spans) or not quote.speaker_entity:
            continue
        speaker = index.by_id(quote.speaker_entity)
        if speaker is None:
            return []
        word = words[0]
        span = (word.idx, word.idx + len(word))
        if word.lower_ in ("i", "me"):
            return [Actor(name=speaker.name, text=word.text, span=span, country=speaker.country,
                          sector=speaker.sector, role=speaker.role,
                          organisation=speaker.organisation, entity=speaker.id)]
        return [Actor(name=speaker.organisation or speaker.country or speaker.name, text=word.text,
                      span=span, country=speaker.country, sector=speaker.sector,
                      organisation=speaker.organisation)]
    return []


def _is_state(actor: Actor, index: EntityIndex) -> bool:
    """A government organ, a country named as such ("Russia", "Moscow"), or an IGO."""
    if actor.sector in STATE_SECTORS or actor.country == "IGO":
        return True
    entity = index.by_id(actor.entity) if actor.entity else None
    return actor.sector is None and entity is not None and entity.type == "GPE"


_CIVIL = {"CVL", "OPP", "LAB", "EDU", "AGR"}


def _by_actor(cand: Candidate, category: str, mode: str | None, actors: list[Actor],
              index: EntityIndex, recipients: list[Actor]) -> tuple[str, str | None]:
    """Who acts decides between neighbouring categories: protesters storming a building
    riot (PROTEST), a government "protesting" complains (ACCUSE), a government blocking
    access restricts (COERCE)."""
    state = bool(actors) and all(_is_state(a, index) for a in actors)
    if category == "ASSAULT" and any((a.role or "").lower() in _PROTESTERS for a in actors):
        return "PROTEST", "riot"
    if category == "ASSAULT" and actors and all(a.sector in _CIVIL for a in actors) and (
            cand.tok.lemma_.lower() in ("clash", "riot", "storm") or
            any(r.sector in ("COP", "GOV") for r in recipients)):
        return "PROTEST", "riot"  # "opposition supporters clashed with police"
    if category == "PROTEST" and state and not any(a.sector == "LEG" for a in actors):
        if mode in ("obstruct", "boycott", "strike"):
            return "COERCE", "censor" if "publication" in (cand.sense.context or "") else "restrict"
        return "ACCUSE", "disapprove"  # a diplomatic protest
    if category == "ACCUSE" and cand.tok.lemma_.lower() == "protest" and actors and not state:
        return "PROTEST", "demo"
    return category, mode


def _condition_subjects(cand: Candidate, index: EntityIndex, actors: list[Actor]) -> list[Actor]:
    """Whom a threat is aimed at: the subject of its condition ("unless Israel rescinds")."""
    clauses = [cand.tok, *(c.tok for c in cand.framed), *([cand.clause] if cand.clause else [])]
    for verb in clauses:
        for child in verb.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in child.children):
                found = _fresh(actors_of([c for c in child.children if c.dep_ in
                                          ("nsubj", "nsubjpass")], index), actors)
                if found:
                    return found
    return []


def _unnamed_agent(cand: Candidate, category: str, mode: str | None,
                   location: Location | None) -> list[Actor]:
    """A passive with no agent: bombs are set by someone, arrests made by the authorities."""
    if location is None or not location.country:
        return []
    span = (cand.tok.idx, cand.tok.idx)
    if category == "ASSAULT":
        return [Actor(name="unidentified attackers", text="", span=span, country=location.country,
                      sector="UAF")]
    if category == "COERCE" and mode in ("arrest", "deport"):
        return [Actor(name="authorities", text="", span=span, country=location.country,
                      sector="GOV")]
    return []


def _build(cand: Candidate, category: str, mode: str | None, negated: bool, actors: list[Actor],
           recipients: list[Actor], location: Location | None, quotes: list[Quote],
           base_date: str | None) -> Event:
    tok, sentence = cand.tok, cand.tok.sent
    context = tuple(dict.fromkeys(filter(None, (cand.sense.context, *object_context(cand.head)))))
    return Event(
        category=category, mode=mode, actor=tuple(actors), recipient=tuple(recipients),
        trigger=tok.text, trigger_span=(tok.idx, tok.idx + len(tok.text)),
        sentence_span=(sentence.start_char, sentence.end_char), negated=negated,
        hypothetical=cand.modality.possible or inside_condition(tok) or
        (cand.modality.obligation and category != "REQUEST") or sentence.text.rstrip().endswith("?"),
        reported_by=_reporter(tok, quotes),
        date=event_date(cand.head, sentence, base_date), location=location,
        cameo=cameo_root(category, mode, cand.sense.cameo), context=context,
        confidence=0.7 if cand.nominal else 0.8)


def _obligations(sentence: Span, candidates: list[Candidate], index: EntityIndex,
                 quotes: list[Quote], base_date: str | None) -> list[Event]:
    """ "X said Y must withdraw": a demand by the speaker on Y (REQUEST)."""
    events = []
    at = {c.tok.i: c for c in candidates}
    for verb in sentence:
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _OBLIGATION_CUES:
            continue
        modality = modality_of(verb)
        if not modality.obligation or modality.negated:
            continue
        speaker = verb.head
        actors = actors_of(subject_tokens(speaker), index)
        targets = actors_of([t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                             for t in (c, *c.conjuncts)], index)
        if not actors or not targets:
            continue
        inner = at.get(verb.i)
        mode = None
        for tok in verb.subtree:  # the demanded act is coded here, not on its own
            if tok.i in at and (tok == verb or tok.head == verb and tok.dep_ in ("acomp", "xcomp")):
                at[tok.i].governor = at[tok.i]
        if inner is not None:
            mode = ask_mode(inner.sense.category)
        sense = Trigger(verb.lemma_, "VERB", None, frozenset(), frozenset(), "REQUEST", mode,
                        "10", None, "demand", "")
        cand = Candidate(verb, sense, Modality())
        events.append(_build(cand, "REQUEST", mode, False, actors, targets, None, quotes,
                             base_date))
    return events


def _key(event: Event) -> tuple:
    return (event.category, event.sentence_span,
            tuple(sorted((a.country or "", a.entity or a.name) for a in event.actor)))


def _sentence_events(sentence: Span, index: EntityIndex, quotes: list[Quote],
                     base_date: str | None) -> list[Event]:
    candidates = _candidates(sentence, index)
    _link_frames(candidates)
    found = [(False, e) for e in _obligations(sentence, candidates, index, quotes, base_date)]
    for cand in candidates:
        if cand.governor is not None:
            continue
        event = _event(cand, index, quotes, base_date)
        if event is not None:
            found.append((is_background(cand.tok), event))
    if any(not background for background, _ in found):
        found = [(b, e) for b, e in found if not b]  # the sentence's main events
    events = [e for _, e in found]
    protesters = {_actor_key(a) for e in events if e.category == "PROTEST" for a in e.actor}
    # the manual: a protest's demands are its topic, not separate events
    return [e for e in events if not (e.category in ("REQUEST", "ACCUSE") and
                                      {_actor_key(a) for a in e.actor} & protesters)]


def _actor_key(actor: Actor) -> tuple:
    return (actor.country, actor.entity or actor.span)


def code_events(doc: Doc, index: EntityIndex, quotes: list[Quote], *,
                date: str | None = None) -> list[Event]:
    """Every coded event in the article, in text order."""
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    for sentence in doc.sents:
        found = _sentence_events(sentence, index, quotes, date)
        for event in sorted(found, key=lambda e: e.trigger_span):
            key = _key(event)
            if key in seen:
                kept = events[seen[key]]
                if len(event.recipient) > len(kept.recipient):
                    events[seen[key]] = event
                continue
            seen[key] = len(events)
            events.append(event)
    return events
