"""Statuses of findings: a resolved overlap (lead and cooperating departments, basis, who and when) or
an accepted finding (reviewed, not a problem) is a `Finding` node keyed by the finding's stable id.

The analyses recompute findings on every run; the stored statuses are applied by id, so a resolved
overlap leaves the open list, and the record stays (also when the overlap is no longer found).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from kb.analyses.findings import Finding
from kb.db import Graph

RECORDS = """
MATCH (f:Finding)
RETURN f {.*, resolved_at: toString(f.resolved_at)} AS record
ORDER BY f.resolved_at DESC
"""

WRITE = """
MERGE (f:Finding {id: $id})
SET f.kind = $kind, f.status = $status, f.lead = $lead, f.cooperating = $cooperating, f.basis = $basis,
    f.resolved_by = $by, f.resolved_at = datetime(), f.departments = $departments, f.powers = $powers,
    f.summary = $summary, f.jurisdiction = $jurisdiction, f.level = $level,
    f.history = coalesce(f.history, []) + [$entry]
RETURN f {.*, resolved_at: toString(f.resolved_at)} AS record
"""

# Reopening keeps the record and its history (who resolved it, when, on what basis): nothing is lost.
REOPEN = """
MATCH (f:Finding {id: $id}) WHERE f.status <> 'open'
SET f.status = 'open', f.reopened_by = $by, f.reopened_at = datetime(),
    f.history = coalesce(f.history, []) + ['reopened by ' + $by + ' at ' + toString(datetime())]
RETURN count(f) AS n
"""

HISTORY = "MATCH (f:Finding {id: $id}) RETURN f.history AS history"

DEPARTMENTS = "MATCH (d:Department) RETURN d.name AS name ORDER BY name"


class ResolutionError(ValueError):
    pass


def records(graph: Graph) -> dict[str, dict]:
    return {r["record"]["id"]: r["record"] for r in graph.read(RECORDS)}


def apply(findings: Iterable[Finding], stored: dict[str, dict]) -> None:
    for f in findings:
        rec = stored.get(f.id)
        if rec and rec.get("status") in ("resolved", "accepted"):
            f.status = rec["status"]
            f.resolution = {k: rec.get(k) for k in ("lead", "cooperating", "basis", "resolved_by", "resolved_at")}


def match_department(name: str, candidates: Iterable[str]) -> str:
    """A full department name from what a user typed: exact, else the one name that ends with or
    contains it (交通运输局 -> 克拉玛依市交通运输局)."""
    names = list(dict.fromkeys(candidates))
    if name in names:
        return name
    hits = [n for n in names if n.endswith(name)] or [n for n in names if name in n]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ResolutionError(f"no department {name!r}")
    raise ResolutionError(f"{name!r} names several departments: {', '.join(hits)}")


def _write(graph: Graph, finding: Finding, status: str, lead: str | None, cooperating: list[str], basis: str,
           by: str) -> dict:
    entry = f"{status} by {by} at {datetime.now(UTC).isoformat(timespec='seconds')}" + (f"; lead {lead}" if lead else "") + \
            (f"; cooperating {', '.join(cooperating)}" if cooperating else "") + f"; basis {basis}"
    return graph.write(WRITE, id=finding.id, kind=finding.kind, status=status, lead=lead, cooperating=cooperating,
                       basis=basis, by=by, departments=finding.departments, powers=finding.powers,
                       summary=finding.summary, jurisdiction=finding.jurisdiction, level=finding.level,
                       entry=entry)[0]["record"]


def resolve(graph: Graph, finding: Finding, lead: str, cooperating: list[str], basis: str, by: str) -> dict:
    """Record who leads (牵头) and who cooperates (配合) on an overlap, on what basis, by whom, when."""
    if finding.area != "overlaps":
        raise ResolutionError(f"{finding.id} is a {finding.kind} finding; only overlaps are resolved")
    if not basis.strip():
        raise ResolutionError("--basis is required: the document or decision that assigns the lead")
    known = [r["name"] for r in graph.read(DEPARTMENTS)]
    lead_name = match_department(lead, finding.departments + known)
    co = [match_department(c, finding.departments + known) for c in cooperating]
    if lead_name in co:
        raise ResolutionError(f"{lead_name} cannot both lead and cooperate")
    if not co:
        rest = [d for d in finding.departments if d != lead_name]
        co = rest
    return _write(graph, finding, "resolved", lead_name, list(dict.fromkeys(co)), basis.strip(), by)


def accept(graph: Graph, finding: Finding, basis: str, by: str) -> dict:
    """Mark a finding as reviewed and not a problem (it leaves the open list)."""
    if not basis.strip():
        raise ResolutionError("--basis is required: why the finding is accepted")
    return _write(graph, finding, "accepted", None, [], basis.strip(), by)


def reopen(graph: Graph, finding_id: str, by: str = "") -> bool:
    return bool(graph.write(REOPEN, id=finding_id, by=by or "unknown")[0]["n"])


def history(graph: Graph, finding_id: str) -> list[str]:
    rows = graph.read(HISTORY, id=finding_id)
    return (rows[0]["history"] or []) if rows else []
