"""The words of an answer in one language: messages from the catalogue with their placeholders
filled, numbers and dates in the language's formats (Babel, CLDR), ordinals, medal, sport and
event names, and the names of nations, Games and athletes. ``words_for(Lang.EN)`` gives back the
English source strings exactly, so English output is what it always was.

English looks nothing up: its catalogue, event-name parts and native names (``bot.i18n.catalogue``,
``event_names``, ``native_names``) are imported by the first other language's words."""

from __future__ import annotations

import datetime as dt
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from bot.domain.models import Medal
from bot.i18n.locales import BABEL_LOCALE, Lang

if TYPE_CHECKING:
    from bot.i18n.catalogue import Catalogue
    from bot.i18n.event_names import EventParts

SPORT = "sport"
MEDAL = "medal"
PLACE = "place"
#: Numbers below this are written as they are in every language (no grouping to apply).
PLAIN_BELOW = 1000


def english_ordinal(rank: int) -> str:
    """1 → 1st, 2 → 2nd, 11 → 11th."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


class Words:
    """Everything an answer says, in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.english = lang is Lang.EN
        self.babel = BABEL_LOCALE[lang]
        self._event_cache: dict[str, str] = {}
        if not self.english:  # read now, as they always were (English's on first use)
            self.event_parts  # noqa: B018

    @cached_property
    def catalogue(self) -> Catalogue:
        """The language's message catalogue (English's is empty: its messages are the keys)."""
        from bot.i18n.catalogue import catalogue

        return catalogue(self.lang)

    @cached_property
    def event_parts(self) -> EventParts:
        """The parts event names are composed of, from the catalogue."""
        from bot.i18n.event_names import EventParts

        return EventParts.of(self.catalogue)

    # --- messages ---------------------------------------------------------------------------

    def t(self, message: str, context: str | None = None, /, **params: Any) -> str:
        """``message`` in this language, with ``{placeholders}`` filled from ``params``."""
        text = message if self.english else (self.catalogue.get(message, context) or message)
        if not params:
            return text
        if not self.english:
            params = {k: self.num(v) if type(v) is int else v for k, v in params.items()}
        return text.format(**params)

    def n(self, singular: str, plural: str, count: int, /, **params: Any) -> str:
        """A message with a count (``{n}``), in the plural form the language's rule picks."""
        if self.english:
            text = singular if count == 1 else plural
        else:
            text = self.catalogue.get_plural(singular, plural, count) or (
                singular if count == 1 else plural
            )
            params = {k: self.num(v) if type(v) is int else v for k, v in params.items()}
        return text.format(n=count if self.english else self.num(count), **params)

    def said(self, message: str) -> str:
        """A whole English sentence made elsewhere (a service message): its translation when the
        catalogue has exactly that sentence, else the sentence as it is."""
        return message if self.english else (self.catalogue.get(message) or message)

    # --- numbers and dates ------------------------------------------------------------------

    def num(self, value: int) -> str:
        """A whole number in the language's format (``1,042``)."""
        if self.english or -PLAIN_BELOW < value < PLAIN_BELOW:
            return str(value)
        return _decimal(value, self.babel)

    def ordinal(self, rank: int) -> str:
        """A place: ``1st``, ``1위``, ``第1名``, ``1位``."""
        if self.english:
            return english_ordinal(rank)
        return self.t("{n}th", PLACE, n=rank)

    def day(self, date: dt.date) -> str:
        """A day without its year: ``08 Feb`` (English, as before), ``2월 8일``, ``2月8日``."""
        if self.english:
            return _english_day(date)
        return _skeleton("MMMd", date, self.babel)

    def date(self, date: dt.date) -> str:
        """A date for the terminal: ISO in English (as before), ``<year>년 2월 8일`` elsewhere."""
        if self.english:
            return date.isoformat()
        return _skeleton("yMMMd", date, self.babel)

    def long_date(self, date: dt.date) -> str:
        """A date with its weekday: ``Saturday 08 February <year>``, ``<year>년 2월 8일 토요일``."""
        if self.english:
            return _english_long_date(date)
        return _full_date(date, self.babel)

    # --- names ------------------------------------------------------------------------------

    def text(self, value: str) -> str:
        """Stored or user text (a code, a mark, a note, a file name) as this output shows it:
        here as it is; a front-end's own ``Words`` (Discord's) makes it inert. Renderers pass
        every such text through here, and names through the methods below, so that a front-end
        escapes data in one place."""
        return value

    def medal(self, medal: Medal) -> str:
        """A medal's colour as a word: ``gold``, ``금메달``, ``金牌``."""
        return medal.value if self.english else self.t(medal.value, MEDAL)

    def sport(self, sport: str) -> str:
        """A sport's name (the data's English name when the catalogue has no translation)."""
        return sport if self.english else self.t(sport, SPORT)

    def event(self, name: str) -> str:
        """An event's name, composed from its parts; English when a part is unknown."""
        if self.english:
            return name
        cached = self._event_cache.get(name)
        if cached is None:
            from bot.i18n.event_names import compose

            cached = compose(name, self.event_parts) or name
            self._event_cache[name] = cached
        return cached

    def nation(self, name: str, aliases: tuple[str, ...], flag: str) -> str:
        """A nation's name in this language, from the data's native names (else CLDR)."""
        if self.english:
            return name
        from bot.i18n.native_names import nation_name

        return nation_name(self.lang, name, aliases, flag)

    def games(self, name: str, aliases: tuple[str, ...]) -> str:
        """A Games' name in this language, from its aliases."""
        if self.english or not aliases:
            return name
        from bot.i18n.native_names import games_name

        return games_name(self.lang, name, aliases)

    def person(self, name: str, native: str) -> str:
        """An athlete's name: in English ``Kim Gil-li (김길리)``; in other languages the native
        name first, with the romanisation beside it: ``김길리 (Kim Gil-li)``."""
        if not native:
            return name
        return f"{name} ({native})" if self.english else f"{native} ({name})"


@lru_cache(maxsize=1024)
def _english_day(date: dt.date) -> str:
    return date.strftime("%d %b")


@lru_cache(maxsize=1024)
def _english_long_date(date: dt.date) -> str:
    return date.strftime("%A %d %B %Y")


@lru_cache(maxsize=1024)
def _decimal(value: int, locale: str) -> str:
    from babel.numbers import format_decimal  # Babel only for languages other than English

    return str(format_decimal(value, locale=locale))


@lru_cache(maxsize=1024)
def _skeleton(skeleton: str, date: dt.date, locale: str) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton(skeleton, date, locale=locale))


@lru_cache(maxsize=512)
def _full_date(date: dt.date, locale: str) -> str:
    from babel.dates import format_date

    return str(format_date(date, "full", locale=locale))


@cache
def words_for(lang: Lang) -> Words:
    """The words of ``lang`` (made once)."""
    return Words(lang)
