"""/ask over every bundled Games: the frozen set (never tuned on) and the dev set are answered
right with no wrong fact stated, the sweeps generated from the data (every nation, athlete, event
and sport) are answered right or asked about, the checker catches wrong facts, and the honest edges
(names, sports and Games outside the data, unreadable words) name what was asked."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.answers.ask import AskAnswer, Asked, Counted
from bot.answers.ask_text import render_ask_text, understood
from bot.answers.models import Answer, Disambiguation, Message, NoMatch
from bot.domain.models import Medal
from bot.domain.names import fold
from bot.domain.resolution import EntityKind
from bot.query.ask import AskScope, answer_question
from bot.query.ask_vocabulary import AGENT_NOUNS, SURFACE_SPORTS

ROOT = Path(__file__).resolve().parents[2]
HARBIN, MILANO = "harbin-2025", "milano-cortina-2026"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ask_accuracy", ROOT / "bench" / "ask_accuracy.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
SCOPE: AskScope = BENCH.build_scope(BENCH.bundled())


def ask(question: str, default: str = HARBIN) -> Answer:
    return answer_question(question, SCOPE, default)


def _failures(name: str) -> tuple[int, list[str], list[str]]:
    rows = BENCH.load_questions(name)
    wrong, missed = [], []
    for row in rows:
        right, is_wrong, why = BENCH.check(row, ask(row["q"], row.get("default", HARBIN)))
        if not right:
            (wrong if is_wrong else missed).append(f"{row['q']!r}: {why}")
    return len(rows), wrong, missed


# --- the question sets ---------------------------------------------------------------------------


def test_the_frozen_set_covers_every_kind_on_both_games() -> None:
    rows = BENCH.load_questions("frozen")
    kinds = Counter(row["kind"] for row in rows)
    styles = Counter(row["style"] for row in rows)
    games = {p["games"] for row in rows for p in row["expect"].get("parts", []) if "games" in p}
    assert len(rows) >= 300 and len({row["q"] for row in rows}) == len(rows)
    why = ("count_other", "superlative", "first_last", "filter", "compound", "explain")
    why += ("not_in_data", "sport_not_held")  # the kinds the issue found failing
    assert all(kinds[kind] >= 9 for kind in why)
    assert {"cross_games", "compare", "yes_no", "date", "placing", "disambiguation"} <= set(kinds)
    assert {"plain", "typo", "nopunct", "order", "abbrev", "native"} <= set(styles)
    assert games == {HARBIN, MILANO}
    assert not {row["q"] for row in rows} & {row["q"] for row in BENCH.load_questions("dev")}


def test_the_frozen_set_is_answered_right_and_never_wrong() -> None:
    total, wrong, missed = _failures("frozen")
    assert not wrong, "\n".join(wrong)
    assert (total - len(missed)) / total >= 0.90, "\n".join(missed)


def test_the_dev_set_is_answered_right() -> None:
    total, wrong, missed = _failures("dev")
    assert (total - len(wrong) - len(missed)) / total >= 0.97, "\n".join(wrong + missed)


def test_sweeps_over_every_nation_athlete_event_and_sport() -> None:
    marks: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses = []
    for template, question, games_id, expected in BENCH.sweeps(SCOPE):
        ok = BENCH.sweep_right(template, ask(question), games_id, expected)
        totals[template] += 1
        marks[template] += ok
        if not ok:
            misses.append(question)
    assert set(totals) == {"nation", "athlete", "event", "sport"}
    assert totals["athlete"] > 900 and totals["event"] == 64 + 116
    assert sum(marks.values()) / sum(totals.values()) >= 0.99, misses[:20]


def test_the_checker_catches_wrong_facts_and_guesses() -> None:
    answer = ask("who won the women's 1500m in short track?")
    row: dict[str, Any] = {"expect": {"outcome": "answered", "parts": [{"nations": ["CHN"]}]}}
    assert BENCH.check(row, answer)[:2] == (False, True)
    row["expect"] = {"outcome": "not_found"}
    assert BENCH.check(row, answer)[:2] == (False, True)
    row["expect"] = {"outcome": "answered", "parts": [{"games": HARBIN, "nations": ["KOR"]}]}
    assert BENCH.check(row, answer) == (True, False, "")
    guessed = {"expect": {"outcome": "choose"}}
    assert BENCH.check(guessed, answer)[:2] == (False, True)


# --- the query model ------------------------------------------------------------------------------


def test_the_answer_carries_the_query_it_answered() -> None:
    answer = ask("how many gold medals did korea win in short track")
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    query = json.loads(part.query.model_dump_json())
    assert query["asked"] == "count" and query["of"] == "medals" and query["medal"] == "gold"
    assert [n["id"] for n in query["nations"]] == ["KOR"]
    assert [s["id"] for s in query["sports"]] == ["Short track speed skating"]
    assert query["games"]["id"] == HARBIN
    assert part.value == 6
    assert AskAnswer.model_validate_json(answer.model_dump_json()) == answer


def test_the_answer_says_what_it_understood_and_names_the_games() -> None:
    answer = ask("how many golds did south korea win in short track")
    assert isinstance(answer, AskAnswer)
    line = understood(answer.parts[0].query)
    assert line == (
        "count: gold medals · nation: South Korea · sport: Short track speed skating · "
        "Games: 2025 Asian Winter Games"
    )
    text = render_ask_text(answer)
    assert text.startswith(
        "South Korea (KOR) won 6 gold medals in Short track speed skating at the"
    )
    assert line in text


def test_counts_say_what_they_counted() -> None:
    answer = ask("how many nations won at least one medal")
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    assert (part.query.asked, part.query.of, part.value) == (Asked.COUNT, Counted.NATIONS, 9)
    assert render_ask_text(answer).startswith(
        "9 nations won a medal at the 2025 Asian Winter Games: China, South Korea, Japan"
    )


def test_a_ranking_by_one_colour_states_only_what_it_counted() -> None:
    """Ranked by golds, only the golds were counted: "China, 32 gold medals", never a tally
    that says China won no silver (it won 27)."""
    text = render_ask_text(ask("which nation won the most golds"))
    assert "China, 32 gold medals." in text and "0 silver" not in text
    text = render_ask_text(ask("top 3 nations by silver medals"))
    assert "1. China, 27 silver medals" in text and "0 gold" not in text
    text = render_ask_text(ask("which nation won the most medals"))
    assert "China, 32 gold, 27 silver, 26 bronze" in text


@pytest.mark.parametrize(
    "question",
    [
        "who came fourth in the men's downhill",
        "who was 4th in the men's downhill",
        "who finished 4th in the men's downhill",
    ],
)
def test_a_place_of_an_event_is_who_finished_there(question: str) -> None:
    """ "4th" after "was" or "finished" is a place, not the 4th of the month; nobody is said to
    have finished first when fourth was asked."""
    answer = ask(question, MILANO)
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    assert (part.query.asked, part.query.place, part.query.day) == (Asked.PLACE, 4, None)
    text = render_ask_text(answer)
    assert text.startswith("Marco Odermatt (SUI) finished 4th in Men's downhill"), text
    assert "place: 4th" in text


def test_first_after_a_verb_of_finishing_is_the_place() -> None:
    """ "who came first" is the winner, "which nation is first" the top of the table; "first to"
    and "the first gold" stay the earliest."""
    text = render_ask_text(ask("who came first in the men's downhill", MILANO))
    assert text.startswith("Franjo von Allmen (SUI) finished 1st in Men's downhill"), text
    text = render_ask_text(ask("which nation is first", MILANO))
    assert text.startswith("1st in the medal table at the 2026 Winter Olympics: Norway,"), text
    first_to = ask("who was first to win ten golds", MILANO)
    assert isinstance(first_to, AskAnswer)
    assert first_to.parts[0].query.threshold == 10 and first_to.parts[0].query.place is None
    assert "first" in render_ask_text(ask("when was the first gold", MILANO))


def test_a_place_the_data_does_not_hold_is_said_so() -> None:
    text = render_ask_text(ask("who came tenth in the men's downhill", MILANO))
    assert text.startswith("No result for 10th in Men's downhill"), text
    assert "finished" not in text


def test_a_check_says_how_many_medals_not_one() -> None:
    """ "did China win any medals": it won 15 at Milano Cortina, not "1 medal"; a "no" names
    no number."""
    text = render_ask_text(ask("did china win any medals at the olympics"))
    assert text.startswith("Yes: China (CHN) won 15 medals at the 2026 Winter Olympics."), text
    text = render_ask_text(ask("did thailand win a medal at the olympics"))
    assert text.startswith("No: Thailand (THA) has no medals at the 2026 Winter Olympics."), text
    text = render_ask_text(ask("did kim gil-li win silver", MILANO))
    assert "has no silver medals" in text and "1 silver" not in text


def test_a_day_of_the_month_is_still_a_day() -> None:
    answer = ask("who won on the 14th")
    assert isinstance(answer, AskAnswer)
    assert answer.parts[0].query.day is not None and answer.parts[0].query.place is None


def test_a_question_spanning_games_is_answered_per_games() -> None:
    answer = ask("Korea's golds at both Games")
    assert isinstance(answer, AskAnswer)
    assert [(p.query.games.id, p.value) for p in answer.parts] == [(MILANO, 3), (HARBIN, 16)]
    compared = ask("did Kim Gil-li win more at Harbin or at the Olympics?")
    assert isinstance(compared, AskAnswer)
    (part,) = compared.parts
    assert part.winner == HARBIN and [i.value for i in part.items] == [4, 3]


def test_a_name_only_another_games_holds_is_answered_from_it() -> None:
    answer = ask("how many medals did Norway win?")
    assert isinstance(answer, AskAnswer) and answer.parts[0].query.games.id == MILANO
    assert "at the 2026 Winter Olympics" in render_ask_text(answer)


def test_compound_questions_answer_every_part() -> None:
    answer = ask("who won the men's 1000 m short track and where did Japan finish?")
    assert isinstance(answer, AskAnswer)
    winner, place = answer.parts
    assert {i.noc for i in winner.items} == {"KOR"}
    assert place.query.asked is Asked.PLACE and place.value == 4
    assert place.query.event == winner.query.event


# --- honest edges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "named"),
    [
        ("did Shaun White compete?", EntityKind.ATHLETE, "shaun white"),
        ("how many medals did Atlantis win", EntityKind.NATION, "atlantis"),
        ("who won the men's super-g in harbin", EntityKind.EVENT, "men's super-g"),
        ("who won the luge in harbin?", EntityKind.SPORT, "luge"),
        ("who won the bandy", EntityKind.SPORT, "bandy"),
        ("who won the 2022 olympic downhill", EntityKind.GAMES, "2022"),
    ],
)
def test_what_is_not_in_the_data_is_named(question: str, kind: EntityKind, named: str) -> None:
    answer = ask(question)
    assert isinstance(answer, NoMatch) and answer.kind is kind
    assert named in answer.message.casefold()
    if kind is EntityKind.GAMES:
        assert (
            "2026 Winter Olympics" in answer.message and "2025 Asian Winter Games" in answer.message
        )


def test_ambiguous_names_ask_like_the_commands() -> None:
    answer = ask("who won the women's 1500m?")
    assert isinstance(answer, Disambiguation) and answer.kind is EntityKind.EVENT
    assert {c.id for c in answer.alternatives} == {
        "short-track-speed-skating/womens-1500-metres",
        "speed-skating/womens-1500-metres",
    }


def test_unreadable_words_are_named_with_what_was_understood() -> None:
    answer = ask("tell me a joke about curling stones")
    assert isinstance(answer, Message) and not answer.answered
    assert "“joke stones”" in answer.text and "Curling" in answer.text
    assert "`/table sport: Curling`" in answer.text


def test_nothing_in_bot_ask_names_a_games_city_year_or_nation() -> None:
    words: set[str] = set()
    for words_of in SCOPE.games.values():
        games = words_of.index.data.games
        words |= {games.city, games.name, str(games.year), *games.aliases}
        words |= {n.name for n in words_of.index.nations.values() if len(n.name) > 3}
    sources = [*ROOT.glob("bot/query/ask*.py"), *ROOT.glob("bot/answers/ask*.py")]
    for path in sources:
        text = path.read_text(encoding="utf-8").casefold()
        found = [w for w in words if w and re.search(rf"\b{re.escape(w.casefold())}\b", text)]
        assert not found, f"{path.name} names {found}"


AGENT_FRAMES = (
    "{}",
    "who are the {}",
    "which {} won gold",
    "how many medals did the {} win",
    "speed {}",
    "norwegian {} with medals",
    "{} {} {}",
)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("games", [HARBIN, MILANO])
@pytest.mark.parametrize("noun", sorted(AGENT_NOUNS))
def test_every_agent_noun_is_read_once_and_answered(noun: str, games: str) -> None:
    """ "lugers" is the sport luge and names athletes: read once, it is answered (reading it
    again and again, the parser never returned and blocked the bot's loop)."""
    for frame in AGENT_FRAMES:
        answer = ask(frame.format(noun, noun, noun), games)
        assert isinstance(answer, AskAnswer | Disambiguation | NoMatch | Message)


@pytest.mark.parametrize("games", [HARBIN, MILANO])
def test_a_sport_is_not_on_the_programme_only_when_no_games_holds_it(games: str) -> None:
    """Luge is held at one Games of two: a bare "lugers" is not refused as a sport of neither."""

    def said(question: str) -> str:
        answer = ask(question, games)
        if isinstance(answer, Message):
            return answer.text
        return answer.message if isinstance(answer, NoMatch) else ""

    assert "not on the programme" not in said("lugers"), said("lugers")
    assert "not on the programme" in said("who won the luge in harbin")
    assert "not on the programme" in said("who won the bandy")


def _vocabulary() -> tuple[list[str], list[str]]:
    """The words the parser reads from its own tables, and the words of the bundled names."""
    from bot.query import ask_vocabulary as v
    from bot.query.event_terms import GENDER_WORDS, STOPWORDS
    from bot.query.sports import OTHER_SPORTS, SPORT_ALIASES

    tables = {*v.CUES, *v.AGENT_NOUNS, *v.NATIVE, *v.TYPOS, *v.NUMBER_WORDS, *v.MONTHS}
    tables |= {*v.ORDINAL_ENDINGS, *v.ORDINAL_PLACES, *v.PLACE_VERBS, *v.FAMILY_WORDS, *v.FILLERS}
    tables |= {*SPORT_ALIASES, *OTHER_SPORTS, *GENDER_WORDS, *STOPWORDS, "4th", "1500m", "?", ","}
    names: set[str] = set()
    for words_of in SCOPE.games.values():
        index = words_of.index
        for named in (*index.nations.values(), *index.athletes.values(), *index.events.values()):
            names.update(named.name.casefold().split())
    return sorted(tables), sorted(names - tables)


TABLE_WORDS, NAME_WORDS = _vocabulary()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(TABLE_WORDS) | st.sampled_from(NAME_WORDS), min_size=1, max_size=14
    ).map(" ".join)
)
@example("which lugers won gold")
def test_any_words_the_parser_knows_get_an_answer_model(text: str) -> None:
    """Word salad of the parser's own vocabulary and the data's names: always an answer (a word
    read as two things at once once made the parser loop for ever)."""
    for games in (HARBIN, MILANO):
        answer = ask(text, games)
        assert isinstance(answer, AskAnswer | Disambiguation | NoMatch | Message)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
