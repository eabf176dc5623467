"""Moderators and followers on Discord: ``/results load|history|undo`` (a preview or a question
naming the load, then Confirm or Cancel; only moderators, only in home guilds), ``/follow``, ``/unfollow``, ``/following``, and the
poster that announces followed nations' new medals once, after any load."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands

from bot.answers.models import LoadPreview, MedalAlert
from bot.answers.text import footer
from bot.discord_ui.commands import (
    GAMES_LIMIT,
    autocompleter,
    chosen_games,
    games_autocompleter,
    which_games,
)
from bot.discord_ui.components import interaction_lang, show
from bot.discord_ui.context import Outcome, UiContext, ui_context
from bot.discord_ui.errors import ERROR_WORDS, NotAllowed, tell
from bot.discord_ui.markdown import markdown_words
from bot.discord_ui.pages import Page, paginate
from bot.discord_ui.render import Colour, people, render_embeds, safe
from bot.domain.errors import (
    InvalidResultsFile,
    NothingToUndoError,
    NotLatestLoadError,
    StalePreviewError,
)
from bot.domain.models import LoadRecord
from bot.domain.resolution import EntityKind
from bot.i18n import ENGLISH, Words, choose_lang, words_for
from bot.ingest.parse import MAX_BYTES

log = logging.getLogger("bot.discord_ui.admin")
Tree = app_commands.CommandTree[Any]
PROBLEMS_SHOWN = 40
WATCH_INTERVAL = 5.0


@dataclass(frozen=True)
class PendingLoad:
    """A previewed file waiting for Confirm."""

    source: str
    content: bytes
    user_id: int
    base_load_id: int | None
    games: str | None = None


#: Who Discord shows /results to unless a server says otherwise (Server Settings → Integrations):
#: the permission the bot's own check accepts, so the two never disagree for a member with it.
#: A moderator role without Manage Server is let in by the server overriding /results for that
#: role; whoever an override lets in is still checked by ``check_moderator``.
RESULTS_DEFAULT_PERMISSIONS = discord.Permissions(manage_guild=True)


def check_moderator(interaction: discord.Interaction[Any], context: UiContext) -> None:
    """Only in a home guild, and only with a moderator role or Manage Server. (Discord itself
    shows /results to members with Manage Server, and to whom a server's Integrations settings
    let in: they are checked here like everyone else.)"""
    settings = context.settings
    if interaction.guild_id is None:
        raise NotAllowed(ERROR_WORDS["results_server_only"])
    if interaction.guild_id not in settings.home_guild_ids:
        raise NotAllowed(ERROR_WORDS["not_home"])
    member = interaction.user
    roles = {role.id for role in getattr(member, "roles", [])}
    if roles & set(settings.moderator_role_ids):
        return
    if interaction.permissions.is_superset(RESULTS_DEFAULT_PERMISSIONS):
        return
    raise NotAllowed(ERROR_WORDS["moderators_only"])


def problems_page(error: InvalidResultsFile) -> discord.Embed:
    """Every problem of a refused file (the first 40, then a count)."""
    lines = [f"• {safe(str(p), 300)}" for p in error.problems[:PROBLEMS_SHOWN]]
    if len(error.problems) > PROBLEMS_SHOWN:
        lines.append(f"… and {len(error.problems) - PROBLEMS_SHOWN} more")
    count = len(error.problems)
    head = Page(
        title=f"Not loaded: {count} problem{'s' if count != 1 else ''} in {safe(error.source, 100)}",
        colour=Colour.ERROR,
        description_lines=["Nothing was changed. Fix these and upload the file again:"],
    )
    return paginate(head, lines, lines_per_page=PROBLEMS_SHOWN + 1)[0].embed()


def _token(preview: LoadPreview) -> str:
    return f"{preview.sha256[:16]}.{preview.base_load_id or 0}"


def _answer_button(
    action: str, confirm: str, style: discord.ButtonStyle, custom_id: str
) -> discord.ui.Button[Any]:
    """The confirming (``ok``: ``confirm``, in ``style``) or Cancel button of a question."""
    ok = action == "ok"
    return discord.ui.Button(
        label=confirm if ok else "Cancel",
        style=style if ok else discord.ButtonStyle.secondary,
        custom_id=custom_id,
    )


async def _refused(
    interaction: discord.Interaction[Any], context: UiContext, outcome: Outcome
) -> bool:
    """Whether the member who pressed a moderator's button may not (then told so)."""
    try:
        check_moderator(interaction, context)
    except NotAllowed as exc:
        outcome.value = "refused"
        await tell(interaction, str(exc))
        return True
    return False


