"""The canonical example, end to end: the article, the quotes and the events it must give."""

from __future__ import annotations

import pytest

NOISE = ["Skip to content", "Skip to main menu", "more DW sites", "Image: Reuters/F. Lenoir",
         "Belgien Brüssel", "02:54", "This browser does not support the video element",
         "ng/kms", "Russia's role in Syria"]


def test_article_metadata(seed):
    article = seed.article
    assert article.title == "Lavrov: not boosting presence in Syria"
    assert article.date == "2015-09-10"
    assert list(article.agencies) == ["AFP", "AP", "dpa"]
    assert article.language == "en"


def test_article_text_is_clean(seed):
    text = seed.article.text
    assert text.startswith("Foreign Minister Sergey Lavrov says Russia is not boosting")
    for noise in NOISE:
        assert noise not in text, noise
    for start, end in seed.article.paragraphs:
        assert text[start:end].strip() == text[start:end] and end > start


def _quote(seed, fragment):
    matches = [q for q in seed.quotes if fragment in q.content]
    assert matches, f"no quote containing {fragment!r}"
    return matches[0]


@pytest.mark.parametrize("fragment, speaker, kind", [
    ("Russian planes are sending to Syria", "Sergey Lavrov", "direct"),
    ("We have never made our military presence", "Sergey Lavrov", "direct"),
    ("Russia is not taking any additional steps", "Sergey Lavrov", "direct"),
    ("concerned about reports about the increased Russian military presence", "Jens Stoltenberg", None),
    ("looking at various options", "Vladimir Putin", None),
    ("colossal mistake", "Sergey Lavrov", "mixed"),
    ("Russia was sticking to existing contracts", "Sergey Lavrov", None),
])
def test_quotes_and_speakers(seed, fragment, speaker, kind):
    quote = _quote(seed, fragment)
    assert quote.speaker == speaker
    if kind:
        assert quote.kind == kind
    text = seed.article.text
    start, end = quote.content_span
    assert text[start:end] == quote.content or len(quote.content_spans) > 1
    if quote.speaker_span:
        assert text[quote.speaker_span[0]:quote.speaker_span[1]] == quote.speaker_mention


def test_pronoun_speaker_keeps_its_mention(seed):
    quote = _quote(seed, "Russia is not taking any additional steps")
    assert quote.speaker_mention == "he"
    assert quote.cue == "added"


def test_stoltenberg_quote_spans_three_sentences(seed):
    quote = _quote(seed, "concerned about reports")
    assert "political solution to the conflict in Syria" in quote.content


def _events(seed, category):
    return [e for e in seed.events if e.category == category]


def _countries(actors):
    return {a.country for a in actors}


def _names(actors):
    return {a.name for a in actors} | {a.organisation for a in actors if a.organisation}


def test_russia_sends_aid_to_syria(seed):
    aid = [e for e in _events(seed, "AID") if "RUS" in _countries(e.actor)
           and "SYR" in _countries(e.recipient)]
    assert aid
    assert {"military", "humanitarian"} <= set(aid[0].context)
    assert aid[0].reported_by == "Sergey Lavrov"


def test_nato_accuses_russia(seed):
    accuse = [e for e in _events(seed, "ACCUSE") if "NATO" in _names(e.actor)
              and "RUS" in _countries(e.recipient)]
    assert accuse and accuse[0].mode == "disapprove"


def test_russia_troops_hypothetical(seed):
    mobilize = [e for e in _events(seed, "MOBILIZE") if e.hypothetical]
    assert mobilize
    assert "RUS" in _countries(mobilize[0].actor)
    assert mobilize[0].reported_by == "Vladimir Putin"


def test_washington_warns_moscow(seed):
    warn = [e for e in seed.events if "USA" in _countries(e.actor)
            and "RUS" in _countries(e.recipient)]
    assert warn and warn[0].actor[0].text == "Washington" and warn[0].actor[0].sector == "GOV"


def test_lavrov_denies_buildup(seed):
    deny = [e for e in _events(seed, "REJECT") if "Sergey Lavrov" in _names(e.actor)]
    assert deny


def test_negated_buildup(seed):
    negated = [e for e in seed.events if e.negated and e.category == "MOBILIZE"]
    assert negated and "RUS" in _countries(negated[0].actor)


def test_every_record_has_provenance(seed):
    text = seed.article.text
    assert seed.pipeline_version.startswith("dateline-")
    for event in seed.events:
        start, end = event.trigger_span
        assert text[start:end] == event.trigger
        assert event.sentence_span[0] <= start < end <= event.sentence_span[1]
    for entity in seed.entities:
        for mention in entity.mentions:
            assert text[mention.span[0]:mention.span[1]] == mention.text
