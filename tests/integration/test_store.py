"""The store contract, on both backends from the same test code (SQLite on disk and PostgreSQL):
created and filled on first use, one-transaction loads that leave other events untouched, a
failed load that changes nothing, undo, load history, follows, server settings, and the two
races several processes run into (two loads from one preview; two claims of one medal)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.domain.errors import (
    NothingToUndoError,
    NotLatestLoadError,
    StalePreviewError,
    UnknownGamesError,
)
from bot.domain.models import (
    Event,
    EventResults,
    Follow,
    Games,
    GamesData,
    Gender,
    LoadPlan,
    Medal,
    MedalKey,
    Nation,
    Result,
)
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_games, default_data_dir
from bot.service import GamesService
from bot.store.factory import Store, open_store
from tests.backends import Backend

RELAY = "short-track-speed-skating/mens-5000-metre-relay"


@pytest.fixture
def store_location(backend: Backend) -> str | Path:
    """Every test here runs on SQLite and on PostgreSQL."""
    return backend.location


@pytest.fixture
async def service(store: Store, harbin_only_dir: Path) -> GamesService:
    """The service over the store, filled with the bundled Harbin Games (enough here)."""
    games = GamesService(store, "harbin-2025", harbin_only_dir)
    await games.start()
    return games


def relay_plan(data: GamesData, *podium: str) -> LoadPlan:
    event = next(e for e in data.events if e.id == RELAY)
    medals = (Medal.GOLD, Medal.SILVER, Medal.BRONZE)
    results = tuple(
        Result(event_id=event.id, rank=i + 1, medal=medals[i], noc=noc, athletes=())
        for i, noc in enumerate(podium)
    )
    return LoadPlan(games=data.games, events=(EventResults(event=event, results=results),))


async def test_first_use_creates_and_fills_the_store(
    service: GamesService, store: Store, bundled_data: GamesData
) -> None:
    data = await store.read_games("harbin-2025")
    assert data.model_dump(exclude={"last_load"}) == bundled_data.model_dump(exclude={"last_load"})
    assert data.last_load is not None and data.last_load.source == "bundled data/harbin-2025/"
    assert data.last_load.loaded_at.tzinfo is not None and data.last_load.kind == "bundled"
    assert [load.kind for load in await store.history("harbin-2025")] == ["bundled"]
    assert await store.last_load_id("harbin-2025") == data.last_load.load_id


async def test_reopening_does_not_load_again(
    store_location: str | Path, harbin_only_dir: Path
) -> None:
    for _ in range(2):
        store = await open_store(store_location)
        try:
            await GamesService(store, "harbin-2025", harbin_only_dir).start()
        finally:
            await store.close()
    store = await open_store(store_location)
    try:
        assert len(await store.history("harbin-2025")) == 1
    finally:
        await store.close()


async def test_a_load_replaces_only_the_events_it_mentions(
    service: GamesService, store: Store
) -> None:
    before = await store.read_games("harbin-2025")
    plan = relay_plan(before, "KOR", "KAZ", "JPN")
    load_id = await store.apply(plan, source="fix.csv", sha256="abc", user_id=42, kind="load")
    after = await store.read_games("harbin-2025")
    assert [r for r in after.results if r.event_id == RELAY] == list(plan.events[0].results)
    assert [r for r in after.results if r.event_id != RELAY] == [
        r for r in before.results if r.event_id != RELAY
    ]
    assert after.last_load is not None
    assert (after.last_load.load_id, after.last_load.source, after.last_load.user_id) == (
        load_id,
        "fix.csv",
        42,
    )
    assert apply_plan(before, plan).model_dump(exclude={"last_load"}) == after.model_dump(
        exclude={"last_load"}
    )
    history = await store.history("harbin-2025")
    assert [(h.kind, h.source, h.events, h.results) for h in history] == [
        ("load", "fix.csv", 1, 3),
        ("bundled", "bundled data/harbin-2025/", 64, len(before.results)),
    ]


async def test_a_failing_load_changes_nothing(
    service: GamesService, store: Store, backend: Backend
) -> None:
    before = await store.read_games("harbin-2025")
    bad = relay_plan(before, "NOR")  # no such NOC at these Games
    with pytest.raises(backend.integrity_error):
        await store.apply(bad, source="bad.csv", sha256="x", user_id=None, kind="load")
    assert await store.read_games("harbin-2025") == before
    assert len(await store.history("harbin-2025")) == 1


async def test_the_games_rows_alone_are_those_read_with_their_data(
    service: GamesService, store: Store, bundled_data: GamesData
) -> None:
    assert await store.games_rows() == [bundled_data.games]
    other = bundled_data.games.model_copy(
        update={"id": "alpha-2024", "name": "Alpha", "start": None}
    )
    await store.apply(LoadPlan(games=other), source="alpha.json", sha256="a", user_id=None)
    rows = await store.games_rows()
    assert [g.id for g in rows] == ["alpha-2024", "harbin-2025"] == await store.games_ids()
    assert rows == [(await store.read_games(g.id)).games for g in rows]


async def test_unknown_games(store: Store) -> None:
    with pytest.raises(UnknownGamesError):
        await store.read_games("paris-2024")
    assert await store.games_ids() == [] and await store.games_rows() == []
    assert await store.last_load_id("paris-2024") is None
    with pytest.raises(NothingToUndoError):
        await store.undo_last("paris-2024", user_id=1)


async def test_undo_puts_back_what_a_load_replaced_and_removes_what_it_created(
    service: GamesService, store: Store
) -> None:
    before = await store.read_games("harbin-2025")
    held = await store.games_ids()
    load_id = await store.apply(
        relay_plan(before, "KOR", "KAZ", "JPN"), source="a.csv", sha256="a", user_id=1
    )
    nation = Nation(code="ZZZ", name="Zedland", aliases=("제드", "Zed"), ranked=False)
    event = Event(id="curling/test", sport="Curling", name="Test", gender=Gender.MIXED)
    other = LoadPlan(
        games=Games(id="test-games", name="Test Games", aliases=("TG",)),
        nations=(nation,),
        events=(
            EventResults(
                event=event,
                results=(Result(event_id=event.id, rank=1, medal=Medal.GOLD, noc="ZZZ"),),
            ),
        ),
    )
    other_id = await store.apply(other, source="new.json", sha256="n", user_id=1)
    assert (await store.read_games("test-games")).nations == (nation,)
    assert await store.games_ids() == sorted([*held, "test-games"])

    undone, undo_id = await store.undo_last("test-games", user_id=2)
    assert undone.load_id == other_id and undone.undone_by == undo_id
    assert await store.games_ids() == held

    undone, undo_id = await store.undo_last("harbin-2025", user_id=2)
    assert undone.load_id == load_id and undo_id > other_id
    after = await store.read_games("harbin-2025")
    assert after.model_dump(exclude={"last_load"}) == before.model_dump(exclude={"last_load"})
    assert after.last_load is not None and after.last_load.load_id == undo_id
    assert [(h.kind, h.undone_by) for h in await store.history("harbin-2025")] == [
        ("undo", None),
        ("load", undo_id),
        ("bundled", None),
    ]
    with pytest.raises(NothingToUndoError):
        await store.undo_last("harbin-2025", user_id=2)


async def test_undo_refuses_when_the_latest_load_is_not_the_expected_one(
    service: GamesService, store: Store
) -> None:
    data = await store.read_games("harbin-2025")
    first = await store.apply(relay_plan(data, "KOR"), source="1.csv", sha256="1", user_id=1)
    latest = await store.last_undoable("harbin-2025")
    assert latest is not None and latest.load_id == first and latest.source == "1.csv"
    second = await store.apply(relay_plan(data, "JPN"), source="2.csv", sha256="2", user_id=1)
    with pytest.raises(NotLatestLoadError) as refused:
        await store.undo_last("harbin-2025", user_id=1, expect_load_id=first)
    assert (refused.value.expected, refused.value.latest) == (first, second)
    assert isinstance(refused.value, StalePreviewError)  # callers that catch stale previews
    assert await store.last_load_id("harbin-2025") == second
    undone, undo_id = await store.undo_last("harbin-2025", user_id=1, expect_load_id=second)
    assert undone.load_id == second
    # Undone by someone else meanwhile: asking again for the same load refuses too.
    with pytest.raises(NotLatestLoadError):
        await store.undo_last("harbin-2025", user_id=1, expect_load_id=second)
    assert await store.last_load_id("harbin-2025") == undo_id
    await store.undo_last("harbin-2025", user_id=1, expect_load_id=first)
    assert await store.last_undoable("harbin-2025") is None
    with pytest.raises(NotLatestLoadError):
        await store.undo_last("harbin-2025", user_id=1, expect_load_id=first)


async def test_concurrent_writes_in_one_process_take_turns(
    service: GamesService, store: Store
) -> None:
    """One store, many coroutines writing at once (loads, follows, settings, claims): each
    write is its own transaction and none fails (SQLite: one connection, one lock)."""
    data = await store.read_games("harbin-2025")
    base = await store.last_load_id("harbin-2025")
    follows = [
        Follow(guild_id=1, channel_id=100 + i, games_id="harbin-2025", noc="KOR") for i in range(12)
    ]
    outcomes = await asyncio.gather(
        *(
            store.apply(relay_plan(data, noc), source=f"{noc}.csv", sha256=noc, user_id=1)
            for noc in ("KOR", "JPN", "CHN")
        ),
        *(store.follow(f, user_id=1) for f in follows),
        *(store.set_guild_setting(i, "games", "harbin-2025", user_id=1) for i in range(5)),
        store.claim_announcements(
            "harbin-2025", [MedalKey(event_id=RELAY, noc="KOR", medal=Medal.GOLD)]
        ),
        return_exceptions=True,
    )
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    history = await store.history("harbin-2025")
    assert sorted(h.source for h in history if h.kind == "load") == [
        "CHN.csv",
        "JPN.csv",
        "KOR.csv",
    ]
    assert all(h.load_id > (base or 0) for h in history if h.kind == "load")
    assert await store.follows_in_guild(1) == sorted(follows, key=lambda f: f.channel_id)


async def test_reads_during_a_load_see_only_what_is_committed(
    service: GamesService, store: Store, backend: Backend
) -> None:
    """Reads made while another coroutine's load is open (a view rebuilt, a follower's check)
    never see its rows before the commit: here the load fails at its last insert and rolls back,
    and every read made meanwhile saw the data as it was (SQLite: reads take their turn with
    the writes on the one connection)."""
    before = await store.read_games("harbin-2025")
    # The Games renamed and every event again with its results, then one result of a NOC these
    # Games do not have: the load fails at its last insert, after it has written the rest.
    by_event: dict[str, list[Result]] = {}
    for result in before.results:
        by_event.setdefault(result.event_id, []).append(result)
    last = before.events[-1]
    stray = Result(event_id=last.id, rank=99, noc="NOR", athletes=())
    bad = LoadPlan(
        games=before.games.model_copy(update={"name": "Renamed by a load that fails"}),
        events=tuple(
            EventResults(
                event=e, results=(*by_event.get(e.id, []), *([stray] if e is last else []))
            )
            for e in before.events
        ),
    )
    seen: list[GamesData] = []
    done = asyncio.Event()

    async def read_meanwhile() -> None:
        while not done.is_set():
            seen.append(await store.read_games("harbin-2025"))
            await asyncio.sleep(0)

    async def load() -> None:
        try:
            await store.apply(bad, source="bad.csv", sha256="x", user_id=None, kind="load")
        finally:
            done.set()

    reader = asyncio.create_task(read_meanwhile())
    with pytest.raises(backend.integrity_error):
        await load()
    await reader
    assert seen and all(data == before for data in seen)


async def test_two_loads_from_one_preview_cannot_both_apply(
    service: GamesService, store: Store, store_location: str | Path
) -> None:
    """Four processes confirm previews made on the same data at the same moment: one applies,
    the others are told their preview is stale, whatever the timing."""
    others = [await open_store(store_location) for _ in range(3)]
    try:
        data = await store.read_games("harbin-2025")
        base = await store.last_load_id("harbin-2025")
        outcomes = await asyncio.gather(
            *(
                s.apply(
                    relay_plan(data, noc),
                    source=f"{noc}.csv",
                    sha256=noc,
                    user_id=1,
                    expect_last_load=base,
                )
                for s, noc in zip([store, *others], ["KOR", "JPN", "CHN", "KAZ"], strict=True)
            ),
            return_exceptions=True,
        )
    finally:
        for other in others:
            await other.close()
    applied = [o for o in outcomes if isinstance(o, int)]
    assert len(applied) == 1, outcomes
    assert all(isinstance(o, StalePreviewError) for o in outcomes if not isinstance(o, int)), (
        outcomes
    )
    assert await store.last_load_id("harbin-2025") == applied[0]


async def test_each_medal_is_claimed_once_by_concurrent_claimers(
    store: Store, store_location: str | Path
) -> None:
    """Three processes see the same load and claim its medals at the same moment, in
    overlapping batches and different orders: each medal goes to exactly one of them."""
    others = [await open_store(store_location) for _ in range(2)]
    try:
        claimers = [store, *others]
        for colour in Medal:  # three rounds of the same race
            medals = [
                MedalKey(event_id=f"e{i % 7}", noc=f"N{i % 5}", medal=colour, athletes=(f"a{i}",))
                for i in range(40)
            ]
            batches = [medals[:25], medals[15:], medals[::-1]]
            claimed = await asyncio.gather(
                *(s.claim_announcements("g", b) for s, b in zip(claimers, batches, strict=True))
            )
            keys = [m for batch in claimed for m in batch]
            assert len(keys) == len(set(keys)) == len(medals)
            assert set(keys) == set(medals)
        assert await store.claim_announcements("g", medals[:3]) == []
        assert await others[0].claim_announcements("other-games", medals[:3]) == medals[:3]
    finally:
        for other in others:
            await other.close()


async def test_follows(store: Store) -> None:
    kor = Follow(guild_id=1, channel_id=20, games_id="harbin-2025", noc="KOR")
    jpn = Follow(guild_id=1, channel_id=10, games_id="harbin-2025", noc="JPN")
    elsewhere = Follow(guild_id=2, channel_id=30, games_id="harbin-2025", noc="KOR")
    other_games = Follow(guild_id=1, channel_id=10, games_id="other", noc="KOR")
    for follow in (kor, jpn, elsewhere, other_games):
        assert await store.follow(follow, user_id=5)
    assert not await store.follow(kor, user_id=6)
    assert await store.follows_in_guild(1) == [jpn, other_games, kor]
    assert await store.follows_of_games("harbin-2025") == [jpn, kor, elsewhere]
    assert await store.unfollow(kor)
    assert not await store.unfollow(kor)
    assert await store.follows_of_games("harbin-2025") == [jpn, elsewhere]
    big = Follow(guild_id=2**62, channel_id=2**63 - 1, games_id="harbin-2025", noc="KOR")
    assert await store.follow(big, user_id=2**62)
    assert await store.follows_in_guild(2**62) == [big]


async def test_guild_settings_are_kept_per_server(store: Store) -> None:
    await store.set_guild_setting(1, "games", "harbin-2025", user_id=7)
    await store.set_guild_setting(2, "games", "other", user_id=7)
    await store.set_guild_setting(1, "games", "again", user_id=8)
    assert await store.guild_settings(1) == {"games": "again"}
    await store.set_guild_setting(1, "games", None, user_id=8)
    assert await store.guild_settings(1) == {}
    assert await store.guild_settings(2) == {"games": "other"}


async def test_processes_starting_at_once_on_an_empty_store_load_the_bundled_data_once(
    store_location: str | Path,
) -> None:
    stores = [await open_store(store_location) for _ in range(3)]
    try:
        services = [GamesService(s, "harbin-2025", default_data_dir()) for s in stores]
        await asyncio.gather(*(s.start() for s in services))
        for games_id in bundled_games(default_data_dir()):
            assert [load.kind for load in await stores[0].history(games_id)] == ["bundled"]
        assert len({s.loads.export("json") for s in services}) == 1
    finally:
        for store in stores:
            await store.close()
