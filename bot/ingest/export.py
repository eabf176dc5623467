"""Export: current data → a results file (JSON with every section, or CSV of the result lists).
Loading an export back changes nothing, and an export fits the load's size limit wherever the
data it came from did: the JSON is written compactly (no indentation, and no field that only says
its default: an empty mark, no medal, no aliases), which is what a load reads when the field is
left out."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from bot.domain.models import GamesData
from bot.domain.namesakes import namesake_sports
from bot.ingest.formulas import neutralised
from bot.ingest.parse import CSV_COLUMNS


def export_json(data: GamesData) -> bytes:
    """The whole Games as a JSON results file (games_info, nocs, athletes, events)."""
    games = data.games
    athletes = {a.id: a for a in data.athletes}
    namesakes = namesake_sports(data)
    results_by_event: dict[str, list[Any]] = {}
    for result in data.results:
        results_by_event.setdefault(result.event_id, []).append(result)
    content: dict[str, Any] = {
        "games": games.id,
        "games_info": {
            "name": games.name,
            "official_name": games.official_name,
            "city": games.city,
            "country": games.country,
            "start": games.start.isoformat() if games.start else None,
            "end": games.end.isoformat() if games.end else None,
            "sources": list(games.sources),
            "aliases": list(games.aliases),
            "as_of": games.as_of.isoformat() if games.as_of else None,
        },
        "nocs": [
            {
                "code": n.code,
                "name": n.name,
                "official_name": n.official_name,
                "aliases": list(n.aliases),
                "flag": n.flag,
                "ranked": n.ranked,
            }
            for n in data.nations
        ],
        "athletes": [
            {
                "name": a.name,
                "noc": a.noc,
                "gender": a.gender.value if a.gender else None,
                "native_name": a.native_name,
                "aliases": list(a.aliases),
                "birth_date": a.birth_date.isoformat() if a.birth_date else None,
                "birth_year": a.birth_year,
                **({"sport": namesakes[a.id]} if a.id in namesakes else {}),
                "person": a.person_id or None,
            }
            for a in data.athletes
        ],
        "events": [
            {
                "sport": e.sport,
                "event": e.name,
                "gender": e.gender.value,
                "date": e.date.isoformat() if e.date else None,
                "kind": e.kind.value,
                "venue": e.venue,
                "sources": list(e.sources),
                "notes": list(e.notes),
                "results": [
                    {
                        "rank": r.rank,
                        "medal": r.medal.value if r.medal else None,
                        "noc": r.noc,
                        "athletes": [athletes[a].name if a in athletes else a for a in r.athletes],
                        "mark": r.mark,
                        "note": r.note,
                    }
                    for r in results_by_event.get(e.id, [])
                ],
            }
            for e in data.events
        ],
    }
    return (
        json.dumps(_without_defaults(content), ensure_ascii=False, separators=(",", ":")) + "\n"
    ).encode("utf-8")


#: Fields whose default is true (``ranked``); every other field's default is null, "" or [].
DEFAULT_TRUE = frozenset({"ranked"})


def _is_default(key: str, value: object) -> bool:
    if key in DEFAULT_TRUE:
        return value is True
    return value is None or (isinstance(value, str | list) and len(value) == 0)


def _without_defaults(value: Any) -> Any:
    """``value`` with every field that only says its default left out (lists kept in order)."""
    if isinstance(value, dict):
        return {k: _without_defaults(v) for k, v in value.items() if not _is_default(k, v)}
    if isinstance(value, list):
        return [_without_defaults(item) for item in value]
    return value


def export_csv(data: GamesData) -> bytes:
    """Every event's result list as CSV rows (event sources and notes need the JSON form), every
    cell a spreadsheet would run as a formula neutralised (``bot.ingest.formulas``)."""
    athletes = {a.id: a for a in data.athletes}
    events = {e.id: e for e in data.events}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    by_event: dict[str, list[Any]] = {}
    for result in data.results:
        by_event.setdefault(result.event_id, []).append(result)
    for event in data.events:
        for r in by_event.get(event.id, []):
            e = events[r.event_id]
            cells = [
                data.games.id,
                e.sport,
                e.name,
                e.gender.value,
                e.date.isoformat() if e.date else "",
                r.rank if r.rank is not None else "",
                r.medal.value if r.medal else "",
                r.noc,
                ";".join(athletes[a].name if a in athletes else a for a in r.athletes),
                r.mark,
                r.note,
            ]
            writer.writerow([neutralised(str(cell)) for cell in cells])
    return buffer.getvalue().encode("utf-8")
