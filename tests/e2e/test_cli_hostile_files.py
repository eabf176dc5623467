"""Hostile results files through the real command line (issue 14): each is refused with exit 3,
the row or path and a plain reason, no traceback, and the store unchanged; reading never goes
past the size limit, and a FIFO, a device or a directory is refused without being read."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.test_cli import gamesbot

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
W1500 = ",Short track speed skating,Women's 1500 metres,women,2025-02-08,"


def one_event(results_json: str, extra: str = "") -> str:
    return (
        '{"games": "harbin-2025", "events": [{"sport": "Short track speed skating", '
        '"event": "Women\'s 1500 metres", "gender": "women", "date": "2025-02-08", '
        f'"results": [{results_json}]{extra}}}]}}'
    )


GOLD = '{"rank": 1, "medal": "gold", "noc": "KOR", "athletes": ["Kim Gil-li"]'

HOSTILE: dict[str, tuple[str, str, str]] = {
    # name: (file name, content, a line the refusal must hold)
    "rank beyond 64 bits": (
        "big.json",
        one_event('{"rank": 99999999999999999999, "noc": "KOR", "athletes": ["Kim Gil-li"]}'),
        "events[0].results[0].rank: rank is too large",
    ),
    "birth year beyond 64 bits": (
        "born.json",
        '{"games": "harbin-2025", "athletes": [{"name": "Kim Gil-li", "noc": "KOR", '
        '"birth_year": 18446744073709551616}]}',
        "athletes[0].birth_year: birth_year is too large",
    ),
    "an integer of 5,000 digits": (
        "digits.json",
        one_event('{"rank": ' + "7" * 5_000 + ', "noc": "KOR"}'),
        "rank is too large (a number of 5,000 characters",
    ),
    "nested 1,000 deep": (
        "deep.json",
        '{"notes": ' + "[" * 1_000 + "]" * 1_000 + "}",
        "file: nested too deeply",
    ),
    "a 100 kB one-word athlete name": (
        "long.csv",
        HEADER + W1500 + f"1,gold,KOR,{'x' * 100_000},,\n",
        "row 2: athletes[0]: too long: 100,000 characters (the limit is 200)",
    ),
    "a 20 kB one-word athlete name in JSON": (
        "long.json",
        one_event(f'{{"rank": 1, "medal": "gold", "noc": "KOR", "athletes": ["{"x" * 20_000}"]}}'),
        "events[0].results[0].athletes[0]: too long: 20,000 characters (the limit is 200)",
    ),
    "a word of 61 letters": (
        "word.csv",
        HEADER + W1500 + f"1,gold,KOR,Kim {'a' * 61},,\n",
        "row 2: athletes[0]: has a word of 61 characters (the limit is 60)",
    ),
    "a number as a mark": (
        "mark.json",
        one_event(GOLD + ', "mark": 43.016}'),
        "events[0].results[0].mark: must be text in quotes, not a number",
    ),
    "a string as the athlete list": (
        "list.json",
        one_event('{"rank": 1, "medal": "gold", "noc": "KOR", "athletes": "Kim Gil-li"}'),
        "events[0].results[0].athletes: athletes must be a list of names, not text",
    ),
    "a Unix time as a date": (
        "date.json",
        one_event(GOLD + "}").replace('"2025-02-08"', "1739000000"),
        "events[0].date: date must be text YYYY-MM-DD in quotes, not a number",
    ),
    "true as a birth year": (
        "true.json",
        '{"athletes": [{"name": "Kim Gil-li", "noc": "KOR", "birth_year": true}]}',
        "athletes[0].birth_year: birth_year must be a whole number, not true/false",
    ),
    "a second events key": (
        "twice.json",
        one_event(GOLD + "}")[:-1] + ', "events": []}',
        "file: key 'events' is given more than once",
    ),
    "four golds without a tie": (
        "golds.csv",
        HEADER
        + "".join(
            W1500 + f"1,gold,KOR,{name},2:2{n}.0,\n"
            for n, name in enumerate(
                ["Kim Gil-li", "Choi Min-jeong", "Shim Suk-hee", "Lee So-yeon"]
            )
        ),
        "row 3: 4 results share rank 1, but a tie needs the same mark on each",
    ),
    "a gold without a rank": (
        "norank.json",
        one_event('{"medal": "gold", "noc": "KOR", "athletes": ["Kim Gil-li"]}'),
        "events[0].results[0]: medal gold without a rank",
    ),
    "one athlete at two ranks": (
        "twice.csv",
        HEADER
        + W1500
        + "1,gold,KOR,Kim Gil-li,,\n"
        + W1500
        + "2,silver,CHN,Zhang Chutong,,\n"
        + W1500
        + "3,bronze,KOR,Kim Gil-li,,\n",
        "row 4: athlete 'Kim Gil-li' of KOR is already listed at row 2",
    ),
    "a CSV cut short": (
        "cut.csv",
        HEADER + W1500 + "1,gold,KOR,Kim Gil-li,,\n" + W1500 + "2,silver,CHN,Zhang Chu",
        "the file does not end with a line break after its last row",
    ),
    "an escape sequence in an event name": (
        "escape.json",
        one_event(GOLD + "}").replace("1500 metres", "1500 metres\\u001b[2J"),
        "events[0].event: contains a control character (U+001B) at character 20; remove it",
    ),
    "a right-to-left override in a name": (
        "bidi.csv",
        HEADER + W1500 + "1,gold,KOR,Kim \u202eil-liG,,\n",
        "row 2: athletes[0]: contains a control character (U+202E) at character 5",
    ),
    "names that fold to nothing": (
        "nothing.csv",
        HEADER
        + ",Curling,Test event,mixed,,,,KOR,!!!,,\n"
        + ",Curling,Test event,mixed,,,,KOR,???,,\n",
        "row 3: athletes[0]: name '???' has no letters or digits",
    ),
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for the module (every load here is refused, so none changes it)."""
    where = tmp_path_factory.mktemp("hostile")
    assert gamesbot(where, "history").returncode == 0
    return where


