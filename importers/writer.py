"""The one place that writes parsed documents to the graph.

Each file is written in ONE explicit transaction, in batches of `UNWIND $rows AS row …`: what several
files share (jurisdictions, departments, units, laws, articles, catalogue items, Things) is MERGEd on
its key, what the file brings (its ListVersion, powers, duties, accountability, delegations) is
CREATEd, since a version already in the graph is never written again (`unchanged`). Nothing
is visible until the commit, so a refused file, a crash or a killed database mid-file leaves the graph
exactly as it was. Every node made from a file's content carries its `source_file` (and `source_sheet`,
`source_row` where it comes from a row); jurisdictions come from China's divisions (kb.places, with
the overrides of importers/mappings/jurisdictions.toml), each MERGEd with its code, level and the
`WITHIN` chain up to its province, and carry the run that made them (`created_by`) instead.

A list file whose records name several departments (a city's combined catalogue) is written as one
`ListVersion` per (file, department): each department's records are its own list version, superseding
that department's older versions only.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import neo4j
from importers.jurisdictions import jurisdiction_chain
from importers.onething import sector_words
from importers.records import Citation, GuideDocument, LawDocument, ListDocument, Record, ThingImplementation
from kb.db import Graph, Rows
from kb.lawtext import CHANGES, compare_articles
from kb.model import (
    COOPERATING_HEADERS,
    COUNTERPARTS_CYPHER,
    body_spellings,
    body_tail,
    counterpart_params,
    default_in_force_from,
    law_key,
    listing_order,
    text_key,
)
from kb.schema import MERGE_TEXTS as _MERGE_TEXTS

BATCH = 500
# The statements a list's import runs per file, planned once: the server would plan each again whenever the
# graph's counts have moved (an import moves them: 28 plans in one county's ten seconds, 0.1–0.3 s each, a
# third of the write). Each starts from its parameters through an index it names (USING INDEX) or a MERGE on a
# unique key, so its plan is the same at any size (tests/e2e/test_import.py checks every one's plan).
PLANNED_ONCE = "CYPHER replan=skip\n"
# One file is one transaction; a province-wide file may take longer than the server's default timeout.
IMPORT_TX_TIMEOUT = 3600.0
Progress = Callable[[int], None]  # called with the number of records just written
# Each distinct legal basis and duty of a batch, searchable once (kb.model SearchText).
MERGE_TEXTS = PLANNED_ONCE + _MERGE_TEXTS


@dataclass
class WriteResult:
    status: str  # imported / unchanged
    records: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    version_key: str = ""
    superseded: list[str] = field(default_factory=list)
    current: bool = True  # False when a newer version of the list was already there
    other_versions: list[str] = field(default_factory=list)  # versions of the other departments of the file
    same_as: str = ""  # unchanged: the file imported before whose records this one's are (another encoding, a copy)
    reviews: int = 0  # laws: citations queued for review (LawReview) by this new version


class _Counter:
    def __init__(self) -> None:
        self.nodes = self.rels = 0

    def add(self, summary: neo4j.ResultSummary) -> None:
        c = summary.counters
        self.nodes += c.nodes_created
        self.rels += c.relationships_created


def _run(tx: neo4j.Transaction, counter: _Counter, query: str, **params: object) -> list[dict]:
    result = tx.run(query, params)
    rows = [r.data() for r in result]
    counter.add(result.consume())
    return rows


def _batches(rows: list[dict], size: int = BATCH) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield Rows(rows[i:i + size])


def _unit(query: str) -> str:
    """A statement of the import as a unit subquery of a bigger one: one round trip for several."""
    return "CALL {\n" + query.removeprefix(PLANNED_ONCE) + "}\n"


# --- jurisdictions and departments -------------------------------------------------------------

MERGE_JURISDICTIONS = PLANNED_ONCE + """
UNWIND $chain AS j
MERGE (n:Jurisdiction {name: j.name})
  ON CREATE SET n.level = j.level, n.code = j.code, n.created_by = $run_id
SET n.level = coalesce(j.level, n.level), n.code = coalesce(j.code, n.code)
WITH collect(n) AS nodes
UNWIND range(1, size(nodes) - 1) AS i
WITH nodes[i] AS child, nodes[i - 1] AS parent
MERGE (child)-[:WITHIN]->(parent)
"""

MERGE_DEPARTMENT = PLANNED_ONCE + """
MATCH (j:Jurisdiction {name: $jurisdiction}) USING INDEX j:Jurisdiction(name)
MERGE (d:Department {name: $name})
  ON CREATE SET d.created_by = $run_id, d.jurisdiction = $jurisdiction, d.level = j.level,
                d.source_file = $source_file
MERGE (d)-[:IN_JURISDICTION]->(j)
"""

# A department's counterpart at the level above: the same body in the parent jurisdiction
# (浏阳市市场监督管理局 -> 长沙市市场监督管理局). Runs both ways so the order of imports does not matter.
# The same body: the name after its place's own name is one of $bodies, whatever places stand before
# (合肥市蜀山区住房和城乡建设局 in 蜀山区 and 合肥市住房和城乡建设局), in any spelling of it (a county's 发展和改革局
# and its city's 发展和改革委员会, a province's 水利厅 and a city's 水利局; importers.naming.counterpart_spellings, which the
# bulk importer uses too); a county's merged department (农业农村和水利局) keeps the bodies it joins (`merges`), which
# its city's 水利局, imported after it, finds.
LINK_COUNTERPARTS = PLANNED_ONCE + COUNTERPARTS_CYPHER

# The department of a place the graph holds under another spelling of the same body (克拉玛依市卫健委 for a
# file's 克拉玛依市卫生健康委员会): the file's records join it instead of making a second department. None
# when the graph has the name as it is. Each asked {name, jurisdiction, bodies} of a file in one read.
SAME_BODY = PLANNED_ONCE + """
UNWIND $asked AS q
CALL { WITH q
       OPTIONAL MATCH (same:Department {name: q.name}) USING INDEX same:Department(name)
       WITH q, same WHERE same IS NULL
       MATCH (place:Jurisdiction {name: q.jurisdiction})<-[:IN_JURISDICTION]-(d:Department)
       USING INDEX place:Jurisdiction(name)
       WHERE any(b IN q.bodies WHERE d.name ENDS WITH b AND left(d.name, size(d.name) - size(b)) ENDS WITH q.jurisdiction)
       RETURN d.name AS found ORDER BY found LIMIT 1 }
RETURN q.name AS name, q.jurisdiction AS jurisdiction, found
"""


def link_counterparts(run: Callable[..., object], name: str, jurisdiction: str) -> None:
    """LINK_COUNTERPARTS for the department `name` of `jurisdiction`, through `run(query, **params)`."""
    run(LINK_COUNTERPARTS, **counterpart_params(name, jurisdiction))


def same_bodies(read: Callable[..., list[dict]], asked: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(name, place): the name the graph holds that department under} for each asked department `name` of
    `place` that the graph holds under another spelling of the same body (SAME_BODY, one read)."""
    queries = [{"name": n, "jurisdiction": p, "bodies": b} for n, p in dict.fromkeys(asked)
               if (b := body_spellings(n, p))]
    rows = read(SAME_BODY, asked=queries) if queries else []
    return {(r["name"], r["jurisdiction"]): r["found"] for r in rows if r["found"]}


def same_body(read: Callable[..., list[dict]], name: str, jurisdiction: str) -> str | None:
    """The name the graph holds the department `name` of `jurisdiction` under, when it is another
    spelling of the same body (SAME_BODY); None when there is none or the name is the graph's own."""
    return same_bodies(read, [(name, jurisdiction)]).get((name, jurisdiction))


MERGE_DEPARTMENT_NOWHERE = PLANNED_ONCE + """
MERGE (d:Department {name: $name})
  ON CREATE SET d.created_by = $run_id, d.jurisdiction = '', d.level = $level, d.source_file = $source_file
"""


