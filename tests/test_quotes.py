"""Attribution rules on small synthetic news text: one behaviour per row."""

from __future__ import annotations

import pytest

from dateline.entities import resolve_entities
from dateline.quotes import find_quotes
from dateline.quotes.learn import line_paragraphs


@pytest.fixture(scope="module")
def attribute(nlp):
    def run(text: str):
        doc = nlp(text)
        return find_quotes(doc, resolve_entities(doc), line_paragraphs(text))
    return run


def _one(quotes, fragment):
    found = [q for q in quotes if fragment in q.content]
    assert len(found) == 1, [q.content for q in quotes]
    return found[0]


def test_split_quote_is_one_record_with_fragments(attribute):
    text = ("Foreign Minister Sergey Lavrov spoke in Moscow on Monday.\n\n"
            "\u201cWe are ready,\u201d he said, \u201cto talk to anyone who wants peace in Syria.\u201d")
    quote = _one(attribute(text), "We are ready")
    assert len(quote.content_spans) == 2
    assert [text[a:b] for a, b in quote.content_spans] == [
        "We are ready", "to talk to anyone who wants peace in Syria."]
    assert quote.content_span == (quote.content_spans[0][0], quote.content_spans[1][1])
    assert quote.kind == "direct" and quote.cue == "said"
    assert quote.speaker == "Sergey Lavrov" and quote.speaker_mention == "he"
    assert text[quote.speaker_span[0]:quote.speaker_span[1]] == "he"


def test_quotation_over_two_paragraphs(attribute):
    text = ("Angela Merkel told parliament: \u201cEurope has faced harder winters than this one.\n\n"
            "\u201cWe will get through it together, as we always have.\u201d")
    quote = _one(attribute(text), "harder winters")
    assert len(quote.content_spans) == 2
    assert "get through it together" in text[quote.content_spans[1][0]:quote.content_spans[1][1]]
    assert quote.speaker == "Angela Merkel"


@pytest.mark.parametrize("opening, closing", [
    ("\u201c", "\u201d"), ('"', '"'), ("''", "''"), ('"', "\u201d")])
def test_marks_of_every_style(attribute, opening, closing):
    text = f"{opening}The border will stay open for trade,{closing} Angela Merkel said on Tuesday."
    quote = _one(attribute(text), "border will stay open")
    assert quote.content == "The border will stay open for trade"
    assert quote.speaker == "Angela Merkel" and quote.kind == "direct"


def test_single_quotes_inside_double(attribute):
    text = "\u201cHe told me \u2018no way\u2019 when we met in Geneva,\u201d John Kerry said."
    quote = _one(attribute(text), "no way")
    assert quote.content == "He told me \u2018no way\u2019 when we met in Geneva"


def test_unbalanced_mark_stays_in_its_paragraph(attribute):
    text = ("The so-called \u201cmoderate rebels moved north on Sunday.\n\n"
            "Angela Merkel said \u201cthe refugees are welcome in Germany,\u201d and left for Paris.")
    quotes = attribute(text)
    assert not any("moderate rebels" in q.content for q in quotes)
    quote = _one(quotes, "refugees are welcome")
    assert quote.speaker == "Angela Merkel"


def test_scare_quotes_are_not_attributions(attribute):
    assert attribute("The so-called \u201crebels\u201d moved north on Sunday.") == []


@pytest.mark.parametrize("text, fragment, cue, stance, speaker", [
    ("Angela Merkel said that Germany would send aid to Greece.",
     "Germany would send aid", "said", "say", "Angela Merkel"),
    ("The Kremlin denied that Russian troops were fighting in Syria.",
     "Russian troops were fighting", "denied", "deny", "Kremlin"),
    ("Jens Stoltenberg warned that Russia was sending more troops to Syria.",
     "Russia was sending more troops", "warned", "warn", "Jens Stoltenberg"),
    ("Sergey Lavrov told reporters the talks with Washington had failed.",
     "the talks with Washington had failed", "told", "say", "Sergey Lavrov"),
    ("Sergey Lavrov accused Washington of undermining the ceasefire in Syria.",
     "of undermining the ceasefire", "accused", "accuse", "Sergey Lavrov"),
])
def test_reported_speech(attribute, text, fragment, cue, stance, speaker):
    quote = _one(attribute(text), fragment)
    assert quote.kind == "indirect"
    assert quote.cue == cue and quote.stance == stance
    assert speaker in quote.speaker
    assert 0 < quote.confidence <= 1


