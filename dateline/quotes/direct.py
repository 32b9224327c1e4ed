"""Direct quotations: each quotation with the cue and source written around it.

The frame of a quotation is the unquoted text of its sentence: after it ("…,” he said at
the rally.), or before it (He said: “…” / Clinton told the crowd, “…”).  A quotation
without a frame of its own continues the one before it: the second half of a quotation
split around its cue, or a paragraph that goes on quoting the same speaker.  Quotations
of a few words with no reporting frame are scare quotes or titles, not attributions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import text_of
from ..records import Span
from .cues import cue_of
from .found import Found
from .marks import inner
from .speaker import inverted_subject, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SENTENCE_END = {".", "!", "?", ";"}
_DASHES = {"―", "—", "–", "-", "--"}
_RUNS_ON = set(",?!-—–…:")  # a quotation ending with one of these runs on into its frame
_MIN_WORDS = 4
_DESCRIPTIVE = ("relcl", "acl", "amod")
# Reporting verbs the tagger often takes for nouns after a quotation ("…,” the Saudis state).
_CUE_FORMS = {"says", "states", "writes", "adds", "asks", "tells", "said", "stated", "wrote",
              "added", "asked", "told", "noted", "explained", "replied", "read", "reads",
              "tweeted", "posted"}
_NOT_SOURCES = {"it", "there", "this", "that", "what"}
_RELATIVE = {"which", "who", "whom", "whose", "where", "when"}
_NEAR = 25  # how far into a trailing frame the cue may stand, in tokens


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


def _first_token_at(starts: Sequence[int], offset: int) -> int:
    """Index of the first token starting at or after character `offset`."""
    return bisect_left(starts, offset)


def _trailing(doc: Doc, starts: Sequence[int], end: int, limit: int) -> list[Token]:
    """Tokens after a quotation up to the end of its sentence (or `limit`)."""
    tokens = []
    for tok in doc[_first_token_at(starts, end):]:
        if tok.idx >= limit or "\n" in tok.text or tok.text in _SENTENCE_END:
            break
        if tok.text.strip():
            tokens.append(tok)
        if "\n" in tok.whitespace_:
            break
    return tokens


def _leading(doc: Doc, starts: Sequence[int], start: int, limit: int) -> list[Token]:
    """Tokens before a quotation back to the start of its sentence (or `limit`)."""
    tokens: list[Token] = []
    i = _first_token_at(starts, start) - 1
    while i >= 0:
        tok = doc[i]
        if tok.idx < limit or tok.text in _SENTENCE_END or "\n" in tok.text or "\n" in tok.whitespace_:
            break
        if tok.text.strip():
            tokens.insert(0, tok)
        i -= 1
    return tokens


def _quotations(doc: Doc, quotes: list[tuple[Span, ...]],
                paragraphs: tuple[Span, ...]) -> list[_Quotation]:
    text = text_of(doc)
    token_starts = doc.to_array("IDX").tolist()
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
        leading = _leading(doc, token_starts, first[0], prev_end)
        if not leading and p_first > 0 and text[para_start:first[0]].strip() == "":
            # He said: ¶ “…”: a paragraph that introduces the quotation below it
            before = paragraphs[p_first - 1]
            if text[before[0]:before[1]].rstrip().endswith(":") and \
                    not any(before[0] <= e <= before[1] for e in ends):
                leading = _leading(doc, token_starts, before[1], before[0])
        trailing = _trailing(doc, token_starts, last[1], next_start)
        if not trailing and p_last + 1 < len(paragraphs) and text[last[1]:para_end].strip() == "":
            # “…” ¶ ― Name: a signature line under a quotation
            after = paragraphs[p_last + 1]
            if text[after[0]] in _DASHES and len(text[after[0]:after[1]].split()) <= 8:
                trailing = _trailing(doc, token_starts, after[0], after[1])
        out.append(_Quotation(number, fragments, content, p_first, p_last, leading, trailing))
    return out


def _words(text: str, spans: list[Span]) -> int:
    return sum(len(text[a:b].split()) for a, b in spans)


def _frame_verbs(frame: list[Token]) -> list[Token]:
    """Verbs of the frame's own clause, in order (relative clauses describe, not report)."""
    out = []
    for tok in frame[:_NEAR]:
        if tok.dep_ in _DESCRIPTIVE:
            continue
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and cue_of(tok.lemma_)) or tok.lower_ in _CUE_FORMS:
            out.append(tok)
    return out


