"""Article extraction on the development set: dateline beside the best open extractors.

    python -m benchmarks.extraction [--data ../shared/data/extraction] [--passes 3]
                                    [--only dateline,trafilatura] [--write] [--out DIR]

Every extractor runs in this one process (one core) on the same pages; pages/s counts the
extraction call only (the page is already in memory as text), median of `--passes`.
Body precision/recall/F1 use the set's shingle metric (benchmarks/extraction_metric.py),
per source as well as overall; title and date accuracy on the pages whose gold has them.
`--write` replaces the "Article extraction" section of docs/benchmarks.md.
The comparison extractors are the `bench` extra: `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.datasets import development_data
from benchmarks.report import write_section

from .extraction_metric import body_scores, date_scores, page_counts, title_scores

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DATA = development_data("extraction")
DOC = ROOT / "docs" / "benchmarks.md"
SECTION = "## Article extraction"


@dataclass(frozen=True, slots=True)
class Output:
    body: str
    title: str | None = None
    date: str | None = None


Extractor = Callable[[str, str], Output]


def _dateline(html: str, url: str) -> Output:
    from dateline.errors import InputError
    from dateline.extract.html import extract_html

    try:
        art = extract_html(html, url=url)
    except InputError:
        return Output("")
    return Output(art.text, art.title, art.date)


def _trafilatura(comments: bool) -> Extractor:
    def run(html: str, url: str) -> Output:
        import trafilatura

        return Output(trafilatura.extract(html, url=url, include_comments=comments) or "")
    return run


def _trafilatura_metadata(html: str, url: str) -> Output:
    from trafilatura import extract_metadata

    meta = extract_metadata(html, default_url=url)
    return Output("", meta.title if meta else None, meta.date if meta else None)


def _readability(html: str, url: str) -> Output:
    import html_text
    from readability import Document

    doc = Document(html, url=url)
    return Output(html_text.extract_text(doc.summary(html_partial=True)), doc.short_title())


def _resiliparse(html: str, url: str) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return Output(extract_plain_text(HTMLTree.parse(html), main_content=True))


def _newspaper(html: str, url: str) -> Output:
    import newspaper

    art = newspaper.Article(url, fetch_images=False)
    art.download(input_html=html)
    art.parse()
    day = art.publish_date.date().isoformat() if art.publish_date else None
    return Output(art.text or "", art.title, day)


def _htmldate(html: str, url: str) -> Output:
    from htmldate import find_date

    return Output("", None, find_date(html, url=url, original_date=True))


# name -> (call, what it is measured on: body and/or metadata)
EXTRACTORS: dict[str, tuple[str, Extractor, bool]] = {
    "dateline": ("dateline `extract_html`", _dateline, True),
    "trafilatura": ("trafilatura `extract(html)`", _trafilatura(True), True),
    "trafilatura-nocomments": ("trafilatura `extract(html, include_comments=False)`",
                               _trafilatura(False), True),
    "readability": ("readability-lxml `Document.summary` → html-text", _readability, True),
    "resiliparse": ("resiliparse `extract_plain_text(main_content=True)`", _resiliparse, True),
    "newspaper4k": ("newspaper4k `Article.parse`", _newspaper, True),
    "trafilatura-metadata": ("trafilatura `extract_metadata`", _trafilatura_metadata, False),
    "htmldate": ("htmldate `find_date(original_date=True)`", _htmldate, False),
}


def load(data: Path) -> list[dict]:
    gold = [json.loads(line) for line in (data / "gold.jsonl").open(encoding="utf-8")]
    for row in gold:
        row["html"] = (data / "pages" / f"{row['id']}.html").read_text("utf-8", errors="replace")
    return gold


def run(name: str, pages: list[dict], passes: int) -> tuple[list[Output], float, float]:
    """Outputs of one extractor on every page, its pages/s (median over passes) and its
    pages/s on the first pass (before the caches of date parsers and the like are warm)."""
    _, call, _ = EXTRACTORS[name]
    call(pages[0]["html"], pages[0]["url"])  # imports and caches outside the clock
    times: list[float] = []
    outputs: list[Output] = []
    for _ in range(passes):
        outputs = []
        start = time.process_time()
        for page in pages:
            try:
                outputs.append(call(page["html"], page["url"]))
            except Exception as exc:  # noqa: BLE001 - a crash on one page is an empty output
                logging.getLogger(__name__).info("%s failed on %s: %s", name, page["id"], exc)
                outputs.append(Output(""))
        times.append(time.process_time() - start)
    return outputs, len(pages) / statistics.median(times), len(pages) / times[0]


def score(pages: list[dict], outputs: list[Output]) -> dict:
    counts = [page_counts(p["body"], o.body) for p, o in zip(pages, outputs, strict=False)]
    result = {"all": body_scores(counts)}
    for group in sorted({p["source_dataset"] for p in pages}):
        result[group] = body_scores([c for c, p in zip(counts, pages, strict=False)
                                     if p["source_dataset"] == group])
    result["title"] = title_scores((p["title"], o.title) for p, o in zip(pages, outputs, strict=False)
                                   if p.get("title"))
    result["date"] = date_scores((p["date"], o.date) for p, o in zip(pages, outputs, strict=False)
                                 if p.get("date"))
    return result


def markdown(results: dict[str, dict], passes: int, n: int) -> str:
    groups = [g for g in next(iter(results.values()))["scores"] if g not in ("all", "title", "date")]
    lines = [SECTION, "",
             f"Development set `shared/data/extraction` ({n} pages: 250 L3S-GN1 news pages "
             "from 2008, 99 WCXB article pages from 2024-25). Body scored with the set's shingle "
             "metric; all extractors run in one process on the same pages, extraction call only, "
             f"CPU time on one core, median of {passes} pass(es) on {platform.processor() or platform.machine()} "
             "(a shared 2-core machine, so speeds are noisy). Rerun: "
             "`python -m benchmarks.extraction --passes 3 --write`.", "",
             "| extractor | P | R | F1 | " + " | ".join(f"F1 {g}" for g in groups)
             + " | pages/s | first pass |", "|" + " --- |" * (6 + len(groups))]
    for _name, res in results.items():
        if not res["body"]:
            continue
        s = res["scores"]
        lines.append(f"| {res['call']} | {s['all']['precision']:.3f} | {s['all']['recall']:.3f} | "
                     f"**{s['all']['f1']:.3f}** | "
                     + " | ".join(f"{s[g]['f1']:.3f}" for g in groups)
                     + f" | {res['pages_per_s']:.0f} | {res['first_pass']:.0f} |")
    lines += ["", "| metadata | title exact | title token F1 | date same day |",
              "| --- | --- | --- | --- |"]
    for _name, res in results.items():
        s = res["scores"]
        has_title = any(o.title for o in res["outputs"])
        has_date = any(o.date for o in res["outputs"])
        if not (has_title or has_date):
            continue
        title = (f"{s['title']['exact']:.3f} | {s['title']['token_f1']:.3f}" if has_title
                 else "— | —")
        date = f"{s['date']['same_day']:.3f}" if has_date else "—"
        lines.append(f"| {res['call']} | {title} | {date} |")
    t, d = next(iter(results.values()))["scores"]["title"], next(iter(results.values()))["scores"]["date"]
    lines += ["", f"Titles on the {t['pages']} pages whose gold has one (lower-cased `\\w+` "
              f"tokens); dates on the {d['pages']} pages whose gold has one.", "", NOTES]
    return "\n".join(lines)


NOTES = """How dateline does it (`dateline/extract/blocks.py`, `content.py`, `teasers.py`, `metadata.py`;
its call also reads title, date, authors and publisher, which trafilatura's `extract` does
not): the page
is parsed once with lxml and walked into text blocks, leaving out what is never article
text (scripts, navigation, figures and captions, hidden elements, and boxes whose class or
id words say comments, share, related, newsletter, cookie, byline...). Every block votes
for the elements that hold it (prose for, link lists against) and the element with the
largest sum is the story's container. Teaser lists (alike siblings each led by a linked
headline, or headline/summary pairs), reader-comment threads and legal lines after the
story are cut; inside the container the repeated headline, bylines, date lines, labels,
video fallbacks and link lists go, while subheadings, short list items (with their numbers
in ordered lists) and a leading dateline stay. The title is the declared title where the
page shows it as a heading, else the heading or bold line right above the story; the date
comes from structured data, the URL, the date line above the story, and only then from
htmldate's quick search of the page (its extensive search tries every
dateparser locale and costs more than the rest of extraction together) and a date the
visible text labels "posted", "published" or "updated". None of these rules names a site: they are checked on both
sources separately (`F1 l3s-gn1`, `F1 wcxb-article`).

