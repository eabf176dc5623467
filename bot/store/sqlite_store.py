"""The SQLite results store (aiosqlite): WAL, foreign keys, migrations, domain-model reads and
all-or-nothing loads that keep a before-image of what they replace, so a load can be undone.

One connection serves the whole process, and SQLite has one transaction per connection: every
write transaction runs under the store's lock (``_one_writer``), so two coroutines writing at once
(a load and a follow, two follows) take turns instead of failing with "cannot start a transaction
within a transaction". Reads take the same turns (``_in_turn``): on the one connection, a read
made while another coroutine's load is open would see its rows before they are committed (and
keep them in a view if the load then rolled back)."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, Literal, ParamSpec, TypeVar

import aiosqlite

from bot.domain.errors import (
    NothingToUndoError,
    NotLatestLoadError,
    StalePreviewError,
    StoreError,
    UnknownGamesError,
)
from bot.domain.models import (
    Follow,
    Games,
    GamesData,
    LoadInfo,
    LoadPlan,
    LoadRecord,
    MedalKey,
)
from bot.domain.ports import StoreChange
from bot.store import sql
from bot.store.decode import Decoder
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from bot.store import sqlite_rows as rows

__all__ = ["SqliteStore"]

Row = Sequence[Any]
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _one_writer(
    method: Callable[Concatenate[SqliteStore, _P], Coroutine[Any, Any, _R]],
) -> Callable[Concatenate[SqliteStore, _P], Coroutine[Any, Any, _R]]:
    """Run a method that opens a write transaction under the store's write lock."""

    @functools.wraps(method)
    async def locked(store: SqliteStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        task = asyncio.current_task()
        if (
            task is not None and store._lock_holder is task
        ):  # a locked method calling another: already its turn
            return await method(store, *args, **kwargs)
        async with store._write_lock:
            store._lock_holder = task
            try:
                return await method(store, *args, **kwargs)
            finally:
                store._lock_holder = None

    return locked


#: Reads take their turn with the writes (see the module's docstring).
_in_turn = _one_writer


class SqliteStore:
    """Results of every Games in one SQLite file. Open with ``await SqliteStore.open(path)``."""

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        self._write_lock = asyncio.Lock()
        self._lock_holder: asyncio.Task[Any] | None = None

    @classmethod
    async def open(cls, path: Path) -> SqliteStore:
        """Open (creating folders and schema as needed) and migrate the database at ``path``."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, aiosqlite.Error) as exc:
            raise StoreError(f"cannot open the database at {path}: {exc}") from None
        store = cls(db, path)
        try:
            await store._prepare()
        except aiosqlite.DatabaseError as exc:
            await db.close()
            raise StoreError(f"{path} is not a usable gamesbot database: {exc}") from None
        return store

    async def _prepare(self) -> None:
        # One trip to the connection's thread for the settings (each statement took one).
        await self._db.executescript(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
            "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;"
        )
        row = await self._one("PRAGMA user_version")
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this gamesbot ({SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split(MIGRATIONS[number]):
                    await self._db.execute(statement)
                await self._db.execute(f"PRAGMA user_version = {number + 1}")
                await self._db.execute("COMMIT")
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise

    async def close(self) -> None:
        """Close the connection."""
        await self._db.close()

    async def quick_check(self) -> str:
        """``PRAGMA quick_check``: ``ok`` when the file is sound."""
        async with self._db.execute("PRAGMA quick_check") as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else "no answer"

    # --- reads ---------------------------------------------------------------------------------

    # One trip each to the connection's thread (a cursor's execute, fetch and close took three).

    async def _all(self, query: str, *params: object) -> list[Row]:
        return list(await self._db.execute_fetchall(query, params))

    async def _one(self, query: str, *params: object) -> Row | None:
        """The first row of a statement that returns at most one (a key, or ``LIMIT 1``)."""
        found = await self._db.execute_fetchall(query, params)
        return next(iter(found), None)

    @_in_turn
    async def games_ids(self) -> list[str]:
        """Ids of the Games held."""
        return [str(row[0]) for row in await self._all(sql.GAMES_IDS)]

    @_in_turn
    async def games_rows(self) -> list[Games]:
        """The Games rows of every Games held, by id (none of their data)."""
        return [_games(row) for row in await self._all(sql.ALL_GAMES)]

    @_in_turn
    async def read_games(self, games_id: str) -> GamesData:
        """Everything known about one Games, as domain models."""
        row = await self._one(sql.GAMES_ROW, games_id)
        if row is None:
            raise UnknownGamesError(games_id, await self.games_ids())
        games = _games(row)
        nations = tuple(_nation(r) for r in await self._all(sql.NATIONS, games_id))
        athletes = tuple(_athlete(r) for r in await self._all(sql.ATHLETES, games_id))
        events = tuple(_event(r) for r in await self._all(sql.EVENTS, games_id))
        results = tuple(_result(r) for r in await self._all(sql.RESULTS, games_id))
        last = await self._one(sql.LAST_LOAD, games_id)
        last_load = (
            LoadInfo(
                load_id=last[0],
                loaded_at=dt.datetime.fromisoformat(last[1]),
                source=last[2],
                user_id=last[3],
                kind=last[4],
            )
            if last
            else None
        )
        return GamesData(
            games=games,
            nations=nations,
            athletes=athletes,
            events=events,
            results=results,
            last_load=last_load,
        )

    # --- writes --------------------------------------------------------------------------------

    @_one_writer
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
        most recent load, checked inside the transaction so two loads never interleave."""
        from bot.store import sqlite_rows as rows  # the writes' encoding: only writes need it

        games_id = plan.games.id
        writes = rows.plan_rows(plan)  # encoded before the write lock is taken
        counts = json.dumps(
            {
                "events": len(plan.events),
                "results": len(writes.results),
                "nations": len(plan.nations),
                "athletes": len(plan.athletes),
            }
        )
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            if expect_last_load != "any":
                last = await self._one(sql.LAST_LOAD, games_id)
                if (last[0] if last else None) != expect_last_load:
                    raise StalePreviewError()
            before = await self._before_image(plan)
            await self._write(writes)
            cursor = await self._db.execute(
                sql.INSERT_LOAD,
                (games_id, kind, source, sha256, user_id, _now(), counts, json.dumps(before)),
            )
            load_id = int(cursor.lastrowid or 0)
            await self._db.execute("COMMIT")
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise
        return load_id

    async def _before_image(self, plan: LoadPlan) -> dict[str, Any]:
        """What ``plan`` replaces, read in its transaction: one query a table for the whole load."""
        from bot.store import sqlite_rows as rows  # the writes' encoding: only writes need it

        games_id = plan.games.id
        return rows.before_image(
            await self._one(sql.GAMES_ROW, games_id),
            plan,
            nations=await self._all(
                sql.NATIONS_NAMED, games_id, rows.keys([n.code for n in plan.nations])
            ),
            athletes=await self._all(
                sql.ATHLETES_NAMED, games_id, rows.keys([a.id for a in plan.athletes])
            ),
            events=await self._all(
                sql.EVENTS_NAMED, games_id, rows.keys([e.event.id for e in plan.events])
            ),
            results=await self._all(
                sql.RESULTS_OF_EVENTS, games_id, rows.keys([e.event.id for e in plan.events])
            ),
        )

    async def _write(self, writes: rows.PlanRows) -> None:
        """Write a load's rows: one statement a table, the events' old results replaced."""
        from bot.store import sqlite_rows as rows  # the writes' encoding: only writes need it

        db = self._db
        games_id = writes.games[0]
        await db.execute(sql.UPSERT_GAMES, writes.games)
        await db.executemany(sql.UPSERT_NATION, writes.nations)
        await db.executemany(sql.UPSERT_ATHLETE, writes.athletes)
        if writes.event_ids:
            await db.execute(sql.DELETE_RESULTS_OF_EVENTS, (games_id, rows.keys(writes.event_ids)))
        await db.executemany(sql.UPSERT_EVENT, writes.events)
        await db.executemany(sql.INSERT_RESULT, writes.results)

    @_one_writer
    async def undo_last(
        self, games_id: str, *, user_id: int | None, expect_load_id: int | None = None
    ) -> tuple[LoadRecord, int]:
        """Revert the most recent load not yet undone (in one transaction); return it and the id of
        the undo's own history entry. Raise ``NothingToUndoError`` when there is none, and
        ``NotLatestLoadError`` when ``expect_load_id`` is given and is no longer that load
        (checked inside the transaction, so no other load or undo can come in between)."""
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            row = await self._one(sql.LAST_UNDOABLE, games_id)
            if row is None and expect_load_id is None:
                raise NothingToUndoError()
            if expect_load_id is not None and (row is None or row[0] != expect_load_id):
                raise NotLatestLoadError(expect_load_id, row[0] if row else None)
            assert row is not None
            load_id, source, before_json = row
            before = json.loads(before_json)
            await self._restore(games_id, before)
            cursor = await self._db.execute(
                sql.INSERT_LOAD,
                (
                    games_id,
                    "undo",
                    f"undo of load {load_id} ({source})",
                    "",
                    user_id,
                    _now(),
                    json.dumps({"events": len(before["events"])}),
                    "{}",
                ),
            )
            undo_id = int(cursor.lastrowid or 0)
            await self._db.execute(sql.MARK_UNDONE, (undo_id, load_id))
            undone = await self._one(sql.LOAD_ROW, load_id)
            await self._db.execute("COMMIT")
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise
        assert undone is not None
        return _load_record(undone), undo_id

    async def _restore(self, games_id: str, before: dict[str, Any]) -> None:
        """Put back what a load replaced (its before-image): one statement a table."""
        from bot.store import sqlite_rows as rows  # the writes' encoding: only writes need it

        db = self._db
        writes = rows.restore_rows(games_id, before)
        if writes.event_ids:
            await db.execute(sql.DELETE_RESULTS_OF_EVENTS, (games_id, rows.keys(writes.event_ids)))
        if writes.gone_events:
            await db.execute(sql.DELETE_EVENTS_NAMED, (games_id, rows.keys(writes.gone_events)))
        await db.executemany(sql.UPSERT_EVENT, writes.events)
        await db.executemany(sql.INSERT_RESULT, writes.results)
        await db.executemany(sql.DELETE_ATHLETE, writes.gone_athletes)
        await db.executemany(sql.UPSERT_ATHLETE, writes.athletes)
        await db.executemany(sql.DELETE_NATION, writes.gone_nations)
        await db.executemany(sql.UPSERT_NATION, writes.nations)
        if before["games"] is None:
            await db.execute(sql.DELETE_GAMES, (games_id,))
        else:
            await db.execute(
                sql.UPSERT_GAMES, rows.padded(before["games"], rows.GAMES_ROW_DEFAULTS)
            )

    @_in_turn
    async def history(self, games_id: str, limit: int = 25) -> list[LoadRecord]:
        """The Games' loads, newest first."""
        return [_load_record(row) for row in await self._all(sql.LOAD_HISTORY, games_id, limit)]

    @_in_turn
    async def last_undoable(self, games_id: str) -> LoadRecord | None:
        """The load ``undo_last`` would revert now (None: nothing left to undo)."""
        row = await self._one(sql.LAST_UNDOABLE_RECORD, games_id)
        return _load_record(row) if row else None

    # --- followers -------------------------------------------------------------------------------

    @_one_writer
    async def _execute_one(self, statement: str, *params: object) -> int:
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            cursor = await self._db.execute(statement, params)
            await self._db.execute("COMMIT")
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise
        return cursor.rowcount

    async def follow(self, follow: Follow, *, user_id: int | None) -> bool:
        """Add a follow; False when the channel already follows that nation."""
        added = await self._execute_one(
            sql.FOLLOW,
            follow.guild_id,
            follow.channel_id,
            follow.games_id,
            follow.noc,
            user_id,
            _now(),
        )
        return added > 0

    async def unfollow(self, follow: Follow) -> bool:
        """Remove a follow; False when there was none."""
        return (
            await self._execute_one(sql.UNFOLLOW, follow.channel_id, follow.games_id, follow.noc)
            > 0
        )

    @_in_turn
    async def follows_in_guild(self, guild_id: int) -> list[Follow]:
        """The follows of one guild."""
        return [_follow(row) for row in await self._all(sql.FOLLOWS_IN_GUILD, guild_id)]

    @_in_turn
    async def follows_of_games(self, games_id: str) -> list[Follow]:
        """Every follow of one Games."""
        return [_follow(row) for row in await self._all(sql.FOLLOWS_OF_GAMES, games_id)]

    @_one_writer
    async def claim_announcements(self, games_id: str, medals: list[MedalKey]) -> list[MedalKey]:
        """Record medals as announced and return those not announced before (by this or any other
        process), in one transaction: whoever claims a medal posts it, so it is posted once."""
        claimed = []
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            for m in medals:
                cursor = await self._db.execute(
                    sql.MARK_ANNOUNCED,
                    (
                        games_id,
                        m.event_id,
                        m.noc,
                        m.medal.value,
                        json.dumps(list(m.athletes)),
                        _now(),
                    ),
                )
                if cursor.rowcount > 0:
                    claimed.append(m)
            await self._db.execute("COMMIT")
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise
        return claimed

    @_in_turn
    async def last_load_id(self, games_id: str) -> int | None:
        """The id of the Games' most recent load (or undo)."""
        row = await self._one(sql.LAST_LOAD, games_id)
        return int(row[0]) if row else None

    # --- server settings -----------------------------------------------------------------------

    @_in_turn
    async def guild_settings(self, guild_id: int) -> dict[str, str]:
        """A server's own settings (e.g. ``games``: its default Games)."""
        return {str(k): str(v) for k, v in await self._all(sql.GUILD_SETTINGS, guild_id)}

    async def set_guild_setting(
        self, guild_id: int, key: str, value: str | None, *, user_id: int | None
    ) -> None:
        """Set a server's setting, or clear it with ``None``."""
        if value is None:
            await self._execute_one(sql.CLEAR_GUILD_SETTING, guild_id, key)
        else:
            await self._execute_one(sql.SET_GUILD_SETTING, guild_id, key, value, user_id, _now())

    async def changes(self) -> AsyncIterator[StoreChange]:
        """SQLite cannot tell this process about another's loads: nothing is ever yielded, and
        the library polls ``last_load_id`` instead."""
        nothing: tuple[StoreChange, ...] = ()
        for change in nothing:
            yield change


def _follow(row: Row) -> Follow:
    return Follow(guild_id=row[0], channel_id=row[1], games_id=row[2], noc=row[3])


def _load_record(row: Row) -> LoadRecord:
    counts = json.loads(row[7])
    return LoadRecord(
        load_id=row[0],
        kind=row[2],
        source=row[3],
        sha256=row[4],
        user_id=row[5],
        loaded_at=dt.datetime.fromisoformat(row[6]),
        events=counts.get("events", 0),
        results=counts.get("results", 0),
        undone_by=row[8],
    )


def _strings(text: str) -> tuple[str, ...]:
    """A JSON array of strings as the store wrote it (most are empty: no JSON to decode)."""
    return () if text == "[]" else tuple(json.loads(text))


def _split(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


DECODE = Decoder(date=_date, strings=_strings)
_games, _nation, _athlete = DECODE.games, DECODE.nation, DECODE.athlete
_event, _result = DECODE.event, DECODE.result
