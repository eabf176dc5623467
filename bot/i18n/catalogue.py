"""The message catalogues: one gettext ``.po`` file per language in ``bot/i18n/catalogues/``, with
the English source strings as keys (``msgid``) and a context (``msgctxt``) where one English word
has several jobs (a sport, an event-name part, a command option). Read with Babel the first time a
language is used and kept in memory; ``messages.pot`` is the template every catalogue follows."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.i18n.locales import Lang

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

CATALOGUES = Path(__file__).resolve().parent / "catalogues"
TEMPLATE = CATALOGUES / "messages.pot"

Key = tuple[str | None, str]


@dataclass(frozen=True)
class Catalogue:
    """The translations of one language: ``(context, English) → translation``; plural messages
    keep every form, chosen by the language's plural rule."""

    lang: Lang
    singular: dict[Key, str]
    plural: dict[Key, tuple[str, ...]]
    plural_index: Callable[[int], int]

    def get(self, message: str, context: str | None = None) -> str | None:
        """The translation of ``message`` (None when the catalogue has none)."""
        return self.singular.get((context, message))

    def get_plural(
        self, singular: str, plural: str, count: int, context: str | None = None
    ) -> str | None:
        """The translation of a plural message for ``count`` (None when the catalogue has none)."""
        forms = self.plural.get((context, singular))
        if not forms:
            return None
        index = self.plural_index(count)
        return forms[index] if 0 <= index < len(forms) else forms[-1]

    def contexts(self, context: str) -> dict[str, str]:
        """Every message of one context: English → translation."""
        return {msgid: text for (ctx, msgid), text in self.singular.items() if ctx == context}


def po_path(lang: Lang) -> Path:
    """Where the catalogue of ``lang`` lives."""
    return CATALOGUES / f"{lang.value}.po"


def read_catalog(path: Path) -> Catalog:
    """A ``.po`` or ``.pot`` file as Babel reads it (Babel is imported only for this)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle)


@cache
def catalogue(lang: Lang) -> Catalogue:
    """The catalogue of ``lang``, read once. English has none: its messages are the keys."""
    if lang is Lang.EN:
        return Catalogue(lang, {}, {}, lambda n: 0 if n == 1 else 1)
    catalog = read_catalog(po_path(lang))
    singular: dict[Key, str] = {}
    plural: dict[Key, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if message.pluralizable:
            ids, forms = message.id, message.string
            strings = tuple(s for s in forms if s) if isinstance(forms, tuple | list) else ()
            if strings and isinstance(ids, tuple | list):
                plural[(message.context, ids[0])] = strings
        elif isinstance(message.id, str) and isinstance(message.string, str) and message.string:
            singular[(message.context, message.id)] = message.string
    rule = gettext.c2py(catalog.plural_expr)
    return Catalogue(lang, singular, plural, rule)
