"""How Discord reads a string as Markdown, as far as the text-is-data tests need: what a reader
sees (``visible``) and which of a hostile string's constructs would be live (``live``).

Written from Discord's rules, independently of ``bot.discord_ui.markdown``: a backslash before
any character that is not a letter, a digit or a space shows that character and takes away its
meaning; an inline code span shows its content as it is; ``@`` followed by a zero-width space is
no mention."""

from __future__ import annotations

import re

ESCAPE = re.compile(r"\\([^0-9A-Za-z\s])")
CODE_SPAN = re.compile(r"`[^`\n]+`")
INERT = "\ue000"
#: Characters no shown text may hold: C0 but newline and tab, DEL, C1, the bidi controls.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Constructs at the start of a line: headings, subtext, quotes, lists.
LINE_START = re.compile(r"^\s*(?:#{1,3}\s|-#\s|>\s|>>>\s|[-*+]\s|\d+\.\s)", re.MULTILINE)


def visible(text: str) -> str:
    """What a reader sees (escapes resolved, zero-width spaces after ``@`` gone)."""
    return ESCAPE.sub(r"\1", text).replace("@\u200b", "@")


def without_escapes(text: str) -> str:
    """``text`` with every escaped character (and every code span) replaced by a character that
    means nothing: what is left is what Discord would read as Markdown."""
    return CODE_SPAN.sub(INERT, ESCAPE.sub(INERT, text))


def live(text: str, fragments: list[str]) -> list[str]:
    """The ``fragments`` that Discord would read as Markdown (or a mention) in ``text``."""
    bare = without_escapes(text)
    return [f for f in fragments if f in bare]


def live_line_starts(text: str) -> list[str]:
    """The lines of ``text`` that Discord would read as a heading, subtext, quote or list."""
    return [m.group(0) for m in LINE_START.finditer(without_escapes(text))]
