"""Every limit of docs/results-format.md, at the limit (accepted) and one past it (a problem of
that row or path, or of the file), checked while reading, before any planning."""

from __future__ import annotations

import json

import pytest

from bot.ingest import limits
from bot.ingest.parse import parse_results_file
from bot.ingest.reading import json_depth_exceeds
from tests.unit.ingest.hostile import HEADER, event, json_file, parse_problems, result


def test_the_size_limit_is_checked_on_the_bytes() -> None:
    valid = json_file()
    at_limit = valid + b" " * (limits.MAX_BYTES - len(valid))
    assert len(at_limit) == limits.MAX_BYTES
    assert parse_problems(at_limit) == []
    assert parse_problems(at_limit + b" ") == [
        f"file: too large: {limits.MAX_BYTES + 1:,} bytes (the limit is {limits.MAX_BYTES:,})"
    ]


def test_json_depth_is_counted_outside_strings_before_parsing() -> None:
    def nested(depth: int) -> str:
        return "[" * depth + "]" * depth

    assert not json_depth_exceeds(nested(limits.MAX_DEPTH))
    assert json_depth_exceeds(nested(limits.MAX_DEPTH + 1))
    assert not json_depth_exceeds(json.dumps({"a": "[" * 50 + '\\"' + "{" * 50}))
    # The file object holds ``notes``: its list adds one level.
    at_limit = '{"notes": ' + nested(limits.MAX_DEPTH - 1) + "}"
    assert not any("nested too deeply" in p for p in parse_problems(at_limit.encode()))
    past = '{"notes": ' + nested(limits.MAX_DEPTH) + "}"
    assert parse_problems(past.encode()) == [
        f"file: nested too deeply: more than {limits.MAX_DEPTH} levels of [ ] and {{ }}"
    ]


def test_a_thousand_levels_deep_is_a_problem_not_a_recursion_error() -> None:
    assert "nested too deeply" in parse_problems(b'{"events": ' + b"[" * 100_000 + b"}")[0]


@pytest.mark.parametrize(
    ("key", "make"),
    [
        ("events", lambda n: [event(event=f"Event {i}") for i in range(n)]),
        ("nocs", lambda n: [{"code": "KOR", "name": "Korea"}] * n),
        ("athletes", lambda n: [{"name": f"A {i}", "noc": "KOR"} for i in range(n)]),
    ],
)
def test_counts_of_events_nocs_and_athletes(key: str, make: object) -> None:
    limit = {
        "events": limits.MAX_EVENTS,
        "nocs": limits.MAX_NOCS,
        "athletes": limits.MAX_ATHLETES,
    }[key]
    what = {"nocs": "NOCs"}.get(key, key)
    top = {"events": []} if key != "events" else {}
    over = f"file: too large: {limit + 1:,} {what} (the limit is {limit:,})"
    assert over not in parse_problems(json_file(**{**top, key: make(limit)}))  # type: ignore[operator]
    assert parse_problems(json_file(**{**top, key: make(limit + 1)})) == [over]  # type: ignore[operator]


def test_rows_and_distinct_athletes_of_a_json_file() -> None:
    rows = [
        result(rank=None, medal=None, athletes=[f"Athlete {i}"]) for i in range(limits.MAX_ROWS)
    ]
    assert parse_problems(json_file([event(rows)])) == []
    past = [*rows, result(rank=None, medal=None, athletes=["One more"])]
    assert parse_problems(json_file([event(past)])) == [
        f"file: too large: {limits.MAX_ROWS + 1:,} results (the limit is {limits.MAX_ROWS:,})"
    ]
    rows[0] = result(rank=None, medal=None, athletes=["Athlete 0", "One more"])
    assert parse_problems(json_file([event(rows)])) == [
        f"file: too large: more than {limits.MAX_ATHLETES:,} different athletes"
    ]


def test_events_of_a_csv_file() -> None:
    def csv_events(count: int) -> bytes:
        rows = [f",Curling,Event {i},mixed,,,,JPN,A,,\n" for i in range(count)]
        return (HEADER + "".join(rows)).encode()

    assert parse_problems(csv_events(limits.MAX_EVENTS), "f.csv") == []
    assert parse_problems(csv_events(limits.MAX_EVENTS + 1), "f.csv") == [
        f"file: too large: more than {limits.MAX_EVENTS:,} events"
    ]


@pytest.mark.parametrize(
    ("field", "limit", "where"),
    [
        ("sport", limits.NAME_CHARS, "events[0].sport"),
        ("event", limits.NAME_CHARS, "events[0].event"),
        ("venue", limits.LINE_CHARS, "events[0].venue"),
    ],
)
def test_event_text_lengths(field: str, limit: int, where: str) -> None:
    words = ("abcdefghi " * limit)[:limit]
    assert len(words) == limit
    assert parse_problems(json_file([event(**{field: words})])) == []
    longer = ("abcdefghi " * limit)[: limit - 1] + "xy"
    assert parse_problems(json_file([event(**{field: longer})])) == [
        f"{where}: too long: {limit + 1:,} characters (the limit is {limit:,})"
    ]


@pytest.mark.parametrize(
    ("field", "limit"),
    [("mark", limits.MARK_CHARS), ("note", limits.NOTE_CHARS)],
)
def test_result_text_lengths(field: str, limit: int) -> None:
    assert parse_problems(json_file([event([result(**{field: "9" * limit})])])) == []
    assert parse_problems(json_file([event([result(**{field: "9" * (limit + 1)})])])) == [
        f"events[0].results[0].{field}: too long: {limit + 1:,} characters (the limit is {limit:,})"
    ]


