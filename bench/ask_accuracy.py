"""Accuracy of ``/ask`` on the labelled question set ``tests/ask/questions.jsonl``.

Each line holds a question, its form (which kind of question it is), whether it is loosely spelt,
and the expected outcome: ``answered`` with expected structured parts, or ``disambiguation``,
``no_match`` or ``refused`` (a ``Message`` with ``answered=False``). An answered part is right when
every expected key equals the answer's fact of that name (lists compare as sets, except ``rows``,
whose order matters). A *wrong* answer is one that answers when it should not, or answers with a
fact that differs; a miss (no answer where one was expected) is not wrong, only inaccurate.

Run: ``.venv/bin/python bench/ask_accuracy.py [-v]``. It prints per-intent and per-form accuracy,
the timing, and a last line ``SUMMARY questions=<int> accuracy=<float> wrong=<int> ...``; record the
output in docs/benchmarks.md ("/ask accuracy").
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.answers.ask import AskAnswer
from bot.answers.models import Disambiguation, Message, NoMatch
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.query.ask import answer_question
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver

QUESTIONS = Path(__file__).resolve().parents[1] / "tests" / "ask" / "questions.jsonl"
#: Facts whose order is part of the answer.
ORDERED = frozenset({"rows"})


def load_questions(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    """The labelled questions, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def outcome(answer: object) -> str:
    """``answered``, ``disambiguation``, ``no_match`` or ``refused``."""
    if isinstance(answer, AskAnswer):
        return "answered"
    if isinstance(answer, Disambiguation):
        return "disambiguation"
    if isinstance(answer, NoMatch):
        return "no_match"
    if isinstance(answer, Message) and not answer.answered:
        return "refused"
    return "other"


def _same(key: str, expected: Any, actual: Any) -> bool:
    if isinstance(expected, list):
        if not isinstance(actual, list | tuple):
            return False
        if key in ORDERED:
            return list(actual) == expected
        return sorted(actual) == sorted(expected)
    return bool(actual == expected)


def check(row: dict[str, Any], answer: object) -> tuple[bool, bool, str]:
    """(right, wrong, why) for one labelled question and its answer."""
    expect = row["expect"]
    got = outcome(answer)
    if got != expect["outcome"]:
        wrong = got == "answered"
        return False, wrong, f"outcome {got}, expected {expect['outcome']}"
    if got != "answered":
        return True, False, ""
    assert isinstance(answer, AskAnswer)
    parts = expect.get("parts", [])
    if len(answer.parts) < len(parts):
        return False, False, f"{len(answer.parts)} parts, expected {len(parts)}"
    for number, (want, part) in enumerate(zip(parts, answer.parts, strict=False)):
        for key, value in want.items():
            if key not in part.facts or not _same(key, value, part.facts[key]):
                return (
                    False,
                    True,
                    f"part {number}: {key}={part.facts.get(key)!r}, expected {value!r}",
                )
    return True, False, ""


def main() -> None:
    verbose = "-v" in sys.argv
    plan, _ = bundled_plan(default_data_dir() / "harbin-2025", "harbin-2025")
    data = apply_plan(None, plan)
    index, resolver = GamesIndex.build(data), Resolver.build(data)
    rows = load_questions()
    by_intent: dict[str, list[bool]] = defaultdict(list)
    by_form: dict[str, list[bool]] = defaultdict(list)
    loose: list[bool] = []
    timings: list[float] = []
    wrong = 0
    right_all = 0
    for row in rows:
        started = time.perf_counter()
        answer = answer_question(row["q"], index, resolver)
        timings.append((time.perf_counter() - started) * 1000)
        right, is_wrong, why = check(row, answer)
        parts = row["expect"].get("parts") or [{"intent": row["expect"]["outcome"]}]
        by_intent[parts[0]["intent"]].append(right)
        by_form[row["form"]].append(right)
        if row["loose"]:
            loose.append(right)
        right_all += right
        wrong += is_wrong
        if verbose and not right:
            print(f"{'WRONG' if is_wrong else 'MISS '} {row['q']!r}: {why}")
    print("per intent (first expected part, or expected outcome):")
    for name, marks in sorted(by_intent.items()):
        print(f"  {name:<16} {sum(marks):>3}/{len(marks):<3} {sum(marks) / len(marks):.3f}")
    print("per form:")
    for name, marks in sorted(by_form.items()):
        print(f"  {name:<18} {sum(marks):>3}/{len(marks):<3} {sum(marks) / len(marks):.3f}")
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(
        f"loose spelling: {sum(loose)}/{len(loose)}; time per question: median "
        f"{statistics.median(timings):.2f} ms, p99 {p99:.2f} ms, max {timings[-1]:.2f} ms"
    )
    print(
        f"SUMMARY questions={len(rows)} accuracy={right_all / len(rows):.3f} wrong={wrong} "
        f"loose={len(loose)}"
    )


if __name__ == "__main__":
    main()
