"""Moderators load results from Discord, and followers hear about new medals: end to end through
the local Discord with the real client, the real service and a real store."""

from __future__ import annotations

from typing import Any

import pytest

from bot.discord_ui.frontend import DiscordFrontEnd
from bot.service import GamesService
from bot.settings import Settings
from tests.e2e.test_cli_loading import DSQ
from tests.fakediscord.api import FakeDiscord, NotPermitted
from tests.fakediscord.fixtures import StartBot
from tests.fakediscord.state import Member

MANAGE_MESSAGES = 1 << 13
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5


def text_of(embed: dict[str, Any]) -> str:
    parts = [embed.get("title", ""), embed.get("description", "")]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def button(message: dict[str, Any], label: str) -> str:
    for row in message["components"]:
        for item in row["components"]:
            if item.get("label") == label:
                return str(item["custom_id"])
    raise AssertionError(f"no {label} button")


class World:
    def __init__(self, fake: FakeDiscord) -> None:
        guild = fake.default_guild
        self.fake = fake
        # The moderator role lacks Manage Server: the server lets it see /results through
        # Integrations (``admit``), as the README tells servers to do.
        self.mod_role = fake.add_role(guild, "results mods", MANAGE_MESSAGES | MANAGE_CHANNELS)
        self.moderator = fake.add_member(guild, "mod", roles=[self.mod_role])
        # Let in by an admin's override of /results for them, but not a moderator.
        self.helper = fake.add_member(guild, "helper", permissions=MANAGE_MESSAGES)
        self.fan = fake.add_member(guild, "fan")
        self.other_guild = fake.add_guild("Elsewhere")
        other_role = fake.add_role(self.other_guild, "mods there", MANAGE_GUILD)
        self.mod_elsewhere = fake.add_member(self.other_guild, "mod2", roles=[other_role])
        self.channel = fake.add_channel(guild, "medal-news")
        self.ui: DiscordFrontEnd | None = None

    def admit(self) -> None:
        """What the home server's admin does in Server Settings → Integrations once /results is
        synced: let the moderator role in, and (wrongly) the helper too."""
        self.fake.override_command("results", role=self.mod_role)
        self.fake.override_command("results", member=self.helper)

    def settings(self) -> Settings:
        return Settings(  # type: ignore[call-arg]
            _env_file=None,
            home_guild_ids=[self.fake.default_guild.id],
            moderator_role_ids=[self.mod_role.id],
        )


@pytest.fixture
async def world(fake: FakeDiscord, service: GamesService, start_bot: StartBot) -> World:
    w = World(fake)
    w.ui = DiscordFrontEnd(service, w.settings())
    await start_bot(w.ui.install)
    w.admit()
    return w


async def upload(
    fake: FakeDiscord, member: Member, content: str, name: str = "dsq.csv", **options: Any
) -> Any:
    return await fake.upload("results load", "file", name, content.encode(), user=member, **options)


def korea(service: GamesService) -> tuple[int, int, int]:
    answer = service.queries.medals("KOR")
    return answer.count.key  # type: ignore[union-attr]


