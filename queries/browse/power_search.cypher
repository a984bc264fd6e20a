// name: power_search
// title: 按名称查找权力事项
// title_en: Find powers by name
// description: 名称中包含给定文字的现行权力事项，带部门、类型和层级。
// description_en: Current powers whose name contains the given text, with department, type and level.
// params:
//   text: str = 种子生产经营许可证
//   limit: int = 200
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WHERE p.name CONTAINS $text
RETURN d.name AS department, p.type AS type, p.level AS level, p.name AS power, p.key AS key
ORDER BY department, power
LIMIT $limit
