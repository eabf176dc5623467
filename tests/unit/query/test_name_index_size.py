"""NameIndex memory grows linearly with the length of the names it holds (issue 14: a 100 kB
one-word athlete name made the index store every prefix of the word, 4.9 GB), and prefix search
still finds long words by any prefix, however long.

Size is counted, not measured: every distinct string the index holds counts its characters, and
every slot of its containers (tuple items, dict keys and values) counts one."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.query.name_index import NameIndex


def stored(index: NameIndex) -> int:
    """Characters of the distinct strings the index holds, plus one per container slot."""
    seen: set[int] = set()
    total = 0
    pending: list[Any] = [getattr(index, f.name) for f in dataclasses.fields(index)]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if id(item) not in seen:
                seen.add(id(item))
                total += len(item)
        elif isinstance(item, dict):
            total += 2 * len(item)
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, tuple | list | set | frozenset):
            total += len(item)
            pending.extend(item)
        else:
            total += 1
    return total


def one_word_name(length: int) -> str:
    """``Kim`` and a word of ``length`` letters that repeat no short pattern."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "Kim " + "".join(letters[(i * 7 + i // 26) % 26] for i in range(length))


def test_an_index_of_a_twice_as_long_name_stores_at_most_about_twice_as_much() -> None:
    short = stored(NameIndex.build([(0, one_word_name(5_000))]))
    long = stored(NameIndex.build([(0, one_word_name(10_000))]))
    assert long <= 2.2 * short, (short, long)


def test_a_100_kb_name_is_indexed_in_storage_proportional_to_its_length() -> None:
    name = one_word_name(100_000)
    index = NameIndex.build([(0, name), (1, "Kim Gil-li")])
    assert stored(index) <= 20 * len(name)
    assert index.search("kim gilli", limit=1)[0].entry == 1


def test_prefix_search_finds_a_long_word_by_a_long_prefix() -> None:
    word = one_word_name(300).split()[1]
    index = NameIndex.build([(0, f"Kim {word}"), (1, "Kim Gil-li"), (2, f"Lee {word[:40]}x")])
    for typed in (word[:3], word[:30], word[:41], word[:200], word):
        found = {hit.entry for hit in index.search(f"kim {typed}", prefix=True)}
        assert 0 in found, typed
    assert index.search(f"kim {word[:200]}", prefix=True)[0].entry == 0
