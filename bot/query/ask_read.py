"""Reading a question into its parts: the text is segmented (Chinese, Korean and Japanese words
and names get spaces), split into clauses, cut into tokens, and every token is claimed by what it
says: a cue word (``bot.query.ask_vocabulary``), a Games name, a date or number, a sport, a
nation, an athlete or an event word, or filler. Entities are spotted with the resolver the
commands use, over spans of the unclaimed tokens, longest confident span first; a span that is
ambiguous is kept to ask about; what no part claims is left over (``Reading.unknown``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.answers.ask import Ref
from bot.domain.models import Gender
from bot.domain.names import fold
from bot.domain.resolution import CandidateNames, EntityKind, Resolution, ResolutionStatus
from bot.query.ask_lexicon import Lexicon, is_native, segment, variants
from bot.query.ask_vocabulary import (
    AGENT_NOUNS,
    ARTICLES,
    COUNTING_CUES,
    CUES,
    DEMONYM_ENDINGS,
    FAMILY_WORDS,
    FILLERS,
    GAMES_DAYS,
    HOMOPHONES,
    HOST_NATION_CUES,
    MEDAL_PLACES,
    MONTHS,
    NATION_TEAM_WORDS,
    NUMBER_TAILS,
    NUMBER_WORDS,
    ORDINAL_ENDINGS,
    ORDINAL_PLACES,
    PLACE_VERBS,
    PLACES_AFTER_VERBS,
    RANKING_CUES,
    RECORD_NOTES,
    RECORD_WORDS,
    SURFACE_NEIGHBOURS,
    SURFACE_SPORTS,
    TYPOS,
    Cue,
)
from bot.query.event_terms import GENDER_WORDS, tokenize
from bot.query.index import GamesIndex
from bot.query.resolve import EVENT_WORD_SYNONYMS, Resolver
from bot.query.sports import OTHER_SPORTS, find_sport

_CLAUSE_MARKS = re.compile(r"[?？;；!！。]|(?<!\b\w)\.(?=\s|$)")  # not after an initial
_COMMAS = re.compile(r"(?<!\d),|,(?!\d)|[，、]")  # not inside 10,000
_LONGEST_CUE = 4
_LONGEST_NAME = 4
#: Below this, a name that matches several is taken as none of them (nothing close enough).
AMBIGUOUS_SCORE = 85.0
#: A name one entry starts with this score, with no other entry close, is that entry.
UNIQUE_SCORE = 90.0
UNIQUE_MARGIN = 85.0
_UNITS = frozenset({"m", "km", "k", "metre", "metres", "meter", "meters", "x"})
#: Cue words a question starts a new clause with after "and" or a comma.
_OPENERS = frozenset({Cue.WHO, Cue.WHICH, Cue.WHAT, Cue.COUNT, Cue.WHEN, Cue.WHERE, Cue.WHY})
_OPENER_WORDS = frozenset({"how", "did", "does", "do", "was", "were", "is", "are", "has", "in"})
#: Cue words that are also words of event names ("team sprint", "mass start").
_SHARED = frozenset({Cue.TEAM, Cue.INDIVIDUAL, Cue.START})


# --- clauses and the Games-independent parts ------------------------------------------------


@dataclass
class Clause:
    """One clause's tokens and what its words say before any Games' names are looked at."""

    tokens: list[str]
    claimed: list[bool]
    cues: list[tuple[int, Cue]] = field(default_factory=list)
    games: list[str] = field(default_factory=list)
    all_games: bool = False
    other_games: str = ""
    date: tuple[int | None, int, int] | None = None
    games_day: int | None = None
    limit: int | None = None
    threshold: int | None = None
    upper: frozenset[str] = frozenset()
    games_words: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    rank: int | None = None
    #: What a record question looks for in the notes (``RECORD_NOTES``), else empty.
    record: str = ""
    #: ``threshold`` counts events won ("more than one event"): golds.
    events_won: bool = False
    #: Where each of ``games`` was named (token positions, in the same order).
    games_at: list[int] = field(default_factory=list)

    def games_after(self, cue: Cue) -> list[str]:
        """The Games named after the first ``cue`` ("but not at <Games>")."""
        at = self.first(cue)
        if at is None:
            return []
        return [g for g, i in zip(self.games, self.games_at, strict=False) if i > at]

    def copy(self) -> Clause:
        """An independent copy (each Games reads its own)."""
        return Clause(
            **{
                **self.__dict__,
                "tokens": list(self.tokens),
                "claimed": list(self.claimed),
                "cues": list(self.cues),
                "games_at": list(self.games_at),
            }
        )

    def has(self, *cues: Cue) -> bool:
        return any(cue in cues for _, cue in self.cues)

    def first(self, *cues: Cue) -> int | None:
        """Position of the first of ``cues`` (None when absent)."""
        return next((i for i, cue in self.cues if cue in cues), None)

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and not self.claimed[i]

    def claim(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.claimed[i] = True


def clauses(question: str, lexicon: Lexicon) -> list[Clause]:
    """The clauses of a question, read as far as no Games' names are needed."""
    upper = frozenset(w.casefold() for w in re.findall(r"\b[A-Z]{2,3}\b", question))
    found: list[Clause] = []
    for piece in _CLAUSE_MARKS.split(segment(question, lexicon)):
        tokens: list[str] = []
        for part in _COMMAS.split(piece):
            words = _normal(tokenize(part))
            if tokens and words and not _opens(words):
                tokens.extend(words)
                continue
            if tokens:
                found.extend(_read(t, lexicon, upper) for t in _split_and(tokens))
            tokens = words
        if tokens:
            found.extend(_read(t, lexicon, upper) for t in _split_and(tokens))
    return found


