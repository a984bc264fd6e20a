// name: thing_items
// title: 一件事的事项与权力
// title_en: A Thing's items and powers
// description: 一个一件事包含的事项、依托的权力事项及其实施部门和责任事项数。
// description_en: The items a Thing includes, the powers they rely on, their departments and number of duties.
// params:
//   thing: str = ""
//     choices: MATCH (t:Thing) RETURN t.key AS value ORDER BY value
// read_only: true
MATCH (t:Thing)
WHERE $thing = '' OR t.key = $thing
OPTIONAL MATCH (t)-[:INCLUDES]->(s:ServiceItem)
OPTIONAL MATCH (s)-[:REALISES]->(p:Power)
OPTIONAL MATCH (d:Department)-[:HOLDS]->(p)
RETURN t.name AS thing, t.area_name AS area, s.name AS item, s.code AS code, p.name AS power, d.name AS department,
       size([(p)-[:HAS_RESPONSIBILITY]->(r) | r]) AS duties
ORDER BY thing, area, item
