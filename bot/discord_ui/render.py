"""Embeds from answer models: one pure function per answer, and the one splitter that keeps every
Discord limit (25 fields, 256-char titles and field names, 1,024 a field, 4,096 description,
2,048 footer, 6,000 in all). Long answers become pages; the caller adds page buttons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import singledispatch

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.answers.ask import AskAnswer
from bot.answers.ask_text import answer_lines as ask_lines
from bot.answers.ask_text import understood as ask_understood
from bot.answers.models import (
    Answer,
    AthleteEntry,
    AthleteRef,
    AthleteSummary,
    Disambiguation,
    EventResult,
    LoadHistory,
    LoadPreview,
    MedalTable,
    Message,
    NationAcrossGames,
    NationSummary,
    NoMatch,
    PersonSummary,
    Ranking,
    UndoResult,
)
from bot.answers.text import (
    UNRANKED_WORDS,
    footer,
    new_games_line,
    ordinal,
    person_line,
    rank_words,
    render_text,
    table_change,
    unranked_note,
)
from bot.discord_ui.sources import sources_value
from bot.domain.models import Medal, MedalCount
from bot.domain.resolution import EntityKind

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
FIELDS_LIMIT = 25
TOTAL_LIMIT = 6000
LINES_PER_PAGE = 15
NO_FLAG = "🏳️"


class Colour:
    """One colour per kind of answer, the same everywhere."""

    NATION = discord.Colour(0xE8B923)
    ATHLETE = discord.Colour(0x2E9E5B)
    EVENT = discord.Colour(0x7E57C2)
    TABLE = discord.Colour(0x1E88E5)
    CHOICE = discord.Colour(0xFB8C00)
    NO_MATCH = discord.Colour(0x9E9E9E)
    ADMIN = discord.Colour(0x546E7A)
    ERROR = discord.Colour(0xE53935)


def safe(text: str, limit: int | None = None) -> str:
    """Text from users or data, made inert: no mentions, no markdown, at most ``limit`` chars."""
    cleaned = escape_mentions(escape_markdown(text.replace("\n", " ")))
    if limit is not None and len(cleaned) > limit:
        cleaned = cleaned[: max(limit - 1, 0)].rstrip("\\") + "…"
    return cleaned


def clip(text: str, limit: int) -> str:
    """Cut already-safe text to ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Page:
    """One page of an answer: an embed's parts before they become an embed."""

    title: str
    colour: discord.Colour
    description_lines: list[str] = field(default_factory=list)
    fields: list[tuple[str, str, bool]] = field(default_factory=list)
    footer: str = ""
    url: str | None = None

    def embed(self) -> discord.Embed:
        """The embed, every part cut to Discord's limits."""
        embed = discord.Embed(
            title=clip(self.title, TITLE_LIMIT),
            colour=self.colour,
            description=clip("\n".join(self.description_lines), DESCRIPTION_LIMIT) or None,
        )
        for name, value, inline in self.fields[:FIELDS_LIMIT]:
            embed.add_field(
                name=clip(name, FIELD_NAME_LIMIT) or "\u200b",
                value=clip(value, FIELD_VALUE_LIMIT) or "\u200b",
                inline=inline,
            )
        if self.footer:
            embed.set_footer(text=clip(self.footer, FOOTER_LIMIT))
        while len(embed) > TOTAL_LIMIT and embed.fields:
            embed.remove_field(-1)
        if len(embed) > TOTAL_LIMIT and embed.description:
            embed.description = clip(
                embed.description, max(len(embed.description) - (len(embed) - TOTAL_LIMIT), 1)
            )
        return embed


