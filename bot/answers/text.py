"""The plain-text renderer: answer models → text for the terminal (console and command line)."""

from __future__ import annotations

from functools import singledispatch

from bot.answers.ask import AskAnswer
from bot.answers.ask_text import render_ask_text
from bot.answers.models import (
    About,
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
    NewGames,
    NoMatch,
    PersonSummary,
    Ranking,
    TableChange,
    UndoResult,
)
from bot.answers.provenance import footer as footer
from bot.answers.provenance import freshness
from bot.answers.sites import citations
from bot.domain.models import Medal, MedalCount, PersonLink
from bot.domain.resolution import EntityKind

NO_FLAG = "🏳"


def ordinal(rank: int) -> str:
    """1 → 1st, 2 → 2nd, 11 → 11th."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def tally(count: MedalCount) -> str:
    """``16 gold · 15 silver · 14 bronze · 45 total``."""
    return (
        f"{count.gold} gold · {count.silver} silver · {count.bronze} bronze · {count.total} total"
    )


def short_tally(count: MedalCount) -> str:
    """``6/4/3 (13)``."""
    return f"{count.gold}/{count.silver}/{count.bronze} ({count.total})"


def names(athletes: tuple[AthleteRef, ...]) -> str:
    """Athlete names joined with commas."""
    return ", ".join(a.name for a in athletes)


def medal_mark(medal: Medal | None) -> str:
    return medal.emoji if medal else "  "


def source_lines(sources: tuple[str, ...]) -> list[str]:
    """An event's sources: "Sources:", then a line per site shown ("  Xinhua: https://…"), then
    how many are not shown (``bot.answers.sites``)."""
    picked, rest = citations(sources)
    lines = ["Sources:"]
    lines.extend(f"  {c.name}: {c.url}" if c.url else f"  {c.name}" for c in picked)
    if rest:
        lines.append(f"  + {rest} more")
    return lines


@singledispatch
def render_text(answer: object) -> str:
    """Render any answer model as text."""
    raise TypeError(f"no text renderer for {type(answer).__name__}")


UNRANKED_WORDS = "Not ranked in the medal table, as in the official one"


def rank_words(answer: NationSummary) -> str:
    """``Rank 2 of 9``, or why a delegation with medals has no rank."""
    if answer.rank is None:
        return UNRANKED_WORDS
    return f"Rank {answer.rank} of {answer.nations_ranked}"


@render_text.register
def _(answer: NationSummary) -> str:
    nation = answer.nation
    scope = f" in {answer.sport}" if answer.sport else ""
    lines = [f"{nation.flag or NO_FLAG} {nation.name} ({nation.code}){scope}"]
    if answer.count.total:
        lines.append(f"{rank_words(answer)} · {tally(answer.count)}")
    else:
        lines.append(f"No medals{scope} · {tally(answer.count)}")
    if answer.by_sport and not answer.sport:
        lines.append("")
        lines.append("By sport:")
        width = max(len(t.sport) for t in answer.by_sport)
        for item in answer.by_sport:
            c = item.count
            lines.append(
                f"  {item.sport:<{width}}  🥇 {c.gold:>2}  🥈 {c.silver:>2}  🥉 {c.bronze:>2}  = {c.total}"
            )
    if answer.medals:
        lines.append("")
        lines.append("Medals:")
        for line in answer.medals:
            date = line.date.isoformat() if line.date else "date unknown"
            who = f": {names(line.athletes)}" if line.athletes else ""
            mark = f" ({line.mark})" if line.mark else ""
            lines.append(f"  {line.medal.emoji} {date} {line.sport} · {line.event}{who}{mark}")
    lines.append("")
    lines.append(footer(answer.provenance))
    return "\n".join(lines)


def medal_words(medals: MedalCount) -> str:
    """``3 medals (2 gold, 1 silver, 0 bronze)`` or ``no medals``."""
    if not medals.total:
        return "no medals"
    plural = "s" if medals.total != 1 else ""
    return f"{medals.total} medal{plural} ({medals.gold} gold, {medals.silver} silver, {medals.bronze} bronze)"


@render_text.register
def _(answer: AthleteSummary) -> str:
    athlete = answer.athlete
    native = f" ({athlete.native_name})" if athlete.native_name else ""
    nation = answer.nation
    lines = [f"{athlete.name}{native} · {nation.flag or NO_FLAG} {nation.name} ({nation.code})"]
    lines.extend(_athlete_lines(answer))
    lines.append("")
    lines.append(footer(answer.provenance))
    return "\n".join(lines)


@render_text.register
def _(answer: PersonSummary) -> str:
    first = answer.games[0]
    athlete = first.athlete
    native = f" ({athlete.native_name})" if athlete.native_name else ""
    nations = ", ".join(
        dict.fromkeys(
            f"{p.nation.flag or NO_FLAG} {p.nation.name} ({p.nation.code})" for p in answer.games
        )
    )
    lines = [f"{athlete.name}{native} · {nations}"]
    lines.append(f"{len(answer.games)} Games · {medal_words(answer.count)} in all")
    for part in answer.games:
        lines.append("")
        lines.append(f"== {part.provenance.games_name}: {medal_words(part.count)}")
        lines.extend(_athlete_lines(part, facts=False))
    for name in answer.not_in:
        lines.append("")
        lines.append(f"Not in the data for {name}.")
    lines.append("")
    lines.extend(footer(part.provenance) for part in answer.games)
    return "\n".join(lines)


def _athlete_lines(answer: AthleteSummary, *, facts: bool = True) -> list[str]:
    """An athlete's facts line (sports, birth, medals) and one block per result."""
    athlete = answer.athlete
    lines: list[str] = []
    if facts:
        said = [", ".join(answer.sports) or "no results recorded"]
        if athlete.birth_date:
            said.append(f"born {athlete.birth_date.isoformat()}")
        elif athlete.birth_year:
            said.append(f"born {athlete.birth_year}")
        said.append(medal_words(answer.count))
        lines.append(" · ".join(said))
    for entry in answer.entries:
        lines.append("")
        date = entry.date.isoformat() if entry.date else "date unknown"
        place = ordinal(entry.rank) if entry.rank else "rank not known"
        outcome = f"{entry.medal.emoji} {entry.medal.value}" if entry.medal else "no medal"
        mark = f" · {entry.mark}" if entry.mark else ""
        lines.append(f"  {date} {entry.sport} · {entry.event}: {place}, {outcome}{mark}")
        if entry.teammates:
            lines.append(f"    with {names(entry.teammates)}")
        if entry.note:
            lines.append(f"    note: {entry.note}")
    return lines


