"""The rules of docs/results-format.md as the code keeps them: wrong JSON types are problems
(never converted), duplicate keys are problems, control characters and names that fold to
nothing are refused, impossible medal patterns and a CSV cut short are problems."""

from __future__ import annotations

import pytest

from bot.domain.models import GamesData
from tests.unit.ingest.hostile import (
    HEADER,
    all_problems,
    event,
    json_file,
    parse_problems,
    result,
)

W1500 = ",Short track speed skating,Women's 1500 metres,women,2025-02-08,"


# --- strict types -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"mark": 43.016}, "events[0].results[0].mark: must be text in quotes, not a number"),
        ({"note": 7}, "events[0].results[0].note: must be text in quotes, not a number"),
        (
            {"athletes": "Kim Gil-li"},
            "events[0].results[0].athletes: athletes must be a list of names, not text",
        ),
        ({"rank": "1"}, "events[0].results[0].rank: rank must be a whole number, not text"),
        ({"rank": 1.0}, "events[0].results[0].rank: rank must be a whole number, not a number"),
        ({"rank": True}, "events[0].results[0].rank: rank must be a whole number, not true/false"),
        (
            {"athletes": [7]},
            "events[0].results[0].athletes[0]: must be text in quotes, not a number",
        ),
        ({"athletes": [""]}, "events[0].results[0].athletes[0]: is empty"),
        ({"noc": "KOREA"}, "events[0].results[0].noc: noc 'KOREA' is not a three-letter IOC code"),
    ],
)
def test_wrong_types_in_a_result_are_problems(override: dict[str, object], expected: str) -> None:
    assert parse_problems(json_file([event([result(**override)])])) == [expected]


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        (
            {"date": 1739000000},
            "events[0].date: date must be text YYYY-MM-DD in quotes, not a number",
        ),
        ({"date": "20250208"}, "events[0].date: date '20250208' is not YYYY-MM-DD"),
        ({"date": "2025-02-30"}, "events[0].date: date '2025-02-30' is not a date in the calendar"),
        ({"sport": 5}, "events[0].sport: must be text in quotes, not a number"),
        ({"notes": "one remark"}, "events[0].notes: must be a list, not text"),
        (
            {"sources": ["https://a.example", 3]},
            "events[0].sources[1]: must be text in quotes, not a number",
        ),
    ],
)
def test_wrong_types_in_an_event_are_problems(override: dict[str, object], expected: str) -> None:
    assert parse_problems(json_file([event(**override)])) == [expected]


def test_true_as_a_birth_year_and_text_as_ranked_are_problems() -> None:
    athlete = {"name": "Kim Gil-li", "noc": "KOR", "birth_year": True}
    assert parse_problems(json_file([], athletes=[athlete])) == [
        "athletes[0].birth_year: birth_year must be a whole number, not true/false"
    ]
    noc = {"code": "KOR", "name": "Korea", "ranked": "yes"}
    assert parse_problems(json_file([], nocs=[noc])) == [
        "nocs[0].ranked: Input should be a valid boolean"
    ]


def test_csv_cells_are_text_and_read_as_the_doc_says() -> None:
    content = (HEADER + W1500 + "1,gold,KOR,Kim Gil-li; Choi Min-jeong,2:29.1,\n").encode()
    assert parse_problems(content, "f.csv") == []


# --- duplicate keys -----------------------------------------------------------------------------


def test_a_second_events_key_is_a_problem_not_an_empty_file() -> None:
    content = json_file()[:-1] + b', "events": []}'
    assert parse_problems(content) == ["file: key 'events' is given more than once"]


def test_a_duplicate_key_deep_inside_is_reported_by_its_path() -> None:
    content = json_file().replace(b'"medal": "gold"', b'"medal": "gold", "medal": "silver"')
    assert parse_problems(content) == ["events[0].results[0]: key 'medal' is given more than once"]


# --- control characters and names that fold to nothing -----------------------------------------


@pytest.mark.parametrize(
    "char", ["\x1b", "\x00", "\x7f", "\x85", "\u202e", "\u2066", "\u2028", "\r"]
)
def test_control_characters_are_refused_with_their_path(char: str) -> None:
    content = json_file([event(event=f"Women's{char}1500 metres")])
    problems = parse_problems(content)
    assert len(problems) == 1 and problems[0].startswith("events[0].event: contains "), problems
    assert "at character 8; remove it" in problems[0]


def test_a_note_may_hold_tabs_and_line_breaks_but_no_other_control() -> None:
    ok = json_file([event([result(note="fell\tin heat 2\nthen\r\nadvanced")])])
    assert parse_problems(ok) == []
    bad = json_file([event([result(note="clear screen \x1b[2J")])])
    assert parse_problems(bad) == [
        "events[0].results[0].note: contains a control character (U+001B) at character 14; "
        "remove it"
    ]
    assert parse_problems(json_file([event([result(mark="1:29\n.637")])])) == [
        "events[0].results[0].mark: contains a line break at character 5; remove it"
    ]


def test_csv_control_characters_are_problems_of_their_row() -> None:
    content = (HEADER + W1500 + "1,gold,KOR,Kim\x1bGil-li,,\n").encode()
    assert parse_problems(content, "f.csv") == [
        "row 2: athletes[0]: contains a control character (U+001B) at character 4; remove it"
    ]


def test_odd_keys_are_shown_escaped() -> None:
    content = json_file([event([result(**{"\x1b[2J": 1})])])
    assert parse_problems(content) == ["events[0].results[0]['\\x1b[2J']: unknown key"]


