"""A minimal throwaway command tree for end-to-end tests of the fake and the client wiring.

Owns commands that exercise each interaction path: an immediate answer (``/echo``), edits of @original (``/progress``), an
autocomplete option (``/athlete``), a deferred answer with a followup (``/slow``), a button
that edits its message (``/counter``), a select menu (``/pick``), an attachment read from the
CDN (``/lines``), a moderator-only command (``/modonly``) and a command that never answers
(``/noop``). The real commands arrive through the same ``install`` callback.
"""

from __future__ import annotations

import asyncio
import io
from typing import Any

import discord
from discord import app_commands

ATHLETES = [
    "Choi Min-jeong", "Choi Ga-on", "Kim Gil-li", "Park Ji-won", "Lin Xiaojun",
    "Sun Long", "Liu Shaoang", "Zhang Chutong", "Kim Min-sun", "Lee Na-hyun",
]  # fmt: skip


class CounterView(discord.ui.View):
    """A button whose click edits the message to show the new count."""

    def __init__(self, count: int = 0) -> None:
        super().__init__(timeout=None)
        self.count = count

    @discord.ui.button(label="+1", style=discord.ButtonStyle.primary, custom_id="counter:add")
    async def add(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        self.count += 1
        await interaction.response.edit_message(content=f"count: {self.count}", view=self)


class PickView(discord.ui.View):
    """A select menu whose choice edits the message."""

    @discord.ui.select(
        custom_id="pick:sport",
        options=[discord.SelectOption(label=s, value=s.lower()) for s in ("Curling", "Biathlon")],
    )
    async def choose(
        self, interaction: discord.Interaction[Any], select: discord.ui.Select[Any]
    ) -> None:
        await interaction.response.edit_message(content=f"picked: {select.values[0]}", view=None)


def install_throwaway_commands(tree: app_commands.CommandTree[Any]) -> None:
    """Adds the throwaway commands to ``tree``."""

    @tree.command(name="echo", description="Say the text back")
    @app_commands.describe(text="What to say", secret="Only you see the answer")
    async def echo(interaction: discord.Interaction[Any], text: str, secret: bool = False) -> None:
        await interaction.response.send_message(f"echo: {text}", ephemeral=secret)

    async def athlete_names(
        interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        found = [n for n in ATHLETES if current.lower() in n.lower()]
        return [app_commands.Choice(name=n, value=n) for n in found[:25]]

    @tree.command(name="athlete", description="Look up an athlete")
    @app_commands.autocomplete(name=athlete_names)
    async def athlete(interaction: discord.Interaction[Any], name: str) -> None:
        embed = discord.Embed(title=name, description="An athlete")
        await interaction.response.send_message(embed=embed)

    @tree.command(name="slow", description="Answer after thinking")
    async def slow(interaction: discord.Interaction[Any], seconds: float = 0.05) -> None:
        await interaction.response.defer(thinking=True)
        await asyncio.sleep(seconds)
        await interaction.followup.send(f"done after {seconds} s")
        await interaction.followup.send("and a second followup")

    @tree.command(name="progress", description="Edit the answer, then delete it")
    async def progress(interaction: discord.Interaction[Any], delete: bool = False) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="50%")
        original = await interaction.original_response()
        await interaction.edit_original_response(content=f"100% (was {original.content})")
        if delete:
            await interaction.delete_original_response()

    @tree.command(name="counter", description="A button that counts")
    async def counter(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("count: 0", view=CounterView())

    @tree.command(name="pick", description="Pick a sport")
    async def pick(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("pick one", view=PickView(timeout=None))

    @tree.command(name="lines", description="Count the lines of a file")
    async def lines(interaction: discord.Interaction[Any], file: discord.Attachment) -> None:
        await interaction.response.defer(ephemeral=True)
        data = await file.read()
        await interaction.followup.send(
            f"{file.filename}: {len(data.splitlines())} lines",
            file=discord.File(io.BytesIO(data.upper()), filename="upper.csv"),
        )

    @tree.command(name="modonly", description="Moderators only")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def modonly(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("moderator ok", ephemeral=True)

    @tree.command(name="noop", description="Never answers")
    async def noop(interaction: discord.Interaction[Any]) -> None:
        return None

    @tree.command(name="announce", description="Post a message to a channel")
    async def announce(interaction: discord.Interaction[Any], text: str) -> None:
        channel = interaction.channel
        assert isinstance(channel, discord.TextChannel)
        await channel.send(f"announcement: {text}")
        await interaction.response.send_message("posted", ephemeral=True)
