"""Reverting a whole import run: the list versions it made stop being current (they are *retired*,
never deleted), the versions they superseded are current again, and an `Edit` per department records
who, when and why.

An import makes a department's list version current (importers.writer): the older current version gets
`current = false`, its powers lose `HOLDS`, and the new version `SUPERSEDES` it. Reverting the run plays
that backwards in one transaction, for every version the run made:

- the version gets `current = false`, `retired = true`, `retired_at`, and an empty in-force interval
  (`in_force_until = in_force_from`), so no as-of answer comes from it; its powers, responsibilities,
  accountability and received delegations are no longer current and its powers lose `HOLDS`;
- the versions it `SUPERSEDES` that no other current version supersedes are current again, with their
  powers (but for those retired in the browser), responsibilities, accountability and delegations;
- the department's in-force dates are recomputed without the retired version;
- an `Edit` (`entity_label: 'ListVersion'`, `field: 'import_reverted'`, before: the label made current,
  after: the labels current again) on the version, with `import_run` and, when the run was an upload
  confirmed in the browser, `reverts` (the id of the upload's own Edit);
- the `ImportRun` gets `reverted_at` and `reverted = true`.

Refused (RevertRefused, with the reason in Chinese): a run that made no list version (a law text, a
guide, a file imported before, a failed run), a run reverted already, a run after which the same
department's list was imported again (revert that one first), and a run whose version was published
and then edited (the revision holds edits an undo would hide).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from importers.writer import IN_FORCE_UNTIL, retire_contents
from kb.db import Graph


class RevertRefused(ValueError):
    """The run cannot be reverted; the message says why, in Chinese."""


@dataclass
class Reverted:
    run: str
    file: str
    versions: list[dict] = field(default_factory=list)  # {department, version, restored: [labels]}

    @property
    def jurisdictions(self) -> set[str]:
        return {v["jurisdiction"] for v in self.versions if v.get("jurisdiction")}


RUN = """
MATCH (r:ImportRun {id: $id})
OPTIONAL MATCH (r)-[:PRODUCED]->(v:ListVersion) WHERE v.import_run = r.id
OPTIONAL MATCH (v)-[:LIST_OF]->(d:Department)
WITH r, v, d ORDER BY d.name, v.key
RETURN r {.id, .file, .kind, .status, .reverted_at} AS run,
       [(r)-[:PRODUCED]->(made:ListVersion) WHERE made.import_run <> r.id | made.import_run][0] AS first_run,
       collect(CASE WHEN v IS NULL THEN null ELSE v {.key, .version, .current, .frozen, .imported_at,
               department: d.name, jurisdiction: d.jurisdiction} END) AS versions,
       [(e:Edit {field: 'import'})-[:EDITS]->(r) | e.id][0] AS upload_edit
"""

# What stands in the way, per version: a later import of the department's list (not one of this run's,
# not a revision, not retired), or a revision of the version after it was published.
BLOCKERS = """
UNWIND $keys AS key
MATCH (v:ListVersion {key: key})-[:LIST_OF]->(d:Department)
CALL { WITH v, d
       OPTIONAL MATCH (d)<-[:LIST_OF]-(later:ListVersion)
       WHERE later.imported_at > v.imported_at AND later.revision_of IS NULL
         AND NOT coalesce(later.retired, false) AND NOT later.key IN $keys
       WITH later ORDER BY later.imported_at
       RETURN collect(later {.version, .import_run})[0] AS later }
CALL { WITH v
       OPTIONAL MATCH (rev:ListVersion {revision_of: v.key})
       RETURN collect(rev.version)[0] AS revision }
RETURN d.name AS department, v.version AS version, later, revision
"""

# The version leaves the lists (as an older version does when a newer one is imported: CREATE_VERSION).
RETIRE_VERSION = """
MATCH (v:ListVersion {key: $key})
SET v.current = false, v.retired = true, v.retired_at = datetime(), v.in_force_until = coalesce(v.in_force_from, '')
WITH v
""" + retire_contents("v") + """RETURN count(DISTINCT p) AS powers
"""

# The versions it superseded come back, unless another current version supersedes them too.
RESTORE_SUPERSEDED = """
MATCH (v:ListVersion {key: $key})-[:SUPERSEDES]->(o:ListVersion)-[:LIST_OF]->(d:Department)
WHERE NOT coalesce(o.retired, false) AND NOT coalesce(o.current, false)
  AND NOT EXISTS { MATCH (w:ListVersion {current: true})-[:SUPERSEDES]->(o) }
SET o.current = true
WITH o, d
CALL { WITH o, d
       MATCH (o)-[:CONTAINS]->(p:Power) WHERE NOT coalesce(p.retired, false)
       SET p.current = true
       MERGE (d)-[:HOLDS]->(p)
       WITH p
       CALL { WITH p MATCH (p)-[:HAS_RESPONSIBILITY|HAS_ACCOUNTABILITY]->(x) WHERE NOT coalesce(x.retired, false)
              SET x.current = true RETURN count(x) AS parts }
       CALL { WITH p MATCH (dl:Delegation)-[:TO_POWER]->(p) SET dl.current = true RETURN count(dl) AS received }
       RETURN count(p) AS powers }
