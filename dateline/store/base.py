"""The one interface every store offers, so engines and the CLI never see a backend."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..query import ArticleQuery, EventQuery, QuoteQuery
from ..records import Result, Skipped
from .rows import ResultRows


@dataclass(slots=True)
class WriteCounts:
    """What a write did: new articles, re-analysed ones, and ones already stored as they are."""

    stored: int = 0
    updated: int = 0
    unchanged: int = 0


class Store(Protocol):
    """A database of results.  Writes are idempotent: the same result twice changes nothing."""

    def write(self, results: Iterable[Result]) -> WriteCounts:
        """Store results in one transaction per call; existing ids with the same pipeline
        version are left as they are, older versions are replaced."""
        ...

    def write_rows(self, rows: Iterable[ResultRows]) -> WriteCounts:
        """`write` for documents already turned into rows (`dateline load` from Parquet)."""
        ...

    def record_skips(self, skips: Iterable[Skipped]) -> None:
        """Remember documents that were skipped, with the reason."""
        ...

    def current(self, ids: Iterable[str], pipeline_version: str) -> set[str]:
        """Which of these document ids are stored already by this pipeline version."""
        ...

    def clustered(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids have a cluster id already."""
        ...

    def near_duplicates(self, bands: list[tuple[int, int]]) -> list[dict[str, Any]]:
        """Articles sharing any (band, key) pair: rows of article_id, cluster_id,
        shingles, minhash (hex).  Candidates only; extract/dedup.py decides."""
        ...

    def save_cluster(self, article_id: str, cluster_id: str, shingles: int | None,
                     minhash: str | None, bands: list[tuple[int, int]]) -> None:
        """Set articles.cluster_id and replace the article's signature and band keys
        (none when the text is too short to compare), in one transaction."""
        ...

    def articles(self, query: ArticleQuery) -> list[dict[str, Any]]: ...

    def quotes(self, query: QuoteQuery) -> list[dict[str, Any]]: ...

    def events(self, query: EventQuery) -> list[dict[str, Any]]: ...

    def result(self, article_id: str) -> dict[str, Any] | None:
        """One stored document in the JSON contract of `dateline process --json`."""
        ...

    def results(self) -> Iterator[dict[str, Any]]:
        """Every stored document in the JSON contract, for export."""
        ...

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text matches over article text and quotes, best first."""
        ...

    def stats(self) -> dict[str, Any]: ...

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        """Rows of one table (articles, entities, quotes, events, skipped) for export."""
        ...

    def close(self) -> None: ...
