// name: departments_sharing_article
// title: 共用同一法条的部门
// title_en: Departments sharing an article
// description: 以同一法律同一条为实施依据的不同部门及其事项（同一辖区），可限定权力类型。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Departments of one jurisdiction whose powers cite the same article of a law as basis, optionally of one power type. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   law: str = 安全生产法
//     choices: MATCH (l:Law)<-[:CITES]-() RETURN DISTINCT l.key AS value ORDER BY value
//   article: int = 62
//   type: str = ""
//     choices: MATCH (p:Power) WHERE p.current AND p.type <> '' RETURN DISTINCT p.type AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[c:CITES {field: 'basis'}]->(l:Law {key: $law})
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND c.article = $article AND ($type = '' OR p.type = $type)
WITH d.jurisdiction AS jurisdiction, p.type AS type, collect({department: d.name, power: p.name, text: left(c.text, 80)}) AS powers,
     count(DISTINCT d) AS departments
WHERE departments >= 2
RETURN jurisdiction, type, departments, powers
ORDER BY departments DESC
