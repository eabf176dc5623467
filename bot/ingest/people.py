"""Who is who across Games: the person each athlete of a load is, among the people of the other
loaded Games (docs/results-format.md, "People across Games").

An athlete is the same person as an athlete of another Games when both have the same NOC, share a
folded name, alias or native name (in either name order, with or without spaces), and their birth
dates or years do not conflict. A results file can also say it (``person``), to join or to split.
A weak match is never joined: a similar but not equal name, an equal name with conflicting birth
data, or several people who fit are reported as doubtful in the preview, for a moderator to decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.domain.models import Athlete, GamesData, PersonLink
from bot.domain.names import fold
from bot.domain.namesakes import namesake_sports
from bot.ingest.names import name_keys

#: Names at least this similar (folded, same NOC) but not equal make a doubtful pair.
SIMILAR_NAME_SCORE = 88.0
#: How many athletes of one load are compared by similarity (a huge file stays fast).
SIMILARITY_BUDGET = 5000


@dataclass(frozen=True)
class Appearance:
    """An athlete of another Games."""

    games_id: str
    games_name: str
    athlete: Athlete


@dataclass(frozen=True)
class LoadSports:
    """The sports of a load's athletes: the sports of each one's results, and for a namesake
    (an athlete told apart from another of its name by sport) that sport."""

    of: Mapping[str, frozenset[str]] = field(default_factory=dict)
    namesakes: Mapping[str, str] = field(default_factory=dict)


class _OtherSports:
    """The same for the athletes of the other Games, read from their results when first asked."""

    def __init__(self, others: Sequence[GamesData]) -> None:
        self._data = {data.games.id: data for data in others}
        self._found: dict[str, LoadSports] = {}

    def of(self, games_id: str) -> LoadSports:
        if games_id not in self._found:
            data = self._data[games_id]
            sport_of_event = {event.id: event.sport for event in data.events}
            sports: dict[str, set[str]] = {}
            for result in data.results:
                for athlete in result.athletes:
                    sports.setdefault(athlete, set()).add(sport_of_event.get(result.event_id, ""))
            self._found[games_id] = LoadSports(
                {a: frozenset(s) for a, s in sports.items()}, namesake_sports(data)
            )
        return self._found[games_id]


def _names(athlete: Athlete) -> Iterable[str]:
    return (name for name in (athlete.name, athlete.native_name, *athlete.aliases) if name)


def birth_conflict(one: Athlete, other: Athlete) -> str | None:
    """Why two athletes' birth data say they are different people, or None."""
    if one.birth_date and other.birth_date and one.birth_date != other.birth_date:
        return f"born {one.birth_date} and {other.birth_date}"
    years = (
        one.birth_year or (one.birth_date.year if one.birth_date else None),
        other.birth_year or (other.birth_date.year if other.birth_date else None),
    )
    if years[0] and years[1] and years[0] != years[1]:
        return f"born {years[0]} and {years[1]}"
    return None


