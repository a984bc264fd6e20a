"""Publishing (freezing) a department's list, and the revision an edit to a published list starts.

Publishing marks every current `ListVersion` of a department `frozen = true` with `published_at` and
`published_by` (an `Edit` records it). A frozen version's powers never change again: an edit in the
browser to a power of a frozen current version first *revises* the list, in the edit's transaction:

- a new `ListVersion` per current part, labelled `<label>-修订N` (2025 → 2025-修订1 → 2025-修订2),
  in force from the day of the edit (not before the frozen version's own `in_force_from`), `current`,
  not frozen, `SUPERSEDES` the frozen part; the frozen part is no longer current;
- a copy of every power of the frozen part (key: the new version's key + the same `#position`),
  `REVISION_OF` the original, with copies of its responsibilities and accountability (retired ones too) and delegations
  received, and the same units, catalogue items, citations, article links and service items;
  `HOLDS` moves to the copies; delegations *from* the original are linked from the copy too;
- the edit is then made to the copy. The frozen version keeps its powers exactly as published, so
  as-of answers for a day before the revision and `kb diff DEPT 2025 2025-修订1` show the change.

Importing a newer list still makes it current, frozen or not (importers.writer).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import neo4j
from importers.writer import IN_FORCE_UNTIL, SET_LISTING_ORDER
from kb.db import Graph

REVISION_MARK = "-修订"
_REVISION = re.compile(r"^(.*)" + REVISION_MARK + r"(\d+)$")


class NoList(LookupError):
    """The department has no current list."""


class WrongVersion(ValueError):
    """A label was given that is not the department's current version."""


class FrozenHistory(ValueError):
    """A power of a published version that is no longer current (an import superseded it)."""


@dataclass
class Published:
    department: str
    version: str
    parts: int  # ListVersions frozen now (0: it was published already)
    published_at: Any = None
    published_by: str | None = None


CURRENT_PARTS = """
MATCH (d:Department {name: $department})<-[:LIST_OF]-(v:ListVersion {current: true})
RETURN v.key AS key, coalesce(v.version, '') AS version, coalesce(v.frozen, false) AS frozen,
       v.published_at AS published_at, v.published_by AS published_by, v.in_force_from AS in_force_from,
       v.sha256 AS sha256
ORDER BY v.key
"""

PUBLISH = """
MATCH (d:Department {name: $department})<-[:LIST_OF]-(v:ListVersion {current: true})
WHERE NOT coalesce(v.frozen, false)
SET v.frozen = true, v.published_at = datetime(), v.published_by = $who
CREATE (e:Edit {id: randomUUID(), who: $who, when: datetime(), entity_key: v.key, entity_label: 'ListVersion',
                field: 'published', before: 'false', after: 'true', reason: $reason,
                summary: d.name + ' ' + coalesce(v.version, '')})
CREATE (e)-[:EDITS]->(v)
RETURN v.key AS key
"""

LABELS = """
MATCH (:Department {name: $department})<-[:LIST_OF]-(v:ListVersion)
RETURN collect(DISTINCT coalesce(v.version, '')) AS labels, collect(v.key) AS keys
"""

# The power's version, and the power itself or its copy in the department's current list (following
# REVISION_OF forward), with whether that list is frozen.
POWER_STATE = """
MATCH (v:ListVersion)-[:CONTAINS]->(p:Power {key: $key})
OPTIONAL MATCH (p)<-[r:REVISION_OF*0..]-(q:Power)<-[:CONTAINS]-(cv:ListVersion {current: true})
WITH v, p, q, cv ORDER BY size(r) DESC
RETURN v.department AS department, coalesce(v.frozen, false) AS frozen, coalesce(v.version, '') AS version,
       head(collect(q.key)) AS latest, head(collect(coalesce(cv.frozen, false))) AS latest_frozen
"""

COPY_OF = "MATCH (:Power {key: $key})<-[:REVISION_OF]-(q:Power) RETURN q.key AS key"

# --- a revision: one statement per step, each on the pairs (copy q, original p) ---------------------

CREATE_REVISION = """
MATCH (old:ListVersion {key: $old})-[:LIST_OF]->(d:Department)
CREATE (v:ListVersion)
SET v = old {.*, key: $key, version: $label, current: true, frozen: false, in_force_from: $in_force_from,
             revision_of: old.key, revised_by: $who, published_at: null, published_by: null, in_force_until: null}
SET v.revised_at = datetime()
CREATE (v)-[:LIST_OF]->(d)
CREATE (v)-[:SUPERSEDES]->(old)
SET old.current = false
CREATE (e:Edit {id: randomUUID(), who: $who, when: datetime(), entity_key: v.key, entity_label: 'ListVersion',
                field: 'revision', before: coalesce(old.version, ''), after: $label, reason: $reason,
                summary: d.name + ' ' + $label})
CREATE (e)-[:EDITS]->(v)
"""

