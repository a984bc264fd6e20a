// name: chain_by_item_name
// title: 按事项名称的纵向链条
// title_en: The vertical chain of an item by name
// description: 名称包含给定文字的事项在各层级的实施：层级、部门、类型、下放/委托、直接实施与指导监督责任条数（kb chain 给出按编码/名称匹配的完整链条）。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Where an item whose name contains the text is implemented, level by level: department, type, delegation, and its direct and guidance duties (kb chain gives the full matched chain). as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   name: str = 种子生产经营许可证
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND p.item_name CONTAINS $name
OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
RETURN CASE p.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END AS rank, p.level AS level, d.name AS department, p.name AS power, p.type AS type,
       dl.manner AS delegated, size([(p)-[:HAS_RESPONSIBILITY]->(r {kind: '直接实施'}) | r]) AS direct_duties,
       size([(p)-[:HAS_RESPONSIBILITY]->(r {kind: '指导监督'}) | r]) AS guidance_duties
ORDER BY rank, department, power
