"""Embeds from answer models: one pure function per answer. Long answers become pages through the
one splitter (``bot.discord_ui.pages``), which keeps every Discord limit (25 fields, 256-char
titles and field names, 1,024 a field, 4,096 description, 2,048 footer, 6,000 in all) and makes
each page only when it is shown; the caller adds page buttons.

Every renderer gets ``MarkdownWords`` (``bot.discord_ui.markdown``): names and stored text come
out of it escaped, so lines are built (and counted by the splitter) as Discord will get them.
Footers are plain text on Discord: they are made with the plain words."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from functools import singledispatch

import discord

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
    MedalLine,
    MedalTable,
    Message,
    NationAcrossGames,
    NationSummary,
    NoMatch,
    PersonSummary,
    Place,
    Ranking,
    UndoResult,
)
from bot.answers.text import (
    UNRANKED_WORDS,
    athlete_name,
    choice_label,
    footer,
    games_name,
    in_sport,
    medal_outcome,
    nation_label,
    nation_name,
    new_games_line,
    no_match_sentence,
    ordinal,
    person_line,
    rank_words,
    ranking_title,
    render_text,
    said,
    table_change,
    unranked_note,
)
from bot.discord_ui.markdown import (
    MarkdownWords,
    clip,
    code,
    escape_markdown,
    inert,
    markdown_words,
)
from bot.discord_ui.pages import TITLE_LIMIT, Embeds, Lines, Page, paginate
from bot.discord_ui.sources import sources_value, warm_sources
from bot.domain.models import GamesData, Medal, MedalCount, Nation
from bot.domain.resolution import EntityKind
from bot.i18n import ENGLISH, Lang

EN = markdown_words(ENGLISH)

NO_FLAG = "🏳️"
#: How many athletes a nation's medal line names: a bigger team (a hockey roster of 25) is
#: named by its first ones and how many more (``/event`` lists the whole team).
TEAM_NAMED = 6
#: How many escaped texts ``safe`` remembers.
SAFE_CACHE_SIZE = 8192


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
    """Text from users or data, made inert (``markdown.inert``), at most ``limit`` chars."""
    return _safe(text, limit)


@functools.lru_cache(maxsize=SAFE_CACHE_SIZE)
def _safe(text: str, limit: int | None) -> str:
    """``safe``, remembered: answers repeat the same names, sports and events, and escaping them
    is most of what rendering costs."""
    cleaned = inert(text)
    return cleaned if limit is None else clip(cleaned, limit)


def medal_line(count: MedalCount) -> str:
    return f"🥇 {count.gold} · 🥈 {count.silver} · 🥉 {count.bronze} · **{count.total}**"


def tally_line(sport: str, count: MedalCount) -> str:
    """``Biathlon: 🥇6 🥈1 🥉2 (9)``: a sport's line of a nation's breakdown."""
    gold, silver, bronze = count.gold, count.silver, count.bronze
    return f"{sport}: 🥇{gold} 🥈{silver} 🥉{bronze} ({gold + silver + bronze})"


def people(athletes: tuple[AthleteRef, ...], w: MarkdownWords = EN, most: int | None = None) -> str:
    """The athletes' names (as ``athlete_name`` gives them), joined with commas; more than
    ``most`` of them (a hockey roster) are the first ``most - 1`` and how many more."""
    person = w.person
    if len(athletes) == 1:  # most lines name one athlete
        return person(athletes[0].name, athletes[0].native_name)
    if most is None or len(athletes) <= most:
        return ", ".join([person(a.name, a.native_name) for a in athletes])
    named = ", ".join([person(a.name, a.native_name) for a in athletes[: most - 1]])
    return f"{named} {w.t('+ {n} more', n=len(athletes) - most + 1)}"


def medal_emoji(medal: Medal | None) -> str:
    return medal.emoji if medal else "▫️"


@singledispatch
def render_pages(answer: object, w: MarkdownWords = EN) -> Sequence[Page]:
    """Any answer model → its pages (in the language of ``w``)."""
    return [
        Page(
            title="gamesbot",
            colour=Colour.ADMIN,
            description_lines=[safe(render_text(answer, w.plain), 3900)],
        )
    ]


def flag_and_name(nation: Nation, w: MarkdownWords) -> str:
    """``🇰🇷 South Korea (KOR)`` with the name in the reader's language."""
    return nation_label(nation, w, NO_FLAG)


