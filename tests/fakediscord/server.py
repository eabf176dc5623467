"""The fake's HTTP server: an aiohttp app on 127.0.0.1 with an ephemeral port.

Owns the route table wiring (REST, CDN, gateway), and the middleware every REST request goes
through: body parsing (JSON or multipart ``payload_json`` + ``files[n]``), bot-token auth,
injected 429s, turning ``DiscordError`` into Discord's error responses, and recording requests
and violations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import BodyPartReader, web

from tests.fakediscord.cdn import WORLD_KEY
from tests.fakediscord.gateway import Gateway
from tests.fakediscord.rest import ARRIVED_KEY, FILES_KEY, JSON_KEY, Rest, json_response
from tests.fakediscord.rules import DiscordError
from tests.fakediscord.state import RecordedRequest, Violation, World

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
API_PREFIX = "/api/v10"
TOKEN_AUTHENTICATED = ("/interactions/", "/webhooks/")


async def _parse_body(request: web.Request, record: RecordedRequest) -> None:
    content_type = request.headers.get("Content-Type", "")
    if content_type.startswith("multipart/form-data"):
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, BodyPartReader):
                continue
            name = part.name or ""
            if name == "payload_json":
                record.json = json.loads(await part.text())
            else:
                record.files[name] = (part.filename or name, bytes(await part.read()))
        return
    raw = await request.read()
    if not raw:
        return
    if content_type != "application/json":
        raise DiscordError(400, 50109, "The request body contains invalid JSON.")
    try:
        record.json = json.loads(raw)
    except ValueError:
        raise DiscordError(400, 50109, "The request body contains invalid JSON.") from None


class Server:
    """Runs the aiohttp app; ``http_base`` and ``ws_url`` are known after ``start()``."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.gateway = Gateway(world, lambda: self.ws_base)
        self.rest = Rest(world)
        self.app = web.Application(middlewares=[self._middleware])
        self.app[WORLD_KEY] = world
        self.app.add_routes(self.rest.routes())
        self.app.add_routes(
            [
                web.get("/gateway", self.gateway.handle),
                web.get("/resume", self.gateway.handle),
            ]
        )
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def http_base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_base(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1: on ``port``, or an ephemeral port when it is 0."""
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or []
        self.port = int(sockets[0].getsockname()[1])
        self.world.http_base = self.http_base

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        request[ARRIVED_KEY] = self.world.loop_time()
        path = request.path
        if path in ("/gateway", "/resume"):
            return await handler(request)
        relative = path[len(API_PREFIX) :] if path.startswith(API_PREFIX) else path
        record = RecordedRequest(
            request.method, relative, dict(request.query), dict(request.headers), None, {}
        )
        try:
            response = await self._handle(request, handler, record, relative)
        except DiscordError as error:
            self.world.record_violation(
                Violation(
                    request.method, relative, error.status, error.code, error.message, error.errors
                )
            )
            response = json_response(error.body(), error.status)
            record.response = error.body()
        record.status = response.status
        if record.response is None and isinstance(response, web.Response) and response.body:
            try:
                record.response = json.loads(bytes(response.body))  # type: ignore[arg-type]
            except (ValueError, TypeError):
                record.response = None
        self.world.requests.append(record)
        self.world.changes.notify()
        return response

    async def _handle(
        self, request: web.Request, handler: Handler, record: RecordedRequest, relative: str
    ) -> web.StreamResponse:
        limited = self._rate_limited(request.method, relative)
        if limited is not None:
            return limited
        if path_is_api(request.path):
            if (
                not relative.startswith(TOKEN_AUTHENTICATED)
                and request.headers.get("Authorization") != f"Bot {self.world.token}"
            ):
                raise DiscordError(401, 0, "401: Unauthorized")
            await _parse_body(request, record)
            request[JSON_KEY] = record.json
            request[FILES_KEY] = record.files
        try:
            return await handler(request)
        except web.HTTPNotFound:
            if path_is_api(request.path):
                raise DiscordError(404, 0, "404: Not Found") from None
            raise
        except web.HTTPMethodNotAllowed:
            raise DiscordError(405, 0, "405: Method Not Allowed") from None

    def _rate_limited(self, method: str, path: str) -> web.Response | None:
        for rule in self.world.rate_limits:
            if rule.times > 0 and rule.method == method and re.search(rule.path_regex, path):
                rule.times -= 1
                body: dict[str, Any] = {
                    "message": "You are being rate limited.",
                    "retry_after": rule.retry_after,
                    "global": rule.is_global,
                }
                response = json_response(body, 429)
                response.headers.update(
                    {
                        "Via": "1.1 google",
                        "Retry-After": str(max(1, round(rule.retry_after))),
                        "X-RateLimit-Scope": "global" if rule.is_global else "user",
                    }
                )
                if rule.is_global:
                    response.headers["X-RateLimit-Global"] = "true"
                return response
        return None


def path_is_api(path: str) -> bool:
    return path.startswith(API_PREFIX + "/")
