"""Neighbourhood graphs (depth 1 or 2, capped) and vertical chains laid out top-down."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, abort, current_app, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from kb.model import (
    EXAMPLE_MARK,
    LEVEL_RANK,
    LEVEL_TITLES,
    LEVELS,
    by_date,
    dated,
    delegation_in_force,
    in_force,
    is_example,
    power_in_force,
)
from webui import asof, findings, store
from webui.entities import FOUND_BY, LABEL_COLOURS, LABEL_NAMES, LEVEL_NAMES, PAGES
from webui.errors import explain
from webui.graphs import Picture
from webui.names import department_labels
from webui.pages import JSON_SUFFIX, page, wants_json
from webui.paging import int_arg

bp = Blueprint("graph", __name__)
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")

# The labels a neighbourhood can start from, with their key property (the label goes into the query
# text only after it was found in this table).
START = {label: prop for label, (_endpoint, prop) in PAGES.items() if label not in ("Accountability", "Delegation")}
HIDDEN = ["User", "KbMeta"]

PROPS = ("{.key, .name, .title, .label, .id, .type, .department, .jurisdiction, .level, .code, .stage, .kind, .version, "
         ".area_name, .law_title, .power_key, .manner, .date, .to_body, .from_body, "
         "text: left(coalesce(x.text, ''), 160)}")

# A neighbourhood bigger than the cap is summarised, not cut: the neighbours of each kind (a node's
# main label, as `label_of` picks it) are counted, the cap is shared out among the kinds, and what does
# not fit stands as a "+N more" node of its kind. Ring 1 is the centre's neighbours; ring 2 the
# neighbours of the ring-1 nodes shown that are not neighbours of the centre (depth 2 is depth 2).
#
# Powers are the current ones, or (`?as_of=`, kb.model.power_in_force) those of the list versions in
# force that day; as of a day, list versions are those in force then (kb.model.in_force); a delegation
# is shown when its receiving power is (the ones left with a revised or superseded list's powers are not).
def _visible(on: bool) -> str:
    """Cypher: the neighbour `x` is drawn: now, or (`on`) as of `$as_of` (kb.model.by_date)."""
    return ("NONE(l IN labels(x) WHERE l IN $hidden) AND NOT (x:Power AND NOT " + power_in_force("x", on) + ")"
            + (" AND (NOT x:ListVersion OR " + in_force("x") + ")" if on else "")
            + " AND NOT (x:Delegation AND NOT " + delegation_in_force("x", on) + ")")


KIND = "head([l IN labels(x) WHERE l IN $known] + labels(x))"

CENTRE = """
MATCH (x:{label} {{{prop}: $key}})
RETURN elementId(x) AS id, labels(x) AS labels, x {props} AS props, COUNT {{ (x)--() }} AS degree
"""

# One walk per ring: the neighbours grouped by kind, each kind counted, and of each kind (of `$only` alone
# when given) the first `$most` by name (a top-k sort) as element ids; the shares are worked out from the
# counts in Python and the nodes shown read by id (NODES). (Counting the kinds in a walk of their own walked
# a province department's ring 2 twice: 27 ms each.)
_RING = """
MATCH (n) WHERE elementId(n) = $centre
{match}
WITH DISTINCT x
WITH {kind} AS kind, collect(x) AS candidates
CALL {{
  WITH kind, candidates
  UNWIND CASE WHEN $only IS NULL OR kind = $only THEN candidates ELSE [] END AS x
  WITH x ORDER BY coalesce(x.name, x.title, x.key, ''), elementId(x)
  LIMIT $most
  RETURN collect(elementId(x)) AS first
}}
RETURN kind, size(candidates) AS n, first
"""

RING1 = by_date(lambda on: _RING.format(match=f"MATCH (n)--(x) WHERE {_visible(on)}", kind=KIND))
RING2 = by_date(lambda on: _RING.format(match="MATCH (m) WHERE elementId(m) IN $ring1\n"
                                              f"MATCH (m)--(x) WHERE x <> n AND {_visible(on)} AND NOT EXISTS {{ (x)--(n) }}",
                                        kind=KIND))

NODES = f"""
UNWIND $ids AS id
MATCH (x) WHERE elementId(x) = id
RETURN id, labels(x) AS labels, x {PROPS} AS props
"""

# The edges among the nodes shown, each walked from the end with fewer relationships that way: from a
# node with many (a department's HOLDS, a law's CITES: 118,156 relationships for a province department's
# depth-2 graph of 692 edges) only into the few others with many too (degrees come from the store).
EDGES = """
MATCH (x) WHERE elementId(x) IN $ids
WITH x, COUNT { (x)-->() } AS outgoing, COUNT { (x)<--() } AS incoming
WITH collect(CASE WHEN outgoing <= $dense THEN x END) AS light_out, collect(CASE WHEN outgoing > $dense THEN x END) AS heavy_out,
     collect(CASE WHEN incoming <= $dense THEN x END) AS light_in, collect(CASE WHEN incoming > $dense THEN x END) AS heavy_in
