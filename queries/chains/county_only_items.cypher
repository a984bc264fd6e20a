// name: county_only_items
// title: 只在下级清单中的事项
// title_en: Items only at the lower level
// description: 同一部门既有上级又有下级清单时，只出现在下级（区县级）清单、上级没有同名事项的事项。
// description_en: For a department with lists at two levels, the items in the lower (county) list with no item of the same name above.
// params:
//   lower: str = county
//     choices: UNWIND ['city', 'county', 'township'] AS value RETURN value
//   upper: str = city
//     choices: UNWIND ['province', 'city', 'county'] AS value RETURN value
// read_only: true
MATCH (d:Department)-[:HOLDS]->(low:Power {level: $lower})
WHERE exists { (d)-[:HOLDS]->(:Power {level: $upper}) }
  AND NOT exists { (d)-[:HOLDS]->(up:Power {level: $upper}) WHERE up.item_name = low.item_name }
RETURN d.name AS department, low.name AS power, low.type AS type
ORDER BY department, power
