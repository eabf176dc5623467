"""Ports: the small Protocols through which services reach I/O (the results store) without
importing it. The SQLite and the PostgreSQL stores implement ``ResultsStore``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Literal, Protocol

from bot.domain.models import Follow, Games, GamesData, LoadPlan, LoadRecord, MedalKey


@dataclass(frozen=True)
class StoreChange:
    """A store's word that data changed: a load or an undo of ``games_id`` committed as
    ``load_id`` (by any process). ``games_id`` None means "anything may have changed": the store
    could not listen for a while (it reconnected), so every Games must be checked."""

    games_id: str | None = None
    load_id: int | None = None


class ResultsStore(Protocol):
    """Where Games data lives."""

    async def games_ids(self) -> list[str]:
        """Ids of the Games the store holds."""
        ...

    async def read_games(self, games_id: str) -> GamesData:
        """Everything known about one Games."""
        ...

    async def games_rows(self) -> list[Games]:
        """The Games rows alone (no NOCs, athletes, events or results) of every Games held, by
        id: what choosing a Games needs, without reading any Games' data."""
        ...

    async def apply(
        self,
        plan: LoadPlan,
        *,
        source: str,
        sha256: str,
        user_id: int | None,
        kind: str = "load",
        expect_last_load: int | Literal["any"] | None = "any",
    ) -> int:
        """Write a load plan in one transaction (refusing if ``expect_last_load`` is no longer the
        latest load); return the load id."""
        ...

    async def undo_last(
        self, games_id: str, *, user_id: int | None, expect_load_id: int | None = None
    ) -> tuple[LoadRecord, int]:
        """Revert the most recent load not yet undone; return it and the undo's own load id.
        With ``expect_load_id``, revert exactly that load, or raise ``NotLatestLoadError`` (checked
        inside the write transaction) when it is no longer the most recent one."""
        ...

    async def last_undoable(self, games_id: str) -> LoadRecord | None:
        """The load ``undo_last`` would revert now (None: nothing left to undo)."""
        ...

    async def history(self, games_id: str, limit: int = 25) -> list[LoadRecord]:
        """Loads, newest first."""
        ...

    async def follow(self, follow: Follow, *, user_id: int | None) -> bool:
        """Add a follow; False when it existed."""
        ...

    async def unfollow(self, follow: Follow) -> bool:
        """Remove a follow; False when there was none."""
        ...

    async def follows_in_guild(self, guild_id: int) -> list[Follow]:
        """A guild's follows."""
        ...

    async def follows_of_games(self, games_id: str) -> list[Follow]:
        """Every follow of a Games."""
        ...

    async def claim_announcements(self, games_id: str, medals: list[MedalKey]) -> list[MedalKey]:
        """Record medals as announced; return those nobody had announced before."""
        ...

    async def last_load_id(self, games_id: str) -> int | None:
        """The most recent load's id."""
        ...

    async def guild_settings(self, guild_id: int) -> dict[str, str]:
        """A server's own settings (e.g. ``games``: its default Games)."""
        ...

    async def set_guild_setting(
        self, guild_id: int, key: str, value: str | None, *, user_id: int | None
    ) -> None:
        """Set a server's setting, or clear it with ``None``."""
        ...

    def changes(self) -> AsyncIterator[StoreChange]:
        """Loads and undos as they commit, from this process or any other, until cancelled.
        A store that cannot tell (SQLite) ends at once: its users poll ``last_load_id``."""
        ...
