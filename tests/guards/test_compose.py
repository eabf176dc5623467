"""Guards on compose.yaml (no Docker engine here, so its text is checked): the default is one
gamesbot over SQLite; the "sharded" profile has a PostgreSQL with a health check and two shard
services that wait for it, share its URL, split the shards between them, and have settings that
gamesbot accepts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "compose.yaml").read_text("utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def interpolated(value: str) -> str:
    """Compose's ``${NAME:-default}``, with the defaults."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_the_default_is_one_gamesbot_over_sqlite() -> None:
    services = compose()["services"]
    default = [name for name, service in services.items() if not service.get("profiles")]
    assert default == ["gamesbot"]
    environment = services["gamesbot"]["environment"]
    assert "GAMESBOT_DATABASE_URL" not in environment and environment["GAMESBOT_DB_PATH"]


def test_postgres_has_a_health_check() -> None:
    postgres = compose()["services"]["postgres"]
    assert re.fullmatch(r"postgres:\d+(\.\d+)?(-\w+)?", postgres["image"])
    assert "pg_isready" in postgres["healthcheck"]["test"]
    assert postgres["volumes"] and postgres["environment"]["POSTGRES_DB"]


def test_two_shard_services_over_postgres() -> None:
    services = compose()["services"]
    shards = {name: s for name, s in services.items() if "SHARD_IDS" in s.get("environment", {})}
    assert sorted(shards) == ["shard-0", "shard-1"]
    postgres = services["postgres"]["environment"]
    seen: list[int] = []
    for service in shards.values():
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert service["image"] == services["gamesbot"]["image"]
        environment = {k: interpolated(str(v)) for k, v in service["environment"].items()}
        url = environment["GAMESBOT_DATABASE_URL"]
        assert url.startswith("postgresql://") and "@postgres:5432/" in url
        assert url.endswith("/" + postgres["POSTGRES_DB"])
        unknown = set(environment) - {name.upper() for name in Settings.model_fields}
        assert not unknown, f"not gamesbot settings: {unknown}"
        settings = Settings(_env_file=None, **{k.lower(): v for k, v in environment.items()})  # type: ignore[arg-type]
        assert settings.shard_count == 2 and settings.shard_ids is not None
        assert settings.database_url == url
        seen += settings.shard_ids
    assert sorted(seen) == [0, 1], "each shard runs in exactly one service"
    status_files = {s["environment"]["STATUS_FILE"] for s in shards.values()}
    assert len(status_files) == len(shards), "each shard's health check reads its own status"
