// name: delegations
// title: 下放与委托
// title_en: Delegations
// description: 全部下放（下放）和委托（委托）记录：原层级和主体、原事项、承接层级和主体、承接事项、日期；每项一次（已修订清单中的事项按其现行版本）。as_of（YYYY-MM-DD）：按当日有效的清单版本作答，留空为现行清单。
// description_en: Every delegation (下放) and entrustment (委托): from level, body and power, to level, body and power, the date; each once (a power of a revised list by its version in force). as_of (YYYY-MM-DD): answer from the list versions in force that day; empty: the current lists.
// params:
//   as_of: str = ""
// read_only: true
MATCH (v:ListVersion)-[:CONTAINS]->(tp:Power)<-[:TO_POWER]-(dl:Delegation)
WHERE CASE WHEN $as_of = '' THEN tp.current = true ELSE (coalesce(v.in_force_from, '') <= $as_of AND (v.in_force_until IS NULL OR $as_of < v.in_force_until)) END
// a revised delegating power: the original and its copies; the one in force, else the latest
OPTIONAL MATCH (dl)-[:FROM_POWER]->(fp:Power)<-[:CONTAINS]-(fv:ListVersion)
WITH dl, tp, fp, coalesce(CASE WHEN $as_of = '' THEN fp.current = true ELSE (coalesce(fv.in_force_from, '') <= $as_of AND (fv.in_force_until IS NULL OR $as_of < fv.in_force_until)) END, false) AS in_force, fv.in_force_from AS since
ORDER BY in_force DESC, since DESC
WITH dl, tp, head(collect(fp)) AS fp
RETURN dl.manner AS manner, dl.date AS date, dl.from_level AS from_level, dl.from_body AS from_body,
       fp.name AS from_power, dl.to_level AS to_level, dl.to_body AS to_body, tp.name AS to_power
ORDER BY manner, from_body, to_body, to_power
