"""Who said what: direct, indirect and mixed attributions, each with a resolved speaker.

Written by hand because it is dateline's own value: the open tools either handle only
quotation marks (textacy) or need a model nobody ships.  Direct quotations come from the
marks and the frame around them (`direct.py`), reported speech from the parse
(`indirect.py`); a quotation inside reported speech makes one mixed attribution.  As in
the annotation standard of attribution corpora (PARC, PolNeAR), an attribution reported
inside another's content is part of that content, not a record of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import EntityIndex, resolve_reference
from ..entities.coref import noun_phrase
from ..nlp import text_of
from ..records import Quote, Span
from .direct import find_direct
from .found import Found
from .indirect import find_indirect
from .marks import inner, quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def find_quotes(doc: Doc, index: EntityIndex, paragraphs: tuple[Span, ...]) -> list[Quote]:
    """Every attribution in the article, with its speaker resolved where possible."""
    text = text_of(doc)
    quotes = quote_spans(text, paragraphs)
    direct = find_direct(doc, quotes, paragraphs)
    quoted = [f for fragments in quotes for f in fragments]
    records = _merge(text, quotes, direct, find_indirect(doc, paragraphs, quoted))
    records = _outermost(records)
    records.sort(key=lambda r: r.start)
    out: list[Quote] = []
    for record in records:
        previous = next((q for q in reversed(out) if q.speaker_entity is not None), None)
        out.append(_to_quote(doc, text, index, record, previous))
    return out


def _merge(text: str, quotes: list[tuple[Span, ...]], direct: list[Found],
           indirect: list[Found]) -> list[Found]:
    """Direct records plus reported speech; reported speech holding a quotation is mixed."""
    records: list[Found] = list(direct)
    for item in indirect:
        touched = [n for n, frags in enumerate(quotes)
                   if any(a < e and s < b for a, b in frags for s, e in item.content)]
        start, end = item.start, item.end
        if any(_same(r.cue, item.cue) for r in direct):
            continue  # the cue introduces a direct quotation, already recorded
        if touched:
            first = min(a for n in touched for a, _ in quotes[n])
            last = max(b for n in touched for _, b in quotes[n])
            hull = (min(start, first), max(end, last))
            outside = text[hull[0]:first] + text[last:hull[1]]
            if any(c.isalnum() for c in outside):
                item.content, item.kind = [hull], "mixed"
            else:
                item.content = [inner(f, text) for n in touched for f in quotes[n]]
                item.kind = "direct"
            item.quotes = touched
            records = [r for r in records if not set(r.quotes) & set(touched)]
        records.append(item)
    return records


def _same(a: Token | None, b: Token | None) -> bool:
    """Tokens are views: the same word is the same index, never the same object."""
    return a is not None and b is not None and a.i == b.i


def _inside(record: Found, other: Found) -> bool:
    """Whether `record`'s cue lies inside `other`'s content (a nested attribution)."""
    cue = record.cue
    if cue is None or other is record:
        return False
    return any(a <= cue.idx < b for a, b in other.content)


def _outermost(records: list[Found]) -> list[Found]:
    """Drop attributions nested in another's content and duplicates of the same content."""
    kept = [r for r in records if not any(_inside(r, o) and not _inside(o, r) for o in records)]
    out: list[Found] = []
    for record in sorted(kept, key=lambda r: (r.start, -(r.end - r.start))):
        s, e = record.start, record.end
        if any(k.start <= s and e <= k.end and (_same(k.cue, record.cue) or _same(k.subject, record.subject))
               for k in out):
            continue
        out.append(record)
    return out


def _speaker_mention(index: EntityIndex, subject: Token) -> tuple[str, Span]:
    mention = index.mention_at(subject)
    if mention is None:
        mention = subject.doc[subject.i:subject.i + 1] if subject.pos_ == "PRON" \
            else noun_phrase(subject)
    return mention.text, (mention.start_char, mention.end_char)


def _to_quote(doc: Doc, text: str, index: EntityIndex, found: Found,
              previous: Quote | None) -> Quote:
    """The record, its speaker resolved; a "he" or "she" no name explains continues the
    last named speaker of the article, as news quotes one person at a time."""
    spans = [s for s in found.content if s[1] > s[0]]
    hull = (spans[0][0], spans[-1][1])
    speaker = mention = None
    speaker_span = None
    entity_id = None
    confidence = found.confidence
    if found.subject is not None:
        mention, speaker_span = _speaker_mention(index, found.subject)
        entity, sure = resolve_reference(index, found.subject)
        if entity is None and found.subject.lower_ in ("he", "she") and previous is not None:
            named = index.by_id(previous.speaker_entity or "")
            if named is not None and named.type == "PERSON":
                entity, sure = named, 0.5
        if entity is not None:
            speaker, entity_id = entity.name, entity.id
            confidence = round(confidence * sure, 2)
        else:
            speaker = mention
            confidence = round(confidence * 0.5, 2)
    cue = found.cue
    cue_span = found.cue_span or ((cue.idx, cue.idx + len(cue.text)) if cue is not None else None)
    sentence = cue.sent if cue is not None else doc.char_span(*hull, alignment_mode="expand")
    return Quote(
        content=" … ".join(text[a:b] for a, b in spans) if len(spans) > 1 else text[hull[0]:hull[1]],
        content_span=hull,
        content_spans=tuple(spans),
        kind=found.kind,
        cue=text[cue_span[0]:cue_span[1]] if cue_span else None,
        cue_span=cue_span,
        speaker=speaker,
        speaker_mention=mention,
        speaker_span=speaker_span,
        speaker_entity=entity_id,
        stance=found.cue_info.stance if found.cue_info else "say",
        confidence=confidence,
        sentence_span=(sentence.start_char, sentence.end_char) if sentence is not None else None,
    )
