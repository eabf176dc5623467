"""``/settings``: a server's own settings on Discord (today its default Games: the one commands
answer for when they name none). Anyone may see them; moderators (a role in MODERATOR_ROLE_IDS,
or Manage Server) may change them, in any server the bot is in."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord_ui.commands import GAMES_LIMIT, games_autocompleter
from bot.discord_ui.components import interaction_lang, show
from bot.discord_ui.context import UiContext
from bot.discord_ui.errors import ERROR_WORDS, NotAllowed, tell
from bot.discord_ui.markdown import inert
from bot.i18n import words_for
from bot.service.server_settings import BOT_DEFAULT

Tree = app_commands.CommandTree[Any]


def check_server_moderator(interaction: discord.Interaction[Any], context: UiContext) -> None:
    """Only in a server, and only with a moderator role or Manage Server."""
    if interaction.guild_id is None:
        raise NotAllowed(ERROR_WORDS["settings_server_only"])
    roles = {role.id for role in getattr(interaction.user, "roles", [])}
    if roles & set(context.settings.moderator_role_ids) or interaction.permissions.manage_guild:
        return
    raise NotAllowed(ERROR_WORDS["settings_moderators_only"])


def install_settings(tree: Tree, context: UiContext) -> None:
    """Add ``/settings`` to ``tree``."""
    service = context.service
    complete = games_autocompleter(context)

    @tree.command(name="settings", description="This server's settings: the Games it answers for")
    @app_commands.guild_only()
    @app_commands.describe(
        games=f"The Games commands here answer for when they name none ({BOT_DEFAULT}: the bot's)"
    )
    @app_commands.autocomplete(games=complete)
    async def settings(
        interaction: discord.Interaction[Any],
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(interaction, "settings", games=games) as outcome:
            assert interaction.guild_id is not None
            if games is None:
                described = await service.servers.describe(interaction.guild_id)
                w = words_for(interaction_lang(interaction))
                await tell(
                    interaction, w.t("This server's Games: {games}.", games=inert(described))
                )
                return
            check_server_moderator(interaction, context)
            answer = await service.servers.set_games(
                interaction.guild_id, games, user_id=interaction.user.id
            )
            outcome.value = "answered" if getattr(answer, "answered", True) else "not_answered"
            await show(interaction, answer, None, ephemeral=True)
