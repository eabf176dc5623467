"""Resolution of loosely typed names (nations, athletes, events, sports) against one Games.

Every resolution is CONFIDENT (one answer: a high score and a clear margin over the runner-up),
AMBIGUOUS (ranked alternatives, at most 25) or NONE (nearest suggestions, possibly empty); unknown
names, sports the Games did not hold and nonsense are NONE, never a guess. Nations and athletes go
through ``NameIndex`` (folded keys, both name orders, romanisation variants, native scripts,
aliases); events are read into terms (gender, distance, relay, words, sport) by
``bot.query.event_terms`` and ``bot.query.sports`` and matched term by term. ``suggest`` is the
autocomplete over the same matchers. A ``Resolver`` is immutable and built once per data load.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from bot.domain.models import Athlete, Event, Games, GamesData, Gender, Medal, Nation, Result
from bot.domain.names import fold, slug
from bot.domain.namesakes import namesake_sports
from bot.domain.resolution import (
    MAX_ALTERNATIVES,
    Candidate,
    CandidateNames,
    EntityKind,
    Resolution,
    ResolutionStatus,
)
from bot.query.event_terms import (
    STOPWORDS,
    EventTerms,
    event_terms,
    parse_terms,
    spell_crews,
    tokenize,
)
from bot.query.index import count_medals, rank_counts
from bot.query.name_index import NameIndex
from bot.query.sports import (
    OTHER_SPORTS,
    SPORT_ALIASES,
    SportMention,
    SportVocabulary,
    find_sport,
)

#: A match is confident at or above this score ...
CONFIDENT_SCORE = 88.0
#: ... and at least this far ahead of the best other entity.
CONFIDENT_MARGIN = 6.0
#: Below this a name match is no answer (only a suggestion).
AMBIGUOUS_FLOOR = 70.0
#: Suggestions offered with NONE must score at least this.
SUGGESTION_FLOOR = 55.0
#: How far below the best an alternative may score and still be offered.
ALTERNATIVE_SPREAD = 15.0
#: What an event loses for being a relay when the query did not say relay.
RELAY_UNASKED = 15.0
#: A clearly leading match is confident a little below ``CONFIDENT_SCORE`` ...
LONE_SCORE = 84.0
#: ... when nothing else comes within this margin.
LONE_MARGIN = 15.0
#: Label length limit (Discord choice names).
MAX_LABEL = 100
#: Words around a nation that do not name it ("medals korea", "korea medal count").
NATION_FILLERS = frozenset(
    {"medals", "medal", "count", "tally", "table", "results", "result", "in", "at", "for", "of"}
)
#: Event words people shorten or spell differently, mapped to the word in event names.
EVENT_WORD_SYNONYMS: dict[str, str] = {
    "tourney": "tournament",
    "hp": "halfpipe",
    "pipe": "halfpipe",
    "synchronised": "synchro",
    "synchronized": "synchro",
    "sync": "synchro",
    "dancing": "dance",
    "pair": "pairs",
    "classic": "classical",
    "skating": "",
    "skiing": "",
    "ski": "",
    "bob": "",
    "sled": "",
}
#: Short forms fans type for events, as the words event names use ("gs" is giant slalom).
EVENT_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "gs": ("giant", "slalom"),
    "gsl": ("giant", "slalom"),
    "pgs": ("parallel", "giant", "slalom"),
    "psl": ("parallel", "slalom"),
    "sg": ("super", "g"),
    "superg": ("super", "g"),
    "dh": ("downhill",),
    "sl": ("slalom",),
    "sbx": ("snowboard", "cross"),
    "bx": ("snowboard", "cross"),
    "boardercross": ("snowboard", "cross"),
    "sx": ("cross",),
    "skicross": ("cross",),
    "nh": ("normal", "hill"),
    "lh": ("large", "hill"),
    "mogul": ("moguls",),
    "massstart": ("mass", "start"),
    "tp": ("team", "pursuit"),
    "bigair": ("big", "air"),
    "slope": ("slopestyle",),
    "gold": (),
    "match": (),
    "game": (),
}
#: The sports of other Games long enough to be recognised misspelt (``Resolver._other_sport``).
_LONG_OTHER_SPORTS: tuple[str, ...] = tuple(sorted(s for s in OTHER_SPORTS if len(s) >= 5))
_COMPOUNDS: dict[tuple[str, str], str] = {
    ("half", "pipe"): "halfpipe",
    ("slope", "style"): "slopestyle",
    ("free", "style"): "freestyle",
}


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


_LABEL_TAIL = re.compile(r"^(?P<head>.*?)\s*\((?P<code>[A-Za-z]{3})\)\s*$")
#: A namesake's label: ``Kim Min-ji (KOR, Curling)``.
_NAMESAKE_TAIL = re.compile(r"^(?P<head>.*?)\s*\((?P<code>[A-Za-z]{3}),\s*(?P<sport>[^()]+)\)\s*$")


def _athlete_candidate(athlete: Athlete, sport: str) -> Candidate:
    """An athlete as a choice: ``Kim Gil-li (KOR)``; a namesake with its sport,
    ``Kim Min-ji (KOR, Curling)``, so that a user can tell namesakes apart."""
    tail = f"{athlete.noc}, {sport}" if sport else athlete.noc
    return Candidate(
        kind=EntityKind.ATHLETE,
        id=athlete.id,
        label=_label(f"{athlete.name} ({tail})"),
        names=CandidateNames(
            name=athlete.name, code=athlete.noc, native=athlete.native_name, sport=sport
        ),
    )


def _split_namesake(text: str) -> tuple[str, str]:
    """A pasted namesake label as the label without the sport, and the sport:
    ``"Kim Min-ji (KOR, Curling)"`` → ``("Kim Min-ji (KOR)", "Curling")``."""
    found = _NAMESAKE_TAIL.match(text)
    if found is None:
        return text, ""
    return f"{found.group('head')} ({found.group('code')})", found.group("sport")


def _split_code(text: str) -> tuple[str, str]:
    """A pasted label's name and NOC code: ``"🇰🇷 South Korea (KOR)"`` → ``("🇰🇷 South Korea",
    "KOR")``; text without a trailing ``(XXX)`` comes back with an empty code."""
    found = _LABEL_TAIL.match(text)
    if found is None:
        return text, ""
    return found.group("head"), found.group("code").upper()


#: Most content words of an event query that are compared (event names have at most three).
MAX_EVENT_WORDS = 8
#: Longest text looked at: Discord options carry at most 100 characters; more is not a name.
MAX_INPUT = 200


def _clip(text: str) -> str:
    return text[:MAX_INPUT]


def _as_typed(name: str) -> set[str]:
    """How a name is most often typed or pasted: as written, and in lower case (each clipped as
    a query is); the texts the warmed lookups hold."""
    return {_clip(name), _clip(name.lower())}


def _words_of(text: str) -> tuple[str, ...]:
    """The words an event query is read from (all that ``Resolver.event`` reads of its text)."""
    return tuple(tokenize(_clip(text)))


def _rescored(candidate: Candidate, score: float) -> Candidate:
    return candidate.model_copy(update={"score": round(score, 1)})


def _limit(limit: int) -> int:
    return max(1, min(limit, MAX_ALTERNATIVES))


@dataclass(frozen=True)
class _EventEntry:
    event: Event
    candidate: Candidate
    terms: EventTerms

    @functools.cached_property
    def distances(self) -> set[float]:
        """``terms.distances()``, computed once."""
        return self.terms.distances()


@dataclass(frozen=True)
class _QueryWord:
    """A content word of an event query as every event is scored against it: whether it is being
    typed (the last word, in autocomplete), whether it means "relay", and its score against each
    event word met so far (``fuzz.ratio`` with the prefix allowances), filled as events are scored."""

    word: str
    typing: bool
    relay: bool
    scores: dict[str, float] = field(default_factory=dict)

    def score(self, other: str) -> float:
        found = self.scores.get(other)
        if found is None:
            found = fuzz.ratio(self.word, other)
            if len(self.word) >= 4 and (other.startswith(self.word) or self.word.startswith(other)):
                found = max(found, 90.0)
            elif self.typing and len(self.word) >= 2 and other.startswith(self.word):
                found = max(found, 92.0)
            self.scores[other] = found
        return found


@dataclass(frozen=True)
class _EventQuery:
    """An event query read into terms; ``sport`` restricts it, ``sport_phrase`` is how the text
    named the sport (so it can be read back as an event word, e.g. "freestyle")."""

    terms: EventTerms
    sport: str | None = None
    sport_phrase: str = ""


def _strip_fillers(tokens: Sequence[str]) -> list[str]:
    """Tokens without filler words at either end ("medals for korea" → "korea"; "republic of
    korea" keeps its "of")."""
    start, end = 0, len(tokens)
    while start < end and tokens[start] in NATION_FILLERS:
        start += 1
    while end > start and tokens[end - 1] in NATION_FILLERS:
        end -= 1
    return list(tokens[start:end])


def _event_words(words: Iterable[str]) -> tuple[str, ...]:
    """Content words in the spelling event names use: compounds joined ("half pipe"), synonyms
    mapped ("tourney"), and generic words ("skiing") dropped."""
    raw = list(words)
    joined: list[str] = []
    i = 0
    while i < len(raw):
        pair = (raw[i], raw[i + 1]) if i + 1 < len(raw) else None
        if pair is not None and pair in _COMPOUNDS:
            joined.append(_COMPOUNDS[pair])
            i += 2
            continue
        joined.append(raw[i])
        i += 1
    expanded = [part for word in joined for part in EVENT_SHORT_FORMS.get(word, (word,))]
    mapped = (EVENT_WORD_SYNONYMS.get(word, word) for word in expanded)
    return tuple(word for word in mapped if word)


def _means_relay(word: str, typing: bool) -> bool:
    """Whether a leftover query word is "relay" mistyped, or its start while typing."""
    if typing and len(word) >= 3 and "relay".startswith(word):
        return True
    return len(word) >= 4 and fuzz.ratio(word, "relay") >= 80.0


def _decide(
    kind: EntityKind,
    query: str,
    ranked: Sequence[Candidate],
    suggestions: Sequence[Candidate] = (),
    *,
    floor: float = AMBIGUOUS_FLOOR,
) -> Resolution:
    """CONFIDENT, AMBIGUOUS or NONE from candidates ranked best first (one per entity)."""
    if not ranked or ranked[0].score < floor:
        nearest = [c for c in (*ranked, *suggestions) if c.score >= SUGGESTION_FLOOR]
        unique = list({c.id: c for c in reversed(nearest)}.values())[::-1]
        unique.sort(key=lambda c: -c.score)
        return Resolution(
            kind=kind,
            query=query,
            status=ResolutionStatus.NONE,
            alternatives=tuple(unique[:5]),
        )
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    clear = top.score >= CONFIDENT_SCORE and (
        top.score - runner_up >= CONFIDENT_MARGIN or top.score >= 100.0 > runner_up
    )
    if clear or (top.score >= LONE_SCORE and top.score - runner_up >= LONE_MARGIN):
        others = tuple(c for c in ranked[1:MAX_ALTERNATIVES] if c.score >= 80.0)
        return Resolution(
            kind=kind,
            query=query,
            status=ResolutionStatus.CONFIDENT,
            match=top,
            alternatives=others,
        )
    offered = [c for c in ranked if c.score >= max(floor, top.score - ALTERNATIVE_SPREAD)]
    return Resolution(
        kind=kind,
        query=query,
        status=ResolutionStatus.AMBIGUOUS,
        alternatives=tuple(offered[:MAX_ALTERNATIVES]),
    )


def _with_prefixes(
    kind: EntityKind, query: str, ranked: Sequence[Candidate], started: Sequence[Candidate]
) -> Resolution:
    """Decide a name, where part of a name ("kim", "ekaterina", "north") offers every name it
    starts (in either order) beside the fuzzy matches, never a confident guess. ``started`` are
    the prefix-search results (names the query starts score 90 and more)."""
    if ranked and ranked[0].score >= CONFIDENT_SCORE:
        return _decide(kind, query, ranked)
    prefixed = [c for c in started if c.score >= 90.0]
    if len("".join(fold(query).split())) >= 3 and prefixed:
        seen = {c.id for c in prefixed}
        fuzzy = [c for c in ranked if c.id not in seen and c.score >= AMBIGUOUS_FLOOR]
        return Resolution(
            kind=kind,
            query=query,
            status=ResolutionStatus.AMBIGUOUS,
            alternatives=tuple([*prefixed, *fuzzy][:MAX_ALTERNATIVES]),
        )
    return _decide(kind, query, ranked, started)


def games_words(games: Games) -> frozenset[str]:
    """The words that name a Games (from its data): name, official name, city, aliases, year."""
    names = (games.name, games.official_name, games.city, *games.aliases)
    words = {word for name in names for word in tokenize(name) if not word.isdigit()}
    if games.year:
        words.add(str(games.year))
    return frozenset(words)


def _none(kind: EntityKind, query: str, suggestions: Sequence[Candidate] = ()) -> Resolution:
    return Resolution(
        kind=kind,
        query=query,
        status=ResolutionStatus.NONE,
        alternatives=tuple(suggestions[:5]),
    )


@dataclass(frozen=True)
class Resolver:
    """Resolves names of one Games. Build with ``Resolver.build(data)``; immutable afterwards."""

    nations: tuple[Candidate, ...]
    nation_names: tuple[tuple[int, str], ...]
    nation_exact: dict[str, tuple[int, ...]]
    sports: dict[str, Candidate]
    sport_phrases: dict[str, str]
    #: The Games' data: its athletes' and events' parts are built from it on first use.
    data: GamesData = field(compare=False, repr=False)
    #: Namesakes' sports (athlete id → sport) given by the builder; None: read from ``data``.
    namesakes_given: Mapping[str, str] | None = field(default=None, compare=False, repr=False)
    #: Words naming the Games itself (its name, city, aliases, year): no part of an event's name.
    games_words: frozenset[str] = frozenset()

    # --- building ------------------------------------------------------------------------------

    @classmethod
    def build(cls, data: GamesData, namesakes: Mapping[str, str] | None = None) -> Resolver:
        """Index one Games' names (fast: a few milliseconds at the real data size); ``namesakes``
        (athlete id → sport) when the data cannot say them itself (people across Games)."""
        nations = cls._nations_by_medals(data)
        nation_names: list[tuple[int, str]] = []
        nation_exact: dict[str, list[int]] = {}
        for number, nation in enumerate(nations):
            for name in (nation.code, nation.name, nation.official_name, *nation.aliases):
                if not name:
                    continue
                folded = fold(name)
                if len(folded.replace(" ", "")) > 3:  # a code matches exactly, never fuzzily
                    nation_names.append((number, name))
                for key in {folded, folded.replace(" ", "")}:
                    bucket = nation_exact.setdefault(key, [])
                    if number not in bucket:
                        bucket.append(number)

        sport_names = sorted({e.sport for e in data.events})
        sports = {
            name: Candidate(kind=EntityKind.SPORT, id=slug(name), label=_label(name))
            for name in sport_names
        }
        phrases = {phrase: sport for phrase, sport in SPORT_ALIASES.items() if sport in sports}
        for name in sport_names:
            phrases[fold(name)] = name
        return cls(
            nations=tuple(
                Candidate(
                    kind=EntityKind.NATION,
                    id=n.code,
                    label=_label(n.label),
                    names=CandidateNames(name=n.name, code=n.code, aliases=n.aliases, flag=n.flag),
                )
                for n in nations
            ),
            nation_names=tuple(nation_names),
            nation_exact={k: tuple(v) for k, v in nation_exact.items()},
            sports=sports,
            sport_phrases=phrases,
            data=data,
            namesakes_given=namesakes,
            games_words=games_words(data.games),
        )

    # The athletes' and events' parts and the fuzzy indexes are built on first use: a one-shot
    # command about a nation (or the table) never needs the athletes or the events.

    def warm(self) -> None:
        """Build every part built on first use now (a long-running bot does, once per view, so
        that no user's first question about a Games pays for it)."""
        parts = ("athletes", "athlete_defaults", "events", "sport_vocabulary")
        for part in (*parts, "nation_names_in_languages"):
            getattr(self, part)
        for index in (self.nation_index, self.athlete_index):
            index.search("warm", limit=1)
            index.exact("warm")
        nation_texts = self._named_nation_texts
        for nation in self.data.nations:
            for name in (nation.code, nation.name, nation.official_name, *nation.aliases):
                for text in _as_typed(name) - nation_texts.keys():
                    whole = self._nation_key(text)[1]
                    if len(whole) == 1:
                        nation_texts[text] = self.nations[whole[0]].id
        named = self._named_athlete_texts
        for _, name in self.athlete_names:
            for text in _as_typed(name) - named.keys():
                named[text] = self._exact_athlete(text)
        self._event_pool(None, None)
        for entry in self.events:
            name = entry.event.name
            words = _words_of(name)
            found = self._named_events.setdefault(words, self.event(name))
            for text in (name, name.lower(), name.casefold()):
                if _words_of(text) == words and text not in self._named_event_texts:
                    # as ``exact_event`` gives it: the text as typed, so it is not copied then
                    self._named_event_texts[text] = (
                        found if found.query == text else found.model_copy(update={"query": text})
                    )

    @functools.cached_property
    def _athletes_ranked(self) -> list[Athlete]:
        return self._athletes_by_medals(self.data)

    @functools.cached_property
    def athletes(self) -> tuple[Candidate, ...]:
        """Every athlete's candidate, most medals first (``_athletes_by_medals``); a namesake's
        label carries its sport."""
        given = self.namesakes_given
        namesakes = namesake_sports(self.data) if given is None else given
        return tuple(_athlete_candidate(a, namesakes.get(a.id, "")) for a in self._athletes_ranked)

    @functools.cached_property
    def athlete_names(self) -> tuple[tuple[int, str], ...]:
        """(athlete number, name) for every name, native name and alias of every athlete."""
        return tuple(
            (number, name)
            for number, athlete in enumerate(self._athletes_ranked)
            for name in (athlete.name, athlete.native_name, *athlete.aliases)
            if name
        )

    @functools.cached_property
    def athlete_defaults(self) -> tuple[Candidate, ...]:
        """The medallists' candidates, most medals first: what an empty athlete search offers."""
        medals = self._medal_counts(self.data)
        ranked = zip(self.athletes, self._athletes_ranked, strict=True)
        return tuple(c for c, a in ranked if medals[a.id])

    @functools.cached_property
    def events(self) -> tuple[_EventEntry, ...]:
        """Every event with its candidate and terms, by date, sport and name."""
        return tuple(
            _EventEntry(
                event=e,
                candidate=Candidate(
                    kind=EntityKind.EVENT,
                    id=e.id,
                    label=_label(f"{e.name} ({e.sport})"),
                    names=CandidateNames(name=e.name, sport=e.sport),
                ),
                terms=self._terms_of(e),
            )
            for e in sorted(
                self.data.events,
                key=lambda e: (e.date.isoformat() if e.date else "~", e.sport, e.name),
            )
        )

    @functools.cached_property
    def sport_vocabulary(self) -> SportVocabulary:
        """``sport_phrases`` arranged once for ``find_sport``."""
        return SportVocabulary.build(self.sport_phrases)

    @functools.cached_property
    def nation_index(self) -> NameIndex:
        """The fuzzy index of nation codes, names and aliases (word order fixed)."""
        return NameIndex.build(self.nation_names, both_orders=False)

    @functools.cached_property
    def nation_names_in_languages(self) -> tuple[dict[str, tuple[int, ...]], NameIndex]:
        """Each nation's name in the other languages answers are written in (as they name it:
        ``bot.i18n.native_names``), exactly (folded) and fuzzily. Looked up only for a query in
        another writing than the data's names (``미국``, ``ノルウェー``): made on first use, so
        that a one-shot command about a nation by its own name never reads CLDR's names."""
        from bot.i18n.native_names import names_in_languages  # (only when a query needs it)

        exact: dict[str, list[int]] = {}
        names: list[tuple[int, str]] = []
        for number, nation in enumerate(self.nations):
            if nation.names is None:
                continue
            own = nation.names
            for name in names_in_languages(own.name, own.aliases, own.flag):
                names.append((number, name))
                bucket = exact.setdefault(fold(name).replace(" ", ""), [])
                if number not in bucket:
                    bucket.append(number)
        return {k: tuple(v) for k, v in exact.items()}, NameIndex.build(names, both_orders=False)

    @functools.cached_property
    def athlete_index(self) -> NameIndex:
        """The fuzzy index of athletes' names, in either order, and native names."""
        return NameIndex.build(self.athlete_names)

    @staticmethod
    def _nations_by_medals(data: GamesData) -> list[Nation]:
        """Nations in medal-table order, then the rest by name (ties in search favour leaders)."""
        by_noc: dict[str, list[Result]] = {}
        for result in data.results:
            by_noc.setdefault(result.noc, []).append(result)
        counts = [count_medals(n.code, by_noc.get(n.code, [])) for n in data.nations]
        ranked = [count.noc for _, count in rank_counts(c for c in counts if c.total)]
        order = {code: position for position, code in enumerate(ranked)}
        return sorted(data.nations, key=lambda n: (order.get(n.code, len(order)), n.name))

    @staticmethod
    def _medal_counts(data: GamesData) -> Counter[str]:
        medals: Counter[str] = Counter()
        for result in data.results:
            if result.medal is not None:
                for athlete in result.athletes:
                    medals[athlete] += 1
        return medals

    @classmethod
    def _athletes_by_medals(cls, data: GamesData) -> list[Athlete]:
        """Athletes with most medals (then golds) first, then by name."""
        medals = cls._medal_counts(data)
        golds: Counter[str] = Counter()
        for result in data.results:
            if result.medal is Medal.GOLD:
                golds.update(result.athletes)
        return sorted(data.athletes, key=lambda a: (-medals[a.id], -golds[a.id], a.name, a.id))

    @staticmethod
    def _terms_of(event: Event) -> EventTerms:
        terms = event_terms(event.name)
        gender = terms.gender or (event.gender if event.gender is not Gender.OPEN else None)
        return replace(terms, gender=gender, words=_event_words(terms.words))

    # --- nations -------------------------------------------------------------------------------

    def _nation_key(self, text: str) -> tuple[str, tuple[int, ...]]:
        """A nation query's folded key and the nations it names exactly (code, name or alias)."""
        _, code = _split_code(text)
        if code and fold(code) in self.nation_exact:  # a pasted label "🇰🇷 South Korea (KOR)"
            text = code
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        exact = self.nation_exact.get(key, ()) or self.nation_exact.get(key.replace(" ", ""), ())
        if not exact:
            exact = self.named_in_languages(key)
        return key, exact

    def named_in_languages(self, text: str) -> tuple[int, ...]:
        """The nations (by number) ``text`` names as answers in another language name them
        (``미국``): looked up only for text in another writing than ASCII."""
        if text.isascii():
            return ()
        return self.nation_names_in_languages[0].get(fold(text).replace(" ", ""), ())

    def _nation_ranked(
        self, text: str, *, prefix: bool = False, limit: int = 10
    ) -> list[Candidate]:
        key, exact = self._nation_key(text)
        ranked = [_rescored(self.nations[n], 100.0) for n in exact]
        if len(key.replace(" ", "")) > 3 or prefix:
            indexes = [self.nation_index]
            if not key.isascii():
                indexes.append(self.nation_names_in_languages[1])
            seen = set(exact)
            for index in indexes:
                for hit in index.search(key, limit=limit, prefix=prefix):
                    if hit.entry not in seen:
                        seen.add(hit.entry)
                        ranked.append(_rescored(self.nations[hit.entry], min(hit.score, 99.0)))
            ranked.sort(key=lambda c: -c.score)
        return ranked

    def exact_nation(self, text: str, *, sport_words: bool = False) -> str | None:
        """The code of the one nation ``text`` names exactly (code, name, official name or alias,
        folded): what ``nation`` (with ``sport_words``, ``nation_and_sport`` with no sport in
        the text) would match with a score of 100 and no equal, found by a lookup. ``None``
        otherwise."""
        text = _clip(text)
        named = self._named_nation_texts.get(text)
        if named is not None:  # a nation's own name as written: the whole text, one nation
            return named
        if sport_words:
            whole = self._nation_key(text)[1]
            if len(whole) == 1:  # the whole text is one nation's name: no sport words in it
                return self.nations[whole[0]].id
            nation_text, mention = self._nation_part(text)
            if mention is not None or nation_text is None:
                return None
            text = nation_text
        exact = self._nation_key(text)[1]
        return self.nations[exact[0]].id if len(exact) == 1 else None

    @functools.cached_property
    def _named_nation_texts(self) -> dict[str, str]:
        """The nations' own names (code, name, official name and each alias) as written and in
        lower case, each that names one nation only, with its code: what ``exact_nation`` finds
        for such a text (with or without sport words, the whole text names that nation), found
        without folding it. Filled by ``warm``."""
        return {}

    def nation(self, text: str) -> Resolution:
        """A nation by IOC code, name, official name, alias or native script (``"korea"``,
        ``"dprk"``, ``"韩国"``, ``"the philippines"``)."""
        text = _clip(text)
        ranked = self._nation_ranked(text)
        if ranked and ranked[0].score >= CONFIDENT_SCORE:  # (what _with_prefixes would decide)
            return _decide(EntityKind.NATION, text, ranked)
        started = self._nation_ranked(text, prefix=True)
        return _with_prefixes(EntityKind.NATION, text, ranked, started)

    # --- athletes ------------------------------------------------------------------------------

    def _athlete_ranked(
        self, text: str, *, prefix: bool = False, limit: int = MAX_ALTERNATIVES
    ) -> list[Candidate]:
        text, sport = _split_namesake(text)
        found = self._athlete_ranked_by_noc(text, prefix=prefix, limit=limit)
        if sport:  # a pasted namesake label: the sport tells the namesakes apart
            own = fold(sport)
            found = [
                c if fold(c.names.sport if c.names else "") == own else _rescored(c, c.score - 10.0)
                for c in found
            ]
            found.sort(key=lambda c: -c.score)
        return found

    def _athlete_ranked_by_noc(
        self, text: str, *, prefix: bool = False, limit: int = MAX_ALTERNATIVES
    ) -> list[Candidate]:
        head, code = _split_code(text)
        found = [
            _rescored(self.athletes[hit.entry], hit.score)
            for hit in self.athlete_index.search(head if code else text, limit=limit, prefix=prefix)
        ]
        if code:  # a pasted label "Kim Gil-li (KOR)": the NOC breaks ties between namesakes
            own = code.lower() + "-"
            found = [c if c.id.startswith(own) else _rescored(c, c.score - 10.0) for c in found]
            found.sort(key=lambda c: -c.score)
        return found

    def exact_athlete(self, text: str) -> str | None:
        """The id of the one athlete whose name (or alias, or native name) is ``text`` up to
        folding, order and romanisation: what ``athlete`` would match with a score of 100 and no
        equal, found by a lookup. ``None`` when no name or several are that exact."""
        text = _clip(text)
        named = self._named_athlete_texts
        return named[text] if text in named else self._exact_athlete(text)

    @functools.cached_property
    def _named_athlete_texts(self) -> dict[str, str | None]:
        """``exact_athlete`` of the athletes' own names (each name, native name and alias) as
        written and in lower case: a pasted or typed name is found without reading its words.
        Filled by ``warm``."""
        return {}

    def _exact_athlete(self, text: str) -> str | None:
        if _split_code(text)[1]:
            return None
        entries = self.athlete_index.exact(text)
        return self.athletes[entries[0]].id if len(entries) == 1 else None

    def athlete(self, text: str) -> Resolution:
        """An athlete by name in either order, with hyphen/space, romanisation and typo variants,
        native script or a former name."""
        text = _clip(text)
        ranked = self._athlete_ranked(text)
        if ranked and ranked[0].score >= CONFIDENT_SCORE:  # (what _with_prefixes would decide)
            return _decide(EntityKind.ATHLETE, text, ranked)
        started = self._athlete_ranked(text, prefix=True)
        return _with_prefixes(EntityKind.ATHLETE, text, ranked, started)

    # --- sports --------------------------------------------------------------------------------

    def _sport_ranked(self, text: str, *, prefix: bool = False) -> list[Candidate]:
        key = fold(text)
        if not key:
            return []
        best: dict[str, float] = {}
        for phrase, sport in self.sport_phrases.items():
            if phrase == key:
                score = 100.0
            elif prefix and phrase.startswith(key):
                score = 90.0 + 9.0 * len(key) / len(phrase)
            elif len(phrase) >= 4 and len(key) >= 4:
                score = fuzz.ratio(key, phrase)
            else:
                continue
            if score > best.get(sport, 0.0):
                best[sport] = score
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [_rescored(self.sports[sport], score) for sport, score in ranked]

    def _other_sport(self, key: str) -> bool:
        """Whether ``key`` names (or nearly names) a sport this Games did not hold."""
        if key in OTHER_SPORTS or (key in SPORT_ALIASES and SPORT_ALIASES[key] not in self.sports):
            return True
        near = process.extractOne(key, _LONG_OTHER_SPORTS, scorer=fuzz.ratio, score_cutoff=90)
        return near is not None

    def sport(self, text: str) -> Resolution:
        """A sport by name, alias or abbreviation (``"st"``, ``"xc"``, ``"skimo"``, ``"hockey"``);
        sports not held at this Games are NONE."""
        text = _clip(text)
        key = fold(text)
        tokens = key.split()
        mention = find_sport(tokens, self.sport_vocabulary, fuzzy=True)
        if mention is not None:
            rest = [t for i, t in enumerate(tokens) if not mention.start <= i < mention.end]
            if all(t in STOPWORDS or t in ("skiing", "skating", "sport") for t in rest):
                if mention.sport is None or mention.sport not in self.sports:
                    return _none(EntityKind.SPORT, text)
                match = _rescored(self.sports[mention.sport], 100.0)
                return Resolution(
                    kind=EntityKind.SPORT,
                    query=text,
                    status=ResolutionStatus.CONFIDENT,
                    match=match,
                )
        if self._other_sport(key):
            return _none(EntityKind.SPORT, text)
        slugged = self.sports.get(next((s for s in self.sports if slug(s) == text.strip()), ""))
        if slugged is not None:
            return Resolution(
                kind=EntityKind.SPORT,
                query=text,
                status=ResolutionStatus.CONFIDENT,
                match=_rescored(slugged, 100.0),
            )
        words = {t for t in tokens if t not in STOPWORDS}
        containing = [
            c for name, c in self.sports.items() if words and words <= set(fold(name).split())
        ]
        if (
            len(containing) > 1
        ):  # "skating", "skiing": every sport of that family, for the user to choose
            return Resolution(
                kind=EntityKind.SPORT,
                query=text,
                status=ResolutionStatus.AMBIGUOUS,
                alternatives=tuple(
                    _rescored(c, 90.0) for c in sorted(containing, key=lambda c: c.label)
                ),
            )
        ranked = self._sport_ranked(text)
        return _decide(EntityKind.SPORT, text, ranked, self._sport_ranked(text, prefix=True))

    # --- nation and sport ----------------------------------------------------------------------

    def nation_and_sport(self, text: str) -> tuple[Resolution, Resolution | None]:
        """A nation with an optional sport beside it: ``"korea short track"`` → (KOR, Short track
        speed skating); ``("korea", None)`` when there are no sport words."""
        text = _clip(text)
        nation_text, mention = self._nation_part(text)
        sport = None if mention is None else self.sport(mention.phrase)
        if nation_text is None:
            return _none(EntityKind.NATION, text), sport
        return self.nation(nation_text), sport

    def _nation_part(self, text: str) -> tuple[str | None, SportMention | None]:
        """The part of ``text`` that names a nation (``None``: nothing but sport and filler words)
        and the sport phrase beside it."""
        tokens = fold(text).split()
        mention = find_sport(tokens, self.sport_vocabulary, fuzzy=True)
        rest = tokens
        if mention is not None:
            rest = [t for i, t in enumerate(tokens) if not mention.start <= i < mention.end]
        kept = _strip_fillers(rest) or rest
        if not kept:
            return None, mention
        return (" ".join(kept) if (mention is not None or kept != tokens) else text), mention

    # --- events --------------------------------------------------------------------------------

    def _event_query(
        self, text: str, sport: str | None, *, read_sport: bool = True
    ) -> _EventQuery | None:
        """Read an event query; ``None`` when its sport is not held here (or ``sport`` is not a
        sport of this Games)."""
        tokens = spell_crews([t for t in tokenize(text) if t not in self.games_words])
        chosen: str | None = None
        if sport is not None:
            found = self.sport(sport)
            if not found.confident or found.match is None:
                return None
            chosen = next(s for s, c in self.sports.items() if c.id == found.match.id)
        mention = find_sport(tokens, self.sport_vocabulary, fuzzy=True) if read_sport else None
        phrase = ""
        if mention is not None:
            if mention.sport is None or mention.sport not in self.sports:
                return None
            if chosen is None or mention.sport == chosen:
                # (A different sport beside an explicit one stays in the text as words, e.g.
                # "5 km freestyle" in cross-country skiing.)
                chosen = mention.sport
                phrase = mention.phrase
                tokens = [t for i, t in enumerate(tokens) if not mention.start <= i < mention.end]
        windows = [tokens[i : i + size] for size in (1, 2) for i in range(len(tokens) - size + 1)]
        if any(self._other_sport(" ".join(window)) for window in windows):
            return None
        terms = parse_terms(tokens)
        terms = replace(terms, words=_event_words(terms.words)[:MAX_EVENT_WORDS])
        return _EventQuery(terms=terms, sport=chosen, sport_phrase=phrase)

    @staticmethod
    def _word_score(query: _QueryWord, others: Sequence[str]) -> tuple[float, int]:
        best, where = 0.0, -1
        for position, other in enumerate(others):
            if query.word == other:
                return 100.0, position
            score = query.score(other)
            if score > best:
                best, where = score, position
        return best, where

    def _event_score(
        self,
        query: EventTerms,
        distances: set[float],
        words: Sequence[_QueryWord],
        entry: _EventEntry,
    ) -> tuple[float, bool] | None:
        """How well an event fits the query (0-100) and whether any query word matched one of its
        words, or ``None`` when a hard term (gender, distance, relay) excludes it."""
        terms = entry.terms
        if query.gender is not None and terms.gender is not query.gender:
            return None
        if query.distance is not None and not distances & entry.distances:
            return None
        if query.unit == "m" and terms.unit == "km":
            return None
        if query.relay and not terms.relay:
            return None
        score = 100.0
        matched: set[int] = set()
        relay_asked = query.relay
        for word in words:
            if word.relay:  # "relya", or "rel" while typing
                relay_asked = True
                score -= 0.0 if terms.relay else 40.0
                continue
            best, where = self._word_score(word, terms.words)
            if best >= 80.0:
                score -= (100.0 - best) / 3.0
                matched.add(where)
            else:
                score -= 40.0
        score -= 6.0 * (len(terms.words) - len(matched))
        if terms.named_relay and not relay_asked:
            score -= RELAY_UNASKED
        return score, bool(matched)

    def _event_ranked(self, query: _EventQuery, *, prefix: bool = False) -> list[Candidate]:
        """Events fitting the query, best first. Something must tie the query to an event: a
        matched word, a distance, a gender or a sport; nonsense gets no candidates at all.
        Events scoring below ``SUGGESTION_FLOOR`` are left out: no decision or suggestion ever
        offers them, nor does a runner-up that far behind change a decision."""
        terms = query.terms
        if terms.empty and query.sport is None:
            return []
        anchored = (
            terms.distance is not None
            or terms.gender is not None
            or terms.relay
            or query.sport is not None
        )
        words = []
        for word in terms.words:
            typing = prefix and word == terms.words[-1]
            words.append(_QueryWord(word, typing, _means_relay(word, typing)))
        distances = terms.distances()
        fits: list[tuple[float, Candidate]] = []
        for entry in self._event_pool(terms.gender, query.sport):
            fit = self._event_score(terms, distances, words, entry)
            if fit is not None and (anchored or fit[1]):
                score = round(max(fit[0], 0.0), 1)
                if score >= SUGGESTION_FLOOR:
                    fits.append((score, entry.candidate))
        fits.sort(key=lambda fit: -fit[0])
        return [self._scored_event(candidate, score) for score, candidate in fits]

    @functools.cached_property
    def _scored_events(self) -> dict[tuple[str, float], Candidate]:
        return {}

    def _scored_event(self, candidate: Candidate, score: float) -> Candidate:
        """An event's candidate with ``score`` (made once per event and score: candidates are
        immutable, and an event is offered at the same few scores again and again)."""
        key = (candidate.id, score)
        found = self._scored_events.get(key)
        if found is None:
            found = self._scored_events[key] = _rescored(candidate, score)
        return found

    @functools.cached_property
    def _event_pools(self) -> dict[tuple[Gender | None, str | None], tuple[_EventEntry, ...]]:
        return {}

    def _event_pool(self, gender: Gender | None, sport: str | None) -> tuple[_EventEntry, ...]:
        """The events a query of ``gender`` and ``sport`` (``None``: any) may mean, in order."""
        pool = self._event_pools.get((gender, sport))
        if pool is None:
            pool = self._event_pools[(gender, sport)] = tuple(
                entry
                for entry in self.events
                if (gender is None or entry.terms.gender is gender)
                and (sport is None or entry.event.sport == sport)
            )
        return pool

    @functools.cached_property
    def _named_events(self) -> dict[tuple[str, ...], Resolution]:
        """What ``event`` gives for each event's own name, by its words: filled by ``warm``
        (a one-shot command resolves its one name instead of every event's)."""
        return {}

    @functools.cached_property
    def _named_event_texts(self) -> dict[str, Resolution]:
        """The same resolutions by the texts of the events' own names as written, in lower case
        and folded (each only where its words are the name's), each with that text as its query:
        an autocompleted or typed name is found without reading its words, and given as it is.
        Filled by ``warm``."""
        return {}

    def exact_event(self, text: str) -> Resolution | None:
        """``event(text)`` when ``text`` has the words of an event's own name (in any case or
        spacing), looked up in what ``warm`` resolved; ``None`` otherwise. Resolving reads only
        the words of a text, so the resolution of those words is the resolution of ``text``."""
        text = _clip(text)
        found = self._exact_event(text)
        if found is None or found.query == text:
            return found
        return found.model_copy(update={"query": text})

    def exact_event_id(self, text: str) -> str | None:
        """The id of the one event ``exact_event(text)`` is confident of, else ``None``."""
        found = self._exact_event(_clip(text))
        if found is None or found.match is None or not found.confident:
            return None
        return found.match.id

    def _exact_event(self, text: str) -> Resolution | None:
        found = self._named_event_texts.get(text)
        return found if found is not None else self._named_events.get(_words_of(text))

    def event(self, text: str, sport: str | None = None) -> Resolution:
        """An event by its name in any common form (``"3k relay women"``, ``"men's 500"``,
        ``"ladies 1500m short track"``); ``sport`` restricts the search."""
        text = _clip(text)
        sport = None if sport is None else _clip(sport)
        query = self._event_query(text, sport)
        if query is None:
            return _none(EntityKind.EVENT, text)
        ranked = self._event_ranked(query)
        if query.sport_phrase and sport is None and (not ranked or ranked[0].score < 80.0):
            # A sport word that is also an event word ("5 km freestyle"): read it as a word.
            reread = self._event_query(text, None, read_sport=False)
            retried = [] if reread is None else self._event_ranked(reread)
            if retried and (not ranked or retried[0].score > ranked[0].score):
                ranked = retried
        return _decide(EntityKind.EVENT, text, ranked, floor=65.0)

    # --- autocomplete --------------------------------------------------------------------------

    def suggest(self, kind: EntityKind, text: str, limit: int = 25) -> list[Candidate]:
        """Autocomplete: best first, at most ``limit`` (and 25). Empty text gives the defaults:
        nations in medal-table order, medallists (most medals first), events by date, sports
        alphabetically."""
        text = _clip(text)
        limit = _limit(limit)
        if not fold(text):
            return list(self._defaults(kind)[:limit])
        found: list[Candidate]
        if kind is EntityKind.NATION:
            found = self._nation_ranked(text, prefix=True, limit=limit)
        elif kind is EntityKind.ATHLETE:
            found = self._athlete_ranked(text, prefix=True, limit=limit)
        elif kind is EntityKind.EVENT:
            query = self._event_query(text, None)
            found = [] if query is None else self._event_ranked(query, prefix=True)
        else:
            found = self._sport_ranked(text, prefix=True)
        unique = list({c.id: c for c in reversed(found)}.values())[::-1]
        unique.sort(key=lambda c: -c.score)
        return [c for c in unique if c.score >= SUGGESTION_FLOOR][:limit]

    def _defaults(self, kind: EntityKind) -> Sequence[Candidate]:
        if kind is EntityKind.NATION:
            return self.nations
        if kind is EntityKind.ATHLETE:
            return self.athlete_defaults
        if kind is EntityKind.EVENT:
            return [entry.candidate for entry in self.events]
        return [self.sports[name] for name in sorted(self.sports)]

    def resolve(self, kind: EntityKind, text: str) -> Resolution:
        """Resolve ``text`` as ``kind`` (dispatch to ``nation``, ``athlete``, ``event``, ``sport``)."""
        if kind is EntityKind.NATION:
            return self.nation(text)
        if kind is EntityKind.ATHLETE:
            return self.athlete(text)
        if kind is EntityKind.EVENT:
            return self.event(text)
        return self.sport(text)
