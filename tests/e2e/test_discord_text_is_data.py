"""Stored text is data on Discord, end to end (issue 14): the real client and service over a
SQLite store holding hostile names, marks, notes and sources (written into the store file),
against the local Discord. What the bot sends is read as Discord reads Markdown
(``tests.discord_markdown``): nothing stored becomes a link, formatting, a heading or a mention,
no control character is sent, and plain-text places (autocomplete, select labels, footers)
show the names as stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from bot.settings import Settings
from tests import hostile
from tests.discord_markdown import CONTROL, live, live_line_starts, visible
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[GamesService]:
    async with hostile.hostile_service(tmp_path / "gamesbot.db") as games:
        yield games


@pytest.fixture
async def frontend(service: GamesService, start_bot: StartBot) -> DiscordFrontEnd:
    ui = DiscordFrontEnd(service, Settings(_env_file=None))  # type: ignore[call-arg]
    await start_bot(ui.install)
    return ui


def markdown_parts(embed: dict[str, Any]) -> list[str]:
    parts = [embed.get("title", ""), embed.get("description", "")]
    for field in embed.get("fields", []):
        parts += [field["name"], field["value"]]
    return parts


def assert_sent_inert(message: dict[str, Any]) -> str:
    """Check a message the bot sent; return what a reader sees of its embeds."""
    texts = [str(message.get("content") or "")]
    for embed in message.get("embeds") or []:
        texts += markdown_parts(embed)
        footer = embed.get("footer", {}).get("text", "")
        assert not CONTROL.search(footer) and "\\" not in footer, footer
    for text in texts:
        assert not CONTROL.search(text), repr(text)
        assert not live(text, hostile.FRAGMENTS), text
        assert all(s.strip()[:1].isdigit() for s in live_line_starts(text)), text
    for row in message.get("components") or []:
        for item in row["components"]:
            for label in [item.get("label") or ""] + [o["label"] for o in item.get("options", [])]:
                assert not CONTROL.search(label) and "\\" not in label, label
    return visible("\n".join(texts))


@pytest.mark.parametrize("locale", ["en-US", "ko", "zh-CN", "ja"])
async def test_answers_show_stored_text_as_data(
    fake: FakeDiscord, frontend: DiscordFrontEnd, locale: str
) -> None:
    event = await fake.slash("event", name=hostile.EVENT_ID, locale=locale)
    shown = assert_sent_inert(event.message or {})
    assert hostile.SHOWN["note"] in shown and hostile.SHOWN["venue"] in shown
    if locale == "en-US":  # elsewhere the nation is named from its native names
        assert hostile.SHOWN["nation"] in shown
    athlete = await fake.slash("athlete", name=hostile.ATHLETE_ID, locale=locale)
    shown = assert_sent_inert(athlete.message or {})
    assert hostile.SHOWN["athlete"] in shown and hostile.SHOWN["native"] in shown
    for reply in (
        await fake.slash("medals", nation=hostile.NOC, locale=locale),
        await fake.slash("medals", nation=hostile.NOC, games="all", locale=locale),
        await fake.slash("table", locale=locale),
        await fake.slash("ask", question=f"how many medals did {hostile.NOC} win", locale=locale),
        await fake.slash("about", locale=locale),
    ):
        assert_sent_inert(reply.message or {})


async def test_the_sources_field_links_only_the_bots_own_links(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    event = await fake.slash("event", name=hostile.EVENT_ID)
    [sources] = [f["value"] for f in event.embeds[0]["fields"] if f["name"] == "Sources"]
    assert "(<http://evil.example/a%29b%3Ec%3Cd%20e>)" in sources  # the URL cannot break out
    assert "\\[Official\\](javascript:alert(1))" in sources  # not a web address: text


async def test_a_choice_menu_and_autocomplete_name_athletes_as_stored(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    choices = await fake.autocomplete("athlete", "name", "heading")
    names = [c["name"] for c in choices]
    assert f"{hostile.SHOWN['athlete']} (CHN)" in names
    assert all(not CONTROL.search(n) and "\\" not in n for n in names)
    nations = await fake.autocomplete("medals", "nation", "everyone spoiler")
    assert all(not CONTROL.search(c["name"]) for c in nations) and nations
    menu = await fake.slash("athlete", name="heading")
    assert_sent_inert(menu.message or {})
    [row] = (menu.message or {})["components"]
    select = row["components"][0]
    chosen = await fake.select(menu.message or {}, select["custom_id"], [hostile.ATHLETE_ID])
    shown = assert_sent_inert(chosen.message or {})
    assert hostile.SHOWN["athlete"] in shown


async def test_an_error_message_shows_what_was_typed_as_data(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    reply = await fake.slash("medals", nation="KOR", games="**x** @everyone [a](http://e.x)")
    text = reply.content or str((reply.followups or [{}])[-1].get("content"))
    assert "**x**" in visible(text) and not live(text, ["**x**", "@everyone", "[a]("])
