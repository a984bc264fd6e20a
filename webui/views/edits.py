"""Editing the lists in the browser, with an audit trail: one (:Edit)-[:EDITS]->(entity) node per change,
each with its reason.

    /edit/power/<key>                         a power's fields (optimistic concurrency)
    /edit/power/<key>/retire, /restore        retire a power (never deleted) or bring it back
    /edit/power/<key>/responsibility          add a responsibility; /edit/responsibility/<key>/retire|restore
    /edit/power/<key>/accountability          add the power's accountability (追责对象范围, 追责情形) or change it;
                                              /edit/accountability/<key>/retire|restore
    /edit/power/<key>/article                 link a legal basis by picking a law and an article
    /edit/department/<name>/power             create a power in the department's current list
    /edits/<id>/revert                        (admin) write an edit's value before back, as a new edit
                                              (a power's field, retiring, a responsibility, accountability, an article
                                              link, a 一件事 item's link, an upload's whole import run,
                                              a law review's resolution)
    /edits                                    the audit trail (times in KB_TIMEZONE), with resolutions and acceptances
                                              of findings and the law reviews resolved (/impact/<law>)

A change to a power of a published (frozen) list first starts a new version of the list and is made
to the power's copy there (importers.revisions), in the change's own transaction; the pages then go
to the copy.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange

from importers import revert as import_revert
from importers import revisions
from importers.writer import MERGE_TEXTS, rederive, text_rows
from kb.analyses import law_changes
from kb.model import LEVELS, listing_order, power_name, power_type_names, stage_words, text_key, type_code
from webui import findings, service_links, store
from webui.entities import LEVEL_NAMES
from webui.pages import page
from webui.paging import pager, requested_skip
from webui.times import local_time, today
from webui.users import role_required

bp = Blueprint("edits", __name__)

# The fields an editor may change, with their form labels.
EDITABLE = {
    "name": _l("Name"),
    "type": _l("Power type"),
    "level": _l("Level"),
    "unit": _l("Unit"),
    "scope": _l("Scope"),
    "basis_text": _l("Legal basis"),
    "duty_statement": _l("Duty statement"),
    "responsibility_text": _l("Responsibilities"),
    "supervision_text": _l("Supervision measures"),
    "responsibility_basis_text": _l("Basis of responsibilities"),
    "remarks": _l("Remarks"),
}
# Every field an audit row may name (the edit forms' labels; the property name stays in the JSON).
AUDIT_FIELDS = {**EDITABLE, "type_code": _l("Type code"), "retired": _l("Retired"), "created": _l("Created"),
                "basis_article": _l("Legal basis by article"), "import": _l("Import"), "status": _l("Status"),
                "import_reverted": _l("Import reverted"), "realises": _l("Linked power"),
                "published": _l("Published"), "revision": _l("New version"),
                "subjects": _l("Who is accountable"), "text": _l("Accountable when"),
                "citation": _l("Citation review")}
LONG = {"basis_text", "duty_statement", "responsibility_text", "supervision_text", "responsibility_basis_text",
        "remarks"}

POWER_FIELDS = "MATCH (p:Power {key: $key}) RETURN p {.key, .name, .item_name, .sub_item_name, .department, .jurisdiction, " \
    ".current, .retired, .type_code, " + \
    ", ".join(f".{f}" for f in EDITABLE) + "} AS power"

# One transaction: the new value, and an Edit per field, each checked against the value the form was
# opened with (someone else may have saved in between).
SAVE = """
MATCH (p:Power {key: $key})
WITH p, [c IN $changes WHERE replace(coalesce(p[c.field], ''), '\r\n', '\n') <> c.expected] AS stale
CALL { WITH p, stale
       UNWIND (CASE WHEN size(stale) = 0 THEN $changes ELSE [] END) AS c
       CREATE (e:Edit {id: c.id, who: $who, when: datetime(), entity_key: p.key, entity_label: 'Power',
                       field: c.field, before: p[c.field], after: c.after, reason: $reason, reverts: $reverts})
       CREATE (e)-[:EDITS]->(p)
       SET p[c.field] = c.after
       RETURN count(e) AS written }
RETURN [c IN stale | c.field] AS stale, written
"""

# Edits, and the statuses of findings (resolutions, acceptances), newest first.
EDITS = """
CALL {
  MATCH (e:Edit) RETURN e {.id, .who, .when, .entity_key, .entity_label, .field, .before, .after, .reason,
                           .reverts, .summary, .law} AS e
  UNION ALL
  MATCH (f:Finding) WHERE f.resolved_at IS NOT NULL
  RETURN {id: null, finding: f.id, who: f.resolved_by, when: f.resolved_at, entity_key: f.id,
          entity_label: 'Finding', field: 'status', before: '', after: f.status, reason: f.basis,
          summary: f.summary} AS e
}
WITH e WHERE ($key = '' OR e.entity_key = $key) AND ($who = '' OR e.who = $who)
WITH e ORDER BY e.when DESC
WITH collect(e) AS rows
UNWIND rows[$skip..$skip + $limit] AS e
OPTIONAL MATCH (p:Power {key: e.entity_key})
OPTIONAL MATCH (r:Responsibility {key: e.entity_key})
OPTIONAL MATCH (:Accountability {key: e.entity_key})<-[:HAS_ACCOUNTABILITY|RETIRED_ACCOUNTABILITY]-(ap:Power)
// a 一件事 item's link names a power by its key: shown by its name
OPTIONAL MATCH (was:Power {key: CASE WHEN e.field = 'realises' THEN e.before END})
OPTIONAL MATCH (now:Power {key: CASE WHEN e.field = 'realises' THEN e.after END})
RETURN size(rows) AS total, e AS edit, coalesce(p.name, r.text, ap.name, e.summary) AS name,
       was.name AS before_name, now.name AS after_name
