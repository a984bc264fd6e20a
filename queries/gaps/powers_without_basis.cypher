// name: powers_without_basis
// title: 没有可识别依据的权力
// title_en: Powers without a recognised basis
// description: 实施依据为空，或其中识别不出任何法律法规名称的现行权力事项。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Current powers whose 实施依据 is empty or names no law that could be recognised. as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion)-[:CONTAINS]->(p:Power)
WHERE CASE WHEN $as_of = '' THEN p.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
  AND NOT (p)-[:CITES {field: 'basis'}]->()
RETURN d.name AS department, p.type AS type, p.name AS power, left(p.basis_text, 120) AS basis_text
ORDER BY department, power
