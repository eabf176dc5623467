"""The medal table is computed from results and equals the official one."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.models import GamesData, MedalCount
from bot.query.index import GamesIndex, rank_counts
from bot.query.summaries import athlete_summary, medal_table, nation_summary

OFFICIAL = {
    "CHN": (32, 27, 26, 85),
    "KOR": (16, 15, 14, 45),
    "JPN": (10, 12, 15, 37),
    "KAZ": (4, 9, 7, 20),
    "PHI": (1, 0, 0, 1),
    "UZB": (1, 0, 0, 1),
    "PRK": (0, 1, 0, 1),
    "TPE": (0, 0, 1, 1),
    "THA": (0, 0, 1, 1),
}


def test_computed_table_equals_the_official_one(bundled_data: GamesData) -> None:
    table = medal_table(GamesIndex.build(bundled_data))
    computed = {
        row.nation.code: (row.count.gold, row.count.silver, row.count.bronze, row.count.total)
        for row in table.rows
    }
    assert computed == OFFICIAL
    assert (table.totals.gold, table.totals.silver, table.totals.bronze) == (64, 64, 64)
    assert [row.nation.code for row in table.rows] == [
        "CHN",
        "KOR",
        "JPN",
        "KAZ",
        "PHI",
        "UZB",
        "PRK",
        "TPE",
        "THA",
    ]
    assert [row.rank for row in table.rows] == [1, 2, 3, 4, 5, 5, 7, 8, 8]


def test_all_lists_every_participant_with_zeros_last(bundled_data: GamesData) -> None:
    table = medal_table(GamesIndex.build(bundled_data), include_all=True)
    assert len(table.rows) == 34
    assert table.participants == 34 and table.nations_with_medals == 9
    zero_rows = table.rows[9:]
    assert all(row.rank is None and row.count.total == 0 for row in zero_rows)
    assert [r.nation.name for r in zero_rows] == sorted(r.nation.name for r in zero_rows)


def test_top_keeps_ties_at_the_cut(bundled_data: GamesData) -> None:
    table = medal_table(GamesIndex.build(bundled_data), top=5)
    assert [row.nation.code for row in table.rows] == ["CHN", "KOR", "JPN", "KAZ", "PHI", "UZB"]
    assert table.truncated_from == 9


def test_sport_table_and_nation_breakdown(bundled_data: GamesData) -> None:
    index = GamesIndex.build(bundled_data)
    table = medal_table(index, "Short track speed skating")
    assert [(r.nation.code, r.count.key) for r in table.rows] == [
        ("KOR", (6, 4, 3)),
        ("CHN", (2, 2, 4)),
        ("KAZ", (1, 2, 0)),
        ("JPN", (0, 1, 2)),
    ]
    korea = nation_summary(index, "KOR")
    assert korea.rank == 2 and korea.count.key == (16, 15, 14) and korea.count.total == 45
    by_sport = {t.sport: t.count.key for t in korea.by_sport}
    assert by_sport["Short track speed skating"] == (6, 4, 3)
    assert len(korea.medals) == 45


def test_every_nations_breakdown_is_its_medals_counted_per_sport(
    bundled_data: GamesData,
) -> None:
    """The tallies the index makes once are what counting each NOC's medals gives: one per
    sport it won in, most gold first, then silver, then bronze, then by name; and a summary for
    one sport keeps that sport's tally alone."""
    index = GamesIndex.build(bundled_data)
    index.warm()
    for noc in index.nations:
        counted: dict[str, list[int]] = {}
        for result in index.results_by_noc.get(noc, ()):
            if result.medal is not None:
                tally = counted.setdefault(index.events[result.event_id].sport, [0, 0, 0])
                tally[result.medal.order] += 1
        expected = sorted(counted.items(), key=lambda kv: (-kv[1][0], -kv[1][1], -kv[1][2], kv[0]))
        summary = nation_summary(index, noc)
        assert [(t.sport, list(t.count.key)) for t in summary.by_sport] == expected, noc
        for sport, tally in counted.items():
            in_sport = nation_summary(index, noc, sport)
            assert [(t.sport, list(t.count.key)) for t in in_sport.by_sport] == [(sport, tally)]


def test_a_nation_without_medals_gets_zeros(bundled_data: GamesData) -> None:
    summary = nation_summary(GamesIndex.build(bundled_data), "MGL")
    assert summary.rank is None and summary.count.key == (0, 0, 0) and summary.medals == ()


counts = st.lists(
    st.builds(
        MedalCount,
        noc=st.text(alphabet="ABCDEFGHIJ", min_size=3, max_size=3),
        gold=st.integers(0, 3),
        silver=st.integers(0, 3),
        bronze=st.integers(0, 3),
    ),
    unique_by=lambda c: c.noc,
)


@given(counts)
def test_ranks_share_ties_and_never_skip_wrongly(items: list[MedalCount]) -> None:
    ranked = rank_counts(items)
    for position, (rank, count) in enumerate(ranked, start=1):
        better = sum(1 for other in items if other.key > count.key)
        assert rank == better + 1
        assert rank <= position
    for (_, a), (_, b) in pairwise(ranked):
        assert a.key > b.key or (a.key == b.key and a.noc < b.noc)


def test_full_ties_are_listed_alphabetically_by_name(bundled_data: GamesData) -> None:
    """Chinese Taipei and Thailand share 8th; by name, Chinese Taipei comes first (by code it would not)."""
    rows = medal_table(GamesIndex.build(bundled_data)).rows
    assert [(r.rank, r.nation.name) for r in rows[-2:]] == [(8, "Chinese Taipei"), (8, "Thailand")]


def test_rankings_share_the_top_when_counts_are_equal(bundled_data: GamesData) -> None:
    """Four athletes won three golds each: all four won "the most golds", listed by the rest of
    their medals (Han Mei's two silvers first), none of them ranked below another."""
    from bot.query.summaries import ranking

    golds = ranking(GamesIndex.build(bundled_data), "athlete", "gold")
    top = [(row.rank, row.id) for row in golds.rows if row.rank == 1]
    assert top == [
        (1, "chn-han-mei"),
        (1, "kor-choi-min-jeong"),
        (1, "chn-gao-tingyu"),
        (1, "chn-ning-zhongyan"),
    ]
    assert golds.rows[4].rank == 5
    curling = ranking(GamesIndex.build(bundled_data), "nation", "total", "Curling")
    assert [(row.rank, row.id) for row in curling.rows] == [
        (1, "KOR"),
        (1, "CHN"),
        (3, "JPN"),
        (4, "PHI"),
    ]


def test_every_athletes_count_is_their_results_medals(bundled_data: GamesData) -> None:
    """The medal count the index makes once per athlete (at warm) is what counting the
    athlete's own results gives, under the athlete's NOC, in the summary as in the index."""
    index = GamesIndex.build(bundled_data)
    index.warm()
    medallists = 0
    for athlete_id, athlete in index.athletes.items():
        counted = [0, 0, 0]
        for result in index.results_by_athlete.get(athlete_id, ()):
            if result.medal is not None:
                counted[result.medal.order] += 1
        summary = athlete_summary(index, athlete_id)
        assert summary.count == index.athlete_count(athlete_id), athlete_id
        assert (summary.count.noc, list(summary.count.key)) == (athlete.noc, counted), athlete_id
        medallists += summary.count.total > 0
    assert medallists > 100
