"""Stored text is data wherever it is shown (issue 14): names, marks, notes, venues, sources and
Games names holding Markdown, mentions, masked links, terminal escapes and bidi controls, written
straight into a real SQLite store, are shown literally on Discord (escaped where Discord renders
Markdown, plain where it does not), keep the bot's own formatting and Discord's limits, and
reach terminals without control characters (and in ``--json`` escaped, the data kept)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.answers.models import Answer
from bot.answers.text import render_text
from bot.discord_ui.components import Query, build_view
from bot.discord_ui.markdown import inert, plain
from bot.discord_ui.render import render_embeds
from bot.i18n import ENGLISH, Lang, words_for
from bot.service import GamesService
from tests import hostile
from tests.discord_markdown import CONTROL, live, live_line_starts, visible
from tests.fakediscord.rules import validate_message

HOSTILE_TEXTS = [
    hostile.EVENT_NAME,
    hostile.SPORT,
    hostile.NATION,
    hostile.FLAG,
    hostile.ATHLETE,
    hostile.NATIVE,
    hostile.MARK,
    hostile.NOTE,
    hostile.VENUE,
    hostile.GAMES_NAME,
    *hostile.SOURCES,
    "> quote",
    ">>> block quote",
    "## heading",
    "+ list",
    "  * list",
    "12. list",
    "\\**escaped escape**",
    "a\\",
    "@here and @everyone and <@!123456789012345678>",
    "</medals:123456789012345678>",
    "https://bare.example/link",
]


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[GamesService]:
    """The real service over a SQLite store holding the hostile text."""
    async with hostile.hostile_service(tmp_path / "gamesbot.db") as games:
        yield games


def strings_of(embed: dict[str, Any]) -> Iterator[str]:
    """The parts of an embed Discord renders as Markdown."""
    yield embed.get("title", "")
    yield embed.get("description", "")
    for field in embed.get("fields", []):
        yield field["name"]
        yield field["value"]


def answers(service: GamesService) -> list[Answer]:
    q = service.queries
    return [
        q.event(hostile.EVENT_ID, games=hostile.GAMES),
        q.medals(hostile.NOC, games=hostile.GAMES),
        q.medals(hostile.NOC, games="all"),
        q.athlete(hostile.ATHLETE_ID, games=hostile.GAMES),
        q.table(games=hostile.GAMES),
        q.table(hostile.SPORT, games=hostile.GAMES),
        q.ask(f"how many medals did {hostile.NOC} win", games=hostile.GAMES),
        q.ask(f"who won {hostile.NOC}'s medals", games=hostile.GAMES),
        q.athlete("heading", games=hostile.GAMES),
        q.medals("everyone spoiler", games=hostile.GAMES),
    ]


def assert_inert(text: str, where: str) -> None:
    assert not CONTROL.search(text), f"a control character in {where}: {text!r}"
    assert not live(text, hostile.FRAGMENTS), f"live Markdown in {where}: {text!r}"
    starts = [s for s in live_line_starts(text) if not re.fullmatch(r"\s*\d+\.\s", s)]
    assert not starts, f"a stored text starts a Markdown line in {where}: {text!r}"


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_inert_text_shows_as_written_and_means_nothing(text: str) -> None:
    made = inert(text)
    assert not CONTROL.search(made)
    assert not live(made, [*hostile.FRAGMENTS, "**", "__", "`", "||", "~~", "[", "<", "://"])
    assert not live_line_starts(made)
    assert visible(made) == plain(text)
    assert "\\" not in plain(text).replace(text, "") and not CONTROL.search(plain(text))


@pytest.mark.parametrize("lang", list(Lang), ids=str)
async def test_discord_shows_stored_text_as_data(service: GamesService, lang: Lang) -> None:
    for answer in answers(service):
        for number, embed in enumerate(e.to_dict() for e in render_embeds(answer, lang)):
            where = f"{type(answer).__name__} page {number + 1} ({lang})"
            for text in strings_of(embed):
                assert_inert(text, where)
            footer = embed.get("footer", {}).get("text", "")
            assert not CONTROL.search(footer) and "\\" not in footer  # plain text on Discord


async def test_discord_names_read_as_stored_and_the_bots_formatting_stays(
    service: GamesService,
) -> None:
    event = render_embeds(service.queries.event(hostile.EVENT_ID, games=hostile.GAMES))[0]
    shown = visible("\n".join(strings_of(event.to_dict())))
    for what in ("event", "sport", "nation", "athlete", "note", "venue"):
        assert hostile.SHOWN[what] in shown, what
    assert "[m](https://evil.example/m) ˋyˋ" in shown  # the mark, in the bot's code span
    description = event.description or ""
    assert "**" in description.replace("\\*", "")  # the bot's own bold nation names stay bold
    [sources] = [f.value for f in event.fields if f.name == "Sources"]
    assert sources is not None
    targets = re.findall(r"\]\(<([^>]*)>\)", sources)
    assert targets == [hostile.SOURCES[0], "http://evil.example/a%29b%3Ec%3Cd%20e"]
    assert "javascript" in visible(sources) and not live(sources, ["[Official]("])
    athlete = render_embeds(service.queries.athlete(hostile.ATHLETE_ID, games=hostile.GAMES))[0]
    assert visible(athlete.title or "") == f"{hostile.SHOWN['athlete']} ({hostile.SHOWN['native']})"


async def test_localised_names_are_escaped_too(service: GamesService) -> None:
    """Native and localised names come from the data and the catalogues (bot.i18n): they pass
    the same boundary (a native name first outside English)."""
    for lang in (Lang.KO, Lang.ZH_CN, Lang.ZH_TW, Lang.JA):
        athlete = service.queries.athlete(hostile.ATHLETE_ID, games=hostile.GAMES)
        title = render_embeds(athlete, lang)[0].title or ""
        assert title.startswith("1\\. 王\\*强\\*")
        assert visible(title).startswith(hostile.SHOWN["native"])


async def test_plain_text_places_of_discord_get_plain_names(service: GamesService) -> None:
    """Select-menu labels and autocomplete choice names are plain text on Discord: the name as
    stored, without backslashes, without control characters."""
    choice = service.queries.athlete("heading", games=hostile.GAMES)
    view = build_view(choice, Query("a", ("heading",), hostile.GAMES), 0, 1)
    assert view is not None
    labels = [o["label"] for row in view.to_components() for o in row["components"][0]["options"]]
    assert f"{hostile.SHOWN['athlete']} (CHN)" in labels
    assert all("\\" not in label and not CONTROL.search(label) for label in labels)
    validate_message(
        {"components": view.to_components(), "embeds": [], "allowed_mentions": {"parse": []}}
    )


@pytest.mark.parametrize("lang", list(Lang), ids=str)
async def test_text_output_has_no_control_characters(service: GamesService, lang: Lang) -> None:
    w = words_for(lang)
    for answer in answers(service):
        text = render_text(answer, w)
        assert not CONTROL.search(text), f"{type(answer).__name__}: {text!r}"
    event = render_text(
        service.queries.event(hostile.EVENT_ID, games=hostile.GAMES), words_for(ENGLISH)
    )
    assert "[Official results](http://evil.example/e) **bold** " in event  # text shows it as it is


async def test_escaped_text_is_counted_by_the_splitter(tmp_path: Path) -> None:
    """Escaping doubles text made of Markdown characters: every page still keeps Discord's
    limits, counted on the escaped text."""
    db = tmp_path / "long.db"
    async with hostile.hostile_service(db):
        pass
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE athletes SET name = substr(replace(hex(zeroblob(50)), '0', '*_'), 1, 100)"
        )
        connection.execute(
            "UPDATE events SET name = substr(replace(hex(zeroblob(100)), '0', '[`'), 1, 200)"
        )
        connection.execute(
            "UPDATE results SET mark = substr(replace(hex(zeroblob(50)), '0', '|~'), 1, 60), note = substr(replace(hex(zeroblob(200)), '0', '<>'), 1, 300)"
        )
    async with hostile.hostile_service(db) as service:
        q = service.queries
        index = service.library.view(hostile.GAMES).index
        answers_and_queries: list[tuple[Answer, Query]] = [
            (
                q.medals(hostile.NOC, games=hostile.GAMES),
                Query("n", (hostile.NOC, ""), hostile.GAMES),
            ),
            (q.table(games=hostile.GAMES), Query("t", ("", "gold", "0"), hostile.GAMES)),
        ]
        answers_and_queries += [
            (q.event(e, games=hostile.GAMES), Query("e", (e, ""), hostile.GAMES))
            for e in list(index.events)[:20]
        ]
        answers_and_queries += [
            (q.athlete(a, games=hostile.GAMES), Query("a", (a,), hostile.GAMES))
            for a in list(index.athletes)[:20]
        ]
        for lang in Lang:
            for answer, query in answers_and_queries:
                embeds = render_embeds(answer, lang)
                for page, embed in enumerate(embeds):
                    view = build_view(answer, query, page, len(embeds), lang)
                    validate_message(
                        {
                            "embeds": [embed.to_dict()],
                            "components": view.to_components() if view else [],
                            "allowed_mentions": {"parse": []},
                        }
                    )
                    for text in strings_of(embed.to_dict()):
                        assert not re.search(r"(?<!\\)(?:\\\\)*\\…", text)  # no cut escape


# --- terminals: the real command line and console on the hostile store -------------------------


def gamesbot(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "GAMESBOT_", "SHARD_", "LOG_", "LC_"))
    }
    environment.update(
        {
            "GAMESBOT_DB_PATH": str(db),
            "GAMESBOT_DEFAULT_GAMES": hostile.GAMES,
            "HOME": str(db.parent),
            "LANG": "C.UTF-8",
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=environment,
        cwd=db.parent,
        timeout=60,
        check=False,
    )


@pytest.fixture
async def hostile_db(service: GamesService, tmp_path: Path) -> Path:
    return tmp_path / "gamesbot.db"


@pytest.mark.parametrize(
    "args",
    [
        ("event", hostile.EVENT_ID),
        ("medals", hostile.NOC),
        ("athlete", hostile.ATHLETE_ID),
        ("table",),
        ("ask", f"how many medals did {hostile.NOC} win"),
        ("medals", "everyone", "spoiler"),
    ],
    ids=" ".join,
)
def test_the_command_line_prints_no_control_characters(
    hostile_db: Path, args: tuple[str, ...]
) -> None:
    done = gamesbot(hostile_db, *args)
    assert done.returncode in (0, 1), done.stderr
    assert not CONTROL.search(done.stdout + done.stderr), repr(done.stdout)


def test_json_escapes_control_characters_and_keeps_the_data(hostile_db: Path) -> None:
    done = gamesbot(hostile_db, "event", hostile.EVENT_ID, "--json")
    assert done.returncode == 0, done.stderr
    assert not CONTROL.search(done.stdout), repr(done.stdout)
    answer = json.loads(done.stdout)
    assert answer["event"]["name"] == hostile.EVENT_NAME
    [gold] = [p for p in answer["places"] if p["medal"] == "gold"]
    assert gold["nation"]["name"] == hostile.NATION and gold["mark"] == hostile.MARK


def test_the_console_prints_no_control_characters(hostile_db: Path) -> None:
    done = gamesbot(
        hostile_db,
        "console",
        stdin=f"event {hostile.EVENT_ID}\nmedals {hostile.NOC}\nheading\neveryone spoiler\n",
    )
    assert done.returncode == 0, done.stderr
    assert not CONTROL.search(done.stdout), repr(done.stdout)
    assert hostile.SHOWN["athlete"] in done.stdout


def test_errors_name_stored_games_without_control_characters(hostile_db: Path) -> None:
    done = gamesbot(hostile_db, "medals", "KOR", "--games", "nope")
    assert done.returncode == 1
    assert "~~Games~~ @here" in done.stderr and not CONTROL.search(done.stderr), done.stderr


def test_a_load_preview_prints_no_control_characters(hostile_db: Path) -> None:
    """A file's names with terminal escapes: previewed without them (or, where loads refuse
    them, refused with a message without them)."""
    from tests.e2e.test_cli_loading import DSQ

    hostile_file = DSQ.replace("Kim Gil-li", "Kim Gil-li\x1b[2J\x9b31m").replace(
        "test correction", "test \x1b]0;pwned\x07correction"
    )
    (hostile_db.parent / "dsq.csv").write_text(hostile_file, encoding="utf-8")
    done = gamesbot(hostile_db, "load", "dsq.csv", "--dry-run")
    assert done.returncode in (0, 3), done.stderr
    assert not CONTROL.search(done.stdout + done.stderr), repr(done.stdout + done.stderr)
    for json_run in (gamesbot(hostile_db, "load", "dsq.csv", "--dry-run", "--json"),):
        assert not CONTROL.search(json_run.stdout + json_run.stderr)


async def test_a_list_of_follows_keeps_its_channel_links_and_escapes_the_names(
    service: GamesService,
) -> None:
    """/following lists "NATION → #channel": the service's channel mention stays a mention, the
    stored nation name is inert."""
    guild, channel = 123456789012345678, 223456789012345678
    await service.followers.follow(guild, channel, hostile.NOC, user_id=1, games=hostile.GAMES)
    listing = await service.followers.following(guild, games=hostile.GAMES)
    [embed] = [e.to_dict() for e in render_embeds(listing)]
    description = embed["description"]
    assert description.endswith(f" → <#{channel}>")
    assert_inert(description.replace(f"<#{channel}>", ""), "the list of follows")
    assert hostile.SHOWN["nation"] in visible(description)
