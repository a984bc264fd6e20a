// name: elsewhere
// title: 其他地方谁行使此项权力
// title_en: Who exercises this power elsewhere
// description: 给定一项权力（键），列出其他地方（辖区）的现行权力：实施同一目录事项（基本编码），或以同一法条为实施依据且权力类型相同（行政处罚法等程序性法律除外）。列出地方、层级、部门、名称、编码和匹配理由；kb compare 与权力页面用它。
// description_en: For a power (by key), the current powers of other places (jurisdictions) that implement the same catalogue item (basic code), or cite the same article as basis with the same power type (procedural laws left out): place, level, department, name, code and why they match. kb compare and the power page use it.
// params:
//   key: str = ""
//   limit: int = 200
// read_only: true
MATCH (p:Power {key: $key})
WITH p, coalesce(p.jurisdiction, '') AS here
CALL {
  WITH p, here
  MATCH (p)-[:IMPLEMENTS]->(c:CatalogItem)<-[:IMPLEMENTS]-(o:Power)
  WHERE o.current = true AND coalesce(o.jurisdiction, '') <> here
  RETURN o, 'catalogue' AS matched, coalesce(c.code, c.key) AS detail
  UNION
  WITH p, here
  // the other citations of the same article, sought by the article's key (the planner, left alone,
  // walks every citation of the law: 15,360 for one power of the province instead of 316)
  MATCH (p)-[c1:CITES {field: 'basis'}]->(l:Law)
  WHERE c1.article_key IS NOT NULL AND coalesce(p.type, '') <> ''
    AND NOT l.key IN ['行政处罚法', '行政许可法', '行政强制法', '行政复议法', '行政复议法实施条例', '行政诉讼法', '国家赔偿法', '行政机关公务员处分条例', '公务员法', '公职人员政务处分法', '监察法', '行政监察法', '政府信息公开条例']
  MATCH (o:Power)-[c2:CITES {article_key: c1.article_key}]->()
  USING INDEX c2:CITES(article_key)
  WHERE c2.field = 'basis' AND o.type = p.type AND o.current = true AND coalesce(o.jurisdiction, '') <> here
  RETURN o, 'article' AS matched, '《' + coalesce(l.title, l.key) + '》' + coalesce(c1.article_label, '第' + toString(c1.article) + '条') AS detail
}
WITH o, collect(DISTINCT matched) AS matches, collect(DISTINCT detail) AS details
MATCH (d:Department)-[:HOLDS]->(o)
WITH o, d, matches, details,
     CASE WHEN o.level IN ['province', 'city', 'county', 'township'] THEN o.level ELSE coalesce(d.level, '') END AS level
RETURN o.jurisdiction AS place, level, d.name AS department, o.name AS power, coalesce(o.code, '') AS code,
       coalesce(o.type, '') AS type, o.key AS key, matches, details,
       CASE WHEN 'catalogue' IN matches THEN 0 ELSE 1 END AS rank
ORDER BY rank, CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END,
         place, department, power, key
LIMIT $limit
