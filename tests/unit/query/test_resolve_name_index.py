"""NameIndex: folding into tokens, romanisation variants, both name orders, prefix search, and
candidate generation on an index too large for the full-scan fallback."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.query.name_index import NameIndex, canon_token, name_tokens

SYLLABLES = ["min", "jeong", "gil", "li", "hyo", "jun", "seo", "yun", "tae", "sung", "ji", "won"]
FAMILIES = ["kim", "lee", "park", "choi", "wang", "zhang", "liu", "chen", "yang", "han"]


def test_name_tokens_join_hyphenated_parts_and_fold() -> None:
    assert name_tokens("Kim Gil-li") == ["kim", "gilli"]
    assert name_tokens("  CHOI  Min-Jeong ") == ["choi", "minjeong"]
    assert name_tokens("Sándor Liu Shaolin") == ["sandor", "liu", "shaolin"]
    assert name_tokens("O'Neil, Anne") == ["oneil", "anne"]
    assert name_tokens("최민정") == ["최민정"]
    assert name_tokens("阿合娜尔·阿达克") == ["阿合娜尔", "阿达克"]
    assert name_tokens("--") == []


def test_canon_token_unifies_romanisation_variants() -> None:
    assert canon_token("jeong") == canon_token("jung") == canon_token("chung")
    assert canon_token("seong") == canon_token("sung")
    assert canon_token("lee") == canon_token("yi") == canon_token("rhee")
    assert canon_token("minjeong") == canon_token("minjung")
    assert canon_token("jihoon") == canon_token("jihun")
    assert canon_token("kim") != canon_token("park")


@given(st.text(alphabet="abcdeghijklmnoprstuwyz", min_size=1, max_size=10))
def test_canon_token_is_idempotent(token: str) -> None:
    assert canon_token(canon_token(token)) == canon_token(token)


def _index(names: list[str]) -> NameIndex:
    return NameIndex.build(enumerate(names))


def test_search_finds_orders_hyphens_variants_and_typos() -> None:
    names = ["Kim Gil-li", "Choi Min-jeong", "Kim Geon-hee", "Kim Geon-hui", "Park Ji-won"]
    index = _index(names)
    for query, wanted in [
        ("gilli kim", 0),
        ("kim gil li", 0),
        ("Min Jeong Choi", 1),
        ("choi minjung", 1),
        ("kim geon hee", 2),
        ("kim geon hui", 3),
        ("park jiwn", 4),
        ("parkjiwon", 4),
    ]:
        hits = index.search(query, limit=3)
        assert hits[0].entry == wanted, (query, hits)
    exact = index.search("Kim Geon-hee", limit=2)
    assert exact[0].score == 100.0 and exact[1].score < 100.0


def test_short_queries_do_not_score_high_against_long_names() -> None:
    index = _index(["Korea", "Democratic People's Republic of Korea", "Hong Kong, China"])
    hits = index.search("korea", limit=3)
    assert hits[0].entry == 0 and hits[0].score == 100.0
    assert all(hit.score < 60 for hit in hits[1:])


def test_prefix_search_ranks_names_that_start_with_the_query() -> None:
    index = _index(["Choi Min-jeong", "Cho Sang-hyeok", "Choi Minho"])
    hits = index.search("choi min", limit=3, prefix=True)
    assert {hits[0].entry, hits[1].entry} == {0, 2}
    assert hits[0].score >= 90.0
    assert index.search("choi min", limit=3)[0].score < 90.0


def test_unknown_and_empty_queries() -> None:
    index = _index(["Kim Gil-li"])
    assert index.search("") == []
    assert index.search("!!!") == []
    assert all(hit.score < 50 for hit in index.search("qwertyuiop"))
    assert _index([]).search("kim") == []


def _synthetic(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        f"{rng.choice(FAMILIES).title()} {rng.choice(SYLLABLES).title()}-{rng.choice(SYLLABLES)}"
        for _ in range(count)
    ]


def test_large_index_uses_candidates_and_still_finds_typos() -> None:
    names = [*_synthetic(6000, 1), "Ryom Tae-ok", "Zhanbussinova Madina"]
    index = _index(names)
    assert not index.small
    assert index.search("ryom tae ok", limit=1)[0].entry == len(names) - 2
    assert index.search("Tae-ok Ryom", limit=1)[0].entry == len(names) - 2
    assert index.search("ryom taeik", limit=1)[0].entry == len(names) - 2
    assert index.search("Madina Zhanbusinova", limit=1)[0].entry == len(names) - 1
    assert index.search("madina zanbussinova", limit=1)[0].entry == len(names) - 1


@settings(max_examples=60, deadline=None)
@given(
    family=st.sampled_from(FAMILIES),
    first=st.sampled_from(SYLLABLES),
    second=st.sampled_from(SYLLABLES),
    style=st.sampled_from(["hyphen", "space", "joined", "reversed", "upper"]),
)
def test_any_spelling_of_an_indexed_name_finds_it_exactly(
    family: str, first: str, second: str, style: str
) -> None:
    name = f"{family.title()} {first.title()}-{second}"
    index = _index(["Someone Else", name, "Nobody Here"])
    query = {
        "hyphen": f"{family} {first}-{second}",
        "space": f"{family} {first} {second}",
        "joined": f"{family} {first}{second}",
        "reversed": f"{first}{second} {family}",
        "upper": name.upper(),
    }[style]
    hit = index.search(query, limit=1)[0]
    assert hit.entry == 1 and hit.score == 100.0
