"""Readers that turn paths, archives and streams into `RawDoc`s (or `Skipped`s)."""

from __future__ import annotations

from .files import read_jsonl, read_paths

__all__ = ["read_paths", "read_jsonl"]
