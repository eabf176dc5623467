"""The library of loaded Games: one in-memory view per Games (index, resolver and the answers
already computed from them), built from the results store and rebuilt after a load; which Games
a command means (a loose name, or the default); the medals each rebuild gained, for followers.

The long-running bot builds every view at start (``refresh_all``). A one-shot command only lists
the Games (``list_games``: their rows, none of their data) and builds the views it will read
(``prepare``), so ``gamesbot medals korea`` never reads the Games it does not ask about."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.answers.models import Answer, Provenance
from bot.domain.errors import AmbiguousGamesError, OneGamesOnlyError, UnknownGamesError
from bot.domain.models import Games, GamesData, MedalKey
from bot.domain.ports import ResultsStore
from bot.domain.resolution import ResolutionStatus
from bot.query import summaries
from bot.query.games_names import GamesNames
from bot.query.index import GamesIndex
from bot.query.people import People
from bot.query.resolve import Resolver

log = logging.getLogger(__name__)
ANSWER_CACHE_SIZE = 2048
#: The Games option's value for "every loaded Games" (``--games all``, ``games: all``).
ALL_GAMES = "all"
_T = TypeVar("_T")


@dataclass(frozen=True)
class GamesView:
    """One Games as the query layer sees it: its data index, its name resolver, and the answers
    already computed from them (valid as long as the view: a load builds a new view)."""

    index: GamesIndex
    resolver: Resolver
    memo: dict[tuple[object, ...], Any] = field(default_factory=dict)

    @classmethod
    def build(cls, data: GamesData) -> GamesView:
        return cls(index=GamesIndex.build(data), resolver=Resolver.build(data))

    def warm(self) -> None:
        """Build now what answers would build on first use (for a long-running bot)."""
        self.index.warm()
        self.resolver.warm()

    @property
    def games_id(self) -> str:
        return self.index.data.games.id

    def cached(self, key: tuple[object, ...], make: Callable[[], _T]) -> _T:
        """Anything computed from this view (a resolution, suggestions), computed once per key."""
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= ANSWER_CACHE_SIZE:
                del self.memo[next(iter(self.memo))]  # the oldest, one at a time: no stall
            found = self.memo[key] = make()
        return found

    def summary(self, key: tuple[object, ...], make: Callable[[], Answer]) -> Answer:
        """The answer for ``key``, computed once per view."""
        return self.cached(("answer", *key), make)


def _warm_people(datas: list[GamesData]) -> People:
    """Who is who across ``datas``, with its resolver's parts built."""
    people = People.build(datas)
    people.resolver.warm()
    return people


def medal_keys(data: GamesData) -> set[MedalKey]:
    """Every medal in ``data``, as announcement keys."""
    return {
        MedalKey(event_id=r.event_id, noc=r.noc, medal=r.medal, athletes=r.athletes)
        for r in data.results
        if r.medal is not None
    }