@example("⓵")  # a digit to str.isdigit, not to int(): once a traceback
@example("who won on the ⓵⓸th of ²")
@example("lugers")  # once a parser that never returned
def test_any_text_gets_an_answer_model(text: str) -> None:
    answer = ask(text)
    assert isinstance(answer, AskAnswer | Disambiguation | NoMatch | Message)


def _ranked_part(question: str, default: str) -> Any:
    answer = ask(question, default)
    assert isinstance(answer, AskAnswer), answer
    (part,) = answer.parts
    assert part.query.asked is Asked.RANK
    return part


def test_a_place_of_the_table_is_the_nation_there_not_the_top_down_to_it() -> None:
    """ "which nation is 4th" names the 4th alone; two sharing 5th (equal tallies) hold 5th and
    6th, so "6th" names both, at their rank; past the last medal-winning nation, no one."""
    part = _ranked_part("which nation is 4th", MILANO)
    assert (part.query.place, part.query.limit) == (4, None)
    assert [(i.id, i.rank) for i in part.items] == [("ITA", 4)]
    text = render_ask_text(ask("which nation is 4th", MILANO))
    assert text.startswith(
        "4th in the medal table at the 2026 Winter Olympics: Italy, 10 gold, 6 silver, 14 bronze."
    ), text
    assert "place: 4th" in text and "top 4" not in text
    part = _ranked_part("which nation is 6th", HARBIN)
    assert [(i.id, i.rank) for i in part.items] == [("PHI", 5), ("UZB", 5)]
    text = render_ask_text(ask("which nation is 6th", HARBIN))
    assert text.startswith("5th, shared by 2, in the medal table at the 2025 Asian Winter Games:")
    assert [i.id for i in _ranked_part("which nation came 20th", MILANO).items] == ["BRA", "KAZ"]
    assert render_ask_text(ask("which nation is 40th", MILANO)).startswith(
        "No one is 40th in the medal table at the 2026 Winter Olympics."
    )