Still weak: marketing pages whose calls to action, sign-up boxes and FAQs are written as
prose inside the article's container (the lowest WCXB pages); captions written as plain
paragraphs on old pages; bold bylines or section names taken for the headline when the
declared title is not shown; a date that the page labels "updated" is taken when no
publication date is stated. "first pass" is the speed before date-parsing caches are warm;
the median of later passes benefits from them (dateline calls htmldate on pages that state
no date elsewhere).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--only", help="comma-separated extractor names: " + ",".join(EXTRACTORS))
    parser.add_argument("--out", type=Path, help="write per-page predictions here (JSONL per extractor)")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    pages = load(args.data)
    names = args.only.split(",") if args.only else list(EXTRACTORS)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        parser.error(f"unknown extractor(s) {', '.join(unknown)}; known: {', '.join(EXTRACTORS)}")
    if not (args.data / "gold.jsonl").exists():
        parser.error(f"no gold.jsonl in {args.data}: pass --data DIR")
    results: dict[str, dict] = {}
    for name in names:
        call, _, body = EXTRACTORS[name]
        outputs, speed, first = run(name, pages, args.passes)
        scores = score(pages, outputs)
        results[name] = {"call": call, "body": body, "outputs": outputs, "scores": scores,
                         "pages_per_s": speed, "first_pass": first}
        line = (f"{name:24s} F1 {scores['all']['f1']:.3f} P {scores['all']['precision']:.3f} "
                f"R {scores['all']['recall']:.3f} | "
                + " ".join(f"{g} {v['f1']:.3f}" for g, v in scores.items()
                           if g not in ("all", "title", "date"))
                + f" | title {scores['title']['exact']:.3f} date {scores['date']['same_day']:.3f}"
                + f" | {speed:.1f} pages/s")
        print(line, flush=True)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                for page, out in zip(pages, outputs, strict=False):
                    fh.write(json.dumps({"id": page["id"], "body": out.body, "title": out.title,
                                         "date": out.date}, ensure_ascii=False) + "\n")
    if args.write:
        write_section(DOC, SECTION, markdown(results, args.passes, len(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
