"""Where discord.py connects: the REST base URL and the gateway URL.

discord.py has no constructor argument for either; both are process-global class attributes
(``discord.http.Route.BASE`` and ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``). This
module owns changing them, from the DISCORD_API_BASE / DISCORD_GATEWAY_URL settings, so that
the bot can run against a local fake of Discord. Production values leave them untouched.
"""

from __future__ import annotations

import discord.gateway
import discord.http
import yarl

from bot.settings import DISCORD_API_DEFAULT, DISCORD_GATEWAY_DEFAULT


def point_discord_at(api_base: str, gateway_url: str) -> None:
    """Points discord.py's REST calls at ``api_base`` and its websocket at ``gateway_url``.

    Each attribute is changed only when the setting differs from the real Discord default, so
    production never overrides discord.py's own values (``_set_api_version`` resets
    ``Route.BASE`` to discord.com; overriding with the default would hide that).
    """
    if api_base.rstrip("/") != DISCORD_API_DEFAULT:
        discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url != DISCORD_GATEWAY_DEFAULT:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def current_endpoints() -> tuple[str, str]:
    """The REST base and gateway URL discord.py uses right now (for logs and tests)."""
    return discord.http.Route.BASE, str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
