"""End-to-end: the bot survives a dropped gateway connection (RESUME + replay) and 429s."""

from __future__ import annotations

import asyncio

from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot

CALLBACK = r"^/interactions/\d+/[^/]+/callback$"


async def test_dropped_connection_is_resumed_and_missed_events_replayed(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    fake.gateway.resume_gate.clear()  # hold the RESUME until the interaction is buffered
    assert await fake.drop_connection() == 1
    missed = asyncio.create_task(fake.slash("echo", text="sent while offline"))
    [session] = fake.gateway.sessions
    await fake.world.changes.until(
        lambda: session.buffer[-1]["t"] == "INTERACTION_CREATE", 5, "the buffered interaction"
    )
    assert session.ws is None
    fake.gateway.resume_gate.set()
    reply = await missed
    assert reply.content == "echo: sent while offline"
    assert session.replayed >= 1 and fake.gateway.resumes == 1
    assert [c.kind for c in fake.gateway.connections] == ["identify", "resume"]
    assert fake.gateway.connections[1].path == "/resume"  # READY.resume_gateway_url
    after = await fake.slash("echo", text="after the resume")
    assert after.content == "echo: after the resume"


async def test_connection_closed_with_a_code_is_resumed(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    await fake.drop_connection(code=4000)
    reply = await fake.slash("echo", text="still here")
    assert reply.content == "echo: still here"
    await fake.world.changes.until(lambda: fake.gateway.resumes == 1, 5, "a RESUME")


async def test_rate_limited_callback_is_retried_and_delivered(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    fake.rate_limit("POST", CALLBACK, retry_after=0.2)
    reply = await fake.slash("echo", text="patience")
    assert reply.content == "echo: patience"
    statuses = [r.status for r in fake.requests if r.path.endswith("/callback")]
    assert statuses == [429, 200]


async def test_rate_limited_channel_message_is_retried(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    channel = fake.default_guild.default_channel
    fake.rate_limit("POST", rf"^/channels/{channel.id}/messages$", retry_after=0.1)
    reply = await fake.slash("announce", text="after a 429")
    assert reply.content == "posted"
    message = await fake.wait_channel_message(channel)
    assert message["content"] == "announcement: after a 429"
    statuses = [r.status for r in fake.requests if r.path.startswith("/channels/")]
    assert statuses == [429, 200]
