"""The words of /ask answers: one renderer per kind of question over the facts of an ``AskPart``,
the line saying what was understood, and the refusals' messages. Every word an /ask answer shows
is here (so a translation replaces this module's functions, nothing else).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from bot.answers.ask import AskAnswer, Asked, AskPart, Counted, Item, Order, Query
from bot.answers.provenance import footer
from bot.domain.models import EventKind, Gender, Medal, MedalCount
from bot.domain.resolution import EntityKind

#: Most lines a list shows before "and N more".
MAX_LINES = 15
#: Most team members a result line names.
MAX_NAMES = 6
_COLOURS = {Medal.GOLD: "gold", Medal.SILVER: "silver", Medal.BRONZE: "bronze"}


def day(date: dt.date | None) -> str:
    return f"{date.day} {date:%B %Y}" if date else "an unknown date"


def ordinal(rank: int) -> str:
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def plural(n: int, word: str, many: str = "") -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def joined(names: Sequence[str]) -> str:
    shown = list(names[:MAX_LINES])
    more = f" and {len(names) - MAX_LINES} more" if len(names) > MAX_LINES else ""
    if len(shown) <= 1:
        return (shown[0] if shown else "none") + more
    return ", ".join(shown[:-1]) + (" and " if not more else ", ") + shown[-1] + more


def breakdown(count: MedalCount) -> str:
    return f"{count.gold} gold, {count.silver} silver, {count.bronze} bronze"


def medals_word(query: Query, n: int) -> str:
    colour = f"{_COLOURS[query.medal]} " if query.medal else ""
    return plural(n, f"{colour}medal")


def result_line(item: Item, *, with_event: bool = True) -> str:
    mark = item.medal.emoji if item.medal else (ordinal(item.rank) if item.rank else "–")
    names = [a.name for a in item.athletes]
    who = ", ".join(names[:MAX_NAMES]) + (
        f" +{len(names) - MAX_NAMES}" if len(names) > MAX_NAMES else ""
    )
    who = who or item.noc
    who = f"{who} ({item.noc})" if item.athletes else who
    where = f" {item.label}, {item.date:%d %b}:" if with_event and item.date else ""
    extra = f" {item.mark}" if item.mark else ""
    return f"{mark}{where} {who}{extra}".strip()


def scope(query: Query) -> str:
    """The filters as words: " in Short track speed skating, in women's events, on 8 Feb"."""
    bits = []
    if query.event:
        bits.append(f"in {query.event.label}")
    if query.sports:
        bits.append("in " + " / ".join(s.label for s in query.sports))
    if query.gender is not None and query.of is not Counted.ATHLETES:
        bits.append(
            f"in {query.gender.value}'s events"
            if query.gender is not Gender.MIXED
            else "in mixed events"
        )
    if query.kind is not None:
        bits.append(f"in {query.kind.value} events")
    if query.day:
        bits.append(f"on {day(query.day)}")
    return "".join(f" {b}" for b in bits)


def subject(query: Query) -> str:
    if query.nations:
        return " and ".join(f"{r.label} ({r.id})" for r in query.nations)
    return " and ".join(r.label for r in query.athletes)


def _at(query: Query) -> str:
    return f" at the {query.games.label}"


# --- one renderer per kind of question --------------------------------------------------------


def _count(part: AskPart) -> list[str]:
    q, n = part.query, part.value if isinstance(part.value, int) else 0
    if q.of is Counted.RESULTS and not q.medalled and subject(q):
        medals = part.count.total if part.count else 0
        tally = f", {plural(medals, 'medal')} ({breakdown(part.count)})" if part.count else ""
        head = f"{subject(q)}{scope(q)}{_at(q)}: {plural(n, 'result')} in the data{tally}"
        return [f"{head}:", *_results(part.items)]
    if q.of in (Counted.MEDALS, Counted.RESULTS):
        who = subject(q)
        head = f"{who} won {medals_word(q, n)}" if who else f"{medals_word(q, n)} were awarded"
        tally = f": {breakdown(part.count)}" if part.count and not q.medal and n else ""
        lines = [f"{head}{scope(q)}{_at(q)}{tally}."]
        return lines + _results(part.items)
    names = [i.label for i in part.items]
    what = {
        Counted.NATIONS: "nation",
        Counted.EVENTS: "event",
        Counted.SPORTS: "sport",
        Counted.ATHLETES: "athlete",
    }.get(q.of, "result")
    verb = _verb(q)
    who = f" of {subject(q)}" if q.nations and q.of is Counted.ATHLETES else ""
    head = f"{plural(n, what)}{who} {verb}{scope(q)}{_at(q)}"
    lines = [f"{head}: {joined(names)}." if names else f"{head}."]
    if part.unranked:
        lines.append(
            f"Not ranked in the medal table, as in the official one: {joined([i.label for i in part.unranked])}."
        )
    return lines


def _verb(q: Query) -> str:
    if q.medal is not None:
        won = f"won {_COLOURS[q.medal]}"
    elif q.medalled:
        won = "won a medal"
    else:
        return "took part" if q.of in (Counted.NATIONS, Counted.ATHLETES) else "were held"
    if q.of is Counted.EVENTS and q.nations:
        return f"where {subject(q)} {won}"
    if q.of is Counted.SPORTS and q.nations:
        return f"in which {subject(q)} {won}"
    return won


def _results(items: Sequence[Item]) -> list[str]:
    lines = [result_line(i) for i in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        lines.append(f"… and {len(items) - MAX_LINES} more.")
    return lines


def _list(part: AskPart) -> list[str]:
    q = part.query
    if q.order in (Order.FIRST, Order.LAST):
        return _first(part)
    if q.of in (Counted.MEDALS, Counted.RESULTS) and q.event is not None:
        head = f"{q.event.label}, {day(part.items[0].date) if part.items else _at(q).strip()}"
        who = f" ({subject(q)})" if subject(q) else ""
        if not part.items:
            return [f"No results{who} {scope(q).strip()}{_at(q)} in the data."]
        return [f"{head}{who}:"] + [result_line(i, with_event=False) for i in part.items]
    return _count(part)


def _first(part: AskPart) -> list[str]:
    q = part.query
    which = "first" if q.order is Order.FIRST else "last"
    if not isinstance(part.value, dt.date):
        return [f"Nothing{scope(q)} fits that{_at(q)}."]
    if q.threshold is not None:
        names = joined([i.label for i in part.items])
        return [
            f"{names} reached {medals_word(q, q.threshold)} {which} on {day(part.value)}{_at(q)}."
        ]
    whose = f" of {subject(q)}" if subject(q) else ""
    lines = [
        f"The {which} {medals_word(q, 2).split(' ', 1)[1]}{whose}{scope(q)}{_at(q)} came on "
        f"{day(part.value)} (the data has no times of day):"
    ]
    return lines + _results(part.items)


def _rank(part: AskPart) -> list[str]:
    q = part.query
    if not part.items:
        return [f"No {q.of.value}{scope(q)}{_at(q)} won a medal."]
    label = {Counted.NATIONS: "nation", Counted.ATHLETES: "athlete", Counted.SPORTS: "sport"}.get(
        q.of, ""
    )
    measure = medals_word(q, 2).split(" ", 1)[1] if (q.medal or q.by_total) else "medal table"
    extreme = "fewest" if q.order is Order.FEWEST else "most"
    where = f"{scope(q)}{' for ' + subject(q) if subject(q) else ''}{_at(q)}"
    rows = [f"{n}. {_ranked(i)}" for n, i in enumerate(part.items, start=1)]
    if q.limit:
        return [f"Top {q.limit} {label}s by {measure}{where}:", *rows]
    if measure == "medal table":
        head = f"Top of the medal table{where}"
    else:
        head = f"The {label} with the {extreme} {measure}{where}"
    if len(part.items) > 1:
        head = f"{len(part.items)} {label}s share the {extreme} {measure}{where}"
    return [f"{head}: {joined([_ranked(i) for i in part.items])}."]


def _ranked(item: Item) -> str:
    noc = f" ({item.noc})" if item.kind == "athlete" else ""
    return f"{item.label}{noc}, {breakdown(item.count) if item.count else ''}".rstrip(", ")


def _check(part: AskPart) -> list[str]:
    q = part.query
    answer = "Yes" if part.value else "No"
    what = medals_word(q, 1) if q.medalled else "a result"
    if q.threshold is not None:
        won = [i for i in part.items if i.medal]
        return [f"{answer}: {subject(q)} won {medals_word(q, len(won))}{scope(q)}{_at(q)}."]
    head = f"{answer}: {subject(q) or 'someone'} {'has' if part.value else 'has no'} {what}{scope(q)}{_at(q)}"
    return [f"{head}{'.' if not part.items else ':'}", *_results(part.items)]


def _compare(part: AskPart) -> list[str]:
    q = part.query
    counts = [f"{i.label} {i.value or 0}" for i in part.items]
    what = medals_word(q, 2).split(" ", 1)[1]
    if q.versus_games:
        who = subject(q)
        if part.winner == "tie":
            return [f"{who} won as many {what} at each Games: {', '.join(counts)}."]
        best = next(i for i in part.items if i.id == part.winner)
        return [f"{who} won more {what} at the {best.label}: {', '.join(counts)}."]
    if part.winner == "tie":
        return [f"Level: {', '.join(counts)} {what}{scope(q)}{_at(q)}."]
    best = next(i for i in part.items if i.id == part.winner)
    return [f"{best.label} won more {what}{scope(q)}{_at(q)}: {', '.join(counts)}."]


def _explain(part: AskPart) -> list[str]:
    q = part.query
    about = q.event.label if q.event else subject(q)
    if not part.items:
        return [f"The data has no notes on {about}{_at(q)}."]
    lines = [f"What the sources say about {about}{_at(q)}:"]
    for item in part.items[:MAX_LINES]:
        if item.kind == "note":
            lines.append(f"• {item.label}" + (f" <{item.source}>" if item.source else ""))
        else:
            lines.append(f"• {result_line(item)} — {item.note}")
    return lines


def _date(part: AskPart) -> list[str]:
    q = part.query
    if q.games_dates is not None:
        verb = "opened" if q.games_dates == "start" else "closed"
        return [
            f"The {q.games.label} {verb} on {day(part.value if isinstance(part.value, dt.date) else None)}."
        ]
    if q.order is not None:
        return _first(part)
    if q.event is not None and not subject(q):
        return [
            f"{q.event.label}{_at(q)} was on {day(part.value if isinstance(part.value, dt.date) else None)}."
        ]
    if not part.items:
        return [f"Nothing{scope(q)} for {subject(q)}{_at(q)} in the data."]
    return [f"{subject(q)}{scope(q)}{_at(q)}:", *_results(part.items)]


def _place(part: AskPart) -> list[str]:
    q = part.query
    if q.event is None and q.nations and not q.athletes and part.items:
        item = part.items[0]
        if not isinstance(part.value, int):
            return [f"{item.label} is not ranked in the medal table{_at(q)}."]
        tally = f" ({breakdown(item.count)})" if item.count else ""
        return [f"{item.label} finished {ordinal(part.value)} in the medal table{_at(q)}{tally}."]
    if not part.items:
        return [f"No result for {subject(q)}{scope(q)}{_at(q)} in the data."]
    if isinstance(part.value, int) and not isinstance(part.value, bool):
        return [
            f"{subject(q)} finished {ordinal(part.value)}{scope(q)}{_at(q)}:",
            *_results(part.items),
        ]
    return [f"{subject(q)}{scope(q)}{_at(q)}:", *_results(part.items)]


_RENDERERS: dict[Asked, Callable[[AskPart], list[str]]] = {
    Asked.COUNT: _count,
    Asked.LIST: _list,
    Asked.RANK: _rank,
    Asked.CHECK: _check,
    Asked.COMPARE: _compare,
    Asked.EXPLAIN: _explain,
    Asked.DATE: _date,
    Asked.PLACE: _place,
}


def part_lines(part: AskPart) -> list[str]:
    """The sentences of one answer part."""
    return _RENDERERS[part.query.asked](part)


def understood(query: Query) -> str:
    """What was understood: "count: gold medals · nation: X · Games: …"."""
    what = medals_word(query, 2).split(" ", 1)[1] if query.of is Counted.MEDALS else query.of.value
    bits = [f"{query.asked.value}: {what}"]
    for name, refs in (
        ("nation", query.nations),
        ("athlete", query.athletes),
        ("sport", query.sports),
    ):
        if refs:
            bits.append(f"{name}: {' / '.join(r.label for r in refs)}")
    if query.event:
        bits.append(f"event: {query.event.label}")
    if query.gender:
        bits.append(f"gender: {query.gender.value}")
    if query.kind:
        bits.append(f"{'team' if query.kind is EventKind.TEAM else 'individual'} events")
    if query.day:
        bits.append(f"day: {day(query.day)}")
    if query.order:
        bits.append(
            f"order: {query.order.value}" + (f" to {query.threshold}" if query.threshold else "")
        )
    if query.limit:
        bits.append(f"top {query.limit}")
    games = query.versus_games or (query.games,)
    bits.append("Games: " + " vs ".join(g.label for g in games))
    return " · ".join(bits)


def answer_lines(answer: AskAnswer) -> list[str]:
    """Every part's sentences, a blank line between parts."""
    lines: list[str] = []
    for part in answer.parts:
        if lines:
            lines.append("")
        lines.extend(part_lines(part))
    return lines


