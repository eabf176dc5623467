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

from rapidfuzz import fuzz, process

from bot.domain.models import Event, GamesData, Gender
from bot.domain.names import fold
from bot.domain.resolution import ResolutionStatus
from bot.query.event_terms import EventTerms, event_terms
from bot.query.name_index import canon_token, name_tokens
from bot.query.resolve import LONE_SCORE, MAX_INPUT, Resolver

FUZZY_ATHLETE_BUDGET = 2000
#: A NOC with more name keys than this is searched by the resolver without a first check.
PREFILTER_KEYS = 4000
#: The first check's score: just below the least the resolver acts on (scores are rounded).
REACH_SCORE = LONE_SCORE - 1.0


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
    #: False: every unknown name goes to the resolver (the behaviour the first check keeps).
    check_reach: bool = True
    warnings: list[str] = field(default_factory=list)
    #: How many names went to the resolver (each a whole fuzzy resolution).
    resolutions: int = 0
    _resolver: Resolver | None = None
    _events: dict[tuple[str, tuple[object, ...]], list[Event]] | None = None
    _budget_warned: bool = False
    _event_sports: set[str] = field(default_factory=set)
    #: What each sport name of the file means (a file names few sports, in many events).
    _sports: dict[str, str] = field(default_factory=dict)
    #: Each existing athlete's NOC, by id.
    _nocs: dict[str, str] | None = None
    #: The resolver's athlete name keys, by the NOC of their athlete.
    _keys_by_noc: dict[str, list[str]] | None = None

    @property
    def resolver(self) -> Resolver | None:
        if self._resolver is None and self.current is not None:
            self._resolver = Resolver.build(self.current)
        return self._resolver

    def sport(self, name: str) -> str:
        """The existing sport this name means, or the name itself (a new sport)."""
        found = self._sports.get(name)
        if found is None:
            found = self._sports[name] = self._find_sport(name)
        return found

    def _find_sport(self, name: str) -> str:
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
            self._event_sports = {sport for sport, _ in self._events}
        if sport not in self._event_sports:
            return None  # a new sport's events are all new: no need to read the name
        found = self._events.get((sport, _event_key(event_terms(name), gender)), [])
        if not found:
            return None
        return found[0] if len(found) == 1 else found

    def athlete(self, noc: str, name: str) -> str | list[str] | None:
        """The id of the existing athlete of ``noc`` the resolver is confident ``name`` means;
        several ids when it could be several of that NOC; None for a new athlete."""
        resolver = self.resolver
        if resolver is None:
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
        if self.check_reach and not self._within_reach(resolver, noc, name):
            return None
        nocs = self._athlete_nocs()
        self.resolutions += 1
        resolution = resolver.athlete(name)
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

    def _athlete_nocs(self) -> dict[str, str]:
        if self._nocs is None:
            self._nocs = {a.id: a.noc for a in self.current.athletes} if self.current else {}
        return self._nocs

    def _within_reach(self, resolver: Resolver, noc: str, name: str) -> bool:
        """Whether the resolver could take ``name`` for an athlete of ``noc`` at all: some name key
        of that NOC scores at least ``LONE_SCORE`` (the least a confident match or a same-NOC
        alternative needs) or starts with the name. False spares a whole resolution, which for a
        new name (most names of a bulk load) finds nothing anyway. A NOC with many keys, or a
        name the resolver would read differently (long, or ending in a code), is always tried."""
        keys = self._noc_keys(resolver).get(noc, [])
        if len(keys) > PREFILTER_KEYS or len(name) > MAX_INPUT // 2 or name.rstrip().endswith(")"):
            return bool(keys)
        tokens = name_tokens(name)[:8]
        if not tokens:
            return True
        typed = "".join(tokens)
        for query in {typed, "".join(canon_token(t) for t in tokens)}:
            if process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=REACH_SCORE):
                return True
        return any(key.startswith(typed) for key in keys)

    def _noc_keys(self, resolver: Resolver) -> dict[str, list[str]]:
        if self._keys_by_noc is None:
            nocs = self._athlete_nocs()
            index = resolver.athlete_index
            by_noc: dict[str, list[str]] = {}
            for key, entry in zip(index.keys, index.key_entry, strict=True):
                by_noc.setdefault(nocs.get(resolver.athletes[entry].id, ""), []).append(key)
            self._keys_by_noc = by_noc
        return self._keys_by_noc
