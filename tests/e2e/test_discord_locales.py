"""Fans in Korean, Chinese and Japanese, end to end through the local Discord: with the
interaction's ``locale`` set, /medals, /athlete, /event, /table and an ambiguity menu answer in
that language, with the data's native names (athletes' native names first, the romanisation
beside), and the user's own language wins over the server's."""

from __future__ import annotations

from typing import Any

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from bot.settings import Settings
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot

#: What each language says, as the catalogues and the data say it.
EXPECTED: dict[str, dict[str, str]] = {
    "ko": {
        "korea": "대한민국",
        "china": "중국",
        "rank": "위",
        "event": "여자 1500m · 쇼트트랙",
        "table": "메달 순위",
        "choose": "하나를 고르세요…",
        "men500": "남자 500m",
        "sport": "쇼트트랙",
        "which": "어느 경기인가요?",
    },
    "zh-CN": {
        "korea": "韩国",
        "china": "中国",
        "rank": "排第",
        "event": "女子1500米 · 短道速滑",
        "table": "奖牌榜",
        "choose": "选择一个…",
        "men500": "男子500米",
        "sport": "短道速滑",
        "which": "你指的是哪个小项？",
    },
    "ja": {
        "korea": "韓国",
        "china": "中国",
        "rank": "位",
        "event": "女子1500m · ショートトラック",
        "table": "メダル表",
        "choose": "一つ選んでください…",
        "men500": "男子500m",
        "sport": "ショートトラック",
        "which": "どの種目ですか？",
    },
}
HARBIN = "harbin-2025"


@pytest.fixture
async def frontend(service: GamesService, start_bot: StartBot) -> DiscordFrontEnd:
    ui = DiscordFrontEnd(service, Settings(_env_file=None))  # type: ignore[call-arg]
    await start_bot(ui.install)
    return ui


def text_of(embed: dict[str, Any]) -> str:
    parts = [embed.get("title", ""), embed.get("description", "")]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


@pytest.mark.parametrize("locale", sorted(EXPECTED))
async def test_fans_get_answers_in_their_language(
    fake: FakeDiscord, frontend: DiscordFrontEnd, locale: str
) -> None:
    said = EXPECTED[locale]
    medals = await fake.slash("medals", nation="KOR", games=HARBIN, locale=locale)
    embed = medals.embeds[0]
    assert embed["title"] == f"🇰🇷 {said['korea']} (KOR)"
    assert said["rank"] in embed["description"] and said["sport"] in text_of(embed)
    assert "Short track" not in text_of(embed) and "Rank" not in text_of(embed)

    athlete = await fake.slash("athlete", name="kim gil-li", games=HARBIN, locale=locale)
    assert athlete.embeds[0]["title"] == "김길리 (Kim Gil-li)"
    assert said["korea"] in athlete.embeds[0]["description"]

    event = await fake.slash(
        "event", name="women's 1500m", sport="short track", games=HARBIN, locale=locale
    )
    text = text_of(event.embeds[0])
    assert event.embeds[0]["title"] == said["event"]
    assert f"**{said['korea']}** — 김길리 (Kim Gil-li)" in text
    assert "(Gong Li)" in text and "公俐 (Gong Li)" in text

    table = await fake.slash("table", games=HARBIN, locale=locale)
    text = text_of(table.embeds[0])
    assert table.embeds[0]["title"] == said["table"]
    assert f"**{said['china']}** (CHN)" in text and "Medal table" not in text


@pytest.mark.parametrize("locale", sorted(EXPECTED))
async def test_an_ambiguity_menu_speaks_the_users_language(
    fake: FakeDiscord, frontend: DiscordFrontEnd, locale: str
) -> None:
    said = EXPECTED[locale]
    reply = await fake.slash("event", name="men's 500", games=HARBIN, locale=locale)
    assert reply.message is not None and reply.embeds[0]["title"] == said["which"]
    menu = reply.message["components"][0]["components"][0]
    assert menu["placeholder"] == said["choose"]
    labels = {o["value"]: o["label"] for o in menu["options"]}
    chosen_id = "short-track-speed-skating/mens-500-metres"
    assert labels[chosen_id] == f"{said['men500']} ({said['sport']})"
    chosen = await fake.select(reply.message, menu["custom_id"], [chosen_id], locale=locale)
    assert chosen.embeds[0]["title"] == f"{said['men500']} · {said['sport']}"
    assert "(Lin Xiaojun)" in text_of(chosen.embeds[0])


