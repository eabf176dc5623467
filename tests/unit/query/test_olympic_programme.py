"""Events and sports of every bundled Games resolve the way fans write them: every event by its own
name (with its sport; alone it is that event or a choice that includes it), and the Olympic
programme's common short forms (downhill, super g, GS, monobob, 2-man bob, normal hill, skiathlon,
50k classic, PGS, SBX, mixed relay...): one event when the words say one, a choice when they
fit several."""

from __future__ import annotations

import pytest

from bot.domain.models import Event, GamesData
from bot.domain.resolution import ResolutionStatus
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_games, bundled_plan, default_data_dir
from bot.query.resolve import Resolver

BUNDLED = bundled_games(default_data_dir())


def _data(games_id: str) -> GamesData:
    plan, _ = bundled_plan(BUNDLED[games_id], games_id)
    return apply_plan(None, plan)


RESOLVERS = {games_id: Resolver.build(_data(games_id)) for games_id in BUNDLED}
EVENTS = [(games_id, event) for games_id, r in RESOLVERS.items() for event in r.events]


@pytest.mark.parametrize(
    ("games_id", "event"), [(g, e.event) for g, e in EVENTS], ids=[e.event.id for _, e in EVENTS]
)
def test_every_event_resolves_by_its_own_name(games_id: str, event: Event) -> None:
    resolver = RESOLVERS[games_id]
    with_sport = resolver.event(event.name, event.sport)
    assert with_sport.match is not None and with_sport.match.id == event.id
    alone = resolver.event(event.name)
    if alone.status is ResolutionStatus.CONFIDENT:
        assert alone.match is not None and alone.match.id == event.id
    else:  # a name two sports share ("Men's tournament"): the user chooses
        assert alone.status is ResolutionStatus.AMBIGUOUS
        assert event.id in {c.id for c in alone.alternatives}


