"""Process tuning: garbage collection off the interaction path of the long-running bot, and off
the whole of a one-shot command.

A one-shot command (``gamesbot medals korea``) imports its modules, reads one Games and answers:
nearly all it allocates lives until the process ends, so a collection finds nothing to free and
only costs time. ``collection_paused`` turns automatic collection off while such a command runs,
and ``freeze_at_exit`` keeps what it leaves out of the collections Python makes as the process
shuts down: they went through every object the command made, to free nothing the end of the
process would not (about 30 ms of ``gamesbot medals korea``, more than its answer took).

Once started, almost everything the bot holds lives for the whole run (libraries, the data, its
indexes), and what an interaction allocates is freed by reference counting as soon as it is
answered. So ``gamesbot run`` freezes what exists at start-up out of the collector's view, turns
automatic collection off, and collects cycles itself every few seconds from a background task,
between interactions rather than in the middle of one (this is what made the p99 of /medals
noisy: see docs/benchmarks.md). A load builds new views, which live until the next load: the
collector is told of each rebuild and freezes the new views too, after one full collection (else
every full collection walks them: 8–40 ms with both bundled Games, a pause of the event loop
each time)."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import gc
from collections.abc import Callable, Iterator

from bot.domain.models import build_schemas

COLLECT_EVERY = 5.0
FULL_EVERY = 12


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic garbage collection off inside the block, back as it was after it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def freeze_at_exit() -> None:
    """When the process exits, before Python's own collections as it shuts down, freeze every
    object alive out of them (``gc.freeze``). Nothing changes until then: a caller that goes on
    running (a test calling ``main``) collects as before."""
    atexit.register(gc.freeze)


def settle_memory() -> None:
    """Build every model's validator (one-shot commands build them when first used; the bot
    would build them in its first answers), collect once, then freeze everything alive now
    out of future collections."""
    build_schemas()
    gc.collect()
    gc.freeze()


async def collect_in_background(
    interval: float = COLLECT_EVERY, rebuilt: Callable[[], object] | None = None
) -> None:
    """Turn automatic collection off and collect every ``interval`` seconds instead (young
    generations each time, everything every ``FULL_EVERY`` times) until cancelled, then turn
    automatic collection back on. ``rebuilt`` tells when the long-lived data changed (its value
    changes with each rebuild of the views): the next round then collects everything and freezes
    what is alive, so that later collections do not walk the new views again and again."""
    gc.disable()
    seen = rebuilt() if rebuilt is not None else None
    try:
        rounds = 0
        while True:
            await asyncio.sleep(interval)
            rounds += 1
            now = rebuilt() if rebuilt is not None else None
            if now != seen:
                seen = now
                gc.collect()
                gc.freeze()
            else:
                gc.collect(2 if rounds % FULL_EVERY == 0 else 1)
    finally:
        gc.enable()
