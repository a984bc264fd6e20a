"""Findings stored in the graph, so that pages read them instead of running the analyses.

One `:StoredFinding` node per finding (keyed by the finding's stable `id`), with what pages filter
and sort by as indexed properties (`area`, `kind`, `jurisdiction`, `level`, `score`, `status`,
`department` = the first department, `departments`, `summary`, `group`) and the evidence and the
resolution as JSON strings. Resolution records stay `:Finding` nodes (kb/analyses/resolutions.py):
they outlive the findings they resolve; a stored finding carries a copy of its status.

A computation covers a *scope*: a root jurisdiction (one with no `WITHIN` above it) and everything
within it, or the whole graph (scope ``""``). Chains and four-level consistency link powers across
levels inside one jurisdiction tree and overlaps stay inside one jurisdiction and level, so a scope's
findings do not depend on the data of another tree: `refresh(graph, scopes)` runs
`kb.analyses.report.run(graph, areas, scope)` and replaces the stored findings whose jurisdiction
lies in the scope. The laws to load (area `laws`) count citations of every jurisdiction: they are
recomputed for the whole graph on every refresh (one query).

`(:FindingRun {scope})` records each scope's last computation (`computed_at`, `seconds`, `count`);
`(:FindingStats {name: 'findings'})` holds the counts the dashboard and the reports index show (as
JSON), the data stamp the findings were computed for (`stamp`), and `updating` while a computation
runs (a flag older than two hours is a computation that was cut short, and ignored). `is_stale`
compares that stamp with the current one (imports and edits).
"""
from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kb.analyses.findings import AREAS, CROSS_PLACE_KINDS, KINDS, Finding
from kb.db import Graph, Rows
from kb.model import LEVEL_RANK

BATCH = 2000
AREA_PAGE = 2000  # stored findings read a page at a time (kb check --json, the exports)
NOTHING = "nothing"  # state of a graph where no findings were ever stored

# What the findings were computed from: it changes with every import and every edit.
DATA_STAMP = """
// the count from the count store, the latest run through the index on finished_at: no scan of the runs
CALL { MATCH (r:ImportRun) RETURN count(r) AS runs }
CALL { OPTIONAL MATCH (r:ImportRun) WHERE r.finished_at IS NOT NULL
       WITH r ORDER BY r.finished_at DESC LIMIT 1 RETURN toString(r.finished_at) AS last_run }
CALL { MATCH (e:Edit) WHERE coalesce(e.field, '') <> 'published'  // publishing a list changes no finding
       RETURN count(e) AS edits, toString(max(e.when)) AS last_edit }
RETURN toString(runs) + '|' + coalesce(last_run, '') + '|' + toString(edits) + '|' + coalesce(last_edit, '') AS stamp
"""

ROOTS = """
UNWIND $names AS name
MATCH (j:Jurisdiction) WHERE j.name = name OR j.code = name
MATCH (j)-[:WITHIN*0..8]->(top:Jurisdiction) WHERE NOT (top)-[:WITHIN]->()
RETURN DISTINCT top.name AS root
"""

ALL_ROOTS = "MATCH (j:Jurisdiction) WHERE NOT (j)-[:WITHIN]->() RETURN j.name AS root ORDER BY root"

WITHIN = """
MATCH (top:Jurisdiction {name: $scope})
OPTIONAL MATCH (j:Jurisdiction)-[:WITHIN*1..8]->(top)
WITH top, collect(DISTINCT j.name) AS below
RETURN [top.name] + below AS names
"""

# After a computation's rows are written (each marked with its run): the rows of the same areas and
# scope that it did not write and that were written before it began ($since, the server's clock).
# Readers see the old findings, then old and new, then the new ones; never none, also when a
# computation is cut short, and also when two run at once (`kb check` beside the browser's own): a
# row the other computation wrote over is younger than either start, and stays.
OLDER = "AND coalesce(f.run, '') <> $run AND (f.computed_at IS NULL OR f.computed_at < datetime($since))"

DELETE_ALL = """
MATCH (f:StoredFinding) WHERE f.area IN $areas """ + OLDER + """
CALL { WITH f DELETE f } IN TRANSACTIONS OF 5000 ROWS
"""

