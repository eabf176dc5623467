"""The one error handler of the command tree: known errors become short ephemeral messages;
unexpected ones are logged with the interaction id and get a generic apology."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.discord_ui.markdown import inert
from bot.domain.errors import (
    AmbiguousGamesError,
    GamesbotError,
    OneGamesOnlyError,
    UnknownGamesError,
)
from bot.i18n import Words, choose_lang, words_for

log = logging.getLogger("bot.discord_ui")


class ShuttingDown(app_commands.CheckFailure):
    """The bot is restarting and takes no new interactions."""


class NotAllowed(app_commands.CheckFailure):
    """The user may not use this command here (the message says why)."""


#: What each kind of refusal says (English keys of the catalogues).
ERROR_WORDS = {
    "restarting": "The bot is restarting; please try again in a moment.",
    "not_here": "You can't use this command here.",
    "no_permission": "You don't have permission to use this command.",
    "server_only": "This command only works in a server.",
    "bad_value": "That option value isn't valid here.",
    "unknown_games": "No Games called {games} is loaded; loaded Games: {known}.",
    "ambiguous_games": "{games} could be several Games: {options}; name one.",
    "one_games_only": (
        "This is answered one Games at a time; name one of: {options}. "
        "(`all` works for a nation's medals and an athlete.)"
    ),
    "results_server_only": "Results can only be loaded in a server.",
    "not_home": "Results can't be loaded in this server (it is not one of the bot's home servers).",
    "moderators_only": "Only moderators (the configured moderator roles, or Manage Server) can do that.",
    "settings_server_only": "Settings belong to a server: use this in one.",
    "settings_moderators_only": (
        "Only moderators (the configured moderator roles, or Manage Server) can change settings."
    ),
    "apology": "Sorry, something went wrong on our side. It has been logged (interaction {id}); please try again.",
}
APOLOGY = ERROR_WORDS["apology"]


def _games_error(error: GamesbotError, w: Words) -> str:
    """A Games error in the reader's language (its English text as the domain wrote it), the
    names and what the user typed in it inert (it is sent as a message's Markdown)."""
    if w.english:
        return inert(str(error))
    if isinstance(error, UnknownGamesError):
        known = inert(", ".join(error.known) or "none")
        return w.t(ERROR_WORDS["unknown_games"], games=inert(repr(error.games_id)), known=known)
    if isinstance(error, AmbiguousGamesError):
        options = inert(", ".join(error.options))
        return w.t(ERROR_WORDS["ambiguous_games"], games=inert(repr(error.text)), options=options)
    if isinstance(error, OneGamesOnlyError):
        return w.t(ERROR_WORDS["one_games_only"], options=inert(", ".join(error.options)))
    return inert(w.said(str(error)))


def message_for(interaction: discord.Interaction[Any], error: BaseException) -> str:
    """What to tell the user about ``error``, in their language."""
    w = words_for(choose_lang(interaction.locale, interaction.guild_locale))
    original = getattr(error, "original", error)
    if isinstance(original, GamesbotError):
        return _games_error(original, w)[:1900]
    if isinstance(error, ShuttingDown):
        return w.t(ERROR_WORDS["restarting"])
    if isinstance(error, NotAllowed):
        return w.said(str(error)) if str(error) else w.t(ERROR_WORDS["not_here"])
    if isinstance(error, app_commands.MissingPermissions):
        return w.t(ERROR_WORDS["no_permission"])
    if isinstance(error, app_commands.NoPrivateMessage):
        return w.t(ERROR_WORDS["server_only"])
    if isinstance(error, app_commands.CheckFailure):
        return w.t(ERROR_WORDS["not_here"])
    if isinstance(error, app_commands.TransformerError):
        return w.t(ERROR_WORDS["bad_value"])
    log.error(
        "unexpected error in interaction %s",
        interaction.id,
        exc_info=original,
        extra={"interaction_id": interaction.id},
    )
    return w.t(APOLOGY, id=str(interaction.id))


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
