"""THE per-document function: raw documents in, results (or skips) out.

It is pure: no database, no printing.  Local workers and Spark executors call exactly
this, so every engine produces the same records.  Read top to bottom, it is the whole
flow: extract -> parse -> entities -> quotes -> events.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from .entities import resolve_entities
from .entities.lexicon import Known
from .errors import InputError
from .events import code_events
from .extract import extract_article
from .nlp import model_id, parse
from .quotes import find_quotes
from .records import Article, RawDoc, Result, Skipped
from .settings import Settings
from .version import pipeline_version

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def document_id(raw: RawDoc) -> str:
    """The caller's id, else a hash of the bytes: the same input always gets the same id."""
    return raw.id or hashlib.sha256(raw.content).hexdigest()[:20]


def _extract(raw: RawDoc | Skipped, settings: Settings) -> tuple[RawDoc, Article] | Skipped:
    if isinstance(raw, Skipped):
        return raw
    if len(raw.content) > settings.max_bytes:
        return Skipped(raw.source, f"document is {len(raw.content)} bytes, over {settings.max_bytes}",
                       document_id(raw))
    try:
        return raw, extract_article(raw)
    except InputError as exc:
        return Skipped(raw.source, str(exc), document_id(raw))
    except Exception as exc:  # noqa: BLE001 - one bad page must never stop a run
        log.exception("extraction failed on %s", raw.source)
        return Skipped(raw.source, f"extraction failed: {type(exc).__name__}: {exc}", document_id(raw))


def analyse(doc: Doc, article: Article, *, user: dict[str, Known] | None = None) -> tuple:
    """Entities, quotes and events of one parsed article."""
    index = resolve_entities(doc, user=user, date=article.date)
    quotes = find_quotes(doc, index, article.paragraphs)
    events = code_events(doc, index, quotes, date=article.date)
    return tuple(index.entities), tuple(quotes), tuple(events)


def process_docs(raw_docs: Iterable[RawDoc | Skipped], nlp: Language, settings: Settings, *,
                 user: dict[str, Known] | None = None) -> Iterator[Result | Skipped]:
    """Results in input order; batches of `settings.batch_size` go through `nlp.pipe`.

    Each Doc is analysed as soon as `nlp.pipe` hands it over and then let go, so a batch
    never holds more parsed Docs than one `nlp.pipe` batch.
    """
    version = pipeline_version(model_id(nlp))
    iterator = iter(raw_docs)
    while batch := list(islice(iterator, settings.batch_size)):
        extracted = [_extract(raw, settings) for raw in batch]
        todo = [(i, item[1]) for i, item in enumerate(extracted)
                if not isinstance(item, Skipped) and _analysable(item[1], settings)]
        texts = (article.text[:settings.max_chars] for _, article in todo)
        parsed = parse(nlp, texts, settings.batch_size)  # in the order of `todo`
        analysable = {i for i, _ in todo}
        for i, item in enumerate(extracted):
            if isinstance(item, Skipped):
                yield item
                continue
            raw, article = item
            doc_id = document_id(raw)
            if i not in analysable:
                yield Result(doc_id, raw.source, article, (), (), (), version, analysed=False,
                             note=_not_analysed(article, settings), fetched_at=raw.fetched_at,
                             http_status=raw.http_status)
                continue
            doc = next(parsed)
            try:
                entities, quotes, events = analyse(doc, article, user=user)
            except Exception as exc:  # noqa: BLE001 - keep the article, report the failure
                log.exception("analysis failed on %s", raw.source)
                yield Skipped(raw.source, f"analysis failed: {type(exc).__name__}: {exc}", doc_id)
                continue
            note = None
            if len(article.text) > settings.max_chars:
                note = f"only the first {settings.max_chars} characters were analysed"
            yield Result(doc_id, raw.source, article, entities, quotes, events, version,
                         note=note, fetched_at=raw.fetched_at, http_status=raw.http_status)


def _analysable(article: Article, settings: Settings) -> bool:
    """In an analysed language, or too short to tell (a bare sentence is taken as it comes)."""
    return article.language is None or article.language in settings.languages


def _not_analysed(article: Article, settings: Settings) -> str:
    language = article.language or "unknown"
    return (f"language {language!r} is not analysed for quotes and events "
            f"(analysed: {', '.join(settings.languages)}); the article is stored as extracted")


def process(content: str | bytes, *, url: str | None = None, date: str | None = None,
            model: str | None = None, html: bool | None = None, titled: bool = True,
            settings: Settings | None = None) -> Result:
    """One document from Python: `dateline.process(html_or_text, url=..., date=...)`.

    Raises `InputError` when the document holds no article.
    """
    from .nlp import load
    from .sources.files import sniff

    settings = settings or Settings()
    if model:
        settings = replace(settings, model=model)
    data = content.encode("utf-8") if isinstance(content, str) else content
    kind = ("html" if html else "text") if html is not None else sniff(data)
    raw = RawDoc(source=url or "<memory>", content=data, content_type=kind, url=url, date=date,
                 title_hint=titled)
    result = next(process_docs([raw], load(settings.model), settings))
    if isinstance(result, Skipped):
        raise InputError(result.reason)
    return result
