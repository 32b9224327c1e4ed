"""Shared fixtures: the spaCy pipeline, the canonical seed article, a fresh store."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "text" / "dw-2015-09-10-lavrov-syria.txt"


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load
    from dateline.settings import DEFAULT_MODEL

    return load(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def settings():
    from dateline.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def seed(nlp, settings):
    """The seed processed once for the whole session (a `Result`)."""
    from dateline.process import process_docs
    from dateline.records import RawDoc

    raw = RawDoc(source=str(SEED), content=SEED.read_bytes(), content_type="text")
    return next(process_docs([raw], nlp, settings))


@pytest.fixture
def store(tmp_path):
    from dateline.store import open_store

    s = open_store(str(tmp_path / "test.db"))
    yield s
    s.close()


@pytest.fixture(scope="session")
def postgres():
    """Admin URL of a real PostgreSQL server (tests/pg_server.py); skipped only off CI."""
    from . import pg_server

    server = pg_server.server()
    try:
        url = server.__enter__()
    except (RuntimeError, ImportError) as exc:
        if pg_server.required():
            pytest.fail(f"PostgreSQL is required here: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    yield url
    server.__exit__(None, None, None)


@pytest.fixture
def postgres_url(postgres):
    """A fresh, empty PostgreSQL database for one test."""
    from . import pg_server

    with pg_server.database(postgres) as url:
        yield url


@pytest.fixture(scope="session")
def spark():
    """A local[2] SparkSession; skipped only off CI when Java or pyspark is missing."""
    import os
    import shutil

    try:
        import pyspark  # noqa: F401

        if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
            raise RuntimeError("no Java runtime (java on PATH or JAVA_HOME)")
        from dateline.run.spark import session

        session_ = session("local[2]", "dateline-tests")
    except (ImportError, RuntimeError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Spark is required here: {exc}")
        pytest.skip(f"Spark is not available: {exc}")
    yield session_
    session_.stop()
