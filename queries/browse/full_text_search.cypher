// name: full_text_search
// title: 全文检索
// title_en: Full-text search
// description: 在事项名称、责任事项、法律条文、一件事等文字中全文检索（中文分词），按相关度排序。
// description_en: Full-text search (CJK analyzer) over names, responsibilities, law articles and integrated services, by relevance.
// params:
//   text: str = 种子 许可
//   limit: int = 50
// read_only: true
CALL db.index.fulltext.queryNodes('kb_fulltext', $text) YIELD node, score
RETURN labels(node)[0] AS label, coalesce(node.name, node.title, left(node.text, 60)) AS name,
       coalesce(node.department, node.law_title, node.area_name, '') AS context, round(score, 3) AS score
ORDER BY score DESC
LIMIT $limit
