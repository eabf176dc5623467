"""Frozen pydantic models of a Games and its results, and the snapshot that carries a whole Games."""

# Annotations are evaluated as the classes are made (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each one from its string, at every start.
import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Base for immutable models."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def build_schemas() -> None:
    """Build the validator of every model defined so far. They are built on first use, which
    suits one-shot commands; a long-running process builds them once at start instead, so that
    its first answers of each kind do not pay for it (about 0.1 s in all)."""
    pending: list[type[BaseModel]] = [Frozen]
    while pending:
        model = pending.pop()
        model.model_rebuild()
        pending.extend(model.__subclasses__())


class Medal(StrEnum):
    """A medal colour."""

    GOLD = "gold"
    SILVER = "silver"
    BRONZE = "bronze"

    @property
    def emoji(self) -> str:
        return _MEDAL_EMOJI[self]

    @property
    def order(self) -> int:
        return _MEDAL_ORDER[self]


# By the members' values (a member is equal to its value and hashes alike): answers read these
# for every line, and a member's ``value`` is a slower descriptor.
_MEDAL_EMOJI = {"gold": "🥇", "silver": "🥈", "bronze": "🥉"}
_MEDAL_ORDER = {"gold": 0, "silver": 1, "bronze": 2}


class Gender(StrEnum):
    """Who an event is for."""

    MEN = "men"
    WOMEN = "women"
    MIXED = "mixed"
    OPEN = "open"


class EventKind(StrEnum):
    """Whether a result belongs to one athlete or a team."""

    INDIVIDUAL = "individual"
    TEAM = "team"


class Games(Frozen):
    """One multi-sport Games, identified by an id such as ``<city>-<year>``."""

    id: str
    name: str
    official_name: str = ""
    city: str = ""
    country: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    sources: tuple[str, ...] = ()
    #: Other names people call it by (short names, abbreviations, names in other scripts); its
    #: name, city and year count too.
    aliases: tuple[str, ...] = ()
    #: When the bundled data of this Games was compiled (None for data loaded without the date).
    as_of: dt.date | None = None

    @property
    def year(self) -> int | None:
        """The year the Games opened."""
        return self.start.year if self.start else None


class Nation(Frozen):
    """A National Olympic Committee taking part in a Games."""

    code: str
    name: str
    official_name: str = ""
    aliases: tuple[str, ...] = ()
    flag: str = ""
    #: False for a delegation the official medal table leaves out of its ranking (neutral
    #: athletes): its medals belong to its athletes and events, not to a row of the table.
    ranked: bool = True

    @property
    def label(self) -> str:
        """Flag, name and code, e.g. ``🇰🇷 South Korea (KOR)``."""
        return f"{self.flag} {self.name} ({self.code})".strip()


class Athlete(Frozen):
    """An athlete as entered at one Games, identified there by a stable id derived from NOC and
    name. ``person_id`` names the person across Games (empty: the athlete's own id)."""

    id: str
    name: str
    noc: str
    gender: Gender | None = None
    native_name: str = ""
    aliases: tuple[str, ...] = ()
    birth_date: dt.date | None = None
    birth_year: int | None = None
    person_id: str = ""

    @property
    def person(self) -> str:
        """The id of the person this athlete is, the same at every Games."""
        return self.person_id or self.id


class Event(Frozen):
    """A medal event: sport, name, gender, date and its sources."""

    id: str
    sport: str
    name: str
    gender: Gender
    date: dt.date | None = None
    kind: EventKind = EventKind.INDIVIDUAL
    venue: str = ""
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class Result(Frozen):
    """One line of an event's result list. ``athletes`` holds athlete ids in listed order."""

    event_id: str
    rank: int | None = Field(default=None, ge=1)
    medal: Medal | None = None
    noc: str
    athletes: tuple[str, ...] = ()
    mark: str = ""
    note: str = ""


class MedalCount(Frozen):
    """Gold, silver and bronze of one NOC (overall or in one sport)."""

    noc: str
    gold: int = 0
    silver: int = 0
    bronze: int = 0

    @property
    def total(self) -> int:
        return self.gold + self.silver + self.bronze

    @property
    def key(self) -> tuple[int, int, int]:
        """The ranking key: more gold first, then silver, then bronze."""
        return (self.gold, self.silver, self.bronze)


class LoadInfo(Frozen):
    """What the store knows about the most recent load of a Games' data."""

    load_id: int
    loaded_at: dt.datetime
    source: str
    user_id: int | None = None
    #: ``bundled`` (the data shipped with gamesbot), ``load`` (a results file) or ``undo``.
    kind: str = "load"


class LoadRecord(Frozen):
    """One line of the load history."""

    load_id: int
    kind: str
    source: str
    sha256: str
    user_id: int | None
    loaded_at: dt.datetime
    events: int = 0
    results: int = 0
    undone_by: int | None = None


class GamesData(Frozen):
    """Everything known about one Games at one moment: what the query layer indexes."""

    games: Games
    nations: tuple[Nation, ...]
    athletes: tuple[Athlete, ...]
    events: tuple[Event, ...]
    results: tuple[Result, ...]
    last_load: LoadInfo | None = None


class EventResults(Frozen):
    """An event together with its complete result list."""

    event: Event
    results: tuple[Result, ...]


class PersonLink(Frozen):
    """An athlete of a load beside an athlete of another Games: joined as one person, or a doubtful
    pair left apart (``reason`` says why: same name, similar name, born on different dates...)."""

    athlete_id: str
    name: str
    noc: str
    person_id: str
    other_games: str
    other_games_name: str
    other_name: str
    other_noc: str
    reason: str = ""


class LoadPlan(Frozen):
    """Everything one load writes: a Games, NOCs and athletes to add or update, and the events whose
    result lists it replaces. Events not listed are left untouched. ``joins`` and ``doubts`` say
    which athletes were found to be people of other Games, and which pairs were left apart."""

    games: Games
    nations: tuple[Nation, ...] = ()
    athletes: tuple[Athlete, ...] = ()
    events: tuple[EventResults, ...] = ()
    warnings: tuple[str, ...] = ()
    joins: tuple[PersonLink, ...] = ()
    doubts: tuple[PersonLink, ...] = ()


class Follow(Frozen):
    """A Discord channel following a nation's new medals."""

    guild_id: int
    channel_id: int
    games_id: str
    noc: str


class MedalKey(Frozen):
    """What identifies one medal for announcements: event, NOC, colour and athletes."""

    event_id: str
    noc: str
    medal: Medal
    athletes: tuple[str, ...] = ()
