"""Which Games a loosely typed name means: a city, part of a city, a year, the Games' name or
any of its aliases, in any script, alone or together ("<city> <year>", "winter <alias>"). Every
word comes from the loaded Games' data (id, name, official name, city, year and aliases), never
from code.

A name is CONFIDENT when exactly one Games covers it (every word of the name is one of that Games'
words, or the whole name is one of its names, or a native-script name is inside it), AMBIGUOUS
when several do, NONE otherwise (with the loaded Games as suggestions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.domain.models import Games
from bot.domain.names import fold
from bot.domain.resolution import Candidate, EntityKind, Resolution, ResolutionStatus

#: Words that may stand around a Games name without naming one ("the <year> games", "at <city>").
FILLER_WORDS = frozenset(
    {"the", "at", "in", "of", "and", "games", "game", "edition", "from", "for"}
)
#: Fuzzy matching of a whole name (a typo in a city's name) needs at least this score.
FUZZY_SCORE = 85.0
_SPLIT = re.compile(r"\s+(?:and|e|&)\s+|[,/]")


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def _has_native_script(text: str) -> bool:
    return any(ord(char) > 0x2E80 for char in text)


@dataclass(frozen=True)
class _GamesEntry:
    candidate: Candidate
    names: frozenset[str]  # folded whole names
    words: frozenset[str]  # folded single words of every name
    native: tuple[str, ...]  # native-script names, found inside a text


def _entry(games: Games) -> _GamesEntry:
    names: set[str] = {games.id, games.name, games.official_name, *games.aliases}
    if games.city:
        names.add(games.city)
        names.update(part.strip() for part in _SPLIT.split(games.city) if part.strip())
        if games.year:
            names.add(f"{games.city} {games.year}")
    if games.year:
        names.add(str(games.year))
    folded = {fold(name) for name in names if name and fold(name)}
    folded |= {name.replace(" ", "") for name in folded}
    words = set().union(*(_words(name) for name in names if name))
    words |= set(fold(games.id.replace("-", " ")).split())
    native = tuple(sorted({fold(n) for n in names if n and _has_native_script(n)}, key=len))
    label = f"{games.name} ({games.id})"
    return _GamesEntry(
        candidate=Candidate(kind=EntityKind.GAMES, id=games.id, label=label[:100]),
        names=frozenset(folded),
        words=frozenset(words - FILLER_WORDS),
        native=native,
    )


@dataclass(frozen=True)
class GamesNames:
    """Resolves Games names among the loaded Games. Build with ``GamesNames.build(games)``."""

    entries: tuple[_GamesEntry, ...]

    @classmethod
    def build(cls, games: Iterable[Games]) -> GamesNames:
        ordered = sorted(games, key=lambda g: (g.start.isoformat() if g.start else "", g.id))
        return cls(entries=tuple(_entry(g) for g in reversed(ordered)))

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """Every loaded Games, the most recent first."""
        return tuple(entry.candidate for entry in self.entries)

    def _matching(self, text: str) -> list[_GamesEntry]:
        key = fold(text)
        if not key:
            return []
        exact = [e for e in self.entries if key in e.names or key.replace(" ", "") in e.names]
        if exact:
            return exact
        words = set(key.split()) - FILLER_WORDS
        if words:
            covered = [e for e in self.entries if words <= e.words]
            if covered:
                return covered
        native = [e for e in self.entries if any(name in key for name in e.native)]
        if native:
            return native
        scored = [
            (max(fuzz.ratio(key, name) for name in e.names), e) for e in self.entries if e.names
        ]
        best = max((score for score, _ in scored), default=0.0)
        return [e for score, e in scored if score >= FUZZY_SCORE and score == best]

    def resolve(self, text: str) -> Resolution:
        """The Games ``text`` names."""
        found = self._matching(text[:100])
        if len(found) == 1:
            match = found[0].candidate.model_copy(update={"score": 100.0})
            return Resolution(
                kind=EntityKind.GAMES, query=text, status=ResolutionStatus.CONFIDENT, match=match
            )
        if found:
            return Resolution(
                kind=EntityKind.GAMES,
                query=text,
                status=ResolutionStatus.AMBIGUOUS,
                alternatives=tuple(e.candidate for e in found),
            )
        return Resolution(
            kind=EntityKind.GAMES,
            query=text,
            status=ResolutionStatus.NONE,
            alternatives=self.candidates[:5],
        )

    def suggest(self, text: str, limit: int = 25) -> list[Candidate]:
        """Autocomplete: the Games a partly typed name may mean (all of them for empty text)."""
        key = fold(text)
        if not key:
            return list(self.candidates[:limit])
        found = self._matching(text)
        if not found:
            found = [
                e
                for e in self.entries
                if any(name.startswith(key) for name in e.names)
                or any(word.startswith(key) for word in e.words)
            ]
        return [e.candidate for e in found][:limit]

    def vocabulary(self) -> Sequence[tuple[str, str]]:
        """Every (folded name, Games id) pair, for spotting Games names inside free text."""
        return [(name, e.candidate.id) for e in self.entries for name in sorted(e.names)]
