"""RSS/Atom feeds and plain URL lists as lists of articles to fetch.

A source is a file or an http(s) URL.  A feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed, read
by feedparser) gives its entries' links and dates; anything else that is text is a list of
URLs, one a line (`#` starts a comment).  A URL that answers with an HTML page is taken as
an article itself.  Each article URL is fetched once per run.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import FetchError
from ..records import RawDoc, Skipped
from .fetch import FEED_TYPES, HTML_TYPES, Fetcher, _as_document, fetch_articles

log = logging.getLogger(__name__)

_FEED_MARKS = (b"<rss", b"<feed", b"<rdf:rdf", b'"version": "https://jsonfeed.org')


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """An RSS, Atom or JSON feed, by its media type or its first bytes."""
    if any(t in content_type for t in FEED_TYPES):
        return True
    head = content[:4096].lower()
    return any(mark in head for mark in _FEED_MARKS)


def feed_entries(content: bytes) -> list[tuple[str, str | None]]:
    """(article URL, publication day or None) of every entry of a feed."""
    import feedparser

    parsed = feedparser.parse(content)
    entries: list[tuple[str, str | None]] = []
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (ln.get("href") for ln in entry.get("links", []) if ln.get("href")), None)
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = time.strftime("%Y-%m-%d", stamp) if stamp else None
        entries.append((link.strip(), day))
    if not entries and parsed.bozo:
        raise FetchError(f"not a readable feed: {parsed.get('bozo_exception')}")
    return entries


def url_list(content: bytes) -> list[tuple[str, str | None]]:
    """The http(s) URLs of a plain list, one a line; other lines are ignored with a note."""
    urls: list[tuple[str, str | None]] = []
    for number, raw in enumerate(content.decode("utf-8", errors="replace").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("http://", "https://")):
            urls.append((line.split()[0], None))
        else:
            log.info("line %d is not an http(s) URL, ignored: %.80s", number, line)
    return urls


def _targets(source: str, fetcher: Fetcher) -> Iterator[tuple[str, str | None] | RawDoc | Skipped]:
    """Article URLs named by one source, or the source itself when it is an article."""
    if source.startswith(("http://", "https://")):
        try:
            response = fetcher.get(source)
        except FetchError as exc:
            yield Skipped(source, f"fetch failed: {exc}")
            return
        if not 200 <= response.status < 300:
            yield Skipped(source, f"HTTP {response.status} from {response.url}")
            return
        content, ctype = response.content, response.content_type
        if not looks_like_feed(content, ctype) and any(t in ctype for t in HTML_TYPES):
            yield from _as_document(source, None, response)
            return
    else:
        try:
            content, ctype = Path(source).read_bytes(), ""
        except OSError as exc:
            yield Skipped(source, f"cannot read file: {exc.strerror or exc}")
            return
    try:
        found = feed_entries(content) if looks_like_feed(content, ctype) else url_list(content)
    except FetchError as exc:
        yield Skipped(source, str(exc))
        return
    if not found:
        yield Skipped(source, "no article URLs in this feed or list")
    yield from found


def read_feeds(sources: Iterable[str], fetcher: Fetcher) -> Iterator[RawDoc | Skipped]:
    """Raw documents for every article that the feeds and URL lists name, fetched once each."""
    seen: set[str] = set()
    for source in sources:
        pending: list[tuple[str, str | None]] = []
        for item in _targets(source, fetcher):
            if isinstance(item, (RawDoc, Skipped)):
                yield item
            elif item[0] not in seen:
                seen.add(item[0])
                pending.append(item)
        log.info("%s: %d article URLs to fetch", source, len(pending))
        yield from fetch_articles(pending, fetcher)