def _ensure_department(tx: neo4j.Transaction, c: _Counter, name: str, jurisdiction: str,
                       level: str, run_id: str, source_file: str) -> None:
    chain = jurisdiction_chain(jurisdiction, level) if jurisdiction else []
    if not chain:  # the place is unknown: no made-up Jurisdiction (the import reported a warning)
        _run(tx, c, MERGE_DEPARTMENT_NOWHERE, name=name, level=level or "", run_id=run_id, source_file=source_file)
        return
    place = chain[-1]["name"]
    _run(tx, c, ENSURE_DEPARTMENT, chain=chain, run_id=run_id, jurisdiction=place, source_file=source_file,
         spellings=[place + b for b in body_spellings(name, place)], **counterpart_params(name, place))


# --- lists ------------------------------------------------------------------------------------

FIND_VERSION = PLANNED_ONCE + "MATCH (v:ListVersion {key: $key}) USING INDEX v:ListVersion(key) RETURN v.key AS key"

def retire_contents(version: str) -> str:
    """Cypher: the powers of the ListVersion bound to `version`, and what hangs on them, stop being
    current and leave their department's holdings (kept as history; a newer version or a revert)."""
    return f"""OPTIONAL MATCH ({version})-[:CONTAINS]->(p:Power)
SET p.current = false
WITH {version}, p
OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY|HAS_ACCOUNTABILITY]->(x)
SET x.current = false
WITH {version}, p
OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
SET dl.current = false
WITH {version}, p
OPTIONAL MATCH (:Department)-[h:HOLDS]->(p)
DELETE h
"""


# Versions by label (the year): a strictly newer label replaces the current versions; the same label
# (or no label) is another part of the same version (many places publish one file per power type),
# so both stay current; a strictly older label is imported as history, superseded by what is current.
CREATE_VERSION = PLANNED_ONCE + """
MATCH (d:Department {name: $department}) USING INDEX d:Department(name)
WITH d, [(d)<-[:LIST_OF]-(cur:ListVersion) WHERE cur.current | cur] AS current
WITH d, [o IN current WHERE $version <> '' AND o.version <> '' AND o.version < $version] AS older,
        [o IN current WHERE $version <> '' AND o.version <> '' AND o.version > $version] AS newer
CREATE (v:ListVersion {key: $key, department: $department, version: $version, title: $title,
        sha256: $sha256, content: $content, source_file: $source_file, mapping: $mapping, container: $container,
        fields: $fields, records: $records, imported_at: datetime(), import_run: $run_id, current: size(newer) = 0,
        in_force_from: $in_force_from})
CREATE (v)-[:LIST_OF]->(d)
FOREACH (n IN newer | MERGE (n)-[:SUPERSEDES]->(v))
WITH v, older
UNWIND older AS old
SET old.current = false
MERGE (v)-[:SUPERSEDES]->(old)
WITH old
""" + retire_contents("old") + """RETURN DISTINCT old.key AS key
"""

# A version is in force until the next later in_force_from among its department's versions; returns
# whether the version `$key` is current. A version whose import was reverted (importers.revert) keeps
# its empty interval and moves no other version's end.
IN_FORCE_UNTIL = PLANNED_ONCE + """
MATCH (dep:Department {name: $department})<-[:LIST_OF]-(v:ListVersion) USING INDEX dep:Department(name)
WHERE NOT coalesce(v.retired, false)
WITH collect(v) AS versions
UNWIND versions AS v
WITH v, [w IN versions WHERE w.in_force_from IS NOT NULL AND v.in_force_from IS NOT NULL
         AND w.in_force_from > v.in_force_from | w.in_force_from] AS later
SET v.in_force_until = reduce(m = null, x IN later | CASE WHEN m IS NULL OR x < m THEN x ELSE m END)
WITH v WHERE v.key = $key
RETURN v.current AS current
"""

# A batch of a list's powers, with what hangs on them, after the distinct texts they hold (MERGE_TEXTS).
WRITE_POWERS = PLANNED_ONCE + _unit(MERGE_TEXTS) + """
MATCH (v:ListVersion {key: $version_key})-[:LIST_OF]->(d:Department) USING INDEX v:ListVersion(key)
UNWIND $rows AS row
CREATE (p:Power)
SET p = row.props, p.current = v.current, p.department = d.name, p.jurisdiction = d.jurisdiction
CREATE (v)-[:CONTAINS]->(p)
FOREACH (_ IN CASE WHEN v.current THEN [1] ELSE [] END | CREATE (d)-[:HOLDS]->(p))
FOREACH (u IN row.units |
  MERGE (un:Unit {key: d.name + '/' + u})
    ON CREATE SET un.name = u, un.department = d.name, un.source_file = row.props.source_file
  MERGE (un)-[:PART_OF]->(d)
  CREATE (p)-[:HANDLED_BY]->(un))
FOREACH (r IN row.duties |
  CREATE (rs:Responsibility)
  SET rs = r, rs.current = v.current, rs.source_file = row.props.source_file,
      rs.source_sheet = row.props.source_sheet, rs.source_row = row.props.source_row
  CREATE (p)-[:HAS_RESPONSIBILITY]->(rs))
FOREACH (a IN row.accountability |
  CREATE (ac:Accountability)
  SET ac = a, ac.current = v.current, ac.source_file = row.props.source_file,
      ac.source_sheet = row.props.source_sheet, ac.source_row = row.props.source_row
  CREATE (p)-[:HAS_ACCOUNTABILITY]->(ac))
FOREACH (c IN row.citations |
  MERGE (l:Law {key: c.law_key})
    ON CREATE SET l.title = c.law_title, l.loaded = false, l.source_file = row.props.source_file,
                  l.source_sheet = row.props.source_sheet, l.source_row = row.props.source_row
  CREATE (p)-[:CITES {field: c.field, article: c.article, article_label: c.article_label, tag: c.tag,
                      text: c.text, version_note: c.version_note, sub_article: c.sub_article,
                      law_title: c.law_title, article_key: c.law_key + '#' + toString(c.article),
                      order: {order}}]->(l))
// catalogue items and delegations named in the records (extra columns), with the power that names
// them: the power is new, so its links are CREATEd (no lookup of the power by key per row)
FOREACH (ci IN row.catalogue |
  MERGE (c:CatalogItem {key: ci.code})
    ON CREATE SET c.code = ci.code, c.name = ci.item_name, c.type = ci.type, c.source_file = row.props.source_file,
                  c.source_sheet = row.props.source_sheet, c.source_row = row.props.source_row
  CREATE (p)-[:IMPLEMENTS {catalog: c.key, order: {order}}]->(c))
FOREACH (x IN row.delegations |
  CREATE (dl:Delegation {key: row.props.key + '#delegation', manner: x.manner, date: x.date,
          from_body: x.from_body, to_body: d.name, to_level: row.props.level, from_level: x.from_level,
          source_file: row.props.source_file, source_sheet: row.props.source_sheet,
          source_row: row.props.source_row, current: v.current})
  CREATE (dl)-[:TO_POWER]->(p)
  FOREACH (_ IN CASE WHEN v.current THEN [1] ELSE [] END | CREATE (dl)-[:TO_DEPARTMENT]->(d)))
WITH p, row
UNWIND row.citations AS c
MATCH (a:Article {key: c.law_key + '#' + toString(c.article)}) USING INDEX a:Article(key)
MERGE (p)-[:BASED_ON {field: c.field}]->(a)
""".replace("{order}", listing_order("p"))