"""

EDIT = """
MATCH (e:Edit {id: $id}) OPTIONAL MATCH (e)-[:EDITS]->(p:Power)
OPTIONAL MATCH (e)-[:EDITS]->(:Responsibility)<-[:HAS_RESPONSIBILITY|RETIRED_RESPONSIBILITY]-(owner:Power)
OPTIONAL MATCH (e)-[:EDITS]->(:Accountability)<-[:HAS_ACCOUNTABILITY|RETIRED_ACCOUNTABILITY]-(held:Power)
OPTIONAL MATCH (reviewed:Power {key: e.power_key})  // a law review's power
WITH e, coalesce(p, owner, held, reviewed) AS p
OPTIONAL MATCH (was:Power {key: CASE WHEN e.field = 'realises' THEN e.before END})
OPTIONAL MATCH (now:Power {key: CASE WHEN e.field = 'realises' THEN e.after END})
RETURN e {.*, before_name: was.name, after_name: now.name} AS edit, p {.key, .name, .department} AS power
"""


def level_choices() -> list[SelectChoice]:
    """The levels by name (市级); the value sent is the level's key (city)."""
    return [SelectChoice("", "—")] + [SelectChoice(lv, str(LEVEL_NAMES[lv])) for lv in LEVELS]


def reason_field() -> TextAreaField:
    return TextAreaField(_l("Reason for the change"), validators=[DataRequired(), Length(max=2000)])


def power_form(power: dict[str, Any], formdata: Any = None) -> FlaskForm:
    fields: dict[str, Any] = {}
    for name, label in EDITABLE.items():
        value = power.get(name)
        if name == "type":
            types = power_type_names()
            options = types if value in types or not value else [value, *types]
            fields[name] = SelectField(label, choices=[SelectChoice("", "—")] + [SelectChoice(t, t) for t in options],
                                       default=value or "")
        elif name == "level":
            fields[name] = SelectField(label, choices=level_choices(), default=value or "")
        elif name in LONG:
            fields[name] = TextAreaField(label, default=value or "", validators=[Length(max=20000)])
        else:
            fields[name] = StringField(label, default=value or "", validators=[Length(max=2000)])
        fields[f"was_{name}"] = HiddenField(default=value or "")
    fields["reason"] = reason_field()
    form_class = type("PowerEditForm", (FlaskForm,), fields)
    return form_class(formdata=formdata)


def _load(key: str) -> dict[str, Any]:
    row = store.read_one_or_404(POWER_FIELDS, key=key)
    return row["power"]


@bp.route("/edit/power/<path:key>", methods=["GET"])
@role_required("editor")
def edit_power(key: str):
    latest = revisions.latest_copy(store.graph(), key)
    if latest != key:  # published and revised since: edits go to the current list's copy
        return redirect(url_for("edits.edit_power", key=latest))
    power = _load(key)
    return render_template("edits/power_form.html", power=power, _form=power_form(power), fields=EDITABLE,
                           long_fields=LONG, **_side_forms(key))


def _side_forms(key: str) -> dict[str, Any]:
    """The edit page's other forms: retire or restore, responsibilities, a legal basis by article."""
    found = store.read_one(ACCOUNTABILITY_OF, key=key) or {"current": None, "retired": []}
    return {"_retire": ReasonForm(), "duties": [r["duty"] for r in store.read(DUTIES, key=key)],
            "_duty": duty_form(), "_article": article_form(), "accountability": found["current"],
            "retired_accountability": found["retired"], "_accountability": accountability_form(found["current"])}


@bp.route("/edit/power/<path:key>", methods=["POST"])
@role_required("editor")
def save_power(key: str):
    power = _load(key)
    form = power_form(power, formdata=request.form)
    if not form.validate():
        return render_template("edits/power_form.html", power=power, _form=form, fields=EDITABLE,
                               long_fields=LONG, **_side_forms(key)), 400
    changes = []
    for name in EDITABLE:
        raw = (form[name].data or "").replace("\r\n", "\n")
        opened_with = (form[f"was_{name}"].data or "").replace("\r\n", "\n")
        after = raw if name in LONG else raw.strip()
        if after != (opened_with if name in LONG else opened_with.strip()):
            changes.append({"id": uuid.uuid4().hex, "field": name, "after": after, "expected": opened_with})
    new_type = next((c["after"] for c in changes if c["field"] == "type"), None)
    if new_type is not None and type_code(new_type) != (power.get("type_code") or ""):
        changes.append({"id": uuid.uuid4().hex, "field": "type_code", "after": type_code(new_type),
                        "expected": power.get("type_code") or ""})
    if not changes:
        flash(_("Nothing changed."), "info")
        return redirect(url_for("powers.power", key=key))
    reason = form.reason.data.strip()

    def save(tx: Any) -> dict:
        target = revisions.writable_power(tx, key, _who(), today(), reason)
        row = tx.run(SAVE, key=target, changes=changes, who=g.user["name"], reason=reason,
                     reverts=None).single()
        if row and row["stale"]:
            raise _Stale(dict(row))  # rolls back a revision the edit started
        if row:
            for change in changes:  # in the same transaction: the texts and what is derived from them
                rederive(tx, target, change["field"], change["after"])
        return dict(row) | {"target": target} if row else {"stale": [], "written": 0, "target": target}

    try:
        row = store.graph().write_retrying(save)
    except _Stale as stale:
        row = stale.row
    except revisions.FrozenHistory as exc:
        flash(str(exc), "error")
        return redirect(url_for("powers.power", key=key))
    if row["stale"]:
        # Nothing saved: the form again with what the user typed, beside what is stored now; its
        # "opened with" values are the stored ones, so saving it again keeps the user's version.
        flash(_("Someone changed %(fields)s since you opened the form; nothing was saved. Your version is "
                "in the form, the saved one beside it: merge them and save again.",
                fields=", ".join(str(EDITABLE.get(f, f)) for f in row["stale"])), "error")
        current = _load(revisions.latest_copy(store.graph(), key))
        formdata = request.form.copy()
        for name in EDITABLE:
            formdata[f"was_{name}"] = current.get(name) or ""
        conflicts = {"type" if f == "type_code" else f for f in row["stale"]}
        return render_template("edits/power_form.html", power=current, _form=power_form(current, formdata),
                               fields=EDITABLE, long_fields=LONG, conflicts=conflicts, **_side_forms(key)), 409
    findings.invalidate()
    # the stored findings of this power's jurisdiction tree are recomputed in the background
    findings.recompute_jurisdictions([power.get("jurisdiction") or ""])
    flash(_("Saved %(n)d change(s).", n=row["written"]), "success")
    _say_revised(key, row["target"])
    return redirect(url_for("powers.power", key=row["target"]))