DELETE_IN = """
MATCH (f:StoredFinding) WHERE f.area IN $areas AND f.jurisdiction IN $names AND NOT f.kind IN $cross_place
  """ + OLDER + """
CALL { WITH f DELETE f } IN TRANSACTIONS OF 5000 ROWS
"""

# The rules across places (findings.CROSS_PLACE_KINDS) are replaced as a whole, whatever the scope.
DELETE_KINDS = """
MATCH (f:StoredFinding) WHERE f.kind IN $kinds """ + OLDER + """
CALL { WITH f DELETE f } IN TRANSACTIONS OF 5000 ROWS
"""

NOW = "RETURN toString(datetime()) AS now"

WRITE = """
UNWIND $rows AS row
MERGE (f:StoredFinding {id: row.id})
SET f += row, f.run = $run, f.computed_at = datetime()
"""

RUN = """
MERGE (r:FindingRun {scope: $scope})
SET r.computed_at = datetime(), r.seconds = $seconds, r.count = $count, r.areas = $areas
"""

# The counts pages show, from the stored findings (one pass over them after each change).
STATS = """
CALL { MATCH (f:StoredFinding) WITH f.kind AS kind, f.status AS status, count(*) AS n
       RETURN collect({kind: kind, status: status, n: n}) AS by_kind }
CALL { MATCH (f:StoredFinding) WHERE f.status = 'open' AND f.area <> 'laws'
       UNWIND f.departments AS department
       WITH department, f.area AS area, count(*) AS n
       RETURN collect({department: department, area: area, n: n}) AS by_department }
CALL { MATCH (f:StoredFinding) UNWIND f.departments AS department
       WITH f.area AS area, collect(DISTINCT department) AS departments
       RETURN collect({area: area, departments: departments}) AS departments }
CALL { MATCH (f:StoredFinding) WITH f.area AS area, collect(DISTINCT f.level) AS levels
       RETURN collect({area: area, levels: levels}) AS levels }
RETURN by_kind, by_department, departments, levels
"""

SAVE_STATS = """
MERGE (s:FindingStats {name: 'findings'})
SET s.stats = $stats, s.stamp = coalesce($stamp, s.stamp), s.computed_at = datetime()
"""

# The counts themselves (a province's are a megabyte of JSON) are read only when they changed since
# this process last read them ($known: the version it holds: when they were computed, and how many statuses
# changed since, `set_status`); whether there are any is told by computed_at, which is written with them
# (testing the counts for null reads the megabyte: 5 ms a page).
STATE = """
OPTIONAL MATCH (s:FindingStats {name: 'findings'})
WITH s, toString(s.computed_at) + '#' + toString(coalesce(s.revision, 0)) AS version
RETURN CASE WHEN version = $known THEN null ELSE s.stats END AS stats, version,
       s.computed_at IS NOT NULL AS has_stats, s.stamp AS stamp, toString(s.computed_at) AS computed_at,
       s.updating AND s.updating_since > datetime() - duration({hours: 2}) AS updating,
       toString(s.updating_since) AS updating_since
"""

MARK = """
MERGE (s:FindingStats {name: 'findings'})
SET s.updating = $updating, s.updating_since = CASE WHEN $updating THEN datetime() ELSE null END
"""

SET_STATUS = """
MATCH (f:StoredFinding {id: $id})
WITH f, f.status AS before
SET f.status = $status, f.resolution = $resolution
RETURN before, f.kind AS kind, f.area AS area, coalesce(f.departments, []) AS departments
"""
# The counts taken for a change of one finding's status: locked first (SET), then read, so two changes at once
# each count on the other's counts.
COUNTS_LOCKED = """
MATCH (s:FindingStats {name: 'findings'})
SET s.revision = coalesce(s.revision, 0) + 1
RETURN s.stats AS stats
"""
SAVE_COUNTS = "MATCH (s:FindingStats {name: 'findings'}) SET s.stats = $stats"

