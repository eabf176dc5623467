"""The words of the loaded Games for /ask, built once per library: native-script phrases
(the vocabulary's and the names of nations, athletes and Games) for segmenting Chinese, Korean
and Japanese text into words, the Games' names as token tuples, their years, and every word of
their names and event names. ``segment`` is the segmenter."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.models import GamesData
from bot.domain.names import fold
from bot.query.ask_vocabulary import CHARACTER_VARIANTS, CUES, FILLERS, NATIVE, ORDINAL_ENDINGS
from bot.query.event_terms import tokenize


def is_native(char: str) -> bool:
    return ord(char) >= 0x1100 and not char.isspace()


@dataclass(frozen=True)
class Lexicon:
    """The words of every loaded Games: native-script phrases (vocabulary and names) for
    segmenting, Games names as token tuples, and the loaded Games' years."""

    native: dict[str, str]
    by_first: dict[str, tuple[str, ...]]
    games: dict[tuple[str, ...], str]
    #: Each nation's name, aliases and flag, for its names in the answers' other languages.
    nations: tuple[tuple[str, tuple[str, ...], str], ...]
    years: frozenset[str]
    #: Every word of every loaded Games' names ("winter"): harmless when left over.
    games_words: frozenset[str]
    #: Every word of every loaded Games' event names: never read as a person's or nation's name.
    event_words: frozenset[str]

    @classmethod
    def build(cls, datas: Sequence[GamesData], games_names: Iterable[tuple[str, str]]) -> Lexicon:
        native = {variants(_plain(k)): v for k, v in NATIVE.items()}
        nations = tuple((n.name, n.aliases, n.flag) for data in datas for n in data.nations)
        for data in datas:
            names = [n.name for n in data.nations] + [a for n in data.nations for a in n.aliases]
            names += [a.native_name for a in data.athletes] + [data.games.name]
            names += [a for a in data.games.aliases] + [x for a in data.athletes for x in a.aliases]
            for name in names:
                if name and any(is_native(c) for c in name):
                    native[variants(_plain(name))] = variants(fold(name))
        by_first = _by_first(native)
        games = {tuple(tokenize(name)): gid for name, gid in games_names if tokenize(name)}
        owners: dict[str, set[str]] = {}
        for words, gid in list(games.items()):
            for word in words:
                owners.setdefault(word, set()).add(gid)
        for word, gids in owners.items():  # a word of one Games' names only ("olympic")
            common = word in CUES or word in ORDINAL_ENDINGS or word in FILLERS
            if len(gids) == 1 and len(word) > 2 and not common and not word.isdigit():
                games.setdefault((word,), next(iter(gids)))
        years = frozenset(str(d.games.year) for d in datas if d.games.year)
        events = {w for d in datas for e in d.events for w in tokenize(e.name)}
        games_words = frozenset(owners)
        return cls(native, by_first, games, nations, years, games_words, frozenset(events))

    @functools.cached_property
    def with_languages(self) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
        """``native`` and ``by_first`` with every nation's names in the answers' other languages
        beside the data's (``미국``, ``ノルウェー``; the data's own win where they differ):
        made for the first question in a native script, so an English one never reads them."""
        from bot.i18n.native_names import names_in_languages  # (only when a query needs it)

        native = dict(self.native)
        for name, aliases, flag in self.nations:
            for local in names_in_languages(name, aliases, flag):
                native.setdefault(variants(_plain(local)), variants(fold(local)))
        return native, _by_first(native)


def _by_first(native: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The phrases by their first character, longest first (the segmenter tries them in turn)."""
    by_first: dict[str, list[str]] = {}
    for phrase in sorted(native, key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in by_first.items()}


def variants(text: str) -> str:
    return "".join(CHARACTER_VARIANTS.get(c, c) for c in text)


def _plain(text: str) -> str:
    """Case and accents folded as names are (kana lose their voicing marks too), spacing kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFKC", kept).casefold()


def segment(text: str, lexicon: Lexicon) -> str:
    """Native-script words read as spaced words: vocabulary becomes its English reading, names
    stay as written (``한국은 금메달 몇 개`` → ``한국 gold medals how many``)."""
    if not any(is_native(c) for c in text):
        return text
    folded = variants(_plain(text))
    native, by_first = lexicon.with_languages
    out: list[str] = []
    i = 0
    while i < len(folded):
        for phrase in by_first.get(folded[i], ()):
            if folded.startswith(phrase, i):
                out.append(f" {native[phrase]} ")
                i += len(phrase)
                break
        else:
            out.append(f" {folded[i]} " if is_native(folded[i]) else folded[i])
            i += 1
    return "".join(out)