def test_athlete_names_and_their_words() -> None:
    def problems(name: str) -> list[str]:
        return parse_problems(json_file([event([result(athletes=["Kim Gil-li", name])])]))

    name = " ".join(["Abcdefghij"] * 20)[: limits.NAME_CHARS]
    assert len(name) == limits.NAME_CHARS and problems(name) == []
    assert problems(name + "j") == [
        "events[0].results[0].athletes[1]: too long: 201 characters (the limit is 200)"
    ]
    word = "A" * limits.WORD_CHARS
    assert problems(f"Kim {word}") == []
    assert problems(f"Kim {word}a") == [
        "events[0].results[0].athletes[1]: has a word of 61 characters (the limit is 60); "
        "is a space missing?"
    ]
    # A 100 kB one-word name (which made the name index take gigabytes) is a problem of its row.
    assert problems("x" * 100_000)[0].startswith("events[0].results[0].athletes[1]: too long")


def test_csv_names_are_problems_of_their_row() -> None:
    long_word = "Kim " + "a" * 61
    content = (HEADER + f",Curling,Mixed doubles,mixed,,1,gold,JPN,A;{long_word},,\n").encode()
    assert parse_problems(content, "f.csv") == [
        "row 2: athletes[1]: has a word of 61 characters (the limit is 60); is a space missing?"
    ]


def test_lists_inside_a_record() -> None:
    limit = limits.MAX_ITEMS
    team = [f"Athlete {i}" for i in range(limit)]
    assert parse_problems(json_file([event([result(athletes=team)])])) == []
    past = parse_problems(json_file([event([result(athletes=[*team, "One more"])])]))
    assert past == [
        f"events[0].results[0].athletes: too many: {limit + 1} items (the limit is {limit})"
    ]
    sources = [f"https://example.org/{i}" for i in range(limit)]
    assert parse_problems(json_file([event(sources=sources)])) == []
    assert parse_problems(json_file([event(sources=[*sources, "https://example.org/x"])]))


def test_source_addresses_and_flags() -> None:
    url = "https://example.org/" + "a" * (limits.URL_CHARS - 20)
    assert len(url) == limits.URL_CHARS
    assert parse_problems(json_file([event(sources=[url])])) == []
    assert parse_problems(json_file([event(sources=[url + "a"])])) == [
        "events[0].sources[0]: too long: 2,001 characters (the limit is 2,000)"
    ]
    flag = {"code": "KOR", "name": "Korea", "flag": "🇰" * limits.FLAG_CHARS}
    assert parse_problems(json_file([], nocs=[flag])) == []
    flag["flag"] += "🇰"
    assert parse_problems(json_file([], nocs=[flag])) == [
        "nocs[0].flag: too long: 21 characters (the limit is 20)"
    ]


def test_ranks_and_birth_years_have_documented_ranges() -> None:
    def rank(value: object) -> list[str]:
        return parse_problems(json_file([event([result(rank=value, medal=None)])]))

    assert rank(limits.MAX_RANK) == []
    assert rank(limits.MAX_RANK + 1) == [
        "events[0].results[0].rank: rank 10001 is not between 1 and 10,000"
    ]
    assert rank(0) == ["events[0].results[0].rank: rank 0 is not between 1 and 10,000"]

    def born(year: object) -> list[str]:
        athlete = {"name": "Kim Gil-li", "noc": "KOR", "birth_year": year}
        return parse_problems(json_file([], athletes=[athlete]))

    assert born(limits.MIN_BIRTH_YEAR) == [] and born(limits.MAX_BIRTH_YEAR) == []
    assert born(limits.MIN_BIRTH_YEAR - 1) == [
        "athletes[0].birth_year: birth_year 1899 is not between 1900 and 2100"
    ]
    assert born(limits.MAX_BIRTH_YEAR + 1)


@pytest.mark.parametrize("digits", [19, 20, 4_301, 100_000])
def test_numbers_beyond_64_bits_or_python_s_digit_limit_are_problems(digits: int) -> None:
    huge = "9" * digits
    content = (
        b'{"events": ['
        + json.dumps(event([result()])).encode().replace(b'"rank": 1', b'"rank": ' + huge.encode())
        + b"]}"
    )
    assert parse_problems(content) == [
        f"events[0].results[0].rank: rank is too large (a number of {digits:,} characters; "
        "ranks go up to 10,000)"
    ]
    born = f'{{"athletes": [{{"name": "A", "noc": "KOR", "birth_year": -{huge}}}]}}'
    assert parse_problems(born.encode())[0].startswith("athletes[0].birth_year: birth_year is too")


def test_the_largest_number_within_the_digit_limit_is_an_ordinary_out_of_range_rank() -> None:
    content = json_file([event([result(rank=10**limits.MAX_DIGITS - 1)])])
    assert parse_problems(content) == [
        f"events[0].results[0].rank: rank {10**limits.MAX_DIGITS - 1} is not between 1 and 10,000"
    ]


def test_the_bundled_data_is_well_within_the_limits() -> None:
    from bot.ingest.bundled import bundled_files, bundled_games, default_data_dir

    for folder in bundled_games(default_data_dir()).values():
        for path in bundled_files(folder):
            assert parse_results_file(path.name, path.read_bytes()).problems == ()
