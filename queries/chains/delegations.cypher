// name: delegations
// title: 下放与委托
// title_en: Delegations
// description: 全部下放（下放）和委托（委托）记录：原层级和主体、承接层级和主体、承接事项、日期。
// description_en: Every delegation (下放) and entrustment (委托): from level and body, to level and body, the receiving power, the date.
// read_only: true
MATCH (dl:Delegation)
OPTIONAL MATCH (dl)-[:TO_POWER]->(tp:Power)
OPTIONAL MATCH (dl)-[:FROM_POWER]->(fp:Power)
RETURN dl.manner AS manner, dl.date AS date, dl.from_level AS from_level, dl.from_body AS from_body,
       fp.name AS from_power, dl.to_level AS to_level, dl.to_body AS to_body, tp.name AS to_power
ORDER BY manner, from_body
