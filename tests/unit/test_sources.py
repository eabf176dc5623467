"""An event's sources: named by their site (a table of known names, else the bare domain), one
per site, at most five, the rest counted; on Discord as masked links that stay inside the
embed's limits and cannot be broken by a name or a URL; in text as "name: url" lines. One test
goes through the local Discord with the real client."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.answers.models import EventResult, Provenance
from bot.answers.sites import SHOWN, citation, citations, site_name
from bot.answers.text import render_text
from bot.discord_ui.frontend import DiscordFrontEnd
from bot.discord_ui.render import render_embeds
from bot.discord_ui.sources import FIELD_VALUE_LIMIT, _shown, fitted, sources_value
from bot.domain.models import Event, Gender
from bot.i18n import Lang, Words, words_for
from bot.service import GamesService
from bot.settings import Settings
from tests.fakediscord.api import FakeDiscord
from tests.fakediscord.fixtures import StartBot
from tests.unit.query.test_exact_lookups import DATA

XINHUA = "https://english.news.cn/20250208/abc/c.html"
YONHAP = "https://en.yna.co.kr/view/AEN20250208000300315"
#: A masked link whose target is in angle brackets: [text](<url>)
MASKED = re.compile(r"\[((?:\\.|[^\]\\])+)\]\(<([^<>\s]+)>\)")


def event_answer(sources: list[str]) -> EventResult:
    return EventResult(
        provenance=Provenance(games_id="g", games_name="Some Games", source="bundled data/g/"),
        event=Event(
            id="e1",
            sport="Speed skating",
            name="Women's 500 metres",
            gender=Gender.WOMEN,
            date=dt.date(2025, 2, 9),
            sources=tuple(sources),
        ),
        places=(),
    )


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("english.news.cn", "Xinhua"),
        ("en.yna.co.kr", "Yonhap"),
        ("world.kbs.co.kr", "KBS"),  # a sub-domain of a known site
        ("www.iihf.com", "IIHF"),
        ("www.aseantribune.com", "aseantribune.com"),  # unknown: the bare domain
        ("m.sports.example.org", "sports.example.org"),
        ("example.org", "example.org"),
    ],
)
def test_site_names(host: str, name: str) -> None:
    assert site_name(host) == name


def test_a_source_that_is_not_a_web_address_is_kept_as_it_is() -> None:
    assert citation("  Official report, p. 12 ").name == "Official report, p. 12"
    assert citation("javascript:alert(1)").url is None
    assert citation(XINHUA).url == XINHUA


def test_one_per_site_at_most_five_and_the_rest_counted() -> None:
    sources = [XINHUA, XINHUA + "?2", YONHAP] + [f"https://site{i}.example.com/a" for i in range(9)]
    picked, rest = citations(sources)
    assert [c.name for c in picked] == [
        "Xinhua",
        "Yonhap",
        "site0.example.com",
        "site1.example.com",
        "site2.example.com",
    ]
    assert rest == len(sources) - 5


def test_discord_shows_masked_links_with_site_names_and_a_count() -> None:
    value = sources_value([XINHUA, YONHAP, *(f"https://s{i}.example.com/" for i in range(7))])
    assert value.startswith(f"[Xinhua](<{XINHUA}>) · [Yonhap](<{YONHAP}>) · ")
    assert value.endswith(" · + 4 more")
    assert len(MASKED.findall(value)) == 5


def test_names_and_urls_cannot_break_the_markdown() -> None:
    hostile_url = 'https://evil_site.example.com/a b>c)d[e]?q=<x>&y="z"|w'
    plain = "Report *bold* [click](https://x.example) @everyone `code`"
    value = sources_value([hostile_url, plain])
    [(text, target)] = MASKED.findall(value)
    assert text == "evil\\_site.example.com"
    assert " " not in target and ">" not in target and "<" not in target and ")" not in target
    assert target.startswith("https://evil_site.example.com/a%20b%3Ec%29d")
    rest = value.split(" · ", 1)[1]
    assert "\\*bold\\*" in rest and "\\[click\\]" in rest  # no formatting, no link
    assert "@everyone" not in rest  # no mention (escaped)


def test_long_urls_stay_within_the_field_limit_and_are_counted() -> None:
    sources = [f"https://site{i}.example.com/{'x' * 320}" for i in range(12)]
    value = sources_value(sources)
    assert len(value) <= FIELD_VALUE_LIMIT
    shown = len(MASKED.findall(value))
    assert 1 <= shown < 5
    assert value.endswith(f" · + {12 - shown} more")
    one_giant = sources_value([f"https://big.example.com/{'y' * 2000}"])
    assert one_giant == "big.example.com"  # too long to link: named only


def test_an_event_embed_with_many_sources_keeps_discords_limits() -> None:
    sources = [f"https://site{i}.example.com/{'x' * 300}" for i in range(109)]
    [embed] = [e.to_dict() for e in render_embeds(event_answer(sources))]
    [field] = [f for f in embed["fields"] if f["name"] == "Sources"]
    assert len(field["value"]) <= FIELD_VALUE_LIMIT and "more" in field["value"]
    assert len(render_embeds(event_answer(sources))[0]) <= 6000


def test_text_lists_name_and_url_lines() -> None:
    text = render_text(event_answer([XINHUA, YONHAP, "Official report"] + [XINHUA + "#2"] * 3))
    block = text.split("Sources:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert block == [
        f"  Xinhua: {XINHUA}",
        f"  Yonhap: {YONHAP}",
        "  Official report",
        "  + 3 more",
    ]


async def test_an_event_through_the_local_discord_shows_masked_source_links(
    fake: FakeDiscord, service: GamesService, start_bot: StartBot
) -> None:
    await start_bot(DiscordFrontEnd(service, Settings(_env_file=None)).install)  # type: ignore[call-arg]
    reply = await fake.slash("event", name="women's 1000m short track")
    fields = {f["name"]: f["value"] for f in reply.embeds[0].get("fields", [])}
    value = fields["Sources"]
    assert len(value) <= FIELD_VALUE_LIMIT
    links = MASKED.findall(value)
    assert links and all(target.startswith("https://") for _, target in links)
    event = service.library.view().index.events[
        service.queries.event("women's 1000m short track").event.id  # type: ignore[union-attr]
    ]
    shown = len(links) + (int(value.rsplit("+ ", 1)[1].split()[0]) if "more" in value else 0)
    assert shown == len(event.sources)


def citations_value(sources: list[str], limit: int, w: Words) -> str:
    """The Sources field as it was made from ``sites.citations`` before each source's site and
    link were looked up at once (and fitted as the field fits them)."""
    picked, rest = citations(sources)
    return fitted([_shown(c.name, c.url) for c in picked], rest, len(sources), limit, w)


@pytest.mark.parametrize("lang", list(Lang), ids=str)
def test_the_field_is_what_the_citations_give(lang: Lang) -> None:
    """For every event of both bundled Games, and for blank, repeated, non-web and oversized
    sources under tight limits, the field is the citations' (one per site, the first five
    sites, the rest counted), in every language."""
    w = words_for(lang)
    lists = [list(e.sources) for data in DATA.values() for e in data.events]
    lists += [
        ["", "  ", XINHUA, XINHUA + "?2", "Official report", "Official report"],
        [
            YONHAP,
            f"https://big.example.com/{'y' * 2000}",
            *(f"https://s{i}.example.com/" for i in range(9)),
        ],
        [],
    ]
    assert sum(1 for sources in lists if len(sources) > SHOWN) > 10
    for sources in lists:
        for limit in (FIELD_VALUE_LIMIT, 120, 40):
            assert sources_value(sources, limit, w=w) == citations_value(sources, limit, w), sources
