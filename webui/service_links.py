"""Linking the items of an integrated service (一件事) to the powers behind them, in the browser: each
link or unlink is an `Edit` on the item (`field: 'realises'`, the power's key after or before), and
reverting one from /edits is another such change (with `reverts`).

A link an editor makes is `REALISES {how: 'editor', by, at, reason}`; an unlink keeps the link's `how`
in its Edit (`link_how`), so reverting it puts the link back as it was made (`code`, `name`, `editor` …).
A power copied into a new version of a published list takes its links along (importers.revisions), so
reverting a link also removes those of the power's copies made since.
"""
from __future__ import annotations

import uuid
from typing import Any

# The current powers of the Thing's place and of the places within it; q matches a name or a code.
PLACE_POWERS = """
MATCH (t:Thing {key: $key})-[:IN_JURISDICTION]->(j:Jurisdiction)
MATCH (d:Department)-[:IN_JURISDICTION]->(dj:Jurisdiction)
WHERE dj = j OR exists { (dj)-[:WITHIN*1..]->(j) }
MATCH (d)-[:HOLDS]->(p:Power) WHERE p.current AND NOT coalesce(p.retired, false)
  AND ($power = '' OR p.key = $power)
  AND ($q = '' OR p.name CONTAINS $q OR p.code = $q)
RETURN p {.key, .name, .type, .code, department: d.name} AS power
ORDER BY p.name, d.name LIMIT $limit
"""

ITEM = "MATCH (:Thing {key: $key})-[:INCLUDES]->(s:ServiceItem {key: $item}) RETURN s {.key, .name} AS item"

NEW_ITEM = "new"  # the item an editor adds, named as the power linked to it

# An item an editor adds to a Thing whose guide gives only a count (or names too few): named as the power
# it is linked to, `added_by` its editor (a new import of the guide keeps it, importers.writer WRITE_ITEMS).
ADD_ITEM = """
MATCH (t:Thing {key: $key}), (p:Power {key: $power})
WITH t, p, COUNT { (t)-[:INCLUDES]->(:ServiceItem) } AS n
CREATE (s:ServiceItem {key: t.key + '#editor-' + $id, name: p.name, code: coalesce(p.code, ''),
                       department: p.department, position: 100000 + n, added_by: $who, added_at: datetime()})
CREATE (t)-[:INCLUDES]->(s)
RETURN s.key AS key
"""

THING_OF = "MATCH (t:Thing)-[:INCLUDES]->(:ServiceItem {key: $item}) RETURN t.key AS key LIMIT 1"

LINK = """
MATCH (t:Thing {key: $key})-[:INCLUDES]->(s:ServiceItem {key: $item}), (p:Power {key: $power})
WHERE NOT exists { (s)-[:REALISES]->(p) }
CREATE (s)-[:REALISES {how: $how, by: $who, at: datetime(), reason: $reason}]->(p)
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: s.key, entity_label: 'ServiceItem',
                field: 'realises', before: '', after: p.key, reason: $reason, reverts: $reverts,
                summary: coalesce(s.name, s.code, s.key) + ' → ' + coalesce(p.name, p.key)})
CREATE (e)-[:EDITS]->(s)
RETURN count(e) AS n
"""

# `$copies`: the links to the power's copies in later versions of its list go too (a revert).
UNLINK = """
MATCH (t:Thing {key: $key})-[:INCLUDES]->(s:ServiceItem {key: $item})-[r:REALISES]->(p:Power)
WHERE p.key = $power OR ($copies AND exists { (p)-[:REVISION_OF*1..]->(:Power {key: $power}) })
WITH s, r, p ORDER BY p.key = $power DESC
WITH s, collect(r) AS links, head(collect(r.how)) AS how, head(collect(p.name)) AS name
FOREACH (r IN links | DELETE r)
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: s.key, entity_label: 'ServiceItem',
                field: 'realises', before: $power, after: '', reason: $reason, link_how: how, reverts: $reverts,
                summary: coalesce(s.name, s.code, s.key) + ' ↛ ' + coalesce(name, $power)})
CREATE (e)-[:EDITS]->(s)
RETURN count(e) AS n
"""


def link(tx: Any, thing: str, item: str, power: str, who: str, reason: str, *, how: str = "editor",
         reverts: str | None = None) -> int:
    """Link `item` of `thing` to `power` (1), or nothing when they are linked already (0)."""
    row = tx.run(LINK, key=thing, item=item, power=power, id=uuid.uuid4().hex, who=who, reason=reason, how=how,
                 reverts=reverts).single()
    return row["n"] if row else 0


def add_item(tx: Any, thing: str, power: str, who: str, reason: str) -> int:
    """A new item of `thing`, named as `power`, linked to it (an Edit of the link says who and why)."""
    row = tx.run(ADD_ITEM, key=thing, power=power, id=uuid.uuid4().hex[:12], who=who).single()
    return link(tx, thing, row["key"], power, who, reason) if row else 0


def unlink(tx: Any, thing: str, item: str, power: str, who: str, reason: str, *, copies: bool = False,
           reverts: str | None = None) -> int:
    """Remove the link of `item` of `thing` to `power` (and to its copies, with `copies`): 1, or 0 when
    there was none."""
    row = tx.run(UNLINK, key=thing, item=item, power=power, id=uuid.uuid4().hex, who=who, reason=reason,
                 copies=copies, reverts=reverts).single()
    return row["n"] if row else 0
