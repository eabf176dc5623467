"""Is a SQLite file a gamesbot database the store can read? Checks beyond ``PRAGMA quick_check``:
its tables and columns are those the migrations create (compared with a fresh database migrated
to the same version), every JSON cell is JSON of the kind the store writes (an array or an
object), no row breaks a foreign key, and one row of each table reads back as the store reads it.
``gamesbot health`` runs these; ``restore`` runs them and then reads every row."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from bot.store import sql
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION
from bot.store.sqlite_store import _athlete, _event, _load_record, _nation, _result, _split
from bot.store.sqlite_transfer import _games

Row = Sequence[Any]
TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"

#: The JSON cells the store writes, and what each holds (``array`` or ``object``).
JSON_CELLS: tuple[tuple[str, str, str], ...] = (
    ("games", "sources", "array"),
    ("games", "aliases", "array"),
    ("nations", "aliases", "array"),
    ("athletes", "aliases", "array"),
    ("events", "sources", "array"),
    ("events", "notes", "array"),
    ("results", "athletes", "array"),
    ("loads", "counts", "object"),
    ("loads", "before", "object"),
    ("announced_medals", "athletes", "array"),
)


def _columns(db: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Each table's columns: name, declared type, NOT NULL, default, primary-key position."""
    return {
        str(table): [tuple(r[1:]) for r in db.execute(f'PRAGMA table_info("{table}")')]
        for (table,) in db.execute(TABLES).fetchall()
    }


def migrated_columns(version: int) -> dict[str, list[tuple[object, ...]]]:
    """The tables and columns of a fresh database migrated to ``version``."""
    with sqlite3.connect(":memory:") as fresh:
        for script in MIGRATIONS[:version]:
            for statement in _split(script):
                fresh.execute(statement)
        return _columns(fresh)


def schema_problem(db: sqlite3.Connection, version: int) -> str | None:
    """How the tables and columns differ from what the migrations create, or None."""
    expected = migrated_columns(version)
    found = _columns(db)
    missing = sorted(set(expected) - set(found))
    if missing:
        return f"missing tables: {', '.join(missing)}"
    extra = sorted(set(found) - set(expected))
    if extra:
        return f"tables the migrations do not create: {', '.join(extra)}"
    for table, columns in expected.items():
        if found[table] != columns:
            want = ", ".join(f"{c[0]} {c[1]}" for c in columns)
            have = ", ".join(f"{c[0]} {c[1]}" for c in found[table])
            return f"table {table} has columns ({have}); schema {version} has ({want})"
    return None


def json_problem(db: sqlite3.Connection) -> str | None:
    """The first JSON cell that is not JSON of its kind, or None (every row is scanned)."""
    tables = _columns(db)
    for table, column, kind in JSON_CELLS:
        if column not in {c[0] for c in tables.get(table, [])}:
            continue
        row = db.execute(
            f"SELECT rowid, substr({column}, 1, 40) FROM {table} "
            f"WHERE NOT json_valid({column}) OR json_type({column}) != ? LIMIT 1",
            (kind,),
        ).fetchone()
        if row is not None:
            return f"{table} row {row[0]}: {column} is not a JSON {kind}: {row[1]!r}"
    return None


def foreign_key_problem(db: sqlite3.Connection) -> str | None:
    """The first row whose reference points nowhere, or None."""
    row = db.execute("PRAGMA foreign_key_check").fetchone()
    return None if row is None else f"{row[0]} row {row[1]} refers to a missing {row[2]} row"


def _time(row: Row) -> None:
    dt.datetime.fromisoformat(row[-1])


SAMPLES: tuple[tuple[str, str, Callable[[Row], object]], ...] = (
    ("games", f"SELECT {sql.GAMES_COLUMNS} FROM games LIMIT 1", _games),
    ("nations", f"SELECT {sql.NATION_COLUMNS} FROM nations LIMIT 1", _nation),
    ("athletes", f"SELECT {sql.ATHLETE_COLUMNS} FROM athletes LIMIT 1", _athlete),
    ("events", f"SELECT {sql.EVENT_COLUMNS} FROM events LIMIT 1", _event),
    ("results", f"SELECT {sql.RESULT_COLUMNS} FROM results LIMIT 1", _result),
    (
        "loads",
        "SELECT id, games_id, kind, source, sha256, user_id, loaded_at, counts, undone_by, before "
        "FROM loads ORDER BY id DESC LIMIT 1",
        lambda r: (_load_record(r), json.loads(r[9])),
    ),
    (
        "follows",
        "SELECT guild_id, channel_id, games_id, noc, created_at FROM follows LIMIT 1",
        _time,
    ),
    ("announced_medals", "SELECT athletes, announced_at FROM announced_medals LIMIT 1", _time),
    ("guild_settings", "SELECT key, value, updated_at FROM guild_settings LIMIT 1", _time),
)


def sample_problem(db: sqlite3.Connection) -> str | None:
    """Read one row of each table as the store reads it; the first that fails, or None."""
    for table, query, read in SAMPLES:
        try:
            row = db.execute(query).fetchone()
            if row is not None:
                read(row)
        except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError) as exc:
            return f"a row of {table} cannot be read: {str(exc).splitlines()[0][:200]}"
    return None


def readable_problem(db: sqlite3.Connection, version: int) -> str | None:
    """Schema, JSON cells, references and one row of each table; the first problem, or None."""
    problem = schema_problem(db, version) or json_problem(db) or foreign_key_problem(db)
    if problem is None and version == SCHEMA_VERSION:
        problem = sample_problem(db)
    return problem
