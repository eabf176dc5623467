"""The words of /ask answers: one renderer per kind of question over the facts of an ``AskPart``,
the line saying what was understood, and the refusals' messages. Every word an /ask answer shows
is here, each sentence a catalogue key (``w.t``), so an answer reads in the user's language: its
sentences, medal words, dates, places, sport and event names (the names of nations, athletes and
Games as the question resolved them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from bot.answers.ask import AskAnswer, Asked, AskPart, Counted, Item, Order, Query
from bot.answers.phrase import Phrase, phrase
from bot.answers.provenance import footer
from bot.domain.models import EventKind, Gender, Medal, MedalCount
from bot.domain.resolution import CandidateNames, EntityKind
from bot.i18n import ENGLISH, Words, words_for

EN = words_for(ENGLISH)
#: Most lines a list shows before "and N more".
MAX_LINES = 15
#: Most team members a result line names.
MAX_NAMES = 6
_COLOURS = {Medal.GOLD: "gold", Medal.SILVER: "silver", Medal.BRONZE: "bronze"}
#: Counted things, one and many (``{n}``: how many).
PLURAL_WORDS: dict[str, tuple[str, str]] = {
    "medal": ("{n} medal", "{n} medals"),
    "gold medal": ("{n} gold medal", "{n} gold medals"),
    "silver medal": ("{n} silver medal", "{n} silver medals"),
    "bronze medal": ("{n} bronze medal", "{n} bronze medals"),
    "result": ("{n} result", "{n} results"),
    "nation": ("{n} nation", "{n} nations"),
    "event": ("{n} event", "{n} events"),
    "sport": ("{n} sport", "{n} sports"),
    "athlete": ("{n} athlete", "{n} athletes"),
    "podium sweep": ("{n} podium sweep", "{n} podium sweeps"),
}
#: The values of a query's fields, as answers say them (what is asked, genders, kinds, orders).
VALUE_WORDS = {
    "count": "count",
    "list": "list",
    "rank": "rank",
    "check": "check",
    "compare": "compare",
    "explain": "explain",
    "date": "date",
    "place": "place",
    "men": "men",
    "women": "women",
    "mixed": "mixed",
    "open": "open",
    "individual": "individual",
    "team": "team",
    "most": "most",
    "fewest": "fewest",
    "first": "first",
    "last": "last",
}
#: What a question counted, as the "understood" line names it.
COUNTED_WORDS = {
    "medals": "medals",
    "gold medals": "gold medals",
    "silver medals": "silver medals",
    "bronze medals": "bronze medals",
    "results": "results",
    "events": "events",
    "nations": "nations",
    "athletes": "athletes",
    "sports": "sports",
    "games": "games",
}


def day(date: dt.date | None, w: Words = EN) -> str:
    if not date:
        return w.t("an unknown date")
    return f"{date.day} {date:%B %Y}" if w.english else w.date(date)


def ordinal(rank: int, w: Words = EN) -> str:
    return w.ordinal(rank)


def plural(n: int, word: str, w: Words = EN) -> str:
    one, many = PLURAL_WORDS[word]
    return w.n(one, many, n) if not w.english else (one if n == 1 else many).format(n=n)


def joined(names: Sequence[str], w: Words = EN) -> str:
    shown = list(names[:MAX_LINES])
    more = w.t(" and {n} more", n=len(names) - MAX_LINES) if len(names) > MAX_LINES else ""
    if len(shown) <= 1:
        return (shown[0] if shown else w.t("none")) + more
    if not w.english:
        return ", ".join(shown) + more
    return ", ".join(shown[:-1]) + (" and " if not more else ", ") + shown[-1] + more


def breakdown(count: MedalCount, w: Words = EN) -> str:
    return w.t(
        "{gold} gold, {silver} silver, {bronze} bronze",
        gold=count.gold,
        silver=count.silver,
        bronze=count.bronze,
    )


def medals_word(query: Query, n: int, w: Words = EN) -> str:
    colour = f"{_COLOURS[query.medal]} " if query.medal else ""
    return plural(n, f"{colour}medal", w)


def medals_plural(query: Query, w: Words = EN) -> str:
    """``gold medals`` (no number)."""
    colour = f"{_COLOURS[query.medal]} " if query.medal else ""
    return w.t(COUNTED_WORDS[f"{colour}medals"])


def event_label(label: str, w: Words = EN) -> str:
    """An event as /ask labels it (``Name (Sport)`` or ``Name``), in the reader's language."""
    if w.english:
        return w.text(label)
    name, paren, sport = label.partition(" (")
    if paren and sport.endswith(")"):
        return f"{w.event(name)} ({w.sport(sport[:-1])})"
    return w.event(label)


def named(label: str, names: CandidateNames | None, kind: str, w: Words = EN) -> str:
    """A nation, athlete or Games as the answer names it: in English its label; in another
    language its name there (a nation's and a Games' from the data, an athlete's native name
    first)."""
    if w.english or names is None:
        return w.text(label)
    if kind == "nation":
        return w.nation(names.name, names.aliases, names.flag)
    if kind == "athlete":
        return w.person(names.name, names.native)
    if kind == "games":
        return w.games(names.name, names.aliases)
    return w.text(label)