def render_ask_text(answer: AskAnswer) -> str:
    """Plain text: the answer, what was understood, then the usual footer."""
    understood_lines = "\n".join(f"({understood(p.query)})" for p in answer.parts)
    body = "\n".join(answer_lines(answer))
    return f"{body}\n\n{understood_lines}\n{footer(answer.provenance)}"


# --- refusals -----------------------------------------------------------------------------------

COMMANDS = "`/medals NATION`, `/athlete NAME`, `/event NAME`, `/table`"


def help_text(nation: str, event: str) -> str:
    """How to ask, with a nation and an event of the data as examples."""
    return (
        "Ask about medals, winners, nations, athletes, events and dates, e.g. “who won the "
        f"{event}?”, “how many golds did {nation} win?”. Commands: {COMMANDS}."
    )


def _games_list(names: Sequence[str]) -> str:
    return " or ".join(f"the {n}" for n in names)


def not_found(kind: EntityKind, text: str, searched: Sequence[str]) -> str:
    what = {
        EntityKind.NATION: "nation",
        EntityKind.ATHLETE: "athlete",
        EntityKind.EVENT: "event",
    }.get(kind, "sport")
    return f"No {what} called “{text}” in the data of {_games_list(searched)}."


def not_held(sport: str, searched: Sequence[str]) -> str:
    return f"{sport.capitalize()} was not on the programme of {_games_list(searched)}."


def games_not_loaded(text: str, loaded: Sequence[str]) -> str:
    return f"“{text}” is not a Games I have; the loaded Games are {joined(list(loaded))}."


def unreadable(words: str, understood: Sequence[str] = (), command: str = "") -> str:
    """Words not understood, what was, and the closest command."""
    got = f" I understood {joined(list(understood))}." if understood else ""
    closest = f" The closest command is `{command}`." if command else f" Commands: {COMMANDS}."
    return f"I couldn't read that question: not “{words}”.{got}{closest}"
