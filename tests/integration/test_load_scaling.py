"""A load's cost in the SQLite store does not grow with its size in statements: a load of 400
events makes as many round trips to the database as a load of 20 (one statement a table, not one
a row), and so does its undo; the before-image stays complete (undo gives back exactly what was
there, replaced events included). Counted, never timed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.domain.models import GamesData
from bot.service import GamesService
from bot.store.sqlite_store import SqliteStore

HEADER = "games,sport,event,gender,date,rank,medal,noc,athletes,mark,note\n"
NOCS = ("CHN", "KOR", "JPN", "KAZ")


def _file(events: int, replaced: str = "") -> bytes:
    rows = [
        f"harbin-2025,Scaling sport,Race {n:04d},men,2025-02-09,1,gold,{NOCS[n % 4]},"
        f"Scaler Number{n:04d},,\n"
        for n in range(events)
    ]
    return (HEADER + replaced + "".join(rows)).encode()


def _count_statements(store: SqliteStore) -> Callable[[], int]:
    """Count the statements the store sends to its connection (each one a round trip to the
    connection's thread, whether ``execute`` or ``executemany``)."""
    db: Any = store._db
    calls = {"n": 0}
    for name in ("execute", "executemany"):
        original = getattr(db, name)

        def counted(*args: Any, _original: Any = original) -> Any:
            calls["n"] += 1
            return _original(*args)

        setattr(db, name, counted)
    return lambda: calls["n"]


def _without_last_load(data: GamesData) -> GamesData:
    return data.model_copy(update={"last_load": None})


async def test_a_load_and_its_undo_make_as_many_statements_at_any_size(
    service: GamesService, store: SqliteStore
) -> None:
    assert isinstance(store, SqliteStore)
    counted = _count_statements(store)
    figures = []
    for events in (20, 400):
        start = counted()
        await service.loads.load(f"s{events}.csv", _file(events), user_id=1)
        applied = counted() - start
        start = counted()
        await service.loads.undo(user_id=1)
        figures.append((applied, counted() - start))
    assert figures[0] == figures[1]


async def test_undo_of_a_bulk_load_gives_back_exactly_what_was_there(
    service: GamesService, store: SqliteStore
) -> None:
    before = await store.read_games("harbin-2025")
    event = before.events[0]
    replaced = (
        f'harbin-2025,"{event.sport}","{event.name}",{event.gender.value},,1,gold,KOR,Brand New,,\n'
    )
    await service.loads.load("bulk.csv", _file(300, replaced), user_id=1)
    after = await store.read_games("harbin-2025")
    assert len(after.events) == len(before.events) + 300
    assert [r.athletes for r in after.results if r.event_id == event.id] == [("kor-brand-new",)]
    await service.loads.undo(user_id=1)
    assert _without_last_load(await store.read_games("harbin-2025")) == _without_last_load(before)
