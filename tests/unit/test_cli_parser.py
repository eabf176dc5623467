"""The parser of one query command (``build_parser("medals")``, what a one-shot builds) parses a
command line that starts with it exactly as the full parser does: the same values, the same
errors, the same help."""

from __future__ import annotations

import contextlib
import io

import pytest

from bot import cli

LINES = [
    ["medals", "korea"],
    ["medals", "south", "korea", "--json", "--games", "all"],
    ["medals", "kor", "--sport", "snowboarding", "--lang", "ko"],
    ["medals", "korea", "--gam", "harbin"],  # an abbreviated option
    ["medals"],
    ["medals", "korea", "--bogus"],
    ["medals", "korea", "--lang", "xx"],
    ["medals", "korea", "--version"],
    ["medals", "-h"],
    ["athlete", "gilli", "kim", "--json"],
    ["athlete"],
    ["event", "women's", "500m", "--sport", "short track"],
    ["table", "--top", "3", "--sort", "total", "--all"],
    ["table", "--top", "x"],
    ["table", "--sort", "silver"],
    ["table", "--help"],
    ["ask", "who", "won", "the", "most", "golds", "--games", "harbin"],
    ["ask"],
]


def outcome(parser: cli._Parser, line: list[str]) -> tuple[str, object, str]:
    """What parsing ``line`` gives: its values, or its error, or what it printed as it exited."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            return ("values", vars(parser.parse_args(line)), printed.getvalue())
    except cli.UsageError as exc:
        return ("error", str(exc), printed.getvalue())
    except SystemExit as exc:
        return ("exit", exc.code, printed.getvalue())


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_one_query_commands_parser_parses_as_the_full_parser(line: list[str]) -> None:
    alone = outcome(cli.build_parser(line[0]), line)
    assert alone == outcome(cli.build_parser(), line)
    assert alone[0] != "exit" or alone[2]  # help was printed


def test_only_query_commands_have_a_parser_of_their_own() -> None:
    """Any other first word (an admin command, an option, a typo) gets the full parser."""
    full = cli.build_parser().format_help()
    for first in ("load", "history", "--version", "-h", "medal", None):
        assert cli.build_parser(first).format_help() == full
    assert cli.build_parser("medals").format_help() != full
