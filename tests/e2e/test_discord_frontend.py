"""The fans' Discord front-end end to end: the real discord.py client, the real service over a
real SQLite store, and the local Discord enforcing Discord's rules."""

from __future__ import annotations

from typing import Any

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import RunningBot, StartBot

COMMANDS = {
    "medals",
    "athlete",
    "event",
    "table",
    "ask",
    "settings",
    "about",
    "results",
    "follow",
    "unfollow",
    "following",
}


@pytest.fixture
async def frontend(service: GamesService, start_bot: StartBot) -> DiscordFrontEnd:
    ui = DiscordFrontEnd(service, service_settings())
    await start_bot(ui.install)
    return ui


def service_settings() -> Any:
    from bot.settings import Settings

    return Settings(_env_file=None)  # type: ignore[call-arg]


def text_of(embed: dict[str, Any]) -> str:
    parts = [embed.get("title", ""), embed.get("description", "")]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [
        c["custom_id"]
        for row in message.get("components", [])
        for c in row["components"]
        if "custom_id" in c
    ]


async def test_sync_registers_exactly_the_commands(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    registered = {c["name"]: c for c in fake.commands[None]}
    assert set(registered) == COMMANDS
    medals = {o["name"]: o for o in registered["medals"]["options"]}
    assert (
        medals["nation"]["required"]
        and medals["nation"]["autocomplete"]
        and medals["nation"]["max_length"] == 100
    )
    assert not medals["sport"].get("required") and medals["sport"]["autocomplete"]
    table = {o["name"]: o for o in registered["table"]["options"]}
    assert [c["value"] for c in table["sort"]["choices"]] == ["gold", "total"]
    assert table["all"]["type"] == 5
    assert {o["name"] for o in registered["event"]["options"]} == {"name", "sport", "games"}
    for name in ("medals", "athlete", "event", "table", "ask"):
        games = next(o for o in registered[name]["options"] if o["name"] == "games")
        assert not games.get("required") and games["autocomplete"] and games["max_length"] == 40
    assert registered["ask"]["options"][0]["max_length"] == 300
    for command in registered.values():
        assert 1 <= len(command["description"]) <= 100
    results = registered["results"]
    assert int(results["default_member_permissions"]) == 1 << 5  # Manage Server, as the bot checks
    assert {o["name"] for o in results["options"]} == {"load", "history", "undo"}
    load = next(o for o in results["options"] if o["name"] == "load")
    assert [(o["name"], o["type"]) for o in load["options"]] == [("file", 11), ("dry_run", 5)]


async def test_medals_korea(fake: FakeDiscord, frontend: DiscordFrontEnd) -> None:
    reply = await fake.slash("medals", nation="korea")
    embed = reply.embeds[0]
    text = text_of(embed)
    assert "South Korea (KOR)" in embed["title"]
    assert "🥇 16 · 🥈 15 · 🥉 14 · **45**" in text
    assert "Short track speed skating: 🥇6 🥈4 🥉3 (13)" in text
    assert embed["footer"]["text"].endswith("2025 Asian Winter Games · bundled data") or (
        "bundled data as of" in embed["footer"]["text"]
    )
    assert reply.message is not None and reply.message.get("allowed_mentions", {}) in (
        {},
        {"parse": []},
    )

    native = await fake.slash("medals", nation="韩国", sport="short track")
    assert "🥇 6 · 🥈 4 · 🥉 3 · **13**" in text_of(native.embeds[0])


async def test_athlete_yang_jingru(fake: FakeDiscord, frontend: DiscordFrontEnd) -> None:
    reply = await fake.slash("athlete", name="yang jingru", games="harbin-2025")
    text = text_of(reply.embeds[0])
    assert "China (CHN)" in text
    line = next(line for line in text.splitlines() if "Women's 1500 metres" in line)
    assert "7th, no medal" in line
    assert "Fell without contact" in text


async def test_autocomplete(fake: FakeDiscord, frontend: DiscordFrontEnd) -> None:
    choices = await fake.autocomplete("athlete", "name", "choi min")
    assert (
        choices[0]["name"].startswith("Choi Min-jeong")
        and choices[0]["value"] == "kor-choi-min-jeong"
    )
    assert any(
        c["value"] == "kor-kim-gil-li"
        for c in await fake.autocomplete("athlete", "name", "gilli kim")
    )
    for option, text in [("nation", ""), ("nation", "k"), ("sport", ""), ("nation", "x" * 100)]:
        for choice in await fake.autocomplete("medals", option, text):
            assert 1 <= len(choice["name"]) <= 100 and 1 <= len(choice["value"]) <= 100
    assert len(await fake.autocomplete("athlete", "name", "")) == 25
    assert (await fake.autocomplete("medals", "nation", ""))[0]["value"] == "CHN"


async def test_ambiguous_event_offers_a_choice(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    reply = await fake.slash("event", name="men's 500")
    assert reply.message is not None
    select_id = next(i for i in custom_ids(reply.message) if i.startswith("gb:c:"))
    options = reply.message["components"][0]["components"][0]["options"]
    values = [o["value"] for o in options]
    assert (
        "short-track-speed-skating/mens-500-metres" in values
        and "speed-skating/mens-500-metres" in values
    )
    chosen = await fake.select(
        reply.message, select_id, ["short-track-speed-skating/mens-500-metres"]
    )
    text = text_of(chosen.embeds[0])
    assert "Men's 500 metres · Short track speed skating" in text
    assert "🥇 1. 🇨🇳 **China** — Lin Xiaojun" in text


async def test_namesakes_are_a_menu_labelled_by_sport(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    reply = await fake.slash("athlete", name="kim min-ji", games="harbin-2025")
    assert reply.message is not None
    select_id = next(i for i in custom_ids(reply.message) if i.startswith("gb:c:"))
    options = reply.message["components"][0]["components"][0]["options"]
    assert [(o["label"], o["value"]) for o in options[:2]] == [
        ("Kim Min-ji (KOR, Curling)", "kor-kim-min-ji-curling"),
        ("Kim Min-ji (KOR, Speed skating)", "kor-kim-min-ji-speed-skating"),
    ]
    chosen = await fake.select(reply.message, select_id, ["kor-kim-min-ji-curling"])
    text = text_of(chosen.embeds[0])
    assert "Women's tournament" in text and "Speed skating" not in text


async def test_no_match_suggests(fake: FakeDiscord, frontend: DiscordFrontEnd) -> None:
    reply = await fake.slash("medals", nation="norway")
    assert "No nation found" in reply.embeds[0]["title"]


async def test_table_pages_and_survives_a_restart(
    fake: FakeDiscord, service: GamesService, start_bot: StartBot
) -> None:
    first = DiscordFrontEnd(service, service_settings())
    bot: RunningBot = await start_bot(first.install)
    reply = await fake.slash("table", all=True)
    assert reply.message is not None
    assert "page 1/" in reply.embeds[0]["footer"]["text"]
    next_id = next(i for i in custom_ids(reply.message) if i.startswith("gb:p:1:"))
    page2 = await fake.click(reply.message, next_id)
    assert "page 2/" in page2.embeds[0]["footer"]["text"]
    assert page2.message is not None
    back_id = next(i for i in custom_ids(page2.message) if i.startswith("gb:p:0:"))
    page1 = await fake.click(page2.message, back_id)
    assert "China" in text_of(page1.embeds[0])

    await bot.client.close()
    second = DiscordFrontEnd(service, service_settings())
    await start_bot(second.install, sync=False)
    assert page1.message is not None
    again = await fake.click(page1.message, next_id)
    assert "page 2/" in again.embeds[0]["footer"]["text"]


@pytest.mark.parametrize(
    "nation", ["@everyone", "<@123456789012345678>", "**bold** `code`", "x" * 100]
)
async def test_hostile_input_is_answered_safely(
    fake: FakeDiscord, frontend: DiscordFrontEnd, nation: str
) -> None:
    reply = await fake.slash("medals", nation=nation)
    assert reply.embeds and "No nation found" in reply.embeds[0]["title"]
    description = reply.embeds[0]["description"]
    assert "@everyone" not in description.replace("@\u200beveryone", "")
    assert "<@123" not in description
    assert "**bold**" not in description
    assert reply.message is not None


async def test_about(fake: FakeDiscord, frontend: DiscordFrontEnd) -> None:
    reply = await fake.slash("about")
    text = text_of(reply.embeds[0])
    assert (
        "9th Asian Winter Games" in text and "64 events in 11 sports" in text and "34 NOCs" in text
    )


async def test_a_2000_character_input_never_reaches_the_bot_and_would_be_safe(
    fake: FakeDiscord, frontend: DiscordFrontEnd, service: GamesService
) -> None:
    """Discord refuses option text over the registered max_length (100) before the bot sees it;
    should such text arrive anyway, the answer stays within every limit and pings nobody."""
    with pytest.raises(ValueError, match=r"1\.\.100 characters"):
        await fake.slash("medals", nation="@everyone " * 200)
    from bot.discord_ui.render import render_embeds

    for embed in render_embeds(service.queries.medals("@everyone " * 200)):
        assert len(embed) <= 6000 and len(embed.description or "") <= 4096
        assert "@everyone" not in (embed.description or "").replace("@\u200beveryone", "")


async def test_ask_answers_from_the_data(fake: FakeDiscord, frontend: DiscordFrontEnd) -> None:
    reply = await fake.slash("ask", question="how many golds did south korea win in short track")
    (embed,) = reply.embeds
    assert embed["description"].startswith("South Korea (KOR) won 6 gold medals")
    assert embed["fields"][0] == {
        "name": "Understood",
        "value": "count: gold medals · nation: South Korea · sport: Short track speed skating · "
        "Games: 2025 Asian Winter Games",
        "inline": False,
    }
    other = await fake.slash("ask", question="who won the men's downhill at the 2022 olympics?")
    assert "“2022 olympics” is not a Games I have" in text_of(other.embeds[0])


async def test_ask_records_sweeps_and_the_host_through_discord(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    """The answers made from the results' notes, the podium sweeps and the host, as a fan gets
    them: within Discord's limits (the local Discord checks every reply), the notes quoted."""
    records = await fake.slash("ask", question="which records were set at harbin")
    text = text_of(records.embeds[0])
    assert "4 results at the 2025 Asian Winter Games with a note mentioning a record:" in text
    assert "reported as new Asian record" in text and "not an official list of records" in text
    sweeps = await fake.slash("ask", question="did korea sweep the podium at harbin", locale="ko")
    assert "포디움 석권 1회" in text_of(sweeps.embeds[0])
    host = await fake.slash("ask", question="which city hosted the games", games="harbin")
    assert "were held in Harbin, China" in text_of(host.embeds[0])


async def test_unexpected_errors_get_an_apology_and_are_logged_with_the_interaction_id(
    fake: FakeDiscord,
    frontend: DiscordFrontEnd,
    service: GamesService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(service.queries, "medals", broken)
    reply = await fake.slash("medals", nation="korea")
    assert reply.ephemeral
    assert (
        "Sorry, something went wrong" in reply.content
        and str(reply.interaction_id) in reply.content
    )
    assert "disk on fire" not in reply.content
    logged = [
        r
        for r in caplog.records
        if getattr(r, "interaction_id", None) == reply.interaction_id and r.exc_info
    ]
    assert logged and "disk on fire" in str(logged[0].exc_info[1])  # type: ignore[index]


async def test_known_errors_become_short_messages(
    fake: FakeDiscord,
    frontend: DiscordFrontEnd,
    service: GamesService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.domain.errors import UnknownGamesError

    def missing(*args: Any, **kwargs: Any) -> Any:
        raise UnknownGamesError("paris-2024", ["harbin-2025"])

    monkeypatch.setattr(service.queries, "athlete", missing)
    reply = await fake.slash("athlete", name="kim")
    assert (
        reply.ephemeral
        and reply.content == "No Games called 'paris-2024' is loaded; loaded Games: harbin-2025."
    )


async def test_the_games_option(fake: FakeDiscord, frontend: DiscordFrontEnd) -> None:
    choices = await fake.autocomplete("medals", "games", "har")
    assert choices == [{"name": "2025 Asian Winter Games (harbin-2025)", "value": "harbin-2025"}]
    named = await fake.slash("medals", nation="korea", games="harbin-2025")
    assert "South Korea" in named.embeds[0]["title"]
    other = await fake.slash("table", games="paris-2024")
    assert other.ephemeral and other.content == (
        "No Games called 'paris-2024' is loaded; loaded Games: "
        "2026 Winter Olympics (milano-cortina-2026), 2025 Asian Winter Games (harbin-2025)."
    )


async def test_sync_registers_the_commands_in_every_language(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    registered = {c["name"]: c for c in fake.commands[None]}
    medals = registered["medals"]
    assert medals["name_localizations"]["ko"] == "메달"
    assert medals["name_localizations"]["zh-CN"] == "奖牌"
    assert medals["name_localizations"]["ja"] == "メダル"
    assert "en-US" not in medals["name_localizations"]
    assert medals["description_localizations"]["zh-TW"].startswith("一個國家的獎牌")
    nation = next(o for o in medals["options"] if o["name"] == "nation")
    assert nation["name_localizations"]["ko"] == "국가"
    sort = next(o for o in registered["table"]["options"] if o["name"] == "sort")
    assert sort["choices"][0]["name_localizations"]["ja"] == "金メダル"


async def test_the_render_cache_is_trimmed_after_each_answer(
    fake: FakeDiscord, frontend: DiscordFrontEnd, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.discord_ui import render

    monkeypatch.setattr(render, "RENDER_CACHE_SIZE", 2)
    for nation in ("korea", "china", "japan", "kazakhstan"):
        reply = await fake.slash("medals", nation=nation)
        assert reply.embeds
        assert len(render._RENDERED) <= 2  # what the answer pushed out is freed after it
    last = await fake.slash("medals", nation="kazakhstan")
    assert last.embeds and "Kazakhstan" in last.embeds[0]["title"]
