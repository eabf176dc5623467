"""Load plans: validated results files checked against the current data and turned into the
domain objects one load writes (``LoadPlan``), or every problem found.

Checks here need the current data: unknown Games or NOCs (with the nearest codes), medals that
contradict ranks, duplicate rows and dates outside the Games. Names are matched to existing
athletes by NOC and folded name or alias (hyphens and spaces in given names do not matter).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from bot.domain.errors import InvalidResultsFile, Problem
from bot.domain.models import (
    Athlete,
    Event,
    EventKind,
    EventResults,
    Games,
    GamesData,
    Gender,
    LoadPlan,
    Medal,
    Nation,
    Result,
)
from bot.domain.names import event_id, fold
from bot.domain.namesakes import namesake_sports
from bot.ingest.athlete_book import AthleteBook
from bot.ingest.matching import NameMatcher
from bot.ingest.names import athlete_id_of, event_id_of, folded, forget_names
from bot.ingest.parse import ParsedFile
from bot.ingest.people import LoadSports, assign_people
from bot.ingest.records import AthleteRecord, EventRecord, ResultRecord, ResultsFile

RANK_OF_MEDAL = {Medal.GOLD: 1, Medal.SILVER: 2, Medal.BRONZE: 3}
TEAM_WORDS = ("relay", "team", "tournament", "doubles", "pairs", "ice dance", "synchro")


def build_plan(
    parsed: Sequence[ParsedFile],
    current: GamesData | None,
    default_games: str,
    others: Sequence[GamesData] = (),
) -> LoadPlan:
    """Turn parsed files into one load plan, or raise ``InvalidResultsFile`` listing every problem
    (those found while reading the files and those found against the current data). ``others``
    are the other loaded Games, whose people the file's athletes may be (``bot.ingest.people``)."""
    try:
        return _build_plan(parsed, current, default_games, others)
    finally:
        forget_names()


def _build_plan(
    parsed: Sequence[ParsedFile],
    current: GamesData | None,
    default_games: str,
    others: Sequence[GamesData],
) -> LoadPlan:
    planner = _Planner(parsed, current)
    games = planner.games(default_games)
    planner.nations()
    planner.athletes()
    events = [
        item
        for file_name, file in planner.files
        for record in file.events
        if (item := planner.event(file_name, record, games)) is not None
    ]
    if planner.problems:
        raise InvalidResultsFile(planner.source, sorted(planner.problems, key=_where_order))
    book = planner.book
    athletes, joins, doubts = assign_people(
        list(planner.changed_athletes.values()),
        games.id,
        others,
        planner.explicit,
        _load_sports(events, book),
    )
    return LoadPlan(
        warnings=tuple(planner.matcher.warnings),
        games=games,
        nations=tuple(planner.new_nations),
        athletes=tuple(athletes),
        events=tuple(events),
        joins=tuple(joins),
        doubts=tuple(doubts),
    )