SHORT_FORMS = [
    ("men's downhill", ("alpine-skiing/mens-downhill",)),
    ("downhill", ("alpine-skiing/mens-downhill", "alpine-skiing/womens-downhill")),
    ("women super g", ("alpine-skiing/womens-super-g",)),
    ("super-g men", ("alpine-skiing/mens-super-g",)),
    ("mens gs", ("alpine-skiing/mens-giant-slalom",)),
    ("GS women", ("alpine-skiing/womens-giant-slalom",)),
    ("women's slalom", ("alpine-skiing/womens-slalom",)),
    ("men slalom", ("alpine-skiing/mens-slalom",)),
    ("team combined men", ("alpine-skiing/mens-team-combined",)),
    ("monobob", ("bobsleigh/womens-monobob",)),
    ("2-man bob", ("bobsleigh/two-man",)),
    ("two man bob", ("bobsleigh/two-man",)),
    ("4 man bobsleigh", ("bobsleigh/four-man",)),
    ("two woman", ("bobsleigh/two-woman",)),
    ("2 woman bob", ("bobsleigh/two-woman",)),
    ("women's normal hill", ("ski-jumping/womens-normal-hill-individual",)),
    ("normal hill men", ("ski-jumping/mens-normal-hill-individual",)),
    ("large hill women", ("ski-jumping/womens-large-hill-individual",)),
    ("men's large hill", ("ski-jumping/mens-large-hill-individual",)),
    ("super team", ("ski-jumping/mens-super-team",)),
    ("skiathlon women", ("cross-country-skiing/womens-10-km-10-km-skiathlon",)),
    ("women skiathlon", ("cross-country-skiing/womens-10-km-10-km-skiathlon",)),
    ("50k classic men", ("cross-country-skiing/mens-50-km-mass-start-classic",)),
    ("men 50km classic", ("cross-country-skiing/mens-50-km-mass-start-classic",)),
    ("team sprint women xc", ("cross-country-skiing/womens-team-sprint-free",)),
    ("women's team sprint", ("cross-country-skiing/womens-team-sprint-free",)),
    ("dual moguls women", ("freestyle-skiing/womens-dual-moguls",)),
    ("men dual moguls", ("freestyle-skiing/mens-dual-moguls",)),
    ("big air women snowboard", ("snowboarding/womens-big-air",)),
    ("women's big air freestyle", ("freestyle-skiing/womens-freeski-big-air",)),
    ("PGS men", ("snowboarding/mens-parallel-giant-slalom",)),
    ("women pgs", ("snowboarding/womens-parallel-giant-slalom",)),
    ("SBX women", ("snowboarding/womens-snowboard-cross",)),
    ("snowboard cross men", ("snowboarding/mens-snowboard-cross",)),
    ("men's sbx", ("snowboarding/mens-snowboard-cross",)),
    (
        "mixed relay",
        (
            "biathlon/mixed-4-6-km-relay",
            "short-track-speed-skating/mixed-2000-metre-relay",
            "ski-mountaineering/mixed-relay",
            "luge/team-relay",
        ),
    ),
    ("mixed relay biathlon", ("biathlon/mixed-4-6-km-relay",)),
    ("mixed relay short track", ("short-track-speed-skating/mixed-2000-metre-relay",)),
    ("mixed relay skimo", ("ski-mountaineering/mixed-relay",)),
    ("women's hockey final", ("ice-hockey/womens-tournament",)),
    ("women hockey", ("ice-hockey/womens-tournament",)),
    ("mens hockey gold medal game", ("ice-hockey/mens-tournament",)),
    ("team event figure skating", ("figure-skating/team-event",)),
    ("figure skating team event", ("figure-skating/team-event",)),
    ("mass start men speed skating", ("speed-skating/mens-mass-start",)),
    ("women mass start biathlon", ("biathlon/womens-12-5-km-mass-start",)),
    ("men's 15km mass start", ("biathlon/mens-15-km-mass-start",)),
    ("ski cross women", ("freestyle-skiing/womens-ski-cross",)),
    ("mens halfpipe snowboard", ("snowboarding/mens-halfpipe",)),
    ("women's halfpipe freeski", ("freestyle-skiing/womens-freeski-halfpipe",)),
    ("luge men singles", ("luge/mens-singles",)),
    ("women's luge doubles", ("luge/womens-doubles",)),
    ("luge team relay", ("luge/team-relay",)),
    ("skeleton women", ("skeleton/womens-skeleton",)),
    ("mixed team skeleton", ("skeleton/mixed-team",)),
    ("ski jumping mixed team", ("ski-jumping/mixed-team",)),
    (
        "nordic combined normal hill",
        ("nordic-combined/mens-individual-gundersen-normal-hill-10-km",),
    ),
    (
        "nc large hill",
        (
            "nordic-combined/mens-individual-gundersen-large-hill-10-km",
            "nordic-combined/mens-team-sprint-large-hill-2-7-5-km",
        ),
    ),
    ("team sprint nordic combined", ("nordic-combined/mens-team-sprint-large-hill-2-7-5-km",)),
    ("men's aerials", ("freestyle-skiing/mens-aerials",)),
    ("mixed team aerials", ("freestyle-skiing/mixed-team-aerials",)),
    ("women slopestyle snowboard", ("snowboarding/womens-slopestyle",)),
    ("men's 10000m", ("speed-skating/mens-10-000-metres",)),
    ("women 3000m speed skating", ("speed-skating/womens-3000-metres",)),
    ("team pursuit women", ("speed-skating/womens-team-pursuit",)),
    ("men's 1500 short track", ("short-track-speed-skating/mens-1500-metres",)),
    ("women's 3000 relay", ("short-track-speed-skating/womens-3000-metre-relay",)),
    ("men 5000m relay", ("short-track-speed-skating/mens-5000-metre-relay",)),
    (
        "womens 500",
        ("short-track-speed-skating/womens-500-metres", "speed-skating/womens-500-metres"),
    ),
    ("pairs", ("figure-skating/pairs",)),
    ("ice dance", ("figure-skating/ice-dance",)),
    ("men's singles figure skating", ("figure-skating/mens-singles",)),
    ("women's singles", ("luge/womens-singles", "figure-skating/womens-singles")),
    ("curling mixed doubles", ("curling/mixed-doubles",)),
    ("women's curling", ("curling/womens-tournament",)),
]


@pytest.mark.parametrize(("query", "expected"), SHORT_FORMS)
def test_the_olympic_programme_as_fans_type_it(query: str, expected: tuple[str, ...]) -> None:
    found = RESOLVERS["milano-cortina-2026"].event(query)
    if len(expected) == 1:
        assert found.status is ResolutionStatus.CONFIDENT, found
        assert found.match is not None and found.match.id == expected[0]
    else:
        assert found.status is ResolutionStatus.AMBIGUOUS, found
        assert {c.id for c in found.alternatives} == set(expected)


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("bobsleigh", "Bobsleigh"),
        ("bobsled", "Bobsleigh"),
        ("luge", "Luge"),
        ("skeleton", "Skeleton"),
        ("ski jumping", "Ski jumping"),
        ("nordic combined", "Nordic combined"),
        ("short-track", "Short track speed skating"),
        ("xc", "Cross-country skiing"),
    ],
)
def test_every_sport_of_the_olympics_by_its_names(text: str, sport: str) -> None:
    found = RESOLVERS["milano-cortina-2026"].sport(text)
    assert found.match is not None and found.match.label == sport


def test_a_sport_the_asian_games_did_not_hold_is_not_guessed() -> None:
    for text in ("luge", "ski jumping", "bobsleigh"):
        assert RESOLVERS["harbin-2025"].sport(text).status is ResolutionStatus.NONE
        assert RESOLVERS["harbin-2025"].event(f"men's {text}").status is ResolutionStatus.NONE
