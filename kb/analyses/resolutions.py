"""Statuses of findings: a resolved overlap (lead and cooperating departments, basis, who and when) or
an accepted finding (reviewed, not a problem) is a `Finding` node keyed by the finding's stable id.

The analyses recompute findings on every run; the stored statuses are applied by id, so a resolved
overlap leaves the open list, and the record stays (also when the overlap is no longer found).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from kb.analyses.findings import KIND_TITLES, STATUS_TITLES, Finding
from kb.db import Graph
from kb.model import body_key

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
    f.history = coalesce(f.history, []) + ['重新打开：' + $by + '，' + toString(datetime())]
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


def match_department(name: str, candidates: Iterable[str], involved: Iterable[str] = ()) -> str:
    """A full department name from what a user typed: exact, else the one name that ends with or
    contains it (交通运输局 -> 克拉玛依市交通运输局), or ends with it in its short form (住建局 -> 正定县住房和城乡建设局, as
    kb prints it); of those the finding involves (`involved`) first."""
    names = list(dict.fromkeys(candidates))
    if name in names:
        return name
    if len(name.strip()) < 2:  # (「局」, 「委」: no body's name)
        raise ResolutionError(f"没有名为“{name}”的部门")
    short = body_key(name)

    def matching(among: list[str]) -> list[str]:
        return ([n for n in among if n.endswith(name)] or [n for n in among if name in n]
                or [n for n in among if len(short) >= 3 and body_key(n).endswith(short)])

    hits = matching([n for n in dict.fromkeys(involved) if n in names])
    hits = hits if len(hits) == 1 else matching(names)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ResolutionError(f"没有名为“{name}”的部门")
    raise ResolutionError(f"“{name}”可指多个部门：{'、'.join(hits[:12])}{' 等' if len(hits) > 12 else ''}；请写全称")


def _write(graph: Graph, finding: Finding, status: str, lead: str | None, cooperating: list[str], basis: str,
           by: str) -> dict:
    entry = f"{STATUS_TITLES.get(status, status)}：{by}，{datetime.now(UTC).isoformat(timespec='seconds')}" + \
        (f"；牵头 {lead}" if lead else "") + (f"；配合 {'、'.join(cooperating)}" if cooperating else "") + f"；依据 {basis}"
    return graph.write(WRITE, id=finding.id, kind=finding.kind, status=status, lead=lead, cooperating=cooperating,
                       basis=basis, by=by, departments=finding.departments, powers=finding.powers,
                       summary=finding.summary, jurisdiction=finding.jurisdiction, level=finding.level,
                       entry=entry)[0]["record"]


MIN_BASIS = 2  # non-space characters: "x" or "略" is no basis a reader can check


def check_basis(basis: str, what: str = "依据") -> str:
    text = (basis or "").strip()
    if len("".join(text.split())) < MIN_BASIS:
        raise ResolutionError(f"{what}过短：请写明文件或决定的名称（至少{MIN_BASIS}个字）")
    return text


def not_involved(finding: Finding, lead: str, cooperating: Iterable[str]) -> list[str]:
    """The departments named to lead or cooperate that the overlap does not involve (they need a reason)."""
    return [d for d in dict.fromkeys([lead, *cooperating]) if d and d not in finding.departments]


def resolve(graph: Graph, finding: Finding, lead: str, cooperating: list[str], basis: str, by: str,
            other_reason: str | None = None) -> dict:
    """Record who leads (牵头) and who cooperates (配合) on an overlap, on what basis, by whom, when.

    The lead and the cooperating departments must be among the finding's departments; another
    department may be named only with a reason (`other_reason`, kept with the record)."""
    if finding.area != "overlaps":
        raise ResolutionError(f"{finding.id} 是“{KIND_TITLES.get(finding.kind, finding.kind)}”，"
                              "只有职责交叉才能指定牵头和配合部门")
    basis = check_basis(basis)
    reason = check_basis(other_reason, "理由") if other_reason is not None and other_reason.strip() else ""
    known = [r["name"] for r in graph.read(DEPARTMENTS)]
    lead_name = match_department(lead, finding.departments + known, finding.departments)
    co = [match_department(c, finding.departments + known, finding.departments) for c in cooperating]
    if lead_name in co:
        raise ResolutionError(f"{lead_name}不能既牵头又配合")
    outside = not_involved(finding, lead_name, co)
    if outside and not reason:
        raise ResolutionError(
            f"{'、'.join(outside)}不是本项职责交叉涉及的部门（涉及：{'、'.join(finding.departments)}）；"
            f"如确需由其他部门牵头或配合，请说明理由（--other-reason）")
    if not co:
        co = [d for d in finding.departments if d != lead_name]
    if reason:
        basis = f"{basis}（另行指定{'、'.join(outside)}的理由：{reason}）" if outside else basis
    return _write(graph, finding, "resolved", lead_name, list(dict.fromkeys(co)), basis, by)


def accept(graph: Graph, finding: Finding, basis: str, by: str) -> dict:
    """Mark a finding as reviewed and not a problem (it leaves the open list)."""
    return _write(graph, finding, "accepted", None, [], check_basis(basis), by)


def reopen(graph: Graph, finding_id: str, by: str = "") -> bool:
    return bool(graph.write(REOPEN, id=finding_id, by=by or "unknown")[0]["n"])


def history(graph: Graph, finding_id: str) -> list[str]:
    rows = graph.read(HISTORY, id=finding_id)
    return (rows[0]["history"] or []) if rows else []
