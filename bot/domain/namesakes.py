"""Namesakes: athletes of one NOC at one Games who share a name (name, alias or native name, in
either order, with or without spaces) and are told apart by their sport (docs/results-format.md,
"Namesakes"). Each one's sport is the sport of its results, so the store keeps no extra field:
load planning, export and the labels of answers all read it from here."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.domain.models import Athlete, GamesData
from bot.domain.names import fold

_ASCII_APOSTROPHES = str.maketrans("", "", "'`")
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")


def _words(name: str) -> list[str]:
    """The folded words of a name (``fold``; for plain ASCII the same words, found faster)."""
    if name.isascii():
        return _ASCII_SEPARATORS.sub(" ", name.translate(_ASCII_APOSTROPHES).lower()).split()
    return fold(name).split()


def _spellings(athlete: Athlete) -> set[str]:
    """The athlete's names folded without spaces, in either order of the first word."""
    keys = set()
    for name in (athlete.name, athlete.native_name, *athlete.aliases):
        parts = _words(name)
        if parts:
            keys |= {"".join(parts), "".join(parts[1:] + parts[:1])}
    return keys


def namesake_ids(athletes: Iterable[Athlete]) -> set[str]:
    """Ids of the athletes that share a name with another athlete of their NOC."""
    owners: dict[tuple[str, str], set[str]] = {}
    for athlete in athletes:
        for key in _spellings(athlete):
            owners.setdefault((athlete.noc, key), set()).add(athlete.id)
    return {i for ids in owners.values() if len(ids) > 1 for i in ids}


def namesake_sports(data: GamesData) -> dict[str, str]:
    """Athlete id → sport, for each namesake of the Games whose results are all in one sport."""
    namesakes = namesake_ids(data.athletes)
    if not namesakes:
        return {}
    sport_of_event = {event.id: event.sport for event in data.events}
    sports: dict[str, set[str]] = {}
    for result in data.results:
        for athlete in result.athletes:
            if athlete in namesakes and result.event_id in sport_of_event:
                sports.setdefault(athlete, set()).add(sport_of_event[result.event_id])
    return {athlete: next(iter(s)) for athlete, s in sports.items() if len(s) == 1}