@render_pages.register
def _(answer: NationSummary, w: MarkdownWords = EN) -> Sequence[Page]:
    nation = answer.nation
    scope = f" · {w.sport(answer.sport)}" if answer.sport else ""
    head = Page(
        title=f"{flag_and_name(nation, w)}{scope}",
        colour=Colour.NATION,
        footer=footer(answer.provenance, w.plain),
    )
    if answer.count.total and answer.rank is None:
        head.description_lines.append(w.t(UNRANKED_WORDS))
    elif answer.count.total:
        head.description_lines.append(
            w.t("Rank **{rank}** of {total}", rank=answer.rank, total=answer.nations_ranked)
        )
    else:
        head.description_lines.append(
            w.t("No medals{scope} at these Games.", scope=in_sport(answer.sport, w))
        )
    head.description_lines.append(medal_line(answer.count))
    sport_name, day, event_name = w.sport, w.day, w.event  # asked for on every line
    if answer.by_sport and not answer.sport:
        breakdown = "\n".join([tally_line(sport_name(t.sport), t.count) for t in answer.by_sport])
        head.fields.append((w.t("By sport"), breakdown, False))
    in_one_sport = answer.sport is not None

    def medal(line: MedalLine) -> str:
        date = day(line.date) if line.date else "?"
        who = f" — {people(line.athletes, w, TEAM_NAMED)}" if line.athletes else ""
        sport = "" if in_one_sport else f"{sport_name(line.sport)} · "
        return f"{line.medal.emoji} {date} · {sport}{event_name(line.event)}{who}"

    return paginate(head, Lines(answer.medals, medal), lines_title=w.t("**Medals**"))


@render_pages.register
def _(answer: AthleteSummary, w: MarkdownWords = EN) -> Sequence[Page]:
    athlete = answer.athlete
    nation = answer.nation
    head = Page(
        title=athlete_name(athlete, w),
        colour=Colour.ATHLETE,
        footer=footer(answer.provenance, w.plain),
    )
    head.description_lines.append(
        f"{flag_and_name(nation, w)} · {', '.join(w.sport(s) for s in answer.sports)}"
    )
    if athlete.birth_date:
        head.description_lines.append(
            w.t(
                "Born {date}",
                date=athlete.birth_date.isoformat() if w.english else w.date(athlete.birth_date),
            )
        )
    elif athlete.birth_year:
        head.description_lines.append(w.t("Born {date}", date=str(athlete.birth_year)))
    head.description_lines.append(
        medal_line(answer.count) if answer.count.total else w.t("No medals at these Games.")
    )
    return paginate(head, Lines(answer.entries, lambda e: entry_line(e, w)), lines_per_page=6)


def entry_line(entry: AthleteEntry, w: MarkdownWords = EN) -> str:
    """One result of an athlete: event, sport, date, place, medal, mark and note."""
    place = ordinal(entry.rank, w) if entry.rank else w.t("rank not known")
    outcome = medal_outcome(entry.medal, w)
    mark = f" · {w.text(entry.mark)}" if entry.mark else ""
    date = w.day(entry.date) if entry.date else "?"
    line = f"**{w.event(entry.event)}** ({w.sport(entry.sport)}, {date}): {place}, {outcome}{mark}"
    if entry.note:
        line += f"\n  ↳ {clip(w.text(entry.note), 300)}"
    return line


def _games_footer(parts: Sequence[AthleteSummary | NationSummary], w: MarkdownWords = EN) -> str:
    """The footer of an answer over several Games: each Games named, the first one's source."""
    first = parts[0].provenance
    names = " · ".join(games_name(p.provenance, w.plain) for p in parts)
    return footer(first.model_copy(update={"games_name": names, "games_aliases": ()}), w.plain)


