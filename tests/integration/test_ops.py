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
