"""Powers (权力事项): the list, a power with everything the graph knows, responsibilities, catalogue items."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from importers.numerals import article_label
from kb.analyses import elsewhere
from kb.analyses.powers import jurisdiction_names
from kb.model import (
    LEVEL_RANK,
    by_date,
    dated,
    delegating_power,
    delegation_in_force,
    in_force,
    is_example,
    listing_places,
    power_in_force,
)
from webui import asof, findings, paging, stats, store
from webui.entities import FOUND_BY, article_key_parts
from webui.pages import JSON_SUFFIX, page, wants_json
from webui.paging import FACET_LISTED, pager, requested_skip

bp = Blueprint("powers", __name__)

# rows of "who exercises this power elsewhere" on a power's page (a link runs the saved query for all of them):
# twenty (the chain above it and its first peers); fifty made a province's power page twice the size and a
# third slower (docs/performance.md, "The power page's first twenty elsewhere")
ELSEWHERE_LIMIT = 20

# Sorting is chosen from this table, never assembled from the request: each a tuple of indexed
# properties that, with the key last, orders the powers totally. Pages go by key (?after= the last
# row's values): the index gives the rows in order from the cursor on, so a page costs the same at
# the millionth power as at the first. A power's key begins with its department and list version,
# then its position in the file: the key's order is the list's own order, department by department.
SORTS = {
    "position": ("p.key",),
    "name": ("p.name", "p.key"),
    "type": ("p.type", "p.key"),
    "department": ("p.key",),
}

# A filter given adds its condition (and lets the planner start from its index); none is the empty string.
POWER_CONDITIONS = {
    "type": "p.type = $type",
    "department": "p.department = $department",
    "level": "p.level = $level",
    "jurisdiction": "p.jurisdiction IN $places",  # a place and every place below it
    "q": "p.name CONTAINS $q",
}

# ?article=law#N (an article's page links here for a department's citing powers beyond those it lists): the powers
# citing the article, as their basis or their duties', found through the index on CITES.article_key, then the rest.
# ?cited_as=basis|duty: as the power's basis or its duties' (the article page's two sections)
CITING_ARTICLE = ("MATCH (p:Power)-[c:CITES {article_key: $article}]->()\n"
                  "WHERE $cited_as = '' OR (coalesce(c.field, 'basis') = 'basis') = ($cited_as = 'basis')\n"
                  "WITH DISTINCT p\n")

# The powers listed: the current ones, or (`?as_of=`) those of the list versions in force that day
# (kb.model.in_force, as the department and power pages answer).
CURRENT_POWERS = "MATCH (p:Power) WHERE p.current = true\n"
POWERS_IN_FORCE = f"MATCH (v:ListVersion) WHERE {in_force('v')}\nMATCH (v)-[:CONTAINS]->(p:Power) WHERE true\n"


def _after(keys: tuple[str, ...]) -> str:
    """Rows after the cursor, written so that the first sort property's index can seek to it:
    (k1 >= a0 AND (k1 > a0 OR k2 > a1)) for two, k1 > a0 for the key alone."""
    if len(keys) == 1:
        return f"{keys[0]} > $after[0]"
    return f"{keys[0]} >= $after[0] AND ({keys[0]} > $after[0] OR {keys[1]} > $after[1])"


def power_query(sort: str, filters: dict[str, str], after: bool, count: bool = False, dated: bool = False) -> str:
    """The Cypher of a page of /powers (or of its count) for the filters given, of the current lists
    or (`dated`) of those in force on $as_of: put together from the fixed texts above (the values
    are parameters)."""
    keys = SORTS[sort]
    head = POWERS_IN_FORCE if dated else CURRENT_POWERS
    if filters.get("article"):
        head = CITING_ARTICLE + (f"MATCH (v:ListVersion)-[:CONTAINS]->(p) WHERE {in_force('v')}\n" if dated
                                 else "WHERE p.current = true\n")
    where = [POWER_CONDITIONS[k] for k, v in filters.items() if v and k in POWER_CONDITIONS]
    if count:
        return head + "".join(f"  AND {w}\n" for w in where) + "RETURN count(p) AS total"
    where.append(_after(keys) if after else f"{keys[0]} IS NOT NULL")
    return (head + "".join(f"  AND {w}\n" for w in where)
            + f"WITH p ORDER BY {', '.join(keys)} SKIP $skip LIMIT $limit\n"
            "RETURN p {.key, .name, .type, .department, .jurisdiction, .level, .code, .unit} AS power,\n"
            f"       [{', '.join(keys)}] AS sort_key")


ALL_CURRENT = "MATCH ()-[r:HOLDS]->() RETURN count(r) AS total"  # from the count store

FACETS = """RETURN coalesce(p.type, '') AS type, p.department AS department, coalesce(p.level, '') AS level,
       p.jurisdiction AS jurisdiction, count(*) AS n
