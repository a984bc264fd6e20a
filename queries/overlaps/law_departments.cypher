// name: law_departments
// title: 引用某部法律的部门
// title_en: Departments citing a law
// description: 以某部法律为实施依据的各部门、事项数和所引条文。
// description_en: The departments whose powers cite a law as basis, with their number of powers and the articles cited.
// params:
//   law: str = 安全生产法
//     choices: MATCH (l:Law)<-[:CITES]-() RETURN DISTINCT l.key AS value ORDER BY value
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)-[c:CITES {field: 'basis'}]->(l:Law {key: $law})
RETURN d.name AS department, count(DISTINCT p) AS powers, collect(DISTINCT c.article_label) AS articles
ORDER BY powers DESC
