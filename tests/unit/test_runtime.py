"""Garbage collection off the interaction path: automatic collection is off while the background
collector runs, cycles are still collected, and cancelling turns automatic collection back on."""

from __future__ import annotations

import asyncio
import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

from bot.runtime import collect_in_background, collection_paused


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


async def test_collector_replaces_automatic_collection_and_still_frees_cycles() -> None:
    assert gc.isenabled()
    task = asyncio.create_task(collect_in_background(interval=0.01))
    await asyncio.sleep(0)
    try:
        assert not gc.isenabled()
        a, b = Node(), Node()
        a.other, b.other = b, a
        watch = weakref.ref(a)
        del a, b
        for _ in range(100):
            if watch() is None:
                break
            await asyncio.sleep(0.01)
        assert watch() is None, "the cycle was never collected"
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert gc.isenabled()


def test_collection_is_paused_inside_the_block_and_restored_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner pause leaves the outer one in force
    assert gc.isenabled()
    try:
        with collection_paused():
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.isenabled()


def test_freeze_at_exit_freezes_only_as_the_process_exits() -> None:
    """Nothing is frozen when it is called (a caller that goes on collects as before); every
    object alive is, once the exit handlers have run, before Python's own last collections."""
    probe = (
        "import atexit, gc\n"
        "from bot.runtime import freeze_at_exit\n"
        "atexit.register(lambda: print('at exit', gc.get_freeze_count() > 0))\n"
        "freeze_at_exit()\n"
        "print('after the call', gc.get_freeze_count())\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.splitlines() == ["after the call 0", "at exit True"]
