"""Partitions analysed side by side, in worker processes of their own.

The analyses split the graph into partitions that share nothing (kb.analyses.report.batches); most
of a partition's time is Python's (names compared, links built), not the server's, so on a machine
with two cores one process leaves one idle. `ordered` runs a partition function in `workers()`
processes, each with its own driver, and hands the results back in the order of the partitions: the
findings and their order are those of a run in one process. Few partitions (a city's lists, the
tests) run in this process: starting workers costs more than it saves.

`KB_ANALYSIS_WORKERS` sets the number of processes (1: none started).

`Ahead` runs reads over the whole graph (the server's work, with Python waiting on it) in a thread of
this process while the partitions keep both cores busy, so that their results are ready at their turn
instead of leaving a core idle at the end.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, TypeVar

from kb.db import Graph

R = TypeVar("R")
MAX_WORKERS = 4
MIN_TASKS = 3  # fewer partitions than this run in this process

_graph: Graph | None = None  # a worker's own connection
_context: dict[str, Any] = {}  # what every task of a worker needs (the chains' delegations …)


def workers() -> int:
    configured = os.environ.get("KB_ANALYSIS_WORKERS", "").strip()
    if configured.isdecimal() and int(configured) > 0:
        return int(configured)
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _start(settings: Any, context: dict[str, Any]) -> None:
    global _graph, _context
    _graph = Graph.from_settings(settings)
    _context = context


def _run(fn: Callable[..., R], args: tuple) -> R:
    assert _graph is not None
    return fn(_graph, _context, *args)


def ordered(graph: Graph, fn: Callable[..., R], tasks: Iterable[tuple], context: dict[str, Any] | None = None
            ) -> Iterator[R]:
    """``fn(graph, context, *task)`` for each task, in the tasks' order, at most one result ahead per
    worker held. ``fn`` is a module-level function (the workers import it by name)."""
    context = context or {}
    tasks = list(tasks)
    n = min(workers(), len(tasks))
    if n <= 1 or len(tasks) < MIN_TASKS or graph.settings is None:
        for task in tasks:
            yield fn(graph, context, *task)
        return
    spawn = multiprocessing.get_context("spawn")  # no fork of a process holding a driver's sockets
    with ProcessPoolExecutor(n, mp_context=spawn, initializer=_start, initargs=(graph.settings, context)) as pool:
        pending: deque[Future[R]] = deque()
        try:
            for task in tasks:
                pending.append(pool.submit(_run, fn, task))
                if len(pending) > n:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


class Ahead:
    """Work started now in one background thread, a task after another in the order given, each
    result taken at its turn with the seconds it took (``take`` raises what the task raised). The
    tasks use the caller's Graph (its driver is safe across threads); ``close`` cancels the tasks not
    started (one running is left to finish in its thread: a driver's query cannot be stopped)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="kb-ahead")
        self._tasks: dict[str, Future[tuple[Any, float]]] = {}

    def start(self, name: str, fn: Callable[[], R]) -> None:
        def timed() -> tuple[R, float]:
            started = time.monotonic()
            return fn(), time.monotonic() - started

        self._tasks[name] = self._pool.submit(timed)

    def take(self, name: str) -> tuple[Any, float]:
        return self._tasks.pop(name).result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
