"""The analyses side by side in worker processes (kb.analyses.parallel) find what one process finds,
in the same order: partitions are independent, and the results come back in the partitions' order."""
from __future__ import annotations

import os

import pytest

from kb.analyses import chains, parallel, report

pytestmark = pytest.mark.e2e


def department_and_worker(graph, context: dict, name: str) -> tuple[str, int, int]:
    """A task run in a worker: what its own connection reads, and which process read it."""
    n = graph.read("MATCH (:Department {name: $name})-[:HOLDS]->(p) RETURN count(p) AS n", name=name)[0]["n"]
    return name, n + context["add"], os.getpid()


def test_tasks_run_in_worker_processes_and_come_back_in_order(loaded, monkeypatch):
    names = [r["name"] for r in loaded.read("MATCH (d:Department) RETURN d.name AS name ORDER BY name LIMIT 6")]
    tasks = [(n,) for n in names]
    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "1")
    alone = list(parallel.ordered(loaded, department_and_worker, tasks, {"add": 1}))
    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "2")
    side_by_side = list(parallel.ordered(loaded, department_and_worker, tasks, {"add": 1}))
    assert [r[:2] for r in side_by_side] == [r[:2] for r in alone] and [r[0] for r in alone] == names
    assert {r[2] for r in alone} == {os.getpid()}
    assert os.getpid() not in {r[2] for r in side_by_side}


def test_two_workers_find_what_one_finds(loaded, monkeypatch):
    batch = 400  # small batches: the demo's chains make two (its other bodies publish one level each)
    monkeypatch.setattr(parallel, "MIN_TASKS", 2)  # so that two start the workers
    assert len(chains.partition_plan(loaded, None, batch)[0]) >= 2

    def run() -> list[dict]:
        return [f.as_dict() for part in report.batches(loaded, batch=batch) for f in part]

    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "1")
    alone = run()
    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "2")
    assert run() == alone
    assert {f["area"] for f in alone} >= {"overlaps", "gaps", "chains", "consistency"}


def test_small_batches_find_what_one_batch_finds(loaded, monkeypatch):
    """Partitions change nothing: everything in one batch against small batches (in one process)."""
    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "1")
    whole = [f.as_dict() for part in report.batches(loaded, batch=10_000_000) for f in part]
    small = [f.as_dict() for part in report.batches(loaded, batch=400) for f in part]
    assert sorted(whole, key=lambda f: f["id"]) == sorted(small, key=lambda f: f["id"])
