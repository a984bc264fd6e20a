// name: citations_of_older_versions
// title: 引用旧版本的条文
// title_en: Citations naming an older version
// description: 引用已入库法律时注明的版本早于库中版本的引用（同一条号在新旧版本中内容可能不同；职责空白检查（kb check）会比对条文内容）。
// description_en: Citations whose version note names a version older than the loaded one (an article number can change meaning; kb check gaps compares the texts).
// params:
//   law: str = 种子法
//     choices: MATCH (l:Law {loaded: true}) RETURN l.key AS value ORDER BY value
//   field: str = basis
//     choices: UNWIND ['basis', 'responsibility_basis'] AS value RETURN value
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)-[c:CITES {field: $field}]->(l:Law {key: $law})
WHERE c.article IS NOT NULL AND c.version_note <> '' AND NOT c.version_note CONTAINS left(l.version_date, 4)
OPTIONAL MATCH (l)-[:HAS_ARTICLE]->(a:Article {number: c.article})
RETURN d.name AS department, p.name AS power, c.article_label AS article, left(c.text, 60) AS cited_text,
       left(a.text, 60) AS loaded_text, c.version_note AS version_cited, l.version_date AS loaded_version
ORDER BY department, c.article