@render_text.register
def _(answer: NationAcrossGames) -> str:
    nation = answer.nation
    lines = [f"{nation.flag or NO_FLAG} {nation.name} ({nation.code}) at every loaded Games"]
    lines.append(f"{tally(answer.count)} in all")
    lines.append("")
    for part in answer.games:
        rank = f"{rank_words(part)} · " if part.count.total else ""
        lines.append(f"  {part.provenance.games_name}: {rank}{tally(part.count)}")
    for name in answer.not_in:
        lines.append(f"  {name}: did not take part")
    lines.append("")
    lines.extend(footer(part.provenance) for part in answer.games)
    return "\n".join(lines)


@render_text.register
def _(answer: EventResult) -> str:
    event = answer.event
    lines = [f"{event.name} · {event.sport}"]
    facts = [event.date.isoformat() if event.date else "date unknown"]
    if event.venue:
        facts.append(event.venue)
    lines.append(" · ".join(facts))
    lines.append("")
    for place in answer.places:
        rank = f"{place.rank:>2}." if place.rank else " –."
        nation = f"{place.nation.flag or NO_FLAG} {place.nation.name} ({place.nation.code})"
        who = f": {names(place.athletes)}" if place.athletes else ""
        mark = f" · {place.mark}" if place.mark else ""
        lines.append(f"{medal_mark(place.medal)} {rank} {nation}{who}{mark}")
        if place.note:
            lines.append(f"       note: {place.note}")
    if event.notes:
        lines.append("")
        lines.append("Notes:")
        lines.extend(f"  - {note}" for note in event.notes)
    if event.sources:
        lines.append("")
        lines.extend(source_lines(event.sources))
    lines.append("")
    lines.append(footer(answer.provenance))
    return "\n".join(lines)


