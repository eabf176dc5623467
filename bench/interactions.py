"""Interaction benchmark: N /medals interactions through the local Discord (real discord.py
client, real websocket and HTTP, real service over a real SQLite store) and, in the same run,
N of a no-op command that answers "ok" at once. The no-op is discord.py's own floor; the ratio
says how much our work (resolution, summary, embed rendering) adds on top.

Two clocks are read for each interaction. The response time is what Discord's 3-second deadline
measures: from the interaction's creation (just before the gateway frame leaves the fake) to the
bot's callback request arriving at the fake. The round trip also includes the fake validating
and storing the answer and the test client's wait; it grows with the size of the answer, which
is the fake's work, not the bot's. The SUMMARY uses the response time.

A third series, printed for information, answers with a ready-made /medals embed and its page
buttons without doing any work: the floor for an answer of that size. /medals against it shows
what our own code costs, apart from the size of what any embed answer carries.

Run from the repository root: ``python bench/interactions.py [N]``. The last line is
``SUMMARY p99_medals_ms=<float> p99_noop_ms=<float> ratio=<float> rss_mb=<float>``.
"""

from __future__ import annotations

import asyncio
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
from bot.runtime import collect_in_background, settle_memory
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
    ready_made = service.queries.medals("KOR")

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
    # As gamesbot run does once started (bot/runtime.py): freeze what lives for the whole run and
    # collect cycles from a background task, not in the middle of an interaction. With
    # --default-gc the interpreter's automatic collection is left as it is.
    collector = None
    if "--default-gc" not in sys.argv:
        settle_memory()
        collector = asyncio.create_task(collect_in_background())

    medals_ms: list[float] = []
    noop_ms: list[float] = []
    sized_ms: list[float] = []
    medals_trip: list[float] = []
    noop_trip: list[float] = []
    started = time.perf_counter()
    medals_total = noop_total = 0.0
    for i in range(n):
        t0 = time.perf_counter()
        reply = await fake.slash("medals", nation=NATIONS[i % len(NATIONS)])
        t1 = time.perf_counter()
        assert reply.embeds and reply.answered_after is not None, reply
        medals_trip.append((t1 - t0) * 1000)
        medals_ms.append(reply.answered_after * 1000)
        medals_total += t1 - t0
        t2 = time.perf_counter()
        answer = await fake.slash("noop")
        t3 = time.perf_counter()
        assert answer.content == "ok" and answer.answered_after is not None
        noop_trip.append((t3 - t2) * 1000)
        noop_ms.append(answer.answered_after * 1000)
        noop_total += t3 - t2
        sized = await fake.slash("sizedfloor")
        assert sized.embeds and sized.answered_after is not None
        sized_ms.append(sized.answered_after * 1000)
    elapsed = time.perf_counter() - started

    if collector is not None:
        collector.cancel()
    await client.close()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await store.close()
    await fake.stop()
    assert not fake.violations, fake.violations

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p50_m, p99_m = statistics.median(medals_ms), percentile(medals_ms, 0.99)
    p99_n = percentile(noop_ms, 0.99)
    if "-v" in sys.argv:
        for q in (0.5, 0.9, 0.95, 0.99, 0.999):
            print(f"q{q}: medals={percentile(medals_ms, q):.2f} noop={percentile(noop_ms, q):.2f}")
    print(
        f"interactions={n} each, interleaved, {elapsed:.1f} s in all (fake Discord and bot in one process)"
    )
    for label, response, trip, total in (
        ("/medals", medals_ms, medals_trip, medals_total),
        ("/noop  ", noop_ms, noop_trip, noop_total),
    ):
        print(
            f"{label} response p50={statistics.median(response):.2f} ms p99={percentile(response, 0.99):.2f} ms"
            f" · round trip p50={statistics.median(trip):.2f} ms p99={percentile(trip, 0.99):.2f} ms"
            f" · throughput={n / total:.0f}/s"
        )
    p50_s, p99_s = statistics.median(sized_ms), percentile(sized_ms, 0.99)
    print(
        f"payload floor (ready-made /medals answer) response p50={p50_s:.2f} ms p99={p99_s:.2f} ms; "
        f"/medals vs it: p50 ratio={p50_m / p50_s:.3f} p99 ratio={p99_m / p99_s:.3f}"
    )
    print(
        f"SUMMARY p99_medals_ms={p99_m:.3f} p99_noop_ms={p99_n:.3f} ratio={p99_m / p99_n:.3f} rss_mb={rss_mb:.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000))
