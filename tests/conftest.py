"""Shared pytest configuration: the local-Discord fixtures, and the bundled Games data (in memory
and in a real SQLite store on disk)."""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.models import GamesData
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.service import GamesService
from bot.store.sqlite_store import SqliteStore

pytest_plugins = (
    ["tests.fakediscord.fixtures"] if importlib.util.find_spec("tests.fakediscord.fixtures") else []
)

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
async def store(db_path: Path) -> AsyncIterator[SqliteStore]:
    """A real SQLite store on disk (empty)."""
    opened = await SqliteStore.open(db_path)
    yield opened
    await opened.close()


@pytest.fixture
async def service(store: SqliteStore) -> GamesService:
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
