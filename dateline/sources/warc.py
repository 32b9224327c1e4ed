"""WARC archives (Common Crawl CC-NEWS style) as raw documents, read with FastWARC.

Only `response` records with an HTML payload are articles; the record's target URI and
date become the article's URL and fetch date.  A truncated archive yields every complete
record before the cut and then one `Skipped` that says where the archive was cut.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator

from ..records import RawDoc, Skipped

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, *, max_bytes: int = 20_000_000) -> Iterator[RawDoc | Skipped]:
    """HTML responses of one WARC file, then a `Skipped` if the file was cut short."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    last_pos = 0
    held: tuple[int, RawDoc] | None = None  # the newest record, until its member is known whole
    cut: tuple[int, str] | None = None
    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle, record_types=WarcRecordType.response,
                                      parse_http=True)
            for record in records:
                last_pos = record.stream_pos
                if held is not None:
                    yield held[1]
                    held = None
                where = f"{path}@{record.stream_pos}"
                if record.http_headers is None:
                    cut = (record.stream_pos, f"record at offset {record.stream_pos} is incomplete")
                    break
                ctype = (record.http_headers.get("Content-Type") or "").lower()
                if not any(t in ctype for t in HTML_TYPES):
                    continue
                if record.content_length > max_bytes:
                    yield Skipped(where, f"record is {record.content_length} bytes, over {max_bytes}")
                    continue
                held = (record.stream_pos, RawDoc(
                    source=where, content=record.reader.read(), content_type="html",
                    url=record.headers.get("WARC-Target-URI"),
                    fetched_at=record.headers.get("WARC-Date"),
                    http_status=record.http_headers.status_code))
    except OSError as exc:
        yield Skipped(path, f"cannot read archive: {exc.strerror or exc}")
        return
    except Exception as exc:  # noqa: BLE001 - FastWARC raises plain errors on bad input
        if held is not None:
            yield held[1]
        yield Skipped(path, f"archive unreadable after offset {last_pos}: {exc}")
        return
    cut = cut or _truncation(path, last_pos)
    if held is not None and (cut is None or cut[0] != held[0]):
        yield held[1]
    if cut:
        log.warning("%s: truncated archive: %s", path, cut[1])
        yield Skipped(path, f"truncated archive: {cut[1]}; every complete record before it was read")


def _truncation(path: str, start: int) -> tuple[int, str] | None:
    """Where a gzipped archive is cut, checking the members from `start` to the end.

    FastWARC stops quietly at a cut; inflating the members after the last record it
    returned (streamed, in 1 MiB chunks) shows whether the file really ended there.
    """
    if not path.lower().endswith(".gz"):
        return None
    offset = start  # start of the member being inflated
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    consumed = 0  # bytes of the current member fed so far
    with open(path, "rb") as handle:
        handle.seek(start)
        pending = b""
        while True:
            chunk = pending or handle.read(1 << 20)
            pending = b""
            if not chunk:
                break
            try:
                inflater.decompress(chunk)
            except zlib.error as exc:
                return offset, f"corrupt gzip member at offset {offset}: {exc}"
            if inflater.eof:
                rest = inflater.unused_data
                consumed += len(chunk) - len(rest)
                offset += consumed
                consumed = 0
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                pending = rest
            else:
                consumed += len(chunk)
    if consumed:
        return offset, f"gzip member at offset {offset} is cut at byte {offset + consumed}"
    return None
