"""``store copy`` on the SQLite side: read everything in a SQLite database (in one read
transaction) as ``StoreContents``, and write ``StoreContents`` into an empty one (in one
transaction), rows encoded exactly as the SQLite store writes them and before-images in its
row-list form, so the store reads and undoes copied loads like its own."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.domain.models import (
    EventResults,
    Follow,
    Games,
    GamesData,
    LoadInfo,
    Medal,
    MedalKey,
    Result,
)
from bot.store import sql
from bot.store.contents import (
    AnnouncedEntry,
    BeforeImage,
    FollowEntry,
    LoadEntry,
    SettingEntry,
    StoreContents,
)
from bot.store.sqlite_rows import (
    ATHLETE_ROW_DEFAULTS,
    GAMES_ROW_DEFAULTS,
    NATION_ROW_DEFAULTS,
    athlete_fields,
    athlete_params,
    event_fields,
    event_params,
    games_params,
    nation_fields,
    nation_params,
)
from bot.store.sqlite_rows import padded as _padded
from bot.store.sqlite_store import _athlete, _event, _nation, _result
from bot.store.sqlite_store import _games as _stored_games

Row = Sequence[Any]
LOADS = """
SELECT id, games_id, kind, source, sha256, user_id, loaded_at, counts, before, undone_by
FROM loads ORDER BY id
"""
FOLLOWS = (
    "SELECT guild_id, channel_id, games_id, noc, user_id, created_at FROM follows ORDER BY rowid"
)
ANNOUNCED = """
SELECT games_id, event_id, noc, medal, athletes, announced_at FROM announced_medals ORDER BY rowid
"""
SETTINGS = "SELECT guild_id, key, value, user_id, updated_at FROM guild_settings ORDER BY rowid"
INSERT_LOAD = """
INSERT INTO loads (id, games_id, kind, source, sha256, user_id, loaded_at, counts, before)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_FOLLOW = """
INSERT INTO follows (guild_id, channel_id, games_id, noc, user_id, created_at)
VALUES (?, ?, ?, ?, ?, ?)
"""
INSERT_SETTING = """
INSERT INTO guild_settings (guild_id, key, value, user_id, updated_at) VALUES (?, ?, ?, ?, ?)
"""
HOLDS_ANYTHING = """
SELECT EXISTS (SELECT 1 FROM games) OR EXISTS (SELECT 1 FROM loads)
    OR EXISTS (SELECT 1 FROM follows) OR EXISTS (SELECT 1 FROM announced_medals)
    OR EXISTS (SELECT 1 FROM guild_settings)
"""


