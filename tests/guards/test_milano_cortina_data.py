"""Guards on the bundled Milano Cortina 2026 data: its size, its sourced ties, and medals counted
from the results that equal the official final medal table (tests/guards/official/) for every NOC,
with the neutral athletes' silver kept in the results but out of the ranking."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.answers.models import MedalTable
from bot.domain.models import EventKind, GamesData, Medal
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.query.index import GamesIndex, rank_counts
from bot.service import GamesService

GAMES_ID = "milano-cortina-2026"
OFFICIAL = Path(__file__).parent / "official" / f"{GAMES_ID}.json"
SPORTS = {
    "Alpine skiing",
    "Biathlon",
    "Bobsleigh",
    "Cross-country skiing",
    "Curling",
    "Figure skating",
    "Freestyle skiing",
    "Ice hockey",
    "Luge",
    "Nordic combined",
    "Short track speed skating",
    "Skeleton",
    "Ski jumping",
    "Ski mountaineering",
    "Snowboarding",
    "Speed skating",
}


@pytest.fixture(scope="module")
def milano() -> GamesData:
    plan, _ = bundled_plan(default_data_dir() / GAMES_ID, GAMES_ID)
    return apply_plan(None, plan)


@pytest.fixture(scope="module")
def official() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(OFFICIAL.read_text("utf-8"))
    return loaded


def medals_by_noc(data: GamesData) -> dict[str, Counter[Medal]]:
    counts: dict[str, Counter[Medal]] = {n.code: Counter() for n in data.nations}
    for result in data.results:
        if result.medal:
            counts[result.noc][result.medal] += 1
    return counts


def test_the_games_has_116_events_93_nocs_and_16_sports(milano: GamesData) -> None:
    assert milano.games.name == "2026 Winter Olympics"
    assert (milano.games.start, milano.games.end) == (dt.date(2026, 2, 6), dt.date(2026, 2, 22))
    assert len(milano.events) == 116
    assert len(milano.nations) == 93
    assert {e.sport for e in milano.events} == SPORTS


def test_medal_totals_count_the_three_ties(milano: GamesData) -> None:
    totals = Counter(r.medal for r in milano.results if r.medal)
    assert (totals[Medal.GOLD], totals[Medal.SILVER], totals[Medal.BRONZE]) == (116, 118, 115)


@pytest.mark.parametrize(
    ("event_id", "podium"),
    [
        ("alpine-skiing/mens-team-combined", [(1, "gold"), (2, "silver"), (2, "silver")]),
        ("alpine-skiing/womens-giant-slalom", [(1, "gold"), (2, "silver"), (2, "silver")]),
        (
            "ski-jumping/mens-normal-hill-individual",
            [(1, "gold"), (2, "silver"), (3, "bronze"), (3, "bronze")],
        ),
    ],
)
def test_sourced_ties_share_a_rank(
    milano: GamesData, event_id: str, podium: list[tuple[int, str]]
) -> None:
    medals = [(r.rank, r.medal.value) for r in milano.results if r.event_id == event_id and r.medal]
    assert medals == podium
    event = next(e for e in milano.events if e.id == event_id)
    assert any("tie" in note.lower() for note in event.notes)


def test_every_other_event_has_one_gold_one_silver_one_bronze(milano: GamesData) -> None:
    by_event: dict[str, Counter[Medal]] = {e.id: Counter() for e in milano.events}
    for result in milano.results:
        if result.medal:
            by_event[result.event_id][result.medal] += 1
    uneven = {e: dict(c) for e, c in by_event.items() if sorted(c.values()) != [1, 1, 1]}
    assert set(uneven) == {
        "alpine-skiing/mens-team-combined",
        "alpine-skiing/womens-giant-slalom",
        "ski-jumping/mens-normal-hill-individual",
    }


def test_medals_from_the_results_equal_the_official_table_for_every_noc(
    milano: GamesData, official: dict[str, Any]
) -> None:
    counted = medals_by_noc(milano)
    table = official["table"]
    assert set(counted) == set(table) | set(official["unranked"])
    for code, row in table.items():
        got = counted[code]
        assert (got[Medal.GOLD], got[Medal.SILVER], got[Medal.BRONZE]) == (
            row["gold"],
            row["silver"],
            row["bronze"],
        ), code
    norway = counted["NOR"]
    assert (norway[Medal.GOLD], norway[Medal.SILVER], norway[Medal.BRONZE]) == (18, 12, 11)


def test_the_neutral_athletes_silver_is_in_the_results_but_not_ranked(
    milano: GamesData, official: dict[str, Any]
) -> None:
    nations = {n.code: n for n in milano.nations}
    assert [code for code, n in nations.items() if not n.ranked] == ["AIN"]
    silver = [r for r in milano.results if r.noc == "AIN" and r.medal]
    assert [(r.event_id, r.medal) for r in silver] == [
        ("ski-mountaineering/mens-sprint", Medal.SILVER)
    ]
    athletes = {a.id: a for a in milano.athletes}
    assert [athletes[a].name for a in silver[0].athletes] == ["Nikita Filippov"]
    assert "AIN" not in official["table"]
    assert official["unranked"]["AIN"] == {"gold": 0, "silver": 1, "bronze": 0}


def test_the_medal_table_ranks_29_nocs_as_the_official_table_does(
    milano: GamesData, official: dict[str, Any]
) -> None:
    index = GamesIndex.build(milano)
    ranks = {count.noc: rank for rank, count in rank_counts(index.ranked_counts())}
    assert len(ranks) == 29
    expected = {code: row["rank"] for code, row in official["table"].items() if row["rank"]}
    assert ranks == expected


def test_every_event_keeps_its_sources_and_venue(milano: GamesData) -> None:
    for event in milano.events:
        assert event.sources, event.id
        assert all(s.startswith("http") for s in event.sources), event.id
        assert event.notes, event.id
        assert event.venue, event.id


def test_result_notes_are_kept(milano: GamesData) -> None:
    fourth = next(
        r
        for r in milano.results
        if r.event_id == "alpine-skiing/womens-giant-slalom" and r.rank == 4
    )
    assert "time computed" in fourth.note
    assert sum("time computed" in r.note for r in milano.results) >= 10


def test_every_result_names_known_athletes_of_participants(milano: GamesData) -> None:
    codes = {n.code for n in milano.nations}
    athletes = {a.id: a for a in milano.athletes}
    assert {r.noc for r in milano.results} <= codes
    for result in milano.results:
        for athlete in result.athletes:
            assert athletes[athlete].noc == result.noc, (result.event_id, athlete)


def test_hockey_medal_teams_carry_their_rosters(milano: GamesData) -> None:
    hockey = [r for r in milano.results if r.event_id.startswith("ice-hockey/") and r.medal]
    assert len(hockey) == 6
    assert sum(len(r.athletes) for r in hockey) == 144
    assert all(len(r.athletes) >= 20 for r in hockey)
    kinds = {e.kind for e in milano.events if e.sport == "Ice hockey"}
    assert kinds == {EventKind.TEAM}


def test_short_track_finals_are_complete(milano: GamesData) -> None:
    """Every short-track Final A place the sources give is kept, not only the medallists."""
    places = Counter(
        r.event_id for r in milano.results if r.event_id.startswith("short-track-speed-skating/")
    )
    assert len(places) == 9
    assert places["short-track-speed-skating/mens-1500-metres"] == 9


async def test_a_new_database_holds_both_games_and_ranks_milano_as_officially(
    service: GamesService, official: dict[str, Any]
) -> None:
    """The real path: a new SQLite store on disk filled from every folder of data/."""
    assert set(service.library.games_ids) == {"harbin-2025", GAMES_ID}
    table = service.queries.table(games="milano cortina")
    assert isinstance(table, MedalTable)
    assert {row.nation.code: row.rank for row in table.rows} == {
        code: row["rank"] for code, row in official["table"].items() if row["rank"]
    }
    assert [row.nation.code for row in table.unranked] == ["AIN"]
    assert (table.totals.gold, table.totals.silver, table.totals.bronze) == (116, 117, 115)
    data = service.library.view(GAMES_ID).index.data
    assert data.games.as_of == dt.date(2026, 12, 1)
    assert "米兰冬奥会" in data.games.aliases
    harbin = service.library.view("harbin-2025").index.data
    shared = {a.person for a in data.athletes} & {a.person for a in harbin.athletes}
    assert len(shared) == 25
    assert {"kor-choi-min-jeong", "chn-lin-xiaojun", "kaz-mikhail-shaidorov"} <= shared