COPY_POWERS = """
MATCH (old:ListVersion {key: $old})-[:CONTAINS]->(p:Power), (v:ListVersion {key: $key})
CREATE (q:Power)
SET q = p {.*, key: CASE WHEN p.key STARTS WITH old.key THEN v.key + substring(p.key, size(old.key))
                         ELSE v.key + '#' + toString(p.position) END,
           version: v.version}
CREATE (v)-[:CONTAINS]->(q)
CREATE (q)-[:REVISION_OF]->(p)
"""

PAIRS = "MATCH (:ListVersion {key: $key})-[:CONTAINS]->(q:Power)-[:REVISION_OF]->(p:Power)\n"

COPY_STEPS = (
    # the department holds the copies now
    PAIRS + "MATCH (d:Department)-[h:HOLDS]->(p) DELETE h CREATE (d)-[:HOLDS]->(q)",
    PAIRS + "MATCH (p)-[:HANDLED_BY]->(u:Unit) CREATE (q)-[:HANDLED_BY]->(u)",
    PAIRS + "MATCH (p)-[:IMPLEMENTS]->(c:CatalogItem) CREATE (q)-[:IMPLEMENTS]->(c)",
    PAIRS + "MATCH (p)-[c:CITES]->(l:Law) CREATE (q)-[c2:CITES]->(l) SET c2 = properties(c)",
    PAIRS + "WITH q AS p" + SET_LISTING_ORDER,  # the copies' own keys in their listing order
    PAIRS + "MATCH (p)-[b:BASED_ON]->(a:Article) CREATE (q)-[b2:BASED_ON]->(a) SET b2 = properties(b)",
    PAIRS + "MATCH (s:ServiceItem)-[r:REALISES]->(p) MERGE (s)-[r2:REALISES]->(q) SET r2 = properties(r)",
    PAIRS + "MATCH (dl:Delegation)-[:FROM_POWER]->(p) MERGE (dl)-[:FROM_POWER]->(q)",
    *(PAIRS + f"""MATCH (p)-[:{rel}]->(r:Responsibility)
CREATE (r2:Responsibility)
SET r2 = r {{.*, key: CASE WHEN r.key STARTS WITH p.key THEN q.key + substring(r.key, size(p.key))
                          ELSE q.key + '#r' + r.key END,
            power_key: q.key}}
CREATE (q)-[:{rel}]->(r2)
SET r.current = false""" for rel in ("HAS_RESPONSIBILITY", "RETIRED_RESPONSIBILITY")),
    *(PAIRS + f"""MATCH (p)-[:{rel}]->(a:Accountability)
CREATE (a2:Accountability)
SET a2 = a {{.*, key: CASE WHEN a.key STARTS WITH p.key THEN q.key + substring(a.key, size(p.key)) ELSE q.key + '#a' END,
            power_key: q.key}}
CREATE (q)-[:{rel}]->(a2)
SET a.current = false""" for rel in ("HAS_ACCOUNTABILITY", "RETIRED_ACCOUNTABILITY")),
    PAIRS + """MATCH (dl:Delegation)-[:TO_POWER]->(p)
CREATE (dl2:Delegation)
SET dl2 = dl {.*, key: q.key + '#delegation'}
CREATE (dl2)-[:TO_POWER]->(q)
SET dl.current = false
WITH dl, dl2
CALL { WITH dl, dl2 MATCH (dl)-[:FROM_POWER]->(fp:Power) CREATE (dl2)-[:FROM_POWER]->(fp) RETURN count(*) AS up }
CALL { WITH dl, dl2 MATCH (dl)-[:FROM_DEPARTMENT]->(fd) CREATE (dl2)-[:FROM_DEPARTMENT]->(fd) RETURN count(*) AS fd }
CALL { WITH dl, dl2 MATCH (dl)-[:TO_DEPARTMENT]->(td) CREATE (dl2)-[:TO_DEPARTMENT]->(td) RETURN count(*) AS td }
RETURN count(*) AS n""",
    # last: the originals are no longer current (their version is not)
    PAIRS + "SET p.current = false",
)


def current_parts(graph: Graph | neo4j.ManagedTransaction, department: str) -> list[dict]:
    return _read(graph, CURRENT_PARTS, department=department)


