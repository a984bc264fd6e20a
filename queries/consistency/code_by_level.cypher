// name: code_by_level
// title: 事项编码的层级对照
// title_en: Codes of items across levels
// description: 同一部门同名事项在各层级的编码；编码缺失或不同即四级四同中“编码”不一致。
// description_en: The codes of the same item at each level of a department; a missing or different code breaks 四级四同 on code.
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WITH d, p.item_name AS item, collect(DISTINCT p.level) AS levels, collect(DISTINCT coalesce(p.code, '')) AS codes
WHERE size(levels) >= 2
RETURN d.name AS department, item, levels, codes, size(codes) > 1 AS differs
ORDER BY differs DESC, department, item
