"""A one-shot command's library (``GamesService.start(views=False)``): it knows every Games held
(names, default) from their rows alone, builds the view of a Games only when prepared, and then
answers exactly as a library that built every view at start."""

from __future__ import annotations

import pytest

from bot.domain.errors import UnknownGamesError
from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
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
