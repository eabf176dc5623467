"""Fixtures for the fake's own rule tests: a raw bot (no discord.py) synced and identified."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.rawclient import RawGateway, RawRest, gateway, raw

ECHO = {
    "name": "echo",
    "description": "Say it back",
    "options": [{"name": "text", "description": "What", "type": 3, "required": True}],
}
FIND = {
    "name": "find",
    "description": "Find an athlete",
    "options": [{"name": "name", "description": "Who", "type": 3, "autocomplete": True}],
}
MOD = {"name": "mod", "description": "Moderators", "default_member_permissions": "32"}


@dataclass
class RawBot:
    rest: RawRest
    gateway: RawGateway
    ready: dict[str, Any]


@pytest.fixture
async def rawbot(fake: FakeDiscord) -> AsyncIterator[RawBot]:
    async with raw(fake) as (rest, session):
        synced = await rest.sync([ECHO, FIND, MOD])
        assert synced.status == 200, synced.body
        async with gateway(session, fake.gateway_url) as gw:
            ready = await gw.identify(fake)
            yield RawBot(rest, gw, ready)
