"""Reports from kb.analyses: overlaps, gaps, chains, consistency, integrated services."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, request

from webui import exports, findings, store
from webui.pages import page, pager

bp = Blueprint("reports", __name__)

PAGE_SIZE = 50
SORTS = {
    "score": lambda f: (-f.score, f.kind, f.id),
    "kind": lambda f: (f.kind, -f.score, f.id),
    "department": lambda f: (f.departments[0] if f.departments else "", -f.score, f.id),
    "status": lambda f: (f.status, -f.score, f.id),
}
EXPORT_COLUMNS = [("id", "id"), ("kind", "kind"), ("kind_title", "类别"), ("status", "状态"), ("score", "分值"),
                  ("jurisdiction", "地区"), ("level", "层级"), ("departments", "部门"), ("powers", "事项"),
                  ("summary", "说明")]

EVIDENCE_POWERS = """
UNWIND $keys AS key
MATCH (p:Power {key: key})
OPTIONAL MATCH (p)-[b:BASED_ON]->(a:Article)
WITH p, collect(a {.key, .name, .text, field: b.field}) AS articles
OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
WITH p, articles, r ORDER BY r.key
RETURN p {.key, .name, .type, .department, .jurisdiction, .level, .code, .basis_text, .unit, .current} AS power,
       articles, collect(r {.stage, .kind, .text}) AS responsibilities
"""


def _kind_titles() -> dict[str, str]:
    try:
        from kb.analyses.findings import KIND_TITLES

        return dict(KIND_TITLES)
    except ImportError:
        return {}


def _area_titles() -> dict[str, str]:
    try:
        from kb.analyses.findings import AREA_TITLES

        return dict(AREA_TITLES)
    except ImportError:
        return {}


def finding_dict(f: Any) -> dict[str, Any]:
    data = f.as_dict() if hasattr(f, "as_dict") else dict(vars(f))
    data.setdefault("area", getattr(f, "area", ""))
    return data


def _filtered(area: str | None) -> tuple[list, dict[str, str], str | None]:
    found, error = findings.all_findings()
    chosen = {k: request.args.get(k, "").strip() for k in ("kind", "department", "status", "level", "q")}
    out = []
    for f in found:
        if area and f.area != area:
            continue
        if chosen["kind"] and f.kind != chosen["kind"]:
            continue
        if chosen["department"] and chosen["department"] not in f.departments:
            continue
        if chosen["status"] and f.status != chosen["status"]:
            continue
        if chosen["level"] and (f.level or "") != chosen["level"]:
            continue
        if chosen["q"] and chosen["q"] not in " ".join([f.summary or "", *f.powers, *f.departments]):
            continue
        out.append(f)
    sort = request.args.get("sort", "score")
    out.sort(key=SORTS.get(sort, SORTS["score"]))
    return out, chosen, error


@page(bp, "/reports", "reports/index.html")
def index() -> dict:
    found, error = findings.all_findings()
    kinds: dict[tuple[str, str], dict[str, int]] = {}
    for f in found:
        row = kinds.setdefault((f.area, f.kind), {"open": 0, "resolved": 0, "accepted": 0})
        row[f.status] = row.get(f.status, 0) + 1
    titles, area_titles = _kind_titles(), _area_titles()
    areas = []
    for area in findings.AREAS:
        rows = [{"kind": k, "title": titles.get(k, k), **counts} for (a, k), counts in sorted(kinds.items()) if a == area]
        areas.append({"area": area, "title": area_titles.get(area, area), "kinds": rows,
                      "open": sum(r["open"] for r in rows), "total": sum(sum(r.get(s, 0) for s in
                                                                                ("open", "resolved", "accepted"))
                                                                            for r in rows)})
    return {"areas": areas, "error": error, "total": len(found)}


@page(bp, "/reports/<area>", "reports/area.html")
def area(area: str) -> Any:
    area, fmt = exports.split_format(area)
    if area not in findings.AREAS:
        abort(404)
    rows, chosen, error = _filtered(area)
    if fmt:
        return exports.download(fmt, f"findings-{area}", EXPORT_COLUMNS, [finding_dict(f) for f in rows])
    everything = request.args.get("all") == "1"
    p = pager(len(rows), len(rows) or 1) if everything else pager(len(rows), PAGE_SIZE)
    shown = rows if everything else rows[p["skip"]:p["skip"] + PAGE_SIZE]
    found, _ = findings.all_findings()
    in_area = [f for f in found if f.area == area]
    titles = _kind_titles()
    return {
        "area": area, "title": _area_titles().get(area, area), "error": error, "filters": chosen,
        "sort": request.args.get("sort", "score"), "sorts": list(SORTS), "total": len(rows), "pager": p,
        "findings": [finding_dict(f) for f in shown],
        "options": {
            "kind": sorted({(f.kind, titles.get(f.kind, f.kind)) for f in in_area}),
            "department": sorted({d for f in in_area for d in f.departments}),
            "status": sorted({f.status for f in in_area}),
            "level": sorted({f.level for f in in_area if f.level}),
        },
    }


@page(bp, "/reports/finding/<id>", "reports/finding.html")
def finding(id: str) -> dict:
    found, _error = findings.all_findings()
    match = next((f for f in found if f.id == id), None)
    if match is None:
        abort(404)
    data = finding_dict(match)
    keys = list(getattr(match, "power_keys", []) or [])
    powers = store.read(EVIDENCE_POWERS, keys=keys) if keys else []
    return {"finding": data, "powers": powers, "kind_title": _kind_titles().get(match.kind, match.kind),
            "area_title": _area_titles().get(match.area, match.area)}
