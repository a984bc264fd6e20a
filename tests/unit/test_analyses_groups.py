"""DisjointSet: the one union-find the overlap and chain analyses share (no database)."""
from __future__ import annotations

from kb.analyses.groups import DisjointSet


def test_groups_in_the_order_their_first_member_was_added() -> None:
    groups = DisjointSet(["a", "b", "c", "d", "e"])
    groups.union("d", "b")
    groups.union("e", "a")
    assert groups.groups() == [["a", "e"], ["b", "d"], ["c"]]
    assert groups.numbers() == {"a": 0, "b": 1, "c": 2, "d": 1, "e": 0}


def test_union_is_transitive_and_adds_unseen_items() -> None:
    groups = DisjointSet(range(3))
    groups.union(0, 1)
    groups.union(1, 5)
    assert groups.find(0) == groups.find(5)
    assert groups.groups() == [[0, 1, 5], [2]]
