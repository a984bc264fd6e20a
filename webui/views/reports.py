"""Reports from kb.analyses: overlaps, gaps, chains, consistency, integrated services; a page per finding
with its evidence side by side, and for overlaps the record of who leads and who cooperates."""
from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from kb.analyses import laws, report, resolutions, stored
from kb.analyses.findings import AREA_TITLES, AREAS, CROSS_PLACE_KINDS, KIND_TITLES, KINDS
from kb.model import LEVEL_TITLES
from webui import exports, findings, store
from webui.pages import page
from webui.paging import pager, requested_skip
from webui.users import role_required

bp = Blueprint("reports", __name__)

PAGE_SIZE = 50
SORTS = list(stored.SORTS)  # score, kind, department, status: each a keyset order of the stored findings

EVIDENCE_POWERS = """
UNWIND range(0, size($keys) - 1) AS i
MATCH (p:Power {key: $keys[i]})
CALL { WITH p OPTIONAL MATCH (p)-[b:BASED_ON]->(a:Article)
       RETURN collect(a {.key, .name, .text, field: b.field}) AS articles }
CALL { WITH p OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
       WITH r ORDER BY r.key RETURN collect(r {.stage, .kind, .text}) AS responsibilities }
RETURN p {.key, .name, .type, .department, .jurisdiction, .level, .code, .basis_text, .unit, .current} AS power,
       articles, responsibilities
ORDER BY i
"""


class ResolveForm(FlaskForm):
    action = HiddenField(default="resolve")
    lead = SelectField(_l("Lead department"), validators=[DataRequired()])
    cooperating = SelectMultipleField(_l("Cooperating departments"))
    basis = TextAreaField(_l("Basis (document or decision)"), validators=[DataRequired(), Length(max=4000)])


class AcceptForm(FlaskForm):
    action = HiddenField(default="accept")
    basis = TextAreaField(_l("Why it is not a problem"), validators=[DataRequired(), Length(max=4000)])


class ReopenForm(FlaskForm):
    action = HiddenField(default="reopen")


SUMMARY_FIELDS = ("id", "kind", "jurisdiction", "level", "departments", "powers", "power_keys", "summary", "score",
                  "status", "resolution")


def finding_dict(f: Any, evidence: bool = True) -> dict[str, Any]:
    """A finding for a page; lists leave the evidence out (the gaps' evidence is long): a finding's
    own page and the exports have all of it. ``f`` is a Finding or a stored row."""
    if isinstance(f, dict):
        data = {k: f.get(k) for k in SUMMARY_FIELDS}
        data["resolution"] = json.loads(f["resolution"]) if f.get("resolution") else None
        data.update(area=f["area"], kind_title=KIND_TITLES.get(f["kind"], f["kind"]),
                    level_title=LEVEL_TITLES.get(f.get("level") or "", f.get("level") or ""),
                    evidence_count=f.get("evidence_count") or 0, group=f.get("group") or "",
                    folded=f.get("folded") or [])
        if evidence:
            data["evidence"] = json.loads(f.get("evidence") or "[]")
        return data
    if evidence:
        data = f.as_dict()
    else:
        data = {k: getattr(f, k) for k in SUMMARY_FIELDS}
        data.update(area=f.area, kind_title=KIND_TITLES.get(f.kind, f.kind))
    data.update(level_title=LEVEL_TITLES.get(f.level, f.level), evidence_count=getattr(f, "evidence_total", 0) or len(f.evidence))
    return data


def _not_computed(state: dict) -> str | None:
    """What a page says when the stored findings are missing, out of date or being recomputed."""
    if state.get("error"):
        return state["error"]
    if not state["computed"]:
        return _("Not computed yet: run kb check, or wait for the background computation.")
    if state["updating"] or state["stale"]:
        return _("The findings are being recomputed after a change; these are from %(when)s.",
                 when=(state.get("computed_at") or "")[:16].replace("T", " "))
    return None


def _chosen() -> dict[str, str]:
    return {k: request.args.get(k, "").strip() for k in ("kind", "department", "status", "level", "q")}


def _every(area: str, chosen: dict[str, str], sort: str) -> list[dict]:
    """Every stored finding of the filter, page by page (exports and ?all=1)."""
    rows: list[dict] = []
    after = None
    while True:
        page_rows, after = stored.query(store.graph(), area, chosen, sort, after, limit=2000)
        rows += page_rows
        if not after:
            return rows


@page(bp, "/reports", "reports/index.html")
def index() -> dict:
    state = findings.state()
    counts: dict[str, dict[str, int]] = {}
    for row in (state["stats"] or {}).get("by_kind", []):
        c = counts.setdefault(row["kind"], {"open": 0, "resolved": 0, "accepted": 0})
        c[row["status"]] = c.get(row["status"], 0) + row["n"]
    areas = []
    for area in AREAS:
        kinds = [{"kind": k, "title": KIND_TITLES.get(k, k), **counts[k]} for k, a in KINDS.items()
                 if a == area and k in counts]
        areas.append({"area": area, "title": AREA_TITLES.get(area, area), "kinds": kinds,
                      "open": sum(k["open"] for k in kinds),
                      "total": sum(k["open"] + k["resolved"] + k["accepted"] for k in kinds)})
    return {"areas": areas, "error": _not_computed(state), "total": sum(a["total"] for a in areas),
            "computed": state["computed"], "computed_at": state["computed_at"], "updating": state["updating"]}


