"""Law-change impact: the review queue a new version of a law leaves behind, and its resolutions.

Loading a newer text of a loaded law (importers/writer.py `write_law`) compares it with the text
loaded before (`kb.lawtext.compare_articles`) and queues every current power citing a renumbered,
changed or repealed article as a `LawReview` (old and new text, the likely new article). Here the
queue is read (`kb laws impact LAW`, the law's page) and resolved: *confirmed* (the citation stays as
it is) or *changed* (the citation now names another article: `CITES.article` and `BASED_ON` follow),
with who did it, when and a note.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.db import Graph
from kb.model import law_key

STATUSES = ("open", "confirmed", "changed")
# Every item has these (Neo4j stores no nulls: a repealed article has no likely one).
FIELDS = ("key", "law", "law_title", "from_version", "to_version", "article", "article_label", "cited_label",
          "fields", "power_key", "power_name", "department", "change", "old_text", "new_text", "likely_article",
          "likely_label", "similarity", "status", "created_at", "resolved_by", "resolved_at", "resolved_article",
          "note")


def _item(record: dict) -> dict:
    return {f: record.get(f) for f in FIELDS} | {k: v for k, v in record.items() if k not in FIELDS}

QUEUE = """
MATCH (r:LawReview {law: $law})
WHERE $status = '' OR r.status = $status
RETURN r {.*, created_at: toString(r.created_at), resolved_at: toString(r.resolved_at)} AS review
ORDER BY r.status = 'open' DESC, r.article, r.department, r.power_name
"""

VERSIONS = """
MATCH (l:Law {key: $law})
OPTIONAL MATCH (l)-[:HAS_VERSION]->(v:LawVersion)
WITH l, v ORDER BY v.date
RETURN l.key AS key, l.title AS title, l.version_date AS version_date, l.loaded AS loaded,
       [x IN collect(v) | x {.key, .date, .source_file, .article_count, .current}] AS versions
"""

ONE = """
MATCH (r:LawReview {key: $key})
RETURN r {.*, created_at: toString(r.created_at), resolved_at: toString(r.resolved_at)} AS review
"""

ARTICLE = "MATCH (a:Article {key: $law + '#' + toString($number)}) RETURN a.label AS label"

RESOLVE = """
MATCH (r:LawReview {key: $key})
SET r.status = $status, r.resolved_by = $by, r.resolved_at = datetime(), r.note = $note,
    r.resolved_article = $article
RETURN r {.*, created_at: toString(r.created_at), resolved_at: toString(r.resolved_at)} AS review
"""

# The citation follows the decision: every CITES of the power naming the old article now names the
# new one, and BASED_ON links the new article instead of the old (one per field).
RECITE = """
MATCH (p:Power {key: $power})-[c:CITES]->(:Law {key: $law}) WHERE c.article = $old
SET c.article = $new, c.article_label = $label, c.recited_from = $old, c.recited_by = $by
WITH p, collect(DISTINCT c.field) AS fields
OPTIONAL MATCH (p)-[b:BASED_ON]->(old:Article {key: $law + '#' + toString($old)})
DELETE b
WITH DISTINCT p, fields
MATCH (a:Article {key: $law + '#' + toString($new)})
UNWIND fields AS f
MERGE (p)-[:BASED_ON {field: f}]->(a)
"""


class ReviewError(ValueError):
    pass


@dataclass
class Impact:
    law: str
    title: str
    version_date: str
    versions: list[dict]
    reviews: list[dict]

    def as_dict(self) -> dict:
        counts = {s: sum(r["status"] == s for r in self.reviews) for s in STATUSES}
        return {"law": self.law, "title": self.title, "version_date": self.version_date,
                "versions": self.versions, "counts": counts, "reviews": self.reviews}


def impact(graph: Graph, law: str, status: str = "") -> Impact:
    """The review queue of a law (its key or title), all statuses unless one is given."""
    key = law_key(law) or law
    rows = graph.read(VERSIONS, law=key)
    if not rows:
        raise ReviewError(f"数据库中没有法律 {law!r}")
    head = rows[0]
    reviews = [_item(r["review"]) for r in graph.read(QUEUE, law=key, status=status)]
    return Impact(key, head["title"] or key, head["version_date"] or "", head["versions"], reviews)


def review(graph: Graph, key: str) -> dict | None:
    rows = graph.read(ONE, key=key)
    return _item(rows[0]["review"]) if rows else None


def resolve(graph: Graph, key: str, by: str, article: int | None = None, note: str = "") -> dict:
    """Confirm the citation as it is (no article, or the article it already names), or change it to
    `article` of the loaded text. Records who and when; a resolved item may be resolved again."""
    by = (by or "").strip()
    if not by:
        raise ReviewError("请说明由谁处理（--by）")
    item = review(graph, key)
    if item is None:
        raise ReviewError(f"没有待复核条目 {key!r}")
    if article is None or article == item["article"]:
        status, article = "confirmed", item["article"]
        if item["change"] == "repealed":
            note = note or "引用保留（原条文已删除）"
    else:
        status = "changed"
    with graph.transaction() as tx:
        if status == "changed":
            label = tx.run(ARTICLE, law=item["law"], number=article).single()
            if label is None:
                raise ReviewError(f"已载入的《{item['law_title']}》文本中没有第{article}条")
            tx.run(RECITE, power=item["power_key"], law=item["law"], old=item["article"], new=article,
                   label=label["label"], by=by).consume()
        record = tx.run(RESOLVE, key=key, status=status, by=by, note=note, article=article).single()
        tx.commit()
    return _item(record["review"])
