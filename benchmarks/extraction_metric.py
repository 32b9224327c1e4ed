"""The article-extraction metric of the development set (Zyte's article-extraction-benchmark).

Body: 4-token shingles of `\\w+` tokens, page precision and recall, set precision over the
pages with a non-empty prediction and set recall over the pages with gold, F1 of the two
means.  Title: lower-cased `\\w+` token sequences, exact match and token F1.  Date: the
same day.  Re-implemented here so the project's figures do not depend on a file outside it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def _shingles(text: str | None) -> Counter:
    toks = _TOKEN.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


def page_counts(gold: str | None, pred: str | None) -> tuple[int, int, int]:
    """(true positive, false positive, false negative) shingles of one page."""
    g, p = _shingles(gold), _shingles(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def page_scores(tp: int, fp: int, fn: int) -> tuple[float, float]:
    """Page precision and recall; both 1 when the shingle multisets are identical."""
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def body_scores(counts: Sequence[tuple[int, int, int]]) -> dict[str, float]:
    """Set precision, recall and F1 over pages."""
    precs = [page_scores(*c)[0] for c in counts if c[0] + c[1] > 0]
    recs = [page_scores(*c)[1] for c in counts if c[0] + c[2] > 0]
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "pages": len(counts)}


def _title_tokens(text: str | None) -> list[str]:
    return _TOKEN.findall((text or "").lower())


def title_scores(pairs: Iterable[tuple[str, str | None]]) -> dict[str, float]:
    """Exact token-sequence match and mean token F1 of (gold, predicted) titles."""
    exact = f1 = 0.0
    n = 0
    for gold, pred in pairs:
        n += 1
        g, p = _title_tokens(gold), _title_tokens(pred)
        exact += g == p
        common = sum((Counter(g) & Counter(p)).values())
        if common:
            prec, rec = common / len(p), common / len(g)
            f1 += 2 * prec * rec / (prec + rec)
    return {"exact": exact / n if n else 0.0, "token_f1": f1 / n if n else 0.0, "pages": n}


def date_scores(pairs: Iterable[tuple[str, str | None]]) -> dict[str, float]:
    """Share of (gold, predicted) dates on the same day."""
    pairs = list(pairs)
    same = sum(1 for gold, pred in pairs if pred and pred[:10] == gold[:10])
    return {"same_day": same / len(pairs) if pairs else 0.0, "pages": len(pairs)}
