"""Constraints, indexes and the full-text index; versioned and idempotent (`kb db init`).

Every label's natural key (kb.model.NODE_KEYS) is unique. The importer MERGEs on the key what several
files share (Jurisdiction, Department, Unit, Law, Article, CatalogItem, Thing) and CREATEs what one
file brings (ListVersion, Power, Responsibility, Accountability, Delegation, ImportRun): those keys come
from the department, version and file hash, or a fresh id, and a list version already in the graph is
skipped, so a second node with such a key is a bug the constraint refuses rather than one MERGE would
hide."""
from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from neo4j.exceptions import ClientError

from kb.db import Graph
from kb.model import (
    FULLTEXT_INDEX,
    FULLTEXT_LABELS,
    FULLTEXT_PROPERTIES,
    NODE_KEYS,
    VERSIONED_LABELS,
    listing_order,
    text_key,
)

SCHEMA_VERSION = 13  # 2: ImportRun.sha256 index; 3: stored findings, law versions, review queue, in-force dates;
# 4: the indexes the keyset pages of /powers seek by (department, jurisdiction, a text index on names);
# 5: StoredFinding.group (an overlap group's findings, read by group); 6: a responsibility retired in
# the browser hangs from its power by RETIRED_RESPONSIBILITY (kept, no longer one of its responsibilities)
# 7: StoredFinding.rank (the score negated) and an index per sort of the reports (area, key, rank, id)
# 8: the full-text index is eventually consistent (updated beside the commit; writers await it: see below)
# 9: CITES.article_key (the cited article's key, law#N, loaded or not) with an index: the powers citing one
#    article are found by it, not by walking every citation of its law (tens of thousands on a province)
# 10: a legal basis and a responsibility's text indexed once per distinct text (SearchText, kb.model), their
#    holders keyed to it (Power.basis_key, Responsibility.text_key, each with an index)
# 11: a power's listing order among other places' (kb.model.listing_order) on its CITES and IMPLEMENTS
#    (IMPLEMENTS.catalog, the item's key, too), with an index each: who exercises it elsewhere, in order
# 12: Power.exercised_at (the levels its 实施层级 names) and the counterparts a province's 厅 and a city's 局, or a
#    county's merged department (Department.merges), make: given to data an older kb wrote (fill_levels_and_bodies)
# 13: the same again, as this kb reads them: a level cell with a note (市级、县级、乡级（委托）, 区级、街镇级) names its
#    levels, and a city bureau's branch in a county (石家庄市生态环境局正定县分局) is the city bureau's counterpart

SCHEMA_TIMEOUT = 3600.0  # seconds for one schema statement, and for the indexes to come online

PROPERTY_INDEXES: list[tuple[str, str]] = [
    ("Power", "name"),
    ("Power", "item_name"),
    ("Power", "type"),
    ("Power", "level"),
    ("Power", "code"),
    ("Power", "department"),
    ("Power", "jurisdiction"),
    *((label, "current") for label in VERSIONED_LABELS),
    ("Department", "jurisdiction"),
    ("Jurisdiction", "code"),
    ("Law", "title"),
    ("Article", "number"),
    ("Thing", "theme_code"),
    ("ListVersion", "sha256"),
    ("ImportRun", "sha256"),
    ("ImportRun", "finished_at"),  # the data stamp's latest run, read on every page
    ("ImportRun", "started_at"),  # the dashboard's latest runs
    # stored findings: what the reports filter, sort and count by
    ("StoredFinding", "area"),
    ("StoredFinding", "kind"),
    ("StoredFinding", "jurisdiction"),
    ("StoredFinding", "status"),
    ("StoredFinding", "score"),
    ("StoredFinding", "group"),
    ("LawVersion", "law_key"),
    ("LawReview", "law"),
    ("LawReview", "status"),
    ("ListVersion", "department"),
    ("Delegation", "from_body"),  # an imported department's pending delegations (writer.LINK_DELEGATIONS)
    ("Power", "basis_key"),  # the holders of a searchable text (search)
    ("Responsibility", "text_key"),
]

