"""Moderator commands on the command line: load with preview, undo, history, export; a bad file
exits 3 and changes nothing; a load killed halfway leaves the data as before."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.e2e.test_cli import gamesbot

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
W1000 = ",Short track speed skating,Women's 1000 metres,women,2025-02-09,"
DSQ = (
    HEADER
    + W1000
    + ",,KOR,Choi Min-jeong,1:29.637,DSQ after video review (test correction)\n"
    + W1000
    + "1,gold,KOR,Kim Gil-li,1:29.739,\n"
    + W1000
    + "2,silver,CHN,Zhang Chutong,1:29.836,\n"
    + W1000
    + "3,bronze,KOR,Shim Suk-hee,,\n"
)


def test_disqualification_preview_apply_and_undo(tmp_path: Path) -> None:
    (tmp_path / "dsq.csv").write_text(DSQ, encoding="utf-8")
    preview = gamesbot(tmp_path, "load", "dsq.csv", "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "Medal table: CHN 32/27/26 → 32/28/25; KOR 16/15/14 → 16/14/15" in preview.stdout
    assert "Choi Min-jeong: rank 1, gold, 1:29.637 → rank –, no medal" in preview.stdout
    declined = gamesbot(tmp_path, "load", "dsq.csv", stdin="n\n")
    assert declined.returncode == 0 and "nothing changed" in declined.stdout
    assert "16 gold · 15 silver · 14 bronze" in gamesbot(tmp_path, "medals", "KOR").stdout

    applied = gamesbot(tmp_path, "load", "dsq.csv", stdin="y\n")
    assert applied.returncode == 0, applied.stderr
    assert "16 gold · 14 silver · 15 bronze" in gamesbot(tmp_path, "medals", "KOR").stdout
    history = gamesbot(tmp_path, "history").stdout
    assert "dsq.csv" in history and "bundled" in history

    undone = gamesbot(tmp_path, "undo", "--yes")
    assert undone.returncode == 0 and "KOR 16/14/15 → 16/15/14" in undone.stdout
    assert "16 gold · 15 silver · 14 bronze" in gamesbot(tmp_path, "medals", "KOR").stdout
    assert gamesbot(tmp_path, "undo", "--yes").returncode == 1


def test_a_bad_file_exits_3_lists_every_problem_and_changes_nothing(tmp_path: Path) -> None:
    before = gamesbot(tmp_path, "export", "--format", "csv").stdout.encode()
    bad = (
        HEADER
        + W1000
        + "1,gold,XKO,Kim Gil-li,,\n"
        + W1000
        + "2,golden,CHN,Zhang Chutong,,\n"
        + W1000
        + "third,bronze,KOR,Shim Suk-hee,,\n"
    )
    (tmp_path / "bad.csv").write_text(bad, encoding="utf-8")
    done = gamesbot(tmp_path, "load", "bad.csv", "--yes")
    assert done.returncode == 3
    assert "row 2: unknown NOC 'XKO'" in done.stderr
    assert "row 3: medal 'golden'" in done.stderr
    assert "row 4: rank 'third'" in done.stderr
    after = gamesbot(tmp_path, "export", "--format", "csv").stdout.encode()
    assert after == before


def test_export_to_a_file_and_back(tmp_path: Path) -> None:
    assert gamesbot(tmp_path, "export", "-o", "all.json").returncode == 0
    done = gamesbot(tmp_path, "load", "all.json", "--dry-run")
    assert done.returncode == 0 and "No changes" in done.stdout


def test_a_load_that_changes_nothing_says_so_and_makes_no_history_entry(tmp_path: Path) -> None:
    (tmp_path / "dsq.csv").write_text(DSQ, encoding="utf-8")
    assert gamesbot(tmp_path, "load", "dsq.csv", "--yes").returncode == 0
    history = gamesbot(tmp_path, "history").stdout
    for args in (("--yes",), ()):
        again = gamesbot(tmp_path, "load", "dsq.csv", *args, stdin="y\n")
        assert again.returncode == 0, again.stderr
        assert "No changes: the data already says this." in again.stdout
        assert "Nothing to load: no history entry is made." in again.stdout
        assert "Loaded" not in again.stdout and "[y/N]" not in again.stdout
    assert gamesbot(tmp_path, "history").stdout == history


def big_file(events: int = 60, per_event: int = 400) -> str:
    rows = [HEADER.strip()]
    for e in range(events):
        for r in range(1, per_event + 1):
            medal = {1: "gold", 2: "silver", 3: "bronze"}.get(r, "")
            rows.append(
                f",Test sport,Test event {e},men,2025-02-10,{r},{medal},KOR,Test Athlete {e}-{r},,"
            )
    return "\n".join(rows) + "\n"


def test_a_load_killed_halfway_leaves_the_data_as_before(tmp_path: Path) -> None:
    before = gamesbot(tmp_path, "export").stdout
    (tmp_path / "big.csv").write_text(big_file(), encoding="utf-8")
    env_db = tmp_path / "g.db"
    import os

    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "GAMESBOT_"))
    }
    environment["GAMESBOT_DB_PATH"] = str(env_db)
    environment["GAMESBOT_DEFAULT_GAMES"] = "harbin-2025"
    loader = subprocess.Popen(
        [sys.executable, "-m", "bot", "load", "big.csv", "--yes"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    probe = sqlite3.connect(env_db, timeout=0, isolation_level=None)
    killed_inside = False
    deadline = time.monotonic() + 60
    while loader.poll() is None and time.monotonic() < deadline:
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError:  # the loader holds the write lock: it is mid-transaction
            loader.send_signal(signal.SIGKILL)
            killed_inside = True
            break
        time.sleep(0.002)
    loader.wait(timeout=30)
    probe.close()
    assert killed_inside, "the load finished before it could be killed mid-transaction"
    assert loader.returncode == -signal.SIGKILL
    assert gamesbot(tmp_path, "export").stdout == before
    assert "big.csv" not in gamesbot(tmp_path, "history").stdout
