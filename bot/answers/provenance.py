"""Provenance: where an answer's data comes from and how fresh it is, and the footer that says
so under every answer (text and Discord alike). Its own module so that every answer module can
use it without importing the others; the footer's words are all here, in one table.

Freshness is the last change of the Games' data, not when the database was filled: bundled data
says "bundled data" and the date the bundle was compiled (``Games.as_of``, when the data files
carry it); a moderator's load or undo says which one, by whom (a moderator on Discord, or the
command line) and when."""

# Annotations are evaluated as the classes are made (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each one from its string, at every start.
import datetime as dt
from functools import lru_cache

from bot.domain.models import Frozen
from bot.i18n import ENGLISH, Words, words_for

#: The kinds of change a footer names: the store's load kinds (any other reads as a load), and a
#: Games that a previewed file would add (no load of it yet).
BUNDLED = "bundled"
NEW_GAMES = "new"

#: The footer's words. ``{n}``: the load's number in the history.
WORDS = {
    "bundled": "bundled data",
    "bundled_as_of": "bundled data as of {date}",
    "new": "not loaded yet",
    "load": "results load #{n}",
    "undo": "undo #{n}",
    "by_moderator": "by a moderator",
    "by_command_line": "from the command line",
    "when": "{date} {time} UTC",
    "separator": " · ",
}


class Provenance(Frozen):
    """Where an answer's data comes from and how fresh it is (the footer of every answer)."""

    games_id: str
    games_name: str
    #: The file (or bundled folder) of the last change.
    source: str
    #: When the last load or undo changed the Games; None for bundled data (its freshness is
    #: ``compiled``, not when a database happened to be filled).
    as_of: dt.datetime | None = None
    #: The kind of the last change: ``bundled``, ``load`` or ``undo`` (``new``: none yet).
    change: str = BUNDLED
    #: The number of that load or undo in the history (None for bundled data).
    load_id: int | None = None
    #: Whether a Discord member made it (else the command line).
    by_moderator: bool = False
    #: When the bundled data was compiled (from its data files; None when they do not say).
    compiled: dt.date | None = None
    #: The Games' other names (native scripts among them), for naming it in other languages.
    games_aliases: tuple[str, ...] = ()


EN = words_for(ENGLISH)

#: Footers remembered: one per Games, change and language in use (more only in a long run of
#: loads, when the oldest go).
FOOTERS_KEPT = 256


def _date(day: dt.date, w: Words) -> str:
    return f"{day.day} {day:%b %Y}" if w.english else w.date(day)


def freshness(provenance: Provenance, w: Words = EN) -> str:
    """How fresh the data is, in words: "bundled data as of <date>", or
    "results load #12 by a moderator, <date> <time> UTC"."""
    if provenance.change == BUNDLED:
        if provenance.compiled is None:
            return w.t(WORDS["bundled"])
        return w.t(WORDS["bundled_as_of"], date=_date(provenance.compiled, w))
    if provenance.change == NEW_GAMES:
        return w.t(WORDS["new"])
    load_id = str(provenance.load_id)
    what = w.t(WORDS["undo" if provenance.change == "undo" else "load"], n=load_id)
    who = w.t(WORDS["by_moderator" if provenance.by_moderator else "by_command_line"])
    text = f"{what} {who}"
    if provenance.as_of is not None:
        moment = provenance.as_of.astimezone(dt.UTC)
        text += ", " + w.t(WORDS["when"], date=_date(moment, w), time=f"{moment:%H:%M}")
    return text


#: The footers of the provenances in use, by the objects themselves (each index makes its
#: provenance once, and every answer of it shares that object): found without hashing a model.
_FOOTERS: dict[tuple[int, int], tuple[Provenance, Words, str]] = {}


def footer(provenance: Provenance, w: Words = EN) -> str:
    """The footer of every answer: the Games and how fresh its data is (remembered: every
    answer of a Games shares its provenance, and each language its words)."""
    key = (id(provenance), id(w))
    found = _FOOTERS.get(key)
    if found is not None and found[0] is provenance and found[1] is w:
        return found[2]
    made = _footer(provenance, w)
    if len(_FOOTERS) >= FOOTERS_KEPT:
        del _FOOTERS[next(iter(_FOOTERS))]
    _FOOTERS[key] = (provenance, w, made)  # kept with it: an id is not reused while kept
    return made


@lru_cache(maxsize=FOOTERS_KEPT)
def _footer(provenance: Provenance, w: Words) -> str:
    """``footer``, by the provenance's value (equal provenances made apart share it)."""
    name = w.games(provenance.games_name, provenance.games_aliases)
    return WORDS["separator"].join((name, freshness(provenance, w)))
