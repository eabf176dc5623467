"""PostgreSQL maintenance: the health check of ``gamesbot health`` (the server answers, the
database holds a gamesbot schema this version reads, and one row of each table reads back as the
store reads it, before-image included). Backups are PostgreSQL's own: ``pg_dump``
and ``pg_restore`` (``BACKUP_ADVICE``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg

from bot.domain.errors import StoreError
from bot.store import postgres_rows as rows
from bot.store import postgres_sql as sql
from bot.store.contents import BeforeImage
from bot.store.location import redact
from bot.store.postgres_schema import REQUIRED_TABLES, SCHEMA_VERSION
from bot.store.postgres_store import Connection, connect

SAMPLES: tuple[tuple[str, str, Callable[[Any], object]], ...] = (
    ("games", f"SELECT {sql.GAMES_COLUMNS} FROM games LIMIT 1", rows.games),
    ("nations", f"SELECT {sql.NATION_COLUMNS} FROM nations LIMIT 1", rows.nation),
    ("athletes", f"SELECT {sql.ATHLETE_COLUMNS} FROM athletes LIMIT 1", rows.athlete),
    ("events", f"SELECT {sql.EVENT_COLUMNS} FROM events LIMIT 1", rows.event),
    ("results", f"SELECT {sql.RESULT_COLUMNS} FROM results LIMIT 1", rows.result),
    (
        "loads",
        f"SELECT {sql.LOAD_COLUMNS}, before FROM loads ORDER BY id DESC LIMIT 1",
        lambda r: (rows.load_record(r), BeforeImage.from_json(r[9])),
    ),
    ("follows", "SELECT guild_id, channel_id, games_id, noc FROM follows LIMIT 1", rows.follow),
    (
        "announced_medals",
        "SELECT event_id, noc, medal, athletes FROM announced_medals LIMIT 1",
        lambda r: rows.medal_key(*r),
    ),
    ("guild_settings", "SELECT updated_at FROM guild_settings LIMIT 1", lambda r: rows.utc(r[0])),
)


async def sample_problem(conn: Connection) -> str | None:
    """Read one row of each table as the store reads it; the first that fails, or None."""
    for table, query, read in SAMPLES:
        try:
            row = await (await conn.execute(query)).fetchone()
            if row is not None:
                read(row)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return f"a row of {table} cannot be read: {reason}"
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            return f"a row of {table} cannot be read: {str(exc).splitlines()[0][:200]}"
    return None


BACKUP_ADVICE = (
    "the database is PostgreSQL (GAMESBOT_DATABASE_URL is set): back it up with pg_dump, e.g. "
    '`pg_dump --format=custom --file=gamesbot.dump "$GAMESBOT_DATABASE_URL"`, and restore '
    'with `pg_restore --clean --if-exists --dbname="$GAMESBOT_DATABASE_URL" gamesbot.dump` '
    "(or move it into a SQLite file with `gamesbot store copy`)"
)


async def check_postgres(url: str) -> str:
    """``ok`` when ``url`` answers and holds a gamesbot schema this version reads; otherwise why
    not."""
    where = redact(url)
    try:
        conn = await connect(url)
    except StoreError as exc:
        return str(exc)
    try:
        async with conn:
            tables = {str(r[0]) for r in await (await conn.execute(sql.TABLES)).fetchall()}
            missing = REQUIRED_TABLES - tables
            if missing:
                return (
                    f"{where} is not a gamesbot database (missing tables: "
                    f"{', '.join(sorted(missing))})"
                )
            row = await (await conn.execute(sql.SCHEMA_VERSION)).fetchone()
            version = int(row[0]) if row else 0
            if not 1 <= version <= SCHEMA_VERSION:
                return (
                    f"{where} has schema version {version}; this gamesbot reads 1 to "
                    f"{SCHEMA_VERSION}"
                )
            problem = await sample_problem(conn)
    except psycopg.Error as exc:
        return f"{where} cannot be read: {str(exc).strip() or type(exc).__name__}"
    if problem is not None:
        return f"{where} is not a gamesbot database the store can read ({problem})"
    return "ok"
