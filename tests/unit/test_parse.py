"""Results files: both encodings parse to the same records; every problem is reported with its
row or path and a plain reason."""

from __future__ import annotations

import json

import pytest

from bot.domain.errors import InvalidResultsFile
from bot.domain.models import GamesData, Medal
from bot.ingest.parse import parse_results_file
from bot.ingest.plan import build_plan

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"


def problems_of(name: str, content: bytes, current: GamesData | None = None) -> list[str]:
    with pytest.raises(InvalidResultsFile) as caught:
        parsed = parse_results_file(name, content)
        build_plan([parsed], current, "harbin-2025")
    return [str(p) for p in caught.value.problems]


def test_csv_groups_rows_into_events_and_accepts_a_bom() -> None:
    content = (
        "\ufeff"
        + HEADER
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,1,gold,KOR,Choi Min-jeong,43.016,\n"
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,2,silver,KOR,Kim Gil-li,43.105,\n"
        + ",Curling,Mixed doubles,mixed,2025-02-08,1,Gold,JPN,A One; B Two,7-6,final\n"
    ).encode()
    parsed = parse_results_file("results.csv", content).file
    assert [e.event for e in parsed.events] == ["Women's 500 metres", "Mixed doubles"]
    assert parsed.events[0].results[1].medal is Medal.SILVER
    assert parsed.events[1].results[0].athletes == ("A One", "B Two")


def test_csv_and_json_encode_the_same_thing() -> None:
    csv_bytes = (
        HEADER + "harbin-2025,Curling,Mixed doubles,mixed,2025-02-08,1,gold,JPN,A One;B Two,7-6,\n"
    ).encode()
    json_bytes = json.dumps(
        {
            "games": "harbin-2025",
            "events": [
                {
                    "sport": "Curling",
                    "event": "Mixed doubles",
                    "gender": "mixed",
                    "date": "2025-02-08",
                    "results": [
                        {
                            "rank": 1,
                            "medal": "gold",
                            "noc": "JPN",
                            "athletes": ["A One", "B Two"],
                            "mark": "7-6",
                        }
                    ],
                }
            ],
        }
    ).encode()
    a = parse_results_file("a.csv", csv_bytes).file
    b = parse_results_file("b.json", json_bytes).file
    assert a.events[0].model_dump(exclude={"origin", "results"}) == b.events[0].model_dump(
        exclude={"origin", "results"}
    )
    assert a.events[0].results[0].model_dump() == b.events[0].results[0].model_dump()


def test_csv_reports_every_problem_by_row(bundled_data: GamesData) -> None:
    content = (
        HEADER
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,1,gold,XYZ,Choi Min-jeong,,\n"
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,2,golden,KOR,Kim Gil-li,,\n"
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,third,bronze,KOR,Lee So-yeon,,\n"
    ).encode()
    problems = problems_of("bad.csv", content, bundled_data)
    assert any(p.startswith("row 2") and "unknown NOC 'XYZ'" in p for p in problems), problems
    assert any(p.startswith("row 3") and "golden" in p for p in problems), problems
    assert any(p.startswith("row 4") and "third" in p for p in problems), problems
    assert len(problems) == 3


def test_plan_problems_unknown_noc_with_nearest_codes_and_medal_rank_mismatch(
    bundled_data: GamesData,
) -> None:
    content = (
        HEADER
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,1,gold,KOR,Choi Min-jeong,,\n"
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,2,gold,KRO,Kim Gil-li,,\n"
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,3,bronze,KOR,Lee So-yeon,,\n"
        + ",Short track speed skating,Women's 500 metres,women,2025-02-08,3,bronze,KOR,Lee So-yeon,,\n"
        + ",Short track speed skating,Women's 1000 metres,women,2025-03-01,1,gold,KOR,Choi Min-jeong,,\n"
    ).encode()
    problems = problems_of("bad.csv", content, bundled_data)
    assert any(
        p.startswith("row 3") and "unknown NOC 'KRO'" in p and "KOR" in p for p in problems
    ), problems
    assert any(p.startswith("row 3") and "medal gold does not fit rank 2" in p for p in problems), (
        problems
    )
    assert any(p.startswith("row 5") and "duplicate of row 4" in p for p in problems), problems
    assert any(p.startswith("row 6") and "outside the Games" in p for p in problems), problems


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"games,sport,event\n",
            "missing columns: gender, date, rank, medal, noc, athletes, mark, note",
        ),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"", "empty file"),
        (HEADER.encode(), "no result rows"),
        (
            (
                HEADER + ",Curling,Mixed doubles,mixed,2025-02-08,1,gold,JPN,A,,\n"
                ",Curling,Mixed doubles,men,2025-02-08,2,silver,KOR,B,,\n"
            ).encode(),
            "listed with two genders",
        ),
        (
            (HEADER + ",Curling,Mixed doubles,mixed,08/02/2025,1,gold,JPN,A,,\n").encode(),
            "not YYYY-MM-DD",
        ),
        (
            (HEADER + ",Curling,Mixed doubles,mixed,,1,gold,JPN,A,,,extra\n").encode(),
            "has 12 cells",
        ),
        (b"x" * (5 * 1024 * 1024 + 1), "too large"),
    ],
)
def test_csv_file_level_problems(content: bytes, expected: str) -> None:
    assert any(expected in p for p in problems_of("f.csv", content)), problems_of("f.csv", content)


def test_json_problems_carry_paths() -> None:
    content = json.dumps(
        {
            "events": [
                {
                    "sport": "Curling",
                    "event": "Mixed doubles",
                    "gender": "both",
                    "results": [
                        {"rank": "1st", "medal": "gold", "noc": "JPN"},
                        {"medal": "tin", "noc": "KOR", "colour": 1},
                    ],
                }
            ]
        }
    ).encode()
    problems = problems_of("f.json", content)
    assert "events[0].gender: gender 'both' is not one of men, women, mixed or open" in problems
    assert any(p.startswith("events[0].results[0].rank") for p in problems)
    assert any(p.startswith("events[0].results[1].medal") and "tin" in p for p in problems)
    assert "events[0].results[1].colour: unknown key" in problems


@pytest.mark.parametrize("content", [b"{", b"[1, 2]", b'{"events": 3}'])
def test_json_structure_problems(content: bytes) -> None:
    assert problems_of("f.json", content)


def test_unknown_games_needs_games_info() -> None:
    content = (HEADER + "other-games,Curling,Mixed doubles,mixed,,1,gold,JPN,A,,\n").encode()
    assert any("unknown Games 'other-games'" in p for p in problems_of("f.csv", content))


def test_hyphen_and_space_variants_name_the_same_athlete(bundled_data: GamesData) -> None:
    content = (
        HEADER
        + ",Short track speed skating,Men's 1500 metres,men,2025-02-08,1,gold,KOR,Park Jiwon,,\n"
    ).encode()
    plan = build_plan([parse_results_file("f.csv", content)], bundled_data, "harbin-2025")
    assert plan.events[0].results[0].athletes == ("kor-park-ji-won",)
    assert plan.athletes == ()


def test_more_than_50000_rows_is_too_large() -> None:
    row = ",Curling,Mixed doubles,mixed,,,,JPN,A,,\n"
    problems = problems_of("big.csv", (HEADER + row * 50_001).encode())
    assert problems == ["file: too large: more than 50,000 rows"]
