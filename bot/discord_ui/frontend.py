"""The Discord front-end as one installable unit: the commands, the restart-proof components,
the error handler and the shutdown check, attached to a client through ``install``."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord_ui.admin import ConfirmLoad, ConfirmUndo, announce_forever, install_admin
from bot.discord_ui.client import GamesTree
from bot.discord_ui.commands import install_commands
from bot.discord_ui.components import ChoiceSelect, PageButton, PageIndicator
from bot.discord_ui.context import UiContext, attach
from bot.discord_ui.errors import ShuttingDown, on_tree_error
from bot.discord_ui.render import warm, warm_texts
from bot.discord_ui.server_settings import install_settings
from bot.discord_ui.translator import CatalogueTranslator
from bot.service import GamesService
from bot.settings import Settings

Tree = app_commands.CommandTree[Any]


class DiscordFrontEnd:
    """Everything the bot adds to a discord.py client. ``install`` is the callback that
    ``build_client`` / ``sync_commands`` call with the client's command tree."""

    def __init__(self, service: GamesService, settings: Settings) -> None:
        self.context = UiContext(service=service, settings=settings)
        self.client: discord.Client | None = None

    def prepare(self) -> None:
        """Render one answer of each kind of every loaded Games now (``render.warm``), and
        escape every loaded Games' names and texts (``render.warm_texts``), so that the first
        fans' answers do not pay for what rendering does on first use."""
        service = self.context.service
        warm(service.queries.samples())
        for view in service.library.views():
            warm_texts(view.index.data)

    @property
    def lifecycle(self) -> Any:
        return self.context.lifecycle

    def install(self, tree: Tree) -> None:
        context = self.context

        async def interaction_check(interaction: discord.Interaction[Any]) -> bool:
            if context.lifecycle.closing:
                raise ShuttingDown()
            return True

        tree.interaction_check = interaction_check  # type: ignore[method-assign]
        tree.error(on_tree_error)
        install_commands(tree, context)
        install_admin(tree, context)
        install_settings(tree, context)
        if isinstance(tree, GamesTree):
            tree.translator_to_set = CatalogueTranslator()
        client = tree.client
        attach(client, context)
        client.add_dynamic_items(PageButton, PageIndicator, ChoiceSelect, ConfirmLoad, ConfirmUndo)
        self.client = client

    async def announce_forever(self) -> None:
        """Announce followed nations' new medals after every load, until cancelled."""
        await announce_forever(self.context, lambda: self.client)
