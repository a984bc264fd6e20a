// name: names_by_level
// title: 同一事项各层级的名称
// title_en: Names of an item at each level
// description: 按名称片段查找事项在各层级的名称写法，核对四级四同中的“名称”（如“权限内林草种子生产经营许可证的核发”与“林草种子生产经营许可证的核发”）。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: How an item is named at each level, found by a fragment of its name, to check 四级四同 on names. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   name: str = 林草种子生产经营许可证
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND p.name CONTAINS $name
RETURN CASE p.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END AS rank, p.level AS level, d.name AS department, p.name AS power, p.type AS type
ORDER BY rank, department
