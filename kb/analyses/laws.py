"""Laws to load (法律待入库): the laws and documents the lists cite whose text is not in kb.

Not a gap of any department: a worklist for whoever keeps kb's law library, ranked by how many powers
and departments cite each law (loading the first ones lets the citation rules check the most powers).
One `law_not_loaded` finding per cited law; `ranked` gives the table `kb check laws` and the
browser's 法律待入库 page show.
"""
from __future__ import annotations

from kb.analyses import gaps
from kb.analyses.findings import MAX_EVIDENCE, Finding
from kb.analyses.powers import jurisdiction_names
from kb.db import Graph

# The citations of the law `l` in the jurisdictions asked for (all when $jurisdictions is null).
_CITING = """
  MATCH (l)<-[c:CITES]-(p:Power)<-[:HOLDS]-(d:Department)
  WITH l, c, p, d, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
  WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
"""

# Per law whose text is not loaded, each law on its own (a province's lists cite one law a hundred
# thousand times): figures over all its citations, aggregated by the server; its first $listed
# departments and powers (department and power order) and first $cap citations, each a top-k sort.
UNLOADED = f"""
MATCH (l:Law) WHERE NOT coalesce(l.loaded, false)
CALL {{ WITH l {_CITING}
       RETURN count(*) AS citations, count(DISTINCT d.name) AS department_count,
              count(DISTINCT [d.name, coalesce(p.name, p.item_name, '')]) AS powers,
              collect(DISTINCT jurisdiction) AS jurisdictions,
              count(DISTINCT CASE WHEN coalesce(c.article_label, '') <> '' THEN c.article_label END) AS articles }}
WITH l, citations, department_count, powers, jurisdictions, articles WHERE citations > 0
CALL {{ WITH l {_CITING}
       WITH DISTINCT d.name AS department ORDER BY department LIMIT $listed
       RETURN collect(department) AS departments }}
CALL {{ WITH l {_CITING}
       WITH DISTINCT d.name AS department, p ORDER BY department, p.key LIMIT $listed
       RETURN collect(p.key) AS power_keys, collect(DISTINCT coalesce(p.name, p.item_name, '')) AS power_names }}
CALL {{ WITH l {_CITING}
       WITH d, p, c, l, jurisdiction ORDER BY d.name, p.key, c.article, c.article_label LIMIT $cap
       RETURN collect({{key: p.key, power: coalesce(p.name, p.item_name, ''), type: coalesce(p.type, ''),
              level: coalesce(p.level, ''), department_level: coalesce(d.level, ''), department: d.name,
              jurisdiction: jurisdiction, file: p.source_file, sheet: p.source_sheet, row: p.source_row,
              law: l.key, title: coalesce(l.title, c.law_title, l.key), article: c.article,
              label: coalesce(c.article_label, ''), text: coalesce(c.text, ''),
              version_note: coalesce(c.version_note, ''), field: coalesce(c.field, 'basis')}}) AS first }}
RETURN l.key AS law, citations, department_count, departments, power_keys, power_names, powers, jurisdictions,
       articles, first
ORDER BY law
"""

LISTED = 1000  # departments and powers a finding names (its counts are of all)


def find(graph: Graph, jurisdiction: str | None = None) -> list[Finding]:
    """One law_not_loaded finding per law (see gaps.citations for the same built from every citation)."""
    out = []
    for r in graph.read(UNLOADED, jurisdictions=jurisdiction_names(graph, jurisdiction), cap=MAX_EVIDENCE,
                        listed=LISTED):
        first = r["first"][0]
        jurisdictions = sorted(r["jurisdictions"])
        out.append(Finding(
            kind="law_not_loaded", departments=r["departments"], powers=r["power_names"],
            evidence=[gaps.citation_evidence(c) for c in r["first"]], evidence_total=r["citations"],
            counts={"powers": r["powers"], "departments": r["department_count"], "articles": r["articles"]},
            score=round(0.3 * r["powers"] / (r["powers"] + 10), 3), keys=[f"law:{r['law']}", *jurisdictions],
            jurisdiction=jurisdictions[0] if len(jurisdictions) == 1 else "", level="",
            summary=f"《{first['title']}》未入库，{r['powers']}项权力引用了它", power_keys=sorted(r["power_keys"])))
    return out


def ranked(findings: list[Finding]) -> list[dict]:
    """One row per law to load, most cited first: title, powers, departments, jurisdictions, fields."""
    out = []
    for f in findings:
        if f.kind != "law_not_loaded":
            continue
        ev = f.evidence
        counts = f.counts or {"powers": len({(e["department"], e["power"]) for e in ev}),
                              "departments": len({e["department"] for e in ev}),
                              "articles": len({e["article"] for e in ev if e["article"]})}
        out.append({"id": f.id, "law": ev[0]["law"], "law_key": ev[0]["law_key"], "powers": counts["powers"],
                    "departments": counts["departments"], "department_names": f.departments,
                    "articles": counts["articles"],
                    "jurisdiction": f.jurisdiction, "status": f.status})
    return sorted(out, key=lambda r: (-r["powers"], -r["departments"], r["law"]))
