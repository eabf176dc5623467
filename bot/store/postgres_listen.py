"""Loads seen everywhere: LISTEN on the PostgreSQL store's changes channel over a connection of
its own, and yield each load or undo as it commits. A lost connection (PostgreSQL restarted, the
network gone) is reopened with a growing pause; each time listening (re)starts, a
``StoreChange()`` for every Games is yielded first, so that whatever committed while nobody
listened is picked up by checking each Games' last load id. A connection silent for a while is
probed, so a dead one does not go unnoticed."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator

import psycopg
from psycopg import sql as pgsql

from bot.domain.ports import StoreChange
from bot.store.postgres_sql import CHANGES_CHANNEL

log = logging.getLogger("bot.store.postgres")

#: How long a listening connection may stay silent before it is probed with a query.
PROBE_AFTER = 15.0
#: Pauses between attempts to reconnect: doubling from the first to the last.
RETRY_FIRST = 0.2
RETRY_LAST = 5.0
CONNECT_TIMEOUT = 5


def parse_change(payload: str) -> StoreChange:
    """A notification's payload; one that cannot be read means "check everything"."""
    try:
        content = json.loads(payload)
        return StoreChange(games_id=str(content["games"]), load_id=int(content["load"]))
    except (ValueError, KeyError, TypeError):
        return StoreChange()


def change_payload(games_id: str, load_id: int) -> str:
    """What a load or an undo notifies (well under NOTIFY's 8000-byte limit)."""
    return json.dumps({"games": games_id, "load": load_id})


async def listen_for_changes(
    conninfo: str, *, probe_after: float = PROBE_AFTER
) -> AsyncIterator[StoreChange]:
    """Every change as it commits, until cancelled; see the module docstring."""
    pause = RETRY_FIRST
    lost = False
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(
                conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            ) as conn:
                await conn.execute(pgsql.SQL("LISTEN {}").format(pgsql.Identifier(CHANGES_CHANNEL)))
                if lost:
                    log.info("listening for loads again after a lost PostgreSQL connection")
                pause, lost = RETRY_FIRST, False
                yield StoreChange()
                while True:
                    async for note in conn.notifies(timeout=probe_after):
                        yield parse_change(note.payload)
                    await conn.execute("SELECT 1")
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            if not lost:
                log.warning("lost the PostgreSQL connection that listens for loads: %s", exc)
            lost = True
            await asyncio.sleep(pause)
            pause = min(pause * 2, RETRY_LAST)
