"""The article's own text among a page's blocks: one container, then its edges cleaned.

Every block votes for the elements that hold it: prose (sentences, long runs of words with
few links) votes for, link lists and short labels vote against.  The element with the
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

_ITEM_TAGS = frozenset({"div", "li", "article", "section", "tr", "td", "dd", "dl", "ul", "p"})
_DIGITS = re.compile(r"\d+")
_TEASER_WORDS = 60  # a teaser's summary is short; a section of a list article is not
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
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
# Legal lines close a page: once the story has been told, nothing after them is story.
_LEGAL = re.compile(
    r"^\W*(?:copyright\b|\(c\)\s*(?:19|20)\d\d|©\s*(?:19|20)\d\d|all (?:content )?copyright)|"
    r"all rights reserved|may not be (?:published|reproduced|redistributed)|"
    r"should not be construed as an endorsement|"
    r"^\W*(?:privacy policy|terms of (?:use|service))\b", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’/-]{1,40}(?:\([\w ,/]+\))?\s*(?:--|[-–—:])\s*$")
_CLOCK = re.compile(r"^\W*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\W*$", re.I)
# The line that opens a reader-comment thread, or says it is closed.
_COMMENTS_START = re.compile(
    r"^\W*(?:\d+\s+)?(?:(?:reader|user|readers'?|your|latest|recent|show|view|all|add|post|"
    r"leave|write|submit)\s+(?:a\s+|your\s+|the\s+)?)?(?:comments?|responses?|replies|reactions?)"
    r"(?:\s*\(\d+\)|\s*:|\s+\d+|\s+(?:are|have been|is)\s+(?:now\s+)?closed\b.*|"
    r"\s+on this (?:story|article|entry|post)|\s+to this (?:story|article|entry|post))?"
    r"\W*(?:blocked comments.*)?$|"
    r"^\W*(?:have your say|join the (?:discussion|conversation)|what do you think\?|"
    r"comments? (?:are|have been|is) (?:now )?closed|discuss this (?:story|article))",
    re.I)
_BYLINE = re.compile(
    r"^\W*(?:by|from|written by|posted by|story by|words by|von|par|por)(?:\s+[\w.'’-]+|\W*$)",
    re.I)
_DATE_PREFIX = re.compile(r"^\W*(?:on|published|updated|posted|last updated|first published)\b"
                          r"(?:\s+on)?[\s:]*", re.I)
_UPDATED = re.compile(
    r"^\W*(?:published|updated|posted|last (?:updated|modified)|created|first published)\b"
    r"[\s:]", re.I)


def _is_prose(block: Block) -> bool:
    return block.words >= 12 or (block.words >= 5 and bool(_SENTENCE_END.search(block.text)))


def vote(block: Block) -> float:
    """What one block says about the elements that hold it."""
    if block.link_density > 0.5 or block.teaser is not None:
        return -block.words - 1.0
    if _is_prose(block):
        return block.words * (1.0 - block.link_density)
    return 0.0


def _signature(el: HtmlElement) -> str:
    return f"{el.tag}.{_DIGITS.sub('', el.get('class') or '')}"


def mark_teasers(blocks: list[Block]) -> None:
    """Flag blocks of teaser lists: three or more alike siblings, each led by a linked
    headline and holding only a short summary (related stories, latest posts)."""
    items: dict[HtmlElement, int] = {}
    alike: dict[tuple[HtmlElement, str], int] = {}
    for block in blocks:
        if block.link_density <= 0.5 or block.words < 3:
            continue
        for anc in block.ancestors[:6]:
            parent = anc.getparent()
            if parent is None:
                break
            if anc.tag not in _ITEM_TAGS:
                continue
            key = (parent, _signature(anc))
            if key not in alike:
                alike[key] = sum(1 for c in parent if _signature(c) == key[1])
            if alike[key] >= 3:
                items.setdefault(anc, 0)
                break
    if items:
        _mark_item_teasers(blocks, items)
    _mark_paired_teasers(blocks)


def _mark_item_teasers(blocks: list[Block], items: dict[HtmlElement, int]) -> None:
    for block in blocks:
        item = next((a for a in block.ancestors if a in items), None)
        if item is not None:
            if block.link_density <= 0.5:
                items[item] += block.words
            block.teaser = item
    for block in blocks:
        if block.teaser is not None and items[block.teaser] > _TEASER_WORDS:
            block.teaser = None


def cut_comments(blocks: list[Block]) -> list[Block]:
    """The blocks before a reader-comment thread or the legal lines that follow the story."""
    prose = 0
    for i, block in enumerate(blocks):
        if prose >= 80 and block.words <= 12 and _COMMENTS_START.match(block.text):
            return blocks[:i]
        if prose >= 80 and block.words <= 40 and _LEGAL.search(block.text):
            return blocks[:i]
        if _is_prose(block) and block.link_density <= 0.5:
            prose += block.words
    return blocks


def _mark_paired_teasers(blocks: list[Block]) -> None:
    """Teasers written as sibling pairs (a linked headline, then its summary, as in
    `<dt><a>…</a></dt><dd>…</dd>`): three pairs under one parent make a teaser list."""
    pairs: dict[HtmlElement, list[Block]] = {}
    for head, summary in zip(blocks, blocks[1:], strict=False):
        if not (head.link_density > 0.5 and 3 <= head.words <= 20):
            continue
        if summary.link_density > 0.5 or summary.words > _TEASER_WORDS or summary.heading \
                or not _is_prose(summary):
            continue
        parent = head.element.getparent()
        if parent is not None and summary.element.getparent() is parent \
                and summary.element is not head.element:
            pairs.setdefault(parent, []).append(summary)
    prose_under: dict[HtmlElement, int] = {}
    for block in blocks:
        if _is_prose(block) and block.link_density <= 0.5:
            parent = block.element.getparent()
            if parent in pairs:
                prose_under[parent] = prose_under.get(parent, 0) + 1
    for parent, summaries in pairs.items():
        # Only summaries under that parent: a digest article has its own paragraphs too.
        if len(summaries) >= 3 and prose_under.get(parent, 0) == len(summaries):
            for block in summaries:
                block.teaser = parent


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


def _above(blocks: list[Block], start: int, text: MainText) -> None:
    """The nearest heading or bold line above the story's first paragraph, skipping the
    byline, date and link lines that often stand between them; and the nearest date line."""
    for block in reversed(blocks[max(0, start - 12):start]):
        if block.link_density > 0.5 or block.words < 2:
            continue
        if _edge_line(block):
            day_text = _DATE_PREFIX.sub("", block.text)
            if text.date_line is None and is_date_line(day_text):
                text.date_line = day_text
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
    prose = [i for i, b in enumerate(kept) if _is_prose(b)]
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
