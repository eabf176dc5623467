"""The command line over PostgreSQL (``GAMESBOT_DATABASE_URL``), as a user runs it: a database
moved from SQLite to PostgreSQL and back with ``gamesbot store copy`` exports byte for byte the
same; loads, history and undo on PostgreSQL; ``health`` checks the server; ``backup`` says to use
pg_dump; a bad or unreachable URL is a one-line configuration error. (That a one-shot command
on SQLite never loads the PostgreSQL driver is in ``tests/guards/test_oneshot_imports.py``.)"""

from __future__ import annotations

from pathlib import Path

from bot.store.location import redact
from bot.store.postgres_store import PostgresStore
from tests.e2e.test_cli import gamesbot
from tests.integration.test_store_copy import FILLED, fill


async def test_store_copy_round_trip_gives_the_same_export(
    tmp_path: Path, postgres_url: str
) -> None:
    original, back = tmp_path / "g.db", tmp_path / "back.db"
    await fill(original)  # the bundled data, loads, an undo, follows, announcements, a setting
    before = {fmt: gamesbot(tmp_path, "export", "--format", fmt).stdout for fmt in ("json", "csv")}
    assert all(before.values())

    there = gamesbot(tmp_path, "store", "copy", "--from", str(original), "--to", postgres_url)
    assert there.returncode == 0, there.stderr
    assert there.stdout.strip() == (f"copied {FILLED} from {original} to {redact(postgres_url)}")
    back_again = gamesbot(tmp_path, "store", "copy", "--from", postgres_url, "--to", str(back))
    assert back_again.returncode == 0, back_again.stderr

    for fmt in ("json", "csv"):
        exported = gamesbot(tmp_path, "export", "--format", fmt, GAMESBOT_DB_PATH=str(back))
        assert exported.stdout.encode() == before[fmt].encode()
    on_postgres = gamesbot(tmp_path, "export", GAMESBOT_DATABASE_URL=postgres_url)
    assert on_postgres.stdout.encode() == before["json"].encode()


async def test_health_backup_and_bad_urls(tmp_path: Path, postgres_url: str) -> None:
    on_postgres = {"GAMESBOT_DATABASE_URL": postgres_url}
    unhealthy = gamesbot(tmp_path, "health", **on_postgres)  # nothing created there yet
    assert unhealthy.returncode == 1 and "is not a gamesbot database" in unhealthy.stdout
    await (await PostgresStore.open(postgres_url)).close()
    healthy = gamesbot(tmp_path, "health", **on_postgres)
    assert healthy.returncode == 0 and "database ok" in healthy.stdout, healthy.stdout
    refused = gamesbot(tmp_path, "backup", str(tmp_path / "b.db"), **on_postgres)
    assert refused.returncode == 2 and "back it up with pg_dump" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and not (tmp_path / "b.db").exists()

    wrong = gamesbot(tmp_path, "medals", "korea", GAMESBOT_DATABASE_URL="mysql://x@y/z")
    assert wrong.returncode == 2
    assert "invalid setting GAMESBOT_DATABASE_URL" in wrong.stderr and "x@y" not in wrong.stderr
    url = "postgresql://me:hunter2@127.0.0.1:1/nowhere"
    unreachable = gamesbot(tmp_path, "medals", "korea", GAMESBOT_DATABASE_URL=url)
    assert unreachable.returncode == 2
    assert (
        "cannot connect to PostgreSQL at postgresql://me@127.0.0.1:1/nowhere" in unreachable.stderr
    )
    assert "hunter2" not in unreachable.stderr + unreachable.stdout
