// name: delegated_to_townships
// title: 下放到乡镇（街道）的事项
// title_en: Items delegated to townships
// description: 承接层级为乡镇（街道）的下放或委托事项，以及乡镇级清单中的事项。
// description_en: Items delegated or entrusted to the township level, and the items of township-level lists.
// read_only: true
MATCH (p:Power)<-[:HOLDS]-(d:Department)
WHERE p.level = 'township' OR exists { (:Delegation {to_level: 'township'})-[:TO_POWER]->(p) }
OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
RETURN d.name AS department, p.name AS power, p.type AS type, dl.manner AS manner, dl.from_body AS from_body,
       dl.date AS date
ORDER BY department, power
