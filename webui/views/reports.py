"""Reports from kb.analyses: overlaps, gaps, chains, consistency, integrated services; a page per finding
with its evidence side by side, and for overlaps the record of who leads and who cooperates."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import HiddenField, SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from kb.analyses import laws, report, resolutions, stored
from kb.analyses.findings import AREA_TITLES, AREAS, CROSS_PLACE_KINDS, KIND_TITLES, KINDS
from kb.model import LEVEL_TITLES
from webui import exports, findings, stats, store
from webui.kept import Kept
from webui.pages import page
from webui.paging import FACET_LISTED, pager, requested_skip
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
    # needed when the lead or a cooperating department is not among those involved (as `--other-reason`)
    other_reason = TextAreaField(_l("Why a department not involved is named"), validators=[Length(max=2000)])


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
    return {k: request.args.get(k, "").strip() for k in stored.FILTERS}


def _every(area: str, chosen: dict[str, str], sort: str) -> list[dict]:
    """Every stored finding of the filter, page by page (exports and ?all=1)."""
    rows: list[dict] = []
    after = None
    while True:
        page_rows, after = stored.query(store.graph(), area, chosen, sort, after, limit=2000)
        rows += page_rows
        if not after:
            return rows


def _counted(state: dict, area: str, chosen: dict[str, str]) -> int:
    """How many findings the filter keeps: from the stored counts by kind and status when it filters by
    nothing else (a count over a province's 160,000 overlaps took most of a page's time), else counted."""
    by_kind = (state["stats"] or {}).get("by_kind")
    if by_kind is None or any(chosen[k] for k in ("department", "level", "q", "jurisdiction")):
        return stored.count(store.graph(), area, chosen)
    return sum(r["n"] for r in by_kind if KINDS.get(r["kind"]) == area
               and chosen["kind"] in ("", r["kind"]) and chosen["status"] in ("", r["status"]))


def _department_options(area: str, chosen: dict[str, str], every: list[str]) -> list[str] | None:
    """The 部门 choice: the departments of the chosen place's findings (of every place's when none is
    chosen); None (typed, not chosen) beyond a list's length, as for a province's thousands."""
    if chosen["jurisdiction"]:
        every = stored.departments(store.graph(), area, {"jurisdiction": chosen["jurisdiction"]}, FACET_LISTED + 1)
        if chosen["department"] and chosen["department"] not in every:  # (the choice in force is shown as chosen)
            every = sorted([*every, chosen["department"]])
    return every if len(every) <= FACET_LISTED else None


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
        total = _counted(state, area, chosen)
        p = pager(total, PAGE_SIZE)
        cursor = request.args.get("after") or None
        rows, after = stored.query(store.graph(), area, chosen, sort, cursor, PAGE_SIZE,
                                   skip=0 if cursor else requested_skip(PAGE_SIZE), evidence=False)
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
        "options": {"kind": kinds_here, "status": statuses,
                    # a province's thousands of departments are typed, not chosen from a list
                    "department": _department_options(area, chosen, options.get("department", [])),
                    "level": options.get("level", [])},
    }


# The departments a resolution may name besides those involved: the others of the same jurisdiction.
JURISDICTION_DEPARTMENTS = """
MATCH (d:Department)-[:IN_JURISDICTION]->(:Jurisdiction {name: $jurisdiction})
RETURN d.name AS name ORDER BY name
"""


def _department_choices(f: Any) -> dict[str, list[SelectChoice]]:
    """The departments involved first; the jurisdiction's others apart (naming one needs a reason)."""
    # read once per change of the data (webui.stats): a group's page draws two forms
    names = stats.cached(f"jurisdiction-departments:{f.jurisdiction}", lambda: [
        r["name"] for r in store.read(JURISDICTION_DEPARTMENTS, jurisdiction=f.jurisdiction)]) if f.jurisdiction else []
    others = [name for name in names if name not in f.departments]
    groups = {str(_("Departments involved")): [SelectChoice(d, d) for d in f.departments]}
    if others:
        groups[str(_("Other departments (say why)"))] = [SelectChoice(d, d) for d in others]
    return groups


def _forms(f: Any, prefix: str = "resolve") -> dict[str, FlaskForm]:
    resolve = ResolveForm(prefix=prefix)
    resolve.lead.choices = resolve.cooperating.choices = _department_choices(f) if f.area == "overlaps" else []
    return {"resolve": resolve, "accept": AcceptForm(prefix="accept"), "reopen": ReopenForm(prefix="reopen")}


def _group(match: Any) -> list[Any]:
    """The other overlaps of the finding's group (one jurisdiction, level and set of departments)."""
    if match.area != "overlaps" or not match.group:
        return []
    return [f for f in stored.by_group(store.graph(), match.group) if f.id != match.id]


EVIDENCE_KEPT_BYTES = 16 * 1024 * 1024  # per process: the evidence of a few hundred of a province's findings


def _evidence_html(finding: dict, columns: list[str]) -> Markup:
    """The finding's evidence drawn (hundreds of values for an overlap group: most of its page's time), kept per
    language and evidence (webui.kept): it holds no form, nothing of the reader's, only the data. Keyed by the
    evidence itself, not by the finding's id or the data stamp: a finding recomputed after an import keeps its id
    (it is named by its departments and powers' names) while its evidence (power keys, sources) changes."""
    evidence = json.dumps(finding["evidence"], ensure_ascii=False, sort_keys=True, default=str)
    key = ("evidence", str(get_locale()), hashlib.blake2b(evidence.encode(), digest_size=16).hexdigest())
    drawn = current_app.extensions.setdefault("kb_kept_evidence", Kept(EVIDENCE_KEPT_BYTES))
    blocks = drawn.get(key)
    if blocks is None:
        blocks = {"evidence": Markup(render_template("reports/_evidence.html", finding=finding,
                                                     evidence_columns=columns))}
        drawn.put(key, blocks)
    return blocks["evidence"]


