// name: citations_missing_article
// title: 引用了不存在的条文
// title_en: Citations of articles that do not exist
// description: 引用已入库法律、但该法现行文本中没有该条的引用（可能引用了旧版本，见所引版本）。
// description_en: Citations of a loaded law whose article number is not in its loaded text (perhaps an older version: see the version cited).
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)-[c:CITES]->(l:Law {loaded: true})
WHERE c.article IS NOT NULL AND NOT exists { (l)-[:HAS_ARTICLE]->(:Article {number: c.article}) }
RETURN d.name AS department, p.name AS power, l.title AS law, c.article_label AS article, l.article_count AS articles_in_law,
       l.version_date AS loaded_version, c.version_note AS version_cited, c.field AS field
ORDER BY department, power
