"""Stores behind one interface: SQLite (default, embedded) and PostgreSQL."""

from __future__ import annotations

from .base import Store, WriteCounts
from .sqlite import SQLiteStore

__all__ = ["Store", "WriteCounts", "open_store"]


def open_store(url: str) -> Store:
    """A store for a path or URL: `FILE.db`, `sqlite:///FILE.db` or `postgresql://...`."""
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    return SQLiteStore(url)
