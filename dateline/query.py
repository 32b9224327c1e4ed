"""The filters shared by the CLI and every store: one description of a question."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Quotes by speaker name (substring, case-insensitive), text and article date range."""

    speaker: str | None = None
    text: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    limit: int | None = 100


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Events by actor/recipient (country code such as RUS, or a name), PLOVER category and date."""

    actor: str | None = None
    recipient: str | None = None
    category: str | None = None
    since: str | None = None
    until: str | None = None
    include_negated: bool = True
    article_id: str | None = None
    limit: int | None = 100


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Articles by date range and language; `dedup` keeps one article per near-duplicate cluster."""

    since: str | None = None
    until: str | None = None
    language: str | None = None
    dedup: bool = False
    limit: int | None = 100
