"""The importer a first attempt would write, as the benchmark's yardstick: every record in its own
transaction, every node and link MERGEd one statement at a time. Not used by kb itself."""
from __future__ import annotations

from dataclasses import asdict

from importers.records import ListDocument
from kb.db import Graph
from kb.model import law_key, text_key

RECORD = """
MERGE (d:Department {name: $department})
MERGE (p:Power {key: $key})
SET p += $props
MERGE (d)-[:HOLDS]->(p)
"""
DUTY = """
MATCH (p:Power {key: $key})
MERGE (r:Responsibility {key: $key + '#r' + toString($seq)})
SET r += $duty
MERGE (p)-[:HAS_RESPONSIBILITY]->(r)
"""
TEXT = "MERGE (t:SearchText {key: $key}) ON CREATE SET t.text = $text"  # searchable, as kb's writer makes it
CITATION = """
MATCH (p:Power {key: $key})
MERGE (l:Law {key: $law})
MERGE (p)-[:CITES {article: coalesce($article, -1)}]->(l)
"""


def write(graph: Graph, docs: list[ListDocument], limit: int) -> int:
    """Write up to `limit` records, one transaction each; the number written."""
    done = 0
    for doc in docs:
        for rec in doc.records:
            if done >= limit:
                return done
            key = f"naive|{doc.department}|{rec.position}"
            props = {"name": rec.name, "type": rec.type, "basis_text": rec.basis_text, "level": rec.level,
                     "basis_key": text_key(rec.basis_text)}

            def work(tx, key=key, props=props, rec=rec, department=doc.department) -> None:
                tx.run(RECORD, department=department, key=key, props=props).consume()
                if props["basis_key"]:
                    tx.run(TEXT, key=props["basis_key"], text=rec.basis_text).consume()
                for duty in rec.responsibilities:
                    tx.run(DUTY, key=key, seq=duty.seq, duty=asdict(duty) | {"text_key": text_key(duty.text)}).consume()
                    if duty.text:
                        tx.run(TEXT, key=text_key(duty.text), text=duty.text).consume()
                for c in rec.citations:
                    tx.run(CITATION, key=key, law=law_key(c.law_title), article=c.article).consume()

            graph.write_retrying(work)
            done += 1
    return done
