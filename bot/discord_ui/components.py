"""Buttons and select menus whose state lives in their ``custom_id``, so they keep working after a
restart (discord.py DynamicItems): page buttons, and the choice menus that answer an ambiguous or
unmatched name. Each re-runs its query through the service and edits the message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import discord

from bot.answers.models import Answer, Disambiguation, NoMatch
from bot.answers.text import choice_label
from bot.discord_ui.context import ui_context
from bot.discord_ui.markdown import plain
from bot.discord_ui.render import render_embeds, trim_rendered
from bot.domain.resolution import Candidate, EntityKind
from bot.i18n import ENGLISH, Lang, Words, choose_lang, words_for
from bot.service import GamesService

CUSTOM_ID_LIMIT = 100
SEPARATOR = "|"


@dataclass(frozen=True)
class Query:
    """A re-runnable query: what a page button or a choice menu asks the service again.

    ``kind``: ``n`` nation medals (args: noc, sport), ``a`` athlete (id), ``e`` event (id, sport),
    ``t`` table (sport, sort, all). ``games`` is empty for the default Games."""

    kind: str
    args: tuple[str, ...]
    games: str = ""

    def encode(self) -> str:
        return f"{self.kind}:{self.games}:{SEPARATOR.join(self.args)}"

    @classmethod
    def decode(cls, kind: str, games: str, args: str) -> Query:
        return cls(kind=kind, args=tuple(args.split(SEPARATOR)), games=games)

    def with_choice(self, position: int, value: str) -> Query:
        """The same query with argument ``position`` replaced by a chosen id."""
        args = list(self.args)
        while len(args) <= position:
            args.append("")
        args[position] = value
        return Query(kind=self.kind, args=tuple(args), games=self.games)

    def run(self, service: GamesService) -> Answer:
        games = self.games or None
        a = [*self.args, "", "", ""]
        match self.kind:
            case "n":
                return service.queries.medals(a[0], a[1] or None, games=games)
            case "a":
                return service.queries.athlete(a[0], games=games)
            case "e":
                return service.queries.event(a[0], a[1] or None, games=games)
            case "t":
                return service.queries.table(
                    a[0] or None,
                    sort="total" if a[1] == "total" else "gold",
                    include_all=a[2] == "1",
                    games=games,
                )
        raise ValueError(f"unknown query kind {self.kind!r}")


def _fits(custom_id: str) -> bool:
    return len(custom_id) <= CUSTOM_ID_LIMIT


def page_custom_id(query: Query, page: int) -> str:
    """The ``custom_id`` of a button that shows ``page`` of ``query``'s answer."""
    return f"gb:p:{page}:{query.encode()}"


def choice_custom_id(query: Query, position: int) -> str:
    """The ``custom_id`` of a choice menu whose choice replaces argument ``position``."""
    return f"gb:c:{position}:{query.encode()}"