class _Stale(Exception):
    """Someone saved in between: the edit's transaction is rolled back (with any revision it started)."""

    def __init__(self, row: dict) -> None:
        super().__init__("stale")
        self.row = row


def _saved(key: str, target: str, message: str, page: str = "edits.edit_power"):
    """After a change of power `key` (written to `target`, its copy in a new version of a published
    list, or itself): the findings are out of date, the editor is told, then the page of `target`."""
    findings.invalidate()
    flash(message, "success")
    _say_revised(key, target)
    return redirect(url_for(page, key=target))


def _say_revised(key: str, target: str) -> None:
    """Tell the editor when the change started a new version of a published list."""
    if target != key:
        label = (store.read_one("MATCH (v:ListVersion)-[:CONTAINS]->(:Power {key: $key}) RETURN v.version AS v",
                                key=target) or {}).get("v") or ""
        flash(_("The list was published, so the change was made in its new version %(version)s; the published "
                "version stays as it was.", version=label), "info")


@page(bp, "/edits", "edits/list.html")
def edits() -> dict:
    key, who = request.args.get("key", ""), request.args.get("who", "")
    size = 50
    if not g.get("user"):
        who = ""  # anonymous readers neither see nor filter by editors' names
    rows = store.read(EDITS, key=key, who=who, skip=requested_skip(size), limit=size)
    total = rows[0]["total"] if rows else 0
    edits = [{**r["edit"], "name": r["name"], "when": local_time(r["edit"]["when"]), "before_name": r["before_name"],
              "after_name": r["after_name"]} for r in rows]
    if not g.get("user"):
        for e in edits:
            e["who"] = None
    return {"edits": edits, "key": key, "who": who, "pager": pager(total, size),
            "timezone": current_app.config.get("KB_TIMEZONE") or "Asia/Shanghai"}


@page(bp, "/edits/<id>", "edits/edit.html")
def edit(id: str) -> dict:
    row = store.read_one_or_404(EDIT, id=id)
    if not g.get("user"):
        row["edit"].pop("who", None)
    row["edit"]["when"] = local_time(row["edit"].get("when"))
    row["timezone"] = current_app.config.get("KB_TIMEZONE") or "Asia/Shanghai"
    row["_admin"] = bool(g.get("user")) and g.user["role"] == "admin"
    row["_can_revert"] = row["_admin"] and revertable(row["edit"])
    row["_revert"] = RevertForm()
    return row


def revertable(e: dict) -> bool:
    """The kinds of change `_revert` writes back (publishing and a revision are not; a finding's status is
    reopened on its page)."""
    label, field = e.get("entity_label"), e.get("field")
    return ((label, field) in {("ImportRun", "import"), ("ServiceItem", "realises"), ("LawReview", "citation")}
            or (label in ("Power", "Responsibility", "Accountability") and field in ("retired", "created"))
            or (label == "Power" and (field in EDITABLE or field in ("type_code", "basis_article")))
            or (label == "Accountability" and field in ("subjects", "text")))


# --- retiring and restoring, responsibilities, legal bases, new powers, reverts -----------------

class ReasonForm(FlaskForm):
    reason = reason_field()


class RevertForm(FlaskForm):
    reason = reason_field()


# A retired power is no longer current: it loses HOLDS but stays in its version (CONTAINS); restoring
# makes it current again when its version is. `$retire` says which way; nothing happens (n = 0) when
# the power is already that way.
RETIRE = """
MATCH (p:Power {key: $key}) WHERE coalesce(p.retired, false) <> $retire
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: p.key, entity_label: 'Power', field: 'retired',
                before: toString(NOT $retire), after: toString($retire), reason: $reason, reverts: $reverts})
CREATE (e)-[:EDITS]->(p)
SET p.retired = $retire
WITH p
OPTIONAL MATCH (v:ListVersion)-[:CONTAINS]->(p)
WITH p, v, coalesce(v.current, false) AND NOT $retire AS live
SET p.current = live
WITH p, v, live
OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY|HAS_ACCOUNTABILITY]->(x) WHERE NOT coalesce(x.retired, false)
SET x.current = live
WITH DISTINCT p, v, live
OPTIONAL MATCH (:Department)-[h:HOLDS]->(p)
DELETE h
WITH DISTINCT p, v, live
OPTIONAL MATCH (v)-[:LIST_OF]->(d:Department)
FOREACH (_ IN CASE WHEN live AND d IS NOT NULL THEN [1] ELSE [] END | MERGE (d)-[:HOLDS]->(p))
RETURN count(DISTINCT p) AS n
"""


ADD_DUTY = """
MATCH (p:Power {key: $key})
OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(old:Responsibility)
WITH p, count(old) AS n, max(toIntegerOrNull(old.seq)) AS top
CREATE (r:Responsibility {key: p.key + '#r' + toString(n) + 'e', seq: coalesce(top, 0) + 1, kind: $kind,
                          stage: $stage, text: $text, text_key: $text_key, power_key: p.key, current: p.current,
                          retired: false,
                          source_file: p.source_file, source_sheet: p.source_sheet, source_row: p.source_row})
CREATE (p)-[:HAS_RESPONSIBILITY]->(r)
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: r.key, entity_label: 'Responsibility',
                field: 'created', before: '', after: $text, reason: $reason})
CREATE (e)-[:EDITS]->(r)
RETURN r.key AS key
"""

