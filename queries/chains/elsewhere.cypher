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
// the first $limit of each catalogue item's and each article's other powers, in their listing order
// (level, place, department, name, key: kb.model.listing_order, kept on the links with an index), read
// from the index until $limit pass: a province's article is cited by thousands of powers
CALL {
  WITH p, here
  MATCH (p)-[:IMPLEMENTS]->(c:CatalogItem)
  CALL {
    WITH c, here
    MATCH (o:Power)-[i:IMPLEMENTS]->()
    USING INDEX i:IMPLEMENTS(catalog, order)
    WHERE i.catalog = c.key AND i.order IS NOT NULL AND o.current = true AND coalesce(o.jurisdiction, '') <> here
    WITH o, i ORDER BY i.catalog, i.order LIMIT $limit
    RETURN o, i.order AS order
  }
  RETURN o, order, 0 AS rank
  UNION
  WITH p, here
  // the same article with the same type of power (the procedural laws every list cites left out)
  MATCH (p)-[c1:CITES {field: 'basis'}]->(l:Law)
  WHERE c1.article_key IS NOT NULL AND coalesce(p.type, '') <> ''
    AND NOT l.key IN ['行政处罚法', '行政许可法', '行政强制法', '行政复议法', '行政复议法实施条例', '行政诉讼法', '国家赔偿法', '行政机关公务员处分条例', '公务员法', '公职人员政务处分法', '监察法', '行政监察法', '政府信息公开条例']
  CALL {
    WITH p, c1, here
    MATCH (o:Power)-[c2:CITES]->()
    USING INDEX c2:CITES(article_key, field, order)
    WHERE c2.article_key = c1.article_key AND c2.field = 'basis' AND c2.order IS NOT NULL
      AND o.type = p.type AND o.current = true AND coalesce(o.jurisdiction, '') <> here
    // (a power citing the article twice is one row)
    WITH DISTINCT o, c2.article_key AS article, c2.field AS field, c2.order AS order
    ORDER BY article, field, order LIMIT $limit
    RETURN o, order
  }
  RETURN o, order, 1 AS rank
}
// catalogue matches first; then why each row shown matches, asked of those rows only
WITH p, o, order, min(rank) AS rank
ORDER BY rank, order
LIMIT $limit
WITH p, o, rank, order,
     CASE WHEN o.level IN ['province', 'city', 'county', 'township'] THEN o.level
          ELSE coalesce(head([(d:Department)-[:HOLDS]->(o) | d.level]), '') END AS level
CALL {
  WITH p, o
  OPTIONAL MATCH (p)-[:IMPLEMENTS]->(c:CatalogItem)<-[:IMPLEMENTS]-(o)
  RETURN collect(DISTINCT coalesce(c.code, c.key)) AS codes
}
CALL {
  WITH p, o
  OPTIONAL MATCH (p)-[c1:CITES {field: 'basis'}]->(l:Law)
  WHERE c1.article_key IS NOT NULL AND coalesce(p.type, '') <> '' AND o.type = p.type
    AND NOT l.key IN ['行政处罚法', '行政许可法', '行政强制法', '行政复议法', '行政复议法实施条例', '行政诉讼法', '国家赔偿法', '行政机关公务员处分条例', '公务员法', '公职人员政务处分法', '监察法', '行政监察法', '政府信息公开条例']
    AND EXISTS { MATCH (o)-[c2:CITES {field: 'basis'}]->() WHERE c2.article_key = c1.article_key }
  RETURN collect(DISTINCT '《' + coalesce(l.title, l.key) + '》' + coalesce(c1.article_label, '第' + toString(c1.article) + '条')) AS articles
}
RETURN o.jurisdiction AS place, level, o.department AS department, o.name AS power, CASE WHEN coalesce(o.code, '') <> '' THEN o.code ELSE coalesce(o.x_catalog_code, '') END AS code,
       coalesce(o.type, '') AS type, o.key AS key,
       CASE WHEN rank = 0 THEN ['catalogue'] ELSE [] END + CASE WHEN size(articles) > 0 THEN ['article'] ELSE [] END AS matches,
       codes + articles AS details, rank
ORDER BY rank, order
