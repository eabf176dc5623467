"""The command line's grammar and its answers: argument parsing for every ``gamesbot`` subcommand,
turning parsed query commands into service calls, printing answers (text or ``--json``) and the
exit codes (0 answered, 1 no match or ambiguous, 2 usage or configuration, 3 invalid results file)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from bot import __version__
from bot.answers.controls import escape_controls_in_json, strip_controls
from bot.answers.models import Answer, answer_adapter, is_answered
from bot.answers.text import render_text
from bot.domain.errors import (
    InvalidResultsFile,
    NothingToUndoError,
    NotLatestLoadError,
    StalePreviewError,
)
from bot.domain.models import LoadRecord
from bot.i18n import ENGLISH, Lang, lang_of_posix, parse_lang, words_for
from bot.service import GamesService

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_USAGE = 2
EXIT_INVALID_FILE = 3

QUERY_COMMANDS = ("medals", "athlete", "event", "table", "ask")
ADMIN_COMMANDS = ("load", "history", "undo", "export")


class UsageError(Exception):
    """A command line that cannot be understood (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so the console can reuse it."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _lang(value: str) -> Lang:
    try:
        return parse_lang(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The ``--lang`` option: the language answers are written in."""
    parser.add_argument(
        "--lang",
        type=_lang,
        metavar="|".join(lang.value for lang in Lang if lang is not ENGLISH),
        help="write answers in this language (default: from LANG, else English)",
    )


def chosen_lang(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> Lang:
    """The language of the answers: ``--lang``, else the locale of the environment (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``, as POSIX reads them), else English."""
    given: Lang | None = getattr(args, "lang", None)
    if given is not None:
        return given
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return lang_of_posix(environ[name]) or ENGLISH
    return ENGLISH


def _query_parsers(sub: argparse._SubParsersAction[_Parser], only: str | None = None) -> None:
    """The query commands' parsers (``only``: that one alone)."""

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print the answer model as JSON")
        parser.add_argument(
            "--games", help="Games id (default: the GAMESBOT_DEFAULT_GAMES setting)"
        )
        add_lang(parser)

    def wanted(name: str) -> bool:
        return only is None or name == only

    if wanted("medals"):
        medals = sub.add_parser(
            "medals", help="a nation's medals: rank, tally, by sport, every medal"
        )
        medals.add_argument(
            "nation", nargs="+", help="nation name, code or alias (a sport may follow)"
        )
        medals.add_argument("--sport", help="only this sport")
        common(medals)

    if wanted("athlete"):
        athlete = sub.add_parser(
            "athlete", help="an athlete's events, ranks, marks, notes and medals"
        )
        athlete.add_argument("name", nargs="+", help="athlete name, any order or spelling")
        common(athlete)

    if wanted("event"):
        event = sub.add_parser("event", help="an event's podium and every known place")
        event.add_argument("name", nargs="+", help='event name, e.g. "women\'s 3000m relay"')
        event.add_argument("--sport", help="the sport, when a name exists in two sports")
        common(event)

    if wanted("table"):
        table = sub.add_parser("table", help="the medal table")
        table.add_argument("--sport", help="only this sport")
        table.add_argument("--top", type=int, metavar="N", help="only the top N ranks")
        table.add_argument(
            "--all", action="store_true", help="add the participating NOCs without medals"
        )
        table.add_argument(
            "--sort",
            choices=("gold", "total"),
            default="gold",
            help="rank by gold (default) or total",
        )
        common(table)

    if wanted("ask"):
        ask = sub.add_parser("ask", help="a free-form question")
        ask.add_argument("question", nargs="+")
        common(ask)


def _store_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    store = sub.add_parser("store", help="move the whole database between SQLite and PostgreSQL")
    actions = store.add_subparsers(
        dest="store_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    copy = actions.add_parser(
        "copy",
        help="copy everything (Games, loads and their history, follows, announced medals, "
        "server settings) into an empty store",
    )
    where = "a SQLite file path or a postgresql:// URL"
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL", help=where)
    copy.add_argument(
        "--to", dest="destination", required=True, metavar="PATH_OR_URL", help=f"{where} (empty)"
    )


def build_parser(command: str | None = None) -> _Parser:
    """The full ``gamesbot`` parser. With ``command``, a query command that the command line
    starts with, the parser of that command alone, which parses such a line (and says its help
    and errors) as the full one does: building the seventeen others cost a one-shot 2 ms."""
    parser = _Parser(
        prog="gamesbot",
        description="Answers questions about a multi-sport Games. Without a command: runs the Discord "
        "bot when DISCORD_TOKEN is set, else the offline console.",
    )
    parser.add_argument("--version", action="version", version=f"gamesbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if command in QUERY_COMMANDS:
        _query_parsers(sub, only=command)
        return parser
    _query_parsers(sub)
    load = sub.add_parser("load", help="load a results file (CSV or JSON): preview, confirm, apply")
    load.add_argument("file", help="results file (see docs/results-format.md)")
    load.add_argument("--dry-run", action="store_true", help="only show what would change")
    load.add_argument("--yes", action="store_true", help="apply without asking")
    load.add_argument("--json", action="store_true", help="print the preview as JSON")
    load.add_argument("--games", help="Games id when the file names none")

    history = sub.add_parser("history", help="list the loads, newest first")
    history.add_argument("--json", action="store_true")
    history.add_argument("--games")

    undo = sub.add_parser(
        "undo",
        help="revert the most recent load (names it and asks first; refuses, exit 1, when "
        "another load came in between)",
    )
    undo.add_argument(
        "--load",
        type=int,
        metavar="ID",
        help="undo this load (see `gamesbot history`), only if it is still the latest",
    )
    undo.add_argument(
        "--yes", action="store_true", help="undo without asking (with --load: only that load)"
    )
    undo.add_argument("--json", action="store_true")
    undo.add_argument("--games")

    export = sub.add_parser("export", help="write the current data as a results file")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.add_argument("--games")

    sub.add_parser("health", help="exit 0 when the database and (if running) the bot are healthy")
    backup = sub.add_parser(
        "backup", help="copy the database with SQLite's online backup (safe while running)"
    )
    backup.add_argument("path", help="backup file to write")
    restore = sub.add_parser(
        "restore", help="replace the database with a backup (stop the bot first)"
    )
    restore.add_argument("path", help="backup file to read")

    _store_parsers(sub)
    console = sub.add_parser(
        "console", help="interactive prompt taking the same commands and free text"
    )
    add_lang(console)
    sub.add_parser("run", help="start the Discord bot (needs DISCORD_TOKEN)")
    sync = sub.add_parser(
        "sync", help="register the slash commands with Discord (needs DISCORD_TOKEN)"
    )
    where = sync.add_mutually_exclusive_group()
    where.add_argument(
        "--guild", type=int, metavar="ID", help="register in this guild only (instant)"
    )
    where.add_argument(
        "--global",
        dest="globally",
        action="store_true",
        help="register globally even if DEV_GUILD_ID is set",
    )
    return parser


def query_parser() -> _Parser:
    """A parser of the query commands only, for the console (``/medals korea``)."""
    parser = _Parser(prog="", add_help=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _query_parsers(sub)
    return parser


async def prepare(service: GamesService, args: argparse.Namespace) -> None:
    """Build the views a parsed query command reads (after ``GamesService.start(views=False)``):
    every Games for ``all``, for ``ask`` and for a person across Games (``athlete`` without
    ``--games``); else only the Games it names, or the default Games."""
    games = getattr(args, "games", None)
    library = service.library
    every = (
        library.is_all(games)
        or args.command == "ask"
        or (args.command == "athlete" and games is None)
    )
    await library.prepare(games, every=every)


def answer(service: GamesService, args: argparse.Namespace) -> Answer:
    """Run a parsed query command against the service."""
    games = getattr(args, "games", None)
    match args.command:
        case "medals":
            return service.queries.medals(" ".join(args.nation), args.sport, games=games)
        case "athlete":
            return service.queries.athlete(" ".join(args.name), games=games)
        case "event":
            return service.queries.event(" ".join(args.name), args.sport, games=games)
        case "table":
            return service.queries.table(
                args.sport, top=args.top, include_all=args.all, sort=args.sort, games=games
            )
        case "ask":
            return service.queries.ask(" ".join(args.question), games=games)
    raise UsageError(f"not a query command: {args.command}")


def print_answer(
    result: Answer, *, as_json: bool, out: TextIO = sys.stdout, lang: Lang = ENGLISH
) -> int:
    """Print an answer (text in ``lang``, or the model as JSON); return its exit code."""
    if as_json:
        # JSON keeps the data; what its encoder leaves raw (C1, DEL, bidi) is escaped.
        out.write(escape_controls_in_json(answer_adapter().dump_json(result, indent=2).decode()))
        out.write("\n")
    else:
        out.write(render_text(result, words_for(lang)) + "\n")
    return EXIT_OK if is_answered(result) else EXIT_NO_MATCH


def _confirm(question: str, stdin: TextIO, out: TextIO) -> bool:
    out.write(f"{question} [y/N] ")
    out.flush()
    return stdin.readline().strip().lower() in {"y", "yes"}


async def admin(
    service: GamesService, args: argparse.Namespace, *, stdin: TextIO, out: TextIO, err: TextIO
) -> int:
    """The moderator commands: load, history, undo, export."""
    games = getattr(args, "games", None)
    try:
        match args.command:
            case "load":
                return await _load(service, args, stdin=stdin, out=out)
            case "history":
                return print_answer(await service.loads.history(games), as_json=args.json, out=out)
            case "undo":
                return await _undo(service, args, stdin=stdin, out=out)
            case "export":
                from bot.ingest.parse import MAX_BYTES

                content = service.loads.export(args.format, games)
                if len(content) > MAX_BYTES:
                    err.write(
                        f"gamesbot: warning: this export is {len(content):,} bytes, more than "
                        f"the {MAX_BYTES:,} a load accepts; it cannot be loaded back whole\n"
                    )
                if args.output:
                    await asyncio.to_thread(Path(args.output).write_bytes, content)
                else:
                    out.write(content.decode("utf-8"))
                return EXIT_OK
    except InvalidResultsFile as exc:
        err.write(strip_controls(f"gamesbot: {exc}\n"))
        return EXIT_INVALID_FILE
    except (StalePreviewError, NothingToUndoError) as exc:
        err.write(strip_controls(f"gamesbot: {exc}\n"))
        return EXIT_NO_MATCH
    raise UsageError(f"not an admin command: {args.command}")


def undo_question(load: LoadRecord) -> str:
    """``Undo load 7 (dsq.csv, loaded 2025-02-10 09:30 UTC from the command line)?``"""
    when = load.loaded_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    who = f"by user {load.user_id}" if load.user_id else "from the command line"
    return f"Undo load {load.load_id} ({load.source}, loaded {when} {who})?"


async def _undo(
    service: GamesService, args: argparse.Namespace, *, stdin: TextIO, out: TextIO
) -> int:
    """Undo the load asked about, or nothing: ``--load ID`` names it; otherwise the question
    names the latest, and the answer undoes that one only (``NotLatestLoadError``, exit 1, when
    another load or undo came in between). ``--yes`` alone undoes whatever is latest."""
    loads = service.loads
    expected: int | None = args.load
    if not args.yes:
        load = await loads.next_undo(args.games)
        if expected is not None and load.load_id != expected:
            raise NotLatestLoadError(expected, load.load_id)
        if not _confirm(undo_question(load), stdin, out):
            out.write("Not undone; nothing changed.\n")
            return EXIT_OK
        expected = load.load_id
    if expected is None:
        result = await loads.undo(user_id=None, games=args.games)
    elif args.load is not None:
        result = await loads.undo_load(expected, user_id=None, games=args.games)
    else:
        result = await loads.undo(user_id=None, games=args.games, expect_load_id=expected)
    return print_answer(result, as_json=args.json, out=out)


async def _load(
    service: GamesService, args: argparse.Namespace, *, stdin: TextIO, out: TextIO
) -> int:
    from bot.ingest.reading import read_results_path

    path = Path(args.file)
    try:
        # Checked before reading: a FIFO, a device or a directory is refused, and no more than
        # the size limit is ever read.
        content = await asyncio.to_thread(read_results_path, path)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    if args.yes and not args.dry_run:
        # Nobody reads a preview first: the file is planned once, inside the load, and applied
        # whatever was loaded before it (as it would be a moment later).
        applied = await service.loads.load(
            path.name, content, user_id=None, expect_last_load="any", games=args.games
        )
        return print_answer(applied, as_json=args.json, out=out)
    preview = service.loads.preview_load(path.name, content, args.games)
    print_answer(preview, as_json=args.json, out=out)
    if args.dry_run or not preview.changes_anything:
        return EXIT_OK
    if not _confirm("Apply these changes?", stdin, out):
        out.write("Not applied; nothing changed.\n")
        return EXIT_OK
    applied = await service.loads.load(
        path.name, content, user_id=None, expect_last_load=preview.base_load_id, games=args.games
    )
    return print_answer(applied, as_json=args.json, out=out)