def publish(graph: Graph, department: str, who: str, reason: str = "", label: str | None = None) -> Published:
    """Freeze the department's current list (every current part). NoList when it has none;
    WrongVersion when `label` is not the current version's label; parts=0 when it was published."""
    parts = current_parts(graph, department)
    if not parts:
        raise NoList(f"{department} 没有现行清单")
    labels = sorted({p["version"] for p in parts})
    if label is not None and label not in labels:
        raise WrongVersion(f"{department} 的现行清单版本是 {'、'.join(labels) or '（无标签）'}，不是 {label}")
    done = graph.write(PUBLISH, department=department, who=who, reason=reason)
    after = current_parts(graph, department)
    return Published(department, "、".join(labels), len(done), after[0]["published_at"], after[0]["published_by"])


def revision_label(label: str, existing: set[str]) -> str:
    """The next revision's label: 2025 → 2025-修订1; 2025-修订1 → 2025-修订2 (never one in `existing`)."""
    match = _REVISION.match(label)
    base = match.group(1) if match else label
    taken = [int(m.group(2)) for e in existing if (m := _REVISION.match(e)) and m.group(1) == base]
    n = max(taken, default=0) + 1
    while f"{base}{REVISION_MARK}{n}" in existing:
        n += 1
    return f"{base}{REVISION_MARK}{n}"


def revise(tx: neo4j.ManagedTransaction, department: str, who: str, today: str, reason: str) -> str:
    """Start a revision of the department's current list (see the module's docstring) and return its
    label. In the caller's transaction, so an edit that fails leaves no revision behind."""
    parts = current_parts(tx, department)
    if not parts:
        raise NoList(f"{department} 没有现行清单")
    row = _read(tx, LABELS, department=department)[0]
    label = revision_label(max(p["version"] for p in parts), set(row["labels"]))
    keys = set(row["keys"])
    for part in parts:
        digest = (part["sha256"] or part["key"].rsplit("|", 1)[-1])[:12]
        key = f"{department}|{label}|{digest}"
        while key in keys:
            key += "+"
        keys.add(key)
        start = max(today, part["in_force_from"] or "")
        tx.run(CREATE_REVISION, old=part["key"], key=key, label=label, in_force_from=start, who=who,
               reason=reason).consume()
        tx.run(COPY_POWERS, old=part["key"], key=key).consume()
        for step in COPY_STEPS:
            tx.run(step, key=key).consume()
    tx.run(IN_FORCE_UNTIL, department=department, key="").consume()  # key: the writer's own version, none here
    return label


def writable_power(tx: neo4j.ManagedTransaction, key: str, who: str, today: str, reason: str) -> str:
    """The key an edit of power `key` goes to: the power itself unless its version is published; then
    its copy in the current list, revising that list first when it is published too. FrozenHistory
    for a power of a published version that an import superseded. A key that names nothing is
    returned as it is (the caller's query finds nothing)."""
    rows = _read(tx, POWER_STATE, key=key)
    if not rows or not rows[0]["frozen"]:
        return key
    state = rows[0]
    if state["latest"] is None:
        raise FrozenHistory(f"{state['department']} 的清单版本 {state['version']} 已发布且已不是现行清单，不能修改")
    if not state["latest_frozen"]:
        return state["latest"]
    revise(tx, state["department"], who, today, reason)
    return _read(tx, COPY_OF, key=state["latest"])[0]["key"]


def writable_list(tx: neo4j.ManagedTransaction, department: str, who: str, today: str, reason: str) -> None:
    """Before a power is added to the department's current list: revise the list when it is published."""
    parts = current_parts(tx, department)
    if parts and any(p["frozen"] for p in parts):
        revise(tx, department, who, today, reason)


def latest_copy(graph: Graph, key: str) -> str:
    """Read-only: the power an edit of `key` would change now (its copy in the current list when its
    version was published and revised since), else `key`."""
    rows = graph.read(POWER_STATE, key=key)
    if rows and rows[0]["frozen"] and rows[0]["latest"]:
        return rows[0]["latest"]
    return key


def moved_key(key: str, owner: str, target: str) -> str:
    """A responsibility's key in the copy of its power (`owner` copied to `target`)."""
    return target + key[len(owner):] if target != owner and key.startswith(owner) else key


def _read(graph: Graph | neo4j.ManagedTransaction, query: str, **params: Any) -> list[dict]:
    if isinstance(graph, Graph):
        return graph.read(query, **params)
    return [r.data() for r in graph.run(query, **params)]
