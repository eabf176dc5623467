"""Pytest fixtures for tests against the local fake Discord.

Owns: ``fake`` (a started :class:`FakeDiscord`, failing the test at teardown if it recorded
violations nobody took), ``discord_endpoints`` (points discord.py at the fake via the production
``point_discord_at`` and restores it), ``sync_commands_to_fake`` (the production sync step),
``start_bot`` (runs a bot in-process until ready) and ``spawn_bot`` (runs it as a subprocess).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import discord.gateway
import discord.http
import pytest
from pydantic import SecretStr

from bot.discord_ui.client import Install, build_client, sync_commands
from bot.discord_ui.endpoints import point_discord_at
from bot.settings import Settings
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.state import Guild

REPO_ROOT = Path(__file__).resolve().parents[2]
BOT_PROCESS_ARGV: tuple[str, ...] = (sys.executable, "-m", "tests.fakediscord.botprocess")
READY_TIMEOUT = 10.0


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py sleeps 5 s before non-initial IDENTIFYs; the fake has no such limit."""


def fake_settings(fake: FakeDiscord, tmp_path: Path, **overrides: Any) -> Settings:
    """Settings pointing at the fake (ignores any .env file and DISCORD_* environment)."""
    values: dict[str, Any] = {
        "discord_token": SecretStr(fake.token),
        "discord_api_base": fake.api_base,
        "discord_gateway_url": fake.gateway_url,
        "gamesbot_db_path": tmp_path / "gamesbot.db",
        **overrides,
    }
    return Settings(_env_file=None, **values)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord on 127.0.0.1 (ephemeral port)."""
    server = FakeDiscord()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
    if server.violations:
        lines = "\n".join(f"  {v}" for v in server.violations)
        pytest.fail(f"the bot broke Discord's rules (use fake.take_violations()):\n{lines}")


@pytest.fixture
def discord_endpoints(fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> FakeDiscord:
    """Points discord.py at ``fake`` with the production ``point_discord_at``; restored after."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket,
        "DEFAULT_GATEWAY",
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY,
    )
    point_discord_at(fake.api_base, fake.gateway_url)
    return fake


SyncCommands = Callable[..., Awaitable[list[str]]]


@pytest.fixture
def sync_commands_to_fake(discord_endpoints: FakeDiscord, tmp_path: Path) -> SyncCommands:
    """``await sync_commands_to_fake(install, guild=None)``: the ``gamesbot sync`` step."""

    async def sync(install: Install, guild: Guild | None = None) -> list[str]:
        settings = fake_settings(discord_endpoints, tmp_path)
        return await sync_commands(settings, install, guild.id if guild else None)

    return sync


@dataclass
class RunningBot:
    """A bot running in this process (``client`` is the real discord.py client)."""

    client: discord.Client
    task: asyncio.Task[None]
    settings: Settings


StartBot = Callable[..., Awaitable[RunningBot]]


@pytest.fixture
async def start_bot(
    discord_endpoints: FakeDiscord, sync_commands_to_fake: SyncCommands, tmp_path: Path
) -> AsyncIterator[StartBot]:
    """``await start_bot(install, *, sync=True, guild=None, **settings)`` -> RunningBot.

    Syncs the installed commands (globally, or to ``guild``) unless ``sync=False``, starts the
    client as a task and waits until it is ready; closes every started bot on teardown.
    """
    running: list[RunningBot] = []

    async def start(
        install: Install | None = None,
        *,
        sync: bool = True,
        guild: Guild | None = None,
        client_options: dict[str, Any] | None = None,
        **settings_overrides: Any,
    ) -> RunningBot:
        if install is None:
            from tests.fakediscord.throwaway import install_throwaway_commands

            install = install_throwaway_commands
        if sync:
            await sync_commands_to_fake(install, guild)
        settings = fake_settings(discord_endpoints, tmp_path, **settings_overrides)
        options = {
            "guild_ready_timeout": 0.05,
            "before_identify_hook": _no_identify_delay,
            "chunk_guilds_at_startup": False,
            **(client_options or {}),
        }
        client = build_client(settings, install, **options)
        assert settings.discord_token is not None
        task = asyncio.create_task(client.start(settings.discord_token.get_secret_value()))
        bot = RunningBot(client, task, settings)
        running.append(bot)
        ready = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait(
            {task, ready}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if ready not in done:
            ready.cancel()
            if task in done:
                task.result()
            raise TimeoutError(f"bot not ready within {READY_TIMEOUT} s")
        return bot

    try:
        yield start
    finally:
        for bot in running:
            await bot.client.close()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(bot.task, 5)


@dataclass
class BotProcess:
    """A bot running as an OS process; ``log`` holds its stdout+stderr."""

    process: asyncio.subprocess.Process
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


SpawnBot = Callable[..., Awaitable[BotProcess]]


@pytest.fixture
async def spawn_bot(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[SpawnBot]:
    """``await spawn_bot(shard_count=None, shard_ids=None, argv=BOT_PROCESS_ARGV, env={})``.

    Starts the bot as a subprocess with DISCORD_TOKEN / DISCORD_API_BASE / DISCORD_GATEWAY_URL /
    GAMESBOT_DB_PATH (in tmp_path) and SHARD_COUNT / SHARD_IDS; terminates it on teardown.
    It does not wait for READY: use ``await fake.wait_ready(n)``.
    """
    processes: list[BotProcess] = []

    async def spawn(
        *,
        shard_count: int | None = None,
        shard_ids: Sequence[int] | None = None,
        argv: Sequence[str] = BOT_PROCESS_ARGV,
        env: dict[str, str] | None = None,
    ) -> BotProcess:
        index = len(processes)
        environment = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DISCORD_", "SHARD_", "GAMESBOT_"))
        }
        environment.update(
            {
                "PYTHONPATH": str(REPO_ROOT),
                "DISCORD_TOKEN": fake.token,
                "DISCORD_API_BASE": fake.api_base,
                "DISCORD_GATEWAY_URL": fake.gateway_url,
                "GAMESBOT_DB_PATH": str(tmp_path / f"bot{index}.db"),
                "LOG_LEVEL": "INFO",
            }
        )
        if shard_count is not None:
            environment["SHARD_COUNT"] = str(shard_count)
        if shard_ids is not None:
            environment["SHARD_IDS"] = ",".join(str(i) for i in shard_ids)
        environment.update(env or {})
        log = tmp_path / f"bot{index}.log"
        workdir = tmp_path / f"bot{index}"
        workdir.mkdir()
        with log.open("wb") as sink:
            process = await asyncio.create_subprocess_exec(
                *argv, env=environment, cwd=workdir, stdout=sink, stderr=sink
            )
        bot = BotProcess(process, log)
        processes.append(bot)
        return bot

    try:
        yield spawn
    finally:
        for bot in processes:
            if bot.process.returncode is None:
                bot.process.terminate()
                try:
                    await asyncio.wait_for(bot.process.wait(), 10)
                except TimeoutError:
                    bot.process.kill()
                    await bot.process.wait()
