"""What changed between two versions of a department's list: powers added, removed, renamed and
changed field by field, responsibilities by stage.

A version is a label (2024, 2025); a label may have several ListVersion parts (places that publish one
file per power type), so a version is every power the parts of that label contain. Powers are matched
by code, then by name (whitespace removed), then by name similarity (rapidfuzz, at least
`RENAME_THRESHOLD`, the same type first). A pair whose name differs is `renamed` (`matched_by`: `code`
when the code says they are one item, `similar` when only their names do); its other fields, changed
or not, come with it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from kb.db import Graph
from kb.model import squeeze

RENAME_THRESHOLD = 80  # rapidfuzz ratio, 0–100

# The published fields compared, with their Chinese names (the order they are shown in).
FIELDS: dict[str, str] = {
    "name": "事项名称", "code": "编码", "type": "权力类型", "basis_text": "实施依据", "holder": "行使主体",
    "unit": "承办机构", "level": "实施层级", "scope": "权限", "duty_statement": "部门职责",
    "responsibility_basis_text": "责任事项依据", "accountability_subjects": "追责对象范围",
    "accountability_situations": "追责情形", "remarks": "备注",
}

# A version whose import was reverted (importers.revert: `retired`) is a row of its own, after the
# label's live parts; it takes no part in a comparison.
VERSIONS = """
MATCH (d:Department {name: $department})<-[:LIST_OF]-(v:ListVersion)
WITH v, coalesce(v.retired, false) AS retired ORDER BY v.imported_at
RETURN v.version AS version, retired, max(v.imported_at) AS imported_at, sum(v.records) AS records,
       any(c IN collect(v.current) WHERE c) AS current, collect(v.title)[0] AS title,
       any(f IN collect(coalesce(v.frozen, false)) WHERE f) AS frozen, max(v.published_at) AS published_at,
       head(collect(v.published_by)) AS published_by, min(v.in_force_from) AS in_force_from,
       CASE WHEN retired THEN null ELSE max(v.in_force_until) END AS in_force_until,
       max(v.retired_at) AS retired_at, collect(DISTINCT CASE WHEN v.revision_of IS NULL THEN v.import_run END) AS runs
ORDER BY version, retired
"""

POWERS = """
MATCH (d:Department {name: $department})<-[:LIST_OF]-(v:ListVersion {version: $version})-[:CONTAINS]->(p:Power)
WHERE NOT coalesce(v.retired, false)
OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a:Accountability)
RETURN p {.key, .name, .code, .type, .basis_text, .holder, .unit, .level, .scope, .duty_statement,
          .responsibility_basis_text, .remarks, .source_file, .source_row,
          accountability_subjects: coalesce(a.subjects, ''), accountability_situations: coalesce(a.text, ''),
          duties: [(p)-[:HAS_RESPONSIBILITY]->(r:Responsibility) | {seq: r.seq, stage: r.stage, kind: r.kind,
                   text: r.text}]} AS power
