"""The front page: counts, powers per department and type, open findings, the latest imports.

    /imports/<id>/revert       (admin, POST) revert a whole import run (importers.revert): the list
                               versions it made are retired, the ones they superseded are current again
"""
from __future__ import annotations

from pathlib import PurePath

from flask import Blueprint, abort, flash, g, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from importers import revert
from webui import findings, stats, store
from webui.names import department_labels
from webui.pages import page
from webui.times import local_time
from webui.users import role_required

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

# The chart's departments (most powers first) with their powers by type, and how many departments hold
# powers: counted in the database (a province's 8,000 departments by type were 54,000 rows to read).
TOP_DEPARTMENTS = """
MATCH (d:Department)-[:HOLDS]->(p:Power)
WITH d, coalesce(p.type, '') AS type, count(*) AS n
WITH d, collect({type: type, n: n}) AS parts, sum(n) AS total
ORDER BY total DESC, d.name
WITH collect({name: d.name, jurisdiction: d.jurisdiction, total: total, parts: parts}) AS departments
RETURN size(departments) AS count, departments[..$shown] AS shown
"""

BY_TYPE = """
MATCH (:Department)-[:HOLDS]->(p:Power)
RETURN coalesce(p.type, '') AS type, count(*) AS n ORDER BY n DESC, type
"""

# The latest runs from the index on started_at, in its order (a province has 8,000 runs: sorting them
# was 8 ms of every dashboard)
LATEST_IMPORTS = """
MATCH (r:ImportRun) WHERE r.started_at IS NOT NULL
RETURN r.id AS id, r.file AS file, r.kind AS kind, r.status AS status, r.records AS records,
       r.nodes_created AS nodes_created, r.started_at AS started_at, r.finished_at AS finished_at
ORDER BY r.started_at DESC LIMIT $limit
"""

IMPORT_RUN = """
MATCH (r:ImportRun {id: $id})
OPTIONAL MATCH (r)-[:PRODUCED]->(v:ListVersion)-[:LIST_OF]->(d:Department)
WITH r, v, d ORDER BY d.name, v.key
RETURN r {.*} AS run, collect(v {.key, .version, .title, .records, .current, .retired, department: d.name}) AS versions,
       COLLECT { MATCH (e:Edit {field: 'import_reverted', import_run: r.id})
                 RETURN e {.id, .when, .summary, .before, .after} ORDER BY e.summary } AS reverts
"""


class RevertRunForm(FlaskForm):
    reason = TextAreaField(_l("Reason for the change"), validators=[DataRequired(), Length(max=2000)])


def by_department() -> dict:
    """The chart's departments, each {name, jurisdiction, total, types, short}; how many departments
    hold powers; the powers by type, most first."""
    top = store.read_one(TOP_DEPARTMENTS, shown=CHART_DEPARTMENTS) or {"count": 0, "shown": []}
    labels = department_labels((d["name"], d["jurisdiction"]) for d in top["shown"])
    shown = [{"name": d["name"], "jurisdiction": d["jurisdiction"], "total": d["total"], "short": labels[d["name"]],
              "types": {part["type"]: part["n"] for part in d["parts"]}} for d in top["shown"]]
    types = [{"type": r["type"], "n": r["n"]} for r in store.read(BY_TYPE)]
    return {"shown": shown, "count": top["count"], "types": types}


def counts() -> dict:
    return store.read_one(COUNTS) or {}


@page(bp, "/", "dashboard.html")
def index() -> dict:
    # both counted once per change of the data (they read every power), not per request
    chart = stats.cached("dashboard_departments", by_department)
    shown, types = chart["shown"], chart["types"]
    type_order = [t["type"] for t in types]
    colours = {t: COLOURS[i % len(COLOURS)] for i, t in enumerate(type_order)}
    return {
        "_colours": COLOURS,
        "_chart_departments": [{"label": d["short"], "title": d["name"],
                                "url": url_for("browse.department", name=d["name"]),
                                "total": d["total"], "parts": d["types"]} for d in shown],
        "chart_departments": {"shown": len(shown), "total": chart["count"]},
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
    reverts = [e | {"when": local_time(e["when"])} for e in row["reverts"]]
    can_revert, refused = False, None
    if g.get("user") and g.user["role"] == "admin" and run.get("kind") == "list" and not reverts:
        try:
            revert.check(store.graph(), id)
            can_revert = True
        except revert.RevertRefused as exc:
            refused = str(exc)
    return {"run": run, "versions": [v for v in row["versions"] if v.get("key")], "reverts": reverts,
            "_can_revert": can_revert, "_refused": refused, "_revert": RevertRunForm()}


@bp.route("/imports/<id>/revert", methods=["POST"])
@role_required("admin")
def revert_import(id: str):
    back = url_for("dashboard.import_run", id=id)
    if not store.read_one("MATCH (r:ImportRun {id: $id}) RETURN r.id AS id", id=id):
        abort(404)
    form = RevertRunForm()
    if not form.validate():
        flash(_("Give a reason for the change."), "error")
        return redirect(back)
    try:
        done = revert.revert_run(store.graph(), id, g.user["name"], form.reason.data.strip())
    except revert.RevertRefused as exc:
        flash(str(exc), "error")
        return redirect(back)
    findings.invalidate()
    findings.recompute_jurisdictions(done.jurisdictions)
    for v in done.versions:
        if v["restored"]:
            flash(_("Reverted the import of %(department)s %(version)s; version %(restored)s is current again.",
                    department=v["department"], version=v["version"], restored="、".join(v["restored"])), "success")
        else:
            flash(_("Reverted the import of %(department)s %(version)s; no earlier version was there to restore.",
                    department=v["department"], version=v["version"]), "success")
    return redirect(back)
