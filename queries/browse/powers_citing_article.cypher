// name: powers_citing_article
// title: 引用某一法条的权力事项
// title_en: Powers citing a given article
// description: 实施依据或责任事项依据中引用某部法律某一条的现行权力事项，带引用原文和所引版本。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Current powers whose basis or responsibility basis cites a given article of a law, with the citing text and the version cited. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   law: str = 安全生产法
//     choices: MATCH (l:Law)<-[:CITES]-() RETURN DISTINCT l.key AS value ORDER BY value
//   article: int = 62
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)-[c:CITES {article_key: $law + '#' + toString($article)}]->(l:Law {key: $law})
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
RETURN d.name AS department, p.type AS type, p.level AS level, p.name AS power, c.field AS field,
       c.article_label AS article, left(c.text, 200) AS text, c.version_note AS version_cited
ORDER BY department, power
