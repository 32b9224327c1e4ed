"""Files, directories and stdin as raw documents.

The type of a document comes from its extension; stdin is sniffed.  Anything unreadable
becomes a `Skipped` with the reason, so one bad file never stops a run.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..records import RawDoc, Skipped
from .warc import read_warc

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def kind_of(path: str) -> str | None:
    """`html`, `text`, `warc`, `jsonl` or None for a file name dateline does not read."""
    name = path.lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("text", TEXT_SUFFIXES), ("jsonl", JSONL_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def sniff(content: bytes) -> str:
    """`html` when the bytes look like markup, else `text` (for stdin and URL lists)."""
    head = content[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head \
            or b"<head" in head:
        return "html"
    return "text"


def walk(paths: Iterable[str]) -> Iterator[str]:
    """The given files, and the readable files under given directories (recursively, sorted).

    A file named on the command line is always tried (and skipped with a reason if
    unreadable); inside directories, files of other types (READMEs, images) are passed over.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                if kind_of(name) is None:
                    log.debug("passing over %s: not a document type dateline reads", name)
                    continue
                yield os.path.join(root, name)


def _mtime(path: str) -> str | None:
    try:
        ts = os.stat(path).st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(ts, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_paths(paths: Iterable[str], *, max_bytes: int = 20_000_000,
               sentence_files: bool = False) -> Iterator[RawDoc | Skipped]:
    """Raw documents from files, directories (recursive), archives and `-` (stdin).

    `sentence_files`: a text file is one sentence to code, not a titled article.
    """
    for path in walk(paths):
        if path == "-":
            content = sys.stdin.buffer.read(max_bytes + 1)
            if len(content) > max_bytes:
                yield Skipped("-", f"stdin is larger than {max_bytes} bytes")
                continue
            yield RawDoc(source="-", content=content, content_type=sniff(content))
            continue
        kind = kind_of(path)
        if kind is None:
            log.info("skipping %s: not a .html, .txt, .warc(.gz) or .jsonl file", path)
            yield Skipped(path, "unsupported file type (expected .html, .htm, .txt, .warc, .warc.gz)")
            continue
        if kind == "warc":
            yield from read_warc(path, max_bytes=max_bytes)
            continue
        if kind == "jsonl":
            yield from read_jsonl(path, max_bytes=max_bytes)
            continue
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                yield Skipped(path, f"file is {size} bytes, over the limit of {max_bytes}")
                continue
            content = Path(path).read_bytes()
        except OSError as exc:
            yield Skipped(path, f"cannot read file: {exc.strerror or exc}")
            continue
        yield RawDoc(source=path, content=content, content_type=kind,
                     fetched_at=_mtime(path), title_hint=not sentence_files)


def read_jsonl(path: str, *, text_field: str = "text", id_field: str | None = "id",
               date_field: str | None = "date", url_field: str | None = "url",
               max_bytes: int = 20_000_000, titled: bool = False) -> Iterator[RawDoc | Skipped]:
    """One document per JSON line: researchers' sentence or article corpora, ids kept.

    Lines are coded as bare text (no title line) unless `titled`.
    """
    stream = sys.stdin.buffer if path == "-" else None
    try:
        handle = stream or open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield Skipped(path, f"cannot read file: {exc.strerror or exc}")
        return
    try:
        for number, line in enumerate(handle, 1):
            where = f"{path}:{number}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield Skipped(where, f"line is over {max_bytes} bytes")
                continue
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Skipped(where, f"not valid JSON: {exc}")
                continue
            if not isinstance(row, dict) or not isinstance(row.get(text_field), str):
                yield Skipped(where, f"no string field {text_field!r}")
                continue
            doc_id = row.get(id_field) if id_field else None
            yield RawDoc(
                source=where,
                content=row[text_field].encode("utf-8"),
                content_type="text",
                id=str(doc_id) if doc_id is not None else None,
                date=row.get(date_field) if date_field and isinstance(row.get(date_field), str)
                else None,
                url=row.get(url_field) if url_field and isinstance(row.get(url_field), str)
                else None,
                title_hint=titled,
            )
    finally:
        if stream is None:
            handle.close()