"""
POWER_FACETS = {False: CURRENT_POWERS + FACETS, True: POWERS_IN_FORCE + FACETS}

POWER = """
MATCH (p:Power {key: $key})
CALL { WITH p OPTIONAL MATCH (d:Department)-[:HOLDS]->(p) RETURN d.name AS holder }
CALL { WITH p OPTIONAL MATCH (v:ListVersion)-[:CONTAINS]->(p)
       RETURN v {.key, .version, .title, .current, .source_file, .imported_at, .frozen, .in_force_from,
               .in_force_until} AS version }
// a 承办机构 may name several units (危化科、基础科): every one, and the first as before
CALL { WITH p OPTIONAL MATCH (p)-[:HANDLED_BY]->(u:Unit) WITH u ORDER BY u.name
       RETURN collect(u {.key, .name}) AS unit_nodes }
CALL { WITH p OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
       WITH r ORDER BY r.key RETURN collect(r {.key, .seq, .kind, .stage, .text}) AS responsibilities }
CALL { WITH p OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a:Accountability) RETURN a {.key, .subjects, .text} AS accountability }
CALL { WITH p OPTIONAL MATCH (p)-[c:CITES]->(l:Law)
       RETURN collect(CASE WHEN l IS NULL THEN null ELSE c {.*, law_key: l.key, law_loaded: l.loaded} END) AS citations }
CALL { WITH p OPTIONAL MATCH (p)-[b:BASED_ON]->(a:Article)
       RETURN collect(CASE WHEN a IS NULL THEN null
                      ELSE a {.key, .label, .name, .text, .law_key, .law_title, .number, field: b.field} END) AS articles }
CALL { WITH p OPTIONAL MATCH (p)-[:IMPLEMENTS]->(c:CatalogItem) RETURN collect(c {.key, .code, .name, .type}) AS catalog }
// a delegation once: from the delegating power in force (a revised one is its copy), and from this power
// only those whose receiving power is in force (kb.model.delegating_power, delegation_in_force)
CALL { WITH p OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
       OPTIONAL MATCH (dl)-[:FROM_POWER]->(fp:Power) WHERE {delegating_power}
       OPTIONAL MATCH (dl)-[:FROM_DEPARTMENT]->(fd:Department)
       RETURN collect(CASE WHEN dl IS NULL THEN null
                      ELSE dl {.*, from_power: fp {.key, .name}, from_department: fd.name} END) AS delegated_in }
CALL { WITH p OPTIONAL MATCH (dl:Delegation)-[:FROM_POWER]->(p) WHERE {delegation_in_force}
       OPTIONAL MATCH (dl)-[:TO_POWER]->(tp:Power) OPTIONAL MATCH (dl)-[:TO_DEPARTMENT]->(td:Department)
       RETURN collect(CASE WHEN dl IS NULL THEN null
                      ELSE dl {.*, to_power: tp {.key, .name}, to_department: td.name} END) AS delegated_out }
CALL { WITH p OPTIONAL MATCH (s:ServiceItem)-[:REALISES]->(p) OPTIONAL MATCH (t:Thing)-[:INCLUDES]->(s)
       RETURN collect(DISTINCT s {.key, .name, .code}) AS service_items, collect(DISTINCT t {.key, .name}) AS things }
// other departments of the same place on its articles (the overlap evidence; other places are "elsewhere"):
// sought in the article's citations by the place's range of their listing order (kb.model.listing_order), not
// among all its citations (a province's article is the basis of 20,000 powers: 95 ms a page)
CALL { WITH p OPTIONAL MATCH (p)-[:BASED_ON {field: 'basis'}]->(a:Article)
       WITH p, a WHERE a IS NOT NULL AND p.jurisdiction IS NOT NULL
       UNWIND {places} AS place
       MATCH (o:Power)-[c:CITES]->()
       USING INDEX c:CITES(article_key, field, order)
       WHERE c.article_key = a.key AND c.field = 'basis' AND c.order STARTS WITH place
         AND o <> p AND o.jurisdiction = p.jurisdiction AND {o_in_force} AND o.department <> p.department
         AND EXISTS { (o)-[:BASED_ON {field: 'basis'}]->(a) }
       WITH DISTINCT a, o ORDER BY o.department, o.position
       WITH a, collect(o {.key, .name, .type, .department})[..20] AS others, count(o) AS n
       RETURN collect({article: a.key, label: a.name, others: others, n: n}) AS shared }
