"""HTML page to article: main text as paragraphs, title, date, authors, publisher.

trafilatura finds the main content and the metadata; dateline keeps its paragraphs with
offsets and reads the wire credits that trafilatura leaves in the text.
"""

from __future__ import annotations

import logging

from ..errors import InputError
from ..records import Article
from .credits import agencies_in, closing_credit
from .crude import _assemble
from .dates import date_from_url, parse_day

log = logging.getLogger(__name__)


def extract_html(html: str, *, url: str | None = None, date: str | None = None) -> Article:
    """Article from an HTML page; raises `InputError` when the page holds no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False,
                                          include_tables=False, with_metadata=True,
                                          favor_precision=False)
    except Exception as exc:  # noqa: BLE001 - the extractor's own parse errors
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the HTML")
    lines = [ln.strip() for ln in doc.text.split("\n") if ln.strip()]
    agencies = agencies_in("\n".join(lines))
    if lines and closing_credit(lines[-1]) is not None:
        lines.pop()
    text, spans = _assemble(lines)
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Article(
        text=text,
        paragraphs=spans,
        title=(doc.title or None),
        date=parse_day(doc.date) or date_from_url(url) or date,
        publisher=doc.sitename or doc.hostname or None,
        authors=authors,
        agencies=tuple(agencies),
        url=url or doc.url,
    )
