"""The offline console: an interactive prompt that takes the command forms (``/medals korea``,
``medals korea``) and free text, answers from the service and renders answers as text. When a
name is ambiguous it lists numbered choices; typing the number picks one.

Free text goes to /ask first: it answers questions, and a bare name that one nation, athlete or
event matches with confidence (``korea``, ``choi min-jeong``). Only when /ask read the text as a
bare name it could not pin down (``Message.bare_name``: ``kim``, ``curling``, ``norway``) is the
text looked up as a nation, an athlete and an event, as the commands do: one confident match is
answered, several possibilities are listed as numbered choices (nations, then athletes, then
events), and nothing close keeps /ask's help with the nearest names to choose from. A question
/ask refused (another Games, an unsupported superlative) keeps its refusal."""

from __future__ import annotations

import shlex
from argparse import Namespace
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from bot.answers.controls import strip_controls
from bot.answers.models import (
    Answer,
    AthleteSummary,
    Disambiguation,
    EventResult,
    Message,
    NationSummary,
    NoMatch,
    PersonSummary,
    is_answered,
)
from bot.answers.text import choice_label, render_text
from bot.cli import QUERY_COMMANDS, UsageError, answer, query_parser
from bot.domain.resolution import Candidate, EntityKind
from bot.i18n import ENGLISH, Lang, words_for
from bot.service import GamesService

HELP = """Commands (a leading / is optional):
  medals NATION [--sport SPORT]      e.g. medals korea, medals 韩国 --sport short track
  athlete NAME                       e.g. athlete gilli kim
  event NAME [--sport SPORT]         e.g. event women's 3000m relay
  table [--sport S] [--top N] [--all] [--sort gold|total]
  ask QUESTION   or just type a question
  help, quit
A bare name (kim, curling) is looked up as a nation, an athlete and an event."""

#: What a bare name is looked up as, in the order choices are listed, and the word for each.
BARE_NAME_KINDS = {
    EntityKind.NATION: "nation",
    EntityKind.ATHLETE: "athlete",
    EntityKind.EVENT: "event",
}
MAX_CHOICES = 25


Chooser = Callable[[Candidate], Answer]


@dataclass(frozen=True)
class Shown:
    """An answer to print, and how a number typed next picks one of its choices (``choices``:
    given, else a Disambiguation's alternatives)."""

    answer: Answer
    choose: Chooser | None = None
    choices: tuple[Candidate, ...] = ()


