"""Writing a store out: the JSON contract as JSONL, tables as CSV or Parquet, PLOVER JSONL."""

from __future__ import annotations

import csv
import json
import os

from .errors import DatelineError
from .query import EventQuery
from .store import Store

TABLES = ("articles", "entities", "quotes", "events", "event_actors", "skipped")


def export(store: Store, out: str, fmt: str) -> str:
    """Write the store to `out` in `fmt`; returns what was written, for the user."""
    if fmt == "jsonl":
        count = 0
        with open(out, "w", encoding="utf-8") as handle:
            for result in store.results():
                handle.write(json.dumps(result, ensure_ascii=False) + "\n")
                count += 1
        return f"{count} documents to {out}"
    if fmt == "plover":
        from .events.plover import plover_record

        rows = store.events(EventQuery(limit=None))
        with open(out, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        return f"{len(rows)} events to {out}"
    if fmt in ("csv", "parquet"):
        os.makedirs(out, exist_ok=True)
        written = []
        for table in TABLES:
            path = os.path.join(out, f"{table}.{fmt}")
            rows = list(store.table(table))
            (_write_csv if fmt == "csv" else _write_parquet)(path, rows)
            written.append(f"{table} ({len(rows)})")
        return f"{', '.join(written)} to {out}/"
    raise DatelineError(f"unknown export format {fmt!r}")


def _write_csv(path: str, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        if not rows:
            return
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(path: str, rows: list[dict]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise DatelineError("Parquet export needs pyarrow: pip install pyarrow") from exc
    pq.write_table(pa.Table.from_pylist(rows), path)
