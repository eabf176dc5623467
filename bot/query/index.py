"""GamesIndex: one Games' data arranged for answering (lookups by id, results by event, athlete and
NOC, medal counts and ranks overall and per sport, each NOC's medals and tallies per sport,
each event's places and each athlete's results, athletes as answers name them). Built once per
load; immutable afterwards (what it derives on first use is kept with it)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from bot.answers.models import (
    AthleteEntry,
    AthleteRef,
    MedalLine,
    Place,
    Provenance,
    SportTally,
)
from bot.answers.provenance import BUNDLED
from bot.domain.models import Athlete, Event, GamesData, Medal, MedalCount, Nation, Result
from bot.domain.names import slug


class Medalled(Protocol):
    """A result or an answer's medal line: what a count reads."""

    @property
    def medal(self) -> Medal | None: ...


def count_medals(noc: str, results: Iterable[Medalled]) -> MedalCount:
    """Gold, silver and bronze among ``results`` (a team medal counts once)."""
    gold = silver = bronze = 0
    for result in results:
        if result.medal is Medal.GOLD:
            gold += 1
        elif result.medal is Medal.SILVER:
            silver += 1
        elif result.medal is Medal.BRONZE:
            bronze += 1
    return MedalCount(noc=noc, gold=gold, silver=silver, bronze=bronze)


def rank_counts(
    counts: Iterable[MedalCount],
    *,
    by_total: bool = False,
    name_of: Callable[[str], str] | None = None,
) -> list[tuple[int, MedalCount]]:
    """Rank medal counts: by gold, silver, bronze (or total first); full ties share a rank and are
    listed alphabetically (by ``name_of(code)``, else by code)."""

    def key(count: MedalCount) -> tuple[int, ...]:
        return (count.total, *count.key) if by_total else count.key

    def name(count: MedalCount) -> str:
        return name_of(count.noc) if name_of else count.noc

    ordered = sorted(counts, key=lambda c: (tuple(-k for k in key(c)), name(c), c.noc))
    ranked: list[tuple[int, MedalCount]] = []
    for position, count in enumerate(ordered, start=1):
        if ranked and key(ranked[-1][1]) == key(count):
            ranked.append((ranked[-1][0], count))
        else:
            ranked.append((position, count))
    return ranked


