"""NameIndex: the fast fuzzy index over personal and place names (athletes, nations).

It owns how a name is cut into match keys and how a loosely typed query finds its candidates:

* ``name_tokens`` folds a name (``bot.domain.names.fold``) after joining hyphenated parts, so
  ``Gil-li``, ``Gilli`` and (via query variants) ``Gil Li`` become the same token ``gilli``.
* ``canon_token`` maps common romanisation variants to one spelling (jeong/jung, seong/sung,
  lee/yi/rhee, park/pak, choi/choe, hoon/hun ...); keys and queries are indexed in both forms.
* Every name gives no-space keys in both name orders (``kimgilli``, ``gillikim``).

Candidate generation never scans all keys of a large index: query tokens are widened to similar
vocabulary tokens through a deletion neighbourhood (one deletion), and candidates are the keys that
share a *pair* of (similar) tokens with the query; single-token postings (rarest first, capped)
are the fallback. The small candidate set is then scored with ``rapidfuzz`` (``fuzz.ratio`` on
no-space keys, which never lets a short query score high against a long name). Indexes with few
keys (the real data) add a full scan when the candidates are weak, at negligible cost.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.domain.names import fold

_JOINERS = re.compile(r"(?<=\w)[-‐‑–—'’.](?=\w)")
_ASCII_APOSTROPHES = re.compile(r"['`]")
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")

# Whole-token romanisation variants (mostly Korean family names), mapped to one spelling.
_WHOLE_TOKEN: dict[str, str] = {
    "yi": "lee",
    "rhee": "lee",
    "rhie": "lee",
    "ri": "lee",
    "rhi": "lee",
    "jeong": "jung",
    "chung": "jung",
    "cheong": "jung",
    "joung": "jung",
    "pak": "park",
    "bak": "park",
    "pack": "park",
    "choe": "choi",
    "chwe": "choi",
    "sin": "shin",
    "sim": "shim",
    "roh": "noh",
    "no": "noh",
    "yun": "yoon",
    "gang": "kang",
    "koh": "ko",
    "o": "oh",
    "gim": "kim",
    "im": "lim",
    "rim": "lim",
    "ryu": "yoo",
    "yu": "yoo",
    "gu": "koo",
    "ku": "koo",
    "seong": "sung",
}
# Substring variants inside romanised given names (applied in order).
_SUBSTRINGS: tuple[tuple[str, str], ...] = (
    ("eo", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ou", "u"),
)


def name_tokens(text: str) -> list[str]:
    """Folded tokens of a name, hyphenated parts joined: ``"Kim Gil-li"`` → ``["kim", "gilli"]``."""
    joined = _JOINERS.sub("", text)
    if joined.isascii():  # the same as ``fold`` for ASCII, several times faster
        lowered = _ASCII_APOSTROPHES.sub("", joined).lower()
        return [token for token in _ASCII_SEPARATORS.split(lowered) if token]
    return fold(joined).split()


@lru_cache(maxsize=1 << 16)
def canon_token(token: str) -> str:
    """One spelling for common romanisation variants: ``jeong`` → ``jung``, ``minjeong`` →
    ``minjung``, ``yi`` → ``lee``. Applied to both the index and the query."""
    token = _WHOLE_TOKEN.get(token, token)
    for old, new in _SUBSTRINGS:
        token = token.replace(old, new)
    return token


_LONGEST_TOKEN = 32
_LONGEST_QUERY = 120


def _deletions(token: str) -> set[str]:
    """The token and every string one deletion away (none for very short or very long tokens)."""
    found = {token}
    if 3 <= len(token) <= _LONGEST_TOKEN:
        found.update(token[:i] + token[i + 1 :] for i in range(len(token)))
    return found


def _query_forms(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    """Token lists a query may stand for: as typed, and with split given names joined back
    (``kim gil li`` → ``kim gilli``; ``min jeong choi`` → ``minjeong choi``)."""
    forms: list[tuple[str, ...]] = [tuple(tokens)]
    if len(tokens) >= 3:
        forms.append((tokens[0], "".join(tokens[1:])))
        forms.append(("".join(tokens[:-1]), tokens[-1]))
        for i in range(len(tokens) - 1):
            forms.append((*tokens[:i], tokens[i] + tokens[i + 1], *tokens[i + 2 :]))
    with_canon = list(forms)
    for form in forms:
        canon = tuple(canon_token(t) for t in form)
        if canon != form:
            with_canon.append(canon)
    return list(dict.fromkeys(with_canon))


@dataclass(frozen=True)
class Hit:
    """One entry found for a query: its entry number, best score (0-100) and the key it hit."""

    entry: int
    score: float
    key: str


@dataclass(frozen=True)
class NameIndex:
    """An immutable fuzzy index from names to entry numbers (0..n-1, chosen by the caller).

    Build with ``NameIndex.build([(entry, name), ...])``; an entry may have many names (official
    name, aliases, native script). ``search`` returns the best entries for a loosely typed query.
    """

    keys: tuple[str, ...]
    key_entry: tuple[int, ...]
    token_keys: dict[str, tuple[int, ...]]
    pair_keys: dict[tuple[str, str], tuple[int, ...]]
    neighbours: dict[str, tuple[str, ...]]
    prefixes: dict[str, tuple[str, ...]]
    #: Every token, sorted, and the position of each in the vocabulary's own order (for prefixes
    #: longer than ``PREFIX_KEPT``, found by bisection).
    sorted_tokens: tuple[str, ...] = ()
    sorted_positions: tuple[int, ...] = ()
    small: bool = field(default=False)

    #: At or below this many keys, a weak candidate set is topped up by scoring every key.
    FULL_SCAN_KEYS = 4000
    #: How many keys the single-token fallback may add.
    FALLBACK_BUDGET = 2000
    #: How many best keys per query form are turned into hits.
    SCORED_LIMIT = 60
    #: How many vocabulary tokens a prefix (autocomplete) may expand to.
    PREFIX_FANOUT = 64
    #: Prefixes up to this long are kept, each with its tokens; a longer one is looked up in the
    #: sorted vocabulary, so a long word costs its length, not its length squared.
    PREFIX_KEPT = _LONGEST_TOKEN

    @classmethod
    def build(cls, names: Iterable[tuple[int, str]], *, both_orders: bool = True) -> NameIndex:
        """Index ``(entry, name)`` pairs; names that fold to nothing are skipped.

        ``both_orders`` adds each multi-word name reversed (family and given names); turn it off
        for names whose word order is fixed (nations: reversed "N. Korea" would read "korean").
        """
        keys: list[str] = []
        key_entry: list[int] = []
        token_keys: dict[str, list[int]] = defaultdict(list)
        pair_keys: dict[tuple[str, str], list[int]] = defaultdict(list)

        for entry, name in names:
            tokens = name_tokens(name)
            if not tokens:
                continue
            canon = [canon_token(t) for t in tokens]
            for form in (tokens, canon) if canon != tokens else (tokens,):
                ids = [len(keys)]
                joined = "".join(form)
                keys.append(joined)
                key_entry.append(entry)
                if both_orders and len(form) > 1:
                    reversed_joined = "".join(reversed(form))
                    ids.append(len(keys))
                    keys.append(reversed_joined)
                    key_entry.append(entry)
                for token in set(form):
                    token_keys[token].extend(ids)
                for i in range(len(form) - 1):
                    for j in range(i + 1, min(len(form), i + 4)):
                        a, b = form[i], form[j]
                        pair_keys[(a, b) if a <= b else (b, a)].extend(ids)

        neighbours: dict[str, list[str]] = defaultdict(list)
        prefixes: dict[str, list[str]] = defaultdict(list)
        for token in token_keys:
            for variant in _deletions(token):
                neighbours[variant].append(token)
            for end in range(1, min(len(token), cls.PREFIX_KEPT) + 1):
                bucket = prefixes[token[:end]]
                if len(bucket) < cls.PREFIX_FANOUT:
                    bucket.append(token)
        by_token = sorted((token, position) for position, token in enumerate(token_keys))
        return cls(
            keys=tuple(keys),
            key_entry=tuple(key_entry),
            token_keys={k: tuple(v) for k, v in token_keys.items()},
            pair_keys={k: tuple(v) for k, v in pair_keys.items()},
            neighbours={k: tuple(v) for k, v in neighbours.items()},
            prefixes={k: tuple(v) for k, v in prefixes.items()},
            sorted_tokens=tuple(token for token, _ in by_token),
            sorted_positions=tuple(position for _, position in by_token),
            small=len(keys) <= cls.FULL_SCAN_KEYS,
        )

    def __len__(self) -> int:
        return len(self.keys)

    @functools.cached_property
    def _key_entries(self) -> dict[str, tuple[int, ...]]:
        found: dict[str, list[int]] = defaultdict(list)
        for key, entry in zip(self.keys, self.key_entry, strict=True):
            if entry not in found[key]:
                found[key].append(entry)
        return {key: tuple(entries) for key, entries in found.items()}

    def exact(self, text: str) -> tuple[int, ...]:
        """The entries with a key equal to ``text``'s (as typed or romanisation-unified): those
        ``search`` scores 100, found by a lookup instead of scoring."""
        tokens = name_tokens(text[:_LONGEST_QUERY])[:8]
        if not tokens:
            return ()
        entries: dict[int, None] = {}
        for query in ("".join(tokens), "".join(canon_token(t) for t in tokens)):
            entries.update(dict.fromkeys(self._key_entries.get(query, ())))
        return tuple(entries)

    def _similar(self, token: str) -> list[str]:
        """Vocabulary tokens within one edit of ``token`` (via shared one-deletion variants)."""
        found: dict[str, None] = {}
        if token in self.token_keys:
            found[token] = None
        for variant in _deletions(token):
            for other in self.neighbours.get(variant, ()):
                found[other] = None
        return list(found)

    def knows(self, token: str) -> bool:
        """Whether ``token`` (folded) is a word of some name, or one edit from one."""
        return bool(self._similar(canon_token(token))) or bool(self._similar(token))

    def _starting(self, text: str) -> tuple[str, ...]:
        """The first ``PREFIX_FANOUT`` vocabulary tokens (in vocabulary order) that start with
        ``text``."""
        if len(text) <= self.PREFIX_KEPT:
            return self.prefixes.get(text, ())
        found: list[tuple[int, str]] = []
        tokens = self.sorted_tokens
        at = bisect.bisect_left(tokens, text)
        while at < len(tokens) and tokens[at].startswith(text):
            found.append((self.sorted_positions[at], tokens[at]))
            at += 1
        return tuple(token for _, token in sorted(found)[: self.PREFIX_FANOUT])

    def _expand(self, token: str, prefix: bool) -> list[str]:
        similar = self._similar(token)
        if prefix:
            similar.extend(self._starting(token))
        return list(dict.fromkeys(similar))

    def _candidates(self, tokens: Sequence[str], prefix: bool) -> set[int]:
        found: set[int] = set()
        forms = _query_forms(tokens)
        for form in forms:
            if len(form) < 2:
                continue
            expanded = [self._expand(t, prefix and i == len(form) - 1) for i, t in enumerate(form)]
            for i in range(len(form)):
                for j in range(i + 1, min(len(form), i + 4)):
                    for a in expanded[i]:
                        for b in expanded[j]:
                            found.update(self.pair_keys.get((a, b) if a <= b else (b, a), ()))
        if len(tokens) == 1:
            joined = tokens[0]
            for cut in range(2, len(joined) - 1):
                head, tail = joined[:cut], joined[cut:]
                if head in self.token_keys and tail in self.token_keys:
                    a, b = (head, tail) if head <= tail else (tail, head)
                    found.update(self.pair_keys.get((a, b), ()))
        return found

    def _fallback(self, tokens: Sequence[str], prefix: bool) -> set[int]:
        """Keys sharing one (similar) token with the query, rarest tokens first, within a budget;
        long tokens also reach two edits (query-side second deletion)."""
        singles: set[tuple[int, str]] = set()
        forms = _query_forms(tokens)
        for form in forms[:1] + forms[-1:]:
            for i, token in enumerate(form):
                similar = self._expand(token, prefix and i == len(form) - 1)
                if 5 <= len(token) <= 12:
                    for variant in _deletions(token):
                        for twice in _deletions(variant):
                            similar.extend(self.neighbours.get(twice, ()))
                for other in similar:
                    singles.add((len(self.token_keys[other]), other))
        found: set[int] = set()
        budget = self.FALLBACK_BUDGET
        for size, other in sorted(singles):
            if size > budget:
                break
            found.update(self.token_keys[other])
            budget -= size
        return found

    def search(self, text: str, limit: int = 10, *, prefix: bool = False) -> list[Hit]:
        """The best entries for ``text``, best first, one hit per entry.

        Scores are ``fuzz.ratio`` of no-space keys (raw and romanisation-unified), so order,
        hyphens and spaces do not matter. With ``prefix`` (autocomplete), a key that starts with
        the query scores 90-100 by how much of it was typed.
        """
        tokens = name_tokens(text[:_LONGEST_QUERY])[:8]
        if not tokens:
            return []
        queries = list(dict.fromkeys(["".join(tokens), "".join(canon_token(t) for t in tokens)]))
        best: dict[int, tuple[float, str]] = {}
        candidates = self._candidates(tokens, prefix)
        self._score(queries, candidates, prefix, best)
        if not best or max(best.values())[0] < 88:
            self._score(queries, self._fallback(tokens, prefix) - candidates, prefix, best)
        if self.small and (not best or max(best.values())[0] < 90):
            self._score(queries, range(len(self.keys)), prefix, best)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], len(item[1][1]), item[0]))
        return [Hit(entry=e, score=s, key=k) for e, (s, k) in ranked[:limit]]

    def _score(
        self,
        queries: Sequence[str],
        candidates: Iterable[int],
        prefix: bool,
        best: dict[int, tuple[float, str]],
    ) -> None:
        """Score candidate keys against the query forms, keeping each entry's best in ``best``."""
        ids = list(candidates)
        if not ids:
            return
        choices = list(map(self.keys.__getitem__, ids))

        def offer(position: int, score: float) -> None:
            entry = self.key_entry[ids[position]]
            old = best.get(entry)
            if old is None or score > old[0]:
                best[entry] = (score, choices[position])

        for query in queries:
            for _, score, position in process.extract(
                query, choices, scorer=fuzz.ratio, limit=self.SCORED_LIMIT, score_cutoff=40
            ):
                offer(position, score)
            if prefix and query == queries[0]:  # the spelling typed, not a unified variant
                for position, key in enumerate(choices):
                    if key.startswith(query) and len(key) > len(query):
                        offer(position, 90.0 + 10.0 * len(query) / len(key))
