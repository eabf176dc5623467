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
    """Athletes by id and by (NOC, name key); ``sports`` holds each namesake's sport."""

    def __init__(self, athletes: Iterable[Athlete], sports: Mapping[str, str] = {}) -> None:
        self.by_id: dict[str, Athlete] = {}
        self.sports: dict[str, str] = {}
        self._keys: dict[tuple[str, str], list[str]] = {}
        for athlete in athletes:
            self.add(athlete, sports.get(athlete.id, ""))
        #: Athletes held before this load whose sport is not known (one may be given to them).
        self._open = {i for i in self.by_id if i not in self.sports}

    def add(self, athlete: Athlete, sport: str = "") -> None:
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
            return found[0] if found else athlete_id(record.noc, record.name)
        of_sport = [i for i in found if fold(self.sports.get(i, "")) == fold(record.sport)]
        if of_sport:
            return of_sport[0]
        unsported = [i for i in found if i not in self.sports]
        if len(found) == 1 and unsported and unsported[0] in self._open:
            return unsported[0]
        return athlete_id(record.noc, record.name, record.sport)

    def label(self, athlete: str) -> str:
        """``Kim Min-ji (KOR, Curling)``: name, NOC and, for a namesake, its sport."""
        known = self.by_id[athlete]
        sport = self.sports.get(athlete)
        return f"{known.name} ({known.noc}, {sport})" if sport else f"{known.name} ({known.noc})"

    def unresolved_namesakes(self, among: Iterable[str]) -> list[tuple[str, str]]:
        """Pairs of athletes (one of ``among``) that share a name and that no two different sports
        tell apart."""
        pairs: list[tuple[str, str]] = []
        for ids in self._keys.values():
            if len(ids) < 2:
                continue
            for one in ids:
                for other in ids[ids.index(one) + 1 :]:
                    sports = (self.sports.get(one), self.sports.get(other))
                    clash = None in sports or fold(sports[0] or "") == fold(sports[1] or "")
                    pair = (one, other)
                    if clash and (one in among or other in among) and pair not in pairs:
                        pairs.append(pair)
        return pairs
