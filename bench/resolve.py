"""Benchmark of athlete-name resolution: the NameIndex against a plain rapidfuzz full scan.

Builds ``bot.query.name_index.NameIndex`` (the class the Resolver uses) at the real data size and
over 15,000 and 150,000 synthetic romanised East- and Central-Asian names, then times a labelled
set of typo queries (1-2 edits, swapped name order, hyphen/space changes) with the index and with
``process.extractOne(query, names, scorer=fuzz.WRatio)`` over pre-folded names. A hit is a
returned name equal to the intended name string (synthetic names may repeat).

Run: ``.venv/bin/python bench/resolve.py`` (about a minute). The last line is the SUMMARY for
150,000 names; record the output in docs/benchmarks.md ("Name resolution").
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz, process

from bot.domain.names import fold
from bot.ingest.apply import apply_plan
from bot.ingest.bundled import bundled_plan, default_data_dir
from bot.query.name_index import NameIndex


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


KOREAN_FAMILY = _words(
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
    "Jeon Ko Moon Yang Son Bae Baek Heo Nam Sim Noh Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin "
    "Eom Chae Won Cheon Bang Gong Hyun Pyo"
)
KOREAN_SYLLABLES = _words(
    "min jeong ji won seo yun hyun jun ho woo jin su young hee eun bin sung gil li tae dong jae "
    "hoon kyung yeon chae na ah ha soo seok hyuk sang gyu han sol bo ram da hye mi ju yu kyu "
    "cheol hwan sik yong joon seung hak nam gi rim in beom oh gun"
)
CHINESE_FAMILY = _words(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng "
    "Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye "
    "Cheng Wei Su Lu Ding Ren Shen Yao Fan Qi Ning Bi Meng Xiong Zang Chu Jiao Kong"
)
CHINESE_SYLLABLES = _words(
    "jing ru xin yu hao nan wei ming lin hong fang jun xiao mei ting long qiang lei yi ze han bin "
    "ke shuang yuan meng zhi wen ying tong rui ning heng qi jie peng xue guang hui li na yan "
    "chun lu tao an yang shao zhong kai hu dan lan jia fei xiang qing"
)
JAPANESE_GIVEN = _words(
    "Haruki Yuma Kaori Sena Rina Shuta Azusa Hana Kazuya Masaya Neo Ryota Sara Shingo Takayuki "
    "Tori Tsukasa Utana Wataru Yuna Go Eren Chisaki Haruna Koyata Rai Ruka Sumitada Takatsugu "
    "Daiki Kenta Sota Yuto Riku Haruto Mio Yui Aoi Hina Miyu Kaito Ren Takumi Nanami Akari"
)
JAPANESE_FAMILY = _words(
    "Yamashita Tanaka Maeda Watanabe Aoki Yoshida Nagamori Sakamoto Yamada Kikuchihara Morita "
    "Kamada Kasamura Shimada Ito Kojima Shimizu Tomita Nishiyama Matsuzu Moriguchi Uda Koyama "
    "Koana Kobonoki Morishige Kagiyama Nagaoka Suzuki Takahashi Nakamura Kobayashi Kato Sasaki "
    "Yamaguchi Matsumoto Inoue Kimura Hayashi Saito Yamazaki Mori Ikeda Hashimoto Ishikawa"
)
CENTRAL_GIVEN = _words(
    "Abzal Adil Aibek Alexandr Alina Angelina Asset Darya Denis Gleb Kamila Kiril Konstantin "
    "Kseniya Madina Malika Mersaid Mikhail Nadezhda Nail Olga Olzhas Vadim Vladislav Yana "
    "Yevgeniy Zeynep Nurlan Aruzhan Dias Yerlan Timur Dilnoza Bekzat Dauren Saule Aigerim "
    "Rustam Farrukh Sherzod Gulnara Dilshod Azamat Ainur Zarina"
)
CENTRAL_ROOTS = _words(
    "Azhgali Galiakhmet Nasen Mukhin Shuryg Dyussen Vazhenin Nikish Ivchenk Yelgazin Bortsov "
    "Shalygin Zhanbussin Yermek Zhaksybay Shaidor Morozov Stepashkin Bashmak Tikhon Klimin "
    "Kural Kirey Koval Koshkin Kumarkhan Chigirev Geynish Nurbek Abdull Karim Sultan Rakhim "
    "Tokay Bekmurat Ismail Yusup Omar Akhmet Serik"
)


@dataclass(frozen=True)
class Query:
    """A typo query and the name string it means."""

    text: str
    intended: str


def synthetic_names(count: int, rng: random.Random) -> list[str]:
    """``count`` realistic romanised names (family + given syllables); duplicates possible."""
    names: list[str] = []
    for _ in range(count):
        style = rng.random()
        if style < 0.35:
            given = rng.choice(KOREAN_SYLLABLES) + "-" + rng.choice(KOREAN_SYLLABLES)
            names.append(f"{rng.choice(KOREAN_FAMILY)} {given.capitalize()}")
        elif style < 0.7:
            parts = rng.choice((1, 2, 2, 2))
            given = "".join(rng.choice(CHINESE_SYLLABLES) for _ in range(parts))
            names.append(f"{rng.choice(CHINESE_FAMILY)} {given.capitalize()}")
        elif style < 0.85:
            names.append(f"{rng.choice(JAPANESE_GIVEN)} {rng.choice(JAPANESE_FAMILY)}")
        else:
            given = rng.choice(CENTRAL_GIVEN)
            suffix = rng.choice(("ov", "ev", "yev", "in", "uly")) if given[-1] != "a" else "ova"
            names.append(f"{given} {rng.choice(CENTRAL_ROOTS)}{suffix}")
    return names


def _edit(word: str, rng: random.Random) -> str:
    """One random edit (substitute, delete, insert or swap adjacent) inside a word."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    if len(word) < 3:
        return word + rng.choice(letters)
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("sub", "del", "ins", "swap"))
    if op == "sub":
        return word[:i] + rng.choice(letters) + word[i + 1 :]
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "ins":
        return word[:i] + rng.choice(letters) + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def typo_queries(names: Sequence[str], count: int, rng: random.Random) -> list[Query]:
    """Known names with 1-2 edits, often a swapped order or a hyphen change, labelled."""
    queries: list[Query] = []
    for _ in range(count):
        name = rng.choice(names)
        words = name.split()
        if rng.random() < 0.4 and len(words) > 1:
            words = [*words[1:], words[0]]
        if rng.random() < 0.5:
            words = [w.replace("-", rng.choice(("", " "))) for w in words]
        for _ in range(rng.choice((1, 1, 2))):
            k = rng.randrange(len(words))
            words[k] = _edit(words[k], rng)
        if rng.random() < 0.5:
            words = [w.lower() for w in words]
        queries.append(Query(text=" ".join(words), intended=name))
    return queries


