"""Integrated services (一件事一次办): who leads, who cooperates, what they include and what they save."""
from __future__ import annotations

from flask import Blueprint

from kb.model import METRIC_TITLES
from webui import store
from webui.pages import page

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
       OPTIONAL MATCH (s)-[:REALISES]->(p:Power)
       WITH s, collect(p {.key, .name, .department, .type}) AS powers ORDER BY s.code
       RETURN collect(CASE WHEN s IS NULL THEN null ELSE s {.key, .name, .code, powers: powers} END) AS items }
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


@page(bp, "/things/<path:key>", "things/thing.html")
def thing(key: str) -> dict:
    row = store.read_one_or_404(THING, key=key)
    t = row["thing"]
    row["metrics"] = [(m, t[m]) for m in METRICS if t.get(m) is not None]
    row["other_fields"] = sorted((k, v) for k, v in t.items()
                                 if k not in METRICS and k not in ("name", "title") and v not in (None, "", []))
    return row


@page(bp, "/services/<path:key>", "things/service_item.html")
def service_item(key: str) -> dict:
    row = store.read_one_or_404(SERVICE_ITEM, key=key)
    return row
