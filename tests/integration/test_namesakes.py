"""Namesakes (docs/results-format.md, "Namesakes"): athletes of one NOC at one Games who share a
name, told apart by the ``sport`` of their athlete entry. The bundled Harbin data, loaded into a
fresh store on disk, holds two Kim Min-ji and two Lee Seung-h(o)un; files that leave namesakes
apart by no sport are refused, CSV results name the namesake of their event's sport, and a person
of another Games joins only the namesake of their sport."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.answers.models import AthleteSummary, Disambiguation, NationSummary
from bot.domain.errors import InvalidResultsFile
from bot.domain.models import GamesData
from bot.domain.names import athlete_id
from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.store.factory import Store

HARBIN = "harbin-2025"
HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"


def harbin(service: GamesService) -> GamesData:
    return service.library.view(HARBIN).index.data


def medals_of(data: GamesData) -> Counter[str]:
    """Athlete id → medals."""
    counted: Counter[str] = Counter()
    for result in data.results:
        if result.medal is not None:
            counted.update(result.athletes)
    return counted


def problems(service: GamesService, name: str, content: bytes) -> list[str]:
    with pytest.raises(InvalidResultsFile) as caught:
        service.loads.preview_load(name, content)
    return [str(problem) for problem in caught.value.problems]


def harbin_file(athletes: list[dict[str, Any]], events: list[dict[str, Any]]) -> bytes:
    return json.dumps({"games": HARBIN, "athletes": athletes, "events": events}).encode()


@pytest.mark.parametrize(
    ("names", "sports"),
    [
        (("Kim Min-ji", "Kim Min-ji"), {"Curling", "Speed skating"}),
        (("Lee Seung-hoon", "Lee Seung-hun"), {"Freestyle skiing", "Speed skating"}),
    ],
)
async def test_the_bundled_namesakes_are_two_athletes_with_one_medal_each(
    service: GamesService, names: tuple[str, str], sports: set[str]
) -> None:
    data = harbin(service)
    namesakes = [a for a in data.athletes if a.noc == "KOR" and a.name in names]
    assert len(namesakes) == 2 and len({a.id for a in namesakes}) == 2
    assert len({a.person for a in namesakes}) == 2
    medals = medals_of(data)
    seen_sports = set()
    for athlete in namesakes:
        assert medals[athlete.id] == 1, athlete.id
        summary = service.queries.athlete(athlete.id, games=HARBIN)
        assert isinstance(summary, AthleteSummary)
        assert len(summary.sports) == 1 and summary.count.total == 1
        seen_sports |= set(summary.sports)
    assert seen_sports == sports


async def test_the_namesakes_are_a_choice_labelled_by_sport(service: GamesService) -> None:
    answer = service.queries.athlete("kim min-ji", games="harbin")
    assert isinstance(answer, Disambiguation)
    assert [c.label for c in answer.alternatives[:2]] == [
        "Kim Min-ji (KOR, Curling)",
        "Kim Min-ji (KOR, Speed skating)",
    ]
    picked = service.queries.athlete("Kim Min-ji (KOR, Speed skating)", games="harbin")
    assert isinstance(picked, AthleteSummary) and picked.sports == ("Speed skating",)


async def test_medal_counts_are_per_result_and_unchanged(service: GamesService) -> None:
    korea = service.queries.medals("korea", games=HARBIN)
    assert isinstance(korea, NationSummary) and korea.count.key == (16, 15, 14)


async def test_athletes_without_namesakes_keep_their_ids(service: GamesService) -> None:
    changed = {a.id for a in harbin(service).athletes if a.id != athlete_id(a.noc, a.name)}
    assert changed == {
        "kor-kim-min-ji-curling",
        "kor-kim-min-ji-speed-skating",
        "kor-lee-seung-hoon-speed-skating",
        "kor-lee-seung-hun-freestyle-skiing",
    }


async def test_an_entry_that_no_sport_tells_apart_from_the_namesakes_is_refused(
    service: GamesService,
) -> None:
    found = problems(service, "one.json", harbin_file([{"name": "Kim Min-ji", "noc": "KOR"}], []))
    assert found == [
        "athletes[0]: athlete 'Kim Min-ji' of KOR could be several namesakes "
        "(Kim Min-ji (KOR, Curling); Kim Min-ji (KOR, Speed skating)); "
        "give it the sport of the one it is"
    ]


async def test_two_new_namesakes_need_two_sports(service: GamesService) -> None:
    athletes = [
        {"name": "Park Ha-neul", "noc": "KOR", "sport": "Curling"},
        {"name": "Park Haneul", "noc": "KOR"},
    ]
    found = problems(service, "two.json", harbin_file(athletes, []))
    assert found == [
        "athletes[1]: Park Ha-neul (KOR, Curling) and Park Haneul (KOR) share a name but no two "
        "different sports tell them apart: give each namesake its sport"
    ]
    athletes[1]["sport"] = "Bobsleigh"
    assert problems(service, "two.json", harbin_file(athletes, [])) == [
        "athletes[1].sport: sport 'Bobsleigh' has no events at this Games"
    ]


async def test_two_entries_of_one_sport_are_one_athlete(service: GamesService) -> None:
    athletes = [
        {"name": "Park Ha-neul", "noc": "KOR", "sport": "Curling"},
        {"name": "Park Haneul", "noc": "KOR", "sport": "curling"},
        {"name": "Park Ha-neul", "noc": "KOR", "sport": "Biathlon"},
    ]
    preview = service.loads.preview_load("three.json", harbin_file(athletes, []))
    assert len(preview.new_athletes) == 2, preview.new_athletes
    await service.loads.load("three.json", harbin_file(athletes, []), user_id=1)
    ids = {a.id for a in harbin(service).athletes if a.name.startswith("Park Ha")}
    assert ids == {"kor-park-ha-neul-curling", "kor-park-ha-neul-biathlon"}


async def test_a_load_preview_names_a_new_namesake_with_its_sport(service: GamesService) -> None:
    athletes = [{"name": "Kim Min-ji", "noc": "KOR", "sport": "Biathlon"}]
    events = [
        {
            "sport": "Biathlon",
            "event": "Women's sprint",
            "gender": "women",
            "date": "2025-02-11",
            "results": [{"rank": 1, "medal": "gold", "noc": "KOR", "athletes": ["Kim Min-ji"]}],
        }
    ]
    preview = service.loads.preview_load("third.json", harbin_file(athletes, events))
    assert preview.new_athletes == ("Kim Min-ji (KOR, Biathlon)",)


async def test_csv_results_name_the_namesake_of_their_sport(service: GamesService) -> None:
    sprint = (
        ",Speed skating,Women's team sprint,women,2025-02-09,1,gold,KOR,"
        "Kim Min-sun;Kim Min-ji;Lee Na-hyun,1:28.62,recounted\n"
    )
    await service.loads.load("sprint.csv", (HEADER + sprint).encode(), user_id=1)
    data = harbin(service)
    sprint_gold = next(
        r for r in data.results if r.event_id == "speed-skating/womens-team-sprint" and r.medal
    )
    assert "kor-kim-min-ji-speed-skating" in sprint_gold.athletes
    assert sprint_gold.note == "recounted"
    assert medals_of(data)["kor-kim-min-ji-curling"] == 1

    biathlon = ",Biathlon,Women's sprint,women,2025-02-11,1,gold,KOR,Kim Min-ji,,\n"
    found = problems(service, "biathlon.csv", (HEADER + biathlon).encode())
    assert found == [
        "row 2: athlete 'Kim Min-ji' could be several namesakes of KOR (Kim Min-ji (KOR, "
        "Curling); Kim Min-ji (KOR, Speed skating)) and none is the one of Biathlon; name the "
        "athlete with its sport in the athletes section of a JSON file"
    ]


# --- people across Games --------------------------------------------------------------------------

OTHER_GAMES = "test-games-2030"


def other_games(sport: str, event: str) -> bytes:
    content = {
        "games": OTHER_GAMES,
        "games_info": {"name": "Test Winter Games", "start": "2030-02-01", "end": "2030-02-10"},
        "nocs": [{"code": "KOR", "name": "South Korea"}],
        "athletes": [{"name": "Kim Min-ji", "noc": "KOR", "gender": "women"}],
        "events": [
            {
                "sport": sport,
                "event": event,
                "gender": "women",
                "date": "2030-02-05",
                "results": [{"rank": 1, "medal": "gold", "noc": "KOR", "athletes": ["Kim Min-ji"]}],
            }
        ],
    }
    return json.dumps(content).encode()


@pytest.fixture
def service_one_games(store: Store, harbin_only_dir: Path) -> GamesService:
    return GamesService(store, None, harbin_only_dir)


async def test_a_person_of_another_games_joins_only_the_namesake_of_their_sport(
    service_one_games: GamesService,
) -> None:
    service = service_one_games
    await service.start()
    curler = service.loads.preview_load(
        "curling.json", other_games("Curling", "Women's tournament")
    )
    assert [(j.name, j.person_id) for j in curler.joined] == [
        ("Kim Min-ji", "kor-kim-min-ji-curling")
    ]
    assert {(d.person_id, d.reason) for d in curler.doubtful} == {
        ("kor-kim-min-ji-speed-skating", "same name, but a namesake of another sport")
    }
    skier = service.loads.preview_load("ski.json", other_games("Biathlon", "Women's sprint"))
    assert skier.joined == ()
    assert {d.person_id for d in skier.doubtful} == {
        "kor-kim-min-ji-curling",
        "kor-kim-min-ji-speed-skating",
    }


# --- a store that holds the namesakes merged (loaded before the sport key existed) ----------------


@pytest.fixture
def merged_dir(tmp_path: Path) -> Path:
    """The bundled Harbin data as it was before its namesakes had a sport: each pair merges."""
    folder = tmp_path / "merged" / HARBIN
    folder.mkdir(parents=True)
    for path in sorted((default_data_dir() / HARBIN).iterdir()):
        content = json.loads(path.read_text("utf-8"))
        for athlete in content.get("athletes", []):
            athlete.pop("sport", None)
        (folder / path.name).write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return folder.parent


async def test_loading_the_sport_files_again_splits_merged_namesakes(
    store: Store, merged_dir: Path
) -> None:
    service = GamesService(store, None, merged_dir)
    await service.start()
    assert len([a for a in harbin(service).athletes if a.name == "Kim Min-ji"]) == 1
    for name in ("curling.json", "freestyle_skiing.json", "speed_skating.json"):
        content = (default_data_dir() / HARBIN / name).read_bytes()
        await service.loads.load(name, content, user_id=1)
    data = harbin(service)
    medals = medals_of(data)
    for names in (("Kim Min-ji",), ("Lee Seung-hoon", "Lee Seung-hun")):
        namesakes = [a.id for a in data.athletes if a.noc == "KOR" and a.name in names]
        assert len(namesakes) == 2 and all(medals[i] == 1 for i in namesakes), namesakes
    answer = service.queries.athlete("kim min-ji", games=HARBIN)
    assert isinstance(answer, Disambiguation)
    assert {c.label for c in answer.alternatives[:2]} == {
        "Kim Min-ji (KOR, Curling)",
        "Kim Min-ji (KOR, Speed skating)",
    }
