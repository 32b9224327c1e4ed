"""Bytes to text, in one place: BOM, declared charset, UTF-8, then a detector.

Declared charsets lie.  Valid UTF-8 with non-ASCII bytes is almost never anything else, so
it wins over a declaration; a page declared as a Western single-byte charset (latin-1,
cp1252) whose bytes read better in another charset (a cp1251 Russian page labelled
latin-1) is decoded with what charset-normalizer finds.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_WESTERN = {"latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def declared_charset(content: bytes, http_content_type: str | None = None) -> str | None:
    """The charset a header, `<meta>` or XML declaration names, normalised by codecs."""
    candidates: list[bytes] = []
    if http_content_type and "charset=" in http_content_type.lower():
        candidates.append(http_content_type.lower().split("charset=")[-1].strip("\"' ;").encode())
    head = content[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            candidates.append(match.group(1))
    for raw in candidates:
        try:
            return codecs.lookup(raw.decode("ascii", "ignore")).name
        except LookupError:
            continue
    return None


_CONTROLS = bytes([*range(9), *range(14, 32)])


def looks_binary(content: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text document."""
    sample = content[:8192]
    if not sample:
        return False
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls / len(sample) > 0.05


def decode(content: bytes, http_content_type: str | None = None) -> str:
    """Text of a document; raises `InputError` for binary data."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content[len(bom):].decode(name, errors="replace")
    if looks_binary(content):
        raise InputError("binary data, not a text or HTML document")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text
    declared = declared_charset(content, http_content_type)
    if declared and declared not in _WESTERN:
        try:
            return content.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    guessed = _detect(content)
    if guessed:
        return content.decode(guessed, errors="replace")
    return content.decode(declared or "cp1252", errors="replace")


def _detect(content: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(content[:200_000]).best()
    return best.encoding if best is not None else None
