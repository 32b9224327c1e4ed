"""Results to table rows and back, the same for every backend.

Spans are stored as start/end integer columns; lists and nested records as JSON text,
so the tables stay flat and portable (SQLite, PostgreSQL, Parquet).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..records import Result

ARTICLE_COLUMNS = ("id", "content_hash", "source", "url", "title", "date", "publisher", "authors",
                   "agencies", "language", "text", "paragraphs", "analysed", "note", "fetched_at",
                   "cluster_id", "pipeline_version", "ingested_at", "http_status")
ENTITY_COLUMNS = ("article_id", "entity_id", "name", "type", "country", "sector", "role",
                  "organisation", "mentions", "pipeline_version")
QUOTE_COLUMNS = ("article_id", "seq", "speaker", "speaker_entity", "speaker_mention",
                 "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "stance", "kind",
                 "content", "content_start", "content_end", "content_spans", "sentence_start",
                 "sentence_end", "confidence", "pipeline_version")
EVENT_COLUMNS = ("article_id", "seq", "category", "mode", "cameo", "actor", "recipient", "trigger",
                 "trigger_start", "trigger_end", "sentence_start", "sentence_end", "negated",
                 "hypothetical", "reported_by", "date", "location", "context", "confidence",
                 "pipeline_version")


@dataclass(slots=True)
class ResultRows:
    """One document as the rows every table gets; what stores write and Parquet holds.

    Local runs build it from a `Result`; `dateline load` builds it from Parquet rows, so
    both reach a store through the same idempotent write.
    """

    id: str
    pipeline_version: str
    article: tuple
    entities: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    actors: list[list[tuple]] = field(default_factory=list)  # per event, as `actor_rows`


def result_rows(result: Result) -> ResultRows:
    """Every row of one result, in the column orders above."""
    content_hash = hashlib.sha256(result.article.text.encode("utf-8")).hexdigest()
    return ResultRows(result.id, result.pipeline_version, article_row(result, content_hash),
                      entity_rows(result), quote_rows(result), event_rows(result),
                      actor_rows(result))


def actors_of(actor: str | None, recipient: str | None) -> list[tuple]:
    """`actor_rows` of one event from its stored JSON columns (for rows read back)."""
    return ([("actor", a["name"], a.get("country"), a.get("sector"), a.get("entity"))
             for a in _load(actor, [])]
            + [("recipient", r["name"], r.get("country"), r.get("sector"), r.get("entity"))
               for r in _load(recipient, [])])


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _span(span: tuple[int, int] | list[int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def article_row(result: Result, content_hash: str, cluster_id: str | None = None) -> tuple:
    a = result.article
    return (result.id, content_hash, result.source, a.url, a.title, a.date, a.publisher,
            _j(list(a.authors)), _j(list(a.agencies)), a.language, a.text,
            _j([list(p) for p in a.paragraphs]), int(result.analysed), result.note,
            result.fetched_at, cluster_id, result.pipeline_version, now(), result.http_status)


def entity_rows(result: Result) -> list[tuple]:
    return [(result.id, e.id, e.name, e.type, e.country, e.sector, e.role, e.organisation,
             _j([{"text": m.text, "span": list(m.span)} for m in e.mentions]),
             result.pipeline_version) for e in result.entities]


def quote_rows(result: Result) -> list[tuple]:
    rows = []
    for seq, q in enumerate(result.quotes):
        rows.append((result.id, seq, q.speaker, q.speaker_entity, q.speaker_mention,
                     *_span(q.speaker_span), q.cue, *_span(q.cue_span), q.stance, q.kind,
                     q.content, *q.content_span, _j([list(s) for s in q.content_spans]),
                     *_span(q.sentence_span), q.confidence, result.pipeline_version))
    return rows


def event_rows(result: Result) -> list[tuple]:
    rows = []
    for seq, e in enumerate(result.events):
        rows.append((result.id, seq, e.category, e.mode, e.cameo,
                     _j([asdict(a) for a in e.actor]), _j([asdict(a) for a in e.recipient]),
                     e.trigger, *e.trigger_span, *e.sentence_span, int(e.negated),
                     int(e.hypothetical), e.reported_by, e.date,
                     _j(asdict(e.location)) if e.location else None, _j(list(e.context)),
                     e.confidence, result.pipeline_version))
    return rows


def actor_rows(result: Result) -> list[list[tuple]]:
    """Per event (same order as `event_rows`): (side, name, country, sector, entity)."""
    return [[("actor", a.name, a.country, a.sector, a.entity) for a in e.actor]
            + [("recipient", r.name, r.country, r.sector, r.entity) for r in e.recipient]
            for e in result.events]


def _load(value: str | None, default: Any) -> Any:
    return json.loads(value) if value else default


def article_dict(row: dict[str, Any]) -> dict[str, Any]:
    """The `article` object of the JSON contract from an articles row."""
    return {"title": row["title"], "date": row["date"], "publisher": row["publisher"],
            "authors": _load(row["authors"], []), "agencies": _load(row["agencies"], []),
            "language": row["language"], "url": row["url"], "text": row["text"],
            "paragraphs": _load(row["paragraphs"], [])}


def quote_dict(row: dict[str, Any]) -> dict[str, Any]:
    def span(a: str, b: str) -> list[int] | None:
        return [row[a], row[b]] if row[a] is not None else None

    return {"content": row["content"], "content_span": [row["content_start"], row["content_end"]],
            "content_spans": _load(row["content_spans"], []), "kind": row["kind"],
            "cue": row["cue"], "cue_span": span("cue_start", "cue_end"),
            "speaker": row["speaker"], "speaker_mention": row["speaker_mention"],
            "speaker_span": span("speaker_start", "speaker_end"),
            "speaker_entity": row["speaker_entity"], "stance": row["stance"],
            "confidence": row["confidence"], "sentence_span": span("sentence_start", "sentence_end")}


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {"category": row["category"], "mode": row["mode"],
            "actor": _load(row["actor"], []), "recipient": _load(row["recipient"], []),
            "trigger": row["trigger"], "trigger_span": [row["trigger_start"], row["trigger_end"]],
            "sentence_span": [row["sentence_start"], row["sentence_end"]],
            "negated": bool(row["negated"]), "hypothetical": bool(row["hypothetical"]),
            "reported_by": row["reported_by"], "date": row["date"],
            "location": _load(row["location"], None), "cameo": row["cameo"],
            "context": _load(row["context"], []), "confidence": row["confidence"]}


def entity_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["entity_id"], "name": row["name"], "type": row["type"],
            "mentions": _load(row["mentions"], []), "country": row["country"],
            "sector": row["sector"], "role": row["role"], "organisation": row["organisation"]}
