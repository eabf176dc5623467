"""The services every front-end talks to, over one results store: the library of loaded Games
(``library``), the fans' questions (``queries``), loading results (``loads``), followers
(``followers``) and each server's own settings (``servers``). ``GamesService`` holds them
together and starts them."""

from __future__ import annotations

from pathlib import Path

from bot.domain.errors import ConfigError
from bot.domain.ports import ResultsStore
from bot.service.followers import Followers
from bot.service.library import ALL_GAMES, GamesView, Library
from bot.service.loading import Loads
from bot.service.queries import Queries
from bot.service.server_settings import ServerSettings

__all__ = ["ALL_GAMES", "GamesService", "GamesView"]


class GamesService:
    """The library, queries, loads, followers and server settings over one store."""

    def __init__(self, store: ResultsStore, default_games: str | None, data_dir: Path) -> None:
        self.library = Library(store, default_games)
        self.queries = Queries(self.library)
        self.loads = Loads(store, self.library, data_dir)
        self.followers = Followers(store, self.library, self.queries)
        self.servers = ServerSettings(store, self.library)

    async def start(self, *, views: bool = True) -> None:
        """Load the bundled Games the store has never held, then build every Games' view (with
        ``views=False``, only list the Games: a one-shot command prepares those it reads)."""
        await self.loads.add_bundled()
        if views:
            self.library.warm_views = True  # a long-running front-end: no first question pays
            await self.library.refresh_all()
        else:
            await self.library.list_games()
        configured = self.library.configured_default
        if configured and configured not in self.library.games_ids:
            raise ConfigError(
                f"GAMESBOT_DEFAULT_GAMES is {configured!r}, which this database does not hold "
                f"(it holds: {', '.join(self.library.games_ids) or 'no Games'})"
            )
