"""The two store backends, for the contract suite: ``backend`` is parametrised over SQLite (a
file in the test's folder) and PostgreSQL (a fresh schema of the test session's throwaway
database; skipped with one line when no server is reachable). A module whose tests hold for both
overrides ``store_location`` with ``backend.location``; the ``store`` and ``service`` fixtures
then open that backend."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest


@dataclass(frozen=True)
class Backend:
    """One backend under test: its name, where its store is, and its driver's integrity error."""

    name: str
    location: str | Path
    integrity_error: type[Exception]


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """Each backend in turn."""
    if request.param == "sqlite":
        return Backend("sqlite", tmp_path / "gamesbot.db", sqlite3.IntegrityError)
    url = request.getfixturevalue("postgres_url")
    return Backend("postgres", url, psycopg.IntegrityError)