def test_a_medal_table_asked_for_is_every_row_with_shared_ranks() -> None:
    """ "the luge medal table" lists every medal-winning nation with its rank, equal tallies
    sharing one; it never says they "share the most"; a delegation the official table leaves
    out is named apart."""
    part = _ranked_part("luge medal table", MILANO)
    assert part.query.order is None and [s.id for s in part.query.sports] == ["Luge"]
    assert [i.id for i in part.items] == ["GER", "ITA", "AUT", "LAT", "USA"]
    text = render_ask_text(ask("luge medal table", MILANO))
    assert text.startswith("The medal table in Luge at the 2026 Winter Olympics:\n1. Germany,")
    assert "share" not in text
    hockey = render_ask_text(ask("ice hockey medal table", MILANO))
    assert "\n3. Finland, 0 gold, 0 silver, 1 bronze\n3. Switzerland," in hockey, hockey
    whole = render_ask_text(ask("medal table", MILANO))
    assert "\n19. Brazil," in whole and "\n19. Kazakhstan," in whole and "\n21. Poland," in whole
    assert (
        "Not ranked in the medal table, as in the official one: Individual Neutral Athletes."
        in whole
    )


def test_an_ordinal_before_most_or_place_is_a_place_not_a_day() -> None:
    """ "the 5th most gold medals" and "in 1st place" rank; "st" after a number is its ending,
    not short track; "the 14th" alone is still a day of the Games."""
    part = _ranked_part("which nation has the 5th most gold medals", MILANO)
    assert (part.query.place, part.query.day, part.query.medal) == (5, None, Medal.GOLD)
    assert [(i.id, i.rank) for i in part.items] == [("FRA", 5), ("GER", 5), ("SWE", 5)]
    part = _ranked_part("which nation is in 1st place", MILANO)
    assert (part.query.place, part.query.sports, part.query.day) == (1, (), None)
    assert [i.id for i in part.items] == ["NOR"]
    answer = ask("who had the 2nd most medals", MILANO)
    assert isinstance(answer, AskAnswer) and {p.query.place for p in answer.parts} == {2}
    fewest = render_ask_text(ask("which nation won the 3rd fewest medals", MILANO))
    assert " by fewest medals at the 2026 Winter Olympics: " in fewest, fewest
    day = ask("what was on the 14th at harbin")
    assert isinstance(day, AskAnswer)
    assert str(day.parts[0].query.day) == "2025-02-14"


def test_what_happened_on_a_day_names_the_day_not_an_empty_subject() -> None:
    text = render_ask_text(ask("what happened on the 14th", MILANO))
    assert text.startswith("What the sources say on 14 February 2026 at the 2026 Winter Olympics:")
    assert "  " not in text.splitlines()[0]
    none = render_ask_text(ask("what happened on the 3rd", MILANO))
    assert none.startswith("The data has no notes on 3 February 2026 at the 2026 Winter Olympics.")


def test_when_someone_won_their_nth_medal_is_the_day_they_reached_n() -> None:
    """ "his 6th gold" counts golds (it was read as 6 February); the day is the one the count
    reached six (Klæbo's golds: 8, 10, 13, 15, 18 and 21 February), and a count never reached
    is said so."""
    answer = ask("when did klaebo win his 6th gold", MILANO)
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    assert (part.query.asked, part.query.threshold, part.query.day) == (Asked.DATE, 6, None)
    assert str(part.value) == "2026-02-21"
    assert render_ask_text(answer).startswith(
        "Johannes Høsflot Klæbo reached 6 gold medals on 21 February 2026 at the 2026 Winter"
    )
    assert render_ask_text(ask("when did klaebo win his 7th gold", MILANO)).startswith(
        "Johannes Høsflot Klæbo never reached 7 gold medals at the 2026 Winter Olympics."
    )
    tenth = ask("when did norway win its 10th gold", MILANO)
    assert isinstance(tenth, AskAnswer) and str(tenth.parts[0].value) == "2026-02-14"


def test_last_in_the_medal_table_is_its_bottom_never_its_top() -> None:
    """ "which nation finished last in the medal table" answered Norway, the top; it is the
    bottom (two sharing it at Harbin: Chinese Taipei and Thailand, a bronze each)."""
    part = _ranked_part("which nation finished last in the medal table", MILANO)
    assert [i.id for i in part.items] == ["BEL"]
    text = render_ask_text(ask("which nation finished last in the medal table", MILANO))
    assert text.startswith("Bottom of the medal table at the 2026 Winter Olympics: Belgium,")
    text = render_ask_text(ask("which nation finished last in the medal table at harbin"))
    assert text.startswith(
        "2 nations share the bottom of the medal table at the 2025 Asian Winter Games: "
        "Chinese Taipei, 0 gold, 0 silver, 1 bronze and Thailand,"
    ), text


