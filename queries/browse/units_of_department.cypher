// name: units_of_department
// title: 部门的承办机构
// title_en: Units of a department
// description: 一个部门的承办机构（科室）及其承办的权力事项数。
// description_en: The internal units (承办机构) of a department and how many powers each handles.
// params:
//   department: str = 克拉玛依市林业和草原局
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
// read_only: true
MATCH (u:Unit)-[:PART_OF]->(d:Department {name: $department})
OPTIONAL MATCH (p:Power)-[:HANDLED_BY]->(u) WHERE (d)-[:HOLDS]->(p)
RETURN u.name AS unit, count(p) AS powers, collect(DISTINCT p.type) AS types
ORDER BY powers DESC, unit