class Console:
    """One console session over a service."""

    def __init__(self, service: GamesService, out: TextIO, lang: Lang = ENGLISH) -> None:
        self._service = service
        self._out = out
        self._words = words_for(lang)
        self._parser = query_parser()
        self._choose: Chooser | None = None
        self._choices: tuple[Candidate, ...] = ()

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
        if text.isdecimal() and self._choose is not None:
            number = int(text)
            if 1 <= number <= len(self._choices):
                self._show(Shown(self._choose(self._choices[number - 1])))
            else:
                self._print(self._words.t("Choose a number from 1 to {n}.", n=len(self._choices)))
            return True
        self._show(self._run(text))
        return True

    def _run(self, text: str) -> Shown:
        try:
            words = shlex.split(text.removeprefix("/"))
        except ValueError:
            words = text.removeprefix("/").split()
        if words and words[0].lower() in QUERY_COMMANDS:
            words[0] = words[0].lower()
            try:
                args = self._parser.parse_args(words)
            except UsageError as exc:
                return Shown(self._usage(str(exc).removeprefix(": ")))
            return Shown(answer(self._service, args), self._rerun(args))
        asked = self._service.queries.ask(text)
        if isinstance(asked, Message) and asked.bare_name:
            return self._bare_name(text, asked)
        return Shown(asked)

    def _usage(self, problem: str) -> Answer:
        return Message(
            provenance=self._service.library.provenance(), text=f"{problem}\n{HELP}", answered=False
        )

    def _rerun(self, args: Namespace) -> Chooser:
        """How to ask the same command again with a chosen id in place of the ambiguous name."""

        def with_choice(choice: Candidate) -> Answer:
            if choice.kind is EntityKind.SPORT:
                args.sport = choice.id
            elif args.command == "medals":
                args.nation = [choice.id]
            elif args.command in {"athlete", "event"}:
                args.name = [choice.id]
            return answer(self._service, args)

        return with_choice

    # --- bare names ----------------------------------------------------------------------------

    def _lookup(self, kind: EntityKind, text: str) -> Answer:
        """``text`` as the command for ``kind`` reads it (``medals``, ``athlete``, ``event``)."""
        queries = self._service.queries
        if kind is EntityKind.NATION:
            return queries.medals(text)
        if kind is EntityKind.ATHLETE:
            return queries.athlete(text)
        return queries.event(text)

    def _choose_bare(self, choice: Candidate) -> Answer:
        return self._lookup(choice.kind, choice.id)

    def _bare_name(self, text: str, asked: Message) -> Shown:
        """A bare name /ask could not pin down, looked up as each kind of name: one confident
        answer is shown; several confident ones, or else every kind's possibilities, are
        choices; nothing close keeps /ask's help, with the nearest names when there are some."""
        found = [self._lookup(kind, text) for kind in BARE_NAME_KINDS]
        confident = [a for a in found if is_answered(a)]
        if len(confident) == 1:
            return Shown(confident[0])
        if confident:
            options = [c for a in confident if (c := candidate_of(a)) is not None]
        else:
            options = [c for a in found if isinstance(a, Disambiguation) for c in a.alternatives]
        if options:
            return self._choices_of(text, options[:MAX_CHOICES], asked)
        nearest = [
            c for a in found if isinstance(a, NoMatch) and a.nearest for c in a.suggestions[:5]
        ]
        if not nearest:
            return Shown(asked)
        data_games = self._service.library.view().index.data.games
        w = self._words
        head = w.t(
            "Nothing called {text} in the {games}: no nation, athlete or event by that name. "
            "Did you mean:",
            text=repr(text),
            games=w.games(data_games.name, data_games.aliases),
        )
        return self._listed(asked, head, nearest[:MAX_CHOICES])

    def _choices_of(self, text: str, options: list[Candidate], asked: Message) -> Shown:
        kinds = {c.kind for c in options}
        if len(kinds) == 1:
            choice = Disambiguation(
                provenance=asked.provenance,
                kind=kinds.pop(),
                query=text,
                alternatives=tuple(options),
            )
            return Shown(choice, self._choose_bare)
        head = self._words.t("{text} could be several things; which one?", text=repr(text))
        return self._listed(asked, head, options)

    def _listed(self, asked: Message, head: str, options: list[Candidate]) -> Shown:
        """Numbered choices that may be of several kinds, each named with its kind."""
        w = self._words
        lines = [head]
        lines.extend(
            f"  {n}. {choice_label(c, w)} · {w.t(BARE_NAME_KINDS.get(c.kind, c.kind.value))}"
            for n, c in enumerate(options, start=1)
        )
        listing = Message(provenance=asked.provenance, text="\n".join(lines), answered=False)
        return Shown(listing, self._choose_bare, tuple(options))

    # --- output --------------------------------------------------------------------------------

    def _show(self, shown: Shown) -> None:
        self._print(render_text(shown.answer, self._words))
        choices = shown.choices
        if not choices and isinstance(shown.answer, Disambiguation):
            choices = shown.answer.alternatives
        if choices and shown.choose is not None:
            self._choose = shown.choose
            self._choices = choices
            self._print(self._words.t("Type a number to choose."))
        else:
            self._choose = None
            self._choices = ()

    def _print(self, text: str) -> None:
        """Write a line to the terminal, without control characters from the data."""
        self._out.write(strip_controls(text) + "\n")
        self._out.flush()


def candidate_of(result: Answer) -> Candidate | None:
    """The choice that stands for a confident answer (when a name means several things)."""
    if isinstance(result, NationSummary):
        n = result.nation
        return Candidate(kind=EntityKind.NATION, id=n.code, label=f"{n.name} ({n.code})")
    if isinstance(result, AthleteSummary):
        a = result.athlete
        return Candidate(kind=EntityKind.ATHLETE, id=a.id, label=f"{a.name} ({a.noc})")
    if isinstance(result, PersonSummary) and result.games:
        a = result.games[0].athlete
        return Candidate(kind=EntityKind.ATHLETE, id=result.person_id, label=f"{a.name} ({a.noc})")
    if isinstance(result, EventResult):
        e = result.event
        return Candidate(kind=EntityKind.EVENT, id=e.id, label=f"{e.name} ({e.sport})")
    return None


def run_console(
    service: GamesService,
    lines: TextIO,
    out: TextIO,
    *,
    interactive: bool,
    lang: Lang = ENGLISH,
) -> int:
    """Read lines until end of input or ``quit``; return the exit code (0)."""
    console = Console(service, out, lang)
    if interactive:
        w = words_for(lang)
        games = service.library.view().index.data.games
        name = w.games(games.name, games.aliases)
        greeting = w.t("gamesbot console · {games} · type help, or quit", games=name)
        out.write(strip_controls(greeting) + "\n")
    while True:
        if interactive:
            out.write("> ")
            out.flush()
        line = lines.readline()
        if not line or not console.handle(line):
            return 0