# The delegating body may be imported before or after the receiving one: after every import run, the
# delegations of the departments it wrote are linked, both ways: those their powers received, and
# those other departments received from them (idempotent; a delegation stays pending until its body
# and its item are there). Bounded by the run, not by the graph: a province holds 80,000 delegations.
LINK_DELEGATIONS = PLANNED_ONCE + """
UNWIND $departments AS name
CALL { WITH name
       MATCH (dep:Department {name: name})-[:HOLDS]->(:Power)<-[:TO_POWER]-(dl:Delegation)
       USING INDEX dep:Department(name) RETURN dl
       UNION
       WITH name MATCH (dl:Delegation {from_body: name}) USING INDEX dl:Delegation(from_body) RETURN dl }
WITH DISTINCT dl
MATCH (dl)-[:TO_POWER]->(p:Power)
WHERE dl.from_body <> '' AND NOT (dl)-[:FROM_POWER]->()
MATCH (src:Department {name: dl.from_body}) USING INDEX src:Department(name)
MERGE (dl)-[:FROM_DEPARTMENT]->(src)
// the delegating department's power of the same catalogue item, else of the same code, else of the same name (a
// township's list that names the delegating body and the item as it does, without a catalogue code: 港沟街道's
// 食品生产经营监督检查 from 历城区市场监督管理局): sought in its holdings (a few hundred) read once for all its
// delegations, not from the item (held at every level and in every township) nor by a code's or a name's index (every
// township's power of that code), and not once a delegation (a county's 1,282: a third of its import's time)
WITH src, collect([dl, p]) AS pending
WITH src, pending, [(src)-[:HOLDS]->(u:Power) | {power: u, code: coalesce(u.code, ''), name: u.name,
                                                  items: [(u)-[:IMPLEMENTS]->(c:CatalogItem) | c.key]}] AS held
UNWIND pending AS pair
WITH held, pair[0] AS dl, pair[1] AS p
WITH held, dl, p, [(p)-[:IMPLEMENTS]->(c:CatalogItem) | c.key] AS items, coalesce(p.code, '') AS code
WITH dl, head([h IN held WHERE any(c IN h.items WHERE c IN items) | h.power]
              + [h IN held WHERE code <> '' AND h.code = code | h.power]
              + [h IN held WHERE h.name = p.name | h.power]) AS found
FOREACH (_ IN CASE WHEN found IS NULL THEN [] ELSE [1] END | MERGE (dl)-[:FROM_POWER]->(found))
"""

# A delegation whose list names no delegating body (贡江镇's 权力来源 委托, and no 委托部门): the power of the same name, or
# code, in the lists of the place just above the receiving one (the county of a township), when one department there
# holds it (or one of those holding it is the body its 配合部门 names: 县市场监督管理局). Sought both ways, as
# LINK_DELEGATIONS: the receiving department's own delegations, and those of the places within the run's places; and
# decided again when the lists above change (a second body there holding the name: the one the 配合部门 names, or
# none), so that the order the lists came in does not matter.
UNNAMED_DELEGATIONS = """
CALL { UNWIND $departments AS name
       MATCH (d:Department {name: name})-[:HOLDS]->(p:Power)<-[:TO_POWER]-(dl:Delegation)
       WHERE coalesce(dl.from_body, '') = '' RETURN dl, p
       UNION
       MATCH (dl:Delegation {from_body: ''})-[:TO_POWER]->(p:Power)
       WHERE EXISTS { MATCH (:Jurisdiction {name: p.jurisdiction})-[:WITHIN]->(j:Jurisdiction) WHERE j.name IN $places }
       RETURN dl, p }
WITH DISTINCT dl, p WHERE p.current AND (dl.from_found IS NOT NULL OR NOT (dl)-[:FROM_POWER]->())
MATCH (:Jurisdiction {name: p.jurisdiction})-[:WITHIN]->(parent:Jurisdiction)
CALL { WITH p, parent
       MATCH (up:Power {name: p.name}) WHERE up.jurisdiction = parent.name AND up.current RETURN up, false AS by_code
       UNION
       WITH p, parent
       MATCH (up:Power {code: p.code}) WHERE coalesce(p.code, '') <> '' AND up.jurisdiction = parent.name AND up.current
       RETURN up, true AS by_code
       UNION
       WITH p RETURN null AS up, false AS by_code }  // (the row stays when none is left: a link found before is undone)
OPTIONAL MATCH (up)<-[:HOLDS]-(src:Department)
WITH dl, p, up, by_code, src ORDER BY up.key
RETURN dl.key AS key, [h IN $headers | coalesce(p['x_' + h], '')] AS cooperating,
       [(dl)-[:FROM_POWER]->(now:Power) | now.key] AS linked,
       collect(CASE WHEN src IS NULL THEN null ELSE {department: src.name, jurisdiction: src.jurisdiction, power: up.key,
               by_code: by_code, same_name: up.name = p.name} END) AS found
"""
PLACES_OF = "UNWIND $departments AS name MATCH (d:Department {name: name}) RETURN collect(DISTINCT d.jurisdiction) AS places"
LINK_FOUND = """
UNWIND $links AS l
MATCH (dl:Delegation {key: l.key})
OPTIONAL MATCH (dl)-[old:FROM_POWER|FROM_DEPARTMENT]->()
DELETE old
WITH DISTINCT dl, l
SET dl.from_found = CASE WHEN l.power IS NULL THEN null WHEN l.by_code THEN 'code' ELSE 'name' END
WITH dl, l WHERE l.power IS NOT NULL
MATCH (up:Power {key: l.power})
MATCH (src:Department {name: l.department})
CREATE (dl)-[:FROM_POWER]->(up)
CREATE (dl)-[:FROM_DEPARTMENT]->(src)
"""
ALL_DEPARTMENTS = "MATCH (d:Department) RETURN d.name AS name ORDER BY name"
LINK_BATCH = 200  # departments per transaction when every department's delegations are linked


def link_pending(graph: Graph, departments: Iterable[str] | None = None) -> None:
    """Link the delegations of ``departments`` (None: of every department, in batches: the bulk path)."""
    names = sorted(set(departments)) if departments is not None else [r["name"] for r in graph.read(ALL_DEPARTMENTS)]
    for i in range(0, len(names), LINK_BATCH):
        with graph.transaction(timeout=IMPORT_TX_TIMEOUT) as tx:
            batch = names[i:i + LINK_BATCH]
            tx.run(LINK_DELEGATIONS, departments=batch).consume()
            places = tx.run(PLACES_OF, departments=batch).single()["places"]
            found = [r.data() for r in tx.run(UNNAMED_DELEGATIONS, departments=batch, places=places,
                                              headers=list(COOPERATING_HEADERS))]
            links = []
            for r in found:
                if len(r["linked"]) > 1:
                    continue  # (a power above revised since: the link's history, kept as the revision left it)
                link = delegating_power(r["found"], r["cooperating"]) or {"power": None, "department": None}
                if link["power"] not in (r["linked"] or [None]):  # (a new one, another, or none now)
                    links.append(dict(link, key=r["key"]))
            if links:
                tx.run(LINK_FOUND, links=links).consume()
            tx.commit()


_BODIES_SAID = re.compile(r"[、，,；;/\s]+")


def delegating_power(found: list[dict], cooperating: list[str]) -> dict | None:
    """The power above that a delegation naming no body came from, of `found` (UNNAMED_DELEGATIONS' rows, by key):
    those of the same code before those of the same name, and of those the one of the same name; one department's (the
    one the 配合部门 names, of several), else none."""
    if not found:
        return None
    found = [f for f in found if f["by_code"]] or found
    found = [f for f in found if f["same_name"]] or found  # (of one code's sub-items, the one of its name: 变更 to 变更)
    departments = {f["department"]: f["jurisdiction"] or "" for f in found}
    if len(departments) > 1:
        said = [b for text in cooperating for b in _BODIES_SAID.split(text) if b]
        named = [d for d, place in departments.items() if _names_body(d, place, said)]
        if len(named) != 1:
            return None
        departments = {named[0]: departments[named[0]]}
    return next(f for f in found if f["department"] in departments)


def _names_body(department: str, place: str, said: list[str]) -> bool:
    """Whether one of the bodies `said` (县市场监督管理局, 于都县市场监督管理局, 市场监管局) is `department` of `place`."""
    spellings = set(body_spellings(department, place))
    return any(b == department or b in spellings or b[1:] in spellings or body_tail(b, place) in spellings
               for b in said)


_CITATION_FIELDS = tuple(f.name for f in fields(Citation))


@lru_cache(maxsize=8192)
def _citation_row(c: Citation, field_name: str) -> dict:
    """A citation as the statement reads it; a citation is shared by the records whose cells read the same
    (importers/lists.py), and so is its row (read, never changed)."""
    row = {f: getattr(c, f) for f in _CITATION_FIELDS}
    row["field"] = field_name
    row["law_key"] = law_key(c.law_title)
    return row


def _citation_rows(citations: Iterable[Citation], field_name: str) -> list[dict]:
    return [_citation_row(c, field_name) for c in citations]


@lru_cache(maxsize=64)
def _file_name(path: str) -> str:
    return Path(path).name


