// name: list_versions
// title: 已导入的清单
// title_en: Imported lists
// description: 每份已导入清单：部门、版本、来源文件、事项数、是否现行、导入时间。
// description_en: Every imported list: department, version, source file, records, whether current, when imported.
// read_only: true
MATCH (v:ListVersion)-[:LIST_OF]->(d:Department)
OPTIONAL MATCH (r:ImportRun)-[:PRODUCED]->(v)
RETURN d.name AS department, v.version AS version, v.source_file AS file, v.records AS records,
       v.current AS current, toString(coalesce(r.finished_at, v.imported_at)) AS imported_at
ORDER BY department, version
