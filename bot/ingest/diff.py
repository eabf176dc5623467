"""Load previews: what a load plan would change against the current data (events replaced, results
added/changed/removed, new athletes and NOCs, medal-table changes), computed before anything is
written."""

from __future__ import annotations

from bot.answers.models import EventChange, LoadPreview, NewGames, Provenance, TableChange
from bot.domain.models import GamesData, LoadPlan, Result
from bot.domain.namesakes import namesake_sports
from bot.ingest.apply import apply_plan
from bot.query.index import GamesIndex, rank_counts


def _place(result: Result) -> str:
    rank = str(result.rank) if result.rank is not None else "–"
    medal = result.medal.value if result.medal else "no medal"
    return f"rank {rank}, {medal}" + (f", {result.mark}" if result.mark else "")


def _who(result: Result, names: dict[str, str]) -> str:
    people = ", ".join(names.get(a, a) for a in result.athletes)
    return f"{result.noc} {people}".strip()


def event_changes(
    before: tuple[Result, ...], after: tuple[Result, ...], names: dict[str, str]
) -> tuple[int, int, int, list[str]]:
    """Added, changed and removed results of one event, and a line for each."""
    old: dict[tuple[str, frozenset[str]], list[Result]] = {}
    for result in before:
        old.setdefault((result.noc, frozenset(result.athletes)), []).append(result)
    added = changed = 0
    details: list[str] = []
    for result in after:
        bucket = old.get((result.noc, frozenset(result.athletes)))
        if not bucket:
            added += 1
            details.append(f"+ {_who(result, names)}: {_place(result)}")
            continue
        previous = bucket.pop(0)
        if (previous.rank, previous.medal, previous.mark, previous.note) != (
            result.rank,
            result.medal,
            result.mark,
            result.note,
        ):
            changed += 1
            if (previous.rank, previous.medal, previous.mark) != (
                result.rank,
                result.medal,
                result.mark,
            ):
                details.append(f"~ {_who(result, names)}: {_place(previous)} → {_place(result)}")
            else:
                details.append(f"~ {_who(result, names)}: note changed")
    removed = 0
    for bucket in old.values():
        for result in bucket:
            removed += 1
            details.append(f"− {_who(result, names)}: {_place(result)}")
    return added, changed, removed, details


def _medals_index(data: GamesData) -> GamesIndex:
    """An index of ``data`` for its medal table only: its NOCs and its medal-winning results (the
    rest of a large load, places without medals and athletes, counts for nothing there)."""
    medals = tuple(r for r in data.results if r.medal is not None)
    return GamesIndex.build(data.model_copy(update={"results": medals, "athletes": ()}))


def table_changes(before: GamesData | None, after: GamesData) -> tuple[TableChange, ...]:
    """NOCs whose medal count changes, with their rank before and after."""
    old_index = _medals_index(before) if before else None
    new_index = _medals_index(after)
    old_counts = {c.noc: c for c in old_index.medal_counts()} if old_index else {}
    new_counts = {c.noc: c for c in new_index.medal_counts()}
    old_ranks = {c.noc: r for r, c in rank_counts(old_index.ranked_counts())} if old_index else {}
    new_ranks = {c.noc: r for r, c in rank_counts(new_index.ranked_counts())}
    changes = []
    for noc, count in sorted(new_counts.items()):
        previous = old_counts.get(noc)
        if previous is None or previous.key != count.key:
            changes.append(
                TableChange(
                    noc=noc,
                    before=previous
                    or count.model_copy(update={"gold": 0, "silver": 0, "bronze": 0}),
                    after=count,
                    rank_before=old_ranks.get(noc),
                    rank_after=new_ranks.get(noc),
                )
            )
    return tuple(changes)


def preview(
    current: GamesData | None,
    plan: LoadPlan,
    *,
    provenance: Provenance,
    source: str,
    sha256: str,
) -> LoadPreview:
    """What loading ``plan`` onto ``current`` would change."""
    after = apply_plan(current, plan)
    known_athletes = {a.id for a in current.athletes} if current else set()
    known_nations = {n.code for n in current.nations} if current else set()
    names = {a.id: a.name for a in after.athletes}
    old_results: dict[str, list[Result]] = {}
    for result in current.results if current else ():
        old_results.setdefault(result.event_id, []).append(result)
    old_events = {e.id for e in current.events} if current else set()
    events = []
    warnings: list[str] = list(plan.warnings)
    for item in plan.events:
        added, changed, removed, details = event_changes(
            tuple(old_results.get(item.event.id, ())), item.results, names
        )
        events.append(
            EventChange(
                event_id=item.event.id,
                label=f"{item.event.name} ({item.event.sport})",
                new_event=item.event.id not in old_events,
                added=added,
                changed=changed,
                removed=removed,
                details=tuple(details),
            )
        )
        if item.event.id not in old_events:
            warnings.append(
                f"new event: {item.event.name} ({item.event.sport}); check the name if you meant an existing one"
            )
        if not item.results:
            warnings.append(f"{item.event.name} ({item.event.sport}) will have no results")
    sports = namesake_sports(after)  # a new namesake is named with its sport, as answers name it
    new_athletes = tuple(
        f"{a.name} ({a.noc}, {sports[a.id]})" if a.id in sports else f"{a.name} ({a.noc})"
        for a in plan.athletes
        if a.id not in known_athletes
    )
    new_nations = tuple(f"{n.name} ({n.code})" for n in plan.nations if n.code not in known_nations)
    new_games = (
        NewGames(
            games_id=plan.games.id,
            name=plan.games.name,
            events=len(after.events),
            nations=len(after.nations),
            athletes=len(after.athletes),
        )
        if current is None
        else None
    )
    return LoadPreview(
        new_games=new_games,
        joined=plan.joins,
        doubtful=plan.doubts,
        provenance=provenance,
        source=source,
        sha256=sha256,
        base_load_id=current.last_load.load_id if current and current.last_load else None,
        events=tuple(events),
        new_athletes=new_athletes,
        new_nations=new_nations,
        table_changes=table_changes(current, after),
        warnings=tuple(warnings),
    )
