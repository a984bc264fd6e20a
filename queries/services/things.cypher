// name: things
// title: 一件事一览
// title_en: Integrated services
// description: 每个一件事：地区、牵头部门、公布的配合部门、办理材料数、时限、条件数、关联事项数（来源未给出的指标为空）。
// description_en: Each integrated service: place, lead, published cooperating bodies, materials, days, conditions, linked matters (empty where the source gives none).
// read_only: true
MATCH (t:Thing)
OPTIONAL MATCH (t)-[:LED_BY]->(lead:Department)
RETURN t.name AS thing, t.area_name AS area, coalesce(lead.name, t.lead_department) AS lead,
       t.cooperating_published AS cooperating, t.materials_before AS materials_before, t.materials_after AS materials_after,
       t.days_before AS days_before, t.days_after AS days_after, t.visits_before AS visits_before, t.visits_after AS visits_after,
       t.conditions AS conditions, t.linked_matters AS linked_matters, t.service_points AS service_points
ORDER BY t.theme_code, t.area_code
