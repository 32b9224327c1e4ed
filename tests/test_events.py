"""Event coding behaviour on sentences written for these tests (PLOVER conventions)."""

from __future__ import annotations

import pytest

from dateline.process import process_docs
from dateline.records import RawDoc


@pytest.fixture(scope="module")
def code(nlp, settings):
    def run(text: str, date: str | None = None):
        raw = RawDoc(source="<test>", content=text.encode(), content_type="text",
                     title_hint=False, date=date)
        return next(process_docs([raw], nlp, settings))

    return run


def _countries(actors):
    return {a.country for a in actors}


@pytest.mark.parametrize("text, category, actors, recipients", [
    # coordination: one event, both actors
    ("Russia and Iran sent military aid to Syria on Monday.", "AID", {"RUS", "IRN"}, {"SYR"}),
    # passive voice: the agent acts, the subject receives
    ("Syria was attacked by Israeli warplanes on Tuesday.", "ASSAULT", {"ISR"}, {"SYR"}),
    # nominal event with a demonym actor and a city target
    ("Russian airstrikes on Aleppo killed 30 civilians.", "ASSAULT", {"RUS"}, {"SYR"}),
    # light verb + event noun
    ("Indonesian students staged a protest in Jakarta.", "PROTEST", {"IDN"}, {"IDN"}),
    # a frame codes once: the threat, not the sanction
    ("China threatened to impose sanctions on Lithuania.", "THREATEN", {"CHN"}, {"LTU"}),
    ("Egypt demanded that Israel withdraw its troops from Gaza.", "REQUEST", {"EGY"}, {"ISR"}),
    ("Turkey refused to extradite the suspects to Sweden.", "REJECT", {"TUR"}, {"SWE"}),
    ("Albania accused Serbia of violating the ceasefire.", "ACCUSE", {"ALB"}, {"SRB"}),
    # PLOVER: cooperation announced for the future is AGREE
    ("Germany will send tanks to Ukraine, the chancellor said.", "AGREE", {"DEU"}, {"UKR"}),
    ("Syria says it is willing to withdraw its troops from Lebanon.", "AGREE", {"SYR"}, {"LBN"}),
    # refusals of cooperation are REJECT
    ("Jordan said it will not accept any more refugees.", "REJECT", {"JOR"}, set()),
    # capitals and government buildings stand for governments
    ("Beijing expelled two Canadian diplomats.", "SANCTION", {"CHN"}, {"CAN"}),
    ("The Kremlin rejected a Ukrainian peace proposal.", "REJECT", {"RUS"}, {"UKR"}),
    # demonyms, possessives and "of" phrases name the actor's country
    ("Kenyan police arrested 30 protesters in Nairobi.", "COERCE", {"KEN"}, {"KEN"}),
    ("The government of Sri Lanka lifted the curfew.", "CONCEDE", {"LKA"}, {"LKA"}),
    # international organisations and armed groups from the shipped dictionary
    ("The European Union imposed sanctions on Belarus.", "SANCTION", {"IGO"}, {"BLR"}),
    ("Al-Qaeda fighters attacked a military base in Mali.", "ASSAULT", {"IMG"}, {"MLI"}),
    # a speaker's "must" is a demand on the subject
    ("The United Nations said Myanmar must release the detained journalists.", "REQUEST", {"IGO"},
     {"MMR"}),
])
def test_categories_and_participants(code, text, category, actors, recipients):
    events = [e for e in code(text).events if e.category == category]
    assert events, [(e.category, e.trigger) for e in code(text).events]
    event = events[0]
    assert _countries(event.actor) == actors
    assert _countries(event.recipient) - {None} == recipients  # unplaced groups keep a sector


def test_meetings_are_reciprocal(code):
    doc = code("Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Moscow.")
    consult = [e for e in doc.events if e.category == "CONSULT"]
    assert consult and _countries(consult[0].actor) == {"RUS", "CHN"} and not consult[0].recipient


def test_negation_is_a_flag_not_a_drop(code):
    doc = code("Russia is not sending troops to Belarus.")
    [event] = [e for e in doc.events if e.category == "MOBILIZE"]
    assert event.negated and _countries(event.actor) == {"RUS"}


def test_possibility_is_hypothetical(code):
    doc = code("The United States could deploy more troops to Poland.")
    [event] = [e for e in doc.events if e.category == "MOBILIZE"]
    assert event.hypothetical and not event.negated


def test_reported_event_names_its_speaker(code):
    doc = code('"We will send humanitarian aid to Sudan," French Foreign Minister Jean Dupont said.')
    [event] = [e for e in doc.events if e.category == "AGREE"]
    assert event.reported_by == "Jean Dupont"
    assert _countries(event.recipient) == {"SDN"}


def test_protest_demands_are_its_topic(code):
    doc = code("Thousands of Iraqis demonstrated in Baghdad to demand an end to corruption.")
    assert {e.category for e in doc.events} == {"PROTEST"}


def test_background_clause_is_not_the_news(code):
    doc = code("Italy suspended flights to Serbia one day after a Serbian jet shot down a helicopter.")
    assert {e.category for e in doc.events} == {"SANCTION"}


def test_dates_resolve_against_the_article_date(code):
    doc = code("Turkish police detained 40 journalists in Istanbul on Monday.", date="2024-03-07")
    [event] = [e for e in doc.events if e.category == "COERCE"]
    assert event.date == "2024-03-04"
    assert event.location is not None and event.location.country == "TUR"
    assert event.location.latitude is not None


def test_offsets_point_into_the_text(code):
    doc = code("Hamas released two Thai hostages on Friday, the group said.")
    [event] = [e for e in doc.events if e.category == "RETREAT"]
    text = doc.article.text
    assert text[event.trigger_span[0]:event.trigger_span[1]] == event.trigger == "released"
    for actor in (*event.actor, *event.recipient):
        assert text[actor.span[0]:actor.span[1]] == actor.text


@pytest.mark.parametrize("text", [
    "Community colleges will offer courses that transfer to universities.",
    "Thank you very much.",
    "The agency has long recognized that the research was becoming complex.",
    "The company released its quarterly results on Tuesday.",
])
def test_ordinary_sentences_code_nothing(code, text):
    assert not code(text).events


def test_cameo_root_comes_with_the_category(code):
    doc = code("Japan delivered emergency aid to Turkey.")
    [event] = [e for e in doc.events if e.category == "AID"]
    assert event.cameo == "07"
