"""``gamesbot store copy``: everything in one store (SQLite file or PostgreSQL URL) copied into
another that is empty: Games, loads with their before-images (so undo works after the move),
follows, announced medals and server settings. The source is read in one transaction and the
destination written in one, so a failed copy leaves the destination as empty as it was."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.domain.errors import StoreError
from bot.store import sqlite_transfer
from bot.store.contents import StoreContents
from bot.store.factory import Store, describe, open_store
from bot.store.location import is_database_url
from bot.store.maintenance import check_database
from bot.store.sqlite_store import SqliteStore


async def _open_source(location: str) -> Store:
    if not is_database_url(location):
        verdict = await asyncio.to_thread(check_database, Path(location))
        if verdict != "ok":
            raise StoreError(f"cannot copy from {location}: {verdict}")
    return await open_store(location)


async def read_contents(store: Store) -> StoreContents:
    """Everything ``store`` holds."""
    if isinstance(store, SqliteStore):
        return await asyncio.to_thread(sqlite_transfer.read_contents, store.path)
    from bot.store import postgres_transfer
    from bot.store.postgres_store import PostgresStore

    assert isinstance(store, PostgresStore)
    return await postgres_transfer.read_contents(store)


async def _holds_anything(store: Store) -> bool:
    if isinstance(store, SqliteStore):
        return await asyncio.to_thread(sqlite_transfer.holds_anything, store.path)
    from bot.store import postgres_transfer
    from bot.store.postgres_store import PostgresStore

    assert isinstance(store, PostgresStore)
    return await postgres_transfer.holds_anything(store)


async def _write_contents(store: Store, contents: StoreContents) -> None:
    if isinstance(store, SqliteStore):
        await asyncio.to_thread(sqlite_transfer.write_contents, store.path, contents)
        return
    from bot.store import postgres_transfer
    from bot.store.postgres_store import PostgresStore

    assert isinstance(store, PostgresStore)
    await postgres_transfer.write_contents(store, contents)


async def copy_store(source: str, destination: str) -> StoreContents:
    """Copy everything from ``source`` into ``destination`` (created when it does not exist;
    refused when it holds anything). Returns what was copied."""
    if source.strip() == destination.strip():
        raise StoreError("cannot copy a store onto itself: --from and --to name the same store")
    origin = await _open_source(source)
    try:
        contents = await read_contents(origin)
    finally:
        await origin.close()
    target = await open_store(destination)
    try:
        if await _holds_anything(target):
            raise StoreError(
                f"refusing to copy into {describe(destination)}: it already holds data "
                "(copy into a new, empty database)"
            )
        await _write_contents(target, contents)
    finally:
        await target.close()
    return contents
