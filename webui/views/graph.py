"""Neighbourhood graphs (depth 1 or 2, capped) and vertical chains laid out top-down."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from kb.model import EXAMPLE_MARK, LEVEL_RANK, LEVEL_TITLES, LEVELS, is_example
from webui import findings, store
from webui.entities import LEVEL_NAMES, PAGES
from webui.graphs import Picture
from webui.names import department_labels
from webui.pages import page
from webui.paging import int_arg

bp = Blueprint("graph", __name__)

# The labels a neighbourhood can start from, with their key property (the label goes into the query
# text only after it was found in this table).
START = {label: prop for label, (_endpoint, prop) in PAGES.items() if label not in ("Accountability", "Delegation")}
HIDDEN = ["User", "KbMeta"]

PROPS = ("{.key, .name, .title, .label, .id, .type, .department, .jurisdiction, .level, .code, .stage, .kind, .version, "
         ".area_name, .law_title, .power_key, .manner, .date, .to_body, .from_body, "
         "text: left(coalesce(x.text, ''), 160)}")

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
RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type, r.field AS field,
       r.article_label AS article_label, r.manner AS manner
LIMIT $edge_cap
"""

LEVEL_COLOURS = ["#7a1d16", "#c0392b", "#e67e22", "#f1c40f", "#95a5a6"]
VIA_NAMES = {"catalogue": _l("same catalogue item"), "delegation": _l("delegation"), "code": _l("same code"),
             "name": _l("same name"), "similar_name": _l("similar name")}


def _cap() -> int:
    return int(current_app.config["KB_GRAPH_CAP"])


def neighbourhood(label: str, key: str, depth: int, cap: int) -> dict | None:
    prop = START[label]
    rows = [dict(zip(("id", "labels", "props", "first", "second", "degree"), r, strict=True))
            for r in store.rows(RINGS.format(label=label, prop=prop, props=PROPS),
                                key=key, depth=depth, cap=cap, hidden=HIDDEN)]
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
    for source, target, rel_type, field, article_label, manner in store.rows(EDGES, ids=ids, edge_cap=cap * 6):
        picture.edge(source, target, rel_type, {"field": field, "article_label": article_label, "manner": manner})
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



# Where each power of a chain comes from: its list's title and its remarks (备注), which say when a list
# is an example (the demo's four-level chain is marked 【示例】 in both).
CHAIN_SOURCES = """
UNWIND $keys AS key
MATCH (p:Power {key: key})
OPTIONAL MATCH (v:ListVersion)-[:CONTAINS]->(p)
RETURN p.key AS key, coalesce(v.title, '') AS title, coalesce(p.remarks, '') AS remarks
"""


def _wrap(text: str, width: int = 15, lines: int = 2) -> str:
    """A caption over at most ``lines`` lines of ``width`` characters (CJK has no spaces to wrap at)."""
    parts = [text[i:i + width] for i in range(0, len(text), width)][:lines]
    if len(text) > width * lines:
        parts[-1] = parts[-1][:-1] + "…"
    return "\n".join(parts)


def _date(value) -> str:
    if value is None:
        return ""
    return value.iso_format() if hasattr(value, "iso_format") else str(value)


def describe_link(link) -> dict:
    """How a lower power is linked to the one above: the reason, and for a delegation its manner
    (下放 or 委托, as recorded) and date."""
    detail = link.detail or {}
    out = {"via": link.via, "via_name": str(VIA_NAMES.get(link.via, link.via)), "upper": link.upper,
           "manner": "", "date": "", "from_body": "", "to_body": "", "code": str(detail.get("code") or "")}
    if link.via == "delegation":
        out.update(manner=str(detail.get("manner") or ""), date=_date(detail.get("date")),
                   from_body=str(detail.get("from_body") or ""), to_body=str(detail.get("to_body") or ""))
        out["caption"] = out["manner"] or out["via_name"]
        if out["date"]:
            out["caption"] += f" {out['date']}"
        out["title"] = f"{out['caption']}: {out['from_body']} → {out['to_body']}" if out["from_body"] \
            else out["caption"]
    elif link.via == "similar_name" and detail.get("similarity") is not None:
        out["caption"] = f"{out['via_name']} {detail['similarity']}"
    else:
        out["caption"] = out["via_name"]
    if "title" not in out:
        out["title"] = out["caption"] + (f" {out['code']}" if out["code"] else "")
    return out


