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


def _run(probe: str) -> subprocess.CompletedProcess[str]:
    """``probe`` run by a new interpreter that imports this checkout's ``bot``."""
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )


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
    done = _run(probe)
    assert done.stdout.splitlines() == ["after the call 0", "at exit True"]


def test_collector_freezes_what_a_rebuild_made_after_freeing_the_garbage() -> None:
    """While nothing is rebuilt the collector freezes nothing; after a rebuild its next round
    collects everything (garbage then is freed, not frozen for ever) and freezes what is alive
    (once: the count of frozen objects only falls after, as frozen objects die by reference count):
    the new long-lived data leaves the collections that would walk it again and again."""
    probe = (
        "import asyncio, gc, weakref\n"
        "from bot.runtime import collect_in_background\n"
        "class Node:\n"
        "    other = None\n"
        "async def main():\n"
        "    rebuilds = [0]\n"
        "    gc.collect(); gc.freeze(); base = gc.get_freeze_count()\n"
        "    task = asyncio.create_task(\n"
        "        collect_in_background(interval=0.01, rebuilt=lambda: rebuilds[0]))\n"
        "    await asyncio.sleep(0.1)\n"
        "    print('unchanged', gc.get_freeze_count() <= base)\n"
        "    views = [[i] for i in range(1000)]\n"
        "    a, b = Node(), Node(); a.other, b.other = b, a\n"
        "    watch = weakref.ref(a); del a, b\n"
        "    rebuilds[0] += 1\n"
        "    for _ in range(200):\n"
        "        await asyncio.sleep(0.01)\n"
        "        if gc.get_freeze_count() > base: break\n"
        "    print('frozen', gc.get_freeze_count() >= base + len(views))\n"
        "    print('garbage freed', watch() is None)\n"
        "    frozen = gc.get_freeze_count()\n"
        "    await asyncio.sleep(0.1)\n"
        "    print('once', gc.get_freeze_count() <= frozen)\n"
        "    task.cancel()\n"
        "    await asyncio.gather(task, return_exceptions=True)\n"
        "asyncio.run(main())\n"
    )
    done = _run(probe)
    assert done.stdout.splitlines() == [
        "unchanged True",
        "frozen True",
        "garbage freed True",
        "once True",
    ]
