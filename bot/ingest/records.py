"""The results file as records: what a CSV or JSON results file says, before it meets the store.

Both encodings parse to the same ``ResultsFile``. Each record keeps ``origin`` (``row 7`` for CSV,
``events[2].results[0]`` for JSON) so problems can point at the exact place.

Types are strict, as docs/results-format.md says: a JSON value of the wrong type is a problem,
never converted (a number as a mark, text as the athlete list or as a rank, a number as a date,
``true`` as a year). A CSV cell is text by nature: the CSV reader validates with the context
``{"csv": True}``, under which a rank may be written as digits and athletes as ``A;B``. Every text
value is one of the kinds of ``bot.ingest.limits`` (length, control characters, folding).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from bot.domain.models import EventKind, Gender, Medal
from bot.ingest.limits import (
    MAX_BIRTH_YEAR,
    MAX_ITEMS,
    MAX_RANK,
    MIN_BIRTH_YEAR,
    Flag,
    Line,
    Mark,
    Name,
    Note,
    OptionalLine,
    OptionalName,
    Url,
    shown,
)
from bot.ingest.reading import HugeNumber

MEDAL_WORDS = "gold, silver, bronze or empty"
GENDER_WORDS = "men, women, mixed or open"
KIND_WORDS = "individual or team"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DIGITS = re.compile(r"[0-9]{1,9}")


def _too_many(value: list[object] | tuple[object, ...]) -> None:
    """Refuse a list over ``MAX_ITEMS`` before its items are validated one by one."""
    if len(value) > MAX_ITEMS:
        raise ValueError(f"too many: {len(value):,} items (the limit is {MAX_ITEMS})")


def _list_of_values(value: object) -> object:
    if isinstance(value, list | tuple):
        _too_many(value)
        return value
    if value is None:
        return ()
    raise ValueError(f"must be a list, not {_word(value)}")


def _word(value: object) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    return "a number" if value is not None else "null"


def _date(value: object) -> object:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be text YYYY-MM-DD in quotes, not {_word(value)}")
    text = value.strip()
    if not _DATE.fullmatch(text):
        raise ValueError(f"date {shown(text)} is not YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date {shown(text)} is not a date in the calendar") from None


Date = Annotated[dt.date | None, BeforeValidator(_date)]
Names = Annotated[tuple[Name, ...], BeforeValidator(_list_of_values), Field(max_length=MAX_ITEMS)]
Urls = Annotated[tuple[Url, ...], BeforeValidator(_list_of_values), Field(max_length=MAX_ITEMS)]
Notes = Annotated[tuple[Note, ...], BeforeValidator(_list_of_values), Field(max_length=MAX_ITEMS)]
Code = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class Record(BaseModel):
    """Base of file records: frozen, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _is_csv(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("csv"))


