"""The production path: ``gamesbot sync`` and ``gamesbot run`` as real OS processes against the
local Discord. Graceful shutdown on SIGTERM (in-flight interactions finish), the status file and
``gamesbot health``, one log line per interaction, the token never logged, and shard processes."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_cli_loading import big_file
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import SpawnBot

RUN = (sys.executable, "-m", "bot", "run")
MANAGE_GUILD = 1 << 5


def bot_env(fake: FakeDiscord, tmp_path: Path, **extra: str) -> dict[str, str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "SHARD_", "GAMESBOT_", "LOG_"))
    }
    environment.update(
        {
            "DISCORD_TOKEN": fake.token,
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_GATEWAY_URL": fake.gateway_url,
            "GAMESBOT_DB_PATH": str(tmp_path / "bot0.db"),
            "GAMESBOT_DEFAULT_GAMES": "harbin-2025",
            **extra,
        }
    )
    return environment


async def gamesbot(
    fake: FakeDiscord, tmp_path: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=bot_env(fake, tmp_path),
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return subprocess.CompletedProcess(args, process.returncode or 0, out.decode(), err.decode())


@pytest.mark.slow
async def test_run_answers_then_shuts_down_gracefully(
    fake: FakeDiscord, spawn_bot: SpawnBot, tmp_path: Path
) -> None:
    guild = fake.default_guild
    moderators = fake.add_role(guild, "mods", MANAGE_GUILD)
    moderator = fake.add_member(guild, "mod", roles=[moderators])

    synced = await gamesbot(fake, tmp_path, "sync")
    assert synced.returncode == 0, synced.stderr
    assert "medals" in synced.stdout and "results" in synced.stdout
    assert {c["name"] for c in fake.commands[None]} >= {"medals", "athlete", "results"}

    bot = await spawn_bot(
        argv=RUN,
        env={
            "LOG_LEVEL": "DEBUG",
            "LOG_FORMAT": "json",
            "GAMESBOT_DEFAULT_GAMES": "harbin-2025",
            "HOME_GUILD_IDS": str(guild.id),
            "MODERATOR_ROLE_IDS": str(moderators.id),
        },
    )
    try:
        await fake.wait_ready(1, timeout=30)
    except TimeoutError:
        pytest.fail(bot.output())
    medals = await fake.slash("medals", nation="korea")
    assert "South Korea" in medals.embeds[0]["title"]

    status = json.loads((tmp_path / "bot0.status.json").read_text())
    assert status["state"] == "running"

    # A slow interaction (a large upload, parsed off the event loop) is in flight at SIGTERM.
    upload = await fake.upload(
        "results load", "file", "big.csv", big_file(40, 400).encode(), user=moderator, dry_run=True
    )
    assert upload.deferred
    bot.process.send_signal(signal.SIGTERM)
    followup = await upload.wait_followup(timeout=30)
    assert followup["embeds"][0]["title"].startswith("Preview of big.csv")
    assert await asyncio.wait_for(bot.process.wait(), 30) == 0, bot.output()

    output = bot.output()
    assert fake.token not in output, "the token must never be logged"
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    interactions = [r for r in records if r.get("logger") == "bot.interactions"]
    assert [r["command"] for r in interactions] == ["medals", "results load"]
    assert all(
        isinstance(r["latency_ms"], float) and r["outcome"] == "answered" for r in interactions
    )
    assert interactions[0]["arguments"] == {"nation": "korea"}
    assert any(r["message"] == "stopped cleanly" for r in records)

    status = json.loads((tmp_path / "bot0.status.json").read_text())
    assert status["state"] == "stopped"
    health = await gamesbot(fake, tmp_path, "health")
    assert health.returncode == 0, health.stdout


@pytest.mark.slow
async def test_health_fails_when_the_running_bots_heartbeat_is_stale(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    from bot.health import write_status

    (tmp_path / "bot0.db").parent.mkdir(exist_ok=True)
    assert (await gamesbot(fake, tmp_path, "table", "--top", "1")).returncode == 0
    write_status(tmp_path / "bot0.status.json", state="running", started_at=0.0, heartbeat_at=0.0)
    health = await gamesbot(fake, tmp_path, "health")
    assert health.returncode == 1 and "heartbeat" in health.stdout


@pytest.mark.slow
async def test_two_shard_processes_of_gamesbot_run(
    fake: FakeDiscord, spawn_bot: SpawnBot, tmp_path: Path
) -> None:
    zero = fake.add_guild("Harbin fans", shard=(0, 2))
    one = fake.add_guild("Seoul fans", shard=(1, 2))
    assert (await gamesbot(fake, tmp_path, "sync")).returncode == 0
    first = await spawn_bot(argv=RUN, shard_count=2, shard_ids=[0])
    second = await spawn_bot(argv=RUN, shard_count=2, shard_ids=[1])
    try:
        await fake.wait_ready(2, timeout=30)
    except TimeoutError:
        pytest.fail(first.output() + second.output())
    a = await fake.slash("medals", nation="japan", guild=zero)
    b = await fake.slash("medals", nation="kazakhstan", guild=one)
    assert (a.shard_id, b.shard_id) == (0, 1)
    assert "Japan" in a.embeds[0]["title"] and "Kazakhstan" in b.embeds[0]["title"]


def test_sync_without_a_token_exits_2(tmp_path: Path) -> None:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "GAMESBOT_"))
    }
    environment["GAMESBOT_DB_PATH"] = str(tmp_path / "g.db")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "sync"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "DISCORD_TOKEN" in done.stderr