class _Planner:
    """One load plan in the making: the files, the current data, what the load changes so far
    and every problem found (reported in the order the files give them)."""

    def __init__(self, parsed: Sequence[ParsedFile], current: GamesData | None) -> None:
        self.parsed = parsed
        self.current = current
        self.files = [(item.source, item.file) for item in parsed]
        self.source = ", ".join(name for name, _ in self.files)
        self.problems: list[Problem] = []
        self.known_nations: dict[str, Nation] = {
            n.code: n for n in (current.nations if current else ())
        }
        self.new_nations: list[Nation] = []
        self.matcher = matcher = NameMatcher(current)
        self.book = AthleteBook(
            current.athletes if current else (),
            namesake_sports(current) if current else {},
            _held_sports(self.files, current, matcher),
        )
        self.games_sports = {fold(e.sport) for e in (current.events if current else ())} | {
            fold(matcher.sport(e.sport)) for _, file in self.files for e in file.events
        }
        self.changed_athletes: dict[str, Athlete] = {}
        self.explicit: dict[str, str] = {}
        self.seen_events: dict[str, str] = {}
        self.existing_events = {e.id: e for e in (current.events if current else ())}
        for item in parsed:
            for problem in item.problems:
                self.report(item.source, problem.where, problem.reason)

    def report(self, file_name: str, where: str, reason: str) -> None:
        prefix = f"{file_name} " if len(self.files) > 1 else ""
        self.problems.append(Problem(f"{prefix}{where}".strip(), reason))

    def games(self, default_games: str) -> Games:
        """The one Games the load is about (a load covers one), else the file is refused."""
        files = self.files
        games_ids = {(f.games or default_games) for _, f in files} | {
            e.games for _, f in files for e in f.events if e.games
        }
        if len(games_ids) > 1:
            raise InvalidResultsFile(
                self.source,
                [Problem("file", f"one load covers one Games; this one names {sorted(games_ids)}")],
            )
        games_id = games_ids.pop()
        games = _games(files, self.current, games_id)
        if games is None:
            self.problems.append(
                Problem(
                    "games",
                    f"unknown Games {games_id!r}; include a games_info section to create it",
                )
            )
            raise InvalidResultsFile(self.source, self.problems)
        return games

    def nations(self) -> None:
        """The files' NOCs (new or changed ones are the load's), then every NOC they mention
        checked against them and the current ones."""
        nations = self.known_nations
        for _, file in self.files:
            for noc in file.nocs:
                nation = Nation(
                    code=noc.code,
                    name=noc.name,
                    official_name=noc.official_name,
                    aliases=noc.aliases,
                    flag=noc.flag,
                    ranked=noc.ranked,
                )
                if nations.get(noc.code) != nation:
                    self.new_nations.append(nation)
                nations[noc.code] = nation
        for item in self.parsed:
            for where, code in item.noc_mentions:
                if code not in nations:
                    self.report(item.source, where, _unknown_noc(code, nations))

    def athletes(self) -> None:
        """The files' athlete entries, each matched to a held athlete or new; namesakes that
        nothing tells apart are problems."""
        book = self.book
        origins: dict[str, tuple[str, str]] = {}
        for file_name, file in self.files:
            for index, record in enumerate(file.athletes):
                athlete = self._athlete_entry(file_name, f"athletes[{index}]", record)
                if athlete is not None:
                    origins.setdefault(athlete.id, (file_name, f"athletes[{index}]"))
        for one, other in book.unresolved_namesakes(origins):
            self.report(*(origins.get(other) or origins[one]), _namesakes_apart(one, other, book))

    def _athlete_entry(self, file_name: str, where: str, record: AthleteRecord) -> Athlete | None:
        """One athlete entry as the athlete it is (None: a problem was reported)."""
        if record.noc not in self.known_nations:
            self.report(file_name, f"{where}.noc", _unknown_noc(record.noc, self.known_nations))
            return None
        record = _with_known_sport(record, self.matcher)
        if record.sport and fold(record.sport) not in self.games_sports:
            reason = f"sport {record.sport!r} has no events at this Games"
            self.report(file_name, f"{where}.sport", reason)
            return None
        book = self.book
        known = book.id_for(record)
        if isinstance(known, list):
            self.report(file_name, where, _open_namesakes(record, known, book))
            return None
        athlete = _athlete_from(record, known)
        if book.by_id.get(athlete.id) != athlete:
            self.changed_athletes[athlete.id] = athlete
        book.add(athlete, record.sport or "")
        if record.person:
            self.explicit[athlete.id] = record.person
        return athlete

    def event(self, file_name: str, record: EventRecord, games: Games) -> EventResults | None:
        """One event record as the event and results it loads (None: it could not be told
        which event it is, or it is listed twice)."""
        sport, name = self.matcher.sport(record.sport), record.event
        match = self.matcher.event(sport, name, record.gender)
        if isinstance(match, list):
            names = "; ".join(e.name for e in match)
            self.report(
                file_name,
                record.origin,
                f"event {record.event!r} could be several events ({names}); use the exact name",
            )
            return None
        if match is not None:
            sport, name = match.sport, match.name
        event = _event_from(record, sport, name, self.existing_events)
        if event.id in self.seen_events:
            self.report(
                file_name,
                record.origin,
                f"event {name!r} is listed twice (first at {self.seen_events[event.id]})",
            )
            return None
        self.seen_events[event.id] = record.origin
        if event.date and games.start and games.end and not games.start <= event.date <= games.end:
            self.report(
                file_name,
                record.origin,
                f"date {event.date} is outside the Games ({games.start} to {games.end})",
            )
        return EventResults(event=event, results=self._results(file_name, record, event))

    def _results(self, file_name: str, record: EventRecord, event: Event) -> tuple[Result, ...]:
        """An event's result rows, checked (medal against rank, duplicates), their athletes
        matched."""
        results: list[Result] = []
        seen_rows: dict[tuple[object, ...], str] = {}
        for result in record.results:
            for reason in _result_problems(result):
                self.report(file_name, result.origin, reason)
            row_key = (
                result.rank,
                result.medal,
                result.noc,
                tuple(folded(a) for a in result.athletes),
            )
            if row_key in seen_rows:
                self.report(file_name, result.origin, f"duplicate of {seen_rows[row_key]}")
                continue
            seen_rows[row_key] = result.origin or "an earlier result"
            ids: list[str] = []
            for name in result.athletes:
                found = self._result_athlete(file_name, result, name, event)
                if found is None:
                    continue
                if found in ids:
                    self.report(file_name, result.origin, f"athlete {name!r} is listed twice")
                ids.append(found)
            results.append(
                Result(
                    event_id=event.id,
                    rank=result.rank,
                    medal=result.medal,
                    noc=result.noc,
                    athletes=tuple(ids),
                    mark=result.mark,
                    note=result.note,
                )
            )
        return tuple(results)

    def _result_athlete(
        self, file_name: str, result: ResultRecord, name: str, event: Event
    ) -> str | None:
        """The id of an athlete a result names: held (by name, alias or a close spelling) or
        new. None: the name could be several athletes (reported)."""
        book = self.book
        found = book.find(result.noc, name, event.sport)
        if isinstance(found, list):
            reason = _namesake_of_sport(name, result.noc, event.sport, found, book)
            self.report(file_name, result.origin, reason)
            return None
        if found is None:
            fuzzy = self.matcher.athlete(result.noc, name)
            if isinstance(fuzzy, list):
                labels = ", ".join(book.by_id[i].name for i in fuzzy if i in book.by_id)
                self.report(
                    file_name,
                    result.origin,
                    f"athlete {name!r} could be several athletes of {result.noc} ({labels}); use the full name",
                )
                return None
            found = fuzzy
        if found is None:
            athlete = Athlete(
                id=athlete_id_of(result.noc, name),
                name=name,
                noc=result.noc,
                gender=event.gender if event.gender in (Gender.MEN, Gender.WOMEN) else None,
            )
            book.add(athlete)
            self.changed_athletes[athlete.id] = athlete
            found = athlete.id
        return found