CALL { WITH p, version OPTIONAL MATCH (v:ListVersion {key: version.key})-[:CONTAINS]->(s:Power)
       WHERE p.sub_item_name <> '' AND s.item_name = p.item_name AND s.sub_item_name <> ''
         AND NOT coalesce(s.retired, false)
       WITH s ORDER BY s.position
       RETURN collect(s {.key, .sub_item_name, .type}) AS sub_items }
CALL { WITH p OPTIONAL MATCH (e:Edit)-[:EDITS]->(p)
       WITH e ORDER BY e.when DESC LIMIT 20
       RETURN collect(e {.id, .who, .when, .field, .before, .after}) AS edits }
RETURN p {.*} AS power, holder, version, unit_nodes, head(unit_nodes) AS unit_node, responsibilities, accountability, citations, articles,
       catalog, delegated_in, delegated_out, service_items, things, shared, sub_items, edits
"""

# The other departments' powers of the same place on the same articles, the delegations: current ones, or those in
# force on $as_of.
POWER = by_date(lambda on: POWER.replace("{o_in_force}", power_in_force("o", on))
                .replace("{places}", listing_places("p.jurisdiction"))
                .replace("{delegating_power}", delegating_power("dl", "fp", on))
                .replace("{delegation_in_force}", delegation_in_force("dl", on)))

RESPONSIBILITY = """
MATCH (r:Responsibility {key: $key})
OPTIONAL MATCH (p:Power)-[:HAS_RESPONSIBILITY|RETIRED_RESPONSIBILITY]->(r)
CALL { WITH p OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(s:Responsibility)
       WITH s ORDER BY s.key RETURN collect(s {.key, .seq, .kind, .stage}) AS siblings }
OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a:Accountability)
RETURN r {.*} AS responsibility, p {.key, .name, .type, .department} AS power, siblings,
       a {.subjects, .text} AS accountability
"""

# (and the current powers whose own code is the item's: 赣州's 事项编码 000106002000 is 江西's and 于都's 基本编码, and the
# chain links them: kb.analyses.chains._link_catalogue)
CATALOG_ITEM = """
MATCH (c:CatalogItem {key: $key})
CALL { WITH c MATCH (p:Power)-[:IMPLEMENTS]->(c) RETURN p
       UNION
       WITH c MATCH (p:Power {code: coalesce(c.code, c.key)}) WHERE p.current RETURN p
       UNION
       WITH c RETURN null AS p }  // (the item's row, when no power implements it)
OPTIONAL MATCH (d:Department)-[:HOLDS]->(p)
OPTIONAL MATCH (d)-[:IN_JURISDICTION]->(j:Jurisdiction)
WITH c, p, d, j ORDER BY CASE coalesce(j.level, p.level) WHEN 'province' THEN 0 WHEN 'city' THEN 1
                         WHEN 'county' THEN 2 ELSE 3 END, d.name
RETURN c {.*} AS item,
       collect(CASE WHEN p IS NULL THEN null ELSE p {.key, .name, .type, .code, .level, .current,
               department: d.name, jurisdiction: j.name, jurisdiction_level: j.level} END) AS powers