# A power has one accountability in force (HAS_ACCOUNTABILITY); retired ones stay by RETIRED_ACCOUNTABILITY.
ACCOUNTABILITY_OF = """
MATCH (p:Power {key: $key})
OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a:Accountability)
WITH p, head(collect(a {.key, .subjects, .text})) AS current
RETURN current, [(p)-[:RETIRED_ACCOUNTABILITY]->(x:Accountability) | x {.key, .subjects, .text}] AS retired
"""

ADD_ACCOUNTABILITY = """
MATCH (p:Power {key: $key}) WHERE NOT EXISTS { (p)-[:HAS_ACCOUNTABILITY]->() }
WITH p, COUNT { (p)-[:RETIRED_ACCOUNTABILITY]->() } AS n
CREATE (a:Accountability {key: p.key + '#a' + CASE WHEN n = 0 THEN '' ELSE toString(n) END, subjects: $subjects,
                          text: $text, power_key: p.key, current: p.current, retired: false,
                          source_file: p.source_file, source_sheet: p.source_sheet, source_row: p.source_row})
CREATE (p)-[:HAS_ACCOUNTABILITY]->(a)
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: a.key, entity_label: 'Accountability',
                field: 'created', before: '', after: trim($subjects + '\n' + $text), reason: $reason})
CREATE (e)-[:EDITS]->(a)
RETURN a.key AS key
"""

# Each changed field of the accountability, an Edit each; nothing when a field is no longer what the
# form was opened with (someone saved in between).
SET_ACCOUNTABILITY = """
MATCH (:Power {key: $key})-[:HAS_ACCOUNTABILITY]->(a:Accountability)
WITH a, [c IN $changes WHERE trim(replace(coalesce(a[c.field], ''), '\r\n', '\n')) <> c.expected] AS stale
CALL { WITH a, stale
       UNWIND (CASE WHEN size(stale) = 0 THEN $changes ELSE [] END) AS c
       CREATE (e:Edit {id: c.id, who: $who, when: datetime(), entity_key: a.key, entity_label: 'Accountability',
                       field: c.field, before: coalesce(a[c.field], ''), after: c.after, reason: $reason,
                       reverts: $reverts})
       CREATE (e)-[:EDITS]->(a)
       SET a[c.field] = c.after
       RETURN count(e) AS written }
RETURN size(stale) AS stale, written
"""


def _retire_part(label: str, kept: str, retired: str, extra: str = "") -> str:
    """Retire or restore a responsibility or an accountability (`$key`): an Edit, the flag, and the link
    from its power moved between `kept` (HAS_…) and `retired` (RETIRED_…)."""
    return f"""
MATCH (p:Power)-[h:{kept}|{retired}]->(r:{label} {{key: $key}})
WHERE coalesce(r.retired, false) <> $retire {extra}
CREATE (e:Edit {{id: $id, who: $who, when: datetime(), entity_key: r.key, entity_label: '{label}',
                field: 'retired', before: toString(NOT $retire), after: toString($retire), reason: $reason,
                reverts: $reverts}})
CREATE (e)-[:EDITS]->(r)
SET r.retired = $retire, r.current = p.current AND NOT $retire
DELETE h
FOREACH (_ IN CASE WHEN $retire THEN [1] ELSE [] END | CREATE (p)-[:{retired}]->(r))
FOREACH (_ IN CASE WHEN $retire THEN [] ELSE [1] END | CREATE (p)-[:{kept}]->(r))
RETURN p.key AS power
"""


# A retired responsibility stays with its power by RETIRED_RESPONSIBILITY: kept, but no page, analysis or
# query that reads a power's responsibilities (HAS_RESPONSIBILITY) sees it; restoring links it back.
RETIRE_DUTY = _retire_part("Responsibility", "HAS_RESPONSIBILITY", "RETIRED_RESPONSIBILITY")
# one accountability in force: a retired one comes back only when the power has none
RETIRE_ACCOUNTABILITY = _retire_part("Accountability", "HAS_ACCOUNTABILITY", "RETIRED_ACCOUNTABILITY",
                                     "AND ($retire OR NOT EXISTS { (p)-[:HAS_ACCOUNTABILITY]->() })")

DUTIES = """
MATCH (p:Power {key: $key})-[:HAS_RESPONSIBILITY|RETIRED_RESPONSIBILITY]->(r:Responsibility)
RETURN r {.key, .seq, .kind, .stage, .text, .retired} AS duty ORDER BY r.seq, r.key
"""

LAWS = "MATCH (l:Law) WHERE l.loaded RETURN l.key AS key, l.title AS title ORDER BY l.title"

# A legal basis picked by law and article: a CITES like the importer's and the BASED_ON to the article.
LINK_ARTICLE = """
MATCH (p:Power {key: $key}), (l:Law {key: $law})-[:HAS_ARTICLE]->(a:Article {number: $number})
CREATE (p)-[:CITES {field: 'basis', article: a.number, article_label: a.label, tag: '', text: a.name,
                    law_title: l.title, version_note: '', sub_article: null, article_key: a.key,
                    order: {order}}]->(l)
MERGE (p)-[:BASED_ON {field: 'basis'}]->(a)
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: p.key, entity_label: 'Power',
                field: 'basis_article', before: '', after: a.name, article_key: a.key, reason: $reason})
CREATE (e)-[:EDITS]->(p)
RETURN a.name AS name
""".replace("{order}", listing_order("p"))

