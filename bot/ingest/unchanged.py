"""Whether a load plan changes anything: every row it would write (the Games, each NOC, athlete
and event with its whole result list, in order) already stands in the current data exactly so.
A load that changes nothing is reported as "no change" and makes no history entry."""

from __future__ import annotations

from bot.domain.models import GamesData, LoadPlan, Result


def changes_nothing(current: GamesData | None, plan: LoadPlan) -> bool:
    """True when writing ``plan`` onto ``current`` would leave every row as it is."""
    if current is None or plan.games != current.games:
        return False
    nations = {n.code: n for n in current.nations}
    if any(nations.get(n.code) != n for n in plan.nations):
        return False
    athletes = {a.id: a for a in current.athletes}
    if any(athletes.get(a.id) != a for a in plan.athletes):
        return False
    events = {e.id: e for e in current.events}
    if any(events.get(item.event.id) != item.event for item in plan.events):
        return False
    wanted = {item.event.id for item in plan.events}
    results: dict[str, list[Result]] = {}
    for result in current.results:
        if result.event_id in wanted:
            results.setdefault(result.event_id, []).append(result)
    return all(tuple(results.get(i.event.id, ())) == i.results for i in plan.events)
