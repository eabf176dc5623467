"""Guards: every setting is documented in the README table and in .env.example; the Dockerfile
keeps its invariants (pinned base, non-root user, health check, an entry point that exists, and
only paths that exist)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_in_the_readme_table_and_env_example() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    example = (ROOT / ".env.example").read_text("utf-8")
    table_names = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.MULTILINE))
    example_names = set(re.findall(r"^#? ?([A-Z_]+)=", example, flags=re.MULTILINE))
    names = {name.upper() for name in Settings.model_fields}
    assert names - table_names == set(), "settings missing from the README table"
    assert names - example_names == set(), "settings missing from .env.example"
    assert table_names - names == set(), "README documents settings that do not exist"


def test_every_setting_has_a_description() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name


def test_dockerfile_invariants() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    bases = re.findall(r"^FROM\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert len(bases) >= 2, "two stages"
    for base in bases:
        assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", base), f"unpinned base {base}"
    users = re.findall(r"^USER\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}
    assert re.search(r'^HEALTHCHECK .*CMD \["gamesbot", "health"\]', dockerfile, flags=re.MULTILINE)
    assert re.search(r'^CMD \["gamesbot", "run"\]', dockerfile, flags=re.MULTILINE)
    assert re.search(r'^VOLUME \["/data"\]', dockerfile, flags=re.MULTILINE)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["gamesbot"] == "bot.__main__:main"
    for line in re.findall(r"^COPY (?!--from)(.+)$", dockerfile, flags=re.MULTILINE):
        *sources, _ = line.split()
        for source in sources:
            assert (ROOT / source).exists(), f"Dockerfile copies {source}, which does not exist"
    assert (ROOT / ".dockerignore").exists()