def _normal(tokens: list[str]) -> list[str]:
    fixed = [TYPOS.get(t, t) for t in tokens]
    for i in range(1, len(fixed)):
        fixed[i] = HOMOPHONES.get((fixed[i - 1], fixed[i]), fixed[i])
    return fixed


def _opens(words: Sequence[str]) -> bool:
    rest = list(words)
    while rest and CUES.get(rest[0]) == (Cue.AND,):
        rest = rest[1:]
    if not rest:
        return False
    if rest[0] == "in":
        return len(rest) > 1 and rest[1] in ("which", "what", "how")
    cue = CUES.get(rest[0], ())
    return rest[0] in _OPENER_WORDS or any(c in _OPENERS for c in cue)


def _split_and(tokens: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for i, token in enumerate(tokens):
        if CUES.get(token) == (Cue.AND,) and parts[-1] and _opens(tokens[i + 1 :]):
            parts.append([])
            continue
        parts[-1].append(token)
    return [p for p in parts if p]


def _read(tokens: list[str], lexicon: Lexicon, upper: frozenset[str]) -> Clause:
    clause = Clause(
        tokens=tokens,
        claimed=[False] * len(tokens),
        upper=upper,
        games_words=lexicon.games_words,
        event_words=lexicon.event_words,
    )
    _claim_dates(clause)
    if clause.date and clause.date[0] and (str(clause.date[0]),) in lexicon.games:
        clause.games.append(lexicon.games[(str(clause.date[0]),)])  # "12 feb <year>"
        clause.games_at.append(-1)  # (where the date stood is not kept: before the rest)
    _claim_games(clause, lexicon)
    _claim_cues(clause)
    _claim_numbers(clause)
    return clause


def _number(token: str) -> int | None:
    if token.isdecimal():
        return int(token)
    return NUMBER_WORDS.get(token)


def _claim_dates(clause: Clause) -> None:
    t = clause.tokens
    for i in range(len(t)):
        rest = t[i : i + 5] + [""] * 5
        if (
            rest[0].isdecimal()
            and len(rest[0]) == 4
            and rest[1].isdecimal()
            and rest[2].isdecimal()
        ):
            clause.date, span = (int(rest[0]), int(rest[1]), int(rest[2])), 3
        elif rest[0] in MONTHS and rest[1].isdecimal():
            span = 3 if rest[2] in ORDINAL_ENDINGS else 2
            year = int(rest[span]) if len(rest[span]) == 4 and rest[span].isdecimal() else None
            clause.date, span = (year, MONTHS[rest[0]], int(rest[1])), span + (year is not None)
        elif rest[0].isdecimal() and len(rest[0]) <= 2 and _month_after(rest) is not None:
            month, span = _month_after(rest) or (0, 0)
            year = int(rest[span]) if len(rest[span]) == 4 and rest[span].isdecimal() else None
            clause.date, span = (year, month, int(rest[0])), span + (year is not None)
        elif rest[0].isdecimal() and rest[1] == "month" and rest[2].isdecimal():
            clause.date, span = (None, int(rest[0]), int(rest[2])), 3 + (rest[3] == "dayofmonth")
        elif (
            rest[0].isdecimal()
            and int(rest[0]) <= 31
            and rest[1] in ORDINAL_ENDINGS
            and not (i and t[i - 1] in PLACE_VERBS)  # "who was 4th": a place
            and not _ranks(rest[2])  # "the 5th most golds", "the 4th place": a place
        ):
            clause.date, span = (None, 0, int(rest[0])), 2  # "the 14th": of the Games' month
        elif rest[0] == "day" and rest[1].isdecimal():
            clause.games_day, span = int(rest[1]), 2
        elif (rest[0], rest[1]) in GAMES_DAYS:  # "on the last day"
            clause.games_day, span = GAMES_DAYS[(rest[0], rest[1])], 2
        else:
            continue
        clause.claim(i, i + span)
        return


def _ranks(word: str) -> bool:
    """Whether an ordinal before ``word`` is a place in a ranking ("5th most", "4th place") or
    a count of medals ("his 6th gold"), not a day."""
    return bool(set(CUES.get(word, ())) & (RANKING_CUES | COUNTING_CUES))


def _month_after(rest: Sequence[str]) -> tuple[int, int] | None:
    j = 2 if rest[1] in ORDINAL_ENDINGS else 1
    j += rest[j] == "of"
    return (MONTHS[rest[j]], j + 1) if rest[j] in MONTHS else None


def _claim_games(clause: Clause, lexicon: Lexicon) -> None:
    t = clause.tokens
    for size in range(min(6, len(t)), 0, -1):
        for i in range(len(t) - size + 1):
            span = tuple(t[i : i + size])
            if all(clause.free(j) for j in range(i, i + size)) and span in lexicon.games:
                if size == 1 and span[0].isdecimal() and _is_distance(t, i):
                    continue
                if i + size < len(t) and t[i + size] in RECORD_WORDS:
                    continue  # "olympic record": a kind of record
                clause.games.append(lexicon.games[span])
                clause.games_at.append(i)
                clause.claim(i, i + size)
    for i, token in enumerate(t):
        other = _is_year(token) and token not in lexicon.years and not _is_distance(t, i)
        if clause.free(i) and other:
            near = t[max(0, i - 1) : i + 4]
            clause.other_games = " ".join(x for x in near if x not in FILLERS or x == token)
            clause.claim(i, i + 1)


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdecimal() and 1950 <= int(token) <= 2049


def _is_distance(tokens: Sequence[str], i: int) -> bool:
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return after in _UNITS or after in ("relay", "metre", "metres")


def _claim_cues(clause: Clause) -> None:
    t = clause.tokens
    for size in range(_LONGEST_CUE, 0, -1):
        for i in range(len(t) - size + 1):
            if not all(clause.free(j) for j in range(i, i + size)):
                continue
            phrase = " ".join(t[i : i + size])
            if size == 1 and _place_after_verb(t, i):  # "who came first": the place
                clause.rank = PLACES_AFTER_VERBS[phrase]
                clause.cues.append((i, Cue.PLACE))
                clause.claim(i, i + 1)
                continue
            cues = CUES.get(phrase)
            if cues is None and size == 1 and phrase in AGENT_NOUNS:
                t[i] = AGENT_NOUNS[phrase]  # "speed skaters" → "speed skating", and athletes
                clause.cues.append((i, Cue.ATHLETE))
                continue
            if cues is None:
                continue
            if cues == (Cue.OTHER_GAMES,):
                clause.other_games = " ".join(t[i : i + 3])
            if cues == (Cue.RECORD,):
                clause.record = RECORD_NOTES[phrase]
            clause.all_games = clause.all_games or Cue.BOTH in cues
            if phrase in ORDINAL_PLACES:  # "fourth": the place it names
                clause.rank = ORDINAL_PLACES[phrase]
            clause.cues.extend((i, cue) for cue in cues)
            clause.claim(i, i + size)
    _table_place(clause)
    clause.cues.sort()


def _table_place(clause: Clause) -> None:
    """ "second" and "third" beside the medal table are its places, not silver and bronze."""
    if not clause.has(Cue.TABLE) or clause.rank is not None:
        return
    for i, cue in clause.cues:
        if clause.tokens[i] in MEDAL_PLACES and cue in (Cue.SILVER, Cue.BRONZE):
            clause.rank = MEDAL_PLACES[clause.tokens[i]]
            clause.cues = [(j, c) for j, c in clause.cues if j != i] + [(i, Cue.PLACE)]
            return


def _place_after_verb(tokens: Sequence[str], i: int) -> bool:
    """Whether ``tokens[i]`` is a place word after a verb of finishing, not "first to …"."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return (
        tokens[i] in PLACES_AFTER_VERBS
        and i > 0
        and tokens[i - 1] in PLACE_VERBS
        and following != "to"
    )


def _claim_numbers(clause: Clause) -> None:
    t = clause.tokens
    for i, token in enumerate(t):
        value = _number(token)
        if value is None or not clause.free(i):
            continue
        before = _cues_before(clause, i)
        counted = _counted_at(t, i)
        after = {cue for j, cue in clause.cues if j == counted}
        ordinal = i + 1 < len(t) and t[i + 1] in ORDINAL_ENDINGS
        if Cue.TOP in before:
            clause.limit = value
        elif Cue.PLACE in after or RANKING_CUES & {c for j, c in clause.cues if j == i + 2}:
            clause.rank = value  # "1위", "1st place", "the 5th most gold medals"
            clause.claim(i, i + 1 + ordinal)  # with its ending: "st" is not short track
            continue
        elif ordinal and i and t[i - 1] in PLACE_VERBS:
            clause.rank = value  # "who was 4th", "came 5th"
            clause.claim(i, i + 2)
            continue
        elif after & {Cue.GOLD, Cue.SILVER, Cue.BRONZE, Cue.MEDAL} and Cue.ONLY in before:
            clause.threshold = value  # "only one medal": exactly that many
            clause.cues = [(j, Cue.EXACTLY if j == i - 1 else c) for j, c in clause.cues]
        elif after & {Cue.GOLD, Cue.SILVER, Cue.BRONZE, Cue.MEDAL} and (
            token not in ("one",) or before & {Cue.EXACTLY, Cue.OVER}  # not "one medal" alone
        ):
            clause.threshold = value
        elif Cue.EVENT in after and Cue.OVER in before:
            clause.threshold = value  # "won more than one event": golds, one an event won
            clause.events_won = True
        elif ordinal and COUNTING_CUES & {c for j, c in clause.cues if j == i + 2}:
            clause.threshold = value  # "his 6th gold": when he had six
            clause.claim(i, i + 2)
            continue
        elif token in NUMBER_WORDS:
            continue
        else:
            continue
        clause.claim(i, i + 1)


def _cues_before(clause: Clause, i: int) -> set[Cue]:
    """The cues of the phrase just before token ``i`` ("exactly", "more than")."""
    starts = {j for j, _ in clause.cues}
    j = i - 1
    while j > 0 and j not in starts and not clause.free(j) and i - j < 3:
        j -= 1  # back over a phrase's later words ("than" of "more than")
    return {cue for k, cue in clause.cues if k == j}


def _counted_at(tokens: Sequence[str], i: int) -> int:
    """Where the word the number at ``i`` counts stands: next to it, or past "or more"."""
    for tail in NUMBER_TAILS:
        if tuple(tokens[i + 1 : i + 1 + len(tail)]) == tail:
            return i + 1 + len(tail)
    return i + 1


# --- one Games' names ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GamesWords:
    """What reading needs from one Games: its index and resolver, the words of its event names,
    and its nations' folded names (for demonyms)."""

    index: GamesIndex
    resolver: Resolver
    event_words: frozenset[str]
    nations: dict[str, tuple[int, ...]]
    nation_keys: tuple[str, ...]

    @classmethod
    def build(cls, index: GamesIndex, resolver: Resolver) -> GamesWords:
        words = {w for entry in resolver.events for w in tokenize(entry.event.name)}
        words |= set(GENDER_WORDS) | {"relay", "relays"}
        words |= {w for w, means in EVENT_WORD_SYNONYMS.items() if means in words}
        nations = {variants(k): v for k, v in resolver.nation_exact.items()}
        keys = tuple(k for k in nations if len(k) > 3)
        return cls(index, resolver, frozenset(words - {"skating", "skiing"}), nations, keys)

    @property
    def games(self) -> Ref:
        games = self.index.data.games
        return Ref(
            id=games.id,
            label=games.name,
            names=CandidateNames(name=games.name, aliases=games.aliases),
        )


@dataclass
class Reading:
    """What one clause names in one Games."""

    clause: Clause
    words: GamesWords
    nations: list[Ref] = field(default_factory=list)
    athletes: list[Ref] = field(default_factory=list)
    sports: list[Ref] = field(default_factory=list)
    other_sport: str = ""
    event_tokens: list[int] = field(default_factory=list)
    event: Ref | None = None
    event_text: str = ""
    gender: Gender | None = None
    unresolved: list[tuple[int, int, Resolution]] = field(default_factory=list)
    family: bool = False
    #: The surface whose sports are all the sports read ("on ice"), else empty.
    surface: str = ""
    #: Whether a nation read is the host's ("the host nation").
    host_nation: bool = False
    sport_spans: list[tuple[int, int, str]] = field(default_factory=list)
    name_spans: list[tuple[int, int]] = field(default_factory=list)
    unknown: list[int] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return self.clause.tokens

    @property
    def day(self) -> dt.date | None:
        games = self.words.index.data.games
        if self.clause.games_day is not None and self.clause.games_day < 0 and games.end:
            return games.end + dt.timedelta(days=self.clause.games_day + 1)  # -1: the last day
        if self.clause.games_day is not None and games.start:
            return games.start + dt.timedelta(days=self.clause.games_day - 1)
        if self.clause.date is None:
            return None
        year, month, day = self.clause.date
        try:
            month = month or (games.start.month if games.start else 0)
            return dt.date(year or games.year or dt.date.today().year, month, day)
        except ValueError:
            return None


def read(clause: Clause, words: GamesWords) -> Reading:
    """The names of one Games in ``clause`` (see the module docstring)."""
    reading = Reading(clause=clause.copy(), words=words)
    _sports(reading)
    _names(reading)
    _host_nation(reading)
    _event_words(reading)
    _leftovers(reading)
    return reading


def _sports(reading: Reading) -> None:
    """Sport phrases (a cue word inside one, "cross country", is the sport's), and family words
    ("skating": every skating sport)."""
    clause, resolver = reading.clause, reading.words.resolver
    fuzzy = False
    named: set[int] = set()  # tokens of a sport phrase already found: never found again
    while True:
        cued = set() if fuzzy else {i for i, _ in clause.cues}  # misspelt: never a cue word
        masked = [
            t if (clause.free(i) or i in cued) and i not in named else "\0"
            for i, t in enumerate(clause.tokens)
        ]
        mention = find_sport(masked, resolver.sport_phrases, fuzzy=fuzzy)
        if mention is None and not fuzzy:
            fuzzy = True
            continue
        if mention is None:
            break
        clause.claim(mention.start, mention.end)
        named.update(range(mention.start, mention.end))
        clause.cues = [
            (i, c)
            for i, c in clause.cues
            if c is Cue.ATHLETE or not mention.start <= i < mention.end  # "speed skaters"
        ]
        if mention.sport is None or mention.sport not in resolver.sports:
            reading.other_sport = mention.phrase
            continue
        reading.sport_spans.append((mention.start, mention.end, mention.sport))
        _add(reading.sports, Ref(id=mention.sport, label=mention.sport))
    for i, token in enumerate(clause.tokens):
        if clause.free(i) and token in FAMILY_WORDS:
            family = [s for s in reading.words.index.sports if token in fold(s).split()]
            for sport in family:
                _add(reading.sports, Ref(id=sport, label=sport))
            reading.family = reading.family or len(family) > 1
            clause.claim(i, i + 1)
    _surfaces(reading)


def _surfaces(reading: Reading) -> None:
    """ "on ice", "snow sports": the Games' sports held on that surface."""
    clause = reading.clause
    tokens = clause.tokens
    for i, token in enumerate(tokens):
        if not clause.free(i) or token not in SURFACE_SPORTS:
            continue
        j = i - 2 if i > 1 and tokens[i - 1] == "the" else i - 1  # "on the ice"
        before = j >= 0 and tokens[j] in SURFACE_NEIGHBOURS["before"]
        after = i + 1 < len(tokens) and tokens[i + 1] in SURFACE_NEIGHBOURS["after"]
        if not (before or after):
            continue
        held = [s for s in reading.words.index.sports if fold(s) in SURFACE_SPORTS[token]]
        reading.surface = token if not reading.sports and held else ""
        for sport in held:
            _add(reading.sports, Ref(id=sport, label=sport))
        reading.family = reading.family or len(held) > 1
        clause.claim(i, i + 1)


def _add(refs: list[Ref], ref: Ref) -> None:
    if all(r.id != ref.id for r in refs):
        refs.append(ref)


def _names(reading: Reading) -> None:
    """Nations and athletes over spans of unclaimed name-like tokens, longest first."""
    clause, words = reading.clause, reading.words
    cued = {i for i, _ in clause.cues}
    for size in range(_LONGEST_NAME, 1, -1):  # names with cue words ("... and ...")
        for i in range(len(clause.tokens) - size + 1):
            span = range(i, i + size)
            if all(clause.free(j) or j in cued for j in span) and _exact_nation(
                reading, i, i + size
            ):
                clause.claim(i, i + size)
                clause.cues = [(j, c) for j, c in clause.cues if j not in span]
    for i in range(1, len(clause.tokens)):  # "the us": a short filler word after an article
        if clause.free(i) and clause.tokens[i - 1] in ARTICLES and _exact_nation(reading, i, i + 1):
            clause.claim(i, i + 1)
    nameable = [_nameable(clause, i, words) for i in range(len(clause.tokens))]
    for size in range(_LONGEST_NAME, 0, -1):
        for i in range(len(clause.tokens) - size + 1):
            span = range(i, i + size)
            if all(nameable[j] and clause.free(j) for j in span) and _name_span(
                reading, i, i + size
            ):
                clause.claim(i, i + size)
                reading.name_spans.append((i, i + size))


def _eventish(token: str, words: GamesWords) -> bool:
    return token in words.event_words or token[:1].isdecimal()


def _nameable(clause: Clause, i: int, words: GamesWords) -> bool:
    token = clause.tokens[i]
    if not clause.free(i):
        return False
    if token in clause.upper:
        return True
    common = _eventish(token, words) or token in clause.event_words or token in FILLERS
    return not common


def _name_span(reading: Reading, start: int, end: int) -> bool:
    clause, resolver = reading.clause, reading.words.resolver
    tokens = clause.tokens[start:end]
    text = " ".join(tokens)
    if _exact_nation(reading, start, end):
        return True
    if len(tokens) == 1 and text in clause.games_words:
        return False  # "winter": a word of a Games' name, alone no one's name

    if len(tokens) == 1 and (code := _demonym(text, reading.words)) is not None:
        _add(reading.nations, _nation_ref(reading, code))
        return True
    if _confident_name(reading, text, tokens, start):
        return True
    cued = {j for j, _ in clause.cues}
    for stop in range(end + 1, min(end + 3, len(clause.tokens)) + 1):  # "park ji won", "noh do hee"
        if not all(j in cued or clause.tokens[j] in FILLERS for j in range(end, stop)):
            break
        if not _known_name(reading, clause.tokens[start:stop]):
            continue
        longer = resolver.athlete(" ".join(clause.tokens[start:stop]))
        if longer.confident and longer.match is not None:
            reading.athletes.append(_athlete_ref(reading, longer.match.id))
            clause.cues = [(j, c) for j, c in clause.cues if not end <= j < stop]
            clause.claim(end, stop)
            return True
    return False


def _known_name(reading: Reading, tokens: Sequence[str]) -> bool:
    """Whether every token is a word of some athlete's name, alone or joined with the next
    ("xiao jun", "j t"): only then is the span worth resolving."""
    knows = reading.words.resolver.athlete_index.knows
    reached = {0}
    for i in range(len(tokens)):
        if i in reached:
            if knows(tokens[i]):
                reached.add(i + 1)
            if i + 1 < len(tokens) and knows(tokens[i] + tokens[i + 1]):
                reached.add(i + 2)
    return len(tokens) in reached


def _near_nation(reading: Reading, text: str) -> bool:
    """Whether any nation's name is within a typo of ``text`` (one fast pass before resolving)."""
    keys = reading.words.nation_keys
    return process.extractOne(text, keys, scorer=fuzz.ratio, score_cutoff=80.0) is not None


def _named_like(reading: Reading, found: Resolution, text: str) -> bool:
    """A misspelt nation must be close to one of its names, not only to its code ("park")."""
    if found.match is None:
        return True
    nation = reading.words.index.nations.get(found.match.id)
    names = (nation.name, nation.official_name, *nation.aliases) if nation else ()
    return any(len(n) > 3 and fuzz.ratio(text, fold(n)) >= 80 for n in names)


def _unique_start(found: Resolution) -> Resolution:
    """A name that one entry clearly starts ("malinin", "odermatt") is that entry."""
    alternatives = found.alternatives
    if found.status is not ResolutionStatus.AMBIGUOUS or not alternatives or len(found.query) < 5:
        return found
    clear = len(alternatives) == 1 or alternatives[1].score < UNIQUE_MARGIN
    if alternatives[0].score >= UNIQUE_SCORE and clear:
        return found.model_copy(
            update={"status": ResolutionStatus.CONFIDENT, "match": alternatives[0]}
        )
    return found


def _exact_nation(reading: Reading, start: int, end: int) -> bool:
    """A nation named exactly (name, alias, code, native script) by these tokens."""
    clause = reading.clause
    text = " ".join(clause.tokens[start:end])
    lookup = reading.words.nations
    resolver = reading.words.resolver
    exact = lookup.get(variants(text)) or lookup.get(variants(text.replace(" ", "")))
    if not exact:  # a nation's name in the asker's language ("미국")
        exact = resolver.named_in_languages(text)
    if not exact or len(exact) != 1 or not _plausible_code(text, clause, start):
        return False
    code = resolver.nations[exact[0]].id
    _add(reading.nations, _nation_ref(reading, code))
    before = start - 1
    if before >= 0 and clause.tokens[before] in NATION_TEAM_WORDS:  # "team <nation>": the nation
        clause.cues = [(i, c) for i, c in clause.cues if (i, c) != (before, Cue.TEAM)]
    return True


def _athlete_ref(reading: Reading, athlete_id: str) -> Ref:
    athlete = reading.words.index.athletes[athlete_id]
    return Ref(id=athlete_id, label=athlete.name, names=CandidateNames.of_athlete(athlete))


def _plausible_code(text: str, clause: Clause, start: int) -> bool:
    """A short word that is also a cue or filler ("us", "and", "can") names a nation only when
    it was typed in capitals ("US", "CAN") or after an article ("the us")."""
    if len(text) > 3 or (text not in FILLERS and text not in CUES):
        return True
    return text in clause.upper or (start > 0 and clause.tokens[start - 1] in ARTICLES)


def _host_nation(reading: Reading) -> None:
    """ "the host nation's medals": the nation of this Games' host country (when the data
    names none, the word is left unread: refused, not answered for every nation)."""
    clause = reading.clause
    if not clause.has(Cue.HOST) or not clause.has(*HOST_NATION_CUES):
        return
    reading.host_nation = True
    country = fold(reading.words.index.data.games.country)
    code = next(
        (n.code for n in reading.words.index.nations.values() if fold(n.name) == country), None
    )
    if code is None:
        reading.unknown.extend(i for i, cue in clause.cues if cue is Cue.HOST)
    else:
        _add(reading.nations, _nation_ref(reading, code))


def _nation_ref(reading: Reading, code: str) -> Ref:
    """A nation as a question named it, with its names for other languages."""
    nation = reading.words.index.nations.get(code)
    if nation is None:
        return Ref(id=code, label=code)
    return Ref(id=code, label=nation.name, names=CandidateNames.of_nation(nation))


def _demonym(word: str, words: GamesWords) -> str | None:
    """The nation a demonym names ("korean", "japanese", "norwegian"), when exactly one does."""
    stems = [
        (word[: len(word) - len(ending)], tails)
        for ending, tails in DEMONYM_ENDINGS
        if word.endswith(ending) and len(word) - len(ending) >= 3
    ]
    for stem, tails in stems:
        for tail in tails:
            exact = words.nations.get(stem + tail, ())
            if len(exact) == 1:
                return words.resolver.nations[exact[0]].id
    for stem, _ in stems:
        if 4 <= len(stem) < len(word):
            starts = {
                words.resolver.nations[n].id
                for key, found in words.nations.items()
                if any(part.startswith(stem) for part in key.split())
                for n in found
            }
            if len(starts) == 1:
                return starts.pop()
    return None


def _confident_name(reading: Reading, text: str, tokens: Sequence[str], start: int) -> bool:
    """A confident athlete or (misspelt) nation for ``text``; ambiguous ones are kept."""
    resolver = reading.words.resolver
    tries: list[Resolution] = []
    if any(is_native(c) for c in text) or _known_name(reading, tokens):
        tries.append(resolver.athlete(text))
    if len(text.replace(" ", "")) >= 4 and len(tokens) <= 2 and _near_nation(reading, text):
        tries.append(resolver.nation(text))
    for resolution in map(_unique_start, tries):
        if resolution.kind is EntityKind.NATION and not _named_like(reading, resolution, text):
            continue
        if resolution.confident and resolution.match is not None:
            if resolution.kind is EntityKind.NATION:
                code = resolution.match.id
                _add(reading.nations, _nation_ref(reading, code))
            else:
                _add(reading.athletes, _athlete_ref(reading, resolution.match.id))
            return True
    ambiguous = [
        r
        for r in tries
        if r.status is ResolutionStatus.AMBIGUOUS and r.alternatives[0].score >= AMBIGUOUS_SCORE
    ]
    if ambiguous:
        reading.unresolved.append((start, start + len(tokens), ambiguous[0]))
    return False


def _event_words(reading: Reading) -> None:
    clause, words = reading.clause, reading.words
    for i, token in enumerate(clause.tokens):
        if clause.free(i) and (_eventish(token, words) or token in _UNITS):
            reading.event_tokens.append(i)
            clause.claim(i, i + 1)
    for i, cue in clause.cues:  # "team sprint", "mass start": the query decides if they are
        if cue in _SHARED and clause.tokens[i] in words.event_words:
            reading.event_tokens.append(i)
    taken = set(reading.event_tokens)
    for i, cue in clause.cues:  # "the team event": "event" is that name's own word
        if cue is Cue.EVENT and i - 1 in taken and clause.tokens[i] in words.event_words:
            reading.event_tokens.append(i)
    reading.event_tokens.sort()
    genders = {
        GENDER_WORDS[t]
        for t in (clause.tokens[i] for i in reading.event_tokens)
        if t in GENDER_WORDS
    }
    reading.gender = genders.pop() if len(genders) == 1 else None
    reading.event_text = " ".join(clause.tokens[i] for i in reading.event_tokens)


def _leftovers(reading: Reading) -> None:
    clause, words = reading.clause, reading.words
    for i, token in enumerate(clause.tokens):
        if not clause.free(i) or token in FILLERS or token in clause.games_words:
            continue
        near = _near_word(token, words)
        if near is not None:
            clause.tokens[i] = near
            if near in CUES:
                clause.cues.extend((i, cue) for cue in CUES[near])
                clause.cues.sort()
            else:
                reading.event_tokens.append(i)
                reading.event_text = " ".join(
                    clause.tokens[j] for j in sorted(reading.event_tokens)
                )
            clause.claim(i, i + 1)
        elif token not in OTHER_SPORTS:
            reading.unknown.append(i)


def _near_word(token: str, words: GamesWords) -> str | None:
    """A misspelt cue or event word (five letters or more, one or two letters off)."""
    if len(token) < 5 or not token.isascii():
        return None
    best, found = 0.0, None
    for word in (*(w for w in CUES if " " not in w and len(w) >= 4), *words.event_words):
        score = fuzz.ratio(token, word) + (4.0 if word in words.event_words else 0.0)
        if score > best:
            best, found = score, word
    return found if best > 84.0 else None
