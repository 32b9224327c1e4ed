"""Named mentions to article-level entities, with role, organisation, country and sector.

spaCy's NER finds the mentions; a phrase matcher over the shipped lexicon adds the names it
misses ("Islamic State", "the Kremlin").  Mentions are then clustered within the article:
people by surname ("Sergey Lavrov" = "Lavrov"), known names by their canonical entry
("Russia" = "Russian"), acronyms by their definition ("Syrian Democratic Forces (SDF)").
Roles come from the article itself ("Foreign Minister Sergey Lavrov", "Lavrov, Russia's
foreign minister") and take precedence over any dictionary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..records import Entity, Mention
from . import lexicon
from .gazetteer import country_of
from .lexicon import Known

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

KEEP_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "madam"}


@dataclass(slots=True)
class _Cluster:
    """An entity while it is being built."""

    key: str
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token [start, end)
    known: Known | None = None
    role: str | None = None
    organisation: str | None = None
    country: str | None = None
    sector: str | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(slots=True)
class EntityIndex:
    """The article's entities and which tokens mention which entity."""

    doc: Doc
    entities: list[Entity]
    token_entity: dict[int, int]
    spans: list[tuple[int, int, int]]  # token start, end, entity index; in text order

    def at(self, token: Token) -> Entity | None:
        """The entity a token is part of a mention of, if any."""
        index = self.token_entity.get(token.i)
        return self.entities[index] if index is not None else None

    def mention_at(self, token: Token) -> Span | None:
        """The whole mention span a token belongs to."""
        for start, end, _ in self.spans:
            if start <= token.i < end:
                return self.doc[start:end]
        return None

    def in_span(self, start: int, end: int) -> list[tuple[Span, Entity]]:
        """Mentions wholly inside token range [start, end), in text order."""
        return [(self.doc[s:e], self.entities[ix]) for s, e, ix in self.spans
                if s >= start and e <= end]

    def by_id(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab):  # type: ignore[no-untyped-def]
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = [n for n in lexicon.builtin() if len(n) > 1]
    matcher.add("KNOWN", [_make_doc(vocab, n) for n in names])
    return matcher


def _make_doc(vocab: Vocab, text: str) -> Doc:
    import spacy

    return _blank(vocab, spacy).make_doc(text)


@lru_cache(maxsize=4)
def _blank(vocab: Vocab, spacy):  # type: ignore[no-untyped-def]
    """A tokenizer with the pipeline's own vocabulary, so patterns tokenize as texts do."""
    return spacy.blank(vocab.lang, vocab=vocab)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", titles like "Mr." and a trailing possessive from a mention."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].lower_ in _TITLES):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "'", "’")
                           or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _label_of(known: Known | None, ner_label: str | None) -> str:
    if known is not None:
        if known.kind in ("country", "capital"):
            return "GPE"
        if known.kind == "demonym":
            return "NORP"
        return "ORG" if known.kind != "person" else "PERSON"
    return ner_label or "ORG"


