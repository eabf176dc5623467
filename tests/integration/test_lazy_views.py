"""A one-shot command's library (``GamesService.start(views=False)``): it knows every Games held
(names, default) from their rows alone, builds the view of a Games only when prepared, and then
answers exactly as a library that built every view at start."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.answers.models import NationSummary
from bot.domain.errors import UnknownGamesError
from bot.domain.models import GamesData
from bot.ingest.bundled import default_data_dir
from bot.service import GamesService, GamesView
from bot.store.factory import Store


async def test_only_the_games_a_command_prepares_is_built_and_answers_alike(
    store: Store, service: GamesService
) -> None:
    lazy = GamesService(store, None, default_data_dir())
    await lazy.start(views=False)
    assert (
        lazy.library.games_ids
        == service.library.games_ids
        == [
            "milano-cortina-2026",
            "harbin-2025",
        ]
    )
    assert lazy.library.games_id("harbin") == "harbin-2025"
    with pytest.raises(LookupError):
        lazy.library.view()  # nothing read yet
    await lazy.library.prepare("2025")
    with pytest.raises(LookupError):
        lazy.library.views()  # the default Games was not asked about
    harbin = lazy.queries.medals("korea", games="harbin-2025")
    assert harbin == service.queries.medals("korea", games="harbin-2025")
    with pytest.raises(UnknownGamesError):
        await lazy.library.prepare("paris")
    await lazy.library.prepare(every=True)
    assert [v.games_id for v in lazy.library.views()] == lazy.library.games_ids
    assert lazy.queries.athlete("gilli kim") == service.queries.athlete("gilli kim")
    assert lazy.queries.medals("korea", games="all") == service.queries.medals("korea", games="all")


async def test_a_running_bot_makes_the_people_before_the_first_question(
    store: Store, service: GamesService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Who is who across Games takes a tenth of a second to work out: a long-running front-end
    (``start()``) works it out when its views are built, and again after a load, so no fan's
    ``/athlete`` without a Games pays for it; a one-shot command works it out when it asks."""
    from bot.query import people as people_module

    built: list[int] = []
    build = people_module.People.build

    def counted(datas: list[GamesData]) -> people_module.People:
        built.append(len(datas))
        return build(datas)

    monkeypatch.setattr(people_module.People, "build", staticmethod(counted))
    assert type(service.queries.athlete("kim gil-li")).__name__ == "PersonSummary"
    assert built == []
    await service.library.refresh("harbin-2025")  # as after a load
    assert built == [2]
    service.queries.athlete("kim gil-li")
    assert built == [2]

    lazy = GamesService(store, None, default_data_dir())  # a one-shot command's
    await lazy.start(views=False)
    await lazy.library.prepare(every=True)
    assert built == [2]
    lazy.queries.athlete("kim gil-li")
    assert built == [2, 2]


async def test_a_running_bot_builds_a_new_view_off_the_event_loop(
    service: GamesService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexing and warming a big Games after a load takes a second or more: a running bot does
    it in a worker thread and answers from the view it has until the new one is ready (on the
    event loop it would hold every interaction, past Discord's 3-second deadline)."""
    loop_thread = threading.current_thread()
    started, release = threading.Event(), threading.Event()
    on_loop: list[bool] = []
    build = GamesView.build

    def held(data: GamesData) -> GamesView:
        on_loop.append(threading.current_thread() is loop_thread)
        started.set()
        release.wait(10)
        return build(data)

    monkeypatch.setattr(GamesView, "build", staticmethod(held))
    before = service.library.view("harbin-2025")
    refreshing = asyncio.create_task(service.library.refresh("harbin-2025"))
    assert await asyncio.to_thread(started.wait, 10)
    assert on_loop == [False]
    answer = service.queries.medals("korea", games="harbin-2025")  # meanwhile: the old view
    assert isinstance(answer, NationSummary) and answer.count.gold == 16
    assert service.library.view("harbin-2025") is before and not refreshing.done()
    release.set()
    await refreshing
    assert service.library.view("harbin-2025") is not before


async def test_each_finished_rebuild_is_counted_for_the_collector(service: GamesService) -> None:
    """``rebuilds`` tells the running bot's garbage collector (``bot.runtime``) that the views
    changed; it moves once a rebuild has made everything (views, names, people), not before."""
    library = service.library
    before = library.rebuilds
    old = library.view("harbin-2025")
    await library.refresh("harbin-2025")  # as after a load
    assert library.rebuilds == before + 1
    assert library.view("harbin-2025") is not old
    await library.refresh_all()
    assert library.rebuilds == before + 2
