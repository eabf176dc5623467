"""The console takes a bare name (``kim``, ``curling``, ``hong``, ``mongoose``): /ask first, then,
when /ask read a bare name it could not pin down, the name as a nation, an athlete and an event,
with numbered choices as the commands give them. Over the real service and store."""

from __future__ import annotations

import io

from bot.console import Console
from bot.service import GamesService


def session(service: GamesService, *lines: str) -> list[str]:
    """What the console prints for each line typed, in order."""
    out = io.StringIO()
    console = Console(service, out)
    printed = []
    for line in lines:
        start = out.tell()
        console.handle(line)
        printed.append(out.getvalue()[start:])
    return printed


def numbered(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()[:1].isdigit()]


def test_an_ambiguous_surname_lists_the_athletes_and_a_number_picks_one(
    service: GamesService,
) -> None:
    listed, chosen = session(service, "kim", "1")
    assert "I couldn't read that question" not in listed
    assert "'kim' could mean several athletes; which one?" in listed
    assert "Type a number to choose." in listed
    first = numbered(listed)[0]  # "1. Kim Gil-li (KOR)   [kor-kim-gil-li]"
    name = first.split(". ", 1)[1].split(" (")[0]
    assert len(numbered(listed)) > 5
    assert chosen.startswith(name) and "medals" in chosen


def test_a_sport_name_lists_its_events(service: GamesService) -> None:
    [listed] = session(service, "curling")
    assert "'curling' could mean several events; which one?" in listed
    assert {line.split(". ", 1)[1].split("   [")[0] for line in numbered(listed)} == {
        "Mixed doubles (Curling)",
        "Men's tournament (Curling)",
        "Women's tournament (Curling)",
    }


def test_a_name_of_several_kinds_lists_them_all_with_their_kind(service: GamesService) -> None:
    listed, chosen = session(service, "hong", "1")
    assert "'hong' could be several things; which one?" in listed
    choices = numbered(listed)
    assert choices[0].endswith("Hong Kong (HKG) · nation")
    assert any(c.endswith(" · athlete") for c in choices[1:])
    assert "Hong Kong (HKG)" in chosen.splitlines()[0] and "total" in chosen


def test_a_name_with_nothing_of_that_name_offers_the_nearest_to_choose(
    service: GamesService,
) -> None:
    # (a name only another loaded Games holds, such as "norway", is answered from that Games)
    listed, chosen = session(service, "mongoose", "1")
    assert listed.startswith(
        "Nothing called 'mongoose' in the 2025 Asian Winter Games: no nation, athlete or event"
    )
    first = numbered(listed)[0]  # "1. 🇲🇳 Mongolia (MGL) · nation"
    assert first.endswith(" · nation")
    label = first.split(". ", 1)[1].removesuffix(" · nation")
    assert chosen.splitlines()[0] == label and "total" in chosen


def test_a_confident_bare_name_and_questions_are_answered_as_before(
    service: GamesService,
) -> None:
    korea, athlete, question = session(
        service, "korea", "choi min-jeong", "who won the women's 1500m in short track?"
    )
    assert "South Korea (KOR) won 45 medals" in korea
    assert "Choi Min-jeong" in athlete and "gold" in athlete
    assert "Kim Gil-li" in question and "Type a number" not in question


def test_nonsense_and_refused_questions_keep_the_help_and_offer_no_choices(
    service: GamesService,
) -> None:
    nonsense, refused, then = session(service, "xyzzy", "most medals in a single event", "1")
    assert "I couldn't read that question" in nonsense and "Type a number" not in nonsense
    assert "Type a number" not in refused and "Nothing called" not in refused
    assert then.strip()  # "1" without choices is read as text, not as a stale choice
