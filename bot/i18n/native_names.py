"""Names in the reader's language, taken from the data: a nation's name from its aliases in the
language's writing (the data's native-script names carry no language tag, so the writing tells:
Hangul is Korean, kana Japanese, a Han name that fits GB 2312 is simplified Chinese, one that
fits Big5 traditional), else from CLDR by the nation's flag; a Games name from its longest alias
in that writing. Nothing here names a nation or a Games: the rules are tables of writings."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.i18n.locales import BABEL_LOCALE, Lang

HANGUL = "HANGUL"
KANA = "KANA"
HAN = "HAN"
#: Characters that may appear in a name of any writing (spaces, dots, hyphens, digits).
NEUTRAL_CATEGORIES = ("Z", "P", "N", "S")
#: Regional indicator letters (flag emoji) start here: 🇦 is A.
REGIONAL_A = 0x1F1E6


@dataclass(frozen=True)
class Writing:
    """A way of writing a language: the scripts a name may use, one it must use (if any), and a
    legacy character set it must fit (which tells simplified from traditional Chinese)."""

    scripts: frozenset[str]
    required: str | None = None
    charset: str | None = None
    not_charset: str | None = None

    def fits(self, name: str) -> bool:
        seen = _scripts(name)
        if not seen or not seen <= self.scripts:
            return False
        if self.required is not None and self.required not in seen:
            return False
        if self.charset is not None and not _encodes(name, self.charset):
            return False
        return self.not_charset is None or not _encodes(name, self.not_charset)


def _encodes(name: str, charset: str) -> bool:
    try:
        name.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


HANGUL_WRITING = Writing(frozenset({HANGUL, HAN}), required=HANGUL)
KANA_WRITING = Writing(frozenset({KANA, HAN}), required=KANA)
JAPANESE_KANJI = Writing(frozenset({HAN}), charset="shift_jis")
SIMPLIFIED = Writing(frozenset({HAN}), charset="gb2312")
TRADITIONAL = Writing(frozenset({HAN}), charset="big5")
#: Traditional characters that simplified Chinese does not use (a name that fits both character
#: sets may be written either way: ``希腊`` fits Big5 too).
TRADITIONAL_ONLY = Writing(frozenset({HAN}), charset="big5", not_charset="gb2312")


@dataclass(frozen=True)
class NameRule:
    """How one language names nations: writings to look for among the data's aliases before
    CLDR's name for the flag's territory, and writings to accept after it."""

    before_cldr: tuple[Writing, ...]
    after_cldr: tuple[Writing, ...] = ()


#: Japanese names of nations are mostly in katakana: a kanji alias in the data is as likely to be
#: Chinese, so CLDR comes first there. The data's Chinese names are mostly simplified, so
#: traditional Chinese takes only clearly traditional ones before CLDR, then any Chinese name.
NATION_RULES: dict[Lang, NameRule] = {
    Lang.KO: NameRule((HANGUL_WRITING,)),
    Lang.JA: NameRule((KANA_WRITING,), (JAPANESE_KANJI,)),
    Lang.ZH_CN: NameRule((SIMPLIFIED,)),
    Lang.ZH_TW: NameRule((TRADITIONAL_ONLY,), (TRADITIONAL, SIMPLIFIED)),
}
#: Where CLDR's name of a territory says more than its name ("홍콩(중국 특별행정구)").
CLDR_QUALIFIERS = ("(", "（")

#: Writings of a Games name in each language (the longest alias in it is used).
GAMES_WRITINGS: dict[Lang, tuple[Writing, ...]] = {
    Lang.KO: (HANGUL_WRITING,),
    Lang.JA: (KANA_WRITING, JAPANESE_KANJI),
    Lang.ZH_CN: (SIMPLIFIED,),
    Lang.ZH_TW: (TRADITIONAL,),
}


def _scripts(name: str) -> frozenset[str]:
    """The scripts of the letters of ``name`` (HANGUL, KANA, HAN, LATIN, CYRILLIC...)."""
    found = set()
    for char in name:
        if unicodedata.category(char)[0] in NEUTRAL_CATEGORIES:
            continue
        label = unicodedata.name(char, "")
        if label.startswith(("HIRAGANA", "KATAKANA")):
            found.add(KANA)
        elif label.startswith("CJK"):
            found.add(HAN)
        else:
            found.add(label.split(" ")[0] or "UNKNOWN")
    return frozenset(found)


def region_of_flag(flag: str) -> str | None:
    """The ISO territory of a flag emoji (🇰🇷 → ``KR``), or None."""
    letters = [ord(c) - REGIONAL_A for c in flag if REGIONAL_A <= ord(c) < REGIONAL_A + 26]
    if len(letters) != 2:
        return None
    return "".join(chr(ord("A") + n) for n in letters)


def _first(aliases: Sequence[str], writings: tuple[Writing, ...]) -> str | None:
    for writing in writings:
        for alias in aliases:
            if writing.fits(alias):
                return alias
    return None


def _cldr_name(lang: Lang, flag: str) -> str | None:
    """CLDR's name of the flag's territory in ``lang``, without its qualifier."""
    region = region_of_flag(flag)
    if region is None:
        return None
    from babel import Locale  # CLDR only when a name is wanted in another language

    territory = Locale.parse(BABEL_LOCALE[lang]).territories.get(region)
    if not territory:
        return None
    name = str(territory)
    for mark in CLDR_QUALIFIERS:
        name = name.split(mark)[0]
    return name.strip() or None


@lru_cache(maxsize=4096)
def nation_name(lang: Lang, name: str, aliases: tuple[str, ...], flag: str) -> str:
    """A nation's name in ``lang``, from the data where it can tell: CLDR's name of the flag's
    territory when the data has it too (or the data's name within it: ``香港`` in CLDR's long
    ``中華人民共和国香港特別行政区``), else an alias in the language's writing, else CLDR's name,
    else an alias in an accepted second writing, else ``name``."""
    rule = NATION_RULES.get(lang)
    if rule is None:
        return name
    cldr = _cldr_name(lang, flag)
    if cldr is not None:
        fitting = [a for a in aliases if any(w.fits(a) for w in rule.before_cldr + rule.after_cldr)]
        if cldr in fitting:
            return cldr
        within = [alias for alias in fitting if alias in cldr]
        if within:
            return max(within, key=len)
    return _first(aliases, rule.before_cldr) or cldr or _first(aliases, rule.after_cldr) or name


def names_in_languages(name: str, aliases: tuple[str, ...], flag: str) -> tuple[str, ...]:
    """A nation's name in every other language answers are written in (``nation_name``), each
    once and none of them ``name``: what a fan of that language types for it."""
    found = dict.fromkeys(nation_name(lang, name, aliases, flag) for lang in NATION_RULES)
    return tuple(n for n in found if n != name)


@lru_cache(maxsize=256)
def games_name(lang: Lang, name: str, aliases: tuple[str, ...]) -> str:
    """A Games' name in ``lang``: its longest alias in the language's writing, else ``name``."""
    for writing in GAMES_WRITINGS.get(lang, ()):
        fitting = [alias for alias in aliases if writing.fits(alias)]
        if fitting:
            return max(fitting, key=len)
    return name
