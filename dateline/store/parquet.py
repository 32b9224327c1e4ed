"""The Parquet tables a Spark run writes, and loading them into a store.

Layout of an output directory (one sub-directory per table, Hive-style partitions):

    DIR/articles/article_date=2015-09-10/part-....parquet
    DIR/entities/article_date=.../    DIR/quotes/...    DIR/events/...
    DIR/skipped/part-....parquet      (documents that could not be processed, and why)

Every table has the columns of the store table of the same name (`rows.py`: spans as
start/end integers, lists and nested records as JSON text; types in `schema`), and the
four article tables are partitioned by `article_date`, the article's date
(`__HIVE_DEFAULT_PARTITION__` when it has none).  Quotes and events have no `id` column:
a store numbers them when it loads them.  Spark, pyarrow, DuckDB and pandas read the
tables as they are (`spark.read.parquet("DIR/quotes")`).
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..errors import DatelineError
from . import rows
from .base import Store, WriteCounts

log = logging.getLogger(__name__)

PARTITION = "article_date"
NO_DATE = "__HIVE_DEFAULT_PARTITION__"
SKIPPED_COLUMNS = ("source", "reason", "doc_id", "first_seen")
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": rows.ARTICLE_COLUMNS, "entities": rows.ENTITY_COLUMNS,
    "quotes": rows.QUOTE_COLUMNS, "events": rows.EVENT_COLUMNS, "skipped": SKIPPED_COLUMNS,
}
_INTEGERS = {"analysed", "seq", "negated", "hypothetical", "http_status"}


def column_type(name: str) -> str:
    """`int64`, `double` or `string`: the Parquet type of a column."""
    if name in _INTEGERS or name.endswith(("_start", "_end")):
        return "int64"
    return "double" if name == "confidence" else "string"


def schema(table: str) -> list[tuple[str, str]]:
    """(column, type) of one table, without the partition column."""
    return [(c, column_type(c)) for c in COLUMNS[table]]


def arrow_schema(table: str, *, partition: bool = False) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64()}
    fields = [(c, types[t]) for c, t in schema(table)]
    return pa.schema(fields + ([(PARTITION, pa.string())] if partition else []))


class PartWriter:
    """The Parquet files of one task: a file per table and article date every `flush_every`
    documents, named by task number, so a retried task rewrites the same files.

    `output` is a local directory or a URI pyarrow can write (hdfs://, s3://, gs://).
    """

    def __init__(self, output: str, task: int, *, flush_every: int = 1000) -> None:
        from pyarrow import fs

        if "://" in output and not output.startswith("file://"):
            self.fs, self.root = fs.FileSystem.from_uri(output)
        else:
            self.fs, self.root = fs.LocalFileSystem(), os.path.abspath(output.removeprefix("file://"))
        self.task, self.flush_every, self.chunk = task, flush_every, 0
        self.bundles: list[rows.ResultRows] = []
        self.skips: list[tuple] = []

    def add(self, bundle: rows.ResultRows) -> None:
        self.bundles.append(bundle)
        if len(self.bundles) >= self.flush_every:
            self.flush()

    def skip(self, source: str, reason: str, doc_id: str | None) -> None:
        self.skips.append((source, reason, doc_id, rows.now()))

    def flush(self) -> None:
        by_day: dict[str | None, list[rows.ResultRows]] = defaultdict(list)
        for bundle in self.bundles:
            by_day[bundle.article[rows.ARTICLE_COLUMNS.index("date")]].append(bundle)
        for day, bundles in by_day.items():
            self._write("articles", day, [b.article for b in bundles])
            self._write("entities", day, [e for b in bundles for e in b.entities])
            self._write("quotes", day, [q for b in bundles for q in b.quotes])
            self._write("events", day, [e for b in bundles for e in b.events])
        if self.skips:
            self._write("skipped", None, self.skips, partitioned=False)
        self.bundles, self.skips = [], []
        self.chunk += 1

    def _write(self, table: str, day: str | None, values: list[tuple], *,
               partitioned: bool = True) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        folder = f"{self.root}/{table}"
        if partitioned:
            folder += f"/{PARTITION}={day or NO_DATE}"
        self.fs.create_dir(folder, recursive=True)
        columns: list[Any] = list(zip(*values, strict=True)) if values else [() for _ in COLUMNS[table]]
        data = pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in
                                     zip(columns, arrow_schema(table), strict=True)], schema=arrow_schema(table))
        pq.write_table(data, f"{folder}/part-{self.task:05d}-{self.chunk:04d}.parquet",
                       filesystem=self.fs)


def load(directory: str, store: Store, *, batch: int = 200) -> WriteCounts:
    """Load a Spark output directory into `store`; loading it again changes nothing.

    Works one date partition at a time, so memory is bounded by one day's articles.
    """
    import pyarrow.dataset as ds

    tables = {}
    for table in ("articles", "entities", "quotes", "events"):
        path = os.path.join(directory, table)
        if not os.path.isdir(path):
            raise DatelineError(f"{directory} holds no {table}/ table: is it the --output of "
                                "`dateline spark`?")
        tables[table] = ds.dataset(path, format="parquet", partitioning=_partitioning())
    total = WriteCounts()
    for day in _days(tables["articles"]):
        for bundles in _day(tables, day, batch):
            counts = store.write_rows(bundles)
            total.stored += counts.stored
            total.updated += counts.updated
            total.unchanged += counts.unchanged
    skipped = os.path.join(directory, "skipped")
    if os.path.isdir(skipped):
        from ..records import Skipped

        found = ds.dataset(skipped, format="parquet").to_table().to_pylist()
        store.record_skips(Skipped(r["source"], r["reason"], r["doc_id"]) for r in found)
    return total


def _partitioning() -> Any:
    import pyarrow as pa
    import pyarrow.dataset as ds

    return ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")


def _days(articles: Any) -> list[str | None]:
    import pyarrow.compute as pc

    values = pc.unique(articles.to_table(columns=[PARTITION])[PARTITION]).to_pylist()
    return sorted(values, key=lambda d: d or "")


def _filter(day: str | None) -> Any:
    import pyarrow.dataset as ds

    field = ds.field(PARTITION)
    return field.is_null() if day is None else field == day


def _day(tables: dict[str, Any], day: str | None, batch: int) -> Iterator[list[rows.ResultRows]]:
    """The documents of one date partition as `ResultRows`, `batch` at a time."""
    children: dict[str, dict[str, dict[Any, dict[str, Any]]]] = {}
    for table, key in (("entities", "entity_id"), ("quotes", "seq"), ("events", "seq")):
        grouped: dict[str, dict[Any, dict[str, Any]]] = defaultdict(dict)
        for row in tables[table].to_table(filter=_filter(day), columns=list(COLUMNS[table])) \
                .to_pylist():
            # a document read twice has its rows twice: keep one of each
            grouped[row["article_id"]].setdefault(row[key], row)
        children[table] = grouped
    scanner = tables["articles"].scanner(filter=_filter(day), columns=list(rows.ARTICLE_COLUMNS),
                                         batch_size=batch)
    for record_batch in scanner.to_batches():
        bundles = []
        for article in record_batch.to_pylist():
            doc_id = article["id"]
            entities = children["entities"].get(doc_id, {}).values()
            quotes = sorted(children["quotes"].get(doc_id, {}).values(), key=lambda r: r["seq"])
            events = sorted(children["events"].get(doc_id, {}).values(), key=lambda r: r["seq"])
            bundles.append(rows.ResultRows(
                doc_id, article["pipeline_version"], _tuple(article, rows.ARTICLE_COLUMNS),
                [_tuple(e, rows.ENTITY_COLUMNS) for e in entities],
                [_tuple(q, rows.QUOTE_COLUMNS) for q in quotes],
                [_tuple(e, rows.EVENT_COLUMNS) for e in events],
                [rows.actors_of(e["actor"], e["recipient"]) for e in events]))
        if bundles:
            yield bundles


def _tuple(row: dict[str, Any], columns: tuple[str, ...]) -> tuple:
    return tuple(row[c] for c in columns)