def _candidate_mentions(doc: Doc, user: dict[str, Known] | None) -> list[tuple[int, int, str]]:
    """Token ranges and labels of every name worth resolving, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ in KEEP_LABELS:
            start, end = _trim(doc, ent.start, ent.end)
            label = ent.label_
            if label == "GPE" and start > 0 and _given_name(doc[start - 1], start, end) \
                    and lexicon.lookup(doc[start:end].text, user) is None:
                start, label = start - 1, "PERSON"  # "Kenzo Oshima": a name, not a place
            if start < end:
                found.append((start, end, label))
    taken = {i for s, e, _ in found for i in range(s, e)}
    for _, start, end in _matcher(doc.vocab)(doc):
        if taken.isdisjoint(range(start, end)):
            known = lexicon.lookup(doc[start:end].text, user)
            found.append((start, end, _label_of(known, None)))
            taken.update(range(start, end))
        else:
            # A lexicon name longer than the NER span ("Islamic State" vs "Islamic") wins.
            overlapping = [m for m in found if m[0] < end and start < m[1]]
            if all(m[0] >= start and m[1] <= end and (m[1] - m[0]) < (end - start)
                   for m in overlapping):
                for m in overlapping:
                    found.remove(m)
                known = lexicon.lookup(doc[start:end].text, user)
                found.append((start, end, _label_of(known, None)))
                taken.update(range(start, end))
    return sorted(found)


def _given_name(tok: Token, start: int, end: int) -> bool:
    """A capitalised word outside any entity, compound to the name that follows it."""
    return (tok.pos_ == "PROPN" and tok.dep_ == "compound" and start <= tok.head.i < end
            and not tok.ent_type_ and tok.text[:1].isupper()
            and lexicon.lookup(tok.text) is None and tok.lower_ not in _TITLES)


def _acronyms(doc: Doc, mentions: list[tuple[int, int, str]]) -> dict[str, str]:
    """"Syrian Democratic Forces (SDF)": acronym -> the name it abbreviates."""
    table: dict[str, str] = {}
    for start, end, _ in mentions:
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            acro = doc[end + 1].text
            if acro.isupper() and 2 <= len(acro) <= 8:
                table[acro] = doc[start:end].text
    return table


def resolve_entities(doc: Doc, *, user: dict[str, Known] | None = None,
                     date: str | None = None) -> EntityIndex:
    """Cluster the article's name mentions into entities and describe each one."""
    mentions = _candidate_mentions(doc, user)
    acronyms = _acronyms(doc, mentions)
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    assignment: list[tuple[int, int, _Cluster]] = []

    for start, end, label in mentions:
        text = doc[start:end].text
        text = acronyms.get(text, text)
        known = lexicon.lookup(text, user, date)
        if label == "PERSON" and known is None:
            cluster = _person_cluster(text, clusters)
        else:
            key = f"K:{known.name}" if known else f"{label}:{text}"
            found = by_key.get(key)
            if found is None:
                name = known.name if known else text
                found = _Cluster(key=key, name=name, type=_label_of(known, label), known=known)
                if known:
                    found.country, found.sector = known.country, known.sector
            cluster = found
        if cluster not in clusters:
            clusters.append(cluster)
            by_key[cluster.key] = cluster
        if label == "PERSON" and known is None and len(text.split()) > len(cluster.name.split()):
            cluster.name = text  # the fullest form names the person
        cluster.mentions.append((start, end))
        assignment.append((start, end, cluster))

    for cluster in clusters:
        if cluster.type == "PERSON":
            _describe_person(doc, cluster, assignment, user, date)
        elif cluster.known is None and cluster.type == "GPE":
            cluster.country = _place_country(cluster.name) or _inner_country(cluster.name, user, date)
        elif cluster.known is None and len(cluster.name.split()) == 1 and _place_country(cluster.name):
            cluster.type, cluster.country = "GPE", _place_country(cluster.name)  # "Aleppo" as NORP
        elif cluster.known is None and cluster.type == "LOC":
            if cluster.name.split()[-1].lower() not in _WATERS:  # "southern Lebanon", not seas
                cluster.country = _inner_country(cluster.name, user, date)
        elif cluster.known is None:
            _describe_organisation(cluster, user, date)

    entities: list[Entity] = []
    index_of: dict[int, int] = {}
    for i, cluster in enumerate(clusters):
        index_of[id(cluster)] = i
        entities.append(Entity(
            id=f"E{i + 1}", name=cluster.name, type=cluster.type,
            mentions=tuple(Mention(doc[s:e].text, (doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
                           for s, e in cluster.mentions),
            country=cluster.country, sector=cluster.sector, role=cluster.role,
            organisation=cluster.organisation))
    token_entity: dict[int, int] = {}
    spans: list[tuple[int, int, int]] = []
    for start, end, cluster in assignment:
        ix = index_of[id(cluster)]
        spans.append((start, end, ix))
        for t in range(start, end):
            token_entity[t] = ix
    return EntityIndex(doc=doc, entities=entities, token_entity=token_entity, spans=spans)


_NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "bin-", "ibn-")


def _name_words(name: str) -> list[str]:
    """Name words without Arabic article prefixes, so "Assad" matches "Bashar al-Assad"."""
    words = []
    for word in name.split():
        lowered = word.lower()
        for particle in _NAME_PARTICLES:
            if lowered.startswith(particle) and len(word) > len(particle) + 1:
                word = word[len(particle):]
                break
        words.append(word)
    return words


def _person_cluster(text: str, clusters: list[_Cluster]) -> _Cluster:
    """The person this name continues ("Lavrov" after "Sergey Lavrov"), or a new one."""
    words = _name_words(text)
    for cluster in reversed(clusters):
        if cluster.type != "PERSON":
            continue
        names = _name_words(cluster.name)
        if words[-1] == names[-1] or (len(words) == 1 and words[0] in names):
            return cluster
        if len(names) == 1 and names[0] == words[-1]:
            return cluster
    return _Cluster(key=f"PERSON:{text}", name=text, type="PERSON")


def _role_prefix(doc: Doc, start: int) -> list[Token]:
    """Title words in front of a name: "NATO Secretary General", "Russian President"."""
    prefix: list[Token] = []
    i = start - 1
    while i >= 0:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-", "'s", "’s"):
            break
        if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.tag_ == "POS" or tok.lower_ in ("of", "-"):
            prefix.insert(0, tok)
            i -= 1
            continue
        break
    while prefix and prefix[0].lower_ in ("of", "-"):
        prefix.pop(0)
    return prefix


def _appositive(doc: Doc, start: int, end: int) -> list[Token]:
    """"Sergey Lavrov, Russia's foreign minister,": the words of the apposition."""
    head = doc[end - 1]
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end:
            return [t for t in child.subtree if not t.is_punct or t.text in ("'s", "’s")]
    return []


def _describe_person(doc: Doc, cluster: _Cluster, assignment: list[tuple[int, int, _Cluster]],
                     user: dict[str, Known] | None, date: str | None) -> None:
    """Role, organisation, country and sector of a person, from the article's own words."""
    roles = lexicon.roles()
    mention_of = {t: c for s, e, c in assignment for t in range(s, e)}
    for start, end in cluster.mentions:
        words = _role_prefix(doc, start) or _appositive(doc, start, end)
        if not words:
            continue
        role_words: list[str] = []
        for tok in words:
            other = mention_of.get(tok.i)
            if other is not None and other is not cluster:
                if other.type in ("GPE", "NORP") and cluster.country is None:
                    cluster.country = other.country
                elif other.type == "ORG" and cluster.organisation is None:
                    cluster.organisation = other.name
                    cluster.country = cluster.country or other.country
            elif tok.tag_ != "POS" and tok.lower_ not in ("'s", "’s"):
                role_words.append(tok.text)
        role = " ".join(role_words).strip()
        if role and any(w.lower() in roles or w.lower().rstrip("s") in roles
                        for w in role.replace("-", " ").split()) and cluster.role is None:
            cluster.role = role
    if cluster.role:
        lowered = cluster.role.lower()
        sector = roles.get(lowered)
        if sector is None:
            for word in reversed(lowered.replace("-", " ").split()):
                sector = roles.get(word) or roles.get(word.rstrip("s"))
                if sector:
                    break
        if lowered.split()[0] in ("former", "ex-", "ousted", "exiled", "deposed", "late"):
            sector = "ELI"  # PLOVER: former officials are elites, not the government
        org_known = lexicon.lookup(cluster.organisation, user, date) if cluster.organisation else None
        if org_known is not None and org_known.kind in ("igo", "ngo", "armed"):
            sector = org_known.sector
        cluster.sector = sector
    known = lexicon.lookup(cluster.name, user, date)
    if known is not None:
        cluster.country = cluster.country or known.country
        cluster.sector = cluster.sector or known.sector
    if cluster.country is None:
        cluster.country = _of_country(doc, cluster, mention_of)
    if cluster.country is None and cluster.sector in ("GOV", "MIL", "LEG", "COP", "JUD"):
        cluster.country = _nearby_country(doc, cluster, mention_of)


def _of_country(doc: Doc, cluster: _Cluster, mention_of: dict[int, _Cluster]) -> str | None:
    """ "King Hassan of Morocco", "the president of Armenia": the country after "of"."""
    for _start, end in cluster.mentions:
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            other = mention_of.get(end + 1)
            if other is not None and other.type == "GPE" and other.country:
                return other.country
    return None


def _nearby_country(doc: Doc, cluster: _Cluster, mention_of: dict[int, _Cluster]) -> str | None:
    """An official whose country the article never states, speaking about a country:
    "Foreign Minister Sergey Lavrov says Russia ..." (the country his reported words name
    first).  Only the speaker of a verb of saying is placed this way; an official acting
    on a country ("President X imposed sanctions on Y") may be acting abroad."""
    from ..quotes.cues import cue_of

    start, end = cluster.mentions[0]
    head = doc[end - 1]
    if head.dep_ != "nsubj" or cue_of(head.head.lemma_) is None:
        return None
    for clause in head.head.children:
        if clause.dep_ not in ("ccomp", "xcomp"):
            continue
        for tok in clause.subtree:
            other = mention_of.get(tok.i)
            if other is not None and other.type in ("GPE", "NORP") and other.country \
                    and other.known is not None and other.known.kind in ("country", "demonym"):
                return other.country
    return None


_WATERS = {"sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "river", "lake",
           "mountains", "desert", "peninsula", "basin", "coast", "shoal", "islands"}


def _inner_country(name: str, user: dict[str, Known] | None, date: str | None) -> str | None:
    """The country a longer name contains: "Serbian Workers' Union", "Bank of Tehran"."""
    words = name.replace("'s", "").split()
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            known = lexicon.lookup(" ".join(words[start:start + size]), user, date)
            if known is not None and known.country:
                return known.country
    return None


def _describe_organisation(cluster: _Cluster, user: dict[str, Known] | None,
                           date: str | None) -> None:
    """An organisation no list knows: its country from the names inside its own name, its
    sector from its head word ("Latvian Constitutional Court" -> LVA, JUD)."""
    cluster.country = _inner_country(cluster.name, user, date)
    words = [w.lower().strip("'") for w in cluster.name.split()]
    head = words[:words.index("of")] if "of" in words[1:] else words
    for word in reversed(head[-2:]):
        sector = lexicon.sectors().get(word) or lexicon.roles().get(word)
        if sector:
            cluster.sector = sector
            break


def _place_country(name: str) -> str | None:
    """Country of a city or region the lexicon does not know (largest place of that name)."""
    return country_of(name)
