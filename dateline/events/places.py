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


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_NON_STATE = {"CVL", "OPP", "REB", "LAB", "EDU", "JRN", "REF", "CRM", "REL", "PTY", "ELI", "AGR",
              "BUS", "MED", "UAF"}


def domestic(actors: list[Actor], recipients: list[Actor],
             category: str) -> tuple[list[Actor], list[Actor]]:
    """Domestic politics fills unknown countries: rebels or an opposition of one country
    address their own government ("Rwandan rebels demanded the removal of President X"),
    and a court, police or official acting on one country's people is that country's."""
    actor_countries = {a.country for a in actors if a.country}
    if len(actor_countries) == 1 and all(a.sector in _NON_STATE for a in actors if a.country):
        (home,) = actor_countries
        recipients = [replace(r, country=home) if not r.country and r.sector in STATE_SECTORS
                      else r for r in recipients]
    home_state = {a.country for a in actors if a.country and a.sector in STATE_SECTORS - {"MIL"}}
    if len(home_state) == 1 and category not in ("CONSULT", "AID", "COOPERATE", "SUPPORT"):
        (home,) = home_state  # "a Moscow court sentenced opposition politician X"
        recipients = [replace(r, country=home) if not r.country and r.sector in _NON_STATE
                      else r for r in recipients]
    target_countries = {r.country for r in recipients if r.country}
    if len(target_countries) == 1 and category not in ("CONSULT", "AID", "COOPERATE") and \
            all(r.sector in _NON_STATE or r.sector is None and not r.entity for r in recipients
                if r.country):
        (home,) = target_countries
        actors = [replace(a, country=home) if not a.country and a.sector in STATE_SECTORS
                  and a.sector != "MIL" else a for a in actors]
    return actors, recipients