def test_ties_are_counted_as_events_with_a_shared_place() -> None:
    """The sources' ties at Milano: two shared silvers (men's team combined, women's giant
    slalom) and a shared bronze (men's normal hill). "was there a tie for silver" said "someone
    won 4 silver medals", "how many events had a tie" counted all 116 events, and "was there a
    tie for gold" said "someone has no gold medals"."""
    text = render_ask_text(ask("was there a tie for silver in any event", MILANO))
    assert text.startswith("Yes: 2 events with a shared silver at the 2026 Winter Olympics:")
    text = render_ask_text(ask("which events had a shared bronze", MILANO))
    assert text.startswith(
        "1 event had a shared bronze at the 2026 Winter Olympics: Men's normal hill individual"
    ), text
    count = ask("how many events had a tie", MILANO)
    assert isinstance(count, AskAnswer)
    assert count.parts[0].value == 3
    assert {i.id for i in count.parts[0].items} == {
        "ski-jumping/mens-normal-hill-individual",
        "alpine-skiing/mens-team-combined",
        "alpine-skiing/womens-giant-slalom",
    }
    assert render_ask_text(ask("was there a tie for gold", MILANO)).startswith(
        "No: no event had a shared gold at the 2026 Winter Olympics."
    )


def test_athletes_counted_are_those_in_the_data_never_every_entrant() -> None:
    """The data holds medallists and the places reports named: "how many athletes took part"
    said "708 athletes took part at the 2026 Winter Olympics" (some 2,900 did); it says how many
    are in the data, and that the data is not every entrant."""
    text = render_ask_text(ask("how many athletes took part", MILANO))
    assert " athletes are in the data at the 2026 Winter Olympics: " in text
    assert "took part" not in text.splitlines()[0]
    assert "not every entrant." in text
    medallists = render_ask_text(ask("how many athletes won medals", MILANO))
    assert "not every entrant" not in medallists  # medallists are all in the data


def test_a_count_answered_by_the_last_results_is_said_as_such() -> None:
    """ "how many days did the games last" read as the last medals: it said "0 medals were
    awarded" above the medals of the last day; it says when the last medals came."""
    text = render_ask_text(ask("how many days did the games last", MILANO))
    assert "0 medals" not in text
    assert text.startswith("The last medals at the 2026 Winter Olympics came on 22 February 2026")


def test_a_number_of_medals_narrows_the_nations_or_athletes_counted() -> None:
    """ "how many nations won more than 10 medals" counted all 29 medal-winning nations, "which
    athletes won 3 golds" all 86 gold medallists, and "at least 5" meant six or more; each now
    counts those that reached the number, and says it."""
    more = ask("how many nations won more than 10 medals", MILANO)
    assert isinstance(more, AskAnswer)
    (part,) = more.parts
    assert (part.query.threshold, part.value) == (11, 12)
    text = render_ask_text(more)
    assert text.startswith("12 nations won 11 medals or more at the 2026 Winter Olympics: Norway,")
    least = ask("which nations won at least 5 golds", MILANO)
    assert isinstance(least, AskAnswer)
    assert least.parts[0].query.threshold == 5
    assert {i.id for i in least.parts[0].items} == {
        "NOR",
        "USA",
        "NED",
        "ITA",
        "GER",
        "FRA",
        "SWE",
        "SUI",
        "AUT",
        "JPN",
        "CAN",
        "CHN",
    }
    three = ask("which athletes won 3 golds at harbin")
    assert isinstance(three, AskAnswer)
    assert {i.label for i in three.parts[0].items} == {
        "Choi Min-jeong",
        "Gao Tingyu",
        "Han Mei",
        "Ning Zhongyan",
    }
    one = ask("how many nations won at least one medal in harbin")
    assert isinstance(one, AskAnswer) and one.parts[0].value == 9
    listed = ask("nations with 10 golds", MILANO)  # no question word: those who won that many
    assert isinstance(listed, AskAnswer)
    assert {i.id for i in listed.parts[0].items} == {"NOR", "USA", "ITA", "NED"}


def test_team_before_a_nation_is_the_nation_not_team_events() -> None:
    """ "team korea" is how fans name a nation's team: it counted Korea's team events only (1
    medal in short track at Harbin, not 13); "team medals" still asks team events."""
    answer = ask("how many medals did team korea win in short track at harbin")
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    assert part.query.kind is None and part.count is not None and part.count.total == 13
    team = ask("how many team medals did korea win", MILANO)
    assert isinstance(team, AskAnswer) and team.parts[0].query.kind is not None


def test_won_no_gold_is_every_other_nation_not_the_gold_winners() -> None:
    """ "which nations won no gold" answered the 20 that won gold; it is the other 72 taking
    part (63 won no medal at all; 25 of Harbin's 34). "who beat X" (not understood as such)
    said "no results" for an athlete who had one; it says she won no gold there."""
    none = ask("which nations won no gold", MILANO)
    assert isinstance(none, AskAnswer)
    (part,) = none.parts
    assert part.query.without and part.value == 72
    assert not {i.id for i in part.items} & {"NOR", "USA", "CHN", "KAZ", "BRA"}
    assert render_ask_text(none).startswith("72 nations won no gold at the 2026 Winter Olympics:")
    medal = ask("how many nations won no medals", MILANO)
    assert isinstance(medal, AskAnswer) and medal.parts[0].value == 63
    harbin = ask("which nations did not win a medal at harbin")
    assert isinstance(harbin, AskAnswer) and harbin.parts[0].value == 25
    athletes = render_ask_text(ask("which athletes won no medal at harbin"))
    assert "not every entrant." in athletes
    beat = render_ask_text(ask("who beat kim gil-li in the 1000m", MILANO))
    assert beat.startswith("Kim Gil-li won no gold in Women's 1000 metres at the 2026 Winter")


def test_questions_comparing_days_are_refused_not_answered_as_something_else() -> None:
    """ "did korea win a medal every day" said "Yes" (ten medals over sixteen days of events);
    "who won the most medals in a day" answered the most over the Games; "which day had the
    most gold medals" printed an empty heading. Comparing days is not asked yet: refused. One
    day, a Games day and the day of an event still answer."""
    for question in (
        "did korea win a medal every day",
        "who won the most medals in a day",
        "which day had the most gold medals",
    ):
        refused = ask(question, MILANO)
        assert isinstance(refused, Message) and not refused.answered, question
        assert "I couldn't read that question" in refused.text
    for question in (
        "how many medals did norway win on day 5",
        "what day was the men's downhill",
        "when did norway win its first gold",
    ):
        assert isinstance(ask(question, MILANO), AskAnswer), question


def test_sports_are_ranked_by_their_medals_not_as_the_medal_table() -> None:
    text = render_ask_text(ask("which sport had the most events", MILANO))
    assert text.startswith("The sport with the most medals at the 2026 Winter Olympics: ")
    assert "medal table" not in text.splitlines()[0]