def _where_order(problem: Problem) -> tuple[object, ...]:
    """Natural order of places: row 2 before row 10, events[2] before events[10]."""
    return tuple(
        int(part) if part.isdigit() else part for part in re.split(r"(\d+)", problem.where)
    )


def _games(
    files: Sequence[tuple[str, ResultsFile]], current: GamesData | None, games_id: str
) -> Games | None:
    for _, file in files:
        if file.games_info is not None:
            info = file.games_info
            return Games(
                id=games_id,
                name=info.name,
                official_name=info.official_name,
                city=info.city,
                country=info.country,
                start=info.start,
                end=info.end,
                sources=info.sources,
                aliases=info.aliases,
                as_of=info.as_of,
            )
    if current is not None and current.games.id == games_id:
        return current.games
    return None


def _unknown_noc(code: str, nations: dict[str, Nation]) -> str:
    nearest = difflib.get_close_matches(code, list(nations), n=3, cutoff=0.3)
    hint = f" (nearest: {', '.join(nearest)})" if nearest else ""
    return f"unknown NOC {code!r}: not a participant of this Games{hint}"


def _result_problems(result: ResultRecord) -> list[str]:
    reasons = []
    if (
        result.medal is not None
        and result.rank is not None
        and result.rank != RANK_OF_MEDAL[result.medal]
    ):
        reasons.append(f"medal {result.medal.value} does not fit rank {result.rank}")
    if result.medal is None and result.rank is not None and result.rank <= 3:
        reasons.append(
            f"rank {result.rank} without a medal (leave rank empty for a disqualification)"
        )
    return reasons


