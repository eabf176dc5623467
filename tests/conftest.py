"""Shared pytest configuration: the local-Discord fixtures, PostgreSQL for tests, the store
backends, and the bundled Games data (in memory, and in a real store: SQLite on disk unless a
module chooses its ``store_location``, e.g. both backends for the store contract)."""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.models import GamesData
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.service import GamesService
from bot.store.factory import Store, open_store

pytest_plugins = [
    "tests.postgres",
    "tests.backends",
    *(
        ["tests.fakediscord.fixtures"]
        if importlib.util.find_spec("tests.fakediscord.fixtures")
        else []
    ),
]

DEFAULT_GAMES = "harbin-2025"


@pytest.fixture(scope="session")
def bundled_data() -> GamesData:
    """The bundled Harbin 2025 data, built in memory (no database)."""
    plan, _ = bundled_plan(default_data_dir() / DEFAULT_GAMES, DEFAULT_GAMES)
    return apply_plan(None, plan)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A throwaway database path."""
    return tmp_path / "gamesbot.db"


@pytest.fixture
def store_location(db_path: Path) -> str | Path:
    """Where ``store`` opens: the SQLite file (a module may override it, e.g. with
    ``backend.location`` to run on both backends)."""
    return db_path


@pytest.fixture
async def store(store_location: str | Path) -> AsyncIterator[Store]:
    """A real, empty store (SQLite on disk unless ``store_location`` says otherwise)."""
    opened = await open_store(store_location)
    yield opened
    await opened.close()


@pytest.fixture
async def service(store: Store) -> GamesService:
    """The service over a real store, filled from the bundled data."""
    games = GamesService(store, DEFAULT_GAMES, default_data_dir())
    await games.start()
    return games


@pytest.fixture
def harbin_only_dir(tmp_path: Path) -> Path:
    """A bundled-data folder holding only the Harbin Games (for tests that add a second one)."""
    only = tmp_path / "data"
    only.mkdir()
    (only / DEFAULT_GAMES).symlink_to(default_data_dir() / DEFAULT_GAMES)
    return only
