"""A deliberately minimal raw client (aiohttp HTTP + websocket) for the fake's own tests.

Owns nothing but test plumbing: it lets rule tests send exactly the bytes a misbehaving bot
would, without discord.py's own validation in the way.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp

from tests.fakediscord.api import FakeDiscord

Json = dict[str, Any]


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: Any


class RawRest:
    """Sends REST requests to the fake with the bot token."""

    def __init__(self, fake: FakeDiscord, session: aiohttp.ClientSession) -> None:
        self.fake = fake
        self.session = session

    async def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        auth: bool = True,
        data: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        all_headers = {"Authorization": f"Bot {self.fake.token}"} if auth else {}
        all_headers.update(headers or {})
        if body is not None:
            data = json.dumps(body)
            all_headers.setdefault("Content-Type", "application/json")
        url = path if path.startswith("http") else self.fake.api_base + path
        async with self.session.request(method, url, data=data, headers=all_headers) as resp:
            raw = await resp.read()
            parsed: Any = raw
            if resp.headers.get("Content-Type") == "application/json":
                parsed = json.loads(raw)
            return Response(resp.status, dict(resp.headers), parsed)

    async def sync(self, commands: list[Json], guild_id: int | None = None) -> Response:
        scope = f"/guilds/{guild_id}" if guild_id else ""
        path = f"/applications/{self.fake.application_id}{scope}/commands"
        return await self.request("PUT", path, commands)

    async def callback(self, interaction: Json, body: Json) -> Response:
        path = f"/interactions/{interaction['id']}/{interaction['token']}/callback?with_response=1"
        return await self.request("POST", path, body, auth=False)


class RawGateway:
    """One websocket connection speaking the gateway protocol by hand."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.seq: int | None = None

    async def receive(self, timeout: float = 5.0) -> Json:  # noqa: ASYNC109
        msg = await self.ws.receive(timeout=timeout)
        if msg.type is not aiohttp.WSMsgType.TEXT:
            raise ConnectionError(f"websocket closed: {msg.type} code={self.ws.close_code}")
        frame: Json = json.loads(msg.data)
        if frame.get("s") is not None:
            self.seq = frame["s"]
        return frame

    async def send(self, op: int, data: Any) -> None:
        await self.ws.send_str(json.dumps({"op": op, "d": data}))

    async def until(self, event: str, timeout: float = 5.0) -> Json:  # noqa: ASYNC109
        """Reads frames until a DISPATCH of ``event``; returns its ``d``."""
        async with asyncio.timeout(timeout):
            while True:
                frame = await self.receive()
                if frame.get("t") == event:
                    data: Json = frame["d"]
                    return data

    async def closed_with(self, timeout: float = 5.0) -> int | None:  # noqa: ASYNC109
        """Reads until the server closes; returns the close code."""
        async with asyncio.timeout(timeout):
            while True:
                msg = await self.ws.receive()
                if msg.type in (
                    aiohttp.WSMsgType.CLOSE,
                    aiohttp.WSMsgType.CLOSED,
                    aiohttp.WSMsgType.CLOSING,
                ):
                    return self.ws.close_code

    async def identify(
        self, fake: FakeDiscord, *, shard: list[int] | None = None, intents: int = 513
    ) -> Json:
        """HELLO, IDENTIFY; returns READY's data."""
        hello = await self.receive()
        assert hello["op"] == 10
        data: Json = {"token": fake.token, "intents": intents, "properties": {}}
        if shard is not None:
            data["shard"] = shard
        await self.send(2, data)
        return await self.until("READY")


@asynccontextmanager
async def raw(fake: FakeDiscord) -> AsyncIterator[tuple[RawRest, aiohttp.ClientSession]]:
    async with aiohttp.ClientSession() as session:
        yield RawRest(fake, session), session


@asynccontextmanager
async def gateway(session: aiohttp.ClientSession, url: str) -> AsyncIterator[RawGateway]:
    async with session.ws_connect(url + "?v=10&encoding=json") as ws:
        yield RawGateway(ws)