def test_according_to(attribute):
    text = "According to the ministry, the talks will resume in Geneva on Monday."
    quote = _one(attribute(text), "the talks will resume")
    assert quote.cue == "According to"
    assert quote.speaker_mention == "the ministry"


def test_mixed_quote(attribute):
    text = ("Sergey Lavrov says leaving the Syrian army out of the coalition "
            "was a \u201ccolossal mistake.\u201d")
    quote = _one(attribute(text), "colossal mistake")
    assert quote.kind == "mixed" and quote.speaker == "Sergey Lavrov"
    assert quote.content.startswith("leaving the Syrian army")


def test_parenthetical_cue_splits_the_content(attribute):
    text = "The talks, Sergey Lavrov said, would resume in Geneva next week."
    quote = _one(attribute(text), "would resume in Geneva")
    assert quote.cue == "said" and quote.speaker == "Sergey Lavrov"
    assert "Lavrov" not in quote.content.replace("Sergey Lavrov said", "")


@pytest.mark.parametrize("text, fragment, speaker, mention", [
    ("Angela Merkel arrived in Athens on Monday. She said the crisis in Greece was over.",
     "the crisis in Greece was over", "Angela Merkel", "She"),
    ("Foreign Minister Sergey Lavrov arrived in Geneva. The minister said the talks would go on.",
     "the talks would go on", "Sergey Lavrov", "The minister"),
    ("Sergey Lavrov, who said Russia would not send troops, left Moscow on Monday.",
     "Russia would not send troops", "Sergey Lavrov", "who"),
    ("Russian officials said the aid convoy had crossed the border into Ukraine.",
     "the aid convoy had crossed", "Russia", "Russian officials"),
    ("NATO Secretary General Jens Stoltenberg met reporters. NATO's chief said the alliance "
     "was ready.", "the alliance was ready", "Jens Stoltenberg", "NATO's chief"),
])
def test_speakers_resolve_to_the_named_entity(attribute, text, fragment, speaker, mention):
    quote = _one(attribute(text), fragment)
    assert quote.speaker == speaker
    assert quote.speaker_mention == mention
    assert quote.speaker_entity is not None
    assert text[quote.speaker_span[0]:quote.speaker_span[1]] == mention


def test_unresolvable_speaker_kept_as_text(attribute):
    quote = _one(attribute("Officials said the border with Turkey would stay closed."), "border")
    assert quote.speaker == "Officials" and quote.speaker_entity is None


def test_nested_attribution_is_part_of_the_outer_content(attribute):
    quotes = attribute("Sergey Lavrov said that John Kerry had claimed the deal was done.")
    assert len(quotes) == 1
    assert quotes[0].cue == "said" and "claimed the deal was done" in quotes[0].content


def test_quotation_signed_with_a_dash(attribute):
    text = "\u201cMaybe we can build a wall around the whole problem.\u201d \u2015 Steve Quinlan"
    quote = _one(attribute(text), "build a wall")
    assert quote.speaker == "Steve Quinlan" and quote.cue == "\u2015"


def test_paragraph_ending_in_a_colon_introduces_the_next(attribute):
    text = ("Angela Merkel issued the following statement:\n\n"
            "\u201cWe will not negotiate with anyone under these conditions.\u201d")
    quote = _one(attribute(text), "We will not negotiate")
    assert quote.speaker == "Angela Merkel" and quote.kind == "direct"


def test_every_span_points_into_the_text(attribute):
    text = ("\u201cWe have never made our presence a secret,\u201d Sergey Lavrov said, denying "
            "claims that Russia was boosting its forces. \u201cRussia is not taking any "
            "additional steps,\u201d he added.")
    for quote in attribute(text):
        for a, b in quote.content_spans:
            assert text[a:b] and not text[a:b].startswith(("\u201c", '"'))
        assert text[quote.cue_span[0]:quote.cue_span[1]] == quote.cue
        assert quote.sentence_span[0] <= quote.cue_span[0] < quote.sentence_span[1]


def test_pronoun_far_from_any_name_continues_the_last_speaker(attribute):
    text = ("\u201cThe talks in Geneva are over for this year,\u201d Sergey Lavrov said. "
            "The weather was cold. Trains were late. Markets fell. Prices rose. "
            "\u201cWe will return to the table in the spring,\u201d he said.")
    quote = _one(attribute(text), "return to the table")
    assert quote.speaker == "Sergey Lavrov" and quote.speaker_mention == "he"
    assert quote.confidence <= 0.5
