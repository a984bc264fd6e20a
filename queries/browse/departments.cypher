// name: departments
// title: 部门一览
// title_en: Departments
// description: 各部门现行清单的权力事项数量（按权力类型），以及所属辖区和层级。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Every department with the number of current powers by type, its jurisdiction and level. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)
OPTIONAL MATCH (d)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power) WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
WITH d, p.type AS type, count(p) AS n
WITH d, sum(n) AS powers, collect(CASE WHEN type IS NULL THEN null ELSE type + '：' + toString(n) END) AS by_type
RETURN d.jurisdiction AS jurisdiction, d.level AS level, d.name AS department, powers, by_type
ORDER BY jurisdiction, department
