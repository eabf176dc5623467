"""What every Discord handler needs: the service, the settings and the lifecycle (in-flight
interactions, shutdown). Owns the per-client context and the one log line per interaction."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import discord

from bot.service import GamesService
from bot.settings import Settings

log = logging.getLogger("bot.interactions")

_ATTRIBUTE = "_gamesbot_ui"


class Lifecycle:
    """Counts interactions in flight, so shutdown can stop taking new ones and finish the rest."""

    def __init__(self) -> None:
        self.closing = False
        self.inflight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def begin(self) -> None:
        self.inflight += 1
        self._idle.clear()

    def end(self) -> None:
        self.inflight -= 1
        if self.inflight <= 0:
            self.inflight = 0
            self._idle.set()

    async def drain(self, timeout: float) -> bool:  # noqa: ASYNC109
        """Stop taking interactions and wait for those in flight; True when all finished."""
        self.closing = True
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True


@dataclass
class Outcome:
    """How one interaction ended, for its log line."""

    value: str = "answered"
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class UiContext:
    """The service and settings behind one Discord client."""

    service: GamesService
    settings: Settings
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
    pending_loads: dict[str, Any] = field(default_factory=dict)

    def track(
        self, interaction: discord.Interaction[Any], command: str, **arguments: Any
    ) -> Tracked:
        """Count the interaction as in flight and log it once: command, arguments, latency, outcome.
        No message content beyond the command's own arguments is logged."""
        return Tracked(self.lifecycle, interaction, command, arguments)


class Tracked:
    """One interaction in flight (``UiContext.track``), as an ``async with`` block: counted
    while it runs, its ``Outcome`` given to the block, and logged once as it ends (an exception
    leaving the block is an error, and goes on). A class rather than a generator: entering it
    is on every fan's interaction, before the answer."""

    __slots__ = ("_arguments", "_command", "_interaction", "_lifecycle", "_started", "outcome")

    def __init__(
        self,
        lifecycle: Lifecycle,
        interaction: discord.Interaction[Any],
        command: str,
        arguments: dict[str, Any],
    ) -> None:
        self._lifecycle = lifecycle
        self._interaction = interaction
        self._command = command
        self._arguments = arguments
        self._started = 0.0
        self.outcome = Outcome()

    async def __aenter__(self) -> Outcome:
        self._started = time.perf_counter()
        self._lifecycle.begin()
        return self.outcome

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        outcome = self.outcome
        if kind is not None:
            outcome.value = "error"
        self._lifecycle.end()
        interaction = self._interaction
        latency_ms = (time.perf_counter() - self._started) * 1000
        log.info(
            "interaction %s %s in %.1f ms",
            self._command,
            outcome.value,
            latency_ms,
            extra={
                "interaction_id": interaction.id,
                "command": self._command,
                "arguments": {k: v for k, v in self._arguments.items() if v is not None},
                "latency_ms": round(latency_ms, 2),
                "outcome": outcome.value,
                "guild_id": interaction.guild_id,
                "user_id": interaction.user.id if interaction.user else None,
                **outcome.detail,
            },
        )


def attach(client: discord.Client, context: UiContext) -> None:
    """Make ``context`` reachable from every interaction of ``client``."""
    setattr(client, _ATTRIBUTE, context)


def ui_context(client: discord.Client) -> UiContext:
    """The context attached to ``client``."""
    context = getattr(client, _ATTRIBUTE, None)
    if not isinstance(context, UiContext):
        raise RuntimeError("this client has no gamesbot front-end attached")
    return context
