// name: same_item_name
// title: 不同部门的同名事项
// title_en: The same item name in two departments
// description: 同一辖区内两个以上部门使用完全相同的事项名称（规范化后的同名、近似名称见职责交叉检查（kb check））。
// description_en: Item names used verbatim by two or more departments of one jurisdiction (kb check overlaps also finds normalised and near-duplicate names).
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WITH d.jurisdiction AS jurisdiction, p.item_name AS item, collect(DISTINCT d.name) AS departments,
     collect(DISTINCT p.type) AS types
WHERE size(departments) >= 2
RETURN jurisdiction, item, departments, types
ORDER BY size(departments) DESC, item
