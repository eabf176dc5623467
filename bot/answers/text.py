"""The plain-text renderer: answer models → text for the terminal (console and command line).
Stored text goes through ``Words`` (names, and ``Words.text`` for the rest) as in every
renderer; what comes out has no control characters (``render_text``)."""

from __future__ import annotations

import datetime as dt
from functools import singledispatch
from unicodedata import east_asian_width

from bot.answers.controls import strip_controls
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
from bot.answers.phrase import Phrase, phrase, with_names
from bot.answers.provenance import Provenance, freshness
from bot.answers.provenance import footer as footer
from bot.domain.models import Athlete, Event, Games, Medal, MedalCount, Nation, PersonLink
from bot.domain.resolution import Candidate, EntityKind
from bot.i18n import ENGLISH, Words, words_for

NO_FLAG = "🏳"


EN = words_for(ENGLISH)


def ordinal(rank: int, w: Words = EN) -> str:
    """1 → 1st, 2 → 2nd, 11 → 11th (1위, 第1名, 1位)."""
    return w.ordinal(rank)


def tally(count: MedalCount, w: Words = EN) -> str:
    """``16 gold · 15 silver · 14 bronze · 45 total``."""
    return w.t(
        "{gold} gold · {silver} silver · {bronze} bronze · {total} total",
        gold=count.gold,
        silver=count.silver,
        bronze=count.bronze,
        total=count.total,
    )


def short_tally(count: MedalCount) -> str:
    """``6/4/3 (13)``."""
    return f"{count.gold}/{count.silver}/{count.bronze} ({count.total})"


def athlete_name(athlete: AthleteRef | Athlete, w: Words = EN) -> str:
    """An athlete's name, with the native one beside (before it, outside English)."""
    return w.person(athlete.name, athlete.native_name)


def names(athletes: tuple[AthleteRef, ...], w: Words = EN) -> str:
    """Athlete names joined with commas (in English as the data writes them; elsewhere the
    native name first)."""
    if w.english:
        return ", ".join(a.name for a in athletes)
    return ", ".join(athlete_name(a, w) for a in athletes)


def nation_name(nation: Nation, w: Words = EN) -> str:
    """A nation's name in the reader's language."""
    return w.nation(nation.name, nation.aliases, nation.flag)


def nation_label(nation: Nation, w: Words = EN, no_flag: str = NO_FLAG) -> str:
    """``🇰🇷 South Korea (KOR)``."""
    flag = w.text(nation.flag) or no_flag
    return f"{flag} {nation_name(nation, w)} ({w.text(nation.code)})"


def games_name(provenance: Provenance, w: Words = EN) -> str:
    """The name of an answer's Games in the reader's language."""
    return w.games(provenance.games_name, provenance.games_aliases)


