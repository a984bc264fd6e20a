// name: shared_articles
// title: 多部门共用的法条
// title_en: Articles shared by several departments
// description: 同一辖区、同一权力类型中被两个以上部门作为实施依据的法条（不含行政处罚法等程序性法律），按部门数排序；职责交叉检查（kb check）给出完整的证据和得分。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Articles cited as basis by two or more departments of one jurisdiction for the same power type (procedural laws left out), most departments first; kb check overlaps gives full evidence and scores. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   limit: int = 200
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[c:CITES {field: 'basis'}]->(l:Law)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND c.article IS NOT NULL AND NOT l.key IN ['行政处罚法', '行政许可法', '行政强制法', '行政复议法', '行政诉讼法', '国家赔偿法', '行政机关公务员处分条例', '公务员法', '公职人员政务处分法', '监察法']
WITH d.jurisdiction AS jurisdiction, p.type AS type, l.title AS law, c.article AS number, c.article_label AS article,
     collect(DISTINCT d.name) AS departments, count(DISTINCT p) AS powers
WHERE size(departments) >= 2
RETURN jurisdiction, type, law, article, size(departments) AS n, departments, powers
ORDER BY n DESC, powers, law, number
LIMIT $limit