async def test_disqualification_preview_confirm_medals_and_undo(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    reply = await upload(fake, world.moderator, DSQ)
    await reply.wait_followup()
    preview = reply.followups[-1]
    assert preview["flags"] & 64  # ephemeral
    text = text_of(preview["embeds"][0])
    assert "CHN 32/27/26 → 32/28/25" in text and "KOR 16/15/14 → 16/14/15" in text
    assert korea(service) == (16, 15, 14)

    confirmed = await fake.click(preview, button(preview, "Confirm"), user=world.moderator)
    await confirmed.wait_edit()
    assert korea(service) == (16, 14, 15)
    assert "Loaded dsq.csv" in text_of(confirmed.edits[-1]["embeds"][0])
    medals = await fake.slash("medals", nation="korea")
    assert "🥇 16 · 🥈 14 · 🥉 15" in text_of(medals.embeds[0])

    undo = await fake.slash("results undo", user=world.moderator)
    await undo.wait_followup()
    question = undo.followups[-1]
    load_id = service.library.provenance("harbin-2025").load_id
    assert f"Undo load #{load_id} (dsq.csv, loaded <t:" in question["content"]
    assert korea(service) == (16, 14, 15)  # asking changes nothing
    undone = await fake.click(question, button(question, "Undo it"), user=world.moderator)
    await undone.wait_edit()
    assert "KOR 16/14/15 → 16/15/14" in text_of(undone.edits[-1]["embeds"][0])
    medals = await fake.slash("medals", nation="korea")
    assert "🥇 16 · 🥈 15 · 🥉 14" in text_of(medals.embeds[0])
    history = await fake.slash("results history", user=world.moderator)
    history_text = text_of(history.embeds[0])
    assert "dsq.csv" in history_text and str(world.moderator.user.id) in history_text


async def test_an_undo_asked_before_another_load_landed_undoes_nothing(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    """The Undo button carries the load it asked about: when another load landed meanwhile, it
    says so and undoes nothing (neither load), and Cancel undoes nothing either."""
    await service.loads.load("dsq.csv", DSQ.encode(), user_id=1)
    asked_about = service.library.provenance("harbin-2025").load_id
    undo = await fake.slash("results undo", user=world.moderator)
    await undo.wait_followup()
    question = undo.followups[-1]
    assert f"Undo load #{asked_about} (dsq.csv" in question["content"]
    appeal = DSQ.replace("DSQ after video review (test correction)", "DSQ upheld")
    await service.loads.load("appeal.csv", appeal.encode(), user_id=1)  # lands in between
    latest = service.library.provenance("harbin-2025").load_id
    refused = await fake.click(question, button(question, "Undo it"), user=world.moderator)
    await refused.wait_edit()
    content = refused.edits[-1]["content"]
    assert f"Load {asked_about} is no longer the latest load (load {latest} is" in content
    assert "nothing was undone" in content and "/results undo" in content
    assert korea(service) == (16, 14, 15)
    history = (await service.loads.history()).loads
    assert [(h.load_id, h.undone_by) for h in history[:2]] == [(latest, None), (asked_about, None)]

    again = await fake.slash("results undo", user=world.moderator)
    await again.wait_followup()
    question = again.followups[-1]
    assert f"Undo load #{latest} (appeal.csv" in question["content"]
    cancelled = await fake.click(question, button(question, "Cancel"), user=world.moderator)
    assert "Cancelled: nothing was undone." in cancelled.content and not cancelled.components
    assert service.library.provenance("harbin-2025").load_id == latest


async def test_a_file_that_changes_nothing_is_previewed_as_no_change_without_confirm(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    history = await service.loads.history()
    reply = await upload(fake, world.moderator, service.loads.export("csv").decode(), "all.csv")
    await reply.wait_followup()
    preview = reply.followups[-1]
    assert "No changes: the data already says this." in text_of(preview["embeds"][0])
    assert not preview.get("components")  # nothing to confirm
    assert await service.loads.history() == history


async def test_a_bad_file_lists_all_problems_by_row(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    before = service.loads.export("csv")
    bad = (
        DSQ.replace("1,gold,KOR,Kim Gil-li", "1,gold,XKO,Kim Gil-li")
        .replace("2,silver", "2,golden")
        .replace("3,bronze", "third,bronze")
    )
    reply = await upload(fake, world.moderator, bad)
    await reply.wait_followup()
    text = text_of(reply.followups[-1]["embeds"][0])
    assert "3 problems" in text
    assert (
        "row 3: unknown NOC 'XKO'" in text
        and "row 4: medal 'golden'" in text
        and "row 5: rank 'third'" in text
    )
    assert service.loads.export("csv") == before


@pytest.mark.parametrize("who", ["helper", "mod_elsewhere"])
async def test_non_moderators_are_refused(
    fake: FakeDiscord, world: World, service: GamesService, who: str
) -> None:
    member = getattr(world, who)
    guild = world.other_guild if who == "mod_elsewhere" else None
    if guild is not None:
        reply = await fake.upload(
            "results load", "file", "dsq.csv", DSQ.encode(), user=member, guild=guild
        )
    else:
        reply = await upload(fake, member, DSQ)
    assert reply.ephemeral
    assert "moderators" in reply.content or "home servers" in reply.content
    assert korea(service) == (16, 15, 14)


async def test_members_without_the_permission_do_not_see_it(
    fake: FakeDiscord, world: World
) -> None:
    with pytest.raises(NotPermitted):
        await upload(fake, world.fan, DSQ)


async def test_a_non_moderator_cannot_confirm_a_moderators_preview(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    reply = await upload(fake, world.moderator, DSQ)
    await reply.wait_followup()
    refused = await fake.click(
        reply.followups[-1], button(reply.followups[-1], "Confirm"), user=world.helper
    )
    assert refused.ephemeral and "Only moderators" in refused.content
    assert korea(service) == (16, 15, 14)


async def test_a_stale_preview_is_refused(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    first = await upload(fake, world.moderator, DSQ, name="first.csv")
    await first.wait_followup()
    second_content = DSQ.replace("DSQ after video review", "DSQ confirmed")
    second = await upload(fake, world.moderator, second_content, name="second.csv")
    await second.wait_followup()
    applied = await fake.click(
        second.followups[-1], button(second.followups[-1], "Confirm"), user=world.moderator
    )
    await applied.wait_edit()
    stale = await fake.click(
        first.followups[-1], button(first.followups[-1], "Confirm"), user=world.moderator
    )
    await stale.wait_edit()
    assert "changed since this preview" in stale.content


async def test_followers_get_exactly_the_new_medals_once(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    import asyncio

    from bot.discord_ui.admin import announce_forever

    channel = world.channel
    follow = await fake.slash(
        "follow", nation="korea", user=world.moderator, options={"channel": channel}
    )
    assert "now follows" in follow.embeds[0]["description"]
    followed_china = await fake.slash(
        "follow", nation="china", user=world.moderator, options={"channel": channel}
    )
    assert followed_china.embeds
    ui = world.ui
    assert ui is not None and ui.client is not None
    announcer = asyncio.create_task(announce_forever(ui.context, lambda: ui.client, interval=0.05))
    try:
        await service.loads.load("dsq.csv", DSQ.encode(), user_id=1)
        message = await fake.wait_channel_message(channel)
        text = "\n".join(text_of(e) for e in message["embeds"])
        # Kim Gil-li's gold and Shim Suk-hee's bronze are new for Korea; China's new silver too.
        assert "Kim Gil-li" in text or "Zhang Chutong" in text
        await asyncio.sleep(0.3)
        messages = fake.channel_messages[channel.id]
        posted = "\n".join(text_of(e) for m in messages for e in m["embeds"])
        assert (
            posted.count("Kim Gil-li") == 1
            and posted.count("Shim Suk-hee") == 1
            and posted.count("Zhang Chutong") == 1
        )
        assert "Choi Min-jeong" not in posted  # she lost a medal; nothing new to announce
        assert len(messages) == 2  # one for Korea, one for China

        again = await service.loads.load("again.csv", DSQ.encode(), user_id=1)
        assert again.no_change  # the same results again: nothing written, nothing announced
        await asyncio.sleep(0.3)
        assert len(fake.channel_messages[channel.id]) == 2
        # Undo brings back the medals the load took (announced as new), then the same load
        # again announces nothing: its medals were announced once already.
        # (Waited for, not slept on: the rebuild after a load runs in a worker thread, and on a
        # slow machine the announcements come later than a fixed pause.)
        await service.loads.undo(user_id=1)
        await fake.wait_channel_message(channel, count=4)  # Korea's and China's medals back
        await asyncio.sleep(0.3)
        after_undo = len(fake.channel_messages[channel.id])
        assert after_undo == 4
        await service.loads.load("redo.csv", DSQ.encode(), user_id=1)
        await asyncio.sleep(1.0)
        assert len(fake.channel_messages[channel.id]) == after_undo
    finally:
        announcer.cancel()


async def test_a_load_shows_at_once_in_answers_autocomplete_and_footer(
    fake: FakeDiscord, world: World, service: GamesService
) -> None:
    before = await fake.slash("medals", nation="korea")
    new_skater = DSQ.replace("3,bronze,KOR,Shim Suk-hee", "3,bronze,KOR,Brand New Skater")
    reply = await upload(fake, world.moderator, new_skater, name="new-skater.csv")
    await reply.wait_followup()
    assert "Brand New Skater (KOR)" in text_of(reply.followups[-1]["embeds"][0])
    confirmed = await fake.click(
        reply.followups[-1], button(reply.followups[-1], "Confirm"), user=world.moderator
    )
    await confirmed.wait_edit()
    choices = await fake.autocomplete("athlete", "name", "brand new")
    assert choices and choices[0]["value"] == "kor-brand-new-skater"
    after = await fake.slash("medals", nation="korea")
    load_id = service.library.provenance("harbin-2025").load_id
    assert f"results load #{load_id} by a moderator, " in after.embeds[0]["footer"]["text"]
    assert after.embeds[0]["footer"]["text"] != before.embeds[0]["footer"]["text"]
    athlete = await fake.slash("athlete", name="brand new skater")
    assert "🥉" in text_of(athlete.embeds[0])