def pad(text: str, width: int, w: Words = EN) -> str:
    """``text`` filled to ``width`` columns (wide characters count two outside English)."""
    if w.english:
        return f"{text:<{width}}"
    return text + " " * max(width - columns(text), 0)


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (East Asian wide characters take two)."""
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def medal_mark(medal: Medal | None) -> str:
    return medal.emoji if medal else "  "


def medal_outcome(medal: Medal | None, w: Words = EN) -> str:
    """``🥇 gold``, or ``no medal``."""
    return f"{medal.emoji} {w.medal(medal)}" if medal else w.t("no medal")


def source_lines(sources: tuple[str, ...], w: Words = EN) -> list[str]:
    """An event's sources: "Sources:", then a line per site shown ("  Xinhua: https://…"), then
    how many are not shown (``bot.answers.sites``, imported by the first: only events show them)."""
    from bot.answers.sites import citations

    picked, rest = citations(sources)
    lines = [w.t("Sources:")]
    lines.extend(f"  {c.name}: {c.url}" if c.url else f"  {c.name}" for c in picked)
    if rest:
        lines.append("  " + w.t("+ {n} more", n=rest))
    return lines


def render_text(answer: object, w: Words = EN) -> str:
    """Render any answer model as text for a terminal (in the language of ``w``), without the
    control characters stored data may hold (``bot.answers.controls``)."""
    return strip_controls(text_of(answer, w))


@singledispatch
def text_of(answer: object, w: Words = EN) -> str:
    """The text of any answer model, as its renderer wrote it. An /ask answer's renderer
    (``bot.answers.ask_text``) is imported by its first answer: only /ask has its models."""
    from bot.answers.ask import AskAnswer

    if isinstance(answer, AskAnswer):
        from bot.answers.ask_text import render_ask_text

        return render_ask_text(answer, w)
    raise TypeError(f"no text renderer for {type(answer).__name__}")


UNRANKED_WORDS = "Not ranked in the medal table, as in the official one"


def rank_words(answer: NationSummary, w: Words = EN) -> str:
    """``Rank 2 of 9``, or why a delegation with medals has no rank."""
    if answer.rank is None:
        return w.t(UNRANKED_WORDS)
    return w.t("Rank {rank} of {total}", rank=answer.rank, total=answer.nations_ranked)


def in_sport(sport: str | None, w: Words = EN) -> str:
    """`` in Curling`` (empty without a sport)."""
    return w.t(" in {sport}", sport=w.sport(sport)) if sport else ""


def day_or_unknown(date: dt.date | None, w: Words = EN) -> str:
    return w.date(date) if date else w.t("date unknown")


@text_of.register
def _(answer: NationSummary, w: Words = EN) -> str:
    nation = answer.nation
    scope = in_sport(answer.sport, w)
    lines = [f"{nation_label(nation, w)}{scope}"]
    if answer.count.total:
        lines.append(f"{rank_words(answer, w)} · {tally(answer.count, w)}")
    else:
        lines.append(w.t("No medals{scope}", scope=scope) + f" · {tally(answer.count, w)}")
    if answer.by_sport and not answer.sport:
        lines.append("")
        lines.append(w.t("By sport:"))
        sports = [w.sport(t.sport) for t in answer.by_sport]
        width = max(len(s) if w.english else columns(s) for s in sports)
        for sport, item in zip(sports, answer.by_sport, strict=True):
            c = item.count
            lines.append(
                f"  {pad(sport, width, w)}  🥇 {c.gold:>2}  🥈 {c.silver:>2}  🥉 {c.bronze:>2}  = {c.total}"
            )
    if answer.medals:
        lines.append("")
        lines.append(w.t("Medals:"))
        for line in answer.medals:
            date = day_or_unknown(line.date, w)
            who = f": {names(line.athletes, w)}" if line.athletes else ""
            mark = f" ({line.mark})" if line.mark else ""
            lines.append(
                f"  {line.medal.emoji} {date} {w.sport(line.sport)} · {w.event(line.event)}{who}{mark}"
            )
    lines.append("")
    lines.append(footer(answer.provenance, w))
    return "\n".join(lines)


def medal_words(medals: MedalCount, w: Words = EN) -> str:
    """``3 medals (2 gold, 1 silver, 0 bronze)`` or ``no medals``."""
    if not medals.total:
        return w.t("no medals")
    return w.n(
        "{n} medal ({gold} gold, {silver} silver, {bronze} bronze)",
        "{n} medals ({gold} gold, {silver} silver, {bronze} bronze)",
        medals.total,
        gold=medals.gold,
        silver=medals.silver,
        bronze=medals.bronze,
    )


@text_of.register
def _(answer: AthleteSummary, w: Words = EN) -> str:
    lines = [f"{athlete_name(answer.athlete, w)} · {nation_label(answer.nation, w)}"]
    lines.extend(_athlete_lines(answer, w))
    lines.append("")
    lines.append(footer(answer.provenance, w))
    return "\n".join(lines)


@text_of.register
def _(answer: PersonSummary, w: Words = EN) -> str:
    first = answer.games[0]
    nations = ", ".join(dict.fromkeys(nation_label(p.nation, w) for p in answer.games))
    lines = [f"{athlete_name(first.athlete, w)} · {nations}"]
    lines.append(
        w.t(
            "{games} Games · {medals} in all",
            games=len(answer.games),
            medals=medal_words(answer.count, w),
        )
    )
    for part in answer.games:
        lines.append("")
        lines.append(f"== {games_name(part.provenance, w)}: {medal_words(part.count, w)}")
        lines.extend(_athlete_lines(part, w, facts=False))
    for name in answer.not_in:
        lines.append("")
        lines.append(w.t("Not in the data for {games}.", games=name))
    lines.append("")
    lines.extend(footer(part.provenance, w) for part in answer.games)
    return "\n".join(lines)


def _facts_line(answer: AthleteSummary, w: Words) -> str:
    """Sports, birth and medals of an athlete."""
    athlete = answer.athlete
    said = [", ".join(w.sport(s) for s in answer.sports) or w.t("no results recorded")]
    if athlete.birth_date:
        said.append(w.t("born {date}", date=w.date(athlete.birth_date)))
    elif athlete.birth_year:
        said.append(w.t("born {date}", date=str(athlete.birth_year)))
    said.append(medal_words(answer.count, w))
    return " · ".join(said)


def _athlete_lines(answer: AthleteSummary, w: Words = EN, *, facts: bool = True) -> list[str]:
    """An athlete's facts line (sports, birth, medals) and one block per result."""
    lines: list[str] = [_facts_line(answer, w)] if facts else []
    for entry in answer.entries:
        lines.append("")
        date = day_or_unknown(entry.date, w)
        place = ordinal(entry.rank, w) if entry.rank else w.t("rank not known")
        outcome = medal_outcome(entry.medal, w)
        mark = f" · {entry.mark}" if entry.mark else ""
        lines.append(
            f"  {date} {w.sport(entry.sport)} · {w.event(entry.event)}: {place}, {outcome}{mark}"
        )
        if entry.teammates:
            lines.append("    " + w.t("with {names}", names=names(entry.teammates, w)))
        if entry.note:
            lines.append("    " + w.t("note: {note}", note=entry.note))
    return lines


