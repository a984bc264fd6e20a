// name: law_departments
// title: 引用某部法律的部门
// title_en: Departments citing a law
// description: 以某部法律为实施依据的各部门、事项数和所引条文。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: The departments whose powers cite a law as basis, with their number of powers and the articles cited. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   law: str = 安全生产法
//     choices: MATCH (l:Law)<-[:CITES]-() RETURN DISTINCT l.key AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[c:CITES {field: 'basis'}]->(l:Law {key: $law})
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
RETURN d.name AS department, count(DISTINCT p) AS powers, collect(DISTINCT c.article_label) AS articles
ORDER BY powers DESC