CALL {
  WITH light_out
  UNWIND light_out AS a
  MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids
  RETURN a, r, b
  UNION ALL
  WITH heavy_out, light_in
  UNWIND light_in AS b
  MATCH (a)-[r]->(b) WHERE a IN heavy_out
  RETURN a, r, b
  UNION ALL
  WITH heavy_out, heavy_in
  UNWIND heavy_out AS a
  UNWIND heavy_in AS b
  MATCH (a)-[r]->(b)
  RETURN a, r, b
}
RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type, r.field AS field,
       r.article_label AS article_label, r.manner AS manner
LIMIT $edge_cap
"""
DENSE = 500  # relationships one way beyond which a node's edges are sought from their other ends

LEVEL_COLOURS = ["#7a1d16", "#c0392b", "#e67e22", "#f1c40f", "#95a5a6"]
VIA_NAMES = {"catalogue": _l("same catalogue item"), "delegation": _l("delegation"), "code": _l("same code"),
             "name": _l("same name"), "similar_name": _l("similar name")}


def _cap() -> int:
    return int(current_app.config["KB_GRAPH_CAP"])


def share(counts: dict[str, int], budget: int) -> dict[str, int]:
    """The budget shared out among the kinds: every kind gets an equal part, and what a small kind
    leaves goes to the bigger ones (so a few departments are never crowded out by a thousand powers)."""
    taken = dict.fromkeys(counts, 0)
    left = max(budget, 0)
    open_kinds = sorted((k for k in counts if counts[k] > 0), key=lambda k: (counts[k], k))
    while open_kinds and left > 0:
        each = max(1, left // len(open_kinds))
        for kind in list(open_kinds):
            add = min(each, counts[kind] - taken[kind], left)
            taken[kind] += add
            left -= add
            if taken[kind] == counts[kind]:
                open_kinds.remove(kind)
            if not left:
                break
    return taken


def _ring(query: str, centre: str, budget: int, params: dict, ring: int, only: str | None,
          skip: int) -> tuple[dict[str, int], list[str], list[dict]]:
    """One ring: the count of each kind, the ids of the share of each kind, and for each kind that does
    not fit a "+N more" entry."""
    found = store.read(query, centre=centre, only=only, most=max(budget, 1) + skip, **params)
    kinds = {r["kind"]: r["n"] for r in found}
    first = {r["kind"]: r["first"] for r in found}
    counts = kinds if only is None else {only: kinds.get(only, 0)}
    available = {k: max(n - (skip if k == only else 0), 0) for k, n in counts.items()}
    quotas = share(available, budget)
    ids = [i for kind, take in sorted(quotas.items()) if take
           for i in first.get(kind, [])[(skip if kind == only else 0):(skip if kind == only else 0) + take]]
    more = [{"ring": ring, "kind": k, "name": str(LABEL_NAMES.get(k, k)), "total": counts[k],
             "skip": (skip if k == only else 0) + quotas[k], "left": available[k] - quotas[k]}
            for k in sorted(counts) if available[k] > quotas[k]]
    return kinds, ids, more


def neighbourhood(label: str, key: str, depth: int, cap: int, only: str | None = None,
                  skip: int = 0, as_of: str | None = None) -> dict | None:
    """The centre, its neighbours (ring 1) and at depth 2 theirs (ring 2), at most ``cap`` nodes in all;
    ``only`` keeps one kind in the outer ring (from its ``skip``-th node: the "+N more" expansion);
    ``as_of``: the powers and list versions in force that day instead of the current ones."""
    props = PROPS
    found = store.rows(CENTRE.format(label=label, prop=START[label], props=props), key=key)
    if not found:
        return None
    centre_id, centre_labels, centre_props, degree = found[0]
    picture = Picture(as_of=as_of)
    picture.node(centre_id, centre_labels, centre_props, centre=True)
    params = {"hidden": HIDDEN, "known": list(LABEL_COLOURS), "as_of": as_of}
    budget = cap - 1
    if depth == 1:
        kinds1, ring1, more = _ring(RING1[dated(as_of)], centre_id, budget, params, 1, only, skip)
    else:  # a third of the cap for ring 1 when it needs it: its count is known once it is walked
        kinds1, ring1, more = _ring(RING1[dated(as_of)], centre_id, max(budget // 3, 1), params, 1, None, 0)
    kinds2: dict[str, int] = {}
    ring2: list[str] = []
    if depth > 1 and ring1:
        kinds2, ring2, more2 = _ring(RING2[dated(as_of)], centre_id, budget - len(ring1), params | {"ring1": ring1}, 2, only, skip)
        more += more2
    for node_id, labels, node_props in store.rows(NODES, ids=ring1 + ring2):
        picture.node(node_id, labels, node_props)
    ids = list(picture.net.node_map)
    for source, target, rel_type, field, article_label, manner in store.rows(EDGES, ids=ids, edge_cap=cap * 6, dense=DENSE):
        picture.edge(source, target, rel_type, {"field": field, "article_label": article_label, "manner": manner})
    for entry in more:
        entry["expand"] = url_for("graph.graph", label=label, key=key + JSON_SUFFIX, depth=1, only=entry["kind"],
                                  skip=entry["skip"], as_of=as_of) if entry["ring"] == 1 else ""
        entry["url"] = url_for("graph.graph", label=label, key=key, depth=entry["ring"], only=entry["kind"],
                               as_of=as_of)
        picture.more(centre_id, entry)
    picture.cut = bool(more)
    return {"centre": {"label": label, "key": key, "labels": centre_labels, "props": centre_props},
            "as_of": as_of, "depth": depth, "cap": cap, "degree": degree, "only": only, "skip": skip, "more": more,
            "kinds": _kind_links(kinds1 if depth == 1 else kinds2),
            "graph": picture.data()}


def _kind_links(counts: dict[str, int]) -> list[dict]:
    """The outer ring's kinds, largest first: the page's filter by label."""
    return [{"kind": k, "name": str(LABEL_NAMES.get(k, k)), "count": n}
            for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


@page(bp, "/graph/<label>/<path:key>", "graph.html")
def graph(label: str, key: str) -> Any:
    """`?as_of=YYYY-MM-DD`: the powers and list versions in force that day; a power's graph is that of
    the power as its list stood then (its counterpart in the version then in force, as on its page)."""
    if label not in START:
        abort(404)
    as_of = asof.requested()
    depth = int_arg("depth", 1, 1, 2)
    only = request.args.get("only") or None
    if only is not None and not _LABEL.fullmatch(only):  # a kind is a label; it reaches Cypher as a parameter
        abort(400, _("There is no kind of node called %(kind)s.", kind=only))
    versions: list[str] = []
    if as_of and label == "Power":
        versions, shown = asof.power_then(key, as_of)
        if shown != key:
            return redirect(url_for("graph.graph", label=label, key=shown + (JSON_SUFFIX if wants_json() else ""),
                                    **{k: v for k, v in request.args.items() if k not in ("label", "key")}))
    found = neighbourhood(label, key, depth, _cap(), only, int_arg("skip", 0, 0, 10_000_000), as_of)
    if not found:
        abort(404)
    found["as_of_versions"] = versions
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
           "manner": "", "date": "", "from_body": "", "to_body": "", "found_by": "", "code": str(detail.get("code") or "")}
    if link.via == "delegation":
        out.update(manner=str(detail.get("manner") or ""), date=_date(detail.get("date")),
                   from_body=str(detail.get("from_body") or ""), to_body=str(detail.get("to_body") or ""),
                   found_by=str(FOUND_BY.get(detail.get("found_by") or "", "")))
        out["caption"] = out["manner"] or out["via_name"]
        if out["date"]:
            out["caption"] += f" {out['date']}"
        out["title"] = f"{out['caption']}: {out['from_body']} → {out['to_body']}" if out["from_body"] \
            else out["caption"]
        if out["found_by"]:
            out["title"] += f" ({out['found_by']})"
    elif link.via == "similar_name" and detail.get("similarity") is not None:
        out["caption"] = f"{out['via_name']} {detail['similarity']}"
    else:
        out["caption"] = out["via_name"]
    if "title" not in out:
        out["title"] = out["caption"] + (f" {out['code']}" if out["code"] else "")
    return out


def _same_reasons_once(links: list[dict], ch: Any) -> list[dict]:
    """A power linked by one reason to several powers above (a county's item, by its code, to the city's three
    sub-items) shows that reason once, with the names of the powers it links to."""
    grouped: dict[tuple, dict] = {}
    for lk in links:
        reason = (lk["via"], lk["caption"], lk["from_body"], lk["to_body"], lk["code"])
        upper = ch.powers[lk["upper"]].name if lk["upper"] in ch.powers else lk["upper"]
        if reason in grouped:
            grouped[reason]["uppers"].append(upper)
        else:
            grouped[reason] = dict(lk, uppers=[upper])
    return list(grouped.values())


def _chains_of(keys: list[str], ch: Any) -> dict[str, int]:
    """Each power's chain among ``keys`` (linked powers are one chain): a code two unrelated items carry (山东's food
    penalty and 广东's 擅自取水 penalty, 000217001000) names two chains."""
    from kb.analyses.groups import DisjointSet

    chains = DisjointSet(keys)
    wanted = set(keys)
    for k in keys:
        for link in ch.up.get(k, []):
            if link.upper in wanted:
                chains.union(link.upper, k)
    return chains.numbers()


