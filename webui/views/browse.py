"""Browse by jurisdiction (province → city → county → township) and by department."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, abort, redirect, request, url_for
from flask_babel import gettext as _

from kb.model import LEVEL_RANK, in_force
from webui import asof, stats, store
from webui.errors import explain
from webui.names import department_labels
from webui.pages import JSON_SUFFIX, page, wants_json
from webui.paging import pager, requested_skip

bp = Blueprint("browse", __name__)

JURISDICTIONS = """
MATCH (j:Jurisdiction)
OPTIONAL MATCH (j)-[:WITHIN]->(parent:Jurisdiction)
CALL { WITH j OPTIONAL MATCH (d:Department)-[:IN_JURISDICTION]->(j) RETURN count(d) AS departments }
CALL { WITH j OPTIONAL MATCH (t:Thing)-[:IN_JURISDICTION]->(j) RETURN count(t) AS things }
RETURN j.name AS name, j.level AS level, j.code AS code, parent.name AS parent, departments, things
"""

JURISDICTION = """
MATCH (j:Jurisdiction {name: $name})
CALL { WITH j OPTIONAL MATCH path = (j)-[:WITHIN*1..6]->(up:Jurisdiction)
       WITH up, length(path) AS d ORDER BY d DESC RETURN collect(up {.name, .level}) AS ancestors }
CALL { WITH j OPTIONAL MATCH (child:Jurisdiction)-[:WITHIN]->(j)
       RETURN collect(child {.name, .level, .code}) AS children }
CALL { WITH j OPTIONAL MATCH (d:Department)-[:IN_JURISDICTION]->(j)
       OPTIONAL MATCH (d)-[:HOLDS]->(p:Power)
       WITH d, count(p) AS powers ORDER BY d.name
       RETURN collect(CASE WHEN d IS NULL THEN null ELSE d {.name, .level, powers: powers} END) AS departments }
CALL { WITH j OPTIONAL MATCH (t:Thing)-[:IN_JURISDICTION]->(j)
       RETURN collect(t {.key, .name, .area_name, .lead_department}) AS things }
RETURN j {.*} AS jurisdiction, ancestors, children, departments, things
"""

DEPARTMENTS = """
MATCH (d:Department)
OPTIONAL MATCH (d)-[:HOLDS]->(p:Power)
WITH d, coalesce(p.type, '') AS type, count(p) AS n
WITH d, sum(n) AS powers, collect(CASE WHEN n > 0 THEN {type: type, n: n} END) AS types
RETURN d.name AS name, d.jurisdiction AS jurisdiction, d.level AS level, powers, types
ORDER BY d.jurisdiction, powers DESC, d.name
"""

DEPARTMENT = """
MATCH (d:Department {name: $name})
CALL { WITH d OPTIONAL MATCH (d)-[:IN_JURISDICTION]->(j:Jurisdiction) RETURN j {.name, .level} AS jurisdiction }
CALL { WITH d OPTIONAL MATCH (d)-[:COUNTERPART_OF]->(up:Department) RETURN collect(up.name) AS counterparts_up }
CALL { WITH d OPTIONAL MATCH (down:Department)-[:COUNTERPART_OF]->(d) RETURN collect(down.name) AS counterparts_down }
CALL { WITH d OPTIONAL MATCH (u:Unit)-[:PART_OF]->(d)
       OPTIONAL MATCH (p:Power)-[:HANDLED_BY]->(u) WHERE p.current
       WITH u, count(p) AS powers ORDER BY powers DESC, u.name
       RETURN collect(CASE WHEN u IS NULL THEN null ELSE u {.key, .name, powers: powers} END) AS units }
CALL { WITH d OPTIONAL MATCH (v:ListVersion)-[:LIST_OF]->(d)
       WITH v ORDER BY v.current DESC, v.imported_at DESC
       RETURN collect(CASE WHEN v IS NULL THEN null
                      ELSE v {.key, .version, .title, .records, .current, .source_file, .imported_at, .frozen,
                            .in_force_from, .in_force_until} END) AS versions }
CALL { WITH d OPTIONAL MATCH (d)-[:HOLDS]->(p:Power)
       WITH coalesce(p.type, '') AS type, count(p) AS n WHERE n > 0
       RETURN collect({type: type, n: n}) AS types }
CALL { WITH d OPTIONAL MATCH (t:Thing)-[:LED_BY]->(d) RETURN collect(t {.key, .name, .area_name}) AS things_led }
CALL { WITH d OPTIONAL MATCH (t:Thing)-[:COOPERATING]->(d) RETURN collect(t {.key, .name, .area_name}) AS things_cooperating }
RETURN d {.*} AS department, jurisdiction, counterparts_up, counterparts_down, units, versions, types,
       things_led, things_cooperating