async def test_the_users_own_language_wins_over_the_servers(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    fake.default_guild.locale = "ko"
    english = await fake.slash("medals", nation="KOR", games=HARBIN, locale="en-US")
    assert english.embeds[0]["title"] == "🇰🇷 South Korea (KOR)"
    assert english.embeds[0]["description"].startswith("Rank **2** of 9")
    # A language gamesbot has no catalogue for falls back to the server's.
    french = await fake.slash("medals", nation="KOR", games=HARBIN, locale="fr")
    assert french.embeds[0]["title"] == "🇰🇷 대한민국 (KOR)"


async def test_page_buttons_and_errors_follow_the_language(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    medals = await fake.slash("medals", nation="KOR", games=HARBIN, locale="zh-TW")
    assert medals.embeds[0]["title"] == "🇰🇷 南韓 (KOR)"  # CLDR: the data has no traditional name
    assert medals.embeds[0]["footer"]["text"].startswith("第1/")
    buttons = medals.message["components"][0]["components"] if medals.message else []
    assert [b.get("label") for b in buttons][::2] == ["◀ 上一頁", "下一頁 ▶"]
    unknown = await fake.slash("medals", nation="KOR", games="nowhere", locale="ja")
    assert unknown.ephemeral and "という大会は読み込まれていません" in unknown.content


@pytest.mark.parametrize(
    ("locale", "question", "expected"),
    [
        ("ko", "한국 금메달 몇 개", "대한민국 (KOR) (하얼빈 동계아시안게임): 금메달 16개."),
        ("zh-CN", "韩国获得多少金牌", "韩国 (KOR)（第九届亚洲冬季运动会）：16枚金牌。"),
        ("ja", "韓国の金メダルは何個", "韓国 (KOR)（ハルビン冬季アジア大会）：金メダル16個。"),
    ],
)
async def test_ask_answers_in_the_users_language(
    fake: FakeDiscord, frontend: DiscordFrontEnd, locale: str, question: str, expected: str
) -> None:
    reply = await fake.slash("ask", question=question, games=HARBIN, locale=locale)
    embed = reply.embeds[0]
    assert embed["description"].splitlines()[0] == expected
    assert "김길리 (Kim Gil-li)" in embed["description"]
    assert embed["fields"][0]["name"] != "Understood"


async def test_autocomplete_names_choices_in_the_users_language(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    korean = await fake.autocomplete("medals", "nation", "korea", games=HARBIN, locale="ko")
    english = await fake.autocomplete("medals", "nation", "korea", games=HARBIN)
    assert {"name": "🇰🇷 대한민국 (KOR)", "value": "KOR"} in korean
    assert {"name": "🇰🇷 South Korea (KOR)", "value": "KOR"} in english
    assert [c["value"] for c in korean] == [c["value"] for c in english]
    events = await fake.autocomplete("event", "name", "women's 1500", games=HARBIN, locale="ja")
    assert any(c["name"].startswith("女子1500m (") for c in events)


@pytest.mark.parametrize(
    ("locale", "typed", "partly", "shown"),
    [
        ("ko", "미국", "노르", "🇺🇸 미국 (USA)"),
        ("ja", "ノルウェー", "ノル", "🇳🇴 ノルウェー (NOR)"),
        ("zh-CN", "美国", "挪", "🇺🇸 美国 (USA)"),
    ],
)
async def test_fans_type_nations_as_their_language_names_them(
    fake: FakeDiscord,
    frontend: DiscordFrontEnd,
    locale: str,
    typed: str,
    partly: str,
    shown: str,
) -> None:
    """A nation by the name the bot itself shows it in the fan's language (CLDR's, not among the
    data's aliases): /medals answers it, and autocomplete offers Norway from its first
    characters."""
    olympics = "milano-cortina-2026"
    medals = await fake.slash("medals", nation=typed, games=olympics, locale=locale)
    assert medals.embeds[0]["title"] == shown
    offered = await fake.autocomplete("medals", "nation", partly, games=olympics, locale=locale)
    assert "NOR" in [c["value"] for c in offered]
