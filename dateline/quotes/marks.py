"""Quotation-mark spans, paragraph by paragraph.

News text mixes typographic marks, straight marks and the doubled apostrophe (`''`) of
wire copy, often within one quotation (`"We won,” he said`), and typographic marks are
often the wrong way round.  So every mark is judged by its neighbours first (a mark after
a space and before a word opens; one after a word and before a space or punctuation
closes) and by its glyph only when the neighbours do not tell.  Single quotation marks
are left alone: inside a double quotation they are a quotation within the quotation, and
elsewhere they are indistinguishable from apostrophes.

A paragraph that opens a quotation and does not close it continues into the next
paragraph when that paragraph opens with a mark (the newspaper convention for quotations
over several paragraphs); otherwise the quotation ends with its paragraph.  Either way an
unbalanced mark affects only its own paragraph.
"""

from __future__ import annotations

import re

from ..records import Span

_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPEN_GLYPHS = {"“", "„", "«", "``"}
_CLOSE_GLYPHS = {"”", "»"}
_SPACE_BEFORE = set(" \t\n([{—–-/") | {""}
_AFTER_CLOSE = set(" \t\n,.;:!?)]}—–-…") | {""}
_MIN_UNCLOSED_WORDS = 3


def _side(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the mark at text[start:end]."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    opens = before in _SPACE_BEFORE and after not in (" ", "\t", "\n", "")
    closes = before not in (" ", "\t", "\n", "") and after in _AFTER_CLOSE
    glyph = text[start:end]
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if glyph in _OPEN_GLYPHS:
        return "open"
    if glyph in _CLOSE_GLYPHS:
        return "close"
    return "either"


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _side(text, m.start(), m.end()))
            for m in _MARK.finditer(text, start, end)]


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed quotation spans (marks included) in text[start:end], and an unclosed opening."""
    spans: list[Span] = []
    open_at: int | None = None
    for m_start, m_end, side in _marks(text, start, end):
        if open_at is None:
            if side != "close":
                open_at = m_start
        elif side == "open" and m_start > open_at:
            # A second clear opening: the first mark was stray (or its closer is missing).
            open_at = m_start
        else:
            spans.append((open_at, m_end))
            open_at = None
    return spans, open_at


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    match = _MARK.match(stripped)
    return match is not None and _side(stripped, 0, match.end()) != "close"


def quote_spans(text: str, paragraphs: tuple[Span, ...]) -> list[tuple[Span, ...]]:
    """Every quotation in the text as its fragments (one per paragraph it runs through)."""
    if not paragraphs:
        paragraphs = ((0, len(text)),)
    quotes: list[tuple[Span, ...]] = []
    carried: list[Span] = []  # fragments of a quotation still open from earlier paragraphs
    for number, (p_start, p_end) in enumerate(paragraphs):
        spans, open_at = _paragraph_quotes(text, p_start, p_end)
        if carried:
            if spans and text[p_start:spans[0][0]].strip() == "":
                quotes.append((*carried, spans.pop(0)))
            elif not spans and open_at is not None and text[p_start:open_at].strip() == "":
                carried.append((open_at, p_end))
                continue
            else:
                quotes.append(tuple(carried))
            carried = []
        quotes.extend((span,) for span in spans)
        if open_at is None:
            continue
        nxt = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if nxt is not None and _opens_with_quote(text, *nxt):
            carried = [(open_at, p_end)]
        elif len(text[open_at:p_end].split()) >= _MIN_UNCLOSED_WORDS:
            quotes.append(((open_at, p_end),))
    if carried:
        quotes.append(tuple(carried))
    return quotes


def inner(span: Span, text: str) -> Span:
    """The span without its quotation marks, surrounding spaces and a trailing comma."""
    start, end = span
    opening = _MARK.match(text, start, end)
    if opening is not None:
        start = opening.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"”“»«"
                           or text[end - 2:end] == "''"):
        end -= 2 if text[end - 2:end] == "''" else 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
