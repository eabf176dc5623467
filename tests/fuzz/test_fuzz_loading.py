"""Fuzzing the load path with hostile files (issue 14): generated files go through the real
service over a real SQLite store on disk, and some through the real command line. Whatever the
file, the answer is a load applied or ``InvalidResultsFile`` (exit 0 or 3), never another error
or a traceback; a refused file leaves the database byte for byte as it was; an applied one is
undone to the same; and each file is read in bounded time and memory.

Default: a small repeatable run (see conftest.py); ``GAMESBOT_FUZZ_EXAMPLES=2000`` for a big one."""

from __future__ import annotations

import asyncio
import sqlite3
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.errors import InvalidResultsFile
from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.store.factory import open_store
from tests.e2e.test_cli import gamesbot
from tests.fuzz.conftest import BIG, FUZZ
from tests.fuzz.strategies import hostile_files

#: A file of a few kilobytes is read, checked and planned well within these.
SECONDS_A_FILE = 10.0
PEAK_BYTES_A_FILE = 150 * 1024 * 1024


@dataclass
class Loaded:
    runner: asyncio.Runner
    service: GamesService
    db: Path

    def dump(self) -> list[str]:
        with sqlite3.connect(self.db) as db:
            return list(db.iterdump())


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    """The service over a real store on disk, filled with the bundled data once."""
    db = tmp_path_factory.mktemp("fuzz") / "gamesbot.db"
    runner = asyncio.Runner()

    async def start() -> tuple[GamesService, object]:
        store = await open_store(db)
        service = GamesService(store, "harbin-2025", default_data_dir())
        await service.start()
        return service, store

    service, store = runner.run(start())
    yield Loaded(runner, service, db)
    runner.run(store.close())  # type: ignore[attr-defined]
    runner.close()


@FUZZ
@given(hostile_files())
def test_any_file_loads_or_is_refused_and_a_refusal_changes_nothing(
    loaded: Loaded, file: tuple[str, bytes]
) -> None:
    name, content = file
    before = loaded.dump()
    tracemalloc.start()
    started = time.monotonic()
    try:
        applied = loaded.runner.run(loaded.service.loads.load(name, content, user_id=None))
    except InvalidResultsFile as exc:
        applied = None
        assert exc.problems, "a refusal names its problems"
        for problem in exc.problems:
            assert problem.reason and str(problem).isprintable(), repr(problem)
    finally:
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < SECONDS_A_FILE, f"{elapsed:.1f} s for {len(content):,} bytes"
    assert peak < PEAK_BYTES_A_FILE, f"{peak:,} bytes at the peak for {len(content):,} bytes"
    if applied is not None and applied.applied_load_id is not None:
        loaded.runner.run(loaded.service.loads.undo(user_id=None))
        assert _data_rows(loaded.dump()) == _data_rows(before)
    else:  # refused, or a file that changes nothing: no history entry, nothing written
        assert applied is None or applied.no_change
        assert loaded.dump() == before


@settings(FUZZ, max_examples=max(BIG // 50, 4))
@given(hostile_files())
def test_the_command_line_exits_0_or_3_without_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, file: tuple[str, bytes]
) -> None:
    name, content = file
    home = _cli_home(tmp_path_factory)
    (home / name).write_bytes(content)
    done = gamesbot(home, "load", name, "--dry-run")
    assert done.returncode in (0, 3), done.stderr
    assert "Traceback" not in done.stderr


def _data_rows(dump: list[str]) -> list[str]:
    """The rows of a dump less the load history (an undo adds to it and re-inserts rows in
    another order)."""
    history = ('INSERT INTO "loads"', 'INSERT INTO "sqlite_sequence"')
    return sorted(line for line in dump if not line.startswith(history))


_HOMES: dict[str, Path] = {}


def _cli_home(factory: pytest.TempPathFactory) -> Path:
    if "cli" not in _HOMES:
        _HOMES["cli"] = factory.mktemp("fuzz-cli")
    return _HOMES["cli"]


#: Large hostile files, within or just past the size limit: each is read in bounded time and
#: memory and refused.
def _large_files() -> dict[str, tuple[str, bytes]]:
    from bot.ingest.limits import MAX_BYTES

    header = b"games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
    one_word = b'{"events": [{"sport": "S", "event": "E", "gender": "men", "results": [{"noc": "KOR", "athletes": ["'
    return {
        "five megabytes of [": ("deep.json", b"[" * MAX_BYTES),
        "five megabytes of {": ("deep.json", b'{"a":' * (MAX_BYTES // 5)),
        "empty lists in a list": (
            "lists.json",
            b'{"notes": [' + b"[]," * (MAX_BYTES // 3 - 10) + b"[]]}",
        ),
        "a one-word name of nearly five megabytes": (
            "word.json",
            one_word + b"x" * (MAX_BYTES - len(one_word) - 10) + b'"]}]}]}',
        ),
        "a number of a million digits": ("digits.json", b'{"notes": [' + b"7" * 1_000_000 + b"]}"),
        "a CSV of empty lines": ("lines.csv", header + b"\n" * (MAX_BYTES - len(header))),
        "a CSV cell of a million characters": ("cell.csv", header + b"x" * 1_000_000 + b"\n"),
        "one byte past the limit": ("big.csv", header + b" " * (MAX_BYTES - len(header) + 1)),
    }


@pytest.mark.parametrize("case", list(_large_files()))
def test_large_hostile_files_are_refused_in_bounded_time_and_memory(
    loaded: Loaded, case: str
) -> None:
    name, content = _large_files()[case]
    before = loaded.dump()
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(InvalidResultsFile):
        loaded.runner.run(loaded.service.loads.load(name, content, user_id=None))
    elapsed = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 20, f"{elapsed:.1f} s"
    assert peak < 400 * 1024 * 1024, f"{peak:,} bytes at the peak"
    assert loaded.dump() == before


def test_the_strategies_reach_both_outcomes(loaded: Loaded) -> None:
    """The generated files are not all refused: the valid ones they start from load."""
    from tests.fuzz.strategies import VALID_CSV

    applied = loaded.runner.run(
        loaded.service.loads.load("ok.csv", VALID_CSV.encode(), user_id=None)
    )
    assert applied.applied_load_id is not None
    loaded.runner.run(loaded.service.loads.undo(user_id=None))


_ = st  # the strategies live in tests/fuzz/strategies.py