def test_a_yes_rests_on_what_was_asked_not_on_having_a_medal() -> None:
    """ "did kim gil-li win every race" and "did the netherlands win all the speed skating golds"
    said Yes (she has a result; they won 5 of 14): refused, as "every" is not asked yet. "did any
    athlete win 5 golds" said "Yes:  won 116 gold medals": now who reached the number, or no one."""
    for question in (
        "did kim gil-li win every race",
        "did the netherlands win all the speed skating golds",
    ):
        refused = ask(question, MILANO)
        assert isinstance(refused, Message) and not refused.answered, question
    assert render_ask_text(ask("did any athlete win 5 golds", MILANO)).startswith(
        "Yes: Johannes Høsflot Klæbo won 5 gold medals or more at the 2026 Winter Olympics."
    )
    assert render_ask_text(ask("did any athlete win 7 golds", MILANO)).startswith(
        "No: no one won 7 gold medals at the 2026 Winter Olympics."
    )
    harbin = ask("did any nation win 50 medals at harbin")
    assert isinstance(harbin, AskAnswer) and [i.id for i in harbin.parts[0].items] == ["CHN"]


def test_two_games_compared_without_a_subject_count_what_was_asked() -> None:
    """ "were there more events at milano or harbin" said " won more medals at the 2026 Winter
    Olympics: … 349, … 192" (no subject, and medals for events): now 116 events against 64,
    and nations taking part 92 against 34."""
    text = render_ask_text(ask("were there more events at milano or harbin", MILANO))
    assert text.startswith(
        "The 2026 Winter Olympics had more events: 2026 Winter Olympics 116, "
        "2025 Asian Winter Games 64."
    ), text
    nations = render_ask_text(ask("were there more nations at milano or harbin", MILANO))
    assert "2026 Winter Olympics 92, 2025 Asian Winter Games 34." in nations
    korea = render_ask_text(ask("did korea win more medals at milano or harbin", MILANO))
    assert korea.startswith("South Korea (KOR) won more medals at the 2025 Asian Winter Games")


def test_did_x_win_the_most_is_whether_it_leads() -> None:
    """ "did norway win the most golds" answered Norway's athlete with the most golds; it asks
    whether Norway leads, and names who does."""
    yes = ask("did norway win the most golds", MILANO)
    assert isinstance(yes, AskAnswer)
    (part,) = yes.parts
    assert part.query.asked is Asked.CHECK and part.query.leads and part.value is True
    assert render_ask_text(yes).startswith(
        "Yes: the most gold medals at the 2026 Winter Olympics: Norway, 18 gold medals."
    )
    no = ask("did the usa win the most medals", MILANO)
    assert isinstance(no, AskAnswer) and no.parts[0].value is False
    assert [i.id for i in no.parts[0].items] == ["NOR"]
    athlete = ask("did klaebo win the most golds", MILANO)
    assert isinstance(athlete, AskAnswer) and athlete.parts[0].value is True


@pytest.mark.parametrize(
    ("question", "code", "gold"),
    [
        ("일본 금메달 몇 개", "JPN", 5),
        ("중국은 금메달 몇 개", "CHN", 5),
        ("미국은 금메달을 몇 개 땄어", "USA", 12),
        ("ノルウェーの金メダルは何個", "NOR", 18),
    ],
)
def test_a_nation_named_as_the_askers_language_names_it(
    question: str, code: str, gold: int
) -> None:
    """Nations by the names Korean, Japanese and Chinese answers show them (CLDR's, not among the
    data's aliases): "일본" was read as 일 (day) and 본, "중국" as two unknown syllables."""
    answer = ask(question, MILANO)
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    assert [n.id for n in part.query.nations] == [code]
    assert part.value == gold


def test_a_nation_only_the_other_games_holds_is_said_to_have_taken_part_there() -> None:
    """ "did norway compete at harbin" offered North Korea; Norway is a nation of the other
    Games, so the answer says it did not take part at this one and where it did."""
    for question in ("did norway compete at harbin", "how many medals did norway win at harbin"):
        answer = ask(question, MILANO)
        assert isinstance(answer, NoMatch) and not answer.suggestions, question
        assert answer.message == (
            "Norway (NOR) did not take part in the 2025 Asian Winter Games; it took part in the "
            "2026 Winter Olympics."
        )
    klaebo = ask("how many medals did klaebo win at harbin", MILANO)
    assert isinstance(klaebo, NoMatch) and klaebo.kind is EntityKind.ATHLETE
    assert klaebo.message.startswith("Johannes Høsflot Klæbo (NOR) is not in the data for the")
    downhill = ask("who won the men's downhill at harbin", MILANO)
    assert isinstance(downhill, NoMatch) and downhill.kind is EntityKind.EVENT
    assert downhill.message.startswith("Men's downhill (Alpine skiing) was not held at the 2025")
    unnamed = ask("how many medals did norway win", HARBIN)  # no Games named: both are asked
    assert isinstance(unnamed, AskAnswer) and unnamed.parts[0].value == 41


def test_ever_asks_every_loaded_games() -> None:
    """ "has korea ever won gold in curling" said No for the default Games alone, though Korea
    won the women's curling at the other; "ever" asks each loaded Games, and a Games named still
    narrows it."""
    answer = ask("has korea ever won gold in curling", MILANO)
    assert isinstance(answer, AskAnswer)
    by_games = {part.query.games.id: part.value for part in answer.parts}
    assert by_games == {MILANO: False, HARBIN: True}
    named = ask("has korea ever won gold in curling at harbin", MILANO)
    assert isinstance(named, AskAnswer)
    assert [(p.query.games.id, p.value) for p in named.parts] == [(HARBIN, True)]


def test_who_came_last_is_not_known_from_the_data() -> None:
    """ "who came last in the men's downhill" answered when the last medals came, gold first:
    the data holds the medallists and reported places, not every finisher, so it says it cannot
    tell. "the last gold in <event>" is still the last medals, and lists the gold."""
    for question, event in (
        ("who came last in the men's downhill", "Men's downhill"),
        ("who finished last in the women's downhill", "Women's downhill"),
    ):
        answer = ask(question, MILANO)
        assert isinstance(answer, Message) and not answer.answered, question
        assert f"cannot say who came last in the {event}" in answer.text, question
    last_gold = ask("when was the last gold in the men's downhill", MILANO)
    assert isinstance(last_gold, AskAnswer)
    (item,) = last_gold.parts[0].items
    assert item.medal is Medal.GOLD and [a.name for a in item.athletes] == ["Franjo von Allmen"]


def test_exactly_a_number_of_medals_is_that_many_and_no_more() -> None:
    """ "how many nations won exactly one medal" refused "exactly" (as a nation's name); now the
    count is the count itself: nations with one medal, not one or more."""
    one = ask("how many nations won exactly one medal", HARBIN)
    assert isinstance(one, AskAnswer)
    (part,) = one.parts
    assert part.query.threshold == 1 and part.query.exactly
    assert all(i.count is not None and i.count.total == 1 for i in part.items)
    assert part.value == 5 and "won exactly 1 medal" in render_ask_text(one)
    five = ask("did any athlete win exactly 5 golds", MILANO)  # Klæbo won six, not five
    assert isinstance(five, AskAnswer) and five.parts[0].value is False
    assert render_ask_text(five).startswith("No: no one won exactly 5 gold medals")
    eighteen = ask("did any nation win exactly 18 golds", MILANO)
    assert isinstance(eighteen, AskAnswer) and [i.id for i in eighteen.parts[0].items] == ["NOR"]
    korea = ask("did korea win exactly 3 golds", MILANO)
    assert isinstance(korea, AskAnswer) and korea.parts[0].value is True
    two = ask("did korea win exactly 2 golds", MILANO)
    assert isinstance(two, AskAnswer) and two.parts[0].value is False


