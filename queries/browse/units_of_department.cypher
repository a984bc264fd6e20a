// name: units_of_department
// title: 部门的承办机构
// title_en: Units of a department
// description: 一个部门的承办机构（科室）及其承办的权力事项数。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: The internal units (承办机构) of a department and how many powers each handles. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   department: str = 克拉玛依市林业和草原局
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (u:Unit)-[:PART_OF]->(d:Department {name: $department})
OPTIONAL MATCH (d)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[:HANDLED_BY]->(u) WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
RETURN u.name AS unit, count(p) AS powers, collect(DISTINCT p.type) AS types
ORDER BY powers DESC, unit
