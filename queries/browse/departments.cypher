// name: departments
// title: 部门一览
// title_en: Departments
// description: 各部门现行清单的权力事项数量（按权力类型），以及所属辖区和层级。
// description_en: Every department with the number of current powers by type, its jurisdiction and level.
// read_only: true
MATCH (d:Department)
OPTIONAL MATCH (d)-[:HOLDS]->(p:Power)
WITH d, p.type AS type, count(p) AS n
WITH d, sum(n) AS powers, collect(CASE WHEN type IS NULL THEN null ELSE type + '：' + toString(n) END) AS by_type
RETURN d.jurisdiction AS jurisdiction, d.level AS level, d.name AS department, powers, by_type
ORDER BY jurisdiction, department