def test_a_games_word_alone_is_no_ones_name_and_a_first_ever_is_not_in_the_data() -> None:
    """ "who won gold in the winter biathlon" answered that Winter Vinecki won no gold: "winter"
    alone, a word of both Games' names, is not read as her name (her full name and her family
    name still are). "their first ever medal" is about earlier Games, which the data does not
    hold: refused, not answered with these Games' first medals."""
    biathlon = ask("who won gold in the winter biathlon", MILANO)
    assert not (isinstance(biathlon, AskAnswer) and biathlon.parts[0].query.athletes)
    for name in ("winter vinecki", "vinecki"):
        answer = ask(f"how many medals did {name} win", MILANO)
        assert isinstance(answer, AskAnswer), name
        assert [a.label for a in answer.parts[0].query.athletes] == ["Winter Vinecki"], name
    for question in (
        "which nations won their first ever winter medal",
        "which nations won a medal for the first time",
    ):
        refused = ask(question, MILANO)
        assert isinstance(refused, Message) and not refused.answered, question


def test_more_than_a_nation_lists_those_ahead_of_it() -> None:
    """ "which nations won more medals than korea" answered "1 nation won a medal: South
    Korea"; it lists the nations with more medals than Korea's (and "did japan beat korea"
    compares the two)."""
    ahead = ask("which nations won more medals than korea", MILANO)
    assert isinstance(ahead, AskAnswer)
    (part,) = ahead.parts
    assert part.query.than is not None and part.query.than.id == "KOR"
    assert part.value == 12 and "KOR" not in {i.id for i in part.items}
    assert all(i.count is not None and i.count.total > 10 for i in part.items)
    assert "won more medals than South Korea" in render_ask_text(ahead)
    beat = ask("did japan beat korea", MILANO)
    assert isinstance(beat, AskAnswer) and beat.parts[0].query.asked is Asked.COMPARE


def test_the_most_decorated_or_successful_athlete_is_read() -> None:
    """ "who is the most decorated athlete at milano" refused "decorated": "the most" was read
    before "most decorated", leaving "decorated" unread ("the" is a filler word anyway)."""
    for question in (
        "who is the most decorated athlete at milano",
        "who is the most successful athlete at milano",
        "the most decorated athlete at milano",
    ):
        answer = ask(question, HARBIN)
        assert isinstance(answer, AskAnswer), question
        (part,) = answer.parts
        assert [i.label for i in part.items] == ["Johannes Høsflot Klæbo"], question


def test_which_nation_beat_one_at_a_named_games_lists_those_ahead_of_it() -> None:
    """ "which nation beat china at harbin" compared China with the Games it named ("China won
    more medals…: China 85"); one Games named is where, not a second subject."""
    none = ask("which nation beat china at harbin", MILANO)
    assert isinstance(none, AskAnswer)
    (part,) = none.parts
    assert part.query.than is not None and part.query.than.id == "CHN"
    assert part.value == 0 and not part.items
    one = ask("which nations beat korea at harbin", MILANO)
    assert isinstance(one, AskAnswer) and [i.id for i in one.parts[0].items] == ["CHN"]
    # Two Games named are still two subjects compared.
    both = ask("did korea win more medals at milano than at harbin", MILANO)
    assert isinstance(both, AskAnswer) and both.parts[0].query.asked is Asked.COMPARE


def _medallists(games: str, medal: Medal | None = None) -> dict[str, str]:
    """The people with a medal (of ``medal``) at ``games``, by person, from the data itself."""
    index = SCOPE.games[games].index
    return {
        index.athletes[a].person: index.athletes[a].name
        for r in index.data.results
        if r.medal is not None and medal in (None, r.medal)
        for a in r.athletes
    }


def test_at_both_games_lists_those_found_at_each_of_them() -> None:
    """ "which athletes won medals at both games" listed each Games' 534 and 211 medallists;
    it lists the people who won a medal at each of them (one person across Games, by the
    data's identity), their medals there added up. "ever" and "either" are still any Games."""
    answer = ask("which athletes won medals at both games", MILANO)
    assert isinstance(answer, AskAnswer)
    (part,) = answer.parts
    both = set(_medallists(MILANO)) & set(_medallists(HARBIN))
    people = {SCOPE.games[MILANO].index.athletes[i.id].person for i in part.items}
    assert (
        people == both and part.value == len(both) and "Kim Gil-li" in {i.label for i in part.items}
    )
    assert {g.id for g in part.query.in_every} == {MILANO, HARBIN}
    kim = next(i for i in part.items if i.label == "Kim Gil-li")
    own = [
        ask(f"how many medals did kim gil-li win at {games}", MILANO)
        for games in ("milano", "harbin")
    ]
    totals = [a.parts[0].count.total for a in own if isinstance(a, AskAnswer) and a.parts[0].count]
    assert kim.count is not None and kim.count.total == sum(totals)
    text = render_ask_text(answer)
    assert "won a medal at both the 2026 Winter Olympics and the 2025 Asian Winter Games" in text
    gold = ask("who won gold at both games", MILANO)
    assert isinstance(gold, AskAnswer)
    golds = set(_medallists(MILANO, Medal.GOLD)) & set(_medallists(HARBIN, Medal.GOLD))
    assert {SCOPE.games[MILANO].index.athletes[i.id].person for i in gold.parts[0].items} == golds
    nations = ask("which nations won medals at both games", MILANO)
    assert isinstance(nations, AskAnswer)
    nocs = [
        {r.noc for r in SCOPE.games[g].index.data.results if r.medal is not None}
        for g in (MILANO, HARBIN)
    ]
    assert (
        {i.id for i in nations.parts[0].items} == nocs[0] & nocs[1] == {"CHN", "KOR", "JPN", "KAZ"}
    )
    # Not a list of people or nations: each Games answered as before.
    korea = ask("how many medals did korea win at both games", MILANO)
    assert isinstance(korea, AskAnswer) and len(korea.parts) == 2
    either = ask("which nations won gold at either games", MILANO)
    assert isinstance(either, AskAnswer) and len(either.parts) == 2


def test_on_ice_and_on_snow_are_the_sports_held_there() -> None:
    """ "how many medals did china win on ice" answered China's medals in ice dance (0): "ice"
    alone was read as the event's name. "on ice", "on the snow", "snow sports" mean every sport
    held there; "the ice dance" is still the event."""
    for question, surface, games in (
        ("how many medals did china win on ice", "ice", MILANO),
        ("how many medals did china win on the ice", "ice", MILANO),
        ("how many medals did china win on the snow at harbin", "snow", HARBIN),
        ("medals for italy on home snow", "snow", MILANO),
    ):
        answer = ask(question, MILANO)
        assert isinstance(answer, AskAnswer), question
        (part,) = answer.parts
        index = SCOPE.games[games].index
        sport = {e.id: e.sport for e in index.data.events}
        noc = part.query.nations[0].id
        expected = [
            r
            for r in index.data.results
            if r.medal is not None
            and r.noc == noc
            and fold(sport[r.event_id]) in SURFACE_SPORTS[surface]
        ]
        assert part.query.surface == surface and part.query.event is None, question
        assert part.value == len(expected) > 0, question
        assert f"in {surface} sports at the" in render_ask_text(answer), question
    dance = ask("who won the ice dance", MILANO)
    assert isinstance(dance, AskAnswer) and dance.parts[0].query.event is not None
    assert dance.parts[0].query.surface == ""