@dataclass(frozen=True)
class GamesIndex:
    """Lookups over one ``GamesData``."""

    data: GamesData
    nations: dict[str, Nation] = field(default_factory=dict)
    athletes: dict[str, Athlete] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    results_by_event: dict[str, tuple[Result, ...]] = field(default_factory=dict)
    results_by_athlete: dict[str, tuple[Result, ...]] = field(default_factory=dict)
    results_by_noc: dict[str, tuple[Result, ...]] = field(default_factory=dict)
    sports: tuple[str, ...] = ()
    #: Medal counts per sport (None: overall), computed once each: the index never changes.
    _counts: dict[str | None, dict[str, MedalCount]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: The ranked NOCs' counts and ranks per sport (None: overall), computed once each.
    _ranked: dict[str | None, tuple[MedalCount, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _ranks: dict[str | None, dict[str, int]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Each athlete as answers name them, made once (answers share them: they are immutable).
    _refs: dict[str, AthleteRef] = field(default_factory=dict, compare=False, repr=False)
    #: The answers' footer facts (``provenance``), made once (key: None).
    _provenance: dict[None, Provenance] = field(default_factory=dict, compare=False, repr=False)
    #: Each NOC's medals as answers list them, made once each (``medal_lines``).
    _medal_lines: dict[str, tuple[MedalLine, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Each athlete's results as answers list them, made once each (``athlete_entries``).
    _entries: dict[str, tuple[AthleteEntry, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Each athlete's medal count, made once each (``athlete_count``).
    _athlete_counts: dict[str, MedalCount] = field(default_factory=dict, compare=False, repr=False)
    #: Each event's places as answers list them, made once each (``places``).
    _places: dict[str, tuple[Place, ...]] = field(default_factory=dict, compare=False, repr=False)
    #: Each NOC's tally per sport, most gold first, made once each (``sport_tallies``).
    _tallies: dict[str, tuple[SportTally, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, data: GamesData) -> GamesIndex:
        by_event: dict[str, list[Result]] = defaultdict(list)
        by_athlete: dict[str, list[Result]] = defaultdict(list)
        by_noc: dict[str, list[Result]] = defaultdict(list)
        for result in data.results:
            by_event[result.event_id].append(result)
            by_noc[result.noc].append(result)
            for athlete in result.athletes:
                by_athlete[athlete].append(result)
        sports = tuple(sorted({event.sport for event in data.events}))
        return cls(
            data=data,
            nations={n.code: n for n in data.nations},
            athletes={a.id: a for a in data.athletes},
            events={e.id: e for e in data.events},
            results_by_event={k: tuple(v) for k, v in by_event.items()},
            results_by_athlete={k: tuple(v) for k, v in by_athlete.items()},
            results_by_noc={k: tuple(v) for k, v in by_noc.items()},
            sports=sports,
        )

    def sport_of(self, sport_id: str) -> str | None:
        """The sport name for a sport id (its slug), or None."""
        for sport in self.sports:
            if slug(sport) == sport_id or sport == sport_id:
                return sport
        return None

    def medal_results(self, noc: str, sport: str | None = None) -> list[Result]:
        """A NOC's medal-winning results, optionally in one sport."""
        return [
            r
            for r in self.results_by_noc.get(noc, ())
            if r.medal is not None and (sport is None or self.events[r.event_id].sport == sport)
        ]

    def _counts_in(self, sport: str | None) -> dict[str, MedalCount]:
        counts = self._counts.get(sport)
        if counts is None:
            medals: dict[str, list[Result]] = {code: [] for code in self.nations}
            for result in self.data.results:
                if (
                    result.medal is not None
                    and result.noc in medals
                    and (sport is None or self.events[result.event_id].sport == sport)
                ):
                    medals[result.noc].append(result)
            counts = self._counts[sport] = {
                code: count_medals(code, results) for code, results in medals.items()
            }
        return counts

    def medal_count(self, noc: str, sport: str | None = None) -> MedalCount:
        """A NOC's medal count, optionally in one sport."""
        found = self._counts_in(sport).get(noc)
        return found if found is not None else count_medals(noc, self.medal_results(noc, sport))

    def nation_name(self, code: str) -> str:
        """A NOC's name (for alphabetical order), or the code when unknown."""
        nation = self.nations.get(code)
        return nation.name if nation else code

    def medal_counts(self, sport: str | None = None) -> list[MedalCount]:
        """Every participating NOC's count (zeros included), optionally in one sport."""
        return list(self._counts_in(sport).values())

    def is_ranked(self, noc: str) -> bool:
        """Whether the medal table ranks this NOC (neutral athletes' delegations it does not)."""
        nation = self.nations.get(noc)
        return nation is None or nation.ranked

    def ranked_counts(self, sport: str | None = None) -> list[MedalCount]:
        """The counts of the NOCs the medal table ranks that won a medal (optionally in a sport)."""
        ranked = self._ranked.get(sport)
        if ranked is None:
            ranked = self._ranked[sport] = tuple(
                c for c in self.medal_counts(sport) if c.total and self.is_ranked(c.noc)
            )
        return list(ranked)

    def rank_of(self, noc: str, sport: str | None = None) -> int | None:
        """The NOC's rank in the (overall or sport) medal table; None without medals."""
        ranks = self._ranks.get(sport)
        if ranks is None:
            ranked = rank_counts(self.ranked_counts(sport), name_of=self.nation_name)
            ranks = self._ranks[sport] = {}
            for rank, count in ranked:
                ranks.setdefault(count.noc, rank)
        return ranks.get(noc)

    def warm(self) -> None:
        """Count and rank the medals of every sport; make every athlete's reference, results
        and medal count, every event's places and every NOC's medals and tallies, now (what
        answers would otherwise make on first use)."""
        for sport in (None, *sorted({e.sport for e in self.data.events})):
            for count in self.ranked_counts(sport):
                self.rank_of(count.noc, sport)
        for athlete_id in self.athletes:
            self.athlete_ref(athlete_id)
            self.athlete_count(athlete_id)
        for event_id in self.events:
            self.places(event_id)
        for noc in self.results_by_noc:
            self.medal_lines(noc)
            self.sport_tallies(noc)

    def result_order(self, result: Result) -> tuple[str, int, str]:
        """Where a result stands in a NOC's or an athlete's list: by date, then medal colour
        (no medal last), then event name."""
        event = self.events[result.event_id]
        medal_order = result.medal.order if result.medal else 3
        return (event.date.isoformat() if event.date else "", medal_order, event.name)

    def provenance(self) -> Provenance:
        """The footer facts of every answer: the Games and its last change, made once (every
        answer of this index shares them). Bundled data (or a Games the store has no load of) is
        as fresh as its data files say it was compiled (``Games.as_of``), not as the time a
        database was filled; a load or an undo is as fresh as when it was made."""
        made = self._provenance.get(None)
        if made is None:
            made = self._provenance[None] = self._make_provenance()
        return made

    def _make_provenance(self) -> Provenance:
        last = self.data.last_load
        games = self.data.games
        if last is None or last.kind == BUNDLED:
            return Provenance(
                games_id=games.id,
                games_name=games.name,
                games_aliases=games.aliases,
                source=last.source if last else "bundled data/",
                compiled=games.as_of,
            )
        return Provenance(
            games_id=games.id,
            games_name=games.name,
            games_aliases=games.aliases,
            source=last.source,
            as_of=last.loaded_at,
            change=last.kind,
            load_id=last.load_id,
            by_moderator=last.user_id is not None,
        )

    def medal_lines(self, noc: str) -> tuple[MedalLine, ...]:
        """The NOC's medals as answers list them (``result_order``), made once."""
        lines = self._medal_lines.get(noc)
        if lines is None:
            results = sorted(self.medal_results(noc), key=self.result_order)
            lines = self._medal_lines[noc] = tuple(map(self.medal_line, results))
        return lines

    def athlete_entries(self, athlete_id: str) -> tuple[AthleteEntry, ...]:
        """The athlete's results as answers list them (``result_order``), each with its
        teammates; made once."""
        entries = self._entries.get(athlete_id)
        if entries is None:
            results = sorted(self.results_by_athlete.get(athlete_id, ()), key=self.result_order)
            entries = self._entries[athlete_id] = tuple(
                AthleteEntry(
                    event_id=r.event_id,
                    event=self.events[r.event_id].name,
                    sport=self.events[r.event_id].sport,
                    date=self.events[r.event_id].date,
                    rank=r.rank,
                    medal=r.medal,
                    mark=r.mark,
                    note=r.note,
                    teammates=tuple(self.athlete_ref(a) for a in r.athletes if a != athlete_id),
                )
                for r in results
            )
        return entries

    def athlete_count(self, athlete_id: str) -> MedalCount:
        """The medals among the athlete's results (``athlete_entries``), under their NOC; made
        once."""
        count = self._athlete_counts.get(athlete_id)
        if count is None:
            noc = self.athletes[athlete_id].noc
            count = self._athlete_counts[athlete_id] = count_medals(
                noc, self.athlete_entries(athlete_id)
            )
        return count

    def places(self, event_id: str) -> tuple[Place, ...]:
        """The event's places as answers list them: medals first (gold, silver, bronze), then by
        rank (unranked last), then as the data lists them; made once."""
        places = self._places.get(event_id)
        if places is None:
            results = self.results_by_event.get(event_id, ())
            ordered = sorted(
                enumerate(results),
                key=lambda pair: (
                    pair[1].medal.order if pair[1].medal else 3,
                    pair[1].rank if pair[1].rank is not None else 10_000,
                    pair[0],
                ),
            )
            places = self._places[event_id] = tuple(
                Place(
                    rank=r.rank,
                    medal=r.medal,
                    nation=self.nations[r.noc],
                    athletes=tuple(map(self.athlete_ref, r.athletes)),
                    mark=r.mark,
                    note=r.note,
                )
                for _, r in ordered
            )
        return places

    def sport_tallies(self, noc: str) -> tuple[SportTally, ...]:
        """The NOC's count in each sport it won a medal in: most gold first, then silver, then
        bronze, then by name; made once."""
        tallies = self._tallies.get(noc)
        if tallies is None:
            sports = dict.fromkeys(line.sport for line in self.medal_lines(noc))
            made = [SportTally(sport=name, count=self.medal_count(noc, name)) for name in sports]
            made.sort(key=lambda t: (-t.count.gold, -t.count.silver, -t.count.bronze, t.sport))
            tallies = self._tallies[noc] = tuple(made)
        return tallies

    def medal_line(self, result: Result) -> MedalLine:
        """One medal-winning result as a line of an answer."""
        event = self.events[result.event_id]
        return MedalLine(
            event_id=event.id,
            event=event.name,
            sport=event.sport,
            date=event.date,
            medal=result.medal or Medal.BRONZE,
            noc=result.noc,
            athletes=tuple(map(self.athlete_ref, result.athletes)),
            mark=result.mark,
        )

    def athlete_ref(self, athlete_id: str) -> AthleteRef:
        """An athlete as answers name them (an id not in the data stands for its own name)."""
        ref = self._refs.get(athlete_id)
        if ref is None:
            athlete = self.athletes.get(athlete_id)
            ref = self._refs[athlete_id] = (
                AthleteRef(id=athlete.id, name=athlete.name, native_name=athlete.native_name)
                if athlete is not None
                else AthleteRef(id=athlete_id, name=athlete_id)
            )
        return ref
