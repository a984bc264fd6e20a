"""Name normalisation and the blocked near-duplicate search (no database)."""
from __future__ import annotations

import random

import pytest

from kb.analyses import names
from kb.analyses.overlaps import name_variants


@pytest.mark.parametrize("name, expected", [
    ("对未取得种子生产经营许可证生产经营种子的处罚", "未取得种子生产经营许可证生产经营种子"),
    ("对生产经营者未按规定进行安全评价的行为的行政处罚", "生产经营者未按规定进行安全评价"),
    ("权限内林草种子生产经营许可证的核发", "林草种子生产经营许可证核发"),
    ("林木采伐许可证的核发 ", "林木采伐许可证核发"),
    ("种子生产经营许可证核发（农作物种子生产经营许可）", "种子生产经营许可证核发农作物种子生产经营许可"),
    ("ＡＢＣ检查", "ABC检查"),  # full-width letters
])
def test_normalise_name(name: str, expected: str) -> None:
    assert names.normalise_name(name) == expected


def test_normalisation_keeps_short_names() -> None:
    # cutting 对 and 的处罚 from a short name would leave too little to compare
    assert names.normalise_name("对X的处罚") == "X的处罚"


def test_variants_without_parentheticals() -> None:
    assert "种子生产经营许可证核发" in name_variants("种子生产经营许可证核发（农作物种子生产经营许可）")


def test_similarity_of_the_seed_permits() -> None:
    a = names.normalise_name("种子生产经营许可证核发")
    b = names.normalise_name("权限内林草种子生产经营许可证的核发")
    assert names.similarity(a, b) == pytest.approx(22 / 24)


@pytest.mark.parametrize("length, threshold, expected", [(12, 0.8, 8), (10, 0.9, 9), (3, 0.5, 1)])
def test_required_overlap(length: int, threshold: float, expected: int) -> None:
    assert names.required_overlap(length, threshold) == expected


def test_blocked_search_pairs_only_across_groups_and_inside_blocks() -> None:
    items = [("a", "city", "种子生产经营许可证核发"), ("b", "city", "林草种子生产经营许可证核发"),
             ("c", "county", "林草种子生产经营许可证核发"), ("d", "city", "种子生产经营许可证核发")]
    group = {"a": "农业", "b": "林草", "c": "林草", "d": "农业"}
    pairs = names.similar_pairs(items, 0.8, group_of=group)
    assert set(pairs) == {("a", "b"), ("b", "d")}  # c is another block; a and d are one department
    assert pairs[("a", "b")] == pytest.approx(22 / 24)


def _noisy_names(seed: int, n: int) -> list[tuple[int, int, str]]:
    rng = random.Random(seed)
    alphabet = "林草种子生产经营许可证核发行政处罚对未取得的安全评价检查野生动物保护土地草原渔业船舶"
    bases = ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 16))) for _ in range(n // 6)]
    out = []
    for i in range(n):
        s = list(rng.choice(bases))
        for _ in range(rng.randint(0, 3)):
            k = rng.randrange(len(s))
            if rng.random() < 0.5:
                s[k] = rng.choice(alphabet)
            else:
                s.insert(k, rng.choice(alphabet))
        out.append((i, i % 2, "".join(s)))
    return out


@pytest.mark.parametrize("threshold", [0.7, 0.8, 0.9])
def test_blocking_loses_no_pair(threshold: float) -> None:
    items = _noisy_names(7, 900)
    group = {i: i % 5 for i, _, _ in items}
    stats = names.BlockingStats()
    blocked = names.similar_pairs(items, threshold, group_of=group, stats=stats)
    exhaustive = names.exhaustive_pairs(items, threshold, group_of=group)
    assert blocked.keys() == exhaustive.keys()
    assert all(blocked[k] == pytest.approx(exhaustive[k]) for k in blocked)
    assert stats.candidates < stats.all_pairs


def _places(seed: int, places: int, repeated: bool) -> list[tuple[tuple[int, int], int, str]]:
    """Names of several places (blocks) with four departments each: the same names in every place (a
    province's catalogue), or names of their own in each place."""
    names_of = {p: _noisy_names(seed if repeated else seed + p, 120) for p in range(places)}
    return [((p, i), p, name) for p in range(places) for i, _, name in names_of[p]]


@pytest.mark.parametrize("repeated", [True, False])
@pytest.mark.parametrize("way", ["block", "text"])
def test_both_ways_find_every_pair_in_the_same_order(way: str, repeated: bool) -> None:
    items = _places(3, 12, repeated)
    group = {item_id: item_id[1] % 4 for item_id, _, _ in items}
    exhaustive = names.exhaustive_pairs(items, 0.8, group_of=group)
    found = names.similar_pairs(items, 0.8, group_of=group, way=way)
    assert found.keys() == exhaustive.keys() and len(found) > 100
    assert all(found[k] == pytest.approx(exhaustive[k]) for k in found)
    assert list(found.items()) == list(names.similar_pairs(items, 0.8, group_of=group).items())


@pytest.mark.parametrize("repeated, cheaper", [(True, "text"), (False, "block")])
def test_the_search_takes_the_way_with_fewer_candidates(repeated: bool, cheaper: str) -> None:
    """The same names in every place are scored once for all places; names of each place's own are
    compared inside their place only."""
    items = _places(5, 12, repeated)
    group = {item_id: item_id[1] % 4 for item_id, _, _ in items}
    candidates = {}
    for way in (None, "block", "text"):
        stats = names.BlockingStats()
        names.similar_pairs(items, 0.8, group_of=group, stats=stats, way=way)
        candidates[way] = stats.candidates
    other = {"text": "block", "block": "text"}[cheaper]
    assert candidates[None] == candidates[cheaper] < candidates[other]
