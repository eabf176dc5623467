"""The results file as records: what a CSV or JSON results file says, before it meets the store.

Both encodings parse to the same ``ResultsFile``. Each record keeps ``origin`` (``row 7`` for CSV,
``events[2].results[0]`` for JSON) so problems can point at the exact place.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.domain.models import EventKind, Gender, Medal

MEDAL_WORDS = "gold, silver, bronze or empty"
GENDER_WORDS = "men, women, mixed or open"


class Record(BaseModel):
    """Base of file records: frozen, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _blank_to_none(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        return None
    return value


class ResultRecord(Record):
    """One result line: rank, medal, NOC, athlete names, mark and note."""

    rank: int | None = Field(default=None, ge=1)
    medal: Medal | None = None
    noc: str
    athletes: tuple[str, ...] = ()
    mark: str = ""
    note: str = ""
    origin: str = Field(default="", exclude=True)

    @field_validator("rank", mode="before")
    @classmethod
    def _rank(cls, value: object) -> object:
        value = _blank_to_none(value)
        if isinstance(value, str):
            text = value.strip()
            if not text.isdigit():
                raise ValueError(f"rank {text!r} is not a positive whole number")
            return int(text)
        if isinstance(value, bool) or (value is not None and not isinstance(value, int)):
            raise ValueError(f"rank {value!r} is not a positive whole number")
        return value

    @field_validator("medal", mode="before")
    @classmethod
    def _medal(cls, value: object) -> object:
        value = _blank_to_none(value)
        if value is None:
            return None
        if not isinstance(value, str) or value.strip().lower() not in {m.value for m in Medal}:
            raise ValueError(f"medal {value!r} is not one of {MEDAL_WORDS}")
        return value.strip().lower()

    @field_validator("noc", mode="before")
    @classmethod
    def _noc(cls, value: object) -> object:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("noc is missing")
        return value.strip().upper()

    @field_validator("athletes", mode="before")
    @classmethod
    def _athletes(cls, value: object) -> object:
        if value is None:
            return ()
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(";") if part.strip())
        if isinstance(value, list | tuple):
            if not all(isinstance(name, str) for name in value):
                raise ValueError("athletes must be a list of names")
            return tuple(name.strip() for name in value if name.strip())
        raise ValueError("athletes must be names separated by ';' or a list of names")

    @field_validator("mark", "note", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        if value is None:
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return value


class EventRecord(Record):
    """An event and its complete result list (the file replaces the event's results)."""

    sport: str = Field(min_length=1)
    event: str = Field(min_length=1)
    gender: Gender
    date: dt.date | None = None
    kind: EventKind | None = None
    venue: str = ""
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    results: tuple[ResultRecord, ...] = ()
    games: str | None = None
    origin: str = Field(default="", exclude=True)

    @field_validator("gender", mode="before")
    @classmethod
    def _gender(cls, value: object) -> object:
        if not isinstance(value, str) or value.strip().lower() not in {g.value for g in Gender}:
            raise ValueError(f"gender {value!r} is not one of {GENDER_WORDS}")
        return value.strip().lower()

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        value = _blank_to_none(value)
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"date {value!r} is not YYYY-MM-DD") from None
        return value

    @field_validator("venue", mode="before")
    @classmethod
    def _venue(cls, value: object) -> object:
        return "" if value is None else value


class NocRecord(Record):
    """A participating NOC: IOC code, names, aliases and flag."""

    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str = Field(min_length=1)
    official_name: str = ""
    aliases: tuple[str, ...] = ()
    flag: str = ""
    ranked: bool = True


class AthleteRecord(Record):
    """An athlete's details; results name athletes by ``name`` (or an alias) within a NOC."""

    name: str = Field(min_length=1)
    noc: str = Field(pattern=r"^[A-Z]{3}$")
    gender: Gender | None = None
    native_name: str = ""
    aliases: tuple[str, ...] = ()
    birth_date: dt.date | None = None
    birth_year: int | None = None
    person: str | None = None
    #: Only for namesakes (same NOC and name at one Games): results in this sport name this one.
    sport: str | None = Field(default=None, min_length=1)

    @field_validator("native_name", mode="before")
    @classmethod
    def _native(cls, value: object) -> object:
        return "" if value is None else value


class GamesInfo(Record):
    """Name, city and dates of a Games, so a new Games can be loaded from one file."""

    name: str = Field(min_length=1)
    official_name: str = ""
    city: str = ""
    country: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    as_of: dt.date | None = None


class ResultsFile(Record):
    """A whole results file, in either encoding."""

    games: str | None = None
    games_info: GamesInfo | None = None
    nocs: tuple[NocRecord, ...] = ()
    athletes: tuple[AthleteRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    notes: tuple[str, ...] = ()
