"""The `dateline` command: each subcommand parses its arguments, makes one library call
and formats the answer.  No pipeline logic lives here."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from . import output
from .errors import DatelineError
from .query import ArticleQuery, EventQuery, QuoteQuery
from .settings import SETTINGS, from_env

log = logging.getLogger("dateline")

DEFAULT_DB = "dateline.db"


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get("DATELINE_DB", DEFAULT_DB),
                        help="SQLite file or postgresql:// URL (env DATELINE_DB; default dateline.db)")


def _model_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help=SETTINGS["model"])
    parser.add_argument("--batch-size", type=int, help=SETTINGS["batch_size"])


def _settings(args: argparse.Namespace, **extra: object):  # type: ignore[no-untyped-def]
    return from_env(model=getattr(args, "model", None), batch_size=getattr(args, "batch_size", None),
                    **extra)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Who said what, and who did what to whom, when and where: news in, "
                    "a traceable record out.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    parser.add_argument("--version", action="store_true", help="print the pipeline version")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="process files, directories, WARC archives or - (stdin) into a database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _db_arg(p)
    _model_args(p)
    p.add_argument("--workers", type=int, default=None,
                   help=f"{SETTINGS['workers']}")
    p.add_argument("--dictionary", help="CSV of extra actors: name,country,sector[,valid_from,valid_to]")

    p = sub.add_parser("fetch", help="download the articles of RSS/Atom feeds or URL lists into a database")
    p.add_argument("sources", nargs="+", metavar="FEED_OR_URL_LIST",
                   help="a feed or URL-list file, or an http(s) URL of a feed or an article")
    _db_arg(p)
    _model_args(p)
    p.add_argument("--workers", type=int, default=None, help=f"{SETTINGS['workers']}")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to connect and between bytes")
    p.add_argument("--deadline", type=float, default=60.0, help="seconds for a whole response")
    p.add_argument("--retries", type=int, default=2, help="tries after a timeout, 429 or 5xx")
    p.add_argument("--max-bytes", type=int, default=None, help=SETTINGS["max_bytes"])
    p.add_argument("--allow-private", action="store_true",
                   help="allow private, loopback and link-local addresses (off: refused)")
    p.add_argument("--contact", help="an e-mail or URL added to the User-Agent so sites can reach you")

    p = sub.add_parser("process", help="print results as JSON lines, without a database")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object per document (the contract)")
    p.add_argument("--plover", action="store_true",
                   help="one PLOVER JSON record per event instead (as `dateline events --json`)")
    p.add_argument("--jsonl", metavar="FILE", help="code each line of a JSONL corpus")
    p.add_argument("--text-field", default="text", help="JSONL field holding the text")
    p.add_argument("--id-field", default="id", help="JSONL field holding the document id")
    p.add_argument("--dictionary", help="CSV of extra actors: name,country,sector[,valid_from,valid_to]")
    _model_args(p)

    p = sub.add_parser("quotes", help="list stored quotes")
    p.add_argument("--speaker", help="speaker name (substring)")
    p.add_argument("--text", help="words in the quote (full-text)")
    p.add_argument("--since", help="article date from (YYYY-MM-DD)")
    p.add_argument("--until", help="article date until (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("events", help="list stored events")
    p.add_argument("--actor", help="actor country code (RUS) or name")
    p.add_argument("--recipient", help="recipient country code or name")
    p.add_argument("--type", dest="category", help="PLOVER category (AID, ACCUSE, ...)")
    p.add_argument("--since", help="event date from (YYYY-MM-DD)")
    p.add_argument("--until", help="event date until (YYYY-MM-DD)")
    p.add_argument("--facts-only", action="store_true", help="leave out negated events")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="PLOVER/POLECAT-style JSON lines")
    _db_arg(p)

    p = sub.add_parser("articles", help="list stored articles")
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--language")
    p.add_argument("--dedup", action="store_true", help="one article per near-duplicate cluster")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("show", help="one article with its quotes and events marked")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("search", help="full-text search over articles and quotes")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("export", help="write the database as jsonl, csv, parquet or plover")
    p.add_argument("out", metavar="OUT", help="a file (jsonl, plover) or a directory (csv, parquet)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "plover"), default="jsonl")
    _db_arg(p)

    p = sub.add_parser("spark", help="process WARC archives or pages on Spark into Parquet tables")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="archives, pages, directories or *.paths(.gz) listings; local or URIs")
    p.add_argument("--output", required=True, metavar="DIR", help="directory (or URI) for the tables")
    p.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--overwrite", action="store_true", help="replace tables already in DIR")
    p.add_argument("--dictionary", help="CSV of extra actors: name,country,sector[,valid_from,valid_to]")
    _model_args(p)

    p = sub.add_parser("load", help="load the Parquet tables of `dateline spark` into a database")
    p.add_argument("directory", metavar="DIR")
    _db_arg(p)

    p = sub.add_parser("stats", help="counts of what the database holds")
    p.add_argument("--json", action="store_true")
    _db_arg(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * args.verbose
    logging.basicConfig(level=max(level, logging.DEBUG), stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.version:
        from .nlp import load, model_id
        from .version import pipeline_version

        print(pipeline_version(model_id(load(from_env().model))))
        return 0
    if not args.command:
        parser.print_help()
        return 2
    handler = COMMANDS[args.command]
    try:
        return handler(args)
    except DatelineError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _user_dictionary(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    if not getattr(args, "dictionary", None):
        return None
    from .entities.lexicon import load_user_dictionary

    return load_user_dictionary(args.dictionary)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .run.local import ingest
    from .sources import read_paths
    from .store import open_store

    workers = args.workers if args.workers is not None else (os.cpu_count() or 1)
    settings = _settings(args, workers=workers)
    store = open_store(args.db)
    try:
        with output.progress() as tick:
            counts = ingest(read_paths(args.paths, max_bytes=settings.max_bytes), store, settings,
                            progress=tick, user=_user_dictionary(args))
    finally:
        store.close()
    print(output.ingest_summary(counts, args.db))
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from .run.local import ingest
    from .sources.feeds import read_feeds
    from .sources.fetch import USER_AGENT, Fetcher, FetchSettings
    from .store import open_store

    workers = args.workers if args.workers is not None else (os.cpu_count() or 1)
    settings = _settings(args, workers=workers, max_bytes=args.max_bytes)
    agent = f"{USER_AGENT[:-1]}; {args.contact})" if args.contact else USER_AGENT
    limits = FetchSettings(timeout=args.timeout, deadline=args.deadline, delay=args.delay,
                           retries=args.retries, max_bytes=settings.max_bytes,
                           allow_private=args.allow_private, user_agent=agent)
    store = open_store(args.db)
    try:
        with Fetcher(limits) as fetcher, output.progress() as tick:
            counts = ingest(read_feeds(args.sources, fetcher), store, settings, progress=tick)
    finally:
        store.close()
    print(output.ingest_summary(counts, args.db))
    return 0


def cmd_process(args: argparse.Namespace) -> int:
    from .nlp import load
    from .process import process_docs
    from .records import Skipped
    from .sources import read_jsonl, read_paths

    settings = _settings(args)
    if args.jsonl:
        raw = read_jsonl(args.jsonl, text_field=args.text_field, id_field=args.id_field,
                         max_bytes=settings.max_bytes)
    elif args.paths:
        raw = read_paths(args.paths, max_bytes=settings.max_bytes)
    else:
        print("dateline process: give a PATH (or -) or --jsonl FILE", file=sys.stderr)
        return 2
    skipped = 0
    for item in process_docs(raw, load(settings.model), settings, user=_user_dictionary(args)):
        if isinstance(item, Skipped):
            skipped += 1
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
            if args.json or args.plover:
                continue
        if args.plover and not isinstance(item, Skipped):
            from .events.plover import plover_records

            for record in plover_records(item.to_dict()):
                print(json.dumps(record, ensure_ascii=False))
        elif args.plover:
            continue
        elif args.json:
            print(json.dumps(item.to_dict(), ensure_ascii=False))
        elif not isinstance(item, Skipped):
            print(output.result_text(item.to_dict()))
    if skipped:
        print(f"{skipped} document(s) skipped", file=sys.stderr)
    return 0


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .store import open_store

    if not args.db.startswith(("postgres", "sqlite:")) and not os.path.exists(args.db):
        raise DatelineError(f"no database at {args.db}: run `dateline ingest PATH --db {args.db}` first")
    return open_store(args.db)


def cmd_quotes(args: argparse.Namespace) -> int:
    store = _open(args)
    rows = store.quotes(QuoteQuery(speaker=args.speaker, text=args.text, since=args.since,
                                   until=args.until, limit=args.limit))
    store.close()
    print(output.json_lines(rows) if args.json else output.quotes_table(rows))
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    store = _open(args)
    rows = store.events(EventQuery(actor=args.actor, recipient=args.recipient,
                                   category=args.category, since=args.since, until=args.until,
                                   include_negated=not args.facts_only, limit=args.limit))
    store.close()
    if args.json:
        from .events.plover import plover_record

        print(output.json_lines([plover_record(r) for r in rows]))
    else:
        print(output.events_table(rows))
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    store = _open(args)
    rows = store.articles(ArticleQuery(since=args.since, until=args.until, language=args.language,
                                       dedup=args.dedup, limit=args.limit))
    store.close()
    print(output.json_lines(rows) if args.json else output.articles_table(rows))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    store = _open(args)
    result = store.result(args.article_id)
    store.close()
    if result is None:
        raise DatelineError(f"no article {args.article_id!r}: `dateline articles` lists the ids")
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else output.show(result))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    store = _open(args)
    rows = store.search(args.text, limit=args.limit)
    store.close()
    print(output.json_lines(rows) if args.json else output.search_table(rows))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    store = _open(args)
    try:
        written = export(store, args.out, args.format)
    finally:
        store.close()
    print(f"wrote {written}")
    return 0


def cmd_spark(args: argparse.Namespace) -> int:
    from .run.spark import run

    counts = run(args.inputs, args.output, _settings(args), master=args.master,
                 overwrite=args.overwrite, user=_user_dictionary(args))
    print(f"{counts.archives} input(s): {counts.articles} articles, {counts.quotes} quotes, "
          f"{counts.events} events, {counts.entities} entities, {counts.skipped} skipped "
          f"-> {args.output}")
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from .store import open_store
    from .store.parquet import load

    store = open_store(args.db)
    try:
        counts = load(args.directory, store)
    finally:
        store.close()
    print(f"{counts.stored} stored, {counts.updated} updated, {counts.unchanged} unchanged "
          f"-> {args.db}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = _open(args)
    stats = store.stats()
    store.close()
    print(json.dumps(stats, indent=2, ensure_ascii=False) if args.json else output.stats_text(stats))
    return 0


COMMANDS = {
    "ingest": cmd_ingest, "fetch": cmd_fetch, "process": cmd_process, "quotes": cmd_quotes, "events": cmd_events,
    "articles": cmd_articles, "show": cmd_show, "search": cmd_search, "export": cmd_export,
    "stats": cmd_stats, "spark": cmd_spark, "load": cmd_load,
}

if __name__ == "__main__":
    sys.exit(main())
