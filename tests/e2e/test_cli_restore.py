"""``gamesbot restore`` refuses (exit 2, the current database untouched) a backup the store
cannot read: right table names but wrong columns, or a garbage JSON cell; ``gamesbot health``
reads the tables and calls such a database unhealthy (exit 1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.e2e.test_cli import gamesbot
from tests.e2e.test_cli_loading import DSQ


def test_restore_refuses_an_unreadable_backup_and_health_says_unhealthy(tmp_path: Path) -> None:
    (tmp_path / "dsq.csv").write_text(DSQ, encoding="utf-8")
    assert gamesbot(tmp_path, "history").returncode == 0  # creates the database
    assert gamesbot(tmp_path, "backup", "good.db").returncode == 0
    assert gamesbot(tmp_path, "load", "dsq.csv", "--yes").returncode == 0
    before = gamesbot(tmp_path, "export").stdout

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes((tmp_path / "good.db").read_bytes())
    with sqlite3.connect(garbage) as db:
        db.execute(
            "UPDATE events SET notes = 'not json' WHERE rowid = (SELECT max(rowid) FROM events)"
        )
    columns = tmp_path / "columns.db"
    with sqlite3.connect(columns) as db:
        for table in ("games", "nations", "athletes", "events", "results", "loads", "follows"):
            db.execute(f"CREATE TABLE {table} (id TEXT)")
        for table in ("announced_medals", "guild_settings"):
            db.execute(f"CREATE TABLE {table} (id TEXT)")
        db.execute("PRAGMA user_version = 3")

    for bad, reason in ((garbage, "notes is not a JSON array"), (columns, "table ")):
        restored = gamesbot(tmp_path, "restore", bad.name)
        assert restored.returncode == 2, restored.stderr
        assert "refusing to restore" in restored.stderr and reason in restored.stderr
        assert "Traceback" not in restored.stderr
        assert gamesbot(tmp_path, "export").stdout == before
        health = gamesbot(tmp_path, "health", GAMESBOT_DB_PATH=str(bad))
        assert health.returncode == 1 and health.stdout.startswith("unhealthy: database ")
        assert reason in health.stdout

    assert gamesbot(tmp_path, "health").returncode == 0
    assert gamesbot(tmp_path, "restore", "good.db").returncode == 0
    assert gamesbot(tmp_path, "export").stdout != before
