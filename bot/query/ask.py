"""``/ask``: answers a free-form question about one Games from its results data only.

The question is split into clauses (``bot.query.ask_parse``), each clause read into a draft query
(intent + entity text + filters), each draft resolved and answered (``bot.query.ask_answer``) with
the same Resolver and summaries as the commands. The answer carries the parsed queries beside the
answer text and its structured facts. A clause that names something ambiguous gives the same
``Disambiguation`` as the commands; a name outside the data a ``NoMatch`` ("I only have results for
the 2025 Asian Winter Games; ..."); another Games or an unreadable question a ``Message`` with
``answered=False`` and the closest command. No network, no model, no I/O: a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from bot.answers.ask import AskAnswer, AskPart
from bot.answers.models import Answer, Message
from bot.query.ask_answer import Answerer, Context, NotAnswered
from bot.query.ask_parse import (
    Unparsed,
    normalize,
    parse_clause,
    residual,
    split_clauses,
    translate_cjk,
)
from bot.query.index import GamesIndex
from bot.query.resolve import Resolver

#: Questions longer than this are cut (no one asks a 2,000-character question).
MAX_QUESTION = 500


def _native_names(index: GamesIndex) -> dict[str, str]:
    """Nation aliases in a non-Latin script → code (for reading Chinese and Korean questions)."""
    return {
        alias: code
        for code, nation in index.nations.items()
        for alias in nation.aliases
        if alias and not alias.isascii()
    }


def answer_question(question: str, index: GamesIndex, resolver: Resolver) -> Answer:
    """Answer a free-form ``question`` from ``index`` (see the module docstring)."""
    answerer = Answerer(index, resolver)
    games = index.data.games
    athletes = (n for a in index.athletes.values() for n in (a.name, a.native_name) if n)
    text = translate_cjk(
        question[:MAX_QUESTION],
        _native_names(index),
        keep=[n for n in athletes if not n.isascii()],
    )
    clauses = [normalize(c) for c in split_clauses(text)]
    clauses = [c for c in clauses if c]
    if not clauses:
        return _help(answerer)
    context = Context()
    parts: list[AskPart] = []
    for clause in clauses:
        draft = parse_clause(clause, games.start, games.end)
        if isinstance(draft, Unparsed):
            if draft.reason == "other_games":
                return Message(
                    provenance=answerer.prov,
                    text=(
                        f"I only have results for the {games.name} ({games.city}); "
                        f"I can't answer about “{draft.detail}”."
                    ),
                    answered=False,
                )
            if len(clauses) > 1:
                continue
            return _help(answerer, clauses)
        try:
            parts.append(answerer.answer(draft, context))
        except NotAnswered as refused:
            return refused.answer
    if not parts:
        return _help(answerer, clauses)
    answer = AskAnswer(
        provenance=answerer.prov,
        question=question,
        parsed=tuple(part.query for part in parts),
        parts=tuple(parts),
        text="\n\n".join(part.text for part in parts),
    )
    # ``Answer`` gains ``AskAnswer`` when the service wires /ask; the cast holds before and after.
    return cast("Answer", answer)


def _help(answerer: Answerer, clauses: Sequence[str] = ()) -> Message:
    """The help message, led by the command closest to the question when one is."""
    return answerer.help_message(residual(" ".join(clauses)))
