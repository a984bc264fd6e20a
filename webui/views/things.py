"""Integrated services (一件事一次办): who leads, who cooperates, what they include and what they save.

    /things/<key>?q=…          the Thing, with (for editors) the powers of its place matching q
    /things/<key>/link         (editor) link an item to a power, with a reason; audited as an Edit
    /things/<key>/unlink       (editor) remove an item's link to a power, with a reason; audited
                               (webui/service_links.py; an admin reverts either from /edits)
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from kb.model import GUIDE_LEVELS, METRIC_TITLES
from webui import findings, service_links, store
from webui.entities import LEVEL_NAMES
from webui.pages import page
from webui.times import shown_time
from webui.users import role_required

bp = Blueprint("things", __name__)

METRICS = list(METRIC_TITLES)

THINGS = """
MATCH (t:Thing)
OPTIONAL MATCH (t)-[:LED_BY]->(lead:Department)
CALL { WITH t OPTIONAL MATCH (t)-[:COOPERATING]->(c:Department) WITH t, count(c) AS linked
       RETURN coalesce(size(t.cooperating_published), linked) AS cooperating }
CALL { WITH t OPTIONAL MATCH (t)-[:INCLUDES]->(s:ServiceItem) RETURN count(s) AS items }
RETURN t {.key, .name, .title, .theme_code, .area_code, .area_name, .org_level, .lead_department,
          .materials_after, .days_after} AS thing, lead.name AS lead, cooperating, items
ORDER BY t.theme_code, t.org_level, t.area_code
"""

THING = """
MATCH (t:Thing {key: $key})
CALL { WITH t OPTIONAL MATCH (t)-[:LED_BY]->(d:Department) RETURN collect(d.name) AS leads }
CALL { WITH t OPTIONAL MATCH (t)-[c:COOPERATING]->(d:Department)
       RETURN collect(CASE WHEN d IS NULL THEN null ELSE {name: d.name, as_published: c.as_published} END)
              AS cooperating }
CALL { WITH t OPTIONAL MATCH (t)-[:IN_JURISDICTION]->(j:Jurisdiction) RETURN j {.name, .level} AS jurisdiction }
CALL { WITH t OPTIONAL MATCH (t)-[:INCLUDES]->(s:ServiceItem)
       OPTIONAL MATCH (s)-[r:REALISES]->(p:Power)
       WITH s, collect(p {.key, .name, .department, .type, how: r.how}) AS powers ORDER BY s.position, s.code
       RETURN collect(CASE WHEN s IS NULL THEN null ELSE s {.key, .name, .code, .department, .added_by,
                                                            powers: powers} END)
              AS items }
CALL { WITH t OPTIONAL MATCH (o:Thing {theme_code: t.theme_code}) WHERE o <> t
       OPTIONAL MATCH (o)-[:LED_BY]->(od:Department)
       WITH o, od ORDER BY o.org_level, o.area_code
       RETURN collect(o {.key, .area_name, .org_level, .materials_after, .days_after, .conditions,
              .linked_matters, .service_points, lead: coalesce(od.name, o.lead_department)}) AS siblings }
RETURN t {.*} AS thing, leads, cooperating, jurisdiction, items, siblings
"""

SERVICE_ITEM = """
MATCH (s:ServiceItem {key: $key})
CALL { WITH s OPTIONAL MATCH (t:Thing)-[:INCLUDES]->(s) RETURN collect(t {.key, .name, .area_name}) AS things }
CALL { WITH s OPTIONAL MATCH (s)-[:REALISES]->(p:Power)
       RETURN collect(p {.key, .name, .type, .department}) AS powers }
