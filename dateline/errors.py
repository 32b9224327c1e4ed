"""One exception tree, so callers can catch dateline's failures and nothing else."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""


class InputError(DatelineError):
    """A document or path cannot be read or makes no article; the run skips it."""


class ModelError(DatelineError):
    """The spaCy pipeline cannot be loaded: install it or pass another with --model."""


class StoreError(DatelineError):
    """The database cannot be opened, migrated or written."""


class FetchError(DatelineError):
    """A URL could not be fetched within the limits (robots, size, time, address)."""
