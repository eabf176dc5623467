"""Small results files for the ingest tests: one valid event in JSON or CSV, with any key
overridden, and the problems parsing (and planning) finds in a file."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.domain.errors import InvalidResultsFile
from bot.domain.models import GamesData
from bot.ingest.parse import parse_results_file
from bot.ingest.plan import build_plan

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"


def result(**override: Any) -> dict[str, Any]:
    return {"rank": 1, "medal": "gold", "noc": "KOR", "athletes": ["Kim Gil-li"], **override}


def event(results: list[dict[str, Any]] | None = None, **override: Any) -> dict[str, Any]:
    return {
        "sport": "Short track speed skating",
        "event": "Women's 1500 metres",
        "gender": "women",
        "date": "2025-02-08",
        "results": [result()] if results is None else results,
        **override,
    }


def json_file(events: list[dict[str, Any]] | None = None, **top: Any) -> bytes:
    return json.dumps(
        {"games": "harbin-2025", "events": [event()] if events is None else events, **top},
        ensure_ascii=False,
    ).encode()


def parse_problems(content: bytes, name: str = "f.json") -> list[str]:
    """Problems found while reading the file (no current data needed)."""
    try:
        return [str(p) for p in parse_results_file(name, content).problems]
    except InvalidResultsFile as exc:
        return [str(p) for p in exc.problems]


def all_problems(content: bytes, current: GamesData, name: str = "f.json") -> list[str]:
    """Problems of reading and planning the file against ``current``; [] when it would load."""
    try:
        build_plan([parse_results_file(name, content)], current, "harbin-2025")
    except InvalidResultsFile as exc:
        return [str(p) for p in exc.problems]
    return []


def refused(content: bytes, name: str = "f.json") -> list[str]:
    problems = parse_problems(content, name)
    if not problems:
        pytest.fail("the file was accepted")
    return problems
