"""Load benchmark: a 50,000-row results file through parse, plan, diff and apply, beside a bare
``json.loads`` + ``executemany`` of the same rows, and the worst shapes the file limits allow.

Files (written to a temporary folder, each within the documented limits of 5 MB and 50,000 rows):

- ``podiums.json``: the realistic shape, 2,000 new events of 25 places (gold, silver, bronze and
  ranks 4 to 25), 25,000 distinct athletes of 12 NOCs, into the bundled Harbin 2025 Games;
- ``all-new.json`` and ``all-new.csv``: the worst shapes the limits allow for names: as many
  events as a file may hold (2,000) of 25 places, each place an athlete of its own (50,000
  distinct new athletes, the limit);
- ``teams.json``: the worst shape for athlete references: 2,000 events of 25 team places, as many
  athletes a place (6) as 5 MB holds, from a pool of 48,000 (300,000 references);
- ``reload``: ``podiums.json`` loaded a second time onto itself (every name is an existing
  athlete; nothing changes).

Each scenario runs in a fresh subprocess over a fresh SQLite store in a temporary folder that
holds the bundled data (set up before timing). The child times each phase with
``time.perf_counter``: parse (``parse_results_file``), plan (``build_plan``: validation against
the current data, name matching, people across Games), diff (``preview``: the changes and the
medal table), apply (``store.apply``: the one transaction) and, after the load, the view rebuild
the running bot does (``library.refresh``). ``load`` is parse + plan + diff + apply. The write
transaction is timed from the moment ``BEGIN IMMEDIATE`` has taken the lock to the moment ``COMMIT``
has released it, as the store's event loop sees them. Peak memory is the child's ``ru_maxrss``: before the file was read
(the bundled Games' views), once the load is applied (``load_mb``) and after the view rebuild
(``peak_mb``, old and new views alive at once). The whole command line, ``gamesbot load
FILE --yes`` on a copy of the same prepared store, is timed too (wall time and peak RSS of the
process, start-up included).

Baseline, in the same run and also in a fresh subprocess: ``json.loads`` of ``podiums.json`` and
one ``executemany`` of its 50,000 rows into a plain SQLite table (same pragmas, one transaction).

Run from the repository root: ``python bench/load.py [--rounds N] [--only NAME,...]``. The last
line is ``SUMMARY rows=50000 baseline_s=… load_s=… ratio=… worst=… worst_load_s=…
worst_vs_load=… load_mb=… worst_load_mb=… peak_mb=… worst_peak_mb=… write_tx_s=… worst_write_tx_s=… refresh_s=…
worst_refresh_s=…`` (the medians of the rounds; ``worst`` is the slowest of the worst shapes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GAMES = "harbin-2025"
NOCS = ["CHN", "KOR", "JPN", "KAZ", "UZB", "THA", "TPE", "HKG", "PHI", "MGL", "IRI", "IND"]
MEDALS = {1: "gold", 2: "silver", 3: "bronze"}
ROWS = 50_000
PODIUM_EVENTS, PODIUM_PLACES, PODIUM_ATHLETES = 2_000, 25, 25_000
TEAM_SIZE = 6
TEAM_POOL = 48_000
BUSY_TIMEOUT_S = 5.0


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FAMILY = _words(
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Kwon Hwang Ahn Song Wang Zhang Liu "
    "Chen Yang Huang Zhao Zhou Xu Sun Zhu Guo Lin Gao Luo Zheng Liang Sato Suzuki Takahashi "
    "Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Abenov Nurlanov Karimov Tashkentov"
)
SYLLABLES = _words(
    "min jeong ji won seo yun hyun jun ho woo jin su young hee eun bin sung gil tae dong jae "
    "hoon kyung yeon chae ah soo seok hyuk sang jing ru xin hao nan wei ming lin hong fang xiao "
    "mei ting long qiang lei ze han ke shuang yuan meng zhi wen ying tong rui ning"
)


def athlete_names(count: int, seed: int) -> list[str]:
    """``count`` distinct names: a family name and a hyphenated two-syllable given name, with a
    third syllable once the pairs run out."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        given = "-".join(rng.sample(SYLLABLES, 2 if len(names) < 60_000 else 3)).capitalize()
        names.add(f"{rng.choice(FAMILY)} {given}")
    ordered = sorted(names)
    rng.shuffle(ordered)
    return ordered


