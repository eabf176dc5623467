"""Pages of a long answer, each made when it is first shown: the ``Page`` (an embed's parts, cut
to Discord's limits as it becomes an embed), the lines a renderer makes from an answer's items
(``Lines``, one line made when a page needs it) and the splitter (``paginate``).

Lines made on demand (``Lines``: a nation's medals, an athlete's results, an event's places) go
a fixed number to a page, so how many pages an answer has is known from how many items it has,
before any line is made: a fan's answer makes only the page it shows, and a page button makes the
next one. Such a page whose lines would not fit Discord's description limit has its longest
lines shortened until they do (no page of the bundled data comes near it). Lines already made
(a list) are split as they always were: a page ends early rather than pass the limit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast, overload

import discord
from discord.types.embed import Embed as EmbedData
from discord.types.embed import EmbedField

from bot.discord_ui.markdown import clip, plain

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
FIELDS_LIMIT = 25
TOTAL_LIMIT = 6000
LINES_PER_PAGE = 15
#: What a page's description may hold: the limit less room for a page's own words.
PAGE_TEXT_LIMIT = DESCRIPTION_LIMIT - 200
#: The longest a single line may be.
LINE_LIMIT = 1000
#: No line is shortened below this to make a page fit.
SHORTEST_LINE = 40

T = TypeVar("T")
Item = TypeVar("Item")


@dataclass
class Page:
    """One page of an answer: an embed's parts before they become an embed."""

    title: str
    colour: discord.Colour
    description_lines: list[str] = field(default_factory=list)
    fields: list[tuple[str, str, bool]] = field(default_factory=list)
    footer: str = ""
    url: str | None = None

    def embed(self) -> discord.Embed:
        """The embed, every part cut to Discord's limits: the last fields dropped, then the
        description shortened, while the whole would pass the total limit."""
        title = clip(self.title, TITLE_LIMIT)
        description = clip("\n".join(self.description_lines), DESCRIPTION_LIMIT) or None
        footer = clip(plain(self.footer), FOOTER_LIMIT) if self.footer else None
        size = len(title) + len(description or "") + len(footer or "")
        fields: list[EmbedField] = []
        for name, value, inline in self.fields[:FIELDS_LIMIT]:
            name = clip(name, FIELD_NAME_LIMIT) or "\u200b"
            value = clip(value, FIELD_VALUE_LIMIT) or "\u200b"
            size += len(name) + len(value)
            fields.append({"inline": inline, "name": name, "value": value})
        while size > TOTAL_LIMIT and fields:
            dropped = fields.pop()
            size -= len(dropped["name"]) + len(dropped["value"])
        if size > TOTAL_LIMIT and description:
            description = clip(description, max(len(description) - (size - TOTAL_LIMIT), 1))
        # A page whose fields were all dropped still says it has fields (none), as discord.py's.
        return PageEmbed(title, self.colour, description, fields if self.fields else None, footer)


class PageEmbed(discord.Embed):
    """A page's embed: its parts set at once, and its payload made with them. discord.py's own
    ``to_dict`` looks for each of an embed's fourteen parts in turn, half of them absent (a
    caught exception each), and ``add_field``, ``set_footer`` and ``len`` walk them again. A
    page's embed is never changed once made (the render cache hands the same one to every page
    button), so the payload stays what discord.py would make of it: a test holds the two equal
    for every page of the bundled Games."""

    __slots__ = ("_payload",)

    def __init__(
        self,
        title: str,
        colour: discord.Colour,
        description: str | None,
        fields: list[EmbedField] | None,
        footer: str | None,
    ) -> None:
        self.title = title
        self.type = "rich"
        self.url = None
        self.description = description
        self._flags = 0
        self._colour = colour
        payload: EmbedData = {}
        if footer is not None:
            payload["footer"] = {"text": footer}
            self._footer = cast(dict[str, Any], payload["footer"])
        if fields is not None:
            payload["fields"] = fields
            self._fields = cast(list[dict[str, Any]], fields)
        payload["flags"] = 0
        payload["color"] = colour.value
        payload["type"] = "rich"
        if description:
            payload["description"] = description
        if title:
            payload["title"] = title
        self._payload = payload

    def to_dict(self) -> EmbedData:
        return self._payload


