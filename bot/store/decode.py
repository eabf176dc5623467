"""Rows of the results tables turned into domain models, for both stores: their columns are the
same, in the same order (``sql`` and ``postgres_sql``); a store says only how its columns hold
a date (SQLite: ISO text; PostgreSQL: ``date``) and a list of strings (SQLite: JSON text;
PostgreSQL: ``text[]``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from bot.domain.models import Athlete, Event, EventKind, Games, Gender, Medal, Nation, Result

Row = Sequence[Any]


class Decoder:
    """A store's rows of Games, nations, athletes, events and results as models. (A plain
    class: a dataclass would generate its methods at every one-shot command's start.)"""

    __slots__ = ("date", "strings")

    def __init__(
        self, date: Callable[[Any], dt.date | None], strings: Callable[[Any], tuple[str, ...]]
    ) -> None:
        self.date = date
        self.strings = strings

    def games(self, row: Row) -> Games:
        date, strings = self.date, self.strings
        return Games(
            id=row[0],
            name=row[1],
            official_name=row[2],
            city=row[3],
            country=row[4],
            start=date(row[5]),
            end=date(row[6]),
            sources=strings(row[7]),
            aliases=strings(row[8]),
            as_of=date(row[9]),
        )

    def nation(self, row: Row) -> Nation:
        return Nation(
            code=row[0],
            name=row[1],
            official_name=row[2],
            aliases=self.strings(row[3]),
            flag=row[4],
            ranked=bool(row[5]),
        )

    def athlete(self, row: Row) -> Athlete:
        return Athlete(
            id=row[0],
            name=row[1],
            noc=row[2],
            gender=Gender(row[3]) if row[3] else None,
            native_name=row[4],
            aliases=self.strings(row[5]),
            birth_date=self.date(row[6]),
            birth_year=row[7],
            person_id=row[8],
        )

    def event(self, row: Row) -> Event:
        strings = self.strings
        return Event(
            id=row[0],
            sport=row[1],
            name=row[2],
            gender=Gender(row[3]),
            date=self.date(row[4]),
            kind=EventKind(row[5]),
            venue=row[6],
            sources=strings(row[7]),
            notes=strings(row[8]),
        )

    def result(self, row: Row) -> Result:
        return Result(
            event_id=row[0],
            rank=row[1],
            medal=Medal(row[2]) if row[2] else None,
            noc=row[3],
            athletes=self.strings(row[4]),
            mark=row[5],
            note=row[6],
        )
