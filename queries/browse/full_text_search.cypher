// name: full_text_search
// title: 全文检索
// title_en: Full-text search
// description: 在事项名称、责任事项、法律条文、一件事等文字中全文检索（中文分词），按相关度排序。
// description_en: Full-text search (CJK analyzer) over names, responsibilities, law articles and integrated services, by relevance.
// params:
//   text: str = 种子 许可
//   limit: int = 50
// read_only: true
CALL db.index.fulltext.queryNodes('kb_fulltext', $text, {limit: $limit}) YIELD node AS hit, score
// a legal basis or a duty is indexed once for all that hold it (a SearchText): the hit is its current holders
CALL { WITH hit
       WITH hit AS node WHERE NOT node:SearchText RETURN node
       UNION ALL
       WITH hit MATCH (node:Power {basis_key: hit.key}) WHERE hit:SearchText AND node.current RETURN node LIMIT $limit
       UNION ALL
       WITH hit MATCH (node:Responsibility {text_key: hit.key}) WHERE hit:SearchText AND node.current
       RETURN node LIMIT $limit }
WITH node, score LIMIT $limit
WITH node, max(score) AS score
RETURN labels(node)[0] AS label, coalesce(node.name, node.title, left(node.text, 60)) AS name,
       coalesce(node.department, node.law_title, node.area_name, '') AS context, round(score, 3) AS score
ORDER BY score DESC
