"""The PolNeAR attribution scoring rule (data README), written once for every system scored.

A prediction and a gold attribution are plain dicts: `content_spans` (fragments),
`speaker` (text or None), `speaker_spans` (local mention spans), and for gold also
`has_source`, `kind`, `cue_class`, `cue_spans`.  Content is compared on the positions of
alphanumeric characters only, so quotation marks and edge punctuation never matter.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

Pred = dict[str, Any]

MAX_SPEAKER_SPANS = 3
MAX_SPEAKER_SPAN_CHARS = 250
MAX_SPEAKER_WORDS = 8
# Capitalised words of a gold source that do not name it.
_NOT_NAMES = {
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its",
    "our", "my", "who", "which", "that", "this", "these", "those", "him", "them", "us", "me",
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "secretary", "minister", "prime", "gen", "general", "judge", "justice",
    "chairman", "chairwoman", "chair", "speaker", "leader", "mayor", "attorney", "former", "house",
    "majority", "minority", "candidate", "nominee", "sir", "lord", "lady", "rev", "professor",
    "prof", "director", "spokesman", "spokeswoman", "spokesperson", "chief", "ambassador",
    "u.s", "u.s.", "democratic", "republican", "gop", "official", "officials", "campaign",
}
_WORD = re.compile(r"[\w.'’-]+")


def alnum_positions(text: str, spans: list[list[int]] | list[tuple[int, int]]) -> frozenset[int]:
    """A(q): the positions of alphanumeric characters inside the content fragments."""
    return frozenset(i for start, end in spans for i in range(start, end) if text[i].isalnum())


def _shares_char(text: str, spans_a: list, spans_b: list) -> bool:
    for a0, a1 in spans_a:
        for b0, b1 in spans_b:
            lo, hi = max(a0, b0), min(a1, b1)
            if lo < hi and not text[lo:hi].isspace():
                return True
    return False


def name_words(source: str) -> set[str]:
    """Capitalised words of a gold source that are not titles, pronouns or articles."""
    words = set()
    for raw in _WORD.findall(source):
        word = re.sub(r"(['’]s|['’])$", "", raw).strip(".-")
        if word and word[0].isupper() and word.lower() not in _NOT_NAMES:
            words.add(word.lower())
    return words


def speaker_correct(text: str, gold: Pred, pred: Pred) -> bool:
    """Rule 3: no source for no source; else a shared span character or a shared name word."""
    spans = [s for s in (pred.get("speaker_spans") or []) if s]
    if not gold["has_source"]:
        return not pred.get("speaker") and not spans
    spans = [s for s in spans if s[1] - s[0] <= MAX_SPEAKER_SPAN_CHARS][:MAX_SPEAKER_SPANS]
    if spans and _shares_char(text, spans, gold["speaker_spans"]):
        return True
    speaker = pred.get("speaker") or ""
    if not speaker or len(speaker.split()) > MAX_SPEAKER_WORDS:
        return False
    said = {w.lower() for w in re.findall(r"\w+", speaker)}
    return bool(name_words(gold["speaker"] or "") & said)


@dataclass(slots=True)
class Tally:
    """Counts accumulated over documents, turned into P/R/F1 at the end."""

    gold: int = 0
    pred: int = 0
    overlap: int = 0
    exact: int = 0
    loose: int = 0
    attributed: int = 0
    cue_hits: int = 0
    chars_gold: int = 0
    chars_pred: int = 0
    chars_both: int = 0
    by_group: Counter = field(default_factory=Counter)  # (group, value, found|attributed|all)


def _greedy(golds: list[frozenset[int]], preds: list[frozenset[int]]) -> list[tuple[int, int, float]]:
    """One-to-one pairs, greedy by descending Jaccard (pairs sharing nothing are never paired)."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            both = len(g & p)
            if both:
                pairs.append((both / len(g | p), gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for jac, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, jac))
    return out


def score_document(tally: Tally, text: str, golds: list[Pred], preds: list[Pred]) -> list[dict]:
    """Add one document to the tally; returns per-gold outcomes for error analysis."""
    g_sets = [alnum_positions(text, g["content_spans"]) for g in golds]
    p_sets = [alnum_positions(text, p["content_spans"]) for p in preds]
    tally.gold += len(golds)
    tally.pred += len(preds)
    union_g = frozenset().union(*g_sets) if g_sets else frozenset()
    union_p = frozenset().union(*p_sets) if p_sets else frozenset()
    tally.chars_gold += len(union_g)
    tally.chars_pred += len(union_p)
    tally.chars_both += len(union_g & union_p)
    outcome: list[dict[str, Any]] = [
        {"gold": g, "pred": None, "jaccard": 0.0, "speaker_ok": False} for g in golds]
    for gi, pi, jac in _greedy(g_sets, p_sets):
        tally.loose += 1
        outcome[gi].update(pred=preds[pi], jaccard=jac, pred_index=pi)
        if jac < 0.5:
            continue
        tally.overlap += 1
        tally.exact += g_sets[gi] == p_sets[pi]
        gold, pred = golds[gi], preds[pi]
        ok = speaker_correct(text, gold, pred)
        outcome[gi]["speaker_ok"] = ok
        tally.attributed += ok
        cue = pred.get("cue_span")
        tally.cue_hits += bool(cue and gold.get("cue_spans") and _shares_char(text, [cue], gold["cue_spans"]))
    for item in outcome:
        gold = item["gold"]
        found = bool(item["jaccard"] >= 0.5)
        groups = [("kind", gold["kind"]), ("cue_class", gold["cue_class"])]
        for group in groups:
            tally.by_group[(*group, "all")] += 1
            tally.by_group[(*group, "found")] += int(found)
            tally.by_group[(*group, "attributed")] += int(found and bool(item["speaker_ok"]))
    return outcome


def _prf(hits: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = hits / pred if pred else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(tally: Tally) -> dict[str, Any]:
    """The figures the data README asks for, as plain numbers."""
    out: dict[str, Any] = {"gold": tally.gold, "predicted": tally.pred}
    for name, hits in (("content_overlap", tally.overlap), ("content_exact", tally.exact),
                       ("content_loose", tally.loose), ("attribution", tally.attributed)):
        out[name] = dict(zip(("p", "r", "f1"), _prf(hits, tally.pred, tally.gold), strict=True))
    out["content_chars"] = dict(zip(("p", "r", "f1"), _prf(
        tally.chars_both, tally.chars_pred, tally.chars_gold), strict=True))
    out["cue_accuracy"] = tally.cue_hits / tally.overlap if tally.overlap else 0.0
    recall: dict[str, dict[str, float]] = {}
    for (group, value, what), count in sorted(tally.by_group.items()):
        if what == "all":
            continue
        total = tally.by_group[(group, value, "all")]
        recall.setdefault(f"{group}={value}", {})[what] = count / total if total else 0.0
    out["recall_by"] = recall
    return out