def dump(home: Path) -> list[str]:
    with sqlite3.connect(home / "g.db") as db:
        return list(db.iterdump())


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_is_refused_with_exit_3_and_changes_nothing(home: Path, case: str) -> None:
    name, content, expected = HOSTILE[case]
    (home / name).write_text(content, encoding="utf-8")
    before = dump(home)
    done = gamesbot(home, "load", name, "--yes")
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert expected in done.stderr, done.stderr
    assert f"gamesbot: {name}: " in done.stderr and "nothing was changed" in done.stderr
    assert dump(home) == before


def test_a_fifo_is_refused_without_waiting_for_a_writer(home: Path) -> None:
    fifo = home / "results.csv"
    os.mkfifo(fifo)
    try:
        done = gamesbot(home, "load", str(fifo), "--yes")
    finally:
        fifo.unlink()
    assert done.returncode == 3, done.stderr
    assert "file: not a regular file (a named pipe)" in done.stderr


@pytest.mark.parametrize(("path", "kind"), [("/dev/zero", "a device"), (".", "a directory")])
def test_a_device_or_a_directory_is_refused_without_being_read(
    home: Path, path: str, kind: str
) -> None:
    done = gamesbot(home, "load", path, "--yes")
    assert done.returncode == 3, done.stderr
    assert f"file: not a regular file ({kind})" in done.stderr


def test_a_file_over_the_size_limit_is_refused_by_its_size(home: Path) -> None:
    from bot.ingest.parse import MAX_BYTES

    big = home / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing to read but zeros
    done = gamesbot(home, "load", "big.csv", "--yes")
    big.unlink()
    assert done.returncode == 3
    assert f"file: too large: {MAX_BYTES + 1:,} bytes (the limit is {MAX_BYTES:,})" in done.stderr


def test_a_valid_file_still_loads(home: Path, tmp_path: Path) -> None:
    content = json.loads(one_event(GOLD + ', "mark": "2:20.000"}'))
    (tmp_path / "ok.json").write_text(json.dumps(content), encoding="utf-8")
    done = gamesbot(tmp_path, "load", "ok.json", "--dry-run")
    assert done.returncode == 0, done.stderr
