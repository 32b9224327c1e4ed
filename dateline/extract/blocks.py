"""An HTML tree as a flat list of text blocks, with page furniture left out.

A block is the text between two block-level boundaries (a paragraph, a list item, a table
cell, a heading, text split by `<br>`).  Each block remembers the element that holds it and
how much of it is link text, which is what the main-text finder scores.  Elements that are
never article text (scripts, navigation, figures and captions, hidden elements, share bars,
comment threads, newsletter and cookie boxes) are skipped while walking, judged on their
tag, their attributes and their class and id words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

# Never article text, whatever the class says.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "math", "button", "select", "option", "textarea", "input", "label", "nav", "aside",
    "footer", "figure", "figcaption", "picture", "video", "audio", "map", "head", "title",
    "dialog", "menu", "fieldset", "legend", "datalist", "meter", "progress", "form-control",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "td", "th", "tr", "table", "tbody", "thead",
    "tfoot", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "form", "center", "header", "address", "body", "html",
    "caption", "details", "summary", "hgroup", "frameset", "frame",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Class and id words of page furniture.  Matched as whole words of the attribute
# ("article-comments", "share_bar", "relatedStories") so "commentary" or "shared" do not count.
_FURNITURE = re.compile(
    r"(?:^|[^a-z])(?:comments?|commentlist|comment-?list|comment-?section|disqus|replies|"
    r"share|sharing|sharebar|share-?tools|social|sociable|addthis|social-?links|"
    r"related|recommended|recommendations?|also-?read|read-?more|readmore|more-?stories|"
    r"most-?popular|most-?read|trending|outbrain|taboola|"
    r"newsletter-?(?:signup|form|box|cta|promo|subscribe|widget)|subscribe|subscription|signup|"
    r"sign-?up|cookies?|cookie-?banner|consent|gdpr|"
    r"promo|advert|advertisement|ads|ad|adv|advertising|sponsor|sponsored|dfp|"
    r"sidebar|side-?bar|breadcrumbs?|caption|credits?|byline|author-?bio|"
    r"author-?info|about-?author|tags|tag-?list|toolbar|popup|modal|"
    r"masthead|nav|navbar|navigation|menu|pagination|pager|footer|skip|print-?only|"
    r"visually-?hidden|sr-?only|screen-?reader|offscreen|"
    r"wp-caption-text|photo-?credit|image-?credit|gallery|slideshow|carousel|video-?player|"
    r"jw-?player|post-?meta|entry-?meta|timestamp|banner|paywall|login|bookmarks?|"
    r"call-?to-?action|cta|donate|donation|authors?|bio|biography|avatar|excerpt|"
    r"sponsors|alert)(?:$|[^a-z])"
)
_STRONG = re.compile(
    r"(?:^|[^a-z])(?:comments?|commentlist|comment-?list|comment-?section|disqus|"
    r"share|sharing|sharebar|social|related|outbrain|taboola|cookie-?banner|consent|"
    r"advert|advertisement|ads|sponsored|breadcrumbs?)(?:$|[^a-z])")
_ARTICLE = re.compile(r"(?:^|[^a-z])(?:article|content|story|entry|body|main|post-?body|"
                      r"text|blog-?post)(?:$|[^a-z])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Class words that name the article's topic or state (WordPress "category-social",
# "tag-comments", "elementor-hidden-mobile"), not the element's role.
_TAXONOMY = re.compile(r"\b(?:category|tag|tags|topic|cat|section|post|postid|format|status|type|"
                       r"has|single|page|template|parent|elementor-hidden)-[\w-]*", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")


@dataclass(slots=True, eq=False)
class Block:
    """One run of text between block boundaries, and what it is made of."""

    text: str
    element: HtmlElement  # the nearest block-level element holding the text
    tag: str  # that element's tag
    link_chars: int = 0
    bold_chars: int = 0  # inside b, strong, big, font, or an element classed as a headline
    words: int = 0
    in_list: bool = False
    heading: bool = False
    quote: bool = False
    ancestors: list[HtmlElement] = field(default_factory=list)  # element first, then up
    teaser: HtmlElement | None = None  # the teaser item holding this block, if any

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def emphasised(self) -> bool:
        """All of it set in bold or large type: how old layouts mark a headline."""
        return bool(self.text) and self.bold_chars >= 0.9 * len(self.text.replace(" ", ""))


_LINK, _BOLD = 1, 2
_BOLD_TAGS = frozenset({"b", "strong", "big", "font"})
_HEADLINE_CLASS = re.compile(r"headline|title", re.I)


def _bold(el: HtmlElement, tag: str) -> bool:
    if tag in _BOLD_TAGS:
        if tag != "font":
            return True
        size = (el.get("size") or "").strip()
        return size.startswith("+") or (size.isdigit() and int(size) >= 4)
    return bool(_HEADLINE_CLASS.search(el.get("class") or ""))


def _number(item: HtmlElement) -> str:
    """"3. " before the third item of an ordered list, as a browser shows it."""
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return ""
    start = parent.get("start") or "1"
    first = int(start) if start.strip().lstrip("-").isdigit() else 1
    position = sum(1 for sib in item.itersiblings(preceding=True) if sib.tag == "li")
    return f"{first + position}. "


def furniture_words(element: HtmlElement) -> bool:
    """Whether an element's class or id words mark page furniture.

    Words such as "nav" or "meta" are overruled by article words in the same attributes
    ("ContentPlaceHolder_NavWebPart_Article"); comment, share and related boxes are not.
    """
    attrs = (element.get("class") or "") + " " + (element.get("id") or "")
    if not attrs.strip():
        return False
    attrs = _CAMEL.sub("-", _TAXONOMY.sub(" ", attrs)).lower()
    if _STRONG.search(attrs):
        return True
    return bool(_FURNITURE.search(attrs)) and not _ARTICLE.search(attrs)


def hidden(element: HtmlElement) -> bool:
    """Hidden by attribute or inline style: a browser would not show it."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class _Walker:
    """Depth-first walk that gathers inline text into blocks at block boundaries."""

    def __init__(self, page_chars: int) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.bold_chars = 0
        self.page_chars = page_chars
        self.stack: list[HtmlElement] = []
        self.list_depth = 0
        self.quote_depth = 0

    def flush(self) -> None:
        if not self.parts:
            return
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        links, self.link_chars = self.link_chars, 0
        bold, self.bold_chars = self.bold_chars, 0
        if not text:
            return
        holder = self.stack[-1]
        tag = holder.tag if isinstance(holder.tag, str) else ""
        self.blocks.append(Block(text, holder, tag, min(links, len(text)), bold, len(text.split()),
                                 in_list=self.list_depth > 0, heading=tag in HEADINGS,
                                 quote=self.quote_depth > 0))

    def add(self, text: str | None, flags: int) -> None:
        if text:
            self.parts.append(text)
            if flags & _LINK:
                self.link_chars += len(text.strip())
            if flags & _BOLD:
                self.bold_chars += len(text.replace(" ", "").strip())

    def skip(self, el: HtmlElement, tag: str) -> bool:
        if tag in SKIP_TAGS or hidden(el):
            return True
        if tag in ("html", "body", "article", "main") or not furniture_words(el):
            return False
        if el.find(".//article") is not None or el.find(".//main") is not None:
            return False
        # A wrapper named like furniture that holds most of the page is a layout box.
        return len(el.text_content()) < 0.5 * self.page_chars

    def walk(self, el: HtmlElement, flags: int = 0) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag:  # comments and processing instructions
            self.add(el.tail, flags)
            return
        if self.skip(el, tag):
            if tag in BLOCK_TAGS or tag in SKIP_TAGS:
                self.flush()
            self.add(el.tail, flags)
            return
        block = tag in BLOCK_TAGS
        if tag == "br":
            self.flush()
            self.add(el.tail, flags)
            return
        if block:
            self.flush()
            self.stack.append(el)
            self.list_depth += tag == "li"
            self.quote_depth += tag == "blockquote"
        link = flags | (_LINK if tag == "a" else 0) | (_BOLD if _bold(el, tag) else 0)
        if tag == "li":
            self.add(_number(el), 0)
        self.add(el.text, link)
        for child in el:
            self.walk(child, link)
        if block:
            self.flush()
            self.stack.pop()
            self.list_depth -= tag == "li"
            self.quote_depth -= tag == "blockquote"
        self.add(el.tail, flags)


