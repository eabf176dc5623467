"""Rows of the PostgreSQL store ↔ domain models: what a SELECT returns turned into models, and
the parameters an INSERT takes from them (in the column order of ``postgres_sql``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from bot.domain.models import (
    Athlete,
    Event,
    Follow,
    Games,
    LoadInfo,
    LoadRecord,
    Medal,
    MedalKey,
    Nation,
    Result,
)
from bot.store.decode import Decoder

Row = Sequence[Any]


def _as_read(value: dt.date | None) -> dt.date | None:
    """A ``date`` column: psycopg reads it as a date already."""
    return value


DECODE = Decoder(date=_as_read, strings=tuple)


def utc(value: dt.datetime) -> dt.datetime:
    """A ``timestamptz`` as read (in the session's time zone), in UTC."""
    return value.astimezone(dt.UTC)


def now() -> dt.datetime:
    """The time of a write, to the second (as the SQLite store keeps it)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


games = DECODE.games


def games_params(value: Games) -> tuple[object, ...]:
    return (
        value.id,
        value.name,
        value.official_name,
        value.city,
        value.country,
        value.start,
        value.end,
        list(value.sources),
        list(value.aliases),
        value.as_of,
    )


nation = DECODE.nation


def nation_params(games_id: str, value: Nation) -> tuple[object, ...]:
    return (
        games_id,
        value.code,
        value.name,
        value.official_name,
        list(value.aliases),
        value.flag,
        value.ranked,
    )


athlete = DECODE.athlete


def athlete_params(games_id: str, value: Athlete) -> tuple[object, ...]:
    return (
        games_id,
        value.id,
        value.name,
        value.noc,
        value.gender.value if value.gender else None,
        value.native_name,
        list(value.aliases),
        value.birth_date,
        value.birth_year,
        value.person_id,
    )


event = DECODE.event


def event_params(games_id: str, value: Event) -> tuple[object, ...]:
    return (
        games_id,
        value.id,
        value.sport,
        value.name,
        value.gender.value,
        value.date,
        value.kind.value,
        value.venue,
        list(value.sources),
        list(value.notes),
    )


result = DECODE.result


def result_copy_row(
    games_id: str, event_id: str, position: int, value: Result
) -> tuple[object, ...]:
    """A result of ``event_id`` as ``COPY_RESULTS`` takes it."""
    return (
        games_id,
        position,
        event_id,
        value.rank,
        value.medal.value if value.medal else None,
        value.noc,
        list(value.athletes),
        value.mark,
        value.note,
    )


def load_info(row: Row | None) -> LoadInfo | None:
    if row is None:
        return None
    return LoadInfo(
        load_id=row[0], loaded_at=utc(row[1]), source=row[2], user_id=row[3], kind=row[4]
    )


def load_record(row: Row) -> LoadRecord:
    counts = row[7] or {}
    return LoadRecord(
        load_id=row[0],
        kind=row[2],
        source=row[3],
        sha256=row[4],
        user_id=row[5],
        loaded_at=utc(row[6]),
        events=counts.get("events", 0),
        results=counts.get("results", 0),
        undone_by=row[8],
    )


def follow(row: Row) -> Follow:
    return Follow(guild_id=row[0], channel_id=row[1], games_id=row[2], noc=row[3])


def athletes_key(medal: MedalKey) -> str:
    """The athletes of an announced medal as its key stores them (the same JSON as SQLite's)."""
    return json.dumps(list(medal.athletes))


def medal_key(event_id: str, noc: str, medal: str, athletes: str) -> MedalKey:
    return MedalKey(
        event_id=event_id, noc=noc, medal=Medal(medal), athletes=tuple(json.loads(athletes))
    )
