"""Quotes: direct, indirect and mixed attributions with resolved speakers."""

from __future__ import annotations

from .attribution import find_quotes

__all__ = ["find_quotes"]
