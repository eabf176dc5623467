"""The answer and render caches of a running bot forget their oldest entry when full, one at a
time: emptying a whole cache at once freed hundreds of answers or embeds inside one fan's
interaction (a stall every few hundred answers, and every answer after it made again). The
render cache is trimmed after an answer is sent, not while it is made."""

from __future__ import annotations

from bot.answers.models import Message
from bot.answers.provenance import Provenance
from bot.discord_ui import render
from bot.domain.models import GamesData
from bot.service.library import ANSWER_CACHE_SIZE, GamesView


def test_the_render_cache_forgets_its_oldest_answers_once_trimmed() -> None:
    render._RENDERED.clear()
    where = Provenance(games_id="test", games_name="Test Games", source="test")
    answers = [
        Message(provenance=where, text=f"answer {n}") for n in range(render.RENDER_CACHE_SIZE + 3)
    ]
    embeds = [render.render_embeds(a) for a in answers]
    # Rendering frees nothing (the front-end trims once an answer is sent) ...
    assert len(render._RENDERED) == render.RENDER_CACHE_SIZE + 3
    render.trim_rendered()
    assert len(render._RENDERED) == render.RENDER_CACHE_SIZE
    assert render.render_embeds(answers[-1]) is embeds[-1]  # the newest are kept
    assert render.render_embeds(answers[3]) is embeds[3]
    assert render.render_embeds(answers[0]) is not embeds[0]  # the oldest went
    render._RENDERED.clear()


def test_untrimmed_the_render_cache_never_holds_twice_its_size() -> None:
    render._RENDERED.clear()
    where = Provenance(games_id="test", games_name="Test Games", source="test")
    for n in range(2 * render.RENDER_CACHE_SIZE + 5):
        render.render_embeds(Message(provenance=where, text=f"answer {n}"))
        assert len(render._RENDERED) <= 2 * render.RENDER_CACHE_SIZE
    render._RENDERED.clear()


def test_a_view_forgets_its_oldest_answer_when_full(bundled_data: GamesData) -> None:
    view = GamesView.build(bundled_data)
    made = [view.cached(("n", n), lambda n=n: [n]) for n in range(ANSWER_CACHE_SIZE + 3)]
    assert len(view.memo) == ANSWER_CACHE_SIZE
    assert view.cached(("n", ANSWER_CACHE_SIZE + 2), lambda: []) is made[-1]
    assert view.cached(("n", 0), lambda: ["again"]) == ["again"]
