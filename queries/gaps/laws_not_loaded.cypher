// name: laws_not_loaded
// title: 被引用但未入库的法律
// title_en: Laws cited but not loaded
// description: 清单引用但库中没有全文的法律法规，按引用事项数排序：优先补充这些文本才能核对条文。
// description_en: Laws the lists cite whose text is not in the graph, most-cited first: load these to check the articles.
// params:
//   limit: int = 100
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)-[c:CITES]->(l:Law)
WHERE NOT coalesce(l.loaded, false)
RETURN l.title AS law, count(DISTINCT p) AS powers, count(DISTINCT d) AS departments,
       collect(DISTINCT c.tag)[..3] AS tags, collect(DISTINCT d.name)[..5] AS some_departments
ORDER BY powers DESC, law
LIMIT $limit