# Reverting a link made by LINK_ARTICLE: its CITES goes, and the BASED_ON when no other citation names the article.
UNLINK_ARTICLE = """
MATCH (p:Power {key: $key})-[c:CITES {field: 'basis'}]->(l:Law)-[:HAS_ARTICLE]->(a:Article {key: $article})
WHERE c.article = a.number AND c.text = a.name
WITH p, a, collect(c)[0] AS c
DELETE c
WITH p, a
OPTIONAL MATCH (p)-[b:BASED_ON {field: 'basis'}]->(a)
WHERE NOT EXISTS { MATCH (p)-[o:CITES {field: 'basis'}]->(:Law {key: a.law_key}) WHERE o.article = a.number }
DELETE b
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: p.key, entity_label: 'Power',
                field: 'basis_article', before: a.name, after: '', article_key: a.key, reason: $reason,
                reverts: $reverts})
CREATE (e)-[:EDITS]->(p)
RETURN count(e) AS n
"""

DEPARTMENT_LIST = """
MATCH (d:Department {name: $department})<-[:LIST_OF]-(v:ListVersion {current: true})
RETURN d.name AS department, v.key AS version_key, v.version AS version ORDER BY v.imported_at DESC LIMIT 1
"""

CREATE_POWER = """
MATCH (d:Department {name: $department})<-[:LIST_OF]-(v:ListVersion {key: $version_key})
OPTIONAL MATCH (v)-[:CONTAINS]->(q:Power)
WITH d, v, coalesce(max(q.position), -1) + 1 AS position
CREATE (p:Power)
SET p = $props, p.key = v.key + '#' + right('0000' + toString(position), 5), p.position = position,
    p.version = v.version, p.department = d.name, p.jurisdiction = d.jurisdiction, p.current = v.current,
    p.retired = false, p.source_file = '(browser)', p.created_by = $who
CREATE (v)-[:CONTAINS]->(p)
FOREACH (_ IN CASE WHEN v.current THEN [1] ELSE [] END | CREATE (d)-[:HOLDS]->(p))
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: p.key, entity_label: 'Power', field: 'created',
                before: '', after: p.name, reason: $reason})
CREATE (e)-[:EDITS]->(p)
RETURN p.key AS key
"""

REVERTED = "MATCH (e:Edit {reverts: $id}) RETURN e.id AS id LIMIT 1"


def _who() -> str:
    return g.user["name"]


def _retire(key: str, retire: bool, reason: str, reverts: str | None = None) -> tuple[int, str]:
    """(powers changed, the key changed: the copy in a new version when the list was published)."""
    def work(tx: Any) -> tuple[int, str]:
        target = revisions.writable_power(tx, key, _who(), today(), reason)
        row = tx.run(RETIRE, key=target, retire=retire, id=uuid.uuid4().hex, who=_who(), reason=reason,
                     reverts=reverts).single()
        if not (row and row["n"]) and target != key:
            raise _Stale({})  # nothing to change: no new version of the published list either
        return (row["n"] if row else 0), target

    try:
        done = store.graph().write_retrying(work)
    except _Stale:
        return 0, key
    findings.invalidate()
    return done


def _reason_or_back(form: FlaskForm, back: str):
    if form.validate():
        return None
    flash(_("Give a reason for the change."), "error")
    return redirect(back)


@bp.route("/edit/power/<path:key>/retire", methods=["POST"])
@role_required("editor")
def retire_power(key: str):
    return _retire_or_restore(key, True)


@bp.route("/edit/power/<path:key>/restore", methods=["POST"])
@role_required("editor")
def restore_power(key: str):
    return _retire_or_restore(key, False)


def _retire_or_restore(key: str, retire: bool):
    _load(key)
    form = ReasonForm()
    back = url_for("edits.edit_power", key=key)
    if (refused := _reason_or_back(form, back)) is not None:
        return refused
    try:
        done, target = _retire(key, retire, form.reason.data.strip())
    except revisions.FrozenHistory as exc:
        flash(str(exc), "error")
        return redirect(url_for("powers.power", key=key))
    if done:
        flash(_("The power was retired (it stays in its list version).") if retire else _("The power was restored."),
              "success")
        _say_revised(key, target)
    else:
        flash(_("Nothing changed."), "info")
    return redirect(url_for("powers.power", key=target))


@bp.route("/edit/power/<path:key>/responsibility", methods=["POST"])
@role_required("editor")
def add_responsibility(key: str):
    _load(key)
    form = duty_form()
    if not form.validate():
        flash(_("A responsibility needs its text and a reason."), "error")
        return redirect(url_for("edits.edit_power", key=key))
    reason = form.reason.data.strip()

    def work(tx: Any) -> str:
        target = revisions.writable_power(tx, key, _who(), today(), reason)
        text = form.text.data.replace("\r\n", "\n").strip()
        tx.run(MERGE_TEXTS, texts=text_rows([text])).consume()  # search finds it
        tx.run(ADD_DUTY, key=target, kind=form.kind.data or None, stage=form.stage.data or None, text=text,
               text_key=text_key(text), id=uuid.uuid4().hex, who=_who(), reason=reason).consume()
        return target

    try:
        target = store.graph().write_retrying(work)
    except revisions.FrozenHistory as exc:
        flash(str(exc), "error")
        return redirect(url_for("powers.power", key=key))
    return _saved(key, target, _("Added the responsibility."))


@bp.route("/edit/responsibility/<path:key>/<any(retire, restore):action>", methods=["POST"])
@role_required("editor")
def retire_responsibility(key: str, action: str):
    return _retire_or_restore_part(
        "MATCH (p:Power)-[:HAS_RESPONSIBILITY|RETIRED_RESPONSIBILITY]->(:Responsibility {key: $key}) RETURN p.key AS key",
        key, action, _retire_duty)


