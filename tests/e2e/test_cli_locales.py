"""The command line and the console in the reader's language, as a user runs them: ``--lang``
(or ``LANG``) writes the same answers in Korean, Chinese or Japanese, with native names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import gamesbot


def test_medals_korea_in_korean(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "medals", "korea", "--lang", "ko")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "🇰🇷 대한민국 (KOR)"
    assert lines[1] == "9개국 중 2위 · 금 16 · 은 15 · 동 14 · 합계 45"
    assert "쇼트트랙 · 여자 1500m: 김길리 (Kim Gil-li) (2:23.781)" in done.stdout
    assert lines[-1] == "하얼빈 동계아시안게임 · 2026년 12월 1일 기준 내장 데이터"


def test_lang_comes_from_the_environment_and_the_option_wins(tmp_path: Path) -> None:
    chinese = gamesbot(tmp_path, "event", "women's 1500m short track", LANG="zh_CN.UTF-8")
    assert chinese.stdout.splitlines()[0] == "女子1500米 · 短道速滑"
    english = gamesbot(
        tmp_path, "event", "women's 1500m short track", "--lang", "en", LANG="ja_JP.UTF-8"
    )
    assert english.stdout.splitlines()[0] == "Women's 1500 metres · Short track speed skating"


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    done = gamesbot(tmp_path, "medals", "korea", "--lang", "fr")
    assert done.returncode == 2
    assert "unknown language 'fr'; use one of: en, ko, zh-CN, zh-TW, ja" in done.stderr


@pytest.mark.parametrize(
    ("lang", "korea", "choose", "event"),
    [
        ("ko", "🇰🇷 대한민국 (KOR)", "번호를 입력해 고르세요.", "남자 500m · "),
        ("zh-CN", "🇰🇷 韩国 (KOR)", "输入数字进行选择。", "男子500米 · "),
        ("zh-TW", "🇰🇷 南韓 (KOR)", "輸入數字進行選擇。", "男子500公尺 · "),
        ("ja", "🇰🇷 韓国 (KOR)", "番号を入力して選んでください。", "男子500m · "),
    ],
)
def test_the_console_in_each_language(
    tmp_path: Path, lang: str, korea: str, choose: str, event: str
) -> None:
    done = gamesbot(
        tmp_path, "console", "--lang", lang, stdin="medals korea\nevent men's 500\n1\nquit\n"
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert korea in out.splitlines()
    assert choose in out
    assert any(line.startswith(event) for line in out.splitlines())
