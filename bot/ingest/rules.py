"""Rules of one event's result list that need no current data: patterns of ranks and medals no
competition can produce, and one athlete listed in two results.

- A medal needs a rank (gold 1, silver 2, bronze 3; ``bot.ingest.plan`` checks that they fit).
- Results that share a rank are a tie, and a tie shows in the marks: tied results that give a
  mark give the same one, and a tie of three or more gives it on each. So four golds need four
  equal marks. Two bronzes at rank 3 are the one exception (knockout events award two).
- Ties skip the ranks they fill (standard competition ranking, "1224"): after two results at
  rank 2 the next rank is 4, so two silvers leave no bronze at rank 3.
- An athlete (a name of a NOC, as ``bot.ingest.names`` recognises it) appears in one result of
  an event only.
"""

from __future__ import annotations

from collections import defaultdict

from bot.domain.errors import Problem
from bot.domain.models import Medal
from bot.domain.names import fold
from bot.ingest.limits import shown
from bot.ingest.names import name_keys
from bot.ingest.records import EventRecord, ResultRecord

#: Knockout events (the losers of both semi-finals) award two bronzes, whatever their marks.
RANK_OF_SHARED_BRONZE = 3


def event_problems(event: EventRecord) -> list[Problem]:
    """Every problem of the event's result list, at the result it is found on."""
    problems = [
        Problem(result.origin, f"medal {result.medal.value} without a rank")
        for result in event.results
        if result.medal is not None and result.rank is None
    ]
    distinct = _without_repeated_rows(event.results)
    problems.extend(_tie_problems(distinct))
    problems.extend(_athletes_twice(distinct))
    return problems


def _without_repeated_rows(results: tuple[ResultRecord, ...]) -> tuple[ResultRecord, ...]:
    """The results less rows repeated whole (the duplicate-row rule reports those)."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for result in results:
        row = (result.rank, result.medal, result.noc, tuple(fold(a) for a in result.athletes))
        if row not in seen:
            seen.add(row)
            kept.append(result)
    return tuple(kept)


def _tie_problems(results: tuple[ResultRecord, ...]) -> list[Problem]:
    by_rank: dict[int, list[ResultRecord]] = defaultdict(list)
    for result in results:
        if result.rank is not None:
            by_rank[result.rank].append(result)
    problems = []
    for rank, tied in by_rank.items():
        if len(tied) < 2:
            continue
        marks = {result.mark for result in tied}
        if not _is_a_tie(rank, tied, marks):
            problems.append(
                Problem(
                    tied[1].origin,
                    f"{len(tied)} results share rank {rank}, but a tie needs the same mark on "
                    f"each (marks: {', '.join(shown(m or 'none', 20) for m in sorted(marks))})",
                )
            )
        for skipped in range(rank + 1, rank + len(tied)):
            for result in by_rank.get(skipped, ()):
                problems.append(
                    Problem(
                        result.origin,
                        f"rank {skipped} cannot follow {len(tied)} results tied at rank {rank} "
                        f"(the next rank after the tie is {rank + len(tied)})",
                    )
                )
    return problems


def _is_a_tie(rank: int, tied: list[ResultRecord], marks: set[str]) -> bool:
    if rank == RANK_OF_SHARED_BRONZE and len(tied) == 2:
        return all(result.medal is Medal.BRONZE for result in tied)
    given = marks - {""}
    return len(given) <= 1 and (len(tied) == 2 or "" not in marks)


def _athletes_twice(results: tuple[ResultRecord, ...]) -> list[Problem]:
    """An athlete named in two results of the event."""
    first_at: dict[tuple[str, str], str] = {}
    problems = []
    for result in results:
        mine: dict[tuple[str, str], str] = {}
        for name in result.athletes:
            for folded in name_keys(name):
                mine.setdefault((result.noc, folded), name)
        reported: set[str] = set()
        for place, name in mine.items():
            earlier = first_at.get(place)
            if earlier is not None and name not in reported:
                reported.add(name)
                problems.append(
                    Problem(
                        result.origin,
                        f"athlete {shown(name)} of {result.noc} is already listed at {earlier}",
                    )
                )
        for place in mine:
            first_at.setdefault(place, result.origin or "an earlier result")
    return problems