# By its id (the unique index), else by an id folded into it (a scan: only for an old link to a
# finding since folded; an `OR` of the two scanned every stored finding for every page).
FIND = """
MATCH (f:StoredFinding {id: $id})
RETURN f {.*, computed_at: toString(f.computed_at)} AS f
"""
FIND_FOLDED = """
MATCH (f:StoredFinding) WHERE $id IN f.folded
RETURN f {.*, computed_at: toString(f.computed_at)} AS f ORDER BY f.id LIMIT 1
"""

# The overlaps of one group (kb/analyses/overlap_groups.py), best first.
BY_GROUP = """
MATCH (f:StoredFinding) WHERE f.area = 'overlaps' AND f.group = $group
RETURN f {.*, computed_at: toString(f.computed_at)} AS f ORDER BY f.score DESC, f.id
"""

# What `kb check` counts, filters and groups by, without the evidence (but for the rules across
# places, whose evidence names the places a jurisdiction filter looks for).
BRIEFS = """
MATCH (f:StoredFinding) WHERE f.area IN $areas
RETURN f.id AS id, f.area AS area, f.kind AS kind, f.status AS status, f.score AS score,
       f.jurisdiction AS jurisdiction, f.group AS group,
       CASE WHEN f.kind IN $cross_place THEN f.evidence END AS evidence
"""

GROUPS_ROWS = """
UNWIND $groups AS g
MATCH (f:StoredFinding) WHERE f.group = g AND f.area = 'overlaps'
RETURN f {.*, computed_at: toString(f.computed_at)} AS f
"""

BY_IDS = "UNWIND $ids AS id MATCH (f:StoredFinding {id: id}) RETURN f {.*, computed_at: toString(f.computed_at)} AS f"

# Filters of the reports; every one is a parameter ('' = any), the sort comes from SORTS.
FILTER = """
MATCH (f:StoredFinding) WHERE f.area = $area
  AND ($kind = '' OR f.kind = $kind) AND ($status = '' OR f.status = $status)
  AND ($level = '' OR f.level = $level) AND ($department = '' OR $department IN f.departments)
  AND ($q = '' OR f.text CONTAINS $q)
  AND ($places IS NULL OR f.jurisdiction IN $places OR any(x IN coalesce(f.places, []) WHERE x IN $places))
"""

COUNT = FILTER + "RETURN count(f) AS n"

# Keyset pages: ORDER BY (a first key, score descending, id). A finding's `rank` is its score negated,
# so that the order is ascending throughout and an index (area, key, rank, id) gives it: a page reads
# its rows from the index and stops (on a province, not 160,000 overlaps sorted per page). The cursor
# is the last row's key: the index is entered at its first key (its rank, sorted by score) and the
# rows up to the cursor itself are passed over. The index is named (on a province the planner took
# the score's index for every sort and sorted 160,000 rows). Sorted before the properties are read.
SORTS = {"score": "area", "kind": "kind", "department": "department", "status": "status"}
PAGE = FILTER.replace("(f:StoredFinding)", "(f:StoredFinding) USING INDEX f:StoredFinding({index})") + """
  AND f.{p} IS NOT NULL AND f.rank IS NOT NULL AND f.id IS NOT NULL {seek}
WITH f ORDER BY {order}, f.rank, f.id SKIP $skip LIMIT $limit
RETURN CASE WHEN $evidence THEN f {{.*, computed_at: toString(f.computed_at)}}
       ELSE f {{{brief}, computed_at: toString(f.computed_at)}} END AS f
"""
# after the cursor: entered at its first key (the area's: its rank), the rest compared as one list
# (an OR of comparisons is planned as a union of seeks, which loses the index's order)
AFTER = """
  AND f.{enter} >= $after[{at}] AND [f.{p}, f.rank, f.id] > $after"""

# (jurisdiction: a place's name or area code at any level, the places within it included)
FILTERS = ("kind", "status", "level", "department", "q", "jurisdiction")
# What a list of findings shows: all but the evidence (long for the gaps; a finding's own page reads it).
BRIEF = ("id", "kind", "area", "jurisdiction", "level", "score", "status", "departments", "department", "powers",
         "power_keys", "summary", "group", "folded", "resolution", "evidence_count", "counts")


