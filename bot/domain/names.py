"""Name folding: the one place that decides when two spellings of a name are the same text.

``fold`` casefolds, strips accents and punctuation and collapses spaces, while keeping Hangul,
Han, kana and Cyrillic letters intact. ``slug`` turns a folded name into an id fragment.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"'": "", "’": "", "‘": "", "`": "", "ʼ": ""})
_ASCII_OTHER = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Casefold, strip accents and punctuation; ``"Min-jeong  O'Neil"`` → ``"min jeong oneil"``.
    Remembered for the most recent short texts (names): a load folds each name several times."""
    return _fold_remembered(text) if len(text) <= _REMEMBERED_CHARS else _fold(text)


_REMEMBERED_CHARS = 256


@functools.lru_cache(maxsize=1 << 16)
def _fold_remembered(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():  # the same result, without the Unicode tables
        return _ASCII_OTHER.sub(" ", text.translate(_APOSTROPHES).lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":
            continue
        kept.append(char if category[0] in "LN" else " ")
    recomposed = unicodedata.normalize("NFKC", "".join(kept)).casefold()
    return _SPACES.sub(" ", recomposed).strip()


def slug(text: str) -> str:
    """An id fragment: the folded text with hyphens for spaces."""
    return fold(text).replace(" ", "-")


def athlete_id(noc: str, name: str, sport: str = "") -> str:
    """The stable id of an athlete: NOC plus folded name, e.g. ``kor-choi-min-jeong``; for one of
    namesakes told apart by their sport, the sport too (``kor-kim-min-ji-curling``)."""
    base = f"{noc.lower()}-{slug(name)}"
    return f"{base}-{slug(sport)}" if sport else base


def event_id(sport: str, name: str) -> str:
    """The stable id of an event: folded sport and event name."""
    return f"{slug(sport)}/{slug(name)}"