def item_label(item: Item, w: Words = EN) -> str:
    """How a listed item is named (an event or sport composed, a nation or athlete by name)."""
    if item.kind == "event":
        return event_label(item.label, w)
    if item.kind == "sport":
        return w.sport(item.label)
    return named(item.label, item.names, item.kind, w)


def item_who(item: Item, w: Words = EN) -> str:
    """Who a result is: its athletes (a few, then how many more) and NOC, else the NOC."""
    names = [
        w.text(a.name) if w.english else w.person(a.name, a.native_name) for a in item.athletes
    ]
    who = ", ".join(names[:MAX_NAMES]) + (
        f" +{len(names) - MAX_NAMES}" if len(names) > MAX_NAMES else ""
    )
    noc = w.text(item.noc)
    return f"{who} ({noc})" if item.athletes else who or noc


def result_line(item: Item, w: Words = EN, *, with_event: bool = True) -> str:
    mark = item.medal.emoji if item.medal else (ordinal(item.rank, w) if item.rank else "–")
    who = item_who(item, w)
    when = (f"{item.date:%d %b}" if w.english else w.day(item.date)) if item.date else ""
    where = f" {event_label(item.label, w)}, {when}:" if with_event and item.date else ""
    extra = f" {w.text(item.mark)}" if item.mark else ""
    return f"{mark}{where} {who}{extra}".strip()


#: Every sport held on a surface, as the filter words say it.
SURFACE_WORDS = {"ice": "in ice sports", "snow": "in snow sports"}


def scope(query: Query, w: Words = EN) -> str:
    """The filters as words: " in Short track speed skating, in women's events, on 8 Feb"."""
    bits = []
    if query.event:
        bits.append(w.t("in {event}", event=event_label(query.event.label, w)))
    if query.surface in SURFACE_WORDS:
        bits.append(w.t(SURFACE_WORDS[query.surface]))
    elif query.sports:
        bits.append(w.t("in {sport}", sport=" / ".join(w.sport(s.label) for s in query.sports)))
    if query.gender is not None and query.of is not Counted.ATHLETES:
        bits.append(
            w.t("in {gender}'s events", gender=w.t(VALUE_WORDS[query.gender.value]))
            if query.gender is not Gender.MIXED
            else w.t("in mixed events")
        )
    if query.kind is not None:
        bits.append(w.t("in {kind} events", kind=w.t(VALUE_WORDS[query.kind.value])))
    if query.day:
        bits.append(w.t("on {day}", day=day(query.day, w)))
    return "".join(f" {b}" for b in bits)


def subject(query: Query, w: Words = EN) -> str:
    both = w.t(" and ")
    if query.nations:
        return both.join(
            f"{named(r.label, r.names, 'nation', w)} ({w.text(r.id)})" for r in query.nations
        )
    return both.join(named(r.label, r.names, "athlete", w) for r in query.athletes)


def games_label(query: Query, w: Words = EN) -> str:
    return named(query.games.label, query.games.names, "games", w)


def _at(query: Query, w: Words = EN) -> str:
    if len(query.in_every) == 2:  # "which athletes won medals at both Games"
        first, second = (named(g.label, g.names, "games", w) for g in query.in_every)
        return w.t(" at both the {first} and the {second}", first=first, second=second)
    if query.in_every:
        every = joined([named(g.label, g.names, "games", w) for g in query.in_every], w)
        return w.t(" at each of the {games}", games=every)
    if query.not_at is not None:  # "at <Games> but not at <Games>"
        other = named(query.not_at.label, query.not_at.names, "games", w)
        return w.t(
            " at the {games} but not at the {other}", games=games_label(query, w), other=other
        )
    return w.t(" at the {games}", games=games_label(query, w))


# --- one renderer per kind of question --------------------------------------------------------


def _count(part: AskPart, w: Words) -> list[str]:
    q, n = part.query, part.value if isinstance(part.value, int) else 0
    if q.order in (Order.FIRST, Order.LAST):  # the evaluator found the first or last results
        return _first(part, w)
    where = f"{scope(q, w)}{_at(q, w)}"
    if q.of is Counted.RESULTS and not q.medalled and subject(q, w):
        medals = part.count.total if part.count else 0
        tally = (
            w.t(
                ", {medals} ({breakdown})",
                medals=plural(medals, "medal", w),
                breakdown=breakdown(part.count, w),
            )
            if part.count
            else ""
        )
        head = w.t(
            "{who}{where}: {results} in the data{tally}",
            who=subject(q, w),
            where=where,
            results=plural(n, "result", w),
            tally=tally,
        )
        return [f"{head}:", *_results(part.items, w)]
    if q.of in (Counted.MEDALS, Counted.RESULTS):
        who = subject(q, w)
        if who:
            head = w.t(
                "{who} won {medals}{where}", who=who, medals=medals_word(q, n, w), where=where
            )
        else:
            head = w.t("{medals} were awarded{where}", medals=medals_word(q, n, w), where=where)
        tally = f": {breakdown(part.count, w)}" if part.count and not q.medal and n else ""
        return [w.t("{head}.", head=f"{head}{tally}"), *_results(part.items, w)]
    return _count_things(part, w)