class PeopleBook:
    """The people of the other loaded Games, findable by NOC and name key."""

    def __init__(self, others: Sequence[GamesData], sports: LoadSports | None = None) -> None:
        self._sports = sports or LoadSports()
        self._other_sports = _OtherSports(others)
        self._by_key: dict[tuple[str, str], list[Appearance]] = {}
        self._by_noc: dict[str, list[Appearance]] = {}
        #: Per NOC, every name without spaces, and whose it is (for similar names).
        self._spellings: dict[str, tuple[list[str], list[Appearance]]] = {}
        self._persons: set[str] = set()
        for data in others:
            for athlete in data.athletes:
                seen = Appearance(data.games.id, data.games.name, athlete)
                self._persons.add(athlete.person)
                self._by_noc.setdefault(athlete.noc, []).append(seen)
                for key in {k for name in _names(athlete) for k in name_keys(name)}:
                    self._by_key.setdefault((athlete.noc, key), []).append(seen)
                spellings, owners = self._spellings.setdefault(athlete.noc, ([], []))
                for name in _names(athlete):
                    spellings.append(fold(name).replace(" ", ""))
                    owners.append(seen)
        self._budget = SIMILARITY_BUDGET

    def _same_names(self, athlete: Athlete) -> list[Appearance]:
        found: dict[str, Appearance] = {}
        for key in {k for name in _names(athlete) for k in name_keys(name)}:
            for seen in self._by_key.get((athlete.noc, key), ()):
                found.setdefault(seen.athlete.person, seen)
        return list(found.values())

    def _similar(self, athlete: Athlete) -> list[Appearance]:
        if self._budget <= 0:
            return []
        self._budget -= 1
        spellings, owners = self._spellings.get(athlete.noc, ([], []))
        found: dict[str, Appearance] = {}
        for _, _, position in process.extract(
            fold(athlete.name).replace(" ", ""),
            spellings,
            scorer=fuzz.ratio,
            score_cutoff=SIMILAR_NAME_SCORE,
            limit=5,
        ):
            found.setdefault(owners[position].athlete.person, owners[position])
        return list(found.values())

    def person_of(
        self, athlete: Athlete, games_id: str, explicit: str | None
    ) -> tuple[str, list[PersonLink], list[PersonLink]]:
        """The person id of ``athlete`` (of the Games being loaded), the joins made and the
        doubtful pairs found."""
        if explicit:
            joined = [
                _link(athlete, seen, explicit, "the file says so")
                for seen in self._same_person(explicit)
            ]
            return explicit, joined[:1], []
        matches, doubts_of_sport = self._within_namesakes_sport(athlete, self._same_names(athlete))
        clean = [seen for seen in matches if birth_conflict(athlete, seen.athlete) is None]
        doubts = [
            _link(athlete, seen, seen.athlete.person, birth_conflict(athlete, seen.athlete) or "")
            for seen in matches
            if birth_conflict(athlete, seen.athlete) is not None
        ] + doubts_of_sport
        if len(clean) == 1:
            seen = clean[0]
            return (
                seen.athlete.person,
                [_link(athlete, seen, seen.athlete.person, "same name")],
                doubts,
            )
        if len(clean) > 1:
            doubts += [_link(athlete, s, s.athlete.person, "several people fit") for s in clean]
        elif not matches and not doubts_of_sport:
            doubts += [
                _link(athlete, seen, seen.athlete.person, "similar name")
                for seen in self._similar(athlete)
            ]
        own = athlete.id if athlete.id not in self._persons else f"{athlete.id}@{games_id}"
        return own, [], doubts

    def _within_namesakes_sport(
        self, athlete: Athlete, matches: list[Appearance]
    ) -> tuple[list[Appearance], list[PersonLink]]:
        """The same-name matches that may be ``athlete``, and doubtful pairs for the others: a
        namesake (on either side) is the same person only as an athlete of its sport."""
        kept: list[Appearance] = []
        doubts: list[PersonLink] = []
        mine = self._sports
        for seen in matches:
            theirs = self._other_sports.of(seen.games_id)
            needs = (
                (mine.namesakes.get(athlete.id), theirs.of.get(seen.athlete.id, frozenset())),
                (theirs.namesakes.get(seen.athlete.id), mine.of.get(athlete.id, frozenset())),
            )
            if any(sport and fold(sport) not in {fold(s) for s in pool} for sport, pool in needs):
                reason = "same name, but a namesake of another sport"
                doubts.append(_link(athlete, seen, seen.athlete.person, reason))
            else:
                kept.append(seen)
        return kept, doubts

    def _same_person(self, person: str) -> list[Appearance]:
        if person not in self._persons:
            return []
        return [
            seen
            for appearances in self._by_noc.values()
            for seen in appearances
            if seen.athlete.person == person
        ]


def _link(athlete: Athlete, seen: Appearance, person: str, reason: str) -> PersonLink:
    return PersonLink(
        athlete_id=athlete.id,
        name=athlete.name,
        noc=athlete.noc,
        person_id=person,
        other_games=seen.games_id,
        other_games_name=seen.games_name,
        other_name=seen.athlete.name,
        other_noc=seen.athlete.noc,
        reason=reason,
    )


def assign_people(
    athletes: Sequence[Athlete],
    games_id: str,
    others: Sequence[GamesData],
    explicit: dict[str, str],
    sports: LoadSports | None = None,
) -> tuple[list[Athlete], list[PersonLink], list[PersonLink]]:
    """``athletes`` (new or changed in one load) with their person ids set, and the joins and
    doubtful pairs found. An athlete that already has a person keeps it unless the file names one.
    ``sports``: the sports of the load's athletes, which keep namesakes apart."""
    book = PeopleBook(others, sports) if others else None
    placed: list[Athlete] = []
    joins: list[PersonLink] = []
    doubts: list[PersonLink] = []
    for athlete in athletes:
        stated = explicit.get(athlete.id)
        if book is None or (athlete.person_id and not stated):
            placed.append(
                athlete if athlete.person_id or not stated else _with(athlete, stated or "")
            )
            continue
        person, joined, doubtful = book.person_of(athlete, games_id, stated)
        placed.append(_with(athlete, person))
        joins += joined
        doubts += doubtful
    return placed, joins, doubts


def _with(athlete: Athlete, person: str) -> Athlete:
    return (
        athlete if athlete.person_id == person else athlete.model_copy(update={"person_id": person})
    )
