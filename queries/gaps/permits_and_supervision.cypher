// name: permits_and_supervision
// title: 行政许可的事后监管
// title_en: Permits and their after-approval supervision
// description: 每个行政许可：责任事项中是否有事后监管环节或监管内容，本辖区依据同一法律的行政检查有几项。
// description_en: Each permit: whether its duties name after-approval supervision, and how many inspections in the jurisdiction cite the same law.
// read_only: true
MATCH (d:Department)-[:HOLDS]->(p:Power {type: '行政许可'})
OPTIONAL MATCH (p)-[:CITES {field: 'basis'}]->(l:Law)<-[:CITES {field: 'basis'}]-(i:Power {type: '行政检查'})<-[:HOLDS]-(di:Department)
  WHERE di.jurisdiction = d.jurisdiction AND NOT l.key IN ['行政处罚法', '行政许可法', '行政强制法', '行政复议法', '行政诉讼法', '国家赔偿法', '行政机关公务员处分条例', '公务员法', '公职人员政务处分法', '监察法']
RETURN d.name AS department, p.name AS permit,
       exists { (p)-[:HAS_RESPONSIBILITY]->(:Responsibility {stage: '事后监管'}) } AS supervision_stage,
       p.responsibility_text CONTAINS '监管' OR p.responsibility_text CONTAINS '监督' AS supervision_in_text,
       count(DISTINCT i) AS inspections_same_law
ORDER BY supervision_stage, inspections_same_law, department
