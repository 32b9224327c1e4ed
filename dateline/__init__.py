"""dateline: who said what, and who did what to whom, when and where, from raw news.

    import dateline
    doc = dateline.process(html_or_text, url=..., date=...)
    doc.quotes, doc.events, doc.article.text
"""

from __future__ import annotations

from .errors import DatelineError, FetchError, InputError, ModelError, StoreError
from .process import process, process_docs
from .records import (
    Actor,
    Article,
    Entity,
    Event,
    Location,
    Mention,
    Quote,
    RawDoc,
    Result,
    Skipped,
)
from .settings import Settings
from .version import __version__

__all__ = [
    "Actor", "Article", "DatelineError", "Entity", "Event", "FetchError", "InputError",
    "Location", "Mention", "ModelError", "Quote", "RawDoc", "Result", "Settings", "Skipped",
    "StoreError", "__version__", "process", "process_docs",
]
