"""The analyses side by side in worker processes (kb.analyses.parallel) find what one process finds,
in the same order: partitions are independent, and the results come back in the partitions' order."""
from __future__ import annotations

import pytest

from kb.analyses import report
from kb.analyses.powers import partitions

pytestmark = pytest.mark.e2e


def _run(graph, batch: int) -> tuple[list[dict], dict[str, float]]:
    seconds: dict[str, float] = {}
    found = [f.as_dict() for part in report.batches(graph, seconds=seconds, batch=batch) for f in part]
    return found, seconds


def test_two_workers_find_what_one_finds(loaded, monkeypatch):
    batch = 400  # small partitions: the demo lists make several, so the workers start
    assert len(list(partitions(loaded, None, batch))) >= 3
    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "1")
    alone, _ = _run(loaded, batch)
    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "2")
    side_by_side, seconds = _run(loaded, batch)
    assert side_by_side == alone
    assert {f["area"] for f in alone} >= {"overlaps", "gaps", "chains", "consistency"}
    assert {"overlaps", "chains", "gaps"} <= set(seconds)


def test_the_whole_graph_in_one_partition_finds_the_same(loaded):
    """Partitions change nothing: one batch of everything against small batches (in one process)."""
    whole, _ = _run(loaded, 10_000_000)
    small, _ = _run(loaded, 400)
    key = lambda f: f["id"]  # noqa: E731 - the order of the batches differs, not the findings
    assert sorted(whole, key=key) == sorted(small, key=key)