def power_row(doc: ListDocument, version_key: str, rec: Record, run_id: str) -> dict:
    key = f"{version_key}#{rec.position:05d}"
    props = {
        "key": key, "name": rec.name, "item_name": rec.item_name, "sub_item_name": rec.sub_item_name,
        "seq": rec.seq, "code": rec.code, "type": rec.type, "type_code": rec.type_code,
        "type_original": rec.type_original, "basis_text": rec.basis_text, "holder": rec.holder,
        "unit": rec.unit, "level": rec.level, "level_original": rec.level_original, "scope": rec.scope,
        "duty_statement": rec.duty_statement, "responsibility_text": rec.responsibility_text,
        "supervision_text": rec.supervision_text,
        "responsibility_basis_text": rec.responsibility_basis_text, "remarks": rec.remarks,
        "version": doc.version, "source_file": _file_name(doc.path), "source_sheet": rec.sheet,
        "source_row": rec.row, "position": rec.position, "import_run": run_id,
        "basis_key": text_key(rec.basis_text),
        "exercised_at": rec.exercised_at or None,  # no empty list stored: an absent property reads as none named
    }
    for k, v in rec.extra.items():
        props[f"x_{k}"] = v
    duties = duty_rows(key, rec.responsibilities)
    accountability = []
    if rec.accountability_subjects or rec.accountability_situations:
        accountability.append({"key": f"{key}#a", "subjects": rec.accountability_subjects,
                               "text": rec.accountability_situations, "power_key": key})
    extra = rec.extra
    catalogue = ([{"code": extra["catalog_code"], "item_name": rec.item_name, "type": rec.type}]
                 if extra.get("catalog_code") else [])
    delegations = ([{"manner": extra["delegation_manner"], "date": extra.get("delegation_date", ""),
                     "from_body": extra.get("delegated_from", ""), "from_level": extra.get("delegated_from_level", "")}]
                   if extra.get("delegation_manner") else [])
    return {"props": props, "units": split_units(rec.unit), "duties": duties, "accountability": accountability,
            "citations": _citation_rows(rec.citations, "basis")
            + _citation_rows(rec.responsibility_citations, "responsibility_basis"),
            "catalogue": catalogue, "delegations": delegations}


def duty_rows(power_key: str, duties: Iterable) -> list[dict]:
    """The Responsibility nodes of a power's duties (importers.duties.Duty), each keyed to its text."""
    return [{"key": f"{power_key}#r{i}", "seq": d.seq, "kind": d.kind, "stage": d.stage, "text": d.text,
             "text_key": text_key(d.text), "power_key": power_key} for i, d in enumerate(duties)]


def text_rows(texts: Iterable[str]) -> list[dict]:
    """MERGE_TEXTS's rows for `texts`: each distinct non-empty text with its key."""
    return [{"key": text_key(t), "text": t} for t in dict.fromkeys(texts) if t]


def searchable_texts(rows: Iterable[dict]) -> list[dict]:
    """The distinct searchable texts of power rows (power_row): each power's legal basis and each duty's
    text, by key (MERGE_TEXTS writes them)."""
    out: dict[str, str] = {}
    for row in rows:
        props = row["props"]
        if props.get("basis_key"):
            out.setdefault(props["basis_key"], props["basis_text"])
        for d in row["duties"]:
            if d["text_key"]:
                out.setdefault(d["text_key"], d["text"])
    return [{"key": k, "text": t} for k, t in out.items()]


UNIT_SEPARATORS = "、，,；;"
_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]", "《": "》"}


def split_units(text: str) -> list[str]:
    """The units a 承办机构 cell names (危化科、基础科、执法支队 → three), in order, each once; a
    separator inside brackets (执法支队（一大队、二大队）) does not split, and whitespace inside a name
    (a wrapped cell: 政策法\n规科) is dropped."""
    if not text or not any(ch in UNIT_SEPARATORS for ch in text):
        name = "".join((text or "").split())
        return [name] if name else []
    parts, current, closing = [], [], []
    for ch in text:
        if ch in _BRACKETS:
            closing.append(_BRACKETS[ch])
        elif closing and ch == closing[-1]:
            closing.pop()
        if ch in UNIT_SEPARATORS and not closing:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return list(dict.fromkeys(p for p in ("".join(part.split()) for part in parts) if p))


def version_key(doc: ListDocument, department: str | None = None) -> str:
    """The key of the file's list version of `department` (the file's own department by default)."""
    return f"{department or doc.department}|{doc.version or 'unversioned'}|{doc.sha256[:12]}"


def departments_of(doc: ListDocument) -> list[dict]:
    """{name, jurisdiction, level, records} of each department the file's records belong to."""
    if doc.departments:
        return doc.departments
    return [{"name": doc.department, "jurisdiction": doc.jurisdiction, "level": doc.jurisdiction_level,
             "records": len(doc.records)}]


def settle_departments(find: Callable[[str, str], str | None], doc: ListDocument) -> dict[str, str]:
    """The file's departments the graph holds under another spelling of the same body in the same place
    (`find(name, place)`: same_body, or the bulk importer's own), renamed in `doc` to the graph's name: its
    own department, its departments' entries and its records. {the file's name: the graph's} — the import
    report says so (doc.settled)."""
    renamed = {}
    for dep in departments_of(doc):
        chain = jurisdiction_chain(dep["jurisdiction"], dep["level"]) if dep["jurisdiction"] else []
        found = find(dep["name"], chain[-1]["name"]) if chain else None
        if found:
            renamed[dep["name"]] = found
    if not renamed:
        return renamed
    merged: dict[str, dict] = {}
    for dep in departments_of(doc):
        name = renamed.get(dep["name"], dep["name"])
        if name in merged:  # two spellings in one file, one department in the graph
            merged[name]["records"] += dep["records"]
        else:
            merged[name] = {**dep, "name": name}
    doc.departments = list(merged.values()) if doc.departments else []
    doc.department = renamed.get(doc.department, doc.department)
    for rec in doc.records:
        if rec.department:
            rec.department = renamed.get(rec.department, rec.department)
    doc.settled.update(renamed)
    return renamed


def settle_all(read: Callable[..., list[dict]], doc: ListDocument) -> None:
    """settle_departments and settle_delegating_bodies with what the graph holds, asked in one read."""
    asked: list[tuple[str, str]] = []
    settle_departments(lambda name, place: asked.append((name, place)), doc)  # None: nothing renamed yet
    settle_delegating_bodies(lambda name, place: asked.append((name, place)), doc)
    found = same_bodies(read, asked)
    settle_departments(lambda name, place: found.get((name, place)), doc)
    settle_delegating_bodies(lambda name, place: found.get((name, place)), doc)


def settle_delegating_bodies(find: Callable[[str, str], str | None], doc: ListDocument) -> None:
    """A delegating body a record names (原实施主体, completed with the county: importers.lists) that the graph
    holds under another spelling of the same body (醴陵市城管执法局 for 醴陵市城市管理和综合执法局) is named as the
    graph names it, so the delegation finds its department (`find` as for settle_departments)."""
    places = [c["name"] for c in jurisdiction_chain(doc.jurisdiction, doc.jurisdiction_level)] if doc.jurisdiction else []
    settled: dict[str, str] = {}
    for rec in doc.records:
        body = rec.extra.get("delegated_from", "")
        if not body:
            continue
        if body not in settled:
            place = next((p for p in reversed(places) if p in body), None)
            settled[body] = (find(body, place) if place else None) or body
        rec.extra["delegated_from"] = settled[body]


# Delegations waiting for a department named in another spelling of the same body (a township's list read
# before its county's): they name the department as the graph does from now on (LINK_DELEGATIONS links them).
RENAME_PENDING = PLANNED_ONCE + """
MATCH (dl:Delegation) USING INDEX dl:Delegation(from_body) WHERE dl.from_body IN $spellings AND dl.from_body <> $name AND NOT (dl)-[:FROM_DEPARTMENT]->()
SET dl.from_body = $name
"""


# A list's department, its place up to the province, its counterparts and the delegations waiting for it
# under another spelling: one statement per department of a file.
ENSURE_DEPARTMENT = PLANNED_ONCE + "".join(map(_unit, (MERGE_JURISDICTIONS, MERGE_DEPARTMENT, LINK_COUNTERPARTS,
                                                      RENAME_PENDING)))


