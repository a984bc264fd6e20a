// name: chain_by_item_name
// title: 按事项名称的纵向链条
// title_en: The vertical chain of an item by name
// description: 名称包含给定文字的事项在各层级的实施：层级、部门、类型、下放/委托、直接实施与指导监督责任条数（kb chain 给出按编码/名称匹配的完整链条）。
// description_en: Where an item whose name contains the text is implemented, level by level: department, type, delegation, and its direct and guidance duties (kb chain gives the full matched chain).
// params:
//   name: str = 种子生产经营许可证
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WHERE p.item_name CONTAINS $name
OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
RETURN CASE p.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END AS rank, p.level AS level, d.name AS department, p.name AS power, p.type AS type,
       dl.manner AS delegated, size([(p)-[:HAS_RESPONSIBILITY]->(r {kind: '直接实施'}) | r]) AS direct_duties,
       size([(p)-[:HAS_RESPONSIBILITY]->(r {kind: '指导监督'}) | r]) AS guidance_duties
ORDER BY rank, department, power
