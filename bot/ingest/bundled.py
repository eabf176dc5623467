"""The bundled results shipped in data/: one folder per Games (named by its id), each a complete
Games in the results file format, and how a folder becomes one load plan."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from bot.domain.models import GamesData, LoadPlan

BUNDLED_SOURCE = "bundled data/"
RESULTS_SUFFIXES = {".json", ".csv"}


def default_data_dir() -> Path:
    """The data/ folder: beside the package in a checkout, or shipped inside the installed package."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "data", here / "data"):
        if candidate.is_dir():
            return candidate
    return here.parent / "data"


def bundled_files(folder: Path) -> list[Path]:
    """The results files of one Games' folder, in load order (NOCs first: their names sort first)."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in RESULTS_SUFFIXES)


def bundled_games(data_dir: Path) -> dict[str, Path]:
    """Games id → folder of every bundled Games in ``data_dir`` (one sub-folder per Games)."""
    if not data_dir.is_dir():
        return {}
    return {
        folder.name: folder
        for folder in sorted(data_dir.iterdir())
        if folder.is_dir() and bundled_files(folder)
    }


def bundled_plan(
    folder: Path,
    games_id: str,
    current: GamesData | None = None,
    others: Sequence[GamesData] = (),
) -> tuple[LoadPlan, str]:
    """One load plan for every file of a Games' folder, and the SHA-256 of their contents
    (``others``: the Games already held, whose people its athletes may be)."""
    # Imported here: a one-shot command over a filled database never parses files.
    from bot.ingest.parse import parse_results_file
    from bot.ingest.plan import build_plan

    digest = hashlib.sha256()
    parsed = []
    for path in bundled_files(folder):
        content = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + content)
        parsed.append(parse_results_file(path.name, content))
    return build_plan(parsed, current, games_id, others), digest.hexdigest()
