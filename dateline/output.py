"""Human-readable output for the CLI: tables, the marked-up article, the run summary.

Plain text only; a progress bar when stderr is a terminal, a plain log line otherwise.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .records import Counts, Result, Skipped

log = logging.getLogger("dateline")


@contextmanager
def progress() -> Iterator[Callable[[Result | Skipped], None]]:
    """A tick function: tqdm on a terminal, a log line every 100 documents otherwise."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="ingest", file=sys.stderr)
        try:
            yield lambda _item: bar.update(1)
        finally:
            bar.close()
        return
    seen = [0]

    def tick(_item: Result | Skipped) -> None:
        seen[0] += 1
        if seen[0] % 100 == 0:
            print(f"ingest: {seen[0]} documents", file=sys.stderr, flush=True)

    yield tick


def _width() -> int:
    return min(shutil.get_terminal_size((100, 20)).columns, 140)


def _cut(text: str | None, length: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[:length - 1] + "…"


def ingest_summary(counts: Counts, db: str) -> str:
    lines = [f"{counts.processed + counts.unchanged} documents: {counts.stored} stored, "
             f"{counts.unchanged} already stored (unchanged), {counts.skipped} skipped -> {db}"]
    for reason, number in sorted(counts.reasons.items(), key=lambda kv: -kv[1])[:10]:
        lines.append(f"  skipped {number} x {reason}")
    return "\n".join(lines)


def json_lines(rows: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)


def quotes_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no quotes"
    width = _width()
    out = []
    for r in rows:
        speaker = r["speaker"] or "(unknown)"
        if r["speaker_mention"] and r["speaker_mention"] != r["speaker"]:
            speaker += f" ({r['speaker_mention']})"
        head = f"{r.get('article_date') or '----------'}  {speaker} [{r['kind']}, {r['cue'] or '-'}]"
        out.append(head)
        out.append(textwrap.indent(textwrap.fill(_cut(r["content"], 400), width - 4), "    "))
    return "\n".join(out)


def _actors(actors: list[dict[str, Any]]) -> str:
    parts = []
    for a in actors:
        code = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
        parts.append(f"{a['name']} ({code})" if code else a["name"])
    return " + ".join(parts) or "-"


def events_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no events"
    width = _width()
    out = []
    for r in rows:
        actor = _actors(json.loads(r["actor"]) if isinstance(r["actor"], str) else r["actor"])
        recipient = _actors(json.loads(r["recipient"]) if isinstance(r["recipient"], str)
                            else r["recipient"])
        flags = [f for f, on in (("negated", r["negated"]), ("hypothetical", r["hypothetical"])) if on]
        if r.get("reported_by"):
            flags.append(f"reported by {r['reported_by']}")
        category = r["category"] + (f"/{r['mode']}" if r.get("mode") else "")
        line = f"{r.get('date') or r.get('article_date') or '----------'}  {category:<20} {actor} -> {recipient}"
        if flags:
            line += f"  [{'; '.join(flags)}]"
        out.append(line)
        if r.get("sentence"):
            out.append(textwrap.indent(textwrap.fill(_cut(r["sentence"], 300), width - 4), "    "))
    return "\n".join(out)


def articles_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no articles"
    out = []
    for r in rows:
        status = "" if r["analysed"] else "  (not analysed)"
        out.append(f"{r['id'][:12]}  {r['date'] or '----------'}  {r['language'] or '??'}  "
                   f"{r['quotes']:>3}q {r['events']:>3}e  {_cut(r['title'] or r['source'], 70)}{status}")
    return "\n".join(out)


def search_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no matches"
    return "\n".join(f"{r['article_id'][:12]}  {r['date'] or '----------'}  {r['kind']:<7} "
                     f"{_cut(r['snippet'], 110)}" for r in rows)


def show(result: dict[str, Any]) -> str:
    """The article with quotes in ⟦…⟧ and event triggers in {…}, then the lists."""
    article = result["article"]
    text = article["text"]
    marks: list[tuple[int, int, str]] = []  # (offset, order, mark)
    for n, q in enumerate(result["quotes"], 1):
        for a, b in q["content_spans"]:
            marks += [(a, 1, "⟦"), (b, 0, f"⟧Q{n}")]
    for n, e in enumerate(result["events"], 1):
        a, b = e["trigger_span"]
        marks += [(a, 2, "{"), (b, 0, f"}}E{n}")]
    pieces, last = [], 0
    for offset, _, mark in sorted(marks):
        pieces += [text[last:offset], mark]
        last = offset
    pieces.append(text[last:])
    width = _width()
    body = "\n\n".join(textwrap.fill(p, width) for p in "".join(pieces).split("\n\n"))
    head = [article["title"] or "(untitled)",
            " | ".join(x for x in (article["date"], article["publisher"],
                                   ", ".join(article["agencies"]), article["language"],
                                   article["url"]) if x),
            f"id {result['id']}  ({result['pipeline_version']})"]
    if result.get("note"):
        head.append(f"note: {result['note']}")
    out = ["\n".join(head), body, "Quotes:"]
    for n, q in enumerate(result["quotes"], 1):
        who = q["speaker"] or "(unknown)"
        if q["speaker_mention"] and q["speaker_mention"] != q["speaker"]:
            who += f" ({q['speaker_mention']})"
        out.append(f"  Q{n} {who} {q['cue'] or ''} [{q['kind']}, {q['stance']}, "
                   f"{q['confidence']:.2f}]: {_cut(q['content'], 120)}")
    out.append("Events:")
    for n, e in enumerate(result["events"], 1):
        flags = [f for f in ("negated", "hypothetical") if e[f]]
        if e.get("reported_by"):
            flags.append(f"reported by {e['reported_by']}")
        out.append(f"  E{n} {e['category']}{'/' + e['mode'] if e['mode'] else ''} "
                   f"{_actors(e['actor'])} -> {_actors(e['recipient'])} "
                   f"({e['date'] or 'no date'}{', ' + e['location']['name'] if e['location'] else ''})"
                   + (f" [{'; '.join(flags)}]" if flags else ""))
    return "\n\n".join(out[:2]) + "\n\n" + "\n".join(out[2:])


def result_text(result: dict[str, Any]) -> str:
    """`dateline process` without --json: the same view as `dateline show`."""
    return show(result) + "\n"


def stats_text(stats: dict[str, Any]) -> str:
    lines = [f"{stats['articles']} articles ({stats['analysed']} analysed), {stats['quotes']} quotes, "
             f"{stats['events']} events, {stats['entities']} entities, {stats['skipped']} skipped"]
    for key in ("languages", "categories", "top_speakers", "pipeline_versions"):
        if stats.get(key):
            lines.append(f"{key.replace('_', ' ')}: " + ", ".join(f"{k} {v}" for k, v in stats[key].items()))
    return "\n".join(lines)
