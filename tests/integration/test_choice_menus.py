"""The choice menu of an ambiguous or unmatched name (``components.build_view``) is sent as a
component row made by hand: it must be exactly what discord.py makes of the dynamic item that
takes the choice back (``ChoiceSelect``, its options as ``discord.SelectOption``) in a ``View``,
for every ambiguous event name of the bundled Games and for unmatched names of every kind, in
every language; and its ``custom_id`` must be one the registered item takes back. A change in
discord.py's payloads fails here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import discord
import pytest

from bot.answers.models import Answer, Disambiguation, NoMatch
from bot.discord_ui.components import (
    ChoiceSelect,
    Query,
    ReadyComponents,
    build_view,
    choice_position,
)
from bot.i18n import Lang, words_for
from bot.ingest.bundled import bundled_games, default_data_dir
from bot.service import GamesService

BUNDLED = sorted(bundled_games(default_data_dir()))


def choices_of(service: GamesService, games_id: str) -> Iterator[tuple[Query, Answer]]:
    """Every event name of a Games that asks which one, and names of each kind that match
    nothing (a menu of suggestions), with the query the menu's choice re-runs."""
    queries = service.queries
    for event in service.library.view(games_id).index.events.values():
        name = event.name.lower()
        answer = queries.event(name, games=games_id)
        if isinstance(answer, Disambiguation):
            yield Query("e", (name, ""), games_id), answer
    for typed in ("zzqx", "smith", "lee"):
        for query, answer in (
            (Query("n", (typed, ""), games_id), queries.medals(typed, games=games_id)),
            (Query("a", (typed,), games_id), queries.athlete(typed, games=games_id)),
            (Query("e", (typed, ""), games_id), queries.event(typed, games=games_id)),
            (
                Query("e", ("downhill", typed), games_id),
                queries.event("downhill", typed, games=games_id),
            ),
        ):
            if isinstance(answer, Disambiguation | NoMatch):
                yield query, answer


def discord_py_rows(
    query: Query, answer: Disambiguation | NoMatch, menu: dict[str, Any], lang: Lang
) -> list[dict[str, Any]]:
    """The rows discord.py itself makes of the dynamic item, as the menu was once built."""
    w = words_for(lang)
    options = [discord.SelectOption(label=o["label"], value=o["value"]) for o in menu["options"]]
    placeholder = w.t("Choose one…") if isinstance(answer, Disambiguation) else w.t("Did you mean…")
    view = discord.ui.View(timeout=None)
    view.add_item(ChoiceSelect(query, choice_position(query, answer), options, placeholder))
    return view.to_components()


@pytest.mark.parametrize("lang", list(Lang), ids=str)
def test_menus_are_what_discord_py_makes(every_games: GamesService, lang: Lang) -> None:
    kinds: dict[str, int] = {}
    for games_id in BUNDLED:
        for query, answer in choices_of(every_games, games_id):
            assert isinstance(answer, Disambiguation | NoMatch)
            view = build_view(answer, query, 0, 1, lang)
            assert isinstance(view, ReadyComponents), (query, answer)
            (row,) = view.to_components()
            (menu,) = row["components"]
            assert view.to_components() == discord_py_rows(query, answer, menu, lang)
            assert ChoiceSelect.__discord_ui_compiled_template__.fullmatch(menu["custom_id"])
            assert 1 <= len(menu["options"]) <= 25
            kinds[type(answer).__name__] = kinds.get(type(answer).__name__, 0) + 1
    assert kinds.keys() == {"Disambiguation", "NoMatch"}, kinds
    assert kinds["Disambiguation"] >= 20 and kinds["NoMatch"] >= 6, kinds


def test_a_menu_is_never_stored_and_sends_no_items(every_games: GamesService) -> None:
    query = Query("e", ("men's 1000 metres", ""), BUNDLED[0])
    answer = every_games.queries.event("men's 1000 metres", games=BUNDLED[0])
    assert isinstance(answer, Disambiguation)  # speed skating or short track
    view = build_view(answer, query, 0, 1)
    assert isinstance(view, ReadyComponents)
    assert view.is_finished() and not view.is_dispatchable() and view.children == []
