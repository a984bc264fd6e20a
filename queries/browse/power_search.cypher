// name: power_search
// title: 按名称查找权力事项
// title_en: Find powers by name
// description: 名称中包含给定文字的现行权力事项，带部门、类型和层级。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Current powers whose name contains the given text, with department, type and level. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   text: str = 种子生产经营许可证
//   limit: int = 200
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND p.name CONTAINS $text
RETURN d.name AS department, p.type AS type, p.level AS level, p.name AS power, p.key AS key
ORDER BY department, power
LIMIT $limit
