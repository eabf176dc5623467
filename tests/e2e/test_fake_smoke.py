"""Smoke: a real discord.py bot logs in, syncs, gets READY and answers /echo through the fake."""

from __future__ import annotations

from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot


async def test_echo(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await fake.slash("echo", text="hello")
    assert reply.content == "echo: hello"
