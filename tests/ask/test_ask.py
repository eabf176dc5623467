"""/ask: the labelled question set (every question right, none answered with a wrong fact), the
end-to-end question of the issue, the answer model's shape, and sweeps over every nation, event
and medallist of the bundled data, so a parser change that answers a name wrongly fails here."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.ask import AskAnswer, AskIntent, render_ask_text
from bot.answers.models import Disambiguation, Message, NoMatch
from bot.answers.text import footer
from bot.domain.models import GamesData, Medal
from bot.query.ask import answer_question
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ask_accuracy", ROOT / "bench" / "ask_accuracy.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
QUESTIONS: list[dict[str, Any]] = BENCH.load_questions()


@pytest.fixture(scope="module")
def index(bundled_data: GamesData) -> GamesIndex:
    return GamesIndex.build(bundled_data)


@pytest.fixture(scope="module")
def resolver(bundled_data: GamesData) -> Resolver:
    return Resolver.build(bundled_data)


def ask(question: str, index: GamesIndex, resolver: Resolver) -> object:
    return answer_question(question, index, resolver)


# --- the labelled set --------------------------------------------------------------------------


def test_the_labelled_set_is_big_and_covers_every_form() -> None:
    forms = {row["form"] for row in QUESTIONS}
    assert len(QUESTIONS) >= 150
    assert sum(row["loose"] for row in QUESTIONS) >= len(QUESTIONS) * 0.4
    assert {
        "event_winner",
        "event_medal",
        "team_members",
        "nation_count",
        "nation_what",
        "athlete_medals",
        "athlete_event",
        "ranking",
        "top_table",
        "medal_nations",
        "count_nations",
        "first_medal",
        "event_date",
        "events_on_date",
        "combined",
        "cjk",
        "negative",
        "disambiguation",
        "compare",
        "games_facts",
        "nation_on_date",
        "athlete_age",
    } <= forms
    assert len({row["q"] for row in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("row", QUESTIONS, ids=[row["q"][:60] or "<empty>" for row in QUESTIONS])
def test_labelled_question(row: dict[str, Any], index: GamesIndex, resolver: Resolver) -> None:
    right, wrong, why = BENCH.check(row, ask(row["q"], index, resolver))
    assert right and not wrong, why


def test_the_checker_catches_a_wrong_fact(index: GamesIndex, resolver: Resolver) -> None:
    question = "who won the women's 1500m in short track?"
    answer = ask(question, index, resolver)
    row: dict[str, Any] = {
        "q": question,
        "expect": {"outcome": "answered", "parts": [{"intent": "event_winner", "gold": ["CHN"]}]},
    }
    right, wrong, _ = BENCH.check(row, answer)
    assert not right and wrong
    row["expect"] = {"outcome": "refused"}
    right, wrong, _ = BENCH.check(row, answer)
    assert not right and wrong
    row["expect"] = {"outcome": "answered", "parts": [{"intent": "event_winner", "gold": ["KOR"]}]}
    assert BENCH.check(row, answer) == (True, False, "")


# --- the examples ------------------------------------------------------------------------


def test_end_to_end_question_names_kim_gil_li(index: GamesIndex, resolver: Resolver) -> None:
    answer = ask("who won the women's 1500m in short track?", index, resolver)
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    assert part.query.intent is AskIntent.EVENT_WINNER
    assert part.query.event == "short-track-speed-skating/womens-1500-metres"
    assert part.facts["athletes"] == ("kor-kim-gil-li",)
    assert "Kim Gil-li" in answer.text


def test_combined_question_answers_both_parts(index: GamesIndex, resolver: Resolver) -> None:
    answer = ask("who won the women's 3000m relay and did korea medal?", index, resolver)
    assert isinstance(answer, AskAnswer)
    assert [p.intent for p in answer.parsed] == [AskIntent.EVENT_WINNER, AskIntent.NATION_EVENT]
    assert answer.parts[0].facts["gold"] == ("CHN",)
    assert answer.parts[1].facts == {
        "intent": "nation_event",
        "nation": "KOR",
        "event": "short-track-speed-skating/womens-3000-metre-relay",
        "entered": True,
        "rank": 4,
        "medal": None,
        "won": False,
    }


def test_korean_and_chinese_medal_counts(index: GamesIndex, resolver: Resolver) -> None:
    chinese = ask("韩国一共拿了多少枚金牌?", index, resolver)
    korean = ask("한국 쇼트트랙 금메달 몇 개야?", index, resolver)
    assert isinstance(chinese, AskAnswer) and isinstance(korean, AskAnswer)
    assert chinese.parts[0].facts["gold"] == index.medal_count("KOR").gold
    assert (
        korean.parts[0].facts["gold"] == index.medal_count("KOR", "Short track speed skating").gold
    )


# --- refusals ------------------------------------------------------------------------------------


def test_ambiguous_event_asks_like_the_commands(index: GamesIndex, resolver: Resolver) -> None:
    answer = ask("who won the women's 1500m?", index, resolver)
    assert isinstance(answer, Disambiguation)
    assert {c.id for c in answer.alternatives} == {
        "short-track-speed-skating/womens-1500-metres",
        "speed-skating/womens-1500-metres",
    }


@pytest.mark.parametrize(
    "question",
    [
        "how many medals did korea win at the 2017 asian winter games",
        "who won the downhill at the olympics",
        "who won the 2022 beijing figure skating",
    ],
)
def test_other_games_are_refused(question: str, index: GamesIndex, resolver: Resolver) -> None:
    answer = ask(question, index, resolver)
    assert isinstance(answer, Message) and not answer.answered
    assert answer.text.startswith("I only have results for the 2025 Asian Winter Games")


@pytest.mark.parametrize(
    "question", ["who won the luge", "how many medals did germany win", "what did john smith win"]
)
def test_names_outside_the_data_are_no_match(
    question: str, index: GamesIndex, resolver: Resolver
) -> None:
    answer = ask(question, index, resolver)
    assert isinstance(answer, NoMatch)
    assert answer.message.startswith("I only have results for the 2025 Asian Winter Games;")


def test_unparseable_question_points_to_the_commands(index: GamesIndex, resolver: Resolver) -> None:
    answer = ask("what is the meaning of life", index, resolver)
    assert isinstance(answer, Message) and not answer.answered
    assert "/medals" in answer.text and "/event" in answer.text


def test_first_gold_of_the_games_is_not_read_as_a_first_ever_gold(
    index: GamesIndex, resolver: Resolver
) -> None:
    answer = ask("who won the first gold of the games", index, resolver)
    assert not isinstance(answer, AskAnswer) or all(
        p.query.intent is not AskIntent.FIRST_MEDAL for p in answer.parts
    )


# --- the answer model ----------------------------------------------------------------------------


def test_answer_is_json_with_the_parsed_query(index: GamesIndex, resolver: Resolver) -> None:
    answer = ask("how many gold medals did korea win in short track", index, resolver)
    assert isinstance(answer, AskAnswer)
    dumped = json.loads(answer.model_dump_json())
    assert dumped["type"] == "ask"
    assert dumped["parsed"][0] == {
        "intent": "nation_medals",
        "nation": "KOR",
        "athlete": None,
        "event": None,
        "sport": "Short track speed skating",
        "medal": "gold",
        "subject": None,
        "measure": None,
        "limit": None,
        "date": None,
        "mentions": {"subject": "korea", "event": "short track"},
    }
    assert AskAnswer.model_validate_json(answer.model_dump_json()) == answer


def test_render_text_has_the_answer_and_the_source(index: GamesIndex, resolver: Resolver) -> None:
    answer = ask("how many golds did japan win", index, resolver)
    assert isinstance(answer, AskAnswer)
    text = render_ask_text(answer)
    assert text.startswith(f"Japan (JPN) won {index.medal_count('JPN').gold} gold medals.")
    assert text.endswith("\n\n" + footer(answer.provenance))


# --- sweeps over the data ------------------------------------------------------------------------


def test_every_nation_count_matches_the_index(index: GamesIndex, resolver: Resolver) -> None:
    for code, nation in index.nations.items():
        answer = ask(f"how many medals did {nation.name} win?", index, resolver)
        assert isinstance(answer, AskAnswer), nation.name
        facts = answer.parts[0].facts
        count = index.medal_count(code)
        assert (facts["nation"], facts["gold"], facts["silver"], facts["bronze"]) == (
            code,
            count.gold,
            count.silver,
            count.bronze,
        )


def test_every_event_winner_is_right_or_asked(index: GamesIndex, resolver: Resolver) -> None:
    answered = 0
    for event in index.events.values():
        answer = ask(f"who won the {event.name} in {event.sport}?", index, resolver)
        if isinstance(answer, Disambiguation):
            assert event.id in {c.id for c in answer.alternatives}
            continue
        assert isinstance(answer, AskAnswer), event.id
        facts = answer.parts[0].facts
        golds = tuple(r.noc for r in index.results_by_event[event.id] if r.medal is Medal.GOLD)
        assert (facts["event"], facts["gold"]) == (event.id, golds)
        answered += 1
    assert answered >= 60


def test_every_medallist_is_right_or_asked(index: GamesIndex, resolver: Resolver) -> None:
    medallists = {a for r in index.data.results if r.medal for a in r.athletes}
    answered = 0
    for athlete_id in sorted(medallists):
        athlete = index.athletes[athlete_id]
        answer = ask(f"what did {athlete.name} win?", index, resolver)
        if isinstance(answer, Disambiguation):
            assert athlete_id in {c.id for c in answer.alternatives}
            continue
        assert isinstance(answer, AskAnswer), athlete.name
        facts = answer.parts[0].facts
        results = [r for r in index.results_by_athlete[athlete_id] if r.medal]
        assert (facts["athlete"], facts["total"]) == (athlete_id, len(results))
        answered += 1
    assert answered >= len(medallists) * 0.9


def test_answers_are_fast(index: GamesIndex, resolver: Resolver) -> None:
    timings = []
    for row in QUESTIONS:
        started = time.perf_counter()
        ask(row["q"], index, resolver)
        timings.append(time.perf_counter() - started)
    timings.sort()
    assert timings[len(timings) // 2] < 0.005
    assert timings[-1] < 0.1


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gets_an_answer_model(text: str) -> None:
    answer = answer_question(text, _INDEX, _RESOLVER)
    assert isinstance(answer, AskAnswer | Disambiguation | NoMatch | Message)


def _build() -> tuple[GamesIndex, Resolver]:
    from bot.ingest.apply import apply_plan
    from bot.ingest.bundled import bundled_plan, default_data_dir

    plan, _ = bundled_plan(default_data_dir() / "harbin-2025", "harbin-2025")
    data = apply_plan(None, plan)
    return GamesIndex.build(data), Resolver.build(data)


_INDEX, _RESOLVER = _build()


def test_unreadable_question_names_the_closest_command(
    index: GamesIndex, resolver: Resolver
) -> None:
    answer = ask("tell me about kim gil-li's skates", index, resolver)
    assert isinstance(answer, Message) and not answer.answered
    assert "closest command is `/athlete Kim Gil-li`" in answer.text
