// name: items_at_two_levels
// title: 同一部门多层级的事项
// title_en: Items one department publishes at two levels
// description: 同一部门在不同层级清单中都有的同名事项（如林业和草原局的地州级与区县级目录），每个事项的各层级。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Items a department publishes under the same name at several levels (the 林业和草原局 city and county sheets), with their levels. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   department: str = ""
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
WITH d, p.item_name AS item, collect(DISTINCT p.level) AS levels, collect(DISTINCT p.type) AS types
WHERE size(levels) >= 2 AND ($department = '' OR d.name = $department)
RETURN d.name AS department, item, levels, types
ORDER BY department, item
