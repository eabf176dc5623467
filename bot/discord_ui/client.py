"""The discord.py client of gamesbot: building it, running it, and syncing its commands.

Owns the client configuration (intents, allowed mentions, sharding), the command tree and how
commands get onto it (the ``install`` callback, so the real front-end and the tests' throwaway
commands go through the same path), the run loop used by ``gamesbot run``, and the deliberate
``gamesbot sync`` step. Commands are never synced on start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.discord_ui.endpoints import point_discord_at
from bot.settings import Settings

log = logging.getLogger(__name__)

Tree = app_commands.CommandTree[Any]
Install = Callable[[Tree], None]
IdentifyHook = Callable[[int | None], Awaitable[None]]


class GamesBot(discord.Client):
    """A single-shard (or unsharded) client with its command tree at ``tree``."""

    tree: Tree


class ShardedGamesBot(discord.AutoShardedClient):
    """A client running several shards in one process, with its command tree at ``tree``."""

    tree: Tree


def build_client(
    settings: Settings, install: Install | None = None, **client_options: Any
) -> discord.Client:
    """Builds the client for the configured sharding, with a command tree and the commands.

    - no SHARD_COUNT/SHARD_IDS: an unsharded client;
    - exactly one SHARD_ID: a plain client running that shard (one process per shard);
    - several SHARD_IDS, or SHARD_COUNT without ids: an AutoShardedClient.

    Intents are ``Intents.default()`` (no privileged intents: slash commands need none) and
    mentions are disabled, so an answer quoting a name can never ping anyone.
    ``client_options`` go to the discord.py constructor (tests pass ``guild_ready_timeout`` and
    ``chunk_guilds_at_startup``); a ``before_identify_hook`` option replaces the client's hook
    (discord.py's default sleeps 5 s before every non-initial IDENTIFY, which is right against
    the real Discord but slows tests).
    """
    options: dict[str, Any] = {
        "intents": discord.Intents.default(),
        "allowed_mentions": discord.AllowedMentions.none(),
        **client_options,
    }
    identify_hook: Callable[..., Awaitable[None]] | None = options.pop("before_identify_hook", None)
    shard_ids, shard_count = settings.shard_ids, settings.shard_count
    client: GamesBot | ShardedGamesBot
    if shard_ids is not None and len(shard_ids) == 1:
        client = GamesBot(shard_id=shard_ids[0], shard_count=shard_count, **options)
    elif shard_ids is not None or shard_count is not None:
        if shard_ids is not None:
            options["shard_ids"] = shard_ids
        client = ShardedGamesBot(shard_count=shard_count, **options)
    else:
        client = GamesBot(**options)
    client.tree = app_commands.CommandTree(client)
    if install is not None:
        install(client.tree)
    if identify_hook is not None:
        # An instance attribute shadows the method; discord.py calls self.before_identify_hook.
        setattr(client, "before_identify_hook", identify_hook)  # noqa: B010
    return client


def command_tree(client: discord.Client) -> Tree:
    """The command tree of a client made by :func:`build_client`."""
    tree: Tree = getattr(client, "tree")  # noqa: B009
    return tree


def _token(settings: Settings) -> str:
    if settings.discord_token is None:
        raise ValueError("DISCORD_TOKEN is not set")
    return settings.discord_token.get_secret_value()


async def run_bot(settings: Settings, install: Install | None, **client_options: Any) -> None:
    """Runs the bot until cancelled (or the gateway fails fatally), then closes it cleanly."""
    token = _token(settings)
    point_discord_at(settings.discord_api_base, settings.discord_gateway_url)
    client = build_client(settings, install, **client_options)
    log.info("starting bot (shard_count=%s shard_ids=%s)", settings.shard_count, settings.shard_ids)
    async with client:
        try:
            await client.start(token)
        finally:
            log.info("bot stopping")
            await client.close()


async def sync_commands(
    settings: Settings, install: Install | None, guild_id: int | None
) -> list[str]:
    """Registers the installed commands with Discord and returns their names.

    With ``guild_id`` the global commands are copied to that guild and synced there (instant,
    for development); without it they are synced globally. Logs in over REST only: no gateway.
    """
    token = _token(settings)
    point_discord_at(settings.discord_api_base, settings.discord_gateway_url)
    client = build_client(settings, install)
    tree = command_tree(client)
    async with client:
        await client.login(token)
        if guild_id is None:
            synced = await tree.sync()
        else:
            guild = discord.Object(id=guild_id)
            tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
    names = [command.name for command in synced]
    log.info(
        "synced %d command(s) %s: %s",
        len(names),
        "globally" if guild_id is None else f"to guild {guild_id}",
        ", ".join(names),
    )
    return names
