"""The localisation layer on its own: languages from Discord, LANG and --lang; event names
composed from parts (and left in English when a part is unknown); nation and Games names from
the data's aliases by their writing, CLDR by flag; English words exactly as before."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.models import Medal
from bot.i18n import ENGLISH, Lang, choose_lang, lang_of_discord, lang_of_posix, parse_lang
from bot.i18n import words_for as words
from bot.i18n.native_names import games_name, nation_name, region_of_flag


@pytest.mark.parametrize(
    ("user", "guild", "expected"),
    [
        ("ko", "en-US", Lang.KO),
        ("en-US", "ko", Lang.EN),  # the user's own choice wins
        ("en-GB", "ja", Lang.EN),
        ("fr", "zh-TW", Lang.ZH_TW),  # a language without a catalogue falls back to the server's
        ("fr", "de", Lang.EN),
        (None, None, Lang.EN),
    ],
)
def test_the_language_of_an_interaction(
    user: str | None, guild: str | None, expected: Lang
) -> None:
    assert choose_lang(user, guild) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ko_KR.UTF-8", Lang.KO),
        ("zh_TW.UTF-8", Lang.ZH_TW),
        ("zh_HK", Lang.ZH_TW),
        ("zh_CN.GB2312", Lang.ZH_CN),
        ("ja_JP.eucJP", Lang.JA),
        ("C.UTF-8", Lang.EN),
        ("en_US.UTF-8", Lang.EN),
        ("de_DE.UTF-8", None),
        ("", None),
    ],
)
def test_lang_from_the_environment(value: str, expected: Lang | None) -> None:
    assert lang_of_posix(value) is expected


def test_lang_option_values() -> None:
    assert parse_lang("zh_tw") is Lang.ZH_TW and parse_lang("KO") is Lang.KO
    assert lang_of_discord("zh-CN") is Lang.ZH_CN and lang_of_discord("pt-BR") is None
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        parse_lang("xx")


@pytest.mark.parametrize(
    ("lang", "name", "expected"),
    [
        (Lang.KO, "Women's 1500 metres", "여자 1500m"),
        (Lang.ZH_CN, "Women's 1500 metres", "女子1500米"),
        (Lang.ZH_TW, "Men's 5000 metre relay", "男子5000公尺接力"),
        (Lang.JA, "Mixed 2000 metre relay", "混合2000mリレー"),
        (Lang.KO, "Men's 10,000 metres", "남자 10000m"),
        (Lang.ZH_CN, "Women's 4 × 5 km relay", "女子4×5公里接力"),
        (Lang.KO, "Men's individual Gundersen large hill/10 km", "남자 개인 군더센 라지힐/10km"),
        # A new Games' event made of known parts needs no new entry...
        (Lang.ZH_CN, "Mixed team 3000 metre relay", "混合团体3000米接力"),
        # ...and one with an unknown part stays in English, not half translated.
        (
            Lang.KO,
            "Women's 1500 metres freestyle swimming",
            "Women's 1500 metres freestyle swimming",
        ),
    ],
)
def test_event_names_compose_from_parts(lang: Lang, name: str, expected: str) -> None:
    assert words(lang).event(name) == expected


def test_english_words_are_the_source_strings() -> None:
    en = words(ENGLISH)
    assert en.event("Women's 1500 metres") == "Women's 1500 metres"
    assert en.ordinal(1) == "1st" and en.ordinal(12) == "12th" and en.ordinal(23) == "23rd"
    assert en.day(dt.date(2000, 2, 8)) == "08 Feb"
    assert en.num(1042) == "1042"
    assert en.person("Kim Gil-li", "김길리") == "Kim Gil-li (김길리)"
    assert en.n("{n} medal", "{n} medals", 1) == "1 medal"


def test_other_languages_format_numbers_dates_places_and_names() -> None:
    ko, zh, ja = words(Lang.KO), words(Lang.ZH_CN), words(Lang.JA)
    assert ko.ordinal(3) == "3위" and zh.ordinal(3) == "第3名" and ja.ordinal(3) == "3位"
    assert ko.day(dt.date(2000, 2, 8)) == "2월 8일" and zh.day(dt.date(2000, 2, 8)) == "2月8日"
    assert ko.num(1042) == "1,042"
    assert ko.person("Kim Gil-li", "김길리") == "김길리 (Kim Gil-li)"
    assert ko.person("Jane Doe", "") == "Jane Doe"
    assert ko.medal(Medal.GOLD) == "금메달"
    assert zh.sport("Short track speed skating") == "短道速滑"
    assert zh.sport("Underwater hockey") == "Underwater hockey"


ALIASES = ("Korea", "ROK", "한국", "대한민국", "韩国", "大韩民国", "韓國")


def test_nation_names_come_from_the_aliases_in_the_languages_writing() -> None:
    assert region_of_flag("🇰🇷") == "KR" and region_of_flag("") is None
    assert nation_name(Lang.KO, "South Korea", ALIASES, "🇰🇷") == "대한민국"  # CLDR agrees
    assert nation_name(Lang.ZH_CN, "South Korea", ALIASES, "🇰🇷") == "韩国"
    assert nation_name(Lang.ZH_TW, "South Korea", ALIASES, "🇰🇷") == "韓國"  # Big5-only alias
    assert nation_name(Lang.JA, "South Korea", ALIASES, "🇰🇷") == "韓国"  # CLDR: no kana alias
    # No flag and no alias in the writing: the English name, not a guess.
    assert nation_name(Lang.KO, "Chinese Taipei", ("中華台北", "台灣"), "") == "Chinese Taipei"
    assert nation_name(Lang.JA, "Chinese Taipei", ("中華台北", "台灣"), "") == "中華台北"
    # CLDR's long name of a territory gives way to the data's name inside it.
    assert nation_name(Lang.JA, "Hong Kong", ("中國香港", "香港"), "🇭🇰") == "香港"
    assert nation_name(Lang.KO, "Hong Kong", (), "🇭🇰") == "홍콩"


def test_games_names_come_from_the_longest_alias_in_the_writing() -> None:
    aliases = (
        "City 2099",
        "시티",
        "시티 동계대회",
        "城市",
        "城市冬季运动会",
        "シティ",
        "シティ冬季大会",
    )
    assert games_name(Lang.KO, "2099 Winter Games", aliases) == "시티 동계대회"
    assert games_name(Lang.ZH_CN, "2099 Winter Games", aliases) == "城市冬季运动会"
    assert games_name(Lang.JA, "2099 Winter Games", aliases) == "シティ冬季大会"
    # Only the name written the same in both scripts fits traditional Chinese.
    assert games_name(Lang.ZH_TW, "2099 Winter Games", aliases) == "城市"
