"""Events as PLOVER JSON records, the interchange format POLECAT consumers read.

Field names follow the PLOVER manual's data chapter: `id`, `date`, `actor` and
`recipient` (lists of entity objects with `code`, `sector`, `entity_text`,
`identifier_text`, `office`), `event`, `mode`, `context` (lists), `event_text`, `text`,
`text_info` (character span), `event_loc` (geolocation object), `quad_code` and
`event_scale`-style extras; dateline adds what PLOVER leaves to the coder: the negation,
hypothetical and reported-speech flags, the CAMEO root, and the article it came from.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .conventions import QUAD_CODES

CODEBOOK = "PLOVER 2021 (manual draft 0.8 categories), dateline lexicon"


def _load(value: Any, default: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value) if value else default
    return default if value is None else value


def entity_object(actor: dict[str, Any]) -> dict[str, Any]:
    """One actor or recipient as a PLOVER entity object."""
    span = actor.get("span")
    return {"code": actor.get("country"), "sector": actor.get("sector"),
            "entity_text": actor.get("text"), "identifier_text": actor.get("name"),
            "office": actor.get("role"), "organisation": actor.get("organisation"),
            "span": list(span) if span is not None else None, "entity": actor.get("entity")}


def location_object(location: dict[str, Any] | None) -> dict[str, Any] | None:
    """dateline's location as the PLOVER/Mordecai location object."""
    if not location:
        return None
    return {"extracted_place": location.get("name"), "resolved_place": location.get("name"),
            "lat": location.get("latitude"), "lon": location.get("longitude"),
            "country_code": location.get("country"), "span": location.get("span")}


def plover_event(event: dict[str, Any], *, event_id: str, article_id: str,
                 article_date: str | None, sentence: str | None,
                 pipeline_version: str | None, title: str | None = None,
                 url: str | None = None) -> dict[str, Any]:
    """One event of the JSON contract (`Event.to_dict()` shape) as a PLOVER record."""
    category = event["category"]
    start, end = event["sentence_span"]
    trigger_start, trigger_end = event["trigger_span"]
    mode = event.get("mode")
    return {
        "id": event_id,
        "date": event.get("date") or article_date,
        "actor": [entity_object(a) for a in _load(event.get("actor"), [])],
        "recipient": [entity_object(r) for r in _load(event.get("recipient"), [])],
        "event": [category],
        "event_type": category,
        "mode": [mode] if mode else [],
        "context": list(_load(event.get("context"), [])),
        "event_text": [event["trigger"]],
        "text": sentence,
        "text_info": {"start": start, "end": end, "event_start": trigger_start,
                      "event_end": trigger_end},
        "event_loc": location_object(_load(event.get("location"), None)),
        "quad_code": QUAD_CODES.get(category),
        "cameo": event.get("cameo"),
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "reported_by": event.get("reported_by"),
        "confidence": event.get("confidence"),
        "article_id": article_id,
        "cite_info": {"title": title, "url": url, "coder": pipeline_version,
                      "codebook": CODEBOOK},
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event row (as `Store.events` returns it) as a PLOVER record."""
    event = {"category": row["category"], "mode": row.get("mode"), "cameo": row.get("cameo"),
             "actor": row["actor"], "recipient": row["recipient"], "trigger": row["trigger"],
             "trigger_span": [row["trigger_start"], row["trigger_end"]],
             "sentence_span": [row["sentence_start"], row["sentence_end"]],
             "negated": row["negated"], "hypothetical": row["hypothetical"],
             "reported_by": row.get("reported_by"), "date": row.get("date"),
             "location": row.get("location"), "context": row.get("context"),
             "confidence": row.get("confidence")}
    return plover_event(event, event_id=f"{row['article_id']}-{row['seq']}",
                        article_id=row["article_id"], article_date=row.get("article_date"),
                        sentence=row.get("sentence"), pipeline_version=row.get("pipeline_version"),
                        title=row.get("title"), url=row.get("url"))


def plover_records(result: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The PLOVER records of one document of the JSON contract (`Result.to_dict()`)."""
    article = result.get("article") or {}
    text = article.get("text") or ""
    for seq, event in enumerate(result.get("events") or []):
        start, end = event["sentence_span"]
        yield plover_event(event, event_id=f"{result['id']}-{seq}", article_id=result["id"],
                           article_date=article.get("date"), sentence=text[start:end],
                           pipeline_version=result.get("pipeline_version"),
                           title=article.get("title"), url=article.get("url"))
