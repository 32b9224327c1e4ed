"""Who did it and to whom: the actor and recipient of a trigger, from the dependency parse.

Subjects are followed through control verbs, coordination, relative clauses and the
passive ("was attacked by militiamen"); nominal events take their actor from a
possessive, a demonym, a "by" phrase or the verb that carries them ("held talks",
"launched an attack").  Recipients are objects and prepositional objects, and when the
object is a thing ("rejected an Indian proposal", "welcomed Reagan's statement") its
owner.  Hand-written: this is the who-did-what-to-whom that is dateline's own value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities.descriptors import describe
from ..quotes.cues import cue_of
from ..records import Actor
from .lexicon import is_nominal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..entities import EntityIndex

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
LIGHT_VERBS = {"hold", "launch", "carry", "conduct", "stage", "sign", "reach", "make", "begin",
               "start", "announce", "impose", "express", "voice", "issue", "mount", "order",
               "lead", "organize", "organise", "strike", "seal", "conclude", "continue",
               "resume", "renew", "undertake", "open", "declare", "lodge", "file", "bring",
               "wage", "step", "intensify", "escalate", "pay", "give", "have", "take", "go",
               "call", "end", "complete", "finish", "initiate", "host", "attend", "join",
               "perform", "commit", "unleash", "extend", "grant", "offer", "provide", "plan",
               "prepare", "reiterate", "repeat", "press", "keep", "maintain", "use",
               "engage", "enter", "convene", "observe", "restart", "attempt", "try", "face"}
OBJECT_CONTROL = {"warn", "urge", "ask", "tell", "order", "call", "press", "persuade", "force",
                  "invite", "encourage", "allow", "instruct", "request", "advise", "pressure",
                  "permit", "help", "enable", "direct", "demand", "compel", "appeal"}
RECIPIENT_PREPS = ("to", "against", "on", "with", "toward", "towards", "at", "into", "upon",
                   "onto", "for", "about", "over", "between", "among", "across", "of", "from")
# Nominal events whose "of" phrase is who acts: "the withdrawal of Serbian forces".
INTRANSITIVE_NOUNS = {"withdrawal", "pullout", "pull-out", "pullback", "retreat", "resignation",
                      "visit", "trip", "protest", "demonstration", "rally", "march", "strike",
                      "riot", "meeting", "talks", "summit", "deployment", "buildup", "build-up",
                      "mobilization", "mobilisation", "advance", "offensive", "invasion",
                      "incursion", "arrival", "presence", "surrender", "disarmament", "walkout",
                      "sit-in", "boycott", "cooperation", "mediation", "negotiation",
                      "agreement", "demand", "appeal", "apology", "consultation", "dialogue"}
# Nominal events whose possessive is who suffers them: "Navalny's arrest", "Jamal's killing".
PATIENT_NOUNS = {"arrest", "detention", "killing", "murder", "assassination", "kidnapping",
                 "abduction", "execution", "release", "torture", "deportation", "expulsion",
                 "extradition", "imprisonment", "poisoning", "capture", "trial", "conviction",
                 "removal", "ouster", "overthrow", "dismissal", "death", "beating", "rescue",
                 "isolation", "occupation", "invasion", "bombing", "shelling", "blockade",
                 "recognition", "suppression"}
# Things an event is done with, not actors: "Iran launched missiles targeting US troops".
INSTRUMENTS = {"missile", "missiles", "rocket", "rockets", "bomb", "bombs", "shell", "shells",
               "drone", "drones", "grenade", "grenades", "mine", "mines", "explosive",
               "explosives", "weapon", "weapons", "artillery", "mortar", "mortars", "statement",
               "report", "letter", "law", "bill", "decree", "resolution", "measure", "measures",
               "move", "plan", "decision", "policy", "order", "operation", "operations",
               "casualties", "vote"}
_RELATIVE = {"who", "which", "that", "whom"}
_PRONOUNS = {"it", "its", "itself", "they", "them", "their", "theirs", "themselves", "he", "him",
             "his", "she", "her", "we", "us", "our"}
# Heads under which a clause's subject is not the actor of the embedded event.
_SPEECH_STANCES = ("say", "claim", "deny", "believe", "warn", "accuse", "agree", "urge", "promise")
_GATHERINGS = {"talk", "talks", "meeting", "negotiation", "summit", "consultation", "discussion",
               "rally", "demonstration", "protest", "march", "strike", "vigil", "sit-in"}
GENERIC_EVENT_HEADS = {"effort", "efforts", "mission", "missions", "campaign", "operation",
                       "operations", "process", "bid", "attempt", "initiative", "drive",
                       "programme", "program", "plan", "plans", "move", "round", "series", "wave"}


CONTAINERS = {"wave", "series", "spate", "string", "round", "number", "barrage", "volley",
              "flurry", "campaign", "couple", "dozens", "hundreds", "scores", "day", "days",
              "night", "nights", "week", "weeks", "months", "years", "hours", "rounds"}


def event_head(trigger: Token) -> Token:
    """The noun carrying a trigger's arguments: "mediation effort" -> "effort", "a wave of
    drone attacks" -> "wave"."""
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in GENERIC_EVENT_HEADS:
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
            trigger.head.head.lower_ in CONTAINERS | GENERIC_EVENT_HEADS:
        return trigger.head.head
    return trigger