# --- writing ----------------------------------------------------------------------------------------

def data_stamp(graph: Graph) -> str:
    rows = graph.read(DATA_STAMP)
    return rows[0]["stamp"] if rows else ""


def roots(graph: Graph, jurisdictions: Iterable[str] | None) -> list[str] | None:
    """The scopes to recompute for these jurisdictions (names or area codes): their root
    jurisdictions. None (every scope) when no jurisdiction is named or one is not in the graph."""
    names = sorted({j for j in (jurisdictions or []) if j})
    if not names:
        return None
    found = [r["root"] for r in graph.read(ROOTS, names=names)]
    return sorted(set(found)) if found else None


def _row(f: Finding) -> dict[str, Any]:
    return {"id": f.id, "kind": f.kind, "area": f.area, "jurisdiction": f.jurisdiction or "", "level": f.level or "",
            "score": float(f.score), "rank": -float(f.score), "status": f.status, "departments": list(f.departments),
            "department": f.departments[0] if f.departments else "", "powers": list(f.powers),
            "power_keys": list(f.power_keys), "summary": f.summary or "", "group": f.group or "",
            "folded": list(f.folded), "evidence": json.dumps(f.evidence, ensure_ascii=False, default=str),
            "resolution": json.dumps(f.resolution, ensure_ascii=False, default=str) if f.resolution else None,
            "evidence_count": f.evidence_total or len(f.evidence),
            "counts": json.dumps(f.counts, ensure_ascii=False) if f.counts else None,
            "text": " ".join([f.summary or "", *f.powers, *f.departments]),
            # a finding across places is found by each place its evidence names (as `kb check -j` keeps it)
            # (all of them, from its counts: its evidence may be cut)
            "places": sorted({*(e["jurisdiction"] for e in f.evidence if e.get("jurisdiction")),
                              *(p for ps in (f.counts or {}).get("kinds", {}).values() for p in ps)})
            if f.kind in CROSS_PLACE_KINDS else None}


def save(graph: Graph, batches: Iterable[list[Finding]], scope: str | None,
         areas: Iterable[str] = AREAS, seconds: float | Callable[[], float] = 0.0) -> int:
    """Replace the stored findings of ``areas`` in ``scope`` (a root jurisdiction; None: everywhere)
    with the findings of ``batches`` (as `report.batches` yields them; ``[findings]`` for a list), each
    batch written as it comes, so a province's findings are never all in memory. The old rows go once
    the new ones are all written. ``seconds``: how long the computation took (a function: asked when
    the batches are done). Returns how many were written."""
    areas = [a for a in AREAS if a in set(areas)]
    run, since = uuid.uuid4().hex, graph.read(NOW)[0]["now"]
    written = 0
    for batch in batches:
        # a scope's computation leaves the rules across places alone (they are whole-graph: save_cross_place)
        mine = [f for f in batch if f.area in areas and not (scope and f.kind in CROSS_PLACE_KINDS)]
        rows = [_row(f) for f in mine]
        for i in range(0, len(rows), BATCH):
            graph.write(WRITE, rows=Rows(rows[i:i + BATCH]), run=run)
        written += len(rows)
    if scope:
        names = graph.read(WITHIN, scope=scope)
        graph.autocommit(DELETE_IN, areas=areas, names=(names[0]["names"] if names else [scope]), run=run,
                         since=since, cross_place=list(CROSS_PLACE_KINDS))
    else:
        graph.autocommit(DELETE_ALL, areas=areas, run=run, since=since)
    took = seconds() if callable(seconds) else seconds
    graph.write(RUN, scope=scope or "", seconds=round(took, 2), count=written, areas=areas)
    return written


def save_cross_place(graph: Graph, findings: list[Finding]) -> int:
    """Replace the stored findings of the rules across places (findings.CROSS_PLACE_KINDS), computed
    for the whole graph."""
    run, since = uuid.uuid4().hex, graph.read(NOW)[0]["now"]
    rows = [_row(f) for f in findings if f.kind in CROSS_PLACE_KINDS]
    for i in range(0, len(rows), BATCH):
        graph.write(WRITE, rows=Rows(rows[i:i + BATCH]), run=run)
    graph.autocommit(DELETE_KINDS, kinds=list(CROSS_PLACE_KINDS), run=run, since=since)
    return len(rows)


