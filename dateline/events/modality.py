"""Whether an event happened: negated, hypothetical or future, or only reported.

These are flags, never reasons to drop an event: "Russia is not taking additional steps"
is still a statement about Russia's military steps, just not a fact of one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MODALS = {"could", "may", "might", "would", "should", "will", "shall", "can", "'ll", "must"}
_INTENT = {"plan", "intend", "want", "seek", "consider", "threaten", "prepare", "hope",
           "propose", "aim", "look", "expect", "offer", "ready", "willing", "try", "mull",
           "weigh", "vow", "pledge", "promise", "decide", "agree", "refuse", "warn", "urge",
           "ask", "call", "demand", "order", "tell", "press", "threaten"}
_NEGATORS = {"not", "n't", "never", "no", "neither", "nor"}


def is_negated(trigger: Token) -> bool:
    """A negation on the trigger or on the auxiliary chain above it."""
    for tok in (trigger, trigger.head if trigger.dep_ in ("xcomp", "acomp") else trigger):
        if any(c.dep_ == "neg" or c.lower_ in _NEGATORS and c.dep_ in ("advmod", "det")
               for c in tok.children):
            return True
    return False


def is_hypothetical(trigger: Token) -> bool:
    """Modal, conditional, or embedded under a verb of intention ("plans to deploy")."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in trigger.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in trigger.children):
        return True
    current = trigger
    for _ in range(3):
        if current.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "advcl") and current.head is not current:
            head = current.head
            if head.lemma_.lower() in _INTENT and current.dep_ in ("xcomp", "pcomp", "pobj"):
                return True
            current = head
            continue
        break
    return False
