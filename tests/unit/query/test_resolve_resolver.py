"""Resolver behaviour over the whole bundled Harbin 2025 data: every known name resolves to itself,
pasted labels resolve back, autocomplete limits, defaults and ordering, and the sport parameter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.models import GamesData, Medal
from bot.domain.namesakes import namesake_sports
from bot.domain.resolution import EntityKind, Resolution, ResolutionStatus
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver

#: What one Games' resolver resolves (Games names are resolved across Games).
GAMES_KINDS = [k for k in EntityKind if k is not EntityKind.GAMES]


@pytest.fixture(scope="module")
def data() -> GamesData:
    plan, _ = bundled_plan(default_data_dir() / "harbin-2025", "harbin-2025")
    return apply_plan(None, plan)


@pytest.fixture(scope="module")
def resolver(data: GamesData) -> Resolver:
    return Resolver.build(data)


def test_every_athlete_name_alias_and_label_resolves_to_that_athlete(
    resolver: Resolver, data: GamesData
) -> None:
    wrong = []
    labels = {c.id: c.label for c in resolver.athletes}
    namesakes = namesake_sports(data)
    for athlete in data.athletes:
        names = [
            athlete.name,
            athlete.native_name,
            *athlete.aliases,
            f"{athlete.name} ({athlete.noc})",
        ]
        if athlete.id in namesakes:  # a shared name asks which; the label with the sport answers
            names = [labels[athlete.id]]
        for name in filter(None, names):
            found = resolver.athlete(name)
            if not (found.confident and found.match and found.match.id == athlete.id):
                wrong.append((athlete.id, name, found.status))
    assert wrong == []


def test_namesakes_are_asked_about_and_labelled_with_their_sport(resolver: Resolver) -> None:
    """Harbin's two Kim Min-ji (a curler, a speed skater) are a choice, labelled apart."""
    found = resolver.athlete("kim min-ji")
    assert found.status is ResolutionStatus.AMBIGUOUS
    assert {c.label for c in found.alternatives[:2]} == {
        "Kim Min-ji (KOR, Curling)",
        "Kim Min-ji (KOR, Speed skating)",
    }
    hoon = resolver.athlete("Lee Seung-hoon")
    assert hoon.status is ResolutionStatus.AMBIGUOUS
    assert {c.label for c in hoon.alternatives[:2]} == {
        "Lee Seung-hoon (KOR, Speed skating)",
        "Lee Seung-hun (KOR, Freestyle skiing)",
    }


def test_every_nation_code_name_alias_and_label_resolves_to_that_nation(
    resolver: Resolver, data: GamesData
) -> None:
    wrong = []
    for nation in data.nations:
        names = [nation.code, nation.name, nation.official_name, *nation.aliases, nation.label]
        for name in filter(None, names):
            found = resolver.nation(name)
            if not (found.confident and found.match and found.match.id == nation.code):
                wrong.append((nation.code, name, found.status))
    assert wrong == []


def test_every_event_resolves_by_name_within_its_sport_and_by_its_label(
    resolver: Resolver, data: GamesData
) -> None:
    wrong = []
    for event in data.events:
        for text, sport in (
            (event.name, event.sport),
            (f"{event.name} ({event.sport})", None),
            (f"{event.sport} {event.name}", None),
        ):
            found = resolver.event(text, sport)
            if not (found.confident and found.match and found.match.id == event.id):
                wrong.append((event.id, text, sport, found.status))
    assert wrong == []


def test_every_sport_resolves_by_name_and_id(resolver: Resolver, data: GamesData) -> None:
    for sport in {e.sport for e in data.events}:
        for text in (sport, sport.lower(), sport.upper()):
            found = resolver.sport(text)
            assert found.confident and found.match is not None
            assert found.match.label == sport
            assert resolver.sport(found.match.id).match == found.match


def test_korea_is_south_korea_with_north_korea_only_below_and_never_hong_kong(
    resolver: Resolver,
) -> None:
    found = resolver.nation("korea")
    assert found.confident and found.match is not None and found.match.id == "KOR"
    assert "HKG" not in [c.id for c in found.alternatives]
    assert all(c.score < found.match.score for c in found.alternatives)
    suggested = [c.id for c in resolver.suggest(EntityKind.NATION, "korea")]
    assert suggested[0] == "KOR"
    assert "HKG" not in suggested


def test_sport_parameter_restricts_events(resolver: Resolver) -> None:
    free = resolver.event("men's 500")
    assert free.status is ResolutionStatus.AMBIGUOUS
    assert {c.id for c in free.alternatives[:2]} == {
        "short-track-speed-skating/mens-500-metres",
        "speed-skating/mens-500-metres",
    }
    for sport in ("short track", "Short track speed skating", "short-track-speed-skating", "st"):
        found = resolver.event("men's 500", sport)
        assert found.match is not None
        assert found.match.id == "short-track-speed-skating/mens-500-metres"
    assert resolver.event("men's 500", "luge").status is ResolutionStatus.NONE
    assert resolver.event("men's 500", "curling").status is ResolutionStatus.NONE


def _match_id(found: Resolution) -> str | None:
    return found.match.id if found.match is not None else None


def test_the_same_event_in_three_spellings(resolver: Resolver) -> None:
    for sport in ("Short track speed skating", "Speed skating"):
        spellings = ("Men's 1000 metres", "Men's 1000m", "men 1000 m")
        ids = {_match_id(resolver.event(text, sport)) for text in spellings}
        assert len(ids) == 1 and None not in ids
        without_sport = [resolver.event(text) for text in spellings]
        assert all(found.status is ResolutionStatus.AMBIGUOUS for found in without_sport)


