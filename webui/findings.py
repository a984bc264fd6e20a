"""The analyses (kb.analyses) as the browser needs them: every finding, cached until the data changes."""
from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from typing import Any

from webui import store

AREAS = ("overlaps", "gaps", "chains", "consistency", "services")

# Changes when an import, an edit or a resolution changes what the analyses would find.
STAMP = """
CALL { MATCH (r:ImportRun) RETURN count(r) AS runs, max(r.finished_at) AS last }
CALL { MATCH (e:Edit) RETURN count(e) AS edits }
CALL { MATCH (f:Finding) RETURN count(f) AS findings }
CALL { MATCH (f:Finding) WHERE f.status <> 'open' RETURN count(f) AS settled }
RETURN runs, toString(last) AS last, edits, findings, settled
"""

_lock = threading.Lock()
_cache: dict[str, Any] = {"stamp": None, "findings": None, "error": None, "seconds": None, "at": 0.0}


def _runner() -> Callable[[Any], list] | None:
    """The analyses' entry point: kb.analyses.run_all(graph) when it exists."""
    try:
        module = importlib.import_module("kb.analyses")
    except ImportError:
        return None
    for name in ("run_all", "check", "analyse", "run"):
        fn = getattr(module, name, None)
        if callable(fn):
            return fn
    return None


def available() -> bool:
    return _runner() is not None


def all_findings() -> tuple[list, str | None]:
    """(findings, error): every Finding of every area, sorted as kb.analyses sorts them."""
    runner = _runner()
    if runner is None:
        return [], "the analyses (kb.analyses) are not available yet"
    stamp = tuple((store.read_one(STAMP) or {}).values())
    with _lock:
        if _cache["stamp"] == stamp and _cache["findings"] is not None:
            return _cache["findings"], _cache["error"]
        started = time.perf_counter()
        try:
            found = list(runner(store.graph()))
            error = None
        except Exception as exc:  # noqa: BLE001 - a failing analysis must not take the browser down
            found, error = [], f"the analyses failed: {exc}"
        _cache.update(stamp=stamp, findings=found, error=error, seconds=time.perf_counter() - started)
        return found, error


def invalidate() -> None:
    with _lock:
        _cache.update(stamp=None, findings=None)


def summary() -> dict[str, Any]:
    """Open findings by area and by department, for the dashboard."""
    found, error = all_findings()
    by_area: dict[str, int] = {a: 0 for a in AREAS}
    by_department: dict[str, dict[str, int]] = {}
    for f in found:
        if getattr(f, "status", "open") != "open":
            continue
        by_area[f.area] = by_area.get(f.area, 0) + 1
        for d in f.departments:
            row = by_department.setdefault(d, {a: 0 for a in AREAS})
            row[f.area] = row.get(f.area, 0) + 1
    departments = sorted(by_department.items(), key=lambda kv: -sum(kv[1].values()))
    return {"available": available() and error is None, "error": error, "by_area": by_area,
            "by_department": [{"department": d, **counts, "total": sum(counts.values())} for d, counts in departments],
            "total": sum(by_area.values())}