def _held_sports(
    files: Sequence[tuple[str, ResultsFile]], current: GamesData | None, matcher: NameMatcher
) -> dict[str, frozenset[str]]:
    """Held athlete → the sports of its results outside the events the load replaces; only
    worked out when an athlete entry gives a sport (the rest of the time nobody asks)."""
    if current is None or not any(r.sport for _, file in files for r in file.athletes):
        return {}
    replaced = set()
    for _, file in files:
        for record in file.events:
            sport = matcher.sport(record.sport)
            match = matcher.event(sport, record.event, record.gender)
            replaced.add(match.id if isinstance(match, Event) else event_id(sport, record.event))
    sport_of = {e.id: e.sport for e in current.events}
    left: dict[str, set[str]] = {}
    for result in current.results:
        if result.event_id not in replaced:
            for athlete in result.athletes:
                left.setdefault(athlete, set()).add(sport_of.get(result.event_id, ""))
    return {athlete: frozenset(sports) for athlete, sports in left.items()}


def _load_sports(events: Sequence[EventResults], book: AthleteBook) -> LoadSports:
    """The sports of the load's athletes (of their results) and of its namesakes."""
    sports: dict[str, set[str]] = {}
    for item in events:
        for result in item.results:
            for athlete in result.athletes:
                sports.setdefault(athlete, set()).add(item.event.sport)
    return LoadSports({a: frozenset(s) for a, s in sports.items()}, dict(book.sports))


def _with_known_sport(record: AthleteRecord, matcher: NameMatcher) -> AthleteRecord:
    """The record with its namesake sport written as the Games writes it."""
    if record.sport is None:
        return record
    return record.model_copy(update={"sport": matcher.sport(record.sport)})


def _open_namesakes(record: AthleteRecord, found: Sequence[str], book: AthleteBook) -> str:
    labels = "; ".join(book.label(i) for i in found)
    return (
        f"athlete {record.name!r} of {record.noc} could be several namesakes ({labels}); "
        "give it the sport of the one it is"
    )


def _namesakes_apart(one: str, other: str, book: AthleteBook) -> str:
    return (
        f"{book.label(one)} and {book.label(other)} share a name but no two different sports "
        "tell them apart: give each namesake its sport"
    )


def _namesake_of_sport(
    name: str, noc: str, sport: str, found: Sequence[str], book: AthleteBook
) -> str:
    labels = "; ".join(book.label(i) for i in found)
    return (
        f"athlete {name!r} could be several namesakes of {noc} ({labels}) and none is the "
        f"one of {sport}; name the athlete with its sport in the athletes section of a JSON file"
    )


def _athlete_from(record: AthleteRecord, existing_id: str | None) -> Athlete:
    return Athlete(
        id=existing_id or athlete_id_of(record.noc, record.name),
        name=record.name,
        noc=record.noc,
        gender=record.gender,
        native_name=record.native_name,
        aliases=record.aliases,
        birth_date=record.birth_date,
        birth_year=record.birth_year or (record.birth_date.year if record.birth_date else None),
        person_id=record.person or "",
    )


def _event_from(record: EventRecord, sport: str, name: str, existing: dict[str, Event]) -> Event:
    """The event a record describes (under the existing ``sport`` and ``name`` it was matched to).
    What a record leaves out (a CSV cannot carry sources, notes, venue or kind) is kept from the
    existing event rather than erased."""
    identifier = event_id_of(sport, name)
    known = existing.get(identifier)
    kind = record.kind or (known.kind if known else None)
    if kind is None:
        words = folded(name)
        team = any(word in words for word in TEAM_WORDS) or any(
            len(r.athletes) > 1 for r in record.results
        )
        kind = EventKind.TEAM if team else EventKind.INDIVIDUAL
    return Event(
        id=identifier,
        sport=sport,
        name=name,
        gender=record.gender,
        date=record.date or (known.date if known else None),
        kind=kind,
        venue=record.venue or (known.venue if known else ""),
        sources=record.sources or (known.sources if known else ()),
        notes=record.notes or (known.notes if known else ()),
    )