_REPORT_NOUNS = {"statement", "declaration", "letter", "resolution", "communique", "report",
                 "message", "note", "speech", "decree", "motion", "bill", "proposal", "order",
                 "announcement", "document", "memorandum"}
_ASPECTUAL = {"continue", "begin", "start", "resume", "keep", "try", "attempt", "manage",
              "help", "stop", "finish", "complete", "go", "seek", "prepare"}


def _clause_subjects(subj: Token, clause: Token) -> list[Token]:
    if subj.lower_ in _RELATIVE and clause.dep_ == "relcl":
        subj = clause.head
    if subj.dep_ == "csubj" and subj.tag_ == "VBG":  # "The Red Cross operating in Iraq said"
        inner = [c for c in subj.children if c.dep_ == "nsubj"]
        if inner:
            subj = inner[0]
    return [subj, *subj.conjuncts]


def misparsed_main_verb(tok: Token) -> bool:
    """A finite verb, or a participle with an object, hung as a modifier on a noun that the
    parser made the root: "Israeli airstrikes killed 20 people" read as a reduced relative."""
    if tok.dep_ != "acl":
        return False
    return tok.tag_ in ("VBD", "VBZ", "VBP") or (
        tok.tag_ == "VBN" and any(c.dep_ == "dobj" for c in tok.children)
        and _noun_phrase_root(tok.head).dep_ == "ROOT")


def _noun_phrase_root(tok: Token) -> Token:
    """The noun a phrase hangs from: "Doctors from two aid groups" -> "Doctors"."""
    while tok.dep_ in ("pobj", "prep", "compound", "conj") and tok.head != tok:
        tok = tok.head
    return tok


def subject_tokens(tok: Token) -> list[Token]:
    """Subjects of the trigger's clause, climbing through control and coordination.

    Object control wins for xcomp ("warned Moscow not to bolster": Moscow bolsters), and
    the climb stops at a speech verb, whose subject is the speaker, not the actor.
    """
    current = tok
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if not subjects and tok.tag_ != "VBN":  # "were tortured and killed": no agent here
            subjects = [c for c in current.children if c.dep_ == "nsubjpass"]
        if subjects:
            return [t for subj in subjects for t in _clause_subjects(subj, current)]
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        if agents and current == tok:
            return [a for g in agents for a in (g, *g.conjuncts)]
        if current == tok and any(c.dep_ == "nsubjpass" for c in current.children):
            return []  # a passive without its agent: the subject is the recipient
        if current.dep_ in ("acl", "relcl") and current.tag_ == "VBG":
            if current.head.lemma_.lower() in _REPORT_NOUNS | INSTRUMENTS or \
                    current.head.lower_ in INSTRUMENTS:
                current = current.head  # "issued a declaration demanding ...", "missiles targeting"
                continue
            return [current.head]  # "rebels fighting the government"
        if misparsed_main_verb(current):
            return [_noun_phrase_root(current.head)]  # a main verb the parser hung on a noun
        if current.dep_ in ("xcomp", "advcl", "acomp", "conj", "pcomp", "dobj", "pobj", "prep",
                            "ccomp", "attr") and current.head != current:
            head = current.head
            if current.dep_ == "ccomp" and any(c.dep_ == "mark" for c in current.children):
                return []
            if current.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
                objects = [c for c in head.children if c.dep_ in ("dobj", "dative")
                           and c.pos_ != "ADP"]
                if objects:
                    return [o for obj in objects for o in (obj, *obj.conjuncts)]
                for prep in head.children:  # "called on Arabs to unite"
                    if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
                        return [p for p in prep.children if p.dep_ == "pobj"]
            if current.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() not in _ASPECTUAL \
                    and (cue := cue_of(head.lemma_)) is not None and cue.stance in _SPEECH_STANCES \
                    and head.lemma_ not in ("agree", "promise", "pledge", "vow"):
                return []  # reported content mis-attached to the speech verb
            current = head
            continue
        break
    return []


