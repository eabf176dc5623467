"""A name that fits one entity only in part ("men's 50km": the men's 50 km mass start classic,
and no other event near it) is offered as that one choice, asked as "did you mean this one?",
not as "could mean several". Over the real service and store, in text and as a Discord embed."""

from __future__ import annotations

from bot.answers.models import Disambiguation
from bot.answers.text import render_text
from bot.discord_ui.components import Query, build_view
from bot.discord_ui.render import render_embeds
from bot.i18n import ENGLISH, Lang
from bot.service import GamesService

MILANO = "milano-cortina-2026"
FIFTY = "cross-country-skiing/mens-50-km-mass-start-classic"


def test_a_lone_partial_match_asks_did_you_mean_it(service: GamesService) -> None:
    answer = service.queries.event("men's 50km", games=MILANO)
    assert isinstance(answer, Disambiguation)
    assert [c.id for c in answer.alternatives] == [FIFTY]
    text = render_text(answer)
    assert text.startswith("\"men's 50km\": did you mean this one?\n  1. Men's 50 km mass start")
    assert "several" not in text
    (embed,) = render_embeds(answer, ENGLISH)
    assert embed.title == "Did you mean this event?"
    assert "fits this event only in part" in (embed.description or "")
    view = build_view(answer, Query("e", ("men's 50km", "")), 0, 1, ENGLISH)
    assert view is not None
    ((menu,),) = [row["components"] for row in view.to_components()]
    assert [o["value"] for o in menu["options"]] == [FIFTY]  # the one choice, to pick it
    assert render_embeds(answer, Lang.KO)[0].title == "이 경기인가요?"


def test_several_partial_matches_still_ask_which_one(service: GamesService) -> None:
    answer = service.queries.event("50k classic", games=MILANO)
    assert isinstance(answer, Disambiguation) and len(answer.alternatives) == 2
    assert "could mean several events; which one?" in render_text(answer)
    assert render_embeds(answer, ENGLISH)[0].title == "Which event did you mean?"