def _count_things(part: AskPart, w: Words) -> list[str]:
    """How many nations, events, sports or athletes, and which."""
    q, n = part.query, part.value if isinstance(part.value, int) else 0
    labels = [item_label(i, w) for i in part.items]
    what = {
        Counted.NATIONS: "nation",
        Counted.EVENTS: "event",
        Counted.SPORTS: "sport",
        Counted.ATHLETES: "athlete",
    }.get(q.of, "result")
    who = w.t(" of {who}", who=subject(q, w)) if q.nations and q.of is Counted.ATHLETES else ""
    head = w.t(
        "{things}{who} {verb}{where}",
        things=plural(n, what, w),
        who=who,
        verb=_verb(q, w),
        where=f"{scope(q, w)}{_at(q, w)}",
    )
    lines = [
        w.t("{head}: {list}.", head=head, list=joined(labels, w))
        if labels
        else w.t("{head}.", head=head)
    ]
    return [*lines, *_entrants(q, w), *_unranked(part, w)]


def _entrants(q: Query, w: Words) -> list[str]:
    """What a count or list of athletes rests on: the data is not every entrant."""
    if q.of is not Counted.ATHLETES or ((q.medalled or q.medal is not None) and not q.without):
        return []
    return [w.t("The data holds the medallists and the places reports named, not every entrant.")]


def _verb(q: Query, w: Words) -> str:
    if q.without:  # "which nations won no gold"
        if q.medal is not None:
            won = w.t("won no {colour}", colour=w.medal(q.medal))
        else:
            won = w.t("won no medal")
        return _in_which(q, won, w)
    if q.than is not None:  # "which nations won more medals than <nation>"
        kind = "nation" if q.of is Counted.NATIONS else "athlete"
        than = named(q.than.label, q.than.names, kind, w)
        return w.t("won more {medals} than {than}", medals=medals_plural(q, w), than=than)
    if q.threshold is not None and q.of in (Counted.NATIONS, Counted.ATHLETES):
        if q.exactly:
            return w.t("won exactly {medals}", medals=medals_word(q, q.threshold, w))
        return w.t("won {medals} or more", medals=medals_word(q, q.threshold, w))
    if q.tied and q.of is Counted.EVENTS:  # "which events had a shared bronze"
        if q.medal is not None:
            return w.t("had a shared {colour}", colour=w.medal(q.medal))
        return w.t("had a shared place")
    if q.medal is not None:
        won = w.t("won {colour}", colour=w.medal(q.medal))
    elif q.medalled:
        won = w.t("won a medal")
    elif q.of is Counted.ATHLETES:  # the data holds medallists and named places only
        return w.t("are in the data")
    else:
        return w.t("took part") if q.of is Counted.NATIONS else w.t("were held")
    return _in_which(q, won, w)


def _in_which(q: Query, won: str, w: Words) -> str:
    """What a nation won, said of the events or sports counted: "where <nation> won gold"."""
    if q.of is Counted.EVENTS and q.nations:
        return w.t("where {who} {won}", who=subject(q, w), won=won)
    if q.of is Counted.SPORTS and q.nations:
        return w.t("in which {who} {won}", who=subject(q, w), won=won)
    return won