def cross_place_findings(graph: Graph) -> list[Finding]:
    """The rules across places on the whole graph, with their recorded statuses."""
    from kb.analyses import assignments, resolutions

    found = [f.cut_evidence() for chunk in assignments.chunks(graph) for f in chunk]  # cut a law at a time
    resolutions.apply(found, resolutions.records(graph))
    return found


def refresh_stats(graph: Graph, stamp: str | None = None) -> dict:
    row = graph.read(STATS)[0]
    options: dict[str, dict[str, list]] = {a: {"department": [], "level": []} for a in AREAS}
    for o in row["departments"]:
        if o["area"] in options:
            options[o["area"]]["department"] = sorted(o["departments"])
    for o in row["levels"]:
        if o["area"] in options:
            options[o["area"]]["level"] = sorted((x for x in o["levels"] if x), key=lambda x: (LEVEL_RANK.get(x, 9), x))
    stats = {"by_kind": row["by_kind"], "by_department": row["by_department"], "options": options}
    graph.write(SAVE_STATS, stats=json.dumps(stats, ensure_ascii=False), stamp=stamp)
    return stats


def mark_updating(graph: Graph, updating: bool) -> None:
    graph.write(MARK, updating=updating)


def refresh(graph: Graph, scopes: Iterable[str] | None = None, areas: Iterable[str] = AREAS) -> dict:
    """Recompute and store the findings of ``scopes`` (root jurisdictions; None: the whole graph),
    and the laws to load for the whole graph. Returns {scope: {"count", "seconds"}}."""
    from kb.analyses import report

    stamp = data_stamp(graph)  # read first: an import during the computation leaves the result stale
    areas = [a for a in AREAS if a in set(areas)]
    mark_updating(graph, True)
    done: dict[str, dict] = {}
    try:
        scoped = [a for a in areas if a != "laws"]
        for scope in (list(scopes) if scopes is not None else [None]):
            started = time.monotonic()
            found = report.batches(graph, scoped, scope, cross_place=scope is None) if scoped else iter([])
            n = save(graph, found, scope, scoped, lambda since=started: time.monotonic() - since)
            done[scope or ""] = {"count": n, "seconds": round(time.monotonic() - started, 2)}
        if scopes is not None and "consistency" in areas:
            # a change in one tree changes what other places are compared with: across places, every time
            started = time.monotonic()
            n = save_cross_place(graph, cross_place_findings(graph))
            done["cross_place"] = {"count": n, "seconds": round(time.monotonic() - started, 2)}
        if "laws" in areas:
            started = time.monotonic()
            found = report.run(graph, ["laws"]).findings
            seconds = time.monotonic() - started
            done["laws"] = {"count": save(graph, [found], None, ["laws"], seconds), "seconds": round(seconds, 2)}
        refresh_stats(graph, stamp)
    finally:
        mark_updating(graph, False)
    return done


def refreshed_line(scopes: list[str] | None, done: dict, seconds: float) -> str:
    """What `kb import` and a revert say of the findings they recomputed: the places' own (all of them, those across
    places among them, when every place was recomputed), then those across places and the laws to load when they are
    counted apart (for the whole graph, whatever was imported)."""
    own = sum(d["count"] for k, d in done.items() if k not in ("cross_place", "laws"))
    shared = "；".join(f"{title} {done[k]['count']} 项" for k, title in (("cross_place", "各地对比"), ("laws", "法律待入库"))
                      if k in done)
    return (f"已重新计算并保存{'、'.join(scopes) if scopes else '所有地区'}的检查结果：{own} 项"
            + (f"（另有全库共用的{shared}）" if shared else "") + f"，用时 {seconds:.1f} 秒")


