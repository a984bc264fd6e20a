// name: powers_without_responsibility
// title: 没有责任事项的权力
// title_en: Powers without responsibility
// description: 现行清单中没有任何责任事项的权力事项。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Current powers with no responsibility at all. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND NOT (p)-[:HAS_RESPONSIBILITY]->()
RETURN d.name AS department, p.type AS type, p.name AS power, left(p.responsibility_text, 80) AS responsibility_text,
       p.source_file AS file, p.source_row AS row
ORDER BY department, power
