"""Payload factories: realistic snowflakes and the JSON shapes Discord sends.

Owns only pure functions/classes that build dicts; no I/O and no state beyond the snowflake counter.
"""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

Json = dict[str, Any]


class Snowflakes:
    """Generates real-looking snowflakes: ``(ms since 2015 << 22) | worker << 17 | increment``."""

    def __init__(self, worker: int = 1) -> None:
        self._worker = worker & 0x1F
        self._counter = itertools.count()

    def next(self, *, at_ms: int | None = None) -> int:
        """A new snowflake for now (or for the given unix time in ms)."""
        ms = (at_ms if at_ms is not None else int(time.time() * 1000)) - DISCORD_EPOCH_MS
        return (ms << 22) | (self._worker << 17) | (next(self._counter) & 0x1FFFF)

    def for_shard(self, shard_id: int, shard_count: int) -> int:
        """A fresh snowflake whose owning shard is ``shard_id`` (``(id >> 22) % count``)."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        ms -= (ms - shard_id) % shard_count
        return self.next(at_ms=ms + DISCORD_EPOCH_MS)


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that owns a guild, as Discord (and discord.py) computes it."""
    return (guild_id >> 22) % shard_count


def iso_now() -> str:
    """The current time in Discord's ISO-8601 format."""
    return datetime.now(UTC).isoformat()


def user(user_id: int, username: str, *, bot: bool = False) -> Json:
    """A user object."""
    return {
        "id": str(user_id),
        "username": username,
        "discriminator": "0",
        "global_name": None if bot else username.title(),
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
    }


def role(role_id: int, name: str, permissions: int, position: int) -> Json:
    """A role object (``@everyone`` has the guild's id)."""
    return {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def channel(channel_id: int, name: str, *, guild_id: int | None, kind: int = 0) -> Json:
    """A channel object (type 0 = guild text, 1 = DM)."""
    data: Json = {"id": str(channel_id), "type": kind, "name": name, "position": 0}
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
        data["permission_overwrites"] = []
        data["nsfw"] = False
    return data


def member(user_payload: Json, role_ids: list[int], *, permissions: int | None = None) -> Json:
    """A guild member object; interactions add the ``permissions`` string."""
    data: Json = {
        "user": user_payload,
        "roles": [str(r) for r in role_ids],
        "joined_at": "2025-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "nick": None,
        "avatar": None,
    }
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def guild(
    guild_id: int,
    name: str,
    *,
    owner_id: int,
    roles: list[Json],
    channels: list[Json],
    members: list[Json],
    preferred_locale: str = "en-US",
) -> Json:
    """A full GUILD_CREATE payload."""
    return {
        "id": str(guild_id),
        "name": name,
        "icon": None,
        "owner_id": str(owner_id),
        "roles": roles,
        "channels": channels,
        "threads": [],
        "members": members,
        "member_count": len(members),
        "large": False,
        "unavailable": False,
        "emojis": [],
        "stickers": [],
        "features": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "joined_at": "2025-01-01T00:00:00+00:00",
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "preferred_locale": preferred_locale,
        "system_channel_flags": 0,
    }


def attachment(
    attachment_id: int, filename: str, size: int, url: str, content_type: str | None
) -> Json:
    """An attachment object (CDN ``url`` and ``proxy_url`` point at the fake)."""
    data: Json = {
        "id": str(attachment_id),
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
    }
    if content_type is not None:
        data["content_type"] = content_type
    return data


def message(
    message_id: int,
    channel_id: int,
    author: Json,
    body: Json,
    *,
    guild_id: int | None = None,
    kind: int = 0,
    attachments: list[Json] | None = None,
) -> Json:
    """A message object built from what a client sent (content/embeds/components/flags)."""
    data: Json = {
        "id": str(message_id),
        "type": kind,
        "channel_id": str(channel_id),
        "author": author,
        "content": body.get("content") or "",
        "embeds": list(body.get("embeds") or []),
        "components": list(body.get("components") or []),
        "attachments": attachments or [],
        "flags": int(body.get("flags") or 0),
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "pinned": False,
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    return data
