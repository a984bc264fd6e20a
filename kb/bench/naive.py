"""The importer a first attempt would write, as the benchmark's yardstick: every record in its own
transaction, every node and link MERGEd one statement at a time. Not used by kb itself.

It writes what kb's writer writes for a record (`importers.writer.power_row`: the power with every
field, its department and list version, units, duties, accountability, the searchable texts, the laws
and articles it cites, its catalogue item and delegation), so the two are compared on the same graph:
the difference is batching, not work left out. (Before the forty-second session it wrote the power, its
duties, texts and laws only: about half the server's work per record.)"""
from __future__ import annotations

from importers import writer
from importers.records import ListDocument
from kb.db import Graph

RECORD = """
MERGE (d:Department {name: $department})
MERGE (v:ListVersion {key: $version_key})
MERGE (p:Power {key: $key})
SET p += $props
MERGE (d)-[:HOLDS]->(p)
MERGE (v)-[:CONTAINS]->(p)
"""
UNIT = """
MATCH (p:Power {key: $key}), (d:Department {name: $department})
MERGE (u:Unit {key: $department + '/' + $unit}) ON CREATE SET u.name = $unit, u.department = $department
MERGE (u)-[:PART_OF]->(d)
MERGE (p)-[:HANDLED_BY]->(u)
"""
DUTY = """
MATCH (p:Power {key: $key})
MERGE (r:Responsibility {key: $duty.key})
SET r += $duty
MERGE (p)-[:HAS_RESPONSIBILITY]->(r)
"""
ACCOUNTABILITY = """
MATCH (p:Power {key: $key})
MERGE (a:Accountability {key: $row.key})
SET a += $row
MERGE (p)-[:HAS_ACCOUNTABILITY]->(a)
"""
TEXT = "MERGE (t:SearchText {key: $key}) ON CREATE SET t.text = $text"  # searchable, as kb's writer makes it
CITATION = """
MATCH (p:Power {key: $key})
MERGE (l:Law {key: $law}) ON CREATE SET l.title = $title, l.loaded = false
MERGE (p)-[:CITES {field: $field, article: coalesce($article, -1)}]->(l)
WITH p
OPTIONAL MATCH (a:Article {key: $law + '#' + toString($article)})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (p)-[:BASED_ON {field: $field}]->(a))
"""
CATALOGUE = """
MATCH (p:Power {key: $key})
MERGE (c:CatalogItem {key: $code}) ON CREATE SET c.code = $code, c.name = $name
MERGE (p)-[:IMPLEMENTS]->(c)
"""
DELEGATION = """
MATCH (p:Power {key: $key}), (d:Department {name: $department})
MERGE (dl:Delegation {key: $key + '#delegation'}) SET dl += $row
MERGE (dl)-[:TO_POWER]->(p)
MERGE (dl)-[:TO_DEPARTMENT]->(d)
"""


def write(graph: Graph, docs: list[ListDocument], limit: int) -> int:
    """Write up to `limit` records, one transaction each; the number written."""
    done = 0
    for doc in docs:
        version_key = f"naive|{doc.department}|{doc.version}"
        for rec in doc.records:
            if done >= limit:
                return done
            row = writer.power_row(doc, version_key, rec, "")
            department = rec.department or doc.department

            def work(tx, row=row, department=department, version_key=version_key) -> None:
                key = row["props"]["key"]
                tx.run(RECORD, department=department, version_key=version_key, key=key,
                       props=row["props"]).consume()
                for unit in row["units"]:
                    tx.run(UNIT, key=key, department=department, unit=unit).consume()
                for text in writer.searchable_texts([row]):
                    tx.run(TEXT, key=text["key"], text=text["text"]).consume()
                for duty in row["duties"]:
                    tx.run(DUTY, key=key, duty=duty).consume()
                for item in row["accountability"]:
                    tx.run(ACCOUNTABILITY, key=key, row=item).consume()
                for c in row["citations"]:
                    tx.run(CITATION, key=key, law=c["law_key"], title=c["law_title"], field=c["field"],
                           article=c["article"]).consume()
                for item in row["catalogue"]:
                    tx.run(CATALOGUE, key=key, code=item["code"], name=item["item_name"]).consume()
                for item in row["delegations"]:
                    tx.run(DELEGATION, key=key, department=department, row=item).consume()

            graph.write_retrying(work)
            done += 1
    return done
