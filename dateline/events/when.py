"""Event dates: the time expression of the event's clause, resolved against the article date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def resolve_date(expression: str, base: str | None) -> str | None:
    """ISO day of a time expression ("on Wednesday", "last week", "Sept. 9") given the article day."""
    if not base:
        return None
    try:
        anchor = date.fromisoformat(base[:10])
    except ValueError:
        return None
    text = expression.lower().strip()
    text = re.sub(r"^(on|in|at|since|by|during)\s+", "", text)
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return anchor.isoformat()
    if text in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat()
    if text == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    for number, name in enumerate(_WEEKDAYS):
        if text in (name, f"last {name}", f"this {name}", f"on {name}"):
            back = (anchor.weekday() - number) % 7 or 7
            return (anchor - timedelta(days=back)).isoformat()
        if text == f"next {name}":
            ahead = (number - anchor.weekday()) % 7 or 7
            return (anchor + timedelta(days=ahead)).isoformat()
    if text == "last week":
        return (anchor - timedelta(days=7)).isoformat()
    if text == "last month":
        first = anchor.replace(day=1) - timedelta(days=1)
        return first.replace(day=1).isoformat()
    if text == "last year":
        return anchor.replace(year=anchor.year - 1, month=1, day=1).isoformat()
    if re.search(r"\d|january|february|march|april|may|june|july|august|september|october|november|december", text):
        import dateparser

        parsed = dateparser.parse(text, languages=["en"], settings={
            "RELATIVE_BASE": _datetime(anchor), "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first"})
        if parsed is not None:
            return parsed.date().isoformat()
    return None


def _datetime(day: date):  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


_CLAUSE_LINKS = ("ccomp", "xcomp", "acomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj")


def event_date(trigger: Token, sentence: Span, base: str | None) -> str | None:
    """The date of the trigger's clause, else of the clauses it is embedded in.

    "On Wednesday, Stoltenberg said he was concerned": the concern is dated by the
    saying.  A date inside another event's relative clause never dates this one.
    """
    dates = [e for e in sentence.ents if e.label_ in ("DATE", "TIME")]
    if not dates:
        return base
    node = trigger
    for _ in range(5):
        attached = [e for e in dates if e.root.head == node or e.root.head.head == node]
        for entity in attached:
            resolved = resolve_date(entity.text, base)
            if resolved:
                return resolved
        if node.dep_ not in _CLAUSE_LINKS or node.head is node:
            break
        node = node.head
    return base
