"""Spreadsheet formulas in CSV cells: a CSV export neutralises every cell a spreadsheet would
read as a formula (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) by
putting a single quote before it, as OWASP recommends against CSV injection; the loader reads
that quote back off, so an export still loads back unchanged (a mark of ``+0.512`` or a note of
``-1 lap`` included).

The two are exact inverses: a cell that starts with quotes followed by a formula character gets
one more quote on export and loses one on load; any other cell (``'abc``, ``''``) is left as it
is both ways."""

from __future__ import annotations

#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = frozenset("=+-@\t\r")
QUOTE = "'"


def _formula_after_quotes(cell: str) -> bool:
    return cell.lstrip(QUOTE)[:1] in FORMULA_STARTS


def neutralised(cell: str) -> str:
    """The cell as a CSV export writes it: quoted when a spreadsheet would run it."""
    return QUOTE + cell if _formula_after_quotes(cell) else cell


def unneutralised(cell: str) -> str:
    """The cell as written before ``neutralised`` (what the CSV loader reads)."""
    return cell[1:] if cell.startswith(QUOTE) and _formula_after_quotes(cell) else cell
