"""Who can see /results and who can use it, end to end through the local Discord (which enforces
the command's ``default_member_permissions`` and a server's Integrations overrides) with the real
front-end: Discord's gate and the bot's own check say the same thing.

- A member the bot accepts by permission (Manage Server, nothing else) sees /results and uses it.
- A member with a moderator role but not Manage Server is hidden from it until the server lets
  the role in through Integrations (as the README says); then they use it.
- A member with neither is hidden from it (Manage Messages, the old gate, is not enough).
- A member whom an admin let in through Integrations without being a moderator reaches it, and
  the bot refuses them, changing nothing.
"""

from __future__ import annotations

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from bot.settings import Settings
from tests.e2e.test_cli_loading import DSQ
from tests.fakediscord.api import FakeDiscord, NotPermitted
from tests.fakediscord.fixtures import StartBot
from tests.fakediscord.state import Member, Role

MANAGE_GUILD = 1 << 5
MANAGE_MESSAGES = 1 << 13


def korea(service: GamesService) -> tuple[int, int, int]:
    answer = service.queries.medals("KOR")
    return answer.count.key  # type: ignore[union-attr]


async def preview(fake: FakeDiscord, member: Member) -> str:
    """Upload the test file as a dry run; the text of what the member is told."""
    reply = await fake.upload(
        "results load", "file", "dsq.csv", DSQ.encode(), user=member, dry_run=True
    )
    if not reply.deferred:
        return reply.content
    await reply.wait_followup()
    embed = reply.followups[-1]["embeds"][0]
    return f"{embed.get('title', '')}\n{embed.get('description', '')}"


@pytest.fixture
async def home(fake: FakeDiscord, service: GamesService, start_bot: StartBot) -> FakeDiscord:
    guild = fake.default_guild
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        home_guild_ids=[guild.id],
        moderator_role_ids=[fake.add_role(guild, "results mods").id],
    )
    await start_bot(DiscordFrontEnd(service, settings).install)
    return fake


def moderator_role(fake: FakeDiscord) -> Role:
    return next(r for r in fake.default_guild.roles.values() if r.name == "results mods")


async def test_results_is_registered_with_the_permission_the_bot_accepts(home: FakeDiscord) -> None:
    command = home.command("results")
    assert command["default_member_permissions"] == str(MANAGE_GUILD)
    assert command.get("dm_permission") is False  # servers only


async def test_a_member_with_manage_server_sees_and_uses_results(
    home: FakeDiscord, service: GamesService
) -> None:
    manager = home.add_member(home.default_guild, "manager", permissions=MANAGE_GUILD)
    text = await preview(home, manager)
    assert "Preview of dsq.csv" in text
    history = await home.slash("results history", user=manager)
    assert history.ephemeral and history.embeds
    assert korea(service) == (16, 15, 14)  # a dry run changes nothing


async def test_a_moderator_role_sees_results_once_the_server_lets_it_in(
    home: FakeDiscord,
) -> None:
    role = moderator_role(home)
    moderator = home.add_member(home.default_guild, "mod", roles=[role])
    with pytest.raises(NotPermitted, match="lacks permissions"):
        await preview(home, moderator)
    home.override_command("results", role=role)
    assert "Preview of dsq.csv" in await preview(home, moderator)


@pytest.mark.parametrize("permissions", [0, MANAGE_MESSAGES])
async def test_a_member_the_bot_refuses_is_hidden_from_results(
    home: FakeDiscord, permissions: int
) -> None:
    member = home.add_member(home.default_guild, "fan", permissions=permissions)
    with pytest.raises(NotPermitted, match="lacks permissions"):
        await preview(home, member)
    with pytest.raises(NotPermitted):
        await home.slash("results history", user=member)
    assert not home.world.interactions  # Discord dispatched nothing


async def test_a_member_let_in_by_an_admins_override_is_still_refused_by_the_bot(
    home: FakeDiscord, service: GamesService
) -> None:
    helper = home.add_member(home.default_guild, "helper", permissions=MANAGE_MESSAGES)
    home.override_command("results", member=helper)
    text = await preview(home, helper)
    assert "Only moderators" in text
    undo = await home.slash("results undo", user=helper)
    assert undo.ephemeral and "Only moderators" in undo.content
    assert korea(service) == (16, 15, 14)
