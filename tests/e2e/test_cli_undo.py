"""``gamesbot undo`` names the load it will undo and undoes exactly that one: the question says
which load, the answer undoes that load or nothing (exit 1) when another load landed between the
question and the answer; ``--load ID`` undoes that load only while it is still the latest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.test_cli import gamesbot
from tests.e2e.test_cli_loading import DSQ

APPEAL = DSQ.replace("DSQ after video review (test correction)", "DSQ upheld on appeal")


def last_load_ids(tmp_path: Path) -> list[str]:
    """The ids of the history's lines, newest first."""
    history = gamesbot(tmp_path, "history", "--json")
    assert history.returncode == 0, history.stderr
    import json

    return [str(load["load_id"]) for load in json.loads(history.stdout)["loads"]]


def ask_undo(tmp_path: Path) -> subprocess.Popen[str]:
    """``gamesbot undo`` waiting at its question (read up to ``[y/N]``)."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "GAMESBOT_", "SHARD_", "LOG_", "LC_"))
    }
    environment |= {
        "GAMESBOT_DB_PATH": str(tmp_path / "g.db"),
        "HOME": str(tmp_path),
        "GAMESBOT_DEFAULT_GAMES": "harbin-2025",
        "LANG": "C.UTF-8",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "undo"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=tmp_path,
    )


def read_question(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    seen = ""
    while not seen.endswith("[y/N] "):
        char = process.stdout.read(1)
        assert char, f"no question; stderr: {process.stderr.read() if process.stderr else ''}"
        seen += char
    return seen


def test_the_question_names_the_load_and_the_answer_undoes_that_one(tmp_path: Path) -> None:
    (tmp_path / "dsq.csv").write_text(DSQ, encoding="utf-8")
    assert gamesbot(tmp_path, "load", "dsq.csv", "--yes").returncode == 0
    dsq_id = last_load_ids(tmp_path)[0]
    declined = gamesbot(tmp_path, "undo", stdin="n\n")
    assert declined.returncode == 0
    assert f"Undo load {dsq_id} (dsq.csv, loaded " in declined.stdout
    assert "from the command line)? [y/N]" in declined.stdout
    assert "Not undone; nothing changed." in declined.stdout
    undone = gamesbot(tmp_path, "undo", stdin="y\n")
    assert undone.returncode == 0, undone.stderr
    assert f"Undid load {dsq_id} (dsq.csv)." in undone.stdout


def test_a_load_between_the_question_and_the_answer_is_not_undone(tmp_path: Path) -> None:
    (tmp_path / "dsq.csv").write_text(DSQ, encoding="utf-8")
    (tmp_path / "appeal.csv").write_text(APPEAL, encoding="utf-8")
    assert gamesbot(tmp_path, "load", "dsq.csv", "--yes").returncode == 0
    dsq_id = last_load_ids(tmp_path)[0]
    asking = ask_undo(tmp_path)
    try:
        assert f"Undo load {dsq_id} (dsq.csv" in read_question(asking)
        landed = gamesbot(tmp_path, "load", "appeal.csv", "--yes")  # meanwhile, elsewhere
        assert landed.returncode == 0, landed.stderr
        appeal_id = last_load_ids(tmp_path)[0]
        out, err = asking.communicate("y\n", timeout=60)
    finally:
        asking.kill()
    assert asking.returncode == 1, (out, err)
    assert f"Load {dsq_id} is no longer the latest load (load {appeal_id} is" in err
    assert "nothing was undone" in err and "Traceback" not in err
    history = gamesbot(tmp_path, "history").stdout
    assert "undo of" not in history
    assert last_load_ids(tmp_path)[0] == appeal_id


def test_undo_of_a_named_load(tmp_path: Path) -> None:
    (tmp_path / "dsq.csv").write_text(DSQ, encoding="utf-8")
    (tmp_path / "appeal.csv").write_text(APPEAL, encoding="utf-8")
    assert gamesbot(tmp_path, "load", "dsq.csv", "--yes").returncode == 0
    dsq_id = last_load_ids(tmp_path)[0]
    assert gamesbot(tmp_path, "load", "appeal.csv", "--yes").returncode == 0
    appeal_id = last_load_ids(tmp_path)[0]

    refused = gamesbot(tmp_path, "undo", "--load", dsq_id, "--yes")
    assert refused.returncode == 1
    assert f"Load {dsq_id} is no longer the latest load (load {appeal_id} is" in refused.stderr
    assert last_load_ids(tmp_path)[0] == appeal_id
    asked = gamesbot(tmp_path, "undo", "--load", dsq_id, stdin="y\n")
    assert asked.returncode == 1 and "[y/N]" not in asked.stdout

    undone = gamesbot(tmp_path, "undo", "--load", appeal_id, "--yes")
    assert undone.returncode == 0, undone.stderr
    assert f"Undid load {appeal_id} (appeal.csv)." in undone.stdout
    undone = gamesbot(tmp_path, "undo", "--load", dsq_id, stdin="y\n")
    assert undone.returncode == 0, undone.stderr
    assert f"Undo load {dsq_id} (dsq.csv" in undone.stdout
    assert f"Undid load {dsq_id} (dsq.csv)." in undone.stdout
    again = gamesbot(tmp_path, "undo", "--load", dsq_id, "--yes")
    assert again.returncode == 1 and "no longer the latest load" in again.stderr
