"""Who said what: direct, indirect and mixed attributions from the dependency parse.

Written by hand because it is dateline's own value: the open tools either handle only
quotation marks (textacy) or need a model nobody ships.  The rules follow the reporting
structure of news English: a cue verb, its subject (the source) and its complement clause
or the quotation next to it (the content).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..entities import EntityIndex, resolve_reference
from ..entities.coref import noun_phrase
from ..records import Quote, Span
from .cues import Cue, cue_of
from .marks import inner, quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CONTENT_DEPS = ("ccomp", "parataxis")
_OBJECT_STANCES = ("deny", "accuse", "warn", "urge", "ask", "promise", "claim", "agree")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_MIN_DIRECT_WORDS = 4


@dataclass(slots=True)
class _Found:
    """An attribution before it becomes a `Quote`."""

    content: list[Span]
    cue: Token | None
    cue_info: Cue | None
    subject: Token | None
    kind: str
    confidence: float = 1.0
    quotes: list[int] = field(default_factory=list)  # indices of direct quotes it covers


def _subject_of(verb: Token) -> Token | None:
    """The source of a cue verb, following participles up to the verb they hang from."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        for child in current.children:
            if child.dep_ == "agent":  # "was denied by the Kremlin"
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head  # "media reports claiming that ...": the reports claim
        if current.dep_ in ("advcl", "xcomp", "conj") and current.head is not current:
            current = current.head
            continue
        break
    return None


def _content_heads(verb: Token, cue: Cue) -> list[Token]:
    """Heads of the reported content: complement clauses and their coordinated twins."""
    heads = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if not heads and cue.stance in _OBJECT_STANCES:
        heads = [c for c in verb.children if c.dep_ in ("xcomp", "dobj")]
        if cue.stance in ("warn", "urge", "ask") and any(c.dep_ == "xcomp" for c in heads):
            heads = [c for c in heads if c.dep_ == "xcomp"]
    heads += [conj for head in list(heads) for conj in head.conjuncts if conj.i > head.i]
    right = [h for h in heads if h.i > verb.i]
    if right:
        # A mis-attached clause between the cue and its complement belongs to the content
        # ("says not involving X ... was a mistake").
        first = min(h.i for h in right)
        heads += [c for c in verb.children
                  if verb.i < c.i < first and c.dep_ in ("xcomp", "csubj", "advcl") and c not in heads]
    return heads


def _span_of(tokens: list[Token], within: Span | None = None) -> Span | None:
    """Character hull of the words among `tokens` (inside `within`, the cue's paragraph)."""
    words = [t for t in tokens if not t.is_punct
             and (within is None or within[0] <= t.idx < within[1])]
    if not words:
        return None
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return start, end


def _paragraph_of(paragraphs: tuple[Span, ...], offset: int) -> Span | None:
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
    excluded = {t.i for t in tok.subtree}
    content = [t for t in clause.subtree if t.i not in excluded]
    return source, content


def _indirect(doc: Doc, paragraphs: tuple[Span, ...], quoted: list[Span]) -> list[_Found]:
    """Cue verbs with a subject and a complement; "according to X".

    Cues inside a quotation are the speaker's own words ("I think ..."), not attributions.
    """
    found: list[_Found] = []
    for tok in doc:
        if any(a < tok.idx < b for a, b in quoted):
            continue
        according = _according_to(tok)
        if according is not None:
            source, content = according
            span = _span_of(content, _paragraph_of(paragraphs, tok.idx))
            if span:
                found.append(_Found([span], tok, cue_of("say"), source, "indirect", 0.9))
            continue
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            continue
        cue = cue_of(tok.lemma_)
        if cue is None:
            continue
        heads = _content_heads(tok, cue)
        if not heads:
            continue
        subject = _subject_of(tok)
        if subject is None:
            continue
        tokens = [t for head in heads for t in head.subtree]
        span = _span_of(tokens, _paragraph_of(paragraphs, tok.idx))
        if span is None or span[1] - span[0] < 8:
            continue
        found.append(_Found([span], tok, cue, subject, "indirect", 0.8))
    return found


def _cue_near(doc: Doc, quote: Span, others: list[Span]) -> Token | None:
    """A speech cue verb in the quote's sentences but outside every quotation."""
    start_tok = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    if start_tok is None:
        return None
    sents = list({id(s): s for s in (start_tok[0].sent, start_tok[-1].sent)}.values())
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if any(a <= tok.idx < b for a, b in others):
                continue
            cue = cue_of(tok.lemma_, speech_only=True)
            if cue is None or tok.pos_ not in ("VERB", "AUX"):
                continue
            distance = min(abs(tok.idx - quote[0]), abs(tok.idx - quote[1]))
            if best is None or distance < best[0]:
                best = (distance, tok)
    return best[1] if best else None


