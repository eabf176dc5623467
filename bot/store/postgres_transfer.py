"""``store copy`` on the PostgreSQL side: read everything in the store (from one snapshot) as
``StoreContents``, and write ``StoreContents`` into an empty store (in one transaction, keeping
load ids, and moving the id sequence past them)."""

from __future__ import annotations

from psycopg.types.json import Json

from bot.domain.models import EventResults, GamesData, LoadPlan, Result
from bot.store import postgres_rows as rows
from bot.store import postgres_sql as sql
from bot.store.contents import (
    AnnouncedEntry,
    BeforeImage,
    FollowEntry,
    LoadEntry,
    SettingEntry,
    StoreContents,
)
from bot.store.postgres_store import Connection, PostgresStore, read_games_on, write_plan

LOADS = """
SELECT id, games_id, kind, source, sha256, user_id, loaded_at, counts, before, undone_by
FROM loads ORDER BY id
"""
FOLLOWS = """
SELECT guild_id, channel_id, games_id, noc, user_id, created_at FROM follows
ORDER BY created_at, channel_id, games_id COLLATE "C", noc COLLATE "C"
"""
ANNOUNCED = """
SELECT games_id, event_id, noc, medal, athletes, announced_at FROM announced_medals
ORDER BY announced_at, games_id COLLATE "C", event_id COLLATE "C", noc COLLATE "C",
    medal COLLATE "C", athletes COLLATE "C"
"""
SETTINGS = """
SELECT guild_id, key, value, user_id, updated_at FROM guild_settings
ORDER BY updated_at, guild_id, key COLLATE "C"
"""
INSERT_LOAD = """
INSERT INTO loads (id, games_id, kind, source, sha256, user_id, loaded_at, counts, before)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)
"""
MOVE_LOAD_IDS = """
SELECT setval(pg_get_serial_sequence('loads', 'id'), (SELECT max(id) FROM loads))
"""
INSERT_FOLLOW = """
INSERT INTO follows (guild_id, channel_id, games_id, noc, user_id, created_at)
VALUES (%s, %s, %s, %s, %s, %s)
"""
INSERT_ANNOUNCED = """
INSERT INTO announced_medals (games_id, event_id, noc, medal, athletes, announced_at)
VALUES (%s, %s, %s, %s, %s, %s)
"""
INSERT_SETTING = """
INSERT INTO guild_settings (guild_id, key, value, user_id, updated_at) VALUES (%s, %s, %s, %s, %s)
"""
HOLDS_ANYTHING = """
SELECT EXISTS (SELECT 1 FROM games) OR EXISTS (SELECT 1 FROM loads)
    OR EXISTS (SELECT 1 FROM follows) OR EXISTS (SELECT 1 FROM announced_medals)
    OR EXISTS (SELECT 1 FROM guild_settings)
"""


async def holds_anything(store: PostgresStore) -> bool:
    """True when the store holds any data."""
    async with store.pool.connection() as conn:
        row = await (await conn.execute(HOLDS_ANYTHING)).fetchone()
    return bool(row and row[0])


async def _rows(conn: Connection, query: str) -> list[rows.Row]:
    return await (await conn.execute(query)).fetchall()


def _load_entry(r: rows.Row) -> LoadEntry:
    return LoadEntry(
        load_id=r[0],
        games_id=r[1],
        kind=r[2],
        source=r[3],
        sha256=r[4],
        user_id=r[5],
        loaded_at=rows.utc(r[6]),
        counts=r[7],
        before=BeforeImage.from_json(r[8]),
        undone_by=r[9],
    )


async def read_contents(store: PostgresStore) -> StoreContents:
    """Everything in the store, read from one snapshot."""
    async with store.pool.connection() as conn, conn.transaction():
        await conn.execute(sql.READ_SNAPSHOT)
        ids = [str(r[0]) for r in await _rows(conn, sql.GAMES_IDS)]
        return StoreContents(
            games=[await read_games_on(conn, games_id) for games_id in ids],
            loads=[_load_entry(r) for r in await _rows(conn, LOADS)],
            follows=[
                FollowEntry(follow=rows.follow(r), user_id=r[4], created_at=rows.utc(r[5]))
                for r in await _rows(conn, FOLLOWS)
            ],
            announced=[
                AnnouncedEntry(
                    games_id=r[0],
                    medal=rows.medal_key(r[1], r[2], r[3], r[4]),
                    announced_at=rows.utc(r[5]),
                )
                for r in await _rows(conn, ANNOUNCED)
            ],
            settings=[
                SettingEntry(
                    guild_id=r[0], key=r[1], value=r[2], user_id=r[3], updated_at=rows.utc(r[4])
                )
                for r in await _rows(conn, SETTINGS)
            ],
        )


def _plan(data: GamesData) -> LoadPlan:
    """A Games' current data as the plan that writes it whole."""
    results: dict[str, list[Result]] = {e.id: [] for e in data.events}
    for result in data.results:
        results[result.event_id].append(result)
    return LoadPlan(
        games=data.games,
        nations=data.nations,
        athletes=data.athletes,
        events=tuple(EventResults(event=e, results=tuple(results[e.id])) for e in data.events),
    )


async def _write_history(conn: Connection, contents: StoreContents) -> None:
    async with conn.cursor() as cur:
        await cur.executemany(
            INSERT_LOAD,
            [
                (
                    load.load_id,
                    load.games_id,
                    load.kind,
                    load.source,
                    load.sha256,
                    load.user_id,
                    load.loaded_at,
                    Json(load.counts),
                    Json(load.before.to_json() if load.before else {}),
                )
                for load in contents.loads
            ],
        )
        undone = [(load.undone_by, load.load_id) for load in contents.loads if load.undone_by]
        if undone:
            await cur.executemany(sql.MARK_UNDONE, undone)
        if contents.loads:
            await cur.execute(MOVE_LOAD_IDS)


async def write_contents(store: PostgresStore, contents: StoreContents) -> None:
    """Write ``contents`` into the empty store, all or nothing."""
    async with store.pool.connection() as conn, conn.transaction():
        await conn.execute(sql.LOCK_LOADS)
        for data in contents.games:
            await write_plan(conn, _plan(data))
        await _write_history(conn, contents)
        async with conn.cursor() as cur:
            if contents.follows:
                await cur.executemany(
                    INSERT_FOLLOW,
                    [
                        (
                            f.follow.guild_id,
                            f.follow.channel_id,
                            f.follow.games_id,
                            f.follow.noc,
                            f.user_id,
                            f.created_at,
                        )
                        for f in contents.follows
                    ],
                )
            if contents.announced:
                await cur.executemany(
                    INSERT_ANNOUNCED,
                    [
                        (
                            a.games_id,
                            a.medal.event_id,
                            a.medal.noc,
                            a.medal.medal.value,
                            rows.athletes_key(a.medal),
                            a.announced_at,
                        )
                        for a in contents.announced
                    ],
                )
            if contents.settings:
                await cur.executemany(
                    INSERT_SETTING,
                    [
                        (s.guild_id, s.key, s.value, s.user_id, s.updated_at)
                        for s in contents.settings
                    ],
                )
