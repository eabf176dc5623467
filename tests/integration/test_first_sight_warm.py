"""What a running bot prepares at start so that a fan's first answer about anyone does not pay
for it: after ``DiscordFrontEnd.prepare``, rendering every nation's, athlete's and event's
answer of every bundled Games escapes no text it had not escaped and makes no source citation
or masked link it had not made (``render.warm_texts``). The answers themselves are made when
asked: the render cache holds none of them."""

from __future__ import annotations

from bot.answers import sites
from bot.discord_ui import markdown, render, sources
from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from bot.settings import Settings


def misses() -> tuple[int, int, int]:
    return (
        markdown.inert.cache_info().misses,
        sites.citation.cache_info().misses,
        sources._shown.cache_info().misses,
    )


def test_after_prepare_first_answers_escape_nothing_new(every_games: GamesService) -> None:
    DiscordFrontEnd(every_games, Settings(_env_file=None)).prepare()  # type: ignore[call-arg]
    render._RENDERED.clear()
    before = misses()
    queries = every_games.queries
    rendered = 0
    for view in every_games.library.views():
        games, index = view.games_id, view.index
        answers = [queries.medals(code, games=games) for code in index.nations]
        answers += [queries.athlete(athlete, games=games) for athlete in index.athletes]
        answers += [queries.event(event, games=games) for event in index.events]
        for answer in answers:
            rendered += len(list(render.render_embeds(answer)))
    assert rendered > 1200
    assert misses() == before
    render._RENDERED.clear()
