// name: articles_nobody_cites
// title: 无人引用的条文
// title_en: Articles of a loaded law nobody cites
// description: 已入库法律中没有任何权力事项作为依据的条文：可能是没有部门认领的职责（职责空白），也可能只是总则或程序条款。
// description_en: Articles of a loaded law no power is based on: a duty nobody claims (a gap), or just a general or procedural clause.
// params:
//   law: str = 安全生产法
//     choices: MATCH (l:Law {loaded: true}) RETURN l.key AS value ORDER BY value
// read_only: true
MATCH (l:Law {key: $law})-[:HAS_ARTICLE]->(a:Article)
WHERE NOT (a)<-[:BASED_ON]-(:Power)<-[:HOLDS]-()
RETURN a.number AS number, a.label AS article, a.chapter AS chapter, left(a.text, 80) AS text
ORDER BY number
