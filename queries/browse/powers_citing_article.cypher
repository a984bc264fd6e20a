// name: powers_citing_article
// title: 引用某一法条的权力事项
// title_en: Powers citing a given article
// description: 实施依据或责任事项依据中引用某部法律某一条的现行权力事项，带引用原文和所引版本。
// description_en: Current powers whose basis or responsibility basis cites a given article of a law, with the citing text and the version cited.
// params:
//   law: str = 安全生产法
//     choices: MATCH (l:Law)<-[:CITES]-() RETURN DISTINCT l.key AS value ORDER BY value
//   article: int = 62
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)-[c:CITES]->(l:Law {key: $law})
WHERE c.article = $article
RETURN d.name AS department, p.type AS type, p.level AS level, p.name AS power, c.field AS field,
       c.article_label AS article, left(c.text, 200) AS text, c.version_note AS version_cited
ORDER BY department, power
