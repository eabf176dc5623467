"""Store benchmark: a 50,000-row load into SQLite and into PostgreSQL, side by side in one run.

One results file of 50,000 result rows (500 new events of 100 places each, 5,000 athletes, the
NOCs of the bundled Games) is turned into a load plan once. Then, for each backend in turn, on a
fresh store holding the bundled data:

- apply: ``store.apply(plan)``, the one transaction that writes it (with its before-image);
- read: ``store.read_games``, what every process does to rebuild its view after a load;
- undo: ``store.undo_last``, the one transaction that reverts it;
- whole load: ``service.loads.load(file)`` as a moderator's load runs it (parse, plan, apply,
  rebuild the view), which is the same work on both backends apart from the store.

Each figure is the median of several rounds, the backends alternating within a round so both
see the same machine load. PostgreSQL runs in a throwaway schema that is dropped at the end.

Run from the repository root: ``python bench/store_backends.py [--rounds N] [--postgres URL]``
(default URL ``postgresql://127.0.0.1:5432/test``). The last line is
``SUMMARY rows=50000 sqlite_apply_s=… postgres_apply_s=… apply_ratio=… sqlite_load_s=…
postgres_load_s=… load_ratio=…`` (ratios: PostgreSQL / SQLite).
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from bot.ingest.bundled import default_data_dir
from bot.ingest.parse import parse_results_file
from bot.ingest.plan import build_plan
from bot.service import GamesService
from bot.store.factory import Store, open_store

GAMES = "harbin-2025"
EVENTS, PLACES, ATHLETES = 500, 100, 5_000
NOCS = ["CHN", "KOR", "JPN", "KAZ", "UZB", "THA", "TPE", "HKG", "PHI", "MGL", "IRI", "IND"]
MEDALS = {1: "gold", 2: "silver", 3: "bronze"}


def results_file() -> bytes:
    """50,000 rows: 500 events × 100 places; athlete i competes for NOCS[i % 12]."""
    lines = ["games,sport,event,gender,date,rank,medal,noc,athletes,mark,note"]
    for event in range(EVENTS):
        for place in range(1, PLACES + 1):
            athlete = (event * 37 + place * 101) % ATHLETES
            lines.append(
                f"{GAMES},Bench racing,Bench race {event:03d},men,2025-02-{8 + event % 7:02d},"
                f"{place},{MEDALS.get(place, '')},{NOCS[athlete % len(NOCS)]},"
                f"Bench Racer {athlete:04d},{60 + place / 100:.2f},"
            )
    return ("\n".join(lines) + "\n").encode()


async def timed(step: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await step()
    return time.perf_counter() - started


async def one_round(location: str | Path, content: bytes) -> dict[str, float]:
    store: Store = await open_store(location)
    try:
        service = GamesService(store, GAMES, default_data_dir())
        await service.start()
        current = await store.read_games(GAMES)
        plan = build_plan([parse_results_file("bench.csv", content)], current, GAMES, [])
        figures = {
            "apply": await timed(
                lambda: store.apply(plan, source="bench.csv", sha256="b", user_id=1)
            ),
            "read": await timed(lambda: store.read_games(GAMES)),
            "undo": await timed(lambda: store.undo_last(GAMES, user_id=1)),
        }
        await service.library.refresh(GAMES)
        figures["whole load"] = await timed(
            lambda: service.loads.load("bench.csv", content, user_id=1)
        )
        rows = len((await store.read_games(GAMES)).results) - len(current.results)
        assert rows == EVENTS * PLACES, rows
        return figures
    finally:
        await store.close()


def schema_url(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


async def main(rounds: int, postgres: str) -> None:
    content = results_file()
    workdir = Path(tempfile.mkdtemp(prefix="gamesbot-bench-"))
    figures: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgres": []}
    with psycopg.connect(postgres, autocommit=True) as admin:
        for number in range(rounds):
            schema = f"bench_{secrets.token_hex(4)}"
            admin.execute(f"CREATE SCHEMA {schema}".encode())
            try:
                figures["sqlite"].append(await one_round(workdir / f"r{number}.db", content))
                figures["postgres"].append(await one_round(schema_url(postgres, schema), content))
            finally:
                admin.execute(f"DROP SCHEMA {schema} CASCADE".encode())
    median = {
        backend: {step: statistics.median(r[step] for r in runs) for step in runs[0]}
        for backend, runs in figures.items()
    }
    print(
        f"{EVENTS * PLACES} rows in {EVENTS} events, {ATHLETES} athletes "
        f"({len(content) / 1e6:.1f} MB CSV); median of {rounds} rounds"
    )
    for backend, steps in median.items():
        print(
            f"{backend:9}"
            + " · ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items())
        )
    s, p = median["sqlite"], median["postgres"]
    print(
        f"SUMMARY rows={EVENTS * PLACES} sqlite_apply_s={s['apply']:.3f} "
        f"postgres_apply_s={p['apply']:.3f} apply_ratio={p['apply'] / s['apply']:.2f} "
        f"sqlite_load_s={s['whole load']:.3f} postgres_load_s={p['whole load']:.3f} "
        f"load_ratio={p['whole load'] / s['whole load']:.2f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", default="postgresql://127.0.0.1:5432/test")
    options = parser.parse_args()
    asyncio.run(main(options.rounds, options.postgres))
