// name: code_by_level
// title: 事项编码的层级对照
// title_en: Codes of items across levels
// description: 同一部门同名事项在各层级的编码；编码缺失或不同即四级四同中“编码”不一致。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: The codes of the same item at each level of a department; a missing or different code breaks 四级四同 on code. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
WITH d, p.item_name AS item, collect(DISTINCT p.level) AS levels, collect(DISTINCT coalesce(p.code, '')) AS codes
WHERE size(levels) >= 2
RETURN d.name AS department, item, levels, codes, size(codes) > 1 AS differs
ORDER BY differs DESC, department, item
