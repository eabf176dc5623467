"""The SQLite store on disk: created and filled on first use, migrations, one-transaction loads
that leave other events untouched, and a failed load that changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.domain.errors import StoreError, UnknownGamesError
from bot.domain.models import GamesData, LoadPlan, Medal, Result
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_games, default_data_dir
from bot.service import GamesService
from bot.store.schema import SCHEMA_VERSION
from bot.store.sqlite_store import SqliteStore

BUNDLED = bundled_games(default_data_dir())


async def test_first_use_creates_and_fills_the_database(
    db_path: Path, bundled_data: GamesData
) -> None:
    store = await SqliteStore.open(db_path)
    service = GamesService(store, "harbin-2025", default_data_dir())
    await service.start()
    data = await store.read_games("harbin-2025")
    await store.close()
    assert data.model_dump(exclude={"last_load"}) == bundled_data.model_dump(exclude={"last_load"})
    assert data.last_load is not None and data.last_load.source == "bundled data/harbin-2025/"
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("SELECT count(*) FROM loads").fetchone()[0] == len(BUNDLED)


async def test_reopening_does_not_load_again(db_path: Path) -> None:
    for _ in range(2):
        store = await SqliteStore.open(db_path)
        await GamesService(store, "harbin-2025", default_data_dir()).start()
        await store.close()
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT count(*) FROM loads").fetchone()[0] == len(BUNDLED)


async def test_a_load_replaces_only_the_events_it_mentions(
    service: GamesService, store: SqliteStore
) -> None:
    before = await store.read_games("harbin-2025")
    event = next(
        e for e in before.events if e.id == "short-track-speed-skating/mens-5000-metre-relay"
    )
    new_results = (
        Result(event_id=event.id, rank=1, medal=Medal.GOLD, noc="KOR", athletes=()),
        Result(event_id=event.id, rank=2, medal=Medal.SILVER, noc="KAZ", athletes=()),
        Result(event_id=event.id, rank=3, medal=Medal.BRONZE, noc="JPN", athletes=()),
    )
    plan = LoadPlan(games=before.games, events=({"event": event, "results": new_results},))  # type: ignore[arg-type]
    await store.apply(plan, source="fix.csv", sha256="abc", user_id=42, kind="load")
    after = await store.read_games("harbin-2025")
    assert [r for r in after.results if r.event_id == event.id] == list(new_results)
    untouched_before = [r for r in before.results if r.event_id != event.id]
    untouched_after = [r for r in after.results if r.event_id != event.id]
    assert untouched_after == untouched_before
    assert (
        after.last_load is not None
        and after.last_load.source == "fix.csv"
        and after.last_load.user_id == 42
    )
    assert apply_plan(before, plan).model_dump(exclude={"last_load"}) == after.model_dump(
        exclude={"last_load"}
    )


async def test_a_failing_load_changes_nothing(service: GamesService, store: SqliteStore) -> None:
    before = await store.read_games("harbin-2025")
    event = before.events[0]
    bad = LoadPlan(
        games=before.games,
        events=(
            {
                "event": event,
                "results": (Result(event_id=event.id, rank=1, medal=Medal.GOLD, noc="NOR"),),
            },  # type: ignore[dict-item]
        ),
    )
    with pytest.raises(sqlite3.IntegrityError):
        await store.apply(bad, source="bad.csv", sha256="x", user_id=None, kind="load")
    after = await store.read_games("harbin-2025")
    assert after == before


async def test_unknown_games_and_unusable_files(store: SqliteStore, tmp_path: Path) -> None:
    with pytest.raises(UnknownGamesError):
        await store.read_games("paris-2024")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        await SqliteStore.open(junk)


async def test_undo_of_a_load_made_before_an_upgrade_restores_the_old_rows(
    service: GamesService, store: SqliteStore, db_path: Path
) -> None:
    """Before-images written by schema 2 lack the columns added since; undo fills in defaults."""
    before = await store.read_games("harbin-2025")
    nation = next(n for n in before.nations if n.code == "KOR")
    athlete = next(a for a in before.athletes if a.id == "kor-kim-gil-li")
    renamed = LoadPlan(
        games=before.games,
        nations=(nation.model_copy(update={"name": "Korea"}),),
        athletes=(athlete.model_copy(update={"name": "Kim Gilli"}),),
    )
    load_id = await store.apply(renamed, source="fix.json", sha256="x", user_id=1, kind="load")
    with sqlite3.connect(db_path) as raw:  # as schema 2 wrote it: shorter rows
        image = json.loads(
            raw.execute("SELECT before FROM loads WHERE id = ?", (load_id,)).fetchone()[0]
        )
        image["games"] = image["games"][:8]
        image["nations"]["KOR"] = image["nations"]["KOR"][:5]
        image["athletes"]["kor-kim-gil-li"] = image["athletes"]["kor-kim-gil-li"][:8]
        raw.execute("UPDATE loads SET before = ? WHERE id = ?", (json.dumps(image), load_id))
    await store.undo_last("harbin-2025", user_id=1)
    after = await store.read_games("harbin-2025")
    assert next(n for n in after.nations if n.code == "KOR") == nation
    assert next(a for a in after.athletes if a.id == "kor-kim-gil-li") == athlete
    assert after.games.name == before.games.name


async def test_guild_settings_are_kept_per_server(store: SqliteStore) -> None:
    await store.set_guild_setting(1, "games", "harbin-2025", user_id=7)
    await store.set_guild_setting(2, "games", "other", user_id=7)
    await store.set_guild_setting(1, "games", "again", user_id=8)
    assert await store.guild_settings(1) == {"games": "again"}
    await store.set_guild_setting(1, "games", None, user_id=8)
    assert await store.guild_settings(1) == {}
    assert await store.guild_settings(2) == {"games": "other"}
