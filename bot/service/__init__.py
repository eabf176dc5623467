"""The services every front-end talks to, over one results store: the library of loaded Games
(``library``), the fans' questions (``queries``), loading results (``loads``), followers
(``followers``) and each server's own settings (``servers``). ``GamesService`` holds them
together and starts them.

The followers and the server settings serve the Discord front-end alone: they are imported and
made on first use, so that a one-shot command (``gamesbot medals korea``) never imports them
(``tests/guards/test_oneshot_imports.py``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from bot.domain.errors import ConfigError
from bot.domain.ports import ResultsStore
from bot.service.library import ALL_GAMES, GamesView, Library
from bot.service.loading import Loads
from bot.service.queries import Queries

if TYPE_CHECKING:
    from bot.service.followers import Followers
    from bot.service.server_settings import ServerSettings

__all__ = ["ALL_GAMES", "GamesService", "GamesView"]


class GamesService:
    """The library, queries, loads, followers and server settings over one store."""

    def __init__(self, store: ResultsStore, default_games: str | None, data_dir: Path) -> None:
        self._store = store
        self.library = Library(store, default_games)
        self.queries = Queries(self.library)
        self.loads = Loads(store, self.library, data_dir)

    @functools.cached_property
    def followers(self) -> Followers:
        """Follows and medal alerts (made on first use: only the Discord front-end has them)."""
        from bot.service.followers import Followers

        return Followers(self._store, self.library, self.queries)

    @functools.cached_property
    def servers(self) -> ServerSettings:
        """Each server's own settings (made on first use: only the Discord front-end has them)."""
        from bot.service.server_settings import ServerSettings

        return ServerSettings(self._store, self.library)

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