ORDER BY p.position
"""


class NoSuchVersion(LookupError):
    pass


@dataclass
class Diff:
    department: str
    old: str
    new: str
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    renamed: list[dict] = field(default_factory=list)  # {old, new, matched_by, similarity, changes}
    changed: list[dict] = field(default_factory=list)  # {old, new, changes}
    unchanged: int = 0
    # What an import of `new` does to the current list `old` (preview): new, replaces, part or history (effect_of).
    effect: str = "compare"
    duplicates: list[dict] = field(default_factory=list)  # (effect "part") {old, new, matched_by}

    def as_dict(self) -> dict[str, Any]:
        out = {"department": self.department, "old": self.old, "new": self.new, "added": self.added,
               "removed": self.removed, "renamed": self.renamed, "changed": self.changed,
               "unchanged": self.unchanged,
               "counts": {"added": len(self.added), "removed": len(self.removed), "renamed": len(self.renamed),
                          "changed": len(self.changed), "unchanged": self.unchanged}}
        if self.effect != "compare":  # (a preview)
            out |= {"effect": self.effect, "duplicates": self.duplicates}
            out["counts"]["duplicates"] = len(self.duplicates)
        return out

    def rows(self) -> list[dict]:
        """One row per change, for a table or a spreadsheet (变化, 事项, 字段, 原内容, 新内容)."""
        out = [{"change": "新增", "power": p["name"], "field": "", "old": "", "new": p["name"]} for p in self.added]
        out += [{"change": "删除", "power": p["name"], "field": "", "old": p["name"], "new": ""} for p in self.removed]
        for kind, pairs in (("更名", self.renamed), ("修改", self.changed)):
            for pair in pairs:
                out += [{"change": kind, "power": pair["new"]["name"], "field": c["title"], "old": c["old"],
                         "new": c["new"]} for c in pair["changes"]]
        out += [{"change": "重复", "power": pair["new"]["name"], "field": MATCHED_BY[pair["matched_by"]],
                 "old": pair["old"]["name"], "new": pair["new"]["name"]} for pair in self.duplicates]
        return out


def versions(graph: Graph, department: str) -> list[dict]:
    """The department's versions by label, oldest first; the parts whose import was reverted are rows
    of their own (`retired`)."""
    return graph.read(VERSIONS, department=department)


def compare(graph: Graph, department: str, old: str | None = None, new: str | None = None) -> Diff:
    """The diff of two version labels of a department's list (default: the last two)."""
    labels = [v["version"] for v in versions(graph, department) if not v["retired"]]
    if not labels:
        raise NoSuchVersion(f"库中没有{department}的清单")
    if old is None and new is None:
        if len(labels) < 2:
            raise NoSuchVersion(f"{department}只有一个清单版本（{labels[0]}），无可比较")
        old, new = labels[-2], labels[-1]
    for label in (old, new):
        if label not in labels:
            raise NoSuchVersion(f"{department}没有版本 {label!r}（已有版本：{'、'.join(labels)}）")
    before = [r["power"] for r in graph.read(POWERS, department=department, version=old)]
    after = [r["power"] for r in graph.read(POWERS, department=department, version=new)]
    return _diff(department, old, new, before, after)


def _diff(department: str, old: str, new: str, before: list[dict], after: list[dict]) -> Diff:
    result = Diff(department, old, new)
    pairs, left, right = _match(before, after)
    for a, b, how, similarity in pairs:
        changes = field_changes(a, b)
        if how == "similar" or any(c["field"] == "name" for c in changes):
            if how != "similar":
                similarity = round(fuzz.ratio(squeeze(a["name"]), squeeze(b["name"])), 1)
            result.renamed.append({"old": _brief(a), "new": _brief(b), "matched_by": how, "similarity": similarity,
                                   "changes": changes})
        elif changes:
            result.changed.append({"old": _brief(a), "new": _brief(b), "changes": changes})
        else:
            result.unchanged += 1
    result.removed = [_brief(p) for p in left]
    result.added = [_brief(p) for p in right]
    return result


def _match(before: list[dict], after: list[dict]) -> tuple[list[tuple[dict, dict, str, float]], list[dict], list[dict]]:
    """(pairs with how each was matched, unmatched old, unmatched new)."""
    return _match_similar(*_match_exact(before, after))


def _match_exact(before: list[dict], after: list[dict]) -> tuple[list[tuple[dict, dict, str, float]], list[dict],
                                                                  list[dict]]:
    """`_match` by code, then by name, without similar names."""
    pairs: list[tuple[dict, dict, str, float]] = []
    left, right = list(before), list(after)
    for how, key in (("code", lambda p: p.get("code") or None), ("name", lambda p: squeeze(p.get("name")))):
        index: dict[Any, list[dict]] = {}
        for p in right:
            if key(p):
                index.setdefault(key(p), []).append(p)
        still: list[dict] = []
        for p in left:
            candidates = index.get(key(p)) if key(p) else None
            if candidates:
                q = candidates.pop(0)
                right.remove(q)
                pairs.append((p, q, how, 100.0))
            else:
                still.append(p)
        left = still
    return pairs, left, right


def counterpart(power: dict, candidates: list[dict]) -> dict | None:
    """The power among `candidates` (another version of its list) that is the same item, matched as
    `compare` matches them: by code, by name, then by a similar name (None when none is)."""
    pairs, _left, _right = _match([power], list(candidates))
    return pairs[0][1] if pairs else None


