"""GamesService: what every front-end talks to. It keeps one in-memory view (index + resolver)
per Games, built from the results store; answers commands from it without touching the database;
fills a new database from the bundled data; and rebuilds the view after a load."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from bot import __version__
from bot.answers.models import (
    About,
    Answer,
    Disambiguation,
    LoadHistory,
    LoadPreview,
    MedalAlert,
    Message,
    NoMatch,
    Provenance,
    UndoResult,
)
from bot.domain.errors import UnknownGamesError
from bot.domain.models import Follow, GamesData, LoadPlan, MedalKey
from bot.domain.ports import ResultsStore
from bot.domain.resolution import Candidate, EntityKind, Resolution, ResolutionStatus
from bot.ingest.bundled import BUNDLED_SOURCE, bundled_plan
from bot.ingest.diff import preview, table_changes
from bot.ingest.export import export_csv, export_json
from bot.ingest.parse import parse_results_file
from bot.ingest.plan import build_plan
from bot.query import summaries
from bot.query.ask import answer_question
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver

log = logging.getLogger(__name__)
ANSWER_CACHE_SIZE = 2048
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

    def cached(self, key: tuple[object, ...], make: Callable[[], _T]) -> _T:
        """Anything computed from this view (a resolution, suggestions), computed once per key."""
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= ANSWER_CACHE_SIZE:
                self.memo.clear()
            found = self.memo[key] = make()
        return found

    def summary(self, key: tuple[object, ...], make: Callable[[], Answer]) -> Answer:
        """The answer for ``key``, computed once per view."""
        return self.cached(("answer", *key), make)


class GamesService:
    """Answers questions about the Games in a results store."""

    def __init__(self, store: ResultsStore, default_games: str, data_dir: Path) -> None:
        self._store = store
        self.default_games = default_games
        self._data_dir = data_dir
        self._views: dict[str, GamesView] = {}
        self._write_lock = asyncio.Lock()
        self._outbox: dict[str, set[MedalKey]] = {}
        self.changed = asyncio.Event()

    async def start(self) -> None:
        """Fill an empty store from the bundled data, then build every Games' view."""
        ids = await self._store.games_ids()
        if self.default_games not in ids:
            plan, digest = bundled_plan(self._data_dir, self.default_games)
            if plan.games.id == self.default_games:
                await self._store.apply(
                    plan, source=BUNDLED_SOURCE, sha256=digest, user_id=None, kind="bundled"
                )
                log.info("filled a new database from %s", self._data_dir)
            ids = await self._store.games_ids()
        for games_id in ids:
            await self.refresh(games_id)

    async def refresh(self, games_id: str) -> None:
        """Rebuild one Games' view from the store (after a load or an undo), and queue the medals
        it gained for the followers."""
        old = self._views.get(games_id)
        new = GamesView.build(await self._store.read_games(games_id))
        self._views[games_id] = new
        if old is not None:
            gained = medal_keys(new.index.data) - medal_keys(old.index.data)
            if gained:
                self._outbox.setdefault(games_id, set()).update(gained)
        self.changed.set()

    async def refresh_if_changed(self) -> list[str]:
        """Pick up loads made by another process (e.g. ``gamesbot load`` beside a running bot)."""
        refreshed = []
        for games_id in await self._store.games_ids():
            view = self._views.get(games_id)
            current = (
                view.index.data.last_load.load_id if view and view.index.data.last_load else None
            )
            if view is None or await self._store.last_load_id(games_id) != current:
                async with self._write_lock:
                    await self.refresh(games_id)
                refreshed.append(games_id)
        return refreshed

    @property
    def games_ids(self) -> list[str]:
        return sorted(self._views)

    def view(self, games: str | None = None) -> GamesView:
        """The view of ``games`` (default: the default Games)."""
        games_id = games or self.default_games
        try:
            return self._views[games_id]
        except KeyError:
            raise UnknownGamesError(games_id, self.games_ids) from None

    def provenance(self, games: str | None = None) -> Provenance:
        """Source and freshness of a Games' data."""
        return summaries.provenance(self.view(games).index)

    def suggest(
        self, kind: EntityKind, text: str, games: str | None = None, limit: int = 25
    ) -> list[Candidate]:
        """Autocomplete: the best matches for partly typed ``text`` (in memory; never waits on I/O)."""
        view = self.view(games)
        return view.cached(
            ("suggest", kind, text, limit), lambda: view.resolver.suggest(kind, text, limit)
        )

    # --- answers -------------------------------------------------------------------------------

    def about(self, games: str | None = None) -> About:
        """What the bot knows about a Games."""
        data = self.view(games).index.data
        sources = {s for e in data.events for s in e.sources} | set(data.games.sources)
        return About(
            provenance=self.provenance(games),
            games=data.games,
            events=len(data.events),
            sports=tuple(sorted({e.sport for e in data.events})),
            nations=len(data.nations),
            athletes=len(data.athletes),
            results=len(data.results),
            sources=len(sources),
            version=__version__,
            other_games=tuple(g for g in self.games_ids if g != data.games.id),
        )

    def medals(self, nation: str, sport: str | None = None, games: str | None = None) -> Answer:
        """A nation's medals (``nation`` may carry a sport: "korea short track")."""
        view = self.view(games)
        sport_name: str | None = None
        if sport:
            found = self._sport_name(view, sport)
            if not isinstance(found, str):
                return found
            sport_name = found
        if nation.strip().upper() in view.index.nations:
            noc = nation.strip().upper()
        else:
            if sport:
                resolution = view.cached(("nation", nation), lambda: view.resolver.nation(nation))
            else:
                resolution, sport_part = view.cached(
                    ("nation+sport", nation), lambda: view.resolver.nation_and_sport(nation)
                )
                if resolution.confident and sport_part is not None:
                    if not sport_part.confident:
                        return self._unresolved(view, sport_part)
                    sport_name = view.index.sport_of(_match_id(sport_part))
            if not resolution.confident:
                return self._unresolved(view, resolution)
            noc = _match_id(resolution)
        return view.summary(
            ("nation", noc, sport_name),
            lambda: summaries.nation_summary(view.index, noc, sport_name),
        )

    def athlete(self, name: str, games: str | None = None) -> Answer:
        """An athlete's results."""
        view = self.view(games)
        if name in view.index.athletes:
            return view.summary(
                ("athlete", name), lambda: summaries.athlete_summary(view.index, name)
            )
        resolution = view.cached(("athlete", name), lambda: view.resolver.athlete(name))
        if not resolution.confident:
            return self._unresolved(view, resolution)
        athlete_id = _match_id(resolution)
        return view.summary(
            ("athlete", athlete_id), lambda: summaries.athlete_summary(view.index, athlete_id)
        )

    def event(self, name: str, sport: str | None = None, games: str | None = None) -> Answer:
        """An event's result list."""
        view = self.view(games)
        if name in view.index.events:
            return view.summary(("event", name), lambda: summaries.event_result(view.index, name))
        sport_name: str | None = None
        if sport:
            found = self._sport_name(view, sport)
            if not isinstance(found, str):
                return found
            sport_name = found
        resolution = view.cached(
            ("event", name, sport_name), lambda: view.resolver.event(name, sport_name)
        )
        if not resolution.confident:
            return self._unresolved(view, resolution)
        event_id = _match_id(resolution)
        return view.summary(
            ("event", event_id), lambda: summaries.event_result(view.index, event_id)
        )

    def table(
        self,
        sport: str | None = None,
        *,
        top: int | None = None,
        include_all: bool = False,
        sort: Literal["gold", "total"] = "gold",
        games: str | None = None,
    ) -> Answer:
        """The medal table, overall or for one sport."""
        view = self.view(games)
        sport_name: str | None = None
        if sport:
            found = self._sport_name(view, sport)
            if not isinstance(found, str):
                return found
            sport_name = found
        return view.summary(
            ("table", sport_name, include_all, top, sort),
            lambda: summaries.medal_table(
                view.index, sport_name, include_all=include_all, top=top, sort=sort
            ),
        )

    def ask(self, question: str, games: str | None = None) -> Answer:
        """A free-form question, answered from the data only (``bot.query.ask``)."""
        view = self.view(games)
        return view.cached(
            ("ask", question), lambda: answer_question(question, view.index, view.resolver)
        )

    # --- loading results -----------------------------------------------------------------------

    def _plan(self, source: str, content: bytes, games: str | None) -> tuple[LoadPreview, LoadPlan]:
        parsed = parse_results_file(source, content)
        games_id = parsed.file.games or games or self.default_games
        current = self._views[games_id].index.data if games_id in self._views else None
        plan = build_plan([parsed], current, games_id)
        digest = hashlib.sha256(content).hexdigest()
        prov = (
            summaries.provenance(self._views[games_id].index)
            if games_id in self._views
            else Provenance(games_id=games_id, games_name=plan.games.name, source=source)
        )
        return preview(current, plan, provenance=prov, source=source, sha256=digest), plan

    def preview_load(self, source: str, content: bytes, games: str | None = None) -> LoadPreview:
        """What loading this file would change; raises ``InvalidResultsFile`` listing every problem."""
        return self._plan(source, content, games)[0]

    async def load(
        self,
        source: str,
        content: bytes,
        *,
        user_id: int | None,
        expect_last_load: int | Literal["any"] | None = "any",
        games: str | None = None,
    ) -> LoadPreview:
        """Validate and apply a results file in one transaction; the answer is its preview with
        ``applied_load_id`` set. With ``expect_last_load`` (the preview's ``base_load_id``), a file
        previewed before someone else's load is refused (``StalePreviewError``)."""
        async with self._write_lock:
            result, load_plan = await asyncio.to_thread(self._plan, source, content, games)
            load_id = await self._store.apply(
                load_plan,
                source=source,
                sha256=result.sha256,
                user_id=user_id,
                kind="load",
                expect_last_load=expect_last_load,
            )
            await self.refresh(load_plan.games.id)
            log.info("load %s applied: %s by user %s", load_id, source, user_id)
            return result.model_copy(update={"applied_load_id": load_id})

    async def undo(self, *, user_id: int | None, games: str | None = None) -> UndoResult:
        """Revert the most recent load (``NothingToUndoError`` when none is left)."""
        games_id = games or self.default_games
        async with self._write_lock:
            before = self.view(games_id).index.data
            undone, undo_id = await self._store.undo_last(games_id, user_id=user_id)
            await self.refresh(games_id)
            after = self.view(games_id).index.data
            log.info("load %s undone by user %s", undone.load_id, user_id)
            return UndoResult(
                provenance=self.provenance(games_id),
                undone=undone,
                undo_load_id=undo_id,
                table_changes=table_changes(before, after),
            )

    async def history(self, games: str | None = None, limit: int = 25) -> LoadHistory:
        """The Games' loads, newest first."""
        games_id = games or self.default_games
        loads = await self._store.history(games_id, limit)
        return LoadHistory(provenance=self.provenance(games_id), loads=tuple(loads))

    def export(self, fmt: Literal["json", "csv"] = "json", games: str | None = None) -> bytes:
        """The current data as a results file."""
        data = self.view(games).index.data
        return export_json(data) if fmt == "json" else export_csv(data)

    # --- followers -----------------------------------------------------------------------------

    def _nation_code(self, view: GamesView, nation: str) -> str | Answer:
        if nation.strip().upper() in view.index.nations:
            return nation.strip().upper()
        resolution = view.resolver.nation(nation)
        if not resolution.confident:
            return self._unresolved(view, resolution)
        return _match_id(resolution)

    def _follow_of(
        self, view: GamesView, guild_id: int, channel_id: int, nation: str
    ) -> Follow | Answer:
        """The follow a command names, or the answer saying the nation is unclear."""
        code = self._nation_code(view, nation)
        if not isinstance(code, str):
            return code
        return Follow(
            guild_id=guild_id, channel_id=channel_id, games_id=view.index.data.games.id, noc=code
        )

    async def follow(
        self,
        guild_id: int,
        channel_id: int,
        nation: str,
        *,
        user_id: int | None,
        games: str | None = None,
    ) -> Answer:
        """Make a channel follow a nation's new medals."""
        view = self.view(games)
        follow = self._follow_of(view, guild_id, channel_id, nation)
        if not isinstance(follow, Follow):
            return follow
        added = await self._store.follow(follow, user_id=user_id)
        label = view.index.nations[follow.noc].label
        text = (
            f"<#{channel_id}> now follows {label}: each new medal is posted there once."
            if added
            else f"<#{channel_id}> already follows {label}."
        )
        return Message(provenance=self.provenance(games), text=text)

    async def unfollow(
        self, guild_id: int, channel_id: int, nation: str, *, games: str | None = None
    ) -> Answer:
        """Stop a channel following a nation."""
        view = self.view(games)
        follow = self._follow_of(view, guild_id, channel_id, nation)
        if not isinstance(follow, Follow):
            return follow
        removed = await self._store.unfollow(follow)
        label = view.index.nations[follow.noc].label
        text = (
            f"<#{channel_id}> no longer follows {label}."
            if removed
            else f"<#{channel_id}> was not following {label}."
        )
        return Message(provenance=self.provenance(games), text=text, answered=removed)

    async def following(self, guild_id: int, games: str | None = None) -> Answer:
        """The follows of a guild."""
        view = self.view(games)
        follows = [
            f
            for f in await self._store.follows_in_guild(guild_id)
            if f.games_id == view.index.data.games.id
        ]
        if not follows:
            text = "No channel here follows a nation yet. Use `/follow`."
        else:
            text = "\n".join(
                f"{view.index.nations[f.noc].label} → <#{f.channel_id}>"
                for f in follows
                if f.noc in view.index.nations
            )
        return Message(provenance=self.provenance(games), text=text)

    async def take_alerts(self, games: str | None = None) -> list[MedalAlert]:
        """The new medals of followed nations, one alert per channel and nation, each medal
        claimed in the store first so that it is posted once even with several processes."""
        games_id = games or self.default_games
        self.changed.clear()
        pending = sorted(
            self._outbox.pop(games_id, set()), key=lambda k: (k.event_id, k.noc, k.medal.order)
        )
        if not pending:
            return []
        claimed = await self._store.claim_announcements(games_id, pending)
        follows = await self._store.follows_of_games(games_id)
        view = self.view(games_id)
        alerts = []
        for follow in follows:
            keys = [k for k in claimed if k.noc == follow.noc]
            if not keys or follow.noc not in view.index.nations:
                continue
            alerts.append(
                MedalAlert(
                    provenance=self.provenance(games_id),
                    guild_id=follow.guild_id,
                    channel_id=follow.channel_id,
                    nation=view.index.nations[follow.noc],
                    medals=tuple(summaries.medal_line(view.index, k) for k in keys),
                )
            )
        return alerts

    # --- helpers -------------------------------------------------------------------------------

    def _sport_name(self, view: GamesView, text: str) -> str | Answer:
        """The sport's name, or the answer that says why it is not known for sure."""
        exact = view.index.sport_of(text)
        if exact is not None:
            return exact
        resolution = view.cached(("sport", text), lambda: view.resolver.sport(text))
        if not resolution.confident:
            return self._unresolved(view, resolution)
        return view.index.sport_of(_match_id(resolution)) or _match_id(resolution)

    def _unresolved(self, view: GamesView, resolution: Resolution) -> Answer:
        prov = summaries.provenance(view.index)
        if resolution.status is ResolutionStatus.AMBIGUOUS:
            return Disambiguation(
                provenance=prov,
                kind=resolution.kind,
                query=resolution.query,
                alternatives=resolution.alternatives,
            )
        suggestions = resolution.alternatives
        nearest = bool(suggestions)
        if not nearest:  # nothing close: offer the leading entries rather than a dead end
            suggestions = tuple(
                view.cached(
                    ("suggest", resolution.kind, "", 5),
                    lambda: view.resolver.suggest(resolution.kind, "", 5),
                )
            )
        return NoMatch(
            provenance=prov,
            kind=resolution.kind,
            query=resolution.query,
            suggestions=suggestions,
            nearest=nearest,
            message=_no_match_message(resolution.kind, view.index.data.games.name),
        )


def medal_keys(data: GamesData) -> set[MedalKey]:
    """Every medal in ``data``, as announcement keys."""
    return {
        MedalKey(event_id=r.event_id, noc=r.noc, medal=r.medal, athletes=r.athletes)
        for r in data.results
        if r.medal is not None
    }


def _match_id(resolution: Resolution) -> str:
    assert resolution.match is not None
    return resolution.match.id


def _no_match_message(kind: EntityKind, games_name: str) -> str:
    what = {
        EntityKind.NATION: "no participating nation",
        EntityKind.ATHLETE: "no athlete",
        EntityKind.EVENT: "no event",
        EntityKind.SPORT: "no sport",
    }[kind]
    return f"I found {what} of the {games_name} by that name."
