"""People across Games: a second Games loaded by a moderator into a database that holds one;
athletes joined to the people they are (same NOC, same folded name, alias or native name, no
conflicting birth data), doubtful pairs reported and left apart, explicit join and split by
``person``, and undo removing the Games the load created."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.domain.errors import UnknownGamesError
from bot.service import GamesService
from bot.store.sqlite_store import SqliteStore

GAMES_ID = "test-games-2030"


def second_games(athletes: list[dict[str, Any]], results: list[dict[str, Any]]) -> bytes:
    """A small new Games as one results file (games_info, NOCs, athletes, one event)."""
    content = {
        "games": GAMES_ID,
        "games_info": {
            "name": "Test Winter Games",
            "city": "Testville",
            "start": "2030-02-01",
            "end": "2030-02-10",
            "aliases": ["TWG"],
        },
        "nocs": [
            {"code": "KOR", "name": "South Korea", "aliases": ["Korea", "한국"]},
            {"code": "CHN", "name": "China"},
            {"code": "JPN", "name": "Japan"},
        ],
        "athletes": athletes,
        "events": [
            {
                "sport": "Short track speed skating",
                "event": "Women's 1500 metres",
                "gender": "women",
                "date": "2030-02-05",
                "sources": ["https://example.org/result"],
                "results": results,
            }
        ],
    }
    return json.dumps(content, ensure_ascii=False).encode()


PODIUM = [
    {"rank": 1, "medal": "gold", "noc": "KOR", "athletes": ["Kim Gilli"]},
    {"rank": 2, "medal": "silver", "noc": "KOR", "athletes": ["Choi Min-jeong"]},
    {"rank": 3, "medal": "bronze", "noc": "KOR", "athletes": ["Shim Sukhie"]},
]


@pytest.fixture
def service_one_games(store: SqliteStore, harbin_only_dir: Path) -> GamesService:
    """A service over a store that holds only the bundled Harbin data."""
    return GamesService(store, None, harbin_only_dir)


async def test_a_new_games_joins_the_same_people_and_reports_doubts(
    service_one_games: GamesService,
) -> None:
    service = service_one_games
    await service.start()
    athletes = [
        {"name": "Kim Gilli", "noc": "KOR", "gender": "women"},  # an alias of Kim Gil-li
        {"name": "Choi Min-jeong", "noc": "KOR", "gender": "women", "birth_date": "2001-05-05"},
        {"name": "Shim Sukhie", "noc": "KOR", "gender": "women"},  # close to Shim Sukhee
    ]
    content = second_games(athletes, PODIUM)
    preview = service.loads.preview_load("new.json", content)
    assert preview.new_games is not None
    assert (preview.new_games.events, preview.new_games.nations, preview.new_games.athletes) == (
        1,
        3,
        3,
    )
    assert [(j.name, j.person_id) for j in preview.joined] == [("Kim Gilli", "kor-kim-gil-li")]
    doubtful = {(d.name, d.other_name): d.reason for d in preview.doubtful}
    assert doubtful == {
        ("Choi Min-jeong", "Choi Min-jeong"): "born 2001-05-05 and 1998-09-09",
        ("Shim Sukhie", "Shim Suk-hee"): "similar name",
    }
    applied = await service.loads.load("new.json", content, user_id=5)
    assert applied.applied_load_id is not None
    assert service.library.games_ids[0] == GAMES_ID  # the most recent Games is the default now
    data = service.library.view(GAMES_ID).index.data
    people = {a.name: a.person for a in data.athletes}
    assert people["Kim Gilli"] == "kor-kim-gil-li"
    assert people["Choi Min-jeong"] not in {
        a.person for a in service.library.view("harbin-2025").index.data.athletes
    }
    assert people["Shim Sukhie"] == "kor-shim-sukhie"

    undone = await service.loads.undo(user_id=5, games=GAMES_ID)
    assert undone.undone is not None and "removed" in undone.message
    assert service.library.games_ids == ["harbin-2025"]
    with pytest.raises(UnknownGamesError):
        service.library.view(GAMES_ID)


async def test_a_file_joins_and_splits_people_explicitly(service_one_games: GamesService) -> None:
    service = service_one_games
    await service.start()
    athletes = [
        # Same name and NOC as a Harbin athlete, but the file says it is someone else.
        {"name": "Kim Gilli", "noc": "KOR", "person": "kor-kim-gilli-junior"},
        # A different spelling the rule would only call doubtful, joined as the file says.
        {"name": "Shim Sukhie", "noc": "KOR", "person": "kor-shim-suk-hee"},
        {"name": "Choi Min-jeong", "noc": "KOR"},
    ]
    content = second_games(athletes, PODIUM)
    preview = service.loads.preview_load("new.json", content)
    assert {(j.name, j.reason) for j in preview.joined} == {
        ("Shim Sukhie", "the file says so"),
        ("Choi Min-jeong", "same name"),
    }
    await service.loads.load("new.json", content, user_id=5)
    people = {a.name: a.person for a in service.library.view(GAMES_ID).index.data.athletes}
    assert people == {
        "Kim Gilli": "kor-kim-gilli-junior",
        "Shim Sukhie": "kor-shim-suk-hee",
        "Choi Min-jeong": "kor-choi-min-jeong",
    }


async def test_the_games_is_found_by_its_loose_names(service_one_games: GamesService) -> None:
    service = service_one_games
    await service.start()
    await service.loads.load("new.json", second_games([], PODIUM), user_id=5)
    library = service.library
    for name in ("testville", "TWG", "2030", "test winter games", "testvile", GAMES_ID):
        assert library.games_id(name) == GAMES_ID, name
    for name in ("harbin", "2025", "asian winter games", "harbin 2025"):
        assert library.games_id(name) == "harbin-2025", name
    with pytest.raises(UnknownGamesError):
        library.games_id("paris")


async def test_one_profile_per_person_across_games(service_one_games: GamesService) -> None:
    from bot.answers.models import AthleteSummary, NationAcrossGames, PersonSummary
    from bot.answers.text import render_text
    from bot.domain.resolution import EntityKind

    service = service_one_games
    await service.start()
    content = second_games([{"name": "Kim Gilli", "noc": "KOR", "gender": "women"}], PODIUM)
    await service.loads.load("new.json", content, user_id=5)
    queries = service.queries

    person = queries.athlete("kim gil-li")
    assert isinstance(person, PersonSummary)
    assert [p.provenance.games_id for p in person.games] == [GAMES_ID, "harbin-2025"]
    harbin = person.games[1].count
    assert person.count.gold == harbin.gold + 1 and person.count.total == harbin.total + 1
    text = render_text(person)
    assert "== Test Winter Games: 1 medal" in text and "== 2025 Asian Winter Games" in text
    # The same person by any of her names, and one autocomplete entry for her.
    assert queries.athlete("김길리") == person
    assert [c.id for c in queries.suggest(EntityKind.ATHLETE, "kim gil")].count(
        "kor-kim-gil-li"
    ) == 1
    # Named Games: that Games only.
    only = queries.athlete("kim gil-li", games="testville")
    assert isinstance(only, AthleteSummary) and only.provenance.games_id == GAMES_ID
    # Someone of one Games only gets that Games' summary.
    single = queries.athlete("park ji-won")
    assert isinstance(single, AthleteSummary) and single.provenance.games_id == "harbin-2025"

    korea = queries.medals("korea", games="all")
    assert isinstance(korea, NationAcrossGames)
    assert [p.provenance.games_id for p in korea.games] == [GAMES_ID, "harbin-2025"]
    assert korea.count.total == 45 + 3
    assert "at every loaded Games" in render_text(korea)
    china = queries.medals("china", games="all")
    assert isinstance(china, NationAcrossGames) and china.count.total == 85


async def test_an_upgraded_database_gains_a_new_bundled_games_and_keeps_corrections(
    db_path: Path, harbin_only_dir: Path
) -> None:
    """An operator upgrades a running bot: its database holds Harbin with a moderator's
    correction; the new release bundles a second Games. At start the database gains that Games
    and the correction stays."""
    store = await SqliteStore.open(db_path)
    service = GamesService(store, None, harbin_only_dir)
    await service.start()
    fix = (
        b"games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
        b"harbin-2025,Curling,Men's tournament,men,,1,gold,PHI,,,corrected\n"
        b"harbin-2025,Curling,Men's tournament,men,,2,silver,KOR,,,\n"
        b"harbin-2025,Curling,Men's tournament,men,,3,bronze,CHN,,,\n"
    )
    await service.loads.load("fix.csv", fix, user_id=9)
    corrected = await store.read_games("harbin-2025")
    await store.close()

    new_release = harbin_only_dir.parent / "release"
    new_release.mkdir()
    (new_release / "harbin-2025").symlink_to(harbin_only_dir / "harbin-2025")
    (new_release / GAMES_ID).mkdir()
    (new_release / GAMES_ID / "00_games.json").write_bytes(second_games([], PODIUM))
    store = await SqliteStore.open(db_path)
    try:
        upgraded = GamesService(store, None, new_release)
        await upgraded.start()
        assert upgraded.library.games_ids == [GAMES_ID, "harbin-2025"]
        assert await store.read_games("harbin-2025") == corrected
        history = await store.history(GAMES_ID)
        assert [h.kind for h in history] == ["bundled"]
        # Started again: nothing more is loaded.
        await GamesService(store, None, new_release).start()
        assert len(await store.history(GAMES_ID)) == 1
    finally:
        await store.close()