def _retire_or_restore_part(owner_query: str, key: str, action: str, change: Callable[..., tuple[int, str]],
                       unchanged: str | None = None):
    """A retire/restore form of a part of a power (`owner_query` finds the power by the part's key):
    the reason asked, `change(owner, key, retire, reason)` written, the edit page again. `unchanged`:
    what to say when nothing was changed (else it is saved as it is)."""
    form = ReasonForm()
    owner = store.read_one_or_404(owner_query, key=key)["key"]
    if (refused := _reason_or_back(form, url_for("edits.edit_power", key=owner))) is not None:
        return refused
    try:
        done, target = change(owner, key, action == "retire", form.reason.data.strip())
    except revisions.FrozenHistory as exc:
        flash(str(exc), "error")
        return redirect(url_for("powers.power", key=owner))
    if not done and unchanged:
        flash(unchanged, "info")
        return redirect(url_for("edits.edit_power", key=owner))
    return _saved(owner, target, _("Saved."))


def _retire_duty(owner: str, key: str, retire: bool, reason: str, reverts: str | None = None) -> tuple[int, str]:
    """Retire or restore responsibility `key` of power `owner` (in the copy of a published list's
    power); returns (responsibilities changed, the power's key that was changed)."""
    def work(tx: Any) -> tuple[int, str]:
        target = revisions.writable_power(tx, owner, _who(), today(), reason)
        rows = list(tx.run(RETIRE_DUTY, key=revisions.moved_key(key, owner, target), retire=retire,
                           id=uuid.uuid4().hex, who=_who(), reason=reason, reverts=reverts))
        return len(rows), target

    return store.graph().write_retrying(work)


def accountability_form(current: dict | None = None) -> FlaskForm:
    """追责对象范围 and 追责情形, as the importer reads them (one of the two at least), with the values the
    form was opened with."""
    current = current or {}
    fields = {
        "subjects": TextAreaField(_l("Who is accountable"), default=current.get("subjects") or "",
                                  validators=[Length(max=20000)]),
        "text": TextAreaField(_l("Accountable when"), default=current.get("text") or "",
                              validators=[Length(max=20000)]),
        "was_subjects": HiddenField(default=current.get("subjects") or ""),
        "was_text": HiddenField(default=current.get("text") or ""),
        "reason": reason_field(),
    }
    return type("AccountabilityForm", (FlaskForm,), fields)()


@bp.route("/edit/power/<path:key>/accountability", methods=["POST"])
@role_required("editor")
def set_accountability(key: str):
    """Add the power's accountability when it has none in force, else change what differs."""
    _load(key)
    form = accountability_form()
    back = url_for("edits.edit_power", key=key)
    def typed(value: str | None) -> str:  # a browser sends a textarea's (and a hidden field's) lines as CRLF
        return (value or "").replace("\r\n", "\n").strip()

    subjects, text = typed(form.subjects.data), typed(form.text.data)
    if not form.validate() or not (subjects or text):
        flash(_("Accountability needs who is accountable or when, and a reason."), "error")
        return redirect(back)
    reason = form.reason.data.strip()
    was = {"subjects": typed(form.was_subjects.data), "text": typed(form.was_text.data)}

    def work(tx: Any) -> tuple[int, str]:
        target = revisions.writable_power(tx, key, _who(), today(), reason)
        current = tx.run(ACCOUNTABILITY_OF, key=target).single()
        if current is None:
            return 0, target
        if current["current"] is None:
            tx.run(ADD_ACCOUNTABILITY, key=target, subjects=subjects, text=text, id=uuid.uuid4().hex, who=_who(),
                   reason=reason).consume()
            return 1, target
        changes = [{"id": uuid.uuid4().hex, "field": f, "after": after, "expected": was[f]}
                   for f, after in (("subjects", subjects), ("text", text))
                   if after != (current["current"].get(f) or "").strip()]
        if not changes:
            raise _Stale({})  # nothing to change: no revision of a published list for it
        row = tx.run(SET_ACCOUNTABILITY, key=target, changes=changes, who=_who(), reason=reason,
                     reverts=None).single()
        if row["stale"]:
            raise _Stale({"stale": True})
        return row["written"], target

    try:
        done, target = store.graph().write_retrying(work)
    except _Stale as stale:
        if stale.row:
            flash(_("Someone changed the accountability since you opened the form; nothing was saved."), "error")
        else:
            flash(_("Nothing changed."), "info")
        return redirect(back)
    except revisions.FrozenHistory as exc:
        flash(str(exc), "error")
        return redirect(url_for("powers.power", key=key))
    return _saved(key, target, _("Saved %(n)d change(s).", n=done))


@bp.route("/edit/accountability/<path:key>/<any(retire, restore):action>", methods=["POST"])
@role_required("editor")
def retire_accountability(key: str, action: str):
    return _retire_or_restore_part(
        "MATCH (p:Power)-[:HAS_ACCOUNTABILITY|RETIRED_ACCOUNTABILITY]->(:Accountability {key: $key}) RETURN p.key AS key",
        key, action, _retire_accountability,
        _("Nothing changed: a power has one accountability in force; retire it first.") if action == "restore"
        else _("Nothing changed."))


def _retire_accountability(owner: str, key: str, retire: bool, reason: str,
                           reverts: str | None = None) -> tuple[int, str]:
    """Retire or restore accountability `key` of power `owner` (in the copy of a published list's power)."""
    def work(tx: Any) -> tuple[int, str]:
        target = revisions.writable_power(tx, owner, _who(), today(), reason)
        rows = list(tx.run(RETIRE_ACCOUNTABILITY, key=revisions.moved_key(key, owner, target), retire=retire,
                           id=uuid.uuid4().hex, who=_who(), reason=reason, reverts=reverts))
        if not rows and target != owner:
            raise _Stale({})  # nothing to change: no new version of the published list either
        return len(rows), target

    try:
        return store.graph().write_retrying(work)
    except _Stale:
        return 0, owner


