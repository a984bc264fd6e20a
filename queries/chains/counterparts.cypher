// name: counterparts
// title: 上下级对口部门
// title_en: Counterpart departments
// description: 上下级对口部门，以及双方的现行事项数。
// description_en: Departments and their counterpart one level up (COUNTERPART_OF), with their numbers of current powers.
// read_only: true
MATCH (low:Department)-[:COUNTERPART_OF]->(up:Department)
RETURN low.name AS department, low.level AS level, up.name AS counterpart_above, up.level AS level_above,
       size([(low)-[:HOLDS]->(p) | p]) AS powers, size([(up)-[:HOLDS]->(p) | p]) AS powers_above
ORDER BY department
