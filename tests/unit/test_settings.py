"""Settings read from the environment and ``.env`` (``bot.settings_sources``): the environment wins
over the file, names match in any case, id lists come comma-separated or as JSON, bad values are
validation errors naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from bot.settings_sources import environment_values


def test_the_environment_wins_over_the_file_and_names_match_in_any_case(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# a comment\nexport LOG_LEVEL=DEBUG\nlog_format='json'\nGAMESBOT_DEFAULT_GAMES=x # note\n",
        "utf-8",
    )
    found = environment_values(
        ("log_level", "log_format", "gamesbot_default_games", "dev_guild_id"),
        env_file,
        {"Log_Level": "ERROR", "UNRELATED": "1"},
    )
    assert found == {"log_level": "ERROR", "log_format": "json", "gamesbot_default_games": "x"}


def test_no_file_means_the_environment_alone(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("LOG_LEVEL=DEBUG\n", "utf-8")
    assert environment_values(("log_level",), None, {}) == {}
    assert environment_values(("log_level",), tmp_path / "missing", {}) == {}


def test_settings_read_dot_env_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.setenv("HOME_GUILD_IDS", "1, 2,3")
    (tmp_path / ".env").write_text("LOG_LEVEL=DEBUG\nMODERATOR_ROLE_IDS=[4, 5]\n", "utf-8")
    settings = Settings()
    assert settings.log_level == "DEBUG"
    assert settings.home_guild_ids == [1, 2, 3]
    assert settings.moderator_role_ids == [4, 5]
    assert {"log_level", "home_guild_ids"} <= settings.model_fields_set
    assert Settings(_env_file=None).log_level == "INFO"
    assert Settings(_env_file=None, log_level="WARNING").log_level == "WARNING"


def test_bad_values_name_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SHARD_COUNT", "two")
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert [e["loc"] for e in caught.value.errors()] == [("shard_count",)]
    monkeypatch.setenv("SHARD_COUNT", "2")
    monkeypatch.setenv("SHARD_IDS", "")
    assert Settings().shard_ids is None
    monkeypatch.setenv("SHARD_IDS", "0,x")
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert [e["loc"] for e in caught.value.errors()] == [("shard_ids", 1)]
