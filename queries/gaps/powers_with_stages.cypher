// name: powers_with_stages
// title: 标明环节的权力事项
// title_en: Powers whose duties name stages
// description: 责任事项标明了环节（受理、审查、决定……）的权力事项及其环节；缺少环节的检查只针对这类事项。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Powers whose duties name stages (受理, 审查, 决定 …) and which; the missing-stage check applies to these only. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND r.stage IS NOT NULL
RETURN d.name AS department, p.type AS type, p.name AS power, collect(DISTINCT r.stage) AS stages
ORDER BY size(stages) DESC, department
