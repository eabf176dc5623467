"""The page buttons of a paged answer (``components.page_buttons``) are sent as component rows
made by hand: they must be exactly what discord.py makes of the dynamic items that answer the
clicks (``PageButton``, ``PageIndicator``) in a ``View``, for every page position and language,
and the view that carries them is never stored by discord.py (its clicks reach the dynamic items
by template). A change in discord.py's payloads fails here."""

from __future__ import annotations

from typing import Any

import discord
import pytest

from bot.discord_ui.components import (
    PageButton,
    PageIndicator,
    Query,
    ReadyComponents,
    page_buttons,
)
from bot.i18n import ENGLISH, Lang, words_for


def discord_py_rows(query: Query, page: int, pages: int, lang: Lang) -> list[dict[str, Any]]:
    """The rows discord.py itself makes of the dynamic items, as the buttons were once built."""
    w = words_for(lang)
    previous = PageButton(query, max(page - 1, 0), w.t("◀ Previous"))
    following = PageButton(query, min(page + 1, pages - 1), w.t("Next ▶"))
    previous.item.disabled = page == 0
    following.item.disabled = page >= pages - 1
    view = discord.ui.View(timeout=None)
    view.add_item(previous)
    view.add_item(PageIndicator(page, pages))
    view.add_item(following)
    return view.to_components()


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize(("page", "pages"), [(0, 2), (1, 2), (0, 5), (2, 5), (4, 5), (11, 12)])
def test_rows_are_what_discord_py_makes(lang: Lang, page: int, pages: int) -> None:
    query = Query("n", ("NOR", "cross-country-skiing"), "some-games")
    view = page_buttons(query, page, pages, words_for(lang))
    assert isinstance(view, ReadyComponents)
    assert view.to_components() == discord_py_rows(query, page, pages, lang)
    # Each id is one the registered dynamic items take back.
    for row in view.to_components():
        for button in row["components"]:
            template = PageIndicator if button["custom_id"].startswith("gb:i:") else PageButton
            assert template.__discord_ui_compiled_template__.fullmatch(button["custom_id"])


async def test_the_view_is_never_stored_and_sends_no_items() -> None:
    view = page_buttons(Query("e", ("some-event", ""), "g"), 0, 3, words_for(ENGLISH))
    assert view is not None
    assert view.is_finished()  # discord.py stores only a view that is not finished
    assert not view.is_dispatchable()  # nor gives it a timeout, nor asks for a state
    assert view.timeout is None
    assert view.children == []
    assert not view.has_components_v2()
    assert repr(view) == "<ReadyComponents timeout=None children=0>"
    assert await view.wait() is False  # already over, as a stopped view's wait is
    view.stop()
    assert view.is_finished()
    with pytest.raises(AttributeError):
        view.timeout = 60.0


def test_an_id_past_discords_limit_gives_no_buttons() -> None:
    long_query = Query("a", ("x" * 95,), "g")
    assert page_buttons(long_query, 0, 3, words_for(ENGLISH)) is None
