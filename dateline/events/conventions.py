"""The PLOVER manual's coding conventions, applied after the words are read.

A promise of cooperation is AGREE ("will send aid", "agreed to withdraw"), a promise of
force is THREATEN ("will impose a curfew", "threatened to shell"), a refusal of
cooperation is REJECT ("will not accept"), and a demand is REQUEST whatever it demands.
Keeping these rules in one place keeps the lexicon about words, not about tense.
"""

from __future__ import annotations

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
VERBAL_CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}

# What a threat threatens, as a THREATEN mode.
_THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "PROTEST": "restrict",
                 "REJECT": "relations", "CONSULT": "relations"}
_COERCE_THREATS = {"arrest": "arrest", "ban": "restrict", "curfew": "restrict",
                   "martial-law": "restrict", "restrict": "restrict", "seize": "territory",
                   "deport": "expel", "censor": "restrict"}
# What a request or rejection is about, as a REQUEST/REJECT mode (the manual's shared modes).
_ASK_MODES = {"AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist", "CONSULT": "meet",
              "AGREE": "meet", "RETREAT": "yield", "CONCEDE": "yield"}

# CAMEO root codes for the categories where the PLOVER manual's mapping is one root.
CAMEO_ROOTS = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
               "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "REJECT": "12",
               "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16",
               "COERCE": "17"}


def threat_mode(category: str, mode: str | None) -> str | None:
    if category == "COERCE":
        return _COERCE_THREATS.get(mode or "", "restrict")
    if category == "SANCTION":
        return "expel" if mode == "expel" else "relations"
    return _THREAT_MODES.get(category)


def ask_mode(category: str) -> str:
    return _ASK_MODES.get(category, "change")


def promised(category: str, mode: str | None) -> tuple[str, str | None]:
    """What announcing an event for the future is: a promise or a threat."""
    if category in COOPERATIVE:
        return "AGREE", None
    if category in MATERIAL_CONFLICT:
        return "THREATEN", threat_mode(category, mode)
    return category, mode


def resolve_frame(frame: str, own: str, own_mode: str | None, inner: str | None,
                  inner_mode: str | None, inner_negated: bool) -> tuple[str, str | None]:
    """The category of a framing verb given the event it frames (or None)."""
    if frame == "intent":
        if inner is None:
            return own, own_mode
        if inner_negated and inner in COOPERATIVE:
            return "REJECT", ask_mode(inner)  # "vowed not to return the Golan Heights"
        if inner in VERBAL_CONFLICT:
            return inner, inner_mode
        return promised(inner, inner_mode)
    if frame == "threat":
        return "THREATEN", threat_mode(inner, inner_mode) if inner else own_mode
    if frame == "demand":
        return "REQUEST", ask_mode(inner) if inner else own_mode
    if frame == "refuse":
        return "REJECT", ask_mode(inner) if inner else own_mode
    return own, own_mode


def cameo_root(category: str, mode: str | None, lexicon_root: str | None) -> str | None:
    """The CAMEO root: the lexicon's when the category is the word's own, else the category's."""
    if lexicon_root and CAMEO_ROOTS.get(category, lexicon_root) == lexicon_root:
        return lexicon_root
    if category == "ACCUSE":
        return "09" if mode == "investigate" else "11"
    if category == "ASSAULT":
        return lexicon_root if lexicon_root in ("18", "19", "20") else None
    return CAMEO_ROOTS.get(category)

# The manual's quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal
# conflict, 4 material conflict.
QUAD_CODES = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
              "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
              "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
