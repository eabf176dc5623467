"""Sport names as people type them: aliases and abbreviations of winter sports, the sports a Games
did not hold, and finding a sport phrase inside free text ("korea short track")."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

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
    # Sliding
    "bobsleigh": "Bobsleigh",
    "bobsled": "Bobsleigh",
    "bobsledding": "Bobsleigh",
    "bobsleighing": "Bobsleigh",
    "bob": "Bobsleigh",
    "luge": "Luge",
    "luging": "Luge",
    "skeleton": "Skeleton",
    # Ski jumping and Nordic combined
    "ski jumping": "Ski jumping",
    "ski jump": "Ski jumping",
    "skijumping": "Ski jumping",
    "ski jumps": "Ski jumping",
    "sj": "Ski jumping",
    "nordic combined": "Nordic combined",
    "combined nordic": "Nordic combined",
    "nordic combination": "Nordic combined",
    "nc": "Nordic combined",
}

#: Winter sports people may ask about that are not in every Games (never fuzzy-matched).
OTHER_SPORTS: frozenset[str] = frozenset(
    {
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
#: Only the first words of a long text are searched for a misspelt sport.
_FUZZY_TOKENS = 12


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


@dataclass(frozen=True)
class SportVocabulary:
    """The sport phrases ``find_sport`` looks for, arranged once: every exact phrase with the
    sport it names (``None`` for a sport no Games here holds), and the phrases of six letters or
    more that may be misspelt. A ``Resolver`` builds one per Games; ``find_sport`` builds one
    for each call given a plain mapping."""

    exact: dict[str, str | None]
    known: Mapping[str, str]

    @classmethod
    def build(cls, extra: Mapping[str, str] | Iterable[str] = ()) -> SportVocabulary:
        """``extra``: the current data's sport phrases (folded phrase → sport name), or folded
        sport names."""
        known = dict(extra) if isinstance(extra, Mapping) else {p: p for p in extra}
        exact: dict[str, str | None] = {}
        for phrase in (*SPORT_ALIASES, *known):
            sport = SPORT_ALIASES.get(phrase) or known.get(phrase)
            if sport is not None and phrase not in _TEXT_UNSAFE:
                exact[phrase] = sport
        for phrase in OTHER_SPORTS:
            if phrase not in _TEXT_UNSAFE:
                exact.setdefault(phrase, None)
        return cls(exact, known)

    @functools.cached_property
    def _fuzzy(self) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
        choices: dict[str, str | None] = {p: s for p, s in SPORT_ALIASES.items() if len(p) >= 6}
        choices.update({p: s for p, s in self.known.items() if len(p) >= 6})
        choices.update({p: None for p in OTHER_SPORTS if len(p) >= 6})
        return tuple(choices), tuple(choices.values())

    @property
    def fuzzy_phrases(self) -> tuple[str, ...]:
        """The phrases that may be found misspelt (six letters or more), in a fixed order."""
        return self._fuzzy[0]

    @property
    def fuzzy_sports(self) -> tuple[str | None, ...]:
        """The sport each of ``fuzzy_phrases`` names."""
        return self._fuzzy[1]


def find_sport(
    tokens: Sequence[str],
    extra: Mapping[str, str] | Iterable[str] | SportVocabulary = (),
    *,
    fuzzy: bool = False,
) -> SportMention | None:
    """The longest sport phrase among folded ``tokens`` (first occurrence wins among equals).

    ``extra`` adds the current data's sport phrases: a mapping of folded phrase to sport name
    (e.g. ``Resolver.sport_phrases``), folded sport names, or a ``SportVocabulary`` built from
    them once. Short abbreviations ("st", "xc", "skimo") count only where they are unambiguous;
    very short codes ("al", "fs") do not. With ``fuzzy``, a phrase of six letters or more may be
    misspelt ("short trak", "snowbaord") when nothing matches exactly.
    """
    vocabulary = extra if isinstance(extra, SportVocabulary) else SportVocabulary.build(extra)
    exact = vocabulary.exact
    for length in range(min(_LONGEST_PHRASE, len(tokens)), 0, -1):
        for start in range(len(tokens) - length + 1):
            phrase = " ".join(tokens[start : start + length])
            if phrase in exact:
                return SportMention(start, start + length, phrase, exact[phrase])
    return _find_misspelt(tokens, vocabulary) if fuzzy else None


def _find_misspelt(tokens: Sequence[str], vocabulary: SportVocabulary) -> SportMention | None:
    """The closest sport phrase (``fuzz.ratio`` ≥ 88, six letters or more) among token windows
    (the first best phrase of the longest window wins ties)."""
    best: tuple[float, SportMention] | None = None
    tokens = tokens[:_FUZZY_TOKENS]
    for length in range(min(_LONGEST_PHRASE, len(tokens)), 0, -1):
        for start in range(len(tokens) - length + 1):
            phrase = " ".join(tokens[start : start + length])
            if len(phrase.replace(" ", "")) < 6:
                continue
            found = process.extractOne(
                phrase, vocabulary.fuzzy_phrases, scorer=fuzz.ratio, score_cutoff=88.0
            )
            if found is not None and (best is None or found[1] > best[0]):
                sport = vocabulary.fuzzy_sports[found[2]]
                best = (found[1], SportMention(start, start + length, phrase, sport))
    return best[1] if best else None
