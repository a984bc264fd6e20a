// name: type_by_level
// title: 同名事项各层级的类型
// title_en: Type of the same item at each level
// description: 同一部门同名事项在不同层级的权力类型；类型不止一种的即四级四同中“类型”不一致。
// description_en: The power type of the same item at each level of a department; more than one type breaks 四级四同 on type.
// params:
//   only_different: bool = false
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WITH d, p.item_name AS item, collect(DISTINCT p.level) AS levels, collect(DISTINCT p.type) AS types
WHERE size(levels) >= 2 AND ($only_different = false OR size(types) >= 2)
RETURN d.name AS department, item, levels, types
ORDER BY size(types) DESC, department, item