def _initial_nominal(tokens: list[Token]) -> Token | None:
    """The head of the noun phrase a frame opens with ("the Saudis", "Ramos, 58,")."""
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.lower_ not in _NOT_SOURCES:
            head = tok
            inside = {t.i for t in tokens}
            while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head.i in inside \
                    and head.head.i > head.i:
                head = head.head
            return head
        if tok.pos_ not in ("DET", "ADJ", "NUM", "ADV", "PUNCT"):
            return None
    return None


def _from_trailing(q: _Quotation, text: str) -> tuple[Token, Token] | None:
    """“…,” he said / “…,” said Holan / “…” the 43-year-old asked: cue and source after."""
    frame = q.trailing
    if not frame or frame[0].pos_ in ("CCONJ", "SCONJ") or frame[0].lower_ in _RELATIVE:
        return None
    if not _runs_on(q, text) and not frame[0].is_lower:
        return None  # “…” yet in the glass ceiling, she said: the quotation is inside a sentence
    stop = frame[-1].i + 1
    for verb in _frame_verbs(frame):
        lead = [t for t in frame if t.i < verb.i and t.pos_ not in ("ADV", "PUNCT")]
        if not lead:
            if cue_of(verb.lemma_, speech_only=True) is None and (
                    verb.i != frame[0].i or verb.tag_ not in ("VBD", "VBZ")):
                return None
            subject = inverted_subject(verb, stop)
        else:
            subject = _initial_nominal([t for t in frame if t.i < verb.i])
            parsed = subject_of(verb)
            if subject is None and parsed is not None and frame[0].i <= parsed.i < verb.i:
                subject = parsed
        if subject is not None:
            return verb, subject
    return None


def _from_dash(q: _Quotation) -> tuple[Token, Token] | None:
    """“…” ― Sonya Herridge: a quotation signed with a dash and a name."""
    frame = q.trailing
    if len(frame) < 2 or frame[0].text not in _DASHES:
        return None
    names = [t for t in frame[1:6] if t.pos_ == "PROPN"]
    if not names or frame[1].pos_ not in ("PROPN", "DET", "ADJ", "NOUN"):
        return None
    return frame[0], names[-1] if names[-1].i == names[0].i + len(names) - 1 else names[0]


def _eligible(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.dep_ not in _DESCRIPTIVE


def _from_leading(q: _Quotation, strong: bool) -> tuple[Token, Token] | None:
    """He said: “…” / Bush: “…” / Clinton told the crowd, “…” / he says “…”."""
    frame = [t for t in q.leading if not t.is_space]
    if not frame:
        return None
    last = frame[-1]
    verb: Token | None = None
    if last.text != ":" and q.trailing and _inside_sentence(q, text_of(q.trailing[0].doc)):
        return None  # the lawyers said, “…” that Cruz complies: a quotation inside a sentence
    if last.text == ":":
        body = frame[:-1]
        if body and body[-1].pos_ == "PROPN" and body[-1].dep_ not in ("dobj", "pobj", "dative"):
            return last, body[-1]  # a transcript or a headline: "Bush: “…”"
        verbs = [t for t in body if _eligible(t)]
        if verbs:
            verb = verbs[-1]
        else:
            names = [t for t in body if t.pos_ in ("PROPN", "NOUN", "PRON")]
            return (last, names[-1]) if names and len(body) <= 6 else None
    elif last.text in (",", "—", "–", "-"):
        speech = [t for t in frame if t.pos_ in ("VERB", "AUX") and t.dep_ not in _DESCRIPTIVE
                  and cue_of(t.lemma_, speech_only=True) and _introduces(t, frame)]
        if speech:
            verb = speech[-1]
        elif not strong and not q.trailing:
            near = [t for t in frame[-4:] if _eligible(t)]
            verb = near[-1] if near else None
    elif (last.pos_ == "VERB" and not strong and not q.trailing) or (
            last.pos_ in ("VERB", "AUX") and cue_of(last.lemma_, speech_only=True)):
        verb = last
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is None or (verb.lemma_ == "ask" and subject.dep_ == "nsubjpass"):
        return None
    return verb, subject


def _introduces(verb: Token, frame: list[Token]) -> bool:
    """"told the crowd, “…”" introduces the quotation; "added that if …, “…”" does not:
    a clause of its own stands between the cue and the quotation."""
    between = [t for t in frame if t.i > verb.i]
    return not any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.lower_ == "that" for t in between)


