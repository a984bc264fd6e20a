// name: catalogue_chain
// title: 目录事项自上而下
// title_en: A catalogue item top-down
// description: 实施某一目录编码事项的各级权力（省→市→县→乡镇），带下放/委托方式。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: The powers implementing a catalogue code at every level (province → township), with delegation manner. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   code: str = ""
//     choices: MATCH (c:CatalogItem) RETURN c.code AS value ORDER BY value
//   as_of: str = ""
// read_only: true
MATCH (c:CatalogItem)<-[:IMPLEMENTS]-(p:Power)<-[:CONTAINS]-(v:ListVersion)-[:LIST_OF]->(d:Department)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND ($code = '' OR c.code = $code)
OPTIONAL MATCH (d)-[:IN_JURISDICTION]->(j:Jurisdiction)
OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p)
RETURN c.code AS code, c.name AS item, CASE coalesce(p.level, j.level) WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'township' THEN 3 ELSE 4 END AS rank,
       coalesce(p.level, j.level) AS level, j.name AS jurisdiction, d.name AS department, p.name AS power, p.type AS type,
       dl.manner AS delegated
ORDER BY code, rank, department
