"""The one error handler of the command tree: known errors become short ephemeral messages;
unexpected ones are logged with the interaction id and get a generic apology."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.domain.errors import GamesbotError

log = logging.getLogger("bot.discord_ui")

APOLOGY = "Sorry, something went wrong on our side. It has been logged (interaction {id}); please try again."


class ShuttingDown(app_commands.CheckFailure):
    """The bot is restarting and takes no new interactions."""


class NotAllowed(app_commands.CheckFailure):
    """The user may not use this command here (the message says why)."""


def message_for(interaction: discord.Interaction[Any], error: BaseException) -> str:
    """What to tell the user about ``error``."""
    original = getattr(error, "original", error)
    if isinstance(original, GamesbotError):
        return str(original)[:1900]
    if isinstance(error, ShuttingDown):
        return "The bot is restarting; please try again in a moment."
    if isinstance(error, NotAllowed):
        return str(error) or "You can't use this command here."
    if isinstance(error, app_commands.MissingPermissions):
        return "You don't have permission to use this command."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    if isinstance(error, app_commands.TransformerError):
        return "That option value isn't valid here."
    log.error(
        "unexpected error in interaction %s",
        interaction.id,
        exc_info=original,
        extra={"interaction_id": interaction.id},
    )
    return APOLOGY.format(id=interaction.id)


async def tell(interaction: discord.Interaction[Any], text: str) -> None:
    """Send a short ephemeral message, as the first response or as a followup."""
    none = discord.AllowedMentions.none()
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=none)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=none)
    except discord.HTTPException:
        log.warning("could not tell the user about an error in interaction %s", interaction.id)


async def on_tree_error(
    interaction: discord.Interaction[Any], error: app_commands.AppCommandError
) -> None:
    """The tree's error handler."""
    await tell(interaction, message_for(interaction, error))