@pytest.mark.parametrize("kind", GAMES_KINDS)
@pytest.mark.parametrize("text", ["", "k", "ko", "kim", "men", "s", "qwertyuiop", "🇰🇷", "500"])
def test_suggest_respects_discord_limits(resolver: Resolver, kind: EntityKind, text: str) -> None:
    for limit in (1, 5, 25, 100):
        found = resolver.suggest(kind, text, limit)
        assert len(found) <= min(limit, 25)
        assert len({c.id for c in found}) == len(found)
        assert all(1 <= len(c.label) <= 100 and c.kind is kind for c in found)
        scores = [c.score for c in found]
        if text:
            assert scores == sorted(scores, reverse=True)


def test_suggest_defaults(resolver: Resolver, data: GamesData) -> None:
    index = GamesIndex.build(data)
    nations = resolver.suggest(EntityKind.NATION, "")
    assert [c.id for c in nations[:3]] == ["CHN", "KOR", "JPN"]
    assert len(nations) == 25
    medals = {a: 0 for a in index.athletes}
    for result in data.results:
        if result.medal in (Medal.GOLD, Medal.SILVER, Medal.BRONZE):
            for athlete in result.athletes:
                medals[athlete] += 1
    athletes = resolver.suggest(EntityKind.ATHLETE, "")
    counts = [medals[c.id] for c in athletes]
    assert counts == sorted(counts, reverse=True) and counts[-1] >= 1
    assert counts[0] == max(medals.values())
    events = resolver.suggest(EntityKind.EVENT, "", 64)
    dates = [index.events[c.id].date for c in events]
    assert dates == sorted(d for d in dates if d is not None)
    sports = resolver.suggest(EntityKind.SPORT, "")
    assert [c.label for c in sports] == sorted(index.sports)


def test_suggest_prefixes(resolver: Resolver) -> None:
    assert resolver.suggest(EntityKind.ATHLETE, "choi min")[0].id == "kor-choi-min-jeong"
    assert resolver.suggest(EntityKind.ATHLETE, "gil")[0].id == "kor-kim-gil-li"
    assert resolver.suggest(EntityKind.NATION, "kaz")[0].id == "KAZ"
    assert resolver.suggest(EntityKind.NATION, "phil")[0].id == "PHI"
    assert resolver.suggest(EntityKind.SPORT, "snow")[0].id == "snowboarding"
    sla = [c.id for c in resolver.suggest(EntityKind.EVENT, "sla")]
    assert set(sla[:2]) == {"alpine-skiing/mens-slalom", "alpine-skiing/womens-slalom"}
    relay = [c.id for c in resolver.suggest(EntityKind.EVENT, "women 3000 rel")]
    assert relay[0] == "short-track-speed-skating/womens-3000-metre-relay"
    assert resolver.suggest(EntityKind.ATHLETE, "qwertyuiop") == []


def test_nation_and_sport(resolver: Resolver) -> None:
    nation, sport = resolver.nation_and_sport("korea short track")
    assert nation.match is not None and nation.match.id == "KOR"
    assert sport is not None and sport.match is not None
    assert sport.match.id == "short-track-speed-skating"
    nation, sport = resolver.nation_and_sport("korea")
    assert nation.match is not None and nation.match.id == "KOR" and sport is None
    nation, sport = resolver.nation_and_sport("japan luge")
    assert nation.confident and sport is not None and sport.status is ResolutionStatus.NONE


def test_resolve_dispatches_by_kind(resolver: Resolver) -> None:
    assert _match_id(resolver.resolve(EntityKind.NATION, "韩国")) == "KOR"
    assert _match_id(resolver.resolve(EntityKind.ATHLETE, "gilli kim")) == "kor-kim-gil-li"
    assert _match_id(resolver.resolve(EntityKind.SPORT, "xc")) == "cross-country-skiing"
    assert (
        _match_id(resolver.resolve(EntityKind.EVENT, "3k relay women"))
        == "short-track-speed-skating/womens-3000-metre-relay"
    )


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=60))
def test_any_text_gives_a_well_formed_resolution(resolver: Resolver, text: str) -> None:
    for kind in GAMES_KINDS:
        found = resolver.resolve(kind, text)
        assert found.kind is kind
        assert (found.match is not None) == (found.status is ResolutionStatus.CONFIDENT)
        if found.status is ResolutionStatus.AMBIGUOUS:
            assert 1 <= len(found.alternatives) <= 25
        assert all(len(c.label) <= 100 and c.kind is kind for c in found.alternatives)
        assert len(resolver.suggest(kind, text)) <= 25


def test_builds_on_empty_data(data: GamesData) -> None:
    empty = data.model_copy(update={"nations": (), "athletes": (), "events": (), "results": ()})
    resolver = Resolver.build(empty)
    for kind in EntityKind:
        assert resolver.resolve(kind, "korea").status is ResolutionStatus.NONE
        assert resolver.suggest(kind, "") == []
        assert resolver.suggest(kind, "ko") == []


@pytest.mark.parametrize(
    "text", ["a" * 5000, "kim " * 2000, "zq " * 1000, "🇰🇷" * 1000, "m w x " * 200]
)
def test_very_long_input_is_clipped_and_never_a_confident_guess(
    resolver: Resolver, text: str
) -> None:
    for kind in GAMES_KINDS:
        found = resolver.resolve(kind, text)
        assert found.status is not ResolutionStatus.CONFIDENT
        assert len(found.query) <= 200
        assert len(resolver.suggest(kind, text)) <= 25