def paginate(
    head: Page,
    lines: Sequence[str],
    *,
    lines_per_page: int = LINES_PER_PAGE,
    lines_title: str | None = None,
) -> list[Page]:
    """Split ``lines`` over pages: the first page carries ``head``'s description and fields, the
    following ones repeat its title. Each page stays within the description limit."""
    chunks: list[list[str]] = []
    current: list[str] = []
    size = sum(len(line) + 1 for line in head.description_lines)
    for line in lines:
        line = clip(line, 1000)
        if current and (
            len(current) >= lines_per_page or size + len(line) + 1 > DESCRIPTION_LIMIT - 200
        ):
            chunks.append(current)
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current or not chunks:
        chunks.append(current)
    pages = []
    for number, chunk in enumerate(chunks):
        description = list(head.description_lines) if number == 0 else []
        if lines_title and chunk:
            description += ["", lines_title] if description else [lines_title]
        description += chunk
        pages.append(
            Page(
                title=head.title,
                colour=head.colour,
                description_lines=description,
                fields=list(head.fields) if number == 0 else [],
                footer=head.footer,
                url=head.url,
            )
        )
    return pages


def medal_line(count: MedalCount) -> str:
    return f"🥇 {count.gold} · 🥈 {count.silver} · 🥉 {count.bronze} · **{count.total}**"


def people(athletes: tuple[AthleteRef, ...]) -> str:
    return ", ".join(safe(a.name) for a in athletes)


def medal_emoji(medal: Medal | None) -> str:
    return medal.emoji if medal else "▫️"


@singledispatch
def render_pages(answer: object) -> list[Page]:
    """Any answer model → its pages."""
    return [
        Page(
            title="gamesbot",
            colour=Colour.ADMIN,
            description_lines=[safe(render_text(answer), 3900)],
        )
    ]


@render_pages.register
def _(answer: NationSummary) -> list[Page]:
    nation = answer.nation
    scope = f" · {answer.sport}" if answer.sport else ""
    head = Page(
        title=f"{nation.flag or NO_FLAG} {nation.name} ({nation.code}){scope}",
        colour=Colour.NATION,
        footer=footer(answer.provenance),
    )
    if answer.count.total and answer.rank is None:
        head.description_lines.append(UNRANKED_WORDS)
    elif answer.count.total:
        head.description_lines.append(f"Rank **{answer.rank}** of {answer.nations_ranked}")
    else:
        head.description_lines.append(
            f"No medals{' in ' + answer.sport if answer.sport else ''} at these Games."
        )
    head.description_lines.append(medal_line(answer.count))
    if answer.by_sport and not answer.sport:
        breakdown = [
            f"{t.sport}: 🥇{t.count.gold} 🥈{t.count.silver} 🥉{t.count.bronze} ({t.count.total})"
            for t in answer.by_sport
        ]
        head.fields.append(("By sport", "\n".join(breakdown), False))
    lines = []
    for line in answer.medals:
        date = line.date.strftime("%d %b") if line.date else "?"
        who = f" — {people(line.athletes)}" if line.athletes else ""
        sport = "" if answer.sport else f"{line.sport} · "
        lines.append(f"{line.medal.emoji} {date} · {sport}{line.event}{who}")
    return paginate(head, lines, lines_title="**Medals**")


@render_pages.register
def _(answer: AthleteSummary) -> list[Page]:
    athlete = answer.athlete
    native = f" ({athlete.native_name})" if athlete.native_name else ""
    nation = answer.nation
    head = Page(
        title=f"{safe(athlete.name)}{safe(native)}",
        colour=Colour.ATHLETE,
        footer=footer(answer.provenance),
    )
    head.description_lines.append(
        f"{nation.flag or NO_FLAG} {nation.name} ({nation.code}) · {', '.join(answer.sports)}"
    )
    born = (
        athlete.birth_date.isoformat()
        if athlete.birth_date
        else (str(athlete.birth_year) if athlete.birth_year else "")
    )
    if born:
        head.description_lines.append(f"Born {born}")
    head.description_lines.append(
        medal_line(answer.count) if answer.count.total else "No medals at these Games."
    )
    lines = [entry_line(entry) for entry in answer.entries]
    return paginate(head, lines, lines_per_page=6)


