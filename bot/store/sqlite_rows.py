"""The rows a load or an undo writes to SQLite, as statement parameters built before the write
transaction opens (so the write lock is held only while SQLite writes, never while Python
encodes), and the before-image of a load assembled from a handful of whole-load queries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.domain.models import Athlete, Event, Games, LoadPlan, Nation, Result

Params = tuple[object, ...]
Row = Sequence[Any]

#: What rows written by an older schema lack (before-images of loads made before an upgrade):
#: the values of the columns added since, in column order.
GAMES_ROW_DEFAULTS: tuple[object, ...] = (None,) * 8 + ("[]", None)
NATION_ROW_DEFAULTS: tuple[object, ...] = (None,) * 5 + (1,)
ATHLETE_ROW_DEFAULTS: tuple[object, ...] = (None,) * 8 + ("",)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False) if values else "[]"


def padded(row: Sequence[object], defaults: tuple[object, ...]) -> tuple[object, ...]:
    """A stored row completed with the defaults of columns it predates."""
    return (*row, *defaults[len(row) :])


def keys(values: Sequence[str]) -> str:
    """A JSON array of keys, the parameter of the statements that take many (``json_each``)."""
    return _json(values)


def games_params(games: Games) -> Params:
    return (
        games.id,
        games.name,
        games.official_name,
        games.city,
        games.country,
        _iso(games.start),
        _iso(games.end),
        json.dumps(list(games.sources)),
        _json(games.aliases),
        _iso(games.as_of),
    )


def nation_fields(nation: Nation) -> Params:
    """A nation's columns after its Games id (also how a stored before-image keeps it)."""
    return (
        nation.code,
        nation.name,
        nation.official_name,
        _json(nation.aliases),
        nation.flag,
        1 if nation.ranked else 0,
    )


def nation_params(games_id: str, nation: Nation) -> Params:
    return (games_id, *nation_fields(nation))


def athlete_fields(athlete: Athlete) -> Params:
    """An athlete's columns after its Games id (also how a stored before-image keeps it)."""
    return (
        athlete.id,
        athlete.name,
        athlete.noc,
        athlete.gender.value if athlete.gender else None,
        athlete.native_name,
        _json(athlete.aliases),
        _iso(athlete.birth_date),
        athlete.birth_year,
        athlete.person_id,
    )


def athlete_params(games_id: str, athlete: Athlete) -> Params:
    return (games_id, *athlete_fields(athlete))


def event_fields(event: Event) -> Params:
    """An event's columns after its Games id (also how a stored before-image keeps it)."""
    return (
        event.id,
        event.sport,
        event.name,
        event.gender.value,
        _iso(event.date),
        event.kind.value,
        event.venue,
        _json(event.sources),
        _json(event.notes),
    )


def event_params(games_id: str, event: Event) -> Params:
    return (games_id, *event_fields(event))


def result_params(games_id: str, event_id: str, position: int, result: Result) -> Params:
    return (
        games_id,
        event_id,
        position,
        result.rank,
        result.medal.value if result.medal else None,
        result.noc,
        _json(result.athletes),
        result.mark,
        result.note,
    )


@dataclass(frozen=True)
class PlanRows:
    """Everything a load writes, ready for one ``executemany`` a table."""

    games: Params
    nations: list[Params] = field(default_factory=list)
    athletes: list[Params] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    events: list[Params] = field(default_factory=list)
    results: list[Params] = field(default_factory=list)


def plan_rows(plan: LoadPlan) -> PlanRows:
    """The parameters of every row ``plan`` writes."""
    games_id = plan.games.id
    return PlanRows(
        games=games_params(plan.games),
        nations=[nation_params(games_id, n) for n in plan.nations],
        athletes=[athlete_params(games_id, a) for a in plan.athletes],
        event_ids=[item.event.id for item in plan.events],
        events=[event_params(games_id, item.event) for item in plan.events],
        results=[
            result_params(games_id, item.event.id, position, result)
            for item in plan.events
            for position, result in enumerate(item.results)
        ],
    )


def before_image(
    games_row: Row | None,
    plan: LoadPlan,
    nations: Sequence[Row],
    athletes: Sequence[Row],
    events: Sequence[Row],
    results: Sequence[Row],
) -> dict[str, Any]:
    """The before-image of ``plan`` (kept with the load for undo) from the rows it replaces: for
    each NOC, athlete and event the plan writes, its stored row, or None when it is new."""
    by_code = {row[0]: list(row) for row in nations}
    by_athlete = {row[0]: list(row) for row in athletes}
    by_event = {row[0]: list(row) for row in events}
    results_of: dict[str, list[list[Any]]] = {}
    for row in results:
        results_of.setdefault(row[0], []).append(list(row))
    return {
        "games": list(games_row) if games_row else None,
        "nations": {n.code: by_code.get(n.code) for n in plan.nations},
        "athletes": {a.id: by_athlete.get(a.id) for a in plan.athletes},
        "events": {
            item.event.id: (
                {"event": by_event[item.event.id], "results": results_of.get(item.event.id, [])}
                if item.event.id in by_event
                else None
            )
            for item in plan.events
        },
    }


@dataclass(frozen=True)
class RestoreRows:
    """What undoing a load writes, from its before-image, ready for ``executemany``."""

    event_ids: list[str]
    gone_events: list[str]
    events: list[Params]
    results: list[Params]
    gone_athletes: list[Params]
    athletes: list[Params]
    gone_nations: list[Params]
    nations: list[Params]


def restore_rows(games_id: str, before: dict[str, Any]) -> RestoreRows:
    """The rows that put back what a load replaced (its before-image)."""
    events: dict[str, Any] = before["events"]
    kept = {event_id: image for event_id, image in events.items() if image is not None}
    return RestoreRows(
        event_ids=list(events),
        gone_events=[event_id for event_id, image in events.items() if image is None],
        events=[(games_id, *image["event"]) for image in kept.values()],
        results=[
            (games_id, event_id, position, *row[1:])
            for event_id, image in kept.items()
            for position, row in enumerate(image["results"])
        ],
        gone_athletes=[(games_id, i) for i, row in before["athletes"].items() if row is None],
        athletes=[
            (games_id, *padded(row, ATHLETE_ROW_DEFAULTS))
            for row in before["athletes"].values()
            if row is not None
        ],
        gone_nations=[(games_id, c) for c, row in before["nations"].items() if row is None],
        nations=[
            (games_id, *padded(row, NATION_ROW_DEFAULTS))
            for row in before["nations"].values()
            if row is not None
        ],
    )