def _direct(doc: Doc, paragraphs: tuple[Span, ...]) -> tuple[list[_Found], list[tuple[Span, ...]]]:
    """Quotations with their cue and source, split quotes joined into one record."""
    text = doc.text
    quotes = quote_spans(text, paragraphs)
    flat = [q for fragments in quotes for q in fragments]
    found: list[_Found] = []
    previous: _Found | None = None
    for number, fragments in enumerate(quotes):
        words = sum(len(text[a:b].split()) for a, b in fragments)
        if words < _MIN_DIRECT_WORDS:
            continue
        content = [inner(f, text) for f in fragments]
        cue = _cue_near(doc, (fragments[0][0], fragments[-1][1]), flat)
        subject = _subject_of(cue) if cue is not None else None
        if previous is not None and previous.cue is not None and _is_split(
                text, previous, fragments[0], cue):
            previous.content.extend(content)
            previous.quotes.append(number)
            continue
        if cue is None or subject is None:
            # No cue of its own: the same speaker as a quote just before it goes on talking.
            if previous is not None and _close(text, previous.content[-1][1], fragments[0][0]):
                record = _Found(content, previous.cue, previous.cue_info, previous.subject,
                                "direct", 0.6, [number])
                found.append(record)
                previous = record
            continue
        record = _Found(content, cue, cue_of(cue.lemma_), subject, "direct", 0.95, [number])
        found.append(record)
        previous = record
    return found, quotes


def _is_split(text: str, previous: _Found, fragment: Span, cue: Token | None) -> bool:
    """`"A," he said, "B."`: the text between two quotations is only the cue clause."""
    gap = text[previous.content[-1][1]:fragment[0]]
    if "\n" in gap or len(gap.split()) > 8 or previous.cue is None:
        return False
    cue_inside = previous.cue.idx >= previous.content[-1][1] and previous.cue.idx < fragment[0]
    return cue_inside and (cue is None or cue.i == previous.cue.i)


def _close(text: str, end: int, start: int) -> bool:
    """Two quotations in the same or the next paragraph, nothing but a break between."""
    return 0 <= start - end < 400 and text[end:start].count("\n\n") <= 1


def find_quotes(doc: Doc, index: EntityIndex, paragraphs: tuple[Span, ...]) -> list[Quote]:
    """Every attribution in the article, with its speaker resolved where possible."""
    text = doc.text
    direct, quotes = _direct(doc, paragraphs)
    quoted = [f for fragments in quotes for f in fragments]
    indirect = _indirect(doc, paragraphs, quoted)
    records: list[_Found] = list(direct)
    for item in indirect:
        start, end = item.content[0]
        touched = [n for n, frags in enumerate(quotes)
                   if any(a < end and start < b for a, b in frags)]
        same_cue = [r for r in direct if r.cue is not None and item.cue is not None
                    and r.cue.i == item.cue.i]
        if same_cue and not all(set(r.quotes) <= set(touched) for r in same_cue):
            continue  # the cue introduces a direct quotation, already recorded
        if touched:
            # A quotation inside reported speech: one mixed record covering the whole quote.
            first = min(a for n in touched for a, _ in quotes[n])
            last = max(b for n in touched for _, b in quotes[n])
            item.content = [(min(start, first), max(end, last))]
            outside = text[item.content[0][0]:first] + text[last:item.content[0][1]]
            item.kind = "mixed" if any(c.isalnum() for c in outside) else "direct"
            if item.kind == "direct":
                item.content = [inner(f, text) for n in touched for f in quotes[n]]
            item.quotes = touched
            records = [r for r in records if not set(r.quotes) & set(touched)]
        records.append(item)
    records.sort(key=lambda r: r.content[0][0])
    return [_to_quote(doc, index, r) for r in _dedupe(records, text)]


def _dedupe(records: list[_Found], text: str) -> list[_Found]:
    """Drop attributions whose content lies inside another's with the same cue."""
    kept: list[_Found] = []
    for record in records:
        s, e = record.content[0][0], record.content[-1][1]
        inside = any(k is not record and k.content[0][0] <= s and e <= k.content[-1][1]
                     and (k.cue is record.cue or k.subject is record.subject)
                     for k in kept)
        if not inside:
            kept.append(record)
    return kept


def _speaker_mention(index: EntityIndex, subject: Token) -> tuple[str, Span]:
    mention = index.mention_at(subject)
    if mention is None:
        mention = subject.doc[subject.i:subject.i + 1] if subject.pos_ == "PRON" \
            else noun_phrase(subject)
    return mention.text, (mention.start_char, mention.end_char)


def _to_quote(doc: Doc, index: EntityIndex, found: _Found) -> Quote:
    text = doc.text
    spans = [s for s in found.content if s[1] > s[0]]
    hull = (spans[0][0], spans[-1][1])
    speaker = mention = None
    speaker_span = None
    entity_id = None
    confidence = found.confidence
    if found.subject is not None:
        mention, speaker_span = _speaker_mention(index, found.subject)
        entity, sure = resolve_reference(index, found.subject)
        if entity is not None:
            speaker, entity_id = entity.name, entity.id
            confidence = round(confidence * sure, 2)
        else:
            speaker = mention
            confidence = round(confidence * 0.5, 2)
    cue = found.cue
    sentence = cue.sent if cue is not None else doc.char_span(*hull, alignment_mode="expand")
    return Quote(
        content=" … ".join(text[a:b] for a, b in spans) if len(spans) > 1 else text[hull[0]:hull[1]],
        content_span=hull,
        content_spans=tuple(spans),
        kind=found.kind,
        cue=cue.text if cue is not None else None,
        cue_span=(cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
        speaker=speaker,
        speaker_mention=mention,
        speaker_span=speaker_span,
        speaker_entity=entity_id,
        stance=found.cue_info.stance if found.cue_info else "say",
        confidence=confidence,
        sentence_span=(sentence.start_char, sentence.end_char) if sentence is not None else None,
    )
