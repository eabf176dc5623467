"""What only the PostgreSQL store does: migrations under a lock (two processes opening an empty
database at once), refusing a newer schema or an unreachable server with a clear reason (never
the password), the change feed (another process's load or undo, a lost connection reopened and
reported so nothing is missed), connections replaced after the server dropped them, the health
check, and the library rebuilding another process's load within a second."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.errors import StoreError
from bot.domain.ports import StoreChange
from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.service.changes import follow_store_changes
from bot.store.postgres_maintenance import check_postgres
from bot.store.postgres_schema import SCHEMA_VERSION
from bot.store.postgres_store import PostgresStore
from tests.integration.test_loading import APPEAL
from tests.integration.test_store import relay_plan
from tests.postgres import Admin, with_search_path

FEED_TIMEOUT = 5.0


@pytest.fixture
async def pg_store(postgres_url: str) -> AsyncIterator[PostgresStore]:
    store = await PostgresStore.open(postgres_url)
    yield store
    await store.close()


def schema_of(url: str) -> str:
    return url.rsplit("%3D", 1)[1]


async def next_change(feed: AsyncIterator[StoreChange]) -> StoreChange:
    return await asyncio.wait_for(anext(feed), FEED_TIMEOUT)


async def test_two_processes_opening_an_empty_database_migrate_it_once(
    postgres_url: str, postgres_admin: Admin
) -> None:
    stores = await asyncio.gather(*(PostgresStore.open(postgres_url) for _ in range(3)))
    for store in stores:
        await store.close()
    schema = schema_of(postgres_url)
    assert postgres_admin(f"SELECT version FROM {schema}.gamesbot_schema") == [(SCHEMA_VERSION,)]
    assert await check_postgres(postgres_url) == "ok"


async def test_a_newer_schema_and_a_missing_schema_are_refused(
    pg_store: PostgresStore, postgres_url: str, postgres_admin: Admin, postgres_server: str
) -> None:
    postgres_admin(f"UPDATE {schema_of(postgres_url)}.gamesbot_schema SET version = 99")
    with pytest.raises(StoreError, match="schema version 99, newer than this gamesbot"):
        await PostgresStore.open(postgres_url)
    assert "schema version 99" in await check_postgres(postgres_url)
    with pytest.raises(StoreError, match="no schema to create tables in"):
        await PostgresStore.open(with_search_path(postgres_server, "no_such_schema"))


async def test_health_reads_a_row_of_each_table(
    pg_store: PostgresStore, postgres_url: str, postgres_admin: Admin
) -> None:
    await GamesService(pg_store, "harbin-2025", default_data_dir()).start()
    assert await check_postgres(postgres_url) == "ok"
    schema = schema_of(postgres_url)
    postgres_admin(f"""UPDATE {schema}.loads SET before = '{{"events": 5}}'""")
    spoiled = await check_postgres(postgres_url)
    assert "is not a gamesbot database the store can read (a row of loads" in spoiled
    postgres_admin(f"UPDATE {schema}.loads SET before = '{{}}'")
    assert await check_postgres(postgres_url) == "ok"
    postgres_admin(f"ALTER TABLE {schema}.athletes DROP COLUMN person_id")
    dropped = await check_postgres(postgres_url)
    assert "a row of athletes cannot be read" in dropped and "person_id" in dropped


async def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    url = "postgresql://gamesbot:hunter2@127.0.0.1:1/gamesbot"
    with pytest.raises(StoreError) as caught:
        await PostgresStore.open(url)
    message = str(caught.value)
    assert "cannot connect to PostgreSQL at postgresql://gamesbot@127.0.0.1:1/gamesbot" in message
    assert "hunter2" not in message
    verdict = await check_postgres(url)
    assert "cannot connect" in verdict and "hunter2" not in verdict


async def test_health_says_when_the_database_is_not_a_gamesbot_one(postgres_url: str) -> None:
    assert "is not a gamesbot database (missing tables:" in await check_postgres(postgres_url)


async def test_the_feed_reports_other_processes_loads_and_undos(
    pg_store: PostgresStore, postgres_url: str, harbin_only_dir: Path
) -> None:
    other = await PostgresStore.open(postgres_url)
    feed = pg_store.changes()
    try:
        assert await next_change(feed) == StoreChange()  # listening: check everything once
        service = GamesService(other, "harbin-2025", harbin_only_dir)
        await service.start()
        bundled = await other.last_load_id("harbin-2025")
        assert await next_change(feed) == StoreChange("harbin-2025", bundled)
        data = await other.read_games("harbin-2025")
        loaded = await other.apply(relay_plan(data, "KOR"), source="a", sha256="a", user_id=1)
        assert await next_change(feed) == StoreChange("harbin-2025", loaded)
        _, undo_id = await other.undo_last("harbin-2025", user_id=1)
        assert await next_change(feed) == StoreChange("harbin-2025", undo_id)
    finally:
        await feed.aclose()  # type: ignore[attr-defined]
        await other.close()


async def terminate_backends(admin: Admin, condition: str) -> int:
    """Drop the server side of matching connections, as a restart of PostgreSQL would."""
    rows = await asyncio.to_thread(
        admin,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = current_database() AND pid <> pg_backend_pid() AND {condition}",
    )
    return len(rows)


async def test_a_lost_listening_connection_is_reopened_and_reported(
    pg_store: PostgresStore, postgres_url: str, postgres_admin: Admin, harbin_only_dir: Path
) -> None:
    other = await PostgresStore.open(postgres_url)
    await GamesService(other, "harbin-2025", harbin_only_dir).start()
    feed = pg_store.changes()
    try:
        assert await next_change(feed) == StoreChange()
        await asyncio.sleep(0.2)  # LISTEN has run
        assert await terminate_backends(postgres_admin, "query LIKE 'LISTEN%'") >= 1
        # A load committed while nobody listens: after reconnecting the feed says "check
        # everything", so the library compares last load ids and finds it.
        data = await other.read_games("harbin-2025")
        loaded = await other.apply(relay_plan(data, "JPN"), source="b", sha256="b", user_id=1)
        seen = [await next_change(feed)]
        while seen[-1] != StoreChange():
            seen.append(await next_change(feed))
        assert seen[-1] == StoreChange()
        loaded_again = await other.apply(relay_plan(data, "KOR"), source="c", sha256="c", user_id=1)
        change = await next_change(feed)
        assert change in (
            StoreChange("harbin-2025", loaded),
            StoreChange("harbin-2025", loaded_again),
        )
        if change.load_id == loaded:
            assert await next_change(feed) == StoreChange("harbin-2025", loaded_again)
    finally:
        await feed.aclose()  # type: ignore[attr-defined]
        await other.close()


async def test_pooled_connections_dropped_by_the_server_are_replaced(
    pg_store: PostgresStore, postgres_admin: Admin, harbin_only_dir: Path
) -> None:
    await GamesService(pg_store, "harbin-2025", harbin_only_dir).start()
    assert await terminate_backends(postgres_admin, "application_name = ''") >= 1
    assert (await pg_store.read_games("harbin-2025")).games.id == "harbin-2025"
    assert await pg_store.games_ids() == ["harbin-2025"]


async def test_the_library_rebuilds_another_processs_load_within_a_second(
    postgres_url: str,
) -> None:
    stores = [await PostgresStore.open(postgres_url) for _ in range(2)]
    services = [GamesService(s, "harbin-2025", default_data_dir()) for s in stores]
    for service in services:
        await service.start()
    watcher = asyncio.create_task(follow_store_changes(services[1].library, stores[1]))
    try:
        await asyncio.sleep(0.3)  # the watcher listens
        started = time.perf_counter()
        await services[0].loads.load("appeal.csv", APPEAL, user_id=1)
        loaded = time.perf_counter()
        while services[1].library.provenance().source != "appeal.csv":
            assert time.perf_counter() - loaded < 3.0, "the other process never rebuilt"
            await asyncio.sleep(0.005)
        seen = time.perf_counter() - loaded
        print(
            f"load committed after {loaded - started:.3f} s; seen by the other after {seen:.3f} s"
        )
        assert seen < 1.0
        assert services[1].queries.medals("KOR").count.key == (16, 16, 14)  # type: ignore[union-attr]
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
        for store in stores:
            await store.close()
