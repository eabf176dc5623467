"""The evaluator of /ask: any ``Query`` answered from one Games' index. Every number is counted
from the results; the part says what it counted (its items) and returns facts, never words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from bot.answers.ask import Asked, AskPart, AskValue, AthleteName, Counted, Item, Order, Query
from bot.domain.models import Medal, MedalCount, Result
from bot.domain.names import fold
from bot.domain.resolution import CandidateNames
from bot.query.index import GamesIndex, count_medals, rank_counts

_SOURCE = re.compile(r"\s*[-–]?\s*\(?\[?(?:sources?:\s*)?(https?://\S+)(?:\s*;.*)?\]?\)?\s*$")
Results = Sequence[Result]


def evaluate(query: Query, index: GamesIndex) -> AskPart:
    """The facts that answer ``query`` in ``index``."""
    if query.sweep and query.asked in (Asked.LIST, Asked.COUNT, Asked.CHECK):
        return _sweeps(query, index)
    return _ANSWERS[query.asked](query, index, select(query, index))


def _sweeps(query: Query, index: GamesIndex) -> AskPart:
    """The events (of the query's sports, gender and nations) where one nation won every
    medal, three or more (a shared place counts), by date."""
    narrowed = query.model_copy(update={"nations": (), "sweep": False})
    by_event: dict[str, list[Result]] = {}
    for result in select(narrowed, index):
        by_event.setdefault(result.event_id, []).append(result)
    nations = {n.id for n in query.nations}
    items = []
    for event_id, medals in by_event.items():
        nocs = {r.noc for r in medals}
        if len(medals) >= len(Medal) and len(nocs) == 1 and nations <= nocs:
            event = index.events[event_id]
            label = f"{event.name} ({event.sport})"
            noc = medals[0].noc
            nation = index.nations.get(noc)
            names = CandidateNames.of_nation(nation) if nation else None  # the sweeping nation's
            items.append(
                Item(kind="event", id=event_id, label=label, noc=noc, date=event.date, names=names)
            )
    value: AskValue = bool(items) if query.asked is Asked.CHECK else len(items)
    return AskPart(query=query, value=value, items=tuple(items))


def select(query: Query, index: GamesIndex) -> list[Result]:
    """The results the query's filters keep, by date."""
    pool: Iterable[Result] = index.data.results
    if query.event is not None:
        pool = index.results_by_event.get(query.event.id, ())
    elif query.athletes:
        pool = index.results_by_athlete.get(query.athletes[0].id, ())
    elif query.nations:
        pool = index.results_by_noc.get(query.nations[0].id, ())
    kept = [r for r in pool if _fits(query, index, r)]
    return sorted(kept, key=lambda r: (_date(index, r), r.event_id, r.rank or 99))


def _fits(query: Query, index: GamesIndex, result: Result) -> bool:
    event = index.events[result.event_id]
    if query.gender is None:
        gender = True
    elif query.of is Counted.ATHLETES:  # athletes of one gender, in mixed events too
        gender = any(_gender(index, a) is query.gender for a in result.athletes)
    else:  # medals and events of one gender: those of its events
        gender = event.gender is query.gender
    return (
        gender
        and (not query.nations or result.noc in {n.id for n in query.nations})
        and (not query.athletes or bool({a.id for a in query.athletes} & set(result.athletes)))
        and (not query.sports or event.sport in {s.id for s in query.sports})
        and query.kind in (None, event.kind)
        and query.day in (None, event.date)
        and (result.medal is not None or not query.medalled)
        and query.medal in (None, result.medal)
        and (not query.tied or _shares_place(index, result))
        and (not query.record or query.record in fold(result.note))
    )


def _shares_place(index: GamesIndex, result: Result) -> bool:
    others = index.results_by_event.get(result.event_id, ())
    return result.rank is not None and sum(r.rank == result.rank for r in others) > 1


def _gender(index: GamesIndex, athlete_id: str) -> object:
    athlete = index.athletes.get(athlete_id)
    return athlete.gender if athlete else None


def _date(index: GamesIndex, result: Result) -> dt.date:
    return index.events[result.event_id].date or dt.date.min


# --- items ---------------------------------------------------------------------------------------


def result_item(index: GamesIndex, result: Result) -> Item:
    event = index.events[result.event_id]
    names = tuple(
        AthleteName(id=a, name=index.athletes[a].name, native_name=index.athletes[a].native_name)
        for a in result.athletes
        if a in index.athletes
    )
    return Item(
        kind="result",
        id=result.event_id,
        label=f"{event.name} ({event.sport})",
        noc=result.noc,
        event=event.name,
        date=event.date,
        rank=result.rank,
        medal=result.medal,
        athletes=names,
        mark=result.mark,
        note=result.note,
    )


def _thing(of: Counted, index: GamesIndex, key: str, results: Results = ()) -> Item:
    """A nation, athlete, sport or event, with the medals among ``results``."""
    if of is Counted.EVENTS:
        event = index.events[key]
        return Item(kind="event", id=key, label=f"{event.name} ({event.sport})", date=event.date)
    names = None
    if of is Counted.NATIONS:
        kind, label, noc = "nation", index.nation_name(key), key
        nation = index.nations.get(key)
        names = CandidateNames.of_nation(nation) if nation else None
    elif of is Counted.SPORTS:
        kind, label, noc = "sport", key, ""
    else:
        athlete = index.athletes[key]
        kind, label, noc = "athlete", athlete.name, athlete.noc
        names = CandidateNames.of_athlete(athlete)
    count = count_medals(noc, results)
    return Item(
        kind=kind,
        id=key,
        label=label,
        noc=noc if kind == "athlete" else "",
        count=count,
        names=names,
    )


def _keys(query: Query, index: GamesIndex, result: Result) -> list[str]:
    """What a result counts for: its nation, sport, event or athletes."""
    if query.of is Counted.NATIONS:
        return [result.noc]
    if query.of is Counted.SPORTS:
        return [index.events[result.event_id].sport]
    if query.of is Counted.EVENTS:
        return [result.event_id]
    return [a for a in result.athletes if query.gender in (None, _gender(index, a))]


def _grouped(query: Query, index: GamesIndex, results: Results) -> dict[str, list[Result]]:
    groups: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        for key in _keys(query, index, result):
            groups[key].append(result)
    return groups


def _ranked_apart(index: GamesIndex, items: list[Item]) -> tuple[list[Item], list[Item]]:
    """Items, and apart the delegations the medal table does not rank."""
    unranked = [i for i in items if i.kind == "nation" and not index.is_ranked(i.id)]
    return [i for i in items if i not in unranked], unranked


def _things(query: Query, index: GamesIndex, results: Results) -> list[Item]:
    """What a count or list is about: the nations, athletes, events or sports of the results
    when something narrows them (medals, a nation, a day), else every one of the Games."""
    groups = _grouped(query, index, results)
    keys: Iterable[str] = groups
    narrowed = (
        query.medalled or query.nations or query.athletes or query.day or query.event or query.tied
    ) or query.than is not None
    if not narrowed and query.of is Counted.NATIONS and not query.sports:
        keys = index.nations
    elif not narrowed and query.of is Counted.SPORTS:
        keys = index.sports
    elif not narrowed and query.of is Counted.EVENTS:
        keys = [
            e.id
            for e in index.events.values()
            if (not query.sports or e.sport in {s.id for s in query.sports})
            and query.gender in (None, e.gender)
            and query.kind in (None, e.kind)
        ]
    if query.threshold is not None:  # "nations that won more than 10 medals"
        keys = [k for k in keys if _reaches(query, len(groups.get(k, ())))]
    if query.than is not None:  # "which nations won more medals than <nation>"
        own = len(groups.get(query.than.id, ()))
        keys = [k for k in keys if len(groups.get(k, ())) > own and k != query.than.id]
    if query.without:  # "which nations won no gold": every other one taking part
        every = {
            Counted.NATIONS: index.nations,
            Counted.SPORTS: index.sports,
            Counted.EVENTS: index.events,
        }.get(query.of, index.athletes)
        won = set(keys)
        keys = [k for k in every if k not in won]
    items = [_thing(query.of, index, k, groups.get(k, ())) for k in keys]
    return sorted(items, key=_most_then_date)


def _reaches(query: Query, n: int) -> bool:
    """Whether a count of ``n`` passes the query's threshold: that many or more, or exactly
    that many ("exactly one medal")."""
    assert query.threshold is not None
    return n == query.threshold if query.exactly else n >= query.threshold


def _most_then_date(item: Item) -> tuple[object, ...]:
    medals = tuple(-k for k in item.count.key) if item.count else ()
    return (medals, item.date or dt.date.min, item.label)


# --- one function per kind of question -------------------------------------------------------


def _count(query: Query, index: GamesIndex, results: Results) -> AskPart:
    if query.order in (Order.FIRST, Order.LAST):
        return _first(query, index, results)
    if query.of in (Counted.MEDALS, Counted.RESULTS):
        items = tuple(result_item(index, r) for r in results)
        return AskPart(query=query, value=len(items), items=items, count=count_medals("", results))
    things, unranked = _ranked_apart(index, _things(query, index, results))
    return AskPart(query=query, value=len(things), items=tuple(things), unranked=tuple(unranked))


def _first(query: Query, index: GamesIndex, results: Results) -> AskPart:
    """The first or last results (by date: the data has no times of day), or the first to
    reach a number of medals."""
    if not query.medalled and not query.event:
        results = [r for r in results if r.medal is not None]
    days = sorted({_date(index, r) for r in results}, reverse=query.order is Order.LAST)
    if query.threshold is None:
        chosen = [r for r in results if days and _date(index, r) == days[0]]
        return AskPart(query=query, value=days[0] if days else None, items=_results(index, chosen))
    of = query.model_copy(update={"of": Counted.NATIONS}) if query.of is Counted.MEDALS else query
    for day in sorted(days):
        groups = _grouped(of, index, [r for r in results if _date(index, r) <= day])
        reached = sorted(k for k, found in groups.items() if len(found) >= query.threshold)
        if reached:
            items = tuple(_thing(of.of, index, k, groups[k]) for k in reached)
            return AskPart(query=query, value=day, items=items)
    return AskPart(query=query)


def _results(index: GamesIndex, results: Results) -> tuple[Item, ...]:
    return tuple(result_item(index, r) for r in results)


def _measure(query: Query) -> Callable[[Item], tuple[int, ...]]:
    """What a ranking orders by: one colour, all medals, or the medal table's gold first."""

    def measure(item: Item) -> tuple[int, ...]:
        count = item.count or MedalCount(noc=item.noc)
        if query.medal is not None:
            return (getattr(count, query.medal.value),)
        return (count.total,) if query.by_total else count.key

    return measure


def _rank(query: Query, index: GamesIndex, results: Results) -> AskPart:
    """The leaders (those sharing the top), the first ``limit`` (with whoever ties with the
    last of them), those at one ``place`` ("which nation is 4th": whoever holds the place that
    covers it, two sharing 3rd hold 3rd and 4th), or, asked for the table, every row; each with
    its rank (equal counts, equal ranks)."""
    groups = _grouped(query, index, results)
    items, unranked = _ranked_apart(
        index, [_thing(query.of, index, k, v) for k, v in groups.items()]
    )
    key = _measure(query)
    sign = 1 if query.order is Order.FEWEST else -1
    items.sort(key=lambda i: (tuple(sign * k for k in key(i)), i.label))
    ranks = _ranks(items, key)
    if query.place is not None:
        held = [r for r in ranks if r <= query.place]
        at = max(held) if query.place <= len(items) and held else None
        chosen = [n for n, r in enumerate(ranks) if r == at]
    elif not items:
        return AskPart(query=query, value=0)
    else:
        last = key(items[min(query.limit or 1, len(items)) - 1])
        chosen = [
            n
            for n, i in enumerate(items)
            if query.order is None or n < (query.limit or 0) or key(i) == last
        ]
    found = tuple(items[n].model_copy(update={"rank": ranks[n]}) for n in chosen)
    return AskPart(
        query=query,
        value=key(found[0])[0] if found else 0,
        items=found,
        unranked=tuple(unranked),
    )


def _ranks(items: list[Item], key: Callable[[Item], tuple[int, ...]]) -> list[int]:
    """The ranks of sorted items: equal counts share a rank, the next rank counts them all
    (1, 2, 2, 4)."""
    ranks: list[int] = []
    for n, item in enumerate(items):
        ranks.append(ranks[-1] if n and key(item) == key(items[n - 1]) else n + 1)
    return ranks


def _check(query: Query, index: GamesIndex, results: Results) -> AskPart:
    if query.leads:
        return _leads(query, index)
    anyone = not (query.nations or query.athletes)
    if query.threshold is not None and anyone and query.of in (Counted.NATIONS, Counted.ATHLETES):
        reached = _things(query, index, results)  # "did any athlete win 5 golds": who did
        return AskPart(query=query, value=bool(reached), items=tuple(reached))
    value = _reaches(query, len(results)) if query.threshold is not None else bool(results)
    if not results and (query.nations or query.athletes):  # what a "no" rests on
        results = select(query.model_copy(update={"medal": None, "medalled": False}), index)
    return AskPart(query=query, value=value, items=_results(index, results))


def _leads(query: Query, index: GamesIndex) -> AskPart:
    """Whether the one nation or athlete named leads the ranking asked (by the colour asked,
    else by all medals); the leaders are the facts the answer rests on."""
    subject = (query.nations or query.athletes)[0]
    ranking = query.model_copy(
        update={
            "asked": Asked.RANK,
            "of": Counted.NATIONS if query.nations else Counted.ATHLETES,
            "nations": (),
            "athletes": (),
            "by_total": query.by_total or query.medal is None,
            "leads": False,
        }
    )
    ranked = _rank(ranking, index, select(ranking, index))
    value = any(i.id == subject.id for i in ranked.items)
    return AskPart(query=query, value=value, items=ranked.items)


def _compare(query: Query, index: GamesIndex, results: Results) -> AskPart:
    key, of = ("nations", Counted.NATIONS) if query.nations else ("athletes", Counted.ATHLETES)
    items = []
    for subject in query.nations or query.athletes:
        found = select(query.model_copy(update={key: (subject,)}), index)
        items.append(_thing(of, index, subject.id, found).model_copy(update={"value": len(found)}))
    return compared(query, tuple(items))


def compared(query: Query, items: tuple[Item, ...]) -> AskPart:
    """A comparison of counted items: the one with most, or a tie."""
    best = max((i.value or 0 for i in items), default=0)
    leaders = [i for i in items if (i.value or 0) == best]
    return AskPart(
        query=query, value=best, items=items, winner=leaders[0].id if len(leaders) == 1 else "tie"
    )


def _explain(query: Query, index: GamesIndex, results: Results) -> AskPart:
    """The notes of the event (and of the subject's results in it), with their sources; for an
    athlete alone, the notes of their events that name them."""
    events = [index.events[e] for e in dict.fromkeys(r.event_id for r in results)]
    if query.event is not None:
        events = [index.events[query.event.id]]
    names = [index.athletes[a.id].name.split()[-1].casefold() for a in query.athletes]
    items = [
        Item(kind="note", id=event.id, label=text, source=source, event=event.name)
        for event in events
        for note in event.notes
        if query.event is not None or any(n in note.casefold() for n in names)
        for text, source in [_split_source(note)]
    ]
    items.extend(result_item(index, r) for r in results if r.note)
    return AskPart(query=query, items=tuple(items))


def _split_source(note: str) -> tuple[str, str]:
    found = _SOURCE.search(note)
    return (note[: found.start()].strip(), found.group(1)) if found else (note, "")


def _date_of(query: Query, index: GamesIndex, results: Results) -> AskPart:
    games = index.data.games
    if query.games_dates is not None:
        return AskPart(
            query=query, value=games.start if query.games_dates == "start" else games.end
        )
    ordered = query.order in (Order.FIRST, Order.LAST)
    if query.event is not None and not (query.nations or query.athletes or ordered):
        item = _thing(Counted.EVENTS, index, query.event.id)
        return AskPart(query=query, value=item.date, items=(item,))
    if ordered:
        return _first(query, index, results)
    if query.threshold is not None and (query.nations or query.athletes):
        # "when did X win his 6th gold": the day X reached six
        reached = _first(query.model_copy(update={"order": Order.FIRST}), index, results)
        return reached.model_copy(update={"query": query})
    days = {_date(index, r) for r in results}
    return AskPart(
        query=query, value=days.pop() if len(days) == 1 else None, items=_results(index, results)
    )


def _place(query: Query, index: GamesIndex, results: Results) -> AskPart:
    if query.games_host:  # "which city hosted the games"
        games = index.data.games
        host = next((n for n in index.nations.values() if n.name == games.country), None)
        item = Item(
            kind="games",
            id=games.id,
            label=games.name,
            date=games.start,
            city=games.city,
            country=games.country,
            names=CandidateNames.of_nation(host) if host else None,  # the country's, to say it
        )
        return AskPart(query=query, value=games.end, items=(item,))
    if query.event is None and query.nations and not query.athletes and not query.sports:
        code = query.nations[0].id
        ranked = rank_counts(index.ranked_counts(), name_of=index.nation_name)
        rank = next((p for p, c in ranked if c.noc == code), None)
        item = _thing(Counted.NATIONS, index, code, index.medal_results(code))
        item = item.model_copy(update={"rank": rank})
        return AskPart(query=query, value=rank, items=(item,), count=item.count)
    if query.place is not None:  # who finished at that place of the event
        at_place = [r for r in results if r.rank == query.place]
        return AskPart(query=query, value=query.place, items=_results(index, at_place))
    ranks = [r.rank for r in results if r.rank is not None]
    value = min(ranks) if ranks and (query.event is not None or len(results) == 1) else None
    return AskPart(query=query, value=value, items=_results(index, results))


_ANSWERS: dict[Asked, Callable[[Query, GamesIndex, Results], AskPart]] = {
    Asked.COUNT: _count,
    Asked.LIST: _count,
    Asked.RANK: _rank,
    Asked.CHECK: _check,
    Asked.COMPARE: _compare,
    Asked.EXPLAIN: _explain,
    Asked.DATE: _date_of,
    Asked.PLACE: _place,
}
