"""Neighbourhood graphs (depth 1 or 2, capped) and vertical chains laid out top-down."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, request

from webui import store
from webui.entities import LEVEL_ORDER, PAGES
from webui.graphs import Picture
from webui.pages import int_arg, page

bp = Blueprint("graph", __name__)

# The labels a neighbourhood can start from, with their key property (the label goes into the query
# text only after it was found in this table).
START = {label: prop for label, (_endpoint, prop) in PAGES.items() if label not in ("Accountability", "Delegation")}
HIDDEN = ["User", "KbMeta"]

PROPS = ("{.key, .name, .title, .label, .id, .type, .department, .jurisdiction, .level, .code, .stage, .kind, "
         ".area_name, .law_title, .power_key, text: left(coalesce(x.text, ''), 200)}")

RINGS = """
MATCH (n:{label} {{{prop}: $key}})
CALL {{ WITH n MATCH (n)--(m) WHERE NONE(l IN labels(m) WHERE l IN $hidden) AND NOT (m:Power AND m.current = false)
       RETURN DISTINCT m LIMIT $cap }}
WITH n, collect(m) AS ring1
CALL {{ WITH n, ring1
       UNWIND (CASE WHEN $depth > 1 AND size(ring1) < $cap THEN ring1 ELSE [] END) AS m
       MATCH (m)--(x) WHERE x <> n AND NONE(l IN labels(x) WHERE l IN $hidden) AND NOT x IN ring1
             AND NOT (x:Power AND x.current = false)
       WITH DISTINCT x LIMIT $cap
       RETURN collect(x) AS ring2 }}
WITH [n] + ring1 + ring2 AS nodes, size(ring1) AS first, size(ring2) AS second, COUNT {{ (n)--() }} AS degree
UNWIND nodes AS x
RETURN elementId(x) AS id, labels(x) AS labels, x {props} AS props, first, second, degree
"""

EDGES = """
MATCH (a) WHERE elementId(a) IN $ids
MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids
RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type,
       r {{.field, .article_label, .manner}} AS props
LIMIT $edge_cap
"""

CHAIN = """
MATCH (c:CatalogItem {{key: $key}})
OPTIONAL MATCH (p:Power)-[:IMPLEMENTS]->(c) WHERE p.current
OPTIONAL MATCH (d:Department)-[:HOLDS]->(p)
OPTIONAL MATCH (d)-[:IN_JURISDICTION]->(j:Jurisdiction)
OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
OPTIONAL MATCH (dl)-[:FROM_POWER]->(up:Power)
RETURN elementId(c) AS item_id, c {{.key, .code, .name, .type}} AS item,
       collect(CASE WHEN p IS NULL THEN null ELSE {{id: elementId(p), props: p {props},
               department: d {{.name, .level}}, department_id: elementId(d),
               jurisdiction: j {{.name, .level}}, jurisdiction_id: elementId(j),
               delegation: dl {{.manner, .date}}, from_power: elementId(up)}} END) AS powers
"""


def _cap() -> int:
    return int(current_app.config["KB_GRAPH_CAP"])


def neighbourhood(label: str, key: str, depth: int, cap: int) -> dict | None:
    prop = START[label]
    rows = store.read(RINGS.format(label=label, prop=prop, props=PROPS),
                      key=key, depth=depth, cap=cap, hidden=HIDDEN)
    if not rows:
        return None
    picture = Picture()
    kept = rows[:cap]
    for i, row in enumerate(kept):
        picture.node(row["id"], row["labels"], row["props"], centre=(i == 0))
    first, second = rows[0]["first"], rows[0]["second"]
    picture.cut = len(rows) > cap or first >= cap or (depth > 1 and second >= cap)
    picture.total_seen = rows[0]["degree"]
    ids = [r["id"] for r in kept]
    for e in store.read(EDGES.format(), ids=ids, edge_cap=cap * 6):
        picture.edge(e["source"], e["target"], e["type"], e["props"])
    centre = rows[0]
    return {"centre": {"label": label, "key": key, "labels": centre["labels"], "props": centre["props"]},
            "depth": depth, "cap": cap, "degree": centre["degree"], "graph": picture.data()}


@page(bp, "/graph/<label>/<path:key>", "graph.html")
def graph(label: str, key: str) -> dict:
    if label not in START:
        abort(404)
    depth = int_arg("depth", 1, 1, 2)
    found = neighbourhood(label, key, depth, _cap())
    if not found:
        abort(404)
    return found


def chain(key: str) -> dict | None:
    rows = store.read(CHAIN.format(props=PROPS.replace("x.", "p.").replace("x {", "{")), key=key)
    if not rows or not rows[0]["item"]:
        return None
    row = rows[0]
    picture = Picture(hierarchical=True)
    picture.node(row["item_id"], "CatalogItem", row["item"], level=0)
    seen_departments: set[str] = set()
    by_level: dict[int, list[dict]] = {}
    for p in row["powers"]:
        level = LEVEL_ORDER.get((p["jurisdiction"] or {}).get("level") or p["props"].get("level") or "", 3)
        by_level.setdefault(level, []).append(p)
        picture.node(p["id"], "Power", {**p["props"], "jurisdiction": (p["jurisdiction"] or {}).get("name")},
                     level=level * 2 + 2)
        if p["department_id"] and p["department_id"] not in seen_departments:
            seen_departments.add(p["department_id"])
            picture.node(p["department_id"], "Department", p["department"], level=level * 2 + 1)
        if p["department_id"]:
            picture.edge(p["department_id"], p["id"], "HOLDS")
    levels = sorted(by_level)
    for i, level in enumerate(levels):
        for p in by_level[level]:
            if p["from_power"]:
                picture.edge(p["from_power"], p["id"], f"DELEGATION {(p['delegation'] or {}).get('manner') or ''}")
            elif i == 0:
                picture.edge(row["item_id"], p["department_id"] or p["id"], "IMPLEMENTS")
            else:
                for upper in by_level[levels[i - 1]]:
                    picture.edge(upper["id"], p["department_id"] or p["id"], "↓")
    return {"item": row["item"], "levels": [{"level": lv, "powers": [
        {**p["props"], "department": (p["department"] or {}).get("name"),
         "jurisdiction": (p["jurisdiction"] or {}).get("name")} for p in by_level[lv]]} for lv in levels],
        "graph": picture.data()}


@page(bp, "/chain/<path:key>", "chain.html")
def chain_page(key: str) -> dict:
    found = chain(key)
    if not found:
        abort(404)
    return found


@bp.app_template_global()
def graph_depth() -> int:
    return int_arg("depth", 1, 1, 2) if request else 1
