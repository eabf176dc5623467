"""Answer models: what a command answers, as data. Front-ends render them; tests assert on them.
``Answer`` is the union of them all (``AskAnswer`` lives in ``bot.answers.ask``).

``bot.answers.ask`` (the /ask query language and its facts, a dozen models) is imported only
where /ask answers are made or read: ``Answer`` names ``AskAnswer`` by a forward reference, which
``answer_adapter`` (the JSON encoder of every answer) resolves, so that a one-shot question that
is not an /ask never defines those models."""

# Annotations are evaluated as the classes are made (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each one from its string, at every start.
import datetime as dt
import functools
from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import Field, TypeAdapter

from bot.answers.phrase import Phrase
from bot.answers.provenance import Provenance as Provenance
from bot.domain.models import (
    Athlete,
    Event,
    Frozen,
    Games,
    LoadRecord,
    Medal,
    MedalCount,
    Nation,
    PersonLink,
)
from bot.domain.resolution import Candidate, EntityKind

if TYPE_CHECKING:
    from bot.answers.ask import AskAnswer


class AthleteRef(Frozen):
    """An athlete as named in an answer."""

    id: str
    name: str
    native_name: str = ""


class MedalLine(Frozen):
    """One medal won: which event, when, by whom."""

    event_id: str
    event: str
    sport: str
    date: dt.date | None
    medal: Medal
    noc: str
    athletes: tuple[AthleteRef, ...] = ()
    mark: str = ""


class SportTally(Frozen):
    """A NOC's medals in one sport."""

    sport: str
    count: MedalCount


class NationSummary(Frozen):
    """A nation's rank, tally, per-sport breakdown and every medal (optionally for one sport)."""

    type: Literal["nation"] = "nation"
    provenance: Provenance
    nation: Nation
    sport: str | None = None
    rank: int | None = None
    count: MedalCount
    by_sport: tuple[SportTally, ...] = ()
    medals: tuple[MedalLine, ...] = ()
    nations_ranked: int = 0


class NationAcrossGames(Frozen):
    """A nation's medals at every loaded Games (``games: all``): a summary per Games it took part
    in (the most recent first) and the medals of all together; ``not_in`` names the others."""

    type: Literal["nation_games"] = "nation_games"
    provenance: Provenance
    nation: Nation
    games: tuple[NationSummary, ...]
    count: MedalCount
    not_in: tuple[str, ...] = ()


class AthleteEntry(Frozen):
    """An athlete's result in one event."""

    event_id: str
    event: str
    sport: str
    date: dt.date | None
    rank: int | None
    medal: Medal | None
    mark: str = ""
    note: str = ""
    teammates: tuple[AthleteRef, ...] = ()


class AthleteSummary(Frozen):
    """An athlete's NOC, sports, every event with rank, medal, mark and notes, and medal count."""

    type: Literal["athlete"] = "athlete"
    provenance: Provenance
    athlete: Athlete
    nation: Nation
    sports: tuple[str, ...]
    entries: tuple[AthleteEntry, ...]
    count: MedalCount


class PersonSummary(Frozen):
    """One person at every loaded Games where they appear: a part per Games (the most recent
    first) and the medals of all together. ``not_in`` names the loaded Games whose data does not
    hold them (which says nothing about whether they competed there)."""

    type: Literal["person"] = "person"
    provenance: Provenance
    person_id: str
    games: tuple[AthleteSummary, ...]
    count: MedalCount
    not_in: tuple[str, ...] = ()


class Place(Frozen):
    """One place in an event's result list."""

    rank: int | None
    medal: Medal | None
    nation: Nation
    athletes: tuple[AthleteRef, ...] = ()
    mark: str = ""
    note: str = ""


class EventResult(Frozen):
    """An event's podium and every known place, with date, venue, notes and sources."""

    type: Literal["event"] = "event"
    provenance: Provenance
    event: Event
    places: tuple[Place, ...]


class TableRow(Frozen):
    """One line of a medal table."""

    rank: int | None
    nation: Nation
    count: MedalCount


class MedalTable(Frozen):
    """The medal table, overall or for one sport; ties share a rank. ``unranked`` holds the
    delegations with medals that the official table leaves out of its ranking (and its totals)."""

    type: Literal["table"] = "table"
    provenance: Provenance
    sport: str | None = None
    sort: Literal["gold", "total"] = "gold"
    rows: tuple[TableRow, ...]
    totals: MedalCount
    nations_with_medals: int
    participants: int
    truncated_from: int | None = None
    unranked: tuple[TableRow, ...] = ()


class Disambiguation(Frozen):
    """The name could mean several things: the user chooses."""

    type: Literal["disambiguation"] = "disambiguation"
    provenance: Provenance
    kind: EntityKind
    query: str
    alternatives: tuple[Candidate, ...]


class NoMatch(Frozen):
    """Nothing matched: say so, with the nearest suggestions."""

    type: Literal["no_match"] = "no_match"
    provenance: Provenance
    kind: EntityKind
    query: str
    suggestions: tuple[Candidate, ...] = ()
    nearest: bool = True
    message: str = ""
    #: ``message`` as a template and its values, for saying it in other languages.
    phrase: Phrase | None = None


class RankingRow(Frozen):
    """One line of a ranking."""

    rank: int
    id: str
    label: str
    noc: str
    count: MedalCount


