// name: type_by_department
// title: 各部门各类权力数量
// title_en: Power types by department
// description: 一个辖区内每个部门每类权力的数量，便于比较同类权力集中在哪些部门。
// description_en: How many powers of each type every department of a jurisdiction (and of the places within it, by name or area code) holds, to see where a type concentrates.
// params:
//   jurisdiction: str = ""
//     choices: MATCH (j:Jurisdiction) WHERE exists { (j)<-[:WITHIN*0..]-(:Jurisdiction)<-[:IN_JURISDICTION]-(:Department) } RETURN DISTINCT j.name AS value ORDER BY value
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WHERE $jurisdiction = ''
   OR exists { (d)-[:IN_JURISDICTION]->(:Jurisdiction)-[:WITHIN*0..]->(top:Jurisdiction)
               WHERE top.name = $jurisdiction OR top.code = $jurisdiction }
RETURN p.type AS type, d.name AS department, count(p) AS powers
ORDER BY type, powers DESC