@render_pages.register
def _(answer: PersonSummary, w: MarkdownWords = EN) -> Sequence[Page]:
    first = answer.games[0]
    head = Page(
        title=athlete_name(first.athlete, w),
        colour=Colour.ATHLETE,
        footer=_games_footer(answer.games, w),
    )
    nations = dict.fromkeys(flag_and_name(p.nation, w) for p in answer.games)
    head.description_lines.append(" · ".join(nations))
    head.description_lines.append(
        w.t("{n} Games", n=len(answer.games))
        + " · "
        + (medal_line(answer.count) if answer.count.total else w.t("no medals"))
    )
    lines: list[str] = []
    for part in answer.games:
        total = medal_line(part.count) if part.count.total else w.t("no medals")
        lines.append(f"__**{games_name(part.provenance, w)}**__ · {total}")
        lines.extend(entry_line(entry, w) for entry in part.entries)
    lines.extend(
        "*" + w.t("Not in the data for {games}.", games=w.text(name)) + "*"
        for name in answer.not_in
    )
    return paginate(head, lines, lines_per_page=7)


@render_pages.register
def _(answer: NationAcrossGames, w: MarkdownWords = EN) -> Sequence[Page]:
    nation = answer.nation
    label = flag_and_name(nation, w)
    head = Page(
        title=w.t("{nation} · every Games", nation=label),
        colour=Colour.NATION,
        footer=_games_footer(answer.games, w),
    )
    head.description_lines.append(w.t("In all: {medals}", medals=medal_line(answer.count)))
    for part in answer.games:
        rank = f" · {rank_words(part, w)}" if part.count.total else ""
        head.description_lines.append(
            f"**{games_name(part.provenance, w)}**{rank}\n{medal_line(part.count)}"
        )
    head.description_lines.extend(
        w.t("**{games}**: did not take part", games=w.text(name)) for name in answer.not_in
    )
    return [head]


@render_pages.register
def _(answer: EventResult, w: MarkdownWords = EN) -> Sequence[Page]:
    event = answer.event
    head = Page(
        title=f"{w.event(event.name)} · {w.sport(event.sport)}",
        colour=Colour.EVENT,
        footer=footer(answer.provenance, w.plain),
    )
    facts = [w.long_date(event.date) if event.date else w.t("Date not known")]
    if event.venue:
        facts.append(clip(w.text(event.venue.split(" (")[0]), 200))
    head.description_lines.append(" · ".join(facts))
    if event.sources:
        head.fields.append((w.t("Sources"), sources_value(event.sources, w=w), False))
    return paginate(head, Lines(answer.places, lambda p: place_line(p, w)), lines_per_page=8)


def place_line(place: Place, w: MarkdownWords = EN) -> str:
    """One place of an event: medal, rank, flag, nation, athletes, mark and note."""
    rank = f"{place.rank}." if place.rank else "–"
    who = f" — {people(place.athletes, w)}" if place.athletes else ""
    mark = f" · `{clip(code(place.mark), 40)}`" if place.mark else ""
    flag = w.text(place.nation.flag) or NO_FLAG
    nation = nation_name(place.nation, w)
    line = f"{medal_emoji(place.medal)} {rank} {flag} **{nation}**{who}{mark}"
    if place.note:
        line += f"\n  ↳ {clip(w.text(place.note), 300)}"
    return line


@render_pages.register
def _(answer: MedalTable, w: MarkdownWords = EN) -> Sequence[Page]:
    title = w.t("Medal table") + (f" · {w.sport(answer.sport)}" if answer.sport else "")
    if answer.sort == "total":
        title += w.t(" (by total)")
    t = answer.totals
    head = Page(title=title, colour=Colour.TABLE, footer=footer(answer.provenance, w.plain))
    head.description_lines.append(
        w.t(
            "{won} of {participants} NOCs won medals",
            won=answer.nations_with_medals,
            participants=answer.participants,
        )
        + f" · 🥇 {t.gold} · 🥈 {t.silver} · 🥉 {t.bronze}"
    )
    lines = []
    for row in answer.rows:
        c = row.count
        rank = f"`{row.rank:>2}`" if row.rank else "`  `"
        lines.append(
            f"{rank} {w.text(row.nation.flag) or NO_FLAG} **{nation_name(row.nation, w)}** "
            f"({w.text(row.nation.code)}) "
            f"🥇{c.gold} 🥈{c.silver} 🥉{c.bronze} = **{c.total}**"
        )
    if answer.unranked:
        lines.append(f"*{unranked_note(answer, w)}*")
    return paginate(head, lines, lines_per_page=10)


