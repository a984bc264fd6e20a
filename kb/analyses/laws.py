"""Laws to load (法律待入库): the laws and documents the lists cite whose text is not in kb.

Not a gap of any department: a worklist for whoever keeps kb's law library, ranked by how many powers
and departments cite each law (loading the first ones lets the citation rules check the most powers).
One `law_not_loaded` finding per cited law; `ranked` gives the table `kb check laws` and the
browser's 法律待入库 page show.
"""
from __future__ import annotations

from kb.analyses import gaps
from kb.analyses.findings import Finding
from kb.analyses.powers import jurisdiction_names
from kb.db import Graph

# Citations of laws whose text is not loaded (the columns of the gaps' citation query).
UNLOADED = """
MATCH (d:Department)-[:HOLDS]->(p:Power)
WITH d, p, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
MATCH (p)-[c:CITES]->(l:Law) WHERE NOT coalesce(l.loaded, false)
RETURN""" + gaps.CITATION_COLUMNS


def find(graph: Graph, jurisdiction: str | None = None) -> list[Finding]:
    rows = graph.read(UNLOADED, jurisdictions=jurisdiction_names(graph, jurisdiction))
    return gaps.citations(rows, [])


def ranked(findings: list[Finding]) -> list[dict]:
    """One row per law to load, most cited first: title, powers, departments, jurisdictions, fields."""
    out = []
    for f in findings:
        if f.kind != "law_not_loaded":
            continue
        ev = f.evidence
        powers = {(e["department"], e["power"]) for e in ev}
        out.append({"id": f.id, "law": ev[0]["law"], "law_key": ev[0]["law_key"], "powers": len(powers),
                    "departments": len({e["department"] for e in ev}), "department_names": f.departments,
                    "articles": len({e["article"] for e in ev if e["article"]}),
                    "jurisdiction": f.jurisdiction, "status": f.status})
    return sorted(out, key=lambda r: (-r["powers"], -r["departments"], r["law"]))
