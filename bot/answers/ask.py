"""Answer models of ``/ask`` (free-form questions): the parsed query (intent, resolved entities,
filters) beside the answer, so a wrong answer can be traced to the step that made it, and the
plain-text renderer of an ``AskAnswer``.

Facts are data: every ``AskPart`` carries ``facts``, a flat mapping of ids, codes and numbers (e.g.
``{"event": "...", "gold": ("KOR",), "athletes": ("kor-kim-gil-li",)}``) that tests and the
accuracy benchmark compare, never the prose.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from bot.answers.provenance import Provenance, footer
from bot.domain.models import Frozen, Medal

#: A fact's value: an id, code or label, a number, a yes/no, nothing, or a list of ids.
FactValue = str | int | bool | None | tuple[str, ...]


class AskIntent(StrEnum):
    """What a question asks for."""

    EVENT_WINNER = "event_winner"
    TEAM_MEMBERS = "team_members"
    NATION_MEDALS = "nation_medals"
    NATION_EVENT = "nation_event"
    ATHLETE_MEDALS = "athlete_medals"
    ATHLETE_EVENT = "athlete_event"
    RANKING = "ranking"
    MEDAL_TABLE = "medal_table"
    MEDAL_NATIONS = "medal_nations"
    PARTICIPANTS = "participants"
    GAMES_FACTS = "games_facts"
    FIRST_MEDAL = "first_medal"
    COMPARE = "compare"
    ATHLETE_AGE = "athlete_age"
    EVENT_DATE = "event_date"
    EVENTS_ON_DATE = "events_on_date"


class ParsedQuery(Frozen):
    """One question (or one clause of a combined question) as the parser read it: the intent,
    the entities resolved to stable ids, the filters, and the text each entity was read from."""

    intent: AskIntent
    nation: str | None = None
    athlete: str | None = None
    event: str | None = None
    sport: str | None = None
    medal: Medal | None = None
    subject: Literal["athlete", "nation"] | None = None
    measure: Literal["gold", "total"] | None = None
    limit: int | None = None
    date: dt.date | None = None
    mentions: dict[str, str] = Field(default_factory=dict)


class AskPart(Frozen):
    """The answer to one clause: its sentence(s) and its structured facts."""

    query: ParsedQuery
    text: str
    facts: dict[str, FactValue] = Field(default_factory=dict)


class AskAnswer(Frozen):
    """The answer to a free-form question: one part per clause, all from the results data."""

    type: Literal["ask"] = "ask"
    provenance: Provenance
    question: str
    parsed: tuple[ParsedQuery, ...]
    parts: tuple[AskPart, ...]
    text: str


def render_ask_text(answer: AskAnswer) -> str:
    """Plain text of an ``/ask`` answer: the answer sentences, a blank line, then the same footer
    as the other text answers (``bot.answers.provenance.footer``)."""
    return f"{answer.text}\n\n{footer(answer.provenance)}"