"""

# The published fields as the table of all fields names them (the property name stays in the JSON).
FIELD_NAMES = {
    "name": _l("Name"), "item_name": _l("Item"), "sub_item_name": _l("Sub-item"), "seq": _l("No. in the list"),
    "code": _l("Code"), "type": _l("Type"), "type_code": _l("Type code"), "type_original": _l("Type as published"),
    "holder": _l("Holder as published"), "unit": _l("Unit"), "level": _l("Level"),
    "level_original": _l("Level as published"), "exercised_at": _l("Exercised at"), "scope": _l("Scope"),
    "department": _l("Department"),
    "jurisdiction": _l("Jurisdiction"), "version": _l("List version"), "current": _l("Current list"),
    "position": _l("Position in the file"), "source_file": _l("Source file"), "source_sheet": _l("Sheet"),
    "source_row": _l("Row"), "import_run": _l("Import"), "x_catalog_code": _l("Catalogue code"),
    "x_delegation_manner": _l("Delegated or entrusted"), "x_delegation_manner_original": _l("Delegation as published"),
    "x_delegation_date": _l("Delegated on"), "x_delegated_from": _l("Delegated by"),
    "x_delegated_from_level": _l("Level it was delegated from"), "x_parent_code": _l("Code of its item"),
    "x_published_date": _l("Published on"), "x_area_code": _l("Area code"), "x_area_name": _l("Area"),
    # list versions and imports
    "mapping": _l("Column mapping"), "records": _l("Records"), "sha256": _l("SHA-256 of the file"),
    "imported_at": _l("Imported at"), "id": _l("Import id"), "path": _l("Path"), "kind": _l("Kind"),
    "status": _l("Status"), "nodes_created": _l("Nodes created"), "relationships_created": _l("Relationships created"),
    "started_at": _l("Started"), "finished_at": _l("Finished"), "title": _l("Title"),
    # integrated services (一件事)
    "implementation_code": _l("Implementation code"), "cooperating_published": _l("Cooperating (as published)"),
    "lead_department": _l("Lead department"), "org_level": _l("Level"), "area_code": _l("Area code"),
    "area_name": _l("Area"), "guide_url": _l("Guide"), "theme_code": _l("Theme code"), "key": _l("Key"),
}

FIELD_ORDER = ["name", "item_name", "sub_item_name", "seq", "code", "type", "type_code", "type_original", "holder",
               "unit", "level", "level_original", "exercised_at", "scope", "department", "jurisdiction", "version", "current",
               "position", "source_file", "source_sheet", "source_row", "import_run"]
LONG_FIELDS = ["basis_text", "duty_statement", "responsibility_text", "supervision_text", "responsibility_basis_text",
               "remarks"]


def _filters() -> dict[str, str]:
    filters = {name: request.args.get(name, "").strip()
               for name in ("type", "department", "level", "jurisdiction", "q", "article", "cited_as")}
    if not filters["article"] or filters["cited_as"] not in ("basis", "duty"):
        filters["cited_as"] = ""
    return filters


def power_facets(as_of: str | None = None) -> dict[str, dict[str, int]]:
    options: dict[str, dict[str, int]] = {"type": {}, "department": {}, "level": {}, "jurisdiction": {}}
    for f in store.read(POWER_FACETS[bool(as_of)], as_of=as_of):
        for name, counts in options.items():
            value = f[name] or ""
            counts[value] = counts.get(value, 0) + f["n"]
    return options


@page(bp, "/powers", "powers/list.html")
def powers() -> dict:
    """`?as_of=YYYY-MM-DD`: the powers of the list versions in force that day."""
    as_of = asof.requested()
    filters = _filters()
    sort = request.args.get("sort", "position")
    sort = sort if sort in SORTS else "position"
    size = 50
    after = paging.decode_key(request.args.get("after"), len(SORTS[sort]))
    # a jurisdiction takes in every place below it (湖南省 -> its cities, counties and townships)
    places = jurisdiction_names(store.graph(), filters["jurisdiction"]) or []
    rows = store.read(power_query(sort, filters, after is not None, dated=bool(as_of)), **filters, places=places,
                      after=after, as_of=as_of, skip=0 if after else requested_skip(size), limit=size + 1)
    # the current facets are counted once per change of the data; a date's when asked
    options = power_facets(as_of) if as_of else stats.cached("power_facets", power_facets)
    total = _total(filters, places, options, as_of)
    today = url_for("powers.powers", **{k: v for k, v in filters.items() if v},
                    **({"sort": sort} if sort != "position" else {}))
    return {"as_of": as_of, "_today": today, "filters": filters, "sort": sort, "sorts": list(SORTS),
            "citing": _citing(filters["article"], filters["cited_as"]),
            "powers": [r["power"] for r in rows[:size]],
            "pager": pager(total, size),
            "next": paging.encode_key(rows[size - 1]["sort_key"]) if len(rows) > size else None,
            "options": {k: _listed(k, v) for k, v in options.items()}}


def _citing(key: str, cited_as: str) -> dict | None:
    """The article the list is filtered by (?article=law#N), named as its page names it, and how it is cited."""
    if not key:
        return None
    law, number = article_key_parts(key)
    label = article_label(number) if number >= 0 else key.rpartition("#")[2]
    return {"key": key, "law": law, "label": label, "cited_as": cited_as}


def _listed(facet: str, counts: dict[str, int]) -> list[tuple[str, int]] | None:
    """A filter's values, most powers first (levels top-down); None when there are too many to list."""
    if facet != "level" and len(counts) > FACET_LISTED:
        return None
    return sorted(counts.items(), key=lambda kv: (LEVEL_RANK.get(kv[0], 9) if facet == "level" else 0,
                                                  -kv[1] if facet != "level" else 0, kv[0]))


def _total(filters: dict[str, str], places: list[str], options: dict[str, dict[str, int]],
           as_of: str | None = None) -> int:
    """How many powers the filters keep: from the count store when there is none, from the facets
    (of the current lists counted once per change of the data, of a date's versions when asked)
    for one facet, else counted through the filter's index."""
    given = [k for k, v in filters.items() if v]
    if not given:
        if as_of:
            return sum(options["type"].values())
        return (store.read_one(ALL_CURRENT) or {"total": 0})["total"]
    if given == ["jurisdiction"]:
        return sum(options["jurisdiction"].get(place, 0) for place in places)
    if len(given) == 1 and given[0] in ("type", "department", "level"):
        return options[given[0]].get(filters[given[0]], 0)
    return (store.read_one(power_query("position", filters, False, count=True, dated=bool(as_of)), **filters,
                           places=places, as_of=as_of) or {"total": 0})["total"]


def _basis(citations: list[dict], articles: list[dict]) -> list[dict]:
    """Each citation of the power with the article text when the law is loaded (side by side)."""
    by_key = {a["key"]: a for a in articles}
    out = []
    for c in sorted(citations, key=lambda c: (c.get("field") or "", c.get("law_title") or "", c.get("article") or 0)):
        key = f"{c['law_key']}#{c['article']}" if c.get("article") is not None else None
        out.append({**c, "article_node": by_key.get(key) if key else None})
    return out


def _stages(responsibilities: list[dict]) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for r in sorted(responsibilities, key=lambda r: (_seq(r.get("seq")), r["key"])):
        groups.setdefault(r.get("kind") or "", []).append(r)
    return [{"kind": kind, "entries": entries} for kind, entries in groups.items()]


def _seq(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1e9


@page(bp, "/powers/<path:key>", "powers/power.html")
def power(key: str) -> Any:
    """`?as_of=YYYY-MM-DD`: the power as its list stood that day (the version then in force)."""
    as_of = asof.requested()
    labels: list[str] = []
    if as_of:
        labels, shown = asof.power_then(key, as_of)
        if shown != key:  # the same item in the version in force that day
            return redirect(url_for("powers.power", key=shown + (JSON_SUFFIX if wants_json() else ""), as_of=as_of))
    row = store.read_one_or_404(POWER[dated(as_of)], key=key, as_of=as_of)
    row["as_of"], row["as_of_versions"] = as_of, labels
    p = row["power"]
    row["basis"] = _basis(row.pop("citations"), row["articles"])
    row["stages"] = _stages(row["responsibilities"])
    # (its position counted from 1, as a reader counts the records of a file: the key keeps it from 0)
    row["fields"] = [(f, p[f] + 1 if f == "position" and isinstance(p[f], int) else p[f])
                     for f in FIELD_ORDER if p.get(f) not in (None, "")]
    row["long_fields"] = [(f, p[f]) for f in LONG_FIELDS if p.get(f)]
    row["extra_fields"] = sorted((f, v) for f, v in p.items() if f.startswith("x_") and v not in (None, ""))
    row["shared"] = [s for s in row["shared"] if s["article"]]
    row["sub_items"] = row["sub_items"] if len(row["sub_items"]) > 1 else []
    title = (row["version"] or {}).get("title") or ""
    row["sample"] = is_example(title) or is_example(p.get("remarks"))
    row["elsewhere"] = elsewhere.rows(store.graph(), key, ELSEWHERE_LIMIT)
    row["elsewhere_limit"] = ELSEWHERE_LIMIT
    chains = None if as_of else findings.chains_around([key], wait=False)  # None: the link is offered anyway
    row["in_chain"] = None if chains is None else (key in chains.up or key in chains.down)
    return row


@page(bp, "/responsibilities/<path:key>", "powers/responsibility.html")
def responsibility(key: str) -> dict:
    row = store.read_one_or_404(RESPONSIBILITY, key=key)
    return row


@page(bp, "/catalog/<path:key>", "powers/catalog_item.html")
def catalog_item(key: str) -> dict:
    row = store.read_one_or_404(CATALOG_ITEM, key=key)
    return row


_RUN_ID = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})-")


def run_time(run_id: str) -> str:
    """An import run's id (20261207T223059-7384cb00, its start and a random part) as a reader reads it: 2026-12-07
    22:30:59; the id itself when it is not of that form."""
    m = _RUN_ID.match(run_id or "")
    return f"{m[1]}-{m[2]}-{m[3]} {m[4]}:{m[5]}:{m[6]}" if m else (run_id or "")


@bp.record_once
def _globals(state) -> None:
    state.app.jinja_env.globals.update(field_names=FIELD_NAMES, found_by=FOUND_BY)
    state.app.jinja_env.filters["run_time"] = run_time
