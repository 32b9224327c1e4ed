"""Crude scraped text (a page's visible text saved as lines) to a clean article.

Scrapers that keep every visible line mix navigation, image captions and credits, video
player fallbacks and timestamps into the story.  Each line is classified on its own shape
and on its neighbours (a caption is the short line right before a photo credit; a media
block is a short title, a duration and a player message), and only story lines are kept.
"""

from __future__ import annotations

import re

from ..records import Article, Span
from .credits import closing_credit, is_image_credit
from .dates import is_date_line, parse_day

_NAV = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s*)?(?:skip to|jump to|go to|back to|main menu|more .{1,30} sites$|"
    r"menu$|search$|log ?in$|sign (?:in|up)$|subscribe|share (?:this|on)|share$|print$|"
    r"e-?mail$|home$|advertisement$|related (?:stories|articles|content|topics)$|"
    r"read more|see also|follow us|newsletter|cookie|accept all|previous$|next$|"
    r"top stories$|most (?:read|popular)$|toggle navigation|close$)",
    re.I,
)
_TIMESTAMP = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:min(?:utes)?|mins)?\s*$", re.I)
_PLAYER = re.compile(
    r"(?:browser|player|device)\s+(?:does not|doesn't|cannot|can't)\s+(?:support|play)|"
    r"enable javascript|javascript (?:is )?(?:disabled|required)|please (?:upgrade|update) your browser|"
    r"^\s*(?:watch|play|listen)(?: the)? (?:video|audio)\s*$|^\s*(?:video|audio)\s*$",
    re.I,
)
_GLYPHS = re.compile(r"^\s*[\u2580-\u259f\u25a0-\u25ff\u2600-\u26ff]")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]]\s*$")


def _kind(line: str) -> str:
    """What a single line is, judged on its own shape."""
    if not line.strip():
        return "blank"
    if _TIMESTAMP.match(line):
        return "timestamp"
    if _PLAYER.search(line) and len(line.split()) < 16:
        return "player"
    if is_image_credit(line):
        return "credit"
    if _GLYPHS.match(line):
        return "glyph"
    if _NAV.match(line) and len(line.split()) < 9:
        return "nav"
    if is_date_line(line):
        return "date"
    return "text"


def _is_label(line: str) -> bool:
    """A short line without closing punctuation: a caption, a heading or a media title."""
    return len(line.split()) <= 14 and not _SENTENCE_END.search(line)


def _neighbour(kinds: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(kinds) and kinds[j] == "blank":
        j += step
    return j if 0 <= j < len(kinds) else None


def clean_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Story lines and the lines dropped as page furniture, in order."""
    kinds = [_kind(ln) for ln in lines]
    for i, kind in enumerate(kinds):
        if kind != "text" or not _is_label(lines[i]):
            continue
        after = _neighbour(kinds, i, 1)
        if after is not None and kinds[after] in ("credit", "timestamp", "player"):
            kinds[i] = "caption"
    keep = [ln for ln, k in zip(lines, kinds, strict=True) if k in ("text", "date")]
    dropped = [ln for ln, k in zip(lines, kinds, strict=True) if k not in ("text", "date", "blank")]
    return keep, dropped


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated blocks; hard-wrapped lines inside a block are joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        text = line.strip()
        if not text:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and (_SENTENCE_END.search(current[-1]) or len(current[-1]) < 40):
            paragraphs.append(" ".join(current))
            current = []
        current.append(text)
    return paragraphs


def _assemble(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    spans: list[Span] = []
    pos = 0
    for para in paragraphs:
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return "\n\n".join(paragraphs), tuple(spans)


def extract_crude(text: str, *, titled: bool = True, url: str | None = None,
                  date: str | None = None) -> Article:
    """Article from scraped text: title line, date line, story paragraphs, agencies."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    agencies: list[str] = []
    # A closing credit ("ng/kms (AFP, AP, dpa)") is the last non-empty line.
    last = max((i for i, ln in enumerate(lines) if ln.strip()), default=None)
    if last is not None:
        credit = closing_credit(lines[last])
        if credit:
            agencies = credit
            lines[last] = ""
    stripped = [ln.strip() for ln in lines if ln.strip()]
    if len(stripped) == 1 and _SENTENCE_END.search(stripped[0]) and len(stripped[0].split()) > 3:
        titled = False  # a file holding one sentence is that sentence, not a headline
    if not titled:
        paragraphs = _paragraphs(lines)
        body, spans = _assemble(paragraphs)
        return Article(text=body, paragraphs=spans, date=date, url=url, agencies=tuple(agencies))
    keep, _ = clean_lines(lines)
    title: str | None = None
    found_date: str | None = None
    body_lines: list[str] = []
    for line in keep:
        content = line.strip()
        if title is None and not is_date_line(content) and len(content.split()) <= 30:
            title = content
            body_lines.append("")
            continue
        if found_date is None and is_date_line(content) and len(body_lines) < 6:
            found_date = parse_day(content)
            body_lines.append("")
            continue
        body_lines.append(line)
    paragraphs = _paragraphs(body_lines)
    body, spans = _assemble(paragraphs)
    return Article(text=body, paragraphs=spans, title=title, date=found_date or date,
                   url=url, agencies=tuple(agencies))
