"""The record types that cross stage boundaries.

`RawDoc` goes in, `Result` (or `Skipped`) comes out.  `Result.to_dict()` is the JSON
contract printed by `dateline process --json` and read by the scorers, the stores and
the Spark writer, so field names here are the public names.  Offsets are always
`[start, end)` character offsets into `Article.text`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RawDoc:
    """Bytes as a source delivered them, plus what the source knows about them."""

    source: str
    content: bytes
    content_type: str = "html"  # "html" | "text"
    url: str | None = None
    fetched_at: str | None = None
    date: str | None = None
    id: str | None = None  # a caller-given id (JSONL corpora); else the content hash
    title_hint: bool = True  # False: the text is a bare sentence, no title line
    http_status: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The clean article: main text in paragraphs, with its metadata."""

    text: str
    paragraphs: tuple[Span, ...]
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    language: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named or referred to."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, resolved within one article."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | NORP | LOC
    mentions: tuple[Mention, ...]
    country: str | None = None  # ISO-3166 alpha-3, or IGO/NGO codes for international bodies
    sector: str | None = None  # PLOVER sector: GOV, MIL, REB, IGO, ...
    role: str | None = None  # "Foreign Minister"
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An event participant as PLOVER consumers expect it, linked to its entity."""

    name: str
    text: str
    span: Span
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    organisation: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: one attribution with its speaker, cue and content."""

    content: str
    content_span: Span
    content_spans: tuple[Span, ...]
    kind: str  # direct | indirect | mixed
    cue: str | None
    cue_span: Span | None
    speaker: str | None
    speaker_mention: str | None
    speaker_span: Span | None
    speaker_entity: str | None = None
    stance: str = "say"
    confidence: float = 1.0
    sentence_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, from an offline gazetteer."""

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, in PLOVER."""

    category: str
    mode: str | None
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    trigger: str
    trigger_span: Span
    sentence_span: Span
    negated: bool = False
    hypothetical: bool = False
    reported_by: str | None = None  # speaker whose claim this event is
    date: str | None = None
    location: Location | None = None
    cameo: str | None = None
    context: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Result:
    """Everything dateline found in one document."""

    id: str
    source: str
    article: Article
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    pipeline_version: str
    analysed: bool = True
    note: str | None = None
    fetched_at: str | None = None
    http_status: int | None = None  # of the response the document came from (fetch, WARC)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of `dateline process --json` (tuples become lists)."""
        return _jsonable(asdict(self))


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document that could not be processed, and why; counted, never fatal."""

    source: str
    reason: str
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"skipped": True, "source": self.source, "reason": self.reason, "id": self.id}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


@dataclass(slots=True)
class Counts:
    """What a run did, for the closing summary line."""

    processed: int = 0
    stored: int = 0
    unchanged: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
