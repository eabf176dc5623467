"""Resolution of loosely typed names (nations, athletes, events, sports) against one Games.

PLACEHOLDER: exact folded matching only. To be replaced by the forgiving resolver (issue 3),
keeping this interface.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.models import GamesData
from bot.domain.names import fold, slug
from bot.domain.resolution import Candidate, EntityKind, Resolution, ResolutionStatus


@dataclass
class Resolver:
    """Resolves names of one Games. Build with ``Resolver.build(data)``."""

    keys: dict[EntityKind, dict[str, list[Candidate]]] = field(default_factory=dict)

    @classmethod
    def build(cls, data: GamesData) -> Resolver:
        keys: dict[EntityKind, dict[str, list[Candidate]]] = {kind: {} for kind in EntityKind}

        def add(kind: EntityKind, candidate: Candidate, *names: str) -> None:
            for name in names:
                if name:
                    bucket = keys[kind].setdefault(fold(name), [])
                    if candidate not in bucket:
                        bucket.append(candidate)

        for n in data.nations:
            add(
                EntityKind.NATION,
                Candidate(kind=EntityKind.NATION, id=n.code, label=n.label),
                n.code,
                n.name,
                n.official_name,
                *n.aliases,
            )
        for a in data.athletes:
            add(
                EntityKind.ATHLETE,
                Candidate(kind=EntityKind.ATHLETE, id=a.id, label=f"{a.name} ({a.noc})"),
                a.name,
                a.native_name,
                *a.aliases,
            )
        for e in data.events:
            add(
                EntityKind.EVENT,
                Candidate(kind=EntityKind.EVENT, id=e.id, label=f"{e.name} ({e.sport})"),
                e.name,
            )
        for sport in {e.sport for e in data.events}:
            add(
                EntityKind.SPORT,
                Candidate(kind=EntityKind.SPORT, id=slug(sport), label=sport),
                sport,
            )
        return cls(keys=keys)

    def _resolve(self, kind: EntityKind, text: str) -> Resolution:
        found = self.keys[kind].get(fold(text), [])
        if len(found) == 1:
            return Resolution(
                kind=kind, query=text, status=ResolutionStatus.CONFIDENT, match=found[0]
            )
        if found:
            return Resolution(
                kind=kind,
                query=text,
                status=ResolutionStatus.AMBIGUOUS,
                alternatives=tuple(found[:25]),
            )
        return Resolution(kind=kind, query=text, status=ResolutionStatus.NONE)

    def nation(self, text: str) -> Resolution:
        return self._resolve(EntityKind.NATION, text)

    def athlete(self, text: str) -> Resolution:
        return self._resolve(EntityKind.ATHLETE, text)

    def event(self, text: str, sport: str | None = None) -> Resolution:
        del sport
        return self._resolve(EntityKind.EVENT, text)

    def sport(self, text: str) -> Resolution:
        return self._resolve(EntityKind.SPORT, text)

    def nation_and_sport(self, text: str) -> tuple[Resolution, Resolution | None]:
        return self.nation(text), None

    def suggest(self, kind: EntityKind, text: str, limit: int = 25) -> list[Candidate]:
        return [c for key, cs in self.keys[kind].items() if fold(text) in key for c in cs][:limit]
