"""Ports: the small Protocols through which services reach I/O (the results store) without
importing it. The SQLite store implements ``ResultsStore``; a PostgreSQL one could too."""

from __future__ import annotations

from typing import Protocol

from bot.domain.models import GamesData, LoadPlan


class ResultsStore(Protocol):
    """Where Games data lives."""

    async def games_ids(self) -> list[str]:
        """Ids of the Games the store holds."""
        ...

    async def read_games(self, games_id: str) -> GamesData:
        """Everything known about one Games."""
        ...

    async def apply(
        self, plan: LoadPlan, *, source: str, sha256: str, user_id: int | None, kind: str
    ) -> int:
        """Write a load plan in one transaction; return the load id."""
        ...