@text_of.register
def _(answer: NationAcrossGames, w: Words = EN) -> str:
    lines = [w.t("{nation} at every loaded Games", nation=nation_label(answer.nation, w))]
    lines.append(w.t("{tally} in all", tally=tally(answer.count, w)))
    lines.append("")
    for part in answer.games:
        rank = f"{rank_words(part, w)} · " if part.count.total else ""
        lines.append(f"  {games_name(part.provenance, w)}: {rank}{tally(part.count, w)}")
    for name in answer.not_in:
        lines.append("  " + w.t("{games}: did not take part", games=name))
    lines.append("")
    lines.extend(footer(part.provenance, w) for part in answer.games)
    return "\n".join(lines)


@text_of.register
def _(answer: EventResult, w: Words = EN) -> str:
    event = answer.event
    lines = [f"{w.event(event.name)} · {w.sport(event.sport)}"]
    facts = [day_or_unknown(event.date, w)]
    if event.venue:
        facts.append(event.venue)
    lines.append(" · ".join(facts))
    lines.append("")
    for place in answer.places:
        rank = f"{place.rank:>2}." if place.rank else " –."
        who = f": {names(place.athletes, w)}" if place.athletes else ""
        mark = f" · {place.mark}" if place.mark else ""
        lines.append(f"{medal_mark(place.medal)} {rank} {nation_label(place.nation, w)}{who}{mark}")
        if place.note:
            lines.append("       " + w.t("note: {note}", note=place.note))
    if event.notes:
        lines.append("")
        lines.append(w.t("Notes:"))
        lines.extend(f"  - {note}" for note in event.notes)
    if event.sources:
        lines.append("")
        lines.extend(source_lines(event.sources, w))
    lines.append("")
    lines.append(footer(answer.provenance, w))
    return "\n".join(lines)


def _table_title(answer: MedalTable, w: Words) -> str:
    title = (
        w.t("Medal table · {sport}", sport=w.sport(answer.sport))
        if answer.sport
        else w.t("Medal table")
    )
    return title + w.t(" (by total)") if answer.sort == "total" else title