def entry_line(entry: AthleteEntry) -> str:
    """One result of an athlete: event, sport, date, place, medal, mark and note."""
    place = ordinal(entry.rank) if entry.rank else "rank not known"
    outcome = f"{entry.medal.emoji} {entry.medal.value}" if entry.medal else "no medal"
    mark = f" · {safe(entry.mark)}" if entry.mark else ""
    date = entry.date.strftime("%d %b") if entry.date else "?"
    line = f"**{safe(entry.event)}** ({safe(entry.sport)}, {date}): {place}, {outcome}{mark}"
    if entry.note:
        line += f"\n  ↳ {safe(entry.note, 300)}"
    return line


def _games_footer(parts: Sequence[AthleteSummary | NationSummary]) -> str:
    """The footer of an answer over several Games: each Games named, the first one's source."""
    first = parts[0].provenance
    names = " · ".join(p.provenance.games_name for p in parts)
    return footer(first.model_copy(update={"games_name": names}))


@render_pages.register
def _(answer: PersonSummary) -> list[Page]:
    first = answer.games[0]
    athlete = first.athlete
    native = f" ({athlete.native_name})" if athlete.native_name else ""
    head = Page(
        title=f"{safe(athlete.name)}{safe(native)}",
        colour=Colour.ATHLETE,
        footer=_games_footer(answer.games),
    )
    nations = dict.fromkeys(
        f"{p.nation.flag or NO_FLAG} {safe(p.nation.name)} ({p.nation.code})" for p in answer.games
    )
    head.description_lines.append(" · ".join(nations))
    head.description_lines.append(
        f"{len(answer.games)} Games · "
        + (medal_line(answer.count) if answer.count.total else "no medals")
    )
    lines: list[str] = []
    for part in answer.games:
        total = medal_line(part.count) if part.count.total else "no medals"
        lines.append(f"__**{safe(part.provenance.games_name)}**__ · {total}")
        lines.extend(entry_line(entry) for entry in part.entries)
    lines.extend(f"*Not in the data for {safe(name)}.*" for name in answer.not_in)
    return paginate(head, lines, lines_per_page=7)


@render_pages.register
def _(answer: NationAcrossGames) -> list[Page]:
    nation = answer.nation
    head = Page(
        title=f"{nation.flag or NO_FLAG} {safe(nation.name)} ({nation.code}) · every Games",
        colour=Colour.NATION,
        footer=_games_footer(answer.games),
    )
    head.description_lines.append(f"In all: {medal_line(answer.count)}")
    for part in answer.games:
        rank = f" · {rank_words(part)}" if part.count.total else ""
        head.description_lines.append(
            f"**{safe(part.provenance.games_name)}**{rank}\n{medal_line(part.count)}"
        )
    head.description_lines.extend(f"**{safe(name)}**: did not take part" for name in answer.not_in)
    return [head]


@render_pages.register
def _(answer: EventResult) -> list[Page]:
    event = answer.event
    head = Page(
        title=f"{event.name} · {event.sport}", colour=Colour.EVENT, footer=footer(answer.provenance)
    )
    facts = [event.date.strftime("%A %d %B %Y") if event.date else "Date not known"]
    if event.venue:
        facts.append(safe(event.venue.split(" (")[0], 200))
    head.description_lines.append(" · ".join(facts))
    lines = []
    for place in answer.places:
        rank = f"{place.rank}." if place.rank else "–"
        who = f" — {people(place.athletes)}" if place.athletes else ""
        mark = f" · `{safe(place.mark, 40)}`" if place.mark else ""
        line = f"{medal_emoji(place.medal)} {rank} {place.nation.flag or NO_FLAG} **{place.nation.name}**{who}{mark}"
        if place.note:
            line += f"\n  ↳ {safe(place.note, 300)}"
        lines.append(line)
    if event.sources:
        head.fields.append(("Sources", sources_value(event.sources), False))
    return paginate(head, lines, lines_per_page=8)


