"""The source of a cue: the subject of the reporting verb, found through the parse.

News reports speech in a handful of shapes: "X said", "said X", "X, who ..., said",
"according to X", "X's statement said", "..., X said, adding that ...".  The subject is
looked up on the cue itself, then on the verbs it hangs from (participles, infinitives
and coordinated verbs share their head's subject).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB_DEPS = ("advcl", "xcomp", "conj")
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
_NOT_SOURCES = {"it", "there", "this", "what"}


def subject_of(verb: Token) -> Token | None:
    """The source of a cue verb, following participles up to the verb they hang from."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubjpass" and current.i == verb.i:
                # "was accused of ...", "is expected to ...": the subject is not the source,
                # which is the agent ("by the Kremlin") or unsaid
                return _agent(current)
            if child.dep_ in SUBJECT_DEPS and not _expletive(child):
                return child
        for child in current.children:
            if child.dep_ == "agent":  # "was denied by the Kremlin"
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            # "she released a statement saying ...": the one who made the artifact speaks;
            # "media reports claiming that ...": else the reports themselves
            noun = current.head
            verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
            if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and verb is not noun:
                maker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                              and not _expletive(c)), None)
                if maker is not None:
                    return maker
            return noun
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "ended by saying": the ender says
            continue
        if current.dep_ in _CLIMB_DEPS and current.head is not current:
            current = current.head  # "said X, adding that": the adder is the sayer
            continue
        break
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _expletive(tok: Token) -> bool:
    """"It is said", "there is concern": grammatical subjects that name nobody."""
    lower = tok.lower_
    if lower in ("there", "what"):
        return True
    return lower == "it" and (tok.dep_ == "expl" or tok.head.lemma_ in ("be", "seem", "appear"))


def inverted_subject(verb: Token, stop: int) -> Token | None:
    """"..., said Holan": the first noun after the cue, before token index `stop`."""
    for tok in verb.doc[verb.i + 1:stop]:
        if tok.pos_ in ("ADV", "ADP", "DET", "ADJ", "PUNCT") and tok.dep_ not in ("nsubj",):
            if tok.pos_ == "PUNCT":
                return None
            continue
        if tok.pos_ in _NOMINAL and tok.lower_ not in _NOT_SOURCES:
            # the head of the noun phrase the word is part of
            head = tok
            while head.dep_ in ("compound", "amod", "det", "poss", "nmod") and head.head.i < stop \
                    and head.head.i > verb.i:
                head = head.head
            return head
        return None
    return None
