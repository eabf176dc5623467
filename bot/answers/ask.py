"""The answer models of ``/ask``: the query language a question is read into (``Query``: what is
asked, of what, with which filters, grouping, order and limit) and the facts the evaluator finds
for it (``AskPart``: a headline value and the items it counted or listed). Words live in
``bot.answers.ask_text``; nothing here is prose, so answers can be checked and translated.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from bot.answers.provenance import Provenance
from bot.domain.models import EventKind, Frozen, Gender, Medal, MedalCount
from bot.domain.resolution import CandidateNames


class Asked(StrEnum):
    """What a question asks for."""

    COUNT = "count"
    LIST = "list"
    RANK = "rank"
    CHECK = "check"
    COMPARE = "compare"
    EXPLAIN = "explain"
    DATE = "date"
    PLACE = "place"


class Counted(StrEnum):
    """What is counted, listed or ranked."""

    MEDALS = "medals"
    RESULTS = "results"
    EVENTS = "events"
    NATIONS = "nations"
    ATHLETES = "athletes"
    SPORTS = "sports"
    GAMES = "games"


class Order(StrEnum):
    """Which end of an ordering is asked for: by count (most, fewest) or by date (first, last)."""

    MOST = "most"
    FEWEST = "fewest"
    FIRST = "first"
    LAST = "last"


class Ref(Frozen):
    """A resolved entity: its stable id and how answers name it (``names``: its name's parts,
    for naming it in other languages)."""

    id: str
    label: str
    names: CandidateNames | None = None


class Query(Frozen):
    """One question (or one part of a compound question) as data. Filters narrow the results
    looked at; ``medal`` a colour, ``medalled`` only results with a medal; ``threshold`` is the
    count a ``first`` question must reach ("first to ten golds") or a check must pass ("more
    than 15"); ``by_total`` ranks by all medals instead of the medal table's gold first."""

    asked: Asked
    of: Counted
    games: Ref
    nations: tuple[Ref, ...] = ()
    athletes: tuple[Ref, ...] = ()
    event: Ref | None = None
    sports: tuple[Ref, ...] = ()
    #: ``sports`` are every sport of the Games held on this surface ("ice", "snow": "medals on
    #: ice"), else empty.
    surface: str = ""
    gender: Gender | None = None
    kind: EventKind | None = None
    day: dt.date | None = None
    medal: Medal | None = None
    medalled: bool = False
    order: Order | None = None
    limit: int | None = None
    threshold: int | None = None
    #: ``threshold`` is the count itself, not the least ("exactly one medal").
    exactly: bool = False
    #: The nation or athlete a list is measured against: those that won more than it ("which
    #: nations won more medals than <nation>", "which nation beat <nation>").
    than: Ref | None = None
    by_total: bool = False
    #: Only results that share their place with another ("was there a tie for silver").
    tied: bool = False
    #: The events where one nation won every medal ("was there a podium sweep").
    sweep: bool = False
    #: Only results whose note mentions this (folded: "world record", "record"): "were there
    #: any world records". The data's notes, not an official list of records.
    record: str = ""
    #: The nations or athletes that did not win what is asked ("which nations won no gold").
    without: bool = False
    #: Whether the one nation or athlete named leads ``order``'s ranking ("did <nation> win the
    #: most golds").
    leads: bool = False
    #: Only the results at this place of the event ("who came fourth in the downhill"), or of a
    #: ranking ("which nation is 4th").
    place: int | None = None
    #: The Games a comparison across Games weighs (empty: not across Games).
    versus_games: tuple[Ref, ...] = ()
    #: The Games a list's nations or athletes are each found at, all of them ("which athletes
    #: won medals at both Games"; empty: one Games).
    in_every: tuple[Ref, ...] = ()
    #: The Games whose nations or athletes a list leaves out ("at <Games> but not at <Games>").
    not_at: Ref | None = None
    #: A date question about the Games themselves: their first or last day.
    games_dates: Literal["start", "end"] | None = None
    #: A question about where the Games were held: their host city and country.
    games_host: bool = False


ItemKind = Literal["result", "nation", "athlete", "event", "sport", "note", "games"]


class AthleteName(Frozen):
    """An athlete as an answer names them."""

    id: str
    name: str
    native_name: str = ""


class Item(Frozen):
    """One thing an answer counts or lists: a result line (event, NOC, athletes, place, medal),
    a nation, athlete, event, sport or Games (with its medals or count), or a quoted note."""

    kind: ItemKind
    id: str
    label: str
    noc: str = ""
    event: str = ""
    date: dt.date | None = None
    rank: int | None = None
    medal: Medal | None = None
    athletes: tuple[AthleteName, ...] = ()
    mark: str = ""
    note: str = ""
    count: MedalCount | None = None
    value: int | None = None
    source: str = ""
    #: A nation's or athlete's name in parts, for naming it in other languages.
    names: CandidateNames | None = None
    #: A Games' host city and country (``names``: the country's, when it is a nation of the
    #: Games).
    city: str = ""
    country: str = ""


AskValue = int | bool | dt.date | None


class AskPart(Frozen):
    """The facts found for one query: a headline ``value`` (a count, yes/no, date or place),
    the items behind it, a medal breakdown where medals were counted, the winner of a
    comparison, and ``unranked``: delegations the medal table leaves out, named apart."""

    query: Query
    value: AskValue = None
    items: tuple[Item, ...] = ()
    count: MedalCount | None = None
    winner: str | None = None
    unranked: tuple[Item, ...] = ()


class AskAnswer(Frozen):
    """The answer to a free-form question: one part per query, every fact from the data."""

    type: Literal["ask"] = "ask"
    provenance: Provenance
    question: str
    parts: tuple[AskPart, ...]
