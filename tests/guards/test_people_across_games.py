"""Guards on the athletes of the bundled Games: the same person is written the same way at every
Games (same NOC and folded name, same native name, no conflicting birth data), one sport has one
name everywhere, and within one Games no two athletes of a NOC share a name (apart from the known
namesakes listed here, whose entries each give a different ``sport``)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from bot.domain.names import fold
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_files, bundled_games, bundled_plan, default_data_dir
from bot.ingest.names import name_keys

#: Athletes of both bundled Games (NOC, folded name): 25 exact joins.
EXACT_JOINS = {
    ("CHN", "gong li"),
    ("CHN", "li fanghui"),
    ("CHN", "lin xiaojun"),
    ("CHN", "liu hanbin"),
    ("CHN", "liu shaoang"),
    ("CHN", "ning zhongyan"),
    ("CHN", "qi guangpu"),
    ("CHN", "sun long"),
    ("CHN", "wang xinran"),
    ("CHN", "wu yu"),
    ("CHN", "xu mengtao"),
    ("CHN", "yang jingru"),
    ("CHN", "zhang chutong"),
    ("CHN", "zhang kexin"),
    ("JPN", "kaori sakamoto"),
    ("JPN", "masaya morita"),
    ("JPN", "sara shimizu"),
    ("JPN", "utana yoshida"),
    ("JPN", "yuma kagiyama"),
    ("KAZ", "mikhail shaidorov"),
    ("KOR", "choi min jeong"),
    ("KOR", "kim gil li"),
    ("KOR", "lee so yeon"),
    ("KOR", "noh do hee"),
    ("KOR", "shim suk hee"),
}
#: Joins where the Harbin reference gives no native name and Milano Cortina's does (not a
#: conflict; Harbin's files are kept as converted).
NATIVE_ONLY_AT_ONE_GAMES = {
    ("CHN", "li fanghui"),
    ("CHN", "zhang kexin"),
    ("JPN", "yuma kagiyama"),
    ("KAZ", "mikhail shaidorov"),
}
#: Known names shared by two different athletes of one NOC at one Games (their folded names). At
#: Harbin, Kim Min-ji the curler and Kim Min-ji the speed skater; Lee Seung-hun the freestyle skier
#: (alias "Lee Seung-hoon") and Lee Seung-hoon the speed skater. Their sports keep them apart.
KNOWN_SHARED_NAMES = {
    ("harbin-2025", "KOR", ("kim min ji", "kim min ji")),
    ("harbin-2025", "KOR", ("lee seung hoon", "lee seung hun")),
}


def keys(record: dict[str, Any]) -> set[str]:
    """Every key a load finds this athlete by (name, alias or native name, either order)."""
    names = (record["name"], record.get("native_name") or "", *record.get("aliases", []))
    return {key for name in names if name for key in name_keys(name)}


def athlete_records() -> dict[str, list[dict[str, Any]]]:
    """Games id → the athlete records of its files (as written, one per file that lists them)."""
    records: dict[str, list[dict[str, Any]]] = {}
    for games_id, folder in bundled_games(default_data_dir()).items():
        records[games_id] = [
            athlete
            for path in bundled_files(folder)
            for athlete in json.loads(path.read_text("utf-8")).get("athletes", [])
        ]
    return records


def birth_year(record: dict[str, Any]) -> int | None:
    if record.get("birth_date"):
        return int(record["birth_date"][:4])
    year: int | None = record.get("birth_year")
    return year


def test_no_two_athletes_of_a_noc_share_a_name_within_one_games() -> None:
    shared = set()
    for games_id, records in athlete_records().items():
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for record in records:
            name = fold(record["name"])
            for key in keys(record):
                first = seen.setdefault((record["noc"], key), record)
                if first is not record:
                    sports = {first.get("sport"), record.get("sport")}
                    assert None not in sports and len(sports) == 2, (games_id, key)
                    pair = tuple(sorted((name, fold(first["name"]))))
                    shared.add((games_id, record["noc"], pair))
        counted = Counter((r["noc"], fold(r["name"])) for r in records)
        shared |= {(games_id, noc, (n, n)) for (noc, n), times in counted.items() if times > 1}
    assert shared == KNOWN_SHARED_NAMES


def test_athletes_at_both_games_are_written_the_same_way() -> None:
    records = athlete_records()
    harbin = {(r["noc"], fold(r["name"])): r for r in records["harbin-2025"]}
    milano = {(r["noc"], fold(r["name"])): r for r in records["milano-cortina-2026"]}
    joins = set(harbin) & set(milano)
    assert joins == EXACT_JOINS
    for key in sorted(joins):
        one, other = harbin[key], milano[key]
        assert one["name"] == other["name"], key
        natives = (one.get("native_name"), other.get("native_name"))
        if key in NATIVE_ONLY_AT_ONE_GAMES:
            assert natives[0] is None and natives[1], key
        else:
            assert natives[0] == natives[1], key
        years = (birth_year(one), birth_year(other))
        assert None in years or years[0] == years[1], key


def test_no_other_athlete_of_a_noc_is_written_another_way_at_the_other_games() -> None:
    """Apart from the exact joins, no two athletes of one NOC at the two Games share any name key
    (name, alias or native name in either order, with or without spaces): a shared key would be
    the same person written differently, which must be written alike (or joined by ``person``)."""
    records = athlete_records()
    one, other = records["harbin-2025"], records["milano-cortina-2026"]
    by_noc = defaultdict(list)
    for record in other:
        by_noc[record["noc"]].append(record)
    loose = set()
    for record in one:
        for candidate in by_noc[record["noc"]]:
            if fold(candidate["name"]) != fold(record["name"]) and keys(record) & keys(candidate):
                loose.add((record["noc"], record["name"], candidate["name"]))
    assert loose == set()


def test_loading_milano_after_harbin_joins_exactly_those_people() -> None:
    """The real load order of a new database: Harbin, then Milano Cortina beside it."""
    data_dir = default_data_dir()
    harbin_plan, _ = bundled_plan(data_dir / "harbin-2025", "harbin-2025")
    harbin = apply_plan(None, harbin_plan)
    plan, _ = bundled_plan(data_dir / "milano-cortina-2026", "milano-cortina-2026", None, [harbin])
    assert plan.doubts == ()
    assert {(j.noc, fold(j.name)) for j in plan.joins} == EXACT_JOINS
    assert all(j.person_id == j.athlete_id for j in plan.joins)


def test_one_sport_has_one_name_at_every_games() -> None:
    names = set()
    for folder in bundled_games(default_data_dir()).values():
        for path in bundled_files(folder):
            names |= {e["sport"] for e in json.loads(path.read_text("utf-8")).get("events", [])}
    spellings = defaultdict(set)
    for name in names:
        spellings[fold(name).replace(" ", "")].add(name)
    assert {k: v for k, v in spellings.items() if len(v) > 1} == {}
    assert "Short track speed skating" in names
