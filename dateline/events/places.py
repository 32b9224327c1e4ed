"""Participants placed by where the event happens.

News often leaves a participant unnamed ("prisoners rioted at a jail in Dili", "a
roadside bomb near Samarra killed a soldier"); PLOVER codes such actors by the country of
the event and a sector (UAF for unidentified armed forces), and a domestic event with no
other target is directed at the place it happens in.
"""

from __future__ import annotations

from dataclasses import replace

from ..entities.lexicon import countries
from ..records import Actor, Location

# Sectors that belong to the place they act in rather than to a foreign state.
LOCAL_SECTORS = {"CVL", "REB", "OPP", "COP", "LAB", "EDU", "REF", "CRM", "AGR", "UAF", "REL",
                 "MED", "JRN", "PTY", "ELI", "BUS", "PRM", "JUD", "LEG", "GOV"}


def place_actor(location: Location) -> Actor:
    """The country an event happens in, as its recipient."""
    name = countries().get(location.country or "", location.name)
    return Actor(name=name, text=location.name, span=location.span or (0, 0),
                 country=location.country, sector=None)


def unnamed_actor(actor: Actor, location: Location | None) -> Actor:
    """An actor known only by sector takes the country where it acts."""
    if actor.country or location is None or not location.country or actor.sector not in LOCAL_SECTORS:
        return actor
    return replace(actor, country=location.country)


def domestic_recipient(actor: Actor, category: str) -> list[Actor]:
    """A protest, concession or crackdown with no named target is about its own country."""
    if not actor.country or actor.country in ("IGO", "NGO", "IMG", "ISM"):
        return []
    if category == "PROTEST" and actor.sector in ("GOV", "MIL"):
        return []
    name = countries().get(actor.country, actor.country)
    return [Actor(name=name, text="", span=actor.span, country=actor.country,
                  sector="GOV" if category == "PROTEST" else None)]


def placed(recipient: Actor, location: Location | None) -> Actor:
    """A target known by name but not by country (a prison, a town) is where the event is."""
    if recipient.country or location is None or not location.country:
        return recipient
    return replace(recipient, country=location.country)