@render_text.register
def _(answer: MedalTable) -> str:
    title = f"Medal table · {answer.sport}" if answer.sport else "Medal table"
    if answer.sort == "total":
        title += " (by total)"
    lines = [title, ""]
    width = max((len(f"{r.nation.name} ({r.nation.code})") for r in answer.rows), default=10)
    lines.append(f"{'Rank':>4}  {'Nation':<{width + 3}}  {'G':>3} {'S':>3} {'B':>3} {'Total':>5}")
    for row in answer.rows:
        rank = f"{row.rank:>4}" if row.rank else "   –"
        label = f"{row.nation.flag or NO_FLAG} {row.nation.name} ({row.nation.code})"
        c = row.count
        lines.append(
            f"{rank}  {label:<{width + 3}}  {c.gold:>3} {c.silver:>3} {c.bronze:>3} {c.total:>5}"
        )
    t = answer.totals
    lines.append("")
    lines.append(
        f"Total: {t.gold} gold · {t.silver} silver · {t.bronze} bronze · "
        f"{answer.nations_with_medals} of {answer.participants} NOCs won medals"
    )
    if answer.truncated_from:
        lines.append(f"(top of {answer.truncated_from} rows; use --all or no --top for the rest)")
    if answer.unranked:
        lines.append(unranked_note(answer))
    lines.append("")
    lines.append(footer(answer.provenance))
    return "\n".join(lines)


def unranked_note(table: MedalTable) -> str:
    """The line under a table for medals that the official table leaves unranked."""
    listed = ", ".join(
        f"{row.nation.name} ({row.nation.code}) {short_tally(row.count)}" for row in table.unranked
    )
    return f"Not ranked, as in the official table (not in the totals): {listed}"


_KIND_WORDS = {
    EntityKind.GAMES: "Games",
    EntityKind.NATION: "nations",
    EntityKind.ATHLETE: "athletes",
    EntityKind.EVENT: "events",
    EntityKind.SPORT: "sports",
}


@render_text.register
def _(answer: Disambiguation) -> str:
    lines = [f"{answer.query!r} could mean several {_KIND_WORDS[answer.kind]}; which one?"]
    lines.extend(f"  {n}. {c.label}   [{c.id}]" for n, c in enumerate(answer.alternatives, start=1))
    lines.append("Ask again with a fuller name, or with the id in brackets.")
    return "\n".join(lines)


@render_text.register
def _(answer: NoMatch) -> str:
    lines = [answer.message or f"No match for {answer.query!r}."]
    if answer.suggestions and answer.nearest:
        lines.append("Did you mean: " + "; ".join(c.label for c in answer.suggestions[:10]) + "?")
    elif answer.suggestions:
        lines.append(
            "Nothing is close to that. You could ask about: "
            + "; ".join(c.label for c in answer.suggestions[:10])
            + "."
        )
    return "\n".join(lines)


@render_text.register
def _(answer: Ranking) -> str:
    what = "golds" if answer.measure == "gold" else "medals"
    scope = f" in {answer.sport}" if answer.sport else ""
    lines = [f"Most {what}{scope} ({answer.subject}s)"]
    for row in answer.rows:
        lines.append(f"  {row.rank:>2}. {row.label}: {short_tally(row.count)}")
    if not answer.rows:
        lines.append("  nobody")
    lines.append("")
    lines.append(footer(answer.provenance))
    return "\n".join(lines)


@render_text.register
def _(answer: Message) -> str:
    return answer.text


def table_change(change: TableChange) -> str:
    """``KOR 16/15/14 → 15/16/14 (rank 2 → 2)``."""
    b, a = change.before, change.after
    ranks = ""
    if change.rank_before != change.rank_after:
        ranks = f" (rank {change.rank_before or '–'} → {change.rank_after or '–'})"
    return f"{change.noc} {b.gold}/{b.silver}/{b.bronze} → {a.gold}/{a.silver}/{a.bronze}{ranks}"


