// name: lead_departments
// title: 牵头一件事的部门
// title_en: Departments leading integrated services
// description: 牵头一件事的部门及其牵头的一件事数量和所在地区。
// description_en: The departments that lead integrated services, how many, and where.
// read_only: true
MATCH (t:Thing)-[:LED_BY]->(d:Department)
RETURN d.name AS department, d.jurisdiction AS jurisdiction, count(t) AS things, collect(t.name) AS names
ORDER BY things DESC, department
