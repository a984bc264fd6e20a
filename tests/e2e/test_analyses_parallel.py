"""The analyses side by side in worker processes (kb.analyses.parallel) find what one process finds,
in the same order: partitions are independent, and the results come back in the partitions' order."""
from __future__ import annotations

import os
import threading

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


def test_whole_graph_reads_run_beside_the_partitions(loaded, monkeypatch):
    """The laws to load (a read of the whole graph) begin with the first partitions, in a thread of
    their own, and their findings still come last, as in one run after another."""
    from kb.analyses import laws

    monkeypatch.setenv("KB_ANALYSIS_WORKERS", "1")
    expected = [f.as_dict() for part in report.batches(loaded, ["overlaps", "laws"]) for f in part]
    began = threading.Event()
    threads: list[str] = []
    find = laws.find

    def watched(graph, jurisdiction=None):
        threads.append(threading.current_thread().name)
        began.set()
        return find(graph, jurisdiction)

    monkeypatch.setattr(laws, "find", watched)
    parts = report.batches(loaded, ["overlaps", "laws"])
    first = next(parts)
    assert first and {f.area for f in first} == {"overlaps"}
    assert began.wait(60), "the laws to load were not begun before the overlaps were read"
    found = [f.as_dict() for part in [first, *parts] for f in part]
    assert found == expected and found[-1]["area"] == "laws"
    assert threads and threads[0].startswith("kb-ahead")


def test_ahead_gives_each_result_at_its_turn_and_raises_there():
    ahead = parallel.Ahead()
    ahead.start("one", lambda: threading.current_thread().name)
    ahead.start("broken", lambda: 1 / 0)
    ahead.start("two", lambda: 2)
    name, took = ahead.take("one")
    assert name.startswith("kb-ahead") and took >= 0
    with pytest.raises(ZeroDivisionError):
        ahead.take("broken")
    assert ahead.take("two")[0] == 2  # a task that failed stops no other
    ahead.close()