@render_text.register
def _(answer: LoadPreview) -> str:
    applied = answer.applied_load_id is not None
    head = (
        f"Loaded {answer.source} (load {answer.applied_load_id})"
        if applied
        else f"Preview of {answer.source}"
    )
    lines = [head, f"sha256 {answer.sha256[:16]}…"]
    if answer.new_games:
        lines.append(new_games_line(answer.new_games))
    if not answer.changes_anything:
        lines.append("No changes: the data already says this.")
    for event in answer.events:
        if event.unchanged:
            continue
        status = "new event" if event.new_event else "replaced"
        lines.append(
            f"- {event.label} ({status}): {event.added} added, {event.changed} changed, {event.removed} removed"
        )
        lines.extend(f"    {detail}" for detail in event.details)
    unchanged = sum(1 for e in answer.events if e.unchanged)
    if unchanged:
        lines.append(f"- {unchanged} event{'s' if unchanged != 1 else ''} unchanged")
    if answer.new_nations:
        lines.append("New NOCs: " + ", ".join(answer.new_nations))
    if answer.new_athletes:
        lines.append("New athletes: " + ", ".join(answer.new_athletes))
    if answer.table_changes:
        lines.append("Medal table: " + "; ".join(table_change(c) for c in answer.table_changes))
    if answer.joined:
        lines.append(f"Same people as at other Games ({len(answer.joined)}):")
        lines.extend(f"  {person_line(link, joined=True)}" for link in answer.joined)
    if answer.doubtful:
        lines.append(f"Doubtful pairs, not joined ({len(answer.doubtful)}):")
        lines.extend(f"  {person_line(link, joined=False)}" for link in answer.doubtful)
    for warning in answer.warnings:
        lines.append(f"Warning: {warning}")
    return "\n".join(lines)


def new_games_line(games: NewGames) -> str:
    """``new Games: 116 events, 93 NOCs, 1,042 athletes``."""
    return (
        f"New Games {games.name} ({games.games_id}): {games.events} events, "
        f"{games.nations} NOCs, {games.athletes:,} athletes"
    )


def person_line(link: PersonLink, *, joined: bool) -> str:
    """One athlete beside an athlete of another Games, joined or left apart (and why)."""
    other = f"{link.other_name} ({link.other_noc}) of {link.other_games_name}"
    if joined:
        return f"{link.name} ({link.noc}) = {other}"
    return (
        f"{link.name} ({link.noc}) ≟ {other}: {link.reason}; not joined "
        f'(give the athlete "person": "{link.person_id}" to join)'
    )


@render_text.register
def _(answer: LoadHistory) -> str:
    if not answer.loads:
        return "No loads yet."
    lines = ["Loads, newest first:"]
    for load in answer.loads:
        who = f"user {load.user_id}" if load.user_id else "command line"
        undone = f" · undone by {load.undone_by}" if load.undone_by else ""
        digest = f" · sha256 {load.sha256[:12]}" if load.sha256 else ""
        lines.append(
            f"  {load.load_id:>3}  {load.loaded_at:%Y-%m-%d %H:%M} UTC  {load.kind:<7} {load.source}"
            f" · {load.events} events, {load.results} results · {who}{digest}{undone}"
        )
    return "\n".join(lines)


@render_text.register
def _(answer: UndoResult) -> str:
    if answer.undone is None:
        return answer.message or "Nothing to undo."
    lines = [f"Undid load {answer.undone.load_id} ({answer.undone.source})."]
    if answer.message:
        lines.append(answer.message)
    if answer.table_changes:
        lines.append("Medal table: " + "; ".join(table_change(c) for c in answer.table_changes))
    return "\n".join(lines)


@render_text.register
def _(answer: About) -> str:
    games = answer.games
    dates = (
        f"{games.start:%d %b} to {games.end:%d %b %Y}"
        if games.start and games.end
        else "dates unknown"
    )
    lines = [
        f"{games.name} ({games.official_name}), {games.city}, {dates}",
        f"{answer.events} events in {len(answer.sports)} sports · {answer.nations} NOCs · {answer.athletes} athletes named",
        f"Results from {answer.sources} cited sources (news agencies and official reports); medal table computed from results.",
        f"Data: {freshness(answer.provenance)}",
        f"gamesbot {answer.version}",
    ]
    if answer.other_games:
        lines.append("Also loaded: " + ", ".join(answer.other_games))
    return "\n".join(lines)


render_text.register(AskAnswer, render_ask_text)
