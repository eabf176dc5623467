"""Profiles of the fuzz suite: a small, repeatable run by default (CI), and a big random one with
``GAMESBOT_FUZZ_EXAMPLES=2000 python -m pytest -q tests/fuzz``."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

BIG = int(os.environ.get("GAMESBOT_FUZZ_EXAMPLES", "0") or 0)

settings.register_profile(
    "fuzz-ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz-big",
    max_examples=max(BIG, 1),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("fuzz-big" if BIG else "fuzz-ci")