def write_list(graph: Graph, doc: ListDocument, run_id: str, progress: Progress | None = None,
               in_force_from: str | None = None, tx: neo4j.Transaction | None = None) -> WriteResult:
    """One file's records; its versions are in force from `in_force_from` (else 1 January of the
    version's year; none without a year). In a transaction of its own, or in `tx` when given (a
    group of files written together: the caller commits, or rolls back and writes them one by one)."""
    if tx is None:
        with graph.transaction(timeout=IMPORT_TX_TIMEOUT) as own:
            result = write_list(graph, doc, run_id, progress, in_force_from, tx=own)
            if result.status == "imported":
                own.commit()
        return result
    settle_all(lambda q, **p: _run(tx, _Counter(), q, **p), doc)
    key = version_key(doc, departments_of(doc)[0]["name"])  # the file's own department, when it has records
    if _run(tx, _Counter(), FIND_VERSION, key=key):
        return WriteResult("unchanged", records=len(doc.records), version_key=key)
    contents = {dep["name"]: content_key(records_of(doc, dep["name"])) for dep in departments_of(doc)}
    same = _same_content(lambda q, **p: _run(tx, _Counter(), q, **p), doc, contents)
    if same:
        return WriteResult("unchanged", records=len(doc.records), version_key=same["key"], same_as=same["file"])
    counter = _Counter()
    result = WriteResult("imported", records=len(doc.records), version_key=key)
    for dep in departments_of(doc):
        dep_key = version_key(doc, dep["name"])
        records = records_of(doc, dep["name"])
        _write_version(tx, counter, doc, dep, dep_key, records, run_id, result, progress,
                       in_force_from or default_in_force_from(doc.version), contents[dep["name"]])
    _relink_items(tx, counter, doc, [version_key(doc, dep["name"]) for dep in departments_of(doc)], run_id)
    result.nodes_created, result.relationships_created = counter.nodes, counter.rels
    return result


# The items of the guides of a list's places and the places above them (not those an editor linked or unlinked), with
# the place of their guide: those of a code or name the new list's powers have are matched again among the powers of
# that code or name in their guide's place (as the guide's import matched them among all its place's: match_item), so
# the links do not depend on the order of the imports — and no import reads a city's every power for them.
LINE_ITEMS = """
UNWIND $places AS place
MATCH (j:Jurisdiction {name: place})-[:WITHIN*0..8]->(tj:Jurisdiction)<-[:IN_JURISDICTION]-(:Thing)-[:INCLUDES]->(s:ServiceItem)
WHERE NOT EXISTS { MATCH (:Edit {field: 'realises'})-[:EDITS]->(s) }
RETURN DISTINCT s.key AS key, coalesce(s.name, '') AS name, coalesce(s.code, '') AS code,
       coalesce(s.department, '') AS department, tj.name AS place
"""
# The current powers of some codes or names in a place and the places within it (the candidates of match_item)
NAMED_POWERS = """
MATCH (j:Jurisdiction {name: $place})
WITH [j.name] + [(c:Jurisdiction)-[:WITHIN*1..8]->(j) | c.name] AS within
CALL { UNWIND $codes AS code MATCH (p:Power {code: code}) RETURN p
       UNION UNWIND $codes AS code MATCH (:CatalogItem {code: code})<-[:IMPLEMENTS]-(p:Power) RETURN p
       UNION UNWIND $names AS name MATCH (p:Power {name: name}) RETURN p
       UNION UNWIND $names AS name MATCH (p:Power {item_name: name}) RETURN p }
WITH p, within WHERE p.current AND NOT coalesce(p.retired, false) AND p.jurisdiction IN within
MATCH (d:Department)-[:HOLDS]->(p)
"""
# What match_item reads of a power (PLACE_POWERS too)
_ITEM_POWER = """RETURN p.key AS key, coalesce(p.name, '') AS name, coalesce(p.item_name, '') AS item_name,
       coalesce(p.code, '') AS code, [(p)-[:IMPLEMENTS]->(ci:CatalogItem) | coalesce(ci.code, ci.key)] AS catalog,
       d.name AS department
"""
VERSION_POWERS = """
UNWIND $keys AS vkey
MATCH (d:Department)<-[:LIST_OF]-(:ListVersion {key: vkey})-[:CONTAINS]->(p:Power) WHERE p.current
""" + _ITEM_POWER
NAMED_POWERS += _ITEM_POWER
# An item's links made again: those an import made go, an editor's stay (WRITE_ITEMS too)
_REALISE = """WITH s, item
OPTIONAL MATCH (s)-[r:REALISES]->() WHERE coalesce(r.how, '') <> 'editor'
DELETE r
WITH DISTINCT s, item
UNWIND item.links AS link
MATCH (p:Power {key: link.power})
MERGE (s)-[r:REALISES]->(p)
  ON CREATE SET r.how = link.how, r.run = $run_id
"""
RELINK_ITEMS = """
UNWIND $items AS item
MATCH (s:ServiceItem {key: item.key})
""" + _REALISE


def _relink_items(tx: neo4j.Transaction, counter: _Counter, doc: ListDocument, keys: list[str], run_id: str) -> None:
    places = sorted({chain[-1]["name"] for dep in departments_of(doc) if dep["jurisdiction"]
                     for chain in [jurisdiction_chain(dep["jurisdiction"], dep["level"])] if chain})
    items = _run(tx, counter, LINE_ITEMS, places=places) if places else []
    if not items:
        return
    new = _run(tx, counter, VERSION_POWERS, keys=keys)
    codes = {c for p in new for c in (p["code"], *p["catalog"]) if c}
    spelled: dict[str, set[str]] = defaultdict(set)  # a name's careful key -> the names the new powers give it
    for p in new:
        for n in (p["name"], p["item_name"]):
            if n:
                spelled[item_name_key(n)].add(n)
    asked: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        if (item["code"] and item["code"] in codes) or item_name_key(item["name"]) in spelled:
            asked[item["place"]].append(item)
    linked = []
    for place, its in asked.items():
        names = {n for i in its for n in (i["name"], *spelled.get(item_name_key(i["name"]), ())) if n}
        powers = _run(tx, counter, NAMED_POWERS, place=place, codes=sorted({i["code"] for i in its if i["code"]}),
                      names=sorted(names))
        for item in its:
            how, found = match_item(item, powers)
            linked.append({"key": item["key"], "links": [{"power": k, "how": how} for k in found]})
    if linked:
        _run(tx, counter, RELINK_ITEMS, items=linked, run_id=run_id)


def content_key(records: list[Record]) -> str:
    """What a department's records say, whatever file, encoding or order of columns said it: two files of one key are
    one list (郑州's CSV saved again as Unicode text beside the first)."""
    said = sorted(json.dumps([r.name, r.type, r.code, r.basis_text, r.responsibility_text, r.supervision_text,
                              r.accountability_subjects, r.accountability_situations, r.level, r.remarks,
                              sorted(r.extra.items())], ensure_ascii=False) for r in records)
    return hashlib.sha256("\n".join(said).encode("utf-8")).hexdigest()


FIND_SAME_CONTENT = """
UNWIND $deps AS dep
MATCH (:Department {name: dep.name})<-[:LIST_OF]-(v:ListVersion {content: dep.content})
WHERE v.version = $version AND NOT coalesce(v.retired, false)
RETURN dep.name AS department, v.key AS key, v.source_file AS file
"""


def _same_content(read: Callable[..., list[dict]], doc: ListDocument, contents: dict[str, str]) -> dict | None:
    """The version an earlier file made of the same records (`contents`: department -> content_key) for each department
    of this one (same label), or None."""
    deps = [{"name": name, "content": content} for name, content in contents.items()]
    found = {r["department"]: r for r in read(FIND_SAME_CONTENT, deps=deps, version=doc.version)}
    return found[deps[0]["name"]] if deps and all(d["name"] in found for d in deps) else None


def records_of(doc: ListDocument, department: str) -> list[Record]:
    return [r for r in doc.records if (r.department or doc.department) == department]


