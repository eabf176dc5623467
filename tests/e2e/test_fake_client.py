"""The production client wiring (bot.discord_ui) against the fake: endpoints, client kinds,
``run_bot`` start-up and clean shutdown on cancellation, guilds joined after READY."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord
import discord.gateway
import discord.http
import pytest
import yarl

from bot.discord_ui.client import build_client, command_tree, run_bot
from bot.discord_ui.endpoints import current_endpoints, point_discord_at
from bot.settings import DISCORD_API_DEFAULT, DISCORD_GATEWAY_DEFAULT
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot, SyncCommands, fake_settings
from tests.fakediscord.throwaway import install_throwaway_commands


def test_point_discord_at_defaults_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    sentinel_gateway = yarl.URL("wss://example.invalid/")
    monkeypatch.setattr(discord.http.Route, "BASE", "https://example.invalid/api/v10")
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", sentinel_gateway)
    point_discord_at(DISCORD_API_DEFAULT, DISCORD_GATEWAY_DEFAULT)
    assert current_endpoints() == ("https://example.invalid/api/v10", str(sentinel_gateway))
    point_discord_at("http://127.0.0.1:1/api/v10/", "ws://127.0.0.1:1/gateway")
    assert current_endpoints() == ("http://127.0.0.1:1/api/v10", "ws://127.0.0.1:1/gateway")


def test_build_client_kinds(fake: FakeDiscord, tmp_path: Path) -> None:
    plain = build_client(fake_settings(fake, tmp_path))
    assert type(plain).__name__ == "GamesBot" and plain.shard_id is None
    one = build_client(fake_settings(fake, tmp_path, shard_count=4, shard_ids=[2]))
    assert not isinstance(one, discord.AutoShardedClient)
    assert (one.shard_id, one.shard_count) == (2, 4)
    several = build_client(fake_settings(fake, tmp_path, shard_count=4, shard_ids=[0, 3]))
    assert isinstance(several, discord.AutoShardedClient) and several.shard_ids == [0, 3]
    counted = build_client(fake_settings(fake, tmp_path, shard_count=2))
    assert isinstance(counted, discord.AutoShardedClient) and counted.shard_count == 2
    assert not plain.intents.members and not plain.intents.message_content
    assert plain.allowed_mentions is not None and not plain.allowed_mentions.everyone
    assert command_tree(plain).get_commands() == []
    installed = build_client(fake_settings(fake, tmp_path), install_throwaway_commands)
    assert "echo" in {c.name for c in command_tree(installed).get_commands()}


async def test_run_bot_answers_and_closes_cleanly_when_cancelled(
    fake: FakeDiscord,
    sync_commands_to_fake: SyncCommands,
    tmp_path: Path,
) -> None:
    await sync_commands_to_fake(install_throwaway_commands)
    settings = fake_settings(fake, tmp_path)
    task = asyncio.create_task(run_bot(settings, install_throwaway_commands))
    [session] = await fake.wait_ready(1)
    assert (await fake.slash("echo", text="prod path")).content == "echo: prod path"
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 5)
    await fake.world.changes.until(lambda: session.ws is None, 5, "the bot to disconnect")
    # Only the explicit sync step registered commands: run_bot never syncs.
    assert [r.method for r in fake.requests if r.path.endswith("/commands")] == ["PUT"]


async def test_run_bot_needs_a_token(fake: FakeDiscord, tmp_path: Path) -> None:
    settings = fake_settings(fake, tmp_path, discord_token=None)
    with pytest.raises(ValueError, match="DISCORD_TOKEN"):
        await run_bot(settings, install_throwaway_commands)


async def test_wrong_token_is_refused(fake: FakeDiscord, start_bot: StartBot) -> None:
    with pytest.raises(discord.LoginFailure):
        await start_bot(sync=False, discord_token="not-the-token")
    [violation] = fake.take_violations()
    assert (violation.path, violation.status) == ("/users/@me", 401)


async def test_guild_joined_after_ready_gets_interactions(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot()
    later = fake.add_guild("Joined later")
    reply = await fake.slash("echo", text="new guild", guild=later)
    assert reply.content == "echo: new guild"
    assert bot.client.get_guild(later.id) is not None
