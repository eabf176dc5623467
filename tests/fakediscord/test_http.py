"""HTTP-level behaviour: exact JSON content type, bot-token auth, invalid bodies, unknown routes,
injected 429s, multipart uploads and the signed attachment CDN."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.conftest import RawBot
from tests.fakediscord.factories import DISCORD_EPOCH_MS, Snowflakes, shard_of
from tests.fakediscord.rawclient import raw


async def test_json_content_type_is_exact(fake: FakeDiscord) -> None:
    async with raw(fake) as (rest, _):
        me = await rest.request("GET", "/users/@me")
        app = await rest.request("GET", "/oauth2/applications/@me")
        bot_gateway = await rest.request("GET", "/gateway/bot")
    assert me.headers["Content-Type"] == "application/json"
    assert me.body["id"] == str(fake.bot_user.id) and me.body["bot"] is True
    assert app.body["id"] == str(fake.application_id) and app.body["owner"]["id"]
    assert bot_gateway.body["url"].startswith("ws://127.0.0.1:")
    assert bot_gateway.body["shards"] == 1


async def test_requests_need_the_bot_token(fake: FakeDiscord) -> None:
    async with raw(fake) as (rest, _):
        anonymous = await rest.request("GET", "/users/@me", auth=False)
        wrong = await rest.request("GET", "/users/@me", auth=False,
                                   headers={"Authorization": "Bot nope"})  # fmt: skip
    assert (anonymous.status, wrong.status) == (401, 401)
    assert anonymous.body == {"code": 0, "message": "401: Unauthorized"}
    assert len(fake.take_violations()) == 2


async def test_bad_bodies_and_unknown_routes(fake: FakeDiscord) -> None:
    channel = fake.default_guild.default_channel
    path = f"/channels/{channel.id}/messages"
    async with raw(fake) as (rest, _):
        not_json = await rest.request("POST", path, data=b"{oops",
                                      headers={"Content-Type": "application/json"})  # fmt: skip
        form = await rest.request("POST", path, data=b"content=x",
                                  headers={"Content-Type": "text/plain"})  # fmt: skip
        unknown_channel = await rest.request("POST", "/channels/1/messages", {"content": "x"})
        unknown_route = await rest.request("GET", "/guilds/1/bans")
    assert (not_json.status, not_json.body["code"]) == (400, 50109)
    assert (form.status, form.body["code"]) == (400, 50109)
    assert (unknown_channel.status, unknown_channel.body["code"]) == (404, 10003)
    assert unknown_route.status == 404
    assert len(fake.take_violations()) == 4


async def test_rate_limit_injection(fake: FakeDiscord) -> None:
    fake.rate_limit("GET", r"^/users/@me$", times=1, retry_after=0.25)
    async with raw(fake) as (rest, _):
        limited = await rest.request("GET", "/users/@me")
        fine = await rest.request("GET", "/users/@me")
    assert limited.status == 429 and fine.status == 200
    assert limited.headers["Via"] and limited.headers["Content-Type"] == "application/json"
    assert limited.body["retry_after"] == 0.25 and limited.body["global"] is False
    assert [r.status for r in fake.requests] == [429, 200]


async def test_multipart_followup_and_signed_cdn(fake: FakeDiscord, rawbot: RawBot) -> None:
    pending = asyncio.create_task(fake.slash("echo", text="file"))
    interaction = await rawbot.gateway.until("INTERACTION_CREATE")
    await rawbot.rest.callback(interaction, {"type": 5})
    reply = await pending
    form = aiohttp.FormData()
    payload = {"content": "here", "attachments": [{"id": 0, "filename": "medals.csv"}]}
    form.add_field("payload_json", json.dumps(payload), content_type="application/json")
    form.add_field("files[0]", b"nation,gold\nCHN,32\n", filename="medals.csv")
    hook = f"/webhooks/{fake.application_id}/{interaction['token']}?wait=1"
    sent = await rawbot.rest.request("POST", hook, data=form, auth=False)
    assert sent.status == 200, sent.body
    [attachment] = sent.body["attachments"]
    assert attachment["filename"] == "medals.csv" and attachment["size"] == 19
    assert attachment["content_type"] == "text/csv; charset=utf-8"
    assert (await reply.wait_followup())["content"] == "here"
    url = attachment["url"]
    async with raw(fake) as (_, session):
        async with session.get(url) as ok:
            assert ok.status == 200 and await ok.read() == b"nation,gold\nCHN,32\n"
        async with session.get(url.split("?")[0]) as stripped:
            assert stripped.status == 404
        async with session.get(url[:-1] + ("0" if url[-1] != "0" else "1")) as tampered:
            assert tampered.status == 404


async def test_user_attachment_is_served(fake: FakeDiscord) -> None:
    upload = fake.attachment("mods.csv", b"a\nb\n")
    assert upload.payload()["content_type"] == "text/csv; charset=utf-8"
    assert {"ex=", "is=", "hm="} <= {part[:3] for part in upload.url.split("?")[1].split("&")}
    async with raw(fake) as (_, session), session.get(upload.url) as response:
        assert await response.read() == b"a\nb\n"


@pytest.mark.parametrize("count", [1, 2, 3, 16])
def test_snowflakes_are_realistic_and_shardable(count: int) -> None:
    snow = Snowflakes()
    for shard_id in range(count):
        value = snow.for_shard(shard_id, count)
        assert shard_of(value, count) == shard_id
        assert (value >> 22) + DISCORD_EPOCH_MS > 1_700_000_000_000
    assert len({snow.next() for _ in range(1000)}) == 1000
