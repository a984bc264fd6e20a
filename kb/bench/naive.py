"""The importer a first attempt would write, as the benchmark's yardstick: every record in its own
transaction, every node and link MERGEd one statement at a time. Not used by kb itself.

It writes what kb's writer writes for a record (`importers.writer.power_row`: the power with every
field, its department and list version, units, duties, accountability, the searchable texts, the laws
and articles it cites, its catalogue item and delegation, with the same properties, indexed ones
included), so the two are compared on the same graph: the difference is batching and one statement a
node or link, not work left out (the list version's own properties, written once per file, are not). (Before the forty-second session it wrote the power, its
duties, texts and laws only: about half the server's work per record.)"""
from __future__ import annotations

from importers import writer
from importers.records import ListDocument
from kb.db import Graph
from kb.model import listing_order

RECORD = """
MERGE (d:Department {name: $department})
MERGE (v:ListVersion {key: $version_key})
MERGE (p:Power {key: $key})
SET p += $props, p.current = true, p.department = $department, p.jurisdiction = $jurisdiction
MERGE (d)-[:HOLDS]->(p)
MERGE (v)-[:CONTAINS]->(p)
"""
UNIT = """
MATCH (p:Power {key: $key}), (d:Department {name: $department})
MERGE (u:Unit {key: $department + '/' + $unit})
  ON CREATE SET u.name = $unit, u.department = $department, u.source_file = $source.source_file
MERGE (u)-[:PART_OF]->(d)
MERGE (p)-[:HANDLED_BY]->(u)
"""
DUTY = """
MATCH (p:Power {key: $key})
MERGE (r:Responsibility {key: $row.key})
SET r += $row, r += $source, r.current = true
MERGE (p)-[:HAS_RESPONSIBILITY]->(r)
"""
ACCOUNTABILITY = """
MATCH (p:Power {key: $key})
MERGE (a:Accountability {key: $row.key})
SET a += $row, a += $source, a.current = true
MERGE (p)-[:HAS_ACCOUNTABILITY]->(a)
"""
TEXT = "MERGE (t:SearchText {key: $key}) ON CREATE SET t.text = $text"  # searchable, as kb's writer makes it
# (a citation's link is CREATEd: its article may be null, which a MERGE pattern cannot hold)
CITATION = """
MATCH (p:Power {key: $key})
MERGE (l:Law {key: $c.law_key}) ON CREATE SET l.title = $c.law_title, l.loaded = false, l += $source
CREATE (p)-[:CITES {field: $c.field, article: $c.article, article_label: $c.article_label, tag: $c.tag, text: $c.text,
                    version_note: $c.version_note, sub_article: $c.sub_article, law_title: $c.law_title,
                    article_key: $c.law_key + '#' + toString($c.article), order: {order}}]->(l)
WITH p
OPTIONAL MATCH (a:Article {key: $c.law_key + '#' + toString($c.article)})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (p)-[:BASED_ON {field: $c.field}]->(a))
""".replace("{order}", listing_order("p"))
CATALOGUE = """
MATCH (p:Power {key: $key})
MERGE (c:CatalogItem {key: $item.code})
  ON CREATE SET c.code = $item.code, c.name = $item.item_name, c.type = $item.type, c += $source
MERGE (p)-[:IMPLEMENTS {catalog: c.key, order: {order}}]->(c)
""".replace("{order}", listing_order("p"))
DELEGATION = """
MATCH (p:Power {key: $key}), (d:Department {name: $department})
MERGE (dl:Delegation {key: $key + '#delegation'})
SET dl += $row, dl += $source, dl.to_body = $department, dl.to_level = p.level, dl.current = true
MERGE (dl)-[:TO_POWER]->(p)
MERGE (dl)-[:TO_DEPARTMENT]->(d)
"""


def write(graph: Graph, docs: list[ListDocument], limit: int) -> int:
    """Write `limit` records spread evenly over all of the documents' (every kind of list and place, as kb's writer
    writes them all), one transaction each; the number written."""
    every = [(doc, rec) for doc in docs for rec in doc.records]
    n = min(limit, len(every))
    chosen = [every[i * len(every) // n] for i in range(n)]
    for doc, rec in chosen:
        version_key = f"naive|{doc.department}|{doc.version}|{doc.sha256[:12]}"
        row = writer.power_row(doc, version_key, rec, "")
        department = rec.department or doc.department

        def work(tx, row=row, department=department, version_key=version_key, place=doc.jurisdiction) -> None:
            props = row["props"]
            key = props["key"]
            source = {k: props[k] for k in ("source_file", "source_sheet", "source_row")}
            tx.run(RECORD, department=department, version_key=version_key, key=key, props=props,
                   jurisdiction=place).consume()
            for unit in row["units"]:
                tx.run(UNIT, key=key, department=department, unit=unit, source=source).consume()
            for text in writer.searchable_texts([row]):
                tx.run(TEXT, key=text["key"], text=text["text"]).consume()
            for duty in row["duties"]:
                tx.run(DUTY, key=key, row=duty, source=source).consume()
            for item in row["accountability"]:
                tx.run(ACCOUNTABILITY, key=key, row=item, source=source).consume()
            for c in row["citations"]:
                tx.run(CITATION, key=key, c=c, source=source).consume()
            for item in row["catalogue"]:
                tx.run(CATALOGUE, key=key, item=item, source=source).consume()
            for item in row["delegations"]:
                tx.run(DELEGATION, key=key, department=department, row=item, source=source).consume()

        graph.write_retrying(work)
    return len(chosen)
