"""HTML page to article: main text as paragraphs, title, date, authors, publisher, agencies.

dateline finds the main text itself (blocks.py walks the page, content.py picks the
article's container and cleans its edges) because the general extractors keep headlines,
captions, teasers and comment threads or lose short list items, and the quotes and events
downstream are only as good as this text.  The page is parsed once with lxml, so this is
also faster than running a general extractor and then cleaning its output.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from ..errors import InputError
from ..records import Article
from .blocks import page_blocks, parse_html
from .content import main_text
from .credits import agencies_in, byline_names, closing_credit
from .crude import _assemble
from .dates import parse_day
from .metadata import Metadata, read_metadata, search_date

log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+")


def pick_title(meta: Metadata, headline: str | None) -> str | None:
    """A declared title that the page shows as a heading; else the heading or bold line
    right above the story, because declared titles often carry a section or site name
    ("Sponsored Links", "Edmonton Sun") while the headline is there to read.  A declared
    title of six words or more that shares no word with that line is a real headline,
    and the line is something else (a place, a byline)."""
    if meta.title_seen or not headline:
        return meta.title
    title = meta.title or ""
    if len(title.split()) >= 6 and not set(_WORD.findall(headline.lower())) & set(
            _WORD.findall(title.lower())):
        return title
    return headline


def extract_html(html: str, *, url: str | None = None, date: str | None = None) -> Article:
    """Article from an HTML page; raises `InputError` when the page holds no article text."""
    try:
        root = parse_html(html)
    except Exception as exc:  # noqa: BLE001 - lxml's own parse errors
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    meta = read_metadata(root, url)
    main = main_text(page_blocks(root), meta.title)
    lines = [b.text for b in main.blocks]
    if not lines:
        raise InputError("no article text found in the HTML")
    agencies = agencies_in("\n".join(lines))
    if lines and closing_credit(lines[-1]) is not None:
        lines.pop()
    text, spans = _assemble(lines)
    return Article(
        text=text,
        paragraphs=spans,
        title=pick_title(meta, main.headline),
        date=meta.date or parse_day(main.date_line) or search_date(root, url) or date,
        publisher=meta.publisher or (urlsplit(url).hostname if url else None),
        authors=meta.authors or byline_names(main.byline),
        agencies=tuple(agencies),
        url=url,
    )
