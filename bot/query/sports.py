"""Sport names as people type them: aliases and abbreviations of winter sports, the sports a Games
did not hold, and finding a sport phrase inside free text ("korea short track")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.names import fold

#: Folded phrase → the sport's name as the results files spell it.
SPORT_ALIASES: dict[str, str] = {
    # Short track
    "short track speed skating": "Short track speed skating",
    "short track": "Short track speed skating",
    "shorttrack": "Short track speed skating",
    "short track skating": "Short track speed skating",
    "st": "Short track speed skating",
    "stss": "Short track speed skating",
    "sts": "Short track speed skating",
    # Speed skating
    "speed skating": "Speed skating",
    "speedskating": "Speed skating",
    "long track": "Speed skating",
    "longtrack": "Speed skating",
    "long track speed skating": "Speed skating",
    "ss": "Speed skating",
    # Figure skating
    "figure skating": "Figure skating",
    "figure": "Figure skating",
    "figure skate": "Figure skating",
    "fs": "Figure skating",
    "fsk": "Figure skating",
    # Alpine skiing
    "alpine skiing": "Alpine skiing",
    "alpine": "Alpine skiing",
    "alpine ski": "Alpine skiing",
    "al": "Alpine skiing",
    # Cross-country
    "cross country skiing": "Cross-country skiing",
    "cross country": "Cross-country skiing",
    "crosscountry": "Cross-country skiing",
    "cross country ski": "Cross-country skiing",
    "xc": "Cross-country skiing",
    "xc skiing": "Cross-country skiing",
    "x country": "Cross-country skiing",
    "ccs": "Cross-country skiing",
    "nordic skiing": "Cross-country skiing",
    # Freestyle
    "freestyle skiing": "Freestyle skiing",
    "freestyle": "Freestyle skiing",
    "freeski": "Freestyle skiing",
    "freeskiing": "Freestyle skiing",
    "free ski": "Freestyle skiing",
    "fr": "Freestyle skiing",
    # Snowboarding
    "snowboarding": "Snowboarding",
    "snowboard": "Snowboarding",
    "sbd": "Snowboarding",
    # Ski mountaineering
    "ski mountaineering": "Ski mountaineering",
    "skimo": "Ski mountaineering",
    "ski mo": "Ski mountaineering",
    "smt": "Ski mountaineering",
    # Biathlon, curling, ice hockey
    "biathlon": "Biathlon",
    "ba": "Biathlon",
    "curling": "Curling",
    "cur": "Curling",
    "cu": "Curling",
    "ice hockey": "Ice hockey",
    "hockey": "Ice hockey",
    "ih": "Ice hockey",
    "iho": "Ice hockey",
}

#: Winter sports people may ask about that are not in every Games (never fuzzy-matched).
OTHER_SPORTS: frozenset[str] = frozenset(
    {
        "luge",
        "bobsleigh",
        "bobsled",
        "bobsledding",
        "bob",
        "skeleton",
        "ski jumping",
        "ski jump",
        "skijumping",
        "nordic combined",
        "bandy",
        "sledding",
        "sled",
        "ice climbing",
        "ice stock",
        "ice stock sport",
        "snowmobile",
        "speed skiing",
        "ski orienteering",
        "para ice hockey",
        "sledge hockey",
        "wheelchair curling",
        "football",
        "soccer",
        "basketball",
        "tennis",
        "swimming",
        "athletics",
        "cricket",
        "baseball",
        "golf",
        "boxing",
        "cycling",
        "esports",
        "rugby",
        "volleyball",
        "badminton",
        "table tennis",
    }
)

#: Words (and abbreviations) too short or too common to be read as a sport inside free text.
_TEXT_UNSAFE: frozenset[str] = frozenset(
    {"al", "ba", "cu", "fr", "fs", "ss", "bob", "sled", "figure", "cur", "sts", "golf"}
)

_LONGEST_PHRASE = 5


@dataclass(frozen=True)
class SportMention:
    """A sport phrase found in free text: its tokens' span, the text, and the sport named (the
    canonical sport name, or ``None`` for a sport that is known but not one of ``SPORT_ALIASES``)."""

    start: int
    end: int
    phrase: str
    sport: str | None


def sport_for(text: str) -> str | None:
    """The canonical sport an exact alias names (``"xc"`` → ``"Cross-country skiing"``)."""
    return SPORT_ALIASES.get(fold(text))


def find_sport(tokens: Sequence[str], extra: Iterable[str] = ()) -> SportMention | None:
    """The longest sport phrase among folded ``tokens`` (first occurrence wins among equals).

    ``extra`` adds folded sport names of the current data. Short abbreviations ("st", "xc",
    "skimo") count only where they are unambiguous; very short codes ("al", "fs") do not.
    """
    known = set(extra)
    for length in range(min(_LONGEST_PHRASE, len(tokens)), 0, -1):
        for start in range(len(tokens) - length + 1):
            phrase = " ".join(tokens[start : start + length])
            if phrase in _TEXT_UNSAFE:
                continue
            sport = SPORT_ALIASES.get(phrase)
            if sport is None and phrase in known:
                sport = phrase
            if sport is not None:
                return SportMention(start, start + length, phrase, sport)
            if phrase in OTHER_SPORTS:
                return SportMention(start, start + length, phrase, None)
    return None
