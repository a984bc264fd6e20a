// name: powers_without_responsibility
// title: 没有责任事项的权力
// title_en: Powers without responsibility
// description: 现行清单中没有任何责任事项的权力事项。
// description_en: Current powers with no responsibility at all.
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power)
WHERE NOT (p)-[:HAS_RESPONSIBILITY]->()
RETURN d.name AS department, p.type AS type, p.name AS power, left(p.responsibility_text, 80) AS responsibility_text,
       p.source_file AS file, p.source_row AS row
ORDER BY department, power
