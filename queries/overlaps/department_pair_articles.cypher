// name: department_pair_articles
// title: 两个部门共用的法条
// title_en: Articles two departments share
// description: 两个部门以同一法条为实施依据的事项对照（同一权力类型）。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Side by side: the powers of two departments that cite the same article as basis, for the same power type. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   department_a: str = 克拉玛依市应急管理局
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
//   department_b: str = 克拉玛依市交通运输局
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (a:Department {name: $department_a})<-[:LIST_OF]-(va:ListVersion)-[:CONTAINS]->(pa:Power)-[ca:CITES {field: 'basis'}]->(l:Law)
      <-[cb:CITES {field: 'basis'}]-(pb:Power)<-[:CONTAINS]-(vb:ListVersion)-[:LIST_OF]->(b:Department {name: $department_b})
WHERE CASE WHEN $as_of = '' THEN pa.current = true ELSE (coalesce(va.in_force_from, '') <= $as_of AND (va.in_force_until IS NULL OR $as_of < va.in_force_until)) END
  AND CASE WHEN $as_of = '' THEN pb.current = true ELSE (coalesce(vb.in_force_from, '') <= $as_of AND (vb.in_force_until IS NULL OR $as_of < vb.in_force_until)) END
  AND ca.article IS NOT NULL AND ca.article = cb.article AND pa.type = pb.type
RETURN l.title AS law, ca.article_label AS article, pa.type AS type, pa.name AS power_a, pb.name AS power_b
ORDER BY law, ca.article
