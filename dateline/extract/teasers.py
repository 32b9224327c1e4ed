"""Text that reads like a story but is not the story: teaser lists and reader comments.

Related-story lists, "latest posts" boxes and comment threads are made of sentences, so
text density alone takes them for the article.  Their shape gives them away: teasers are
three or more alike items each led by a linked headline with a short summary, and a
comment thread (or the legal lines that close a page) follows the story under a heading
of its own.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .blocks import Block

_ITEM_TAGS = frozenset({"div", "li", "article", "section", "tr", "td", "dd", "dl", "ul", "p"})
_DIGITS = re.compile(r"\d+")
_TEASER_WORDS = 60  # a teaser's summary is short; a section of a list article is not
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
# Legal lines close a page: once the story has been told, nothing after them is story.
_LEGAL = re.compile(
    r"^\W*(?:copyright\b|\(c\)\s*(?:19|20)\d\d|©\s*(?:19|20)\d\d|all (?:content )?copyright)|"
    r"all rights reserved|may not be (?:published|reproduced|redistributed)|"
    r"should not be construed as an endorsement|"
    r"^\W*(?:privacy policy|terms of (?:use|service))\b", re.I)
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


def is_prose(block: Block) -> bool:
    """A sentence or a long run of words: what stories are made of."""
    return block.words >= 12 or (block.words >= 5 and bool(_SENTENCE_END.search(block.text)))


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
        if is_prose(block) and block.link_density <= 0.5:
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
                or not is_prose(summary):
            continue
        parent = head.element.getparent()
        if parent is not None and summary.element.getparent() is parent \
                and summary.element is not head.element:
            pairs.setdefault(parent, []).append(summary)
    prose_under: dict[HtmlElement, int] = {}
    for block in blocks:
        if is_prose(block) and block.link_density <= 0.5:
            parent = block.element.getparent()
            if parent in pairs:
                prose_under[parent] = prose_under.get(parent, 0) + 1
    for parent, summaries in pairs.items():
        # Only summaries under that parent: a digest article has its own paragraphs too.
        if len(summaries) >= 3 and prose_under.get(parent, 0) == len(summaries):
            for block in summaries:
                block.teaser = parent