KIND_WORDS = {
    EntityKind.GAMES: "Games",
    EntityKind.NATION: "nation",
    EntityKind.ATHLETE: "athlete",
    EntityKind.EVENT: "event",
    EntityKind.SPORT: "sport",
}


@render_pages.register
def _(answer: Disambiguation, w: MarkdownWords = EN) -> Sequence[Page]:
    what = w.t(KIND_WORDS[answer.kind])
    query = safe(answer.query, 100)
    lone = len(answer.alternatives) == 1  # a match in part, and no other: not "more than one"
    page = Page(
        title=w.t("Did you mean this {what}?", what=what)
        if lone
        else w.t("Which {what} did you mean?", what=what),
        colour=Colour.CHOICE,
        description_lines=[
            w.t("“{query}” fits this {what} only in part. Choose it below.", query=query, what=what)
            if lone
            else w.t(
                "“{query}” could be more than one {what}. Choose below.", query=query, what=what
            )
        ],
        footer=footer(answer.provenance, w.plain),
    )
    page.description_lines += [
        f"{n}. {choice_label(c, w)}" for n, c in enumerate(answer.alternatives[:10], 1)
    ]
    return [page]


@render_pages.register
def _(answer: NoMatch, w: MarkdownWords = EN) -> Sequence[Page]:
    said = no_match_sentence(answer, w) if answer.message else ""
    page = Page(
        title=w.t("No {what} found", what=w.t(KIND_WORDS[answer.kind])),
        colour=Colour.NO_MATCH,
        description_lines=[
            (w.t("Nothing matched “{query}”.", query=safe(answer.query, 100)) + f" {said}").strip()
        ],
        footer=footer(answer.provenance, w.plain),
    )
    if answer.suggestions:
        listed = "; ".join(choice_label(c, w) for c in answer.suggestions[:5])
        page.description_lines.append(w.t("Did you mean: {names}?", names=listed))
    return [page]


@render_pages.register
def _(answer: Ranking, w: MarkdownWords = EN) -> Sequence[Page]:
    head = Page(
        title=ranking_title(answer, w),
        colour=Colour.TABLE,
        footer=footer(answer.provenance, w.plain),
    )
    lines = [
        f"`{row.rank:>2}` {w.text(row.label)} · 🥇{row.count.gold} 🥈{row.count.silver} 🥉{row.count.bronze} = **{row.count.total}**"
        for row in answer.rows
    ] or [w.t("Nobody.")]
    return paginate(head, lines)


#: A channel mention as the services write them in a message ("KOR → <#123…>"): kept.
CHANNEL_MENTION = re.compile(r"(<#\d{15,20}>)")


def message_lines(answer: Message, w: MarkdownWords) -> list[str]:
    """A service's message: from its phrase (its values inert), else its text line by line,
    inert but for the channel mentions the service wrote."""
    if answer.phrase is not None or ("\n" not in answer.text and "<#" not in answer.text):
        return [said(answer.text, answer.phrase, w)]
    return [
        "".join(
            part if CHANNEL_MENTION.fullmatch(part) else w.said(part) if part else ""
            for part in CHANNEL_MENTION.split(line)
        )
        for line in answer.text.splitlines()
    ]


@render_pages.register
def _(answer: Message, w: MarkdownWords = EN) -> Sequence[Page]:
    return [
        Page(
            title="gamesbot",
            colour=Colour.CHOICE if not answer.answered else Colour.TABLE,
            description_lines=message_lines(answer, w),
            footer=footer(answer.provenance, w.plain),
        )
    ]


