"""An export always loads back: after a 50,000-row load (the bench file), both export forms are
within the load's size limit, and loading either back changes nothing, even though the Games
now holds more results than one file may carry (a file that is byte for byte the current export
is recognised as such, without being parsed)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.ingest.parse import MAX_BYTES
from tests.e2e.test_cli import gamesbot

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from store_backends import results_file


def test_a_50000_row_load_exports_to_files_that_load_back(tmp_path: Path) -> None:
    content = results_file()
    assert content.count(b"\n") == 50_001 and len(content) <= MAX_BYTES
    (tmp_path / "big.csv").write_bytes(content)
    loaded = gamesbot(tmp_path, "load", "big.csv", "--yes")
    assert loaded.returncode == 0, loaded.stderr
    history = gamesbot(tmp_path, "history").stdout
    for fmt in ("json", "csv"):
        exported = gamesbot(tmp_path, "export", "--format", fmt, "-o", f"export.{fmt}")
        assert exported.returncode == 0 and exported.stderr == "", exported.stderr
        size = (tmp_path / f"export.{fmt}").stat().st_size
        assert size <= MAX_BYTES, (fmt, size)
        back = gamesbot(tmp_path, "load", f"export.{fmt}", "--yes")
        assert back.returncode == 0, back.stderr
        assert "No changes: the data already says this." in back.stdout, fmt
    assert gamesbot(tmp_path, "history").stdout == history
    # Over the file's row limit, only the current export itself is taken (as no change): the
    # same file with one result changed is refused as too large, like any other.
    edited = (tmp_path / "export.csv").read_text(encoding="utf-8").replace(",61.00,", ",61.01,", 1)
    (tmp_path / "edited.csv").write_text(edited, encoding="utf-8")
    refused = gamesbot(tmp_path, "load", "edited.csv", "--yes")
    assert refused.returncode == 3 and "too large" in refused.stderr, refused.stderr