def test_a_number_or_more_is_that_many_or_more() -> None:
    """ "which athletes won 3 or more golds" answered the women's 3000 metres, "10 or more
    medals" the men's 10,000 metres: the number was read as a distance, "or more" between it
    and what it counts."""
    three = ask("which athletes won 3 or more golds", MILANO)
    at_least = ask("which athletes won at least 3 golds", MILANO)
    assert isinstance(three, AskAnswer) and isinstance(at_least, AskAnswer)
    assert three.parts[0].query.event is None and three.parts[0].query.threshold == 3
    assert [i.id for i in three.parts[0].items] == [i.id for i in at_least.parts[0].items]
    ten = ask("which nations won 10 or more medals", MILANO)
    assert isinstance(ten, AskAnswer) and ten.parts[0].query.event is None
    assert all(i.count is not None and i.count.total >= 10 for i in ten.parts[0].items)
    assert "won 10 medals or more" in render_ask_text(ten)


def test_second_and_third_in_the_medal_table_are_its_places() -> None:
    """ "who finished second in the medal table at harbin" ranked the nations by silver medals;
    beside the medal table "second" and "third" are its places (silver and bronze elsewhere)."""
    second = ask("who finished second in the medal table at harbin", MILANO)
    assert isinstance(second, AskAnswer)
    assert second.parts[0].query.medal is None and [i.id for i in second.parts[0].items] == ["KOR"]
    third = ask("which nation came third in the medal table", MILANO)
    assert isinstance(third, AskAnswer) and [i.id for i in third.parts[0].items] == ["NED"]
    silver = ask("how many silver medals did korea win", MILANO)
    assert isinstance(silver, AskAnswer) and silver.parts[0].query.medal is Medal.SILVER


def test_where_the_games_were_held_and_the_host_nation() -> None:
    """ "which country hosted the games" listed the 92 nations taking part; "where were the
    games held" printed an empty heading above all 349 medals. They say the Games' host city
    and country and its dates, from the data; "the host nation" is that Games' host's NOC."""
    for question, games in (
        ("which country hosted the games", MILANO),
        ("where were the games held", MILANO),
        ("which city hosted the asian winter games", HARBIN),
        ("what was the host city at harbin", HARBIN),
    ):
        answer = ask(question, MILANO)
        assert isinstance(answer, AskAnswer), question
        (part,) = answer.parts
        data = SCOPE.games[games].index.data.games
        assert part.query.games_host and part.query.games.id == games, question
        text = render_ask_text(answer)
        assert f"were held in {data.city}, {data.country}, from" in text, question
    for question, code in (
        ("how many medals did the host nation win", "ITA"),
        ("how many medals did the host nation win at harbin", "CHN"),
    ):
        answer = ask(question, MILANO)
        assert isinstance(answer, AskAnswer), question
        assert [n.id for n in answer.parts[0].query.nations] == [code], question
        assert not answer.parts[0].query.games_host
    korea = ask("where did korea finish in the medal table", MILANO)
    assert isinstance(korea, AskAnswer) and not korea.parts[0].query.games_host


def test_anyone_is_any_athlete_and_their_medals_are_not_one_persons() -> None:
    """ "did anyone win 5 golds" read "anyone" as a nation's name ("Did you mean Lebanon?"),
    and "did any athlete win gold in curling" said "Yes: someone won 3 gold medals", as if
    one person had won all three."""
    five = ask("did anyone win 5 golds", MILANO)
    assert isinstance(five, AskAnswer) and five.parts[0].value is True
    assert render_ask_text(five).startswith("Yes: Johannes Høsflot Klæbo won 5 gold medals")
    curling = ask("did anyone win gold in curling at harbin", MILANO)
    assert isinstance(curling, AskAnswer)
    text = render_ask_text(curling)
    assert text.startswith("Yes: 3 gold medals were won in Curling at the 2025 Asian Winter")
    assert "someone" not in text


def test_the_team_event_is_the_event_of_that_name() -> None:
    """ "who won the figure skating team event" asked which of five figure skating events
    "team" meant: "event" was read as the word for events, not as the name's own word."""
    for question in (
        "who won the figure skating team event",
        "who won the team event in figure skating",
    ):
        answer = ask(question, MILANO)
        assert isinstance(answer, AskAnswer), question
        event = answer.parts[0].query.event
        assert event is not None and event.id == "figure-skating/team-event", question
    teams = ask("which team events did japan win medals in", MILANO)
    assert isinstance(teams, AskAnswer) and teams.parts[0].query.event is None


def test_only_a_number_is_exactly_that_many_and_the_most_events_are_golds() -> None:
    """ "how many nations won only one medal" counted all 29 medal nations; "who won the most
    events" printed "The  with the most medals" (a ranking of result lines); "the most medals
    in one event" is not something the tallies say: refused."""
    only = ask("how many nations won only one medal", MILANO)
    exactly = ask("how many nations won exactly one medal", MILANO)
    assert isinstance(only, AskAnswer) and isinstance(exactly, AskAnswer)
    assert only.parts[0].query.exactly and only.parts[0].query.threshold == 1
    assert [i.id for i in only.parts[0].items] == [i.id for i in exactly.parts[0].items]
    korea = ask("did korea win only one gold", MILANO)
    assert isinstance(korea, AskAnswer) and korea.parts[0].value is False
    events = ask("who won the most events", MILANO)
    assert isinstance(events, AskAnswer)
    (part,) = events.parts
    assert part.query.of is Counted.ATHLETES and part.query.medal is Medal.GOLD
    assert render_ask_text(events).startswith("The athlete with the most gold medals")
    one = ask("who won the most medals in one event", MILANO)
    assert isinstance(one, Message) and not one.answered


def test_records_are_the_results_whose_notes_mention_one() -> None:
    """ "how many world records were set" asked whether "set" meant Seth Jarvis; "were there any
    olympic records" read "olympic" as the Games. A record question lists the results whose
    notes mention that kind of record, with the notes, and says they are the data's notes, not
    an official list."""
    for question, games, phrase in (
        ("how many world records were set", MILANO, "world record"),
        ("were there any olympic records", MILANO, "olympic record"),
        ("which records were broken at harbin", HARBIN, "record"),
    ):
        answer = ask(question, MILANO)
        assert isinstance(answer, AskAnswer), question
        (part,) = answer.parts
        assert part.query.record == phrase and part.query.games.id == games, question
        expected = [r for r in SCOPE.games[games].index.data.results if phrase in fold(r.note)]
        assert len(part.items) == len(expected) > 0, question
        text = render_ask_text(answer)
        assert "not an official list of records" in text, question
        assert all(i.note in text for i in part.items[:15]), question
    none = ask("were there any olympic records at harbin", MILANO)
    assert isinstance(none, AskAnswer) and none.parts[0].value is False
    assert render_ask_text(none).startswith("No: no result at the 2025 Asian Winter Games")


