"""Whether an event happened: negated, announced for the future, or only hypothetical.

These are read from the parse around the trigger and become flags or, where the PLOVER
manual says so, a different category ("will send aid" is a promise, AGREE).  They are
never a reason to drop an event silently: "Russia is not taking additional steps" is
still a statement about Russia's military steps, just not a fact of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..quotes.cues import cue_of
from .lexicon import is_nominal

if TYPE_CHECKING:
    from spacy.tokens import Token

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
POSSIBLE_AUX = {"could", "may", "might", "can", "ca"}
OBLIGATION_AUX = {"must", "should", "ought"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "nothing", "without"}
# Verbs, adjectives and nouns whose complement has not happened yet ("plans to deploy").
INTENT_HEADS = {"plan", "intend", "aim", "expect", "prepare", "want", "hope", "seek",
                "consider", "mull", "weigh", "contemplate", "propose", "look", "set", "poise",
                "schedule", "due", "likely", "eager", "keen", "determined",
                "resolve", "going", "need", "wish", "intention", "proposal", "option",
                "options", "idea", "readiness", "willingness", "scheme"}
# Actually happening despite the embedding verb: "began to withdraw", "tried to kill".
REALIS_HEADS = {"begin", "start", "continue", "resume", "keep", "manage", "try", "attempt",
                "help", "use", "go", "stop", "finish", "complete", "refuse"}
FUTURE_MODIFIERS = {"planned", "upcoming", "proposed", "scheduled", "forthcoming", "expected",
                    "possible", "potential", "future", "next", "imminent", "impending", "new"}
_EMBEDDING = ("xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj", "dobj", "pobj",
              "prep", "acomp", "attr", "nsubj", "nsubjpass", "appos", "oprd")


@dataclass(frozen=True, slots=True)
class Modality:
    """What the words around a trigger say about its reality."""

    negated: bool = False
    future: bool = False  # announced, promised, planned: PLOVER codes it AGREE/THREATEN
    possible: bool = False  # could, may, might: flagged hypothetical
    conditional: bool = False  # "if ...", "unless ...": a consequence or its condition
    obligation: bool = False  # must, should: under a speaker, a demand
    speaker: Token | None = None  # the verb of saying the clause hangs from

    @property
    def hypothetical(self) -> bool:
        return self.possible or self.conditional


def clause_head(tok: Token) -> Token:
    """The verb whose auxiliaries and negation govern a trigger (nouns: their light verb)."""
    if is_nominal(tok) and tok.dep_ in ("dobj", "nsubjpass", "attr") \
            and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "attr") and tok.head.pos_ in ("AUX", "VERB"):
        return tok.head
    return tok


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _negated_here(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg":
            return True
        if child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return True  # "should no longer require"
        if child.dep_ in ("advmod", "det", "preconj") and child.lower_ in NEGATORS:
            return True
    return False


def is_negated(trigger: Token) -> bool:
    """A negation on the trigger, its light verb, or the control verb above it."""
    if trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ == "without":
        return True  # "agreed to resign without returning"
    current = trigger
    for _ in range(3):
        if _negated_here(current):
            return True
        head = clause_head(current)
        if head != current and _negated_here(head):
            return True
        if current.dep_ in ("xcomp", "acomp") and current.head != current:
            current = current.head
            continue
        break
    return False


def speech_head(tok: Token) -> Token | None:
    """The verb of saying whose reported clause contains the trigger ("said it would ...")."""
    current = tok
    for _ in range(5):
        if current.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis") and current.head != current:
            head = current.head
            cue = cue_of(head.lemma_)
            if cue is not None and current.dep_ in ("ccomp", "parataxis") or \
                    (cue is not None and current.dep_ == "xcomp" and head.lemma_ in ("say", "claim")):
                return head
            current = head
            continue
        if current.dep_ == "ROOT":
            for child in current.children:  # "..., Lavrov said." (the speech verb attached below)
                if child.dep_ in ("parataxis", "advcl") and cue_of(child.lemma_, speech_only=True) \
                        and child.i > current.i:
                    return child
        break
    return None


def modality_of(trigger: Token) -> Modality:
    """Negation, future, possibility, condition and obligation of a trigger."""
    verb = clause_head(trigger)
    aux = _auxiliaries(verb)
    speaker = speech_head(verb)
    reported_past = speaker is not None and speaker.tag_ in ("VBD", "VBN")
    future = bool(aux & FUTURE_AUX) or ("would" in aux and reported_past)
    possible = bool(aux & POSSIBLE_AUX) or ("would" in aux and not reported_past)
    obligation = bool(aux & OBLIGATION_AUX) or _has_to(verb)
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        future = True
    future = future or _under_intent(verb) or _future_noun(trigger)
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children
                                                 if m.dep_ == "mark")
                      for c in verb.children) or inside_condition(verb)
    return Modality(negated=is_negated(trigger), future=future, possible=possible,
                    conditional=conditional, obligation=obligation, speaker=speaker)


def _has_to(verb: Token) -> bool:
    """ "has to withdraw", "needs to allow": obligation without a modal."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in ("have", "need") and head != verb


def _under_intent(verb: Token) -> bool:
    current = verb
    for _ in range(3):
        if current.dep_ not in ("xcomp", "pcomp", "acl", "pobj", "prep", "acomp") or current.head == current:
            return False
        head = current.head
        lemma = head.lemma_.lower()
        if lemma in REALIS_HEADS:
            return False
        if lemma in INTENT_HEADS or head.lower_ in INTENT_HEADS:
            return True
        if head.pos_ in ("AUX", "VERB") and _auxiliaries(head) & FUTURE_AUX:
            return True
        current = head
    return False


def _future_noun(trigger: Token) -> bool:
    """ "a planned visit", "the upcoming talks"."""
    return trigger.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lower_ in FUTURE_MODIFIERS
                                          and c.lower_ != "new" for c in trigger.children)


def inside_condition(verb: Token) -> bool:
    """The trigger is itself the condition: "if it is attacked"."""
    current = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in current.children):
            return True
        if current.dep_ in ("conj", "xcomp") and current.head != current:
            current = current.head
            continue
        return False
    return False
