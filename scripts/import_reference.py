"""One-off converter: the sourced reference facts in ../shared/<games>/ → gamesbot's own results
files in data/<games id>/ (the documented JSON results format, the same one moderators upload).

Run from anywhere: ``python scripts/import_reference.py [--harbin-2025 DIR]
[--milano-cortina-2026 DIR]`` converts every Games of ``GAMES`` (reference folders default to
``../shared/...`` beside the repository root). The output is committed; this script documents how
it was made and is not needed at run time. Choices made:
- One sport, one name in the project (``SPORTS``): the reference files write
  "Short-track speed skating", the project (and the Games' sport lists) "Short track speed skating".
- Athletes recorded by the sources only as "Surname (漢字)" get the name "Surname" and the
  characters as native name.
- Aliases that the reference marks as misprints, misspellings, errors or machine translations are
  dropped; other parenthetical remarks are removed from aliases.
- File-level open questions and medal-table notes are kept in the file's ``notes`` (not loaded);
  event notes (which carry every disagreement between sources) and sources are kept per event,
  and each result keeps its note ("time computed", "+2.38", a doubt).
- ``as_of``: the reference facts state no date of compilation or checking (their newest sources are
  dated 2025-02-17 for Harbin and 2026-02-22, the closing day, for Milano Cortina), so it is the
  date of this conversion, written in ``GAMES``.
- Namesakes: the reference lists the athletes of each sport; two athletes of one NOC listed by
  different sports whose names meet (name, alias or native name, either order, with or without
  spaces: Kim Min-ji the curler and Kim Min-ji the speed skater; Lee Seung-hun the halfpipe skier,
  whom the reference also calls "Lee Seung-hoon", and Lee Seung-hoon the speed skater) are two
  people, so each gets the ``sport`` of its list (results in that sport name that one). Aliases
  stay as the reference gives them.
- A delegation the official medal table leaves out of its ranking (Individual Neutral Athletes,
  per the IOC rule since Paris 2024) is ``ranked: false``; its athletes and medals stay.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

#: Reference file → the project's one name for its sport, for every Games.
SPORTS = {
    "alpine_skiing.json": "Alpine skiing",
    "biathlon.json": "Biathlon",
    "bobsleigh.json": "Bobsleigh",
    "cross_country_skiing.json": "Cross-country skiing",
    "curling.json": "Curling",
    "figure_skating.json": "Figure skating",
    "freestyle_skiing.json": "Freestyle skiing",
    "ice_hockey.json": "Ice hockey",
    "luge.json": "Luge",
    "nordic_combined.json": "Nordic combined",
    "short_track.json": "Short track speed skating",
    "skeleton.json": "Skeleton",
    "ski_jumping.json": "Ski jumping",
    "ski_mountaineering.json": "Ski mountaineering",
    "snowboarding.json": "Snowboarding",
    "speed_skating.json": "Speed skating",
}

#: Everything that differs between the Games: reference folder, sport files, what fans call the
#: Games (only names that mean this Games and no other), when the bundle was compiled, and the
#: delegations the official medal table does not rank.
GAMES: dict[str, dict[str, Any]] = {
    "harbin-2025": {
        "reference": "../shared/harbin2025",
        "sports": [
            "alpine_skiing.json",
            "biathlon.json",
            "cross_country_skiing.json",
            "curling.json",
            "figure_skating.json",
            "freestyle_skiing.json",
            "ice_hockey.json",
            "short_track.json",
            "ski_mountaineering.json",
            "snowboarding.json",
            "speed_skating.json",
        ],
        "aliases": [
            "Harbin 2025",
            "Harbin Asian Winter Games",
            "Asian Winter Games",
            "Winter Asian Games",
            "Winter Asiad",
            "Asiad",
            "AWG",
            "Харбин",
            "哈尔滨",
            "哈尔滨亚冬会",
            "亚冬会",
            "亚洲冬季运动会",
            "第九届亚洲冬季运动会",
            "哈爾濱",
            "哈爾濱亞冬會",
            "亞冬會",
            "하얼빈",
            "하얼빈 동계아시안게임",
            "하얼빈 아시안게임",
            "동계아시안게임",
            "ハルビン",
            "ハルビン冬季アジア大会",
            "冬季アジア大会",
            "アジア冬季競技大会",
        ],
        "as_of": "2026-12-01",
        "unranked": [],
    },
    "milano-cortina-2026": {
        "reference": "../shared/milano2026",
        "sports": list(SPORTS),
        "aliases": [
            "Milano Cortina 2026",
            "Milan Cortina 2026",
            "Milano Cortina",
            "Milan Cortina",
            "Milan",
            "Milano",
            "Cortina",
            "Milan 2026",
            "Milano 2026",
            "Winter Olympics",
            "Olympics",
            "Olympic Winter Games",
            "2026 Olympics",
            "2026 Winter Olympic Games",
            "Olimpiadi invernali",
            "Olimpiadi Milano Cortina",
            "Olympische Winterspiele",
            "米兰",
            "米兰冬奥会",
            "米兰-科尔蒂纳",
            "米兰科尔蒂纳冬奥会",
            "科尔蒂纳",
            "米蘭",
            "米蘭冬奧會",
            "밀라노",
            "밀라노 코르티나",
            "밀라노 동계올림픽",
            "밀라노-코르티나 동계올림픽",
            "코르티나",
            "ミラノ",
            "ミラノ・コルティナ",
            "ミラノ・コルティナ五輪",
            "ミラノ五輪",
            "コルティナ",
        ],
        "as_of": "2026-12-01",
        "unranked": ["AIN"],
    },
}

TEAM_WORDS = re.compile(r"relay|team|tournament|doubles|pairs|ice dance|synchro", re.IGNORECASE)
SURNAME_ONLY = re.compile(r"^(?P<name>[^()]+?) \((?P<native>[^()]+)\)$")
DROP_ALIAS = re.compile(r"misprint|misspelling|error in|machine translation", re.IGNORECASE)
REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def clean_name(name: str) -> tuple[str, str]:
    match = SURNAME_ONLY.match(name)
    if match and not match["native"].isascii():
        return match["name"], match["native"]
    return name, ""


def clean_aliases(aliases: list[str]) -> list[str]:
    kept = []
    for alias in aliases:
        if DROP_ALIAS.search(alias):
            continue
        alias = REMARK.sub("", alias).strip()
        if alias and alias not in kept:
            kept.append(alias)
    return kept


def convert_athlete(athlete: dict[str, Any]) -> dict[str, Any]:
    name, native = clean_name(athlete["name"])
    record: dict[str, Any] = {"name": name, "noc": athlete["noc"], "gender": athlete.get("gender")}
    native = athlete.get("native_name") or native
    if native:
        record["native_name"] = native
    aliases = clean_aliases(athlete.get("aliases", []))
    if name != athlete["name"]:
        aliases.insert(0, athlete["name"])
    if aliases:
        record["aliases"] = aliases
    if athlete.get("birth_date"):
        record["birth_date"] = athlete["birth_date"]
    elif athlete.get("birth_year"):
        record["birth_year"] = athlete["birth_year"]
    return record


def convert_result(result: dict[str, Any]) -> dict[str, Any]:
    line: dict[str, Any] = {"rank": result["rank"], "medal": result["medal"], "noc": result["noc"]}
    line["athletes"] = [clean_name(name)[0] for name in result["athletes"]]
    if result.get("mark"):
        line["mark"] = result["mark"]
    if result.get("note"):
        line["note"] = result["note"]
    return line


def convert_event(event: dict[str, Any], sport: str, venue: str) -> dict[str, Any]:
    team = bool(TEAM_WORDS.search(event["name"])) or any(
        len(r["athletes"]) > 1 for r in event["results"]
    )
    return {
        "sport": sport,
        "event": event["name"],
        "gender": event["gender"],
        "date": event["date"],
        "kind": "team" if team else "individual",
        "venue": event.get("venue") or venue,
        "sources": event.get("sources", []),
        "notes": event.get("notes", []),
        "results": [convert_result(result) for result in event["results"]],
    }


def convert_sport(reference: dict[str, Any], sport: str, games_id: str) -> dict[str, Any]:
    notes = list(reference.get("open_questions", [])) + list(reference.get("medal_table_notes", []))
    out: dict[str, Any] = {"games": games_id}
    if notes:
        out["notes"] = notes
    out["athletes"] = [convert_athlete(athlete) for athlete in reference.get("athletes", [])]
    venue = reference.get("venue", "")
    out["events"] = [convert_event(event, sport, venue) for event in reference["events"]]
    return out


def convert_nocs(reference: dict[str, Any], games_id: str, table: dict[str, Any]) -> dict[str, Any]:
    games = reference["games"]
    info = {
        "name": games["name"],
        "official_name": games["official_name"],
        "city": games["city"],
        "country": games["country"],
        "start": games["start"],
        "end": games["end"],
        "sources": games.get("sources", []),
        "aliases": table["aliases"],
        "as_of": table["as_of"],
    }
    nocs = []
    for noc in reference["nocs"]:
        record = {
            "code": noc["code"],
            "name": noc["name"],
            "official_name": noc.get("official_name", ""),
            "aliases": [a for a in noc.get("aliases", []) if a != noc["code"]],
            "flag": noc.get("flag") or "",
        }
        if noc["code"] in table["unranked"]:
            record["ranked"] = False
        nocs.append(record)
    return {
        "games": games_id,
        "games_info": info,
        "notes": reference.get("open_questions", []),
        "nocs": nocs,
    }


def name_keys(record: dict[str, Any]) -> set[str]:
    """The spellings a load recognises an athlete by: folded names, aliases and native name, in
    either order, without spaces (as ``bot.domain.namesakes`` compares them)."""
    keys = set()
    for name in (record["name"], record.get("native_name") or "", *record.get("aliases", [])):
        parts = re.sub(r"[^\w]+", " ", name.replace("'", "")).casefold().split()
        if parts:
            keys |= {"".join(parts), "".join(parts[1:] + parts[:1])}
    return keys


def mark_namesakes(files: dict[str, dict[str, Any]]) -> None:
    """Give the athletes of one NOC whose names meet in the lists of different sports their sport."""
    sports_of: dict[tuple[str, str], set[str]] = {}
    for file_name, content in files.items():
        for record in content["athletes"]:
            for key in name_keys(record):
                sports_of.setdefault((record["noc"], key), set()).add(file_name)
    for file_name, content in files.items():
        for record in content["athletes"]:
            if any(len(sports_of[(record["noc"], key)]) > 1 for key in name_keys(record)):
                record["sport"] = SPORTS[file_name]


def write(path: Path, content: dict[str, Any]) -> None:
    path.write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def convert_games(games_id: str, table: dict[str, Any], reference_dir: Path) -> None:
    out_dir = REPO / "data" / games_id
    out_dir.mkdir(parents=True, exist_ok=True)
    nocs = json.loads((reference_dir / "nocs.json").read_text("utf-8"))
    write(out_dir / "00_nocs.json", convert_nocs(nocs, games_id, table))
    files = {
        file_name: convert_sport(
            json.loads((reference_dir / file_name).read_text("utf-8")), SPORTS[file_name], games_id
        )
        for file_name in table["sports"]
    }
    mark_namesakes(files)
    for file_name, content in files.items():
        write(out_dir / file_name, content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for games_id, table in GAMES.items():
        parser.add_argument(
            f"--{games_id}",
            dest=games_id,
            type=Path,
            default=REPO / table["reference"],
            help=f"reference folder of {games_id} (default: {table['reference']})",
        )
    arguments = vars(parser.parse_args())
    for games_id, table in GAMES.items():
        convert_games(games_id, table, arguments[games_id])


if __name__ == "__main__":
    main()
