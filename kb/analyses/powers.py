"""One read of the current powers, shared by the analyses that work in Python (overlaps, chains).

Everything is read with `graph.read` (READ routing); the jurisdiction filter is a parameter. A
jurisdiction takes in the jurisdictions WITHIN it (克拉玛依市 includes its districts).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.analyses.findings import power_ref
from kb.db import Graph
from kb.model import normalise_level
from kb.places import Ambiguous, area_code, divisions

JURISDICTIONS = """
MATCH (j:Jurisdiction)
WHERE j.name = $jurisdiction OR j.code = $code
   OR exists { (j)-[:WITHIN*1..]->(top:Jurisdiction) WHERE top.name = $jurisdiction OR top.code = $code }
RETURN collect(j.name) AS names
"""

# A department's jurisdiction: its property, else its IN_JURISDICTION link.
POWERS = """
MATCH (d:Department)-[:HOLDS]->(p:Power)
WITH d, p, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
RETURN p.key AS key, coalesce(p.name, p.item_name, '') AS name,
       coalesce(p.item_name, p.name, '') AS item_name, coalesce(p.sub_item_name, '') AS sub_item_name,
       coalesce(p.type, '') AS type, coalesce(p.code, '') AS code, coalesce(p.level, '') AS level,
       coalesce(p.level_original, '') AS level_original, coalesce(d.level, '') AS department_level,
       d.name AS department, jurisdiction,
       p.source_file AS source_file, p.source_sheet AS source_sheet, p.source_row AS source_row,
       [(p)-[c:CITES]->(l:Law) | {law: l.key, title: coalesce(l.title, c.law_title, l.key),
         loaded: coalesce(l.loaded, false), article: c.article, label: coalesce(c.article_label, ''),
         text: coalesce(c.text, ''), version_note: coalesce(c.version_note, ''),
         field: coalesce(c.field, 'basis')}] AS cites,
       [(p)-[:IMPLEMENTS]->(ci:CatalogItem) | coalesce(ci.code, ci.key)] AS catalog,
       [(p)-[:HAS_RESPONSIBILITY]->(r:Responsibility) | coalesce(r.kind, '')] AS duty_kinds
ORDER BY department, key
"""


@dataclass
class Cite:
    law: str
    title: str
    loaded: bool
    article: int | None
    label: str
    text: str
    version_note: str
    field: str

    @property
    def cited_as(self) -> str:
        """《title》第X条, as the list wrote it."""
        return f"《{self.title}》{self.label}"


@dataclass
class PowerRow:
    key: str
    name: str
    item_name: str
    sub_item_name: str
    type: str
    code: str
    level: str  # normalised; "" -> the department's level
    department: str
    jurisdiction: str
    level_original: str = ""
    source_file: str | None = None
    source_sheet: str | None = None
    source_row: int | None = None
    cites: list[Cite] = field(default_factory=list)
    catalog: list[str] = field(default_factory=list)
    duty_kinds: list[str] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return power_ref(self.department, self.level, self.type, self.name)

    @property
    def basis(self) -> list[Cite]:
        return [c for c in self.cites if c.field == "basis"]

    def source(self) -> dict:
        return {"file": self.source_file, "sheet": self.source_sheet, "row": self.source_row}


def place_code(jurisdiction: str) -> str | None:
    """The area code a filter names: a code at any level as written (43, 430200, 430202999000), or the
    code of the one place of China's divisions with this name (湖南, 株洲市); None otherwise."""
    text = (jurisdiction or "").strip()
    if text.isdigit():
        return area_code(text) or None
    try:
        place = divisions().resolve(text)
    except Ambiguous:
        return None
    return place.code if place else None


def jurisdiction_names(graph: Graph, jurisdiction: str | None) -> list[str] | None:
    """The jurisdiction (by name or area code at any level) and every one within it; None means all."""
    if not jurisdiction:
        return None
    rows = graph.read(JURISDICTIONS, jurisdiction=jurisdiction.strip(), code=place_code(jurisdiction))
    return rows[0]["names"] if rows and rows[0]["names"] else [jurisdiction]


def load_powers(graph: Graph, jurisdiction: str | None = None) -> list[PowerRow]:
    rows = graph.read(POWERS, jurisdictions=jurisdiction_names(graph, jurisdiction))
    out = []
    for r in rows:
        level = normalise_level(r["level"], r["department_level"]) or normalise_level(r["department_level"])
        out.append(PowerRow(
            key=r["key"], name=r["name"], item_name=r["item_name"], sub_item_name=r["sub_item_name"],
            type=r["type"], code=r["code"].strip(), level=level, department=r["department"],
            jurisdiction=r["jurisdiction"], level_original=r["level_original"], source_file=r["source_file"],
            source_sheet=r["source_sheet"], source_row=r["source_row"],
            cites=[Cite(**c) for c in r["cites"]], catalog=[c for c in r["catalog"] if c],
            duty_kinds=[k for k in r["duty_kinds"] if k]))
    return out
