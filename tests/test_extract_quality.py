"""A ratchet on extraction quality: pinned floors on the development set.

The figures themselves are in docs/benchmarks.md (`python -m benchmarks.extraction`);
these floors sit a little below them, so a change that makes extraction worse fails here
unless a floor is lowered on purpose, with the reason, in the same commit.
"""

from __future__ import annotations

import pytest

from benchmarks.extraction import DEFAULT_DATA, load, run, score

FLOORS = {"f1": 0.955, "l3s-gn1": 0.965, "wcxb-article": 0.925, "title": 0.80, "date": 0.87}


@pytest.fixture(scope="module")
def scores():
    if not (DEFAULT_DATA / "gold.jsonl").exists():
        # The pages belong to their publishers and are never copied into the repository.
        pytest.skip(f"extraction development set not present at {DEFAULT_DATA} "
                    "(set DATELINE_DEV_DATA to the folder holding extraction/)")
    pages = load(DEFAULT_DATA)
    outputs, _, _ = run("dateline", pages, passes=1)
    return score(pages, outputs)


def test_body_f1_floor(scores):
    assert scores["all"]["f1"] >= FLOORS["f1"]


@pytest.mark.parametrize("source", ["l3s-gn1", "wcxb-article"])
def test_body_f1_floor_per_source(scores, source):
    assert scores[source]["f1"] >= FLOORS[source]


def test_title_and_date_floors(scores):
    assert scores["title"]["exact"] >= FLOORS["title"]
    assert scores["date"]["same_day"] >= FLOORS["date"]
