"""One-off converter: the sourced reference facts in ../shared/harbin2025 → gamesbot's own results
files in data/ (the documented JSON results format, the same one moderators upload).

Run from the repository root: ``python scripts/import_reference.py [REFERENCE_DIR]``. The output is
committed; this script documents how it was made and is not needed at run time. Choices made:
- Sport names follow the Games' sport list in nocs.json ("Short track speed skating").
- Athletes recorded by the sources only as "Surname (漢字)" get the name "Surname" and the
  characters as native name.
- Aliases that the reference marks as misprints or machine translations are dropped; other
  parenthetical remarks are removed from aliases.
- File-level open questions and medal-table notes are kept in the file's ``notes``; event notes
  (which carry every disagreement between sources) and sources are kept per event.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

GAMES = "harbin-2025"
SPORT_FILES = {
    "alpine_skiing.json": "Alpine skiing",
    "biathlon.json": "Biathlon",
    "cross_country_skiing.json": "Cross-country skiing",
    "curling.json": "Curling",
    "figure_skating.json": "Figure skating",
    "freestyle_skiing.json": "Freestyle skiing",
    "ice_hockey.json": "Ice hockey",
    "short_track.json": "Short track speed skating",
    "ski_mountaineering.json": "Ski mountaineering",
    "snowboarding.json": "Snowboarding",
    "speed_skating.json": "Speed skating",
}
TEAM_WORDS = re.compile(r"relay|team|tournament|doubles|pairs|ice dance|synchro", re.IGNORECASE)
SURNAME_ONLY = re.compile(r"^(?P<name>[^()]+?) \((?P<native>[^()]+)\)$")
DROP_ALIAS = re.compile(r"misprint|machine translation", re.IGNORECASE)
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


def convert_sport(reference: dict[str, Any], sport: str) -> dict[str, Any]:
    athletes = []
    for athlete in reference.get("athletes", []):
        name, native = clean_name(athlete["name"])
        record: dict[str, Any] = {
            "name": name,
            "noc": athlete["noc"],
            "gender": athlete.get("gender"),
        }
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
        athletes.append(record)
    events = []
    for event in reference["events"]:
        results = []
        for result in event["results"]:
            line: dict[str, Any] = {
                "rank": result["rank"],
                "medal": result["medal"],
                "noc": result["noc"],
            }
            line["athletes"] = [clean_name(name)[0] for name in result["athletes"]]
            if result.get("mark"):
                line["mark"] = result["mark"]
            if result.get("note"):
                line["note"] = result["note"]
            results.append(line)
        team = bool(TEAM_WORDS.search(event["name"])) or any(
            len(r["athletes"]) > 1 for r in event["results"]
        )
        events.append(
            {
                "sport": sport,
                "event": event["name"],
                "gender": event["gender"],
                "date": event["date"],
                "kind": "team" if team else "individual",
                "venue": reference.get("venue", ""),
                "sources": event.get("sources", []),
                "notes": event.get("notes", []),
                "results": results,
            }
        )
    notes = list(reference.get("open_questions", [])) + list(reference.get("medal_table_notes", []))
    out: dict[str, Any] = {"games": GAMES}
    if notes:
        out["notes"] = notes
    out["athletes"] = athletes
    out["events"] = events
    return out


def convert_nocs(reference: dict[str, Any]) -> dict[str, Any]:
    games = reference["games"]
    info = {
        "name": games["name"],
        "official_name": games["official_name"],
        "city": games["city"],
        "country": games["country"],
        "start": games["start"],
        "end": games["end"],
        "sources": games.get("sources", []),
    }
    nocs = [
        {
            "code": noc["code"],
            "name": noc["name"],
            "official_name": noc.get("official_name", ""),
            "aliases": [a for a in noc.get("aliases", []) if a != noc["code"]],
            "flag": noc.get("flag") or "",
        }
        for noc in reference["nocs"]
    ]
    return {
        "games": GAMES,
        "games_info": info,
        "notes": reference.get("open_questions", []),
        "nocs": nocs,
    }


def write(path: Path, content: dict[str, Any]) -> None:
    path.write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    reference_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/harbin2025")
    out_dir = Path("data")
    out_dir.mkdir(exist_ok=True)
    write(
        out_dir / "00_nocs.json",
        convert_nocs(json.loads((reference_dir / "nocs.json").read_text("utf-8"))),
    )
    for file_name, sport in SPORT_FILES.items():
        reference = json.loads((reference_dir / file_name).read_text("utf-8"))
        write(out_dir / file_name, convert_sport(reference, sport))


if __name__ == "__main__":
    main()
