"""Queries: the fans' questions (a nation's medals, an athlete, an event, the table, /ask, about,
autocomplete), answered from the library's in-memory views without touching the database."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from bot import __version__
from bot.answers.models import (
    About,
    Answer,
    Disambiguation,
    NationAcrossGames,
    NationSummary,
    NoMatch,
    Provenance,
)
from bot.domain.resolution import Candidate, EntityKind, Resolution, ResolutionStatus
from bot.query import summaries
from bot.query.elsewhere import elsewhere
from bot.query.people import person_summary
from bot.service.library import GamesView, Library

if TYPE_CHECKING:
    from bot.query.ask import AskScope

ASK_CACHE_SIZE = 2048


class Queries:
    """Answers questions about the loaded Games."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._ask: tuple[tuple[GamesView, ...], AskScope, dict[tuple[str, str], Answer]] | None = (
            None
        )

    def provenance(self, games: str | None = None) -> Provenance:
        """Source and freshness of a Games' data."""
        return self.library.provenance(games)

    def suggest(
        self, kind: EntityKind, text: str, games: str | None = None, limit: int = 25
    ) -> list[Candidate]:
        """Autocomplete: the best matches for partly typed ``text`` (in memory; never waits on I/O)."""
        if kind is EntityKind.GAMES:
            return self.library.names.suggest(text, limit)
        if kind is EntityKind.ATHLETE and (games is None or self.library.is_all(games)):
            return self.library.people.resolver.suggest(kind, text, limit)
        view = self.library.view(None if self.library.is_all(games) else games)
        return view.cached(
            ("suggest", kind, text, limit), lambda: view.resolver.suggest(kind, text, limit)
        )

    def samples(self) -> list[Answer]:
        """One answer of each kind (table, nation, athlete, event) for every loaded Games, made
        afresh and kept nowhere: a front-end renders them at start, so that no fan's first answer
        of a kind pays for what rendering does on first use."""
        answers: list[Answer] = []
        for view in self.library.views():
            index = view.index
            answers.append(summaries.medal_table(index))
            answers += [
                summaries.nation_summary(index, noc) for noc in list(index.results_by_noc)[:1]
            ]
            athletes = [a for a in index.results_by_athlete if a in index.athletes][:1]
            answers += [summaries.athlete_summary(index, a) for a in athletes]
            events = [e.id for e in index.events.values() if e.sources][:1]
            answers += [summaries.event_result(index, e) for e in events]
        return answers

    def about(self, games: str | None = None) -> About:
        """What the bot knows about a Games."""
        view = self.library.view(games)
        data = view.index.data
        sources = {s for e in data.events for s in e.sources} | set(data.games.sources)
        return About(
            provenance=summaries.provenance(view.index),
            games=data.games,
            events=len(data.events),
            sports=tuple(sorted({e.sport for e in data.events})),
            nations=len(data.nations),
            athletes=len(data.athletes),
            results=len(data.results),
            sources=len(sources),
            version=__version__,
            other_games=tuple(g for g in self.library.games_ids if g != data.games.id),
        )

    def medals(self, nation: str, sport: str | None = None, games: str | None = None) -> Answer:
        """A nation's medals (``nation`` may carry a sport: "korea short track"); with ``all``,
        at every loaded Games."""
        if self.library.is_all(games):
            return self._medals_everywhere(nation, sport)
        return self._medals_in(self.library.view(games), nation, sport)

    def _medals_everywhere(self, nation: str, sport: str | None) -> Answer:
        """A nation's medals at every loaded Games where the name means the same NOC."""
        views = self.library.views()
        answers = [self._medals_in(view, nation, sport) for view in views]
        found = [
            (v, a) for v, a in zip(views, answers, strict=True) if isinstance(a, NationSummary)
        ]
        codes = {a.nation.code for _, a in found}
        if len(codes) != 1:
            unclear = [a for a in answers if isinstance(a, Disambiguation)]
            return unclear[0] if unclear else answers[0]
        parts = tuple(a for _, a in found)
        code = codes.pop()
        return NationAcrossGames(
            provenance=parts[0].provenance,
            nation=parts[0].nation,
            games=parts,
            count=parts[0].count.model_copy(
                update={
                    "gold": sum(p.count.gold for p in parts),
                    "silver": sum(p.count.silver for p in parts),
                    "bronze": sum(p.count.bronze for p in parts),
                }
            ),
            not_in=tuple(v.index.data.games.name for v in views if code not in v.index.nations),
        )

    def _medals_in(self, view: GamesView, nation: str, sport: str | None) -> Answer:
        sport_name: str | None = None
        if sport:
            found = self._sport_name(view, sport)
            if not isinstance(found, str):
                return found
            sport_name = found
        if nation.strip().upper() in view.index.nations:
            noc = nation.strip().upper()
        elif (exact := view.resolver.exact_nation(nation, sport_words=not sport)) is not None:
            noc = exact
        else:
            if sport:
                resolution = view.cached(("nation", nation), lambda: view.resolver.nation(nation))
            else:
                resolution, sport_part = view.cached(
                    ("nation+sport", nation), lambda: view.resolver.nation_and_sport(nation)
                )
                if resolution.confident and sport_part is not None:
                    if not sport_part.confident:
                        return unresolved(view, sport_part)
                    sport_name = view.index.sport_of(match_id(sport_part))
            if not resolution.confident:
                return self._elsewhere(view, nation, EntityKind.NATION) or unresolved(
                    view, resolution
                )
            noc = match_id(resolution)
        return view.summary(
            ("nation", noc, sport_name),
            lambda: summaries.nation_summary(view.index, noc, sport_name),
        )

    def _elsewhere(self, view: GamesView, text: str, kind: EntityKind) -> NoMatch | None:
        """``text`` as another loaded Games holds it, when ``view``'s does not
        (``bot.query.elsewhere``). Only the views built are asked: a one-shot command builds
        the others when its answer is no match (``bot.__main__``)."""
        return elsewhere(text, view, self.library.built_views(), (kind,))

    def athlete(self, name: str, games: str | None = None) -> Answer:
        """An athlete's results: at one Games when one is named, else the person's results at
        every loaded Games (one profile; a person of one Games gets that Games' summary)."""
        if games is None or self.library.is_all(games):
            return self._person(name)
        view = self.library.view(games)
        if name in view.index.athletes:
            return view.summary(
                ("athlete", name), lambda: summaries.athlete_summary(view.index, name)
            )
        athlete_id = view.resolver.exact_athlete(name)
        if athlete_id is None:
            resolution = view.cached(("athlete", name), lambda: view.resolver.athlete(name))
            if not resolution.confident:
                return self._elsewhere(view, name, EntityKind.ATHLETE) or unresolved(
                    view, resolution
                )
            athlete_id = match_id(resolution)
        return view.summary(
            ("athlete", athlete_id), lambda: summaries.athlete_summary(view.index, athlete_id)
        )

    def _person(self, name: str) -> Answer:
        library = self.library
        people = library.people
        person = name if name in people.appearances else people.resolver.exact_athlete(name)
        if person is None:
            resolution = people.resolver.athlete(name)
            if not resolution.confident:
                return self._unresolved_person(resolution)
            person = match_id(resolution)
        indexes = {view.games_id: view.index for view in library.views()}
        appearances = people.appearances[person]
        if len(appearances) == 1:
            games_id, athlete_id = appearances[0]
            return self.athlete(athlete_id, games=games_id)
        view = library.view(appearances[0][0])
        return view.summary(("person", person), lambda: person_summary(people, person, indexes))

    def _unresolved_person(self, resolution: Resolution) -> Answer:
        """Choices or no match for a name among the people of every loaded Games."""
        view = self.library.view()
        prov = summaries.provenance(view.index)
        names = " or ".join(v.index.data.games.name for v in self.library.views())
        if resolution.status is ResolutionStatus.AMBIGUOUS:
            return Disambiguation(
                provenance=prov,
                kind=resolution.kind,
                query=resolution.query,
                alternatives=resolution.alternatives,
            )
        suggestions = resolution.alternatives or tuple(
            self.library.people.resolver.suggest(EntityKind.ATHLETE, "", 5)
        )
        return NoMatch(
            provenance=prov,
            kind=resolution.kind,
            query=resolution.query,
            suggestions=suggestions,
            nearest=bool(resolution.alternatives),
            message=f"No athlete by that name is in the data for {names}.",
        )

    def event(self, name: str, sport: str | None = None, games: str | None = None) -> Answer:
        """An event's result list."""
        view = self.library.view(games)
        if name in view.index.events:
            return _event_result(view, name)
        sport_name: str | None = None
        if sport:
            found = self._sport_name(view, sport)
            if not isinstance(found, str):
                return found
            sport_name = found
        elif (event_id := view.resolver.exact_event_id(name)) is not None:
            return _event_result(view, event_id)
        resolution = view.resolver.exact_event(name) if sport_name is None else None
        if resolution is None:
            resolution = view.cached(
                ("event", name, sport_name), lambda: view.resolver.event(name, sport_name)
            )
        if resolution.status is ResolutionStatus.NONE and sport_name is None:
            held = self._elsewhere(view, name, EntityKind.EVENT)
            if held is not None:
                return held
        if not resolution.confident:
            return unresolved(view, resolution)
        return _event_result(view, match_id(resolution))

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
        view = self.library.view(games)
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
        """A free-form question, answered from the data only (``bot.query.ask``). The question
        may name its Games (or several); ``games`` is the Games it is about when it names none
        (default: the default Games). ``bot.query.ask`` is imported on the first question: its
        vocabulary is large and most commands never need it."""
        from bot.query.ask import answer_question

        everywhere = self.library.is_all(games)
        default = self.library.games_id(None if everywhere else games)
        scope, answers = self._ask_scope()
        key = (question, "" if everywhere else default)
        found = answers.get(key)
        if found is None:
            if len(answers) >= ASK_CACHE_SIZE:
                answers.clear()
            found = answers[key] = answer_question(question, scope, default, everywhere=everywhere)
        return found

    def _ask_scope(self) -> tuple[AskScope, dict[tuple[str, str], Answer]]:
        """The words of every loaded Games, rebuilt when any view is (and its answers with it)."""
        from bot.query.ask import AskScope

        views = tuple(self.library.views())
        held = self._ask[0] if self._ask else ()
        if (
            self._ask is None
            or len(held) != len(views)
            or any(a is not b for a, b in zip(held, views, strict=True))
        ):
            scope = AskScope.build([(v.index, v.resolver) for v in views], self.library.names)
            self._ask = (views, scope, {})
        return self._ask[1], self._ask[2]

    def nation_code(self, view: GamesView, nation: str) -> str | Answer:
        """The NOC code a nation's name means in ``view``, or the answer saying it is unclear."""
        if nation.strip().upper() in view.index.nations:
            return nation.strip().upper()
        resolution = view.resolver.nation(nation)
        if not resolution.confident:
            return unresolved(view, resolution)
        return match_id(resolution)

    def _sport_name(self, view: GamesView, text: str) -> str | Answer:
        """The sport's name, or the answer that says why it is not known for sure."""
        exact = view.index.sport_of(text)
        if exact is not None:
            return exact
        resolution = view.cached(("sport", text), lambda: view.resolver.sport(text))
        if not resolution.confident:
            return unresolved(view, resolution)
        return view.index.sport_of(match_id(resolution)) or match_id(resolution)


def unresolved(view: GamesView, resolution: Resolution) -> Answer:
    """The answer for a name that is not confidently one thing: choices, or no match."""
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


def _event_result(view: GamesView, event_id: str) -> Answer:
    """The event's result list, made once per view."""
    return view.summary(("event", event_id), lambda: summaries.event_result(view.index, event_id))


def match_id(resolution: Resolution) -> str:
    """The id a confident resolution matched."""
    assert resolution.match is not None
    return resolution.match.id


def _no_match_message(kind: EntityKind, games_name: str) -> str:
    what = {
        EntityKind.NATION: "no participating nation",
        EntityKind.ATHLETE: "no athlete",
        EntityKind.EVENT: "no event",
        EntityKind.SPORT: "no sport",
        EntityKind.GAMES: "no Games",
    }[kind]
    if kind is EntityKind.ATHLETE:
        return f"No athlete by that name is in the data for {games_name}."
    return f"I found {what} of the {games_name} by that name."
