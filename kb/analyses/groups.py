"""Disjoint sets (union-find): which things end up in one group once some pairs are joined.

Overlaps group citations of one article whose texts agree; chains group departments into bodies
(a department and its COUNTERPART_OF above) and linked powers into chains.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSet(Generic[T]):
    """Groups come out in the order their first member was added, so results do not depend on which
    member happens to be a group's root."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {}
        for item in items:
            self.add(item)

    def add(self, item: T) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: T) -> T:
        """The root of the item's group (an unseen item starts a group of its own)."""
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving keeps the trees flat
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[root_a] = root_b

    def groups(self) -> list[list[T]]:
        """Every group, its members in the order they were added."""
        out: dict[T, list[T]] = {}
        for item in self._parent:
            out.setdefault(self.find(item), []).append(item)
        return list(out.values())

    def numbers(self) -> dict[T, int]:
        """Each item's group number: 0 for the group added first, 1 for the next …"""
        numbers: dict[T, int] = {}
        return {item: numbers.setdefault(self.find(item), len(numbers)) for item in self._parent}
