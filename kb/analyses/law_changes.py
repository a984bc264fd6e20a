"""Law-change impact: the review queue a new version of a law leaves behind, and its resolutions.

Loading a newer text of a loaded law (importers/writer.py `write_law`) compares it with the text
loaded before (`kb.lawtext.compare_articles`) and queues every current power citing a renumbered,
changed or repealed article as a `LawReview` (old and new text, the likely new article). Here the
queue is read (`kb laws impact LAW`, the law's page) and resolved: *confirmed* (the citation stays as
it is) or *changed* (the citation now names another article: `CITES.article` and `BASED_ON` follow),
with who did it, when and a note. Each resolution is also an `Edit` (entity_label `LawReview`, field
`citation`) in the audit trail, and `revert` undoes one: the citation names the article it named before
and the item is open again, itself an Edit.
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
SET c.article = $new, c.article_label = $label, c.article_key = $law + '#' + toString($new), c.recited_from = $old,
    c.recited_by = $by
WITH p, collect(DISTINCT c.field) AS fields
OPTIONAL MATCH (p)-[b:BASED_ON]->(old:Article {key: $law + '#' + toString($old)})
DELETE b
WITH DISTINCT p, fields
MATCH (a:Article {key: $law + '#' + toString($new)})
UNWIND fields AS f
MERGE (p)-[:BASED_ON {field: f}]->(a)
"""


# The audit entry of a resolution (or of its revert): what the citation named before and after.
AUDIT = """
MATCH (r:LawReview {key: $key})
CREATE (e:Edit {id: randomUUID(), who: $by, when: datetime(), entity_key: r.key, entity_label: 'LawReview',
                field: 'citation', before: $before, after: $after, reason: $reason, reverts: $reverts,
                status: r.status, resolved_article: r.resolved_article, law: r.law, power_key: r.power_key,
                summary: r.department + '「' + r.power_name + '」《' + r.law_title + '》'})
CREATE (e)-[:EDITS]->(r)
RETURN e.id AS id
"""

REOPEN = """
MATCH (r:LawReview {key: $key})
SET r.status = 'open', r.resolved_by = null, r.resolved_at = null, r.note = null, r.resolved_article = null
"""

EDIT = "MATCH (e:Edit {id: $id, entity_label: 'LawReview'}) RETURN e {.*} AS edit"


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


def _cited(item: dict) -> str:
    return item.get("article_label") or item.get("cited_label") or f"第{item['article']}条"


def resolve(graph: Graph, key: str, by: str, article: int | None = None, note: str = "") -> dict:
    """Confirm the citation as it is (no article, or the article it already names), or change it to
    `article` of the loaded text. Records who and when, with an audit entry (the note its reason); a
    resolved item may be resolved again."""
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
        now = _cited(item)
        if status == "changed":
            label = tx.run(ARTICLE, law=item["law"], number=article).single()
            if label is None:
                raise ReviewError(f"已载入的《{item['law_title']}》文本中没有第{article}条")
            tx.run(RECITE, power=item["power_key"], law=item["law"], old=item["article"], new=article,
                   label=label["label"], by=by).consume()
            now = label["label"] or f"第{article}条"
        record = tx.run(RESOLVE, key=key, status=status, by=by, note=note, article=article).single()
        after = f"改引{now}" if status == "changed" else f"确认引用{now}"
        tx.run(AUDIT, key=key, by=by, before=_cited(item), after=after, reason=note, reverts=None).consume()
        tx.commit()
    return _item(record["review"])


def revert(graph: Graph, edit_id: str, by: str, reason: str) -> int:
    """Undo the resolution audited as `edit_id`: a changed citation names the article it named before
    (BASED_ON follows) and the item is open again; an Edit records it. 0 when the item was resolved
    otherwise since (or reopened), 1 when reverted."""
    rows = graph.read(EDIT, id=edit_id)
    if not rows:
        return 0
    edit = rows[0]["edit"]
    item = review(graph, edit["entity_key"])
    if item is None or edit.get("reverts") or item["status"] != edit.get("status") or \
            item["resolved_article"] != edit.get("resolved_article"):
        return 0
    with graph.transaction() as tx:
        if item["status"] == "changed":
            tx.run(RECITE, power=item["power_key"], law=item["law"], old=item["resolved_article"],
                   new=item["article"], label=_cited(item), by=by).consume()
        tx.run(REOPEN, key=item["key"]).consume()
        tx.run(AUDIT, key=item["key"], by=by, before=edit.get("after") or "", after=f"待复核{_cited(item)}",
               reason=reason, reverts=edit_id).consume()
        tx.commit()
    return 1