@render_pages.register
def _(answer: MedalTable) -> list[Page]:
    title = "Medal table" + (f" · {answer.sport}" if answer.sport else "")
    if answer.sort == "total":
        title += " (by total)"
    t = answer.totals
    head = Page(title=title, colour=Colour.TABLE, footer=footer(answer.provenance))
    head.description_lines.append(
        f"{answer.nations_with_medals} of {answer.participants} NOCs won medals · "
        f"🥇 {t.gold} · 🥈 {t.silver} · 🥉 {t.bronze}"
    )
    lines = []
    for row in answer.rows:
        c = row.count
        rank = f"`{row.rank:>2}`" if row.rank else "`  `"
        lines.append(
            f"{rank} {row.nation.flag or NO_FLAG} **{row.nation.name}** ({row.nation.code}) "
            f"🥇{c.gold} 🥈{c.silver} 🥉{c.bronze} = **{c.total}**"
        )
    if answer.unranked:
        lines.append(f"*{safe(unranked_note(answer))}*")
    return paginate(head, lines, lines_per_page=10)


KIND_WORDS = {
    EntityKind.GAMES: "Games",
    EntityKind.NATION: "nation",
    EntityKind.ATHLETE: "athlete",
    EntityKind.EVENT: "event",
    EntityKind.SPORT: "sport",
}


@render_pages.register
def _(answer: Disambiguation) -> list[Page]:
    what = KIND_WORDS[answer.kind]
    page = Page(
        title=f"Which {what} did you mean?",
        colour=Colour.CHOICE,
        description_lines=[
            f"“{safe(answer.query, 100)}” could be more than one {what}. Choose below."
        ],
        footer=footer(answer.provenance),
    )
    page.description_lines += [
        f"{n}. {safe(c.label)}" for n, c in enumerate(answer.alternatives[:10], 1)
    ]
    return [page]


@render_pages.register
def _(answer: NoMatch) -> list[Page]:
    page = Page(
        title=f"No {KIND_WORDS[answer.kind]} found",
        colour=Colour.NO_MATCH,
        description_lines=[
            f"Nothing matched “{safe(answer.query, 100)}”. {answer.message}".strip()
        ],
        footer=footer(answer.provenance),
    )
    if answer.suggestions:
        page.description_lines.append(
            "Did you mean: " + "; ".join(safe(c.label) for c in answer.suggestions[:5]) + "?"
        )
    return [page]


@render_pages.register
def _(answer: Ranking) -> list[Page]:
    what = "golds" if answer.measure == "gold" else "medals"
    scope = f" in {answer.sport}" if answer.sport else ""
    head = Page(title=f"Most {what}{scope}", colour=Colour.TABLE, footer=footer(answer.provenance))
    lines = [
        f"`{row.rank:>2}` {safe(row.label)} · 🥇{row.count.gold} 🥈{row.count.silver} 🥉{row.count.bronze} = **{row.count.total}**"
        for row in answer.rows
    ] or ["Nobody."]
    return paginate(head, lines)


@render_pages.register
def _(answer: Message) -> list[Page]:
    return [
        Page(
            title="gamesbot",
            colour=Colour.CHOICE if not answer.answered else Colour.TABLE,
            description_lines=[answer.text],
            footer=footer(answer.provenance),
        )
    ]


@render_pages.register
def _(answer: LoadPreview) -> list[Page]:
    applied = answer.applied_load_id is not None
    head = Page(
        title=(f"Loaded {safe(answer.source)}" if applied else f"Preview of {safe(answer.source)}"),
        colour=Colour.ADMIN,
        footer=f"sha256 {answer.sha256[:16]}… · {footer(answer.provenance)}",
    )
    if answer.new_games:
        head.description_lines.append(safe(new_games_line(answer.new_games)))
    if not answer.changes_anything:
        head.description_lines.append("No changes: the data already says this.")
    if answer.table_changes:
        head.fields.append(
            ("Medal table", "\n".join(table_change(c) for c in answer.table_changes), False)
        )
    if answer.new_athletes:
        head.fields.append(("New athletes", safe(", ".join(answer.new_athletes)), False))
    if answer.new_nations:
        head.fields.append(("New NOCs", safe(", ".join(answer.new_nations)), False))
    if answer.warnings:
        head.fields.append(("Warnings", "\n".join(safe(w) for w in answer.warnings), False))
    for title, links, joined in (
        ("Same people as at other Games", answer.joined, True),
        ("Doubtful pairs, not joined", answer.doubtful, False),
    ):
        if links:
            shown = [safe(person_line(link, joined=joined), 200) for link in links[:10]]
            more = [f"… and {len(links) - 10} more"] if len(links) > 10 else []
            head.fields.append((f"{title} ({len(links)})", "\n".join(shown + more), False))
    lines = []
    for event in answer.events:
        if event.unchanged:
            continue
        status = "new event" if event.new_event else "replaced"
        lines.append(
            f"**{safe(event.label)}** ({status}): +{event.added} ~{event.changed} −{event.removed}"
        )
        lines.extend(f"  {safe(d, 200)}" for d in event.details[:8])
    unchanged = sum(1 for e in answer.events if e.unchanged)
    if unchanged:
        lines.append(f"{unchanged} event(s) unchanged")
    return paginate(head, lines, lines_per_page=20)


