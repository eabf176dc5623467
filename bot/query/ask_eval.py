"""The evaluator of /ask: any ``Query`` answered from one Games' index. Every number is counted
from the results; the part says what it counted (its items) and returns facts, never words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from bot.answers.ask import Asked, AskPart, AthleteName, Counted, Item, Order, Query
from bot.domain.models import Event, Gender, Medal, MedalCount, Result
from bot.query.index import GamesIndex, count_medals, rank_counts

_SOURCE = re.compile(
    r"\s*(?:[-–]\s*)?\(?\[?(?:sources?:\s*)?(https?://\S+(?:\s*;\s*https?://\S+)*)\]?\)?\s*$"
)


def evaluate(query: Query, index: GamesIndex) -> AskPart:
    """The facts that answer ``query`` in ``index``."""
    results = select(query, index)
    answer = _ANSWERS[query.asked]
    return answer(query, index, results)


def select(query: Query, index: GamesIndex) -> list[Result]:
    """The results the query's filters keep."""
    pool: Iterable[Result] = index.data.results
    if query.event is not None:
        pool = index.results_by_event.get(query.event.id, ())
    elif query.athletes:
        pool = index.results_by_athlete.get(query.athletes[0].id, ())
    elif query.nations:
        pool = index.results_by_noc.get(query.nations[0].id, ())
    nations = {n.id for n in query.nations}
    athletes = {a.id for a in query.athletes}
    sports = {s.id for s in query.sports}
    kept = []
    for result in pool:
        event = index.events[result.event_id]
        if (
            (nations and result.noc not in nations)
            or (athletes and not athletes & set(result.athletes))
            or (sports and event.sport not in sports)
            or (query.kind is not None and event.kind is not query.kind)
            or (query.day is not None and event.date != query.day)
            or (query.medalled and result.medal is None)
            or (query.medal is not None and result.medal is not query.medal)
            or not _gender_fits(query, index, event, result)
            or (query.tied and not _shares_place(index, result))
        ):
            continue
        kept.append(result)
    return sorted(kept, key=lambda r: (_date(index, r), r.event_id, r.rank or 99))


def _shares_place(index: GamesIndex, result: Result) -> bool:
    others = index.results_by_event.get(result.event_id, ())
    return result.rank is not None and sum(1 for r in others if r.rank == result.rank) > 1


def _gender_fits(query: Query, index: GamesIndex, event: Event, result: Result) -> bool:
    """Medals and events of one gender are those of its events; athletes of one gender are
    the athletes themselves (in mixed events too)."""
    if query.gender is None:
        return True
    if query.of is Counted.ATHLETES:
        return any(_athlete_gender(index, a) is query.gender for a in result.athletes)
    return event.gender is query.gender


def _athlete_gender(index: GamesIndex, athlete_id: str) -> Gender | None:
    athlete = index.athletes.get(athlete_id)
    return athlete.gender if athlete else None


def _date(index: GamesIndex, result: Result) -> dt.date:
    return index.events[result.event_id].date or dt.date.min


# --- items ---------------------------------------------------------------------------------------


def result_item(index: GamesIndex, result: Result) -> Item:
    event = index.events[result.event_id]
    return Item(
        kind="result",
        id=result.event_id,
        label=f"{event.name} ({event.sport})",
        noc=result.noc,
        event=event.name,
        date=event.date,
        rank=result.rank,
        medal=result.medal,
        athletes=tuple(
            AthleteName(id=a, name=index.athletes[a].name)
            for a in result.athletes
            if a in index.athletes
        ),
        mark=result.mark,
        note=result.note,
    )


def nation_item(index: GamesIndex, code: str, results: Sequence[Result] = ()) -> Item:
    return Item(
        kind="nation", id=code, label=index.nation_name(code), count=count_medals(code, results)
    )


def athlete_item(index: GamesIndex, athlete_id: str, results: Sequence[Result] = ()) -> Item:
    athlete = index.athletes[athlete_id]
    return Item(
        kind="athlete",
        id=athlete_id,
        label=athlete.name,
        noc=athlete.noc,
        count=count_medals(athlete.noc, results),
    )


def event_item(event: Event) -> Item:
    return Item(kind="event", id=event.id, label=f"{event.name} ({event.sport})", date=event.date)


def sport_item(sport: str, results: Sequence[Result] = ()) -> Item:
    return Item(kind="sport", id=sport, label=sport, count=count_medals("", results))


def _grouped(query: Query, index: GamesIndex, results: Sequence[Result]) -> dict[str, list[Result]]:
    """Results by nation, athlete or sport (what the query counts)."""
    groups: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        if query.of is Counted.NATIONS:
            groups[result.noc].append(result)
        elif query.of is Counted.SPORTS:
            groups[index.events[result.event_id].sport].append(result)
        elif query.of is Counted.EVENTS:
            groups[result.event_id].append(result)
        else:
            for athlete in result.athletes:
                if query.gender is None or _athlete_gender(index, athlete) is query.gender:
                    groups[athlete].append(result)
    return groups


