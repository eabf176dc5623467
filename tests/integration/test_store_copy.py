"""``store copy``: everything moves from SQLite to PostgreSQL and back (Games, loads with their
before-images, follows, announced medals, server settings); the copy exports byte for byte the
same, its SQLite file holds the same rows, and undo on a copy does what it does on the original.
A destination that holds anything, a missing source and a copy onto itself are refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.domain.errors import StoreError
from bot.domain.models import Follow, Medal, MedalKey
from bot.ingest.bundled import bundled_games, default_data_dir
from bot.service import GamesService
from bot.store.contents import StoreContents
from bot.store.factory import Store, open_store
from bot.store.transfer import copy_store, read_contents
from tests.integration.test_loading import APPEAL
from tests.integration.test_store import relay_plan

BUNDLED = len(bundled_games(default_data_dir()))
#: What ``fill`` leaves (every bundled Games, and three loads on top of their bundled loads).
FILLED = f"{BUNDLED} Games, {BUNDLED + 3} loads, 2 follows, 1 announced medal, 1 server setting"
TABLES = ("games", "nations", "athletes", "events", "results", "follows", "announced_medals")


async def fill(location: str | Path) -> None:
    """A store with some history: the bundled data, a load, its undo, another load (with an old
    NOC renamed), follows, announced medals and a server setting."""
    store = await open_store(location)
    try:
        service = GamesService(store, "harbin-2025", default_data_dir())
        await service.start()
        await service.loads.load("appeal.csv", APPEAL, user_id=7)
        await service.loads.undo(user_id=7)
        data = await store.read_games("harbin-2025")
        await store.apply(
            relay_plan(data, "KAZ", "KOR", "CHN"), source="r.csv", sha256="r", user_id=8
        )
        await store.follow(
            Follow(guild_id=1, channel_id=11, games_id="harbin-2025", noc="KOR"), user_id=3
        )
        await store.follow(
            Follow(guild_id=2, channel_id=22, games_id="harbin-2025", noc="JPN"), user_id=4
        )
        await store.claim_announcements(
            "harbin-2025",
            [
                MedalKey(
                    event_id="e", noc="KOR", medal=Medal.GOLD, athletes=("kor-kim-gil-li", "김")
                )
            ],
        )
        await store.set_guild_setting(1, "games", "harbin-2025", user_id=3)
    finally:
        await store.close()


async def exports(location: str | Path) -> dict[str, bytes]:
    store = await open_store(location)
    try:
        service = GamesService(store, "harbin-2025", default_data_dir())
        await service.library.refresh_all()
        return {
            f"{games_id}.{fmt}": service.loads.export(fmt, games_id)  # type: ignore[arg-type]
            for games_id in service.library.games_ids
            for fmt in ("json", "csv")
        }
    finally:
        await store.close()


async def contents(location: str | Path) -> StoreContents:
    store = await open_store(location)
    try:
        return await read_contents(store)
    finally:
        await store.close()


def comparable(found: StoreContents) -> tuple[Any, ...]:
    return (
        found.games,
        found.loads,
        sorted(found.follows, key=repr),
        sorted(found.announced, key=repr),
        sorted(found.settings, key=repr),
    )


def raw_tables(path: Path) -> dict[str, Any]:
    """Every row of a SQLite store (in no particular order), JSON columns of loads decoded."""
    with sqlite3.connect(path) as db:
        found: dict[str, Any] = {
            table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in (*TABLES, "guild_settings")
        }
        found["loads"] = [
            (*row[:7], json.loads(row[7]), json.loads(row[8]), row[9])
            for row in db.execute("SELECT * FROM loads ORDER BY id")
        ]
        found["sequence"] = db.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'loads'"
        ).fetchall()
    return found


async def undo_and_export(location: str | Path) -> tuple[str, bytes]:
    store = await open_store(location)
    try:
        service = GamesService(store, "harbin-2025", default_data_dir())
        await service.library.refresh_all()
        undone = await service.loads.undo(user_id=9)
        assert undone.undone is not None
        return undone.undone.source, service.loads.export("json")
    finally:
        await store.close()


async def test_sqlite_to_postgres_to_sqlite_keeps_everything(
    tmp_path: Path, postgres_url: str
) -> None:
    original, back = tmp_path / "original.db", tmp_path / "back.db"
    await fill(original)
    copied = await copy_store(str(original), postgres_url)
    assert copied.summary() == FILLED
    await copy_store(postgres_url, str(back))

    assert await exports(postgres_url) == await exports(original)
    assert await exports(back) == await exports(original)
    expected = comparable(await contents(original))
    assert comparable(await contents(postgres_url)) == expected
    assert comparable(await contents(back)) == expected
    assert raw_tables(back) == raw_tables(original)

    # Undo works on every copy as on the original (before-images survived both ways), and new
    # load ids continue after the copied ones.
    results = {where: await undo_and_export(where) for where in (original, postgres_url, back)}
    assert len(set(results.values())) == 1 and results[original][0] == "r.csv"
    histories = []
    for where in (original, postgres_url, back):
        store = await open_store(where)
        histories.append(
            [(h.load_id, h.kind, h.source, h.undone_by) for h in await store.history("harbin-2025")]
        )
        await store.close()
    assert histories[0] == histories[1] == histories[2]
    assert histories[0][0][1] == "undo" and histories[0][0][0] == BUNDLED + 4


async def test_a_destination_that_holds_anything_is_refused(
    tmp_path: Path, postgres_url: str
) -> None:
    source, other = tmp_path / "source.db", tmp_path / "other.db"
    await fill(source)
    store: Store = await open_store(other)
    await store.set_guild_setting(5, "games", "x", user_id=None)
    await store.close()
    for destination in (str(other), str(source)):
        with pytest.raises(StoreError, match=r"refusing to copy into|onto itself"):
            await copy_store(str(source), destination)
    assert (await contents(other)).summary().endswith("1 server setting")
    await copy_store(str(source), postgres_url)
    with pytest.raises(StoreError, match="refusing to copy into postgresql://"):
        await copy_store(str(source), postgres_url)


async def test_a_missing_source_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        await copy_store(str(tmp_path / "missing.db"), str(tmp_path / "new.db"))
    assert not (tmp_path / "missing.db").exists()