"""

# A page of the department's powers in list order: sorted first, then only the page's rows are read
# (the total comes from the counts by type the page shows anyway).
DEPARTMENT_POWERS = """
MATCH (d:Department {name: $name})-[:HOLDS]->(p:Power)
WHERE ($type = '' OR p.type = $type)
WITH p ORDER BY p.position, p.key SKIP $skip LIMIT $limit
RETURN p {.key, .name, .type, .code, .level, .exercised_at, .unit, .seq,
          responsibilities: COUNT { (p)-[:HAS_RESPONSIBILITY]->() },
          accountability: EXISTS { (p)-[:HAS_ACCOUNTABILITY]->(a) WHERE coalesce(a.text, '') <> '' }} AS power
"""

# As of a date: the powers of the versions in force that day, by type and a page of them.
_HELD = """MATCH (d:Department {name: $name})-[:HOLDS]->(p:Power)
WHERE ($type = '' OR p.type = $type)
"""
assert DEPARTMENT_POWERS.lstrip().startswith(_HELD)
DEPARTMENT_POWERS_AS_OF = DEPARTMENT_POWERS.replace(_HELD, f"""MATCH (d:Department {{name: $name}})<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE {in_force('v')} AND ($type = '' OR p.type = $type)
""")

DEPARTMENT_AS_OF = f"""
MATCH (d:Department {{name: $name}})<-[:LIST_OF]-(v:ListVersion) WHERE {in_force('v')}
OPTIONAL MATCH (v)-[:CONTAINS]->(p:Power)
WITH v, coalesce(p.type, '') AS type, count(p) AS n
WITH collect(DISTINCT v.version) AS versions, type, sum(n) AS n
RETURN versions, [t IN collect({{type: type, n: n}}) WHERE t.n > 0] AS types
"""

UNIT = """
MATCH (u:Unit {key: $key})
OPTIONAL MATCH (u)-[:PART_OF]->(d:Department)
CALL { WITH u OPTIONAL MATCH (p:Power)-[:HANDLED_BY]->(u)
       WITH p ORDER BY p.current DESC, p.position
       RETURN collect(p {.key, .name, .type, .current}) AS powers }
RETURN u {.*} AS unit, d.name AS department, powers
"""

VERSION = """
MATCH (v:ListVersion {key: $key})
OPTIONAL MATCH (v)-[:LIST_OF]->(d:Department)
OPTIONAL MATCH (v)-[:SUPERSEDES]->(older:ListVersion)
OPTIONAL MATCH (newer:ListVersion)-[:SUPERSEDES]->(v)
OPTIONAL MATCH (r:ImportRun)-[:PRODUCED]->(v)
CALL { WITH v OPTIONAL MATCH (v)-[:CONTAINS]->(p:Power) RETURN count(p) AS total }
RETURN v {.*} AS version, d.name AS department, older {.key, .version} AS older, newer {.key, .version} AS newer,
       r {.id, .file, .finished_at} AS run, total
