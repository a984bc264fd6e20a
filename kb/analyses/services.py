"""Integrated services (一件事): for each Thing, what it bundles, who leads and cooperates, the powers it
relies on, and the before/after metrics the source gives — nothing is computed where a figure is
missing; the report says which figures are missing instead.

Flags (findings, services area): `service_item_no_responsibility` (an item's power has no
responsibility), `service_departments_overlap` (two departments of the Thing share an open overlap),
`service_cooperating_unlinked` (a cooperating body named by the guide, e.g. 公安部门, is not linked to
any department in the graph), `service_no_items` (the graph holds none of the Thing's items, so its
powers cannot be checked).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from kb.analyses.findings import Finding
from kb.analyses.powers import jurisdiction_names
from kb.db import Graph
from kb.model import METRIC_TITLES, SAVINGS

# Figures given as one count, not as a before/after pair.
COUNTS = tuple(k for k in METRIC_TITLES if not k.endswith(("_before", "_after")))
# Figures few guides give, shown where given and never said missing (the Hunan catalogue has no 办理环节 nor 法定时限)
SELDOM = ("steps_before", "steps_after", "legal_days")

THINGS = """
MATCH (t:Thing)
WITH t, coalesce(head([(t)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
OPTIONAL MATCH (t)-[:LED_BY]->(lead:Department)
RETURN t.key AS key, coalesce(t.name, t.title, t.key) AS name, t.theme_code AS theme_code,
       coalesce(t.area_name, jurisdiction) AS area, jurisdiction, t.implementation_code AS implementation_code,
       t.guide_url AS guide_url, coalesce(lead.name, t.lead_department) AS lead,
       lead IS NOT NULL AS lead_linked, coalesce(t.cooperating_published, []) AS cooperating_published,
       [(t)-[c:COOPERATING]->(d:Department) | {department: d.name, as_published: c.as_published}] AS cooperating,
       [(t)-[:INCLUDES]->(s:ServiceItem) | {item: coalesce(s.name, s.key), code: s.code,
          powers: [(s)-[:REALISES]->(p:Power) | {key: p.key, name: p.name, type: p.type,
                   department: coalesce(p.department, head([(d)-[:HOLDS]->(p) | d.name])),
                   responsibilities: size([(p)-[:HAS_RESPONSIBILITY]->() | 1])}]}] AS items,
       properties(t) AS props
ORDER BY t.theme_code, t.area_code
"""


def _metrics(props: dict) -> tuple[dict, list[str], dict]:
    present, missing, saved = {}, [], {}
    for stem, label in SAVINGS:
        for when in ("before", "after"):
            key = f"{stem}_{when}"
            if props.get(key) is not None:
                present[key] = props[key]
            elif key not in SELDOM:
                missing.append(key)
        before, after = props.get(f"{stem}_before"), props.get(f"{stem}_after")
        if stem == "days" and before is None and isinstance(props.get("legal_days"), int | float):
            # (泸州's 法定时限 30 and 承诺时限 10: the time the law allows, cut to the one promised — said as such)
            before, label = props["legal_days"], "办理时限（天，法定时限→承诺时限）"
        if isinstance(before, int | float) and isinstance(after, int | float):
            saved[stem] = {"label": label, "before": before, "after": after, "saved": before - after,
                           "percent": round(100 * (before - after) / before, 1) if before else None}
    for stem in COUNTS:
        if props.get(stem) is not None:
            present[stem] = props[stem]
        elif stem not in SELDOM:
            missing.append(stem)
    return present, missing, saved


def report_rows(rows: list[dict]) -> list[dict]:
    """One summary per Thing (pure)."""
    out = []
    for r in rows:
        present, missing, saved = _metrics(r["props"])
        linked = {c["as_published"] for c in r["cooperating"] if c.get("as_published")}
        powers = [p for i in r["items"] for p in i["powers"]]
        out.append({
            "key": r["key"], "name": r["name"], "theme_code": r["theme_code"], "area": r["area"],
            "jurisdiction": r["jurisdiction"], "implementation_code": r["implementation_code"],
            "guide_url": r["guide_url"], "lead": r["lead"],
            "cooperating": sorted({c["department"] for c in r["cooperating"]}),
            "cooperating_published": list(r["cooperating_published"]),
            "cooperating_unlinked": [c for c in r["cooperating_published"] if c not in linked],
            "items": [i["item"] for i in r["items"]],
            "powers": [f"{p['department']}：{p['name']}" for p in powers],
            "powers_without_responsibility": [p["name"] for p in powers if not p["responsibilities"]],
            "metrics": present, "metrics_missing": missing, "saved": saved,
        })
    return out


def report(graph: Graph, jurisdiction: str | None = None) -> list[dict]:
    return report_rows(graph.read(THINGS, jurisdictions=jurisdiction_names(graph, jurisdiction)))


def _thing_evidence(r: dict) -> dict:
    return {"type": "thing", "thing": r["name"], "area": r["area"], "lead": r["lead"],
            "metrics": r["metrics"], "metrics_missing": r["metrics_missing"]}


def _members(summary: dict) -> set[str]:
    return {d for d in [summary["lead"], *summary["cooperating"]] if d}


def _by_department(summaries: list[dict]) -> dict[str, set[int]]:
    """department -> the Things (by their index) it leads or cooperates in."""
    things: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(summaries):
        for d in _members(r):
            things[d].add(i)
    return things


def _sharing(f: Finding, things: dict[str, set[int]]) -> set[int]:
    """The Things (by index) two or more of whose departments the overlap ``f`` involves."""
    seen: set[int] = set()
    out: set[int] = set()
    for d in set(f.departments):
        mine = things.get(d, set())
        out |= seen & mine
        seen |= mine
    return out


def overlap_filter(rows: list[dict]) -> Callable[[Finding], bool]:
    """Whether an overlap is between two departments of one Thing of ``rows``: the only overlaps
    `analyse` reads, so the analyses keep those and let the others go."""
    things = _by_department(report_rows(rows))
    return lambda f: bool(_sharing(f, things))


def analyse(rows: list[dict], overlap_findings: list[Finding] | None = None) -> list[Finding]:
    out: list[Finding] = []
    summaries = report_rows(rows)
    things = _by_department(summaries)
    overlaps_of: dict[int, list[Finding]] = defaultdict(list)
    for f in overlap_findings or []:
        if f.status == "open":
            for i in sorted(_sharing(f, things)):
                overlaps_of[i].append(f)
    for i, (r, thing_row) in enumerate(zip(summaries, rows, strict=True)):
        base = _thing_evidence(r)
        departments = [d for d in [r["lead"], *r["cooperating"]] if d]
        keys = [f"thing:{r['key']}"]
        if not r["items"]:
            out.append(Finding(kind="service_no_items", departments=departments, powers=[],
                               evidence=[base | {"note": "库中没有该一件事的事项明细（办事指南给出的关联事项数见已有指标）"}],
                               score=0.2, keys=keys, jurisdiction=r["jurisdiction"],
                               summary=f"一件事「{r['name']}」（{r['area']}）在库中没有事项明细，无法核对其权力"))
        for item in thing_row["items"]:
            for p in item["powers"]:
                if p["responsibilities"]:
                    continue
                out.append(Finding(
                    kind="service_item_no_responsibility", departments=[p["department"]], powers=[p["name"]],
                    evidence=[base | {"item": item["item"], "power": p["name"], "department": p["department"]}],
                    score=0.8, keys=keys + [f"power:{p['department']}|{p['name']}"],
                    jurisdiction=r["jurisdiction"], power_keys=[p["key"]],
                    summary=f"一件事「{r['name']}」的事项「{item['item']}」依托的权力没有责任事项"))
        if r["cooperating_unlinked"]:
            out.append(Finding(kind="service_cooperating_unlinked", departments=departments, powers=[],
                               evidence=[base | {"cooperating_published": r["cooperating_published"],
                                                 "unlinked": r["cooperating_unlinked"]}],
                               score=0.3, keys=keys + [f"unlinked:{','.join(r['cooperating_unlinked'])}"],
                               jurisdiction=r["jurisdiction"],
                               summary=f"一件事「{r['name']}」（{r['area']}）的配合部门"
                                       f"{'、'.join(r['cooperating_unlinked'])}未关联到库中部门"))
        members = _members(r)
        for f in overlaps_of[i]:
            shared = members & set(f.departments)
            out.append(Finding(kind="service_departments_overlap", departments=sorted(shared), powers=f.powers,
                               evidence=[base | {"overlap": f.id, "overlap_kind": f.kind, "overlap_summary": f.summary,
                                                 "departments": sorted(shared)}],
                               score=f.score * 0.9, keys=keys + [f"overlap:{f.id}"], jurisdiction=r["jurisdiction"],
                               summary=f"一件事「{r['name']}」的{'、'.join(sorted(shared))}存在职责交叉：{f.summary}",
                               power_keys=f.power_keys))
    return out


def read_things(graph: Graph, jurisdiction: str | None = None) -> list[dict]:
    """The Things of the jurisdiction (and those within it), as `analyse` reads them."""
    return graph.read(THINGS, jurisdictions=jurisdiction_names(graph, jurisdiction))
