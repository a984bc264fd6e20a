"""Reads of the current powers, shared by the analyses that work in Python (overlaps, chains, gaps).

Everything is read with `graph.read` (READ routing); the jurisdiction filter is a parameter. A
jurisdiction takes in the jurisdictions WITHIN it (克拉玛依市 includes its districts).

At scale nothing reads every power at once: `partitions` lists the departments of each jurisdiction
(with their number of powers) and packs whole jurisdictions into batches of about `BATCH` powers, so
an analysis whose findings live inside one jurisdiction (overlaps; the per-power gap rules) loads one
batch, finds what it holds and drops it. Chains span jurisdictions (a department and its counterpart
above), so they read every power but without citations (`cites=False`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kb.analyses.findings import power_ref
from kb.db import Graph
from kb.model import BOUNDARY_HEADERS, COOPERATING_HEADERS, in_force, normalise_level
from kb.places import Ambiguous, area_code, divisions

# From the place named down its tree (not every place up to the top: a province has 2,000 of them).
JURISDICTIONS = """
OPTIONAL MATCH (top:Jurisdiction) WHERE top.name = $jurisdiction OR top.code = $code
OPTIONAL MATCH (j:Jurisdiction)-[:WITHIN*0..8]->(top)
RETURN collect(DISTINCT j.name) AS names
"""

BATCH = 20_000  # powers per batch of whole jurisdictions (a larger jurisdiction is a batch of its own)

# A department's jurisdiction: its property, else its IN_JURISDICTION link.
DEPARTMENTS = """
MATCH (d:Department)
WITH d, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
WITH d, jurisdiction, COUNT { (d)-[:HOLDS]->(:Power) } AS powers WHERE powers > 0
RETURN jurisdiction, collect({name: d.name, powers: powers}) AS departments, sum(powers) AS powers
ORDER BY jurisdiction
"""

# The powers of some departments ($departments), or of the jurisdictions asked for ($jurisdictions; all
# when both are null).
_HELD = """
MATCH (d:Department)-[:HOLDS]->(p:Power)
WHERE $departments IS NULL OR d.name IN $departments
WITH d, p, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
"""


def _kept_text(headers: tuple[str, ...]) -> str:
    """Cypher: the text of the column a power keeps under the first of `headers` it has (x_配合部门 …), "" when none.
    The headers are names of our own (kb.model), never input."""
    return "coalesce(" + ", ".join(f"p.`x_{h}`" for h in headers) + ", '')"


_KEPT_TEXTS = _kept_text(COOPERATING_HEADERS) + " AS cooperating, " + _kept_text(BOUNDARY_HEADERS) + " AS boundary,"
POWERS = _HELD + """
RETURN p.key AS key, coalesce(p.name, p.item_name, '') AS name,
       coalesce(p.item_name, p.name, '') AS item_name, coalesce(p.sub_item_name, '') AS sub_item_name,
       coalesce(p.type, '') AS type, coalesce(p.code, '') AS code, coalesce(p.level, '') AS level,
       coalesce(p.level_original, '') AS level_original, coalesce(d.level, '') AS department_level,
       coalesce(p.exercised_at, []) AS exercised_at, """ + _KEPT_TEXTS + """
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
# The same without the citations (chains: what links powers across levels needs no article).
POWERS_WITHOUT_CITES = POWERS.replace("""       [(p)-[c:CITES]->(l:Law) | {law: l.key, title: coalesce(l.title, c.law_title, l.key),
         loaded: coalesce(l.loaded, false), article: c.article, label: coalesce(c.article_label, ''),
         text: coalesce(c.text, ''), version_note: coalesce(c.version_note, ''),
         field: coalesce(c.field, 'basis')}] AS cites,
""", "       [] AS cites,\n").replace(_KEPT_TEXTS, "'' AS cooperating, '' AS boundary,")  # (the overlaps read them)
assert POWERS_WITHOUT_CITES.count("'' AS cooperating") == 1