"""

VERSION_POWERS = """
MATCH (v:ListVersion {key: $key})-[:CONTAINS]->(p:Power)
WITH p ORDER BY p.position, p.key SKIP $skip LIMIT $limit
RETURN p {.key, .name, .type, .code, .position, .source_sheet, .source_row} AS power
"""


def _tree(rows: list[dict]) -> list[dict]:
    nodes = {r["name"]: {**r, "children": []} for r in rows}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["parent"]) if node["parent"] else None
        (parent["children"] if parent else roots).append(node)

    def order(items: list[dict]) -> list[dict]:
        items.sort(key=lambda n: (LEVEL_RANK.get(n["level"] or "", 9), n["code"] or "", n["name"]))
        for item in items:
            order(item["children"])
        return items

    return order(roots)


def jurisdiction_rows() -> list[dict]:
    return store.read(JURISDICTIONS)


@page(bp, "/jurisdictions", "browse/jurisdictions.html", kept=True)
def jurisdictions() -> dict:
    """The tree down to the counties: a province has two thousand townships, each county says how many
    it has and its page lists them."""
    rows = stats.cached("jurisdictions", jurisdiction_rows)  # counted once per change of the data
    names = {r["name"] for r in rows}
    townships: dict[str, int] = {}
    shown = []
    for r in rows:
        if r["level"] == "township" and r["parent"] in names:
            townships[r["parent"]] = townships.get(r["parent"], 0) + 1
        else:
            shown.append(r)
    tree = _tree([{**r, "townships": townships.get(r["name"], 0)} for r in shown])
    return {"tree": tree, "total": len(rows), "townships": sum(townships.values())}


@page(bp, "/jurisdictions/<path:name>", "browse/jurisdiction.html", kept=True)
def jurisdiction(name: str) -> dict | Response:
    row = store.read_one(JURISDICTION, name=name)
    if row is None:  # an area code, a short name (正定) or the end of a name (滨海新区): the place's page
        from kb.analyses.powers import place_in_graph

        found, _ = place_in_graph(store.graph(), name)
        if not found or found == name:
            abort(404)
        return redirect(url_for(".jurisdiction", name=found + (JSON_SUFFIX if wants_json() else "")))
    labels = department_labels((d["name"], name) for d in row["departments"])
    row["departments"] = [{**d, "short": labels[d["name"]]} for d in row["departments"]]
    return row


def department_rows() -> list[dict]:
    return store.read(DEPARTMENTS)


DEPARTMENTS_PAGE = 50  # departments per page of /departments (a province has tens of thousands; each row a dozen links)


@page(bp, "/departments", "browse/departments.html")
def departments() -> dict:
    # counted once per change of the data (every power of every department); a page shows its part
    rows = stats.cached("departments", department_rows)
    wanted = request.args.get("jurisdiction", "")
    kept = [r for r in rows if not wanted or r["jurisdiction"] == wanted]
    p = pager(len(kept), DEPARTMENTS_PAGE)
    groups: dict[str, list[dict]] = {}
    shown = kept[p["skip"]:p["skip"] + DEPARTMENTS_PAGE]
    labels = department_labels((r["name"], r["jurisdiction"]) for r in shown)
    query: dict[str, str] = {}  # ?type=… per power type, encoded once a page (a dozen types, 700 links)
    for row in shown:
        # one url_for per department: its type links add ?type= to it (url_for is the page's main cost)
        url = url_for("browse.department", name=row["name"])
        row = {**row, "short": labels[row["name"]], "url": url,
               "types": [{**t, "url": url + (query.get(t["type"]) or query.setdefault(
                   t["type"], "?" + urlencode({"type": t["type"]})))}
                         for t in sorted(row["types"], key=lambda t: -t["n"])]}
        groups.setdefault(row["jurisdiction"] or "", []).append(row)
    return {"groups": [{"jurisdiction": j, "departments": ds} for j, ds in groups.items()],
            "jurisdiction": wanted, "total": len(kept), "pager": p}


# powers per page of a department: a page's cost is its rows (the driver reading them, the template
# drawing them: 40 ms of a hundred on the province with one client, paid up to four times over with four)
DEPARTMENT_PAGE = 50


@page(bp, "/departments/<path:name>", "browse/department.html")
def department(name: str) -> dict:
    """`?as_of=YYYY-MM-DD`: its powers as the list versions in force that day hold them."""
    as_of = asof.requested()
    row = store.read_one_or_404(DEPARTMENT, name=name)
    power_type = request.args.get("type", "")
    size = DEPARTMENT_PAGE
    row["as_of"], row["as_of_versions"] = as_of, []
    if as_of:
        rows = store.read(DEPARTMENT_AS_OF, name=name, as_of=as_of)
        versions = sorted({v for r in rows for v in r["versions"]})
        if not versions:
            explain(404, _("%(department)s had no list version in force on %(date)s.", department=name, date=as_of))
        row["as_of_versions"] = versions
        counts: dict[str, int] = {}
        for r in rows:
            for t in r["types"]:
                counts[t["type"]] = counts.get(t["type"], 0) + t["n"]
        row["types"] = [{"type": t, "n": n} for t, n in counts.items()]
    listed = store.read(DEPARTMENT_POWERS_AS_OF if as_of else DEPARTMENT_POWERS, name=name, type=power_type,
                        skip=requested_skip(size), limit=size, as_of=as_of)
    row["types"] = sorted(row["types"], key=lambda t: -t["n"])
    total = sum(t["n"] for t in row["types"] if not power_type or t["type"] == power_type)
    row.update(powers=[r["power"] for r in listed], pager=pager(total, size), type=power_type)
    return row


@page(bp, "/units/<path:key>", "browse/unit.html")
def unit(key: str) -> dict:
    row = store.read_one_or_404(UNIT, key=key)
    return row


@page(bp, "/versions/<path:key>", "browse/version.html")
def version(key: str) -> dict:
    row = store.read_one_or_404(VERSION, key=key)
    row["pager"] = pager(row["total"], 100)
    row["powers"] = [r["power"] for r in store.read(VERSION_POWERS, key=key, skip=row["pager"]["skip"], limit=100)]
    return row
