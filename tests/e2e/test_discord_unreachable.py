"""Discord out of reach, through real ``gamesbot`` processes pointed at a port of 127.0.0.1 where
nothing listens: ``sync`` says so in one line and exits 2; ``run`` retries with backoff, gives up
with one line and exit 2 after DISCORD_CONNECT_TIMEOUT, and connects when a local Discord comes
up on that port while it is still trying."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakediscord.api import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "fake-bot-token"


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on (bound once by the OS, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def env_for(port: int, tmp_path: Path, **extra: str) -> dict[str, str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "SHARD_", "GAMESBOT_", "LOG_"))
    }
    environment.update(
        {
            "PYTHONPATH": str(ROOT),
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_BASE": f"http://127.0.0.1:{port}/api/v10",
            "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{port}/gateway",
            "GAMESBOT_DB_PATH": str(tmp_path / "gamesbot.db"),
            **extra,
        }
    )
    return environment


def gamesbot(
    port: int, tmp_path: Path, *args: str, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env_for(port, tmp_path, **extra),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.slow
def test_sync_with_discord_unreachable_says_so_in_one_line_and_exits_2(tmp_path: Path) -> None:
    port = free_port()
    done = gamesbot(port, tmp_path, "sync")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"gamesbot: cannot reach Discord at http://127.0.0.1:{port}/api/v10")
    assert done.stdout == ""


@pytest.mark.slow
def test_run_with_discord_unreachable_retries_then_gives_up_with_exit_2(tmp_path: Path) -> None:
    port = free_port()
    done = gamesbot(port, tmp_path, "run", DISCORD_CONNECT_TIMEOUT="4")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    retries = [line for line in lines if "cannot reach Discord" in line and "retrying in" in line]
    assert len(retries) >= 2, lines  # after 1 s, then 2 s: backoff, not a busy loop
    assert lines[-1].startswith(f"gamesbot: cannot reach Discord at http://127.0.0.1:{port}/")


@pytest.mark.slow
async def test_run_connects_once_discord_comes_up(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "bot.log"
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            env=env_for(port, tmp_path, DISCORD_CONNECT_TIMEOUT="60"),
            cwd=tmp_path,
            stdout=sink,
            stderr=sink,
        )
    fake = FakeDiscord(token=TOKEN)
    try:
        for _ in range(600):  # the bot has tried and failed at least once before Discord is up
            if "retrying in" in log.read_text(errors="replace"):
                break
            assert process.returncode is None, log.read_text(errors="replace")
            await asyncio.sleep(0.05)
        else:
            pytest.fail("the bot never tried to reach Discord:\n" + log.read_text())
        await fake.start(port)
        await fake.wait_ready(1, timeout=30)
        synced = await asyncio.to_thread(gamesbot, port, tmp_path, "sync")
        assert synced.returncode == 0, synced.stderr
        reply = await fake.slash("medals", nation="korea", games="harbin")
        assert (
            "South Korea (KOR)" in reply.embeds[0]["title"]
        )  # the front-end of the retried client
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0, log.read_text()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await fake.stop()
    output = log.read_text(errors="replace")
    assert "Traceback" not in output
    assert "retrying in" in output and "stopped cleanly" in output


@pytest.mark.slow
async def test_sync_and_run_with_a_refused_token_say_so_in_one_line_and_exit_2(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    port = int(fake.api_base.split(":")[2].split("/")[0])
    for command in ("sync", "run"):
        done = await asyncio.to_thread(
            gamesbot, port, tmp_path, command, DISCORD_TOKEN="not-the-token"
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().splitlines()[-1] == (
            "gamesbot: Discord refused the token (DISCORD_TOKEN is not a valid bot token)."
        )
    assert [v.status for v in fake.take_violations()] == [401, 401]