# The same, of the powers named by $keys.
POWERS_BY_KEY_WITHOUT_CITES = POWERS_WITHOUT_CITES.replace(_HELD, """
UNWIND $keys AS key
MATCH (d:Department)-[:HOLDS]->(p:Power {key: key})
WITH d, p, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
""")
assert POWERS_BY_KEY_WITHOUT_CITES != POWERS_WITHOUT_CITES

# As of a date: the powers of the list versions in force on $as_of (kb.model.in_force) instead of the
# current ones; chains read them without citations.
_IN_FORCE = f"""
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE {in_force('v')} AND ($departments IS NULL OR d.name IN $departments)
WITH d, p, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
"""
POWERS_AS_OF_WITHOUT_CITES = POWERS_WITHOUT_CITES.replace(_HELD, _IN_FORCE)
assert POWERS_AS_OF_WITHOUT_CITES != POWERS_WITHOUT_CITES

# The citations of some powers (consistency reads them for chain members only), without the cited
# text and version note, which it does not compare: on the province those were most of what was read.
CITES_OF = """
UNWIND $keys AS key
MATCH (p:Power {key: key})
RETURN p.key AS key,
       [(p)-[c:CITES]->(l:Law) | {law: l.key, title: coalesce(l.title, c.law_title, l.key),
         loaded: coalesce(l.loaded, false), article: c.article, label: coalesce(c.article_label, ''),
         text: '', version_note: '', field: coalesce(c.field, 'basis')}] AS cites
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
    exercised_at: list[str] = field(default_factory=list)  # the levels its 实施层级 names (省级、市级、县级); [] when none
    cooperating: str = ""  # 配合部门 as published
    boundary: str = ""  # 职责边界 as published

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
    if text.isdecimal():
        return area_code(text) or None
    try:
        place = divisions().resolve(text)
    except Ambiguous:
        return None
    return place.code if place else None


# A place as the graph names it: its name or its area code (at any length, or that of the one place of China's
# divisions a short name stands for: 河北 → 130000); else the places whose names end with it (滨海新区 of 天津市滨海新区).
PLACE_NAMED = """
OPTIONAL MATCH (exact:Jurisdiction) WHERE exact.name = $name OR (exact.code IS NOT NULL AND exact.code = $code)
WITH collect(exact.name) AS exact
OPTIONAL MATCH (j:Jurisdiction) WHERE size(exact) = 0 AND (j.name ENDS WITH $name OR j.name IN $spelled)
RETURN exact, collect(j.name)[..12] AS ending
"""
# the endings a county's or a township's short name leaves out (正定 → 正定县, 渝中 → 渝中区)
_SHORT_ENDINGS = ("县", "区", "市", "旗", "镇", "乡", "街道")


def place_in_graph(graph: Graph, text: str) -> tuple[str | None, list[str]]:
    """(the graph's name of the place `text` names, the places it could be when it names several): by its name, its
    area code at any length (130000, 430200000000), a short name of one of China's places (河北, 石家庄) or of one
    place in the graph (正定 of 正定县), or the end of one place's name in the graph (滨海新区 of 天津市滨海新区)."""
    text = (text or "").strip()
    if not text:
        return None, []
    row = graph.read(PLACE_NAMED, name=text, code=place_code(text) or text,
                     spelled=[text + e for e in _SHORT_ENDINGS if not text.endswith(e)])[0]
    if row["exact"]:
        return (text if text in row["exact"] else min(row["exact"])), []
    if len(row["ending"]) == 1:
        return row["ending"][0], []
    return None, row["ending"]


def jurisdiction_names(graph: Graph, jurisdiction: str | None) -> list[str] | None:
    """The jurisdiction (by name or area code at any level) and every one within it; None means all."""
    if not jurisdiction:
        return None
    rows = graph.read(JURISDICTIONS, jurisdiction=jurisdiction.strip(), code=place_code(jurisdiction))
    return rows[0]["names"] if rows and rows[0]["names"] else [jurisdiction]


# The places above a jurisdiction (by name or area code): its line up to the top
ANCESTORS = """
MATCH (j:Jurisdiction) WHERE j.name = $jurisdiction OR j.code = $code
MATCH (j)-[:WITHIN*1..8]->(up:Jurisdiction)
RETURN collect(DISTINCT up.name) AS names
"""


def ancestor_names(graph: Graph, jurisdiction: str) -> list[str]:
    """The places above the jurisdiction (by name or area code), up to the top of its tree."""
    rows = graph.read(ANCESTORS, jurisdiction=jurisdiction.strip(), code=place_code(jurisdiction))
    return rows[0]["names"] if rows else []


def department_sizes(graph: Graph, jurisdiction: str | None = None, places: list[str] | None = None) -> dict[str, int]:
    """The departments holding current powers in the jurisdiction (all when None; `places`: in these), with how many."""
    rows = graph.read(DEPARTMENTS, jurisdictions=places if places is not None else jurisdiction_names(graph, jurisdiction))
    return {d["name"]: d["powers"] for r in rows for d in r["departments"]}


def partitions(graph: Graph, jurisdiction: str | None = None, batch: int = BATCH) -> Iterator[list[str]]:
    """Departments in batches of whole jurisdictions, about `batch` powers each (in jurisdiction order)."""
    rows = graph.read(DEPARTMENTS, jurisdictions=jurisdiction_names(graph, jurisdiction))
    departments: list[str] = []
    size = 0
    for r in rows:
        if departments and size + r["powers"] > batch:
            yield departments
            departments, size = [], 0
        departments += [d["name"] for d in r["departments"]]
        size += r["powers"]
    if departments:
        yield departments


def load_cites(graph: Graph, keys: list[str], batch: int = 5_000) -> dict[str, list[Cite]]:
    """The citations of the powers named by `keys`: law, article and field, the cited text left empty."""
    out: dict[str, list[Cite]] = {}
    for i in range(0, len(keys), batch):
        for r in graph.read(CITES_OF, keys=keys[i:i + batch]):
            out[r["key"]] = [Cite(**c) for c in r["cites"]]
    return out


def load_powers(graph: Graph, jurisdiction: str | None = None, cites: bool = True,
                as_of: str | None = None) -> list[PowerRow]:
    """Every current power of the jurisdiction (all when None); `cites=False` leaves the citations out.
    With `as_of` (YYYY-MM-DD; only without citations) the powers of the versions in force that day."""
    if as_of:
        if cites:
            raise ValueError("powers as of a date are read without their citations")
        return rows_to_powers(graph.read(POWERS_AS_OF_WITHOUT_CITES, departments=None, as_of=as_of,
                                         jurisdictions=jurisdiction_names(graph, jurisdiction)))
    return rows_to_powers(graph.read(POWERS if cites else POWERS_WITHOUT_CITES, departments=None,
                            jurisdictions=jurisdiction_names(graph, jurisdiction)))


def rows_to_powers(rows: list[dict]) -> list[PowerRow]:
    out = []
    for r in rows:
        level = normalise_level(r["level"], r["department_level"]) or normalise_level(r["department_level"])
        out.append(PowerRow(
            key=r["key"], name=r["name"], item_name=r["item_name"], sub_item_name=r["sub_item_name"],
            type=r["type"], code=r["code"].strip(), level=level, department=r["department"],
            jurisdiction=r["jurisdiction"], level_original=r["level_original"], source_file=r["source_file"],
            source_sheet=r["source_sheet"], source_row=r["source_row"],
            cites=[Cite(**c) for c in r["cites"]], catalog=[c for c in r["catalog"] if c],
            duty_kinds=[k for k in r["duty_kinds"] if k], exercised_at=list(r.get("exercised_at") or []),
            cooperating=r.get("cooperating") or "", boundary=r.get("boundary") or ""))
    return out
