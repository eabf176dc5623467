"""Interaction rules: one initial response, the 3-second deadline, autocomplete limits, valid
response types, followups only after the ACK, and the callback's 200 ``{interaction, resource}``.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import discord.utils
import pytest

from tests.fakediscord.api import FakeDiscord, InteractionFailed
from tests.fakediscord.conftest import RawBot

Json = dict[str, Any]


async def start_slash(fake: FakeDiscord, rawbot: RawBot) -> tuple[asyncio.Task[Any], Json]:
    pending = asyncio.create_task(fake.slash("echo", text="hi"))
    return pending, await rawbot.gateway.until("INTERACTION_CREATE")


async def test_interaction_payload_is_what_discord_py_needs(
    fake: FakeDiscord, rawbot: RawBot
) -> None:
    pending, interaction = await start_slash(fake, rawbot)
    for key in ("id", "application_id", "type", "token", "version", "attachment_size_limit"):
        assert key in interaction
    assert interaction["member"]["permissions"].isdigit()
    assert interaction["data"]["options"] == [{"name": "text", "type": 3, "value": "hi"}]
    assert interaction["data"]["id"] == fake.command("echo")["id"]
    response = await rawbot.rest.callback(interaction, {"type": 4, "data": {"content": "ok"}})
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.body["interaction"]["id"] == interaction["id"]
    message = response.body["resource"]["message"]
    assert response.body["interaction"]["response_message_id"] == message["id"]
    assert (await pending).content == "ok"


async def test_second_initial_response_gets_40060(fake: FakeDiscord, rawbot: RawBot) -> None:
    pending, interaction = await start_slash(fake, rawbot)
    first = await rawbot.rest.callback(interaction, {"type": 4, "data": {"content": "one"}})
    second = await rawbot.rest.callback(interaction, {"type": 4, "data": {"content": "two"}})
    assert first.status == 200
    assert (second.status, second.body["code"]) == (400, 40060)
    reply = await pending
    assert reply.content == "one" and len(reply.callbacks) == 1
    assert [v.code for v in fake.take_violations()] == [40060]


async def test_late_response_gets_10062(fake: FakeDiscord, rawbot: RawBot) -> None:
    fake.response_deadline = 0.2
    pending, interaction = await start_slash(fake, rawbot)
    with pytest.raises(InteractionFailed, match=r"within 0\.2 s"):
        await pending
    late = await rawbot.rest.callback(interaction, {"type": 4, "data": {"content": "late"}})
    assert (late.status, late.body["code"]) == (404, 10062)
    assert [v.code for v in fake.take_violations()] == [10062, 10062]


async def test_response_type_must_fit_the_interaction(fake: FakeDiscord, rawbot: RawBot) -> None:
    pending, interaction = await start_slash(fake, rawbot)
    wrong = await rawbot.rest.callback(interaction, {"type": 8, "data": {"choices": []}})
    assert (wrong.status, wrong.body["code"]) == (400, 50035)
    with pytest.raises(InteractionFailed, match="rejected"):
        await pending
    fake.take_violations()


async def test_followup_before_the_ack_is_refused(fake: FakeDiscord, rawbot: RawBot) -> None:
    pending, interaction = await start_slash(fake, rawbot)
    hook = f"/webhooks/{fake.application_id}/{interaction['token']}"
    early = await rawbot.rest.request("POST", hook + "?wait=1", {"content": "x"}, auth=False)
    assert (early.status, early.body["code"]) == (404, 10015)
    await rawbot.rest.callback(interaction, {"type": 5})
    followup = await rawbot.rest.request("POST", hook + "?wait=1", {"content": "x"}, auth=False)
    assert followup.status == 200
    reply = await pending
    assert reply.followups[0]["content"] == "x"
    assert [v.code for v in fake.take_violations()] == [10015]


@pytest.mark.parametrize(
    ("choices", "where"),
    [
        ({"choices": [{"name": f"n{i}", "value": f"v{i}"} for i in range(26)]}, None),
        ({"choices": [{"name": "", "value": "v"}]}, "name"),
        ({"choices": [{"name": "n" * 101, "value": "v"}]}, "name"),
        ({"choices": [{"name": "n", "value": "v" * 101}]}, "value"),
    ],
    ids=["26 choices", "empty name", "name over 100", "value over 100"],
)
async def test_autocomplete_limits(
    fake: FakeDiscord, rawbot: RawBot, choices: Json, where: str | None
) -> None:
    pending = asyncio.create_task(fake.autocomplete("find", "name", "cho"))
    interaction = await rawbot.gateway.until("INTERACTION_CREATE")
    assert interaction["type"] == 4
    assert interaction["data"]["options"] == [
        {"name": "name", "type": 3, "value": "cho", "focused": True}
    ]
    response = await rawbot.rest.callback(interaction, {"type": 8, "data": choices})
    assert (response.status, response.body["code"]) == (400, 50035)
    errors = response.body["errors"]["data"]["choices"]
    assert (errors["0"][where] if where else errors)["_errors"]
    with pytest.raises(InteractionFailed):
        await pending
    fake.take_violations()


async def test_autocomplete_at_the_limits(fake: FakeDiscord, rawbot: RawBot) -> None:
    pending = asyncio.create_task(fake.autocomplete("find", "name", ""))
    interaction = await rawbot.gateway.until("INTERACTION_CREATE")
    choices = [{"name": f"{i:02}" + "n" * 98, "value": "v" * 100} for i in range(25)]
    response = await rawbot.rest.callback(interaction, {"type": 8, "data": {"choices": choices}})
    assert response.status == 200
    assert await pending == choices


async def test_interactions_carry_realistic_snowflakes(fake: FakeDiscord, rawbot: RawBot) -> None:
    pending, interaction = await start_slash(fake, rawbot)
    await rawbot.rest.callback(interaction, {"type": 4, "data": {"content": "ok"}})
    await pending
    created = discord.utils.snowflake_time(int(interaction["id"]))
    assert abs((datetime.now(UTC) - created).total_seconds()) < 60
