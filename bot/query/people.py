"""People across the loaded Games: which athletes of which Games are one person, a resolver whose
entries are people (one autocomplete entry per person, every name they were entered under), and
the one profile that shows a person's results at every Games, with totals per Games and in all.

The resolver is the same ``Resolver`` the commands use for one Games, built over the people: each
person is one athlete entry carrying the names of all their appearances, and their medals (from
every Games) order the suggestions as medals order them within a Games.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.answers.models import PersonSummary
from bot.domain.models import Athlete, Games, GamesData, Nation, Result
from bot.domain.namesakes import namesake_sports
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver
from bot.query.summaries import athlete_summary

#: The Games id of the people's merged data (never a real Games).
PEOPLE_SCOPE = "*"


@dataclass(frozen=True)
class People:
    """Who is who across Games. ``appearances`` maps a person id to its (Games id, athlete id)
    pairs, the most recent Games first."""

    appearances: dict[str, tuple[tuple[str, str], ...]]
    resolver: Resolver

    @classmethod
    def build(cls, datas: Sequence[GamesData]) -> People:
        """People of ``datas`` (the most recent Games first)."""
        appearances: dict[str, list[tuple[str, str]]] = {}
        athletes: dict[str, list[Athlete]] = {}
        for data in datas:
            for athlete in data.athletes:
                appearances.setdefault(athlete.person, []).append((data.games.id, athlete.id))
                athletes.setdefault(athlete.person, []).append(athlete)
        merged = GamesData(
            games=Games(id=PEOPLE_SCOPE, name="every loaded Games"),
            nations=_nations(datas),
            athletes=tuple(_person(pid, entries) for pid, entries in athletes.items()),
            events=(),
            results=_medals_of_people(datas),
        )
        return cls(
            appearances={pid: tuple(found) for pid, found in appearances.items()},
            resolver=Resolver.build(merged, _namesakes_of_people(datas)),
        )

    def games_of(self, person_id: str) -> tuple[str, ...]:
        """The Games a person appears at, the most recent first."""
        return tuple(games for games, _ in self.appearances.get(person_id, ()))


def _nations(datas: Sequence[GamesData]) -> tuple[Nation, ...]:
    found: dict[str, Nation] = {}
    for data in datas:
        for nation in data.nations:
            found.setdefault(nation.code, nation)
    return tuple(found.values())


def _person(person_id: str, entries: Sequence[Athlete]) -> Athlete:
    """One athlete entry for a person: the latest appearance, with every other name as alias."""
    latest = entries[0]
    names: list[str] = []
    for athlete in entries:
        for name in (athlete.name, athlete.native_name, *athlete.aliases):
            if name and name != latest.name and name not in names:
                names.append(name)
    native = next((a.native_name for a in entries if a.native_name), "")
    return latest.model_copy(
        update={"id": person_id, "aliases": tuple(names), "native_name": native, "person_id": ""}
    )


def _namesakes_of_people(datas: Sequence[GamesData]) -> dict[str, str]:
    """Person id → sport, for the people who are a namesake at one of the Games."""
    found: dict[str, str] = {}
    for data in datas:
        person = {a.id: a.person for a in data.athletes}
        for athlete, sport in namesake_sports(data).items():
            found.setdefault(person.get(athlete, athlete), sport)
    return found


def _medals_of_people(datas: Sequence[GamesData]) -> tuple[Result, ...]:
    """Every medal of every Games, with athletes named by person (for ordering by medals)."""
    medals = []
    for data in datas:
        person = {a.id: a.person for a in data.athletes}
        for result in data.results:
            if result.medal is not None:
                medals.append(
                    result.model_copy(
                        update={
                            "event_id": f"{data.games.id}/{result.event_id}",
                            "athletes": tuple(person.get(a, a) for a in result.athletes),
                        }
                    )
                )
    return tuple(medals)


def person_summary(
    people: People, person_id: str, indexes: Mapping[str, GamesIndex]
) -> PersonSummary:
    """A person's results at every loaded Games where they appear, grouped by Games (the most
    recent first), with the medals of each Games and of all together."""
    parts = tuple(
        athlete_summary(indexes[games_id], athlete_id)
        for games_id, athlete_id in people.appearances[person_id]
        if games_id in indexes
    )
    first = parts[0]
    count = first.count.model_copy(
        update={
            "gold": sum(p.count.gold for p in parts),
            "silver": sum(p.count.silver for p in parts),
            "bronze": sum(p.count.bronze for p in parts),
        }
    )
    shown = {p.provenance.games_id for p in parts}
    return PersonSummary(
        provenance=first.provenance,
        person_id=person_id,
        games=parts,
        count=count,
        not_in=tuple(
            index.data.games.name for games_id, index in indexes.items() if games_id not in shown
        ),
    )
