"""The analyses (kb.analyses.report.run) as the browser needs them: every finding of every area, kept
until the data changes (an import, an edit, a resolution), so that pages do not recompute them."""
from __future__ import annotations

import threading
import time
from typing import Any

from kb.analyses import chains as chain_analysis
from kb.analyses import report
from kb.analyses.findings import AREAS, Finding
from webui import store

# Changes whenever an import, an edit or a resolution changes what the analyses would say.
STAMP = """
CALL { MATCH (r:ImportRun) RETURN count(r) AS runs, toString(max(r.finished_at)) AS last_run }
CALL { MATCH (e:Edit) RETURN count(e) AS edits, toString(max(e.when)) AS last_edit }
CALL { MATCH (f:Finding) RETURN count(f) AS records,
        toString(max(coalesce(f.reopened_at, f.resolved_at))) + '|' + toString(max(f.resolved_at)) AS last_record }
RETURN runs, last_run, edits, last_edit, records, last_record
"""

_lock = threading.Lock()
_cache: dict[str, Any] = {"stamp": None, "findings": None, "error": None, "seconds": None}
_chains: dict[str, Any] = {"stamp": None, "chains": None}


def stamp() -> tuple:
    return tuple((store.read_one(STAMP) or {}).values())


def all_findings() -> tuple[list[Finding], str | None]:
    """(findings, error): every finding, sorted as `kb check` sorts them, statuses applied."""
    current = stamp()
    with _lock:
        if _cache["stamp"] == current and _cache["findings"] is not None:
            return _cache["findings"], _cache["error"]
        started = time.perf_counter()
        try:
            found, error = report.run(store.graph()).findings, None
        except Exception as exc:  # noqa: BLE001 - a failing analysis must not take the pages down
            found, error = [], f"the analyses failed: {exc}"
        _cache.update(stamp=current, findings=found, error=error, seconds=round(time.perf_counter() - started, 2))
        return found, error


def find(finding_id: str) -> Finding | None:
    found, _ = all_findings()
    return next((f for f in found if f.id == finding_id), None) or \
        next((f for f in found if finding_id in f.folded), None)


def invalidate() -> None:
    with _lock:
        _cache.update(stamp=None, findings=None)
        _chains.update(stamp=None, chains=None)


def all_chains(wait: bool = True) -> chain_analysis.Chains | None:
    """The powers linked across levels (kb.analyses.chains), kept until the data changes; with
    ``wait=False``, None when they are not computed yet (a page can do without)."""
    current = stamp()
    if _chains["stamp"] == current and _chains["chains"] is not None:
        return _chains["chains"]
    if not wait:
        return None
    with _lock:
        if _chains["stamp"] != current or _chains["chains"] is None:
            _chains.update(stamp=current, chains=chain_analysis.load(store.graph()))
        return _chains["chains"]


def chain_of(key: str, ch: chain_analysis.Chains) -> list[str]:
    """Every power linked to ``key`` through the levels (its connected chain), top level first."""
    seen, stack = {key}, [key]
    while stack:
        k = stack.pop()
        for link in ch.down.get(k, []) + ch.up.get(k, []):
            other = link.lower if link.upper == k else link.upper
            if other not in seen:
                seen.add(other)
                stack.append(other)
    from kb.model import LEVEL_RANK

    return sorted(seen, key=lambda k: (LEVEL_RANK.get(ch.powers[k].level, 9), ch.powers[k].department, k))


def summary() -> dict[str, Any]:
    """Open findings by area and by department, for the dashboard. The laws to load are kb's own
    worklist, not findings of a department: counted apart (`laws`), never in a department's row or
    the total."""
    found, error = all_findings()
    areas = [a for a in AREAS if a != "laws"]
    by_area: dict[str, int] = dict.fromkeys(areas, 0)
    by_department: dict[str, dict[str, int]] = {}
    laws = 0
    for f in found:
        if f.status != "open":
            continue
        if f.area == "laws":
            laws += 1
            continue
        by_area[f.area] += 1
        for d in f.departments:
            row = by_department.setdefault(d, dict.fromkeys(areas, 0))
            row[f.area] += 1
    departments = sorted(by_department.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return {"available": error is None, "error": error, "by_area": by_area, "laws": laws,
            "by_department": [{"department": d, **counts, "total": sum(counts.values())} for d, counts in departments],
            "total": sum(by_area.values())}
