"""Parsing results files: bytes in either encoding → a ``ResultsFile``, or every problem found.

CSV rows are numbered as a spreadsheet shows them (the header is row 1). JSON problems carry the
path of the offending value (``events[2].results[0].medal``). Nothing here touches the store.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from bot.domain.errors import InvalidResultsFile, Problem
from bot.domain.names import fold
from bot.ingest.formulas import unneutralised
from bot.ingest.limits import (
    MAX_ATHLETES,
    MAX_BYTES,
    MAX_EVENTS,
    MAX_NOCS,
    MAX_ROWS,
    path_part,
    shown,
)
from bot.ingest.reading import load_json, too_large
from bot.ingest.records import EventRecord, ResultRecord, ResultsFile
from bot.ingest.rules import event_problems

__all__ = ["MAX_BYTES", "MAX_ROWS", "ParsedFile", "parse_csv", "parse_json", "parse_results_file"]

_NOC_CODE = re.compile(r"[A-Z]{3}")
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
CSV_CONTEXT = {"csv": True}


@dataclass(frozen=True)
class ParsedFile:
    """A file's records that could be read, the problems of those that could not, and every NOC
    code the file mentions (with where), so unknown NOCs are reported even on rows with other
    problems. ``build_plan`` reports all of them together."""

    source: str
    file: ResultsFile
    problems: tuple[Problem, ...] = ()
    noc_mentions: tuple[tuple[str, str], ...] = ()


def parse_results_file(source: str, data: bytes) -> ParsedFile:
    """Read a CSV or JSON results file. Problems that make the file unreadable as a whole
    (encoding, size, syntax, columns) raise ``InvalidResultsFile`` at once; problems of single
    rows or values are collected in the ``ParsedFile``."""
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data))
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
    """Plain problems from a pydantic error: JSON paths (``events[0].results[1].medal``), or for
    CSV rows (prefix ``row 7``) the row with the column named in the reason."""
    problems = []
    csv_row = prefix.startswith("row ")
    for item in error.errors():
        message = str(item["msg"]).removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown key"
        elif item["type"] == "missing":
            message = "missing"
        where = "".join(
            path_part(part, first=n == 0 and (csv_row or not prefix))
            for n, part in enumerate(item["loc"])
        )
        if csv_row:
            column = str(item["loc"][0]) if item["loc"] else ""
            if where and not message.startswith(column):
                message = f"{where}: {message}"
            problems.append(Problem(prefix, message))
            continue
        problems.append(Problem(prefix + where or "file", message))
    return problems


# --- JSON ---------------------------------------------------------------------------------------


def parse_json(source: str, text: str) -> ParsedFile:
    """Parse the JSON encoding, section by section and event by event."""
    raw = load_json(source, text)
    if not isinstance(raw, dict):
        raise InvalidResultsFile(source, [Problem("file", "a JSON results file must be an object")])
    events = raw.get("events", [])
    if not isinstance(events, list):
        raise InvalidResultsFile(source, [Problem("events", "must be a list of events")])
    _check_json_counts(source, raw, events)
    problems: list[Problem] = []
    try:
        base = ResultsFile.model_validate({**raw, "events": []})
    except ValidationError as exc:
        problems.extend(_problems_from(exc, ""))
        base = ResultsFile()
    records: list[EventRecord] = []
    mentions: list[tuple[str, str]] = []
    for index, event in enumerate(events):
        event = _with_origins(event, index)
        if isinstance(event, dict) and isinstance(event.get("results"), list):
            for result in event["results"]:
                if isinstance(result, dict):
                    mentions.extend(_noc_mention(f"{result['origin']}.noc", result.get("noc")))
        try:
            record = EventRecord.model_validate(event)
        except ValidationError as exc:
            problems.extend(_problems_from(exc, f"events[{index}]"))
            continue
        problems.extend(event_problems(record))
        records.append(record)
    problems.extend(_athlete_count_problems(base, records))
    return ParsedFile(
        source=source,
        file=base.model_copy(update={"events": tuple(records)}),
        problems=tuple(problems),
        noc_mentions=tuple(mentions),
    )


def _noc_mention(where: str, value: object) -> list[tuple[str, str]]:
    """The NOC code a result names, for the unknown-NOC check (a value that is not a code at
    all is the record's own problem)."""
    if isinstance(value, str) and _NOC_CODE.fullmatch(code := value.strip().upper()):
        return [(where, code)]
    return []


def _check_json_counts(source: str, raw: dict[str, Any], events: list[Any]) -> None:
    """Refuse a file over the counts of events, rows, NOCs or athletes before validating it."""
    rows = sum(
        len(e["results"])
        for e in events
        if isinstance(e, dict) and isinstance(e.get("results"), list)
    )
    counts = (
        ("events", len(events), MAX_EVENTS),
        ("results", rows, MAX_ROWS),
        ("NOCs", _length(raw.get("nocs")), MAX_NOCS),
        ("athletes", _length(raw.get("athletes")), MAX_ATHLETES),
    )
    over = [
        Problem("file", f"too large: {count:,} {what} (the limit is {limit:,})")
        for what, count, limit in counts
        if count > limit
    ]
    if over:
        raise InvalidResultsFile(source, over)


def _length(value: object) -> int:
    return len(value) if isinstance(value, list) else 0


def _athlete_count_problems(base: ResultsFile, events: Iterable[EventRecord]) -> list[Problem]:
    """A file naming more than ``MAX_ATHLETES`` different athletes (by NOC and name)."""
    names = {(a.noc, a.name) for a in base.athletes}
    for event in events:
        for result in event.results:
            names.update((result.noc, name) for name in result.athletes)
            if len(names) > MAX_ATHLETES:
                return [
                    Problem(
                        "file",
                        f"too large: more than {MAX_ATHLETES:,} different athletes",
                    )
                ]
    return []


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


def parse_csv(source: str, text: str) -> ParsedFile:
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
                "row 1",
                f"unknown column{'s' if len(unknown) > 1 else ''}: "
                + ", ".join(_column_shown(name) for name in unknown[:5])
                + (f" and {len(unknown) - 5:,} more" if len(unknown) > 5 else ""),
            )
        )
    if problems:
        raise InvalidResultsFile(source, problems)

    groups: dict[tuple[str, str, str], list[tuple[int, dict[str, str]]]] = {}
    mentions: list[tuple[str, str]] = []
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
            values = dict(zip(columns, map(unneutralised, row), strict=True))
            mentions.extend(_noc_mention(f"row {row_number}", values["noc"]))
            key = (values["games"].strip(), fold(values["sport"]), fold(values["event"]))
            groups.setdefault(key, []).append((row_number, values))
            if len(groups) > MAX_EVENTS:
                raise InvalidResultsFile(
                    source, [Problem("file", f"too large: more than {MAX_EVENTS:,} events")]
                )
    except csv.Error as exc:
        problems.append(Problem(f"row {row_number + 1}", f"cannot read CSV: {exc}"))
    if not text.endswith(("\n", "\r")):
        problems.append(
            Problem(
                f"row {row_number}",
                "the file does not end with a line break after its last row: it may have been "
                "cut short (save it again, or end it with a line break)",
            )
        )

    events: list[EventRecord] = []
    for rows in groups.values():
        event, found = _csv_event(rows)
        problems.extend(found)
        if event is not None:
            events.append(event)
    if not events and not problems:
        raise InvalidResultsFile(source, [Problem("file", "no result rows")])
    problems.extend(_athlete_count_problems(ResultsFile(), events))
    games = {event.games for event in events}
    shared = games.pop() if len(games) == 1 else None
    file = (
        ResultsFile(
            games=shared, events=tuple(e.model_copy(update={"games": None}) for e in events)
        )
        if shared is not None or len(games) == 0
        else ResultsFile(events=tuple(events))
    )
    return ParsedFile(
        source=source, file=file, problems=tuple(problems), noc_mentions=tuple(mentions)
    )


def _column_shown(name: str) -> str:
    """An unknown column's name as it can be shown: plain, or quoted and escaped."""
    return name if name.isprintable() and len(name) <= 40 else shown(name)


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
                f"{shown(value, 20) if value else 'empty'} on row {number}"
                for value, number in list(seen.items())[:5]
            )
            problems.append(
                Problem(
                    f"row {first_row}",
                    f"event {shown(first['event'].strip())} is listed with two {column}s ({listed})",
                )
            )
    results: list[ResultRecord] = []
    for number, values in rows:
        try:
            results.append(
                ResultRecord.model_validate(
                    {**{c: values[c] for c in RESULT_COLUMNS}, "origin": f"row {number}"},
                    context=CSV_CONTEXT,
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
            },
            context=CSV_CONTEXT,
        )
    except ValidationError as exc:
        problems.extend(_problems_from(exc, f"row {first_row}"))
        return None, problems
    if problems:
        return None, problems
    return event, event_problems(event)
