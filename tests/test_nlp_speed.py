"""dateline's faster spaCy pass must annotate exactly like the pipeline as shipped."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES, SEED

# The attribute ruler reads dependency labels and neighbours ("there is", "gon na",
# "ai n't"); the lemmatizer sees proper nouns, plurals, comparatives and unknown words.
TRICKY = ("There's no way they're gonna win, ain't it? Let's see: the Smiths' ponies were "
          "running faster than the fastest horses, and it isn't what I'd have done.\n"
          "Zorblaxian officials had been negotiating with the ministries' deputies.")


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def stock():
    import spacy

    from dateline.settings import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def _texts() -> list[str]:
    from dateline.extract import extract_article
    from dateline.records import RawDoc

    pages = sorted((SAMPLES / "html").glob("*.html"))[:3]
    texts = [extract_article(RawDoc(str(p), p.read_bytes(), "html", url=None)).text for p in pages]
    return [TRICKY, SEED.read_text(encoding="utf-8"), *texts]


def test_tuned_pipeline_replaces_the_rule_components(nlp):
    from dateline.nlp_speed import LEMMAS, RULES

    assert RULES in nlp.pipe_names and LEMMAS in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


def test_every_annotation_matches_the_stock_pipeline(nlp, stock):
    from dateline.nlp import PARAGRAPHS

    texts = _texts()
    with nlp.select_pipes(disable=[PARAGRAPHS]):  # the one component that changes sentences
        tuned = [_annotations(d) for d in nlp.pipe(texts)]
    shipped = [_annotations(d) for d in stock.pipe(texts)]
    assert sum(len(d) for d in tuned) > 2000
    for ours, theirs in zip(tuned, shipped, strict=True):
        assert ours == theirs


def test_unsupported_patterns_keep_spacys_ruler():
    import spacy

    from dateline import nlp_speed

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york", "OP": "?"}]], {"POS": "PROPN"})
    assert nlp_speed.install(nlp) == []
    assert nlp.pipe_names == ["attribute_ruler"]


def test_compiled_rules_follow_spacys_order_and_neighbours():
    import spacy

    from dateline import nlp_speed

    def build():
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": {"REGEX": "^b"}}]], {"POS": "NOUN"})
        ruler.add([[{"LOWER": "big"}]], {"POS": "ADJ"})  # later rule wins for "big"
        ruler.add([[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"}, index=0)
        ruler.add([[{"LOWER": {"NOT_IN": ["ai", "big"]}}]], {"MORPH": "Foo=Bar"})
        return nlp

    text = "big bags ai n't bad but ai not ok"
    stock, tuned = build(), build()
    assert nlp_speed.install(tuned) == [nlp_speed.RULES]
    for _ in range(2):  # the second pass answers from the cache
        ours, theirs = tuned(text), stock(text)
        assert [(t.pos_, t.lemma_, str(t.morph)) for t in ours] == \
               [(t.pos_, t.lemma_, str(t.morph)) for t in theirs]
