"""What the bot sent back for one interaction: initial callback, edits of @original, followups.

Owns :class:`Reply` and the awaitable "something changed" signal tests use with timeouts, so a
hung bot fails the test instead of hanging it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from tests.fakediscord.rules import FLAG_EPHEMERAL, FLAG_LOADING, DiscordError

Json = dict[str, Any]

DEFAULT_TIMEOUT = 5.0


class Changes:
    """A level-triggered notifier: ``await until(predicate, timeout)`` re-checks on each change."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def until(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:  # noqa: ASYNC109
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                continue


class Reply:
    """Collects everything the bot answered to one interaction.

    ``message`` is the current state of the interaction's own message (@original, or the
    component's message after an UPDATE_MESSAGE); ``content``/``embeds``/``components``/
    ``ephemeral`` read from it. ``followups`` and ``edits`` grow as the bot sends more.
    """

    def __init__(self, interaction_id: int, token: str, kind: int) -> None:
        self.interaction_id = interaction_id
        self.token = token
        self.kind = kind
        self.callbacks: list[Json] = []
        self.response_type: int | None = None
        self.message: Json | None = None
        self.choices: list[Json] | None = None
        self.modal: Json | None = None
        self.shard_id = 0
        self.followups: list[Json] = []
        self.edits: list[Json] = []
        self.deleted = False
        self.error: DiscordError | None = None
        #: Seconds from Discord creating the interaction to the bot's first callback arriving
        #: (what Discord's 3-second deadline measures).
        self.answered_after: float | None = None
        self.changes = Changes()
        self._followups_seen = 0
        self._edits_seen = 0

    def __repr__(self) -> str:
        return (
            f"<Reply type={self.response_type} content={self.content!r} "
            f"embeds={len(self.embeds)} followups={len(self.followups)}>"
        )

    @property
    def content(self) -> str:
        return str((self.message or {}).get("content") or "")

    @property
    def embeds(self) -> list[Json]:
        return list((self.message or {}).get("embeds") or [])

    @property
    def components(self) -> list[Json]:
        return list((self.message or {}).get("components") or [])

    @property
    def flags(self) -> int:
        return int((self.message or {}).get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & FLAG_EPHEMERAL)

    @property
    def deferred(self) -> bool:
        """True while the message is still the "thinking..." placeholder of a defer."""
        return bool(self.flags & FLAG_LOADING)

    @property
    def answered(self) -> bool:
        return self.response_type is not None or self.error is not None

    async def wait_followup(self, timeout: float = DEFAULT_TIMEOUT) -> Json:  # noqa: ASYNC109
        """The next followup message not yet returned by this method."""
        index = self._followups_seen
        await self.changes.until(lambda: len(self.followups) > index, timeout, "a followup")
        self._followups_seen += 1
        return self.followups[index]

    async def wait_edit(self, timeout: float = DEFAULT_TIMEOUT) -> Json:  # noqa: ASYNC109
        """The message after the next edit of @original not yet returned by this method."""
        index = self._edits_seen
        await self.changes.until(lambda: len(self.edits) > index, timeout, "an edit of @original")
        self._edits_seen += 1
        return self.edits[index]

    async def wait_answered(self, timeout: float) -> None:  # noqa: ASYNC109
        await self.changes.until(lambda: self.answered, timeout, "the initial response")