@render_pages.register
def _(answer: LoadPreview, w: MarkdownWords = EN) -> Sequence[Page]:
    applied = answer.applied_load_id is not None
    source = safe(answer.source)
    head = Page(
        title=(
            w.t("Loaded {source}", source=source)
            if applied
            else w.t("Preview of {source}", source=source)
        ),
        colour=Colour.ADMIN,
        footer=f"sha256 {answer.sha256[:16]}… · {footer(answer.provenance, w.plain)}",
    )
    if answer.new_games:
        head.description_lines.append(new_games_line(answer.new_games, w))
    if not answer.changes_anything:
        head.description_lines.append(w.t("No changes: the data already says this."))
    if answer.table_changes:
        head.fields.append(
            (w.t("Medal table"), "\n".join(table_change(c, w) for c in answer.table_changes), False)
        )
    if answer.new_athletes:
        head.fields.append((w.t("New athletes"), safe(", ".join(answer.new_athletes)), False))
    if answer.new_nations:
        head.fields.append((w.t("New NOCs"), safe(", ".join(answer.new_nations)), False))
    if answer.warnings:
        head.fields.append(
            (w.t("Warnings"), "\n".join(safe(warning) for warning in answer.warnings), False)
        )
    for title, links, joined in (
        (w.t("Same people as at other Games"), answer.joined, True),
        (w.t("Doubtful pairs, not joined"), answer.doubtful, False),
    ):
        if links:
            shown = [clip(person_line(link, joined=joined, w=w), 200) for link in links[:10]]
            more = [w.t("… and {n} more", n=len(links) - 10)] if len(links) > 10 else []
            head.fields.append((f"{title} ({len(links)})", "\n".join(shown + more), False))
    return paginate(head, _event_changes(answer, w), lines_per_page=20)


def _event_changes(answer: LoadPreview, w: MarkdownWords) -> list[str]:
    """A line per event a load changes (and its details), and how many it leaves unchanged."""
    lines = []
    for event in answer.events:
        if event.unchanged:
            continue
        status = w.t("new event") if event.new_event else w.t("replaced")
        lines.append(
            f"**{w.text(event.label)}** ({status}): +{event.added} ~{event.changed} −{event.removed}"
        )
        lines.extend(f"  {clip(w.text(d), 200)}" for d in event.details[:8])
    unchanged = sum(1 for e in answer.events if e.unchanged)
    if unchanged:
        lines.append(w.t("{n} event(s) unchanged", n=unchanged))
    return lines


@render_pages.register
def _(answer: LoadHistory, w: MarkdownWords = EN) -> Sequence[Page]:
    head = Page(
        title=w.t("Results loads"), colour=Colour.ADMIN, footer=footer(answer.provenance, w.plain)
    )
    lines = []
    for load in answer.loads:
        who = f"<@{load.user_id}>" if load.user_id else w.t("command line")
        undone = w.t(" · undone by #{n}", n=str(load.undone_by)) if load.undone_by else ""
        digest = f" · `{load.sha256[:12]}`" if load.sha256 else ""
        counts = w.t("{events} events, {results} results", events=load.events, results=load.results)
        lines.append(
            f"**#{load.load_id}** {load.kind} · {safe(load.source)} · {counts} · "
            f"{who} · <t:{int(load.loaded_at.timestamp())}:f>{digest}{undone}"
        )
    return paginate(head, lines or [w.t("No loads yet.")], lines_per_page=10)


@render_pages.register
def _(answer: UndoResult, w: MarkdownWords = EN) -> Sequence[Page]:
    if answer.undone is None:
        return [
            Page(
                title=w.t("Nothing to undo"),
                colour=Colour.ADMIN,
                description_lines=[
                    w.said(answer.message) if answer.message else w.t("There is no load to undo.")
                ],
            )
        ]
    page = Page(
        title=w.t("Undid load #{n}", n=str(answer.undone.load_id)),
        colour=Colour.ADMIN,
        description_lines=[w.t("Reverted {source}.", source=safe(answer.undone.source))]
        + ([w.said(answer.message)] if answer.message else []),
        footer=footer(answer.provenance, w.plain),
    )
    if answer.table_changes:
        page.fields.append(
            (w.t("Medal table"), "\n".join(table_change(c, w) for c in answer.table_changes), False)
        )
    return [page]


