// name: power_responsibilities
// title: 权力事项的责任事项（按环节）
// title_en: A power's responsibilities by stage
// description: 一个权力事项的责任事项：序号、类别（直接实施/指导监督）、环节和内容，以及追责对象和追责情形。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: A power's responsibilities: number, kind (直接实施/指导监督), stage and text, with its accountability. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   power: str = 权限内林草种子生产经营许可证的核发
//   department: str = ""
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND p.name = $power AND ($department = '' OR d.name = $department)
OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a:Accountability)
RETURN d.name AS department, p.level AS level, r.seq AS seq, r.kind AS kind, r.stage AS stage, r.text AS responsibility,
       a.subjects AS accountable, a.text AS accountability
ORDER BY department, level, seq