class Library:
    """The views of every Games in a store, and the default Games."""

    def __init__(self, store: ResultsStore, default_games: str | None = None) -> None:
        self._store = store
        self._configured_default = default_games
        #: The Games held (their rows), by id; ``_views`` has those whose view is built.
        self._games: dict[str, Games] = {}
        self._views: dict[str, GamesView] = {}
        self._names = GamesNames.build(())
        self._people: People | None = None
        #: Counts the changes of ``_views``: people made from older views are not kept.
        self._generation = 0
        #: Counts the rebuilds finished (views, Games names and people all made): a long-running
        #: front-end's background work reads it to tell that the long-lived data changed.
        self.rebuilds = 0
        #: Whether each view is warmed as it is built (``GamesView.warm``): set by long-running
        #: front-ends, so that a user's first question about a Games does not pay for it.
        self.warm_views = False
        self.lock = asyncio.Lock()
        self.changed = asyncio.Event()
        #: Medals each rebuild gained, per Games, until the followers take them.
        self.gained: dict[str, set[MedalKey]] = {}

    # --- building ------------------------------------------------------------------------------

    async def refresh(self, games_id: str) -> None:
        """Rebuild one Games' view from the store (after a load or an undo; a Games an undo
        removed leaves the library), and keep the medals it gained for the followers."""
        await self._rebuild(games_id)
        await self._rebuilt()

    async def refresh_all(self) -> None:
        """Build the view of every Games the store holds."""
        for games_id in await self._store.games_ids():
            await self._rebuild(games_id)
        await self._rebuilt()

    async def _rebuild(self, games_id: str) -> None:
        old = self._views.get(games_id)
        if games_id not in await self._store.games_ids():
            self._views.pop(games_id, None)
            self._games.pop(games_id, None)
            self._generation += 1
            return
        data = await self._store.read_games(games_id)
        # Built off the event loop: a big Games takes a second or more to index and warm, and
        # the bot goes on answering from the view it has until the new one is ready.
        new = await asyncio.to_thread(self._made, data)
        self._views[games_id] = new
        self._games[games_id] = new.index.data.games
        self._generation += 1
        if old is not None:
            gained = medal_keys(new.index.data) - medal_keys(old.index.data)
            if gained:
                self.gained.setdefault(games_id, set()).update(gained)

    def _made(self, data: GamesData) -> GamesView:
        view = GamesView.build(data)
        if self.warm_views:
            view.warm()
        return view

    async def _rebuilt(self) -> None:
        """After views were rebuilt: the Games' names and the people anew (a long-running
        front-end makes the people now, off the event loop; a one-shot command when first
        needed), then tell."""
        self._names = GamesNames.build(self._games.values())
        self._people = None
        if self.warm_views:
            # The first /athlete without a Games paid for this (0.1 s with both bundled Games).
            generation = self._generation
            people = await asyncio.to_thread(_warm_people, [v.index.data for v in self.views()])
            if generation == self._generation:  # else a later rebuild makes newer people
                self._people = people
        self.rebuilds += 1
        self.changed.set()

    async def list_games(self) -> None:
        """Know the Games the store holds (their rows alone), building no view."""
        self._games = {games.id: games for games in await self._store.games_rows()}
        self._names = GamesNames.build(self._games.values())

    async def prepare(self, games: str | None = None, *, every: bool = False) -> None:
        """Build the views not yet built of the Games ``games`` names (None: the default Games),
        or of every Games held."""
        for games_id in self.games_ids if every else [self.games_id(games)]:
            if games_id not in self._views:
                self._views[games_id] = GamesView.build(await self._store.read_games(games_id))
                self._generation += 1
                self._people = None

    async def refresh_if_changed(self) -> list[str]:
        """Pick up loads made by another process (e.g. ``gamesbot load`` beside a running bot)."""
        refreshed = []
        held = await self._store.games_ids()
        for games_id in sorted(set(held) | set(self._views)):
            view = self._views.get(games_id)
            last = view.index.data.last_load if view else None
            current = last.load_id if last else None
            if (
                view is None
                or games_id not in held
                or await self._store.last_load_id(games_id) != current
            ):
                async with self.lock:
                    await self.refresh(games_id)
                refreshed.append(games_id)
        return refreshed

    @property
    def people(self) -> People:
        """Who is who across the loaded Games, built on first use after each rebuild (a one-shot
        command about one Games never needs it)."""
        if self._people is None:
            self._people = People.build([view.index.data for view in self.views()])
        return self._people

    # --- which Games ---------------------------------------------------------------------------

    @property
    def games_ids(self) -> list[str]:
        """The loaded Games, the most recent first."""
        return [c.id for c in self._names.candidates]

    @property
    def names(self) -> GamesNames:
        """The resolver of Games names over the loaded Games."""
        return self._names

    @property
    def default_games(self) -> str:
        """The setting's Games when it is loaded, else the most recent Games."""
        if self._configured_default in self._games:
            return self._configured_default
        if not self._games:
            raise UnknownGamesError(self._configured_default or "", [])
        return self.games_ids[0]

    @property
    def configured_default(self) -> str | None:
        return self._configured_default

    def is_all(self, games: str | None) -> bool:
        """Whether ``games`` asks for every loaded Games (``all``)."""
        return games is not None and games.strip().casefold() == ALL_GAMES

    def games_id(self, games: str | None = None) -> str:
        """The id of the Games ``games`` names loosely (a city, a year, an alias in any script), or the
        default Games for None. Raises ``UnknownGamesError`` / ``AmbiguousGamesError``."""
        if games is None or not games.strip():
            return self.default_games
        if self.is_all(games):
            raise OneGamesOnlyError([c.label for c in self._names.candidates])
        text = games.strip()
        if text in self._games:
            return text
        resolution = self._names.resolve(text)
        if resolution.status is ResolutionStatus.CONFIDENT and resolution.match is not None:
            return resolution.match.id
        if resolution.status is ResolutionStatus.AMBIGUOUS:
            raise AmbiguousGamesError(text, [c.label for c in resolution.alternatives])
        raise UnknownGamesError(text, [c.label for c in self._names.candidates])

    def view(self, games: str | None = None) -> GamesView:
        """The view of the Games ``games`` names (default: the default Games)."""
        return self._built(self.games_id(games))

    def views(self) -> list[GamesView]:
        """Every loaded Games' view, the most recent first."""
        return [self._built(games_id) for games_id in self.games_ids]

    def built_views(self) -> list[GamesView]:
        """The views built so far, the most recent Games first: every one in a running bot; in a
        one-shot command, those it prepared."""
        return [self._views[g] for g in self.games_ids if g in self._views]

    def _built(self, games_id: str) -> GamesView:
        view = self._views.get(games_id)
        if view is None:  # a command that did not prepare() the Games it reads
            raise LookupError(f"the view of {games_id} is not built (Library.prepare it first)")
        return view

    def provenance(self, games: str | None = None) -> Provenance:
        """Source and freshness of a Games' data."""
        return summaries.provenance(self.view(games).index)
