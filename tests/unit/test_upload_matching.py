"""Names in uploaded files are matched to existing sports, events and athletes the way user input
is: spelling variants find the existing one, unknown names are new (and previewed as new), and
names that could be several things are problems."""

from __future__ import annotations

import pytest

from bot.answers.models import Provenance
from bot.domain.errors import InvalidResultsFile
from bot.domain.models import GamesData
from bot.ingest.diff import preview
from bot.ingest.parse import parse_results_file
from bot.ingest.plan import build_plan

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
PROVENANCE = Provenance(games_id="harbin-2025", games_name="2025 Asian Winter Games", source="test")


def plan_of(csv: str, data: GamesData):  # type: ignore[no-untyped-def]
    return build_plan([parse_results_file("f.csv", (HEADER + csv).encode())], data, "harbin-2025")


@pytest.mark.parametrize("name", ["Men's 1000 metres", "Men's 1000m", "men 1000 m", "Mens 1,000 m"])
def test_event_spellings_are_one_event(bundled_data: GamesData, name: str) -> None:
    plan = plan_of(
        f',Short-track speed skating,"{name}",men,2025-02-09,1,gold,KOR,Park Jiwon,,\n',
        bundled_data,
    )
    assert plan.events[0].event.id == "short-track-speed-skating/mens-1000-metres"
    assert plan.events[0].event.name == "Men's 1000 metres"
    assert plan.events[0].results[0].athletes == ("kor-park-ji-won",)


def test_a_spelling_variant_finds_the_athlete_and_a_new_name_is_new(
    bundled_data: GamesData,
) -> None:
    plan = plan_of(
        ",Short track speed skating,Women's 500 metres,women,2025-02-08,1,gold,KOR,Choi Minjung,,\n"
        ",Short track speed skating,Women's 500 metres,women,2025-02-08,2,silver,KOR,Gilli Kim,,\n"
        ",Short track speed skating,Women's 500 metres,women,2025-02-08,3,bronze,KOR,Brand New Skater,,\n",
        bundled_data,
    )
    ids = [r.athletes for r in plan.events[0].results]
    assert ids[:2] == [("kor-choi-min-jeong",), ("kor-kim-gil-li",)]
    assert [a.name for a in plan.athletes] == ["Brand New Skater"]
    shown = preview(bundled_data, plan, provenance=PROVENANCE, source="f.csv", sha256="0" * 64)
    assert shown.new_athletes == ("Brand New Skater (KOR)",)


def test_a_name_that_could_be_several_athletes_is_a_problem(bundled_data: GamesData) -> None:
    with pytest.raises(InvalidResultsFile) as caught:
        plan_of(
            ",Short track speed skating,Women's 500 metres,women,2025-02-08,1,gold,KOR,Kim,,\n",
            bundled_data,
        )
    assert any("could be several athletes of KOR" in str(p) for p in caught.value.problems)


def test_a_new_event_is_new_and_warned(bundled_data: GamesData) -> None:
    plan = plan_of(
        ",Short track speed skating,Women's 3000 metres,women,2025-02-09,1,gold,KOR,Choi Min-jeong,,\n",
        bundled_data,
    )
    assert plan.events[0].event.id == "short-track-speed-skating/womens-3000-metres"
    shown = preview(bundled_data, plan, provenance=PROVENANCE, source="f.csv", sha256="0" * 64)
    assert shown.events[0].new_event and any("new event" in w for w in shown.warnings)
