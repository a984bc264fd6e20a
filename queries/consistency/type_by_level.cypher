// name: type_by_level
// title: 同名事项各层级的类型
// title_en: Type of the same item at each level
// description: 同一部门同名事项在不同层级的权力类型；类型不止一种的即四级四同中“类型”不一致。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: The power type of the same item at each level of a department; more than one type breaks 四级四同 on type. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   only_different: bool = false
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
WITH d, p.item_name AS item, collect(DISTINCT p.level) AS levels, collect(DISTINCT p.type) AS types
WHERE size(levels) >= 2 AND ($only_different = false OR size(types) >= 2)
RETURN d.name AS department, item, levels, types
ORDER BY size(types) DESC, department, item
