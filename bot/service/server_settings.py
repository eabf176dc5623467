"""Server settings: what each Discord server sets for itself (today its default Games), kept in the
store and read through a short-lived cache, and the Games a server's commands mean when they name
none: the server's own default, else the ``GAMESBOT_DEFAULT_GAMES`` setting, else the most recent."""

from __future__ import annotations

import time

from bot.answers.models import Answer, Message
from bot.answers.phrase import phrase
from bot.domain.errors import AmbiguousGamesError, UnknownGamesError
from bot.domain.ports import ResultsStore
from bot.service.library import Library

GAMES_KEY = "games"
#: The value of the games option that goes back to the bot's own default.
BOT_DEFAULT = "default"
#: How long a server's settings are trusted before they are read again (other processes may
#: change them).
CACHE_SECONDS = 30.0


class ServerSettings:
    """Each server's own settings."""

    def __init__(self, store: ResultsStore, library: Library) -> None:
        self._store = store
        self.library = library
        self._cache: dict[int, tuple[float, dict[str, str]]] = {}

    async def _settings(self, guild_id: int) -> dict[str, str]:
        cached = self._cache.get(guild_id)
        now = time.monotonic()
        if cached is not None and now - cached[0] < CACHE_SECONDS:
            return cached[1]
        found = await self._store.guild_settings(guild_id)
        self._cache[guild_id] = (now, found)
        return found

    async def games_for(self, guild_id: int | None) -> str | None:
        """The server's own default Games while it is loaded (None: use the bot's default)."""
        if guild_id is None:
            return None
        chosen = (await self._settings(guild_id)).get(GAMES_KEY)
        return chosen if chosen in self.library.games_ids else None

    async def set_games(self, guild_id: int, games: str, *, user_id: int | None) -> Answer:
        """Set a server's default Games from a loose name (``default`` goes back to the bot's)."""
        library = self.library
        if games.strip().casefold() == BOT_DEFAULT:
            await self._store.set_guild_setting(guild_id, GAMES_KEY, None, user_id=user_id)
            self._cache.pop(guild_id, None)
            name = library.view().index.data.games.name
            said = phrase("This server now uses the bot's default Games: {games}.", games=name)
            return Message(provenance=library.provenance(), text=said.text, phrase=said)
        try:
            games_id = library.games_id(games)
        except (UnknownGamesError, AmbiguousGamesError) as exc:
            return Message(provenance=library.provenance(), text=str(exc), answered=False)
        await self._store.set_guild_setting(guild_id, GAMES_KEY, games_id, user_id=user_id)
        self._cache.pop(guild_id, None)
        name = library.view(games_id).index.data.games.name
        said = phrase(
            "Commands in this server now answer for {games} ({id}) unless they name another Games.",
            games=name,
            id=games_id,
        )
        return Message(provenance=library.provenance(games_id), text=said.text, phrase=said)

    async def describe(self, guild_id: int | None) -> str:
        """One line: which Games this server's commands mean, and why."""
        own = await self.games_for(guild_id)
        library = self.library
        games_id = own or library.default_games
        name = library.view(games_id).index.data.games.name
        why = (
            "this server's setting"
            if own
            else ("the bot's setting" if library.configured_default else "the most recent Games")
        )
        return f"{name} ({games_id}), {why}"
