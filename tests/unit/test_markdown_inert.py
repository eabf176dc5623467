"""``markdown.inert`` skips the escaping when its one search finds nothing to escape: that shortcut
must give what the escaping itself gives, for any text (generated, with Markdown, mentions, links
and line starts over-represented) and for every name of both bundled Games."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord_ui.markdown import escape_markdown, inert, plain
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_games, bundled_plan, default_data_dir

#: Pieces that matter to the escaping, mixed with any text.
_PIECES = st.sampled_from(
    [
        "*",
        "_",
        "~",
        "|",
        "`",
        "[",
        "]",
        "<",
        ">",
        "\\",
        "@",
        "@everyone",
        "@here",
        "://",
        "https://x.y",
        "#",
        "-",
        "+",
        "1.",
        " 12.",
        "  ",
        "\t",
        "\n",
        ":",
        "/",
        "Kim",
        "é",
        "한",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=8).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_shortcut_gives_what_the_escaping_gives(text: str) -> None:
    inert.cache_clear()
    assert inert(text) == escape_markdown(plain(text))


def test_every_name_of_the_bundled_games_is_escaped_as_before() -> None:
    names: set[str] = set()
    for games_id, folder in bundled_games(default_data_dir()).items():
        data = apply_plan(None, bundled_plan(folder, games_id)[0])
        names.update(n.name for n in data.nations)
        names.update(a.name for a in data.athletes)
        names.update(e.name for e in data.events)
        names.update(e.sport for e in data.events)
    assert len(names) > 1000
    for name in names:
        assert inert(name) == escape_markdown(plain(name)), name


def test_a_name_with_nothing_to_escape_comes_back_as_it_is() -> None:
    assert inert("Kim Gil-li") == "Kim Gil-li"
    assert inert("- list") == "\\- list"
    assert inert("a_b") == "a\\_b"
    assert inert("@here") == "@\u200bhere"
