"""Every answer of every bundled Games fits Discord, in every language: each nation, athlete,
person across Games, event and table, every page of it with its buttons, checked by the local
Discord's own message rules (the ones it enforces on the bot's real requests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.answers.models import Answer
from bot.discord_ui.components import Query, build_view
from bot.discord_ui.render import render_embeds
from bot.i18n import ENGLISH, Lang
from bot.ingest.bundled import bundled_games, default_data_dir
from bot.service import GamesService
from tests.fakediscord.rules import validate_message

BUNDLED = sorted(bundled_games(default_data_dir()))


def answers_of(service: GamesService, games_id: str) -> Iterator[tuple[str, Query, Answer]]:
    """Every answer a fan can get about one Games, with the query that pages it."""
    queries = service.queries
    index = service.library.view(games_id).index
    for code in index.nations:
        yield code, Query("n", (code, ""), games_id), queries.medals(code, games=games_id)
        yield code, Query("n", (code, ""), "all"), queries.medals(code, games="all")
    for athlete_id in index.athletes:
        query = Query("a", (athlete_id,), games_id)
        yield athlete_id, query, queries.athlete(athlete_id, games=games_id)
    for event_id in index.events:
        yield (
            event_id,
            Query("e", (event_id, ""), games_id),
            queries.event(event_id, games=games_id),
        )
    for sport in (None, *index.sports):
        for include_all in (False, True):
            query = Query("t", (sport or "", "gold", "1" if include_all else "0"), games_id)
            yield (
                f"table {sport}",
                query,
                queries.table(sport, include_all=include_all, games=games_id),
            )


def check(answer: Answer, query: Query, lang: Lang = ENGLISH) -> int:
    """Validate every page of ``answer`` in ``lang`` as the message the bot would send; return
    the pages."""
    embeds = render_embeds(answer, lang)
    for page, embed in enumerate(embeds):
        view = build_view(answer, query, page, len(embeds), lang)
        body = {
            "embeds": [embed.to_dict()],
            "components": view.to_components() if view else [],
            "allowed_mentions": {"parse": []},
        }
        validate_message(body)
    return len(embeds)


@pytest.mark.parametrize("lang", list(Lang), ids=str)
@pytest.mark.parametrize("games_id", BUNDLED)
def test_every_answer_of_a_games_fits_discord(
    every_games: GamesService, games_id: str, lang: Lang
) -> None:
    pages = 0
    answers = 0
    for _, query, answer in answers_of(every_games, games_id):
        pages += check(answer, query, lang)
        answers += 1
    assert answers > 100 and pages >= answers
    table = every_games.queries.table(games=games_id)
    localised = render_embeds(table, lang)[0].title != render_embeds(table)[0].title
    assert localised == (lang is not ENGLISH)


@pytest.mark.parametrize("lang", list(Lang), ids=str)
def test_every_person_across_games_fits_discord(every_games: GamesService, lang: Lang) -> None:
    people = every_games.library.people
    several = [p for p, seen in people.appearances.items() if len(seen) > 1]
    for person in several:
        check(every_games.queries.athlete(person), Query("a", (person,), ""), lang)
    if len(BUNDLED) > 1:
        assert several, "athletes who raced at several bundled Games are one person"
