"""The exact-name lookups the commands try before fuzzy resolution (``Resolver.exact_athlete``,
``Resolver.exact_nation``, ``Resolver.exact_event`` and ``exact_event_id``) say what the fuzzy
resolution would say: over every name, alias and
native name of both bundled Games, as written and in lower case, a lookup that finds an id finds
the one a confident resolution matches, and a name that resolves confidently with a score of 100
and no equal is found by the lookup."""

from __future__ import annotations

import pytest

from bot.domain.models import GamesData
from bot.i18n.native_names import names_in_languages
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_games, bundled_plan, default_data_dir
from bot.query.resolve import Resolver

BUNDLED = bundled_games(default_data_dir())


def _data(games_id: str) -> GamesData:
    plan, _ = bundled_plan(BUNDLED[games_id], games_id)
    return apply_plan(None, plan)


DATA = {games_id: _data(games_id) for games_id in BUNDLED}


@pytest.fixture(scope="module", params=sorted(BUNDLED))
def games(request: pytest.FixtureRequest) -> tuple[GamesData, Resolver]:
    data = DATA[request.param]
    return data, Resolver.build(data)


def _forms(names: list[str]) -> list[str]:
    return sorted({form for name in names if name for form in (name, name.lower(), name.upper())})


def test_an_exact_athlete_name_is_found_as_the_fuzzy_resolver_finds_it(
    games: tuple[GamesData, Resolver],
) -> None:
    data, resolver = games
    names = [n for a in data.athletes for n in (a.name, a.native_name, *a.aliases)]
    found = 0
    for text in [*_forms(names), "kim", "Nobody Atall"]:
        exact = resolver.exact_athlete(text)
        resolution = resolver.athlete(text)
        unique_100 = (
            resolution.confident
            and resolution.match is not None
            and resolution.match.score == 100.0
            and not any(c.score == 100.0 for c in resolution.alternatives)
        )
        if exact is not None:
            found += 1
            assert resolution.match is not None and resolution.match.id == exact, text
        assert unique_100 <= (exact is not None), text
    assert found > len(data.athletes)
    # A pasted label's NOC breaks ties between namesakes: left to the fuzzy resolver.
    assert resolver.exact_athlete(f"{data.athletes[0].name} ({data.athletes[0].noc})") is None


def test_a_warmed_athlete_lookup_says_what_an_unwarmed_one_says(
    games: tuple[GamesData, Resolver],
) -> None:
    """A warmed resolver finds the athletes' own names (as written and in lower case) in what
    ``warm`` looked up: for every name, alias and native name of the Games in any case, spaced
    out or labelled with a NOC, and for namesakes (no one id), the same answer as a resolver
    that never warmed."""
    data, _ = games
    cold, warm = Resolver.build(data), Resolver.build(data)
    warm.warm()
    names = [n for a in data.athletes for n in (a.name, a.native_name, *a.aliases)]
    texts = [
        *_forms(names),
        *(name.casefold() for name in names if name),
        *(f" {a.name}  " for a in data.athletes),
        *(f"{a.name} ({a.noc})" for a in data.athletes),
        "kim",
        "Nobody Atall",
    ]
    for text in texts:
        assert warm.exact_athlete(text) == cold.exact_athlete(text), text
    assert len(warm._named_athlete_texts) > len(data.athletes)
    # Namesakes (Harbin has some) are looked up too, as no one id.
    shared = [a.name for a in data.athletes if sum(b.name == a.name for b in data.athletes) > 1]
    assert all(warm._named_athlete_texts[name] is None for name in shared)
    assert not cold._named_athlete_texts  # an unwarmed resolver looks up nothing


def test_an_exact_nation_name_is_found_as_the_fuzzy_resolver_finds_it(
    games: tuple[GamesData, Resolver],
) -> None:
    data, resolver = games
    names = [n for c in data.nations for n in (c.code, c.name, c.official_name, *c.aliases)]
    texts = [*_forms(names), "korea", "the philippines", "korea short track", "medals for china"]
    for text in texts:
        for with_sport in (True, False):
            exact = resolver.exact_nation(text, sport_words=with_sport)
            resolution = resolver.nation_and_sport(text)[0] if with_sport else resolver.nation(text)
            if exact is not None:
                assert resolution.confident and resolution.match is not None, text
                assert resolution.match.id == exact, text
    assert resolver.exact_nation("korea short track", sport_words=True) is None
    assert resolver.exact_nation("South Korea", sport_words=True) == "KOR"


