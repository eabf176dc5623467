"""Applying a load plan to data in memory: what the Games will look like after a load. Used for
previews (medal-table changes) and for building test data without a database."""

from __future__ import annotations

from bot.domain.models import GamesData, LoadInfo, LoadPlan


def apply_plan(
    current: GamesData | None, plan: LoadPlan, last_load: LoadInfo | None = None
) -> GamesData:
    """``current`` with ``plan`` applied: its events' results replaced, other events untouched."""
    nations = {n.code: n for n in (current.nations if current else ())}
    nations.update({n.code: n for n in plan.nations})
    athletes = {a.id: a for a in (current.athletes if current else ())}
    athletes.update({a.id: a for a in plan.athletes})
    events = {e.id: e for e in (current.events if current else ())}
    replaced = {item.event.id for item in plan.events}
    events.update({item.event.id: item.event for item in plan.events})
    results = [r for r in (current.results if current else ()) if r.event_id not in replaced]
    for item in plan.events:
        results.extend(item.results)
    return GamesData(
        games=plan.games,
        nations=tuple(sorted(nations.values(), key=lambda n: n.code)),
        athletes=tuple(sorted(athletes.values(), key=lambda a: a.id)),
        events=tuple(
            sorted(
                events.values(), key=lambda e: (e.date.isoformat() if e.date else "", e.sport, e.id)
            )
        ),
        results=tuple(sorted(results, key=lambda r: r.event_id)),
        last_load=last_load or (current.last_load if current else None),
    )