def _item(query: Query, index: GamesIndex, key: str, results: Sequence[Result]) -> Item:
    if query.of is Counted.NATIONS:
        return nation_item(index, key, results)
    if query.of is Counted.SPORTS:
        return sport_item(key, results)
    if query.of is Counted.EVENTS:
        return event_item(index.events[key])
    return athlete_item(index, key, results)


def _things(
    query: Query, index: GamesIndex, results: Sequence[Result]
) -> tuple[list[Item], list[Item]]:
    """The nations, athletes, events or sports a count or list is about: those of the results
    when medals (or a nation or athlete) narrow them, else every one of the Games that fits the
    filters. Nations the medal table does not rank come back apart."""
    narrowed = query.medalled or query.nations or query.athletes or query.day or query.event
    if not narrowed and query.of is Counted.NATIONS and not query.sports:
        codes = list(index.nations)
    elif not narrowed and query.of is Counted.EVENTS:
        events = [
            e
            for e in index.events.values()
            if (not query.sports or e.sport in {s.id for s in query.sports})
            and (query.gender is None or e.gender is query.gender)
            and (query.kind is None or e.kind is query.kind)
        ]
        return [
            event_item(e) for e in sorted(events, key=lambda e: (e.date or dt.date.min, e.id))
        ], []
    elif not narrowed and query.of is Counted.SPORTS:
        return [sport_item(s) for s in index.sports], []
    else:
        groups = _grouped(query, index, results)
        if query.of is not Counted.NATIONS:
            return [_item(query, index, k, v) for k, v in groups.items()], []
        codes = list(groups)
        items = [nation_item(index, c, groups[c]) for c in codes]
        return [i for i in items if index.is_ranked(i.id)], [
            i for i in items if not index.is_ranked(i.id)
        ]
    items = [nation_item(index, c, index.medal_results(c)) for c in codes]
    return [i for i in items if index.is_ranked(i.id)], [
        i for i in items if not index.is_ranked(i.id)
    ]


# --- one function per kind of question -------------------------------------------------------


def _ordered(items: list[Item]) -> list[Item]:
    """Most medals first (gold, silver, bronze), then by date and name."""
    return sorted(
        items,
        key=lambda i: (
            tuple(-k for k in i.count.key) if i.count else (),
            i.date or dt.date.min,
            i.label,
        ),
    )


