"""The PostgreSQL results store (psycopg 3): the same ``ResultsStore`` as the SQLite one, for
several processes (shards, machines) over one database. Numbered migrations under an advisory
lock; reads from one snapshot; loads and undos in one transaction each, one at a time (a lock on
the load history), with the stale-preview check inside it and a NOTIFY that every listening
process receives when it commits; medal announcements claimed with a unique key in one
statement, so two processes claiming at once never both get a medal. Connections come from a
small pool that replaces broken ones (a restarted server), and listening reconnects by itself
(``postgres_listen``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Literal

import psycopg
from psycopg.types.json import Json
from psycopg_pool import AsyncConnectionPool

from bot.domain.errors import (
    NothingToUndoError,
    NotLatestLoadError,
    StalePreviewError,
    StoreError,
    UnknownGamesError,
)
from bot.domain.models import (
    EventResults,
    Follow,
    Games,
    GamesData,
    LoadPlan,
    LoadRecord,
    MedalKey,
)
from bot.domain.ports import StoreChange
from bot.store import postgres_rows as rows
from bot.store import postgres_sql as sql
from bot.store.contents import BeforeImage
from bot.store.location import redact
from bot.store.postgres_listen import CONNECT_TIMEOUT, change_payload, listen_for_changes
from bot.store.postgres_schema import MIGRATION_LOCK, MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE

Connection = psycopg.AsyncConnection[Any]
POOL_SIZE = 4
#: How long an operation waits for a connection (e.g. while PostgreSQL restarts) before failing.
POOL_TIMEOUT = 30.0


async def connect(url: str) -> Connection:
    """One connection to ``url``; ``StoreError`` saying why when there is none to be had."""
    try:
        return await psycopg.AsyncConnection.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
        )
    except psycopg.Error as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        reason = lines[0] if lines else type(exc).__name__
        raise StoreError(f"cannot connect to PostgreSQL at {redact(url)}: {reason}") from None


async def migrate(conn: Connection, where: str) -> None:
    """Bring the schema up to date, in one transaction, under the migration lock."""
    async with conn.transaction():
        await conn.execute(sql.MIGRATION_LOCK, (MIGRATION_LOCK,))
        try:
            await conn.execute(VERSION_TABLE)
        except psycopg.errors.InvalidSchemaName as exc:
            raise StoreError(f"{where} has no schema to create tables in: {exc}") from None
        row = await (await conn.execute(sql.SCHEMA_VERSION)).fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{where} has schema version {version}, newer than this gamesbot ({SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number]:
                await conn.execute(statement)
        if version != SCHEMA_VERSION:
            await conn.execute(sql.SET_SCHEMA_VERSION, (SCHEMA_VERSION,))


class PostgresStore:
    """Results of every Games in one PostgreSQL database (the first schema of its search path).
    Open with ``await PostgresStore.open(url)``."""

    def __init__(self, pool: AsyncConnectionPool[Connection], url: str) -> None:
        self._pool = pool
        self._url = url
        self.where = redact(url)

    @classmethod
    async def open(cls, url: str) -> PostgresStore:
        """Connect, migrate, and open the connection pool."""
        where = redact(url)
        conn = await connect(url)
        try:
            await migrate(conn, where)
        finally:
            await conn.close()
        pool: AsyncConnectionPool[Connection] = AsyncConnectionPool(
            url,
            min_size=1,
            max_size=POOL_SIZE,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
            check=AsyncConnectionPool.check_connection,
            timeout=POOL_TIMEOUT,
            open=False,
            name="gamesbot",
        )
        await pool.open(wait=True, timeout=POOL_TIMEOUT)
        return cls(pool, url)

    async def close(self) -> None:
        """Close every connection."""
        await self._pool.close()

    def changes(self) -> AsyncIterator[StoreChange]:
        """Loads and undos of any process, as they commit (see ``postgres_listen``)."""
        return listen_for_changes(self._url)

    # --- reads ---------------------------------------------------------------------------------

    async def _all(self, query: str, *params: object) -> list[rows.Row]:
        async with self._pool.connection() as conn:
            return await (await conn.execute(query, params or None)).fetchall()

    async def _one(self, query: str, *params: object) -> rows.Row | None:
        async with self._pool.connection() as conn:
            return await (await conn.execute(query, params or None)).fetchone()

    async def games_ids(self) -> list[str]:
        """Ids of the Games held."""
        return [str(row[0]) for row in await self._all(sql.GAMES_IDS)]

    async def games_rows(self) -> list[Games]:
        """The Games rows of every Games held, by id (none of their data)."""
        return [rows.games(row) for row in await self._all(sql.ALL_GAMES)]

    async def read_games(self, games_id: str) -> GamesData:
        """Everything known about one Games, read from one snapshot."""
        async with self._pool.connection() as conn, conn.transaction():
            await conn.execute(sql.READ_SNAPSHOT)
            return await read_games_on(conn, games_id)

    async def history(self, games_id: str, limit: int = 25) -> list[LoadRecord]:
        """The Games' loads, newest first."""
        return [rows.load_record(r) for r in await self._all(sql.LOAD_HISTORY, games_id, limit)]

    async def last_load_id(self, games_id: str) -> int | None:
        """The id of the Games' most recent load (or undo)."""
        row = await self._one(sql.LAST_LOAD, games_id)
        return int(row[0]) if row else None

    async def last_undoable(self, games_id: str) -> LoadRecord | None:
        """The load ``undo_last`` would revert now (None: nothing left to undo)."""
        row = await self._one(sql.LAST_UNDOABLE_RECORD, games_id)
        return rows.load_record(row) if row else None

    # --- loads and undo ------------------------------------------------------------------------

    async def apply(
        self,
        plan: LoadPlan,
        *,
        source: str,
        sha256: str,
        user_id: int | None,
        kind: str = "load",
        expect_last_load: int | Literal["any"] | None = "any",
    ) -> int:
        """Write ``plan`` in one transaction, keeping a before-image for undo; return the load id.

        With ``expect_last_load``, refuse (``StalePreviewError``) unless that is still the Games'
        most recent load, checked inside the transaction while no other load can run."""
        games_id = plan.games.id
        async with self._pool.connection() as conn, conn.transaction():
            await conn.execute(sql.LOCK_LOADS)
            if expect_last_load != "any":
                last = await _fetchone(conn, sql.LAST_LOAD, games_id)
                if (last[0] if last else None) != expect_last_load:
                    raise StalePreviewError()
            before = await _before_image(conn, plan)
            await write_plan(conn, plan)
            counts = {
                "events": len(plan.events),
                "results": sum(len(e.results) for e in plan.events),
                "nations": len(plan.nations),
                "athletes": len(plan.athletes),
            }
            inserted = await _fetchone(
                conn,
                sql.INSERT_LOAD,
                games_id,
                kind,
                source,
                sha256,
                user_id,
                rows.now(),
                Json(counts),
                Json(before.to_json()),
            )
            assert inserted is not None
            load_id = int(inserted[0])
            await conn.execute(sql.NOTIFY, (sql.CHANGES_CHANNEL, change_payload(games_id, load_id)))
        return load_id

    async def undo_last(
        self, games_id: str, *, user_id: int | None, expect_load_id: int | None = None
    ) -> tuple[LoadRecord, int]:
        """Revert the most recent load not yet undone (in one transaction); return it and the id
        of the undo's own history entry. ``NothingToUndoError`` when there is none;
        ``NotLatestLoadError`` when ``expect_load_id`` is given and is no longer that load
        (checked under the load lock, so no other load or undo can come in between)."""
        async with self._pool.connection() as conn, conn.transaction():
            await conn.execute(sql.LOCK_LOADS)
            row = await _fetchone(conn, sql.LAST_UNDOABLE, games_id)
            if expect_load_id is not None and (row is None or int(row[0]) != expect_load_id):
                raise NotLatestLoadError(expect_load_id, int(row[0]) if row else None)
            if row is None:
                raise NothingToUndoError()
            load_id, source, before_json = int(row[0]), str(row[1]), row[2]
            image = BeforeImage.from_json(before_json)
            if image is None:
                raise StoreError(f"load {load_id} kept no before-image; it cannot be undone")
            await _restore(conn, games_id, image)
            inserted = await _fetchone(
                conn,
                sql.INSERT_LOAD,
                games_id,
                "undo",
                f"undo of load {load_id} ({source})",
                "",
                user_id,
                rows.now(),
                Json({"events": len(image.events)}),
                Json({}),
            )
            assert inserted is not None
            undo_id = int(inserted[0])
            await conn.execute(sql.MARK_UNDONE, (undo_id, load_id))
            undone = await _fetchone(conn, sql.LOAD_ROW, load_id)
            await conn.execute(sql.NOTIFY, (sql.CHANGES_CHANNEL, change_payload(games_id, undo_id)))
        assert undone is not None
        return rows.load_record(undone), undo_id

    # --- followers -------------------------------------------------------------------------------

    async def _rowcount(self, query: str, *params: object) -> int:
        async with self._pool.connection() as conn:
            return (await conn.execute(query, params)).rowcount

    async def follow(self, follow: Follow, *, user_id: int | None) -> bool:
        """Add a follow; False when the channel already follows that nation."""
        added = await self._rowcount(
            sql.FOLLOW,
            follow.guild_id,
            follow.channel_id,
            follow.games_id,
            follow.noc,
            user_id,
            rows.now(),
        )
        return added > 0

    async def unfollow(self, follow: Follow) -> bool:
        """Remove a follow; False when there was none."""
        removed = await self._rowcount(sql.UNFOLLOW, follow.channel_id, follow.games_id, follow.noc)
        return removed > 0

    async def follows_in_guild(self, guild_id: int) -> list[Follow]:
        """The follows of one guild."""
        return [rows.follow(r) for r in await self._all(sql.FOLLOWS_IN_GUILD, guild_id)]

    async def follows_of_games(self, games_id: str) -> list[Follow]:
        """Every follow of one Games."""
        return [rows.follow(r) for r in await self._all(sql.FOLLOWS_OF_GAMES, games_id)]

    async def claim_announcements(self, games_id: str, medals: list[MedalKey]) -> list[MedalKey]:
        """Record medals as announced and return those no process had announced before. One
        statement with a unique key: of two processes claiming a medal at once, the second waits
        for the first to commit and then finds it taken, so the medal is posted once."""
        keyed = {(m.event_id, m.noc, m.medal.value, rows.athletes_key(m)): m for m in medals}
        if not keyed:
            return []
        ordered = sorted(keyed)  # the same lock order in every process: no deadlock
        async with self._pool.connection() as conn:
            claimed = await (
                await conn.execute(
                    sql.CLAIM_ANNOUNCEMENTS,
                    (
                        games_id,
                        rows.now(),
                        [k[0] for k in ordered],
                        [k[1] for k in ordered],
                        [k[2] for k in ordered],
                        [k[3] for k in ordered],
                    ),
                )
            ).fetchall()
        won = {tuple(r) for r in claimed}
        return [medal for key, medal in keyed.items() if key in won]

    # --- server settings -----------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> dict[str, str]:
        """A server's own settings (e.g. ``games``: its default Games)."""
        return {str(k): str(v) for k, v in await self._all(sql.GUILD_SETTINGS, guild_id)}

    async def set_guild_setting(
        self, guild_id: int, key: str, value: str | None, *, user_id: int | None
    ) -> None:
        """Set a server's setting, or clear it with ``None``."""
        if value is None:
            await self._rowcount(sql.CLEAR_GUILD_SETTING, guild_id, key)
        else:
            await self._rowcount(sql.SET_GUILD_SETTING, guild_id, key, value, user_id, rows.now())

    # --- for ``store copy`` ----------------------------------------------------------------------

    @property
    def pool(self) -> AsyncConnectionPool[Connection]:
        """The connection pool (``postgres_transfer`` reads and writes through it)."""
        return self._pool


