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
    problems: list[Problem] = []
    files = [(item.source, item.file) for item in parsed]
    source = ", ".join(name for name, _ in files)

    def report(file_name: str, where: str, reason: str) -> None:
        prefix = f"{file_name} " if len(files) > 1 else ""
        problems.append(Problem(f"{prefix}{where}".strip(), reason))

    for item in parsed:
        for problem in item.problems:
            report(item.source, problem.where, problem.reason)

    games_ids = {(f.games or default_games) for _, f in files} | {
        e.games for _, f in files for e in f.events if e.games
    }
    if len(games_ids) > 1:
        raise InvalidResultsFile(
            source,
            [Problem("file", f"one load covers one Games; this one names {sorted(games_ids)}")],
        )
    games_id = games_ids.pop()
    games = _games(files, current, games_id)
    if games is None:
        problems.append(
            Problem(
                "games", f"unknown Games {games_id!r}; include a games_info section to create it"
            )
        )
        raise InvalidResultsFile(source, problems)

    nations: dict[str, Nation] = {n.code: n for n in (current.nations if current else ())}
    new_nations: list[Nation] = []
    for _, file in files:
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
                new_nations.append(nation)
            nations[noc.code] = nation

    for item in parsed:
        for where, code in item.noc_mentions:
            if code not in nations:
                report(item.source, where, _unknown_noc(code, nations))

    matcher = NameMatcher(current)
    book = AthleteBook(
        current.athletes if current else (),
        namesake_sports(current) if current else {},
        _held_sports(files, current, matcher),
    )
    games_sports = {fold(e.sport) for e in (current.events if current else ())} | {
        fold(matcher.sport(e.sport)) for _, file in files for e in file.events
    }
    changed_athletes: dict[str, Athlete] = {}
    athlete_origins: dict[str, tuple[str, str]] = {}
    explicit: dict[str, str] = {}
    for file_name, file in files:
        for index, athlete_record in enumerate(file.athletes):
            if athlete_record.noc not in nations:
                report(
                    file_name, f"athletes[{index}].noc", _unknown_noc(athlete_record.noc, nations)
                )
                continue
            athlete_record = _with_known_sport(athlete_record, matcher)
            if athlete_record.sport and fold(athlete_record.sport) not in games_sports:
                reason = f"sport {athlete_record.sport!r} has no events at this Games"
                report(file_name, f"athletes[{index}].sport", reason)
                continue
            known = book.id_for(athlete_record)
            if isinstance(known, list):
                report(
                    file_name, f"athletes[{index}]", _open_namesakes(athlete_record, known, book)
                )
                continue
            athlete = _athlete_from(athlete_record, known)
            if book.by_id.get(athlete.id) != athlete:
                changed_athletes[athlete.id] = athlete
            book.add(athlete, athlete_record.sport or "")
            athlete_origins.setdefault(athlete.id, (file_name, f"athletes[{index}]"))
            if athlete_record.person:
                explicit[athlete.id] = athlete_record.person
    for one, other in book.unresolved_namesakes(athlete_origins):
        report(
            *(athlete_origins.get(other) or athlete_origins[one]),
            _namesakes_apart(one, other, book),
        )

    events: list[EventResults] = []
    seen_events: dict[str, str] = {}
    existing_events = {e.id: e for e in (current.events if current else ())}
    for file_name, file in files:
        for record in file.events:
            sport, name = matcher.sport(record.sport), record.event
            match = matcher.event(sport, name, record.gender)
            if isinstance(match, list):
                names = "; ".join(e.name for e in match)
                report(
                    file_name,
                    record.origin,
                    f"event {record.event!r} could be several events ({names}); use the exact name",
                )
                continue
            if match is not None:
                sport, name = match.sport, match.name
            event = _event_from(record, sport, name, existing_events)
            if event.id in seen_events:
                report(
                    file_name,
                    record.origin,
                    f"event {name!r} is listed twice (first at {seen_events[event.id]})",
                )
                continue
            seen_events[event.id] = record.origin
            if (
                event.date
                and games.start
                and games.end
                and not games.start <= event.date <= games.end
            ):
                report(
                    file_name,
                    record.origin,
                    f"date {event.date} is outside the Games ({games.start} to {games.end})",
                )
            results: list[Result] = []
            seen_rows: dict[tuple[object, ...], str] = {}
            for result in record.results:
                for reason in _result_problems(result):
                    report(file_name, result.origin, reason)
                row_key = (
                    result.rank,
                    result.medal,
                    result.noc,
                    tuple(folded(a) for a in result.athletes),
                )
                if row_key in seen_rows:
                    report(file_name, result.origin, f"duplicate of {seen_rows[row_key]}")
                    continue
                seen_rows[row_key] = result.origin or "an earlier result"
                ids = []
                for name in result.athletes:
                    found = book.find(result.noc, name, event.sport)
                    if isinstance(found, list):
                        reason = _namesake_of_sport(name, result.noc, event.sport, found, book)
                        report(file_name, result.origin, reason)
                        continue
                    if found is None:
                        fuzzy = matcher.athlete(result.noc, name)
                        if isinstance(fuzzy, list):
                            labels = ", ".join(book.by_id[i].name for i in fuzzy if i in book.by_id)
                            report(
                                file_name,
                                result.origin,
                                f"athlete {name!r} could be several athletes of {result.noc} ({labels}); use the full name",
                            )
                            continue
                        found = fuzzy
                    if found is None:
                        athlete = Athlete(
                            id=athlete_id_of(result.noc, name),
                            name=name,
                            noc=result.noc,
                            gender=event.gender
                            if event.gender in (Gender.MEN, Gender.WOMEN)
                            else None,
                        )
                        book.add(athlete)
                        changed_athletes[athlete.id] = athlete
                        found = athlete.id
                    if found in ids:
                        report(file_name, result.origin, f"athlete {name!r} is listed twice")
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
            events.append(EventResults(event=event, results=tuple(results)))
    if problems:
        raise InvalidResultsFile(source, sorted(problems, key=_where_order))
    athletes, joins, doubts = assign_people(
        list(changed_athletes.values()), games_id, others, explicit, _load_sports(events, book)
    )
    return LoadPlan(
        warnings=tuple(matcher.warnings),
        games=games,
        nations=tuple(new_nations),
        athletes=tuple(athletes),
        events=tuple(events),
        joins=tuple(joins),
        doubts=tuple(doubts),
    )


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
