"""Power names: normalisation (rules in data/names.toml) and the blocked near-duplicate search.

Similarity is rapidfuzz's normalised Indel similarity on the normalised names,
``ratio(a, b) = 2·LCS(a, b) / (|a| + |b|)``, so 种子生产经营许可证核发 and 林草种子生产经营许可证核发
score 2·11/24 = 0.917.

Blocking never compares all pairs. Names are split into character tokens (a repeated character is a
new token: 林#1, 林#2), tokens are ordered rarest first across the whole collection, and each name is
indexed under the first ``len - α + 1`` tokens of that order only, where α = ⌈t·len / (2 - t)⌉ is the
least number of characters a name of that length must share with any name at similarity ≥ t. Two
names at ≥ t share at least α tokens of each, so their rarest shared token lies in both prefixes
(the prefix-filter lemma): candidates from the inverted index of prefix tokens lose no pair. The
frequent characters (行, 政, 许, 可, 处, 罚 …) sit at the end of the order and are never indexed,
which keeps the candidate lists short as the collection grows to a province.
"""
from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

Item = tuple[Hashable, Hashable, str]  # (id, block: pairs are only sought inside one block, normalised name)


@dataclass(frozen=True)
class NameRules:
    min_length: int
    remove_chars: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    remove_words: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> NameRules:
    data = tomllib.loads(resources.files("kb.analyses").joinpath("data/names.toml").read_text("utf-8"))
    by_length = lambda words: tuple(sorted(words, key=len, reverse=True))
    return NameRules(int(data.get("min_length", 4)), frozenset(data.get("remove_chars", "")),
                     by_length(data.get("prefixes", [])), by_length(data.get("suffixes", [])),
                     tuple(data.get("remove_words", [])))


_SPACE = re.compile(r"\s+")


def normalise_name(name: str | None, rule_set: NameRules | None = None) -> str:
    """The comparable core of a power name: 对未取得…许可证的处罚 -> 未取得…许可证."""
    if rule_set is None:
        return _normalised(name or "")
    return _normalise(name, rule_set)


@lru_cache(maxsize=500_000)
def _normalised(name: str) -> str:
    """Under the shipped rules, once per name: a province's lists repeat their names place after place."""
    return _normalise(name, rules())


def _normalise(name: str | None, r: NameRules) -> str:
    text = _SPACE.sub("", unicodedata.normalize("NFKC", name or ""))
    text = "".join(ch for ch in text if ch not in r.remove_chars)
    changed = True
    while changed:
        changed = False
        for p in r.prefixes:
            if text.startswith(p) and len(text) - len(p) >= r.min_length:
                text, changed = text[len(p):], True
                break
        for s in r.suffixes:
            if text.endswith(s) and len(text) - len(s) >= r.min_length:
                text, changed = text[: -len(s)], True
                break
    for w in r.remove_words:
        shorter = text.replace(w, "")
        if len(shorter) >= r.min_length:
            text = shorter
    return text


def similarity(a: str, b: str) -> float:
    """Normalised Indel similarity, 0–1 (rapidfuzz ``fuzz.ratio`` / 100)."""
    return fuzz.ratio(a, b) / 100.0


def required_overlap(length: int, threshold: float) -> int:
    """Least number of shared characters a name of `length` needs with any name at ≥ threshold."""
    return max(1, math.ceil(threshold * length / (2.0 - threshold) - 1e-9))


def _tokens(text: str) -> list[tuple[str, int]]:
    seen: Counter[str] = Counter()
    out = []
    for ch in text:
        seen[ch] += 1
        out.append((ch, seen[ch]))
    return out


@dataclass
class BlockingStats:
    names: int = 0
    candidates: int = 0  # pairs the blocking step let through to rapidfuzz
    all_pairs: int = 0  # pairs an exhaustive comparison would score (same block, different group)
    pairs: int = 0  # pairs at or above the threshold


