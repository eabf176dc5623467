"""Interaction benchmark: N /medals interactions through the local Discord (real discord.py
client, real websocket and HTTP, real service over a real SQLite store) and, in the same run,
N of a no-op command that answers "ok" at once. The no-op is discord.py's own floor; the ratio
says how much our work (resolution, summary, embed rendering) adds on top.

A third series, printed for information, answers with a ready-made /medals embed and its page
buttons without doing any work: the floor for an answer of that size. /medals against it shows
what our own code costs, apart from the size of what any embed answer carries.

Run from the repository root: ``python bench/interactions.py [N]``. The last line is
``SUMMARY p99_medals_ms=<float> p99_noop_ms=<float> ratio=<float> rss_mb=<float>``.
"""

from __future__ import annotations

import asyncio
import gc
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import discord
from discord import app_commands

from bot.discord_ui.client import build_client, sync_commands
from bot.discord_ui.components import Query, show
from bot.discord_ui.endpoints import point_discord_at
from bot.discord_ui.frontend import DiscordFrontEnd
from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.store.sqlite_store import SqliteStore
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import fake_settings

NATIONS = [
    "korea",
    "china",
    "japan",
    "kazakstan",
    "韩国",
    "philipines",
    "chinese taipei",
    "KOR",
    "north korea",
    "thailand",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main(n: int) -> None:
    fake = FakeDiscord(response_deadline=30.0)
    await fake.start()
    workdir = Path(tempfile.mkdtemp(prefix="gamesbot-bench-"))
    settings = fake_settings(fake, workdir)
    store = await SqliteStore.open(settings.gamesbot_db_path)
    service = GamesService(store, settings.gamesbot_default_games, default_data_dir())
    await service.start()
    frontend = DiscordFrontEnd(service, settings)
    ready_made = service.medals("KOR")

    def install(tree: app_commands.CommandTree[Any]) -> None:
        frontend.install(tree)

        @tree.command(name="noop", description="Answer ok at once (the benchmark's floor)")
        async def noop(interaction: discord.Interaction[Any]) -> None:
            await interaction.response.send_message("ok")

        @tree.command(
            name="sizedfloor", description="Answer a ready-made medals embed (payload floor)"
        )
        async def sizedfloor(interaction: discord.Interaction[Any]) -> None:
            await show(interaction, ready_made, Query("n", ("KOR", "")))

    point_discord_at(fake.api_base, fake.gateway_url)
    await sync_commands(settings, install, None)

    async def no_delay(shard_id: int | None, *, initial: bool = False) -> None:
        return None

    client = build_client(
        settings,
        install,
        guild_ready_timeout=0.05,
        chunk_guilds_at_startup=False,
        before_identify_hook=no_delay,
    )
    assert settings.discord_token is not None
    await client.login(settings.discord_token.get_secret_value())
    task = asyncio.create_task(client.connect())
    await client.wait_until_ready()

    for warm in range(20):  # warm both paths
        await fake.slash("medals", nation=NATIONS[warm % len(NATIONS)])
        await fake.slash("noop")
        await fake.slash("sizedfloor")
    gc.collect()
    gc.freeze()  # as gamesbot run does once started: long-lived objects leave the collector's scans

    medals_ms: list[float] = []
    noop_ms: list[float] = []
    sized_ms: list[float] = []
    started = time.perf_counter()
    medals_total = noop_total = 0.0
    for i in range(n):
        t0 = time.perf_counter()
        reply = await fake.slash("medals", nation=NATIONS[i % len(NATIONS)])
        t1 = time.perf_counter()
        assert reply.embeds, reply
        medals_ms.append((t1 - t0) * 1000)
        medals_total += t1 - t0
        t2 = time.perf_counter()
        answer = await fake.slash("noop")
        t3 = time.perf_counter()
        assert answer.content == "ok"
        noop_ms.append((t3 - t2) * 1000)
        noop_total += t3 - t2
        t4 = time.perf_counter()
        sized = await fake.slash("sizedfloor")
        sized_ms.append((time.perf_counter() - t4) * 1000)
        assert sized.embeds
    elapsed = time.perf_counter() - started

    await client.close()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await store.close()
    await fake.stop()
    assert not fake.violations, fake.violations

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p50_m, p99_m = statistics.median(medals_ms), percentile(medals_ms, 0.99)
    p50_n, p99_n = statistics.median(noop_ms), percentile(noop_ms, 0.99)
    if "-v" in sys.argv:
        for q in (0.5, 0.9, 0.95, 0.99, 0.999):
            print(f"q{q}: medals={percentile(medals_ms, q):.2f} noop={percentile(noop_ms, q):.2f}")
    print(
        f"interactions={n} each, interleaved, {elapsed:.1f} s in all (fake Discord and bot in one process)"
    )
    print(f"/medals  p50={p50_m:.2f} ms p99={p99_m:.2f} ms throughput={n / medals_total:.0f}/s")
    print(f"/noop    p50={p50_n:.2f} ms p99={p99_n:.2f} ms throughput={n / noop_total:.0f}/s")
    p50_s, p99_s = statistics.median(sized_ms), percentile(sized_ms, 0.99)
    print(
        f"payload floor (ready-made /medals answer) p50={p50_s:.2f} ms p99={p99_s:.2f} ms; "
        f"/medals vs it: p50 ratio={p50_m / p50_s:.3f} p99 ratio={p99_m / p99_s:.3f}"
    )
    print(
        f"SUMMARY p99_medals_ms={p99_m:.3f} p99_noop_ms={p99_n:.3f} ratio={p99_m / p99_n:.3f} rss_mb={rss_mb:.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000))
