"""PostgreSQL maintenance: the health check of ``gamesbot health`` (the server answers, and the
database holds a gamesbot schema this version reads). Backups are PostgreSQL's own: ``pg_dump``
and ``pg_restore`` (``BACKUP_ADVICE``)."""

from __future__ import annotations

import psycopg

from bot.domain.errors import StoreError
from bot.store import postgres_sql as sql
from bot.store.location import redact
from bot.store.postgres_schema import REQUIRED_TABLES, SCHEMA_VERSION
from bot.store.postgres_store import connect

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
    except psycopg.Error as exc:
        return f"{where} cannot be read: {str(exc).strip() or type(exc).__name__}"
    version = int(row[0]) if row else 0
    if not 1 <= version <= SCHEMA_VERSION:
        return f"{where} has schema version {version}; this gamesbot reads 1 to {SCHEMA_VERSION}"
    return "ok"
