"""Statistics of the data that pages show beside a page of rows (facet counts, counts per department
or law): counted once per change of the data (an import or an edit changes the stamp) and kept in
this process, so a page reads one page of rows, not the whole graph."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from kb.analyses import stored
from webui import store

_lock = threading.Lock()
_cache: dict[str, tuple[str, Any]] = {}


def cached(name: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` for the current data, counted at most once per data stamp."""
    stamp = stored.data_stamp(store.graph())
    hit = _cache.get(name)
    if hit and hit[0] == stamp:
        return hit[1]
    value = compute()
    with _lock:
        _cache[name] = (stamp, value)
    return value


def warm(names: dict[str, Callable[[], Any]]) -> None:
    for name, compute in names.items():
        cached(name, compute)
