"""Where settings come from: the environment, then a ``.env`` file in the working directory.

Names match the settings' field names in any case (``DISCORD_TOKEN`` or ``discord_token``); the
environment wins over the file. The file is read with python-dotenv (quotes, ``export``,
comments and ``${VAR}`` expansion as it reads them), imported only when a file is there, so a
one-shot command without a ``.env`` reads nothing but ``os.environ``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

#: The file read beside the environment (relative to the working directory).
ENV_FILE = ".env"


def _dotenv_values(path: Path) -> dict[str, str]:
    """The ``KEY=value`` lines of a dotenv file (a bare ``KEY`` line has no value: left out)."""
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path, encoding="utf-8").items() if v is not None}


def _folded(values: Mapping[str, str]) -> dict[str, str]:
    return {key.lower(): value for key, value in values.items()}


def environment_values(
    names: Iterable[str],
    env_file: str | Path | None = ENV_FILE,
    environ: Mapping[str, str] = os.environ,
) -> dict[str, str]:
    """The raw text of each setting in ``names`` that the environment or ``env_file`` gives
    (``env_file`` None: the environment only)."""
    found: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        found.update(_folded(_dotenv_values(Path(env_file))))
    found.update(_folded(environ))
    return {name: found[name] for name in names if name in found}