async def _fetchone(conn: Connection, query: str, *params: object) -> rows.Row | None:
    return await (await conn.execute(query, params or None)).fetchone()


async def _fetchall(conn: Connection, query: str, *params: object) -> list[rows.Row]:
    return await (await conn.execute(query, params or None)).fetchall()


async def read_games_on(conn: Connection, games_id: str) -> GamesData:
    """One Games, as domain models, read on ``conn`` (in the caller's transaction)."""
    row = await _fetchone(conn, sql.GAMES_ROW, games_id)
    if row is None:
        ids = [str(r[0]) for r in await _fetchall(conn, sql.GAMES_IDS)]
        raise UnknownGamesError(games_id, ids)
    return GamesData(
        games=rows.games(row),
        nations=tuple(map(rows.nation, await _fetchall(conn, sql.NATIONS, games_id))),
        athletes=tuple(map(rows.athlete, await _fetchall(conn, sql.ATHLETES, games_id))),
        events=tuple(map(rows.event, await _fetchall(conn, sql.EVENTS, games_id))),
        results=tuple(map(rows.result, await _fetchall(conn, sql.RESULTS, games_id))),
        last_load=rows.load_info(await _fetchone(conn, sql.LAST_LOAD, games_id)),
    )


async def _before_image(conn: Connection, plan: LoadPlan) -> BeforeImage:
    """What ``plan`` is about to replace, read in its transaction."""
    games_id = plan.games.id
    games_row = await _fetchone(conn, sql.GAMES_ROW, games_id)
    codes = [n.code for n in plan.nations]
    athlete_ids = [a.id for a in plan.athletes]
    event_ids = [e.event.id for e in plan.events]
    nations = {
        n.code: n
        for n in map(rows.nation, await _fetchall(conn, sql.NATIONS_NAMED, games_id, codes))
    }
    athletes = {
        a.id: a
        for a in map(rows.athlete, await _fetchall(conn, sql.ATHLETES_NAMED, games_id, athlete_ids))
    }
    events = {
        e.id: e
        for e in map(rows.event, await _fetchall(conn, sql.EVENTS_NAMED, games_id, event_ids))
    }
    results: dict[str, list[Any]] = {}
    for row in await _fetchall(conn, sql.RESULTS_OF_EVENTS, games_id, event_ids):
        results.setdefault(row[0], []).append(rows.result(row))
    return BeforeImage(
        games=rows.games(games_row) if games_row else None,
        nations={code: nations.get(code) for code in codes},
        athletes={athlete_id: athletes.get(athlete_id) for athlete_id in athlete_ids},
        events={
            event_id: EventResults(event=events[event_id], results=tuple(results.get(event_id, ())))
            if event_id in events
            else None
            for event_id in event_ids
        },
    )


