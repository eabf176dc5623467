"""What an event name or an event query says: gender, distance (in metres), relay, and the other
content words, read from any of the forms people type ("3k relay women", "women's 3,000 m relay",
"Men's 4 × 7.5 km relay", "M 500", "ladies 1500m"). Sport words are found by ``bot.query.sports``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.domain.models import Gender

_THOUSANDS = re.compile(r"(?<!\d)(\d{1,3})(?:,(\d{3}))+(?!\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d(?!\d\d))")
_TIMES = re.compile(r"(?<=\d)\s*[x×*]\s*(?=\d)")
_TOKENS = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")

GENDER_WORDS: dict[str, Gender] = {
    "women": Gender.WOMEN,
    "womens": Gender.WOMEN,
    "woman": Gender.WOMEN,
    "womans": Gender.WOMEN,
    "ladies": Gender.WOMEN,
    "lady": Gender.WOMEN,
    "ladys": Gender.WOMEN,
    "female": Gender.WOMEN,
    "females": Gender.WOMEN,
    "girls": Gender.WOMEN,
    "w": Gender.WOMEN,
    "wmn": Gender.WOMEN,
    "men": Gender.MEN,
    "mens": Gender.MEN,
    "man": Gender.MEN,
    "mans": Gender.MEN,
    "male": Gender.MEN,
    "males": Gender.MEN,
    "boys": Gender.MEN,
    "gentlemen": Gender.MEN,
    "m": Gender.MEN,
    "mixed": Gender.MIXED,
    "mix": Gender.MIXED,
    "mx": Gender.MIXED,
    "x": Gender.MIXED,
}
_METRES = {"m", "metre", "metres", "meter", "meters", "mtr", "mtrs"}
_KILOMETRES = {"k", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "klick"}
_RELAY = {"relay", "relays", "rly"}
#: Words that carry nothing about which event is meant.
STOPWORDS: frozenset[str] = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "in",
        "at",
        "for",
        "and",
        "event",
        "events",
        "race",
        "final",
        "finals",
        "result",
        "results",
        "medal",
        "medals",
        "medalists",
        "medallists",
        "who",
        "won",
        "win",
        "winner",
        "winners",
        "standings",
        "ranking",
        "rankings",
        "s",
        "distance",
        "winter",
        "games",
    }
)


@dataclass(frozen=True)
class EventTerms:
    """The parts of an event name or query. ``distance`` is in metres (a relay's leg distance,
    with ``legs`` set when given as ``4 × 7.5 km``); ``words`` are the remaining content words."""

    gender: Gender | None = None
    distance: float | None = None
    legs: int | None = None
    relay: bool = False
    words: tuple[str, ...] = ()
    #: How the distance was written: ``"m"`` (metres or a bare number of 100 and more) or
    #: ``"km"``. A query in metres does not match an event named in kilometres ("10000m").
    unit: str = ""
    #: Whether the word "relay" is there (legs alone, "2 × 7.5 km", also make ``relay``).
    named_relay: bool = False

    @property
    def empty(self) -> bool:
        return self.gender is None and self.distance is None and not self.relay and not self.words

    def distances(self) -> set[float]:
        """Distances this event or query may be called by: the leg, and the total of a relay."""
        if self.distance is None:
            return set()
        found = {self.distance}
        if self.legs:
            found.add(self.distance * self.legs)
        return found


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFKC", stripped).casefold().replace("'", "").replace("’", "")


def tokenize(text: str) -> list[str]:
    """Lower-case tokens with numbers kept whole: ``"Women's 3,000m"`` → ``["womens", "3000", "m"]``;
    ``"4x7.5km"`` → ``["4", "x", "7.5", "km"]``."""
    plain = _plain(text)
    plain = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), plain)
    plain = _DECIMAL_COMMA.sub(".", plain)
    plain = _TIMES.sub(" x ", plain)
    return _TOKENS.findall(plain)


#: Crew sizes written as numbers ("2-man bob", "4 man") in the words event names use ("Two-man").
CREW_WORDS: dict[str, str] = {"1": "one", "2": "two", "3": "three", "4": "four"}
_CREW_OF = frozenset({"man", "men", "woman", "women", "mans", "womans", "person", "people"})


def spell_crews(tokens: list[str]) -> list[str]:
    """``["2", "man", "bob"]`` → ``["two", "man", "bob"]``: a small number before a person word is
    a crew size, not a distance."""
    return [
        CREW_WORDS.get(token, token)
        if token in CREW_WORDS and i + 1 < len(tokens) and tokens[i + 1] in _CREW_OF
        else token
        for i, token in enumerate(tokens)
    ]


def _number(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


def parse_terms(tokens: list[str]) -> EventTerms:
    """Read gender, distance, relay and content words from tokens (see ``tokenize``)."""
    gender: Gender | None = None
    distance: float | None = None
    legs: int | None = None
    relay = False
    named_relay = False
    words: list[str] = []
    unit = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value = _number(token)
        if value is not None:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if following == "x" and i + 2 < len(tokens) and _number(tokens[i + 2]) is not None:
                legs = int(value)
                relay = True
                i += 2
                continue
            if following in _METRES:
                distance, unit = value, "m"
                i += 2
                continue
            if following in _KILOMETRES:
                distance, unit = value * 1000, "km"
                i += 2
                continue
            distance, unit = (value, "m") if value >= 100 else (value * 1000, "km")
            i += 1
            continue
        if token in _RELAY:
            relay = named_relay = True
        elif token in GENDER_WORDS and gender is None:
            gender = GENDER_WORDS[token]
        elif token not in STOPWORDS and token not in _METRES and token != "x":
            words.append(token)
        i += 1
    return EventTerms(
        gender=gender,
        distance=distance,
        legs=legs,
        relay=relay,
        words=tuple(words),
        unit=unit,
        named_relay=named_relay,
    )


def event_terms(name: str) -> EventTerms:
    """The terms of an event's own name (``"Men's 4 × 7.5 km relay"``)."""
    return parse_terms(spell_crews(tokenize(name)))