def _one_chain_after_another(keys: list[str], ch: Any) -> list[str]:
    """The powers top-down chain by chain (the first chain first), not two chains' levels interleaved."""
    chain_of = _chains_of(keys, ch)
    first: dict[int, int] = {}
    for n, k in enumerate(keys):
        first.setdefault(chain_of[k], n)
    return sorted(keys, key=lambda k: first[chain_of[k]])


def chain(start: str, as_of: str | None = None) -> dict | None:
    """The vertical chain through a power (key), a power code, a catalogue code or a power name,
    top-down; with `as_of`, of the list versions in force that day at every level."""
    from kb.analyses import chains as chain_analysis

    keys = chain_analysis.resolve_start(store.graph(), start, as_of)
    ch = findings.chains_as_of(as_of) if as_of else findings.chains_around(keys)
    keys = [k for k in keys if ch and k in ch.powers]
    if not keys:
        return None
    through = _one_chain_after_another(findings.chain_through(keys, ch), ch)
    members = through[: _cap()]
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
    for k in members:  # the links among the members (not every link of the group the chains were read in)
        for link in ch.up.get(k, []):
            if link.upper in shown:
                described = describe_link(link)
                picture.edge(link.upper, link.lower, described["caption"], title=described["title"])
    received = {r["key"]: r for r in store.read(chain_analysis.RECEIVED, keys=[k for k in members if not ch.up.get(k)])}
    steps = []
    chain_of = _chains_of(members, ch)
    root = None  # the first power of the chain being listed
    items = {c for k in members for c in ch.powers[k].catalog}  # (a power's own code that is one: linked to its page)
    for n, k in enumerate(members):
        p = ch.powers[k]
        another = bool(n) and chain_of[k] != chain_of[members[n - 1]]
        sibling = another and chain_analysis.sibling_sub_item((p.item_name, p.name), root)
        if not n or another:
            root = (p.item_name, p.name)
        links = _same_reasons_once([describe_link(lk) for lk in ch.up.get(k, []) if lk.upper in shown], ch)
        steps.append({"key": k, "name": p.name, "type": p.type, "code": p.code,
                      "catalog": list(p.catalog) or ([p.code] if p.code in items else []),
                      "department": p.department, "jurisdiction": p.jurisdiction, "level": p.level,
                      "level_title": str(LEVEL_NAMES.get(p.level, LEVEL_TITLES.get(p.level, ""))),
                      "exercised_at": "、".join(str(LEVEL_NAMES.get(lv, lv)) for lv in chain_analysis.exercised_elsewhere(p)),
                      "sample": k in samples, "another": another, "sibling": sibling,
                      "via": [lk["via_name"] for lk in links], "links": links, "received": received.get(k)})
    sample_note = next((sources[k]["remarks"] or sources[k]["title"] for k in members if k in samples), "")
    return {"start": start, "starts": keys, "steps": steps, "total": len(through), "levels": len(counts),
            "sample": bool(samples),
            "sample_note": sample_note, "graph": picture.data(), "as_of": as_of}


@page(bp, "/chain/<path:start>", "chain.html")
def chain_page(start: str) -> dict:
    """`?as_of=YYYY-MM-DD`: only powers of the list versions in force that day, at every level."""
    as_of = asof.requested()
    found = chain(start, as_of)
    if not found:
        if as_of:
            explain(404, _("No power of the lists in force on %(date)s is named %(start)s.", date=as_of, start=start))
        # the page says what it takes (a 404 still, for scripts)
        return {"start": start, "starts": [], "steps": [], "_status": 404,
                "message": _("No current power matches %(start)s: give a power's key, a power code (such as "
                             "650200207CF51300), a catalogue code or an item name.", start=start)}
    return found


@bp.app_template_global()
def graph_depth() -> int:
    return int_arg("depth", 1, 1, 2) if request else 1