def indicator_custom_id(page: int) -> str:
    """The ``custom_id`` of the disabled "2 / 5" label of ``page``."""
    return f"gb:i:{page}"


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"gb:p:(?P<page>\d+):(?P<kind>[a-z]):(?P<games>[^:]*):(?P<args>.*)",
):
    """Go to a page of a query's answer."""

    def __init__(self, query: Query, page: int, label: str) -> None:
        self.query = query
        self.page = page
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=page_custom_id(query, page),
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> PageButton:
        query = Query.decode(match["kind"], match["games"], match["args"])
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(query, int(match["page"]), label or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        context = ui_context(interaction.client)
        async with context.track(interaction, f"page:{self.query.kind}", page=self.page):
            await show(
                interaction, self.query.run(context.service), self.query, page=self.page, edit=True
            )


class ChoiceSelect(
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"gb:c:(?P<position>\d):(?P<kind>[a-z]):(?P<games>[^:]*):(?P<args>.*)",
):
    """Choose among the alternatives (or suggestions) for a name; shows that answer."""

    def __init__(
        self, query: Query, position: int, options: list[discord.SelectOption], placeholder: str
    ) -> None:
        self.query = query
        self.position = position
        super().__init__(
            discord.ui.Select(
                custom_id=choice_custom_id(query, position),
                placeholder=placeholder,
                options=options,
                min_values=1,
                max_values=1,
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ChoiceSelect:
        query = Query.decode(match["kind"], match["games"], match["args"])
        if not isinstance(item, discord.ui.Select):
            raise TypeError("a choice menu must be a select")
        return cls(query, int(match["position"]), list(item.options), item.placeholder or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        context = ui_context(interaction.client)
        chosen = self.item.values[0] if self.item.values else ""
        query = self.query.with_choice(self.position, chosen)
        async with context.track(interaction, f"choice:{query.kind}", chosen=chosen):
            await show(interaction, query.run(context.service), query, page=0, edit=True)


class PageIndicator(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"gb:i:(?P<page>\d+)"):
    """The disabled "2 / 5" label between the page buttons. Dynamic like its neighbours, so a
    paged message's view is fully dynamic and discord.py keeps no per-message state for it."""

    def __init__(self, page: int, pages: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=f"{page + 1} / {pages}", disabled=True, custom_id=indicator_custom_id(page)
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> PageIndicator:
        return cls(int(match["page"]), int(match["page"]) + 1)


def choice_position(query: Query, answer: Disambiguation | NoMatch) -> int:
    """Which argument of ``query`` the chosen id replaces: the sport when the sport was unclear."""
    if answer.kind is EntityKind.SPORT:
        return {"n": 1, "e": 1, "t": 0}.get(query.kind, 0)
    return 0


def _options(candidates: tuple[Candidate, ...], w: Words) -> list[dict[str, Any]]:
    """The choice menu's options (each as ``discord.SelectOption.to_dict`` makes it): one per
    candidate, at most 25, labelled in plain text (a select's label is not markdown)."""
    options = []
    seen: set[str] = set()
    for candidate in candidates[:25]:
        if candidate.id in seen or len(candidate.id) > 100:
            continue
        seen.add(candidate.id)
        label = plain(choice_label(candidate, w)).strip()
        options.append(
            {"label": label[:100] or candidate.id[:100], "value": candidate.id, "default": False}
        )
    return options


def interaction_lang(interaction: discord.Interaction[Any]) -> Lang:
    """The language to answer an interaction in: the user's, else the server's, else English."""
    return choose_lang(interaction.locale, interaction.guild_locale)


def build_view(
    answer: Answer, query: Query | None, page: int, pages: int, lang: Lang = ENGLISH
) -> discord.ui.View | None:
    """Page buttons for a paged answer; a choice menu for an ambiguous or unmatched name."""
    if query is None:
        return None
    w = words_for(lang)
    if isinstance(answer, Disambiguation | NoMatch):
        candidates = (
            answer.alternatives if isinstance(answer, Disambiguation) else answer.suggestions
        )
        options = _options(candidates, w)
        custom_id = choice_custom_id(query, choice_position(query, answer))
        if not options or not _fits(custom_id):
            return None
        placeholder = (
            w.t("Choose one…") if isinstance(answer, Disambiguation) else w.t("Did you mean…")
        )
        return choice_menu(custom_id, placeholder, options)
    if pages <= 1:
        return None
    return page_buttons(query, page, pages, w)


class ReadyComponents(discord.ui.View):
    """A view whose component rows are already made: discord.py sends them as they are. Their
    buttons and menus are dynamic items (``PageButton``, ``PageIndicator``, ``ChoiceSelect``),
    registered on the client by template, so a click reaches them by its ``custom_id`` alone:
    the view is finished from the start, has no items and no timeout, and discord.py never
    stores it. Building the three page buttons as discord.py items (a ``DynamicItem`` around a
    ``Button`` each, then ``View.add_item``) cost more than the rest of a paged answer's page
    (a choice menu, its ``Select`` and options, as much as the rest of its answer), and
    ``View.__init__`` (a random id from the system, a future on the loop, the items' weights) a
    third of what was left, for a view that is never dispatched: so it is not called, and what
    discord.py asks of a view it sends (its rows, whether it is finished or dispatchable, its
    timeout) is answered here. Tests hold the rows equal to what those items give, and the
    answers as discord.py sends them."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:  # not View.__init__: see above
        self._rows = rows
        self._children = []
        self._total_children = 0

    @property
    def timeout(self) -> float | None:
        return None

    @timeout.setter
    def timeout(self, value: float | None) -> None:
        raise AttributeError("ready components have no timeout")

    def to_components(self) -> list[dict[str, Any]]:
        return self._rows

    def is_finished(self) -> bool:
        return True

    def is_dispatchable(self) -> bool:
        return False

    def has_components_v2(self) -> bool:
        return False

    def stop(self) -> None:
        return None

    async def wait(self) -> bool:
        return False


def _button(custom_id: str, label: str, disabled: bool) -> dict[str, Any]:
    """A secondary button's payload, as ``discord.ui.Button.to_component_dict`` makes it."""
    return {
        "type": discord.ComponentType.button.value,
        "style": discord.ButtonStyle.secondary.value,
        "disabled": disabled,
        "label": label,
        "custom_id": custom_id,
    }


def choice_menu(custom_id: str, placeholder: str, options: list[dict[str, Any]]) -> ReadyComponents:
    """A choice menu's row, as discord.py makes a ``ChoiceSelect`` in a ``View`` (the dynamic
    item takes the choice back by its ``custom_id``): made by hand, as the page buttons are, since
    building the discord.py items and their view cost as much as the rest of the answer."""
    select = {
        "type": discord.ComponentType.string_select.value,
        "custom_id": custom_id,
        "min_values": 1,
        "max_values": 1,
        "disabled": False,
        "required": True,
        "placeholder": placeholder,
        "options": options,
    }
    return ReadyComponents(
        [{"type": discord.ComponentType.action_row.value, "components": [select]}]
    )


def page_buttons(query: Query, page: int, pages: int, w: Words) -> ReadyComponents | None:
    """◀ Previous, "2 / 5", Next ▶ for ``page`` of ``pages``; None when a button's
    ``custom_id`` would pass Discord's limit."""
    previous = page_custom_id(query, max(page - 1, 0))
    following = page_custom_id(query, min(page + 1, pages - 1))
    if not _fits(previous) or not _fits(following):
        return None
    row = [
        _button(previous, w.t("◀ Previous"), page == 0),
        _button(indicator_custom_id(page), f"{page + 1} / {pages}", True),
        _button(following, w.t("Next ▶"), page >= pages - 1),
    ]
    return ReadyComponents([{"type": discord.ComponentType.action_row.value, "components": row}])


async def show(
    interaction: discord.Interaction[Any],
    answer: Answer,
    query: Query | None,
    *,
    page: int = 0,
    edit: bool = False,
    ephemeral: bool = False,
) -> None:
    """Answer an interaction with one page of ``answer`` (and its buttons or choice menu), in
    the user's language (else the server's, else English); then forget the oldest rendered
    answers, once this one is on its way."""
    try:
        await _send(interaction, answer, query, page, edit, ephemeral)
    finally:
        trim_rendered()


async def _send(
    interaction: discord.Interaction[Any],
    answer: Answer,
    query: Query | None,
    page: int,
    edit: bool,
    ephemeral: bool,
) -> None:
    lang = interaction_lang(interaction)
    embeds = render_embeds(answer, lang)
    page = min(max(page, 0), len(embeds) - 1)
    view = build_view(answer, query, page, len(embeds), lang)
    none = discord.AllowedMentions.none()
    if edit:
        if view is None:
            await interaction.response.edit_message(
                embed=embeds[page], view=None, allowed_mentions=none
            )
        else:
            await interaction.response.edit_message(
                embed=embeds[page], view=view, allowed_mentions=none
            )
    elif interaction.response.is_done():
        if view is None:
            await interaction.followup.send(
                embed=embeds[page], ephemeral=ephemeral, allowed_mentions=none
            )
        else:
            await interaction.followup.send(
                embed=embeds[page], view=view, ephemeral=ephemeral, allowed_mentions=none
            )
    elif view is None:
        await interaction.response.send_message(
            embed=embeds[page], ephemeral=ephemeral, allowed_mentions=none
        )
    else:
        await interaction.response.send_message(
            embed=embeds[page], view=view, ephemeral=ephemeral, allowed_mentions=none
        )
