"""Control characters out of shown text: stored data may hold them (``\\u001b[2J`` clears an
operator's terminal, a bidi override reorders what a reader sees), so every renderer's output
loses them on the way out. Terminal escape sequences go whole, then any other C0 or C1 control
character (newline and tab are kept: the renderers' own layout), DEL, and the bidi embedding,
override and isolate controls. JSON keeps the data but escapes the characters its encoder
leaves raw (C1, DEL, the bidi controls), so printed JSON is as inert as printed text."""

from __future__ import annotations

import re

#: ANSI/ECMA-48 sequences (CSI, OSC, DCS and the like, 7-bit or 8-bit introducers), then lone
#: control characters.
_SEQUENCES = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS…
    r"|\x1b[ -/]*[0-~]"  # other escape sequences (ESC c, ESC ( B, …)
)
_LONE = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
CONTROLS = re.compile(f"{_SEQUENCES}|{_LONE}")
#: What JSON encoders leave raw but a terminal would act on.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """``text`` without control characters or terminal escape sequences (newlines and tabs kept;
    a carriage return before a newline goes, any other becomes a newline)."""
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROLS.sub("", text)


def escape_controls_in_json(text: str) -> str:
    """JSON text with the characters its encoder leaves raw written as ``\\uXXXX`` escapes (the
    same string to any JSON reader)."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
