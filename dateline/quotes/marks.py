"""Quotation-mark spans, paragraph by paragraph.

Typographic marks say which side they are on; straight marks are judged by their
neighbours (an opening mark follows a space or an opening bracket).  A paragraph that
opens a quote and does not close it continues into the next paragraph only when that
paragraph opens with a quotation mark (the newspaper convention); otherwise the stray
mark is ignored, so an unbalanced mark affects only its own paragraph.
"""

from __future__ import annotations

from ..records import Span

OPENERS = {"“": "”", "„": "“", "«": "»", "»": "«"}
CLOSERS = {"”", "“", "»", "«"}
STRAIGHT = '"'
_OPEN_CONTEXT = set(" \t\n([{—–-/:;") | {""}


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before in _OPEN_CONTEXT:
        return True
    if after in (" ", "\n", "", ",", ".", ";", ":", "!", "?", ")"):
        return False
    return not before.isalnum()


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed quote spans (marks included) in text[start:end], and an unclosed opening."""
    spans: list[Span] = []
    open_at: int | None = None
    closer: str | None = None
    i = start
    while i < end:
        ch = text[i]
        if open_at is None:
            if ch in OPENERS and not (ch == "»" and i + 1 < end and text[i + 1] == " "):
                open_at, closer = i, OPENERS[ch]
            elif ch == STRAIGHT and _is_opening_straight(text, i):
                open_at, closer = i, STRAIGHT
        else:
            if (closer == STRAIGHT and ch == STRAIGHT) or (closer != STRAIGHT and ch == closer):
                spans.append((open_at, i + 1))
                open_at, closer = None, None
            elif closer == STRAIGHT and ch in OPENERS and ch not in CLOSERS:
                # a typographic opener inside a straight quote: the straight one was stray
                open_at, closer = i, OPENERS[ch]
        i += 1
    return spans, open_at


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and (stripped[0] in OPENERS or stripped[0] == STRAIGHT)


def quote_spans(text: str, paragraphs: tuple[Span, ...]) -> list[tuple[Span, ...]]:
    """Every quotation in the text as its fragments (one per paragraph it runs through)."""
    if not paragraphs:
        paragraphs = ((0, len(text)),)
    quotes: list[tuple[Span, ...]] = []
    carried: list[Span] = []  # fragments of a quote still open from earlier paragraphs
    for number, (p_start, p_end) in enumerate(paragraphs):
        if carried:
            # The continuing paragraph reopens with a mark; its first quote joins the carried one.
            spans, open_at = _paragraph_quotes(text, p_start, p_end)
            if spans:
                first = spans.pop(0)
                quotes.append((*carried, first))
                carried = []
            elif open_at is not None:
                carried.append((open_at, p_end))
                continue
            else:
                carried = []
        else:
            spans, open_at = _paragraph_quotes(text, p_start, p_end)
        quotes.extend((span,) for span in spans)
        nxt = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if open_at is not None and nxt is not None and _opens_with_quote(text, *nxt):
            carried = [(open_at, p_end)]
    return quotes


def inner(span: Span, text: str) -> Span:
    """The span without its quotation marks and surrounding spaces."""
    start, end = span
    if start < end and (text[start] in OPENERS or text[start] == STRAIGHT):
        start += 1
    if end > start and (text[end - 1] in CLOSERS or text[end - 1] == STRAIGHT):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
