"""Rebuild `data/cue_model.json` from an attribution corpus in the PolNeAR JSONL format.

    python -m dateline.quotes.learn ../shared/data/quotes/polnear_train.jsonl

Each line holds `text` (one paragraph a line) and `quotes` with `cue_spans` and
`content_spans`.  Every candidate verb of every text is labelled by the corpus (its cue
and content match an annotated attribution), a logistic regression is fitted on four
fifths of the texts, the probability threshold that gives the best attribution F1 is
chosen on the remaining fifth, and the model is refitted on everything.  Needs
scikit-learn (in the `test` extra); using the model needs nothing but this package.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..nlp import text_of
from ..records import Span
from .direct import find_direct
from .indirect import candidates
from .marks import quote_spans
from .model import MODEL_FILE, features

log = logging.getLogger(__name__)
DEFAULT_OUT = Path(__file__).resolve().parent / "data" / MODEL_FILE
MIN_COUNT = 3  # features seen fewer times are dropped
HOLD_OUT = 5  # every fifth text tunes the threshold
MIN_WEIGHT = 0.05  # smaller weights are left out of the shipped file


def line_paragraphs(text: str) -> tuple[Span, ...]:
    """Every non-blank line is a paragraph, without its surrounding spaces."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def _alnum(text: str, spans: Iterable[Iterable[int]]) -> set[int]:
    return {i for a, b in spans for i in range(a, b) if text[i].isalnum()}


def examples(doc: Any, record: dict[str, Any]) -> tuple[list[dict[str, float]], list[int], int]:
    """Features and labels of one text's candidates, and how many of its attributions the
    direct-quotation rules leave to the model."""
    text = text_of(doc)
    paragraphs = line_paragraphs(text)
    quotes = quote_spans(text, paragraphs)
    direct = find_direct(doc, quotes, paragraphs)
    direct_cues = {r.cue.i for r in direct if r.cue is not None}
    quoted = [f for fragments in quotes for f in fragments]
    golds = [(q["cue_spans"] or [], _alnum(text, q["content_spans"])) for q in record["quotes"]]
    covered = sum(1 for cues, _ in golds
                  if any(r.cue is not None and any(a <= r.cue.idx < b for a, b in cues) for r in direct))
    feats, labels = [], []
    for candidate in candidates(doc, paragraphs, quoted):
        cue = candidate.found.cue
        if candidate.shape == "according" or cue is None or cue.i in direct_cues:
            continue
        content = _alnum(text, candidate.found.content)
        label = any(any(a <= cue.idx < b for a, b in cues) and content
                    and len(content & gold) / len(content | gold) >= 0.5 for cues, gold in golds)
        feats.append(features(candidate, quoted, text))
        labels.append(int(label))
    return feats, labels, len(golds) - covered


def _fit(feats: list[dict[str, float]], labels: list[int], c: float) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for row in feats:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    kept = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in feats]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(matrix, labels)
    return vectorizer, model


def _best_threshold(probabilities: list[float], labels: list[int], gold: int) -> float:
    """The threshold with the best F1 when `gold` attributions are there to be found."""
    best, best_f1 = 0.5, -1.0
    for step in range(10, 91):
        threshold = step / 100
        tp = sum(1 for p, y in zip(probabilities, labels, strict=True) if p >= threshold and y)
        fp = sum(1 for p, y in zip(probabilities, labels, strict=True) if p >= threshold and not y)
        f1 = 2 * tp / (2 * tp + fp + gold - tp) if gold else 0.0
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def learn(records: list[dict[str, Any]], docs: list[Any], *, c: float = 0.5) -> dict[str, Any]:
    """The model file's content, learned from parsed texts and their annotations."""
    rows: list[tuple[int, list[dict[str, float]], list[int], int]] = []
    for number, (doc, record) in enumerate(zip(docs, records, strict=True)):
        feats, labels, left = examples(doc, record)
        rows.append((number, feats, labels, left))
    train = [r for r in rows if r[0] % HOLD_OUT]
    tune = [r for r in rows if not r[0] % HOLD_OUT]
    vectorizer, model = _fit([f for r in train for f in r[1]], [y for r in train for y in r[2]], c)
    tune_feats = [f for r in tune for f in r[1]]
    probabilities = list(model.predict_proba(vectorizer.transform(tune_feats))[:, 1]) if tune_feats else []
    threshold = _best_threshold(probabilities, [y for r in tune for y in r[2]], sum(r[3] for r in tune))
    vectorizer, model = _fit([f for r in rows for f in r[1]], [y for r in rows for y in r[2]], c)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    log.info("%d candidates, %d positive, threshold %.2f, %d weights",
             sum(len(r[2]) for r in rows), sum(sum(r[2]) for r in rows), threshold, len(weights))
    return {"bias": round(float(model.intercept_[0]), 4), "threshold": threshold,
            "weights": dict(sorted(weights.items())),
            "trained_on": {"texts": len(records), "candidates": sum(len(r[2]) for r in rows), "C": c}}


def main(argv: list[str] | None = None) -> int:
    from ..nlp import load, parse
    from ..settings import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description="Rebuild the attribution model from a corpus.")
    parser.add_argument("corpus", type=Path, help="JSONL with text and quotes (PolNeAR format)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to parse with")
    parser.add_argument("--limit", type=int, default=None, help="first N texts only")
    parser.add_argument("-C", type=float, default=0.5, help="inverse L2 regularisation strength")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with args.corpus.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()][:args.limit]
    docs = list(parse(load(args.model), (r["text"] for r in records)))
    result = learn(records, docs, c=args.C)
    result["trained_on"]["sha256"] = hashlib.sha256(args.corpus.read_bytes()).hexdigest()
    args.out.write_text(json.dumps(result, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    log.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
