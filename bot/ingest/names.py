"""Name keys: the folded forms under which an athlete's name is recognised within a NOC (as
written, without spaces, in the other name order), shared by load planning and person matching."""

from __future__ import annotations

from bot.domain.names import fold


def name_keys(name: str) -> set[str]:
    """The folded forms under which a name is recognised: as written, without spaces, reversed."""
    folded = fold(name)
    parts = folded.split()
    keys = {folded, folded.replace(" ", "")}
    if len(parts) >= 2:
        reversed_name = " ".join(parts[1:] + parts[:1])
        keys |= {reversed_name, reversed_name.replace(" ", "")}
    return {key for key in keys if key}