def _record(q: _Quotation, cue: Token, subject: Token, confidence: float) -> Found:
    info = cue_of("say") if cue.is_punct else cue_of(cue.lemma_)
    return Found(list(q.content), cue, info, subject, "direct", confidence, [q.number])


def find_direct(doc: Doc, quotes: list[tuple[Span, ...]],
                paragraphs: tuple[Span, ...]) -> list[Found]:
    """Quotations with their cue and source; split and continued quotations joined."""
    text = text_of(doc)
    found: list[Found] = []
    previous: tuple[Found, _Quotation] | None = None
    for q in _quotations(doc, quotes, paragraphs):
        words = _words(text, q.content)
        attached: tuple[Token, Token] | None
        trailing = _from_trailing(q, text)
        if trailing is not None and cue_of(trailing[0].lemma_, speech_only=True) is None:
            attached = _from_leading(q, strong=True) or trailing
        else:
            attached = trailing or _from_leading(q, strong=True)
        attached = attached or _from_dash(q) or _from_leading(q, strong=False)
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
        if attached is None or (words < _MIN_WORDS and not _tight(q, attached, text)) \
                or _title(q, text):
            if q.paragraph != (previous[1].last_paragraph if previous else -1):
                previous = None
            continue
        cue, subject = attached
        record = _record(q, cue, subject, 0.95 if cue_of(cue.lemma_) else 0.8)
        found.append(record)
        previous = (record, q)
    return found


def _title(q: _Quotation, text: str) -> bool:
    """“This Week”, “The Rachel Maddow Show”: a name or title in quotation marks."""
    words = " ".join(text[a:b] for a, b in q.content).split()
    small = {"a", "an", "the", "of", "in", "on", "and", "for", "to", "with", "at", "by"}
    return len(words) <= 6 and text[q.content[-1][1] - 1] not in ".?!" and not _runs_on(q, text) and all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in small for w in words) \
        and words[0][0].isupper()


def _starts_paragraph(q: _Quotation, paragraphs: tuple[Span, ...], text: str) -> bool:
    start = paragraphs[q.paragraph][0] if q.paragraph >= 0 else 0
    return text[start:q.fragments[0][0]].strip() == ""


def _tight(q: _Quotation, attached: tuple[Token, Token], text: str) -> bool:
    """A short quotation counts when a speech cue frames it directly: “No,” he said."""
    cue = attached[0]
    if cue.is_punct:
        return True
    if cue_of(cue.lemma_, speech_only=True) is None:
        return False
    leading = [t for t in q.leading if not t.is_space]
    if leading and leading[-1].text in (":", ","):
        return True
    return bool(q.trailing) and _runs_on(q, text) and cue.i - q.trailing[0].i <= 3


def _inside_sentence(q: _Quotation, text: str) -> bool:
    """“all command the same conclusion” that Cruz complies: the sentence goes on after
    the quotation without a frame of its own."""
    return text[q.content[-1][1] - 1] not in ".?!…" and not _runs_on(q, text)


def _runs_on(q: _Quotation, text: str) -> bool:
    """“…,” / “…?” / “…—”: the sentence goes on after the quotation, into its frame."""
    end = q.content[-1][1]
    closing = text[end:q.fragments[-1][1]].replace("”", "").replace('"', "").replace("''", "")
    return (text[end - 1] in _RUNS_ON or any(c in _RUNS_ON for c in closing)
            or text[q.fragments[-1][1]:q.fragments[-1][1] + 2].strip().startswith(","))
