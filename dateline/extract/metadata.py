"""Headline, publication date, authors and site name of a page.

Publishers state these in several places that disagree: schema.org JSON-LD, Open Graph
and other `<meta>` tags, the `<title>` (often with a section or site name glued on), the
visible `<h1>`, `<time>` elements and the URL.  Each value is taken from the most reliable
place that has it; htmldate is asked for the date only when the page states none.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .dates import date_from_url, is_date_line, parse_day

log = logging.getLogger(__name__)

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
    "dc.date.created", "citation_publication_date", "og:article:published_time",
    "bt:pubdate", "displaydate", "date_published", "article:published",
)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»·•/]\s+|\s*::\s*|\s+\|\s*|\s*\|\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about its article."""

    title: str | None = None
    title_seen: bool = False  # the title is a headline shown on the page, not only declared
    date: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _metas(root: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = meta.get("content")
        if key and value and key not in found:
            found[key] = value.strip()
    return found


def _json_ld(root: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every schema.org object in the page's JSON-LD, graphs and lists flattened."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                yield item


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report", "WebPage"))
               for k in kinds)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _visible_headlines(root: HtmlElement) -> list[str]:
    """Texts of the page's h1s, then of headings whose class says headline or title."""
    found = [_clean(h.text_content()) for h in root.iter("h1")]
    for tag in ("h2", "h3"):
        for h in root.iter(tag):
            attrs = ((h.get("class") or "") + " " + (h.get("id") or "")).lower()
            if "title" in attrs or "headline" in attrs:
                found.append(_clean(h.text_content()))
    return [h for h in found if 2 <= len(h.split()) <= 40 and not is_date_line(h)]


def declared_titles(root: HtmlElement, metas: dict[str, str], ld_headline: str | None
                    ) -> list[str]:
    """Titles the page declares, most specific first."""
    page_title = _clean(root.findtext(".//title"))
    return [t for t in (_clean(metas.get("og:title")), _clean(metas.get("twitter:title")),
                        _clean(ld_headline), page_title) if t]


def choose_title(root: HtmlElement, declared: list[str]) -> tuple[str | None, bool]:
    """The visible headline where the page's title agrees with it (and True), else the
    cleanest declared title (and False)."""
    declared_words = set(_words(" ".join(declared)))
    best: tuple[int, str] | None = None
    for headline in _visible_headlines(root):
        words = set(_words(headline))
        shared = len(words & declared_words)
        if words and shared >= 0.6 * len(words) and (best is None or shared > best[0]):
            best = (shared, headline)
    if best:
        return best[1], True
    for title in declared:
        parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
        return (max(parts, key=len) if len(parts) > 1 else title), False
    return None, False


def _published(root: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]],
               url: str | None) -> str | None:
    for obj in ld:
        if _is_article(obj):
            day = parse_day(str(obj.get("datePublished") or obj.get("dateCreated") or ""))
            if day:
                return day
    for key in _PUBLISHED_META:
        day = parse_day(metas.get(key))
        if day:
            return day
    for el in root.iter("time"):
        day = parse_day(el.get("datetime") or "")
        if day:
            return day
    for el in root.xpath('//*[@itemprop="datePublished"]'):
        day = parse_day(el.get("content") or el.get("datetime") or el.text_content())
        if day:
            return day
    return date_from_url(url)


_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DAY_EXPR = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH},?\s+\d{{4}}"
             r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})")
_STAMPED = re.compile(
    rf"\b(posted|published|written|dated|date|updated|last updated|modified)\s*(?:on|at|:)?\s*"
    rf"(?:[a-z]+day,?\s+)?({_DAY_EXPR})", re.I)


def stamped_date(root: HtmlElement) -> str | None:
    """A date the page's visible text labels ("Posted on Nov 21, 2018", "Updated: ..."):
    a publication label wins over an update label."""
    text = " ".join(t for t in root.xpath("//body//text()[not(ancestor::script) and "
                                          "not(ancestor::style)]") if t.strip())[:200_000]
    updated = None
    for match in _STAMPED.finditer(text):
        day = parse_day(match.group(2))
        if not day:
            continue
        if match.group(1).lower() in ("updated", "last updated", "modified"):
            updated = updated or day
            continue
        return day
    return updated


def search_date(root: HtmlElement, url: str | None) -> str | None:
    """For pages that state no date in their metadata: htmldate's quick search of the
    page, then a date the visible text labels as posted, published or updated.

    htmldate's extensive search would try every dateparser locale on every date-like
    string: it costs more than the rest of extraction together and finds little more.
    htmldate cleans the tree it is given, so it gets a copy.
    """
    try:
        from htmldate import find_date

        found = find_date(copy.deepcopy(root), url=url, original_date=True,
                          extensive_search=False)
    except Exception as exc:  # noqa: BLE001 - htmldate's own parse errors
        log.debug("htmldate failed: %s", exc)
        found = None
    return (parse_day(found) if found else None) or stamped_date(root)


def read_metadata(root: HtmlElement, url: str | None = None) -> Metadata:
    """Title, publication date, authors and publisher of a parsed page."""
    metas = _metas(root)
    ld = list(_json_ld(root))
    article = next((o for o in ld if _is_article(o)), {})
    headline = article.get("headline") if isinstance(article.get("headline"), str) else None
    authors = [_clean(a) for a in _names(article.get("author"))]
    if not authors and metas.get("author") and not metas["author"].startswith("http"):
        authors = [_clean(a) for a in re.split(r"\s*(?:,|;| and )\s*", metas["author"])]
    publisher = next(iter(_names(article.get("publisher"))), None) or metas.get("og:site_name")
    declared = declared_titles(root, metas, headline)
    title, seen = choose_title(root, declared)
    return Metadata(
        title=title,
        title_seen=seen,
        date=_published(root, metas, ld, url),
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        publisher=_clean(publisher) or None,
    )
