"""A real PostgreSQL server for the store tests.

`DATELINE_TEST_POSTGRES` (set by .ci/run) names a running server to use.  Without it the
tests start a throwaway cluster themselves when PostgreSQL's binaries are installed
(as the `postgres` user when run as root: initdb refuses root).  Missing both, the
PostgreSQL tests are skipped on a developer's machine and fail on CI.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ENV = "DATELINE_TEST_POSTGRES"


def required() -> bool:
    """On CI (or when a server was named) a missing server is a failure, not a skip."""
    return bool(os.environ.get("CI") or os.environ.get(ENV))


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def server() -> Iterator[str]:
    """An admin DSN: the named server, or a throwaway cluster stopped on exit."""
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise RuntimeError(f"PostgreSQL is not installed (no initdb) and {ENV} is not set")
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
    root = tempfile.mkdtemp(prefix="dateline-pg-")
    data = os.path.join(root, "data")
    if as_user:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    run = lambda *args: subprocess.run([*as_user, *args], check=True, capture_output=True,  # noqa: E731
                                       text=True)
    try:
        run(initdb, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        run(pg_ctl, "-D", data, "-l", os.path.join(root, "log"), "-w", "-o",
            f"-p {port} -h 127.0.0.1 -k {root} -F", "start")
    except subprocess.CalledProcessError as exc:
        log = os.path.join(root, "log")
        detail = Path(log).read_text() if os.path.exists(log) else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"starting PostgreSQL failed: {exc.stderr}{detail}") from exc
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", data, "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def database(admin: str) -> Iterator[str]:
    """A fresh, empty database on the server for one test; dropped afterwards."""
    import psycopg

    name = f"dateline_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    address, mark, options = admin.partition("?")
    try:
        yield f"{address.rpartition('/')[0]}/{name}{mark}{options}"
    finally:
        for _ in range(20):
            try:
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except psycopg.Error:
                time.sleep(0.2)