class OnDemand(Sequence[T]):
    """A sequence whose items are made when first read, then kept: subclasses give ``__len__``
    and ``_make``."""

    def __init__(self) -> None:
        self._made: dict[int, T] = {}

    def _make(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        count = len(self)
        if isinstance(index, slice):
            return self._slice(range(*index.indices(count)))
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(index)
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self._make(index)
        return made

    def _slice(self, indices: range) -> list[T]:
        """The items at ``indices`` (all in range), each made if it is not yet."""
        made, make = self._made, self._make
        items = []
        for index in indices:
            item = made.get(index)
            if item is None:
                item = made[index] = make(index)
            items.append(item)
        return items


class Lines(OnDemand[str], Generic[Item]):
    """An answer's lines, each made from its item by ``make`` when first read."""

    def __init__(self, items: Sequence[Item], make: Callable[[Item], str]) -> None:
        super().__init__()
        self._items = items
        self._make_line = make

    def __len__(self) -> int:
        return len(self._items)

    def _make(self, index: int) -> str:
        return self._make_line(self._items[index])


def fit(lines: list[str], room: int) -> list[str]:
    """``lines`` (each at most ``LINE_LIMIT``) in ``room`` characters, newlines counted: the
    longest shortened first, none below ``SHORTEST_LINE``."""
    lines = [clip(line, LINE_LIMIT) for line in lines]
    excess = sum(len(line) + 1 for line in lines) - room
    while excess > 0 and lines:
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        line = lines[longest]
        if len(line) <= SHORTEST_LINE:
            break
        shorter = clip(line, max(len(line) - excess, SHORTEST_LINE))
        excess -= len(line) - len(shorter)
        lines[longest] = shorter
    return lines


def _starts_by_size(head: Page, lines: Sequence[str], per_page: int) -> list[int]:
    """Where each page starts when its lines are already made: after ``per_page`` lines, or
    earlier where the next line would pass the page's text limit."""
    starts = [0]
    count, size = 0, sum(len(line) + 1 for line in head.description_lines)
    for number, line in enumerate(lines):
        length = min(len(line), LINE_LIMIT) + 1
        if count and (count >= per_page or size + length > PAGE_TEXT_LIMIT):
            starts.append(number)
            count, size = 0, 0
        count += 1
        size += length
    return starts


class PageList(OnDemand[Page]):
    """The pages of ``paginate``: how many is known at once; each is made when first read."""

    def __init__(
        self, head: Page, lines: Sequence[str], lines_per_page: int, lines_title: str | None
    ) -> None:
        super().__init__()
        self._head = head
        self._lines = lines
        self._title = lines_title
        per_page = max(lines_per_page, 1)
        if isinstance(lines, Lines):
            starts = list(range(0, len(lines), per_page)) or [0]
        else:
            starts = _starts_by_size(head, lines, per_page)
        self._bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
        self._count = len(self._bounds)

    def __len__(self) -> int:
        return self._count

    def _make(self, number: int) -> Page:
        head = self._head
        start, stop = self._bounds[number]
        chunk = self._lines[start:stop]
        description = list(head.description_lines) if number == 0 else []
        if self._title and chunk:
            description += ["", self._title] if description else [self._title]
        room = PAGE_TEXT_LIMIT - sum(len(line) + 1 for line in description)
        return Page(
            title=head.title,
            colour=head.colour,
            description_lines=description + fit(list(chunk), room),
            fields=list(head.fields) if number == 0 else [],
            footer=head.footer,
            url=head.url,
        )


def paginate(
    head: Page,
    lines: Sequence[str],
    *,
    lines_per_page: int = LINES_PER_PAGE,
    lines_title: str | None = None,
) -> PageList:
    """Split ``lines`` (a list, or ``Lines`` made on demand) over pages of at most
    ``lines_per_page``: the first page carries ``head``'s description and fields, the following
    ones repeat its title, and ``lines_title`` heads each page's lines. Each page stays within the
    description limit."""
    return PageList(head, lines, lines_per_page, lines_title)


class Embeds(OnDemand[discord.Embed]):
    """An answer's pages as embeds, each made when first read, numbered in the footer when
    there are several (``numbered`` gives that footer from the page's number, the count and
    its own footer)."""

    def __init__(self, pages: Sequence[Page], numbered: Callable[[int, int, str], str]) -> None:
        super().__init__()
        self._pages = pages
        self._numbered = numbered

    def __len__(self) -> int:
        return len(self._pages)

    def _make(self, index: int) -> discord.Embed:
        page = self._pages[index]
        count = len(self._pages)
        if count > 1:
            page.footer = self._numbered(index + 1, count, page.footer)
        return page.embed()
