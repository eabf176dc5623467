"""Event terms: distances in any form, genders, relays and leftover words; sport phrases in text."""

from __future__ import annotations

import pytest

from bot.domain.models import Gender
from bot.query.event_terms import event_terms, parse_terms, tokenize
from bot.query.sports import find_sport, sport_for


@pytest.mark.parametrize(
    "text",
    ["3000m", "3,000 m", "3k", "3000 metres", "3 km", "3000 meters", "3000", "3.0 km", "3,0 km"],
)
def test_distances_in_any_form_are_metres(text: str) -> None:
    assert parse_terms(tokenize(text)).distance == 3000.0


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("women's", Gender.WOMEN),
        ("womens", Gender.WOMEN),
        ("Ladies", Gender.WOMEN),
        ("W 500", Gender.WOMEN),
        ("men", Gender.MEN),
        ("M 500", Gender.MEN),
        ("Men’s", Gender.MEN),
        ("mixed", Gender.MIXED),
        ("500 m", None),
    ],
)
def test_genders(text: str, gender: Gender | None) -> None:
    assert parse_terms(tokenize(text)).gender is gender


def test_relays_with_legs() -> None:
    terms = event_terms("Men's 4 × 7.5 km relay")
    assert terms.relay and terms.legs == 4 and terms.distance == 7500.0
    assert terms.distances() == {7500.0, 30000.0}
    assert terms.gender is Gender.MEN and terms.words == ()
    assert parse_terms(tokenize("4x7.5km")).distances() == {7500.0, 30000.0}
    assert parse_terms(tokenize("3k relay women")).relay


def test_words_and_units() -> None:
    terms = event_terms("Women's sprint classical")
    assert terms.words == ("sprint", "classical") and terms.distance is None
    assert parse_terms(tokenize("the final of men's 500 m")).words == ()
    assert parse_terms(tokenize("10000m")).unit == "m"
    assert parse_terms(tokenize("10 km")).unit == "km"


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("korea short track", "Short track speed skating"),
        ("korea short-track", "Short track speed skating"),
        ("medals st korea", "Short track speed skating"),
        ("long track 500", "Speed skating"),
        ("xc women", "Cross-country skiing"),
        ("skimo relay", "Ski mountaineering"),
        ("freeski big air", "Freestyle skiing"),
        ("ice hockey", "Ice hockey"),
        ("hockey", "Ice hockey"),
        ("short track speed skating", "Short track speed skating"),
    ],
)
def test_sport_phrases_in_text(text: str, sport: str) -> None:
    mention = find_sport(tokenize(text))
    assert mention is not None and mention.sport == sport


def test_other_sports_and_no_sport() -> None:
    mention = find_sport(tokenize("china ice stock sport"))
    assert mention is not None and mention.sport is None and mention.phrase == "ice stock sport"
    jumping = find_sport(tokenize("china ski jumping"))
    assert jumping is not None and jumping.sport == "Ski jumping"
    assert find_sport(tokenize("korea")) is None
    assert find_sport(tokenize("al fs ss")) is None
    assert sport_for("XC") == "Cross-country skiing"
    assert sport_for("luge") == "Luge"
    assert sport_for("bandy") is None
