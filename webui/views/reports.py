"""Reports from kb.analyses: overlaps, gaps, chains, consistency, integrated services; a page per finding
with its evidence side by side, and for overlaps the record of who leads and who cooperates."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from kb.analyses import laws, report, resolutions
from kb.analyses.findings import AREA_TITLES, AREAS, KIND_TITLES, KINDS
from kb.model import LEVEL_TITLES
from webui import exports, findings, store
from webui.pages import page
from webui.paging import pager
from webui.users import role_required

bp = Blueprint("reports", __name__)

PAGE_SIZE = 50
SORTS = {
    "score": lambda f: (-f.score, f.kind, f.id),
    "kind": lambda f: (f.kind, -f.score, f.id),
    "department": lambda f: (f.departments[0] if f.departments else "", -f.score, f.id),
    "status": lambda f: (f.status, -f.score, f.id),
}

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
    """A finding for a page; lists leave the evidence out (as_dict deep-copies it, and the gaps' evidence
    is long): a finding's own page and the exports have all of it."""
    if evidence:
        data = f.as_dict()
    else:
        data = {k: getattr(f, k) for k in SUMMARY_FIELDS}
        data.update(area=f.area, kind_title=KIND_TITLES.get(f.kind, f.kind))
    data.update(level_title=LEVEL_TITLES.get(f.level, f.level), evidence_count=getattr(f, "evidence_total", 0) or len(f.evidence))
    return data


def _filtered(area: str | None) -> tuple[list, dict[str, str], str | None]:
    found, error = findings.all_findings()
    chosen = {k: request.args.get(k, "").strip() for k in ("kind", "department", "status", "level", "q")}
    out = [f for f in found if (not area or f.area == area)
           and (not chosen["kind"] or f.kind == chosen["kind"])
           and (not chosen["department"] or chosen["department"] in f.departments)
           and (not chosen["status"] or f.status == chosen["status"])
           and (not chosen["level"] or f.level == chosen["level"])
           and (not chosen["q"] or chosen["q"] in " ".join([f.summary or "", *f.powers, *f.departments]))]
    out.sort(key=SORTS.get(request.args.get("sort", "score"), SORTS["score"]))
    return out, chosen, error


@page(bp, "/reports", "reports/index.html")
def index() -> dict:
    found, error = findings.all_findings()
    counts: dict[str, dict[str, int]] = {}
    for f in found:
        row = counts.setdefault(f.kind, {"open": 0, "resolved": 0, "accepted": 0})
        row[f.status] = row.get(f.status, 0) + 1
    areas = []
    for area in AREAS:
        kinds = [{"kind": k, "title": KIND_TITLES.get(k, k), **counts[k]} for k, a in KINDS.items()
                 if a == area and k in counts]
        areas.append({"area": area, "title": AREA_TITLES.get(area, area), "kinds": kinds,
                      "open": sum(k["open"] for k in kinds),
                      "total": sum(k["open"] + k["resolved"] + k["accepted"] for k in kinds)})
    return {"areas": areas, "error": error, "total": len(found)}


@page(bp, "/reports/<area>", "reports/area.html")
def area(area: str) -> Any:
    area, fmt = exports.split_format(area)
    if area not in AREAS:
        abort(404)
    rows, chosen, error = _filtered(area)
    if fmt:
        return exports.download(fmt, f"findings-{area}", report.FINDING_COLUMNS, [report.finding_row(f) for f in rows])
    everything = request.args.get("all") == "1"
    size = max(1, len(rows)) if everything else PAGE_SIZE
    p = pager(len(rows), size)
    found, _error = findings.all_findings()  # cached: the same list _filtered used
    in_area = [f for f in found if f.area == area]
    return {
        "laws": laws.ranked(rows) if area == "laws" else [],
        "area": area, "title": AREA_TITLES.get(area, area), "error": error, "filters": chosen,
        "sort": request.args.get("sort", "score"), "sorts": list(SORTS), "total": len(rows), "pager": p,
        "findings": [finding_dict(f, evidence=everything) for f in rows[p["skip"]:p["skip"] + size]],
        "options": {
            "kind": sorted({(f.kind, KIND_TITLES.get(f.kind, f.kind)) for f in in_area}),
            "department": sorted({d for f in in_area for d in f.departments}),
            "status": sorted({f.status for f in in_area}),
            "level": sorted({f.level for f in in_area if f.level}),
        },
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
    try:
        if action == "resolve":
            resolutions.resolve(store.graph(), match, form.lead.data, list(form.cooperating.data or []),
                                form.basis.data, g.user["name"])
            flash(_("Recorded: %(lead)s leads.", lead=form.lead.data), "success")
        elif action == "accept":
            resolutions.accept(store.graph(), match, form.basis.data, g.user["name"])
            flash(_("Recorded as reviewed, not a problem."), "success")
        else:
            resolutions.reopen(store.graph(), id, g.user["name"])
            flash(_("Reopened."), "success")
    except resolutions.ResolutionError as exc:
        flash(str(exc), "error")
    findings.invalidate()
    return redirect(url_for("reports.finding", id=id))
