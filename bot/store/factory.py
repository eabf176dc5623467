"""Which store: ``open_store`` opens the PostgreSQL store for a ``postgresql://`` URL and the
SQLite store for anything else (a file path). The PostgreSQL driver is imported only when a URL
asks for it, so commands on SQLite never load it."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from bot.domain.ports import ResultsStore
from bot.store.location import is_database_url, redact
from bot.store.sqlite_store import SqliteStore


class Store(ResultsStore, Protocol):
    """A results store the composition root opened and must close."""

    async def close(self) -> None:
        """Close its connections."""
        ...


def describe(location: str | Path) -> str:
    """The location as shown to people (a URL without its password)."""
    text = str(location)
    return redact(text) if is_database_url(text) else text


async def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at ``location``."""
    text = str(location)
    if is_database_url(text):
        from bot.store.postgres_store import PostgresStore

        return await PostgresStore.open(text)
    return await SqliteStore.open(Path(location))
