"""Labelled resolution cases (tests/unit/query/resolution_cases.jsonl) against the bundled Harbin
2025 data: typos, name orders, scripts, abbreviations, sport filters, and negative cases that must
come back ambiguous or none."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.domain.models import GamesData
from bot.domain.resolution import Resolution, ResolutionStatus
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.query.resolve import Resolver

CASES_FILE = Path(__file__).with_name("resolution_cases.jsonl")
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()
]


@pytest.fixture(scope="module")
def data() -> GamesData:
    plan, _ = bundled_plan(default_data_dir() / "harbin-2025", "harbin-2025")
    return apply_plan(None, plan)


@pytest.fixture(scope="module")
def resolver(data: GamesData) -> Resolver:
    return Resolver.build(data)


def _resolve(resolver: Resolver, case: dict[str, Any]) -> tuple[Resolution, Resolution | None]:
    kind, query = case["kind"], case["query"]
    if kind == "nation":
        return resolver.nation(query), None
    if kind == "athlete":
        return resolver.athlete(query), None
    if kind == "event":
        return resolver.event(query, case.get("sport")), None
    if kind == "sport":
        return resolver.sport(query), None
    assert kind == "nation_and_sport"
    return resolver.nation_and_sport(query)


def _describe(resolution: Resolution) -> str:
    match = resolution.match.id if resolution.match else None
    alternatives = [(c.id, c.score) for c in resolution.alternatives[:6]]
    return f"{resolution.status.value} match={match} alternatives={alternatives}"


def test_the_case_file_is_big_and_varied() -> None:
    categories = Counter(case["category"] for case in CASES)
    statuses = Counter(case["expect"] for case in CASES)
    assert len(CASES) >= 150
    assert len(categories) >= 15
    assert statuses["none"] + statuses["ambiguous"] >= 40


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['category']}:{c['query']}:{c.get('sport') or ''}" for c in CASES]
)
def test_resolution_case(resolver: Resolver, case: dict[str, Any]) -> None:
    resolution, sport = _resolve(resolver, case)
    seen = _describe(resolution)
    assert resolution.status is ResolutionStatus(case["expect"]), seen
    if case["expect"] == "confident":
        assert resolution.match is not None
        assert resolution.match.id == case["id"], seen
    else:
        assert resolution.match is None, seen
    ids = [c.id for c in resolution.alternatives]
    if "top" in case:
        assert set(ids[: len(case["top"])]) == set(case["top"]), seen
    for wanted in case.get("includes", ()):
        assert wanted in ids, seen
    for unwanted in case.get("excludes", ()):
        assert unwanted not in ids and (resolution.match is None or resolution.match.id != unwanted)
    if "sport_id" in case:
        expected = case["sport_id"]
        if expected is None:
            assert sport is None
        elif expected == "none":
            assert sport is not None and sport.status is ResolutionStatus.NONE
        else:
            assert sport is not None and sport.match is not None, sport
            assert sport.confident and sport.match.id == expected
