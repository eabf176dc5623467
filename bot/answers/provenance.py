"""Provenance: where an answer's data comes from and how fresh it is (every answer's footer).
Its own module so that every answer module can use it without importing the others."""

from __future__ import annotations

import datetime as dt

from bot.domain.models import Frozen


class Provenance(Frozen):
    """Where an answer's data comes from and how fresh it is (the footer of every answer)."""

    games_id: str
    games_name: str
    source: str
    as_of: dt.datetime | None = None
