// name: responsibility_kinds
// title: 责任事项类别统计
// title_en: Responsibilities by kind
// description: 各部门直接实施责任与指导监督责任的条数，以及标明了环节的责任事项条数。
// description_en: Per department: how many duties are 直接实施 and 指导监督, and how many name a stage.
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
RETURN d.name AS department,
       sum(CASE WHEN r.kind = '直接实施' THEN 1 ELSE 0 END) AS direct,
       sum(CASE WHEN r.kind = '指导监督' THEN 1 ELSE 0 END) AS guidance,
       sum(CASE WHEN r.kind IS NULL THEN 1 ELSE 0 END) AS unclassified,
       sum(CASE WHEN r.stage IS NOT NULL THEN 1 ELSE 0 END) AS with_stage
ORDER BY department