def podiums_file() -> dict[str, Any]:
    """2,000 events of 25 places; athletes from a pool of 25,000, each of one NOC."""
    names = athlete_names(PODIUM_ATHLETES, 1)
    events = []
    for number in range(PODIUM_EVENTS):
        results = []
        for place in range(1, PODIUM_PLACES + 1):
            athlete = (number * 7 + place * 1_249) % PODIUM_ATHLETES
            row: dict[str, Any] = {"rank": place, "noc": NOCS[athlete % len(NOCS)]}
            if place in MEDALS:
                row["medal"] = MEDALS[place]
            row["athletes"] = [names[athlete]]
            row["mark"] = f"{60 + place / 100:.2f}"
            results.append(row)
        events.append(
            {
                "sport": f"Bench sport {number % 25:02d}",
                "event": f"Men's race {number:04d}",
                "gender": "men",
                "date": f"2025-02-{7 + number % 8:02d}",
                "results": results,
            }
        )
    return {"games": GAMES, "events": events}


def all_new_file() -> dict[str, Any]:
    """2,000 events of 25 places, every place an athlete of its own: 50,000 new athletes."""
    names = athlete_names(ROWS, 2)
    events = []
    for number in range(PODIUM_EVENTS):
        results = []
        for place in range(1, PODIUM_PLACES + 1):
            athlete = number * PODIUM_PLACES + place - 1
            row: dict[str, Any] = {"rank": place, "noc": NOCS[athlete % len(NOCS)]}
            if place in MEDALS:
                row["medal"] = MEDALS[place]
            row["athletes"] = [names[athlete]]
            results.append(row)
        events.append(
            {
                "sport": f"S{number % 25:02d}",
                "event": f"Men's R{number:05d}",
                "gender": "men",
                "results": results,
            }
        )
    return {"games": GAMES, "events": events}


