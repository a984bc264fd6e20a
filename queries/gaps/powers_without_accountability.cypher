// name: powers_without_accountability
// title: 缺少追责内容的权力
// title_en: Powers without accountability
// description: 没有追责对象范围或追责情形的现行权力事项。
// description_en: Current powers with no accountability subjects or situations.
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a:Accountability)
WITH d, p, a
WHERE a IS NULL OR trim(coalesce(a.subjects, '')) = '' OR trim(coalesce(a.text, '')) = ''
RETURN d.name AS department, p.type AS type, p.name AS power,
       CASE WHEN a IS NULL THEN '无' WHEN trim(coalesce(a.subjects, '')) = '' THEN '缺追责对象范围' ELSE '缺追责情形' END AS missing,
       p.source_file AS file, p.source_row AS row
ORDER BY department, power
