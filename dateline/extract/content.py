"""The article's own text among a page's blocks: one container, then its edges cleaned.

Every block votes for the elements that hold it: prose (sentences, long runs of words with
few links) votes for, link lists and teasers vote against, short labels do not vote.  The element with the
largest sum is the article's container: it grows to take sibling paragraphs split by ads
or subheadings, and stops where navigation, teasers and link lists begin.  Inside it, the
headline repeated at the top, bylines and datelines, captions, "read more" and share
lines, and link lists are dropped; short list items and subheadings inside are kept,
because the article needs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from .blocks import Block
from .credits import closing_credit, is_image_credit
from .crude import _PLAYER
from .dates import is_date_line
from .teasers import cut_comments, is_prose, mark_teasers

_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")  # also in teasers.py
_BOILERPLATE = re.compile(
    r"^\W*(?:advertisement|advertising|sponsored|share|share this(?: article| story)?|"
    r"tweet|print|e-?mail|email this|read more|more:|see also|related|related (?:stories|articles|"
    r"links|content|coverage|news)|click here|comments?|\d+ comments?|leave a (?:comment|reply)|"
    r"post a comment|sign up|subscribe|follow us|back to top|top of page|continue reading|"
    r"story continues below|skip (?:to|past)|photo|image|video|watch|listen|loading|"
    r"reprints?|permalink|recommend|like|tags?:|filed under|topics?:|posted in|text size|"
    r"font size|table of contents|contents|in this article|jump to|reading time|listen to this|"
    r"\d+\s*min(?:ute)?s?(?: read)?|written by|reviewed by|fact[- ]checked by|author|"
    r"you are reading|start typing|search|menu|close|hide|show more|load more)\b",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’/-]{1,40}(?:\([\w ,/]+\))?\s*(?:--|[-–—:])\s*$")
_CLOCK = re.compile(r"^\W*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\W*$", re.I)
_BYLINE = re.compile(
    r"^\W*(?:by|from|written by|posted by|story by|words by|von|par|por)(?:\s+[\w.'’-]+|\W*$)",
    re.I)
_DATE_PREFIX = re.compile(r"^\W*(?:on|published|updated|posted|last updated|first published)\b"
                          r"(?:\s+on)?[\s:]*", re.I)
_UPDATED = re.compile(
    r"^\W*(?:published|updated|posted|last (?:updated|modified)|created|first published)\b"
    r"[\s:]", re.I)


def vote(block: Block) -> float:
    """What one block says about the elements that hold it."""
    if block.link_density > 0.5 or block.teaser is not None:
        return -block.words - 1.0
    if is_prose(block):
        return block.words * (1.0 - block.link_density)
    return 0.0


def choose_container(blocks: list[Block]) -> HtmlElement | None:
    """The element whose blocks add up to the most article-like text."""
    totals: dict[HtmlElement, float] = {}
    for block in blocks:
        score = vote(block)
        for el in block.ancestors:
            totals[el] = totals.get(el, 0.0) + score
    if not totals:
        return None
    best = max(totals.values())
    if best <= 0:
        return None
    # Among equal sums, the innermost element: the same text with less around it.
    depth = {el: sum(1 for _ in el.iterancestors()) for el, s in totals.items() if s == best}
    return max(depth, key=lambda el: depth[el])


def _inside(block: Block, container: HtmlElement) -> bool:
    return container in block.ancestors


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _furniture_line(block: Block, title_key: str) -> bool:
    """A line that belongs to the page, not to the story, wherever it stands."""
    text = block.text
    if block.teaser is not None:
        return True
    if block.link_density > 0.5 and not (block.in_list and block.link_density < 0.8
                                         and block.words >= 8):
        return True
    if block.tag == "h1":
        return True
    if title_key and _norm(text) == title_key:
        return True
    if block.words <= 6 and _BOILERPLATE.match(text):
        return True
    if is_image_credit(text):
        return True
    return block.words < 16 and bool(_PLAYER.search(text))


def _edge_line(block: Block) -> bool:
    """A line that is furniture when it opens or closes the story: bylines, dates, labels."""
    text = block.text
    if block.words <= 10 and (_BYLINE.match(text) or _UPDATED.match(text)):
        return True
    return is_date_line(_DATE_PREFIX.sub("", text)) or bool(_CLOCK.match(text))


def _headline(block: Block) -> bool:
    """A short line in heading or bold type before the story starts: its headline."""
    return ((block.heading or block.emphasised) and block.words <= 25
            and not _SENTENCE_END.search(block.text.rstrip("?!")))


@dataclass(slots=True)
class MainText:
    """The story's blocks, and the headline and date line that stood above them."""

    blocks: list[Block]
    headline: str | None = None
    date_line: str | None = None
    byline: str | None = None


def _above(blocks: list[Block], start: int, text: MainText) -> None:
    """The nearest heading or bold line above the story's first paragraph, skipping the
    byline, date and link lines that often stand between them; and the nearest date line
    and byline."""
    for block in reversed(blocks[max(0, start - 12):start]):
        if block.link_density > 0.5 or block.words < 2:
            continue
        if _edge_line(block):
            day_text = _DATE_PREFIX.sub("", block.text)
            if text.date_line is None and is_date_line(day_text):
                text.date_line = day_text
            elif text.byline is None and _BYLINE.match(block.text):
                text.byline = block.text
            continue
        if text.headline is None and block.words <= 25 and (
                block.tag in ("h1", "h2", "h3") or _headline(block)):
            text.headline = block.text


def main_text(blocks: list[Block], title: str | None = None) -> MainText:
    """The blocks of the article's text in reading order, with what stood above them."""
    for block in blocks:
        block.ancestors = [block.element, *block.element.iterancestors()]
    mark_teasers(blocks)
    blocks = cut_comments(blocks)
    container = choose_container(blocks)
    title_key = _norm(title) if title else ""
    if container is None:  # no prose anywhere: a brief, or a page of labels
        return MainText([b for b in blocks if b.teaser is None and b.tag != "h1"
                         and not _furniture_line(b, title_key) and not _edge_line(b)])
    inside = [b for b in blocks if _inside(b, container)]
    kept = [b for b in inside if not _furniture_line(b, title_key)]
    prose = [i for i, b in enumerate(kept) if is_prose(b)]
    if not prose:
        return MainText(kept)
    first, last = prose[0], prose[-1]
    found = MainText([])
    _above(blocks, next(i for i, b in enumerate(blocks) if b is kept[first]), found)
    # Before the story starts, short lines are headline, deck, byline and labels; only a
    # dateline ("LONDON --") belongs to the story.
    head = [b for b in kept[:first] if _DATELINE.match(b.text)]
    tail = [b for b in kept[last + 1:]
            if (not _edge_line(b) and b.in_list) or closing_credit(b.text) is not None]
    found.blocks = head + kept[first:last + 1] + tail
    return found