def teams_file() -> dict[str, Any]:
    """2,000 events of 25 team places of ``TEAM_SIZE`` athletes (a team of one NOC) from a pool
    of 48,000 short names (athlete ``i`` of NOC ``i % 12``): about as many athlete references as
    fit in 5 MB."""
    pool = [f"A{number:05d}" for number in range(TEAM_POOL)]
    events = []
    for number in range(PODIUM_EVENTS):
        results = []
        for place in range(1, PODIUM_PLACES + 1):
            team = number * PODIUM_PLACES + place - 1
            noc, per_noc = team % len(NOCS), TEAM_POOL // len(NOCS)
            row: dict[str, Any] = {"rank": place, "noc": NOCS[noc]}
            if place in MEDALS:
                row["medal"] = MEDALS[place]
            row["athletes"] = [
                pool[noc + len(NOCS) * ((team // len(NOCS) * TEAM_SIZE + k) % per_noc)]
                for k in range(TEAM_SIZE)
            ]
            results.append(row)
        events.append(
            {"sport": "Team", "event": f"Men's T{number:05d}", "gender": "men", "results": results}
        )
    return {"games": GAMES, "events": events}


def as_csv(file: dict[str, Any]) -> bytes:
    lines = ["games,sport,event,gender,date,rank,medal,noc,athletes,mark,note"]
    for event in file["events"]:
        for r in event["results"]:
            lines.append(
                f"{GAMES},{event['sport']},{event['event']},{event['gender']},"
                f"{event.get('date', '')},{r.get('rank', '')},{r.get('medal', '')},{r['noc']},"
                f"{';'.join(r['athletes'])},{r.get('mark', '')},"
            )
    return ("\n".join(lines) + "\n").encode()


def as_json(file: dict[str, Any]) -> bytes:
    return json.dumps(file, ensure_ascii=False, separators=(",", ":")).encode()


def write_files(folder: Path) -> dict[str, Path]:
    files = {
        "podiums": (folder / "podiums.json", as_json(podiums_file())),
        "all-new-json": (folder / "all-new.json", as_json(all_new_file())),
        "all-new-csv": (folder / "all-new.csv", as_csv(all_new_file())),
        "teams-json": (folder / "teams.json", as_json(teams_file())),
    }
    for path, content in files.values():
        assert len(content) <= 5 * 1024 * 1024, (path, len(content))
        path.write_bytes(content)
    return {name: path for name, (path, _) in files.items()}


# --- children ------------------------------------------------------------------------------------


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline_child(path: Path, workdir: Path) -> dict[str, float]:
    """json.loads + one executemany of the same rows into a plain table, one transaction."""
    started = time.perf_counter()
    raw = json.loads(path.read_bytes())
    rows = [
        (
            event["sport"],
            event["event"],
            r.get("rank"),
            r.get("medal"),
            r["noc"],
            json.dumps(r["athletes"], ensure_ascii=False),
            r.get("mark", ""),
        )
        for event in raw["events"]
        for r in event["results"]
    ]
    db = sqlite3.connect(workdir / "baseline.db", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(
        "CREATE TABLE results (sport TEXT, event TEXT, rank INTEGER, medal TEXT, noc TEXT, "
        "athletes TEXT, mark TEXT)"
    )
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    db.close()
    assert len(rows) == ROWS, len(rows)
    return {"load": time.perf_counter() - started, "peak_mb": rss_mb()}


async def prepare_store(db_path: Path) -> None:
    """A store holding the bundled data, as a first start leaves it."""
    from bot.ingest.bundled import default_data_dir
    from bot.service import GamesService
    from bot.store.factory import open_store

    store = await open_store(db_path)
    try:
        await GamesService(store, GAMES, default_data_dir()).start()
    finally:
        await store.close()


async def load_child(path: Path, db_path: Path, times: int) -> dict[str, float]:
    """Time each phase of loading ``path`` (``times`` times in a row; the figures of the last)."""
    from bot.ingest.bundled import default_data_dir
    from bot.ingest.collection import collection_paused
    from bot.ingest.diff import preview
    from bot.ingest.parse import parse_results_file
    from bot.ingest.plan import build_plan
    from bot.service import GamesService
    from bot.store.factory import open_store
    from bot.store.sqlite_store import SqliteStore

    store = await open_store(db_path)
    assert isinstance(store, SqliteStore)
    service = GamesService(store, GAMES, default_data_dir())
    await service.start()
    library = service.library
    figures: dict[str, float] = {"before_mb": rss_mb()}
    tx: dict[str, float] = {}
    execute = store._db.execute  # the bench watches the store's transaction statements

    def watched(statement: str, *args: Any) -> Any:
        if statement not in ("BEGIN IMMEDIATE", "COMMIT"):
            return execute(statement, *args)

        async def run() -> Any:
            if statement == "BEGIN IMMEDIATE":
                tx["begin"] = time.perf_counter()
            result = await execute(statement, *args)
            if statement == "COMMIT":
                tx["commit"] = time.perf_counter()
            return result

        return run()

    store._db.execute = watched  # type: ignore[method-assign]
    for _ in range(times):
        started = time.perf_counter()
        content = await asyncio.to_thread(path.read_bytes)
        with collection_paused():  # as Loads._plan runs them
            parsed = parse_results_file(path.name, content)
            figures["parse"] = time.perf_counter() - started
            mark = time.perf_counter()
            current = library.view(GAMES).index.data
            others = [v.index.data for v in library.views() if v.games_id != GAMES]
            plan = build_plan([parsed], current, GAMES, others)
            figures["plan"] = time.perf_counter() - mark
            mark = time.perf_counter()
            changes = preview(
                current, plan, provenance=library.provenance(GAMES), source=path.name, sha256="b"
            )
            figures["diff"] = time.perf_counter() - mark
        del parsed, content  # as Loads._plan leaves them: only the plan and preview go on
        mark = time.perf_counter()
        with collection_paused():  # as Loads.load runs them
            await store.apply(plan, source=path.name, sha256="b", user_id=1, kind="load")
            figures["apply"] = time.perf_counter() - mark
            figures["write_tx"] = tx["commit"] - tx["begin"]
            figures["load"] = time.perf_counter() - started
            figures["load_mb"] = rss_mb()
            mark = time.perf_counter()
            await library.refresh(GAMES)
            figures["refresh"] = time.perf_counter() - mark
        del plan, changes
    figures["peak_mb"] = rss_mb()
    await store.close()
    return figures


def child_main(argv: list[str]) -> None:
    kind, path, workdir = argv[0], Path(argv[1]), Path(argv[2])
    if kind == "baseline":
        figures = baseline_child(path, workdir)
    else:
        try:
            figures = asyncio.run(
                load_child(path, workdir / "store.db", 2 if kind == "reload" else 1)
            )
        except Exception:  # a refused file: say why and end (the store's thread would linger)
            import traceback

            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)
    print(json.dumps(figures))


# --- parent --------------------------------------------------------------------------------------


def run_child(kind: str, path: Path, template: Path) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix="gamesbot-load-"))
    try:
        if kind != "baseline":
            shutil.copy(template, workdir / "store.db")
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(path), str(workdir)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_cli(path: Path, template: Path) -> dict[str, float]:
    """``gamesbot load FILE --yes`` on a copy of the prepared store: wall time and peak RSS."""
    workdir = Path(tempfile.mkdtemp(prefix="gamesbot-cli-"))
    try:
        shutil.copy(template, workdir / "store.db")
        env = {**os.environ, "GAMESBOT_DB_PATH": str(workdir / "store.db"), "LOG_LEVEL": "ERROR"}
        env.pop("GAMESBOT_DATABASE_URL", None)
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "load", str(path), "--yes", "--games", GAMES],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        assert process.returncode == 0, (
            process.returncode,
            process.stderr and process.stderr.read(),
        )
        return {"cli": elapsed, "cli_mb": usage.ru_maxrss / 1024}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main(rounds: int, only: set[str] | None, cli: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="gamesbot-load-files-"))
    try:
        files = write_files(folder)
        template = folder / "template.db"
        asyncio.run(prepare_store(template))
        scenarios = {"baseline": files["podiums"], "reload": files["podiums"], **files}
        if only:
            scenarios = {k: v for k, v in scenarios.items() if k in only or k == "baseline"}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in scenarios}
        for _ in range(rounds):
            for name, path in scenarios.items():
                figures = run_child(name, path, template)
                if cli and name not in ("baseline", "reload"):
                    figures |= run_cli(path, template)
                runs[name].append(figures)
        report(
            median(runs["baseline"]),
            {k: median(v) for k, v in runs.items() if k != "baseline"},
            files,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(
    base: dict[str, float], loads: dict[str, dict[str, float]], files: dict[str, Path]
) -> None:
    sizes = ", ".join(f"{path.name} {path.stat().st_size / 1e6:.1f} MB" for path in files.values())
    print(
        f"{ROWS} rows a file ({sizes}); baseline json.loads + executemany {base['load']:.3f} s, "
        f"{base['peak_mb']:.0f} MB"
    )
    phases = ("parse", "plan", "diff", "apply", "load", "write_tx", "refresh")
    for name, f in loads.items():
        line = " ".join(f"{p}={f[p]:.3f}" for p in phases)
        extra = f" cli={f['cli']:.3f} cli_mb={f['cli_mb']:.0f}" if "cli" in f else ""
        print(
            f"{name:13} {line} ratio={f['load'] / base['load']:.1f} "
            f"before_mb={f['before_mb']:.0f} load_mb={f['load_mb']:.0f} "
            f"peak_mb={f['peak_mb']:.0f}{extra}"
        )
    if "podiums" not in loads:
        return
    main_figures = loads["podiums"]
    worst_name = max(
        (n for n in loads if n != "podiums" and n != "reload"),
        key=lambda n: loads[n]["load"],
        default=None,
    )
    worst = loads[worst_name] if worst_name else main_figures
    print(
        f"SUMMARY rows={ROWS} baseline_s={base['load']:.3f} load_s={main_figures['load']:.3f} "
        f"ratio={main_figures['load'] / base['load']:.1f} worst={worst_name} "
        f"worst_load_s={worst['load']:.3f} worst_vs_load={worst['load'] / main_figures['load']:.2f} "
        f"load_mb={main_figures['load_mb']:.0f} worst_load_mb={worst['load_mb']:.0f} "
        f"peak_mb={main_figures['peak_mb']:.0f} worst_peak_mb={worst['peak_mb']:.0f} "
        f"write_tx_s={main_figures['write_tx']:.3f} worst_write_tx_s={worst['write_tx']:.3f} "
        f"refresh_s={main_figures['refresh']:.3f} worst_refresh_s={worst['refresh']:.3f}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        sys.exit(0)
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--only",
        help="comma-separated scenarios (podiums, all-new-json, all-new-csv, teams-json, reload)",
    )
    parser.add_argument("--no-cli", action="store_true", help="skip the gamesbot load runs")
    options = parser.parse_args()
    chosen = set(options.only.split(",")) if options.only else None
    main(options.rounds, chosen, not options.no_cli)
