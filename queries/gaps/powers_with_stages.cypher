// name: powers_with_stages
// title: 标明环节的权力事项
// title_en: Powers whose duties name stages
// description: 责任事项标明了环节（受理、审查、决定……）的权力事项及其环节；缺少环节的检查只针对这类事项。
// description_en: Powers whose duties name stages (受理, 审查, 决定 …) and which; the missing-stage check applies to these only.
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
WHERE r.stage IS NOT NULL
RETURN d.name AS department, p.type AS type, p.name AS power, collect(DISTINCT r.stage) AS stages
ORDER BY size(stages) DESC, department