RETURN s {.*} AS item, things, powers
"""


@page(bp, "/things", "things/list.html")
def things() -> dict:
    rows = store.read(THINGS)
    themes: dict[str, dict] = {}
    for row in rows:
        t = row["thing"]
        theme = themes.setdefault(t.get("theme_code") or "", {"theme_code": t.get("theme_code"),
                                                                "title": t.get("title") or t.get("name"),
                                                                "things": []})
        theme["things"].append(row)
    return {"themes": list(themes.values()), "total": len(rows)}


SEARCH_LIMIT = 20

# The Thing's own fields, named for the page.
FIELD_TITLES = {
    "key": _l("Key"), "theme_code": _l("Theme code"), "area_code": _l("Area code"), "area_name": _l("Area"),
    "org_level": _l("Level"), "implementation_code": _l("Implementation code"), "guide_url": _l("Official guide"),
    "lead_department": _l("Lead department (as published)"),
    "cooperating_published": _l("Cooperating departments (as published)"), "source_file": _l("Source file"),
    "source_row": _l("Position in the source"), "import_run": _l("Import run"),
}


def _shown_field(key: str, value: Any) -> Any:
    """A field as a reader reads it: a guide's level by its name (3: 县级), its place in the source counted from 1 (a
    list's item 0 is its first), a time in the office's zone."""
    if key == "org_level" and str(value) in GUIDE_LEVELS:
        return LEVEL_NAMES[GUIDE_LEVELS[str(value)]]
    if key == "source_row" and isinstance(value, int):
        return _("item %(n)s", n=value + 1)
    if key.endswith("_at"):
        return shown_time(value)
    return value


def cooperating_rows(published: list[str], linked: list[dict]) -> list[dict]:
    """Each cooperating body as the guide wrote it, with the department linked to it (None: not linked)."""
    by_wording = {c["as_published"]: c["name"] for c in linked if c}
    rows = [{"as_published": text, "department": by_wording.get(text)} for text in published or []]
    rows += [{"as_published": c["as_published"] or c["name"], "department": c["name"]}
             for c in linked if c and c["as_published"] not in (published or [])]
    return rows


@page(bp, "/things/<path:key>", "things/thing.html")
def thing(key: str) -> dict:
    row = store.read_one_or_404(THING, key=key)
    t = row["thing"]
    row["cooperating_rows"] = cooperating_rows(t.get("cooperating_published") or [], row["cooperating"])
    row["unlinked_items"] = sum(1 for s in row["items"] if not s["powers"])
    row["named_items"] = sum(1 for s in row["items"] if not s.get("added_by"))  # as the guide names them
    row["q"] = (request.args.get("q") or "").strip()[:100]
    row["hits"] = [r["power"] for r in store.read(service_links.PLACE_POWERS, key=key, q=row["q"], power="",
                                                   limit=SEARCH_LIMIT)] if row["q"] else []
    row["metrics"] = [(m, t[m]) for m in METRICS if t.get(m) is not None]
    row["other_fields"] = [(FIELD_TITLES.get(k, k), _shown_field(k, v)) for k, v in sorted(t.items())
                           if k not in METRICS and k not in ("name", "title") and v not in (None, "", [])]
    return row


@page(bp, "/services/<path:key>", "things/service_item.html")
def service_item(key: str) -> dict:
    row = store.read_one_or_404(SERVICE_ITEM, key=key)
    return row


def _link_or_unlink(key: str, linking: bool, done: str, nothing: str):
    store.read_one_or_404("MATCH (t:Thing {key: $key}) RETURN t.key AS key", key=key)
    item, power = (request.form.get("item") or "").strip(), (request.form.get("power") or "").strip()
    reason = (request.form.get("reason") or "").strip()
    back = url_for("things.thing", key=key)
    if not item or not power or not reason or len(reason) > 2000:
        flash(_("Pick an item and a power, and give a reason."), "error")
        return redirect(back)
    adding = linking and item == service_links.NEW_ITEM
    if not adding and not store.read(service_links.ITEM, key=key, item=item):
        abort(404)
    if linking and not store.read(service_links.PLACE_POWERS, key=key, q="", power=power, limit=1):
        flash(_("That power is not a current power of this place."), "error")
        return redirect(back)

    def work(tx: Any) -> int:
        if adding:
            return service_links.add_item(tx, key, power, g.user["name"], reason)
        change = service_links.link if linking else service_links.unlink
        return change(tx, key, item, power, g.user["name"], reason)

    if store.graph().write_retrying(work):
        findings.invalidate()
        flash(done, "success")
    else:
        flash(nothing, "warning")
    return redirect(back)


@bp.route("/things/<path:key>/link", methods=["POST"])
@role_required("editor")
def link_item(key: str):
    return _link_or_unlink(key, True, _("Linked the item to the power."), _("The item was linked to that power already."))


@bp.route("/things/<path:key>/unlink", methods=["POST"])
@role_required("editor")
def unlink_item(key: str):
    return _link_or_unlink(key, False, _("Removed the link."), _("There was no such link."))
