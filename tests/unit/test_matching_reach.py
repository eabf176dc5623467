"""The first check that spares a fuzzy resolution for names no athlete of their NOC is near
(``NameMatcher._within_reach``) never changes what a name is matched to: with and without it,
every spelling variant, part of a name and new name of both bundled Games is matched alike."""

from __future__ import annotations

import random
import string

import pytest

from bot.domain.models import GamesData
from bot.domain.names import athlete_id, event_id, fold, slug
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.ingest.matching import NameMatcher
from bot.ingest.names import athlete_id_of, event_id_of, folded, slugged

SAMPLE = 90


def _games(games_id: str) -> GamesData:
    plan, _ = bundled_plan(default_data_dir() / games_id, games_id)
    return apply_plan(None, plan)


def _variants(name: str, rng: random.Random) -> list[str]:
    """Spellings a moderator's file might use for ``name``, and names that are only near it."""
    parts = name.split()
    letters = list(name)
    at = rng.randrange(1, max(2, len(name) - 1))
    dropped = name[:at] + name[at + 1 :]
    swapped = letters[:]
    if len(swapped) > at + 1:
        swapped[at], swapped[at + 1] = swapped[at + 1], swapped[at]
    changed = name[:at] + rng.choice("aeioukmnst") + name[at + 1 :]
    found = [name, dropped, "".join(swapped), changed, name.replace("-", ""), name[:4], name[:7]]
    if len(parts) > 1:
        found += [" ".join(parts[1:] + parts[:1]), parts[0], parts[-1], f"{parts[0]} Zzyxq"]
    return found


@pytest.mark.parametrize("games_id", ["harbin-2025", "milano-cortina-2026"])
def test_the_first_check_matches_every_name_as_the_resolver_alone(games_id: str) -> None:
    data = _games(games_id)
    rng = random.Random(14)
    athletes = rng.sample(list(data.athletes), min(SAMPLE, len(data.athletes)))
    nocs = sorted({a.noc for a in data.athletes})
    checked = NameMatcher(data, fuzzy_budget=1_000_000)
    reference = NameMatcher(data, fuzzy_budget=1_000_000, check_reach=False)
    tried = 0
    for athlete in athletes:
        for name in _variants(athlete.name, rng):
            for noc in (athlete.noc, rng.choice(nocs)):
                tried += 1
                assert checked.athlete(noc, name) == reference.athlete(noc, name), (noc, name)
    assert reference.resolutions == tried
    assert checked.resolutions < tried  # the check does spare work


def test_new_names_of_a_bulk_load_need_no_fuzzy_resolution(bundled_data: GamesData) -> None:
    """A roster of new people (names unlike any of their NOC's) costs no resolution at all."""
    matcher = NameMatcher(bundled_data)
    nocs = sorted({a.noc for a in bundled_data.athletes})
    for number in range(1_000):
        assert matcher.athlete(nocs[number % len(nocs)], f"Zqwx Vyrtplo{number:04d}") is None
    assert matcher.resolutions == 0


@pytest.mark.parametrize(
    ("noc", "sport", "name"),
    [
        ("KOR", "Short-track speed skating", "Women's 1000 metres"),
        ("CHN", "Ski mountaineering", "Kim Gil-li"),
        ("JPN", "  Figure  Skating ", "Sakamoto Kaori"),
        ("KAZ", "Biathlon", "Қазақстан Әйелдер"),
        ("AIN", "Freestyle skiing", "O'Neil  Zoë-Ann"),
    ],
)
def test_the_kept_ids_are_the_domain_ids(noc: str, sport: str, name: str) -> None:
    assert athlete_id_of(noc, name) == athlete_id(noc, name)
    assert event_id_of(sport, name) == event_id(sport, name)


def test_kept_folding_is_the_domain_folding() -> None:
    rng = random.Random(7)
    alphabet = string.printable + "’‘ʼé"
    texts = ["", " ", "O'Neil", "Min-jeong  Kim", "A.B.C", "x\t\ny", "`q`", "--a--", "Zoë"]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30))) for _ in range(3000)
    ]
    for text in texts:
        assert folded(text) == fold(text), repr(text)
        assert slugged(text) == slug(text), repr(text)
