"""End-to-end sharding: guilds and interactions reach only the shard that owns them.

Two OS processes (SHARD_COUNT=2, SHARD_IDS=0 / 1) run the production ``run_bot`` path; one
in-process AutoShardedClient runs both shards.
"""

from __future__ import annotations

import pytest

from tests.fakediscord.api import FakeDiscord, InteractionFailed
from tests.fakediscord.factories import shard_of
from tests.fakediscord.fixtures import SpawnBot, StartBot, SyncCommands
from tests.fakediscord.gateway import Session
from tests.fakediscord.throwaway import install_throwaway_commands


def guild_ids_sent(session: Session) -> set[int]:
    return {
        int(frame["d"]["id"] if frame["t"] == "GUILD_CREATE" else frame["d"]["guild_id"])
        for frame in session.buffer
        if frame["t"] in ("GUILD_CREATE", "INTERACTION_CREATE")
    }


@pytest.mark.slow
async def test_two_shard_processes_each_get_only_their_guilds(
    fake: FakeDiscord, spawn_bot: SpawnBot, sync_commands_to_fake: SyncCommands
) -> None:
    zero = fake.add_guild("Harbin fans", shard=(0, 2))
    one = fake.add_guild("Seoul fans", shard=(1, 2))
    await sync_commands_to_fake(install_throwaway_commands)
    first = await spawn_bot(shard_count=2, shard_ids=[0])
    second = await spawn_bot(shard_count=2, shard_ids=[1])
    try:
        sessions = await fake.wait_ready(2, timeout=30)
    except TimeoutError:
        pytest.fail(f"bots not ready:\n{first.output()}\n{second.output()}")
    assert sorted(s.shard for s in sessions if s.shard) == [(0, 2), (1, 2)]

    answer_zero = await fake.slash("echo", text="zero", guild=zero)
    answer_one = await fake.slash("echo", text="one", guild=one)
    assert (answer_zero.content, answer_zero.shard_id) == ("echo: zero", 0)
    assert (answer_one.content, answer_one.shard_id) == ("echo: one", 1)
    for session in sessions:
        assert guild_ids_sent(session)
        assert all(shard_of(g, 2) == session.shard_id for g in guild_ids_sent(session))

    # Stop shard 1's process: shard 0 still answers, shard 1's guild gets no answer.
    second.process.terminate()
    assert await second.process.wait() == 0, second.output()
    fake.response_deadline = 0.5
    assert (await fake.slash("echo", text="still", guild=zero)).content == "echo: still"
    with pytest.raises(InteractionFailed):
        await fake.slash("echo", text="nobody", guild=one)
    assert [v.code for v in fake.take_violations()] == [10062]


async def test_auto_sharded_client_runs_both_shards(fake: FakeDiscord, start_bot: StartBot) -> None:
    zero = fake.add_guild("Shard zero", shard=(0, 2))
    one = fake.add_guild("Shard one", shard=(1, 2))
    bot = await start_bot(shard_count=2)
    assert sorted(bot.client.shards) == [0, 1]  # type: ignore[attr-defined]
    await fake.wait_ready(2)
    assert (await fake.slash("echo", text="a", guild=zero)).shard_id == 0
    assert (await fake.slash("echo", text="b", guild=one)).shard_id == 1
    assert {g.id for g in bot.client.guilds} >= {zero.id, one.id}
