"""CSV formula neutralisation: what a spreadsheet would run gets a quote on export, and the
loader takes exactly that quote off again, whatever the cell."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.ingest.formulas import FORMULA_STARTS, neutralised, unneutralised


def test_formula_cells_are_quoted_and_others_left_alone() -> None:
    for cell in ("=1+2", "+0.512", "-1 lap", "@SUM(A1)", "\tx", "\rx", "'=x", "''+x"):
        assert neutralised(cell) == "'" + cell
    for cell in ("", "abc", "'abc", "''", "'", "1:29.637", "Kim Gil-li", " =x"):
        assert neutralised(cell) == cell
        assert unneutralised(cell) == cell
    assert unneutralised("'-5") == "-5"  # a spreadsheet's own "this is text" quote


@given(st.text(alphabet=st.sampled_from([*FORMULA_STARTS, "'", "a", "1", " "]), max_size=8))
def test_the_loader_reads_back_exactly_what_was_exported(cell: str) -> None:
    written = neutralised(cell)
    assert written.lstrip("'")[:1] not in FORMULA_STARTS or written.startswith("'")
    assert unneutralised(written) == cell
