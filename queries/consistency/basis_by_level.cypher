// name: basis_by_level
// title: 同名事项各层级的依据
// title_en: Legal basis of an item at each level
// description: 名称包含给定文字的事项在各层级引用的法律条文，用于核对四级四同中的“依据”。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: The law articles cited at each level by an item whose name contains the text, to check 四级四同 on basis. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   name: str = 建设项目使用草原审批
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND p.item_name CONTAINS $name
OPTIONAL MATCH (p)-[c:CITES {field: 'basis'}]->(l:Law)
RETURN CASE p.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END AS rank, p.level AS level, d.name AS department, p.name AS power,
       collect(l.title + coalesce(c.article_label, '')) AS basis
ORDER BY rank, department