# The first keys the reports sort by (kb.analyses.stored.SORTS), each with an index.
REPORT_SORT_KEYS = ("area", "kind", "department", "status")

# Derived data with keys of their own (not part of the model's public labels).
EXTRA_KEYS: list[tuple[str, str]] = [("StoredFinding", "id"), ("FindingRun", "scope"), ("FindingStats", "name"),
                                     ("SearchText", "key")]


def statements() -> list[str]:
    out = []
    for label, key in [*NODE_KEYS, *EXTRA_KEYS]:
        out.append(f"CREATE CONSTRAINT {label.lower()}_{key} IF NOT EXISTS "
                   f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE")
    for label, prop in PROPERTY_INDEXES:
        out.append(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    # the citations of one article (law#N), whether or not the law's text is loaded
    out.append("CREATE INDEX cites_article_key IF NOT EXISTS FOR ()-[c:CITES]-() ON (c.article_key)")
    # the citations of one article, and the links to one catalogue item, in the powers' listing order
    out.append("CREATE INDEX cites_listing_order IF NOT EXISTS FOR ()-[c:CITES]-() ON (c.article_key, c.field, c.order)")
    out.append("CREATE INDEX implements_listing_order IF NOT EXISTS FOR ()-[c:IMPLEMENTS]-() ON (c.catalog, c.order)")
    # keyset pages of the reports: within an area, ORDER BY the sort's key, rank (the score negated), id
    for key in REPORT_SORT_KEYS:
        props = ("area", "rank", "id") if key == "area" else ("area", key, "rank", "id")
        out.append(f"CREATE INDEX storedfinding_{key}_page IF NOT EXISTS FOR (n:StoredFinding) "
                   f"ON ({', '.join('n.' + p for p in props)})")
    # /powers?q=: a power's name CONTAINS the words, answered by a text index, not a scan
    out.append("CREATE TEXT INDEX power_name_text IF NOT EXISTS FOR (n:Power) ON (n.name)")
    out.append(FULLTEXT_STATEMENT)
    # what a restore matches its relationships' ends by (kb.dump), empty outside a restore: in the schema, not made
    # and dropped by each restore (a change of the schema empties the server's plan cache: every query the browser
    # and the analyses then ran was planned again, 10 s of the server's CPU for an import's and the gaps' queries)
    out.append(RESTORE_INDEX)
    return out


RESTORE_INDEX = "CREATE INDEX kb_restore_id IF NOT EXISTS FOR (n:KbRestore) ON (n.kb_restore_id)"


# The full-text index (search) is eventually consistent: a commit leaves its updates to a thread of the
# server's own instead of applying them itself (they were half of an import's commit time: with the CJK
# analyser every name and duty is tokenised into many terms). Whatever writes what search reads then
# awaits the index (Graph.searchable: an import at its end, the browser after every form it accepts), so a
# search after an import or an edit finds what was written.
FULLTEXT_STATEMENT = (
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{'|'.join(FULLTEXT_LABELS)}) "
    f"ON EACH [{', '.join(f'n.{p}' for p in FULLTEXT_PROPERTIES)}] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}")


# The cited article's key (CITES.article_key, law#N) on the citations written without it: by a kb before
# schema 9, or restored from its export. In transactions of their own: a province holds millions.
FILL_ARTICLE_KEYS = ("MATCH (:Power)-[c:CITES]->(l:Law) WHERE c.article IS NOT NULL AND c.article_key IS NULL "
                     "CALL { WITH c, l SET c.article_key = l.key + '#' + toString(c.article) } "
                     "IN TRANSACTIONS OF 20000 ROWS")

# The listing order (kb.model.listing_order) on the citations and catalogue links written without it: by a
# kb before schema 11, restored from its export, or by the bulk importer (neo4j-admin writes no Cypher). A batch
# of powers at a time, by their ids as one read streams them: a province's 1.85 M links take a minute, once.
FILL_LISTING_ORDERS = f"""
UNWIND $ids AS id
MATCH (p:Power) WHERE elementId(p) = id
CALL {{ WITH p MATCH (p)-[r:CITES]->() WHERE r.order IS NULL SET r.order = {listing_order('p')} }}
CALL {{ WITH p MATCH (p)-[r:IMPLEMENTS]->(c) WHERE r.order IS NULL OR r.catalog IS NULL
        SET r.order = {listing_order('p')}, r.catalog = c.key }}
"""


LISTING_ORDER_DONE = "MATCH (m:KbMeta {name: 'listing_order'}) WHERE m.done RETURN m.done AS done"


def fill_listing_orders(graph: Graph, progress: bool = False) -> int:
    """Give every citation and catalogue link of a power its listing order where it has none; safe to repeat.
    Returns how many powers were read."""
    bar = None
    done = 0
    ids = graph.stream("MATCH (p:Power) RETURN elementId(p) AS id", timeout=SCHEMA_TIMEOUT)
    while batch := list(itertools.islice(ids, FILL_BATCH)):
        graph.write(FILL_LISTING_ORDERS, ids=[r["id"] for r in batch])
        done += len(batch)
        if progress and bar is None:
            from kb.dump import _bar

            bar = _bar(desc="排序键", unit="项权力")
        if bar is not None:
            bar.update(len(batch))
    if bar is not None:
        bar.close()
    return done


# The texts search reads through a SearchText (kb.model): label -> (the text's property, its key's).
TEXT_HOLDERS: dict[str, tuple[str, str]] = {"Power": ("basis_text", "basis_key"), "Responsibility": ("text", "text_key")}
# A batch's searchable texts, each once (MERGE: another file may have written it).
MERGE_TEXTS = "UNWIND $texts AS t MERGE (x:SearchText {key: t.key}) ON CREATE SET x.text = t.text"
FILL_BATCH = 5000


def fill_text_keys(graph: Graph, progress: bool = False) -> int:
    """Give the powers and responsibilities written without them (by a kb before schema 10, or restored
    from its export) the key of their text, and each distinct text its SearchText; safe to repeat. Returns
    how many were keyed. A province's 3.3 M take minutes, once."""
    bar = None
    if progress:
        from kb.dump import _bar

        bar = _bar(desc="检索文本", unit="条")
    done = 0
    for label, (text_prop, key_prop) in TEXT_HOLDERS.items():
        keyed = f"UNWIND $rows AS r MATCH (n:{label}) WHERE elementId(n) = r.id SET n.{key_prop} = r.key"
        seen: set[str] = set()
        rows = graph.stream(f"MATCH (n:{label}) WHERE n.{key_prop} IS NULL AND n.{text_prop} <> '' "
                            f"RETURN elementId(n) AS id, n.{text_prop} AS text", timeout=SCHEMA_TIMEOUT)
        while batch := list(itertools.islice(rows, FILL_BATCH)):
            keys = [text_key(r["text"]) for r in batch]
            texts = {k: r["text"] for k, r in zip(keys, batch, strict=True) if k not in seen}
            seen.update(texts)
            graph.write(MERGE_TEXTS, texts=[{"key": k, "text": t} for k, t in texts.items()])
            graph.write(keyed, rows=[{"id": r["id"], "key": k} for k, r in zip(keys, batch, strict=True)])
            done += len(batch)
            if bar is not None:
                bar.update(len(batch))
    if bar is not None:
        bar.close()
    return done


# Data a schema version changes, run once on a database below that version: Cypher, or a function of the
# graph (a change Cypher cannot compute).
MIGRATIONS: dict[int, list[str | Callable[[Graph], object]]] = {
    6: [("MATCH (p:Power)-[h:HAS_RESPONSIBILITY]->(r:Responsibility {retired: true}) "
         "CREATE (p)-[:RETIRED_RESPONSIBILITY]->(r) DELETE h")],
    # stored findings computed before: their rank (a computation writes it); the index it replaces
    7: ["DROP INDEX storedfinding_page IF EXISTS", "MATCH (f:StoredFinding) WHERE f.rank IS NULL SET f.rank = -f.score"],
    # the index made again, eventually consistent (an index's settings cannot be changed in place); on a
    # province it is filled again for minutes, once
    8: [f"DROP INDEX {FULLTEXT_INDEX} IF EXISTS", FULLTEXT_STATEMENT, f"CALL db.awaitIndexes({int(SCHEMA_TIMEOUT)})"],
    9: [FILL_ARTICLE_KEYS],
    # the index made again without the texts now indexed once (SearchText); their holders keyed
    10: [f"DROP INDEX {FULLTEXT_INDEX} IF EXISTS", FULLTEXT_STATEMENT, f"CALL db.awaitIndexes({int(SCHEMA_TIMEOUT)})",
         lambda graph: fill_text_keys(graph, progress=True)],
    # 11: the listing order, filled by init until a fill has ended (LISTING_ORDER_DONE, init)
    12: [lambda graph: fill_levels_and_bodies(graph)],
    13: [lambda graph: fill_levels_and_bodies(graph)],
}


def fill_levels_and_bodies(graph: Graph) -> tuple[int, int]:
    """Schema 12 on data an older kb wrote: each power's exercised_at from the level it kept as published (its
    level_original, or a scope that is a cell naming levels: 省级、市级、县级), and every placed department's
    counterparts made again (a province's 厅 and a city's 局, a county's merged department and the bodies it joins).
    A province's row that the importer now reads as its own item exercised below (市级, guidance duties only) keeps
    the level it was given: importing its list again (after `kb imports revert`) reads it anew. Safe to repeat.
    Returns (powers given their levels, departments linked again)."""
    from kb.model import COUNTERPARTS_CYPHER, counterpart_params, levels_named

    levelled = 0
    rows = graph.stream("MATCH (p:Power) WHERE p.exercised_at IS NULL AND (coalesce(p.level_original, '') <> '' "
                        "OR coalesce(p.scope, '') <> '') RETURN elementId(p) AS id, coalesce(p.level_original, '') "
                        "AS said, coalesce(p.scope, '') AS scope", timeout=SCHEMA_TIMEOUT)
    while batch := list(itertools.islice(rows, FILL_BATCH)):
        found = [{"id": r["id"], "levels": levels}
                 for r in batch if (levels := levels_named(r["said"] or r["scope"].split("\n")[0]))]
        if found:
            graph.write("UNWIND $rows AS r MATCH (p:Power) WHERE elementId(p) = r.id SET p.exercised_at = r.levels",
                        rows=found)
        levelled += len(found)
    departments = graph.read("MATCH (d:Department) WHERE coalesce(d.jurisdiction, '') <> '' "
                             "RETURN d.name AS name, d.jurisdiction AS place")
    for d in departments:  # (as importers.writer.link_counterparts)
        graph.write(COUNTERPARTS_CYPHER, **counterpart_params(d["name"], d["place"]))
    return levelled, len(departments)


# The planner's estimate of what an index seek finds comes from a sample of the index, taken when it is made (on
# an empty database: nothing) and again in the background once a share of it has changed. A query planned in
# between, right after an import into an empty database, can keep a plan a thousand times too slow: a search of
# the demo took 45 s against 0.13 s with the indexes sampled (docs/performance.md). An import samples them again
# at its end, before the findings are computed or a page is served.
SMALL_CHANGES, SMALL_WAIT = 1000, 1.0  # an index changed less than this is waited for this many seconds at most


def resample(graph: Graph, wait: float = 30.0) -> None:
    """Sample again the indexes much changed since their last sample, and wait (up to `wait` seconds) for them.
    Waiting reads the server's statistics, which needs an administrator: another user's import only asks."""
    try:
        before = _changes_since_sampled(graph)
    except ClientError:  # not an administrator (an external server's user): the sampling is asked for, not awaited
        before = {}
    try:
        graph.write("CALL db.resampleOutdatedIndexes()")
    except ClientError:  # refused to this user: the server samples in its own time, and what was written stands
        return
    started = time.monotonic()
    while before and time.monotonic() < started + wait:
        now = _changes_since_sampled(graph)
        pending = [changes for index, changes in before.items() if now.get(index, 0) >= changes]
        if not pending:
            return
        if time.monotonic() > started + SMALL_WAIT and max(pending) < SMALL_CHANGES:
            return  # (Neo4j leaves some small indexes' samples as they are: one list's import waited 30 s for them)
        time.sleep(0.005)


def _changes_since_sampled(graph: Graph) -> dict[tuple, int]:
    """The indexes whose changes since their last sample make them outdated (more than 5 % of their size, as
    Neo4j's db.index_sampling.update_percentage): index -> changes."""
    data = graph.read("CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data")[0]["data"]
    return {(i.get("indexType"), tuple(i.get("labels") or i.get("relationshipTypes") or ()), tuple(i.get("properties") or ())):
            i["updatesSinceEstimation"] for i in data.get("indexes", [])
            if i.get("updatesSinceEstimation", 0) > 0.05 * i.get("totalSize", 0)}


def current_version(graph: Graph) -> int | None:
    rows = graph.read("MATCH (m:KbMeta {name: 'schema'}) RETURN m.version AS version")
    return rows[0]["version"] if rows else None


def outdated(graph: Graph) -> str | None:
    """What to say when the database's schema is older than this kb's (its queries would miss an index
    or a property an upgrade adds): `kb db start` upgrades a server kb manages; an external server, or one
    left running by an older kb, is upgraded by `kb db init`, which on a province takes minutes."""
    before = current_version(graph)
    if before is None or before >= SCHEMA_VERSION:
        return None
    return f"数据库的模式版本 {before} 比这个 kb 的（{SCHEMA_VERSION}）旧：请先运行 `kb db init` 升级"


def init(graph: Graph) -> str:
    """Create what is missing; safe to run any number of times."""
    before = current_version(graph)
    if before is not None and before > SCHEMA_VERSION:
        raise RuntimeError(f"数据库的模式版本 {before} 比这个 kb 的（{SCHEMA_VERSION}）新：请使用更新的 kb")
    # a constraint or index on a province's data is populated (and a constraint checked) for minutes:
    # longer than the server's default transaction timeout (kb.toml transaction_timeout)
    for stmt in statements():
        with graph.transaction(timeout=SCHEMA_TIMEOUT) as tx:
            tx.run(stmt).consume()
            tx.commit()
    with graph.transaction(timeout=SCHEMA_TIMEOUT) as tx:
        tx.run("CALL db.awaitIndexes($seconds)", seconds=int(SCHEMA_TIMEOUT)).consume()
        tx.commit()
    for version, changes in sorted(MIGRATIONS.items()):
        if before is not None and before < version:
            for stmt in changes:
                if callable(stmt):
                    stmt(graph)
                    continue
                if "IN TRANSACTIONS" in stmt:  # commits as it goes: needs an auto-commit transaction
                    graph.autocommit(stmt)
                    continue
                with graph.transaction(timeout=SCHEMA_TIMEOUT) as tx:
                    tx.run(stmt).consume()
                    tx.commit()
    # the listing order on every citation and catalogue link (schema 11): filled until a fill has ended, whatever
    # wrote the data (an older kb, the bulk importer) and however a fill before was stopped
    if not graph.read(LISTING_ORDER_DONE):
        fill_listing_orders(graph, progress=True)
        graph.write("MERGE (m:KbMeta {name: 'listing_order'}) SET m.done = true, m.at = datetime()")
    graph.write("MERGE (m:KbMeta {name: 'schema'}) SET m.version = $v, m.updated_at = datetime()",
                v=SCHEMA_VERSION)
    from kb import dump  # a restore stopped midway is finished or undone before anything reads the data

    recovered = dump.recover(graph, progress=True)
    said = (f"schema is at version {SCHEMA_VERSION} (nothing to do)" if before == SCHEMA_VERSION
            else f"schema version {before or 0} -> {SCHEMA_VERSION}")
    return f"{said}\n{recovered}" if recovered else said
