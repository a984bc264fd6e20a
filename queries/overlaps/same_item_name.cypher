// name: same_item_name
// title: 不同部门的同名事项
// title_en: The same item name in two departments
// description: 同一辖区内两个以上部门使用完全相同的事项名称（规范化后的同名、近似名称见职责交叉检查（kb check））。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Item names used verbatim by two or more departments of one jurisdiction (kb check overlaps also finds normalised and near-duplicate names). as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
WITH d.jurisdiction AS jurisdiction, p.item_name AS item, collect(DISTINCT d.name) AS departments,
     collect(DISTINCT p.type) AS types
WHERE size(departments) >= 2
RETURN jurisdiction, item, departments, types
ORDER BY size(departments) DESC, item
