"""The athletes a load knows so far, findable by NOC and any of their name keys, with namesakes
(athletes of one NOC sharing a name) told apart by their sport (docs/results-format.md,
"Namesakes"): a result names the namesake whose sport is its event's sport."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.domain.models import Athlete
from bot.domain.names import athlete_id, fold
from bot.ingest.names import name_keys
from bot.ingest.records import AthleteRecord


class AthleteBook:
    """Athletes by id and by (NOC, name key); ``sports`` holds each namesake's sport.

    ``held_sports``: for athletes held before this load, the sports of their results outside the
    events the load replaces (what the load leaves them), which say whether a held athlete without
    a sport is the namesake an entry with a sport describes, or the other one."""

    def __init__(
        self,
        athletes: Iterable[Athlete],
        sports: Mapping[str, str] = {},
        held_sports: Mapping[str, frozenset[str]] = {},
    ) -> None:
        self.by_id: dict[str, Athlete] = {}
        self.sports: dict[str, str] = {}
        self._keys: dict[tuple[str, str], list[str]] = {}
        for athlete in athletes:
            self._index(athlete, sports.get(athlete.id, ""))
        #: Athletes held before this load whose sport is not known (one may be given to them).
        self._open = {i for i in self.by_id if i not in self.sports}
        self._held_sports = held_sports
        #: Athletes this load gives a sport: an entry of their name without one is someone else.
        self._declared: set[str] = set()

    def add(self, athlete: Athlete, sport: str = "") -> None:
        """Add (or update) an athlete of this load; ``sport`` for a namesake."""
        self._index(athlete, sport)
        if sport:
            self._declared.add(athlete.id)
            self._open.discard(athlete.id)

    def _index(self, athlete: Athlete, sport: str) -> None:
        self.by_id[athlete.id] = athlete
        if sport:
            self.sports[athlete.id] = sport
        for name in (athlete.name, athlete.native_name, *athlete.aliases):
            if name:
                for key in name_keys(name):
                    ids = self._keys.setdefault((athlete.noc, key), [])
                    if athlete.id not in ids:
                        ids.append(athlete.id)

    def candidates(self, noc: str, name: str) -> list[str]:
        """Every athlete of ``noc`` that ``name`` is a name of."""
        found: dict[str, None] = {}
        for key in sorted(name_keys(name)):
            found.update(dict.fromkeys(self._keys.get((noc, key), ())))
        return list(found)

    def find(self, noc: str, name: str, sport: str = "") -> str | list[str] | None:
        """The athlete of ``noc`` that ``name`` names in ``sport``; a list of namesakes when their
        sports do not tell which (none is of ``sport``, or some has no sport); None when none."""
        found = self.candidates(noc, name)
        if len(found) <= 1 or not any(i in self.sports for i in found):
            return found[0] if found else None
        of_sport = [i for i in found if fold(self.sports.get(i, "")) == fold(sport)]
        return of_sport[0] if len(of_sport) == 1 else found

    def id_for(self, record: AthleteRecord) -> str | list[str]:
        """The id an athletes-section record describes: the athlete of its sport among those of its
        name (or an athlete held before without a sport, which takes the record's), else a new id;
        without a sport, the one athlete of its name, or a list when namesakes leave it open."""
        found = self.candidates(record.noc, record.name)
        if record.sport is None:
            if len(found) > 1 and any(i in self.sports for i in found):
                return found
            if found and found[0] not in self._declared:
                return found[0]
            return athlete_id(record.noc, record.name)
        of_sport = [i for i in found if fold(self.sports.get(i, "")) == fold(record.sport)]
        if of_sport:
            return of_sport[0]
        if len(found) == 1 and found[0] in self._open:
            return self._settle_held(found[0], record.sport, record)
        return athlete_id(record.noc, record.name, record.sport)

    def _settle_held(self, held: str, sport: str, record: AthleteRecord) -> str:
        """A held athlete without a sport beside an entry of its name with ``sport``: the same
        athlete when the load leaves it no results of another sport; else, when what it leaves is
        of one other sport, the namesake of that sport (and the entry a new athlete)."""
        left = {fold(s) for s in self._held_sports.get(held, frozenset())}
        if left <= {fold(sport)}:
            return held
        self._settle_left(held)
        return athlete_id(record.noc, record.name, sport)

    def _settle_left(self, held: str) -> None:
        """Give a held athlete without a sport the one sport the load leaves it, if one."""
        left = self._held_sports.get(held, frozenset())
        if held in self._open and len(left) == 1:
            self.sports[held] = next(iter(left))
            self._open.discard(held)

    def label(self, athlete: str) -> str:
        """``Kim Min-ji (KOR, Curling)``: name, NOC and, for a namesake, its sport."""
        known = self.by_id[athlete]
        sport = self.sports.get(athlete)
        return f"{known.name} ({known.noc}, {sport})" if sport else f"{known.name} ({known.noc})"

    def unresolved_namesakes(self, among: Iterable[str]) -> list[tuple[str, str]]:
        """Pairs of athletes (one of ``among``) that share a name and that no two different sports
        tell apart (a held athlete without a sport beside a namesake of this load takes the one
        sport the load leaves it first)."""
        pairs: list[tuple[str, str]] = []
        for ids in self._keys.values():
            if len(ids) < 2:
                continue
            if any(i in self._declared for i in ids):
                for held in ids:
                    self._settle_left(held)
            for one in ids:
                for other in ids[ids.index(one) + 1 :]:
                    sports = (self.sports.get(one), self.sports.get(other))
                    clash = None in sports or fold(sports[0] or "") == fold(sports[1] or "")
                    pair = (one, other)
                    if clash and (one in among or other in among) and pair not in pairs:
                        pairs.append(pair)
        return pairs
