"""Text from data or users, made inert where Discord renders Markdown: the one boundary where
stored text enters the bot's Discord strings. ``inert`` is for Markdown (embed titles,
descriptions, field names and values, message content); ``plain`` for the places Discord shows
as plain text (footers, select-menu labels, autocomplete choice names, button labels), where a
backslash would show. Both drop control characters (``bot.answers.controls``).

``MarkdownWords`` is the renderer's ``Words``: every name it gives (sport, event, nation, Games,
athlete, localised or not) and every stored text passed through ``text`` comes out inert, while
the bot's own templates keep their formatting (``**bold**``, the masked source links it makes).

Escaped: the backslash itself and ``* _ ~ | ` [ ] < >`` everywhere (emphasis, strike, spoilers,
code, masked links, mentions, timestamps, custom emoji, angle-bracket links); ``#``, ``-``,
``+`` and ``1.`` at the start (headings, ``-#`` subtext, lists); the ``:`` of ``://`` (no bare
link is made); ``@everyone``, ``@here`` and raw user ids get a zero-width space after ``@``.
Discord shows a backslash-escaped ASCII punctuation character as the character alone."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TypeVar

from discord.utils import escape_mentions

from bot.answers.controls import strip_controls
from bot.i18n import Lang, Words, words_for

K = TypeVar("K")

#: Characters that are Markdown wherever they are.
_ANYWHERE = re.compile(r"[\\*_~|`\[\]<>]")
#: What makes a line a heading, subtext, quote or list item when it starts it.
_LINE_START = re.compile(r"^(\s*)([#+-])")
#: What makes a line an ordered list item: its number's dot is escaped.
_ORDERED = re.compile(r"^(\s*\d+)\.")
#: The ``:`` of a link's scheme (``https://``): escaped, no bare link is made.
_SCHEME = re.compile(r"(?<=[A-Za-z0-9]):(?=//)")
#: Anything ``escape_markdown`` would change: a character above, ``@`` (mentions), ``://``, or a
#: line start above. Where it finds nothing, the line is already inert.
_RISKY = re.compile(r"[\\*_~|`\[\]<>@]|://|^\s*(?:[#+-]|\d+\.)")


#: How many distinct texts ``plain`` and ``inert`` remember: answers show the same names, sports
#: and events again and again, and escaping them was most of what rendering cost.
ESCAPED_CACHE_SIZE = 16_384


@lru_cache(maxsize=ESCAPED_CACHE_SIZE)
def plain(text: str) -> str:
    """Text for a plain-text place of Discord: one line, no control characters."""
    return " ".join(strip_controls(text).splitlines()).replace("\t", " ")


@lru_cache(maxsize=ESCAPED_CACHE_SIZE)
def inert(text: str) -> str:
    """Text that shows literally where Discord renders Markdown: one line, no control
    characters, every Markdown character escaped, no mention."""
    line = plain(text)
    # Most names hold nothing to escape: one search tells, instead of five substitutions.
    return escape_markdown(line) if _RISKY.search(line) else line


def escape_markdown(line: str) -> str:
    """``line`` (already plain) with every Markdown character escaped and no mention."""
    escaped = _ANYWHERE.sub(r"\\\g<0>", line)
    escaped = _SCHEME.sub(r"\\:", escaped)
    escaped = _LINE_START.sub(r"\1\\\2", escaped, count=1)
    escaped = _ORDERED.sub(r"\1\\.", escaped, count=1)
    return escape_mentions(escaped)


def code(text: str) -> str:
    """Text inside the bot's own inline code span: backticks (which would end it) replaced by
    a look-alike, no control characters; a code span shows backslashes, so nothing else."""
    return plain(text).replace("`", "ˋ")


def clip(text: str, limit: int) -> str:
    """Cut rendered text to ``limit`` characters with an ellipsis, never leaving a lone
    backslash to escape it."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:
        cut = cut[:-1]
    return cut + "…"


class MarkdownWords(Words):
    """The words of a Discord answer: as ``Words``, with every stored name and text inert.
    ``plain`` is the same language's plain ``Words`` (for footers and labels).

    The names a line is made of (sports, events, people, nations) are remembered per language,
    by the words they are made from (at most ``ESCAPED_CACHE_SIZE`` of each, then forgotten at
    once): an answer's lines ask for them over and over, and one lookup is cheaper than making
    them again and asking ``inert``'s cache."""

    def __init__(self, lang: Lang) -> None:
        super().__init__(lang)
        self.plain = words_for(lang)
        self._sports: dict[str, str] = {}
        self._events: dict[str, str] = {}
        self._people: dict[tuple[str, str], str] = {}
        self._nations: dict[tuple[str, tuple[str, ...], str], str] = {}

    def text(self, value: str) -> str:
        return inert(value)

    def sport(self, sport: str) -> str:
        made = self._sports.get(sport)
        if made is None:
            made = _remember(self._sports, sport, inert(super().sport(sport)))
        return made

    def event(self, name: str) -> str:
        made = self._events.get(name)
        if made is None:
            made = _remember(self._events, name, inert(super().event(name)))
        return made

    def nation(self, name: str, aliases: tuple[str, ...], flag: str) -> str:
        if self.english:  # the data's own name: no need to read (and hash) its many aliases
            return inert(name)
        key = (name, aliases, flag)
        made = self._nations.get(key)
        if made is None:
            made = _remember(self._nations, key, inert(super().nation(name, aliases, flag)))
        return made

    def games(self, name: str, aliases: tuple[str, ...]) -> str:
        return inert(super().games(name, aliases))

    def person(self, name: str, native: str) -> str:
        made = self._people.get((name, native))
        if made is None:
            made = _remember(self._people, (name, native), inert(super().person(name, native)))
        return made

    def said(self, message: str) -> str:
        return inert(super().said(message))


def _remember(memo: dict[K, str], key: K, value: str) -> str:
    """``value``, kept in ``memo`` under ``key`` (``memo`` emptied first when full)."""
    if len(memo) >= ESCAPED_CACHE_SIZE:
        memo.clear()
    memo[key] = value
    return value


@cache
def markdown_words(lang: Lang) -> MarkdownWords:
    """The (shared) Markdown words of ``lang``."""
    return MarkdownWords(lang)