@text_of.register
def _(answer: MedalTable, w: Words = EN) -> str:
    lines = [_table_title(answer, w), ""]
    labels = [nation_label(r.nation, w) for r in answer.rows]
    if w.english:
        width = max((len(f"{r.nation.name} ({r.nation.code})") for r in answer.rows), default=10)
    else:
        width = max((columns(label) - 3 for label in labels), default=10)
    lines.append(
        f"{w.t('Rank'):>4}  {pad(w.t('Nation'), width + 3, w)}  "
        f"{w.t('G'):>3} {w.t('S'):>3} {w.t('B'):>3} {w.t('Total'):>5}"
    )
    for row, label in zip(answer.rows, labels, strict=True):
        rank = f"{row.rank:>4}" if row.rank else "   –"
        c = row.count
        lines.append(
            f"{rank}  {pad(label, width + 3, w)}  {c.gold:>3} {c.silver:>3} {c.bronze:>3} {c.total:>5}"
        )
    t = answer.totals
    lines.append("")
    lines.append(
        w.t(
            "Total: {gold} gold · {silver} silver · {bronze} bronze · "
            "{won} of {participants} NOCs won medals",
            gold=t.gold,
            silver=t.silver,
            bronze=t.bronze,
            won=answer.nations_with_medals,
            participants=answer.participants,
        )
    )
    if answer.truncated_from:
        lines.append(
            w.t("(top of {n} rows; use --all or no --top for the rest)", n=answer.truncated_from)
        )
    if answer.unranked:
        lines.append(unranked_note(answer, w))
    lines.append("")
    lines.append(footer(answer.provenance, w))
    return "\n".join(lines)


def unranked_note(table: MedalTable, w: Words = EN) -> str:
    """The line under a table for medals that the official table leaves unranked."""
    listed = ", ".join(
        f"{nation_name(row.nation, w)} ({w.text(row.nation.code)}) {short_tally(row.count)}"
        for row in table.unranked
    )
    return w.t("Not ranked, as in the official table (not in the totals): {listed}", listed=listed)


_KIND_WORDS = {
    EntityKind.GAMES: "Games",
    EntityKind.NATION: "nations",
    EntityKind.ATHLETE: "athletes",
    EntityKind.EVENT: "events",
    EntityKind.SPORT: "sports",
}


def choice_label(candidate: Candidate, w: Words = EN) -> str:
    """How a candidate of a choice is named: its label in English; in another language from its
    names (a nation's native name, an athlete's native name first, an event composed)."""
    parts = candidate.names
    if w.english:
        return w.text(candidate.label)
    if candidate.kind is EntityKind.SPORT:
        return w.sport(candidate.label)
    if parts is None:
        return w.text(candidate.label)
    match candidate.kind:
        case EntityKind.NATION:
            name = w.nation(parts.name, parts.aliases, parts.flag)
            return f"{w.text(parts.flag)} {name} ({w.text(parts.code)})".strip()
        case EntityKind.ATHLETE:
            code = w.text(parts.code)
            tail = f"{code}, {w.sport(parts.sport)}" if parts.sport else code
            return f"{w.person(parts.name, parts.native)} ({tail})"
        case EntityKind.EVENT:
            return f"{w.event(parts.name)} ({w.sport(parts.sport)})"
    return w.text(candidate.label)


@text_of.register
def _(answer: Disambiguation, w: Words = EN) -> str:
    kinds = w.t(_KIND_WORDS[answer.kind])
    lines = [
        w.t("{query}: did you mean this one?", query=repr(answer.query))
        if len(answer.alternatives) == 1  # a match in part, and no other: not "several"
        else w.t(
            "{query} could mean several {kinds}; which one?", query=repr(answer.query), kinds=kinds
        )
    ]
    lines.extend(
        f"  {n}. {choice_label(c, w)}   [{c.id}]"
        for n, c in enumerate(answer.alternatives, start=1)
    )
    lines.append(w.t("Ask again with a fuller name, or with the id in brackets."))
    return "\n".join(lines)


#: The sentences the service says when nothing matched (``{games}``: the Games' name).
NO_MATCH_WORDS = {
    EntityKind.NATION: "I found no participating nation of the {games} by that name.",
    EntityKind.EVENT: "I found no event of the {games} by that name.",
    EntityKind.SPORT: "I found no sport of the {games} by that name.",
    EntityKind.GAMES: "I found no Games of the {games} by that name.",
    EntityKind.ATHLETE: "No athlete by that name is in the data for {games}.",
}


#: The placeholders of a phrase whose values the bot itself writes, Markdown included (a
#: channel mention, the list of commands): every other value is data (``Words.text``).
MARKUP_VALUES = frozenset({"channel", "commands"})


