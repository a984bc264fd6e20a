// name: department_pair_articles
// title: 两个部门共用的法条
// title_en: Articles two departments share
// description: 两个部门以同一法条为实施依据的事项对照（同一权力类型）。
// description_en: Side by side: the powers of two departments that cite the same article as basis, for the same power type.
// params:
//   department_a: str = 克拉玛依市应急管理局
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
//   department_b: str = 克拉玛依市交通运输局
//     choices: MATCH (d:Department)-[:HOLDS]->(:Power) RETURN DISTINCT d.name AS value ORDER BY value
// read_only: true
MATCH (a:Department {name: $department_a})-[:HOLDS]->(pa:Power)-[ca:CITES {field: 'basis'}]->(l:Law)
      <-[cb:CITES {field: 'basis'}]-(pb:Power)<-[:HOLDS]-(b:Department {name: $department_b})
WHERE ca.article IS NOT NULL AND ca.article = cb.article AND pa.type = pb.type
RETURN l.title AS law, ca.article_label AS article, pa.type AS type, pa.name AS power_a, pb.name AS power_b
ORDER BY law, ca.article