def _write_version(tx: neo4j.Transaction, counter: _Counter, doc: ListDocument, dep: dict, key: str,
                   records: list[Record], run_id: str, result: WriteResult, progress: Progress | None,
                   in_force_from: str | None, content: str) -> None:
    """One department's records of a file (`content`: their content_key): its department, list version and powers."""
    _ensure_department(tx, counter, dep["name"], dep["jurisdiction"], dep["level"], run_id, Path(doc.path).name)
    rows = _run(tx, counter, CREATE_VERSION, department=dep["name"], key=key, version=doc.version,
                title=dep.get("title") or doc.title, sha256=doc.sha256, content=content,
                source_file=Path(doc.path).name, mapping=doc.mapping,
                container=doc.container, fields=doc.fields or None, records=len(records), run_id=run_id,
                in_force_from=in_force_from)
    # the in-force dates of the department's versions, and whether the new one is current
    current = _run(tx, counter, IN_FORCE_UNTIL, department=dep["name"], key=key)[0]["current"]
    result.superseded += [r["key"] for r in rows if r["key"]]
    if key == result.version_key:
        result.current = current
    else:
        result.other_versions.append(key)
    for batch in _batches(records):
        rows = Rows(power_row(doc, key, rec, run_id) for rec in batch)
        _run(tx, counter, WRITE_POWERS, version_key=key, rows=rows, texts=searchable_texts(rows))
        if progress:
            progress(len(batch))


# --- edits: a changed text re-derives what the import derived from it ---------------------------

REPLACE_CITATIONS = """
MATCH (p:Power {key: $key})
OPTIONAL MATCH (p)-[old:CITES|BASED_ON {field: $field}]->()
DELETE old
WITH DISTINCT p
UNWIND $citations AS c
MERGE (l:Law {key: c.law_key})
  ON CREATE SET l.title = c.law_title, l.loaded = false, l.source_file = p.source_file
CREATE (p)-[:CITES {field: c.field, article: c.article, article_label: c.article_label, tag: c.tag,
                    text: c.text, version_note: c.version_note, sub_article: c.sub_article,
                    law_title: c.law_title, article_key: c.law_key + '#' + toString(c.article),
                    order: {order}}]->(l)
WITH p, c
OPTIONAL MATCH (a:Article {key: c.law_key + '#' + toString(c.article)})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (p)-[:BASED_ON {field: c.field}]->(a))
""".replace("{order}", listing_order("p"))

# A power's listing order (kb.model.listing_order) on its citations and catalogue links again: after an
# edit of its name or level, and on the copies a new version of a list makes (importers.revisions).
SET_LISTING_ORDER = """
CALL { WITH p MATCH (p)-[r:CITES]->() SET r.order = {order} }
CALL { WITH p MATCH (p)-[r:IMPLEMENTS]->(c) SET r.order = {order}, r.catalog = c.key }
""".replace("{order}", listing_order("p"))

REPLACE_DUTIES = """
MATCH (p:Power {key: $key})
OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(old:Responsibility)
DETACH DELETE old
WITH DISTINCT p
UNWIND $duties AS d
CREATE (r:Responsibility)
SET r = d, r.current = p.current, r.source_file = p.source_file, r.source_sheet = p.source_sheet,
    r.source_row = p.source_row
CREATE (p)-[:HAS_RESPONSIBILITY]->(r)
"""

# The units (承办机构) as WRITE_POWERS links them: a Unit keyed department/unit, PART_OF the department.
REPLACE_UNIT = """
MATCH (p:Power {key: $key})
OPTIONAL MATCH (p)-[old:HANDLED_BY]->()
DELETE old
WITH DISTINCT p
MATCH (d:Department {name: p.department})
FOREACH (u IN $units |
  MERGE (un:Unit {key: d.name + '/' + u})
    ON CREATE SET un.name = u, un.department = d.name, un.source_file = p.source_file
  MERGE (un)-[:PART_OF]->(d)
  CREATE (p)-[:HANDLED_BY]->(un))
"""


def rederive(tx: neo4j.ManagedTransaction, key: str, field_name: str, text: str) -> None:
    """After an edit of a power's legal basis, responsibilities or unit, rebuild what the import made
    from that text (CITES and BASED_ON, Responsibility nodes, HANDLED_BY), so pages and analyses agree."""
    from importers.citations import parse_citations
    from importers.duties import duties_of

    if field_name == "basis_text":  # search finds the power by its new basis
        tx.run(MERGE_TEXTS, texts=text_rows([text])).consume()
        tx.run("MATCH (p:Power {key: $key}) SET p.basis_key = $tk", key=key, tk=text_key(text)).consume()
    if field_name in ("basis_text", "responsibility_basis_text"):
        which = "basis" if field_name == "basis_text" else "responsibility_basis"
        tx.run(REPLACE_CITATIONS, key=key, field=which,
               citations=_citation_rows(parse_citations(text), which)).consume()
    elif field_name in ("responsibility_text", "supervision_text"):
        other = tx.run("MATCH (p:Power {key: $key}) RETURN p.responsibility_text AS r, p.supervision_text AS s",
                       key=key).single()
        cell, measures = (text, other["s"] or "") if field_name == "responsibility_text" else (other["r"] or "", text)
        duties = duty_rows(key, duties_of(cell, measures))
        tx.run(MERGE_TEXTS, texts=text_rows(d["text"] for d in duties)).consume()
        tx.run(REPLACE_DUTIES, key=key, duties=duties).consume()
    elif field_name == "unit":
        tx.run(REPLACE_UNIT, key=key, units=split_units(text)).consume()
    elif field_name in ("name", "level"):  # where the power is listed among other places' (elsewhere)
        tx.run("MATCH (p:Power {key: $key})" + SET_LISTING_ORDER, key=key).consume()


# --- laws -------------------------------------------------------------------------------------
#
# Every loaded text is a LawVersion with its articles' texts (ArticleText); the Law's own Article
# nodes (law key + '#' + number, what BASED_ON points to) are always the newest version's. Loading a
# newer version compares it with the one loaded before (kb.lawtext.compare_articles) and queues every
# current power citing a renumbered, changed or repealed article for review (LawReview). An older
# version loaded after a newer one is kept as history only.

FIND_LAW_VERSION = """
OPTIONAL MATCH (l:Law {key: $key}) WHERE l.loaded AND l.sha256 = $sha256
OPTIONAL MATCH (lv:LawVersion {law_key: $key, sha256: $sha256})
WITH coalesce(l.key, lv.law_key) AS key WHERE key IS NOT NULL
RETURN key
"""

LOADED_LAW = """
MATCH (l:Law {key: $key}) WHERE l.loaded
OPTIONAL MATCH (l)-[:HAS_ARTICLE]->(a:Article)
RETURN l.version_date AS version_date, l.sha256 AS sha256, l.source_file AS source_file,
       l.history AS history, l.import_run AS import_run,
       collect({number: a.number, label: a.label, text: a.text, chapter: a.chapter, section: a.section}) AS articles
"""

WRITE_LAW_VERSION = """
MERGE (l:Law {key: $key})
  ON CREATE SET l.title = $title, l.loaded = false
MERGE (lv:LawVersion {key: $version_key})
SET lv.law_key = $key, lv.title = $title, lv.date = $date, lv.sha256 = $sha256, lv.source_file = $source_file,
    lv.history = $history, lv.article_count = size($rows), lv.import_run = $run_id, lv.current = $current
MERGE (l)-[:HAS_VERSION]->(lv)
WITH lv
UNWIND $rows AS row
MERGE (t:ArticleText {key: $version_key + '#' + toString(row.number)})
SET t.law_key = $key, t.version = $date, t.number = row.number, t.label = row.label, t.text = row.text,
    t.chapter = row.chapter, t.section = row.section
MERGE (lv)-[:HAS_TEXT]->(t)
"""

RETIRE_LAW_VERSIONS = """
MATCH (:Law {key: $key})-[:HAS_VERSION]->(lv:LawVersion) WHERE lv.key <> $version_key
SET lv.current = false
"""

WRITE_LAW = """
MERGE (l:Law {key: $key})
SET l.title = $title, l.loaded = true, l.version_date = $version_date, l.sha256 = $sha256,
    l.history = $history, l.source_file = $source_file, l.import_run = $run_id, l.article_count = $count
"""