async def write_plan(conn: Connection, plan: LoadPlan) -> None:
    """Write a load plan's rows on ``conn`` (in the caller's transaction)."""
    games_id = plan.games.id
    async with conn.cursor() as cur:
        await cur.execute(sql.UPSERT_GAMES, rows.games_params(plan.games))
        if plan.nations:
            await cur.executemany(
                sql.UPSERT_NATION, [rows.nation_params(games_id, n) for n in plan.nations]
            )
        if plan.athletes:
            await cur.executemany(
                sql.UPSERT_ATHLETE, [rows.athlete_params(games_id, a) for a in plan.athletes]
            )
    await _replace_events(conn, games_id, list(plan.events))


async def _replace_events(conn: Connection, games_id: str, items: list[EventResults]) -> None:
    """Write events with their complete result lists, replacing what they had."""
    if not items:
        return
    async with conn.cursor() as cur:
        await cur.execute(sql.DELETE_RESULTS_OF_EVENTS, (games_id, [i.event.id for i in items]))
        await cur.executemany(
            sql.UPSERT_EVENT, [rows.event_params(games_id, i.event) for i in items]
        )
        async with cur.copy(sql.COPY_RESULTS) as copy:
            for item in items:
                for position, result in enumerate(item.results):
                    await copy.write_row(
                        rows.result_copy_row(games_id, item.event.id, position, result)
                    )


