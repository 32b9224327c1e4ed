"""The embedded default store: one SQLite file in WAL mode, with FTS5 full-text search.

Every statement is parameterised.  A write is one transaction: rows go in with bulk
inserts and the full-text indexes are brought up to date once per batch, inside the same
transaction, so readers never see an article without its quotes.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import StoreError
from ..records import Skipped
from . import rows
from .base import WriteCounts
from .sql import SQLStore, chunks, insert_sql, marks, migrations, statements, unique

log = logging.getLogger(__name__)

__all__ = ["SQLiteStore", "migrations"]


class SQLiteStore(SQLStore):
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
                for statement in statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                (version, name, rows.now()))
                self.db.execute("COMMIT")
                log.info("applied migration %04d %s", version, name)
            except sqlite3.Error as exc:
                self.db.execute("ROLLBACK")
                raise StoreError(f"migration {version} ({name}) failed: {exc}") from exc

    # -- writing ----------------------------------------------------------------------
    def write_rows(self, bundles: Iterable[rows.ResultRows]) -> WriteCounts:
        """One transaction: stale versions out, new rows in, full-text indexes once."""
        counts = WriteCounts()
        batch = unique(bundles)
        if not batch:
            return counts
        try:
            self.db.execute("BEGIN IMMEDIATE")  # the write lock: no other writer until COMMIT
            stored: dict[str, str] = {}
            for chunk in chunks([b.id for b in batch]):
                stored.update((r[0], r[1]) for r in self.db.execute(
                    f"SELECT id, pipeline_version FROM articles WHERE id IN ({marks(len(chunk))})",
                    chunk))
            todo = [b for b in batch if stored.get(b.id) != b.pipeline_version]
            stale = [b.id for b in todo if b.id in stored]
            counts.unchanged = len(batch) - len(todo)
            counts.updated = len(stale)
            counts.stored = len(todo) - len(stale)
            for chunk in chunks(stale):
                self._delete(chunk)
            self._insert(todo)
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(f"writing {len(batch)} results failed: {exc}") from exc
        return counts

    def _delete(self, ids: Sequence[str]) -> None:
        """Articles and everything hanging off them; external-content FTS needs the old text."""
        where = f"IN ({marks(len(ids))})"
        self.db.execute("INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                        "SELECT 'delete', rowid, COALESCE(title, ''), text FROM articles "
                        f"WHERE id {where}", ids)
        self.db.execute("INSERT INTO quotes_fts(quotes_fts, rowid, speaker, content) "
                        "SELECT 'delete', id, COALESCE(speaker, ''), content FROM quotes "
                        f"WHERE article_id {where}", ids)
        self.db.execute(f"DELETE FROM articles WHERE id {where}", ids)

    def _insert(self, todo: list[rows.ResultRows]) -> None:
        if not todo:
            return
        self.db.executemany(insert_sql("articles", rows.ARTICLE_COLUMNS), [b.article for b in todo])
        self.db.executemany(insert_sql("entities", rows.ENTITY_COLUMNS),
                            [e for b in todo for e in b.entities])
        self.db.executemany(insert_sql("quotes", rows.QUOTE_COLUMNS),
                            [q for b in todo for q in b.quotes])
        self.db.executemany(insert_sql("events", rows.EVENT_COLUMNS),
                            [e for b in todo for e in b.events])
        actors = []
        for chunk in chunks([b for b in todo if b.events]):
            ids = {(r[1], r[2]): r[0] for r in self.db.execute(
                f"SELECT id, article_id, seq FROM events WHERE article_id IN ({marks(len(chunk))})",
                [b.id for b in chunk])}
            actors += [(ids[(b.id, event[1])], *actor) for b in chunk  # event[1]: its seq
                       for event, event_actors in zip(b.events, b.actors, strict=True) for actor in event_actors]
        self.db.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?)", actors)
        for chunk in chunks([b.id for b in todo]):
            where = f"IN ({marks(len(chunk))})"
            self.db.execute("INSERT INTO articles_fts(rowid, title, text) "
                            "SELECT rowid, COALESCE(title, ''), text FROM articles "
                            f"WHERE id {where}", chunk)
            self.db.execute("INSERT INTO quotes_fts(rowid, speaker, content) "
                            "SELECT id, COALESCE(speaker, ''), content FROM quotes "
                            f"WHERE article_id {where}", chunk)

    # -- near-duplicate clusters (the decision is made in extract/dedup.py) ------------
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
    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(sql, tuple(params))]

    def _stream(self, sql: str) -> Iterator[dict[str, Any]]:
        for row in self.db.execute(sql):
            yield dict(row)

    def _quote_match(self, text: str) -> tuple[str, Any]:
        return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", _fts(text)

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

    def close(self) -> None:
        self.db.close()


def _fts(text: str) -> str:
    """A user's words as an FTS5 query of quoted terms, so punctuation cannot break it."""
    terms = [t for t in text.replace('"', " ").split() if t]
    return " ".join(json.dumps(t) for t in terms) or '""'
