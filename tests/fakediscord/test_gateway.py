"""Gateway protocol rules, driven by a raw websocket: HELLO, heartbeat ACK, IDENTIFY checks
(token, shard, intents), READY shape and shard ownership, RESUME replay and INVALID_SESSION."""

from __future__ import annotations

import asyncio

from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.factories import shard_of
from tests.fakediscord.rawclient import gateway, raw

MEMBERS_INTENT = 1 << 1


async def test_hello_heartbeat_and_ready(fake: FakeDiscord) -> None:
    async with raw(fake) as (_, session), gateway(session, fake.gateway_url) as gw:
        hello = await gw.receive()
        assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] > 0
        await gw.send(1, None)
        assert (await gw.receive())["op"] == 11
        await gw.send(2, {"token": fake.token, "intents": 513, "properties": {}})
        ready = await gw.until("READY")
        for key in ("user", "guilds", "session_id", "resume_gateway_url"):
            assert key in ready
        assert "shard" not in ready
        created = await gw.until("GUILD_CREATE")
        assert created["id"] == str(fake.default_guild.id)
        assert created["roles"][0]["id"] == created["id"]  # @everyone


async def closes_with(fake: FakeDiscord, op: int, data: object) -> int | None:
    async with raw(fake) as (_, session), gateway(session, fake.gateway_url) as gw:
        await gw.receive()
        await gw.send(op, data)
        return await gw.closed_with()


async def test_identify_rules(fake: FakeDiscord) -> None:
    ok = {"token": fake.token, "intents": 513, "properties": {}}
    assert await closes_with(fake, 2, {**ok, "token": "wrong"}) == 4004
    assert await closes_with(fake, 2, {**ok, "shard": [2, 2]}) == 4010
    assert await closes_with(fake, 2, {**ok, "intents": 513 | MEMBERS_INTENT}) == 4014
    assert await closes_with(fake, 2, {k: v for k, v in ok.items() if k != "intents"}) == 4013
    assert await closes_with(fake, 8, {"guild_id": "1"}) == 4003
    assert await closes_with(fake, 42, {}) == 4001


async def test_privileged_intents_allowed_when_enabled(fake: FakeDiscord) -> None:
    fake.world.privileged_intents = MEMBERS_INTENT
    async with raw(fake) as (_, session), gateway(session, fake.gateway_url) as gw:
        ready = await gw.identify(fake, intents=513 | MEMBERS_INTENT)
        assert ready["session_id"]


async def test_shards_get_only_their_guilds_and_interactions(fake: FakeDiscord) -> None:
    guilds = [fake.add_guild(f"g{i}", shard=(i % 2, 2)) for i in range(4)]
    async with raw(fake) as (rest, session):
        await rest.sync([{"name": "ping", "description": "Ping"}])
        async with (
            gateway(session, fake.gateway_url) as zero,
            gateway(session, fake.gateway_url) as one,
        ):
            for shard_id, gw in enumerate((zero, one)):
                ready = await gw.identify(fake, shard=[shard_id, 2])
                assert ready["shard"] == [shard_id, 2]
                owned = {int(g["id"]) for g in ready["guilds"]}
                assert owned and all(shard_of(g, 2) == shard_id for g in owned)
            for guild in guilds:
                pending = asyncio.create_task(fake.slash("ping", guild=guild))
                gw = (zero, one)[shard_of(guild.id, 2)]
                interaction = await gw.until("INTERACTION_CREATE")
                assert interaction["guild_id"] == str(guild.id)
                await rest.callback(interaction, {"type": 4, "data": {"content": "pong"}})
                assert (await pending).shard_id == shard_of(guild.id, 2)


async def test_resume_replays_missed_events(fake: FakeDiscord) -> None:
    async with raw(fake) as (rest, session):
        await rest.sync([{"name": "ping", "description": "Ping"}])
        async with gateway(session, fake.gateway_url) as gw:
            ready = await gw.identify(fake)
            await gw.until("GUILD_CREATE")
            seq = gw.seq
        pending = asyncio.create_task(fake.slash("ping"))
        await fake.world.changes.until(lambda: bool(fake.world.interactions), 5, "dispatch")
        async with gateway(session, ready["resume_gateway_url"]) as again:
            await again.receive()  # HELLO
            await again.send(6, {"token": fake.token, "session_id": ready["session_id"],
                                 "seq": seq})  # fmt: skip
            interaction = await again.until("INTERACTION_CREATE")
            assert (await again.receive())["t"] == "RESUMED"
            await rest.callback(interaction, {"type": 4, "data": {"content": "pong"}})
        assert (await pending).content == "pong"


async def test_resume_of_unknown_session_is_invalid(fake: FakeDiscord) -> None:
    async with raw(fake) as (_, session), gateway(session, fake.gateway_url) as gw:
        await gw.receive()
        await gw.send(6, {"token": fake.token, "session_id": "nope", "seq": 3})
        invalid = await gw.receive()
        assert invalid["op"] == 9 and invalid["d"] is False


async def test_drop_connection_is_abrupt(fake: FakeDiscord) -> None:
    async with raw(fake) as (_, session), gateway(session, fake.gateway_url) as gw:
        await gw.identify(fake)
        assert await fake.drop_connection() == 1
        code = await gw.closed_with()
        assert code in (None, 1006)
