"""The local engine: the per-document function in N processes, results into a store.

The parent reads sources, drops documents the store already holds for this pipeline
version (so re-running an ingest is cheap and safe), hands batches to workers (each loads
the spaCy pipeline once) and is the only writer to the store.  Tasks in flight are
bounded, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice

from ..entities.lexicon import Known
from ..extract.dedup import assign_clusters
from ..nlp import for_worker, load, model_id
from ..process import document_id, process_docs
from ..records import Counts, RawDoc, Result, Skipped
from ..settings import Settings
from ..store import Store
from ..version import pipeline_version

log = logging.getLogger(__name__)

TASK_SIZE = 8
FRESH_CHECK = 64  # documents per "already stored?" query; each is held in memory until then
_worker: dict[str, object] = {}  # per-process: the settings and user dictionary of this run


def _init_worker(settings: Settings, user: dict[str, Known] | None) -> None:
    _worker.update(settings=settings, user=user)
    for_worker()
    load(settings.model)


def _work(batch: list[RawDoc | Skipped]) -> list[Result | Skipped]:
    settings = _worker.get("settings") or Settings()
    assert isinstance(settings, Settings)
    user = _worker.get("user")
    return list(process_docs(batch, load(settings.model), settings, user=user))  # type: ignore[arg-type]


def _batches(items: Iterable[RawDoc | Skipped], size: int) -> Iterator[list[RawDoc | Skipped]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _fresh(raw_docs: Iterable[RawDoc | Skipped], store: Store | None, version: str,
           counts: Counts, size: int) -> Iterator[RawDoc | Skipped]:
    """Documents the store does not hold yet for this pipeline version."""
    for batch in _batches(raw_docs, size):
        if store is None:
            yield from batch
            continue
        ids = [document_id(r) for r in batch if isinstance(r, RawDoc)]
        known = store.current(ids, version)
        for raw in batch:
            if isinstance(raw, RawDoc) and document_id(raw) in known:
                counts.unchanged += 1
                continue
            yield raw


def results(raw_docs: Iterable[RawDoc | Skipped], settings: Settings, *,
            store: Store | None = None, counts: Counts | None = None,
            user: dict[str, Known] | None = None) -> Iterator[Result | Skipped]:
    """Results in input order, computed in `settings.workers` processes."""
    counts = counts if counts is not None else Counts()
    nlp = load(settings.model)
    version = pipeline_version(model_id(nlp))
    todo = _fresh(raw_docs, store, version, counts, FRESH_CHECK)
    # Small tasks keep every worker busy to the end of a run (a 32-article task is tens of
    # seconds of parsing); a few tasks queued per worker hide the parent's own work.  One
    # process alone takes the same small batches: it holds the model, the store and a
    # batch of Docs at once.
    task_size = max(1, min(settings.batch_size, TASK_SIZE))
    if settings.workers <= 1:
        yield from process_docs(todo, nlp, replace(settings, batch_size=task_size), user=user)
        return
    context = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with context.Pool(settings.workers, initializer=_init_worker, initargs=(settings, user)) as pool:
        pending: deque = deque()
        for batch in _batches(todo, task_size):
            pending.append(pool.apply_async(_work, (batch,)))
            while len(pending) >= settings.workers * 4:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def ingest(raw_docs: Iterable[RawDoc | Skipped], store: Store, settings: Settings, *,
           progress: Callable[[Result | Skipped], None] | None = None,
           user: dict[str, Known] | None = None) -> Counts:
    """Process and store; returns what happened.  Bad documents are counted, never fatal."""
    counts = Counts()
    buffer: list[Result] = []
    skips: list[Skipped] = []

    def flush() -> None:
        written = store.write(buffer)
        assign_clusters(store, [(r.id, r.article.text) for r in buffer])
        counts.stored += written.stored + written.updated
        counts.unchanged += written.unchanged
        store.record_skips(skips)
        buffer.clear()
        skips.clear()

    for item in results(raw_docs, settings, store=store, counts=counts, user=user):
        counts.processed += 1
        if isinstance(item, Skipped):
            counts.skipped += 1
            counts.reasons[item.reason] = counts.reasons.get(item.reason, 0) + 1
            log.warning("skipped %s: %s", item.source, item.reason)
            skips.append(item)
        else:
            buffer.append(item)
        if progress is not None:
            progress(item)
        if len(buffer) + len(skips) >= 200:
            flush()
    flush()
    return counts
