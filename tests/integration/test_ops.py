"""Operations: health verdicts, online backup while the store is open, restore that refuses
files that are not gamesbot databases."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from bot.domain.errors import StoreError
from bot.health import judge_bot, read_status, write_status
from bot.service import GamesService
from bot.store.maintenance import backup_database, check_database, restore_database
from bot.store.sqlite_store import SqliteStore
from tests.integration.test_loading import APPEAL


def test_health_verdicts(tmp_path: Path) -> None:
    now = time.time()
    assert judge_bot(None, now).healthy
    status = tmp_path / "status.json"
    write_status(status, state="running", started_at=now - 500, heartbeat_at=now - 10)
    assert judge_bot(read_status(status), now).healthy
    write_status(status, state="running", started_at=now - 500, heartbeat_at=now - 500)
    verdict = judge_bot(read_status(status), now)
    assert not verdict.healthy and "500 s ago" in verdict.reason
    write_status(status, state="running", started_at=now - 5)
    assert judge_bot(read_status(status), now).healthy
    write_status(status, state="running", started_at=now - 500)
    assert not judge_bot(read_status(status), now).healthy
    write_status(status, state="stopped")
    assert judge_bot(read_status(status), now).healthy
    status.write_text("{not json", encoding="utf-8")
    assert not judge_bot(read_status(status), now).healthy


async def test_backup_while_open_and_restore(
    service: GamesService, store: SqliteStore, db_path: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.db"
    backup_database(db_path, backup)  # the store is open (WAL) while this runs
    assert check_database(backup) == "ok"
    await service.loads.load("appeal.csv", APPEAL, user_id=1)
    changed = service.loads.export("json")
    restore_database(backup, db_path)
    reopened = await SqliteStore.open(db_path)
    try:
        restored = await reopened.read_games("harbin-2025")
        assert (
            restored.last_load is not None
            and restored.last_load.source == "bundled data/harbin-2025/"
        )
    finally:
        await reopened.close()
    assert changed != b""


def test_restore_refuses_what_is_not_a_gamesbot_database(tmp_path: Path, db_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    for bad in (junk, other, tmp_path / "missing.db"):
        with pytest.raises(StoreError, match="refusing to restore"):
            restore_database(bad, db_path)
    assert not db_path.exists()


def good_backup(tmp_path: Path, db_path: Path) -> Path:
    """A backup of a database filled with the bundled data."""
    backup = tmp_path / "good.db"
    backup_database(db_path, backup)
    return backup


def spoiled(backup: Path, name: str, *statements: str) -> Path:
    """A copy of ``backup`` with ``statements`` run on it (foreign keys off, as a hand edit)."""
    bad = backup.with_name(name)
    bad.write_bytes(backup.read_bytes())
    with sqlite3.connect(bad) as db:
        for statement in statements:
            db.execute(statement)
    return bad


def wrong_columns(tmp_path: Path) -> Path:
    """Every table gamesbot makes, by name, but with other columns."""
    bad = tmp_path / "wrong-columns.db"
    with sqlite3.connect(bad) as db:
        for table in (
            "games",
            "nations",
            "athletes",
            "events",
            "results",
            "loads",
            "follows",
            "announced_medals",
            "guild_settings",
        ):
            db.execute(f"CREATE TABLE {table} (id TEXT, payload TEXT)")
        db.execute("PRAGMA user_version = 3")
    return bad


LAST_ATHLETE = "(SELECT max(rowid) FROM athletes)"


async def test_restore_refuses_a_database_the_store_cannot_read_and_keeps_the_current_one(
    service: GamesService, store: SqliteStore, db_path: Path, tmp_path: Path
) -> None:
    backup = good_backup(tmp_path, db_path)
    await service.loads.load("appeal.csv", APPEAL, user_id=1)
    current = service.loads.export("json")
    bad_files = {
        "wrong columns": wrong_columns(tmp_path),
        "garbage JSON": spoiled(
            backup, "json.db", f"UPDATE athletes SET aliases = 'x{{' WHERE rowid = {LAST_ATHLETE}"
        ),
        "JSON of the wrong kind": spoiled(
            backup, "kind.db", f"UPDATE athletes SET aliases = '5' WHERE rowid = {LAST_ATHLETE}"
        ),
        "a before-image that does not read back": spoiled(
            backup, "before.db", """UPDATE loads SET before = '{"events": 5}'"""
        ),
        "a date that is not a date": spoiled(
            backup,
            "date.db",
            f"UPDATE athletes SET birth_date = 'soon' WHERE rowid = {LAST_ATHLETE}",
        ),
        "a missing column": spoiled(backup, "dropped.db", "ALTER TABLE results DROP COLUMN note"),
        "a reference to nothing": spoiled(
            backup, "orphan.db", "DELETE FROM nations WHERE code = 'KOR'"
        ),
    }
    for why, bad in bad_files.items():
        with pytest.raises(StoreError, match="refusing to restore") as refused:
            restore_database(bad, db_path)
        assert "Traceback" not in str(refused.value), why
        reopened = await SqliteStore.open(db_path)  # the current database, as it was
        try:
            again = GamesService(reopened, "harbin-2025", tmp_path / "no-bundled-data")
            await again.library.refresh_all()
            assert again.loads.export("json") == current, why
        finally:
            await reopened.close()
    assert not list(tmp_path.glob("*.restoring*"))  # noqa: ASYNC240
    restore_database(backup, db_path)  # a good backup still restores


async def test_health_reads_the_tables_and_finds_what_quick_check_does_not(
    service: GamesService, db_path: Path, tmp_path: Path
) -> None:
    backup = good_backup(tmp_path, db_path)
    assert check_database(backup) == "ok"
    columns = check_database(wrong_columns(tmp_path))
    assert "table games has columns (id TEXT, payload TEXT)" in columns
    garbage = check_database(
        spoiled(
            backup, "json.db", f"UPDATE athletes SET aliases = 'x{{' WHERE rowid = {LAST_ATHLETE}"
        )
    )
    assert "aliases is not a JSON array: 'x{'" in garbage
    first_row = check_database(spoiled(backup, "date.db", "UPDATE events SET date = 'soon'"))
    assert "a row of events cannot be read" in first_row
    orphan = check_database(spoiled(backup, "orphan.db", "DELETE FROM nations WHERE code = 'KOR'"))
    assert "refers to a missing nations row" in orphan