_RENDERED: dict[tuple[int, Lang], tuple[object, Embeds]] = {}
RENDER_CACHE_SIZE = 512


@render_pages.register
def _(answer: AskAnswer, w: MarkdownWords = EN) -> Sequence[Page]:
    understood = "\n".join(ask_understood(part.query, w) for part in answer.parts)
    head = Page(
        title=clip(f"“{safe(answer.question, 200)}”", TITLE_LIMIT),
        colour=Colour.TABLE,
        fields=[(w.t("Understood"), understood, False)],
        footer=footer(answer.provenance, w.plain),
    )
    lines = ask_lines(answer, w)
    return paginate(head, lines, lines_per_page=25)


def render_embeds(answer: Answer, lang: Lang = ENGLISH) -> Sequence[discord.Embed]:
    """Every page of an answer as an embed, in ``lang``, numbered in the footer when there are
    several; each page is made when first read (a fan's answer makes the page it shows). Answers
    are immutable and the service reuses them, so each is rendered once per language (the cache
    holds the answer itself, so an id is never reused while cached)."""
    key = (id(answer), lang)
    cached = _RENDERED.get(key)
    if cached is not None and cached[0] is answer:
        return cached[1]
    embeds = _render(answer, markdown_words(lang))
    if len(_RENDERED) >= 2 * RENDER_CACHE_SIZE:  # nobody trimmed it: never more than twice
        trim_rendered()
    _RENDERED[key] = (answer, embeds)
    return embeds


def trim_rendered() -> None:
    """Forget the oldest rendered answers beyond ``RENDER_CACHE_SIZE``, one at a time (emptying
    the whole cache at once freed hundreds of embeds in one go: a millisecond stall). The
    Discord front-end calls it once an answer has been sent: freeing an old answer's pages,
    lines and embeds touches memory long gone cold, 10-20 us a fan should not wait for."""
    while len(_RENDERED) > RENDER_CACHE_SIZE:
        del _RENDERED[next(iter(_RENDERED))]


#: Text with every construct ``markdown.escape_markdown`` escapes, rendered by ``warm``.
_EVERY_ESCAPE = "# 1. *_~|`[]<>\\ https://example.org @here"


def warm(answers: Iterable[Answer]) -> None:
    """Render ``answers`` in English and keep nothing: what rendering does on first use (the
    source sites' table read, the escapes' substitution templates compiled, modules imported)
    is done now, at a front-end's start, rather than in a fan's first answer of each kind."""
    escape_markdown(_EVERY_ESCAPE)
    words = markdown_words(ENGLISH)
    for answer in answers:
        list(_render(answer, words))


def warm_texts(data: GamesData, lang: Lang = ENGLISH) -> None:
    """Escape, once, the names and stored texts of a Games that answers show, and make its
    sources' masked links (``markdown`` and ``sources`` remember them): the first answer that
    names an athlete, a nation or an event finds them made. Answers are still made when asked."""
    w = markdown_words(lang)
    w.games(data.games.name, data.games.aliases)
    for nation in data.nations:
        flag_and_name(nation, w)
    for athlete in data.athletes:
        athlete_name(athlete, w)
    for event in data.events:
        w.event(event.name)
        w.sport(event.sport)
        w.text(event.venue.split(" (")[0])
        warm_sources(event.sources)
    for result in data.results:
        w.text(result.note)
        w.text(result.mark)
        code(result.mark)


def _render(answer: Answer, w: MarkdownWords) -> Embeds:
    """The answer's pages as embeds, each made when first shown."""

    def numbered(number: int, count: int, footer: str) -> str:
        return w.t("page {n}/{pages}", n=number, pages=count) + f" · {footer}"

    return Embeds(render_pages(answer, w), numbered)