@bp.route("/edit/power/<path:key>/article", methods=["POST"])
@role_required("editor")
def link_article(key: str):
    _load(key)
    form = article_form()
    if not form.validate():
        flash(_("Pick a law and an article, and give a reason."), "error")
        return redirect(url_for("edits.edit_power", key=key))
    reason = form.reason.data.strip()
    found = store.read("MATCH (l:Law {key: $law})-[:HAS_ARTICLE]->(a:Article {number: $number}) RETURN a.key AS key",
                       law=form.law.data, number=form.number.data)
    if not found:  # checked before a published list is revised for nothing
        flash(_("That law has no such article in the graph."), "error")
        return redirect(url_for("edits.edit_power", key=key))

    def work(tx: Any) -> tuple[list[dict], str]:
        target = revisions.writable_power(tx, key, _who(), today(), reason)
        rows = [r.data() for r in tx.run(LINK_ARTICLE, key=target, law=form.law.data, number=form.number.data,
                                         id=uuid.uuid4().hex, who=_who(), reason=reason)]
        return rows, target

    try:
        rows, target = store.graph().write_retrying(work)
    except revisions.FrozenHistory as exc:
        flash(str(exc), "error")
        return redirect(url_for("powers.power", key=key))
    return _saved(key, target, _("Linked %(name)s.", name=rows[0]["name"]), "powers.power")


def duty_form(formdata: Any = None) -> FlaskForm:
    stages = sorted(set(stage_words().values()))
    fields = {
        "text": TextAreaField(_l("Responsibility"), validators=[DataRequired(), Length(max=20000)]),
        "kind": SelectField(_l("Kind"), choices=[SelectChoice("", "—"), SelectChoice("直接实施", "直接实施"),
                                                  SelectChoice("指导监督", "指导监督")], default=""),
        "stage": SelectField(_l("Stage"), choices=[SelectChoice("", "—")] + [SelectChoice(s, s) for s in stages], default=""),
        "reason": reason_field(),
    }
    return type("DutyForm", (FlaskForm,), fields)(formdata=formdata) if formdata is not None else \
        type("DutyForm", (FlaskForm,), fields)()


def article_form() -> FlaskForm:
    laws = store.read(LAWS)
    fields = {
        "law": SelectField(_l("Law"), choices=[SelectChoice(r["key"], r["title"]) for r in laws], validators=[DataRequired()]),
        "number": IntegerField(_l("Article number"), validators=[DataRequired(), NumberRange(min=1, max=10000)]),
        "reason": reason_field(),
    }
    return type("ArticleForm", (FlaskForm,), fields)()


def new_power_form() -> FlaskForm:
    """The importer's rules: a name, one of the standard types, a level of kb.model.LEVELS."""
    fields: dict[str, Any] = {}
    for name, label in EDITABLE.items():
        if name == "type":
            fields[name] = SelectField(label, choices=[SelectChoice(t, t) for t in power_type_names()],
                                       validators=[DataRequired()])
        elif name == "level":
            fields[name] = SelectField(label, choices=level_choices(), default="")
        elif name == "name":
            fields[name] = StringField(label, validators=[DataRequired(), Length(max=2000)])
        elif name in LONG:
            fields[name] = TextAreaField(label, validators=[Length(max=20000)])
        else:
            fields[name] = StringField(label, validators=[Length(max=2000)])
    # a sub-item of an item: the importer names it 事项（子项） and keeps both names
    fields["sub_item_name"] = StringField(_l("Sub-item"), validators=[Length(max=2000)])
    fields["code"] = StringField(_l("Code"), validators=[Length(max=200)])
    fields["reason"] = reason_field()
    return type("NewPowerForm", (FlaskForm,), fields)()


@bp.route("/edit/department/<path:department>/power", methods=["GET", "POST"])
@role_required("editor")
def new_power(department: str):
    target = store.read_one(DEPARTMENT_LIST, department=department)
    if target is None:
        abort(404)
    form = new_power_form()
    if request.method == "GET":  # ?item=&type=&level=&unit=: a new sub-item of an item, its fields given
        for name in ("type", "level", "unit"):
            form[name].data = request.args.get(name, form[name].data)
        form["name"].data = request.args.get("item", "")
    if request.method == "GET" or not form.validate():
        status = 400 if request.method == "POST" else 200
        return render_template("edits/new_power.html", _form=form, target=target, fields=EDITABLE,
                               long_fields=LONG), status
    props = {name: (form[name].data or "").replace("\r\n", "\n").strip() for name in EDITABLE} | \
        {"code": (form.code.data or "").strip()}  # a browser sends a textarea's lines as CRLF
    item, sub_item = props["name"], (form.sub_item_name.data or "").strip()
    props |= {"name": power_name(item, sub_item), "item_name": item, "sub_item_name": sub_item,
              "type_code": type_code(props["type"]),
              "type_original": props["type"], "level_original": "", "holder": department}

    def save(tx: Any) -> str:
        revisions.writable_list(tx, department, _who(), today(), form.reason.data.strip())
        version_key = tx.run(DEPARTMENT_LIST, department=department).single()["version_key"]
        key = tx.run(CREATE_POWER, department=department, version_key=version_key, props=props,
                     id=uuid.uuid4().hex, who=_who(), reason=form.reason.data.strip()).single()["key"]
        for name in ("basis_text", "responsibility_basis_text", "responsibility_text", "supervision_text", "unit"):
            if props[name]:
                rederive(tx, key, name, props[name])
        return key

    key = store.graph().write_retrying(save)
    findings.invalidate()
    version = (store.read_one("MATCH (v:ListVersion)-[:CONTAINS]->(:Power {key: $key}) RETURN v.version AS v",
                              key=key) or {}).get("v")
    flash(_("Created the power in %(version)s.", version=version or ""), "success")
    return redirect(url_for("powers.power", key=key))


