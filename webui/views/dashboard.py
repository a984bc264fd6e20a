"""The front page: counts, powers per department and type, open findings, the latest imports."""
from __future__ import annotations

from pathlib import PurePath

from flask import Blueprint, abort, g, url_for
from flask_babel import gettext as _

from webui import findings, stats, store
from webui.names import department_labels
from webui.pages import page

bp = Blueprint("dashboard", __name__)

CHART_DEPARTMENTS = 30  # the departments with most powers the chart draws (a province has tens of thousands)

COLOURS = ["#4e79a7", "#e15759", "#f28e2b", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#86bcb6", "#d4a6c8"]

COUNTS = """
CALL { MATCH (n:Jurisdiction) RETURN count(n) AS jurisdictions }
CALL { MATCH (n:Department) RETURN count(n) AS departments }
CALL { MATCH ()-[r:HOLDS]->() RETURN count(r) AS powers }
CALL { MATCH (:Department)-[:HOLDS]->(:Power)-[r:HAS_RESPONSIBILITY]->() RETURN count(r) AS responsibilities }
CALL { MATCH (n:Law) RETURN count(n) AS laws }
CALL { MATCH (n:Article) RETURN count(n) AS articles }
CALL { MATCH (n:Thing) RETURN count(n) AS things }
CALL { MATCH (n:ServiceItem) RETURN count(n) AS service_items }
CALL { MATCH (n:ListVersion) RETURN count(n) AS list_versions }
RETURN jurisdictions, departments, powers, responsibilities, laws, articles, things, service_items, list_versions
"""

BY_DEPARTMENT_TYPE = """
MATCH (d:Department)-[:HOLDS]->(p:Power)
RETURN d.name AS department, d.jurisdiction AS jurisdiction, coalesce(p.type, '') AS type, count(*) AS n
"""

LATEST_IMPORTS = """
MATCH (r:ImportRun)
RETURN r.id AS id, r.file AS file, r.kind AS kind, r.status AS status, r.records AS records,
       r.nodes_created AS nodes_created, r.started_at AS started_at, r.finished_at AS finished_at
ORDER BY r.started_at DESC LIMIT $limit
"""

IMPORT_RUN = """
MATCH (r:ImportRun {id: $id})
OPTIONAL MATCH (r)-[:PRODUCED]->(v:ListVersion)-[:LIST_OF]->(d:Department)
RETURN r {.*} AS run, collect(v {.key, .version, .title, .records, .current, department: d.name}) AS versions
"""


def _by_department(rows: list[dict]) -> tuple[list[dict], list[dict], list[str]]:
    departments: dict[str, dict] = {}
    types: dict[str, int] = {}
    for row in rows:
        dep = departments.setdefault(row["department"], {
            "name": row["department"], "jurisdiction": row["jurisdiction"], "total": 0, "types": {}})
        dep["total"] += row["n"]
        dep["types"][row["type"]] = dep["types"].get(row["type"], 0) + row["n"]
        types[row["type"]] = types.get(row["type"], 0) + row["n"]
    labels = department_labels((d, r["jurisdiction"]) for r in rows for d in [r["department"]])
    for dep in departments.values():
        dep["short"] = labels[dep["name"]]
    type_list = [{"type": t, "n": n} for t, n in sorted(types.items(), key=lambda kv: -kv[1])]
    return sorted(departments.values(), key=lambda d: -d["total"]), type_list, [t["type"] for t in type_list]


def counts() -> dict:
    return store.read_one(COUNTS) or {}


def by_department() -> tuple[list[dict], list[dict], list[str]]:
    return _by_department(store.read(BY_DEPARTMENT_TYPE))


@page(bp, "/", "dashboard.html")
def index() -> dict:
    # both counted once per change of the data (they read every power), not per request
    departments, types, type_order = stats.cached("dashboard_departments", by_department)
    shown = departments[:CHART_DEPARTMENTS]
    colours = {t: COLOURS[i % len(COLOURS)] for i, t in enumerate(type_order)}
    return {
        "_colours": COLOURS,
        "_chart_departments": [{"label": d["short"], "title": d["name"],
                                "url": url_for("browse.department", name=d["name"]),
                                "total": d["total"], "parts": d["types"]} for d in shown],
        "chart_departments": {"shown": len(shown), "total": len(departments)},
        "_chart_types": [{"label": t["type"] or _("unknown"), "value": t["n"], "colour": colours[t["type"]],
                          "url": url_for("powers.powers", type=t["type"]) if t["type"] else None} for t in types],
        "counts": stats.cached("dashboard_counts", counts),
        "departments": shown,
        "types": types,
        "type_order": type_order,
        "findings": findings.summary(),
        "imports": store.read(LATEST_IMPORTS, limit=8),
    }


@page(bp, "/imports", "imports.html")
def imports() -> dict:
    return {"imports": store.read(LATEST_IMPORTS, limit=500)}


@page(bp, "/imports/<id>", "import_run.html")
def import_run(id: str) -> dict:
    row = store.read_one(IMPORT_RUN, id=id)
    if not row or not row["run"]:
        abort(404)
    run = row["run"]
    if not g.get("user") and run.get("path"):  # anonymous readers see the file's name, not where it was
        run["path"] = PurePath(str(run["path"])).name
    return {"run": run, "versions": [v for v in row["versions"] if v.get("key")]}
