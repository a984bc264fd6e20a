"""Editing a power's fields, with an audit trail: one (:Edit)-[:EDITS]->(entity) node per changed field."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from importers.writer import rederive
from kb.model import LEVELS, power_type_names, type_code
from webui import findings, store
from webui.pages import page
from webui.paging import pager, requested_skip
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
    "responsibility_basis_text": _l("Basis of responsibilities"),
    "remarks": _l("Remarks"),
}
LONG = {"basis_text", "duty_statement", "responsibility_text", "responsibility_basis_text", "remarks"}

POWER_FIELDS = "MATCH (p:Power {key: $key}) RETURN p {.key, .name, .department, .jurisdiction, .current, .type_code, " + \
    ", ".join(f".{f}" for f in EDITABLE) + "} AS power"

# One transaction: the new value, and an Edit per field, each checked against the value the form was
# opened with (someone else may have saved in between).
SAVE = """
MATCH (p:Power {key: $key})
WITH p, [c IN $changes WHERE replace(coalesce(p[c.field], ''), '\r\n', '\n') <> c.expected] AS stale
CALL { WITH p, stale
       UNWIND (CASE WHEN size(stale) = 0 THEN $changes ELSE [] END) AS c
       CREATE (e:Edit {id: c.id, who: $who, when: datetime(), entity_key: p.key, entity_label: 'Power',
                       field: c.field, before: p[c.field], after: c.after})
       CREATE (e)-[:EDITS]->(p)
       SET p[c.field] = c.after
       RETURN count(e) AS written }
RETURN [c IN stale | c.field] AS stale, written
"""

EDITS = """
MATCH (e:Edit)
WHERE ($key = '' OR e.entity_key = $key) AND ($who = '' OR e.who = $who)
WITH e ORDER BY e.when DESC
WITH collect(e) AS rows
UNWIND rows[$skip..$skip + $limit] AS e
OPTIONAL MATCH (e)-[:EDITS]->(p:Power)
RETURN size(rows) AS total, e {.id, .who, .when, .entity_key, .entity_label, .field, .before, .after} AS edit,
       p.name AS name
"""

EDIT = """
MATCH (e:Edit {id: $id}) OPTIONAL MATCH (e)-[:EDITS]->(p:Power)
RETURN e {.*} AS edit, p {.key, .name, .department} AS power
"""


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
            fields[name] = SelectField(label, choices=[SelectChoice(lv, lv or "—") for lv in ("", *LEVELS)], default=value or "")
        elif name in LONG:
            fields[name] = TextAreaField(label, default=value or "", validators=[Length(max=20000)])
        else:
            fields[name] = StringField(label, default=value or "", validators=[Length(max=2000)])
        fields[f"was_{name}"] = HiddenField(default=value or "")
    form_class = type("PowerEditForm", (FlaskForm,), fields)
    return form_class(formdata=formdata)


def _load(key: str) -> dict[str, Any]:
    row = store.read_one_or_404(POWER_FIELDS, key=key)
    return row["power"]


@bp.route("/edit/power/<path:key>", methods=["GET"])
@role_required("editor")
def edit_power(key: str):
    power = _load(key)
    return render_template("edits/power_form.html", power=power, _form=power_form(power), fields=EDITABLE,
                           long_fields=LONG)


@bp.route("/edit/power/<path:key>", methods=["POST"])
@role_required("editor")
def save_power(key: str):
    power = _load(key)
    form = power_form(power, formdata=request.form)
    if not form.validate():
        return render_template("edits/power_form.html", power=power, _form=form, fields=EDITABLE,
                               long_fields=LONG), 400
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
    def save(tx: Any) -> dict:
        row = tx.run(SAVE, key=key, changes=changes, who=g.user["name"]).single()
        if row and not row["stale"]:
            for change in changes:  # in the same transaction: the texts and what is derived from them
                rederive(tx, key, change["field"], change["after"])
        return dict(row) if row else {"stale": [], "written": 0}

    row = store.graph().write_retrying(save)
    if row["stale"]:
        # Nothing saved: the form again with what the user typed, beside what is stored now; its
        # "opened with" values are the stored ones, so saving it again keeps the user's version.
        flash(_("Someone changed %(fields)s since you opened the form; nothing was saved. Your version is "
                "in the form, the saved one beside it: merge them and save again.",
                fields=", ".join(str(EDITABLE.get(f, f)) for f in row["stale"])), "error")
        current = _load(key)
        formdata = request.form.copy()
        for name in EDITABLE:
            formdata[f"was_{name}"] = current.get(name) or ""
        conflicts = {"type" if f == "type_code" else f for f in row["stale"]}
        return render_template("edits/power_form.html", power=current, _form=power_form(current, formdata),
                               fields=EDITABLE, long_fields=LONG, conflicts=conflicts), 409
    findings.invalidate()
    # the stored findings of this power's jurisdiction tree are recomputed in the background
    findings.recompute_jurisdictions([power.get("jurisdiction") or ""])
    flash(_("Saved %(n)d change(s).", n=row["written"]), "success")
    return redirect(url_for("powers.power", key=key))


@page(bp, "/edits", "edits/list.html")
def edits() -> dict:
    key, who = request.args.get("key", ""), request.args.get("who", "")
    size = 50
    if not g.get("user"):
        who = ""  # anonymous readers neither see nor filter by editors' names
    rows = store.read(EDITS, key=key, who=who, skip=requested_skip(size), limit=size)
    total = rows[0]["total"] if rows else 0
    edits = [{**r["edit"], "name": r["name"]} for r in rows]
    if not g.get("user"):
        for e in edits:
            e["who"] = None
    return {"edits": edits, "key": key, "who": who, "pager": pager(total, size)}


@page(bp, "/edits/<id>", "edits/edit.html")
def edit(id: str) -> dict:
    row = store.read_one_or_404(EDIT, id=id)
    if not g.get("user"):
        row["edit"].pop("who", None)
    return row
