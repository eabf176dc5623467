"""A bot process for subprocess end-to-end tests: ``python -m tests.fakediscord.botprocess``.

Owns only the glue the production entry point will have: build ``Settings`` from the
environment and call :func:`bot.discord_ui.client.run_bot` with the throwaway commands; SIGTERM
cancels the run so the client closes cleanly. Swap the argv for ``gamesbot run`` once it exists.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from bot.discord_ui.client import run_bot
from bot.settings import Settings
from tests.fakediscord.throwaway import install_throwaway_commands


async def _run(settings: Settings) -> None:
    task = asyncio.ensure_future(run_bot(settings, install_throwaway_commands))
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await task


def main() -> None:
    settings = Settings()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(name)s %(message)s")
    asyncio.run(_run(settings))


if __name__ == "__main__":
    main()