RETURN o.key AS key, coalesce(o.version, '') AS version, powers
"""

AUDIT = """
MATCH (v:ListVersion {key: $key})-[:LIST_OF]->(d:Department)
CREATE (e:Edit {id: randomUUID(), who: $who, when: datetime(), entity_key: v.key, entity_label: 'ListVersion',
                field: 'import_reverted', before: coalesce(v.version, ''), after: $restored, reason: $reason,
                summary: d.name + ' ' + coalesce(v.version, ''), import_run: $run, reverts: $reverts})
CREATE (e)-[:EDITS]->(v)
"""

# The import runs, newest first, with the list versions each made (those of a file imported before
# are not its own), for `kb imports list`.
RECENT = """
MATCH (r:ImportRun)
WHERE $department = '' OR EXISTS { MATCH (r)-[:PRODUCED]->(:ListVersion {department: $department}) }
WITH r ORDER BY r.started_at DESC LIMIT $limit
OPTIONAL MATCH (r)-[:PRODUCED]->(v:ListVersion) WHERE v.import_run = r.id
WITH r, v ORDER BY v.department, v.key
RETURN r {.id, .file, .kind, .status, .records, .started_at, .finished_at, .reverted_at} AS run,
       collect(v {.key, .department, .version, .current, .retired}) AS versions
ORDER BY run.started_at DESC
"""

MARK_RUN = "MATCH (r:ImportRun {id: $id}) SET r.reverted = true, r.reverted_at = datetime()"


def check(graph: Graph | Any, run_id: str) -> tuple[dict, list[dict], str | None]:
    """(the run, the versions it made, the id of its upload's Edit); RevertRefused when it cannot be reverted."""
    rows = _read(graph, RUN, id=run_id)
    if not rows or rows[0]["run"] is None:
        raise RevertRefused(f"没有导入运行 {run_id}")
    run, versions = rows[0]["run"], [v for v in rows[0]["versions"] if v]
    if run.get("reverted_at") is not None:
        raise RevertRefused(f"导入运行 {run_id}（{run.get('file') or ''}）已于 {str(run['reverted_at'])[:19]} 撤销")
    if not versions:
        if rows[0]["first_run"]:
            raise RevertRefused(f"导入运行 {run_id}（{run.get('file') or ''}）没有改动清单（文件此前已导入）；"
                                f"要撤销，请撤销最初导入它的运行 {rows[0]['first_run']}")
        raise RevertRefused(f"导入运行 {run_id}（{run.get('file') or ''}）没有生成清单版本，无可撤销"
                            "（只能撤销清单的导入）")
    for b in _read(graph, BLOCKERS, keys=[v["key"] for v in versions]):
        if b["later"]:
            raise RevertRefused(f"{b['department']} 在此次导入之后又导入了清单（版本 {b['later']['version'] or '无标签'}，"
                                f"导入运行 {b['later']['import_run']}），请先撤销那次导入")
        if b["revision"]:
            raise RevertRefused(f"{b['department']} 的清单版本 {b['version'] or '无标签'} 已发布，且发布后已修改"
                                f"（修订版本 {b['revision']}），不能撤销此次导入")
    return run, versions, rows[0]["upload_edit"]


def revert_run(graph: Graph, run_id: str, who: str, reason: str) -> Reverted:
    """Revert import run `run_id` (see the module's docstring), in one transaction."""
    if not (reason or "").strip():
        raise RevertRefused("请说明撤销的理由")

    def work(tx: Any) -> Reverted:
        run, versions, upload_edit = check(tx, run_id)  # again inside the transaction that writes
        done = Reverted(run_id, run.get("file") or "")
        for v in versions:
            tx.run(RETIRE_VERSION, key=v["key"]).consume()
            restored = sorted({r["version"] for r in tx.run(RESTORE_SUPERSEDED, key=v["key"])})
            tx.run(IN_FORCE_UNTIL, department=v["department"], key="").consume()
            tx.run(AUDIT, key=v["key"], who=who, reason=reason.strip(), restored="、".join(restored), run=run_id,
                   reverts=upload_edit).consume()
            done.versions.append({"department": v["department"], "jurisdiction": v["jurisdiction"],
                                  "version": v["version"] or "", "key": v["key"], "was_current": bool(v["current"]),
                                  "restored": restored})
        tx.run(MARK_RUN, id=run_id).consume()
        return done

    return graph.write_retrying(work)


def recent(graph: Graph, limit: int = 50, department: str = "") -> list[dict]:
    """The latest import runs (of `department`'s lists when given), each {run, versions}."""
    return graph.read(RECENT, limit=limit, department=department)


def _read(graph: Graph | Any, query: str, **params: Any) -> list[dict]:
    if isinstance(graph, Graph):
        return graph.read(query, **params)
    return [r.data() for r in graph.run(query, **params)]