def governing_subjects(noun: Token) -> list[Token]:
    """The subject of the verb that carries a noun: "The United States speeded up the
    withdrawal of its forces" -> "The United States"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "conj") and head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head)
    return []


def nominal_actor_tokens(noun: Token, *, intransitive: bool) -> list[Token]:
    """Who performs a nominal event: "attacks by rebels", "Russia's deployment", "held talks"."""
    for child in noun.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            pobjs = [p for p in child.children if p.dep_ == "pobj"]
            if pobjs:
                return [t for p in pobjs for t in (p, *p.conjuncts)]
    poss = [c for c in noun.children if c.dep_ == "poss"]
    patient = noun.lemma_.lower() in PATIENT_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    if poss and not patient:
        return [t for p in poss for t in (p, *p.conjuncts)]
    if any(c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and c.ent_type_ in
           ("NORP", "GPE", "ORG", "PERSON") for c in noun.children):
        return [noun]  # "Russian airstrikes": the phrase describes its own actor
    if intransitive:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobjs = [p for p in child.children if p.dep_ == "pobj"]
                if pobjs:
                    return [t for p in pobjs for t in (p, *p.conjuncts)]
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "conj") and head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and (
            head.lower_ == "in" or (head.lower_ == "for" and noun.lemma_.lower() in _GATHERINGS)):
        return subject_tokens(head.head)  # "killed 46 civilians in an attack", "came for talks"
    return []


def actors_of(tokens: list[Token], index: EntityIndex) -> list[Actor]:
    """The actors some noun-phrase heads stand for, without repeats."""
    found: list[Actor] = []
    for tok in tokens:
        for actor in describe(tok, index):
            if not any(_same(actor, other) for other in found):
                found.append(actor)
    return found


def _same(a: Actor, b: Actor) -> bool:
    if a.entity and b.entity and a.entity == b.entity and a.sector == b.sector:
        return True
    return a.span == b.span and a.country == b.country


def _temporal(prep: Token) -> bool:
    """ "on Wednesday", "in June": a time, not a participant."""
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _pobjs(prep: Token) -> list[Token]:
    return [t for p in prep.children if p.dep_ in ("pobj", "pcomp") for t in (p, *p.conjuncts)]


def owners(np: Token, index: EntityIndex, depth: int = 0) -> list[list[Actor]]:
    """Whose a thing is, best guess first: "an Indian proposal", "calls by Belarus's
    rulers", "Reagan's statement"; each tier is one phrase's actors (coordination kept)."""
    tiers: list[list[Actor]] = []
    direct = describe(np, index)
    if direct:
        tiers.append(direct)
    if depth > 2:
        return tiers
    for child in np.children:
        if child.dep_ == "poss":
            found = [a for t in (child, *child.conjuncts) for a in describe(t, index)]
            if found:
                tiers.append(found)
    for child in np.children:
        if _temporal(child) or (child.lower_ == "in" and depth > 1):
            continue
        if child.dep_ in ("prep", "dative") and child.lower_ in (
                "by", "from", "of", "to", "on", "against", "with", "for", "about", "over", "into",
                "toward", "towards", "between", "in"):
            joined: list[Actor] = []  # "between Israel and Hamas": one tier
            deeper: list[list[Actor]] = []
            for pobj in _pobjs(child):
                sub = owners(pobj, index, depth + 1)
                if sub:
                    joined += sub[0]
                    deeper += sub[1:]
            if joined:
                tiers.append(joined)
            tiers += deeper
    for child in np.children:
        if child.dep_ in ("acl", "relcl", "ccomp"):
            for grand in child.children:
                if grand.dep_ in ("agent", "prep") and grand.lower_ == "by":
                    for pobj in _pobjs(grand):
                        tiers += owners(pobj, index, depth + 1)
    return tiers


def _candidates(trigger: Token, *, nominal: bool, intransitive: bool,
                preps: tuple[str, ...] = RECIPIENT_PREPS) -> list[list[Token]]:
    """Noun phrases that may be the recipient, best first, coordinated ones together."""
    groups: list[list[Token]] = []
    if not nominal:
        for child in trigger.children:
            if child.dep_ == "dative" and child.pos_ == "ADP":
                continue  # "granted asylum to X": taken with the prepositions below
            if child.dep_ in ("dobj", "dative") or (child.dep_ == "attr" and trigger.pos_ == "AUX"):
                groups.append([child, *child.conjuncts])
        if trigger.tag_ == "VBN":
            groups += [[c, *c.conjuncts] for c in trigger.children if c.dep_ == "nsubjpass"]
        if trigger.dep_ in ("acl", "amod") and trigger.tag_ == "VBN":
            groups.append([trigger.head])  # "the curfew imposed in Sudan"
        groups += [[c] for c in trigger.children if c.dep_ == "oprd"]
    if nominal and trigger.lemma_.lower() in PATIENT_NOUNS:
        groups += [[c, *c.conjuncts] for c in trigger.children if c.dep_ == "poss"]
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "advmod")]  # "closer to"
    prepositional = [c for h in heads for c in h.children if c.dep_ in ("prep", "dative")
                     and c.lower_ in preps and not (nominal and c.lower_ == "of" and intransitive)
                     and not _temporal(c)]
    for child in sorted(prepositional, key=lambda c: preps.index(c.lower_)):
        groups.append(_pobjs(child))
    if nominal and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        verb = trigger.head
        groups += [[c] for c in verb.children if c.dep_ == "dative"]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.lower_ in (
                    "with", "to", "against", "on", "between", "toward", "towards", "at", "into"):
                groups.append(_pobjs(child))
    return groups


_MUNITIONS = {"missile", "rocket", "bomb", "shell", "grenade", "mortar", "round", "bullet",
              "shot", "salvo", "volley", "projectile", "torpedo"}


def _theme(tok: Token) -> bool:
    """What is sent or withdrawn, not whom it is for: troops, aid, weapons."""
    from .lexicon import word_classes

    classes = word_classes()
    lemma = tok.lemma_.lower()
    return any(lemma in classes[name] or tok.lower_ in classes[name]
               for name in ("troops", "aid", "arms", "vessels", "weapons", "police"))


def recipients_of(trigger: Token, index: EntityIndex, actors: list[Actor], *,
                  intransitive: bool = False, preps: tuple[str, ...] = RECIPIENT_PREPS,
                  themes: bool = False) -> list[Actor]:
    """The entities an event is directed at, minus its actors; placed ones preferred."""
    nominal = is_nominal(trigger)
    unplaced: list[Actor] = []
    for group in _candidates(trigger, nominal=nominal, intransitive=intransitive, preps=preps):
        if group and group[0].dep_ == "dobj" and (
                (themes and _theme(group[0])) or group[0].lemma_.lower() in _MUNITIONS):
            continue  # "fired missiles at a ship": the ship, not the missiles
        found: list[Actor] = []
        for candidate in group:
            tiers = [[a for a in tier if (a.country or a.entity or a.sector)
                      and not any(_overlaps(a, b) for b in actors)
                      and not any(_same(a, f) for f in found)]
                     for tier in owners(candidate, index)]
            tiers = [t for t in tiers if t]
            placed_tiers = [t for t in tiers if any(a.country for a in t)]
            if placed_tiers or tiers:  # "troops to a force in Liberia": the placed one
                found += (placed_tiers or tiers)[0]
        placed = [a for a in found if a.country]
        if placed:
            return placed
        unplaced = unplaced or found
    return unplaced


def _overlaps(a: Actor, b: Actor) -> bool:
    if a.entity and a.entity == b.entity and (a.sector == b.sector or a.text.lower() in _PRONOUNS):
        return True
    return a.span[0] < b.span[1] and b.span[0] < a.span[1]