def similar_pairs(items: Sequence[Item], threshold: float, *, group_of: dict | None = None,
                  stats: BlockingStats | None = None,
                  way: str | None = None) -> dict[tuple[Hashable, Hashable], float]:
    """Pairs (id_a, id_b) inside one block, from different groups, with similarity ≥ threshold.

    `group_of` maps an id to its group (a department): pairs inside one group are skipped. Ids in a
    pair are ordered as in `items`. Identical names of one block (the variants of a list's sub-items
    often are) are indexed and scored once, then paired item by item.

    Two ways to the same pairs, the cheaper taken (both walk the inverted index of prefix tokens; what
    each walks is counted before either runs): name by name inside each block, or each distinct text
    once across all blocks, its similar texts then looked up in each block that holds it. A
    province's places repeat the same names (the same catalogue item in every county), so the second
    scores a name once instead of once per place; lists whose names differ place by place take the
    first, whose candidates never leave their block. `way` ("block" or "text") forces one (to compare them).
    """
    stats = stats or BlockingStats()
    group_of = group_of or {}
    distinct: dict[tuple[Hashable, str], int] = {}
    members: list[list[int]] = []  # distinct (block, name) -> the items that have it, in order
    for i, (_, block, name) in enumerate(items):
        d = distinct.setdefault((block, name), len(distinct))
        if d == len(members):
            members.append([])
        members[d].append(i)
    text_ids: dict[str, int] = {}
    text_of = [text_ids.setdefault(name, len(text_ids)) for _, name in distinct]
    texts = list(text_ids)
    tokens = [_tokens(t) for t in texts]
    freq: Counter[tuple[str, int]] = Counter()
    for t, its in zip(text_of, members):
        for tok in tokens[t]:
            freq[tok] += len(its)

    def rank(tok: tuple[str, int]) -> tuple[int, tuple[str, int]]:
        return freq[tok], tok  # rarest first, ties broken the same way for every name

    lengths = [len(t) for t in texts]
    prefixes = [sorted(toks, key=rank)[: n - required_overlap(n, threshold) + 1] if n else []
                for toks, n in zip(tokens, lengths)]
    groups = [group_of.get(item_id, (item_id,)) for item_id, _, _ in items]
    # the groups among the items of each distinct name (a name held by one group only is skipped
    # against itself and against names of that group alone)
    name_groups = [{groups[i] for i in its} for its in members]
    scored: list[tuple[int, int, float]] = []  # (item, earlier item, score)
    for d, its in enumerate(members):
        if len(name_groups[d]) > 1 and texts[text_of[d]]:  # the same name in two groups: similarity 1
            scored += [(i, j, 1.0) for x, i in enumerate(its) for j in its[:x] if groups[i] != groups[j]]
    by_block: Counter = Counter((block, tok) for (block, _), t in zip(distinct, text_of) for tok in prefixes[t])
    by_text: Counter = Counter(tok for prefix in prefixes for tok in prefix)
    walk = lambda postings: sum(n * (n - 1) // 2 for n in postings.values())
    if way is None:
        way = "text" if walk(by_text) < walk(by_block) else "block"
    if way == "text":
        _pairs_by_text(distinct, text_of, texts, prefixes, members, groups, threshold, scored, stats)
    else:
        _pairs_by_block(distinct, text_of, texts, prefixes, members, groups, name_groups, threshold, scored,
                        stats)
    out: dict[tuple[Hashable, Hashable], float] = {}
    # in the order of the later item, the best score first (as an item-by-item search finds them)
    for i, j, score in sorted(scored, key=lambda t: (t[0], -t[2], t[1])):
        out[(items[j][0], items[i][0])] = score
    stats.names += len(items)
    block_sizes: Counter = Counter()
    block_groups: dict[Hashable, Counter] = defaultdict(Counter)
    for item_id, block, _ in items:
        block_sizes[block] += 1
        block_groups[block][group_of.get(item_id, item_id)] += 1
    for block, n in block_sizes.items():
        same = sum(c * (c - 1) // 2 for c in block_groups[block].values())
        stats.all_pairs += n * (n - 1) // 2 - same
    stats.pairs += len(out)
    return out


def _length_range(length: int, threshold: float) -> tuple[float, float]:
    """The lengths a name of `length` can be similar to at ≥ threshold."""
    return length * threshold / (2 - threshold) - 1e-9, length * (2 - threshold) / threshold + 1e-9


def _pairs_by_block(distinct, text_of, texts, prefixes, members, groups, name_groups, threshold, scored,
                    stats) -> None:
    """Each distinct name of a block against the earlier names of that block sharing a prefix token."""
    index: dict[tuple[Hashable, tuple[str, int]], list[int]] = defaultdict(list)
    lengths = [len(texts[t]) for t in text_of]
    cutoff = threshold * 100.0 - 1e-6
    for d, (block, name) in enumerate(distinct):
        if not name:
            continue
        lo, hi = _length_range(lengths[d], threshold)
        found: set[int] = set()
        for tok in prefixes[text_of[d]]:
            posting = index.get((block, tok))
            if posting:
                found.update(posting)
            index[(block, tok)].append(d)
        mine = name_groups[d]
        candidates = [e for e in found if lo <= lengths[e] <= hi
                      and (len(mine) > 1 or len(name_groups[e]) > 1 or name_groups[e] != mine)]
        stats.candidates += len(candidates)
        if not candidates:
            continue
        its = members[d]
        for _, score, pos in process.extract(name, [texts[text_of[e]] for e in candidates], scorer=fuzz.ratio,
                                              score_cutoff=cutoff, limit=None):
            others = members[candidates[pos]]
            scored += [(max(i, j), min(i, j), score / 100.0) for i in its for j in others if groups[i] != groups[j]]


def _pairs_by_text(distinct, text_of, texts, prefixes, members, groups, threshold, scored, stats) -> None:
    """Each distinct text once against the earlier texts sharing a prefix token, whatever their
    blocks; then, in each block, the pairs of its names that are similar texts."""
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    similar: list[list[tuple[int, float]]] = [[] for _ in texts]  # text -> (earlier text, score)
    cutoff = threshold * 100.0 - 1e-6
    for t, text in enumerate(texts):
        if not text:
            continue
        lo, hi = _length_range(len(text), threshold)
        found: set[int] = set()
        for tok in prefixes[t]:
            posting = index.get(tok)
            if posting:
                found.update(posting)
            index[tok].append(t)
        candidates = [u for u in found if lo <= len(texts[u]) <= hi]
        stats.candidates += len(candidates)
        if candidates:
            similar[t] = [(candidates[pos], score / 100.0) for _, score, pos in
                          process.extract(text, [texts[u] for u in candidates], scorer=fuzz.ratio,
                                          score_cutoff=cutoff, limit=None)]
    in_block: dict[tuple[Hashable, int], int] = {(block, t): d for (block, _), t, d in
                                                 zip(distinct, text_of, range(len(distinct)))}
    for d, (block, _) in enumerate(distinct):
        its = members[d]
        for u, score in similar[text_of[d]]:
            e = in_block.get((block, u))
            if e is not None:
                scored += [(max(i, j), min(i, j), score) for i in its for j in members[e] if groups[i] != groups[j]]


def exhaustive_pairs(items: Sequence[Item], threshold: float, *,
                     group_of: dict | None = None) -> dict[tuple[Hashable, Hashable], float]:
    """The same answer as `similar_pairs` by scoring every pair (for measuring the blocking's recall)."""
    group_of = group_of or {}
    out: dict[tuple[Hashable, Hashable], float] = {}
    by_block: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_block[item[1]].append(i)
    cutoff = threshold * 100.0 - 1e-6
    for members in by_block.values():
        for x, i in enumerate(members):
            if not items[i][2]:
                continue
            later = [items[j][2] for j in members[x + 1:]]
            for _, score, y in process.extract(items[i][2], later, scorer=fuzz.ratio, score_cutoff=cutoff,
                                               limit=None):
                a, b = items[i][0], items[members[x + 1 + y]][0]
                if not later[y] or (group_of and group_of.get(a) == group_of.get(b)):
                    continue
                out[(a, b)] = score / 100.0
    return out
