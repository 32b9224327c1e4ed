"""The embedded default store: one SQLite file in WAL mode, with FTS5 full-text search.

Every statement is parameterised.  A write is one transaction, and the full-text index
is updated inside it, so readers never see an article without its quotes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from ..errors import StoreError
from ..query import ArticleQuery, EventQuery, QuoteQuery
from ..records import Result, Skipped
from . import rows
from .base import WriteCounts

log = logging.getLogger(__name__)

TABLES = ("articles", "entities", "quotes", "events", "event_actors", "skipped")


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration for a dialect, in order."""
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


class SQLiteStore:
    """`Store` over a SQLite file (created and migrated on open)."""

    def __init__(self, path: str) -> None:
        try:
            self.db = sqlite3.connect(path, timeout=60, isolation_level=None,
                                      check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path!r}: {exc}") from exc
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.path = path
        self._migrate()

    # -- schema -----------------------------------------------------------------------
    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.db.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in migrations("sqlite"):
            if version in done:
                continue
            try:
                self.db.execute("BEGIN IMMEDIATE")
                if self.db.execute("SELECT 1 FROM schema_migrations WHERE version = ?",
                                   (version,)).fetchone():
                    self.db.execute("ROLLBACK")
                    continue
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                (version, name, rows.now()))
                self.db.execute("COMMIT")
                log.info("applied migration %04d %s", version, name)
            except sqlite3.Error as exc:
                self.db.execute("ROLLBACK")
                raise StoreError(f"migration {version} ({name}) failed: {exc}") from exc

    def schema_version(self) -> int:
        return self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] or 0

    # -- writing ----------------------------------------------------------------------
    def current(self, ids: Iterable[str], pipeline_version: str) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(
                f"SELECT id FROM articles WHERE pipeline_version = ? AND id IN ({marks})",
                (pipeline_version, *chunk)))
        return found

    def write(self, results: Iterable[Result]) -> WriteCounts:
        counts = WriteCounts()
        batch = list(results)
        if not batch:
            return counts
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for result in batch:
                existing = self.db.execute(
                    "SELECT rowid, pipeline_version, title, text FROM articles WHERE id = ?",
                    (result.id,)).fetchone()
                if existing is not None and existing["pipeline_version"] == result.pipeline_version:
                    counts.unchanged += 1
                    continue
                if existing is not None:
                    self._delete(existing)
                    counts.updated += 1
                else:
                    counts.stored += 1
                self._insert(result)
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(f"writing {len(batch)} results failed: {exc}") from exc
        return counts

    def _delete(self, existing: sqlite3.Row) -> None:
        article_id = self.db.execute("SELECT id FROM articles WHERE rowid = ?",
                                     (existing["rowid"],)).fetchone()[0]
        self.db.execute("INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                        "VALUES ('delete', ?, ?, ?)",
                        (existing["rowid"], existing["title"] or "", existing["text"]))
        for q in self.db.execute("SELECT id, speaker, content FROM quotes WHERE article_id = ?",
                                 (article_id,)).fetchall():
            self.db.execute("INSERT INTO quotes_fts(quotes_fts, rowid, speaker, content) "
                            "VALUES ('delete', ?, ?, ?)", (q["id"], q["speaker"] or "", q["content"]))
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def _insert(self, result: Result) -> None:
        content_hash = hashlib.sha256(result.article.text.encode("utf-8")).hexdigest()
        marks = ",".join("?" * len(rows.ARTICLE_COLUMNS))
        cur = self.db.execute(f"INSERT INTO articles ({','.join(rows.ARTICLE_COLUMNS)}) "
                              f"VALUES ({marks})", rows.article_row(result, content_hash))
        self.db.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                        (cur.lastrowid, result.article.title or "", result.article.text))
        self.db.executemany(
            f"INSERT INTO entities ({','.join(rows.ENTITY_COLUMNS)}) "
            f"VALUES ({','.join('?' * len(rows.ENTITY_COLUMNS))})", rows.entity_rows(result))
        for row in rows.quote_rows(result):
            cur = self.db.execute(f"INSERT INTO quotes ({','.join(rows.QUOTE_COLUMNS)}) "
                                  f"VALUES ({','.join('?' * len(rows.QUOTE_COLUMNS))})", row)
            self.db.execute("INSERT INTO quotes_fts(rowid, speaker, content) VALUES (?, ?, ?)",
                            (cur.lastrowid, row[2] or "", row[12]))
        for row, actors in zip(rows.event_rows(result), rows.actor_rows(result)):
            cur = self.db.execute(f"INSERT INTO events ({','.join(rows.EVENT_COLUMNS)}) "
                                  f"VALUES ({','.join('?' * len(rows.EVENT_COLUMNS))})", row)
            self.db.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?)",
                                [(cur.lastrowid, *a) for a in actors])

    # -- near-duplicate clusters (the decision is made in extract/dedup.py) ------------
    def clustered(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(
                f"SELECT id FROM articles WHERE cluster_id IS NOT NULL AND id IN ({marks})", chunk))
        return found

    def near_duplicates(self, bands: list[tuple[int, int]]) -> list[dict[str, Any]]:
        if not bands:
            return []
        match = " OR ".join("(b.band = ? AND b.key = ?)" for _ in bands)
        return self._all(
            "SELECT DISTINCT s.article_id, a.cluster_id, s.shingles, s.minhash "
            "FROM article_bands b JOIN article_signatures s ON s.article_id = b.article_id "
            f"JOIN articles a ON a.id = b.article_id WHERE {match}",
            [v for pair in bands for v in pair])

    def save_cluster(self, article_id: str, cluster_id: str, shingles: int | None,
                     minhash: str | None, bands: list[tuple[int, int]]) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM article_signatures WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
            if minhash is not None:
                self.db.execute("INSERT INTO article_signatures VALUES (?, ?, ?)",
                                (article_id, shingles, minhash))
                self.db.executemany("INSERT INTO article_bands VALUES (?, ?, ?)",
                                    [(band, key, article_id) for band, key in bands])
            self.db.execute("UPDATE articles SET cluster_id = ? WHERE id = ?",
                            (cluster_id, article_id))
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(f"saving the cluster of {article_id} failed: {exc}") from exc

    def record_skips(self, skips: Iterable[Skipped]) -> None:
        batch = [(s.source, s.reason, s.id, rows.now()) for s in skips]
        if batch:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR IGNORE INTO skipped VALUES (?, ?, ?, ?)", batch)
            self.db.execute("COMMIT")

    # -- reading ----------------------------------------------------------------------
    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(sql, tuple(params))]

    def articles(self, query: ArticleQuery) -> list[dict[str, Any]]:
        where, params = _dates("a.date", query.since, query.until)
        if query.language:
            where.append("a.language = ?")
            params.append(query.language)
        sql = ("SELECT a.id, a.title, a.date, a.publisher, a.language, a.url, a.source, "
               "a.cluster_id, a.analysed, a.note, "
               "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
               "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events "
               f"FROM articles a {_where(where)} ORDER BY a.date, a.id")
        found = self._all(sql, params)
        if query.dedup:
            seen: set[str] = set()
            unique = []
            for row in found:
                key = row["cluster_id"] or row["id"]
                if key not in seen:
                    seen.add(key)
                    unique.append(row)
            found = unique
        return found[:query.limit] if query.limit else found

    def quotes(self, query: QuoteQuery) -> list[dict[str, Any]]:
        where, params = _dates("a.date", query.since, query.until)
        if query.speaker:
            where.append("(q.speaker LIKE ? ESCAPE '\\' OR q.speaker_mention LIKE ? ESCAPE '\\')")
            pattern = f"%{_like(query.speaker)}%"
            params += [pattern, pattern]
        if query.article_id:
            where.append("q.article_id = ?")
            params.append(query.article_id)
        if query.text:
            where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(_fts(query.text))
        sql = (f"SELECT q.*, a.title, a.date AS article_date FROM quotes q "
               f"JOIN articles a ON a.id = q.article_id {_where(where)} "
               f"ORDER BY a.date, q.article_id, q.seq {_limit(query.limit)}")
        return self._all(sql, params)

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        where, params = _dates("COALESCE(e.date, a.date)", query.since, query.until)
        for side, value in (("actor", query.actor), ("recipient", query.recipient)):
            if value:
                where.append("e.id IN (SELECT event_id FROM event_actors WHERE side = ? AND "
                             "(country = ? OR name LIKE ? ESCAPE '\\'))")
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
               f"ORDER BY COALESCE(e.date, a.date), e.article_id, e.seq {_limit(query.limit)}")
        found = self._all(sql, params)
        for row in found:
            text = row.pop("article_text")
            row["sentence"] = text[row["sentence_start"]:row["sentence_end"]]
        return found

    def result(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._result(dict(row)) if row is not None else None

    def _result(self, row: dict[str, Any]) -> dict[str, Any]:
        article_id = row["id"]
        ents = self._all("SELECT * FROM entities WHERE article_id = ? ORDER BY rowid", (article_id,))
        quotes = self._all("SELECT * FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,))
        events = self._all("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,))
        return {"id": article_id, "source": row["source"], "article": rows.article_dict(row),
                "entities": [rows.entity_dict(e) for e in ents],
                "quotes": [rows.quote_dict(q) for q in quotes],
                "events": [rows.event_dict(e) for e in events],
                "pipeline_version": row["pipeline_version"], "analysed": bool(row["analysed"]),
                "note": row["note"], "fetched_at": row["fetched_at"]}

    def results(self) -> Iterator[dict[str, Any]]:
        for row in self.db.execute("SELECT * FROM articles ORDER BY date, id").fetchall():
            yield self._result(dict(row))

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        match = _fts(text)
        hits = self._all(
            "SELECT 'article' AS kind, a.id AS article_id, a.title, a.date, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snippet, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
        hits += self._all(
            "SELECT 'quote' AS kind, q.article_id, a.title, a.date, "
            "COALESCE(q.speaker, '?') || ': ' || snippet(quotes_fts, 1, '[', ']', ' … ', 16) AS snippet, "
            "bm25(quotes_fts) AS rank FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
            "JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit))
        return sorted(hits, key=lambda h: h["rank"])[:limit]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "analysed": one("SELECT COUNT(*) FROM articles WHERE analysed = 1"),
            "quotes": one("SELECT COUNT(*) FROM quotes"),
            "events": one("SELECT COUNT(*) FROM events"),
            "entities": one("SELECT COUNT(*) FROM entities"),
            "skipped": one("SELECT COUNT(*) FROM skipped"),
            "languages": {r[0] or "?": r[1] for r in self.db.execute(
                "SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY 2 DESC")},
            "categories": {r[0]: r[1] for r in self.db.execute(
                "SELECT category, COUNT(*) FROM events GROUP BY category ORDER BY 2 DESC")},
            "top_speakers": {r[0]: r[1] for r in self.db.execute(
                "SELECT speaker, COUNT(*) FROM quotes WHERE speaker IS NOT NULL "
                "GROUP BY speaker ORDER BY 2 DESC LIMIT 10")},
            "pipeline_versions": {r[0]: r[1] for r in self.db.execute(
                "SELECT pipeline_version, COUNT(*) FROM articles GROUP BY 1")},
            "schema_version": self.schema_version(),
        }

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        if name not in TABLES:
            raise StoreError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        cursor = self.db.execute(f"SELECT * FROM {name}")  # name checked against TABLES
        for row in cursor:
            yield dict(row)

    def close(self) -> None:
        self.db.close()


def _statements(sql: str) -> list[str]:
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


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


def _fts(text: str) -> str:
    """A user's words as an FTS5 query of quoted terms, so punctuation cannot break it."""
    terms = [t for t in text.replace('"', " ").split() if t]
    return " ".join(json.dumps(t) for t in terms) or '""'