def _count(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    if query.of in (Counted.MEDALS, Counted.RESULTS):
        items = tuple(result_item(index, r) for r in results)
        count = count_medals("", results)
        return AskPart(query=query, value=len(results), items=items, count=count)
    things, unranked = (_ordered(found) for found in _things(query, index, results))
    return AskPart(query=query, value=len(things), items=tuple(things), unranked=tuple(unranked))


def _list(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    if query.order in (Order.FIRST, Order.LAST):
        return _first(query, index, results)
    return _count(query, index, results)


def _first(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    """The first or last results (by date: the data has no times of day), or the first to
    reach a number of medals."""
    if query.threshold is not None:
        return _first_to(query, index, results)
    if not query.medalled and not query.event:
        results = [r for r in results if r.medal is not None]
    dates = sorted({_date(index, r) for r in results})
    if not dates:
        return AskPart(query=query)
    day = dates[0] if query.order is Order.FIRST else dates[-1]
    chosen = [r for r in results if _date(index, r) == day]
    return AskPart(query=query, value=day, items=tuple(result_item(index, r) for r in chosen))


def _first_to(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    assert query.threshold is not None
    of = (
        query
        if query.of is not Counted.MEDALS
        else query.model_copy(update={"of": Counted.NATIONS})
    )
    totals: Counter[str] = Counter()
    by_day: dict[dt.date, list[Result]] = defaultdict(list)
    for result in results:
        by_day[_date(index, result)].append(result)
    for day in sorted(by_day):
        for key, found in _grouped(of, index, by_day[day]).items():
            totals[key] += len(found)
        reached = sorted(k for k, n in totals.items() if n >= query.threshold)
        if reached:
            items = tuple(
                _item(
                    of,
                    index,
                    k,
                    [
                        r
                        for r in results
                        if _date(index, r) <= day
                        and k in (r.noc, *r.athletes, index.events[r.event_id].sport)
                    ],
                )
                for k in reached
            )
            return AskPart(query=query, value=day, items=items)
    return AskPart(query=query)


def _measure(query: Query) -> Callable[[MedalCount], tuple[int, ...]]:
    if query.medal is not None:
        colour = query.medal.value
        return lambda c: (getattr(c, colour),)
    if query.by_total:
        return lambda c: (c.total,)
    return lambda c: c.key


def _rank(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    """The leaders (those sharing the top), or the first ``limit`` rows."""
    groups = _grouped(query, index, results)
    items = [_item(query, index, k, v) for k, v in groups.items()]
    unranked = [i for i in items if i.kind == "nation" and not index.is_ranked(i.id)]
    items = [i for i in items if i not in unranked]
    key = _measure(query)
    sign = 1 if query.order is Order.FEWEST else -1
    items.sort(key=lambda i: (tuple(sign * k for k in key(_count_of(i))), i.label))
    if not items:
        return AskPart(query=query, value=0)
    if query.order is None:
        chosen = items
    elif query.limit:  # the top N, and whoever ties with the last of them
        last = key(_count_of(items[min(query.limit, len(items)) - 1]))
        chosen = [i for n, i in enumerate(items) if n < query.limit or key(_count_of(i)) == last]
    else:
        chosen = [i for i in items if key(_count_of(i)) == key(_count_of(items[0]))]
    return AskPart(
        query=query,
        value=key(_count_of(chosen[0]))[0],
        items=tuple(chosen),
        unranked=tuple(unranked),
    )


def _count_of(item: Item) -> MedalCount:
    return item.count or MedalCount(noc=item.noc)


def _check(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    value = len(results) >= query.threshold if query.threshold is not None else bool(results)
    items = results or _beside(query, index)
    return AskPart(query=query, value=value, items=tuple(result_item(index, r) for r in items))


def _beside(query: Query, index: GamesIndex) -> list[Result]:
    """What a "no" rests on: the subject's results without the medal filter."""
    if not (query.nations or query.athletes):
        return []
    return select(query.model_copy(update={"medal": None, "medalled": False}), index)


def _compare(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    subjects = query.nations or query.athletes
    key = "nations" if query.nations else "athletes"
    items = []
    for subject in subjects:
        found = select(query.model_copy(update={key: (subject,)}), index)
        maker = nation_item if key == "nations" else athlete_item
        items.append(
            maker(index, subject.id, found).model_copy(update={"value": _value(query, found)})
        )
    return compared(query, tuple(items))


def _value(query: Query, results: Sequence[Result]) -> int:
    return len(results)


def compared(query: Query, items: tuple[Item, ...]) -> AskPart:
    """A comparison of counted items: the one with most, or a tie."""
    values = [i.value or 0 for i in items]
    best = max(values, default=0)
    leaders = [i for i, v in zip(items, values, strict=True) if v == best]
    winner = leaders[0].id if len(leaders) == 1 else "tie"
    return AskPart(query=query, value=best, items=items, winner=winner)


def _explain(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    """The notes of the event (and of the subject's results in it), with their sources; for an
    athlete alone, the notes of their events that name them."""
    items: list[Item] = []
    if query.event is not None:
        events = [index.events[query.event.id]]
        mine = [
            r
            for r in results
            if r.noc in {n.id for n in query.nations}
            or set(r.athletes) & {a.id for a in query.athletes}
        ]
    else:
        mine = results
        events = [index.events[e] for e in dict.fromkeys(r.event_id for r in results)]
    names = [
        index.athletes[a.id].name.split()[-1] for a in query.athletes if a.id in index.athletes
    ]
    for event in events:
        for note in event.notes:
            if query.event is not None or any(n.casefold() in note.casefold() for n in names):
                text, source = _split_source(note)
                items.append(
                    Item(kind="note", id=event.id, label=text, source=source, event=event.name)
                )
    items.extend(result_item(index, r) for r in mine if r.note)
    return AskPart(query=query, items=tuple(items))


def _split_source(note: str) -> tuple[str, str]:
    found = _SOURCE.search(note)
    if found is None:
        return note, ""
    return note[: found.start()].strip(), found.group(1).split(";")[0].strip()


def _date_of(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    games = index.data.games
    if query.games_dates is not None:
        day = games.start if query.games_dates == "start" else games.end
        return AskPart(query=query, value=day)
    if query.event is not None and not (query.nations or query.athletes):
        event = index.events[query.event.id]
        return AskPart(query=query, value=event.date, items=(event_item(event),))
    if query.order in (Order.FIRST, Order.LAST):
        return _first(query, index, results)
    days = sorted({_date(index, r) for r in results})
    items = tuple(result_item(index, r) for r in results)
    return AskPart(query=query, value=days[0] if len(days) == 1 else None, items=items)


def _place(query: Query, index: GamesIndex, results: list[Result]) -> AskPart:
    if query.event is None and query.nations and not query.athletes and not query.sports:
        code = query.nations[0].id
        ranked = rank_counts(index.ranked_counts(), name_of=index.nation_name)
        rank = next((p for p, c in ranked if c.noc == code), None)
        item = nation_item(index, code, index.medal_results(code)).model_copy(update={"rank": rank})
        return AskPart(query=query, value=rank, items=(item,), count=item.count)
    ranks = [r.rank for r in results if r.rank is not None]
    value = min(ranks) if ranks and (query.event is not None or len(results) == 1) else None
    return AskPart(query=query, value=value, items=tuple(result_item(index, r) for r in results))


_ANSWERS: dict[Asked, Callable[[Query, GamesIndex, list[Result]], AskPart]] = {
    Asked.COUNT: _count,
    Asked.LIST: _list,
    Asked.RANK: _rank,
    Asked.CHECK: _check,
    Asked.COMPARE: _compare,
    Asked.EXPLAIN: _explain,
    Asked.DATE: _date_of,
    Asked.PLACE: _place,
}
__all__ = ["Medal", "compared", "evaluate", "select"]