@render_pages.register
def _(answer: LoadHistory) -> list[Page]:
    head = Page(title="Results loads", colour=Colour.ADMIN, footer=footer(answer.provenance))
    lines = []
    for load in answer.loads:
        who = f"<@{load.user_id}>" if load.user_id else "command line"
        undone = f" · undone by #{load.undone_by}" if load.undone_by else ""
        digest = f" · `{load.sha256[:12]}`" if load.sha256 else ""
        lines.append(
            f"**#{load.load_id}** {load.kind} · {safe(load.source)} · {load.events} events, {load.results} results · "
            f"{who} · <t:{int(load.loaded_at.timestamp())}:f>{digest}{undone}"
        )
    return paginate(head, lines or ["No loads yet."], lines_per_page=10)


@render_pages.register
def _(answer: UndoResult) -> list[Page]:
    if answer.undone is None:
        return [
            Page(
                title="Nothing to undo",
                colour=Colour.ADMIN,
                description_lines=[answer.message or "There is no load to undo."],
            )
        ]
    page = Page(
        title=f"Undid load #{answer.undone.load_id}",
        colour=Colour.ADMIN,
        description_lines=[f"Reverted {safe(answer.undone.source)}."]
        + ([safe(answer.message)] if answer.message else []),
        footer=footer(answer.provenance),
    )
    if answer.table_changes:
        page.fields.append(
            ("Medal table", "\n".join(table_change(c) for c in answer.table_changes), False)
        )
    return [page]


_RENDERED: dict[int, tuple[object, list[discord.Embed]]] = {}
RENDER_CACHE_SIZE = 512


@render_pages.register
def _(answer: AskAnswer) -> list[Page]:
    understood = "\n".join(ask_understood(part.query) for part in answer.parts)
    head = Page(
        title=clip(f"“{safe(answer.question, 200)}”", TITLE_LIMIT),
        colour=Colour.TABLE,
        fields=[("Understood", escape_mentions(understood), False)],
        footer=footer(answer.provenance),
    )
    lines = [escape_mentions(line) for line in ask_lines(answer)]
    return paginate(head, lines, lines_per_page=25)


def render_embeds(answer: Answer) -> list[discord.Embed]:
    """Every page of an answer as an embed, numbered in the footer when there are several.
    Answers are immutable and the service reuses them, so each is rendered once (the cache
    holds the answer itself, so an id is never reused while cached)."""
    cached = _RENDERED.get(id(answer))
    if cached is not None and cached[0] is answer:
        return cached[1]
    embeds = _render(answer)
    if len(_RENDERED) >= RENDER_CACHE_SIZE:
        _RENDERED.clear()
    _RENDERED[id(answer)] = (answer, embeds)
    return embeds


def _render(answer: Answer) -> list[discord.Embed]:
    pages = render_pages(answer)
    embeds = []
    for number, page in enumerate(pages, start=1):
        if len(pages) > 1:
            page.footer = f"page {number}/{len(pages)} · {page.footer}"
        embeds.append(page.embed())
    return embeds