def _time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _text(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


# --- reading -------------------------------------------------------------------------------------


def _games(stored: Row) -> Games:
    """A Games row as the store reads it, from a database of any schema version."""
    return _stored_games(_padded(stored, GAMES_ROW_DEFAULTS))


def _games_data(db: sqlite3.Connection, games_id: str) -> GamesData:
    row = db.execute(sql.GAMES_ROW, (games_id,)).fetchone()
    last = db.execute(sql.LAST_LOAD, (games_id,)).fetchone()
    return GamesData(
        games=_games(row),
        nations=tuple(_nation(r) for r in db.execute(sql.NATIONS, (games_id,))),
        athletes=tuple(_athlete(r) for r in db.execute(sql.ATHLETES, (games_id,))),
        events=tuple(_event(r) for r in db.execute(sql.EVENTS, (games_id,))),
        results=tuple(_result(r) for r in db.execute(sql.RESULTS, (games_id,))),
        last_load=LoadInfo(
            load_id=last[0], loaded_at=_time(last[1]), source=last[2], user_id=last[3], kind=last[4]
        )
        if last
        else None,
    )


def _image(stored: dict[str, Any]) -> BeforeImage | None:
    if not stored:
        return None
    games = stored.get("games")
    return BeforeImage(
        games=_games(games) if games else None,
        nations={
            code: _nation(_padded(row, NATION_ROW_DEFAULTS)) if row else None
            for code, row in stored.get("nations", {}).items()
        },
        athletes={
            athlete_id: _athlete(_padded(row, ATHLETE_ROW_DEFAULTS)) if row else None
            for athlete_id, row in stored.get("athletes", {}).items()
        },
        events={
            event_id: EventResults(
                event=_event(item["event"]), results=tuple(_result(r) for r in item["results"])
            )
            if item
            else None
            for event_id, item in stored.get("events", {}).items()
        },
    )


def _load(row: Row) -> LoadEntry:
    return LoadEntry(
        load_id=row[0],
        games_id=row[1],
        kind=row[2],
        source=row[3],
        sha256=row[4],
        user_id=row[5],
        loaded_at=_time(row[6]),
        counts=json.loads(row[7]),
        before=_image(json.loads(row[8])),
        undone_by=row[9],
    )


def read_contents(path: Path) -> StoreContents:
    """Everything in the SQLite database at ``path``, read in one transaction."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
        db.execute("BEGIN")
        ids = [row[0] for row in db.execute(sql.GAMES_IDS)]
        return StoreContents(
            games=[_games_data(db, games_id) for games_id in ids],
            loads=[_load(row) for row in db.execute(LOADS)],
            follows=[
                FollowEntry(
                    follow=Follow(guild_id=r[0], channel_id=r[1], games_id=r[2], noc=r[3]),
                    user_id=r[4],
                    created_at=_time(r[5]),
                )
                for r in db.execute(FOLLOWS)
            ],
            announced=[
                AnnouncedEntry(
                    games_id=r[0],
                    medal=MedalKey(
                        event_id=r[1], noc=r[2], medal=Medal(r[3]), athletes=tuple(json.loads(r[4]))
                    ),
                    announced_at=_time(r[5]),
                )
                for r in db.execute(ANNOUNCED)
            ],
            settings=[
                SettingEntry(
                    guild_id=r[0], key=r[1], value=r[2], user_id=r[3], updated_at=_time(r[4])
                )
                for r in db.execute(SETTINGS)
            ],
        )


# --- writing -------------------------------------------------------------------------------------


def _result_row(result: Result) -> list[object]:
    return [
        result.event_id,
        result.rank,
        result.medal.value if result.medal else None,
        result.noc,
        _text(result.athletes),
        result.mark,
        result.note,
    ]


def _stored_image(image: BeforeImage | None) -> str:
    """A before-image as the SQLite store keeps it: the rows it replaced, as lists."""
    if image is None:
        return "{}"
    return json.dumps(
        {
            "games": games_params(image.games) if image.games else None,
            "nations": {k: nation_fields(v) if v else None for k, v in image.nations.items()},
            "athletes": {k: athlete_fields(v) if v else None for k, v in image.athletes.items()},
            "events": {
                k: {"event": event_fields(v.event), "results": [_result_row(r) for r in v.results]}
                if v
                else None
                for k, v in image.events.items()
            },
        }
    )


def _write_games(db: sqlite3.Connection, data: GamesData) -> None:
    games_id = data.games.id
    db.execute(sql.UPSERT_GAMES, games_params(data.games))
    db.executemany(sql.UPSERT_NATION, [nation_params(games_id, n) for n in data.nations])
    db.executemany(sql.UPSERT_ATHLETE, [athlete_params(games_id, a) for a in data.athletes])
    db.executemany(sql.UPSERT_EVENT, [event_params(games_id, e) for e in data.events])
    positions: dict[str, int] = {}
    rows = []
    for result in data.results:
        position = positions[result.event_id] = positions.get(result.event_id, -1) + 1
        rows.append((games_id, result.event_id, position, *_result_row(result)[1:]))
    db.executemany(sql.INSERT_RESULT, rows)


def holds_anything(path: Path) -> bool:
    """True when the (migrated) SQLite database at ``path`` holds any data."""
    with sqlite3.connect(path, timeout=30) as db:
        return bool(db.execute(HOLDS_ANYTHING).fetchone()[0])


def _write_history(db: sqlite3.Connection, contents: StoreContents) -> None:
    """The loads with their ids, then which undo undid which (an undo comes after its load)."""
    db.executemany(
        INSERT_LOAD,
        [
            (
                load.load_id,
                load.games_id,
                load.kind,
                load.source,
                load.sha256,
                load.user_id,
                _iso(load.loaded_at),
                json.dumps(load.counts),
                _stored_image(load.before),
            )
            for load in contents.loads
        ],
    )
    db.executemany(
        sql.MARK_UNDONE,
        [(load.undone_by, load.load_id) for load in contents.loads if load.undone_by is not None],
    )


def _write_followers(db: sqlite3.Connection, contents: StoreContents) -> None:
    db.executemany(
        INSERT_FOLLOW,
        [
            (
                f.follow.guild_id,
                f.follow.channel_id,
                f.follow.games_id,
                f.follow.noc,
                f.user_id,
                _iso(f.created_at),
            )
            for f in contents.follows
        ],
    )
    db.executemany(
        sql.MARK_ANNOUNCED,
        [
            (
                a.games_id,
                a.medal.event_id,
                a.medal.noc,
                a.medal.medal.value,
                json.dumps(list(a.medal.athletes)),
                _iso(a.announced_at),
            )
            for a in contents.announced
        ],
    )
    db.executemany(
        INSERT_SETTING,
        [(s.guild_id, s.key, s.value, s.user_id, _iso(s.updated_at)) for s in contents.settings],
    )


def write_contents(path: Path, contents: StoreContents) -> None:
    """Write ``contents`` into the empty, migrated SQLite database at ``path``, all or nothing."""
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("BEGIN IMMEDIATE")
        try:
            for data in contents.games:
                _write_games(db, data)
            _write_history(db, contents)
            _write_followers(db, contents)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()
