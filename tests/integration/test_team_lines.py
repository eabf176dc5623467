"""A nation's medal line names its athletes, and a team of more than ``TEAM_NAMED`` (a hockey
roster) by its first ones and how many more, in the reader's language: over every medal of every
NOC of both bundled Games, on every page of the Discord answer. ``/event`` still lists the whole
team."""

from __future__ import annotations

import pytest

from bot.answers.models import EventResult, NationSummary
from bot.discord_ui.markdown import markdown_words
from bot.discord_ui.render import TEAM_NAMED, render_embeds
from bot.i18n import ENGLISH, Lang
from bot.ingest.bundled import bundled_games, default_data_dir
from bot.service import GamesService

BUNDLED = sorted(bundled_games(default_data_dir()))


@pytest.mark.parametrize("lang", [ENGLISH, Lang.KO])
@pytest.mark.parametrize("games_id", BUNDLED)
async def test_a_big_team_is_named_by_its_first_athletes_and_how_many_more(
    service: GamesService, games_id: str, lang: Lang
) -> None:
    w = markdown_words(lang)
    index = service.library.view(games_id).index
    big_teams = 0
    for code in index.nations:
        answer = service.queries.medals(code, games=games_id)
        assert isinstance(answer, NationSummary)
        lines = [
            line
            for embed in render_embeds(answer, lang)
            for line in (embed.description or "").split("\n")
        ]
        for medal in answer.medals:
            names = [w.person(a.name, a.native_name) for a in medal.athletes]
            if not names:  # a team the data does not name
                continue
            if len(names) <= TEAM_NAMED:
                shown = ", ".join(names)
                assert any(line.endswith(f" — {shown}") for line in lines), (code, medal)
                continue
            big_teams += 1
            more = w.t("+ {n} more", n=len(names) - TEAM_NAMED + 1)
            shown = ", ".join(names[: TEAM_NAMED - 1])
            assert any(line.endswith(f" — {shown} {more}") for line in lines), (code, medal)
            # The whole team is in the event's answer.
            event = service.queries.event(medal.event_id, games=games_id)
            assert isinstance(event, EventResult)
            place = next(
                p for p in event.places if p.nation.code == code and p.medal is medal.medal
            )
            assert len(place.athletes) == len(names)
    if games_id.startswith("milano"):
        assert big_teams >= 6  # the hockey medallists at least