def _results(
    items: Sequence[Item], w: Words, line: Callable[[Item, Words], str] | None = None
) -> list[str]:
    """The first ``MAX_LINES`` items, one line each (a result line unless ``line`` says how),
    and how many more there are."""
    lines = [(line or result_line)(i, w) for i in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        lines.append(w.t("… and {n} more.", n=len(items) - MAX_LINES))
    return lines


def _list(part: AskPart, w: Words) -> list[str]:
    q = part.query
    if q.order in (Order.FIRST, Order.LAST):
        return _first(part, w)
    if q.of in (Counted.MEDALS, Counted.RESULTS) and q.event is not None:
        when = day(part.items[0].date, w) if part.items else _at(q, w).strip()
        head = f"{event_label(q.event.label, w)}, {when}"
        who = f" ({subject(q, w)})" if subject(q, w) else ""
        if not part.items:
            where = f"{scope(q, w).strip()}{_at(q, w)}"
            if q.medal is not None and subject(q, w):  # a result there, but not that medal
                return [
                    w.t(
                        "{who} won no {colour} {where}.",
                        who=subject(q, w),
                        colour=w.medal(q.medal),
                        where=where,
                    )
                ]
            return [w.t("No results{who} {where} in the data.", who=who, where=where)]
        return [f"{head}{who}:"] + [result_line(i, w, with_event=False) for i in part.items]
    return _count(part, w)


def _first(part: AskPart, w: Words) -> list[str]:
    q = part.query
    which = w.t("first") if q.order is Order.FIRST else w.t("last")
    where = f"{scope(q, w)}{_at(q, w)}"
    if not isinstance(part.value, dt.date):
        return [w.t("Nothing{scope} fits that{at}.", scope=scope(q, w), at=_at(q, w))]
    if q.threshold is not None:
        return [
            w.t(
                "{names} reached {medals} {which} on {day}{at}.",
                names=joined([item_label(i, w) for i in part.items], w),
                medals=medals_word(q, q.threshold, w),
                which=which,
                day=day(part.value, w),
                at=_at(q, w),
            )
        ]
    whose = w.t(" of {who}", who=subject(q, w)) if subject(q, w) else ""
    head = w.t(
        "The {which} {medals}{whose}{where} came on {day} (the data has no times of day):",
        which=which,
        medals=medals_plural(q, w),
        whose=whose,
        where=where,
        day=day(part.value, w),
    )
    return [head, *_results(part.items, w)]


def _by_table(q: Query) -> bool:
    """Whether a ranking is the medal table's (nations, gold first), not a count of medals."""
    return q.of is Counted.NATIONS and not (q.medal or q.by_total)


#: What a ranking ranks, in the singular.
RANKED_WORDS = {Counted.NATIONS: "nation", Counted.ATHLETES: "athlete", Counted.SPORTS: "sport"}


def _rank(part: AskPart, w: Words) -> list[str]:
    q = part.query
    if q.place is not None:
        return _at_place(part, q.place, w)
    if not part.items:
        return [
            w.t(
                "No {things}{where} won a medal.",
                things=w.t(COUNTED_WORDS[q.of.value]),
                where=f"{scope(q, w)}{_at(q, w)}",
            )
        ]
    label = RANKED_WORDS.get(q.of, "")
    table = _by_table(q)
    measure = w.t("medal table") if table else medals_plural(q, w)
    for_who = w.t(" for {who}", who=subject(q, w)) if subject(q, w) else ""
    where = f"{scope(q, w)}{for_who}{_at(q, w)}"
    things = w.t(COUNTED_WORDS[f"{label}s"]) if label else "s"
    rows = [f"{i.rank or n}. {_ranked(i, q, w)}" for n, i in enumerate(part.items, start=1)]
    if q.order is None and len(part.items) > 1:  # "the luge medal table": every row
        head = (
            w.t("The medal table{where}:", where=where)
            if table
            else w.t("Ranked by {measure}{where}:", measure=measure, where=where)
        )
        return [head, *rows, *_unranked(part, w)]
    if q.limit and (q.limit > 1 or len(part.items) > 1):  # "top 1 nations": the top, below
        head = w.t(
            "Top {n} {things} by {measure}{where}:",
            n=q.limit,
            things=things,
            measure=measure,
            where=where,
        )
        return [head, *rows]
    head = _leaders_head(part, table, things, measure, where, w)
    return [
        w.t("{head}: {list}.", head=head, list=joined([_ranked(i, q, w) for i in part.items], w))
    ]


def _leaders_head(
    part: AskPart, table: bool, things: str, measure: str, where: str, w: Words
) -> str:
    """The heading of the leaders (or the last) of a ranking: the top or bottom of the medal
    table, or the most or fewest medals, alone or shared."""
    q = part.query
    label = RANKED_WORDS.get(q.of, "")
    extreme = w.t("fewest") if q.order is Order.FEWEST else w.t("most")
    fewest = q.order is Order.FEWEST
    if len(part.items) > 1 and table:
        return (
            w.t(
                "{n} {things} share the bottom of the medal table{where}",
                n=len(part.items),
                things=things,
                where=where,
            )
            if fewest
            else w.t(
                "{n} {things} share the top of the medal table{where}",
                n=len(part.items),
                things=things,
                where=where,
            )
        )
    if len(part.items) > 1:
        return w.t(
            "{n} {things} share the {extreme} {measure}{where}",
            n=len(part.items),
            things=things,
            extreme=extreme,
            measure=measure,
            where=where,
        )
    if table and fewest:
        return w.t("Bottom of the medal table{where}", where=where)
    if table:
        return w.t("Top of the medal table{where}", where=where)
    return w.t(
        "The {thing} with the {extreme} {measure}{where}",
        thing=w.t(label),
        extreme=extreme,
        measure=measure,
        where=where,
    )


def _at_place(part: AskPart, asked: int, w: Words) -> list[str]:
    """ "Which nation is 4th": who holds that place of the ranking (several when they share it;
    two sharing 3rd hold 3rd and 4th, and are named at 3rd, as their rank is)."""
    q = part.query
    table = _by_table(q)
    fewest = q.order is Order.FEWEST
    if table:
        by = w.t(" from the bottom of the medal table") if fewest else w.t(" in the medal table")
    else:
        measure = medals_plural(q, w)
        by = (
            w.t(" by fewest {measure}", measure=measure)
            if fewest
            else w.t(" by {measure}", measure=measure)
        )
    for_who = w.t(" for {who}", who=subject(q, w)) if subject(q, w) else ""
    where = f"{by}{scope(q, w)}{for_who}{_at(q, w)}"
    if not part.items:
        return [w.t("No one is {place}{where}.", place=ordinal(asked, w), where=where)]
    place = ordinal(part.items[0].rank or asked, w)
    head = (
        w.t("{place}{where}", place=place, where=where)
        if len(part.items) == 1
        else w.t("{place}, shared by {n},{where}", place=place, n=len(part.items), where=where)
    )
    listed = joined([_ranked(i, q, w) for i in part.items], w)
    return [w.t("{head}: {list}.", head=head, list=listed)]


def _unranked(part: AskPart, w: Words) -> list[str]:
    if not part.unranked:
        return []
    listed = joined([item_label(i, w) for i in part.unranked], w)
    return [w.t("Not ranked in the medal table, as in the official one: {listed}.", listed=listed)]


def _ranked(item: Item, q: Query, w: Words) -> str:
    """A ranked nation, athlete or sport with what it was ranked by: the medals of the colour
    asked (the only ones counted: "18 gold medals", never "0 silver"), else every colour."""
    noc = f" ({w.text(item.noc)})" if item.kind == "athlete" else ""
    label = item_label(item, w)
    if not item.count:
        return f"{label}{noc}"
    if q.medal:
        return f"{label}{noc}, {medals_word(q, item.count.total, w)}"
    return f"{label}{noc}, {breakdown(item.count, w)}"


def _check(part: AskPart, w: Words) -> list[str]:
    q = part.query
    answer = w.t("Yes") if part.value else w.t("No")
    where = f"{scope(q, w)}{_at(q, w)}"
    if q.tied and not subject(q, w):  # "was there a tie for silver": the places shared
        return _ties(part, answer, where, w)
    if q.leads:  # "did <nation> win the most golds": who did
        return _leaders_check(part, answer, where, w)
    if q.threshold is not None and not subject(q, w):  # "did any athlete win 5 golds"
        return _reached_check(part, q.threshold, answer, where, w)
    if q.threshold is not None:
        won = [i for i in part.items if i.medal]
        return [
            w.t(
                "{answer}: {who} won {medals}{where}.",
                answer=answer,
                who=subject(q, w),
                medals=medals_word(q, len(won), w),
                where=where,
            )
        ]
    if q.medalled and part.value:  # how many, not "a medal": "won 15 medals"
        won = [i for i in part.items if i.medal]
        medals = medals_word(q, len(won), w)
        if subject(q, w):
            head = w.t(
                "{answer}: {who} won {medals}{where}.",
                answer=answer,
                who=subject(q, w),
                medals=medals,
                where=where,
            )
        else:  # "did anyone win gold in curling": not one person's medals
            spaced = where if w.english else where.lstrip()  # (first in the others' order)
            head = w.t(
                "{answer}: {medals} were won{where}.", answer=answer, medals=medals, where=spaced
            )
        return [head, *_results(part.items, w)]
    what = medals_plural(q, w) if q.medalled else w.t("a result")  # "has no gold medals"
    has = w.t("has") if part.value else w.t("has no")
    head = w.t(
        "{answer}: {who} {has} {what}{where}",
        answer=answer,
        who=subject(q, w) or w.t("someone"),
        has=has,
        what=what,
        where=where,
    )
    return [f"{head}{'.' if not part.items else ':'}", *_results(part.items, w)]


def _leaders_check(part: AskPart, answer: str, where: str, w: Words) -> list[str]:
    """ "Did <nation> win the most golds": yes or no, and who leads."""
    q = part.query
    extreme = w.t("fewest") if q.order is Order.FEWEST else w.t("most")
    leaders = joined([_ranked(i, q, w) for i in part.items], w)
    return [
        w.t(
            "{answer}: the {extreme} {medals}{where}: {list}.",
            answer=answer,
            extreme=extreme,
            medals=medals_plural(q, w),
            where=where,
            list=leaders,
        )
    ]


def _reached_check(part: AskPart, threshold: int, answer: str, where: str, w: Words) -> list[str]:
    """ "Did any athlete win 5 golds": yes and who, or no one."""
    medals = medals_word(part.query, threshold, w)
    if not part.items:
        if part.query.exactly:  # more than that is not that: "no one won exactly 5"
            return [
                w.t(
                    "{answer}: no one won exactly {medals}{where}.",
                    answer=answer,
                    medals=medals,
                    where=where,
                )
            ]
        return [
            w.t("{answer}: no one won {medals}{where}.", answer=answer, medals=medals, where=where)
        ]
    who = joined([item_label(i, w) for i in part.items], w)
    values = {"answer": answer, "who": who, "medals": medals, "where": where}
    if part.query.exactly:
        return [w.t("{answer}: {who} won exactly {medals}{where}.", **values)]
    return [w.t("{answer}: {who} won {medals} or more{where}.", **values)]


def _ties(part: AskPart, answer: str, where: str, w: Words) -> list[str]:
    """ "Was there a tie (for silver)": how many events had a shared place, and the results."""
    q = part.query
    events = len({(i.label, i.date) for i in part.items})
    if not part.value:
        if q.medal is not None:
            said = w.t("no event had a shared {colour}", colour=w.medal(q.medal))
        else:
            said = w.t("no event had a shared place")
        return [w.t("{answer}: {said}{where}.", answer=answer, said=said, where=where)]
    if q.medal is not None:
        said = w.t(
            "{events} with a shared {colour}",
            events=plural(events, "event", w),
            colour=w.medal(q.medal),
        )
    else:
        said = w.t("{events} with a shared place", events=plural(events, "event", w))
    return [
        w.t("{answer}: {said}{where}:", answer=answer, said=said, where=where),
        *_results(part.items, w),
    ]


def _compare(part: AskPart, w: Words) -> list[str]:
    q = part.query
    counts = ", ".join(f"{item_label(i, w)} {i.value or 0}" for i in part.items)
    what = medals_plural(q, w)
    where = f"{scope(q, w)}{_at(q, w)}"
    if q.versus_games and not subject(q, w):  # "were there more events at A or B"
        what = w.t(COUNTED_WORDS[q.of.value]) if q.of is not Counted.MEDALS else what
        if part.winner == "tie":
            return [w.t("Each Games had as many {what}: {counts}.", what=what, counts=counts)]
        best = next(i for i in part.items if i.id == part.winner)
        return [
            w.t(
                "The {games} had more {what}: {counts}.",
                games=item_label(best, w),
                what=what,
                counts=counts,
            )
        ]
    if q.versus_games:
        who = subject(q, w)
        if part.winner == "tie":
            return [
                w.t(
                    "{who} won as many {what} at each Games: {counts}.",
                    who=who,
                    what=what,
                    counts=counts,
                )
            ]
        best = next(i for i in part.items if i.id == part.winner)
        return [
            w.t(
                "{who} won more {what} at the {games}: {counts}.",
                who=who,
                what=what,
                games=item_label(best, w),
                counts=counts,
            )
        ]
    if part.winner == "tie":
        return [w.t("Level: {counts} {what}{where}.", counts=counts, what=what, where=where)]
    best = next(i for i in part.items if i.id == part.winner)
    return [
        w.t(
            "{best} won more {what}{where}: {counts}.",
            best=item_label(best, w),
            what=what,
            where=where,
            counts=counts,
        )
    ]


def _explain(part: AskPart, w: Words) -> list[str]:
    q = part.query
    about = event_label(q.event.label, w) if q.event else subject(q, w)
    if not about:  # "what happened on the 14th": the day (or sport) is what it is about
        where = f"{scope(q, w)}{_at(q, w)}"
        if not part.items:
            return [w.t("The data has no notes{where}.", where=where)]
        lines = [w.t("What the sources say{where}:", where=where)]
    elif not part.items:
        return [w.t("The data has no notes on {about}{at}.", about=about, at=_at(q, w))]
    else:
        lines = [w.t("What the sources say about {about}{at}:", about=about, at=_at(q, w))]
    for item in part.items[:MAX_LINES]:
        if item.kind == "note":
            source = f" <{w.text(item.source)}>" if item.source else ""
            lines.append(f"• {w.text(item.label)}{source}")
        else:
            lines.append(_noted(item, w))
    return lines


def _noted(item: Item, w: Words) -> str:
    """A result with its note: ``• <result> — <note>``."""
    return f"• {result_line(item, w)} — {w.text(item.note)}"


def _host(part: AskPart, w: Words) -> list[str]:
    """Where the Games were held, and when."""
    item, games = part.items[0], games_label(part.query, w)
    country = named(item.country, item.names, "nation", w) if item.country else ""
    where = ", ".join(x for x in (w.text(item.city), country) if x)
    if not where:
        return [w.t("The data does not say where the {games} were held.", games=games)]
    if item.date is None or not isinstance(part.value, dt.date):
        return [w.t("The {games} were held in {place}.", games=games, place=where)]
    return [
        w.t(
            "The {games} were held in {place}, from {start} to {end}.",
            games=games,
            place=where,
            start=day(item.date, w),
            end=day(part.value, w),
        )
    ]


def _date(part: AskPart, w: Words) -> list[str]:
    q = part.query
    when = day(part.value if isinstance(part.value, dt.date) else None, w)
    if q.games_dates == "start":
        return [w.t("The {games} opened on {day}.", games=games_label(q, w), day=when)]
    if q.games_dates is not None:
        return [w.t("The {games} closed on {day}.", games=games_label(q, w), day=when)]
    if q.order is not None:
        return _first(part, w)
    if q.threshold is not None and subject(q, w):  # "when did X win his 6th gold"
        medals = medals_word(q, q.threshold, w)
        if not isinstance(part.value, dt.date):
            return [
                w.t(
                    "{who} never reached {medals}{at}.",
                    who=subject(q, w),
                    medals=medals,
                    at=_at(q, w),
                )
            ]
        return [
            w.t(
                "{who} reached {medals} on {day}{at}.",
                who=subject(q, w),
                medals=medals,
                day=when,
                at=_at(q, w),
            )
        ]
    if q.event is not None and not subject(q, w):
        return [
            w.t(
                "{event}{at} was on {day}.",
                event=event_label(q.event.label, w),
                at=_at(q, w),
                day=when,
            )
        ]
    where = f"{scope(q, w)}{_at(q, w)}"
    if not part.items:
        return [
            w.t(
                "Nothing{scope} for {who}{at} in the data.",
                scope=scope(q, w),
                who=subject(q, w),
                at=_at(q, w),
            )
        ]
    return [f"{subject(q, w)}{where}:", *_results(part.items, w)]


def _place(part: AskPart, w: Words) -> list[str]:
    q = part.query
    if q.games_host and part.items:
        return _host(part, w)
    at = _at(q, w)
    if q.event is None and q.nations and not q.athletes and part.items:
        item = part.items[0]
        if not isinstance(part.value, int):
            nation = item_label(item, w)
            return [w.t("{nation} is not ranked in the medal table{at}.", nation=nation, at=at)]
        tally = f" ({breakdown(item.count, w)})" if item.count else ""
        return [
            w.t(
                "{nation} finished {place} in the medal table{at}{tally}.",
                nation=item_label(item, w),
                place=ordinal(part.value, w),
                at=at,
                tally=tally,
            )
        ]
    where = f"{scope(q, w)}{at}"
    if q.place is not None and not subject(q, w):  # "who came fourth in the downhill"
        place = ordinal(q.place, w)
        if not part.items:
            return [w.t("No result for {who}{where} in the data.", who=place, where=where)]
        who = joined([item_who(i, w) for i in part.items], w)
        head = w.t("{who} finished {place}{where}:", who=who, place=place, where=where)
        return [head, *_results(part.items, w)]
    if not part.items:
        return [w.t("No result for {who}{where} in the data.", who=subject(q, w), where=where)]
    if isinstance(part.value, int) and not isinstance(part.value, bool):
        head = w.t(
            "{who} finished {place}{where}:",
            who=subject(q, w),
            place=ordinal(part.value, w),
            where=where,
        )
        return [head, *_results(part.items, w)]
    return [f"{subject(q, w)}{where}:", *_results(part.items, w)]


_RENDERERS: dict[Asked, Callable[[AskPart, Words], list[str]]] = {
    Asked.COUNT: _count,
    Asked.LIST: _list,
    Asked.RANK: _rank,
    Asked.CHECK: _check,
    Asked.COMPARE: _compare,
    Asked.EXPLAIN: _explain,
    Asked.DATE: _date,
    Asked.PLACE: _place,
}


def part_lines(part: AskPart, w: Words = EN) -> list[str]:
    """The sentences of one answer part."""
    if part.query.record and part.query.asked in RECORD_ASKED:
        return _records(part, w)
    if part.query.sweep and part.query.asked in RECORD_ASKED:
        return _sweeps(part, w)
    return _RENDERERS[part.query.asked](part, w)


def _yes(sentence: str, w: Words) -> str:
    """ "Yes: " before the sentence that says what was found."""
    return w.t("{answer}: {rest}", answer=w.t("Yes"), rest=sentence)


def _no(sentence: str, w: Words) -> str:
    """ "No: " before a sentence that says there is none ("No: no podium sweep …")."""
    rest = sentence[:1].lower() + sentence[1:] if w.english else sentence
    return w.t("{answer}: {rest}", answer=w.t("No"), rest=rest)


def _swept(item: Item, w: Words) -> str:
    """A podium sweep: ``• <event>, <day> — <nation> (<code>)``."""
    nation = w.text(item.noc)
    if item.names is not None:
        nation = f"{named(item.names.name, item.names, 'nation', w)} ({nation})"
    return f"• {event_label(item.label, w)}, {day(item.date, w)} — {nation}"


def _sweeps(part: AskPart, w: Words) -> list[str]:
    """The events where one nation won every medal, with that nation."""
    q = part.query
    where = f"{scope(q, w)}{_at(q, w)}"
    who = w.t(" by {who}", who=subject(q, w)) if subject(q, w) else ""
    if not part.items:
        none = w.t(
            "No podium sweep{who}{where}: no nation won every medal of an event.",
            who=who,
            where=where,
        ).lstrip()  # (the filters come first in some languages, with their leading space)
        return [_no(none, w) if q.asked is Asked.CHECK else none]
    head = w.t(
        "{sweeps}{who}{where} (one nation won every medal of the event):",
        sweeps=plural(len(part.items), "podium sweep", w),
        who=who,
        where=where,
    )
    if q.asked is Asked.CHECK:
        head = _yes(head, w)
    return [head, *_results(part.items, w, _swept)]


#: The questions about records (from the results' notes) and podium sweeps: lists, counts and
#: yes or no.
RECORD_ASKED = (Asked.COUNT, Asked.LIST, Asked.CHECK)
#: A record question's kind of record, as the answer says it (by ``Query.record``).
RECORD_WORDS = {
    "record": "a record",
    "world record": "a world record",
    "olympic record": "an Olympic record",
    "games record": "a Games record",
    "track record": "a track record",
    "asian record": "an Asian record",
}


def _records(part: AskPart, w: Words) -> list[str]:
    """The results whose notes mention a record, with the notes: what the data's notes say,
    which is not an official list of records."""
    q = part.query
    record = w.t(RECORD_WORDS.get(q.record, "a record"))
    where = f"{scope(q, w)}{_at(q, w)}"
    who = w.t(" of {who}", who=subject(q, w)) if subject(q, w) else ""
    caveat = w.t("From the results' notes in the data, not an official list of records.")
    if not part.items:
        none = w.t(
            "No result{who}{where} has a note mentioning {record}.",
            who=who,
            where=where,
            record=record,
        ).lstrip()  # (the filters come first in some languages, with their leading space)
        return [_no(none, w) if q.asked is Asked.CHECK else none, caveat]
    head = w.t(
        "{results}{who}{where} with a note mentioning {record}:",
        results=plural(len(part.items), "result", w),
        who=who,
        where=where,
        record=record,
    )
    if q.asked is Asked.CHECK:
        head = _yes(head, w)
    return [head, *_results(part.items, w, _noted), caveat]


#: The names of the parts of an "understood" line.
UNDERSTOOD_WORDS = {
    "nation": "nation",
    "athlete": "athlete",
    "sport": "sport",
    "event": "event",
    "gender": "gender",
    "day": "day",
    "order": "order",
    "place": "place",
}


def understood(query: Query, w: Words = EN) -> str:
    """What was understood: "count: gold medals · nation: X · Games: …"."""
    what = (
        medals_plural(query, w)
        if query.of is Counted.MEDALS
        else w.t(COUNTED_WORDS[query.of.value])
    )
    bits = [f"{w.t(VALUE_WORDS[query.asked.value])}: {what}"]
    for name, refs in (
        ("nation", query.nations),
        ("athlete", query.athletes),
        ("sport", query.sports),
    ):
        if refs:
            shown = [
                w.sport(r.label) if name == "sport" else named(r.label, r.names, name, w)
                for r in refs
            ]
            bits.append(f"{w.t(UNDERSTOOD_WORDS[name])}: {' / '.join(shown)}")
    if query.event:
        bits.append(f"{w.t(UNDERSTOOD_WORDS['event'])}: {event_label(query.event.label, w)}")
    if query.gender:
        gender = w.t(VALUE_WORDS[query.gender.value])
        bits.append(f"{w.t(UNDERSTOOD_WORDS['gender'])}: {gender}")
    if query.kind:
        bits.append(
            w.t("team events") if query.kind is EventKind.TEAM else w.t("individual events")
        )
    if query.day:
        bits.append(f"{w.t(UNDERSTOOD_WORDS['day'])}: {day(query.day, w)}")
    if query.order:
        to = w.t(" to {n}", n=query.threshold) if query.threshold else ""
        order = w.t(VALUE_WORDS[query.order.value])
        bits.append(f"{w.t(UNDERSTOOD_WORDS['order'])}: {order}{to}")
    if query.limit:
        bits.append(w.t("top {n}", n=query.limit))
    if query.place:
        bits.append(f"{w.t(UNDERSTOOD_WORDS['place'])}: {ordinal(query.place, w)}")
    games = query.versus_games or query.in_every or (query.games,)
    shown = [named(g.label, g.names, "games", w) for g in games]
    between = w.t(" vs ") if query.versus_games else " + "
    but = ""
    if query.not_at is not None:
        other = named(query.not_at.label, query.not_at.names, "games", w)
        but = w.t(" (not {other})", other=other)
    bits.append(w.t("Games") + ": " + between.join(shown) + but)
    return " · ".join(bits)


def answer_lines(answer: AskAnswer, w: Words = EN) -> list[str]:
    """Every part's sentences, a blank line between parts."""
    lines: list[str] = []
    for part in answer.parts:
        if lines:
            lines.append("")
        lines.extend(part_lines(part, w))
    return lines


def render_ask_text(answer: AskAnswer, w: Words = EN) -> str:
    """Plain text: the answer, what was understood, then the usual footer."""
    understood_lines = "\n".join(f"({understood(p.query, w)})" for p in answer.parts)
    body = "\n".join(answer_lines(answer, w))
    return f"{body}\n\n{understood_lines}\n{footer(answer.provenance, w)}"


# --- refusals -----------------------------------------------------------------------------------

COMMANDS = "`/medals NATION`, `/athlete NAME`, `/event NAME`, `/table`"


def help_text(nation: str, event: str) -> Phrase:
    """How to ask, with a nation and an event of the data as examples."""
    return phrase(
        "Ask about medals, winners, nations, athletes, events and dates, e.g. “who won the "
        "{event}?”, “how many golds did {nation} win?”. Commands: {commands}.",
        event=event,
        nation=nation,
        commands=COMMANDS,
    )


def _games_list(names: Sequence[str]) -> str:
    return " or ".join(f"the {n}" for n in names)


def not_found(kind: EntityKind, text: str, searched: Sequence[str]) -> Phrase:
    games = _games_list(searched)
    if kind is EntityKind.NATION:
        return phrase("No nation called “{text}” in the data of {games}.", text=text, games=games)
    if kind is EntityKind.ATHLETE:
        return phrase("No athlete called “{text}” in the data of {games}.", text=text, games=games)
    if kind is EntityKind.EVENT:
        return phrase("No event called “{text}” in the data of {games}.", text=text, games=games)
    return phrase("No sport called “{text}” in the data of {games}.", text=text, games=games)


def not_held(sport: str, searched: Sequence[str]) -> Phrase:
    return phrase(
        "{sport} was not on the programme of {games}.",
        sport=sport.capitalize(),
        games=_games_list(searched),
    )


def games_not_loaded(text: str, loaded: Sequence[str]) -> Phrase:
    return phrase(
        "“{text}” is not a Games I have; the loaded Games are {games}.",
        text=text,
        games=joined(list(loaded)),
    )


def last_place_unknown(event: str, searched: Sequence[str]) -> Phrase:
    """Who came last: the data holds the medallists and the places reports named, not every
    finisher, so it cannot say."""
    return phrase(
        "The data of {games} holds the medallists and the places reports named, not every "
        "finisher, so it cannot say who came last in the {event}. /event shows every place it "
        "holds.",
        games=_games_list(searched),
        event=event,
    )


def unreadable(words: str, understood: Sequence[str] = (), command: str = "") -> Phrase:
    """Words not understood, what was, and the closest command."""
    if understood and command:
        return phrase(
            "I couldn't read that question: not “{words}”. I understood {understood}. "
            "The closest command is `{command}`.",
            words=words,
            understood=joined(list(understood)),
            command=command,
        )
    if understood:
        return phrase(
            "I couldn't read that question: not “{words}”. I understood {understood}. "
            "Commands: {commands}.",
            words=words,
            understood=joined(list(understood)),
            commands=COMMANDS,
        )
    if command:
        return phrase(
            "I couldn't read that question: not “{words}”. The closest command is `{command}`.",
            words=words,
            command=command,
        )
    return phrase(
        "I couldn't read that question: not “{words}”. Commands: {commands}.",
        words=words,
        commands=COMMANDS,
    )
