"""What resolving a loosely typed name gives: one confident match, ranked alternatives to choose
from, or none with the nearest suggestions. Shared by the query layer and the answer models."""

# Annotations are evaluated as the classes are made (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each one from its string, at every start.
from enum import StrEnum

from pydantic import Field

from bot.domain.models import Athlete, Frozen, Nation

MAX_ALTERNATIVES = 25


class EntityKind(StrEnum):
    """What a name refers to."""

    NATION = "nation"
    ATHLETE = "athlete"
    EVENT = "event"
    SPORT = "sport"
    GAMES = "games"


class CandidateNames(Frozen):
    """What a candidate is called, in parts, so that a choice can be shown in another language:
    a nation's name, code, aliases (native scripts) and flag; an athlete's name, NOC and native
    name; an event's name and sport."""

    name: str
    code: str = ""
    aliases: tuple[str, ...] = ()
    flag: str = ""
    native: str = ""
    sport: str = ""

    @classmethod
    def of_nation(cls, nation: Nation) -> "CandidateNames":
        return cls(name=nation.name, code=nation.code, aliases=nation.aliases, flag=nation.flag)

    @classmethod
    def of_athlete(cls, athlete: Athlete) -> "CandidateNames":
        return cls(name=athlete.name, code=athlete.noc, native=athlete.native_name)


class Candidate(Frozen):
    """One possible meaning of a name: a stable id, a label for people, and a score (0-100).
    ``names`` holds its name's parts, for showing it in other languages."""

    kind: EntityKind
    id: str
    label: str
    score: float = 0.0
    names: CandidateNames | None = None


class ResolutionStatus(StrEnum):
    """How sure a resolution is."""

    CONFIDENT = "confident"
    AMBIGUOUS = "ambiguous"
    NONE = "none"


class Resolution(Frozen):
    """The outcome of resolving ``query`` as a ``kind``.

    CONFIDENT: ``match`` is set. AMBIGUOUS: ``alternatives`` ranks what it could be (at most 25).
    NONE: ``alternatives`` holds the nearest suggestions (possibly empty).
    """

    kind: EntityKind
    query: str
    status: ResolutionStatus
    match: Candidate | None = None
    alternatives: tuple[Candidate, ...] = Field(default=(), max_length=MAX_ALTERNATIVES)

    @property
    def confident(self) -> bool:
        return self.status is ResolutionStatus.CONFIDENT
