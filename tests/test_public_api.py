"""The public surface: exactly these names, and `dateline.process` on a string."""

from __future__ import annotations

import pytest

import dateline


def test_public_names():
    assert set(dateline.__all__) == {
        "Actor", "Article", "DatelineError", "Entity", "Event", "FetchError", "InputError",
        "Location", "Mention", "ModelError", "Quote", "RawDoc", "Result", "Settings", "Skipped",
        "StoreError", "__version__", "process", "process_docs"}


def test_process_html_string():
    html = ("<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
            "<p>German Chancellor Angela Merkel said on Tuesday that Berlin would send humanitarian "
            "aid to Ukraine.</p><p>\"We will not stand aside,\" she told reporters in Berlin.</p>"
            "</article></body></html>")
    doc = dateline.process(html, url="https://example.org/2014/03/04/talks", date="2014-03-04")
    assert doc.article.date == "2014-03-04"
    assert any(q.speaker == "Angela Merkel" for q in doc.quotes)
    # a promise to send aid is PLOVER's AGREE (the manual: future cooperation is AGREE)
    assert any(e.category == "AGREE" and e.actor[0].country == "DEU" for e in doc.events)


def test_empty_input_raises_input_error():
    with pytest.raises(dateline.InputError):
        dateline.process("")


def test_other_model_by_name_fails_clearly():
    with pytest.raises(dateline.ModelError):
        dateline.process("Some text here.", model="no_such_pipeline_xyz")


def test_one_sentence_text_is_coded_as_a_sentence():
    doc = dateline.process("Russia sent humanitarian aid to Syria on Monday.\n")
    assert doc.article.title is None
    assert doc.article.text == "Russia sent humanitarian aid to Syria on Monday."
    assert any(e.category == "AID" for e in doc.events)
