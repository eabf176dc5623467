"""The command line's grammar and its answers: argument parsing for every ``gamesbot`` subcommand,
turning parsed query commands into service calls, printing answers (text or ``--json``) and the
exit codes (0 answered, 1 no match or ambiguous, 2 usage or configuration, 3 invalid results file)."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from pydantic import TypeAdapter

from bot import __version__
from bot.answers.models import Answer, is_answered
from bot.answers.text import render_text
from bot.service import GamesService

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_USAGE = 2
EXIT_INVALID_FILE = 3

QUERY_COMMANDS = ("medals", "athlete", "event", "table", "ask")
_ANSWER = TypeAdapter(Answer)


class UsageError(Exception):
    """A command line that cannot be understood (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so the console can reuse it."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _query_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print the answer model as JSON")
        parser.add_argument(
            "--games", help="Games id (default: the GAMESBOT_DEFAULT_GAMES setting)"
        )

    medals = sub.add_parser("medals", help="a nation's medals: rank, tally, by sport, every medal")
    medals.add_argument("nation", nargs="+", help="nation name, code or alias (a sport may follow)")
    medals.add_argument("--sport", help="only this sport")
    common(medals)

    athlete = sub.add_parser("athlete", help="an athlete's events, ranks, marks, notes and medals")
    athlete.add_argument("name", nargs="+", help="athlete name, any order or spelling")
    common(athlete)

    event = sub.add_parser("event", help="an event's podium and every known place")
    event.add_argument("name", nargs="+", help='event name, e.g. "women\'s 3000m relay"')
    event.add_argument("--sport", help="the sport, when a name exists in two sports")
    common(event)

    table = sub.add_parser("table", help="the medal table")
    table.add_argument("--sport", help="only this sport")
    table.add_argument("--top", type=int, metavar="N", help="only the top N ranks")
    table.add_argument(
        "--all", action="store_true", help="add the participating NOCs without medals"
    )
    table.add_argument(
        "--sort", choices=("gold", "total"), default="gold", help="rank by gold (default) or total"
    )
    common(table)

    ask = sub.add_parser("ask", help="a free-form question")
    ask.add_argument("question", nargs="+")
    common(ask)


def build_parser() -> _Parser:
    """The full ``gamesbot`` parser."""
    parser = _Parser(
        prog="gamesbot",
        description="Answers questions about a multi-sport Games. Without a command: runs the Discord "
        "bot when DISCORD_TOKEN is set, else the offline console.",
    )
    parser.add_argument("--version", action="version", version=f"gamesbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _query_parsers(sub)
    sub.add_parser("console", help="interactive prompt taking the same commands and free text")
    sub.add_parser("run", help="start the Discord bot (needs DISCORD_TOKEN)")
    return parser


def query_parser() -> _Parser:
    """A parser of the query commands only, for the console (``/medals korea``)."""
    parser = _Parser(prog="", add_help=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _query_parsers(sub)
    return parser


def answer(service: GamesService, args: argparse.Namespace) -> Answer:
    """Run a parsed query command against the service."""
    games = getattr(args, "games", None)
    match args.command:
        case "medals":
            return service.medals(" ".join(args.nation), args.sport, games=games)
        case "athlete":
            return service.athlete(" ".join(args.name), games=games)
        case "event":
            return service.event(" ".join(args.name), args.sport, games=games)
        case "table":
            return service.table(
                args.sport, top=args.top, include_all=args.all, sort=args.sort, games=games
            )
        case "ask":
            return service.ask(" ".join(args.question), games=games)
    raise UsageError(f"not a query command: {args.command}")


def print_answer(result: Answer, *, as_json: bool, out: TextIO = sys.stdout) -> int:
    """Print an answer; return its exit code."""
    if as_json:
        out.write(_ANSWER.dump_json(result, indent=2).decode() + "\n")
    else:
        out.write(render_text(result) + "\n")
    return EXIT_OK if is_answered(result) else EXIT_NO_MATCH
