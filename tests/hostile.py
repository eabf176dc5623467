"""Hostile text in a real store: Markdown, mentions, masked links, terminal escapes and bidi
controls written straight into a SQLite store (as data stored before loads refused it would be),
then read back by the real service. Used by the text-is-data tests of every front-end."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

from bot.ingest.bundled import default_data_dir
from bot.service import GamesService
from bot.store.sqlite_store import SqliteStore

GAMES = "harbin-2025"
EVENT_ID = "cross-country-skiing/mens-sprint-classical"
NOC = "CHN"
ATHLETE_ID = "chn-wang-qiang"

EVENT_NAME = "[Official results](http://evil.example/e) **bold** \x1b[2J"
SPORT = "> __under__ ~~strike~~"
NATION = "-# @everyone <@123456789012345678> \x9b31m||spoiler||"
FLAG = "<:e:123456789012345678>"
ATHLETE = "# Heading `code` \x07<t:0:R>"
NATIVE = "1. 王*强*\u202e"
MARK = "[m](https://evil.example/m) `y`\x1b[31m"
NOTE = "<@&123456789012345678> \x1b]0;pwned\x07 -# sub\nsecond line"
VENUE = "**venue** <#123456789012345678>"
SOURCES = [
    "http://en.people.cn/n3/2025/0209/c90000-20274550.html",
    "http://evil.example/a)b>c<d e",
    "[Official](javascript:alert(1))",
]
GAMES_NAME = "~~Games~~ @here \x1b[2J"

#: What must never be live Markdown (or a mention, a timestamp, a link) wherever these show.
FRAGMENTS = [
    "[Official results](",
    "://evil.example/e",
    "**bold**",
    "__under__",
    "~~strike~~",
    "~~Games~~",
    "||spoiler||",
    "`code`",
    "<t:0:R>",
    "<@123456789012345678>",
    "<@&123456789012345678>",
    "<#123456789012345678>",
    "<:e:123456789012345678>",
    "@everyone",
    "@here",
    "[m](",
    "://evil.example/m",
    "**venue**",
    "[Official](",
]
#: Every stored hostile text, as a reader should see it (control characters gone, one line).
SHOWN = {
    "event": "[Official results](http://evil.example/e) **bold** ",
    "sport": SPORT,
    "nation": "-# @everyone <@123456789012345678> ||spoiler||",
    "athlete": "# Heading `code` <t:0:R>",
    "native": "1. 王*强*",
    "note": "<@&123456789012345678>  -# sub second line",
    "venue": VENUE,
}


def write_hostile(db: Path) -> None:
    """Put the hostile text into an existing store file, as SQL on the file."""
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE events SET name = ?, sport = ?, venue = ?, sources = ?"
            " WHERE games_id = ? AND id = ?",
            (EVENT_NAME, SPORT, VENUE, json.dumps(SOURCES), GAMES, EVENT_ID),
        )
        connection.execute(
            "UPDATE nations SET name = ?, flag = ? WHERE games_id = ? AND code = ?",
            (NATION, FLAG, GAMES, NOC),
        )
        connection.execute(
            "UPDATE athletes SET name = ?, native_name = ? WHERE games_id = ? AND id = ?",
            (ATHLETE, NATIVE, GAMES, ATHLETE_ID),
        )
        connection.execute(
            "UPDATE results SET mark = ?, note = ? WHERE games_id = ? AND event_id = ?"
            " AND medal = 'gold'",
            (MARK, NOTE, GAMES, EVENT_ID),
        )
        connection.execute("UPDATE games SET name = ? WHERE id = ?", (GAMES_NAME, GAMES))


@contextlib.asynccontextmanager
async def hostile_service(db: Path) -> AsyncIterator[GamesService]:
    """A store at ``db`` filled from the bundled data (unless it already holds them), the
    hostile text written into it, and the service over it (started again, so every view is
    read from the store); the store is closed afterwards."""
    store = await SqliteStore.open(db)
    await GamesService(store, GAMES, default_data_dir()).start()
    await store.close()
    await asyncio.to_thread(write_hostile, db)
    store = await SqliteStore.open(db)
    try:
        service = GamesService(store, GAMES, default_data_dir())
        await service.start()
        yield service
    finally:
        await store.close()
