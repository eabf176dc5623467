"""A page's embed (``pages.PageEmbed``) hands discord.py a payload made as the embed was built,
instead of discord.py's ``to_dict``: for every page of every answer of both bundled Games, in
every language, and for pages past Discord's limits, the payload, the parts and the length must
be exactly what discord.py makes of the same page built with its own ``Embed`` API (as pages
were once built). A change in discord.py's payloads fails here."""

from __future__ import annotations

import discord
import pytest

from bot.discord_ui.markdown import clip, markdown_words, plain
from bot.discord_ui.pages import (
    DESCRIPTION_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    TOTAL_LIMIT,
    Page,
    PageEmbed,
)
from bot.discord_ui.render import render_pages
from bot.i18n import Lang
from bot.service import GamesService
from tests.integration.test_discord_limits import BUNDLED, answers_of


def discord_py_embed(page: Page) -> discord.Embed:
    """The page as discord.py's own Embed API builds it (how ``Page.embed`` once did)."""
    embed = discord.Embed(
        title=clip(page.title, TITLE_LIMIT),
        colour=page.colour,
        description=clip("\n".join(page.description_lines), DESCRIPTION_LIMIT) or None,
    )
    for name, value, inline in page.fields[:FIELDS_LIMIT]:
        embed.add_field(
            name=clip(name, FIELD_NAME_LIMIT) or "\u200b",
            value=clip(value, FIELD_VALUE_LIMIT) or "\u200b",
            inline=inline,
        )
    if page.footer:
        embed.set_footer(text=clip(plain(page.footer), FOOTER_LIMIT))
    while len(embed) > TOTAL_LIMIT and embed.fields:
        embed.remove_field(-1)
    if len(embed) > TOTAL_LIMIT and embed.description:
        embed.description = clip(
            embed.description, max(len(embed.description) - (len(embed) - TOTAL_LIMIT), 1)
        )
    return embed


def assert_same(page: Page) -> None:
    made, reference = page.embed(), discord_py_embed(page)
    assert isinstance(made, PageEmbed)
    assert made.to_dict() == reference.to_dict()
    assert list(made.to_dict()) == list(reference.to_dict())  # the same keys in the same order
    assert len(made) == len(reference) <= TOTAL_LIMIT
    assert (made.title, made.description, made.colour) == (
        reference.title,
        reference.description,
        reference.colour,
    )
    assert made.fields == reference.fields and made.footer == reference.footer
    assert made == reference  # discord.py's own comparison of embeds


@pytest.mark.parametrize("lang", list(Lang), ids=str)
@pytest.mark.parametrize("games_id", BUNDLED)
def test_every_page_of_a_games_is_what_discord_py_makes(
    every_games: GamesService, games_id: str, lang: Lang
) -> None:
    w = markdown_words(lang)
    answers = pages = 0
    for _, _, answer in answers_of(every_games, games_id):
        for page in render_pages(answer, w):
            assert_same(page)
            pages += 1
        answers += 1
    assert answers > 100 and pages >= answers


LONG = "x" * 1100


@pytest.mark.parametrize(
    "page",
    [
        Page("", discord.Colour(0)),  # nothing but a colour
        Page("t" * 300, discord.Colour(1), ["d" * 5000], footer="f" * 2100),
        Page(
            "Many fields", discord.Colour(2), fields=[(f"n{n}", "v", n % 2 == 0) for n in range(30)]
        ),
        # Fields past the total: the last ones are dropped.
        Page("Too long", discord.Colour(3), ["short"], fields=[("name", LONG, False)] * 8),
        # Past the total even without fields: the description is shortened.
        Page("Still too long", discord.Colour(4), ["d" * 4000], [("", LONG, True)] * 2, "f" * 2000),
        Page("Empty field", discord.Colour(5), [], [("", "", False)], "footer **plain**"),
    ],
    ids=["empty", "every-part-clipped", "30-fields", "fields-dropped", "description-cut", "blank"],
)
def test_pages_past_discords_limits_are_cut_as_discord_py_would(page: Page) -> None:
    assert_same(page)