def test_a_warmed_nation_lookup_says_what_an_unwarmed_one_says(
    games: tuple[GamesData, Resolver],
) -> None:
    """A warmed resolver finds the nations' own names (as written and in lower case) in what
    ``warm`` looked up: for every code, name, official name and alias of the Games in any
    case, spaced out, with sport words or in another language, with or without reading sport
    words, the same code (or none) as a resolver that never warmed."""
    data, _ = games
    cold, warm = Resolver.build(data), Resolver.build(data)
    warm.warm()
    names = [n for c in data.nations for n in (c.code, c.name, c.official_name, *c.aliases)]
    texts = [
        *_forms(names),
        *(name.casefold() for name in names if name),
        *(f" {c.name}  " for c in data.nations),
        *(f"the {c.name}" for c in data.nations),
        *(f"{c.name} short track" for c in data.nations),
        *(n for c in data.nations for n in names_in_languages(c.name, c.aliases, c.flag)),
        "korea",
        "Nowhere Land",
    ]
    for text in texts:
        for with_sport in (True, False):
            assert warm.exact_nation(text, sport_words=with_sport) == cold.exact_nation(
                text, sport_words=with_sport
            ), (text, with_sport)
    assert len(warm._named_nation_texts) >= 2 * len(data.nations)
    assert all(warm._named_nation_texts[n.code] == n.code for n in data.nations)
    assert not cold._named_nation_texts  # an unwarmed resolver looks up nothing


def test_every_nation_is_found_by_its_name_in_each_language_answers_are_written_in(
    games: tuple[GamesData, Resolver],
) -> None:
    """Each nation's name as a Korean, Japanese or Chinese answer shows it (CLDR's, where the
    data's aliases have none: ``미국``, ``ノルウェー``) finds it, by the lookup and by the fuzzy
    resolver alike; a name two nations share in a language offers both, never one of them."""
    data, resolver = games
    shared = 0
    for nation in data.nations:
        for name in names_in_languages(nation.name, nation.aliases, nation.flag):
            resolution = resolver.nation(name)
            exact = resolver.exact_nation(name, sport_words=True)
            if resolution.confident:
                assert resolution.match is not None and resolution.match.id == nation.code, name
                assert exact == nation.code, name
            else:
                shared += 1
                assert nation.code in {c.id for c in resolution.alternatives}, name
                assert exact is None, name
    assert shared <= 2
    korea = next(n for n in data.nations if n.code == "KOR")
    assert len(names_in_languages(korea.name, korea.aliases, korea.flag)) >= 3


def test_an_event_name_is_resolved_as_the_resolver_resolves_it(
    games: tuple[GamesData, Resolver],
) -> None:
    """Every event's own name, as written, in lower and upper case and spaced out, resolves by
    the warmed lookup exactly as a resolver that never warmed scores it: the same match, the
    same choices for a name several events share ("mixed relay" in four sports), the text as
    typed. Other texts are not looked up, and an unwarmed resolver looks up nothing."""
    data, _ = games
    cold, warm = Resolver.build(data), Resolver.build(data)
    assert cold.exact_event(data.events[0].name) is None
    warm.warm()
    texts = [*_forms([e.name for e in data.events]), *(f"  {e.name}  " for e in data.events)]
    statuses = set()
    for text in texts:
        exact = warm.exact_event(text)
        assert exact is not None, text
        assert exact == cold.event(text), text
        statuses.add(exact.status)
    assert len(statuses) >= 2  # names one event has, and names several share
    # A name as written or in lower case is given as warm made it, not copied anew.
    for event in data.events:
        for text in (event.name, event.name.lower()):
            assert warm.exact_event(text) is warm.exact_event(text), text
    # Spelt otherwise (no apostrophe, a curly one, "x" for "×", commas in numbers): looked up
    # only where the words are the same, and then resolved as the resolver resolves the text.
    variants = {
        text
        for e in data.events
        for text in (
            e.name.replace("'", ""),
            e.name.replace("'", "’"),
            e.name.replace("×", "x"),
            e.name.replace("000", ",000"),
        )
    }
    looked_up = 0
    for text in sorted(variants):
        exact = warm.exact_event(text)
        if exact is not None:
            looked_up += 1
            assert exact == cold.event(text), text
    assert looked_up > len(data.events) // 2
    assert warm.exact_event("mens downhil") is None


def test_an_exact_event_name_is_found_as_the_fuzzy_resolver_finds_it(
    games: tuple[GamesData, Resolver],
) -> None:
    data, resolver = games
    resolver.warm()
    names = [e.name for e in data.events]
    texts = [*_forms(names), *(f"  {n.casefold()}  " for n in names), "relay", "mixed relay"]
    found = 0
    for text in texts:
        exact_id = resolver.exact_event_id(text)
        exact = resolver.exact_event(text)
        resolution = resolver.event(text)
        if exact is not None:  # what warm resolved for these words is what event() says
            assert exact == resolution, text
        if exact_id is not None:
            found += 1
            assert resolution.confident and resolution.match is not None, text
            assert resolution.match.id == exact_id, text
        else:
            assert exact is None or not exact.confident, text
    assert found >= len(data.events)
