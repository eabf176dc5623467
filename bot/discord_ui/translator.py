"""Slash commands in the user's language: the discord.py ``Translator`` that gives Discord the
localised names, descriptions, option names and descriptions and choices of every command, from
the message catalogues (the English strings of the commands are the keys; each kind of string
has its catalogue context, since an option called ``name`` and a command called ``name`` need
not translate alike). English and languages without a catalogue keep the English strings."""

from __future__ import annotations

from discord import Locale, app_commands
from discord.app_commands import TranslationContextLocation, TranslationContextTypes, locale_str

from bot.i18n import ENGLISH, lang_of_discord
from bot.i18n.catalogue import catalogue

Where = TranslationContextLocation

#: The catalogue context of each kind of command string.
CONTEXTS: dict[TranslationContextLocation, str] = {
    Where.command_name: "command",
    Where.group_name: "command",
    Where.command_description: "command description",
    Where.group_description: "command description",
    Where.parameter_name: "option",
    Where.parameter_description: "option description",
    Where.choice_name: "choice",
}


class CatalogueTranslator(app_commands.Translator):
    """Translates command strings from the catalogues; None (Discord shows the English) when a
    language or a string has no translation."""

    async def translate(
        self, string: locale_str, locale: Locale, context: TranslationContextTypes
    ) -> str | None:
        return translate(string.message, locale, context.location)


def translate(message: str, locale: object, location: TranslationContextLocation) -> str | None:
    """The translation of one command string for a Discord locale, or None."""
    lang = lang_of_discord(locale)
    where = CONTEXTS.get(location)
    if lang is None or lang is ENGLISH or where is None:
        return None
    return catalogue(lang).get(message, where)
