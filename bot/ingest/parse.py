"""Parsing results files: bytes in either encoding → a ``ResultsFile``, or every problem found.

CSV rows are numbered as a spreadsheet shows them (the header is row 1). JSON problems carry the
path of the offending value (``events[2].results[0].medal``). Nothing here touches the store.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from bot.domain.errors import InvalidResultsFile, Problem
from bot.domain.names import fold
from bot.ingest.records import EventRecord, ResultRecord, ResultsFile

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
CSV_COLUMNS = (
    "games",
    "sport",
    "event",
    "gender",
    "date",
    "rank",
    "medal",
    "noc",
    "athletes",
    "mark",
    "note",
)
EVENT_COLUMNS = ("games", "sport", "event", "gender", "date")
RESULT_COLUMNS = ("rank", "medal", "noc", "athletes", "mark", "note")


def parse_results_file(source: str, data: bytes) -> ResultsFile:
    """Parse a CSV or JSON results file; raise ``InvalidResultsFile`` listing every problem."""
    if len(data) > MAX_BYTES:
        raise InvalidResultsFile(
            source,
            [Problem("file", f"too large: {len(data):,} bytes (the limit is {MAX_BYTES:,})")],
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidResultsFile(
            source,
            [
                Problem(
                    "file", f"not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8"
                )
            ],
        ) from None
    if "\x00" in text:
        raise InvalidResultsFile(
            source, [Problem("file", "contains NUL bytes; it is not a text file")]
        )
    if _looks_like_json(source, text):
        return parse_json(source, text)
    return parse_csv(source, text)


def _looks_like_json(source: str, text: str) -> bool:
    lowered = source.lower()
    if lowered.endswith(".json"):
        return True
    if lowered.endswith(".csv"):
        return False
    return text.lstrip().startswith(("{", "["))


def _problems_from(error: ValidationError, prefix: str) -> list[Problem]:
    problems = []
    for item in error.errors():
        path = prefix
        for part in item["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        message = str(item["msg"]).removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown key"
        elif item["type"] == "missing":
            message = "missing"
        problems.append(Problem(path or "file", message))
    return problems


# --- JSON ---------------------------------------------------------------------------------------


def parse_json(source: str, text: str) -> ResultsFile:
    """Parse the JSON encoding."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidResultsFile(
            source,
            [Problem(f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}")],
        ) from None
    if not isinstance(raw, dict):
        raise InvalidResultsFile(source, [Problem("file", "a JSON results file must be an object")])
    problems: list[Problem] = []
    events = raw.get("events", [])
    if not isinstance(events, list):
        raise InvalidResultsFile(source, [Problem("events", "must be a list of events")])
    rows = sum(
        len(e.get("results", []))
        for e in events
        if isinstance(e, dict) and isinstance(e.get("results"), list)
    )
    if rows > MAX_ROWS:
        raise InvalidResultsFile(
            source, [Problem("file", f"too large: {rows:,} results (the limit is {MAX_ROWS:,})")]
        )
    raw = dict(raw)
    raw["events"] = [_with_origins(event, index) for index, event in enumerate(events)]
    try:
        parsed = ResultsFile.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, ""))
        raise InvalidResultsFile(source, problems) from None
    return parsed


def _with_origins(event: Any, index: int) -> Any:
    if not isinstance(event, dict):
        return event
    event = dict(event)
    event["origin"] = f"events[{index}]"
    results = event.get("results")
    if isinstance(results, list):
        event["results"] = [
            {**result, "origin": f"events[{index}].results[{n}]"}
            if isinstance(result, dict)
            else result
            for n, result in enumerate(results)
        ]
    return event


# --- CSV ----------------------------------------------------------------------------------------


def parse_csv(source: str, text: str) -> ResultsFile:
    """Parse the CSV encoding: one result a row, events grouped by Games, sport and event name."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidResultsFile(
            source, [Problem("file", "empty file: expected a header row")]
        ) from None
    except csv.Error as exc:
        raise InvalidResultsFile(source, [Problem("row 1", f"cannot read CSV: {exc}")]) from None
    columns = [name.strip().lower() for name in header]
    missing = [name for name in CSV_COLUMNS if name not in columns]
    unknown = [name for name in columns if name not in CSV_COLUMNS]
    problems: list[Problem] = []
    if missing:
        problems.append(
            Problem(
                "row 1", f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}"
            )
        )
    if unknown:
        problems.append(
            Problem(
                "row 1", f"unknown column{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}"
            )
        )
    if problems:
        raise InvalidResultsFile(source, problems)

    groups: dict[tuple[str, str, str], list[tuple[int, dict[str, str]]]] = {}
    row_number = 1
    try:
        for row_number, row in enumerate(reader, start=2):
            if row_number - 1 > MAX_ROWS:
                raise InvalidResultsFile(
                    source, [Problem("file", f"too large: more than {MAX_ROWS:,} rows")]
                )
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                problems.append(
                    Problem(
                        f"row {row_number}", f"has {len(row)} cells, the header has {len(columns)}"
                    )
                )
                continue
            values = dict(zip(columns, row, strict=True))
            key = (values["games"].strip(), fold(values["sport"]), fold(values["event"]))
            groups.setdefault(key, []).append((row_number, values))
    except csv.Error as exc:
        problems.append(Problem(f"row {row_number + 1}", f"cannot read CSV: {exc}"))

    events: list[EventRecord] = []
    for rows in groups.values():
        event, event_problems = _csv_event(rows)
        problems.extend(event_problems)
        if event is not None:
            events.append(event)
    if problems:
        raise InvalidResultsFile(source, problems)
    if not events:
        raise InvalidResultsFile(source, [Problem("file", "no result rows")])
    games = {event.games for event in events}
    if len(games) == 1:
        shared = games.pop()
        return ResultsFile(
            games=shared, events=tuple(e.model_copy(update={"games": None}) for e in events)
        )
    return ResultsFile(events=tuple(events))


def _csv_event(
    rows: Sequence[tuple[int, dict[str, str]]],
) -> tuple[EventRecord | None, list[Problem]]:
    problems: list[Problem] = []
    first_row, first = rows[0]
    for column in ("gender", "date"):
        seen: dict[str, int] = {}
        for number, values in rows:
            seen.setdefault(values[column].strip().lower(), number)
        if len(seen) > 1:
            listed = ", ".join(
                f"{value or 'empty'} on row {number}" for value, number in seen.items()
            )
            problems.append(
                Problem(
                    f"row {first_row}",
                    f"event {first['event'].strip()!r} is listed with two {column}s ({listed})",
                )
            )
    results: list[ResultRecord] = []
    for number, values in rows:
        try:
            results.append(
                ResultRecord.model_validate(
                    {**{c: values[c] for c in RESULT_COLUMNS}, "origin": f"row {number}"}
                )
            )
        except ValidationError as exc:
            problems.extend(_problems_from(exc, f"row {number}"))
    try:
        event = EventRecord.model_validate(
            {
                "games": first["games"].strip() or None,
                "sport": first["sport"],
                "event": first["event"],
                "gender": first["gender"],
                "date": first["date"],
                "results": results,
                "origin": f"row {first_row}",
            }
        )
    except ValidationError as exc:
        problems.extend(_problems_from(exc, f"row {first_row}"))
        return None, problems
    return (event if not problems else None), problems
