// name: laws_cited
// title: 被引用的法律法规
// title_en: Laws cited by the lists
// description: 各法律法规被引用的次数、引用的部门数和事项数，以及是否已入库；引用位置可选实施依据或责任事项依据。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: How often each law is cited, by how many departments and powers, and whether its text is loaded; field is basis or responsibility_basis. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   field: str = basis
//     choices: UNWIND ['basis', 'responsibility_basis'] AS value RETURN value
//   limit: int = 200
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[c:CITES]->(l:Law)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND c.field = $field
RETURN l.title AS law, l.loaded AS loaded, count(c) AS citations, count(DISTINCT p) AS powers,
       count(DISTINCT d) AS departments, collect(DISTINCT d.name)[..10] AS some_departments
ORDER BY powers DESC, law
LIMIT $limit
