"""The discord.py client of gamesbot: building it, running it, and syncing its commands.

Owns the client configuration (intents, allowed mentions, sharding), the command tree and how
commands get onto it (the ``install`` callback, so the real front-end and the tests' throwaway
commands go through the same path), the run loop used by ``gamesbot run``, and the deliberate
``gamesbot sync`` step. Commands are never synced on start-up.

Discord being out of reach, or refusing the token, becomes a domain error with one plain
sentence (``UnreachableError``, ``ConfigError``), so the command line can say it in one line
and exit 2. ``run_bot`` first retries with backoff: until it has logged in once (after that,
discord.py reconnects the gateway by itself), for at most ``DISCORD_CONNECT_TIMEOUT`` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot.discord_ui.endpoints import point_discord_at
from bot.domain.errors import ConfigError, UnreachableError
from bot.settings import Settings

log = logging.getLogger(__name__)

#: What "Discord cannot be reached right now" looks like from discord.py and aiohttp: worth
#: retrying, unlike a refused token (``LoginFailure``) or a bad request.
TRANSIENT: tuple[type[BaseException], ...] = (
    OSError,
    aiohttp.ClientError,
    TimeoutError,
    discord.GatewayNotFound,
    discord.DiscordServerError,
)
FIRST_RETRY = 1.0
LONGEST_RETRY = 30.0

Tree = app_commands.CommandTree[Any]
Install = Callable[[Tree], None]
IdentifyHook = Callable[[int | None], Awaitable[None]]


class GamesTree(app_commands.CommandTree[Any]):
    """The command tree of gamesbot. ``translator_to_set`` is the translator an install callback
    chose for the commands' localised names (installing is synchronous; discord.py's
    ``set_translator`` is a coroutine, so the sync step sets it)."""

    translator_to_set: app_commands.Translator | None = None


class GamesBot(discord.Client):
    """A single-shard (or unsharded) client with its command tree at ``tree``."""

    tree: Tree


class ShardedGamesBot(discord.AutoShardedClient):
    """A client running several shards in one process, with its command tree at ``tree``."""

    tree: Tree


def _no_voice_warnings() -> None:
    """gamesbot has no voice: discord.py's warnings that voice libraries are missing (logged on
    every start, and by ``gamesbot sync`` too) would only alarm whoever reads the log."""
    for flag in ("warn_nacl", "warn_dave"):
        if hasattr(discord.VoiceClient, flag):
            setattr(discord.VoiceClient, flag, False)


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
    _no_voice_warnings()
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
    client.tree = GamesTree(client)
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


def _unreachable(settings: Settings, exc: BaseException) -> UnreachableError:
    reason = str(exc).strip() or type(exc).__name__
    return UnreachableError(
        f"cannot reach Discord at {settings.discord_api_base} ({reason}); check the network "
        "and DISCORD_API_BASE"
    )


def _refused() -> ConfigError:
    return ConfigError("Discord refused the token (DISCORD_TOKEN is not a valid bot token).")


def retry_delays(first: float = FIRST_RETRY, longest: float = LONGEST_RETRY) -> Iterator[float]:
    """Seconds to wait before each retry: doubling from ``first`` up to ``longest``, each with up
    to a tenth of jitter so that many shards do not retry in step."""
    delay = first
    while True:
        yield delay * random.uniform(0.9, 1.0)
        delay = min(delay * 2, longest)


async def _logged_in(
    settings: Settings, install: Install | None, token: str, **client_options: Any
) -> discord.Client:
    """A client that has logged in, retrying with backoff while Discord is out of reach (a new
    client each time: a discord.py client is not reused after a failed login)."""
    give_up_at = time.monotonic() + settings.discord_connect_timeout
    delays = retry_delays()
    while True:
        client = build_client(settings, install, **client_options)
        try:
            await client.login(token)
            return client
        except discord.LoginFailure:
            await client.close()
            raise _refused() from None
        except TRANSIENT as exc:
            await client.close()
            delay = next(delays)
            if time.monotonic() + delay > give_up_at:
                raise _unreachable(settings, exc) from None
            log.warning(
                "cannot reach Discord (%s); retrying in %.1f s",
                str(exc) or type(exc).__name__,
                delay,
            )
            await asyncio.sleep(delay)
        except BaseException:
            await client.close()
            raise


async def run_bot(settings: Settings, install: Install | None, **client_options: Any) -> None:
    """Runs the bot until cancelled (or the gateway fails fatally), then closes it cleanly.

    Until the first login succeeds, Discord out of reach is retried with backoff for
    ``DISCORD_CONNECT_TIMEOUT`` seconds, then raised as ``UnreachableError``; a refused token
    is a ``ConfigError``. Once logged in, discord.py reconnects the gateway by itself."""
    token = _token(settings)
    point_discord_at(settings.discord_api_base, settings.discord_gateway_url)
    log.info("starting bot (shard_count=%s shard_ids=%s)", settings.shard_count, settings.shard_ids)
    client = await _logged_in(settings, install, token, **client_options)
    try:
        await client.connect()
    except discord.PrivilegedIntentsRequired:
        raise ConfigError(
            "Discord refused the connection: a privileged intent is not enabled."
        ) from None
    except TRANSIENT as exc:  # a sharded client asks for the gateway before connecting
        raise _unreachable(settings, exc) from None
    finally:
        log.info("bot stopping")
        await client.close()


async def sync_commands(
    settings: Settings, install: Install | None, guild_id: int | None
) -> list[str]:
    """Registers the installed commands with Discord and returns their names.

    Raises ``ConfigError`` for a refused token and ``UnreachableError`` when Discord cannot be
    reached (no retry: ``gamesbot sync`` is run by hand). With ``guild_id`` the global commands
    are copied to that guild and synced there (instant, for development); without it they are
    synced globally. Logs in over REST only: no gateway.
    The translator an install chose gives the commands their names in other languages.
    """
    token = _token(settings)
    point_discord_at(settings.discord_api_base, settings.discord_gateway_url)
    client = build_client(settings, install)
    tree = command_tree(client)
    async with client:
        try:
            await client.login(token)
            if isinstance(tree, GamesTree) and tree.translator_to_set is not None:
                await tree.set_translator(tree.translator_to_set)
            if guild_id is None:
                synced = await tree.sync()
            else:
                guild = discord.Object(id=guild_id)
                tree.copy_global_to(guild=guild)
                synced = await tree.sync(guild=guild)
        except discord.LoginFailure:
            raise _refused() from None
        except TRANSIENT as exc:
            raise _unreachable(settings, exc) from None
    names = [command.name for command in synced]
    log.info(
        "synced %d command(s) %s: %s",
        len(names),
        "globally" if guild_id is None else f"to guild {guild_id}",
        ", ".join(names),
    )
    return names