@bp.route("/edits/<id>/revert", methods=["POST"])
@role_required("admin")
def revert(id: str):
    row = store.read_one_or_404(EDIT, id=id)
    e = row["edit"]
    form = RevertForm()
    if (refused := _reason_or_back(form, url_for("edits.edit", id=id))) is not None:
        return refused
    reason = _("Revert of %(id)s: %(reason)s", id=id, reason=form.reason.data.strip())
    if store.read(REVERTED, id=id):
        flash(_("This change was reverted already."), "info")
        return redirect(url_for("edits.edit", id=id))
    label, field, key = e.get("entity_label"), e.get("field"), e.get("entity_key")
    try:
        done = _revert(label, field, key, e, reason, id)
    except (revisions.FrozenHistory, import_revert.RevertRefused) as exc:
        flash(str(exc), "error")
        return redirect(url_for("edits.edit", id=id))
    if done is None:
        flash(_("This kind of change cannot be reverted here."), "error")
        return redirect(url_for("edits.edit", id=id))
    if not done:
        flash(_("The value changed since; nothing was reverted. Edit it instead."), "error")
        return redirect(url_for("edits.edit", id=id))
    findings.invalidate()
    flash(_("Reverted."), "success")
    return redirect(url_for("edits.edits"))


def _revert(label: str | None, field: str | None, key: str, e: dict, reason: str, id: str) -> int | None:
    """Write the value before back (in the copy of a published list's power); None: not revertible here."""
    if label == "ImportRun" and field == "import":  # an upload confirmed in the browser: the whole run
        done = import_revert.revert_run(store.graph(), key, _who(), reason)
        findings.recompute_jurisdictions(done.jurisdictions)
        return len(done.versions)
    if label == "Power" and field in ("retired", "created"):
        return _retire(key, field == "created" or e.get("before") == "true", reason, reverts=id)[0]
    if label == "Responsibility" and field in ("retired", "created"):
        owner = (row.get("power") or {}).get("key") if (row := store.read_one(EDIT, id=id)) else None
        if not owner:
            return 0
        return _retire_duty(owner, key, field == "created" or e.get("before") == "true", reason, reverts=id)[0]
    if label == "Accountability":
        owner = (row.get("power") or {}).get("key") if (row := store.read_one(EDIT, id=id)) else None
        if not owner:
            return 0
        if field in ("retired", "created"):
            return _retire_accountability(owner, key, field == "created" or e.get("before") == "true", reason,
                                          reverts=id)[0]
        if field in ("subjects", "text"):
            return _revert_accountability(owner, key, field, e, reason, id)
        return None
    if label == "Power" and field == "basis_article" and e.get("after") and e.get("article_key"):
        def unlink(tx: Any) -> int:
            target = revisions.writable_power(tx, key, _who(), today(), reason)
            row = tx.run(UNLINK_ARTICLE, key=target, article=e["article_key"], id=uuid.uuid4().hex,
                         who=_who(), reason=reason, reverts=id).single()
            return row["n"] if row else 0

        return store.graph().write_retrying(unlink)
    if label == "Power" and (field in EDITABLE or field == "type_code"):
        return _revert_field(key, field, e, reason, id)
    if label == "ServiceItem" and field == "realises":
        return _revert_link(key, e, reason, id)
    if label == "LawReview" and field == "citation":
        return law_changes.revert(store.graph(), id, _who(), reason)
    return None


def _revert_link(item: str, e: dict, reason: str, id: str) -> int:
    """An item of a 一件事 linked to a power: unlink it (and the power's copies made since); unlinked:
    link it again as it was made, when the power is still a current power of the place."""
    thing = (store.read_one(service_links.THING_OF, item=item) or {}).get("key")
    linked, unlinked = e.get("after") or "", e.get("before") or ""
    if not thing or bool(linked) == bool(unlinked):
        return 0
    if unlinked and not store.read(service_links.PLACE_POWERS, key=thing, q="", power=unlinked, limit=1):
        return 0

    def work(tx: Any) -> int:
        if linked:
            return service_links.unlink(tx, thing, item, linked, _who(), reason, copies=True, reverts=id)
        return service_links.link(tx, thing, item, unlinked, _who(), reason, how=e.get("link_how") or "editor",
                                  reverts=id)

    return store.graph().write_retrying(work)


def _revert_accountability(owner: str, key: str, field: str, e: dict, reason: str, id: str) -> int:
    """Write an accountability field's value before back, when it is still the value the edit wrote."""
    changes = [{"id": uuid.uuid4().hex, "field": field, "after": e.get("before") or "",
                "expected": (e.get("after") or "").strip()}]

    def save(tx: Any) -> int:
        target = revisions.writable_power(tx, owner, _who(), today(), reason)
        held = tx.run("MATCH (p:Power {key: $p})-[:HAS_ACCOUNTABILITY]->(a:Accountability {key: $a}) RETURN a.key",
                      p=target, a=revisions.moved_key(key, owner, target)).single()
        if held is None:
            raise _Stale({})  # retired since: nothing to revert; no revision is left behind
        row = tx.run(SET_ACCOUNTABILITY, key=target, changes=changes, who=_who(), reason=reason, reverts=id).single()
        if row is None or row["stale"]:
            raise _Stale({})  # retired or changed since; no revision is left behind
        return row["written"]

    try:
        return store.graph().write_retrying(save)
    except _Stale:
        return 0


def _revert_field(key: str, field: str, e: dict, reason: str, id: str) -> int:
    before, after = e.get("before") or "", e.get("after") or ""
    changes = [{"id": uuid.uuid4().hex, "field": field, "after": before, "expected": after.replace("\r\n", "\n")}]
    if field == "type":
        changes.append({"id": uuid.uuid4().hex, "field": "type_code", "after": type_code(before),
                        "expected": type_code(after)})

    def save(tx: Any) -> int:
        target = revisions.writable_power(tx, key, _who(), today(), reason)
        row = tx.run(SAVE, key=target, changes=changes, who=_who(), reason=reason, reverts=id).single()
        if row is None or row["stale"]:
            raise _Stale(dict(row) if row else {})  # and no revision is left behind
        for change in changes:
            rederive(tx, target, change["field"], change["after"])
        return row["written"]

    try:
        return store.graph().write_retrying(save)
    except _Stale:
        return 0


@bp.record_once
def _globals(state) -> None:
    state.app.jinja_env.globals.update(audit_fields=AUDIT_FIELDS)
