"""Reported speech from the dependency parse: a cue, its source and its complement.

"X said (that) ...", "X denied ...", "X warned Y not to ...", "..., X told reporters",
"according to X, ...".  The content is the cue's complement clause (with its coordinated
twins), or its object for cues that take one ("denied the report", "called for talks").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import text_of
from ..records import Span
from .cues import cue_of
from .found import Found
from .model import Candidate, cue_model, features
from .speaker import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CONTENT_DEPS = ("ccomp", "parataxis")
_CONTENT_PREPS = {"for", "about", "on", "of", "against"}
_OBJECT_PREPS = {"of", "for", "as", "with", "to"}
_CIRCUMSTANCE = {"as", "while", "after", "before", "when", "since", "until"}
_MIN_CHARS = 8


def content_of(verb: Token) -> tuple[str, list[Token]] | None:
    """The reported content of a verb, and its shape: a complement clause ("ccomp"), an
    infinitive ("xcomp"), an object ("dobj"), a prepositional object ("prep_for") or the
    clause around a parenthetical cue ("paren")."""
    shape = "ccomp"
    heads = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if not heads and verb.dep_ == "parataxis":
        # "Sanders stays in the race, his aide told The Huffington Post": the clause around
        # a parenthetical cue is its content, its object the one told
        paren = _parenthetical(verb)
        if paren:
            return "paren", paren
    if not heads:
        shape, heads = "xcomp", [c for c in verb.children if c.dep_ == "xcomp"]
        if heads:
            # "urged the industry to do more": the one urged is part of what was urged
            heads += [c for c in verb.children if c.dep_ == "dobj" and c.i < heads[0].i]
    if not heads:
        shape, heads = "dobj", [c for c in verb.children if c.dep_ == "dobj"]
        if heads:
            # "accused him of sexism", "calling it a paperwork error": the object's complement
            heads += [c for c in verb.children if c.i > heads[0].i and (
                c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS))]
    if not heads:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS]
        heads = [g for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
        shape = f"prep_{preps[0].lower_}" if heads else shape
    if not heads:
        paren = _parenthetical(verb)
        return ("paren", paren) if paren else None
    heads += [conj for head in list(heads) for conj in head.conjuncts if conj.i > head.i]
    right = [h for h in heads if h.i > verb.i]
    if right:
        # A mis-attached clause between the cue and its complement belongs to the content
        # ("says not involving X ... was a mistake").
        first = min(h.i for h in right)
        heads += [c for c in verb.children
                  if verb.i < c.i < first and c.dep_ in ("xcomp", "csubj", "advcl") and c not in heads]
    return shape, _content_tokens(heads)


def _content_tokens(heads: list[Token]) -> list[Token]:
    """The words of the content heads, less trailing circumstances the source did not say
    ("..., as it heads toward the convention")."""
    tokens: list[Token] = []
    for head in heads:
        cut = {t.i for child in head.rights if child.dep_ == "advcl" and child.i > head.i
               and any(m.dep_ == "mark" and m.lower_ in _CIRCUMSTANCE for m in child.children)
               for t in child.subtree}
        end = head.right_edge.i
        for tok in head.subtree:
            # "..., which votes on March 1": an aside of the writer's closing the content
            if tok.dep_ == "relcl" and tok.right_edge.i >= end - 1 and tok.left_edge.i > 0 \
                    and tok.doc[tok.left_edge.i - 1].text == "," \
                    and tok.left_edge.lower_ in ("which", "who", "whose", "where"):
                cut.update(range(tok.left_edge.i - 1, tok.right_edge.i + 1))
        tokens += [t for t in head.subtree if t.i not in cut]
    return tokens


def _parenthetical(verb: Token) -> list[Token] | None:
    """"Now, she said, the Christians ...", "As X noted, ...": the clause around the cue."""
    if verb.dep_ not in ("parataxis", "advcl") or verb.head is verb:
        return None
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    own = {t.i for t in verb.subtree}
    sent = verb.sent
    return [t for t in verb.head.subtree if t.i not in own and sent.start <= t.i < sent.end]


def span_of(tokens: list[Token], within: Span | None = None) -> Span | None:
    """Character hull of the words among `tokens` (inside `within`, the cue's paragraph)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space
             and (within is None or within[0] <= t.idx < within[1])]
    if not words:
        return None
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return start, end


def _fragments(tokens: list[Token], within: Span | None) -> list[Span]:
    """Content as contiguous runs of words: a parenthetical cue splits it in two."""
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    runs: list[list[Token]] = []
    for tok in ordered:
        if runs and all(t.is_punct or t.is_space for t in tok.doc[runs[-1][-1].i + 1:tok.i]):
            runs[-1].append(tok)
        else:
            runs.append([tok])
    spans = [span_of(run, within) for run in runs]
    return [s for s in spans if s is not None]


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
    if tok.head is tok:
        return None
    excluded = {t.i for t in tok.subtree}
    content = [t for t in tok.sent if t.i not in excluded]
    return source, content


def _quoted_tokens(doc: Doc, quoted: list[Span]) -> set[int]:
    """Indices of the tokens strictly inside a quotation (its marks excluded)."""
    inside: set[int] = set()
    for start, end in quoted:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(t.i for t in span if start < t.idx < end)
    return inside


def candidates(doc: Doc, paragraphs: tuple[Span, ...], quoted: list[Span]) -> list[Candidate]:
    """Every verb with a reported content outside quotations, and "according to X".

    Cues inside a quotation are the speaker's own words ("I think ..."), not attributions.
    """
    found: list[Candidate] = []
    inside = _quoted_tokens(doc, quoted)
    for tok in doc:
        if tok.i in inside:
            continue
        according = _according_to(tok)
        if according is not None:
            source, words = according
            span = span_of(words, paragraph_of(paragraphs, tok.idx))
            if span:
                to = next(c for c in tok.children if c.lower_ == "to")
                record = Found([span], tok, cue_of("say"), source, "indirect", 0.9,
                               cue_span=(tok.idx, to.idx + len(to.text)))
                found.append(Candidate(record, "according"))
            continue
        if tok.pos_ != "VERB":
            continue
        reported = content_of(tok)
        if reported is None:
            continue
        shape, tokens = reported
        spans = _fragments(tokens, paragraph_of(paragraphs, tok.idx))
        if not spans or sum(b - a for a, b in spans) < _MIN_CHARS:
            continue
        record = Found(spans, tok, cue_of(tok.lemma_), subject_of(tok), "indirect", 0.8)
        found.append(Candidate(record, shape))
    return found


def find_indirect(doc: Doc, paragraphs: tuple[Span, ...], quoted: list[Span]) -> list[Found]:
    """The candidates the shipped attribution model accepts, with its probability as confidence."""
    model = cue_model()
    text = text_of(doc)
    out = []
    for candidate in candidates(doc, paragraphs, quoted):
        if candidate.shape == "according":
            out.append(candidate.found)
            continue
        probability = model.probability(features(candidate, quoted, text))
        if probability >= model.threshold:
            candidate.found.confidence = round(probability, 2)
            out.append(candidate.found)
    return out
