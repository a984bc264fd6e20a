// name: type_by_department
// title: 各部门各类权力数量
// title_en: Power types by department
// description: 一个辖区内每个部门每类权力的数量，便于比较同类权力集中在哪些部门。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: How many powers of each type every department of a jurisdiction (and of the places within it, by name or area code) holds, to see where a type concentrates. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   jurisdiction: str = ""
//     choices: MATCH (j:Jurisdiction) WHERE exists { (j)<-[:WITHIN*0..]-(:Jurisdiction)<-[:IN_JURISDICTION]-(:Department) } RETURN DISTINCT j.name AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND ($jurisdiction = ''
   OR exists { (d)-[:IN_JURISDICTION]->(:Jurisdiction)-[:WITHIN*0..]->(top:Jurisdiction)
               WHERE top.name = $jurisdiction OR top.code = $jurisdiction })
RETURN p.type AS type, d.name AS department, count(p) AS powers
ORDER BY type, powers DESC