def _finding_context(match: Any, forms: dict[str, FlaskForm] | None = None,
                     group_form: FlaskForm | None = None) -> dict:
    keys = list(match.power_keys or [])[:12]
    columns = list(dict.fromkeys(k for e in match.evidence for k in e))
    group = _group(match)
    if group_form is None and group:
        group_form = _forms(match, prefix="group")["resolve"]
    shown = finding_dict(match)
    return {"finding": shown, "evidence_columns": columns,
            "_evidence_html": lambda: _evidence_html(shown, columns),  # (drawn by the HTML page only)
            "powers": store.read(EVIDENCE_POWERS, keys=keys) if keys else [],
            "kind_title": KIND_TITLES.get(match.kind, match.kind), "area_title": AREA_TITLES.get(match.area, match.area),
            "group": [finding_dict(f, evidence=False) for f in group],
            "group_open": sum(f.status == "open" for f in group) + (match.status == "open"),
            "_forms": forms or _forms(match), "_group_form": group_form}


@page(bp, "/reports/finding/<id>", "reports/finding.html")
def finding(id: str) -> dict:
    match = findings.find(id)
    if match is None:
        abort(404)
    return _finding_context(match)


def _refused(match: Any, message: str, forms: dict[str, FlaskForm] | None = None,
             group_form: FlaskForm | None = None):
    """The finding's page again with what was typed kept, saying why nothing was recorded (400)."""
    flash(message, "error")
    return render_template("reports/finding.html", **_finding_context(match, forms, group_form)), 400


def _check_resolve_form(match: Any, form: ResolveForm) -> str | None:
    """What is wrong with a filled resolve form, as the CLI and kb.analyses.resolutions check it."""
    cooperating = list(form.cooperating.data or [])
    if form.lead.data in cooperating:
        return _("%(name)s cannot both lead and cooperate.", name=form.lead.data)
    outside = resolutions.not_involved(match, form.lead.data, cooperating)
    if outside and not (form.other_reason.data or "").strip():
        form.other_reason.errors = [*form.other_reason.errors, _("Required: a department not involved is named.")]
        return _("%(names)s are not among the departments involved (%(involved)s): say why they are named.",
                 names="、".join(outside), involved="、".join(match.departments))
    return None


def _save_status(match: Any, record: dict | None) -> None:
    """The stored finding shows the new status at once (and the counts); what depends on it (an integrated
    service's overlaps) follows when its jurisdiction is recomputed in the background."""
    match.status, match.resolution = "open", None
    if record:
        resolutions.apply([match], {match.id: record})
    stored.set_status(store.graph(), match.id, match.status, match.resolution)


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
        if form is not None and action in ("resolve", "accept") and not form.csrf_token.errors:
            return _refused(match, _("The form was incomplete; nothing was recorded."), forms)
        flash(_("The form was incomplete or has expired; nothing was recorded."), "error")
        return redirect(url_for("reports.finding", id=id))
    if action == "resolve":
        problem = _check_resolve_form(match, form)
        if problem:
            return _refused(match, problem, forms)
    record: dict | None = None
    try:
        if action == "resolve":
            record = resolutions.resolve(store.graph(), match, form.lead.data, list(form.cooperating.data or []),
                                         form.basis.data, g.user["name"], form.other_reason.data or None)
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
        _save_status(match, record)
        # a finding across places names no jurisdiction and nothing depends on its status: counts only
        if match.kind in CROSS_PLACE_KINDS or not findings.recompute_jurisdictions(
                [match.jurisdiction] if match.jurisdiction else []):
            stored.refresh_stats(store.graph())
    return redirect(url_for("reports.finding", id=id))


@bp.route("/reports/group/<group>/resolve", methods=["POST"])
@role_required("editor")
def resolve_group(group: str):
    """One lead, cooperating departments and basis for every open overlap of a group (the same
    jurisdiction, level and departments), each recorded (and audited) as a resolution of its own."""
    members = stored.by_group(store.graph(), group)
    if not members:
        abort(404)
    first = members[0]
    back = request.form.get("finding") or first.id
    shown = next((f for f in members if f.id == back), first)
    form = _forms(first, prefix="group")["resolve"]
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            flash(_("The form was incomplete or has expired; nothing was recorded."), "error")
            return redirect(url_for("reports.finding", id=shown.id))
        return _refused(shown, _("The form was incomplete; nothing was recorded."), group_form=form)
    problem = _check_resolve_form(first, form)
    if problem:
        return _refused(shown, problem, group_form=form)
    done = 0
    try:
        for f in members:
            if f.status != "open":
                continue
            record = resolutions.resolve(store.graph(), f, form.lead.data, list(form.cooperating.data or []),
                                         form.basis.data, g.user["name"], form.other_reason.data or None)
            _save_status(f, record)
            done += 1
    except resolutions.ResolutionError as exc:
        flash(str(exc), "error")
    else:
        flash(_("Recorded for %(n)d overlaps of the group: %(lead)s leads.", n=done, lead=form.lead.data), "success")
    if done and not findings.recompute_jurisdictions([first.jurisdiction] if first.jurisdiction else []):
        stored.refresh_stats(store.graph())
    return redirect(url_for("reports.finding", id=shown.id))
