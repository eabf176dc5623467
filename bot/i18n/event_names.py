"""Event names in other languages, composed from their parts: a gender word (men's, women's,
mixed), distances (``1500 metres``, ``4 × 7.5 km``, ``10 km + 10 km``) and discipline words
(relay, mass start, giant slalom...), each translated once in the catalogue (context ``event``)
and joined the way the language joins them ("여자 1500m", "女子1500米"). A new Games needs no new
translations for names made of known parts; a name with an unknown part stays in English rather
than being half translated."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.i18n.catalogue import Catalogue

#: The catalogue context of event-name parts, of distance units and of the joiner.
PART = "event"
UNIT = "event unit"
JOIN = "event join"
#: How two parts are joined (the English key; a language without spaces drops the space).
JOINER = "{a} {b}"
#: The longest phrase (in words) an event-name part may have.
LONGEST_PART = 4

#: Distance units as written in event names → the unit's catalogue key.
UNITS: dict[str, str] = {
    "metres": "{n} m",
    "metre": "{n} m",
    "meters": "{n} m",
    "meter": "{n} m",
    "m": "{n} m",
    "km": "{n} km",
    "kilometres": "{n} km",
}
#: Signs between distances, kept as they are ("4 × 7.5 km", "10 km + 10 km", "large hill/10 km").
SIGNS = {"×": "×", "x": "×", "+": "+", "/": "/"}

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[×+/]|[^\s×+/]+")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?$")


@dataclass(frozen=True)
class EventParts:
    """The event-name vocabulary of one language, ready for composing names."""

    parts: dict[str, str]
    units: dict[str, str]
    joiner: str

    @classmethod
    def of(cls, catalogue: Catalogue) -> EventParts:
        parts = {key.casefold(): text for key, text in catalogue.contexts(PART).items()}
        return cls(
            parts=parts,
            units=catalogue.contexts(UNIT),
            joiner=catalogue.get(JOINER, JOIN) or JOINER,
        )

    def join(self, words: list[str]) -> str:
        """Words joined the way the language joins event-name parts."""
        if not words:
            return ""
        text = words[0]
        for word in words[1:]:
            text = self.joiner.format(a=text, b=word)
        return text


def compose(name: str, parts: EventParts) -> str | None:
    """``name`` in the language of ``parts``, or None when a part of it has no translation."""
    tokens = _TOKEN.findall(name.replace("’", "'").casefold())
    words: list[str] = []

    def add(text: str) -> None:
        if words and words[-1].endswith(tuple(SIGNS.values())):
            words[-1] += text
        else:
            words.append(text)

    position = 0
    while position < len(tokens):
        token = tokens[position]
        if _NUMBER.match(token):
            written, position = _distance(tokens, position, parts)
        elif token in SIGNS:
            written = SIGNS[token] if words else None
            position += 1
            if written is not None:
                words[-1] += written
                continue
        else:
            found = _longest_part(tokens, position, parts)
            written, position = found if found else (None, position)
        if written is None:
            return None
        add(written)
    return parts.join(words) if words else None


def _distance(tokens: list[str], position: int, parts: EventParts) -> tuple[str | None, int]:
    """A number and what follows it: a unit (``1500 metres``) or a sign (``4 × 7.5 km``).
    Distances are written without grouping, as results are (``10000m``, ``10000米``)."""
    value = tokens[position].replace(",", "")
    following = tokens[position + 1] if position + 1 < len(tokens) else ""
    if following in UNITS:
        unit = parts.units.get(UNITS[following])
        return (unit.format(n=value) if unit else None), position + 2
    if following in SIGNS:
        return value, position + 1
    return None, position + 1


def _longest_part(tokens: list[str], position: int, parts: EventParts) -> tuple[str, int] | None:
    """The longest known part starting at ``position`` and where it ends."""
    for length in range(min(LONGEST_PART, len(tokens) - position), 0, -1):
        phrase = " ".join(tokens[position : position + length])
        text = parts.parts.get(phrase)
        if text is not None:
            return text, position + length
    return None
