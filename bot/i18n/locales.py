"""The languages gamesbot answers in, and how a locale named by Discord, by ``LANG`` or by
``--lang`` maps to one of them. Tables, not conditions: a new language is a row in each."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    """A language gamesbot answers in (values as Discord and ``--lang`` spell them)."""

    EN = "en"
    KO = "ko"
    ZH_CN = "zh-CN"
    ZH_TW = "zh-TW"
    JA = "ja"


ENGLISH = Lang.EN

#: The Babel (CLDR) locale of each language: dates, numbers, plural rules, territory names.
BABEL_LOCALE: dict[Lang, str] = {
    Lang.EN: "en",
    Lang.KO: "ko",
    Lang.ZH_CN: "zh_Hans_CN",
    Lang.ZH_TW: "zh_Hant_TW",
    Lang.JA: "ja",
}

#: Discord's locale values (``interaction.locale``, ``guild_locale``) that gamesbot answers in.
DISCORD_LOCALES: dict[str, Lang] = {
    "en-US": Lang.EN,
    "en-GB": Lang.EN,
    "ko": Lang.KO,
    "zh-CN": Lang.ZH_CN,
    "zh-TW": Lang.ZH_TW,
    "ja": Lang.JA,
}

#: POSIX locale names (``LANG=ko_KR.UTF-8``): language, or language_territory, to a language.
POSIX_LOCALES: dict[str, Lang] = {
    "c": Lang.EN,
    "posix": Lang.EN,
    "en": Lang.EN,
    "ko": Lang.KO,
    "ja": Lang.JA,
    "zh": Lang.ZH_CN,
    "zh_cn": Lang.ZH_CN,
    "zh_sg": Lang.ZH_CN,
    "zh_hans": Lang.ZH_CN,
    "zh_tw": Lang.ZH_TW,
    "zh_hk": Lang.ZH_TW,
    "zh_mo": Lang.ZH_TW,
    "zh_hant": Lang.ZH_TW,
}


def parse_lang(text: str) -> Lang:
    """A ``--lang`` value (``ko``, ``zh-CN``, ``zh_TW``, ``ja``, ``en``; any case) as a language;
    ``ValueError`` names the accepted ones."""
    wanted = text.strip().replace("_", "-").casefold()
    for lang in Lang:
        if lang.value.casefold() == wanted:
            return lang
    found = lang_of_posix(text)
    if found is not None:
        return found
    accepted = ", ".join(lang.value for lang in Lang)
    raise ValueError(f"unknown language {text!r}; use one of: {accepted}")


def lang_of_discord(locale: object) -> Lang | None:
    """The language of a Discord locale (``discord.Locale`` or its value), if gamesbot has it."""
    value = getattr(locale, "value", locale)
    return DISCORD_LOCALES.get(value) if isinstance(value, str) else None


def choose_lang(user: object, guild: object = None) -> Lang:
    """The language to answer in: the user's own if gamesbot has it (their choice wins), else the
    server's, else English."""
    return lang_of_discord(user) or lang_of_discord(guild) or ENGLISH


def lang_of_posix(value: str | None) -> Lang | None:
    """The language of a POSIX locale name (``ko_KR.UTF-8``, ``zh_TW``, ``C``), if gamesbot has
    it; None for an empty or unknown one."""
    if not value:
        return None
    parts = value.split(".")[0].split("@")[0].replace("-", "_").casefold().split("_")
    for length in range(len(parts), 0, -1):
        found = POSIX_LOCALES.get("_".join(parts[:length]))
        if found is not None:
            return found
    return None
