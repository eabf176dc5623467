"""How long a running bot's event loop is held while it rebuilds a Games' view after a load:
``library.refresh`` of the largest bundled Games (read, index, warm, people), in a service
started as the running bot starts (views warmed), with a coroutine beside it that yields to the
loop again and again and notes the longest gap between two of its turns. The gap is the longest
an interaction arriving during the rebuild would wait before the bot could even start on it;
``held_share`` is that gap over the whole rebuild (1.0: the loop was held throughout).

Run from the repository root: ``python bench/loop_hold.py [ROUNDS]`` (default 5). The last line
is ``SUMMARY games=<id> refresh_ms=<float> held_ms=<float> held_share=<float> rounds=<int>``
(medians of the rounds)."""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.store.factory import open_store


async def _one_round(service: GamesService, games_id: str) -> tuple[float, float]:
    gaps: list[float] = []
    done = asyncio.Event()

    async def turns() -> None:
        last = time.perf_counter()
        while not done.is_set():
            await asyncio.sleep(0)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    beside = asyncio.create_task(turns())
    start = time.perf_counter()
    await service.library.refresh(games_id)
    took = time.perf_counter() - start
    done.set()
    await beside
    return took, max(gaps, default=took)


async def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="gamesbot-loop-") as tmp:
        store = await open_store(Path(tmp) / "gamesbot.db")
        service = GamesService(store, None, default_data_dir())
        await service.start()
        games_id = max(
            service.library.games_ids,
            key=lambda g: len(service.library.view(g).index.data.results),
        )
        figures = [await _one_round(service, games_id) for _ in range(rounds)]
        await store.close()
    refresh = statistics.median(f[0] for f in figures) * 1000
    held = statistics.median(f[1] for f in figures) * 1000
    for took, gap in figures:
        print(f"refresh {took * 1000:.0f} ms, loop held at most {gap * 1000:.1f} ms at a time")
    print(
        f"SUMMARY games={games_id} refresh_ms={refresh:.1f} held_ms={held:.1f} "
        f"held_share={held / refresh:.3f} rounds={rounds}"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
