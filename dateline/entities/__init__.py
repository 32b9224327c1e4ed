"""Actors: mentions resolved within the article, with roles, countries and sectors."""

from __future__ import annotations

from .coref import resolve_reference
from .resolve import EntityIndex, resolve_entities

__all__ = ["EntityIndex", "resolve_entities", "resolve_reference"]
