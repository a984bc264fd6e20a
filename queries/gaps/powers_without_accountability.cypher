// name: powers_without_accountability
// title: 缺少追责内容的权力
// title_en: Powers without accountability
// description: 没有追责对象范围或追责情形的现行权力事项。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Current powers with no accountability subjects or situations. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a:Accountability)
WITH d, p, a
WHERE a IS NULL OR trim(coalesce(a.subjects, '')) = '' OR trim(coalesce(a.text, '')) = ''
RETURN d.name AS department, p.type AS type, p.name AS power,
       CASE WHEN a IS NULL THEN '无' WHEN trim(coalesce(a.subjects, '')) = '' THEN '缺追责对象范围' ELSE '缺追责情形' END AS missing,
       p.source_file AS file, p.source_row AS row
ORDER BY department, power