async def _restore(conn: Connection, games_id: str, image: BeforeImage) -> None:
    """Put back what a load replaced (the reverse of ``_write``)."""
    if image.events:
        async with conn.cursor() as cur:
            await cur.execute(sql.DELETE_RESULTS_OF_EVENTS, (games_id, list(image.events)))
            gone = [event_id for event_id, item in image.events.items() if item is None]
            if gone:
                await cur.execute(sql.DELETE_EVENTS, (games_id, gone))
        await _replace_events(conn, games_id, [i for i in image.events.values() if i is not None])
    async with conn.cursor() as cur:
        for athlete_id, athlete in image.athletes.items():
            if athlete is None:
                await cur.execute(sql.DELETE_ATHLETE, (games_id, athlete_id))
            else:
                await cur.execute(sql.UPSERT_ATHLETE, rows.athlete_params(games_id, athlete))
        for code, nation in image.nations.items():
            if nation is None:
                await cur.execute(sql.DELETE_NATION, (games_id, code))
            else:
                await cur.execute(sql.UPSERT_NATION, rows.nation_params(games_id, nation))
        if image.games is None:
            await cur.execute(sql.DELETE_GAMES, (games_id,))
        else:
            await cur.execute(sql.UPSERT_GAMES, rows.games_params(image.games))
