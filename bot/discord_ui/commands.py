"""The fans' slash commands (/medals, /athlete, /event, /table, /ask, /about) with autocomplete
served from the resolver. Each command answers from the in-memory service at once (nothing here
waits on the database), and re-resolves free text, because users may ignore the suggestions."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Literal

import discord
from discord import app_commands

from bot.answers.models import (
    About,
    Answer,
    AthleteSummary,
    Disambiguation,
    EventResult,
    MedalTable,
    Message,
    NationSummary,
    NoMatch,
    PersonSummary,
)
from bot.answers.text import choice_label, footer
from bot.discord_ui.components import Query, interaction_lang, show
from bot.discord_ui.context import Outcome, UiContext
from bot.discord_ui.markdown import markdown_words, plain
from bot.discord_ui.pages import Page
from bot.discord_ui.render import Colour
from bot.domain.models import Games
from bot.domain.names import slug
from bot.domain.resolution import EntityKind
from bot.i18n import Words, words_for
from bot.service import ALL_GAMES

Tree = app_commands.CommandTree[Any]
Choice = app_commands.Choice
TEXT_LIMIT = 100
QUESTION_LIMIT = 300
GAMES_LIMIT = 40
AutocompleteCallback = Callable[
    [discord.Interaction[Any], str], Coroutine[Any, Any, list[Choice[str]]]
]


def _clean(text: str | None) -> str:
    """Free text as it may travel in a custom_id (no separators)."""
    return (text or "").replace("|", " ").replace(":", " ").strip()[:60]


def outcome_of(answer: Answer) -> str:
    if isinstance(answer, Disambiguation):
        return "ambiguous"
    if isinstance(answer, NoMatch):
        return "no_match"
    if isinstance(answer, Message) and not answer.answered:
        return "not_answered"
    return "answered"


def autocompleter(context: UiContext, kind: EntityKind) -> AutocompleteCallback:
    """Autocomplete for one kind of name: at most 25 choices, names of 1-100 characters, values
    that are stable ids. Served from memory, so it answers well inside Discord's 3 seconds."""

    async def complete(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        choices = []
        named = chosen_games(getattr(interaction.namespace, "games", None))
        games = named
        if kind is not EntityKind.ATHLETE or named is not None:
            games = await which_games(context, interaction, named)
        w = words_for(interaction_lang(interaction))
        for candidate in context.service.queries.suggest(kind, current[:TEXT_LIMIT], games):
            name = plain(choice_label(candidate, w)).strip()[:TEXT_LIMIT]  # plain text
            if name and 0 < len(candidate.id) <= TEXT_LIMIT:
                choices.append(Choice(name=name, value=candidate.id))
            if len(choices) == 25:
                break
        return choices

    return complete


def chosen_games(games: str | None) -> str | None:
    """The Games an interaction asks about (None: the default); unknown ids stay as typed, so
    the command can say it does not know them."""
    return games.strip() if games and games.strip() else None


async def which_games(
    context: UiContext, interaction: discord.Interaction[Any], games: str | None
) -> str:
    """The Games an interaction means: the one it names (loosely: a city, a year, an alias), or
    ``all``; else the server's own default; else the bot's default."""
    library = context.service.library
    if games is not None:
        return ALL_GAMES if library.is_all(games) else library.games_id(games)
    own = await context.service.servers.games_for(interaction.guild_id)
    return own or library.default_games


def games_autocompleter(context: UiContext) -> AutocompleteCallback:
    """Autocomplete for the Games option: the loaded Games a partly typed name may mean (any of
    their names: a city, a year, an alias in any script), by id."""

    async def complete(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        found = context.service.queries.suggest(EntityKind.GAMES, current[:TEXT_LIMIT])
        choices = [Choice(name=plain(c.label)[:TEXT_LIMIT], value=c.id) for c in found][:24]
        if ALL_GAMES.startswith(current.strip().casefold()):
            choices.append(Choice(name=f"{ALL_GAMES} (every loaded Games)", value=ALL_GAMES))
        return choices

    return complete


def about_page(info: About, server: str, others: list[Games], words: Words) -> Page:
    """The /about answer: the Games, its size, where the data comes from, the other Games."""
    w = markdown_words(words.lang)
    games = info.games
    name = w.games(games.name, games.aliases)
    page = Page(
        title=w.t("About gamesbot · {games}", games=name),
        colour=Colour.TABLE,
        footer=footer(info.provenance, w.plain),
    )
    if not (games.start and games.end):
        dates = w.t("dates unknown")
    elif w.english:
        dates = f"{games.start:%d %B} – {games.end:%d %B %Y}"
    else:
        dates = f"{w.day(games.start)} – {w.date(games.end)}"
    official = w.text(games.official_name or games.name) if w.english else name
    page.description_lines = [
        f"**{official}**, {w.text(games.city)}, {dates}",
        w.t(
            "{events} events in {sports} sports · {nations} NOCs · {athletes} athletes named",
            events=info.events,
            sports=len(info.sports),
            nations=info.nations,
            athletes=info.athletes,
        ),
        "",
        w.t(
            "Results come from {n} cited sources (news agencies and official reports), "
            "checked against the official medal table. The medal table is computed from the results.",
            n=info.sources,
        ),
        w.t("Commands: `/medals`, `/athlete`, `/event`, `/table`, `/ask`; each takes `games:`."),
    ]
    page.fields.append((w.t("This server's Games"), w.said(server), False))
    if others:
        names = ", ".join(w.games(g.name, g.aliases) for g in others)
        page.fields.append((w.t("Also loaded"), names, False))
    page.fields.append((w.t("Version"), f"gamesbot {info.version}", True))
    if info.provenance.as_of:
        page.fields.append(
            (w.t("Last results load"), f"<t:{int(info.provenance.as_of.timestamp())}:R>", True)
        )
    return page


def install_commands(tree: Tree, context: UiContext) -> None:
    """Add the fans' commands to ``tree``."""
    service = context.service
    nation_complete = autocompleter(context, EntityKind.NATION)
    sport_complete = autocompleter(context, EntityKind.SPORT)
    athlete_complete = autocompleter(context, EntityKind.ATHLETE)
    event_complete = autocompleter(context, EntityKind.EVENT)
    games_complete = games_autocompleter(context)
    games_help = "Which Games (default: the current one)"

    async def respond(
        interaction: discord.Interaction[Any], outcome: Outcome, answer: Answer, query: Query | None
    ) -> None:
        outcome.value = outcome_of(answer)
        await show(interaction, answer, query)

    @tree.command(
        name="medals",
        description="A nation's medals: rank, tally, breakdown by sport and every medal",
    )
    @app_commands.describe(
        nation="Nation name, code or alias (korea, KOR, 韩国)",
        sport="Only this sport",
        games=games_help,
    )
    @app_commands.autocomplete(nation=nation_complete, sport=sport_complete, games=games_complete)
    async def medals(
        interaction: discord.Interaction[Any],
        nation: app_commands.Range[str, 1, TEXT_LIMIT],
        sport: app_commands.Range[str, 1, TEXT_LIMIT] | None = None,
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(
            interaction, "medals", nation=nation, sport=sport, games=games
        ) as outcome:
            which = await which_games(context, interaction, chosen_games(games))
            answer = service.queries.medals(nation, sport, games=which)
            if isinstance(answer, NationSummary):
                args = (answer.nation.code, slug(answer.sport) if answer.sport else "")
            else:
                args = (_clean(nation), _clean(sport))
            await respond(interaction, outcome, answer, Query("n", args, _clean(which)))

    @tree.command(
        name="athlete", description="An athlete's events, places, marks, notes and medals"
    )
    @app_commands.describe(name="Athlete name, in any order or spelling", games=games_help)
    @app_commands.autocomplete(name=athlete_complete, games=games_complete)
    async def athlete(
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, TEXT_LIMIT],
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(interaction, "athlete", name=name, games=games) as outcome:
            named = chosen_games(games)
            which = None if named is None else await which_games(context, interaction, named)
            answer = service.queries.athlete(name, games=which)
            key = _clean(name)
            if isinstance(answer, AthleteSummary):
                key = answer.athlete.id
                which = which or answer.provenance.games_id
            elif isinstance(answer, PersonSummary):
                key = answer.person_id
            await respond(interaction, outcome, answer, Query("a", (key,), _clean(which)))

    @tree.command(
        name="event", description="An event's podium and every known place, with marks and notes"
    )
    @app_commands.describe(
        name="Event, e.g. women's 3000m relay",
        sport="The sport, when a name exists in two",
        games=games_help,
    )
    @app_commands.autocomplete(name=event_complete, sport=sport_complete, games=games_complete)
    async def event(
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, TEXT_LIMIT],
        sport: app_commands.Range[str, 1, TEXT_LIMIT] | None = None,
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(
            interaction, "event", name=name, sport=sport, games=games
        ) as outcome:
            which = await which_games(context, interaction, chosen_games(games))
            answer = service.queries.event(name, sport, games=which)
            if isinstance(answer, EventResult):
                args = (answer.event.id, "")
            else:
                args = (_clean(name), _clean(sport))
            await respond(interaction, outcome, answer, Query("e", args, _clean(which)))

    @tree.command(name="table", description="The medal table, overall or for one sport")
    @app_commands.describe(
        sport="Only this sport",
        sort="Rank by gold (default) or by total",
        all="Add the NOCs without medals",
        games=games_help,
    )
    @app_commands.autocomplete(sport=sport_complete, games=games_complete)
    async def table(
        interaction: discord.Interaction[Any],
        sport: app_commands.Range[str, 1, TEXT_LIMIT] | None = None,
        sort: Literal["gold", "total"] = "gold",
        all: bool = False,  # the option's public name, although it shadows a builtin
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(
            interaction, "table", sport=sport, sort=sort, all=all, games=games
        ) as outcome:
            which = await which_games(context, interaction, chosen_games(games))
            answer = service.queries.table(sport, sort=sort, include_all=all, games=which)
            sport_id = (
                slug(answer.sport)
                if isinstance(answer, MedalTable) and answer.sport
                else _clean(sport)
            )
            query = Query("t", (sport_id, sort, "1" if all else "0"), _clean(which))
            await respond(interaction, outcome, answer, query)

    @tree.command(name="ask", description="Ask a question about the Games in plain words")
    @app_commands.describe(
        question="e.g. who won the women's 1500m in short track?", games=games_help
    )
    @app_commands.autocomplete(games=games_complete)
    async def ask(
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, QUESTION_LIMIT],
        games: app_commands.Range[str, 1, GAMES_LIMIT] | None = None,
    ) -> None:
        async with context.track(
            interaction, "ask", question_length=len(question), games=games
        ) as outcome:
            which = await which_games(context, interaction, chosen_games(games))
            answer = service.queries.ask(question, games=which)
            query: Query | None = None
            if isinstance(answer, Disambiguation | NoMatch):
                kinds = {EntityKind.NATION: "n", EntityKind.ATHLETE: "a", EntityKind.EVENT: "e"}
                kind = kinds.get(answer.kind)
                query = Query(kind, ("",), _clean(which)) if kind else None
            await respond(interaction, outcome, answer, query)

    @tree.command(
        name="about", description="What this bot knows: the Games, data sources, last results load"
    )
    async def about(interaction: discord.Interaction[Any]) -> None:
        async with context.track(interaction, "about"):
            games_id = await which_games(context, interaction, None)
            info = service.queries.about(games_id)
            others = [service.library.view(g).index.data.games for g in info.other_games]
            server = await service.servers.describe(interaction.guild_id)
            page = about_page(info, server, others, words_for(interaction_lang(interaction)))
            await interaction.response.send_message(
                embed=page.embed(), allowed_mentions=discord.AllowedMentions.none()
            )
