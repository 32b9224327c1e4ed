"""Raw document to clean `Article`: decoding, then HTML or crude-text extraction."""

from __future__ import annotations

from dataclasses import replace

from ..errors import InputError
from ..records import Article, RawDoc
from .crude import extract_crude
from .decode import decode
from .html import extract_html
from .language import detect_language

__all__ = ["extract_article"]


def extract_article(raw: RawDoc) -> Article:
    """The article in a raw document; `InputError` says why there is none."""
    if not raw.content.strip():
        raise InputError("empty document")
    text = decode(raw.content)
    if not text.strip():
        raise InputError("empty document")
    if raw.content_type == "html":
        article = extract_html(text, url=raw.url, date=raw.date)
    else:
        article = extract_crude(text, titled=raw.title_hint, url=raw.url, date=raw.date)
    if not article.text.strip():
        raise InputError("no article text left after cleaning")
    return replace(article, language=detect_language(article.text))
