// name: thing_metrics
// title: 一件事的指标（有与缺）
// title_en: A Thing's metrics, given and missing
// description: 各一件事的办理指标：来源给出的列出数值，没有给出的列入“缺少”（不推算）；前后数字都有时给出压减量。
// description_en: Each Thing's metrics: values the source gives, and the ones it does not (never estimated); the saving where before and after both exist.
// read_only: true
MATCH (t:Thing)
WITH t, ['materials_before', 'materials_after', 'days_before', 'days_after', 'visits_before', 'visits_after'] AS keys
RETURN t.name AS thing, t.area_name AS area,
       [k IN keys WHERE t[k] IS NOT NULL | k + '=' + toString(t[k])] AS given,
       [k IN keys WHERE t[k] IS NULL] AS missing,
       CASE WHEN t.materials_before IS NOT NULL AND t.materials_after IS NOT NULL
            THEN t.materials_before - t.materials_after END AS materials_saved,
       CASE WHEN t.days_before IS NOT NULL AND t.days_after IS NOT NULL THEN t.days_before - t.days_after END AS days_saved
ORDER BY t.theme_code, t.area_code
