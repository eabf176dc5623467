"""Message rules: content, embed and component limits are enforced on every path a bot sends
a message (channel messages, interaction callbacks, followups, edits of @original)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.fakediscord.api import FakeDiscord, InteractionFailed
from tests.fakediscord.conftest import RawBot
from tests.fakediscord.rawclient import raw

Json = dict[str, Any]


def button(custom_id: str) -> Json:
    return {"type": 2, "style": 1, "label": "b", "custom_id": custom_id}


def row(*components: Json) -> Json:
    return {"type": 1, "components": list(components)}


def select(custom_id: str, n_options: int) -> Json:
    options = [{"label": f"o{i}", "value": f"v{i}"} for i in range(n_options)]
    return {"type": 3, "custom_id": custom_id, "options": options}


def embed(**fields: Any) -> Json:
    return {"type": "rich", **fields}


def field(name: str = "n", value: str = "v") -> Json:
    return {"name": name, "value": value}


BAD: dict[str, tuple[Json, str]] = {
    "content over 2000": ({"content": "x" * 2001}, "content"),
    "11 embeds": ({"embeds": [embed(title="t")] * 11}, "embeds"),
    "26 fields": ({"embeds": [embed(fields=[field()] * 26)]}, "embeds.0.fields"),
    "title over 256": ({"embeds": [embed(title="t" * 257)]}, "embeds.0.title"),
    "description over 4096": ({"embeds": [embed(description="d" * 4097)]}, "embeds.0.description"),
    "field name over 256": ({"embeds": [embed(fields=[field(name="n" * 257)])]}, "embeds.0.fields.0.name"),
    "field value over 1024": ({"embeds": [embed(fields=[field(value="v" * 1025)])]}, "embeds.0.fields.0.value"),
    "empty field value": ({"embeds": [embed(fields=[field(value="")])]}, "embeds.0.fields.0.value"),
    "footer over 2048": ({"embeds": [embed(footer={"text": "f" * 2049})]}, "embeds.0.footer.text"),
    "embeds over 6000 in total": ({"embeds": [embed(description="d" * 3001)] * 2}, "embeds"),
    "6 action rows": ({"components": [row(button(f"b{i}")) for i in range(6)]}, "components"),
    "6 buttons in a row": ({"components": [row(*[button(f"b{i}") for i in range(6)])]}, "components.0.components"),
    "select beside a button": ({"components": [row(select("s", 2), button("b"))]}, "components.0.components"),
    "custom_id over 100": ({"components": [row(button("c" * 101))]}, "components.0.components.0.custom_id"),
    "select with 26 options": ({"components": [row(select("s", 26))]}, "components.0.components.0.options"),
    "duplicate custom_id": ({"components": [row(button("same"), button("same"))]}, "components.0.components.1.custom_id"),
    "bare button, no row": ({"content": "x", "components": [button("b")]}, "components.0.type"),
}  # fmt: skip

AT_THE_LIMITS: Json = {
    "content": "x" * 2000,
    "embeds": [
        embed(title="t" * 256, description="d" * 3000, fields=[field("n" * 256, "v" * 1024)]),
        embed(fields=[field("n", "v")] * 25, footer={"text": "f" * 1000}),
    ],
    "components": [row(*[button(f"{r}{i}" + "c" * 98) for i in range(5)]) for r in range(4)]
    + [row(select("s" * 100, 25))],
}  # fmt: skip


def error_at(body: Json, dotted: str) -> Json:
    node: Json = body["errors"]
    for key in dotted.split("."):
        node = node[key]
    return node


@pytest.mark.parametrize("name", list(BAD))
async def test_channel_message_rules(fake: FakeDiscord, name: str) -> None:
    body, where = BAD[name]
    channel = fake.default_guild.default_channel
    async with raw(fake) as (rest, _):
        response = await rest.request("POST", f"/channels/{channel.id}/messages", body)
    assert response.status == 400, response.body
    assert response.body["code"] == 50035 and response.body["message"] == "Invalid Form Body"
    assert error_at(response.body, where)["_errors"]
    assert fake.channel_messages[channel.id] == []
    [violation] = fake.take_violations()
    assert violation.code == 50035


async def test_message_at_the_limits_is_accepted(fake: FakeDiscord) -> None:
    channel = fake.default_guild.default_channel
    async with raw(fake) as (rest, _):
        response = await rest.request("POST", f"/channels/{channel.id}/messages", AT_THE_LIMITS)
        empty = await rest.request("POST", f"/channels/{channel.id}/messages", {"content": ""})
    assert response.status == 200, response.body
    assert int(response.body["id"]) > 0 and response.body["content"] == "x" * 2000
    assert (empty.status, empty.body["code"]) == (400, 50006)
    assert [v.code for v in fake.take_violations()] == [50006]


@pytest.mark.parametrize(
    "name",
    ["content over 2000", "embeds over 6000 in total", "6 buttons in a row", "custom_id over 100"],
)
async def test_interaction_response_rules(fake: FakeDiscord, rawbot: RawBot, name: str) -> None:
    body, where = BAD[name]
    pending = asyncio.create_task(fake.slash("echo", text="hi"))
    interaction = await rawbot.gateway.until("INTERACTION_CREATE")
    response = await rawbot.rest.callback(interaction, {"type": 4, "data": body})
    assert response.status == 400
    assert error_at(response.body, "data." + where)["_errors"]
    with pytest.raises(InteractionFailed, match="rejected"):
        await pending
    assert [v.code for v in fake.take_violations()] == [50035]


@pytest.mark.parametrize("name", ["field value over 1024", "select with 26 options"])
async def test_followup_and_edit_rules(fake: FakeDiscord, rawbot: RawBot, name: str) -> None:
    body, where = BAD[name]
    pending = asyncio.create_task(fake.slash("echo", text="hi"))
    interaction = await rawbot.gateway.until("INTERACTION_CREATE")
    deferred = await rawbot.rest.callback(interaction, {"type": 5})
    assert deferred.status == 200 and deferred.body["interaction"]["response_message_loading"]
    reply = await pending
    hook = f"/webhooks/{fake.application_id}/{interaction['token']}"
    followup = await rawbot.rest.request("POST", hook + "?wait=1", body, auth=False)
    edit = await rawbot.rest.request("PATCH", hook + "/messages/@original", body, auth=False)
    assert (followup.status, edit.status) == (400, 400)
    assert error_at(followup.body, where) and error_at(edit.body, where)
    assert reply.followups == [] and reply.edits == [] and reply.deferred
    assert [v.code for v in fake.take_violations()] == [50035, 50035]
