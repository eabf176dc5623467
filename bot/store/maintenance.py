"""Database maintenance: integrity check, online backup (SQLite's backup API, safe while the bot
runs) and restore from a backup after checking that it is a gamesbot database the store can read:
the file is copied aside, migrated, and every row read back as the store reads it (and, given
``check``, the Games views built) before the database is replaced, so a refused backup leaves the
current database untouched."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from bot.domain.errors import StoreError
from bot.store.contents import StoreContents
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION
from bot.store.sqlite_check import readable_problem
from bot.store.sqlite_store import _split

REQUIRED_TABLES = {"games", "nations", "athletes", "events", "results", "loads"}


def check_database(path: Path) -> str:
    """``ok`` when ``path`` is a sound gamesbot database (``quick_check``, the tables and columns
    of its schema version, JSON cells, references, one row of each table read as the store reads
    it); otherwise the reason it is not."""
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
            missing = REQUIRED_TABLES - tables
            if missing:
                return f"{path} is not a gamesbot database (missing tables: {', '.join(sorted(missing))})"
            if not 1 <= version <= SCHEMA_VERSION:
                return f"{path} has schema version {version}; this gamesbot reads 1 to {SCHEMA_VERSION}"
            problem = readable_problem(db, version)
    except sqlite3.DatabaseError as exc:
        return f"{path} is not a usable SQLite database: {exc}"
    if problem is not None:
        return f"{path} is not a gamesbot database the store can read ({problem})"
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


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _migrate(path: Path) -> None:
    """Run the migrations ``path`` lacks, in one transaction, as the store does on opening it."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version == SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")
        for script in MIGRATIONS[version:]:
            for statement in _split(script):
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    finally:
        db.close()


def read_back(staged: Path, check: Callable[[StoreContents], None] | None) -> None:
    """Migrate the staged copy as the store would on opening it, check it again at the current
    schema, then read every row of it as the store reads it (``StoreError`` saying what cannot
    be read)."""
    from bot.store.sqlite_transfer import read_contents

    try:
        _migrate(staged)
        verdict = check_database(staged)
        if verdict != "ok":
            raise StoreError(f"refusing to restore: once migrated, {verdict}")
        contents = read_contents(staged)
        if check is not None:
            check(contents)
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        reason = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
        raise StoreError(f"refusing to restore: a row cannot be read back: {reason}") from None


def restore_database(
    backup: Path, target: Path, check: Callable[[StoreContents], None] | None = None
) -> None:
    """Replace the database at ``target`` with ``backup``, refusing (``StoreError``, ``target``
    untouched) a file that is not a gamesbot database the store can read in full. ``check`` is
    given everything read back (e.g. to build each Games' views) and raises to refuse. Uses the
    backup API, so a concurrent reader never sees a torn file."""
    verdict = check_database(backup)
    if verdict != "ok":
        raise StoreError(f"refusing to restore: {verdict}")
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(target.name + ".restoring")
    _remove(staged)
    try:
        with (
            sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as src,
            sqlite3.connect(staged) as dst,
        ):
            src.backup(dst)
        read_back(staged, check)
        with (
            contextlib.closing(sqlite3.connect(f"file:{staged}?mode=ro", uri=True)) as src,
            contextlib.closing(sqlite3.connect(target, timeout=30)) as dst,
        ):
            src.backup(dst)
    finally:
        _remove(staged)