def store_report(graph: Graph, batches: Iterable[list[Finding]], jurisdiction: str | None, areas: Iterable[str],
                 seconds: float | Callable[[], float] = 0.0) -> int:
    """Store what `kb check` computed (``batches`` as `save` takes them): a whole-graph run, or a root
    jurisdiction's, replaces the stored findings of its areas; a run on a jurisdiction below a root is
    not a whole scope (its chains miss the levels above) and is not stored (returns -1)."""
    areas = list(areas)
    if jurisdiction:
        scope = roots(graph, [jurisdiction])
        if not scope or scope != [jurisdiction]:
            return -1
        n = save(graph, batches, jurisdiction, [a for a in areas if a != "laws"], seconds)
    else:
        stamp = data_stamp(graph)  # read first: an import during the computation leaves the result stale
        n = save(graph, batches, None, areas, seconds)
        if set(areas) >= set(AREAS):
            refresh_stats(graph, stamp)
            return n
    refresh_stats(graph)
    return n


def set_status(graph: Graph, finding_id: str, status: str, resolution: dict | None) -> None:
    """Copy a recorded status onto the stored finding (resolutions.py keeps the record), and onto the counts the
    pages show (by kind and status; open ones by department), in the same transaction: a report's total and its
    pages of one status agree from the change on, not only after the next recomputation."""
    text = json.dumps(resolution, ensure_ascii=False, default=str) if resolution else None

    def work(tx) -> None:
        row = tx.run(SET_STATUS, id=finding_id, status=status, resolution=text).single()
        if row is None or row["before"] == status:
            return
        found = tx.run(COUNTS_LOCKED).single()
        if found is None or not found["stats"]:
            return
        stats = json.loads(found["stats"])
        recount(stats, row["kind"], row["area"], row["departments"], row["before"], status)
        tx.run(SAVE_COUNTS, stats=json.dumps(stats, ensure_ascii=False)).consume()

    graph.write_retrying(work)


def recount(stats: dict, kind: str, area: str, departments: list[str], before: str | None, after: str) -> None:
    """The stored counts (`refresh_stats`) after one finding of `kind` went from status `before` to `after`."""
    def add(rows: list[dict], match: dict, n: int) -> list[dict]:
        for r in rows:
            if all(r.get(k) == v for k, v in match.items()):
                r["n"] += n
                break
        else:
            if n > 0:
                rows.append({**match, "n": n})
        return [r for r in rows if r["n"] > 0]

    by_kind = stats.get("by_kind") or []
    if before:
        by_kind = add(by_kind, {"kind": kind, "status": before}, -1)
    stats["by_kind"] = add(by_kind, {"kind": kind, "status": after}, 1)
    if area != "laws" and (before == "open") != (after == "open"):  # (by department: the open ones)
        rows = stats.get("by_department") or []
        for department in dict.fromkeys(departments):
            rows = add(rows, {"department": department, "area": area}, 1 if after == "open" else -1)
        stats["by_department"] = rows


# --- reading ----------------------------------------------------------------------------------------

# The counts last parsed per database: (their computed_at, the counts). Read-only for callers.
_parsed: dict[tuple, tuple[str, dict]] = {}


def state(graph: Graph, stamp: Callable[[], str] | None = None) -> dict[str, Any]:
    """{"stats", "stamp", "computed_at", "updating", "stale", "computed"}: what pages need to say how
    current the stored findings are. ``computed`` is False when nothing was ever stored. ``stamp`` gives
    the current data stamp (a page's, read once per request) instead of reading it here."""
    where = (graph.settings.uri if graph.settings else id(graph.driver), graph.database)
    known = _parsed.get(where)
    row = graph.read(STATE, known=known[0] if known else None)[0]
    if not row["has_stats"]:
        stats = None
    elif row["stats"] is None and known:
        stats = known[1]
    else:
        stats = json.loads(row["stats"])
        _parsed[where] = (row["version"], stats)
    return {"stats": stats, "stamp": row["stamp"], "computed_at": row["computed_at"],
            "updating": bool(row["updating"]), "updating_since": row["updating_since"],
            "computed": stats is not None,
            "stale": stats is not None and row["stamp"] != (stamp() if stamp else data_stamp(graph))}


def is_stale(graph: Graph) -> bool:
    """True when nothing is stored, or an import or an edit came after the last computation."""
    s = state(graph)
    return not s["computed"] or s["stale"]


