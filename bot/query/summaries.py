"""Summaries: pure functions from a GamesIndex to answer models (nation, athlete, event, medal
table, rankings). Names are already resolved to ids when these run."""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from bot.answers.models import (
    AthleteRef,
    AthleteSummary,
    EventResult,
    MedalLine,
    MedalTable,
    NationSummary,
    Provenance,
    Ranking,
    RankingRow,
    TableRow,
)
from bot.domain.models import MedalCount, MedalKey, Result
from bot.query.index import GamesIndex, count_medals, rank_counts


def provenance(index: GamesIndex) -> Provenance:
    """The footer facts of every answer: the Games and its last change (made once per index:
    ``GamesIndex.provenance``)."""
    return index.provenance()


def _refs(index: GamesIndex, ids: tuple[str, ...]) -> tuple[AthleteRef, ...]:
    return tuple(map(index.athlete_ref, ids))


def nation_rank(index: GamesIndex, noc: str, sport: str | None = None) -> int | None:
    """The NOC's rank in the (overall or sport) medal table; None without medals."""
    return index.rank_of(noc, sport)


def nation_summary(index: GamesIndex, noc: str, sport: str | None = None) -> NationSummary:
    """A nation's rank, tally, breakdown by sport and every medal (optionally for one sport).
    The counts, tallies and medal lines are the index's (made once per index), not counted
    again per answer."""
    nation = index.nations[noc]
    lines = index.medal_lines(noc)
    tallies = index.sport_tallies(noc)
    medals = lines if sport is None else tuple(m for m in lines if m.sport == sport)
    return NationSummary(
        provenance=provenance(index),
        nation=nation,
        sport=sport,
        rank=nation_rank(index, noc, sport),
        count=index.medal_count(noc, sport),
        by_sport=tallies if sport is None else tuple(t for t in tallies if t.sport == sport),
        medals=medals,
        nations_ranked=len(index.ranked_counts(sport)),
    )


def medal_line(index: GamesIndex, key: MedalKey) -> MedalLine:
    """One medal as a line of an answer (for announcements)."""
    event = index.events[key.event_id]
    mark = next(
        (
            r.mark
            for r in index.results_by_event.get(key.event_id, ())
            if r.noc == key.noc and r.medal is key.medal
        ),
        "",
    )
    return MedalLine(
        event_id=event.id,
        event=event.name,
        sport=event.sport,
        date=event.date,
        medal=key.medal,
        noc=key.noc,
        athletes=_refs(index, key.athletes),
        mark=mark,
    )


def athlete_summary(index: GamesIndex, athlete_id: str) -> AthleteSummary:
    """An athlete's NOC, sports, every event entered with rank, medal, mark and note (the
    entries and their count are the index's, made once per index)."""
    athlete = index.athletes[athlete_id]
    entries = index.athlete_entries(athlete_id)
    return AthleteSummary(
        provenance=provenance(index),
        athlete=athlete,
        nation=index.nations[athlete.noc],
        sports=tuple(dict.fromkeys(entry.sport for entry in entries)),
        entries=entries,
        count=index.athlete_count(athlete_id),
    )


def event_result(index: GamesIndex, event_id: str) -> EventResult:
    """An event's places in listed order (podium first), with marks, notes, date and venue (the
    places are the index's, made once per index)."""
    return EventResult(
        provenance=provenance(index),
        event=index.events[event_id],
        places=index.places(event_id),
    )


def medal_table(
    index: GamesIndex,
    sport: str | None = None,
    *,
    include_all: bool = False,
    top: int | None = None,
    sort: Literal["gold", "total"] = "gold",
) -> MedalTable:
    """The medal table from results: ranked by gold, silver, bronze (or total); ties share a rank,
    listed by code. ``include_all`` adds the participants without medals at 0/0/0 (unranked)."""
    counts = index.medal_counts(sport)
    with_medals = index.ranked_counts(sport)
    ranked = rank_counts(with_medals, by_total=sort == "total", name_of=index.nation_name)
    rows = [TableRow(rank=rank, nation=index.nations[c.noc], count=c) for rank, c in ranked]
    unranked = tuple(
        TableRow(rank=None, nation=index.nations[c.noc], count=c)
        for c in counts
        if c.total and not index.is_ranked(c.noc)
    )
    if include_all:
        rows.extend(
            TableRow(rank=None, nation=index.nations[c.noc], count=c)
            for c in sorted(
                (c for c in counts if not c.total), key=lambda c: index.nation_name(c.noc)
            )
        )
    truncated_from = None
    if top is not None and top < len(rows):
        truncated_from = len(rows)
        rows = [row for row in rows if row.rank is not None and row.rank <= top]
    totals = MedalCount(
        noc="ALL",
        gold=sum(c.gold for c in with_medals),
        silver=sum(c.silver for c in with_medals),
        bronze=sum(c.bronze for c in with_medals),
    )
    return MedalTable(
        provenance=provenance(index),
        sport=sport,
        sort=sort,
        rows=tuple(rows),
        totals=totals,
        nations_with_medals=len(with_medals),
        participants=len(counts),
        truncated_from=truncated_from,
        unranked=unranked,
    )


def ranking(
    index: GamesIndex,
    subject: Literal["athlete", "nation"],
    measure: Literal["gold", "total"] = "total",
    sport: str | None = None,
    limit: int = 10,
) -> Ranking:
    """Who won the most medals (or golds): athletes or nations, overall or in one sport.
    Equal counts share a rank; rows continue past ``limit`` while tied with the last one shown."""
    if subject == "nation":
        counts = index.ranked_counts(sport)
        labels = {c.noc: (c.noc, index.nations[c.noc].label) for c in counts}
    else:
        per_athlete: dict[str, list[Result]] = defaultdict(list)
        for event_id, results in index.results_by_event.items():
            if sport is not None and index.events[event_id].sport != sport:
                continue
            for result in results:
                if result.medal is not None:
                    for athlete_id in result.athletes:
                        per_athlete[athlete_id].append(result)
        counts = [count_medals(athlete_id, results) for athlete_id, results in per_athlete.items()]
        labels = {}
        for athlete_id in per_athlete:
            athlete = index.athletes[athlete_id]
            labels[athlete_id] = (athlete.noc, f"{athlete.name} ({athlete.noc})")

    ordered = sorted(
        counts, key=lambda c: (tuple(-k for k in _display_key(c, measure)), labels[c.noc][1])
    )
    rows: list[RankingRow] = []
    for position, count in enumerate(ordered, start=1):
        tied = bool(rows) and _measured(rows[-1].count, measure) == _measured(count, measure)
        rank = rows[-1].rank if tied else position
        if (position > limit and not tied) or (measure == "gold" and count.gold == 0):
            break
        noc, label = labels[count.noc]
        rows.append(RankingRow(rank=rank, id=count.noc, label=label, noc=noc, count=count))
    return Ranking(
        provenance=provenance(index),
        subject=subject,
        measure=measure,
        sport=sport,
        rows=tuple(rows),
    )


def _measured(count: MedalCount, measure: str) -> int:
    """What a ranking counts: golds, or medals. Equal counts share a rank: four athletes with
    three golds each all won "the most golds"."""
    return count.gold if measure == "gold" else count.total


def _display_key(count: MedalCount, measure: str) -> tuple[int, ...]:
    """Order within a shared rank: more of the rest first (total then silver for golds; gold,
    silver, bronze for medals)."""
    return (
        (count.gold, count.total, count.silver) if measure == "gold" else (count.total, *count.key)
    )
