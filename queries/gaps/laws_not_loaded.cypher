// name: laws_not_loaded
// title: 被引用但未入库的法律
// title_en: Laws cited but not loaded
// description: 清单引用但库中没有全文的法律法规，按引用事项数排序：优先补充这些文本才能核对条文。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Laws the lists cite whose text is not in the graph, most-cited first: load these to check the articles. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   limit: int = 100
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[c:CITES]->(l:Law)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND NOT coalesce(l.loaded, false)
RETURN l.title AS law, count(DISTINCT p) AS powers, count(DISTINCT d) AS departments,
       collect(DISTINCT c.tag)[..3] AS tags, collect(DISTINCT d.name)[..5] AS some_departments
ORDER BY powers DESC, law
LIMIT $limit