def to_finding(row: dict) -> Finding:
    """A stored row as a Finding (for the exports and the pages that take one)."""
    return Finding(kind=row["kind"], departments=list(row.get("departments") or []), powers=list(row.get("powers") or []),
                   evidence=json.loads(row.get("evidence") or "[]") or [{}], score=row.get("score") or 0.0,
                   keys=[row["id"]], jurisdiction=row.get("jurisdiction") or "", level=row.get("level") or "",
                   summary=row.get("summary") or "", status=row.get("status") or "open",
                   resolution=json.loads(row["resolution"]) if row.get("resolution") else None,
                   power_keys=list(row.get("power_keys") or []), id=row["id"], group=row.get("group") or "",
                   folded=list(row.get("folded") or []), evidence_total=row.get("evidence_count") or 0,
                   counts=json.loads(row["counts"]) if row.get("counts") else {})


def find(graph: Graph, finding_id: str) -> Finding | None:
    """A stored finding by its id, or by an id folded into it."""
    rows = graph.read(FIND, id=finding_id) or graph.read(FIND_FOLDED, id=finding_id)
    return to_finding(rows[0]["f"]) if rows else None


def _filters(graph: Graph, filters: dict[str, str] | None) -> dict[str, Any]:
    """The filters as the query's parameters: the place as its names and those of the places within it."""
    from kb.analyses.powers import jurisdiction_names

    chosen = {k: str((filters or {}).get(k) or "").strip() for k in FILTERS}
    return {**{k: v for k, v in chosen.items() if k != "jurisdiction"},
            "places": jurisdiction_names(graph, chosen["jurisdiction"])}


def count(graph: Graph, area: str, filters: dict[str, str] | None = None) -> int:
    return graph.read(COUNT, area=area, **_filters(graph, filters))[0]["n"]


# the departments of a place's findings (the 部门 choice once a place is chosen); capped: a province's are typed
DEPARTMENTS = FILTER + """UNWIND f.departments AS d
WITH DISTINCT d LIMIT $cap
RETURN d ORDER BY d"""


def departments(graph: Graph, area: str, filters: dict[str, str] | None = None, cap: int = 1000) -> list[str]:
    """The departments named by the findings of ``area`` that ``filters`` keep, its department filter
    left out (at most ``cap``: more are not a list to choose from)."""
    chosen = dict(filters or {}, department="")
    return [r["d"] for r in graph.read(DEPARTMENTS, area=area, **_filters(graph, chosen), cap=cap)]


def encode_cursor(row: dict, first: str = "area") -> str:
    """The cursor after ``row`` in pages sorted by ``first`` (a stored property), score, id."""
    key = [row.get(first) or "", row.get("score") or 0.0, row["id"]]
    return base64.urlsafe_b64encode(json.dumps(key, ensure_ascii=False).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list | None:
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError):
        return None
    if (not isinstance(key, list) or len(key) != 3 or not isinstance(key[0], str)
            or not isinstance(key[1], int | float) or not isinstance(key[2], str)):
        return None
    return [key[0], float(key[1]), key[2]]


def query(graph: Graph, area: str, filters: dict[str, str] | None = None, sort: str = "score",
          after: str | None = None, limit: int = 50, skip: int = 0,
          evidence: bool = True) -> tuple[list[dict], str | None]:
    """A page of stored findings of ``area`` (rows as stored, evidence still JSON; left out when
    ``evidence`` is false), ordered by the sort's key, then score (descending), then id; after the
    cursor ``after`` when given (keyset), else after ``skip`` rows. Returns (rows, the cursor of the
    next page or None)."""
    key = decode_cursor(after)
    p = _first_key(sort, filters)
    seek = AFTER.format(p=p, enter="rank" if p == "area" else p, at=1 if p == "area" else 0) if key else ""
    keys = ("area",) if p == "area" else ("area", p)
    text = PAGE.format(p=p, seek=seek, order=", ".join(f"f.{k}" for k in keys),
                       index=", ".join((*keys, "rank", "id")), brief=", ".join(f".{k}" for k in BRIEF))
    if key:
        key = [key[0], -key[1], key[2]]  # the cursor's score as a rank
    rows = [r["f"] for r in graph.read(text, area=area, **_filters(graph, filters), after=key,
                                       skip=0 if key else max(0, skip), limit=limit + 1, evidence=evidence)]
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode_cursor(rows[-1], p) if more and rows else None)


