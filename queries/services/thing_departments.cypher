// name: thing_departments
// title: 一件事的部门
// title_en: A Thing's departments
// description: 一个一件事的牵头部门、配合部门（公布的写法及库中关联到的部门）。
// description_en: A Thing's lead department and cooperating departments (as published, and the departments linked in the graph).
// params:
//   thing: str = 43PCN0009@430181999000
//     choices: MATCH (t:Thing) RETURN t.key AS value ORDER BY value
// read_only: true
MATCH (t:Thing {key: $thing})
OPTIONAL MATCH (t)-[:LED_BY]->(lead:Department)
OPTIONAL MATCH (t)-[c:COOPERATING]->(co:Department)
RETURN t.name AS thing, t.area_name AS area, lead.name AS lead, t.cooperating_published AS cooperating_published,
       collect(co.name) AS cooperating_linked
