"""Actor resolution: descriptions, organisations, roles from the article, user dictionaries."""

from __future__ import annotations

import pytest

from dateline.entities import resolve_entities
from dateline.entities.descriptors import describe
from dateline.entities.lexicon import load_user_dictionary, lookup


@pytest.fixture(scope="module")
def parse(nlp):
    def run(text: str, **kwargs):
        doc = nlp(text)
        return doc, resolve_entities(doc, **kwargs)

    return run


def _head(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, head, country, sector", [
    ("Israeli troops entered the town.", "troops", "ISR", "MIL"),
    ("The Pakistani foreign minister arrived.", "minister", "PAK", "GOV"),
    ("Leaders of Romania's new government met.", "Leaders", "ROU", "GOV"),
    ("Afghan rebel leaders said no.", "leaders", "AFG", "REB"),
    ("Demonstrators in Baghdad blocked a road.", "Demonstrators", "IRQ", "CVL"),
    ("Thousands of Nigerians marched.", "Thousands", "NGA", None),
    ("U.N. helicopters landed.", "helicopters", "IGO", "MIL"),
    ("Security forces in Guinea fired.", "forces", "GIN", "COP"),
])
def test_descriptions_name_country_and_sector(parse, text, head, country, sector):
    doc, index = parse(text)
    [actor] = describe(_head(doc, head), index)[:1]
    assert actor.country == country
    assert actor.sector == sector


def test_coordinated_demonyms_give_one_actor_each(parse):
    doc, index = parse("Hungarian and Romanian officials agreed.")
    actors = describe(_head(doc, "officials"), index)
    assert {a.country for a in actors} == {"HUN", "ROU"}
    assert {a.sector for a in actors} == {"GOV"}


def test_ethnic_groups_are_placed_where_they_live(parse):
    doc, index = parse("Ethnic Albanians in Serbia demanded autonomy.")
    [actor] = describe(_head(doc, "Albanians"), index)
    assert actor.country == "SRB"


def test_unknown_organisation_takes_the_country_in_its_name(parse):
    _, index = parse("The Latvian Constitutional Court cancelled the restrictions.")
    court = next(e for e in index.entities if "Court" in e.name)
    assert court.country == "LVA" and court.sector == "JUD"


def test_role_from_the_article_wins(parse):
    _, index = parse("NATO Secretary General Jens Stoltenberg said the alliance was concerned.")
    person = next(e for e in index.entities if e.type == "PERSON")
    assert person.country == "IGO" and person.organisation == "NATO"


def test_former_officials_are_elites(parse):
    _, index = parse("Former President Jair Bolsonaro was charged with plotting a coup.")
    person = next(e for e in index.entities if e.type == "PERSON")
    assert person.sector == "ELI"


def test_capitals_and_buildings_are_governments():
    assert lookup("Moscow").country == "RUS" and lookup("Moscow").sector == "GOV"
    assert lookup("Kremlin").country == "RUS"
    assert lookup("Al-Qaeda").country == "IMG"  # sentence-initial spelling of an alias
    assert lookup("European Community").country == "IGO"


def test_user_dictionary_applies_within_its_dates(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,country,sector,valid_from,valid_to\n"
                    "Jane Roe,NOR,GOV,2010-01-01,2014-09-30\n", encoding="utf-8")
    user = load_user_dictionary(str(path))
    assert lookup("Jane Roe", user, "2012-05-01").country == "NOR"
    assert lookup("Jane Roe", user, "2015-09-10") is None


def test_user_dictionary_resolves_a_person(parse, tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,country,sector\nJane Roe,NOR,GOV\n", encoding="utf-8")
    _, index = parse("Jane Roe visited Kenya.", user=load_user_dictionary(str(path)))
    person = next(e for e in index.entities if e.name == "Jane Roe")
    assert person.country == "NOR" and person.sector == "GOV"