def test_the_us_the_first_and_last_day_and_medals_in_every_sport() -> None:
    """ "how many medals did the us win in figure skating" counted every nation's (15): "us"
    is a filler word unless typed "US"; after "the" it is the nation. "on the last day" listed
    notes from the first day, and "when was the last day of the games" printed an empty
    heading; they are the Games' last day. "which nations won medals in every sport" listed
    every medal nation: a condition on every sport is refused, not dropped."""
    us = ask("how many medals did the us win in figure skating", MILANO)
    assert isinstance(us, AskAnswer) and [n.id for n in us.parts[0].query.nations] == ["USA"]
    tell = ask("can you tell us how many medals korea won", MILANO)
    assert isinstance(tell, AskAnswer) and [n.id for n in tell.parts[0].query.nations] == ["KOR"]
    end = SCOPE.games[MILANO].index.data.games.end
    last = ask("what happened on the last day", MILANO)
    assert isinstance(last, AskAnswer) and last.parts[0].query.day == end
    assert all(i.date == end for i in last.parts[0].items)
    when = ask("when was the last day of the games", MILANO)
    assert isinstance(when, AskAnswer) and when.parts[0].query.games_dates == "end"
    assert render_ask_text(when).startswith("The 2026 Winter Olympics closed on 22 February 2026")
    first = ask("what was the first day at harbin", MILANO)
    assert isinstance(first, AskAnswer) and first.parts[0].query.games_dates == "start"
    every = ask("which nations won medals in every sport", MILANO)
    assert isinstance(every, Message) and not every.answered
    listed = ask("list all the events at harbin", MILANO)
    assert isinstance(listed, AskAnswer) and listed.parts[0].value == 64


def _sweeps_in(games: str) -> dict[str, str]:
    """The events where one NOC holds every medal (three or more), from the data itself."""
    medals: dict[str, list[str]] = {}
    for r in SCOPE.games[games].index.data.results:
        if r.medal is not None:
            medals.setdefault(r.event_id, []).append(r.noc)
    return {e: nocs[0] for e, nocs in medals.items() if len(nocs) >= 3 and len(set(nocs)) == 1}


def test_podium_sweeps_are_the_events_one_nation_won_every_medal_of() -> None:
    """ "was there a podium sweep" asked whether "sweep" meant Sweden; "did any nation win all
    three medals in one event" was refused. Both list the events where one nation won every
    medal, with the nation."""
    for question, games in (
        ("was there a podium sweep", MILANO),
        ("did any nation win all three medals in one event", MILANO),
        ("how many podium sweeps were there at harbin", HARBIN),
    ):
        answer = ask(question, MILANO)
        assert isinstance(answer, AskAnswer), question
        (part,) = answer.parts
        expected = _sweeps_in(games)
        assert {i.id: i.noc for i in part.items} == expected and expected, question
    korea = ask("did korea sweep the podium at harbin", MILANO)
    assert isinstance(korea, AskAnswer) and korea.parts[0].value is True
    kor = {e for e, noc in _sweeps_in(HARBIN).items() if noc == "KOR"}
    assert {i.id for i in korea.parts[0].items} == kor
    assert "South Korea (KOR)" in render_ask_text(korea)
    none = ask("were there podium sweeps in speed skating", MILANO)
    assert isinstance(none, AskAnswer) and none.parts[0].value is False
    assert render_ask_text(none).startswith("No: no podium sweep in Speed skating")


def test_subjects_each_at_their_own_games_are_not_compared_within_one() -> None:
    """ "did china win more golds at harbin than norway at milano" answered "Norway won more
    gold medals at the 2026 Winter Olympics: China 5, Norway 18", dropping Harbin (Norway was
    not there). A comparison across Games that do not each hold both subjects is refused;
    where each does, each Games' comparison is answered."""
    paired = ask("did china win more golds at harbin than norway at milano", MILANO)
    assert isinstance(paired, Message) and not paired.answered
    both = ask("compare korea and japan at both games", MILANO)
    assert isinstance(both, AskAnswer)
    assert {p.query.games.id for p in both.parts} == {MILANO, HARBIN}


def test_more_than_one_is_two_or_more_and_events_won_are_golds() -> None:
    """ "which athletes won more than one gold" listed all 204 gold medallists: "one" is "a"
    alone ("one medal") but a count after "more than" (the phrase's cue stands at its first
    word). "which athletes won more than one event" listed every medallist, and "how many
    athletes won more than 3 events" answered the women's 3000 metres: events won are golds."""
    gold = ask("which athletes won more than one gold", MILANO)
    events = ask("which athletes won more than one event", MILANO)
    assert isinstance(gold, AskAnswer) and isinstance(events, AskAnswer)
    for answer in (gold, events):
        (part,) = answer.parts
        assert part.query.threshold == 2 and part.query.medal is Medal.GOLD
        assert part.query.event is None
        assert all(i.count is not None and i.count.gold >= 2 for i in part.items)
    assert [i.id for i in gold.parts[0].items] == [i.id for i in events.parts[0].items]
    four = ask("how many athletes won more than 3 events", MILANO)
    assert isinstance(four, AskAnswer) and four.parts[0].query.event is None
    assert [i.label for i in four.parts[0].items] == ["Johannes Høsflot Klæbo"]
    nations = ask("how many nations won more than one medal", MILANO)
    assert isinstance(nations, AskAnswer) and nations.parts[0].query.threshold == 2


def test_a_nation_finishing_last_and_the_sports_it_won_nothing_in() -> None:
    """ "which nation finished last at harbin" answered the day of the last medals; it is the
    bottom of the medal table, as "in the medal table" says. "which sports did china not win a
    medal in" listed the four it won medals in: now the others of that Games."""
    last = ask("which nation finished last at harbin", MILANO)
    table = ask("which nation finished last in the medal table at harbin", MILANO)
    assert isinstance(last, AskAnswer) and isinstance(table, AskAnswer)
    assert [i.id for i in last.parts[0].items] == [i.id for i in table.parts[0].items]
    none = ask("which sports did china not win a medal in", MILANO)
    won = ask("which sports did china win a medal in", MILANO)
    assert isinstance(none, AskAnswer) and isinstance(won, AskAnswer)
    every = set(SCOPE.games[MILANO].index.sports)
    assert {i.id for i in none.parts[0].items} == every - {i.id for i in won.parts[0].items}
    assert "sports in which China (CHN) won no medal" in render_ask_text(none)


def test_at_one_games_but_not_at_another() -> None:
    """ "which nations won medals at harbin but not at milano" asked whether "but" meant Kim
    Boutin. A list at one Games "but not at" another leaves out the nations (by NOC) and
    athletes (by person) the other's same list holds."""
    nations = ask("which nations won medals at harbin but not at milano", MILANO)
    assert isinstance(nations, AskAnswer)
    (part,) = nations.parts
    assert part.query.games.id == HARBIN and part.query.not_at is not None
    assert part.query.not_at.id == MILANO
    medal_nocs = [
        {r.noc for r in SCOPE.games[g].index.data.results if r.medal is not None}
        for g in (HARBIN, MILANO)
    ]
    assert {i.id for i in part.items} == medal_nocs[0] - medal_nocs[1]
    assert "won a medal at the 2025 Asian Winter Games but not at the 2026" in render_ask_text(
        nations
    )
    gold = ask("who won gold at milano but not at harbin", MILANO)
    assert isinstance(gold, AskAnswer)
    people = {SCOPE.games[MILANO].index.athletes[i.id].person for i in gold.parts[0].items}
    expected = set(_medallists(MILANO, Medal.GOLD)) - set(_medallists(HARBIN, Medal.GOLD))
    assert people == expected
    across = ask("how many medals did korea win in total across both games", MILANO)
    assert isinstance(across, AskAnswer)  # it asked whether "cross" meant ski cross
    assert {p.query.games.id for p in across.parts} == {MILANO, HARBIN}
    assert all(p.query.event is None for p in across.parts)
