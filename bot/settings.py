"""Settings: every configurable value of gamesbot, read from the environment (and ``.env``).

This module owns the one settings class, a frozen pydantic model filled from the environment by
``bot.settings_sources`` (not pydantic-settings, whose import alone took longer than a one-shot
command's own work). Every field is documented (the README table and ``.env.example`` are checked
against it by a guard test). ``DISCORD_TOKEN`` is a ``SecretStr`` so it is never printed by
accident.
"""

# Annotations are evaluated as the classes are made (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each one from its string, at every start.
import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bot.settings_sources import ENV_FILE, environment_values

DISCORD_API_DEFAULT = "https://discord.com/api/v10"
DISCORD_GATEWAY_DEFAULT = "wss://gateway.discord.gg/"
DATABASE_URL_SCHEMES = ("postgresql://", "postgres://")


def default_db_path() -> Path:
    """The per-user default database location (XDG data dir, else ~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "gamesbot" / "gamesbot.db"


def _no_ids() -> list[int]:
    """No ids. (Not ``list``: pydantic reads a default factory's signature, and a built-in's is
    parsed from its text with the tokenizer, whose patterns are compiled first: 2 ms a start.)"""
    return []


class Settings(BaseModel):
    """All settings. Environment variable names are the field names in upper case.

    ``Settings()`` reads the environment and ``.env``; values given by keyword win over both, and
    ``_env_file=None`` leaves the file out (tests)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    def __init__(self, _env_file: str | Path | None = ENV_FILE, **values: Any) -> None:
        found: dict[str, Any] = environment_values(type(self).model_fields, _env_file)
        super().__init__(**{**found, **values})

    discord_token: SecretStr | None = Field(
        default=None,
        description="Bot token from the Discord developer portal. Needed by `run` and `sync`.",
    )
    gamesbot_db_path: Path = Field(
        default_factory=default_db_path,
        description="Path of the SQLite results database; created and filled from data/ on first use.",
    )
    gamesbot_database_url: SecretStr | None = Field(
        default=None,
        description="A postgresql:// URL selecting a shared PostgreSQL store instead of the SQLite file (for several shard processes or machines). Never logged.",
    )
    gamesbot_default_games: str | None = Field(
        default=None,
        description="Games id used when a command names no Games and the server has no default of its own (default: the most recent Games loaded).",
    )
    gamesbot_data_dir: Path | None = Field(
        default=None,
        description="Folder of bundled results files loaded into a new database (default: the data/ shipped with gamesbot).",
    )
    discord_api_base: str = Field(
        default=DISCORD_API_DEFAULT,
        description="Discord REST base URL (tests point it at the local fake).",
    )
    discord_gateway_url: str = Field(
        default=DISCORD_GATEWAY_DEFAULT,
        description="Discord gateway URL (tests point it at the local fake).",
    )
    shard_count: int | None = Field(
        default=None,
        ge=1,
        description="Total number of shards; with SHARD_IDS, runs those shards in this process.",
    )
    shard_ids: list[int] | None = Field(
        default=None, description="Comma-separated shard ids this process runs (needs SHARD_COUNT)."
    )
    dev_guild_id: int | None = Field(
        default=None,
        description="Guild where `gamesbot sync` registers commands instantly during development.",
    )
    home_guild_ids: list[int] = Field(
        default_factory=_no_ids,
        description="Comma-separated guild ids where moderators may load results.",
    )
    moderator_role_ids: list[int] = Field(
        default_factory=_no_ids,
        description="Comma-separated role ids allowed to load results (Manage Server also may).",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="Logging level."
    )
    log_format: Literal["text", "json"] = Field(
        default="text", description="`text` (human-readable) or `json` (one JSON object a line)."
    )
    discord_connect_timeout: float = Field(
        default=300.0,
        gt=0,
        description="Seconds `gamesbot run` keeps retrying (with backoff) to reach Discord at start before it gives up with exit code 2; once connected it reconnects by itself.",
    )
    status_file: Path | None = Field(
        default=None,
        description="Where the running bot writes its heartbeat status for `gamesbot health` (default: beside the database).",
    )

    @field_validator("shard_ids", "home_guild_ids", "moderator_role_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object, info: ValidationInfo) -> object:
        """``1,2`` (or a JSON list ``[1, 2]``, or one id) from the environment; empty is unset."""
        if isinstance(value, str):
            if value.strip().startswith("["):
                return json.loads(value)
            parts = [part for part in value.replace(" ", "").split(",") if part]
            return parts or (None if info.field_name == "shard_ids" else [])
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("gamesbot_database_url", mode="before")
    @classmethod
    def _check_database_url(cls, value: object) -> object:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(text, str):
            if not text.strip():
                return None
            if not text.strip().lower().startswith(DATABASE_URL_SCHEMES):
                raise ValueError("must be a postgresql:// URL (postgresql://user@host:5432/dbname)")
            return text.strip()
        return value

    @model_validator(mode="after")
    def _check_shards(self) -> "Settings":
        if self.shard_ids is not None:
            if self.shard_count is None:
                raise ValueError("SHARD_IDS needs SHARD_COUNT")
            bad = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
            if bad:
                raise ValueError(f"SHARD_IDS {bad} out of range for SHARD_COUNT={self.shard_count}")
        return self

    @property
    def database_url(self) -> str | None:
        """The PostgreSQL URL when one is set (None: the SQLite file at ``gamesbot_db_path``)."""
        url = self.gamesbot_database_url
        return url.get_secret_value() if url is not None else None

    @property
    def resolved_status_file(self) -> Path:
        """The heartbeat status file path."""
        return self.status_file or self.gamesbot_db_path.with_suffix(".status.json")
