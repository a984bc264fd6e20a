// name: resolutions
// title: 已处理的职责交叉
// title_en: Resolved overlaps
// description: 已明确牵头和配合部门（或确认无需处理）的职责交叉记录：依据、处理人和时间。
// description_en: Overlaps with a recorded lead and cooperating departments (or accepted): basis, who and when.
// params:
//   status: str = ""
//     choices: UNWIND ['resolved', 'accepted'] AS value RETURN value
// read_only: true
MATCH (f:Finding)
WHERE $status = '' OR f.status = $status
RETURN f.id AS id, f.kind AS kind, f.status AS status, f.summary AS summary, f.lead AS lead,
       f.cooperating AS cooperating, f.basis AS basis, f.resolved_by AS resolved_by, toString(f.resolved_at) AS resolved_at
ORDER BY resolved_at DESC