def said(text: str, spoken: Phrase | None, w: Words = EN) -> str:
    """A sentence made elsewhere, in the reader's language: from its phrase when it has one
    (its values as data), else the catalogue's translation of exactly that sentence, else as
    it is."""
    if spoken is not None:
        values = {k: v if k in MARKUP_VALUES else w.text(v) for k, v in spoken.values}
        raw = dict(spoken.values)
        for key, kind, native, flag in spoken.names:
            values[key] = _spoken_name(kind, raw[key], native, flag, w)
        return w.t(spoken.template, **values)
    return w.said(text)


def _spoken_name(kind: str, name: str, native: tuple[str, ...], flag: str, w: Words) -> str:
    """A name of the data in the reader's language (``Phrase.names``)."""
    if kind == "nation":
        return w.nation(name, native, flag)
    if kind == "games":
        return w.games(name, native)
    if kind == "person":
        return w.person(name, native[0] if native else "")
    return w.event(name) if kind == "event" else w.sport(name)


def _between_games(
    said: Phrase, games: Games, other: Games, *names: tuple[str, str, tuple[str, ...], str]
) -> Phrase:
    """A sentence about the Games asked (``{games}``) and another (``{other}``), its names and
    the two Games' said in the reader's language."""
    return with_names(
        said, *names, ("games", "games", games.aliases, ""), ("other", "games", other.aliases, "")
    )


def took_part_elsewhere(nation: Nation, games: Games, other: Games) -> Phrase:
    """A nation named by another loaded Games than the one asked about (the NOC lists are
    complete): said so, rather than offering similar names of this Games."""
    said = phrase(
        "{nation} ({code}) did not take part in the {games}; it took part in the {other}.",
        nation=nation.name,
        code=nation.code,
        games=games.name,
        other=other.name,
    )
    return _between_games(said, games, other, ("nation", "nation", nation.aliases, nation.flag))


def in_other_data(athlete: Athlete, games: Games, other: Games) -> Phrase:
    """An athlete not in the data of the Games asked about, whom another loaded Games' data
    holds (the data is not every entrant: "not in the data", never "did not compete")."""
    said = phrase(
        "{athlete} ({noc}) is not in the data for the {games}, only in that of the {other}.",
        athlete=athlete.name,
        noc=athlete.noc,
        games=games.name,
        other=other.name,
    )
    native = (athlete.native_name,) if athlete.native_name else ()
    return _between_games(said, games, other, ("athlete", "person", native, ""))


def held_elsewhere(event: Event, games: Games, other: Games) -> Phrase:
    """An event not on the programme of the Games asked about, held at another loaded Games."""
    said = phrase(
        "{event} ({sport}) was not held at the {games}; it was held at the {other}.",
        event=event.name,
        sport=event.sport,
        games=games.name,
        other=other.name,
    )
    return _between_games(
        said, games, other, ("event", "event", (), ""), ("sport", "sport", (), "")
    )


def no_match_sentence(answer: NoMatch, w: Words = EN) -> str:
    """The service's sentence of a no-match answer, in the reader's language when it is one of
    the known sentences (or the catalogue has it)."""
    if w.english or answer.phrase is not None:
        return said(answer.message, answer.phrase, w)
    template = NO_MATCH_WORDS[answer.kind]
    if answer.message == template.format(games=answer.provenance.games_name):
        return w.t(template, games=games_name(answer.provenance, w))
    return w.said(answer.message)


def no_match_words(answer: NoMatch, w: Words = EN) -> str:
    """What a no-match answer says first: the service's sentence, else ``No match for 'xyz'.``"""
    if answer.message:
        return no_match_sentence(answer, w)
    return w.t("No match for {query}.", query=repr(answer.query))


@text_of.register
def _(answer: NoMatch, w: Words = EN) -> str:
    lines = [no_match_words(answer, w)]
    listed = "; ".join(choice_label(c, w) for c in answer.suggestions[:10])
    if answer.suggestions and answer.nearest:
        lines.append(w.t("Did you mean: {names}?", names=listed))
    elif answer.suggestions:
        lines.append(w.t("Nothing is close to that. You could ask about: {names}.", names=listed))
    return "\n".join(lines)