class Ranking(Frozen):
    """A superlative answer: who won the most (golds or medals), overall or in one sport."""

    type: Literal["ranking"] = "ranking"
    provenance: Provenance
    subject: Literal["athlete", "nation"]
    measure: Literal["gold", "total"]
    sport: str | None = None
    rows: tuple[RankingRow, ...]


class Message(Frozen):
    """A plain informative answer (help, pointers to commands, out-of-scope questions)."""

    type: Literal["message"] = "message"
    provenance: Provenance
    text: str
    answered: bool = True
    #: ``text`` as a template and its values, for saying it in other languages.
    phrase: Phrase | None = None
    #: True when /ask read the text as a bare name (no question in it) that no nation, athlete or
    #: event matches with confidence: a front-end may offer the choices or nearest names.
    bare_name: bool = False


class About(Frozen):
    """What the bot knows: the Games, its size, where the data comes from, the last load."""

    type: Literal["about"] = "about"
    provenance: Provenance
    games: Games
    events: int
    sports: tuple[str, ...]
    nations: int
    athletes: int
    results: int
    sources: int
    version: str
    other_games: tuple[str, ...] = ()


class MedalAlert(Frozen):
    """New medals of one followed nation, to post in one channel."""

    type: Literal["medal_alert"] = "medal_alert"
    provenance: Provenance
    guild_id: int
    channel_id: int
    nation: Nation
    medals: tuple[MedalLine, ...]


class TableChange(Frozen):
    """How one NOC's medal count changes with a load: ``KOR 16/15/14 → 15/16/14``."""

    noc: str
    before: MedalCount
    after: MedalCount
    rank_before: int | None = None
    rank_after: int | None = None


class EventChange(Frozen):
    """What a load does to one event's result list."""

    event_id: str
    label: str
    new_event: bool = False
    added: int = 0
    changed: int = 0
    removed: int = 0
    details: tuple[str, ...] = ()

    @property
    def unchanged(self) -> bool:
        return not (self.new_event or self.added or self.changed or self.removed)


class NewGames(Frozen):
    """A Games a load creates, and its size."""

    games_id: str
    name: str
    events: int
    nations: int
    athletes: int


class LoadPreview(Frozen):
    """What loading a results file would change, before it changes anything. ``joined`` lists
    athletes found to be people of other Games; ``doubtful`` the pairs left apart."""

    type: Literal["load_preview"] = "load_preview"
    provenance: Provenance
    source: str
    sha256: str
    base_load_id: int | None
    events: tuple[EventChange, ...]
    new_athletes: tuple[str, ...] = ()
    new_nations: tuple[str, ...] = ()
    table_changes: tuple[TableChange, ...] = ()
    warnings: tuple[str, ...] = ()
    applied_load_id: int | None = None
    new_games: NewGames | None = None
    joined: tuple[PersonLink, ...] = ()
    doubtful: tuple[PersonLink, ...] = ()
    #: Every row the file would write already stands so: loading it writes nothing and makes no
    #: history entry (``applied_load_id`` stays None).
    no_change: bool = False

    @property
    def changes_anything(self) -> bool:
        return not self.no_change

    @property
    def changes_details_only(self) -> bool:
        """Something changes, but no result, event, athlete or NOC is added or removed: names,
        dates, venues, notes or sources of rows that stay."""
        return not (
            self.no_change
            or self.new_games
            or self.new_athletes
            or self.new_nations
            or any(not e.unchanged for e in self.events)
        )


class LoadHistory(Frozen):
    """The loads of a Games, newest first."""

    type: Literal["load_history"] = "load_history"
    provenance: Provenance
    loads: tuple[LoadRecord, ...]


class UndoResult(Frozen):
    """What an undo reverted (or why nothing could be)."""

    type: Literal["undo"] = "undo"
    provenance: Provenance
    undone: LoadRecord | None
    undo_load_id: int | None = None
    table_changes: tuple[TableChange, ...] = ()
    message: str = ""


#: Every answer. ``Union`` because ``AskAnswer`` is a forward reference here (see the module).
Answer = Annotated[
    Union[
        NationSummary,
        NationAcrossGames,
        AthleteSummary,
        PersonSummary,
        EventResult,
        MedalTable,
        Disambiguation,
        NoMatch,
        Ranking,
        Message,
        LoadPreview,
        LoadHistory,
        UndoResult,
        About,
        "AskAnswer",
    ],
    Field(discriminator="type"),
]


@functools.cache
def answer_adapter() -> TypeAdapter[Answer]:
    """The JSON encoder of every answer (``--json``), built on first use: building it costs more
    than answering a one-shot question, and defines the /ask models ``Answer`` refers to."""
    # A TypeAdapter resolves forward references in the namespace of the frame that makes it.
    from bot.answers.ask import AskAnswer  # noqa: F401

    return TypeAdapter(Answer)


def is_answered(answer: object) -> bool:
    """True for answers that answer the question (exit 0); false for no match or a choice (exit 1)."""
    if isinstance(answer, Disambiguation | NoMatch):
        return False
    if isinstance(answer, Message):
        return answer.answered
    if isinstance(answer, UndoResult):
        return answer.undone is not None
    return True


def games_label(games: Games) -> str:
    """Short name of a Games for footers."""
    return games.name
