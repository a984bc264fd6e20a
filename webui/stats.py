"""Statistics of the data that pages show beside a page of rows (facet counts, counts per department
or law): counted once per change of the data (an import or an edit changes the stamp), kept in this
process and in the database (`PageStats`, one node per statistic with the stamp it was counted for),
so a page reads one page of rows, not the whole graph, and a `kb serve` just started reads what an
earlier process, or `kb import` and `kb check`, counted (a province's dashboard took 5.7 s to count)."""
from __future__ import annotations

import json
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from typing import Any

import neo4j.exceptions
from flask import g, has_request_context

from kb.analyses import stored
from webui import store

_lock = threading.Lock()
_computing: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)  # one count per statistic at a time
# The statistics this process keeps, the least recently used dropped first beyond KEPT: a province has
# thousands of laws and articles, an article's entry up to thirty power keys per citing department; a
# dropped one is read again from the database (PageStats), not counted again.
KEPT = 512
_cache: OrderedDict[str, tuple[str, Any]] = OrderedDict()

STORED = "MATCH (s:PageStats {name: $name}) WHERE s.stamp = $stamp RETURN s.value AS value"
STORE = """
MERGE (s:PageStats {name: $name})
SET s.stamp = $stamp, s.value = $value, s.counted_at = datetime()
"""


def stamp() -> str:
    """The data stamp (kb.analyses.stored.data_stamp), read once per request: a law's page asks for two
    statistics, a chain page for its stamp as well."""
    if has_request_context():
        if "kb_data_stamp" not in g:
            g.kb_data_stamp = stored.data_stamp(store.graph())
        return g.kb_data_stamp
    return stored.data_stamp(store.graph())


def cached(name: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` for the current data, counted at most once per data stamp (a second request for
    it waits for the first's count instead of counting too)."""
    stamp_now = stamp()
    hit = _kept(name, stamp_now)
    if hit is not None:
        return hit[1]
    with _lock:
        computing = _computing[name]
    with computing:
        hit = _kept(name, stamp_now)
        if hit is not None:
            return hit[1]
        value = _stored(name, stamp_now)
        if value is None:
            value = compute()
            _store(name, stamp_now, value)
        with _lock:
            _cache[name] = (stamp_now, value)
            _cache.move_to_end(name)
            while len(_cache) > KEPT:
                _cache.popitem(last=False)
    return value


def _kept(name: str, stamp: str) -> tuple[str, Any] | None:
    """The statistic kept in this process for the data `stamp`, now the most recently used."""
    with _lock:
        hit = _cache.get(name)
        if hit is None or hit[0] != stamp:
            return None
        _cache.move_to_end(name)
        return hit


def _stored(name: str, stamp: str) -> Any:
    row = store.read_one(STORED, name=name, stamp=stamp)
    return json.loads(row["value"]) if row and row["value"] else None


def _store(name: str, stamp: str, value: Any) -> None:
    """Keep the count for the next process; what JSON cannot hold stays in this one only."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    try:
        store.graph().write(STORE, name=name, stamp=stamp, value=text)
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError):
        pass  # a read-only user or a busy database: counted again by the next process


def warm(names: dict[str, Callable[[], Any]]) -> None:
    for name, compute in names.items():
        cached(name, compute)
