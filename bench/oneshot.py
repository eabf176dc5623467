"""One-shot command benchmark: the whole process of ``gamesbot medals korea`` (start-up, imports,
opening the database, building the views, answering, printing) against the floor
``python -c "import pydantic, rapidfuzz, aiosqlite"`` (the libraries a one-shot cannot do
without), timed in turn in the same run so that the machine's drift moves both alike.

As an installed gamesbot would run: the package's bytecode is compiled first (into a temporary
``PYTHONPYCACHEPREFIX``, so nothing is written into the repository, and whatever
``PYTHONDONTWRITEBYTECODE`` says), the database is a temporary one filled by a warm-up run, and
the settings come from a clean environment (no ``.env``: the commands run in a temporary folder).
Each command runs ``N`` times after one warm-up; the ratios are taken pair by pair (A B A B ...)
and their medians reported, with the median times of each: wall time (what a user waits) and
CPU time (user + system, the operating system's accounting of the finished child: less moved by
other processes on a shared machine).

A third command is timed for information: the floor plus one pydantic model, defined and
validated once (``import pydantic`` alone is lazy: the first model imports ``pydantic.main``,
the schema builder and pydantic's plugin loader), what any process using the project's pydantic
models pays before running any of its code; ``models_floor_ratio`` is that against the floor.

Run from the repository root: ``python bench/oneshot.py [N]`` (default 30). The last line is
``SUMMARY oneshot_ms=<float> floor_ms=<float> ratio=<float> cpu_ratio=<float>
models_floor_ratio=<float> runs=<int>`` (times are wall medians; ratios against the floor); the
target is ratio <= 1.5.
"""

from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = (sys.executable, "-c", "import pydantic, rapidfuzz, aiosqlite")
#: For information: the floor plus the first pydantic model, defined and validated.
MODELS_FLOOR = (
    sys.executable,
    "-c",
    "import pydantic, rapidfuzz, aiosqlite\nclass M(pydantic.BaseModel):\n    x: int\nM(x=1)",
)
ONESHOT = (sys.executable, "-m", "bot", "medals", "korea")
TARGET = 1.5


def environment(work: Path) -> dict[str, str]:
    """The caller's environment without gamesbot's, Discord's and logging settings, with a
    temporary database and bytecode cache."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "GAMESBOT_", "SHARD_", "LOG_", "PYTHONDONTWRITEBYTECODE"))
    }
    env["GAMESBOT_DB_PATH"] = str(work / "gamesbot.db")
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["PYTHONPATH"] = str(ROOT)
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: tuple[str, ...], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process; fails loudly if it does not answer."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed, _children_cpu() - cpu


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="gamesbot-oneshot-") as tmp:
        work = Path(tmp)
        env = environment(work)
        os.environ["PYTHONPYCACHEPREFIX"] = env["PYTHONPYCACHEPREFIX"]
        sys.pycache_prefix = env["PYTHONPYCACHEPREFIX"]
        compileall.compile_dir(ROOT / "bot", quiet=1)
        timed(ONESHOT, env, work)  # fills the database; not counted
        timed(FLOOR, env, work)
        timed(MODELS_FLOOR, env, work)
        walls: tuple[list[float], ...] = ([], [], [])
        cpus: tuple[list[float], ...] = ([], [], [])
        for _ in range(runs):
            for series, argv in enumerate((ONESHOT, FLOOR, MODELS_FLOOR)):
                wall, cpu = timed(argv, env, work)
                walls[series].append(wall)
                cpus[series].append(cpu)
    ratio = statistics.median(a / b for a, b in zip(walls[0], walls[1], strict=True))
    cpu_ratio = statistics.median(a / b for a, b in zip(cpus[0], cpus[1], strict=True))
    models_ratio = statistics.median(a / b for a, b in zip(walls[2], walls[1], strict=True))
    a_ms, b_ms = median_ms(walls[0]), median_ms(walls[1])
    print(f"gamesbot medals korea: wall {a_ms:.1f} ms, cpu {median_ms(cpus[0]):.1f} ms (medians)")
    print(
        f"floor (import pydantic, rapidfuzz, aiosqlite): wall {b_ms:.1f} ms, "
        f"cpu {median_ms(cpus[1]):.1f} ms"
    )
    print(
        f"floor + one pydantic model: wall {median_ms(walls[2]):.1f} ms, "
        f"cpu {median_ms(cpus[2]):.1f} ms; {models_ratio:.3f} x the floor"
    )
    print(f"ratio pair by pair: wall {ratio:.3f}, cpu {cpu_ratio:.3f} (target <= {TARGET})")
    print(
        f"SUMMARY oneshot_ms={a_ms:.1f} floor_ms={b_ms:.1f} ratio={ratio:.3f} "
        f"cpu_ratio={cpu_ratio:.3f} models_floor_ratio={models_ratio:.3f} runs={runs}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