def ranking_title(answer: Ranking, w: Words = EN) -> str:
    """``Most golds in Curling``."""
    what = w.t("Most golds") if answer.measure == "gold" else w.t("Most medals")
    return what + in_sport(answer.sport, w)


@text_of.register
def _(answer: Ranking, w: Words = EN) -> str:
    subject = w.t("athletes") if answer.subject == "athlete" else w.t("nations")
    lines = [f"{ranking_title(answer, w)} ({subject})"]
    for row in answer.rows:
        lines.append(f"  {row.rank:>2}. {row.label}: {short_tally(row.count)}")
    if not answer.rows:
        lines.append("  " + w.t("nobody"))
    lines.append("")
    lines.append(footer(answer.provenance, w))
    return "\n".join(lines)


@text_of.register
def _(answer: Message, w: Words = EN) -> str:
    return said(answer.text, answer.phrase, w)


def table_change(change: TableChange, w: Words = EN) -> str:
    """``KOR 16/15/14 → 15/16/14 (rank 2 → 2)``."""
    b, a = change.before, change.after
    ranks = ""
    if change.rank_before != change.rank_after:
        ranks = f" (rank {change.rank_before or '–'} → {change.rank_after or '–'})"
    return f"{w.text(change.noc)} {b.gold}/{b.silver}/{b.bronze} → {a.gold}/{a.silver}/{a.bronze}{ranks}"


@text_of.register
def _(answer: LoadPreview, w: Words = EN) -> str:
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
        lines.append("Nothing to load: no history entry is made.")
    elif answer.changes_details_only:
        lines.append(
            "Only details change (names, dates, venues, notes or sources); no result does."
        )
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


def new_games_line(games: NewGames, w: Words = EN) -> str:
    """``new Games: 116 events, 93 NOCs, 1,042 athletes``."""
    return (
        f"New Games {w.text(games.name)} ({w.text(games.games_id)}): {games.events} events, "
        f"{games.nations} NOCs, {games.athletes:,} athletes"
    )


def person_line(link: PersonLink, *, joined: bool, w: Words = EN) -> str:
    """One athlete beside an athlete of another Games, joined or left apart (and why)."""
    t = w.text
    other = f"{t(link.other_name)} ({t(link.other_noc)}) of {t(link.other_games_name)}"
    if joined:
        return f"{t(link.name)} ({t(link.noc)}) = {other}"
    return (
        f"{t(link.name)} ({t(link.noc)}) ≟ {other}: {t(link.reason)}; not joined "
        f'(give the athlete "person": "{t(link.person_id)}" to join)'
    )


@text_of.register
def _(answer: LoadHistory, w: Words = EN) -> str:
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


@text_of.register
def _(answer: UndoResult, w: Words = EN) -> str:
    if answer.undone is None:
        return answer.message or "Nothing to undo."
    lines = [f"Undid load {answer.undone.load_id} ({answer.undone.source})."]
    if answer.message:
        lines.append(answer.message)
    if answer.table_changes:
        lines.append("Medal table: " + "; ".join(table_change(c) for c in answer.table_changes))
    return "\n".join(lines)


@text_of.register
def _(answer: About, w: Words = EN) -> str:
    games = answer.games
    if not (games.start and games.end):
        dates = w.t("dates unknown")
    elif w.english:
        dates = f"{games.start:%d %b} to {games.end:%d %b %Y}"
    else:
        dates = w.t("{start} to {end}", start=w.day(games.start), end=w.date(games.end))
    name = w.games(games.name, games.aliases)
    lines = [
        f"{name} ({games.official_name}), {games.city}, {dates}",
        w.t(
            "{events} events in {sports} sports · {nations} NOCs · {athletes} athletes named",
            events=answer.events,
            sports=len(answer.sports),
            nations=answer.nations,
            athletes=answer.athletes,
        ),
        w.t(
            "Results from {n} cited sources (news agencies and official reports); "
            "medal table computed from results.",
            n=answer.sources,
        ),
        w.t("Data: {freshness}", freshness=freshness(answer.provenance, w)),
        f"gamesbot {answer.version}",
    ]
    if answer.other_games:
        lines.append(w.t("Also loaded: {games}", games=", ".join(answer.other_games)))
    return "\n".join(lines)
