// name: delegated_to_townships
// title: 下放到乡镇（街道）的事项
// title_en: Items delegated to townships
// description: 承接层级为乡镇（街道）的下放或委托事项，以及乡镇级清单中的事项。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Items delegated or entrusted to the township level, and the items of township-level lists. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND (p.level = 'township' OR exists { (:Delegation {to_level: 'township'})-[:TO_POWER]->(p) })
OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
RETURN d.name AS department, p.name AS power, p.type AS type, dl.manner AS manner, dl.from_body AS from_body,
       dl.date AS date
ORDER BY department, power
