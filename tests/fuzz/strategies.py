"""Hypothesis strategies of hostile results files: random bytes, valid files mutated byte by
byte, valid JSON with hostile values put in (huge or odd numbers, wrong types, deep nesting,
control characters, long words, names that fold to nothing), duplicate keys, other encodings and
byte-order marks, and CSV files with odd rows, quotes, line endings and endings cut short."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note"
W1500 = ",Short track speed skating,Women's 1500 metres,women,2025-02-08,"
VALID_CSV = (
    f"{HEADER}\n"
    f"{W1500}1,gold,KOR,Kim Gil-li,2:20.000,\n"
    f"{W1500}2,silver,CHN,Zhang Chutong,2:21.000,\n"
    f"{W1500}3,bronze,KOR,Choi Min-jeong,2:22.000,photo finish\n"
)
VALID_JSON: dict[str, Any] = {
    "games": "harbin-2025",
    "events": [
        {
            "sport": "Short track speed skating",
            "event": "Women's 1500 metres",
            "gender": "women",
            "date": "2025-02-08",
            "sources": ["https://example.org/results"],
            "results": [
                {
                    "rank": 1,
                    "medal": "gold",
                    "noc": "KOR",
                    "athletes": ["Kim Gil-li"],
                    "mark": "2:20.000",
                },
                {
                    "rank": 2,
                    "medal": "silver",
                    "noc": "CHN",
                    "athletes": ["Zhang Chutong"],
                    "mark": "2:21.000",
                },
                {
                    "rank": 3,
                    "medal": "bronze",
                    "noc": "KOR",
                    "athletes": ["Choi Min-jeong"],
                    "note": None,
                },
            ],
        }
    ],
    "athletes": [{"name": "Kim Gil-li", "noc": "KOR", "birth_year": 2004}],
}

NASTY_CHARS = [
    "\x00",
    "\x07",
    "\x1b[2J",
    "\x7f",
    "\x85",
    "\x9b",
    "\r",
    "\n",
    "\t",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "🥇",
    "🇰🇷",
    "é",
    "\u0301",
    "김길리",
    "！",
]


def hostile_text() -> st.SearchStrategy[str]:
    """Text meant to hurt: control characters, invisible and combining characters, long words,
    punctuation only, and the odd ordinary name."""
    pieces = st.one_of(st.sampled_from(NASTY_CHARS), st.text(max_size=8))
    return st.one_of(
        st.lists(pieces, max_size=12).map("".join),
        st.sampled_from(["!!!", "???", "—", "...", "", " ", "Kim Gil-li", "Gilli Kim"]),
        st.integers(min_value=55, max_value=5_000).map(lambda n: "x" * n),
        st.integers(min_value=190, max_value=400).map(lambda n: "Ab " * (n // 3)),
    )


def hostile_value() -> st.SearchStrategy[Any]:
    """Any JSON value, favouring those the format forbids."""
    scalars = st.one_of(
        hostile_text(),
        st.integers(),
        st.integers(min_value=2**63 - 2, max_value=2**70),
        st.integers(min_value=-(2**70), max_value=0),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.none(),
        st.sampled_from([0, 1, 3, 4, 10_000, 10_001, 1899, 1900, 2100, 2101, 1739000000]),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(hostile_text(), inner, max_size=3)
        ),
        max_leaves=12,
    )


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _replace(value[head], rest, new)  # type: ignore[index]
    return copy


@st.composite
def json_with_hostile_values(draw: st.DrawFn) -> bytes:
    """The valid JSON file with one to three values replaced by hostile ones."""
    document: Any = VALID_JSON
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(document)))
        document = _replace(document, path, draw(hostile_value()))
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    return text.encode("utf-8", "surrogatepass")


@st.composite
def json_with_odd_syntax(draw: st.DrawFn) -> bytes:
    """Text-level hostility JSON values cannot carry: duplicate keys, huge digit strings, deep
    nesting, NaN, lone surrogates, trailing garbage."""
    base = json.dumps(VALID_JSON)
    kind = draw(st.sampled_from(["dup", "digits", "deep", "nan", "surrogate", "garbage", "cut"]))
    if kind == "dup":
        key = draw(st.sampled_from(['"events"', '"rank"', '"athletes"', '"games"', '"noc"']))
        at = base.index(key)
        return (base[:at] + key + ": [], " + base[at:]).encode()
    if kind == "digits":
        digits = "9" * draw(st.integers(min_value=17, max_value=6_000))
        return base.replace('"rank": 1', f'"rank": {digits}').encode()
    if kind == "deep":
        depth = draw(st.integers(min_value=5, max_value=5_000))
        opener = draw(st.sampled_from(["[", '{"a": ']))
        return ('{"notes": ' + opener * depth).encode()
    if kind == "nan":
        return base.replace(
            '"rank": 1', f'"rank": {draw(st.sampled_from(["NaN", "Infinity", "-Infinity"]))}'
        ).encode()
    if kind == "surrogate":
        return base.replace("Kim Gil-li", "Kim \\ud800 Gil-li").encode()
    if kind == "garbage":
        return (base + draw(st.text(min_size=1, max_size=20))).encode("utf-8", "surrogatepass")
    return base[: draw(st.integers(min_value=0, max_value=len(base) - 1))].encode()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid file, CSV or JSON, with a few bytes flipped, inserted, deleted, or cut off."""
    data = bytearray(draw(st.sampled_from([VALID_CSV.encode(), json.dumps(VALID_JSON).encode()])))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not data:
            break
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "cut", "repeat"]))
        if action == "flip":
            data[at] = draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[at]
        elif action == "cut":
            del data[at:]
        else:
            data[at:at] = data[at : at + 40] * draw(st.integers(min_value=2, max_value=50))
    return bytes(data)


@st.composite
def other_encodings(draw: st.DrawFn) -> bytes:
    """A valid file in another encoding, or with byte-order marks."""
    text = draw(st.sampled_from([VALID_CSV, json.dumps(VALID_JSON, ensure_ascii=False)]))
    text = text.replace("Kim Gil-li", draw(st.sampled_from(["Kim Gil-li", "Kím Gíl-lí", "김길리"])))
    encoding = draw(
        st.sampled_from(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig"])
    )
    body = text.encode(encoding, "replace")
    bom = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"]))
    return bom + body


@st.composite
def odd_csv(draw: st.DrawFn) -> bytes:
    """CSV files of hostile rows: odd cell counts, quotes, hostile cells, odd line endings."""
    cell = st.one_of(
        hostile_text(),
        st.sampled_from(["", "1", "gold", "KOR", "women", "2025-02-08", '"', '""', "a;b;;c"]),
    )
    rows = draw(st.lists(st.lists(cell, min_size=9, max_size=13), min_size=0, max_size=6))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", ""]))
    lines = [HEADER, *(",".join(row) for row in rows)]
    last = draw(st.sampled_from(["", ending]))
    return (ending.join(lines) + last).encode("utf-8", "surrogatepass")


def hostile_files() -> st.SearchStrategy[tuple[str, bytes]]:
    """A file name and its content, of every kind above."""
    contents = st.one_of(
        st.binary(max_size=600),
        mutated(),
        json_with_hostile_values(),
        json_with_odd_syntax(),
        other_encodings(),
        odd_csv(),
    )
    names = st.sampled_from(["results.json", "results.csv", "results", "results.txt"])
    return st.tuples(names, contents)
