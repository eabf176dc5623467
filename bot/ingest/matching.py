"""Matching the names in a results file to what the Games already has, the way the resolver
matches what users type: sports by name or alias (``Short-track speed skating``), events by what
their names say (``Men's 1000 metres``, ``Men's 1000m`` and ``men 1000 m`` are one event), and
athletes by the forgiving resolver within their NOC (``Park Jiwon`` is Park Ji-won of KOR).

A name that matches nothing is new (the preview lists it); a name that matches several things is
a problem for the moderator to fix. Fuzzy athlete matching is bounded per file, so a bulk load of
a new Games stays fast; past the bound, unknown names are taken as new and the preview says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.models import Event, GamesData, Gender
from bot.domain.names import fold
from bot.domain.resolution import ResolutionStatus
from bot.query.event_terms import EventTerms, event_terms
from bot.query.resolve import Resolver

FUZZY_ATHLETE_BUDGET = 2000


def _event_key(terms: EventTerms, gender: Gender) -> tuple[object, ...]:
    return (
        terms.gender or gender,
        terms.distance,
        terms.legs,
        terms.relay,
        tuple(sorted(terms.words)),
    )


@dataclass
class NameMatcher:
    """Finds existing sports, events and athletes for the names of a file."""

    current: GamesData | None
    fuzzy_budget: int = FUZZY_ATHLETE_BUDGET
    warnings: list[str] = field(default_factory=list)
    _resolver: Resolver | None = None
    _events: dict[tuple[str, tuple[object, ...]], list[Event]] | None = None
    _budget_warned: bool = False

    @property
    def resolver(self) -> Resolver | None:
        if self._resolver is None and self.current is not None:
            self._resolver = Resolver.build(self.current)
        return self._resolver

    def sport(self, name: str) -> str:
        """The existing sport this name means, or the name itself (a new sport)."""
        if self.current is None:
            return name
        sports = {e.sport for e in self.current.events}
        folded = fold(name)
        for sport in sports:
            if fold(sport) == folded:
                return sport
        resolver = self.resolver
        if resolver is not None:
            resolution = resolver.sport(name)
            if resolution.status is ResolutionStatus.CONFIDENT and resolution.match is not None:
                for sport in sports:
                    if sport == resolution.match.label:
                        return sport
        return name

    def event(self, sport: str, name: str, gender: Gender) -> Event | list[Event] | None:
        """The existing event of ``sport`` whose name says the same (gender, distance, legs,
        relay, words); a list when several do; None for a new event."""
        if self.current is None:
            return None
        if self._events is None:
            self._events = {}
            for event in self.current.events:
                key = (event.sport, _event_key(event_terms(event.name), event.gender))
                self._events.setdefault(key, []).append(event)
        found = self._events.get((sport, _event_key(event_terms(name), gender)), [])
        if not found:
            return None
        return found[0] if len(found) == 1 else found

    def athlete(self, noc: str, name: str) -> str | list[str] | None:
        """The id of the existing athlete of ``noc`` the resolver is confident ``name`` means;
        several ids when it could be several of that NOC; None for a new athlete."""
        resolver = self.resolver
        if resolver is None or self.current is None:
            return None
        if self.fuzzy_budget <= 0:
            if not self._budget_warned:
                self._budget_warned = True
                self.warnings.append(
                    f"more than {FUZZY_ATHLETE_BUDGET} unknown names: the rest were taken as new "
                    "athletes without looking for spelling variants"
                )
            return None
        self.fuzzy_budget -= 1
        resolution = resolver.athlete(name)
        nocs = {a.id: a.noc for a in self.current.athletes}
        if resolution.status is ResolutionStatus.CONFIDENT and resolution.match is not None:
            return resolution.match.id if nocs.get(resolution.match.id) == noc else None
        if resolution.status is ResolutionStatus.AMBIGUOUS:
            same_noc = [
                c.id for c in resolution.alternatives if nocs.get(c.id) == noc and c.score >= 88
            ]
            if len(same_noc) == 1:
                return None
            if len(same_noc) > 1:
                return same_noc
        return None
