"""The findings as the browser reads them: stored in the graph (kb.analyses.stored), never computed
while a page waits. Where nothing is stored yet, or an import or an edit came after the last
computation, a computation starts in a background thread (one at a time per process) and pages say
so; an edit or a resolution recomputes the jurisdiction tree it touched the same way.

`computations` counts the analyses this process ran (tests assert pages run none)."""
from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from flask import current_app
from flask_babel import gettext as _

from kb.analyses import chains as chain_analysis
from kb.analyses import stored
from kb.analyses.findings import Finding
from kb.db import Graph
from webui import stats, store

_lock = threading.Lock()
_chains_lock = threading.Lock()
_running: dict[str, Any] = {"thread": None, "pending": None, "error": None}
computations = 0


def background_enabled() -> bool:
    return bool(current_app.config.get("KB_BACKGROUND_FINDINGS", True))


def _work(graph: Graph, scopes: list[str] | None) -> None:
    global computations
    while True:
        try:
            computations += 1
            stored.refresh(graph, scopes)
            _running["error"] = None
        except Exception as exc:  # noqa: BLE001 - a failing analysis must not take the pages down
            _running["error"] = str(exc) or type(exc).__name__  # worded when a page shows it (state)
        with _lock:
            pending = _running["pending"]
            _running["pending"] = None
            if pending is None:
                _running["thread"] = None
                return
            scopes = None if pending == "all" else sorted(pending)


def recompute(scopes: Iterable[str] | None = None, graph: Graph | None = None) -> bool:
    """Recompute the findings of ``scopes`` (root jurisdictions; None: all) in a background thread.
    A request while one runs is queued and merged (one more run after it). Returns False when the
    app does not compute in the background (tests that want no threads)."""
    if graph is None:
        if not background_enabled():
            return False
        graph = store.graph()
    wanted: Any = "all" if scopes is None else set(scopes)
    with _lock:
        thread = _running["thread"]
        if thread is not None and thread.is_alive():
            pending = _running["pending"]
            _running["pending"] = "all" if "all" in (pending, wanted) else (pending or set()) | wanted
            return True
        thread = threading.Thread(target=_work, args=(graph, None if wanted == "all" else sorted(wanted)),
                                  name="kb-findings", daemon=True)
        _running.update(thread=thread, pending=None)
        thread.start()
    return True


def recompute_jurisdictions(jurisdictions: Iterable[str]) -> bool:
    """After an edit or a resolution: recompute the trees of these jurisdictions."""
    if not background_enabled():
        return False
    return recompute(stored.roots(store.graph(), jurisdictions))


def running() -> bool:
    thread = _running["thread"]
    return thread is not None and thread.is_alive()


def wait(timeout: float | None = None) -> None:
    """Until the background computation (and any queued after it, run by the same thread) is done."""
    thread = _running["thread"]
    if thread is not None:
        thread.join(timeout)


def state(start: bool = True) -> dict[str, Any]:
    """How current the stored findings are; starts a computation when none is stored or they are
    stale (``start``)."""
    s = stored.state(store.graph(), stats.stamp)
    # kb serve --processes: only the first process starts computations of its own accord
    start = start and current_app.config.get("KB_STARTS_FINDINGS", True)
    if start and (not s["computed"] or s["stale"]) and not running():
        recompute(None)
    s["updating"] = s["updating"] or running()
    s["error"] = _("The analyses failed: %(error)s", error=_running["error"]) if _running["error"] else None
    return s


def find(finding_id: str) -> Finding | None:
    return stored.find(store.graph(), finding_id)


def invalidate() -> None:
    with _chains_lock:
        _groups.clear()
        _chains_as_of.clear()


def stamp() -> str:
    return stats.stamp()


GROUPS_KEPT = 8  # groups of related bodies kept (each is their powers, linked)
_groups: list[tuple[str, chain_analysis.Chains]] = []  # (data stamp, chains), most recent last


def chains_around(keys: list[str], wait: bool = True) -> chain_analysis.Chains | None:
    """The chains through these powers (kb.analyses.chains.around: the group of related bodies that
    holds them, not the whole graph), kept for a few groups until the data changes; with
    ``wait=False``, None unless they are kept already (a page can do without)."""
    current = stamp()
    with _chains_lock:
        _groups[:] = [(s, ch) for s, ch in _groups if s == current]
        for _, ch in reversed(_groups):
            # read for the lines of some places only: whole for powers of those places (a province's power
            # read from a county's page has only that county's line below it)
            if all(k in ch.powers and (ch.lines_of is None or ch.powers[k].jurisdiction in ch.lines_of)
                   for k in keys):
                return ch
    if not wait or not keys:
        return None
    parents = stats.cached("place_parents", lambda: store.graph().read(chain_analysis.PARENTS))
    found = chain_analysis.around(store.graph(), keys, parents=parents)
    with _chains_lock:
        _groups.append((current, found))
        del _groups[:-GROUPS_KEPT]
    return found


_chains_as_of: dict[tuple[str, str], chain_analysis.Chains] = {}
AS_OF_KEPT = 4  # dates kept (each is every power in force that day, linked)


def chains_as_of(as_of: str) -> chain_analysis.Chains:
    """The chains of the list versions in force on ``as_of``, kept for a few dates until the data changes."""
    key = (stamp(), as_of)
    with _chains_lock:
        found = _chains_as_of.get(key)
        if found is None:
            found = chain_analysis.load(store.graph(), as_of=as_of)
            for old in [k for k in _chains_as_of if k[0] != key[0]] + list(_chains_as_of)[:-AS_OF_KEPT + 1]:
                _chains_as_of.pop(old, None)
            _chains_as_of[key] = found
        return found


def chain_through(keys: list[str], ch: chain_analysis.Chains) -> list[str]:
    """The powers above ``keys`` and below them along the links (a township's power up to the
    province's, a province's down to every township's), top level first: their line through the
    levels, not the same item's powers in the places beside them."""
    from kb.model import LEVEL_RANK

    found = set(keys)
    for links, end in ((ch.up, "upper"), (ch.down, "lower")):
        seen, stack = set(keys), list(keys)
        while stack:
            for link in links.get(stack.pop(), []):
                other = getattr(link, end)
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        found |= seen
    return sorted(found, key=lambda k: (LEVEL_RANK.get(ch.powers[k].level, 9), ch.powers[k].department, k))


def summary() -> dict[str, Any]:
    """Open findings by area and by department, for the dashboard, from the stored counts. The laws
    to load are kb's own worklist: counted apart (`laws`), never in a department's row or the total."""
    s = state()
    out = stored.summary(s["stats"])
    out.update(available=s["computed"], error=s["error"], computed=s["computed"], updating=s["updating"],
               stale=s["stale"], computed_at=s["computed_at"])
    return out
