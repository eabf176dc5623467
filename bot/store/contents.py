"""Everything a store holds, in a form that belongs to neither backend: what ``gamesbot store
copy`` reads from one store and writes into another. The current data of each Games, every load
with its before-image (what it replaced, for undo), follows, announced medals and server settings.
Also the before-image's JSON form in the PostgreSQL store (domain models as JSON)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.domain.models import Athlete, EventResults, Follow, Games, GamesData, MedalKey, Nation


@dataclass(frozen=True)
class BeforeImage:
    """What a load replaced, for undo: the Games row (None: the load created the Games), and each
    NOC, athlete and event (with its result list) the load wrote, as it was (None: it was new)."""

    games: Games | None
    nations: dict[str, Nation | None] = field(default_factory=dict)
    athletes: dict[str, Athlete | None] = field(default_factory=dict)
    events: dict[str, EventResults | None] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """As stored in the PostgreSQL store's ``loads.before``."""
        return {
            "games": self.games.model_dump(mode="json") if self.games else None,
            "nations": {k: _dump(v) for k, v in self.nations.items()},
            "athletes": {k: _dump(v) for k, v in self.athletes.items()},
            "events": {k: _dump(v) for k, v in self.events.items()},
        }

    @classmethod
    def from_json(cls, image: dict[str, Any]) -> BeforeImage | None:
        """The image stored by ``to_json`` (None for ``{}``: an undo keeps no image)."""
        if not image:
            return None
        games = image.get("games")
        return cls(
            games=Games.model_validate(games) if games else None,
            nations={k: _load(Nation, v) for k, v in image.get("nations", {}).items()},
            athletes={k: _load(Athlete, v) for k, v in image.get("athletes", {}).items()},
            events={k: _load(EventResults, v) for k, v in image.get("events", {}).items()},
        )


def _dump(model: Nation | Athlete | EventResults | None) -> dict[str, Any] | None:
    return model.model_dump(mode="json") if model is not None else None


_M = TypeVar("_M", Nation, Athlete, EventResults)


def _load(kind: type[_M], value: Any) -> _M | None:
    return kind.model_validate(value) if value is not None else None


@dataclass(frozen=True)
class LoadEntry:
    """One row of the load history, as it was written."""

    load_id: int
    games_id: str
    kind: str
    source: str
    sha256: str
    user_id: int | None
    loaded_at: dt.datetime
    counts: dict[str, int]
    before: BeforeImage | None
    undone_by: int | None


@dataclass(frozen=True)
class FollowEntry:
    """A follow, who made it and when."""

    follow: Follow
    user_id: int | None
    created_at: dt.datetime


@dataclass(frozen=True)
class AnnouncedEntry:
    """A medal already announced to followers."""

    games_id: str
    medal: MedalKey
    announced_at: dt.datetime


@dataclass(frozen=True)
class SettingEntry:
    """One server setting, who set it and when."""

    guild_id: int
    key: str
    value: str
    user_id: int | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class StoreContents:
    """Everything in a store."""

    games: list[GamesData]
    loads: list[LoadEntry]
    follows: list[FollowEntry]
    announced: list[AnnouncedEntry]
    settings: list[SettingEntry]

    @property
    def is_empty(self) -> bool:
        return not (self.games or self.loads or self.follows or self.announced or self.settings)

    def summary(self) -> str:
        """``2 Games, 5 loads, 3 follows, 12 announced medals, 1 server setting``."""
        parts = [
            (len(self.games), "Games", "Games"),
            (len(self.loads), "load", "loads"),
            (len(self.follows), "follow", "follows"),
            (len(self.announced), "announced medal", "announced medals"),
            (len(self.settings), "server setting", "server settings"),
        ]
        return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts)
