"""Events in the field names POLECAT/PLOVER consumers read (id, date, actor, recipient, ...)."""

from __future__ import annotations

import json
from typing import Any


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event row as a PLOVER JSON record."""
    actors = json.loads(row["actor"]) if isinstance(row["actor"], str) else row["actor"]
    recipients = json.loads(row["recipient"]) if isinstance(row["recipient"], str) else row["recipient"]
    context = json.loads(row["context"]) if isinstance(row["context"], str) else row["context"]
    location = json.loads(row["location"]) if isinstance(row.get("location"), str) else row.get("location")
    first_actor = actors[0] if actors else {}
    first_recipient = recipients[0] if recipients else {}
    return {
        "id": f"{row['article_id']}-{row['seq']}",
        "date": row.get("date") or row.get("article_date"),
        "event": row["category"],
        "mode": row.get("mode") or "",
        "context": ",".join(context or []),
        "actor": first_actor.get("name"),
        "actor_country": first_actor.get("country"),
        "actor_sector": first_actor.get("sector"),
        "actor_text": first_actor.get("text"),
        "recipient": first_recipient.get("name"),
        "recipient_country": first_recipient.get("country"),
        "recipient_sector": first_recipient.get("sector"),
        "recipient_text": first_recipient.get("text"),
        "actors": actors,
        "recipients": recipients,
        "event_text": row.get("sentence"),
        "trigger": row["trigger"],
        "text_span": [row["sentence_start"], row["sentence_end"]],
        "negated": bool(row["negated"]),
        "hypothetical": bool(row["hypothetical"]),
        "reported_by": row.get("reported_by"),
        "location": location,
        "cameo": row.get("cameo"),
        "article_id": row["article_id"],
        "pipeline_version": row.get("pipeline_version"),
    }
