"""The bundled results shipped in data/: where they are and how they become one load plan."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.domain.models import GamesData, LoadPlan
from bot.ingest.parse import parse_results_file
from bot.ingest.plan import build_plan

BUNDLED_SOURCE = "bundled data/"


def default_data_dir() -> Path:
    """The data/ folder: beside the package in a checkout, or shipped inside the installed package."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "data", here / "data"):
        if candidate.is_dir():
            return candidate
    return here.parent / "data"


def bundled_files(data_dir: Path) -> list[Path]:
    """The results files in ``data_dir``, in load order (NOCs first: their names sort first)."""
    return sorted(p for p in data_dir.iterdir() if p.suffix.lower() in {".json", ".csv"})


def bundled_plan(
    data_dir: Path, default_games: str, current: GamesData | None = None
) -> tuple[LoadPlan, str]:
    """One load plan for every bundled file, and the SHA-256 of their contents."""
    digest = hashlib.sha256()
    parsed = []
    for path in bundled_files(data_dir):
        content = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + content)
        parsed.append(parse_results_file(path.name, content))
    return build_plan(parsed, current, default_games), digest.hexdigest()
