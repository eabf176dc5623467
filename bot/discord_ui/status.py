"""The running bot's heartbeat for ``gamesbot health``: every few seconds, the age of the last
gateway heartbeat acknowledgement (per shard, the oldest) goes to the status file."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import discord

from bot.health import write_status


def _sockets(client: discord.Client) -> list[Any]:
    if isinstance(client, discord.AutoShardedClient):
        return [
            getattr(getattr(info, "_parent", None), "ws", None) for info in client.shards.values()
        ]
    return [client.ws] if client.ws is not None else []


def last_ack_age(client: discord.Client) -> float | None:
    """Seconds since the oldest of the shards' last heartbeat ACK; None before any."""
    ages = []
    for socket in _sockets(client):
        keep_alive = getattr(socket, "_keep_alive", None)
        last_ack = getattr(keep_alive, "_last_ack", None)
        if isinstance(last_ack, float):
            ages.append(time.perf_counter() - last_ack)
    if not ages:
        return None
    if len(ages) < max(len(_sockets(client)), 1):
        return None
    return max(ages)


async def heartbeat_loop(
    get_client: Any, path: Path, started_at: float, interval: float = 10.0
) -> None:
    """Write the status file every ``interval`` seconds until cancelled."""
    while True:
        client: discord.Client | None = get_client()
        fields: dict[str, Any] = {"state": "running", "started_at": started_at}
        if client is not None and not client.is_closed():
            age = last_ack_age(client)
            if age is not None:
                fields["heartbeat_at"] = time.time() - age
                fields["latency_ms"] = (
                    round(client.latency * 1000, 1) if client.latency != float("inf") else None
                )
            fields["ready"] = client.is_ready()
            fields["guilds"] = len(client.guilds)
        await asyncio.to_thread(write_status, path, **fields)
        await asyncio.sleep(interval)