WRITE_ARTICLES = """
MATCH (l:Law {key: $key})
UNWIND $rows AS row
MERGE (a:Article {key: $key + '#' + toString(row.number)})
SET a.law_key = $key, a.law_title = l.title, a.number = row.number, a.label = row.label,
    a.name = l.title + row.label, a.text = row.text, a.chapter = row.chapter, a.section = row.section,
    a.source_file = $source_file, a.source_row = row.number
MERGE (l)-[:HAS_ARTICLE]->(a)
"""

# Articles the new version no longer has (a law that shrank): their BASED_ON links go with them; the
# citing powers are in the review queue and their citations in article_not_found.
DROP_ARTICLES = """
MATCH (:Law {key: $key})-[:HAS_ARTICLE]->(a:Article) WHERE NOT a.number IN $numbers
DETACH DELETE a
"""

# Citations written before the law was loaded get their article links now.
LINK_CITATIONS = """
MATCH (p:Power)-[c:CITES]->(l:Law {key: $key}) WHERE c.article IS NOT NULL
MATCH (a:Article {key: $key + '#' + toString(c.article)})
MERGE (p)-[:BASED_ON {field: c.field}]->(a)
"""

# One review per (new version, current power, cited article).
QUEUE_REVIEWS = """
UNWIND $changes AS ch
MATCH (p:Power)-[c:CITES]->(l:Law {key: $key})
WHERE p.current = true AND c.article = ch.old_number
WITH l, p, ch, collect(DISTINCT c.field) AS fields, collect(c.article_label)[0] AS cited_label
MERGE (r:LawReview {key: $version_key + '|' + p.key + '|' + toString(ch.old_number)})
  ON CREATE SET r.status = 'open', r.created_at = datetime()
SET r.law = $key, r.law_title = l.title, r.from_version = $from_version, r.to_version = $to_version,
    r.article = ch.old_number, r.article_label = ch.old_label, r.cited_label = cited_label,
    r.fields = fields, r.power_key = p.key, r.power_name = p.name, r.department = p.department,
    r.change = ch.change, r.old_text = ch.old_text, r.new_text = ch.new_text,
    r.likely_article = ch.new_number, r.likely_label = ch.new_label, r.similarity = ch.similarity,
    r.import_run = $run_id
MERGE (r)-[:REVIEWS]->(p)
MERGE (r)-[:OF_LAW]->(l)
RETURN count(r) AS queued
"""


def law_version_key(key: str, date: str, sha256: str) -> str:
    """安全生产法@2021-06-10 (the date, else the text's hash)."""
    return f"{key}@{date or sha256[:12]}"


def write_law(graph: Graph, doc: LawDocument, run_id: str) -> WriteResult:
    key = law_key(doc.title)
    if graph.read(FIND_LAW_VERSION, key=key, sha256=doc.sha256):
        return WriteResult("unchanged", records=len(doc.articles), version_key=key)
    counter = _Counter()
    rows = [asdict(a) for a in doc.articles]
    source_file = Path(doc.path).name
    loaded = graph.read(LOADED_LAW, key=key)
    before = loaded[0] if loaded else None
    # A newer (or undated) text replaces the loaded one; an older one is history.
    newer = before is None or not doc.version_date or not before["version_date"] \
        or doc.version_date >= before["version_date"]
    version_key = law_version_key(key, doc.version_date, doc.sha256)
    result = WriteResult("imported", records=len(rows), version_key=key)
    with graph.transaction() as tx:
        if before is not None:  # a text loaded before versions were kept: keep it as a version now
            old_rows = [a for a in before["articles"] if a["number"] is not None]
            old_key = law_version_key(key, before["version_date"] or "", before["sha256"] or "")
            _run(tx, counter, WRITE_LAW_VERSION, key=key, version_key=old_key, title=doc.title,
                 date=before["version_date"] or "", sha256=before["sha256"] or "",
                 source_file=before["source_file"], history=before["history"], rows=old_rows,
                 run_id=before["import_run"], current=not newer)
        _run(tx, counter, WRITE_LAW_VERSION, key=key, version_key=version_key, title=doc.title,
             date=doc.version_date, sha256=doc.sha256, source_file=source_file, history=doc.history, rows=rows,
             run_id=run_id, current=newer)
        if newer:
            _run(tx, counter, RETIRE_LAW_VERSIONS, key=key, version_key=version_key)
            _run(tx, counter, WRITE_LAW, key=key, title=doc.title, version_date=doc.version_date,
                 sha256=doc.sha256, history=doc.history, source_file=source_file, run_id=run_id,
                 count=len(rows))
            for batch in _batches(rows):
                _run(tx, counter, WRITE_ARTICLES, key=key, rows=batch, source_file=source_file)
            _run(tx, counter, DROP_ARTICLES, key=key, numbers=[r["number"] for r in rows])
            _run(tx, counter, LINK_CITATIONS, key=key)
            if before is not None:
                changes = _review_changes(before["articles"], doc)
                queued = _run(tx, counter, QUEUE_REVIEWS, key=key, version_key=version_key, changes=changes,
                              from_version=before["version_date"] or "", to_version=doc.version_date,
                              run_id=run_id)
                result.reviews = queued[0]["queued"] if queued else 0
        tx.commit()
    result.nodes_created, result.relationships_created = counter.nodes, counter.rels
    result.current = newer
    return result


def _review_changes(old_articles: list[dict], doc: LawDocument) -> list[dict]:
    """The renumbered, changed and repealed articles of the loaded text, as QUEUE_REVIEWS rows."""
    old = {a["number"]: a["text"] or "" for a in old_articles if a["number"] is not None}
    old_labels = {a["number"]: a["label"] for a in old_articles if a["number"] is not None}
    new = {a.number: a.text for a in doc.articles}
    new_labels = {a.number: a.label for a in doc.articles}
    return [{**c.as_dict(), "old_label": old_labels.get(c.old_number),
             "new_label": new_labels.get(c.new_number) if c.new_number is not None else None}
            for c in compare_articles(old, new) if c.change in CHANGES]


# --- integrated services (一件事) ----------------------------------------------------------------

FIND_GUIDE = "MATCH (r:ImportRun {sha256: $sha256, status: 'imported'}) RETURN r.id AS id LIMIT 1"

WRITE_THINGS = """
UNWIND $rows AS row
MATCH (j:Jurisdiction {name: row.jurisdiction})
MERGE (t:Thing {key: row.key})
SET t += row.props
MERGE (t)-[:IN_JURISDICTION]->(j)
WITH t, j, row
MERGE (lead:Department {name: row.lead})
  ON CREATE SET lead.jurisdiction = j.name, lead.level = j.level, lead.created_by = $run_id,
                lead.source_file = row.props.source_file
MERGE (lead)-[:IN_JURISDICTION]->(j)
MERGE (t)-[:LED_BY]->(lead)
WITH t, j, row
UNWIND row.cooperating AS co
// Guides name cooperating bodies by sector (公安部门); link the department of the Thing's place whose
// name carries that sector (importers/mappings/sectors.toml) when the graph has exactly one, never invent one.
OPTIONAL MATCH (j)<-[:IN_JURISDICTION]-(d:Department)
  WHERE any(word IN co.words WHERE d.name CONTAINS word)
WITH t, co, collect(DISTINCT d) AS ds
FOREACH (d IN CASE WHEN size(ds) = 1 THEN ds ELSE [] END |
  MERGE (t)-[c:COOPERATING]->(d) SET c.as_published = co.sector)
"""


def _thing_row(doc: GuideDocument, impl: ThingImplementation, jurisdiction: str, run_id: str) -> dict:
    props = {"name": impl.implementation_name, "title": impl.theme_title,
             "theme_code": impl.theme_code, "area_code": impl.area_code, "area_name": impl.area_name,
             "org_level": impl.org_level, "implementation_code": impl.implementation_code,
             "guide_url": impl.official_guide_url, "lead_department": impl.lead_department,
             "cooperating_published": impl.cooperating_departments,
             "source_file": Path(doc.path).name, "source_row": impl.source_index, "import_run": run_id}
    props.update({k: v for k, v in impl.metrics.items() if v is not None})  # absent stays absent
    return {"key": f"{impl.theme_code}@{impl.area_code}", "props": props, "jurisdiction": jurisdiction,
            "lead": impl.lead_department,
            "cooperating": [{"sector": c, "words": sector_words(c)} for c in impl.cooperating_departments],
            "items": [{**item, "key": f"{impl.theme_code}@{impl.area_code}#{item['code'] or n}", "position": n}
                      for n, item in enumerate(impl.items, start=1)]}


