// name: same_thing_by_place
// title: 同一件事在各地的实施
// title_en: One Thing across places
// description: 同一主题的一件事在各地（市、区县）的实施：牵头部门、材料、时限、办理点，便于比较。
// description_en: One theme implemented across places (city, districts): lead, materials, days, service points, to compare.
// params:
//   theme: str = 43PCN0009
//     choices: MATCH (t:Thing) RETURN DISTINCT t.theme_code AS value ORDER BY value
// read_only: true
MATCH (t:Thing)
WHERE $theme = '' OR t.theme_code = $theme
RETURN t.theme_code AS theme, t.name AS thing, t.area_name AS area, t.org_level AS org_level, t.lead_department AS lead,
       t.materials_after AS materials, t.days_after AS days, t.service_points AS service_points
ORDER BY theme, org_level, area
