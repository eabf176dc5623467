"""The moderator's path to a second Games, as a moderator runs it: a database holding only Harbin,
one results file made from the bundled Milano folder, `gamesbot load` previews a new Games with
its size and the people it shares with Harbin, applies it, and `gamesbot undo` removes it again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.ingest.bundled import bundled_files, default_data_dir
from tests.e2e.test_cli import gamesbot

MILANO = "milano-cortina-2026"


def one_file(folder: Path) -> dict[str, Any]:
    """Every file of a bundled Games' folder as one results file."""
    merged: dict[str, Any] = {"nocs": [], "athletes": [], "events": []}
    for path in bundled_files(folder):
        part = json.loads(path.read_text("utf-8"))
        merged["games"] = part["games"]
        if "games_info" in part:
            merged["games_info"] = part["games_info"]
        for key in ("nocs", "athletes", "events"):
            merged[key] += part.get(key, [])
    return merged


def test_a_new_games_from_one_file_then_undone(tmp_path: Path) -> None:
    harbin_only = tmp_path / "data"
    harbin_only.mkdir()
    (harbin_only / "harbin-2025").symlink_to(default_data_dir() / "harbin-2025")
    env = {"GAMESBOT_DATA_DIR": str(harbin_only), "GAMESBOT_DEFAULT_GAMES": ""}
    content = one_file(default_data_dir() / MILANO)
    (tmp_path / "milano.json").write_text(json.dumps(content, ensure_ascii=False), "utf-8")

    before = gamesbot(tmp_path, "medals", "korea", "--games", "olympics", **env)
    assert before.returncode == 1 and "No Games called 'olympics' is loaded" in before.stderr

    preview = gamesbot(tmp_path, "load", "milano.json", "--dry-run", **env)
    assert preview.returncode == 0, preview.stderr
    out = preview.stdout
    assert (
        "New Games 2026 Winter Olympics (milano-cortina-2026): 116 events, 93 NOCs, 708 athletes"
        in out
    )
    assert "Same people as at other Games (25):" in out
    assert "Kim Gil-li (KOR) = Kim Gil-li (KOR) of 2025 Asian Winter Games" in out
    assert "Doubtful pairs" not in out

    applied = gamesbot(tmp_path, "load", "milano.json", "--yes", "--json", **env)
    assert applied.returncode == 0, applied.stderr
    assert json.loads(applied.stdout)["applied_load_id"] is not None
    norway = gamesbot(tmp_path, "medals", "norway", **env)  # the newest Games is the default now
    assert "18 gold · 12 silver · 11 bronze · 41 total" in norway.stdout
    person = gamesbot(tmp_path, "athlete", "kim gil-li", "--json", **env)
    assert json.loads(person.stdout)["type"] == "person"

    undone = gamesbot(tmp_path, "undo", "--yes", "--games", "milano", **env)
    assert undone.returncode == 0, undone.stderr
    assert "was removed" in undone.stdout
    after = gamesbot(tmp_path, "medals", "norway", **env)
    assert after.returncode == 1  # Norway did not take part at Harbin: no such nation now
    korea = gamesbot(tmp_path, "medals", "korea", **env)
    assert "45 total" in korea.stdout and "2025 Asian Winter Games" in korea.stdout
