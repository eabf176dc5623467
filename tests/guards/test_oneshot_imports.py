"""Guards: a one-shot command's process never imports discord.py (or aiohttp, the Discord
front-end, PostgreSQL's driver, pydantic-settings, the /ask parser, the file parsers or Babel
when it does not use them), so that ``gamesbot medals korea`` starts fast; ``run`` and ``sync``
are the paths that import Discord.

Each command runs in a real subprocess (``python -m bot ...`` over a database filled once), and
the modules it imported are read from ``sys.modules`` as the process ends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Runs ``bot.__main__.main`` with the given arguments, then prints the loaded modules' names.
PROBE = """
import json, sys
from bot.__main__ import main
code = main(sys.argv[1:])
print("\\n@@MODULES@@" + json.dumps(sorted(sys.modules)))
"""

NEVER_IN_A_ONE_SHOT = (
    "discord",
    "aiohttp",
    "bot.discord_ui",
    "psycopg",
    "psycopg_pool",
    "pydantic_settings",
    "bot.service.changes",
)


def modules_of(tmp_path: Path, *args: str, **extra_env: str) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "GAMESBOT_"))}
    env["GAMESBOT_DB_PATH"] = str(tmp_path / "gamesbot.db")
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra_env)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert "@@MODULES@@" in done.stdout, done.stderr
    return set(json.loads(done.stdout.rsplit("@@MODULES@@", 1)[1]))


def loaded(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose database already holds the bundled data (the first use fills it)."""
    folder = tmp_path_factory.mktemp("oneshot")
    modules_of(folder, "table", "--top", "1")
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ("medals", "korea"),
        ("athlete", "gilli", "kim"),
        ("event", "women's", "500m", "short", "track"),
        ("table", "--json"),
        ("history",),
        ("health",),
    ],
)
def test_a_one_shot_command_does_not_import_discord(filled: Path, args: tuple[str, ...]) -> None:
    modules = modules_of(filled, *args)
    assert "bot.service" in modules or args == ("health",)  # the probe really ran the command
    for package in NEVER_IN_A_ONE_SHOT:
        assert loaded(modules, package) == [], f"gamesbot {' '.join(args)} imported {package}"


def test_a_question_about_medals_imports_neither_the_ask_parser_nor_the_file_parsers_nor_babel(
    filled: Path,
) -> None:
    modules = modules_of(filled, "medals", "korea", LC_ALL="C.UTF-8")
    assert loaded(modules, "bot.query.ask") == []
    assert loaded(modules, "babel") == []  # English needs no catalogue nor CLDR data
    assert loaded(modules, "bot.ingest.parse") == []
    assert loaded(modules, "bot.ingest.plan") == []


#: What a question about one nation's medals does not use, each imported where it is used: the
#: Discord front-end's followers and server settings, the /ask answer models and their text
#: renderer (``--json`` imports the models: its encoder covers every answer), the status file
#: (``run`` and ``health``), the sites of sources (events show them), the encoding of the
#: store's writes, and what other languages than English look up.
NOT_IN_A_MEDALS_ONE_SHOT = (
    "bot.service.followers",
    "bot.service.server_settings",
    "bot.answers.ask",
    "bot.answers.ask_text",
    "bot.health",
    "bot.answers.sites",
    "bot.store.sqlite_rows",
    "bot.i18n.catalogue",
    "bot.i18n.event_names",
    "bot.i18n.native_names",
)
ASK_ANSWERS = ("bot.answers.ask",)


@pytest.mark.parametrize("as_json", [False, True])
def test_a_question_about_medals_imports_only_what_it_uses(filled: Path, as_json: bool) -> None:
    args = ("medals", "korea", *(["--json"] if as_json else []))
    modules = modules_of(filled, *args, LC_ALL="C.UTF-8")
    assert "bot.service.queries" in modules  # the probe really answered
    for module in NOT_IN_A_MEDALS_ONE_SHOT:
        if not (as_json and module in ASK_ANSWERS):
            assert loaded(modules, module) == [], f"gamesbot {' '.join(args)} imported {module}"


def test_a_one_shot_process_collects_nothing_as_it_shuts_down(filled: Path) -> None:
    """Python's collections at shutdown went through every object for nothing (30 ms of a
    medals one-shot): the command freezes them all once the exit handlers run."""
    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('@@FROZEN@@', gc.get_freeze_count() > 0))\n"
        "from bot.__main__ import main\n"
        "main(sys.argv[1:])\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "GAMESBOT_"))}
    env.update(GAMESBOT_DB_PATH=str(filled / "gamesbot.db"), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", probe, "medals", "korea"],
        env=env,
        cwd=filled,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert "@@FROZEN@@ True" in done.stdout, done.stderr


def test_the_probe_sees_discord_where_a_command_uses_it(filled: Path) -> None:
    """``sync`` imports discord.py (here it fails to reach a port where nothing listens, after
    importing it), and ``ask`` the /ask parser: the probe does see imports."""
    modules = modules_of(
        filled,
        "sync",
        DISCORD_TOKEN="not-a-real-token",
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
    )
    assert loaded(modules, "discord") != [] and loaded(modules, "bot.discord_ui") != []
    asked = modules_of(filled, "ask", "who", "won", "the", "most", "golds")
    assert loaded(asked, "bot.query.ask") and "bot.answers.ask_text" in asked
