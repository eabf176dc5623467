"""Database maintenance: integrity check, online backup (SQLite's backup API, safe while the bot
runs) and restore from a backup after checking that it is a gamesbot database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.domain.errors import StoreError
from bot.store.schema import SCHEMA_VERSION

REQUIRED_TABLES = {"games", "nations", "athletes", "events", "results", "loads"}


def check_database(path: Path) -> str:
    """``ok`` when ``path`` is a sound gamesbot database; otherwise the reason it is not."""
    if not path.exists():
        return f"{path} does not exist"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            quick = db.execute("PRAGMA quick_check").fetchone()
            if not quick or quick[0] != "ok":
                return f"{path} fails PRAGMA quick_check: {quick[0] if quick else 'no answer'}"
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
    except sqlite3.DatabaseError as exc:
        return f"{path} is not a usable SQLite database: {exc}"
    missing = REQUIRED_TABLES - tables
    if missing:
        return f"{path} is not a gamesbot database (missing tables: {', '.join(sorted(missing))})"
    if not 1 <= version <= SCHEMA_VERSION:
        return f"{path} has schema version {version}; this gamesbot reads 1 to {SCHEMA_VERSION}"
    return "ok"


def backup_database(source: Path, destination: Path) -> None:
    """Copy the live database to ``destination`` with SQLite's online backup API."""
    verdict = check_database(source)
    if verdict != "ok":
        raise StoreError(verdict)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30) as src,
        sqlite3.connect(partial) as dst,
    ):
        src.backup(dst)
    partial.replace(destination)


def restore_database(backup: Path, target: Path) -> None:
    """Replace the database at ``target`` with ``backup``, refusing a file that is not a sound
    gamesbot database. Uses the backup API, so a concurrent reader never sees a torn file."""
    verdict = check_database(backup)
    if verdict != "ok":
        raise StoreError(f"refusing to restore: {verdict}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as src,
        sqlite3.connect(target, timeout=30) as dst,
    ):
        src.backup(dst)
