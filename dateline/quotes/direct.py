"""Direct quotations: each quotation with the cue and source written around it.

The frame of a quotation is the unquoted text of its sentence: after it ("…,” he said at
the rally.), or before it (He said: “…” / Clinton told the crowd, “…”).  A quotation
without a frame of its own continues the one before it: the second half of a quotation
split around its cue, or a paragraph that goes on quoting the same speaker.  Quotations
of a few words with no reporting frame are scare quotes or titles, not attributions.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Span
from .cues import cue_of
from .found import Found
from .marks import inner
from .speaker import inverted_subject, preceding_subject, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SENTENCE_END = {".", "!", "?", ";"}
_RUNS_ON = set(",?!-—–…:")  # a quotation ending with one of these runs on into its frame
_MIN_WORDS = 4
_STARTS = "dateline_token_starts"
_NEAR = 12  # how far into a trailing frame the cue may stand, in tokens


@dataclass(slots=True)
class _Quotation:
    number: int
    fragments: tuple[Span, ...]  # with their marks
    content: list[Span]  # without
    paragraph: int  # of the first fragment
    last_paragraph: int
    leading: list[Token]
    trailing: list[Token]


def _paragraph_index(paragraphs: tuple[Span, ...], offset: int) -> int:
    for number, (start, end) in enumerate(paragraphs):
        if start <= offset < end:
            return number
    return -1


def _first_token_at(doc: Doc, offset: int) -> int:
    """Index of the first token starting at or after character `offset`."""
    starts = doc.user_data.get(_STARTS)
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data[_STARTS] = [t.idx for t in doc]
    return bisect_left(starts, offset)


def _trailing(doc: Doc, end: int, limit: int) -> list[Token]:
    """Tokens after a quotation up to the end of its sentence (or `limit`)."""
    tokens = []
    for tok in doc[_first_token_at(doc, end):]:
        if tok.idx >= limit or "\n" in tok.text or tok.text in _SENTENCE_END:
            break
        tokens.append(tok)
        if "\n" in tok.whitespace_:
            break
    return tokens


def _leading(doc: Doc, start: int, limit: int) -> list[Token]:
    """Tokens before a quotation back to the start of its sentence (or `limit`)."""
    tokens: list[Token] = []
    i = _first_token_at(doc, start) - 1
    while i >= 0:
        tok = doc[i]
        if tok.idx < limit or tok.text in _SENTENCE_END or "\n" in tok.text or "\n" in tok.whitespace_:
            break
        tokens.insert(0, tok)
        i -= 1
    return tokens


def _quotations(doc: Doc, quotes: list[tuple[Span, ...]],
                paragraphs: tuple[Span, ...]) -> list[_Quotation]:
    text = doc.text
    starts = sorted(f[0] for q in quotes for f in q)
    ends = sorted(f[1] for q in quotes for f in q)
    out = []
    for number, fragments in enumerate(quotes):
        first, last = fragments[0], fragments[-1]
        p_first = _paragraph_index(paragraphs, first[0])
        p_last = _paragraph_index(paragraphs, last[1] - 1)
        para_start = paragraphs[p_first][0] if p_first >= 0 else 0
        para_end = paragraphs[p_last][1] if p_last >= 0 else len(text)
        prev_end = max([e for e in ends if e <= first[0]] + [para_start])
        next_start = min([s for s in starts if s >= last[1]] + [para_end])
        content = [s for s in (inner(f, text) for f in fragments) if s[1] > s[0]]
        if not content:
            continue
        out.append(_Quotation(number, fragments, content, p_first, p_last,
                              _leading(doc, first[0], prev_end), _trailing(doc, last[1], next_start)))
    return out


def _words(text: str, spans: list[Span]) -> int:
    return sum(len(text[a:b].split()) for a, b in spans)


def _from_trailing(q: _Quotation, text: str) -> tuple[Token, Token] | None:
    """“…,” he said / “…,” said Holan / “…” the 43-year-old asked: cue and source after."""
    frame = q.trailing
    if not frame:
        return None
    ending = text[q.content[-1][1] - 1]
    runs_on = ending in _RUNS_ON or text[q.content[-1][1]:frame[0].idx].strip().startswith(",")
    if not runs_on and not frame[0].is_lower:
        return None
    window = [t for t in frame[:_NEAR] if t.pos_ == "VERB" or (t.pos_ == "AUX" and cue_of(t.lemma_))]
    cues = [t for t in window if cue_of(t.lemma_) is not None]
    verb = (cues or window or [None])[0]
    if verb is None:
        return None
    first, stop = frame[0].i, frame[-1].i + 1
    subject = subject_of(verb)
    if subject is not None and not first <= subject.i < stop:
        subject = None
    subject = subject or inverted_subject(verb, stop) or preceding_subject(verb, first)
    return (verb, subject) if subject is not None else None


def _root_verb(frame: list[Token]) -> Token | None:
    """The verb of the frame's own clause: the one whose head lies outside the frame."""
    inside = {t.i for t in frame}
    verbs = [t for t in frame if t.pos_ in ("VERB", "AUX") and (t.head.i not in inside or t.head is t)]
    verbs = verbs or [t for t in frame if t.pos_ == "VERB"]
    return verbs[-1] if verbs else None