class ResultRecord(Record):
    """One result line: rank, medal, NOC, athlete names, mark and note."""

    rank: int | None = Field(default=None, ge=1, le=MAX_RANK)
    medal: Medal | None = None
    noc: str
    athletes: tuple[Name, ...] = Field(default=(), max_length=MAX_ITEMS)
    mark: Mark = ""
    note: Note = ""
    origin: str = Field(default="", exclude=True)

    @field_validator("rank", mode="before")
    @classmethod
    def _rank(cls, value: object, info: ValidationInfo) -> object:
        if value is None or (_is_csv(info) and isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str) and _is_csv(info):
            text = value.strip()
            if not _DIGITS.fullmatch(text):
                raise ValueError(f"rank {shown(text)} is not a positive whole number")
            value = int(text)
        if isinstance(value, HugeNumber):
            raise ValueError(f"rank is too large ({value!r}; ranks go up to {MAX_RANK:,})")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"rank must be a whole number, not {_word(value)}")
        if not 1 <= value <= MAX_RANK:
            raise ValueError(f"rank {shown(value)} is not between 1 and {MAX_RANK:,}")
        return value

    @field_validator("medal", mode="before")
    @classmethod
    def _medal(cls, value: object, info: ValidationInfo) -> object:
        if value is None or (_is_csv(info) and isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str) or value.strip().lower() not in {m.value for m in Medal}:
            raise ValueError(f"medal {shown(value)} is not one of {MEDAL_WORDS}")
        return value.strip().lower()

    @field_validator("noc", mode="before")
    @classmethod
    def _noc(cls, value: object) -> object:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("noc is missing" if not value else "noc must be a three-letter code")
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError(f"noc {shown(value)} is not a three-letter IOC code")
        return code

    @field_validator("athletes", mode="before")
    @classmethod
    def _athletes(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            return ()
        if isinstance(value, str) and _is_csv(info):
            value = tuple(part for part in value.split(";") if part.strip())
        if isinstance(value, list | tuple):
            _too_many(value)
            return value
        raise ValueError(f"athletes must be a list of names, not {_word(value)}")


class EventRecord(Record):
    """An event and its complete result list (the file replaces the event's results)."""

    sport: Name
    event: Name
    gender: Gender
    date: Date = None
    kind: EventKind | None = None
    venue: Line = ""
    sources: Urls = ()
    notes: Notes = ()
    results: tuple[ResultRecord, ...] = ()
    games: OptionalLine = None
    origin: str = Field(default="", exclude=True)

    @field_validator("gender", mode="before")
    @classmethod
    def _gender(cls, value: object) -> object:
        if not isinstance(value, str) or value.strip().lower() not in {g.value for g in Gender}:
            raise ValueError(f"gender {shown(value)} is not one of {GENDER_WORDS}")
        return value.strip().lower()

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        if value is None:
            return None
        if not isinstance(value, str) or value.strip().lower() not in {k.value for k in EventKind}:
            raise ValueError(f"kind {shown(value)} is not one of {KIND_WORDS}")
        return value.strip().lower()


class NocRecord(Record):
    """A participating NOC: IOC code, names, aliases and flag."""

    code: Code
    name: Name
    official_name: OptionalName = ""
    aliases: Names = ()
    flag: Flag = ""
    ranked: bool = Field(default=True, strict=True)


class AthleteRecord(Record):
    """An athlete's details; results name athletes by ``name`` (or an alias) within a NOC."""

    name: Name
    noc: Code
    gender: Gender | None = None
    native_name: OptionalName = ""
    aliases: Names = ()
    birth_date: Date = None
    birth_year: int | None = Field(default=None, strict=True)
    person: OptionalLine = None
    #: Only for namesakes (same NOC and name at one Games): results in this sport name this one.
    sport: Name | None = None

    @field_validator("gender", mode="before")
    @classmethod
    def _gender(cls, value: object) -> object:
        if value is None:
            return None
        if not isinstance(value, str) or value.strip().lower() not in {g.value for g in Gender}:
            raise ValueError(f"gender {shown(value)} is not one of {GENDER_WORDS}")
        return value.strip().lower()

    @field_validator("birth_year", mode="before")
    @classmethod
    def _birth_year(cls, value: object) -> object:
        if value is None:
            return None
        if isinstance(value, HugeNumber):
            raise ValueError(f"birth_year is too large ({value!r})")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"birth_year must be a whole number, not {_word(value)}")
        if not MIN_BIRTH_YEAR <= value <= MAX_BIRTH_YEAR:
            raise ValueError(
                f"birth_year {value} is not between {MIN_BIRTH_YEAR} and {MAX_BIRTH_YEAR}"
            )
        return value


class GamesInfo(Record):
    """Name, city and dates of a Games, so a new Games can be loaded from one file."""

    name: Name
    official_name: OptionalName = ""
    city: OptionalName = ""
    country: OptionalName = ""
    start: Date = None
    end: Date = None
    sources: Urls = ()
    aliases: Names = ()
    as_of: Date = None


class ResultsFile(Record):
    """A whole results file, in either encoding."""

    games: OptionalLine = None
    games_info: GamesInfo | None = None
    nocs: tuple[NocRecord, ...] = ()
    athletes: tuple[AthleteRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    notes: Notes = ()
