"""The limits of a results file and the rules every text value of one obeys.

The limits leave ample headroom over real results (docs/results-format.md gives the longest real
name, note and mark beside each limit). They are checked before costly work: the size before
reading, the nesting depth before parsing JSON, the counts of rows, events and athletes before
planning, and the length of every text value while reading it, so that no single upload can make
a load (or the name index built from it afterwards) slow or large.

Each text value is one of a few kinds (``Name``, ``Mark``, ``Note``, ...): pydantic types whose
validators refuse a wrong type (a number where text is expected), control characters, and text
that is too long; names must also keep a letter or digit after folding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from bot.domain.names import fold

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
MAX_EVENTS = 2_000
MAX_NOCS = 300
#: Entries of the ``athletes`` section, and distinct athlete names (per NOC) in the results.
MAX_ATHLETES = 50_000
#: Items of any one list inside a record: aliases, sources, notes, the athletes of one result.
MAX_ITEMS = 100
#: Nesting of JSON arrays and objects (a valid file needs 6).
MAX_DEPTH = 10
#: Digits of a JSON number; longer ones are refused before Python converts them.
MAX_DIGITS = 18
MAX_RANK = 10_000
MIN_BIRTH_YEAR = 1900
MAX_BIRTH_YEAR = 2100

NAME_CHARS = 200
WORD_CHARS = 60
MARK_CHARS = 100
LINE_CHARS = 300
URL_CHARS = 2_000
NOTE_CHARS = 4_000
FLAG_CHARS = 20

#: C0 and C1 controls, DEL, line and paragraph separators, and the bidi embeddings, overrides
#: and isolates (which reorder what a terminal or Discord shows). Tab and line breaks are allowed
#: in notes only.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"
_IN_A_LINE = re.compile(f"[\t\n\r{_CONTROLS}{_SURROGATES}]")
_IN_A_NOTE = re.compile(f"[{_CONTROLS}{_SURROGATES}]|\r(?!\n)")


def shown(value: object, limit: int = 40) -> str:
    """A value quoted for a problem message: escaped like ``repr`` and cut to ``limit``
    characters, so no message repeats a huge or hostile value."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        return repr(text)
    return repr(value)[:limit]


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def path_part(key: object, *, first: bool = False) -> str:
    """One step of a JSON path: ``.medal`` (``medal`` first), ``[2]``, or an odd key quoted
    (``['\\x1b[2J']``) so a path never carries control characters or a huge key."""
    if isinstance(key, int):
        return f"[{key}]"
    text = str(key)
    if _PLAIN_KEY.fullmatch(text):
        return text if first else f".{text}"
    return f"[{shown(text)}]"


def _control_problem(text: str, pattern: re.Pattern[str]) -> str | None:
    found = pattern.search(text)
    if found is None:
        return None
    char = found.group()[0]
    if "\ud800" <= char <= "\udfff":
        return "contains an invalid \\u escape (a lone surrogate); use real UTF-8 text"
    what = {"\t": "a tab", "\n": "a line break", "\r": "a line break"}.get(
        char, f"a control character (U+{ord(char):04X})"
    )
    return f"contains {what} at character {found.start() + 1}; remove it"


def _must_be_text(value: object) -> object:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"must be text in quotes, not {_type_word(value)}")
    return value


def _text_or_empty(value: object) -> object:
    return "" if value is None else _must_be_text(value)


def _type_word(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float) or type(value).__name__ == "HugeNumber":
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


def _line(limit: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        if len(text) > limit:
            raise ValueError(f"too long: {len(text):,} characters (the limit is {limit:,})")
        problem = _control_problem(text, _IN_A_LINE)
        if problem:
            raise ValueError(problem)
        return text

    return check


def check_name(text: str) -> str:
    """A name (athlete, event, sport, NOC, Games): one line of at most ``NAME_CHARS``
    characters, no word longer than ``WORD_CHARS``, and a letter or digit left after folding."""
    text = _line(NAME_CHARS)(text)
    if not text:
        return text
    folded = fold(text)
    if not folded:
        raise ValueError(
            f"name {shown(text)} has no letters or digits (only punctuation, symbols or "
            "invisible characters)"
        )
    longest = max(folded.split(), key=len)
    if len(longest) > WORD_CHARS:
        raise ValueError(
            f"has a word of {len(longest):,} characters (the limit is {WORD_CHARS}); "
            "is a space missing?"
        )
    return text


def check_note(text: str) -> str:
    """Free text: at most ``NOTE_CHARS`` characters; tabs and line breaks are allowed."""
    if len(text) > NOTE_CHARS:
        raise ValueError(f"too long: {len(text):,} characters (the limit is {NOTE_CHARS:,})")
    problem = _control_problem(text, _IN_A_NOTE)
    if problem:
        raise ValueError(problem)
    return text.replace("\r\n", "\n")


def _required(text: str) -> str:
    if not text:
        raise ValueError("is empty")
    return text


#: A name that must be given (event, sport, an athlete of a result, a NOC's name).
Name = Annotated[
    str, BeforeValidator(_must_be_text), AfterValidator(check_name), AfterValidator(_required)
]
#: A name that may be left empty (official name, native name).
OptionalName = Annotated[str, BeforeValidator(_text_or_empty), AfterValidator(check_name)]
#: A mark: time, score or distance, one line.
Mark = Annotated[str, BeforeValidator(_text_or_empty), AfterValidator(_line(MARK_CHARS))]
#: Other one-line text: venue, ids.
Line = Annotated[str, BeforeValidator(_text_or_empty), AfterValidator(_line(LINE_CHARS))]


def _optional(check: Callable[[str], str]) -> Callable[[str | None], str | None]:
    return lambda text: None if text is None else check(text)


#: One-line text that may be absent (``null``): a Games id, a person id.
OptionalLine = Annotated[
    str | None, BeforeValidator(_must_be_text), AfterValidator(_optional(_line(LINE_CHARS)))
]
#: A source address.
Url = Annotated[
    str, BeforeValidator(_must_be_text), AfterValidator(_line(URL_CHARS)), AfterValidator(_required)
]
#: A flag emoji.
Flag = Annotated[str, BeforeValidator(_text_or_empty), AfterValidator(_line(FLAG_CHARS))]
#: Free text: notes of a result, an event or a file.
Note = Annotated[str, BeforeValidator(_text_or_empty), AfterValidator(check_note)]
