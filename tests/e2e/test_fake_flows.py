"""End-to-end: a real discord.py client (built by bot.discord_ui.client) against the fake.

Covers login + sync + READY, slash commands, autocomplete, defer + followups, buttons and
selects, attachments from the CDN, channel messages, permissions and the 3-second deadline.
"""

from __future__ import annotations

import pytest

from tests.fakediscord.api import FakeDiscord, InteractionFailed, NotPermitted
from tests.fakediscord.fixtures import StartBot, SyncCommands
from tests.fakediscord.throwaway import install_throwaway_commands

THROWAWAY = {
    "echo",
    "progress",
    "athlete",
    "slow",
    "counter",
    "pick",
    "lines",
    "modonly",
    "noop",
    "announce",
}


async def test_login_sync_and_ready(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot()
    assert bot.client.user is not None and bot.client.user.id == fake.bot_user.id
    calls = [(r.method, r.path) for r in fake.requests]
    assert ("GET", "/users/@me") in calls
    assert ("GET", "/oauth2/applications/@me") in calls
    assert ("PUT", f"/applications/{fake.application_id}/commands") in calls
    assert {c["name"] for c in fake.commands[None]} == THROWAWAY
    assert [g.id for g in bot.client.guilds] == [fake.default_guild.id]
    [connection] = fake.gateway.connections
    assert connection.kind == "identify" and connection.query["v"] == "10"
    assert all(r.status < 400 for r in fake.requests)


async def test_sync_does_not_connect_and_can_target_a_guild(
    fake: FakeDiscord, sync_commands_to_fake: SyncCommands
) -> None:
    names = await sync_commands_to_fake(install_throwaway_commands, fake.default_guild)
    assert set(names) == THROWAWAY
    assert {c["name"] for c in fake.commands[fake.default_guild.id]} == THROWAWAY
    assert None not in fake.commands
    assert fake.gateway.connections == []


async def test_slash_command_answered(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await fake.slash("echo", text="Korea leads")
    assert reply.content == "echo: Korea leads"
    assert not reply.ephemeral
    assert reply.message is not None and reply.message["author"]["id"] == str(fake.bot_user.id)
    secret = await fake.slash("echo", text="psst", secret=True)
    assert secret.ephemeral and secret.content == "echo: psst"


async def test_slash_rejects_options_the_bot_did_not_register(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    with pytest.raises(TypeError, match="unknown option"):
        await fake.slash("echo", text="x", colour="red")
    with pytest.raises(TypeError, match="missing required"):
        await fake.slash("echo")
    with pytest.raises(LookupError, match="not synced"):
        await fake.slash("medals")


async def test_autocomplete_answered(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    choices = await fake.autocomplete("athlete", "name", "choi")
    assert [c["name"] for c in choices] == ["Choi Min-jeong", "Choi Ga-on"]
    reply = await fake.slash("athlete", name=choices[0]["value"])
    assert reply.embeds[0]["title"] == "Choi Min-jeong"


async def test_deferred_command_with_followups(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await fake.slash("slow", seconds=0.05)
    assert reply.response_type == 5 and reply.deferred
    first = await reply.wait_followup()
    assert first["content"] == "done after 0.05 s"
    # Discord turns the first followup after a defer into the "thinking" message itself.
    assert reply.content == "done after 0.05 s" and not reply.deferred
    second = await reply.wait_followup()
    assert second["content"] == "and a second followup" and second["id"] != first["id"]


async def test_original_response_edited_read_and_deleted(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    reply = await fake.slash("progress")
    assert (await reply.wait_edit())["content"] == "50%"
    assert (await reply.wait_edit())["content"] == "100% (was 50%)"
    assert reply.content == "100% (was 50%)" and not reply.deferred
    gone = await fake.slash("progress", delete=True)
    await gone.changes.until(lambda: gone.deleted, 5, "the delete")
    with pytest.raises(TimeoutError):
        await reply.wait_edit(timeout=0.05)


async def test_button_click_edits_the_message(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await fake.slash("counter")
    assert reply.content == "count: 0"
    assert reply.message is not None
    click = await fake.click(reply.message, "counter:add")
    assert click.response_type == 7 and click.content == "count: 1"
    again = await fake.click(reply.message, "counter:add")
    assert again.content == "count: 2"
    assert fake.message(reply.message["id"])["content"] == "count: 2"
    with pytest.raises(LookupError, match="no such component"):
        await fake.click(reply.message, "counter:reset")


async def test_select_edits_the_message(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await fake.slash("pick")
    assert reply.message is not None
    with pytest.raises(ValueError, match="not options"):
        await fake.select(reply.message, "pick:sport", ["hockey"])
    chosen = await fake.select(reply.message, "pick:sport", ["curling"])
    assert chosen.content == "picked: curling" and chosen.components == []
    with pytest.raises(LookupError, match="no such component"):
        await fake.select(reply.message, "pick:sport", ["curling"])


async def test_attachment_is_read_from_the_cdn(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await fake.upload("lines", "file", "mods.csv", b"name,role\nann,mod\nbob,mod\n")
    assert reply.ephemeral and reply.deferred
    followup = await reply.wait_followup()
    assert followup["content"] == "mods.csv: 3 lines"
    [sent] = followup["attachments"]
    assert sent["filename"] == "upper.csv" and "hm=" in sent["url"]
    cdn = await fake.wait_request("GET", r"^/attachments/")
    assert cdn.status == 200 and {"ex", "is", "hm"} <= set(cdn.query)


async def test_channel_message_posted(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await fake.slash("announce", text="gold for KOR")
    assert reply.content == "posted"
    message = await fake.wait_channel_message(fake.default_guild.default_channel)
    assert message["content"] == "announcement: gold for KOR"


async def test_default_member_permissions_are_enforced(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    guild = fake.default_guild
    moderator = fake.add_role(guild, "moderator", permissions=1 << 5)  # manage guild
    mod = fake.add_member(guild, "mod", roles=[moderator])
    await start_bot()
    with pytest.raises(NotPermitted):
        await fake.slash("modonly")  # the default member lacks Manage Server
    reply = await fake.slash("modonly", user=mod)
    assert reply.content == "moderator ok"
    admin = fake.add_member(guild, "admin", permissions=1 << 3)
    assert (await fake.slash("modonly", user=admin)).content == "moderator ok"


async def test_integrations_overrides_let_in_or_keep_out_whom_an_admin_chose(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    guild = fake.default_guild
    helpers = fake.add_role(guild, "helpers")  # no permissions of its own
    helper = fake.add_member(guild, "helper", roles=[helpers])
    manager = fake.add_member(guild, "manager", permissions=1 << 5)  # manage guild
    await start_bot()
    with pytest.raises(NotPermitted, match="lacks permissions"):
        await fake.slash("modonly", user=helper)
    fake.override_command("modonly", role=helpers)
    assert (await fake.slash("modonly", user=helper)).content == "moderator ok"
    fake.override_command("modonly", member=manager, allow=False)
    with pytest.raises(NotPermitted, match="Integrations"):
        await fake.slash("modonly", user=manager)  # denied although the default lets them in
    fake.override_command("modonly", everyone=guild, allow=False)
    assert (
        await fake.slash("modonly", user=helper)
    ).content == "moderator ok"  # role beats @everyone
    with pytest.raises(NotPermitted):
        await fake.slash("modonly")  # the default member: @everyone denied
    admin = fake.add_member(guild, "admin", permissions=1 << 3)
    assert (await fake.slash("modonly", user=admin)).content == "moderator ok"


async def test_a_bot_that_never_answers_fails_the_interaction(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    fake.response_deadline = 0.3
    with pytest.raises(InteractionFailed, match="no initial response"):
        await fake.slash("noop")
    [violation] = fake.take_violations()
    assert violation.code == 10062
