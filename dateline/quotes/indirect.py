"""Reported speech from the dependency parse: a cue, its source and its complement.

"X said (that) ...", "X denied ...", "X warned Y not to ...", "..., X told reporters",
"according to X, ...".  The content is the cue's complement clause (with its coordinated
twins), or its object for cues that take one ("denied the report", "called for talks").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Span
from .cues import Cue, cue_of
from .found import Found
from .speaker import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CONTENT_DEPS = ("ccomp", "parataxis")
_OBJECT_STANCES = ("deny", "accuse", "warn", "urge", "ask", "promise", "claim", "agree",
                   "intend", "support", "oppose", "believe")
_CONTENT_PREPS = {"for", "about", "on", "of", "against"}
_MIN_CHARS = 8


def content_heads(verb: Token, cue: Cue) -> list[Token]:
    """Heads of the reported content: complement clauses and their coordinated twins."""
    heads = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if not heads:
        heads = [c for c in verb.children if c.dep_ == "xcomp"]
    if not heads and cue.stance in _OBJECT_STANCES:
        heads = [c for c in verb.children if c.dep_ in ("dobj",)]
    if not heads and cue.stance in _OBJECT_STANCES:
        heads = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
    heads += [conj for head in list(heads) for conj in head.conjuncts if conj.i > head.i]
    right = [h for h in heads if h.i > verb.i]
    if right:
        # A mis-attached clause between the cue and its complement belongs to the content
        # ("says not involving X ... was a mistake").
        first = min(h.i for h in right)
        heads += [c for c in verb.children
                  if verb.i < c.i < first and c.dep_ in ("xcomp", "csubj", "advcl") and c not in heads]
    return heads


def span_of(tokens: list[Token], within: Span | None = None) -> Span | None:
    """Character hull of the words among `tokens` (inside `within`, the cue's paragraph)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space
             and (within is None or within[0] <= t.idx < within[1])]
    if not words:
        return None
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return start, end


def paragraph_of(paragraphs: tuple[Span, ...], offset: int) -> Span | None:
    for start, end in paragraphs:
        if start <= offset < end:
            return start, end
    return None


def _according_to(tok: Token) -> tuple[Token, list[Token]] | None:
    """"According to X, ...": X, and the clause it qualifies."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    clause = tok.head
    if clause is tok:
        return None
    excluded = {t.i for t in tok.subtree}
    content = [t for t in clause.subtree if t.i not in excluded]
    return source, content


def _is_cue(tok: Token) -> Cue | None:
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
        return cue_of(tok.lemma_)
    return None


def find_indirect(doc: Doc, paragraphs: tuple[Span, ...], quoted: list[Span]) -> list[Found]:
    """Cue verbs with a source and a complement; "according to X".

    Cues inside a quotation are the speaker's own words ("I think ..."), not attributions.
    """
    found: list[Found] = []
    for tok in doc:
        if any(a < tok.idx < b for a, b in quoted):
            continue
        according = _according_to(tok)
        if according is not None:
            source, content = according
            span = span_of(content, paragraph_of(paragraphs, tok.idx))
            if span:
                to = next(c for c in tok.children if c.lower_ == "to")
                found.append(Found([span], tok, cue_of("say"), source, "indirect", 0.9,
                                   cue_span=(tok.idx, to.idx + len(to.text))))
            continue
        cue = _is_cue(tok)
        if cue is None:
            continue
        heads = content_heads(tok, cue)
        if not heads:
            continue
        subject = subject_of(tok)
        if subject is None:
            continue
        tokens = [t for head in heads for t in head.subtree]
        span = span_of(tokens, paragraph_of(paragraphs, tok.idx))
        if span is None or span[1] - span[0] < _MIN_CHARS:
            continue
        found.append(Found([span], tok, cue, subject, "indirect", 0.8))
    return found
