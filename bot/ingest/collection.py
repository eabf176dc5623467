"""Cyclic garbage collection paused while a load is read and planned.

Reading a results file makes hundreds of thousands of objects that all stay alive until the plan
is written (records, domain models, name keys), and nearly none of them is ever part of a cycle.
With automatic collection on, every collection of the oldest generation walks all of them again,
which made a 50,000-row plan about twice as slow (see docs/benchmarks.md, "Loading large
files"). The running bot collects on its own schedule anyway (``bot.runtime``); this is for the
command line and any other caller that leaves automatic collection on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic collection off inside the block, back as it was after it (reference counting
    still frees everything that is not in a cycle at once)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
