"""/results load refuses an attachment over the size limit by the size Discord states, before
downloading it, and a hostile file it does download is refused by row or path with nothing
changed (issue 14), through the local Discord with the real client, service and store."""

from __future__ import annotations

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.ingest.parse import MAX_BYTES
from bot.service import GamesService
from tests.e2e.test_discord_results import World, text_of, upload
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
ROW = ",Short track speed skating,Women's 1500 metres,women,2025-02-08,1,gold,KOR,Kim Gil-li,,\n"


@pytest.fixture
async def world(fake: FakeDiscord, service: GamesService, start_bot: StartBot) -> World:
    w = World(fake)
    w.ui = DiscordFrontEnd(service, w.settings())
    await start_bot(w.ui.install)
    w.admit()
    return w


def downloads(fake: FakeDiscord) -> list[str]:
    return [r.path for r in fake.world.requests if r.path.startswith("/attachments/")]


async def test_an_attachment_over_the_limit_is_refused_before_it_is_downloaded(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    before = service.loads.export("csv")
    content = HEADER + ROW * ((MAX_BYTES - len(HEADER)) // len(ROW) + 1)
    assert len(content.encode()) > MAX_BYTES
    reply = await upload(fake, world.moderator, content, name="big.csv")
    await reply.wait_answered(10)
    assert "too large" in reply.content and f"the limit is {MAX_BYTES:,}" in reply.content
    assert downloads(fake) == []
    assert service.loads.export("csv") == before


async def test_a_hostile_attachment_is_downloaded_and_refused_by_its_row(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    before = service.loads.export("csv")
    hostile = HEADER + ROW.replace("Kim Gil-li", "Kim\x1b[2JGil-li")
    reply = await upload(fake, world.moderator, hostile, name="escape.csv")
    await reply.wait_followup()
    text = text_of(reply.followups[-1]["embeds"][0])
    assert "row 2" in text and "control character (U+001B)" in text
    assert len(downloads(fake)) == 1
    assert service.loads.export("csv") == before
