"""Guards on the bundled data: every file of every bundled Games loads and is tidy, every folder
builds into one load plan; Harbin's podiums are complete and its NOCs are participants."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bot.domain.models import GamesData, Medal
from bot.domain.resolution import ResolutionStatus
from bot.ingest.bundled import bundled_files, bundled_games, bundled_plan, default_data_dir
from bot.ingest.parse import parse_results_file
from bot.query.games_names import GamesNames

BUNDLED_GAMES = ("harbin-2025", "milano-cortina-2026")
DATA_FILES = [path for games in BUNDLED_GAMES for path in bundled_files(default_data_dir() / games)]


def test_data_holds_the_bundled_games() -> None:
    assert tuple(bundled_games(default_data_dir())) == BUNDLED_GAMES


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_data_file_loads(path) -> None:  # type: ignore[no-untyped-def]
    read = parse_results_file(path.name, path.read_bytes())
    assert read.problems == ()
    parsed = read.file
    assert parsed.games == path.parent.name
    assert parsed.events or parsed.nocs


@pytest.mark.parametrize("games_id", BUNDLED_GAMES)
def test_every_games_folder_builds_one_load_plan(games_id: str) -> None:
    """The whole folder loads as one plan (``bundled_plan`` raises on any problem)."""
    plan, digest = bundled_plan(default_data_dir() / games_id, games_id)
    assert plan.warnings == ()
    assert plan.games.id == games_id
    assert plan.games.aliases and plan.games.as_of is not None
    assert plan.events and plan.nations and plan.athletes
    assert len(digest) == 64


def test_the_games_has_64_events_and_34_nocs(bundled_data: GamesData) -> None:
    assert len(bundled_data.events) == 64
    assert len(bundled_data.nations) == 34
    assert len({e.sport for e in bundled_data.events}) == 11


def test_every_event_has_a_full_podium_unless_a_note_explains_a_tie(
    bundled_data: GamesData,
) -> None:
    medals_by_event: dict[str, Counter[Medal]] = {e.id: Counter() for e in bundled_data.events}
    for result in bundled_data.results:
        if result.medal:
            medals_by_event[result.event_id][result.medal] += 1
    events = {e.id: e for e in bundled_data.events}
    for event_id, medals in medals_by_event.items():
        full = medals[Medal.GOLD] == 1 and medals[Medal.SILVER] == 1 and medals[Medal.BRONZE] >= 1
        explained = any("tie" in note.lower() for note in events[event_id].notes)
        assert full or explained, f"{event_id}: {dict(medals)}"


def test_every_result_noc_is_a_participant(bundled_data: GamesData) -> None:
    codes = {n.code for n in bundled_data.nations}
    assert {r.noc for r in bundled_data.results} <= codes
    assert {a.noc for a in bundled_data.athletes} <= codes


def test_every_event_keeps_its_sources(bundled_data: GamesData) -> None:
    for event in bundled_data.events:
        assert event.sources, event.id
        assert all(s.startswith("http") for s in event.sources), event.id


def test_every_result_athlete_is_known(bundled_data: GamesData) -> None:
    ids = {a.id for a in bundled_data.athletes}
    for result in bundled_data.results:
        assert set(result.athletes) <= ids


def test_short_track_finals_are_complete(bundled_data: GamesData) -> None:
    """Every short-track final place the sources give is kept, not only the medallists."""
    short_track = [e for e in bundled_data.events if e.sport == "Short track speed skating"]
    assert len(short_track) == 9
    places = Counter(
        r.event_id for r in bundled_data.results if r.event_id in {e.id for e in short_track}
    )
    assert places["short-track-speed-skating/womens-1500-metres"] == 7
    assert places["short-track-speed-skating/mens-1500-metres"] == 7
    assert sum(places.values()) == 46


def test_data_files_are_tidy_json() -> None:
    """Files are UTF-8 JSON written one way, so diffs of data corrections stay readable."""
    for path in DATA_FILES:
        text = path.read_text("utf-8")
        expected = json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"
        assert text == expected, f"{path.parent.name}/{path.name}"


def test_every_games_alias_names_only_its_games() -> None:
    """With every bundled Games loaded, each alias resolves to its own Games, and a bare "winter
    games" to none of them for sure."""
    games = [bundled_plan(default_data_dir() / g, g)[0].games for g in BUNDLED_GAMES]
    names = GamesNames.build(games)
    for one in games:
        for alias in one.aliases:
            resolution = names.resolve(alias)
            assert resolution.status is ResolutionStatus.CONFIDENT, (one.id, alias)
            assert resolution.match is not None and resolution.match.id == one.id, alias
    assert names.resolve("winter games").status is ResolutionStatus.AMBIGUOUS
