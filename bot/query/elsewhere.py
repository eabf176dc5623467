"""Names that another loaded Games holds: a nation, an athlete or an event asked about at a Games
whose data does not hold it, and the answer that says where it is instead of offering the asked
Games' similar names (a misspelt name too, when another Games resolves it confidently and more
closely than the asked Games' names). The NOC lists and the programmes are complete, so "did
not take part" and "was not held" are facts; the data holds medallists and reported places, not
every entrant, so an athlete is "not in the data". Pure: indexes and resolvers in, an answer
out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from bot.answers.models import NoMatch
from bot.answers.phrase import Phrase
from bot.answers.text import held_elsewhere, in_other_data, took_part_elsewhere
from bot.domain.models import Games
from bot.domain.resolution import EntityKind
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver

#: A score no match can pass: the name itself.
EXACT_SCORE = 100.0


class Held(Protocol):
    """One Games' data and names (a service view, or what /ask reads of a Games)."""

    @property
    def index(self) -> GamesIndex: ...

    @property
    def resolver(self) -> Resolver: ...


def _games(held: Held) -> Games:
    return held.index.data.games


def _nearer(text: str, asked: Held, other: Held, kind: EntityKind) -> str | None:
    """The id ``other`` resolves a misspelt ``text`` to ("norwy", "filand"), when it does so
    confidently and more closely than any name of ``kind`` near it in ``asked``'s Games (whose
    own choices come first when they are as close). A name ``asked`` holds exactly (namesakes:
    no one match) leaves nothing nearer, so ``other`` is not searched then."""
    near = asked.resolver.resolve(kind, text).alternatives
    if any(c.score >= EXACT_SCORE for c in near):
        return None
    found = other.resolver.resolve(kind, text)
    if not found.confident or found.match is None:
        return None
    if any(c.score >= found.match.score for c in near):
        return None
    return found.match.id


def nation_elsewhere(text: str, asked: Held, other: Held) -> Phrase | None:
    """The nation ``other`` names exactly, or nearer than ``asked``'s names, when ``asked``'s
    Games has no such NOC."""
    code = other.resolver.exact_nation(text)
    if code is None:
        code = _nearer(text, asked, other, EntityKind.NATION)
    if code is None or code in asked.index.nations:
        return None
    return took_part_elsewhere(other.index.nations[code], _games(asked), _games(other))


def athlete_elsewhere(text: str, asked: Held, other: Held) -> Phrase | None:
    """The athlete ``other`` names exactly, or nearer than ``asked``'s names, when the same
    person is not in ``asked``'s data (by any name)."""
    athlete_id = other.resolver.exact_athlete(text)
    if athlete_id is None:
        athlete_id = _nearer(text, asked, other, EntityKind.ATHLETE)
    if athlete_id is None:
        return None
    athlete = other.index.athletes[athlete_id]
    if any(a.person == athlete.person for a in asked.index.athletes.values()):
        return None
    return in_other_data(athlete, _games(asked), _games(other))


def event_elsewhere(text: str, asked: Held, other: Held) -> Phrase | None:
    """The event ``other`` resolves confidently, when ``asked``'s programme has no event of
    that name and sport."""
    found = other.resolver.exact_event(text) or other.resolver.event(text, None)
    if not found.confident or found.match is None:
        return None
    event = other.index.events[found.match.id]
    if any((e.name, e.sport) == (event.name, event.sport) for e in asked.index.events.values()):
        return None
    return held_elsewhere(event, _games(asked), _games(other))


FINDERS: dict[EntityKind, Callable[[str, Held, Held], Phrase | None]] = {
    EntityKind.NATION: nation_elsewhere,
    EntityKind.ATHLETE: athlete_elsewhere,
    EntityKind.EVENT: event_elsewhere,
}


def elsewhere(
    text: str, asked: Held, others: Iterable[Held], kinds: Sequence[EntityKind]
) -> NoMatch | None:
    """What another Games than ``asked``'s holds by ``text`` (of ``kinds``, in that order), as
    the answer for ``asked``'s Games; None when no other Games holds it."""
    for other in others:
        if other is asked:
            continue
        for kind in kinds:
            said = FINDERS[kind](text, asked, other)
            if said is not None:
                return NoMatch(
                    provenance=asked.index.provenance(),
                    kind=kind,
                    query=text,
                    nearest=False,
                    message=said.text,
                    phrase=said,
                )
    return None
