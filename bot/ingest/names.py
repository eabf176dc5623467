"""Name keys: the folded forms under which an athlete's name is recognised within a NOC (as
written, without spaces, in the other name order), shared by load planning and person matching.

A load looks up each name several times (finding the athlete, adding a new one, finding the person
in other Games), so the keys are kept per name; ``build_plan`` empties the cache when it is done."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.domain.names import fold

#: How many names' keys are kept at most (a file holds at most 50,000 rows).
CACHED_NAMES = 1 << 17


_ASCII_DROPPED = str.maketrans({"'": "", "`": ""})
_ASCII_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


@lru_cache(maxsize=CACHED_NAMES)
def folded(name: str) -> str:
    """``fold(name)``, kept for the names of the load under way; plain ASCII (most names) is
    folded directly, several times faster, to the same text (a test checks they agree)."""
    if name.isascii():
        return _ASCII_NOT_ALNUM.sub(" ", name.translate(_ASCII_DROPPED)).lower().strip()
    return fold(name)


def slugged(text: str) -> str:
    """``bot.domain.names.slug(text)``, from the kept folded text."""
    return folded(text).replace(" ", "-")


def athlete_id_of(noc: str, name: str) -> str:
    """``bot.domain.names.athlete_id``, from the kept slugs (a test checks they agree)."""
    return f"{noc.lower()}-{slugged(name)}"


def event_id_of(sport: str, name: str) -> str:
    """``bot.domain.names.event_id``, from the kept slugs (a file names few sports)."""
    return f"{slugged(sport)}/{slugged(name)}"


@lru_cache(maxsize=CACHED_NAMES)
def name_keys(name: str) -> frozenset[str]:
    """The folded forms under which a name is recognised: as written, without spaces, reversed."""
    text = folded(name)
    parts = text.split()
    keys = {text, text.replace(" ", "")}
    if len(parts) >= 2:
        reversed_name = " ".join(parts[1:] + parts[:1])
        keys |= {reversed_name, reversed_name.replace(" ", "")}
    return frozenset(key for key in keys if key)


def forget_names() -> None:
    """Empty the caches (after a load: the names of the next one are others)."""
    folded.cache_clear()
    name_keys.cache_clear()
