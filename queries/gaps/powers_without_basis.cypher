// name: powers_without_basis
// title: 没有可识别依据的权力
// title_en: Powers without a recognised basis
// description: 实施依据为空，或其中识别不出任何法律法规名称的现行权力事项。
// description_en: Current powers whose 实施依据 is empty or names no law that could be recognised.
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WHERE NOT (p)-[:CITES {field: 'basis'}]->()
RETURN d.name AS department, p.type AS type, p.name AS power, left(p.basis_text, 120) AS basis_text
ORDER BY department, power
