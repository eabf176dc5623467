"""Nothing in bot/ is tied to one Games: no host city, Games name, Games id or Games year appears
in the code (string literals, names, docstrings or comments). Those come from the loaded data.
The words are read from the bundled data itself, so a new Games is guarded as soon as it ships.
Generic words ("Olympic record", "Games", "winter") are fine."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.ingest.bundled import bundled_files, bundled_games, default_data_dir

ROOT = Path(__file__).resolve().parents[2]
#: Aliases that are words of the field rather than names of one Games.
GENERIC = {"olympics", "winter olympics", "olympic winter games", "olympic games", "games"}
_SPLIT = re.compile(r"\s+(?:and|e|&)\s+|[,/]")


def games_words() -> set[str]:
    """Every city, city part, name, official name, id, year and specific alias of each bundled
    Games, lower-cased."""
    words: set[str] = set()
    for games_id, folder in bundled_games(default_data_dir()).items():
        words.add(games_id)
        for path in bundled_files(folder):
            info = json.loads(path.read_text("utf-8")).get("games_info")
            if not info:
                continue
            city = info.get("city", "")
            words |= {city, *(part.strip() for part in _SPLIT.split(city))}
            words |= {info.get("name", ""), info.get("official_name", "")}
            words |= set(info.get("aliases", []))
            if info.get("start"):
                words.add(info["start"][:4])
    return {w.lower() for w in words if len(w) >= 3 and w.lower() not in GENERIC}


def test_bot_names_no_particular_games() -> None:
    words = games_words()
    assert {"harbin", "2025", "harbin-2025"} <= words
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            lowered = line.lower()
            for word in words:
                pattern = (
                    rf"(?<![\w-]){re.escape(word)}(?![\w-])" if word.isascii() else re.escape(word)
                )
                if re.search(pattern, lowered):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {word!r}: {line.strip()}")
    assert not found, "bot/ names a particular Games:\n" + "\n".join(found[:40])
