// name: responsibility_kinds
// title: 责任事项类别统计
// title_en: Responsibilities by kind
// description: 各部门直接实施责任与指导监督责任的条数，以及标明了环节的责任事项条数。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Per department: how many duties are 直接实施 and 指导监督, and how many name a stage. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
RETURN d.name AS department,
       sum(CASE WHEN r.kind = '直接实施' THEN 1 ELSE 0 END) AS direct,
       sum(CASE WHEN r.kind = '指导监督' THEN 1 ELSE 0 END) AS guidance,
       sum(CASE WHEN r.kind IS NULL THEN 1 ELSE 0 END) AS unclassified,
       sum(CASE WHEN r.stage IS NOT NULL THEN 1 ELSE 0 END) AS with_stage
ORDER BY department
