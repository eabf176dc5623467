"""Accuracy and speed of ``/ask`` over every bundled Games: the dev set (tuned on), the frozen
set (never tuned on), and sweeps generated from templates over every nation, athlete, event and
sport of every Games.

Rows of ``tests/ask/dev.jsonl`` and ``tests/ask/frozen.jsonl``: ``q`` (the question), ``kind``,
``style``, optional ``default`` (the Games the front-end passes; else the first Games below), and
``expect``: ``outcome`` (``answered``, ``choose``, ``not_found``, ``unreadable``) with ``parts``
(each expected part must match a distinct answer part), ``choices`` (ids a choice must offer),
``what`` (the kind of name not found) or ``names`` (a word the refusal must name).

A part matches when every expected fact equals the answer's: ``games``, ``value`` (a count, yes/no,
ISO date or place), ``winner``, ``gold``/``silver``/``bronze``, and the sets ``nations``,
``athletes``, ``events``, ``sports`` (with ``says``, the events an explanation quotes must include
these, and its text must contain ``says``). A *wrong* answer states a different fact (or answers
what should be refused, or picks one of several names); a refusal where an answer was expected is
a miss, not wrong.

Run: ``.venv/bin/python bench/ask_accuracy.py [-v]``; the last line is the SUMMARY. Results go in
docs/benchmarks.md ("/ask accuracy").
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.answers.ask import AskAnswer, AskPart
from bot.answers.ask_text import part_lines
from bot.answers.models import Answer, Disambiguation, Message, NoMatch
from bot.domain.models import GamesData, Medal
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.query.ask import AskScope, answer_question
from bot.query.games_names import GamesNames
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver
from bot.runtime import settle_memory

HERE = Path(__file__).resolve().parents[1] / "tests" / "ask"
SETS = {"dev": HERE / "dev.jsonl", "frozen": HERE / "frozen.jsonl"}
DEFAULT_GAMES = "harbin-2025"
LISTS = ("nations", "athletes", "events", "sports")


def load_questions(name: str) -> list[dict[str, Any]]:
    """A question set, one JSON object a line."""
    text = SETS[name].read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def bundled() -> list[GamesData]:
    """Every bundled Games, built in memory."""
    datas = []
    for folder in sorted(p for p in default_data_dir().iterdir() if p.is_dir()):
        plan, _ = bundled_plan(folder, folder.name)
        datas.append(apply_plan(None, plan))
    return datas


def build_scope(datas: list[GamesData]) -> AskScope:
    ordered = sorted(datas, key=lambda d: d.games.start or d.games.end, reverse=True)
    views = [(GamesIndex.build(d), Resolver.build(d)) for d in ordered]
    return AskScope.build(views, GamesNames.build(d.games for d in ordered))


def facts(part: AskPart) -> dict[str, Any]:
    """What a part states, as comparable facts."""
    found: dict[str, Any] = {"games": part.query.games.id, "winner": part.winner}
    value = part.value
    found["value"] = value.isoformat() if hasattr(value, "isoformat") else value
    if part.count is not None:
        found.update(gold=part.count.gold, silver=part.count.silver, bronze=part.count.bronze)
    sets: dict[str, set[str]] = {key: set() for key in LISTS}
    for item in part.items:
        if item.kind == "result":
            sets["nations"].add(item.noc)
            sets["athletes"].update(a.id for a in item.athletes)
            sets["events"].add(item.id)
        elif item.kind in ("nation", "athlete", "event", "sport"):
            sets[item.kind + "s"].add(item.id)
            if item.kind == "athlete":
                sets["nations"].add(item.noc)
        elif item.kind == "note":
            sets["events"].add(item.id)
    found.update({key: value for key, value in sets.items()})
    found["text"] = "\n".join(part_lines(part))
    return found


def _matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "says":
            if value.casefold() not in got["text"].casefold():
                return False
        elif key in LISTS and "says" in want:
            if not set(value) <= got[key]:
                return False
        elif key in LISTS:
            if set(value) != got[key]:
                return False
        elif got.get(key) != value:
            return False
    return True


def outcome(answer: Answer) -> str:
    if isinstance(answer, AskAnswer):
        return "answered"
    if isinstance(answer, Disambiguation):
        return "choose"
    if isinstance(answer, NoMatch):
        return "not_found"
    if isinstance(answer, Message) and not answer.answered:
        return "unreadable"
    return "other"


def check(row: dict[str, Any], answer: Answer) -> tuple[bool, bool, str]:
    """(right, wrong, why) for one question."""
    expect = row["expect"]
    got, want = outcome(answer), expect["outcome"]
    if got != want:
        wrong = got == "answered" or (want in ("not_found", "unreadable") and got == "choose")
        return False, wrong, f"{got}, expected {want}: {_brief(answer)}"
    if isinstance(answer, Disambiguation):
        ids = {c.id for c in answer.alternatives}
        missing = set(expect.get("choices", ())) - ids
        return not missing, False, f"choices lack {sorted(missing)}" if missing else ""
    if isinstance(answer, NoMatch):
        if "what" in expect and answer.kind.value != expect["what"]:
            return False, False, f"not found as {answer.kind.value}, expected {expect['what']}"
        if "names" in expect and expect["names"].casefold() not in answer.message.casefold():
            return False, False, f"refusal does not name {expect['names']}: {answer.message}"
        return True, False, ""
    if not isinstance(answer, AskAnswer):
        return True, False, ""
    stated = [facts(part) for part in answer.parts]
    free = list(range(len(stated)))
    for want_part in expect.get("parts", []):
        hit = next((i for i in free if _matches(want_part, stated[i])), None)
        if hit is None:
            return False, True, f"no part matches {want_part}; got {_brief(answer)}"
        free.remove(hit)
    return True, False, ""


def _brief(answer: Answer) -> str:
    if isinstance(answer, AskAnswer):
        return " | ".join(
            f"{p.query.asked.value}/{p.query.of.value} {p.query.games.id} value={facts(p)['value']} "
            + " ".join(f"{k}={sorted(v)[:6]}" for k, v in facts(p).items() if k in LISTS and v)
            for p in answer.parts
        )
    if isinstance(answer, Disambiguation):
        return f"choose {answer.kind.value} {[c.id for c in answer.alternatives][:5]}"
    if isinstance(answer, NoMatch):
        return f"no {answer.kind.value} {answer.query!r}: {answer.message}"
    return answer.text[:160] if isinstance(answer, Message) else type(answer).__name__


# --- sweeps -----------------------------------------------------------------------------------------


def sweeps(scope: AskScope) -> Iterator[tuple[str, str, str, Any]]:
    """(template, question, Games id, expected) over every nation, athlete, event and sport:
    expected is a value (a medal count, a number of events) or a set of NOC codes."""
    for games_id, words in scope.games.items():
        index = words.index
        name = index.data.games.name
        for code, nation in index.nations.items():
            yield (
                "nation",
                f"how many medals did {nation.name} win at the {name}",
                games_id,
                len(index.medal_results(code)),
            )
        for athlete_id, athlete in index.athletes.items():
            medals = [r for r in index.results_by_athlete.get(athlete_id, ()) if r.medal]
            yield (
                "athlete",
                f"how many medals did {athlete.name} win at the {name}",
                games_id,
                (
                    athlete_id,
                    len(medals),
                ),
            )
        for event in index.events.values():
            golds = {
                r.noc for r in index.results_by_event.get(event.id, ()) if r.medal is Medal.GOLD
            }
            yield (
                "event",
                f"who won the {event.name} in {event.sport} at the {name}",
                games_id,
                (
                    event.id,
                    golds,
                ),
            )
        for sport in index.sports:
            count = sum(1 for e in index.events.values() if e.sport == sport)
            yield "sport", f"how many {sport} events were there at the {name}", games_id, count


def sweep_right(template: str, answer: Answer, games_id: str, expected: Any) -> bool:
    """Answered right, or a choice that offers the right one."""
    if isinstance(answer, Disambiguation) and template in ("athlete", "event"):
        return expected[0] in {c.id for c in answer.alternatives}
    if not isinstance(answer, AskAnswer) or len(answer.parts) != 1:
        return False
    got = facts(answer.parts[0])
    if got["games"] != games_id:
        return False
    if template == "athlete":
        return got["value"] == expected[1] and (expected[1] == 0 or expected[0] in got["athletes"])
    if template == "event":
        return expected[0] in got["events"] and got["nations"] == expected[1]
    return bool(got["value"] == expected)


# --- the report ------------------------------------------------------------------------------------


def run_set(scope: AskScope, name: str, verbose: bool) -> tuple[int, int, int, int, list[float]]:
    rows = load_questions(name)
    right = wrong = 0
    by_kind: dict[str, list[bool]] = defaultdict(list)
    timings = []
    for number, row in enumerate(rows):
        if number % 50 == 0:
            gc.collect(1)
        started = time.perf_counter()
        answer = answer_question(row["q"], scope, row.get("default", DEFAULT_GAMES))
        timings.append((time.perf_counter() - started) * 1000)
        ok, bad, why = check(row, answer)
        right += ok
        wrong += bad
        by_kind[row["kind"]].append(ok)
        if verbose and not ok:
            print(f"  {'WRONG' if bad else 'MISS '} [{row['kind']}] {row['q']!r}: {why}")
    print(f"{name}: per kind")
    for kind, marks in sorted(by_kind.items()):
        print(f"  {kind:<16} {sum(marks):>3}/{len(marks):<3} {sum(marks) / len(marks):.3f}")
    refused = len(rows) - right - wrong
    print(
        f"{name}: {right}/{len(rows)} right ({right / len(rows):.3f}), wrong={wrong}, missed={refused}"
    )
    return len(rows), right, wrong, refused, timings


def main() -> None:
    verbose = "-v" in sys.argv
    only = [o for a in sys.argv if a.startswith("--only=") for o in a[7:].split(",")]
    scope = build_scope(bundled())
    settle_memory()  # as ``gamesbot run`` does: what the bot holds is frozen out of the collector,
    gc.disable()  # and cycles are collected between questions (see run_set), not during one
    results = {name: run_set(scope, name, verbose and (not only or name in only)) for name in SETS}
    sweep_marks: Counter[str] = Counter()
    sweep_totals: Counter[str] = Counter()
    timings = results["frozen"][4] + results["dev"][4]
    for number, (template, question, games_id, expected) in enumerate(sweeps(scope)):
        if number % 50 == 0:
            gc.collect(1)
        started = time.perf_counter()
        answer = answer_question(question, scope, DEFAULT_GAMES)
        timings.append((time.perf_counter() - started) * 1000)
        ok = sweep_right(template, answer, games_id, expected)
        sweep_totals[template] += 1
        sweep_marks[template] += ok
        if verbose and (not only or "sweeps" in only) and not ok:
            print(f"  SWEEP MISS {question!r}: {_brief(answer)}")
    print("sweeps: " + ", ".join(f"{t} {sweep_marks[t]}/{n}" for t, n in sweep_totals.items()))
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(
        f"time per question ({len(scope.games)} Games loaded, {len(timings)} questions): "
        f"median {statistics.median(timings):.2f} ms, p99 {p99:.2f} ms, max {timings[-1]:.2f} ms"
    )
    sweep = sum(sweep_marks.values()) / sum(sweep_totals.values())
    dev, frozen = results["dev"], results["frozen"]
    print(
        f"SUMMARY dev={dev[1] / dev[0]:.3f} frozen={frozen[1] / frozen[0]:.3f} "
        f"frozen_wrong={frozen[2]} dev_wrong={dev[2]} frozen_missed={frozen[3]} "
        f"sweeps={sweep:.3f} p99_ms={p99:.2f}"
    )


if __name__ == "__main__":
    main()
