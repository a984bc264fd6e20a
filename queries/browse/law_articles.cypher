// name: law_articles
// title: 法律条文及引用情况
// title_en: Articles of a loaded law and who cites them
// description: 已入库法律的每一条：所在章节、条文开头，以及以其为实施依据的部门和事项数。
// description_en: Each article of a loaded law: chapter, opening text, and the departments and powers that cite it as basis.
// params:
//   law: str = 安全生产法
//     choices: MATCH (l:Law {loaded: true}) RETURN l.key AS value ORDER BY value
// read_only: true
MATCH (l:Law {key: $law})-[:HAS_ARTICLE]->(a:Article)
OPTIONAL MATCH (a)<-[:BASED_ON]-(p:Power)<-[:HOLDS]-(d:Department)
RETURN a.number AS number, a.label AS article, a.chapter AS chapter, left(a.text, 60) AS text,
       count(DISTINCT p) AS powers, collect(DISTINCT d.name) AS departments
ORDER BY number
