"""The Spark engine: the same per-document function over WARC archives on a cluster.

One archive per task, as Common Crawl's cc-pyspark does: an archive is read as a stream
(copied to the executor's local disk first when it lives on HDFS, S3 or another
filesystem pyarrow reaches), its documents go through `process_docs` with the spaCy
pipeline loaded once per Python worker, and the task writes its results as the Parquet
tables of `store/parquet.py`, partitioned by article date.  `dateline load` puts them
in a store.

Run it as `dateline spark INPUT... --output DIR`, or with spark-submit on this file.
"""

from __future__ import annotations

import gzip
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

# absolute imports: spark-submit runs this file as a script
from dateline.entities.lexicon import Known
from dateline.errors import DatelineError
from dateline.nlp import for_worker, load
from dateline.process import process_docs
from dateline.records import RawDoc, Skipped
from dateline.settings import Settings
from dateline.sources.files import kind_of, walk
from dateline.store import parquet, rows

log = logging.getLogger(__name__)

LISTING_SUFFIXES = (".paths", ".paths.gz", ".list")


@dataclass(slots=True)
class SparkCounts:
    """What a Spark run wrote."""

    archives: int = 0
    articles: int = 0
    quotes: int = 0
    events: int = 0
    entities: int = 0
    skipped: int = 0


def expand(inputs: Iterable[str]) -> list[str]:
    """Archive and page paths from the inputs: listing files (`*.paths[.gz]`, `*.list`,
    one path or URI per line, like Common Crawl's warc.paths.gz) are read, local
    directories are walked, anything else is taken as it is."""
    found: list[str] = []
    for item in inputs:
        if item.endswith(LISTING_SUFFIXES):
            with _open(item) as handle:
                text = handle.read()
            if item.endswith(".gz"):
                text = gzip.decompress(text)
            found += [ln.strip() for ln in text.decode("utf-8").splitlines()
                      if ln.strip() and not ln.startswith("#")]
        elif _is_local(item) and os.path.isdir(_local_path(item)):
            found += list(walk([_local_path(item)]))
        else:
            found.append(item)
    return found


def _is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def _local_path(path: str) -> str:
    return path[len("file://"):] if path.startswith("file://") else path


def _open(path: str) -> Any:
    """A binary stream of a local path or a URI pyarrow can read (hdfs://, s3://, gs://)."""
    if _is_local(path):
        return open(_local_path(path), "rb")  # noqa: SIM115 - the caller closes it
    from pyarrow import fs

    filesystem, inner = fs.FileSystem.from_uri(path)
    return filesystem.open_input_stream(inner)


def read_input(path: str, settings: Settings) -> Iterator[RawDoc | Skipped]:
    """The documents of one archive or page, named by the path the user gave."""
    from dateline.sources import read_paths

    if _is_local(path):
        yield from read_paths([_local_path(path)], max_bytes=settings.max_bytes)
        return
    suffix = next((s for s in (".warc.gz", ".arc.gz", ".warc") if path.lower().endswith(s)),
                  os.path.splitext(path)[1])
    fd, local = tempfile.mkstemp(prefix="dateline-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as out, _open(path) as stream:
            shutil.copyfileobj(stream, out, 1 << 20)
        for doc in read_paths([local], max_bytes=settings.max_bytes):
            yield replace(doc, source=doc.source.replace(local, path, 1))
    except OSError as exc:
        yield Skipped(path, f"cannot read {path}: {exc}")
    finally:
        os.unlink(local)


def _task(index: int, paths: Iterable[str], output: str, settings: Settings,
          user: dict[str, Known] | None) -> Iterator[tuple[int, ...]]:
    """One task: its archives through `process_docs`, written as its own Parquet files.

    Yields one (articles, quotes, events, entities, skipped) count for the driver.
    """
    for_worker()  # Spark runs one Python worker per core
    nlp = load(settings.model)  # cached: once per Python worker, reused across tasks
    writer = parquet.PartWriter(output, index)
    counts = [0, 0, 0, 0, 0]
    for path in paths:
        if kind_of(path) is None:
            writer.skip(path, "unsupported file type", None)
            counts[4] += 1
            continue
        for item in process_docs(read_input(path, settings), nlp, settings, user=user):
            if isinstance(item, Skipped):
                writer.skip(item.source, item.reason, item.id)
                counts[4] += 1
                continue
            writer.add(rows.result_rows(item))
            counts[0] += 1
            counts[1] += len(item.quotes)
            counts[2] += len(item.events)
            counts[3] += len(item.entities)
    writer.flush()
    yield tuple(counts)


def session(master: str | None = None, app_name: str = "dateline") -> Any:
    """A SparkSession: `master`, else what spark-submit configured, else local[*]."""
    from pyspark.sql import SparkSession

    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        # a local run serves nothing to the network
        builder = (builder.config("spark.ui.enabled", "false")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.driver.host", "localhost"))
    # local workers run this interpreter (and see its packages) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = builder.config("spark.python.worker.reuse", "true")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def run(inputs: Iterable[str], output: str, settings: Settings, *, spark: Any = None,
        master: str | None = None, overwrite: bool = False,
        user: dict[str, Known] | None = None) -> SparkCounts:
    """Process `inputs` on Spark and write the Parquet tables under `output`.

    One Spark job: each task writes its own files (named by task, so a retried task
    rewrites them), which keeps results out of the JVM and the run to a single pass.
    """
    paths = expand(inputs)
    if not paths:
        raise DatelineError("no input archives or pages found")
    _prepare(output, overwrite)
    spark = spark or session(master)
    task_settings = replace(settings, workers=1)
    totals = (spark.sparkContext.parallelize(paths, len(paths))  # one archive per task
              .mapPartitionsWithIndex(lambda i, part: _task(i, part, output, task_settings, user))
              .collect())
    sums = [sum(column) for column in zip(*totals, strict=True)] or [0, 0, 0, 0, 0]
    return SparkCounts(len(paths), *sums)


def _prepare(output: str, overwrite: bool) -> None:
    """An empty output directory: refuse to mix runs unless asked to replace the old one."""
    from pyarrow import fs

    if "://" in output and not output.startswith("file://"):
        filesystem, root = fs.FileSystem.from_uri(output)
    else:
        filesystem, root = fs.LocalFileSystem(), os.path.abspath(_local_path(output))
    info = filesystem.get_file_info(root)
    if info.type != fs.FileType.NotFound:
        if not overwrite:
            raise DatelineError(f"{output} exists: choose a new --output or pass --overwrite")
        filesystem.delete_dir(root) if info.type == fs.FileType.Directory \
            else filesystem.delete_file(root)
    filesystem.create_dir(root, recursive=True)


def _join(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}"


if __name__ == "__main__":  # spark-submit dateline/run/spark.py INPUT... --output DIR
    from dateline.cli import main

    sys.exit(main(["spark", *sys.argv[1:]]))