@pytest.mark.parametrize("name", ["!!!", "???", "\u200b\u200b", "🥇🥇", "—", "\u200d"])
def test_names_that_fold_to_nothing_are_refused(name: str) -> None:
    problems = parse_problems(json_file([event([result(athletes=[name])])]))
    assert len(problems) == 1, problems
    assert problems[0].startswith("events[0].results[0].athletes[0]: name ")
    assert problems[0].endswith(
        "has no letters or digits (only punctuation, symbols or invisible characters)"
    )


def test_two_punctuation_names_of_one_noc_do_not_become_one_athlete(
    bundled_data: GamesData,
) -> None:
    content = (
        HEADER
        + ",Curling,Test event,mixed,,,,KOR,!!!,,\n"
        + ",Curling,Test event,mixed,,,,KOR,???,,\n"
    ).encode()
    problems = all_problems(content, bundled_data, "f.csv")
    assert [p.split(":")[0] for p in problems] == ["row 2", "row 3"], problems


# --- impossible medal patterns ------------------------------------------------------------------


def test_four_golds_without_a_tie_are_a_problem(bundled_data: GamesData) -> None:
    content = HEADER + "".join(
        W1500 + f"1,gold,KOR,{name},2:2{n}.000,\n"
        for n, name in enumerate(["Kim Gil-li", "Choi Min-jeong", "Shim Suk-hee", "Lee So-yeon"])
    )
    assert all_problems(content.encode(), bundled_data, "f.csv") == [
        "row 3: 4 results share rank 1, but a tie needs the same mark on each "
        "(marks: '2:20.000', '2:21.000', '2:22.000', '2:23.000')"
    ]


def test_a_real_tie_loads_and_skips_the_ranks_it_fills(bundled_data: GamesData) -> None:
    tie = (
        HEADER
        + W1500
        + "1,gold,KOR,Kim Gil-li,2:20.000,\n"
        + W1500
        + "2,silver,KOR,Choi Min-jeong,2:21.000,tie\n"
        + W1500
        + "2,silver,CHN,Zhang Chutong,2:21.000,tie\n"
        + W1500
        + "4,,KOR,Shim Suk-hee,2:22.000,\n"
    )
    assert all_problems(tie.encode(), bundled_data, "f.csv") == []
    with_bronze = tie.replace("4,,KOR,Shim Suk-hee", "3,bronze,KOR,Shim Suk-hee")
    assert all_problems(with_bronze.encode(), bundled_data, "f.csv") == [
        "row 5: rank 3 cannot follow 2 results tied at rank 2 (the next rank after the tie is 4)"
    ]


def test_two_golds_of_different_marks_are_no_tie_but_two_bronzes_may_be(
    bundled_data: GamesData,
) -> None:
    golds = (
        HEADER
        + W1500
        + "1,gold,KOR,Kim Gil-li,2:20.000,\n"
        + W1500
        + "1,gold,CHN,Zhang Chutong,2:20.500,\n"
    )
    assert all_problems(golds.encode(), bundled_data, "f.csv") == [
        "row 3: 2 results share rank 1, but a tie needs the same mark on each "
        "(marks: '2:20.000', '2:20.500')"
    ]
    unknown_marks = golds.replace("2:20.000", "").replace("2:20.500", "")
    assert all_problems(unknown_marks.encode(), bundled_data, "f.csv") == []
    bronzes = (
        HEADER
        + W1500
        + "3,bronze,KOR,Kim Gil-li,won 2-0,\n"
        + W1500
        + "3,bronze,CHN,Zhang Chutong,won 3-1,\n"
    )
    assert all_problems(bronzes.encode(), bundled_data, "f.csv") == []
    three = bronzes + W1500 + "3,bronze,JPN,Haruna Nagamori,,\n"
    assert len(all_problems(three.encode(), bundled_data, "f.csv")) == 1


def test_a_medal_without_a_rank_is_a_problem(bundled_data: GamesData) -> None:
    content = json_file([event([result(rank=None, medal="gold")])])
    assert all_problems(content, bundled_data) == [
        "events[0].results[0]: medal gold without a rank"
    ]


def test_one_athlete_at_two_ranks_of_one_event_is_a_problem(bundled_data: GamesData) -> None:
    content = (
        HEADER
        + W1500
        + "1,gold,KOR,Kim Gil-li,,\n"
        + W1500
        + "2,silver,CHN,Zhang Chutong,,\n"
        + W1500
        + "3,bronze,KOR,Gilli Kim,,\n"
    ).encode()
    assert all_problems(content, bundled_data, "f.csv") == [
        "row 4: athlete 'Gilli Kim' of KOR is already listed at row 2"
    ]


# --- a CSV cut short ----------------------------------------------------------------------------


def test_a_csv_must_end_with_a_line_break_after_its_last_row() -> None:
    whole = HEADER + W1500 + "1,gold,KOR,Kim Gil-li,,\n" + W1500 + "2,silver,CHN,Zhang Chutong,,\n"
    assert parse_problems(whole.encode(), "f.csv") == []
    assert parse_problems(whole.replace("\n", "\r\n").encode(), "f.csv") == []
    cut = whole[:-1]
    assert parse_problems(cut.encode(), "f.csv") == [
        "row 3: the file does not end with a line break after its last row: it may have been cut "
        "short (save it again, or end it with a line break)"
    ]
    cut_in_a_row = whole[: whole.rindex("Zhang")]
    assert parse_problems(cut_in_a_row.encode(), "f.csv") == [
        "row 3: has 9 cells, the header has 11",
        "row 3: the file does not end with a line break after its last row: it may have been cut "
        "short (save it again, or end it with a line break)",
    ]
