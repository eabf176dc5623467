"""Reading a results file safely: from a path without reading past the size limit (and never
from a FIFO, a device or a directory), and JSON text into Python values with its depth checked
before parsing, numbers bounded before conversion and duplicate keys reported by path."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.domain.errors import InvalidResultsFile, Problem
from bot.ingest.limits import MAX_BYTES, MAX_DEPTH, MAX_DIGITS, path_part, shown

_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_ONE_KIND = str.maketrans("{}", "[]")


def too_large(source: str, size: int) -> InvalidResultsFile:
    """The refusal of a file over ``MAX_BYTES``."""
    return InvalidResultsFile(
        source, [Problem("file", f"too large: {size:,} bytes (the limit is {MAX_BYTES:,})")]
    )


def read_results_path(path: Path) -> bytes:
    """The bytes of the results file at ``path``. A path that is not a regular file, or a file
    over the limit, raises ``InvalidResultsFile``; at most ``MAX_BYTES + 1`` bytes are read even
    if the file grows meanwhile. ``OSError`` when it cannot be opened."""
    # Non-blocking: opening a FIFO without a writer would otherwise wait forever.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise InvalidResultsFile(
                path.name,
                [
                    Problem(
                        "file", f"not a regular file ({_kind(status.st_mode)}); give a results file"
                    )
                ],
            )
        if status.st_size > MAX_BYTES:
            raise too_large(path.name, status.st_size)
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as handle:
        content = handle.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise too_large(path.name, len(content))
    return content


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((word for test, word in kinds if test(mode)), "not a file")


class HugeNumber:
    """A JSON number with more than ``MAX_DIGITS`` digits, kept as its text: no field accepts
    one, and converting it could be slow (or, beyond 4,300 digits, refused by Python)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"a number of {len(self.text):,} characters"


class DuplicateKeys(dict[str, Any]):
    """A JSON object that named a key more than once (``keys_twice``: those keys)."""

    keys_twice: tuple[str, ...] = ()


class _NotJson(ValueError):
    """NaN or Infinity: Python's JSON reader accepts them, JSON does not."""


def _int(text: str) -> int | HugeNumber:
    return HugeNumber(text) if len(text.lstrip("-")) > MAX_DIGITS else int(text)


def _float(text: str) -> float | HugeNumber:
    return HugeNumber(text) if len(text) > MAX_DIGITS * 2 else float(text)


def _constant(text: str) -> None:
    raise _NotJson(f"{text} is not a JSON number")


def _objects(duplicated: list[DuplicateKeys]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """The ``object_pairs_hook`` of one read: plain dicts, and a ``DuplicateKeys`` (also listed
    in ``duplicated``) for an object that names a key twice."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        seen: set[str] = set()
        twice = []
        for key, _ in pairs:
            if key in seen:
                twice.append(key)
            seen.add(key)
        marked = DuplicateKeys(obj)
        marked.keys_twice = tuple(dict.fromkeys(twice))
        duplicated.append(marked)
        return marked

    return build


def json_depth_exceeds(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether arrays and objects nest deeper than ``limit``, counted outside strings (and
    without parsing, so a deep file cannot exhaust the parser's recursion)."""
    brackets = original = _NOT_BRACKETS.sub("", _STRINGS.sub("", text)).translate(_ONE_KIND)
    # Each pass removes every innermost pair: ``limit`` passes empty a file no deeper than that.
    for _ in range(limit):
        shorter = brackets.replace("[]", "")
        if not shorter:
            return False
        if len(shorter) == len(brackets):
            break
        brackets = shorter
    depth = 0  # deeper, or unbalanced (which the parser reports): count to be sure
    for char in original:
        depth += 1 if char == "[" else -1
        if depth > limit:
            return True
    return False


def load_json(source: str, text: str) -> Any:
    """The value of a JSON text, or ``InvalidResultsFile`` for a file that is not JSON, nests too
    deeply, or names a key twice in one object (with the path of that object)."""
    if json_depth_exceeds(text):
        raise InvalidResultsFile(
            source,
            [Problem("file", f"nested too deeply: more than {MAX_DEPTH} levels of [ ] and {{ }}")],
        )
    duplicated: list[DuplicateKeys] = []
    try:
        raw = json.loads(
            text,
            object_pairs_hook=_objects(duplicated),
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as exc:
        raise InvalidResultsFile(
            source,
            [Problem(f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}")],
        ) from None
    except (_NotJson, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, _NotJson) else "nested too deeply"
        raise InvalidResultsFile(source, [Problem("file", f"not valid JSON: {reason}")]) from None
    if duplicated:
        raise InvalidResultsFile(source, _duplicate_keys(raw, ""))
    return raw


def _duplicate_keys(value: Any, path: str) -> list[Problem]:
    """Every object under ``value`` that named a key twice, by path (depth is bounded)."""
    found: list[Problem] = []
    if isinstance(value, DuplicateKeys):
        for key in value.keys_twice:
            found.append(Problem(path or "file", f"key {shown(key)} is given more than once"))
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                found.extend(_duplicate_keys(item, path + path_part(key, first=not path)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                found.extend(_duplicate_keys(item, f"{path}[{index}]"))
    return found
