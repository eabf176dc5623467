"""The fake gateway: one websocket endpoint speaking Discord's gateway protocol (v10, JSON).

Owns sessions (HELLO, heartbeat ACK, IDENTIFY -> READY + GUILD_CREATE, RESUME with replay of
missed events), shard ownership of guilds, dispatching events to the owning shard, and dropping
connections on request. Frames are uncompressed JSON text (discord.py accepts them).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakediscord import factories
from tests.fakediscord.reply import Changes
from tests.fakediscord.state import World

Json = dict[str, Any]

HELLO, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, REQUEST_MEMBERS = 10, 1, 2, 6, 7, 8
INVALID_SESSION, HEARTBEAT_ACK, DISPATCH = 9, 11, 0
PRESENCE_UPDATE, VOICE_STATE_UPDATE = 3, 4
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)
HEARTBEAT_INTERVAL_MS = 41_250


@dataclass
class Session:
    """One gateway session (survives dropped connections until it is resumed)."""

    session_id: str
    shard: tuple[int, int] | None
    identify: Json
    seq: int = 0
    buffer: list[Json] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    request: web.Request | None = None
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    resumes: int = 0
    replayed: int = 0
    changes: Changes | None = None

    @property
    def shard_id(self) -> int:
        return self.shard[0] if self.shard else 0

    def owns(self, guild_id: int | None) -> bool:
        if self.shard is None:
            return True
        shard_id, count = self.shard
        if guild_id is None:
            return shard_id == 0
        return factories.shard_of(guild_id, count) == shard_id

    async def send_dispatch(self, event: str, data: Json) -> None:
        """Sends (or, while disconnected, buffers for replay) one DISPATCH event."""
        async with self.lock:
            self.seq += 1
            frame = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
            self.buffer.append(frame)
            if self.ws is not None:
                await _send(self.ws, frame)
        if self.changes is not None:
            self.changes.notify()


async def _send(ws: web.WebSocketResponse, frame: Json) -> None:
    with contextlib.suppress(ConnectionError, RuntimeError):
        await ws.send_str(json.dumps(frame))


@dataclass
class Connection:
    """A record of one websocket connection (for tests that assert on the handshake)."""

    path: str
    query: dict[str, str]
    kind: str = "pending"  # "identify" | "resume" | "pending"
    shard: tuple[int, int] | None = None


class Gateway:
    """All sessions of the fake; aiohttp handler for ``/gateway`` and ``/resume``."""

    def __init__(self, world: World, ws_base: Callable[[], str]) -> None:
        self.world = world
        self.ws_base = ws_base
        self.sessions: list[Session] = []
        self.connections: list[Connection] = []
        # Cleared by a test to hold RESUMEs (deterministically buffer events meanwhile).
        self.resume_gate = asyncio.Event()
        self.resume_gate.set()

    # --- queries -------------------------------------------------------------------------

    def connected(self) -> list[Session]:
        return [s for s in self.sessions if s.ws is not None]

    def owner(self, guild_id: int | None) -> Session | None:
        """The most recent session of the shard that owns the guild (DMs: shard 0)."""
        for session in reversed(self.sessions):
            if session.owns(guild_id):
                return session
        return None

    @property
    def resumes(self) -> int:
        return sum(s.resumes for s in self.sessions)

    # --- actions -------------------------------------------------------------------------

    async def dispatch(self, event: str, data: Json, guild_id: int | None) -> Session:
        session = self.owner(guild_id)
        if session is None:
            raise LookupError(f"no bot session owns guild {guild_id}; is the bot connected?")
        await session.send_dispatch(event, data)
        return session

    async def drop(self, shard_id: int | None = None, code: int | None = None) -> int:
        """Drops live connections (abruptly, or with a close code); returns how many."""
        targets = [s for s in self.connected() if shard_id is None or s.shard_id == shard_id]
        for session in targets:
            ws, request = session.ws, session.request
            session.ws = None
            if code is None and request is not None and request.transport is not None:
                request.transport.abort()
            elif ws is not None:
                await ws.close(code=code or 4000, message=b"dropped by test")
        for session in targets:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(session.closed.wait(), 5)
        self.world.changes.notify()
        return len(targets)

    async def close_all(self) -> None:
        for session in self.connected():
            if session.ws is not None:
                await session.ws.close(code=1001)

    # --- protocol ------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        connection = Connection(request.path, dict(request.query))
        self.connections.append(connection)
        await _send(
            ws,
            {"op": HELLO, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}, "s": None, "t": None},
        )
        session: Session | None = None
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                try:
                    frame = json.loads(msg.data)
                    op = frame.get("op")
                except (ValueError, AttributeError):
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                if op == HEARTBEAT:
                    await _send(ws, {"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
                elif op == IDENTIFY:
                    if session is not None:
                        await ws.close(code=4005, message=b"Already authenticated.")
                        break
                    session = await self._identify(ws, request, frame.get("d") or {}, connection)
                    if session is None:
                        break
                elif op == RESUME:
                    session = await self._resume(ws, request, frame.get("d") or {}, connection)
                    if session is None:
                        continue
                elif op not in (REQUEST_MEMBERS, PRESENCE_UPDATE, VOICE_STATE_UPDATE):
                    await ws.close(code=4001, message=b"Unknown opcode.")
                    break
                elif session is None:
                    await ws.close(code=4003, message=b"Not authenticated.")
                    break
                elif op == REQUEST_MEMBERS:
                    await self._chunk(session, frame.get("d") or {})
        finally:
            if session is not None:
                if session.ws is ws:
                    session.ws = None
                session.closed.set()
            self.world.changes.notify()
        return ws

    async def _identify(
        self, ws: web.WebSocketResponse, request: web.Request, data: Json, connection: Connection
    ) -> Session | None:
        if data.get("token") != self.world.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        shard_raw = data.get("shard")
        shard: tuple[int, int] | None = None
        if shard_raw is not None:
            if (
                not isinstance(shard_raw, list)
                or len(shard_raw) != 2
                or not 0 <= int(shard_raw[0]) < int(shard_raw[1])
            ):
                await ws.close(code=4010, message=b"Invalid shard.")
                return None
            shard = (int(shard_raw[0]), int(shard_raw[1]))
        intents = data.get("intents")
        if not isinstance(intents, int):
            await ws.close(code=4013, message=b"Invalid intent(s).")
            return None
        if intents & PRIVILEGED_INTENTS & ~self.world.privileged_intents:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return None
        session = Session(
            secrets.token_hex(16), shard, data, ws=ws, request=request, changes=self.world.changes
        )
        connection.kind, connection.shard = "identify", shard
        self.sessions.append(session)
        guilds = [g for g in self.world.guilds.values() if session.owns(g.id)]
        ready: Json = {
            "v": 10,
            "user": self.world.bot_user.payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": f"{self.ws_base()}/resume",
            "application": {"id": str(self.world.app_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "user_settings": {},
            "geo_ordered_rtc_regions": [],
        }
        if shard is not None:
            ready["shard"] = list(shard)
        await session.send_dispatch("READY", ready)
        for guild in guilds:
            await session.send_dispatch("GUILD_CREATE", guild.payload())
        self.world.changes.notify()
        return session

    async def _resume(
        self, ws: web.WebSocketResponse, request: web.Request, data: Json, connection: Connection
    ) -> Session | None:
        if data.get("token") != self.world.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        session = next((s for s in self.sessions if s.session_id == data.get("session_id")), None)
        if session is None or session.ws is not None:
            await _send(ws, {"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return None
        last = int(data.get("seq") or 0)
        await self.resume_gate.wait()
        async with session.lock:
            for frame in session.buffer:
                if frame["s"] > last:
                    session.replayed += 1
                    await _send(ws, frame)
            session.ws, session.request = ws, request
            session.closed = asyncio.Event()
            session.resumes += 1
        connection.kind, connection.shard = "resume", session.shard
        await session.send_dispatch("RESUMED", {})
        self.world.changes.notify()
        return session

    async def _chunk(self, session: Session, data: Json) -> None:
        raw_ids = data.get("guild_id")
        guild_ids: list[Any] = raw_ids if isinstance(raw_ids, list) else [raw_ids]
        for raw in guild_ids:
            guild = self.world.guilds.get(int(raw)) if raw is not None else None
            if guild is None:
                continue
            await session.send_dispatch(
                "GUILD_MEMBERS_CHUNK",
                {
                    "guild_id": str(guild.id),
                    "members": [m.payload() for m in guild.members],
                    "chunk_index": 0,
                    "chunk_count": 1,
                    "not_found": [],
                    "nonce": data.get("nonce"),
                },
            )