def _match_similar(pairs: list, left: list[dict], right: list[dict]) -> tuple[list, list[dict], list[dict]]:
    scored = sorted(((fuzz.ratio(squeeze(a["name"]), squeeze(b["name"])) + (5 if a.get("type") == b.get("type") else 0),
                      i, j) for i, a in enumerate(left) for j, b in enumerate(right)), reverse=True)
    used_left, used_right = set(), set()
    for score, i, j in scored:
        if score < RENAME_THRESHOLD:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((left[i], right[j], "similar", round(min(score, 100.0), 1)))
    return (pairs, [p for i, p in enumerate(left) if i not in used_left],
            [p for j, p in enumerate(right) if j not in used_right])


def field_changes(a: dict, b: dict) -> list[dict]:
    """Each published field that differs (whitespace aside), then the duties stage by stage."""
    out = [{"field": f, "title": title, "old": a.get(f) or "", "new": b.get(f) or ""}
           for f, title in FIELDS.items() if squeeze(a.get(f)) != squeeze(b.get(f))]
    old, new = _duties_by_stage(a), _duties_by_stage(b)
    for stage in dict.fromkeys([*old, *new]):
        if [squeeze(t) for t in old.get(stage, [])] != [squeeze(t) for t in new.get(stage, [])]:
            out.append({"field": f"duties:{stage}", "title": f"责任事项（{stage}）", "old": "\n".join(old.get(stage, [])),
                        "new": "\n".join(new.get(stage, []))})
    return out


def _duties_by_stage(p: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for d in sorted(p.get("duties") or [], key=lambda d: d.get("seq") or 0):
        out.setdefault(d.get("stage") or d.get("kind") or "未分环节", []).append(d.get("text") or "")
    return out


def _brief(p: dict) -> dict:
    return {"key": p["key"], "name": p.get("name") or "", "type": p.get("type") or "", "code": p.get("code") or "",
            "source_file": p.get("source_file"), "source_row": p.get("source_row")}


DIFF_COLUMNS = [("change", "变化"), ("power", "权力事项"), ("field", "字段"), ("old", "原内容"), ("new", "新内容")]


def current_label(graph: Graph, department: str) -> str | None:
    """The version label of the department's current list (None when it has no list yet)."""
    labels = [v for v in versions(graph, department) if not v["retired"]]
    current = [v["version"] for v in labels if v["current"]]
    return current[-1] if current else (labels[-1]["version"] if labels else None)


# What importing a list labelled `new` does to a department whose current list is labelled `old`, as
# importers.writer.CREATE_VERSION does it: a strictly newer label replaces the current list; the same
# label, or a list or file without one, is another part of the current version (both stay current:
# nothing is removed); a strictly older label is kept as history and the current list stays as it is.
MATCHED_BY = {"code": "编码相同", "name": "名称相同"}


def effect_of(old: str | None, new: str) -> str:
    if old is None:
        return "new"
    if not old or not new or old == new:
        return "part"
    return "replaces" if new > old else "history"


def preview(graph: Graph, department: str, new_label: str, after: list[dict]) -> Diff:
    """What importing `after` (power dicts named as POWERS names them, e.g. built from parsed records)
    would change in the department's current list, read-only: when it replaces that list, the same
    matching as `compare`; when it is another part of the current version, its powers are added beside
    the current ones and those with the code or name of a current power are `duplicates` (they would be
    listed twice); as history, nothing changes."""
    old = current_label(graph, department)
    effect = effect_of(old, new_label)
    if effect == "history":
        return Diff(department, old or "", new_label, effect=effect)
    before = [r["power"] for r in graph.read(POWERS, department=department, version=old)] if old else []
    if effect != "part":
        result = _diff(department, old or "", new_label, before, after)
        result.effect = effect
        return result
    pairs, _left, right = _match_exact(before, after)
    return Diff(department, old or "", new_label, effect=effect, added=[_brief(p) for p in right],
                duplicates=[{"old": _brief(a), "new": _brief(b), "matched_by": how} for a, b, how, _ in pairs])