def guide_place(impl) -> tuple[str, str]:
    """(name, level) of the place a guide's implementation serves: read from its area path and area code
    (onething.guide_place), whose chain up to the province the writer links."""
    return (impl.jurisdiction or (impl.area_path[1] if len(impl.area_path) > 2 else impl.area_path[0]),
            "city" if impl.org_level == "2" else "county")


def held(graph: Graph, doc: ListDocument | LawDocument | GuideDocument) -> bool:
    """Whether the graph holds the file already (its import would say `unchanged`): a dry run's answer. A list's
    departments are settled to the graph's spellings first, as its import would."""
    if isinstance(doc, ListDocument):
        settle_all(graph.read, doc)
        return bool(graph.read(FIND_VERSION, key=version_key(doc, departments_of(doc)[0]["name"]))
                    or _same_content(graph.read, doc, {dep["name"]: content_key(records_of(doc, dep["name"]))
                                                       for dep in departments_of(doc)}))
    if isinstance(doc, LawDocument):
        return bool(graph.read(FIND_LAW_VERSION, key=law_key(doc.title), sha256=doc.sha256))
    return bool(graph.read(FIND_GUIDE, sha256=doc.sha256))


def write_guides(graph: Graph, doc: GuideDocument, run_id: str, progress: Progress | None = None) -> WriteResult:
    if graph.read(FIND_GUIDE, sha256=doc.sha256):
        return WriteResult("unchanged", records=len(doc.implementations))
    counter = _Counter()
    chains: dict[tuple[str, str], list[dict]] = {}
    rows = []
    for impl in doc.implementations:
        place = guide_place(impl)
        if place not in chains:
            chains[place] = jurisdiction_chain(*place)
        rows.append(_thing_row(doc, impl, chains[place][-1]["name"], run_id))
    with graph.transaction(timeout=IMPORT_TX_TIMEOUT) as tx:
        for row in rows:  # a lead the graph holds under another spelling (same_body) is that department
            row["lead"] = same_body(lambda q, **p: _run(tx, counter, q, **p), row["lead"], row["jurisdiction"]) \
                or row["lead"]
        for chain in chains.values():
            _run(tx, counter, MERGE_JURISDICTIONS, chain=chain, run_id=run_id)
        for batch in _batches(rows):
            _run(tx, counter, WRITE_THINGS, rows=batch, run_id=run_id)
            if progress:
                progress(len(batch))
        for lead, place in sorted({(r["lead"], r["jurisdiction"]) for r in rows}):
            link_counterparts(lambda q, **p: _run(tx, counter, q, **p), lead, place)
        _write_items(tx, counter, rows, run_id)
        tx.commit()
    return WriteResult("imported", records=len(rows), nodes_created=counter.nodes,
                       relationships_created=counter.rels)


# The items a guide names: one ServiceItem each (key: the Thing's key # the item code, or its position),
# INCLUDES from the Thing, and REALISES to the power(s) behind it, each link saying how it was made
# (code, name, normalised name; an editor's links say editor and are kept on a new import, as are the
# items an editor added to a guide that gave only their number, webui/service_links.py ADD_ITEM).
WRITE_ITEMS = """
UNWIND $rows AS row
MATCH (t:Thing {key: row.thing})
OPTIONAL MATCH (t)-[:INCLUDES]->(gone:ServiceItem) WHERE NOT gone.key IN [i IN row.items | i.key]
  AND gone.added_by IS NULL  // an item an editor added stays
DETACH DELETE gone
WITH DISTINCT t, row
UNWIND row.items AS item
MERGE (s:ServiceItem {key: item.key})
SET s.name = item.name, s.code = item.code, s.department = item.department, s.position = item.position,
    s.source_file = row.source_file, s.import_run = $run_id
MERGE (t)-[:INCLUDES]->(s)
""" + _REALISE

# The current powers held in a place and the places within it, for linking a Thing's items.
PLACE_POWERS = """
MATCH (j:Jurisdiction {name: $jurisdiction})
MATCH (d:Department)-[:IN_JURISDICTION]->(dj:Jurisdiction)
WHERE dj = j OR exists { (dj)-[:WITHIN*1..]->(j) }
MATCH (d)-[:HOLDS]->(p:Power) WHERE p.current AND NOT coalesce(p.retired, false)
""" + _ITEM_POWER

_NOT_NAME = re.compile(r"[\s\u3000《》〈〉“”\"'‘’（）()【】\[\]、，,。.;；:：·\-—_/]+")


def item_name_key(name: str) -> str:
    """A name compared with care: width folded, spaces and punctuation gone (营业执照（个体）的核发 ->
    营业执照个体的核发); nothing else is dropped, so different items stay different."""
    return _NOT_NAME.sub("", unicodedata.normalize("NFKC", name or ""))


def match_item(item: dict, powers: list[dict]) -> tuple[str, list[str]]:
    """(how, power keys) for one guide item among a place's powers: by code (the power's code or its
    catalogue code), else by exact name, else by the careful name key and only when one department's
    powers match (an item of the guide's department when it names one); ("", []) when nothing fits."""
    code = (item.get("code") or "").strip()
    if code:
        hits = [p["key"] for p in powers if code == p["code"] or code in p["catalog"]]
        if hits:
            return "code", hits
    name = (item.get("name") or "").strip()
    if not name:
        return "", []
    dept = (item.get("department") or "").strip()
    for how, key in (("name", lambda text: text.strip()), ("normalised name", item_name_key)):
        wanted = key(name)
        hits = [p for p in powers if wanted and wanted in (key(p["name"]), key(p["item_name"]))]
        if dept:
            hits = [p for p in hits if dept in p["department"] or p["department"] in dept] or hits
        if hits and len({p["department"] for p in hits}) == 1:
            return how, [p["key"] for p in hits]
    return "", []


def _write_items(tx: Any, counter: _Counter, rows: list[dict], run_id: str) -> None:
    place_powers: dict[str, list[dict]] = {}
    out = []
    for row in rows:
        if not row["items"]:
            continue
        place = row["jurisdiction"]
        if place not in place_powers:
            place_powers[place] = [r.data() for r in tx.run(PLACE_POWERS, jurisdiction=place)]
        items = []
        for item in row["items"]:
            how, keys = match_item(item, place_powers[place])
            items.append({**item, "links": [{"power": k, "how": how} for k in keys]})
        out.append({"thing": row["key"], "items": items, "source_file": row["props"]["source_file"]})
    for batch in _batches(out):
        _run(tx, counter, WRITE_ITEMS, rows=batch, run_id=run_id)


# --- provenance ---------------------------------------------------------------------------------

RECORD_RUN = PLANNED_ONCE + """
CREATE (r:ImportRun {id: $id, path: $path, file: $file, sha256: $sha256, kind: $kind, status: $status,
        records: $records, nodes_created: $nodes, relationships_created: $rels, errors: $errors,
        started_at: datetime({epochMillis: $started}), finished_at: datetime(), version_key: $vkey})
WITH r
UNWIND $vkeys AS vkey
MATCH (v:ListVersion {key: vkey}) USING INDEX v:ListVersion(key)
MERGE (r)-[:PRODUCED]->(v)
"""


def record_run(graph: Graph, run_id: str, path: str, sha256: str, kind: str, status: str,
               result: WriteResult | None, errors: list[dict], started: float,
               tx: neo4j.Transaction | None = None) -> None:
    """The run and the list versions it produced: one statement, in `tx` (the file's own
    transaction, so a file and its run are written together) or a commit of its own."""
    params = {"id": run_id, "path": str(path), "file": Path(path).name, "sha256": sha256, "kind": kind,
              "status": status, "records": result.records if result else 0,
              "nodes": result.nodes_created if result else 0, "rels": result.relationships_created if result else 0,
              "errors": [e["message"] for e in errors][:50], "started": int(started * 1000),
              "vkey": result.version_key if result else "",
              "vkeys": [result.version_key, *result.other_versions] if result and result.version_key else []}
    if tx is not None:
        tx.run(RECORD_RUN, params).consume()
    else:
        graph.write(RECORD_RUN, **params)


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
