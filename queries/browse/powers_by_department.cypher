// name: powers_by_department
// title: 部门权力事项（按类型）
// title_en: Powers of a department by type
// description: 一个部门现行清单中的全部权力事项，可按权力类型筛选（类型留空为全部）；as_of（YYYY-MM-DD）：当日有效的清单。
// description_en: Every power in a department's current list, optionally of one type (empty type: all); as_of (YYYY-MM-DD): the list in force that day.
// params:
//   department: str = 克拉玛依市交通运输局
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
//   type: str = ""
//     choices: MATCH (p:Power) WHERE p.current AND p.type <> '' RETURN DISTINCT p.type AS value ORDER BY value
//   limit: int = 500
//   as_of: str = ""
// read_only: true
MATCH (d:Department {name: $department})<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND ($type = '' OR p.type = $type)
RETURN p.type AS type, p.seq AS seq, p.name AS power, p.level AS level, p.unit AS unit, p.code AS code, p.key AS key
ORDER BY type, p.position
LIMIT $limit
