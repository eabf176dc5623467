"""Fixtures of the integration tests: a service over a new database holding every bundled Games."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.store.sqlite_store import SqliteStore


@pytest.fixture(scope="module")
def every_games(tmp_path_factory: pytest.TempPathFactory) -> GamesService:
    """A service over a new database holding every bundled Games (queries need no store)."""

    async def build() -> GamesService:
        store = await SqliteStore.open(Path(tmp_path_factory.mktemp("games")) / "gamesbot.db")
        service = GamesService(store, None, default_data_dir())
        await service.start()
        await store.close()
        return service

    return asyncio.run(build())