def _first_key(sort: str, filters: dict[str, str] | None) -> str:
    """What a page is sorted by first: the sort's key; but for one kind or one status, by that (a
    single value: the order is the sort's, and its index skips the findings of the others)."""
    p = SORTS.get(sort, "area")
    for fixed in ("kind", "status"):
        if p in ("area", fixed) and (filters or {}).get(fixed):
            return fixed
    return p


def area_findings(graph: Graph, area: str, page: int = AREA_PAGE) -> Iterator[Finding]:
    """Every stored finding of ``area``, best first (score, then id), read ``page`` at a time by key, a
    transaction each: what reads them may take longer than a transaction may stay open (a province's
    overlaps written out as JSON took minutes, and one read streaming them was ended by the server's
    transaction timeout halfway through the file)."""
    after = None
    while True:
        rows, after = query(graph, area, sort="score", after=after, limit=page)
        yield from (to_finding(r) for r in rows)
        if after is None:
            return


def briefs(graph: Graph, areas: Iterable[str]) -> Iterator[dict]:
    """id, area, kind, status, score, jurisdiction and group of every stored finding of ``areas``; the
    evidence (parsed) of the rules across places only."""
    for r in graph.stream(BRIEFS, areas=list(areas), cross_place=list(CROSS_PLACE_KINDS)):
        r["evidence"] = json.loads(r["evidence"]) if r["evidence"] else []
        yield r


def groups_findings(graph: Graph, groups: list[str], batch: int = 200) -> Iterator[tuple[str, list[Finding]]]:
    """The stored overlaps of each group in ``groups`` (in that order), best first, ``batch`` groups a read."""
    for i in range(0, len(groups), batch):
        chunk = groups[i:i + batch]
        found: dict[str, list[Finding]] = {g: [] for g in chunk}
        for r in graph.read(GROUPS_ROWS, groups=chunk):
            f = to_finding(r["f"])
            found[f.group].append(f)
        for g in chunk:
            yield g, sorted(found[g], key=lambda f: (-f.score, f.id))


def by_group(graph: Graph, group: str) -> list[Finding]:
    """The stored overlaps of a group, best first (none for an unknown or empty group id)."""
    return [to_finding(r["f"]) for r in graph.read(BY_GROUP, group=group)] if group else []


def by_ids(graph: Graph, ids: list[str]) -> list[dict]:
    return [r["f"] for r in graph.read(BY_IDS, ids=ids)]


# The stats last summarised (`state` keeps one object until they change) and their summary.
_summarised: tuple[Any, Any] = (None, None)


def summary(stats: dict | None) -> dict[str, Any]:
    """Open findings by area and by department (laws apart), from the stored counts (a province's
    counts are 100,000 rows of department and area: summed once per change of them)."""
    global _summarised
    last, summarised = _summarised
    if stats is not None and last is stats:
        return dict(summarised)
    out = _summary(stats)
    _summarised = (stats, out)
    return dict(out)


def _summary(stats: dict | None) -> dict[str, Any]:
    areas = [a for a in AREAS if a != "laws"]
    by_area = dict.fromkeys(areas, 0)
    laws = 0
    for row in (stats or {}).get("by_kind", []):
        if row["status"] != "open" or row["kind"] not in KINDS:
            continue
        area = KINDS[row["kind"]]
        if area == "laws":
            laws += row["n"]
        else:
            by_area[area] += row["n"]
    by_department: dict[str, dict[str, int]] = {}
    for row in (stats or {}).get("by_department", []):
        if row["area"] in by_area:
            by_department.setdefault(row["department"], dict.fromkeys(areas, 0))[row["area"]] += row["n"]
    departments = sorted(by_department.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return {"by_area": by_area, "laws": laws, "total": sum(by_area.values()),
            "by_department": [{"department": d, **c, "total": sum(c.values())} for d, c in departments]}
