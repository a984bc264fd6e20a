// name: jurisdictions
// title: 辖区与部门
// title_en: Jurisdictions and their departments
// description: 每个辖区的层级、上级辖区、部门数和现行权力事项数。
// description_en: Each jurisdiction with its level, parent, number of departments and current powers.
// read_only: true
MATCH (j:Jurisdiction)
OPTIONAL MATCH (j)-[:WITHIN]->(parent:Jurisdiction)
OPTIONAL MATCH (d:Department)-[:IN_JURISDICTION]->(j)
OPTIONAL MATCH (d)-[:HOLDS]->(p:Power)
RETURN j.name AS jurisdiction, j.level AS level, j.code AS code, parent.name AS within,
       count(DISTINCT d) AS departments, count(DISTINCT p) AS powers
ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END, jurisdiction