def _question_view(*buttons: discord.ui.Item[Any]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for button in buttons:
        view.add_item(button)
    return view


class ConfirmLoad(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"gb:l:(?P<action>ok|no):(?P<token>[0-9a-f]{16}\.\d+)",
):
    """Confirm (apply in one transaction) or Cancel a previewed load."""

    def __init__(self, action: str, token: str) -> None:
        self.action = action
        self.token = token
        super().__init__(
            _answer_button(action, "Confirm", discord.ButtonStyle.success, f"gb:l:{action}:{token}")
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ConfirmLoad:
        return cls(match["action"], match["token"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        context = ui_context(interaction.client)
        async with context.track(
            interaction, f"results load {'confirm' if self.action == 'ok' else 'cancel'}"
        ) as outcome:
            if await _refused(interaction, context, outcome):
                return
            pending: PendingLoad | None = context.pending_loads.pop(self.token, None)
            if self.action == "no":
                await interaction.response.edit_message(
                    content="Cancelled: nothing was changed.", embed=None, view=None
                )
                return
            if pending is None:
                outcome.value = "expired"
                await interaction.response.edit_message(
                    content="This preview has expired; run `/results load` again.",
                    embed=None,
                    view=None,
                )
                return
            await interaction.response.defer()
            try:
                applied = await context.service.loads.load(
                    pending.source,
                    pending.content,
                    user_id=interaction.user.id,
                    expect_last_load=pending.base_load_id,
                    games=pending.games,
                )
            except StalePreviewError as exc:
                outcome.value = "stale"
                await interaction.edit_original_response(content=str(exc), embed=None, view=None)
                return
            except InvalidResultsFile as exc:
                outcome.value = "invalid"
                await interaction.edit_original_response(embed=problems_page(exc), view=None)
                return
            outcome.detail["load_id"] = applied.applied_load_id
            await interaction.edit_original_response(
                content=None,
                embed=render_embeds(applied, interaction_lang(interaction))[0],
                view=None,
            )


def confirm_view(preview: LoadPreview) -> discord.ui.View:
    return _question_view(ConfirmLoad("ok", _token(preview)), ConfirmLoad("no", _token(preview)))


def undo_question(load: LoadRecord) -> str:
    """``Undo load #7 (dsq.csv, loaded <t:…> by @mod)?``"""
    who = f"<@{load.user_id}>" if load.user_id else "the command line"
    return (
        f"Undo load #{load.load_id} ({safe(load.source, 100)}, loaded "
        f"<t:{int(load.loaded_at.timestamp())}:f> by {who})? Only this load is undone; if "
        "another load lands first, nothing is."
    )


class ConfirmUndo(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"gb:u:(?P<action>ok|no):(?P<load>\d{1,19})",
):
    """Confirm or Cancel the undo of the load the question named (its id is in the button, so
    the button keeps working after a restart, and undoes that load or nothing)."""

    def __init__(self, action: str, load_id: int) -> None:
        self.action = action
        self.load_id = load_id
        super().__init__(
            _answer_button(
                action, "Undo it", discord.ButtonStyle.danger, f"gb:u:{action}:{load_id}"
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ConfirmUndo:
        return cls(match["action"], int(match["load"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        context = ui_context(interaction.client)
        action = "confirm" if self.action == "ok" else "cancel"
        async with context.track(
            interaction, f"results undo {action}", load_id=self.load_id
        ) as outcome:
            if await _refused(interaction, context, outcome):
                return
            if self.action == "no":
                await interaction.response.edit_message(
                    content="Cancelled: nothing was undone.", embed=None, view=None
                )
                return
            await interaction.response.defer()
            try:
                answer = await context.service.loads.undo_load(
                    self.load_id, user_id=interaction.user.id
                )
            except NotLatestLoadError as exc:
                outcome.value = "stale"
                await interaction.edit_original_response(
                    content=f"{exc} (Run `/results undo` again.)", embed=None, view=None
                )
                return
            await interaction.edit_original_response(
                content=None,
                embed=render_embeds(answer, interaction_lang(interaction))[0],
                view=None,
            )


def undo_view(load: LoadRecord) -> discord.ui.View:
    return _question_view(ConfirmUndo("ok", load.load_id), ConfirmUndo("no", load.load_id))


def install_admin(tree: Tree, context: UiContext) -> None:
    """Add /results and the follow commands to ``tree``."""
    service = context.service
    results = app_commands.Group(
        name="results",
        description="Load, review and undo results (moderators)",
        guild_only=True,
        default_permissions=RESULTS_DEFAULT_PERMISSIONS,
    )

    @results.command(
        name="load", description="Load a results file (CSV or JSON): preview, then confirm"
    )
    @app_commands.describe(
        file="Results file in the documented format", dry_run="Only show what would change"
    )
    async def load(
        interaction: discord.Interaction[Any], file: discord.Attachment, dry_run: bool = False
    ) -> None:
        async with context.track(
            interaction, "results load", file=file.filename, size=file.size, dry_run=dry_run
        ) as outcome:
            check_moderator(interaction, context)
            if file.size > MAX_BYTES:
                outcome.value = "invalid"
                await tell(
                    interaction,
                    f"{safe(file.filename, 100)} is too large ({file.size:,} bytes; the limit is {MAX_BYTES:,}). Nothing was changed.",
                )
                return
            await interaction.response.defer(ephemeral=True, thinking=True)
            content = await file.read()
            # A file that names no Games is for this server's Games.
            games = await which_games(context, interaction, None)
            try:
                preview = await asyncio.to_thread(
                    service.loads.preview_load, file.filename, content, games
                )
            except InvalidResultsFile as exc:
                outcome.value = "invalid"
                await interaction.followup.send(embed=problems_page(exc), ephemeral=True)
                return
            embed = render_embeds(preview, interaction_lang(interaction))[0]
            if dry_run or not preview.changes_anything:
                await interaction.followup.send(embed=embed, ephemeral=True)
                return
            context.pending_loads[_token(preview)] = PendingLoad(
                source=file.filename,
                content=content,
                user_id=interaction.user.id,
                base_load_id=preview.base_load_id,
                games=games,
            )
            await interaction.followup.send(embed=embed, view=confirm_view(preview), ephemeral=True)

    games_complete = games_autocompleter(context)
    games_help = "Which Games (default: this server's)"

    @results.command(name="history", description="The results loads, newest first")
    @app_commands.describe(games=games_help)
    @app_commands.autocomplete(games=games_complete)
    async def history(
        interaction: discord.Interaction[Any],
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(interaction, "results history", games=games):
            check_moderator(interaction, context)
            which = await which_games(context, interaction, chosen_games(games))
            await show(interaction, await service.loads.history(which), None, ephemeral=True)

    @results.command(
        name="undo", description="Revert the most recent load (older ones in reverse order)"
    )
    @app_commands.describe(games=games_help)
    @app_commands.autocomplete(games=games_complete)
    async def undo(
        interaction: discord.Interaction[Any],
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(interaction, "results undo", games=games) as outcome:
            check_moderator(interaction, context)
            which = await which_games(context, interaction, chosen_games(games))
            await interaction.response.defer(ephemeral=True, thinking=True)
            try:
                load = await service.loads.next_undo(which)
            except NothingToUndoError as exc:
                outcome.value = "nothing"
                await interaction.followup.send(str(exc), ephemeral=True)
                return
            outcome.detail["load_id"] = load.load_id
            await interaction.followup.send(
                undo_question(load),
                view=undo_view(load),
                ephemeral=True,
                allowed_mentions=discord.AllowedMentions.none(),
            )

    tree.add_command(results)

    nation_complete = autocompleter(context, EntityKind.NATION)

    @tree.command(name="follow", description="Post a nation's new medals in a channel")
    @app_commands.describe(nation="Nation to follow", channel="Where to post (default: here)")
    @app_commands.autocomplete(nation=nation_complete)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    async def follow(
        interaction: discord.Interaction[Any],
        nation: app_commands.Range[str, 1, 100],
        channel: discord.TextChannel | None = None,
    ) -> None:
        async with context.track(interaction, "follow", nation=nation):
            target = channel.id if channel else interaction.channel_id
            assert interaction.guild_id is not None and target is not None
            answer = await service.followers.follow(
                interaction.guild_id, target, nation, user_id=interaction.user.id
            )
            await show(interaction, answer, None, ephemeral=True)

    @tree.command(name="unfollow", description="Stop posting a nation's new medals in a channel")
    @app_commands.describe(
        nation="Nation to stop following", channel="Which channel (default: here)"
    )
    @app_commands.autocomplete(nation=nation_complete)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    async def unfollow(
        interaction: discord.Interaction[Any],
        nation: app_commands.Range[str, 1, 100],
        channel: discord.TextChannel | None = None,
    ) -> None:
        async with context.track(interaction, "unfollow", nation=nation):
            target = channel.id if channel else interaction.channel_id
            assert interaction.guild_id is not None and target is not None
            await show(
                interaction,
                await service.followers.unfollow(interaction.guild_id, target, nation),
                None,
                ephemeral=True,
            )

    @tree.command(name="following", description="Which nations this server's channels follow")
    @app_commands.guild_only()
    async def following(interaction: discord.Interaction[Any]) -> None:
        async with context.track(interaction, "following"):
            assert interaction.guild_id is not None
            await show(
                interaction,
                await service.followers.following(interaction.guild_id),
                None,
                ephemeral=True,
            )


def alert_embeds(alert: MedalAlert, words: Words | None = None) -> list[discord.Embed]:
    """One alert as embeds (several when it is long; at most 10 a message), in the language of
    ``words`` (the server's)."""
    w = markdown_words(words.lang if words else ENGLISH)
    nation = alert.nation
    name = w.nation(nation.name, nation.aliases, nation.flag)
    title = (
        w.t("New medal for {nation}", nation=name)
        if len(alert.medals) == 1
        else w.t("New medals for {nation}", nation=name)
    )
    head = Page(
        title=f"{w.text(nation.flag)} {title}".strip(),
        colour=Colour.NATION,
        footer=footer(alert.provenance, w.plain),
    )
    lines = [
        f"{m.medal.emoji} **{w.event(m.event)}** · {w.sport(m.sport)}"
        + (f" — {people(m.athletes, w)}" if m.athletes else "")
        + (f" · {w.text(m.mark)}" if m.mark else "")
        for m in alert.medals
    ]
    return [page.embed() for page in paginate(head, lines, lines_per_page=20)][:10]


async def post_alerts(client: discord.Client, alerts: list[MedalAlert]) -> int:
    """Post each alert to its channel (discord.py spaces the requests within rate limits)."""
    posted = 0
    for alert in alerts:
        channel = client.get_partial_messageable(alert.channel_id, guild_id=alert.guild_id)
        guild = client.get_guild(alert.guild_id)
        words = words_for(choose_lang(None, guild.preferred_locale if guild else None))
        try:
            await channel.send(
                embeds=alert_embeds(alert, words), allowed_mentions=discord.AllowedMentions.none()
            )
            posted += 1
        except discord.HTTPException as exc:
            log.warning("could not post medal alert to channel %s: %s", alert.channel_id, exc)
    return posted


async def announce_forever(
    context: UiContext, client_getter: Any, interval: float = WATCH_INTERVAL
) -> None:
    """Pick up loads (from this process or another) and announce new medals to followers."""
    service = context.service
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(service.library.changed.wait(), interval)
        try:
            await service.library.refresh_if_changed()
            client = client_getter()
            for games_id in service.library.games_ids:
                alerts = await service.followers.take_alerts(games_id)
                if alerts and client is not None:
                    await post_alerts(client, alerts)
        except Exception:
            log.exception("announcing new medals failed; will try again")
