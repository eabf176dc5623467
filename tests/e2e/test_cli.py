"""The ``gamesbot`` command line as a user runs it: a real subprocess, a real database on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def gamesbot(
    tmp_path: Path, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "GAMESBOT_", "SHARD_", "LOG_", "LC_"))
    }
    # These tests ask about Harbin as an operator who made it the default would; the tests of
    # the default itself and of --games say otherwise.
    environment.update(
        {
            "GAMESBOT_DB_PATH": str(tmp_path / "g.db"),
            "HOME": str(tmp_path),
            "GAMESBOT_DEFAULT_GAMES": "harbin-2025",
            # Answers are written in the environment's language: these tests read English.
            "LANG": "C.UTF-8",
            **env,
        }
    )
    environment = {k: v for k, v in environment.items() if v}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=environment,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )


def test_without_a_default_the_most_recent_games_answers_and_says_so(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "medals", "korea", GAMESBOT_DEFAULT_GAMES="")
    assert done.returncode == 0, done.stderr
    assert "Rank 13 of 29 · 3 gold · 4 silver · 3 bronze · 10 total" in done.stdout
    assert "2026 Winter Olympics" in done.stdout.splitlines()[-1]


@pytest.mark.parametrize(
    ("games", "expected"),
    [
        ("milano", "3 gold · 4 silver · 3 bronze · 10 total"),
        ("winter olympics 2026", "3 gold · 4 silver · 3 bronze · 10 total"),
        ("밀라노", "3 gold · 4 silver · 3 bronze · 10 total"),
        ("AWG", "16 gold · 15 silver · 14 bronze · 45 total"),
        ("哈尔滨", "16 gold · 15 silver · 14 bronze · 45 total"),
        ("2025", "16 gold · 15 silver · 14 bronze · 45 total"),
    ],
)
def test_games_named_loosely(tmp_path: Path, games: str, expected: str) -> None:
    done = gamesbot(tmp_path, "medals", "korea", "--games", games)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


def test_medals_at_every_games(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "medals", "korea", "--games", "all", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["type"] == "nation_games"
    assert [p["provenance"]["games_id"] for p in answer["games"]] == [
        "milano-cortina-2026",
        "harbin-2025",
    ]
    assert answer["count"] == {"noc": "KOR", "gold": 19, "silver": 19, "bronze": 17}


def test_an_unloaded_games_is_named_as_such(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "medals", "korea", "--games", "paris 2024")
    assert done.returncode == 1
    assert "No Games called 'paris 2024' is loaded" in done.stderr


def test_medals_korea(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "medals", "korea")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "South Korea" in out
    assert "Rank 2 of 9" in out
    assert "16 gold · 15 silver · 14 bronze · 45 total" in out
    line = next(
        line for line in out.splitlines() if line.strip().startswith("Short track speed skating")
    )
    assert line.split() == [
        "Short",
        "track",
        "speed",
        "skating",
        "🥇",
        "6",
        "🥈",
        "4",
        "🥉",
        "3",
        "=",
        "13",
    ]


def test_athlete_yang_jingru(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "athlete", "yang jingru", "--games", "harbin")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "🇨🇳 China (CHN)" in out and "Short track speed skating" in out
    line = next(line for line in out.splitlines() if "Women's 1500 metres" in line)
    assert "7th, no medal" in line
    note = out.splitlines()[out.splitlines().index(line) + 1]
    assert "note: Fell" in note


def test_namesakes_are_a_choice_a_user_can_tell_apart(tmp_path: Path) -> None:
    """Harbin has two Kim Min-ji (a curler, a speed skater): the command asks which (exit 1)."""
    done = gamesbot(tmp_path, "athlete", "kim", "min-ji", "--games", "harbin")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "'kim min-ji' could mean several athletes; which one?"
    assert lines[1:3] == [
        "  1. Kim Min-ji (KOR, Curling)   [kor-kim-min-ji-curling]",
        "  2. Kim Min-ji (KOR, Speed skating)   [kor-kim-min-ji-speed-skating]",
    ]
    chosen = gamesbot(tmp_path, "athlete", "Kim Min-ji (KOR, Speed skating)", "--games", "harbin")
    assert chosen.returncode == 0, chosen.stderr
    out = chosen.stdout.splitlines()
    assert out[1] == "Speed skating · 1 medal (1 gold, 0 silver, 0 bronze)"
    assert not any("Curling" in line for line in out)


def test_one_person_at_both_games(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "athlete", "yang jingru")
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == "Yang Jingru (杨婧茹) · 🇨🇳 China (CHN)"
    milano = out.index("== 2026 Winter Olympics: no medals")
    harbin = out.index("== 2025 Asian Winter Games: 1 medal (1 gold, 0 silver, 0 bronze)")
    assert milano < harbin
    assert any("Women's 1500 metres: 7th, no medal" in line for line in out[harbin:])


def test_event_womens_3000m_relay(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "event", "women's 3000m relay", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["type"] == "event"
    podium = [(p["medal"], p["nation"]["code"]) for p in answer["places"][:3]]
    assert podium == [("gold", "CHN"), ("silver", "KAZ"), ("bronze", "JPN")]
    korea = next(p for p in answer["places"] if p["nation"]["code"] == "KOR")
    assert korea["medal"] is None and "fell" in korea["note"]
    text = gamesbot(tmp_path, "event", "women's 3000m relay").stdout
    assert "🥇  1. 🇨🇳 China (CHN)" in text and "fell after contact" in text


def test_table_json_and_all(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "table", "--all", "--json")
    assert done.returncode == 0, done.stderr
    table = json.loads(done.stdout)
    assert len(table["rows"]) == 34
    assert table["rows"][0]["nation"]["code"] == "CHN"


def test_no_match_exits_1_with_suggestions(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "athlete", "qwertyuiop")
    assert done.returncode == 1
    assert "No athlete by that name is in the data for" in done.stdout
    assert "You could ask about: " in done.stdout
    typo = gamesbot(tmp_path, "medals", "qwertz")
    assert typo.returncode == 1 and "You could ask about: " in typo.stdout


def test_a_nation_of_the_other_games_only_is_said_to_have_taken_part_there(
    tmp_path: Path,
) -> None:
    """Norway at Harbin offered "Did you mean: North Korea?"; the one-shot reads the other Games
    too once its answer is no match, and says where Norway took part (still exit 1)."""
    norway = gamesbot(tmp_path, "medals", "norway")
    assert norway.returncode == 1, norway.stderr
    assert norway.stdout.startswith(
        "Norway (NOR) did not take part in the 2025 Asian Winter Games; it took part in the "
        "2026 Winter Olympics."
    )
    assert "North Korea" not in norway.stdout
    # A misspelling Harbin offers Thailand for, which the Olympics know as Finland: as the bot.
    finland = gamesbot(tmp_path, "medals", "filand")
    assert finland.returncode == 1, finland.stderr
    assert finland.stdout.startswith("Finland (FIN) did not take part in the 2025 Asian Winter")
    as_json = json.loads(gamesbot(tmp_path, "medals", "norway", "--json").stdout)
    assert as_json["type"] == "no_match" and as_json["suggestions"] == []
    klaebo = gamesbot(tmp_path, "athlete", "klaebo", "--games", "harbin")
    assert klaebo.returncode == 1, klaebo.stderr
    assert klaebo.stdout.startswith(
        "Johannes Høsflot Klæbo (NOR) is not in the data for the 2025 Asian Winter Games, only in "
        "that of the 2026 Winter Olympics."
    )
    downhill = gamesbot(tmp_path, "event", "men's downhill", "--games", "harbin")
    assert downhill.returncode == 1, downhill.stderr
    assert downhill.stdout.startswith("Men's downhill (Alpine skiing) was not held at the 2025")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("medals", "kazakstan"),
            "Kazakhstan (KAZ)\nRank 4 of 9 · 4 gold · 9 silver · 7 bronze · 20 total",
        ),
        (
            ("medals", "韩国"),
            "South Korea (KOR)\nRank 2 of 9 · 16 gold · 15 silver · 14 bronze · 45 total",
        ),
        (("athlete", "gilli", "kim"), "Kim Gil-li (김길리) · 🇰🇷 South Korea (KOR)"),
        (("event", "3k", "relay", "women"), "Women's 3000 metre relay · Short track speed skating"),
        (
            ("medals", "korea", "short", "track"),
            "(KOR) in Short track speed skating\nRank 1 of 4 · 6 gold · 4 silver · 3 bronze · 13 total",
        ),
    ],
)
def test_forgiving_names_on_the_command_line(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    done = gamesbot(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert gamesbot(tmp_path, "medals").returncode == 2
    assert gamesbot(tmp_path, "table", "--top", "many").returncode == 2


def test_run_without_a_token_names_the_variable_and_exits_2(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "run")
    assert done.returncode == 2
    assert "DISCORD_TOKEN" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_invalid_settings_fail_with_one_line_each(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "table", SHARD_COUNT="zero", LOG_LEVEL="LOUD")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2
    assert any("SHARD_COUNT" in line for line in lines) and any(
        "LOG_LEVEL" in line for line in lines
    )


def test_console_answers_commands_and_choices(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "console", stdin="/medals korea\ntable --top 3\nhelp\nquit\n")
    assert done.returncode == 0, done.stderr
    assert "16 gold · 15 silver · 14 bronze" in done.stdout
    assert "Japan (JPN)" in done.stdout and "Commands" in done.stdout


def test_without_a_command_and_token_the_console_runs(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, stdin="medals kaz\n")
    assert done.returncode == 0, done.stderr
    assert "Kazakhstan" in done.stdout


@pytest.mark.parametrize("bad", ["", "   "])
def test_blank_token_is_treated_as_missing(tmp_path: Path, bad: str) -> None:
    done = gamesbot(tmp_path, "run", DISCORD_TOKEN=bad)
    assert done.returncode == 2 and "DISCORD_TOKEN" in done.stderr


def test_ask_json_shows_the_parsed_query(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "ask", "who won the women's 1500m in short track at harbin", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    (part,) = answer["parts"]
    assert answer["type"] == "ask" and part["query"]["asked"] == "list"
    assert part["query"]["event"]["id"] == "short-track-speed-skating/womens-1500-metres"
    assert [a["id"] for a in part["items"][0]["athletes"]] == ["kor-kim-gil-li"]
    text = gamesbot(
        tmp_path, "ask", "how many gold medals did korea win in short track", "--games", "harbin"
    ).stdout
    assert text.startswith("South Korea (KOR) won 6 gold medals in Short track speed skating")
    assert "(count: gold medals · nation: South Korea" in text


def test_console_lists_numbered_choices_and_takes_a_number(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "console", stdin="event men's 500\n2\nquit\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "could mean several events; which one?" in out and "Type a number to choose." in out
    listed = [line for line in out.splitlines() if line.strip().startswith(("1.", "2."))][:2]
    chosen_sport = listed[1].split("(")[-1].split(")")[0]
    assert f"Men's 500 metres · {chosen_sport}" in out
