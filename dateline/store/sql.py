"""What the SQL backends share: migrations on disk, the read queries and row assembly.

The queries are written once, in the SQL that SQLite and PostgreSQL both speak, with `?`
placeholders; a backend supplies the connection, the case-insensitive LIKE, full-text
matching and its own write path (locking and full-text upkeep differ too much to share).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

from ..errors import StoreError
from ..query import ArticleQuery, EventQuery, QuoteQuery
from ..records import Result
from . import rows
from .base import WriteCounts

TABLES = ("articles", "entities", "quotes", "events", "event_actors", "skipped")


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration for a dialect, in order.

    `NNNN_name.sql` files are shared by every dialect; `NNNN_name.<dialect>.sql` files
    belong to one.
    """
    found = []
    for entry in resources.files("dateline.store.migrations").iterdir():
        name = entry.name
        if not name.endswith(".sql"):
            continue
        parts = name[:-4].split(".")
        if len(parts) == 2 and parts[1] != dialect:
            continue
        version = int(name.split("_", 1)[0])
        found.append((version, parts[0], entry.read_text("utf-8")))
    return sorted(found)


def statements(sql: str) -> list[str]:
    """The statements of a migration file (`;`-separated, `--` comment lines dropped)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def unique(bundles: Iterable[rows.ResultRows]) -> list[rows.ResultRows]:
    """The first of each document id: a batch may carry the same document twice."""
    seen: set[str] = set()
    kept = []
    for bundle in bundles:
        if bundle.id not in seen:
            seen.add(bundle.id)
            kept.append(bundle)
    return kept


def chunks(values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def marks(count: int) -> str:
    return ",".join("?" * count)


def insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks(len(columns))})"


class SQLStore:
    """The read side of `Store`, shared by `SQLiteStore` and `PostgresStore`."""

    like = "LIKE"  # PostgreSQL's LIKE is case-sensitive; it sets ILIKE

    # -- what a backend provides ----------------------------------------------------------
    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _stream(self, sql: str) -> Iterator[dict[str, Any]]:
        """Rows of a large query without holding them all (export)."""
        yield from self._all(sql)

    def _quote_match(self, text: str) -> tuple[str, Any]:
        """A condition on `q` (with one `?`) for quotes matching the words of `text`."""
        raise NotImplementedError

    def write_rows(self, bundles: Iterable[rows.ResultRows]) -> WriteCounts:
        raise NotImplementedError

    # -- writing --------------------------------------------------------------------------
    def write(self, results: Iterable[Result]) -> WriteCounts:
        return self.write_rows(rows.result_rows(r) for r in results)

    def current(self, ids: Iterable[str], pipeline_version: str) -> set[str]:
        found: set[str] = set()
        for chunk in chunks(list(ids)):
            found.update(r["id"] for r in self._all(
                f"SELECT id FROM articles WHERE pipeline_version = ? AND id IN ({marks(len(chunk))})",
                (pipeline_version, *chunk)))
        return found

    def clustered(self, ids: Iterable[str]) -> set[str]:
        """Which of these articles already belong to a near-duplicate cluster."""
        found: set[str] = set()
        for chunk in chunks(list(ids)):
            found.update(r["id"] for r in self._all(
                f"SELECT id FROM articles WHERE cluster_id IS NOT NULL AND id IN ({marks(len(chunk))})",
                chunk))
        return found

    def near_duplicates(self, bands: list[tuple[int, int]]) -> list[dict[str, Any]]:
        """Stored articles sharing at least one LSH band key with a signature."""
        if not bands:
            return []
        match = " OR ".join("(b.band = ? AND b.key = ?)" for _ in bands)
        return self._all(
            "SELECT DISTINCT s.article_id, a.cluster_id, s.shingles, s.minhash "
            "FROM article_bands b JOIN article_signatures s ON s.article_id = b.article_id "
            f"JOIN articles a ON a.id = b.article_id WHERE {match}",
            [v for pair in bands for v in pair])

    def schema_version(self) -> int:
        return self._all("SELECT MAX(version) AS v FROM schema_migrations")[0]["v"] or 0

    # -- reading --------------------------------------------------------------------------
    def articles(self, query: ArticleQuery) -> list[dict[str, Any]]:
        where, params = _dates("a.date", query.since, query.until)
        if query.language:
            where.append("a.language = ?")
            params.append(query.language)
        sql = ("SELECT a.id, a.title, a.date, a.publisher, a.language, a.url, a.source, "
               "a.cluster_id, a.analysed, a.note, "
               "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
               "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events "
               f"FROM articles a {_where(where)} ORDER BY COALESCE(a.date, ''), a.id")
        found = self._all(sql, params)
        if query.dedup:
            seen: set[str] = set()
            kept = []
            for row in found:
                key = row["cluster_id"] or row["id"]
                if key not in seen:
                    seen.add(key)
                    kept.append(row)
            found = kept
        return found[:query.limit] if query.limit else found

    def quotes(self, query: QuoteQuery) -> list[dict[str, Any]]:
        where, params = _dates("a.date", query.since, query.until)
        if query.speaker:
            where.append(f"(q.speaker {self.like} ? ESCAPE '\\' "
                         f"OR q.speaker_mention {self.like} ? ESCAPE '\\')")
            pattern = f"%{_like(query.speaker)}%"
            params += [pattern, pattern]
        if query.article_id:
            where.append("q.article_id = ?")
            params.append(query.article_id)
        if query.text:
            condition, value = self._quote_match(query.text)
            where.append(condition)
            params.append(value)
        sql = (f"SELECT q.*, a.title, a.date AS article_date FROM quotes q "
               f"JOIN articles a ON a.id = q.article_id {_where(where)} "
               f"ORDER BY COALESCE(a.date, ''), q.article_id, q.seq {_limit(query.limit)}")
        return self._all(sql, params)

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        where, params = _dates("COALESCE(e.date, a.date)", query.since, query.until)
        for side, value in (("actor", query.actor), ("recipient", query.recipient)):
            if value:
                where.append("e.id IN (SELECT event_id FROM event_actors WHERE side = ? AND "
                             f"(country = ? OR name {self.like} ? ESCAPE '\\'))")
                params += [side, value.upper(), f"%{_like(value)}%"]
        if query.category:
            where.append("e.category = ?")
            params.append(query.category.upper())
        if not query.include_negated:
            where.append("e.negated = 0")
        if query.article_id:
            where.append("e.article_id = ?")
            params.append(query.article_id)
        sql = (f"SELECT e.*, a.title, a.date AS article_date, a.text AS article_text FROM events e "
               f"JOIN articles a ON a.id = e.article_id {_where(where)} "
               f"ORDER BY COALESCE(e.date, a.date, ''), e.article_id, e.seq {_limit(query.limit)}")
        found = self._all(sql, params)
        for row in found:
            text = row.pop("article_text")
            row["sentence"] = text[row["sentence_start"]:row["sentence_end"]]
        return found

    def result(self, article_id: str) -> dict[str, Any] | None:
        found = self._all("SELECT * FROM articles WHERE id = ?", (article_id,))
        return self._result(found[0]) if found else None

    def _result(self, row: dict[str, Any]) -> dict[str, Any]:
        article_id = row["id"]
        # entity ids are E1, E2, ... E10: shorter first keeps the order they were found in
        ents = self._all("SELECT * FROM entities WHERE article_id = ? "
                         "ORDER BY LENGTH(entity_id), entity_id", (article_id,))
        quotes = self._all("SELECT * FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,))
        events = self._all("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,))
        return {"id": article_id, "source": row["source"], "article": rows.article_dict(row),
                "entities": [rows.entity_dict(e) for e in ents],
                "quotes": [rows.quote_dict(q) for q in quotes],
                "events": [rows.event_dict(e) for e in events],
                "pipeline_version": row["pipeline_version"], "analysed": bool(row["analysed"]),
                "note": row["note"], "fetched_at": row["fetched_at"],
                "http_status": row["http_status"]}

    def results(self) -> Iterator[dict[str, Any]]:
        ids = [r["id"] for r in self._all("SELECT id FROM articles ORDER BY COALESCE(date, ''), id")]
        for chunk in chunks(ids, 200):
            found = {r["id"]: r for r in self._all(
                f"SELECT * FROM articles WHERE id IN ({marks(len(chunk))})", chunk)}
            for article_id in chunk:
                if article_id in found:
                    yield self._result(found[article_id])

    def stats(self) -> dict[str, Any]:
        def one(sql: str) -> Any:
            return next(iter(self._all(sql)[0].values()))

        def pairs(sql: str) -> dict[Any, Any]:
            return {r["k"]: r["n"] for r in self._all(sql)}

        return {
            "articles": one("SELECT COUNT(*) AS n FROM articles"),
            "analysed": one("SELECT COUNT(*) AS n FROM articles WHERE analysed = 1"),
            "quotes": one("SELECT COUNT(*) AS n FROM quotes"),
            "events": one("SELECT COUNT(*) AS n FROM events"),
            "entities": one("SELECT COUNT(*) AS n FROM entities"),
            "skipped": one("SELECT COUNT(*) AS n FROM skipped"),
            "languages": {k or "?": n for k, n in pairs(
                "SELECT language AS k, COUNT(*) AS n FROM articles GROUP BY language "
                "ORDER BY 2 DESC").items()},
            "categories": pairs("SELECT category AS k, COUNT(*) AS n FROM events "
                                "GROUP BY category ORDER BY 2 DESC"),
            "top_speakers": pairs("SELECT speaker AS k, COUNT(*) AS n FROM quotes "
                                  "WHERE speaker IS NOT NULL GROUP BY speaker "
                                  "ORDER BY 2 DESC, 1 LIMIT 10"),
            "pipeline_versions": pairs("SELECT pipeline_version AS k, COUNT(*) AS n "
                                       "FROM articles GROUP BY 1"),
            "schema_version": self.schema_version(),
        }

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        if name not in TABLES:
            raise StoreError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        yield from self._stream(f"SELECT * FROM {name}")  # name checked against TABLES


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def _limit(limit: int | None) -> str:
    return f"LIMIT {int(limit)}" if limit else ""


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _dates(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until)
    return where, params
