"""The fake attachment CDN: signed-looking URLs (``?ex=&is=&hm=``) and the handler serving them.

Owns URL signing/verification; a URL whose query string was stripped, altered or has expired
gets the 404 real Discord's CDN gives ("This content is no longer available.").
"""

from __future__ import annotations

import hashlib
import hmac
import mimetypes
import time
from urllib.parse import quote

from aiohttp import web

from tests.fakediscord.state import Attachment, World

LIFETIME_S = 24 * 3600
WORLD_KEY = web.AppKey("world", World)


def _signature(world: World, path: str, expires: str, issued: str) -> str:
    message = f"{path}:{expires}:{issued}".encode()
    return hmac.new(world.cdn_secret, message, hashlib.sha256).hexdigest()


def guess_content_type(filename: str) -> str | None:
    """Discord's ``content_type`` for an upload: the MIME type, with charset for text."""
    kind, _ = mimetypes.guess_type(filename)
    if kind is None and filename.lower().endswith(".csv"):
        kind = "text/csv"
    if kind is not None and kind.startswith("text/"):
        return f"{kind}; charset=utf-8"
    return kind


def add_file(
    world: World, channel_id: int, filename: str, data: bytes, content_type: str | None
) -> Attachment:
    """Stores a file on the CDN and returns it with its signed URL."""
    attachment_id = world.snowflakes.next()
    item = Attachment(attachment_id, channel_id, filename, data, content_type)
    path = f"/attachments/{channel_id}/{attachment_id}/{quote(filename)}"
    issued = f"{int(time.time()):x}"
    expires = f"{int(time.time()) + LIFETIME_S:x}"
    signature = _signature(world, path, expires, issued)
    item.url = f"{world.http_base}{path}?ex={expires}&is={issued}&hm={signature}"
    world.attachments[attachment_id] = item
    return item


async def serve(request: web.Request) -> web.Response:
    """GET /attachments/{channel}/{id}/{filename}?ex=&is=&hm=."""
    world = request.app[WORLD_KEY]
    gone = web.Response(status=404, text="This content is no longer available.")
    expires, issued, signature = (request.query.get(k, "") for k in ("ex", "is", "hm"))
    path = request.raw_path.split("?", 1)[0]
    expected = _signature(world, path, expires, issued)
    if not hmac.compare_digest(signature, expected):
        return gone
    try:
        if int(expires, 16) < time.time():
            return gone
        item = world.attachments[int(request.match_info["attachment_id"])]
    except (ValueError, KeyError):
        return gone
    return web.Response(
        body=item.data, headers={"Content-Type": item.content_type or "application/octet-stream"}
    )
