"""Loads seen everywhere: follow the store's feed of loads and undos (from any process) and
rebuild the views they changed, so that a load made by another shard, machine or ``gamesbot
load`` shows here within a second. After the feed's "anything may have changed" (it started, or
reconnected after losing the database), every Games' last load id is checked, so nothing made
meanwhile is missed. A store without a feed (SQLite) ends it at once: the announcer's polling
(``Library.refresh_if_changed`` every few seconds) is then all there is."""

from __future__ import annotations

import asyncio
import logging

from bot.domain.ports import ResultsStore, StoreChange
from bot.service.library import Library

log = logging.getLogger(__name__)
RETRY_AFTER = 5.0


def _is_news(library: Library, change: StoreChange) -> bool:
    """False only for a change the library's view of that Games already shows."""
    if change.games_id is None or change.load_id is None:
        return True
    if change.games_id not in library.games_ids:
        return True
    last = library.view(change.games_id).index.data.last_load
    return last is None or last.load_id != change.load_id


async def follow_store_changes(
    library: Library, store: ResultsStore, *, retry_after: float = RETRY_AFTER
) -> None:
    """Rebuild what each change touched, until cancelled (or at once, for a store without a
    feed). A failed rebuild is logged and retried at the next change or poll; a feed that fails
    is logged and opened again after ``retry_after`` seconds."""
    while True:
        try:
            async for change in store.changes():
                if _is_news(library, change):
                    await _rebuild(library)
            return
        except Exception:
            log.exception("the store's change feed failed; opening it again")
            await asyncio.sleep(retry_after)


async def _rebuild(library: Library) -> None:
    try:
        refreshed = await library.refresh_if_changed()
    except Exception:
        log.exception("rebuilding after a change in the store failed; will try again")
        return
    if refreshed:
        log.info("rebuilt %s after a change in the store", ", ".join(refreshed))