def page_blocks(root: HtmlElement) -> list[Block]:
    """Text blocks of a page in reading order, furniture left out.

    Scripts and styles are stripped from the tree first (read metadata before this).
    """
    etree.strip_elements(root, "script", "style", "noscript", "template", "svg",
                         with_tail=False)
    body = root.find(".//body")
    start = body if body is not None else root
    walker = _Walker(len(start.text_content()))
    walker.stack.append(start)
    walker.walk(start)
    walker.flush()
    return walker.blocks


def parse_html(html: str) -> HtmlElement:
    """An lxml tree of a page; an XML declaration in a decoded string is dropped first."""
    import lxml.html

    if html.lstrip().startswith("<?xml"):
        html = html[html.find("?>") + 2:]
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring(f"<html><body>{html}</body></html>", parser=parser)
    _repair(root)
    return root


_HEAD_TAGS = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})


def _repair(root: HtmlElement) -> None:
    """Broken markup can leave the page inside `<head>` (after an unknown tag there) or in a
    second `<html>` beside the first; either way it is the page's body."""
    head = root.find("head")
    body = root.find("body")
    strays = list(root.itersiblings())
    lost = [] if head is None else [c for c in head if isinstance(c.tag, str)
                                     and c.tag not in _HEAD_TAGS]
    if not strays and not lost:
        return
    if body is None:
        body = etree.SubElement(root, "body")
    if lost and head is not None:
        start = list(head).index(lost[0])
        for child in reversed(list(head)[start:]):
            body.insert(0, child)
    for stray in strays:
        if not isinstance(stray.tag, str):
            continue
        part = stray.find("body")
        for child in list(part if part is not None else stray):
            if child.tag != "head":
                body.append(child)
