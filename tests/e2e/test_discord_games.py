"""Several Games on Discord, end to end through the local Discord: commands answer for the
server's Games and name it, a moderator sets the server's own default with /settings (shown by
/about), the Games option takes loose names and `all`, and /athlete shows one person across
Games."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from bot.settings import Settings
from bot.store.sqlite_store import SqliteStore
from tests.e2e.test_discord_frontend import text_of
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot
from tests.integration.test_people import GAMES_ID, PODIUM, second_games

MANAGE_GUILD = 1 << 5


@pytest.fixture
async def two_games(store: SqliteStore, harbin_only_dir: Path) -> GamesService:
    """Harbin (bundled) and a small second Games loaded by a moderator: the most recent."""
    service = GamesService(store, None, harbin_only_dir)
    await service.start()
    content = second_games([{"name": "Kim Gilli", "noc": "KOR", "gender": "women"}], PODIUM)
    await service.loads.load("new.json", content, user_id=1)
    return service


@pytest.fixture
async def frontend(two_games: GamesService, start_bot: StartBot) -> DiscordFrontEnd:
    ui = DiscordFrontEnd(two_games, Settings(_env_file=None))  # type: ignore[call-arg]
    await start_bot(ui.install)
    return ui


async def test_commands_answer_for_the_servers_games_and_name_it(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    newest = await fake.slash("medals", nation="korea")
    assert "Test Winter Games" in newest.embeds[0]["footer"]["text"]
    assert "3" in text_of(newest.embeds[0])

    member = fake.add_member(name="fan")
    refused = await fake.slash("settings", games="harbin", user=member)
    assert refused.ephemeral and "Only moderators" in refused.content

    moderator = fake.add_member(name="mod", permissions=MANAGE_GUILD)
    chosen = await fake.slash("settings", games="asian winter games", user=moderator)
    assert chosen.ephemeral and "2025 Asian Winter Games (harbin-2025)" in text_of(chosen.embeds[0])

    korea = await fake.slash("medals", nation="korea")
    assert "2025 Asian Winter Games" in korea.embeds[0]["footer"]["text"]
    assert "45" in text_of(korea.embeds[0])
    about = await fake.slash("about")
    assert "2025 Asian Winter Games (harbin-2025), this server's setting" in text_of(
        about.embeds[0]
    )
    shown = await fake.slash("settings", user=member)
    assert "this server's setting" in shown.content

    other = await fake.slash("medals", nation="korea", games="TWG")
    assert "Test Winter Games" in other.embeds[0]["footer"]["text"]
    back = await fake.slash("settings", games="default", user=moderator)
    assert "bot's default" in text_of(back.embeds[0])
    again = await fake.slash("medals", nation="korea")
    assert "Test Winter Games" in again.embeds[0]["footer"]["text"]


async def test_games_option_autocompletes_loose_names_and_all(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    assert await fake.autocomplete("medals", "games", "2025") == [
        {"name": "2025 Asian Winter Games (harbin-2025)", "value": "harbin-2025"}
    ]
    assert await fake.autocomplete("medals", "games", "testv") == [
        {"name": f"Test Winter Games ({GAMES_ID})", "value": GAMES_ID}
    ]
    everything = await fake.autocomplete("medals", "games", "")
    assert [c["value"] for c in everything] == [GAMES_ID, "harbin-2025", "all"]
    both = await fake.slash("medals", nation="korea", games="all")
    text = text_of(both.embeds[0])
    assert (
        "every Games" in text and "Test Winter Games" in text and "2025 Asian Winter Games" in text
    )
    table = await fake.slash("table", games="all")
    assert table.ephemeral and "one Games at a time" in table.content


async def test_athlete_shows_one_person_across_games(
    fake: FakeDiscord, frontend: DiscordFrontEnd
) -> None:
    choices = await fake.autocomplete("athlete", "name", "kim gil")
    assert [c["value"] for c in choices].count("kor-kim-gil-li") == 1
    reply = await fake.slash("athlete", name="kor-kim-gil-li")
    text = "\n".join(text_of(e) for e in reply.embeds)
    assert "2 Games" in text and "Test Winter Games" in text
    pages = [
        cid
        for row in reply.message.get("components", [])
        for cid in [c.get("custom_id") for c in row["components"]]
        if cid
    ]
    if pages:  # the next page comes from the custom_id alone (works after a restart)
        turned = await fake.click(reply.message, pages[-1])
        assert turned.embeds[0]["title"].startswith("Kim Gil")