@page(bp, "/reports/<area>", "reports/area.html")
def area(area: str) -> Any:
    area, fmt = exports.split_format(area)
    if area not in AREAS:
        abort(404)
    state = findings.state()
    chosen = _chosen()
    sort = request.args.get("sort", "score")
    sort = sort if sort in stored.SORTS else "score"
    everything = request.args.get("all") == "1"
    if fmt or everything or area == "laws":
        rows = _every(area, chosen, sort)
        if fmt:
            return exports.download(fmt, f"findings-{area}", report.FINDING_COLUMNS,
                                    [report.finding_row(stored.to_finding(r)) for r in rows])
        total, after = len(rows), None
        p = pager(total, max(1, total))
    else:
        total = stored.count(store.graph(), area, chosen)
        p = pager(total, PAGE_SIZE)
        cursor = request.args.get("after") or None
        rows, after = stored.query(store.graph(), area, chosen, sort, cursor, PAGE_SIZE,
                                   skip=0 if cursor else requested_skip(PAGE_SIZE))
    options = ((state["stats"] or {}).get("options") or {}).get(area, {})
    kinds_here = sorted({(r["kind"], KIND_TITLES.get(r["kind"], r["kind"]))
                         for r in (state["stats"] or {}).get("by_kind", []) if KINDS.get(r["kind"]) == area})
    statuses = sorted({r["status"] for r in (state["stats"] or {}).get("by_kind", []) if KINDS.get(r["kind"]) == area})
    return {
        "laws": laws.ranked([stored.to_finding(r) for r in rows]) if area == "laws" else [],
        "area": area, "title": AREA_TITLES.get(area, area), "error": _not_computed(state), "filters": chosen,
        "sort": sort, "sorts": SORTS, "total": total, "pager": p,
        "next": after, "computed": state["computed"], "computed_at": state["computed_at"],
        "findings": [finding_dict(r, evidence=everything) for r in rows] if area != "laws" or everything else [],
        "options": {"kind": kinds_here, "department": options.get("department", []), "status": statuses,
                    "level": options.get("level", [])},
    }


def _forms(f: Any) -> dict[str, FlaskForm]:
    resolve = ResolveForm(prefix="resolve")
    resolve.lead.choices = [SelectChoice(d, d) for d in f.departments]
    resolve.cooperating.choices = [SelectChoice(d, d) for d in f.departments]
    return {"resolve": resolve, "accept": AcceptForm(prefix="accept"), "reopen": ReopenForm(prefix="reopen")}


@page(bp, "/reports/finding/<id>", "reports/finding.html")
def finding(id: str) -> dict:
    match = findings.find(id)
    if match is None:
        abort(404)
    keys = list(match.power_keys or [])[:12]
    columns = list(dict.fromkeys(k for e in match.evidence for k in e))
    return {"finding": finding_dict(match), "evidence_columns": columns, "powers": store.read(EVIDENCE_POWERS, keys=keys) if keys else [],
            "kind_title": KIND_TITLES.get(match.kind, match.kind), "area_title": AREA_TITLES.get(match.area, match.area),
            "_forms": _forms(match)}


@bp.route("/reports/finding/<id>/status", methods=["POST"])
@role_required("editor")
def set_status(id: str):
    match = findings.find(id)
    if match is None:
        abort(404)
    forms = _forms(match)
    action = request.form.get("resolve-action") or request.form.get("accept-action") or request.form.get("reopen-action")
    form = forms.get(action or "")
    if form is None or not form.validate_on_submit():
        flash(_("The form was incomplete or has expired; nothing was recorded."), "error")
        return redirect(url_for("reports.finding", id=id))
    record: dict | None = None
    try:
        if action == "resolve":
            record = resolutions.resolve(store.graph(), match, form.lead.data, list(form.cooperating.data or []),
                                         form.basis.data, g.user["name"])
            flash(_("Recorded: %(lead)s leads.", lead=form.lead.data), "success")
        elif action == "accept":
            record = resolutions.accept(store.graph(), match, form.basis.data, g.user["name"])
            flash(_("Recorded as reviewed, not a problem."), "success")
        else:
            resolutions.reopen(store.graph(), id, g.user["name"])
            flash(_("Reopened."), "success")
    except resolutions.ResolutionError as exc:
        flash(str(exc), "error")
    else:
        # The stored finding shows the new status at once (and the counts); what depends on it (an
        # integrated service's overlaps) follows when its jurisdiction is recomputed in the background.
        match.status, match.resolution = "open", None
        if record:
            resolutions.apply([match], {match.id: record})
        stored.set_status(store.graph(), match.id, match.status, match.resolution)
        # a finding across places names no jurisdiction and nothing depends on its status: counts only
        if match.kind in CROSS_PLACE_KINDS or not findings.recompute_jurisdictions(
                [match.jurisdiction] if match.jurisdiction else []):
            stored.refresh_stats(store.graph())
    return redirect(url_for("reports.finding", id=id))