def chain(start: str) -> dict | None:
    """The vertical chain through a power (key), a power code, a catalogue code or a power name, top-down."""
    from kb.analyses import chains as chain_analysis

    keys = chain_analysis.resolve_start(store.graph(), start)
    ch = findings.all_chains()
    keys = [k for k in keys if ch and k in ch.powers]
    if not keys:
        return None
    members: list[str] = []
    for key in keys:
        members += [k for k in findings.chain_of(key, ch) if k not in members]
    members = members[: _cap()]
    sources = {r["key"]: r for r in store.read(CHAIN_SOURCES, keys=members)}
    samples = {k for k, r in sources.items()
               if is_example(r["title"]) or is_example(r["remarks"])}
    captions = department_labels((ch.powers[k].department, ch.powers[k].jurisdiction) for k in members)
    picture = Picture(hierarchical=True)
    shown = set(members)
    for k in members:
        p = ch.powers[k]
        rank = LEVEL_RANK.get(p.level, 4)
        props = {"key": k, "name": p.name, "type": p.type, "department": p.department,
                 "jurisdiction": p.jurisdiction, "level": p.level, "code": p.code}
        picture.node(k, "Power", props, level=rank, centre=k in keys)
        node = picture.net.node_map[k]
        level_title = str(LEVEL_NAMES.get(p.level, LEVEL_TITLES.get(p.level, p.level)))
        node["label"] = f"{level_title} · {captions.get(p.department, p.department)}\n{_wrap(p.name)}"
        if k in samples:
            node["label"] = _("[Example]") + node["label"]
            node["shapeProperties"] = {"borderDashes": [6, 4]}
            node["title"] = f"{EXAMPLE_MARK}{_('example data, not a published list')}\n" + node["title"]
        node["color"] = LEVEL_COLOURS[min(rank, 4)]
        node["font"] = {"color": "#ffffff" if rank < 2 else "#1d2733"}
    counts: dict[int, int] = {}
    for k in members:
        rank = min(LEVEL_RANK.get(ch.powers[k].level, 4), 4)
        counts[rank] = counts.get(rank, 0) + 1
    picture.legend = [{"label": f"level-{r}", "name": str(LEVEL_NAMES.get(LEVELS[r], _("level unknown")))
                       if r < 4 else _("level unknown"), "colour": LEVEL_COLOURS[r], "count": n}
                      for r, n in sorted(counts.items())]
    for link in ch.links:
        if link.upper in shown and link.lower in shown:
            described = describe_link(link)
            picture.edge(link.upper, link.lower, described["caption"], title=described["title"])
    steps = []
    for k in members:
        p = ch.powers[k]
        links = [describe_link(lk) for lk in ch.up.get(k, []) if lk.upper in shown]
        steps.append({"key": k, "name": p.name, "type": p.type, "code": p.code, "catalog": list(p.catalog),
                      "department": p.department, "jurisdiction": p.jurisdiction, "level": p.level,
                      "level_title": str(LEVEL_NAMES.get(p.level, LEVEL_TITLES.get(p.level, ""))),
                      "sample": k in samples,
                      "via": [lk["via_name"] for lk in links], "links": links})
    sample_note = next((sources[k]["remarks"] or sources[k]["title"] for k in members if k in samples), "")
    return {"start": start, "starts": keys, "steps": steps, "levels": len(counts), "sample": bool(samples),
            "sample_note": sample_note, "graph": picture.data()}


@page(bp, "/chain/<path:start>", "chain.html")
def chain_page(start: str) -> dict:
    found = chain(start)
    if not found:  # the page says what it takes (a 404 still, for scripts)
        return {"start": start, "starts": [], "steps": [], "_status": 404,
                "message": _("No current power matches %(start)s: give a power's key, a power code (such as "
                             "650200207CF51300), a catalogue code or an item name.", start=start)}
    return found


@bp.app_template_global()
def graph_depth() -> int:
    return int_arg("depth", 1, 1, 2) if request else 1
