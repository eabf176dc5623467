"""The splitter of long answers (``bot.discord_ui.pages``): for lines made on demand, how many
pages is known from the items alone, a page makes only its own lines, pages are what the eager
splitter made wherever it broke no page early, and a page whose lines would not fit has them
shortened until it does, losing no line; lines already made are split exactly as before."""

from __future__ import annotations

import random

import discord
import pytest

from bot.discord_ui.pages import (
    DESCRIPTION_LIMIT,
    LINE_LIMIT,
    PAGE_TEXT_LIMIT,
    Lines,
    Page,
    paginate,
)


def head(lines: int = 2) -> Page:
    return Page(
        title="Title",
        colour=discord.Colour(0),
        description_lines=[f"head line {n}" for n in range(lines)],
        fields=[("Field", "value", False)],
        footer="footer",
    )


def eager(page_head: Page, lines: list[str], per_page: int, title: str | None) -> list[list[str]]:
    """The descriptions the splitter made before pages were lazy (it broke a page early when
    the next line would pass the size limit)."""
    chunks: list[list[str]] = []
    current: list[str] = []
    size = sum(len(line) + 1 for line in page_head.description_lines)
    for line in lines:
        line = line[:LINE_LIMIT]
        if current and (len(current) >= per_page or size + len(line) + 1 > PAGE_TEXT_LIMIT):
            chunks.append(current)
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current or not chunks:
        chunks.append(current)
    pages = []
    for number, chunk in enumerate(chunks):
        description = list(page_head.description_lines) if number == 0 else []
        if title and chunk:
            description += ["", title] if description else [title]
        pages.append(description + chunk)
    return pages


def test_the_page_count_comes_from_the_items_and_a_page_makes_only_its_lines() -> None:
    made: list[int] = []

    def make(item: int) -> str:
        made.append(item)
        return f"line {item}"

    pages = paginate(head(), Lines(list(range(47)), make), lines_per_page=15)
    assert len(pages) == 4 and made == []
    assert pages[0].description_lines[-1] == "line 14"
    assert made == list(range(15))
    assert pages[3].description_lines == ["line 45", "line 46"]
    assert made == [*range(15), 45, 46]
    assert pages[3] is pages[-1]
    with pytest.raises(IndexError):
        pages[4]


@pytest.mark.parametrize("seed", range(40))
def test_pages_are_the_eager_splitters_wherever_no_page_needed_shortening(seed: int) -> None:
    rng = random.Random(seed)
    per_page = rng.choice([6, 8, 10, 15])
    lines = ["x" * rng.randrange(0, 250) for _ in range(rng.randrange(0, 60))]
    title = rng.choice([None, "**Medals**"])
    before = eager(head(), lines, per_page, title)
    made = paginate(head(), lines, lines_per_page=per_page, lines_title=title)
    assert [page.description_lines for page in made] == before  # lines made: split as before
    lazy = paginate(head(), Lines(lines, str), lines_per_page=per_page, lines_title=title)
    assert len(lazy) == max(1, -(-len(lines) // per_page))
    if len(made) == len(lazy) and all(
        p.description_lines[-1] == lines[min((n + 1) * per_page, len(lines)) - 1]
        for n, p in enumerate(made)
        if lines
    ):
        assert [page.description_lines for page in lazy] == before  # no page broken early
    assert made[0].fields == head().fields and all(not p.fields for p in made[1:])


@pytest.mark.parametrize("length", [300, 999, 1000, 5000])
def test_a_page_too_long_for_discord_is_shortened_and_keeps_every_line(length: int) -> None:
    lines = [f"{n} " + "y" * length for n in range(20)]
    pages = paginate(head(), Lines(lines, str), lines_per_page=15, lines_title="**Medals**")
    assert len(pages) == 2
    for number, page in enumerate(pages):
        text = "\n".join(page.description_lines)
        assert len(text) <= PAGE_TEXT_LIMIT < DESCRIPTION_LIMIT
        shown = page.description_lines[-15:] if number == 0 else page.description_lines
        first = 0 if number == 0 else 15
        assert [line.split(" ")[0] for line in shown[-len(lines[first : first + 15]) :]] == [
            str(n) for n in range(first, min(first + 15, 20))
        ]
        assert len(page.embed()) <= 6000


def test_short_lines_are_not_shortened() -> None:
    lines = ["z" * 200 for _ in range(15)]
    [page] = paginate(head(0), lines, lines_per_page=15)
    assert page.description_lines == lines


def test_a_head_longer_than_a_page_leaves_no_room_and_still_renders() -> None:
    big = Page(title="T", colour=discord.Colour(0), description_lines=["w" * 5000])
    [page] = paginate(big, [])
    assert len(page.embed().description or "") <= DESCRIPTION_LIMIT
    [page] = paginate(big, ["a line " * 30])
    assert len(page.embed().description or "") <= DESCRIPTION_LIMIT