def _from_leading(q: _Quotation, strong: bool) -> tuple[Token, Token] | None:
    """He said: “…” / Bush: “…” / Clinton told the crowd, “…” / he says “…”."""
    frame = [t for t in q.leading if not t.is_space]
    if not frame:
        return None
    last = frame[-1]
    verb: Token | None = None
    if last.text == ":":
        verb = _root_verb(frame[:-1])
        if verb is None:
            names = [t for t in frame[:-1] if t.pos_ in ("PROPN", "NOUN", "PRON")]
            return (last, names[-1]) if names and len(frame) <= 6 else None
    elif last.text in (",", "—", "–", "-"):
        speech = [t for t in frame if t.pos_ in ("VERB", "AUX") and cue_of(t.lemma_, speech_only=True)]
        if speech:
            verb = speech[-1]
        elif not strong:
            near = [t for t in frame[-4:] if t.pos_ == "VERB"]
            verb = near[-1] if near else None
    elif last.pos_ in ("VERB", "AUX") and cue_of(last.lemma_, speech_only=True):
        verb = last
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is None or (verb.lemma_ == "ask" and subject.dep_ == "nsubjpass"):
        return None
    return verb, subject


def _record(q: _Quotation, cue: Token, subject: Token, confidence: float) -> Found:
    info = cue_of(cue.lemma_) if cue.text != ":" else cue_of("say")
    return Found(list(q.content), cue, info, subject, "direct", confidence, [q.number])


def find_direct(doc: Doc, quotes: list[tuple[Span, ...]],
                paragraphs: tuple[Span, ...]) -> list[Found]:
    """Quotations with their cue and source; split and continued quotations joined."""
    text = doc.text
    found: list[Found] = []
    previous: tuple[Found, _Quotation] | None = None
    for q in _quotations(doc, quotes, paragraphs):
        words = _words(text, q.content)
        attached = _from_leading(q, strong=True) or _from_trailing(q, text) \
            or _from_leading(q, strong=False)
        if previous is not None:
            record, before = previous
            same_cue = attached is not None and record.cue is not None and attached[0].i == record.cue.i
            continues = attached is None and not q.leading and (
                q.paragraph == before.last_paragraph
                or (q.paragraph == before.last_paragraph + 1 and _starts_paragraph(q, paragraphs, text)))
            if same_cue or continues:
                record.content.extend(q.content)
                record.quotes.append(q.number)
                previous = (record, q)
                continue
        if attached is None or (words < _MIN_WORDS and not _tight(q, attached, text)):
            if q.paragraph != (previous[1].last_paragraph if previous else -1):
                previous = None
            continue
        cue, subject = attached
        record = _record(q, cue, subject, 0.95 if cue_of(cue.lemma_) else 0.8)
        found.append(record)
        previous = (record, q)
    return found


def _starts_paragraph(q: _Quotation, paragraphs: tuple[Span, ...], text: str) -> bool:
    start = paragraphs[q.paragraph][0] if q.paragraph >= 0 else 0
    return text[start:q.fragments[0][0]].strip() == ""


def _tight(q: _Quotation, attached: tuple[Token, Token], text: str) -> bool:
    """A short quotation counts when a speech cue frames it directly: “No,” he said."""
    cue = attached[0]
    if cue.text == ":":
        return True
    if cue_of(cue.lemma_, speech_only=True) is None:
        return False
    leading = [t for t in q.leading if not t.is_space]
    if leading and leading[-1].text in (":", ","):
        return True
    return bool(q.trailing) and text[q.content[-1][1] - 1] in _RUNS_ON and cue.i - q.trailing[0].i <= 3
