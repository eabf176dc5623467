"""What only the SQLite store does: a WAL file with its schema version, refusing a file that is
not a database, undoing loads whose before-images an older schema wrote, and no change feed (a
bot over SQLite polls for other processes' loads)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.domain.errors import StoreError
from bot.domain.models import LoadPlan
from bot.ingest.bundled import bundled_games, default_data_dir
from bot.service import GamesService
from bot.store.schema import SCHEMA_VERSION
from bot.store.sqlite_store import SqliteStore


async def test_first_use_creates_a_wal_database_at_the_current_schema(
    service: GamesService, db_path: Path
) -> None:
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("SELECT count(*) FROM loads").fetchone()[0] == len(
            bundled_games(default_data_dir())
        )


async def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        await SqliteStore.open(junk)


async def test_there_is_no_change_feed(store: SqliteStore) -> None:
    assert [change async for change in store.changes()] == []


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