def real_names() -> list[str]:
    """The athlete names of the bundled Harbin 2025 data (the typo queries are made from them)."""
    plan, _ = bundled_plan(default_data_dir() / "harbin-2025", "harbin-2025")
    data = apply_plan(None, plan)
    names: list[str] = []
    for athlete in data.athletes:
        names.append(athlete.name)
    return names


def p99(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Measured:
    n: int
    p99_index_ms: float
    p99_fullscan_ms: float
    median_index_ms: float
    median_fullscan_ms: float
    top1_index: float
    top1_fullscan: float
    build_s: float

    @property
    def speedup(self) -> float:
        return self.p99_fullscan_ms / self.p99_index_ms


def measure(names: list[str], queries: Sequence[Query]) -> Measured:
    started = time.perf_counter()
    index = NameIndex.build(enumerate(names))
    build_s = time.perf_counter() - started
    folded = [fold(name) for name in names]

    index_ms: list[float] = []
    index_hits = 0
    for query in queries:
        started = time.perf_counter()
        hits = index.search(query.text, limit=1)
        index_ms.append((time.perf_counter() - started) * 1000)
        index_hits += bool(hits) and names[hits[0].entry] == query.intended

    scan_ms: list[float] = []
    scan_hits = 0
    for query in queries:
        started = time.perf_counter()
        best = process.extractOne(fold(query.text), folded, scorer=fuzz.WRatio)
        scan_ms.append((time.perf_counter() - started) * 1000)
        scan_hits += best is not None and names[best[2]] == query.intended

    return Measured(
        n=len(names),
        p99_index_ms=p99(index_ms),
        p99_fullscan_ms=p99(scan_ms),
        median_index_ms=statistics.median(index_ms),
        median_fullscan_ms=statistics.median(scan_ms),
        top1_index=index_hits / len(queries),
        top1_fullscan=scan_hits / len(queries),
        build_s=build_s,
    )


def main() -> None:
    rng = random.Random(20250207)
    real = real_names()
    runs = [(real, 200)]
    for size in (15_000, 150_000):
        runs.append((synthetic_names(size, rng), 400))
    last: Measured | None = None
    for names, count in runs:
        queries = typo_queries(names, count, rng)
        last = measure(names, queries)
        print(
            f"n={last.n:>7} queries={len(queries)} build_s={last.build_s:.3f} "
            f"index p50/p99 ms={last.median_index_ms:.3f}/{last.p99_index_ms:.3f} "
            f"fullscan p50/p99 ms={last.median_fullscan_ms:.3f}/{last.p99_fullscan_ms:.3f} "
            f"speedup={last.speedup:.1f} top1 index={last.top1_index:.3f} "
            f"fullscan={last.top1_fullscan:.3f}",
            flush=True,
        )
    assert last is not None
    print(
        f"SUMMARY n={last.n} p99_index_ms={last.p99_index_ms:.3f} "
        f"p99_fullscan_ms={last.p99_fullscan_ms:.3f} speedup={last.speedup:.1f} "
        f"top1_index={last.top1_index:.3f} top1_fullscan={last.top1_fullscan:.3f} "
        f"build_s={last.build_s:.3f}"
    )


if __name__ == "__main__":
    main()
