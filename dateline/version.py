"""What made a record: package version, model, and a digest of the shipped lexicons."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

__version__ = "0.1.0"

_LEXICON_PACKAGES = ("dateline.entities.data", "dateline.events.data", "dateline.quotes.data")


@lru_cache(maxsize=1)
def lexicon_digest() -> str:
    """Eight hex digits over every shipped lexicon file, so a lexicon edit changes versions."""
    h = hashlib.sha256()
    for package in _LEXICON_PACKAGES:
        try:
            root = resources.files(package)
        except ModuleNotFoundError:
            continue
        for entry in sorted(root.iterdir(), key=lambda p: p.name):
            if entry.is_file() and not entry.name.endswith((".py", ".pyc")):
                h.update(entry.name.encode())
                h.update(entry.read_bytes())
    return h.hexdigest()[:8]


def pipeline_version(model: str) -> str:
    """`dateline-0.1.0+en_core_web_sm-3.8.0+lex1a2b3c4d` for the records it makes."""
    return f"dateline-{__version__}+{model}+lex{lexicon_digest()}"
