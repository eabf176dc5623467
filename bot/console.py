"""The offline console: an interactive prompt that takes the command forms (``/medals korea``,
``medals korea``) and free text, answers from the service and renders answers as text. When a
name is ambiguous it lists numbered choices; typing the number picks one."""

from __future__ import annotations

import shlex
from argparse import Namespace
from collections.abc import Callable
from typing import TextIO

from bot.answers.models import Answer, Disambiguation, Message
from bot.answers.text import render_text
from bot.cli import QUERY_COMMANDS, UsageError, answer, query_parser
from bot.domain.resolution import EntityKind
from bot.service import GamesService

HELP = """Commands (a leading / is optional):
  medals NATION [--sport SPORT]      e.g. medals korea, medals 韩国 --sport short track
  athlete NAME                       e.g. athlete gilli kim
  event NAME [--sport SPORT]         e.g. event women's 3000m relay
  table [--sport S] [--top N] [--all] [--sort gold|total]
  ask QUESTION   or just type a question
  help, quit"""


class Console:
    """One console session over a service."""

    def __init__(self, service: GamesService, out: TextIO) -> None:
        self._service = service
        self._out = out
        self._parser = query_parser()
        self._choose: Callable[[str], Answer] | None = None
        self._choices: tuple[str, ...] = ()

    def handle(self, line: str) -> bool:
        """Answer one input line; False when the user wants to leave."""
        text = line.strip()
        if not text:
            return True
        if text.lower() in {"quit", "exit", "/quit", "/exit", "q"}:
            return False
        if text.lower() in {"help", "/help", "?"}:
            self._print(HELP)
            return True
        if text.isdigit() and self._choose is not None:
            number = int(text)
            if 1 <= number <= len(self._choices):
                self._show(self._choose(self._choices[number - 1]), None)
            else:
                self._print(f"Choose a number from 1 to {len(self._choices)}.")
            return True
        self._show(*self._run(text))
        return True

    def _run(self, text: str) -> tuple[Answer, Callable[[EntityKind, str], Answer] | None]:
        try:
            words = shlex.split(text.removeprefix("/"))
        except ValueError:
            words = text.removeprefix("/").split()
        if words and words[0].lower() in QUERY_COMMANDS:
            words[0] = words[0].lower()
            try:
                args = self._parser.parse_args(words)
            except UsageError as exc:
                return self._usage(str(exc).removeprefix(": ")), None
            return answer(self._service, args), self._rerun(args)
        return self._service.queries.ask(text), None

    def _usage(self, problem: str) -> Answer:
        return Message(
            provenance=self._service.library.provenance(), text=f"{problem}\n{HELP}", answered=False
        )

    def _rerun(self, args: Namespace) -> Callable[[EntityKind, str], Answer]:
        """How to ask the same command again with a chosen id in place of the ambiguous name."""

        def with_choice(kind: EntityKind, choice: str) -> Answer:
            if kind is EntityKind.SPORT:
                args.sport = choice
            elif args.command == "medals":
                args.nation = [choice]
            elif args.command in {"athlete", "event"}:
                args.name = [choice]
            return answer(self._service, args)

        return with_choice

    def _show(self, result: Answer, rerun: Callable[[EntityKind, str], Answer] | None) -> None:
        self._print(render_text(result))
        if isinstance(result, Disambiguation) and rerun is not None:
            kind = result.kind
            self._choose = lambda choice: rerun(kind, choice)
            self._choices = tuple(c.id for c in result.alternatives)
            self._print("Type a number to choose.")
        else:
            self._choose = None
            self._choices = ()

    def _print(self, text: str) -> None:
        self._out.write(text + "\n")
        self._out.flush()


def run_console(service: GamesService, lines: TextIO, out: TextIO, *, interactive: bool) -> int:
    """Read lines until end of input or ``quit``; return the exit code (0)."""
    console = Console(service, out)
    if interactive:
        out.write(
            f"gamesbot console · {service.library.view().index.data.games.name} · type help, or quit\n"
        )
    while True:
        if interactive:
            out.write("> ")
            out.flush()
        line = lines.readline()
        if not line or not console.handle(line):
            return 0
