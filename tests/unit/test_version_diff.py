"""Comparing two versions of a list: matched by code, name, then similar name (no database)."""
from __future__ import annotations

from kb.analyses.diff import _diff


def power(key: str, name: str, **kw) -> dict:
    return {"key": key, "name": name, "type": kw.pop("type", "行政处罚"), "code": kw.pop("code", ""),
            "basis_text": kw.pop("basis_text", "《安全生产法》第六十二条"), "duties": kw.pop("duties", []), **kw}


def test_added_removed_renamed_changed():
    old = [power("a", "对未取得许可从事经营的处罚", code="C1"),
           power("b", "安全生产监督检查", type="行政检查"),
           power("c", "对生产经营单位未按规定设置安全生产管理机构的处罚"),
           power("d", "已取消的事项")]
    new = [power("a2", "对未取得许可证从事经营活动的处罚", code="C1"),  # same code, another name: renamed
           power("b2", "安全生产监督检查", type="行政检查", basis_text="《安全生产法》第六十五条"),
           power("c2", "对生产经营单位未按照规定设置安全生产管理机构的行政处罚"),
           power("e2", "新设的事项")]
    d = _diff("甲市应急管理局", "2024", "2025", old, new)
    assert [p["name"] for p in d.added] == ["新设的事项"] and [p["name"] for p in d.removed] == ["已取消的事项"]
    assert [(r["old"]["key"], r["new"]["key"], r["matched_by"]) for r in d.renamed] == \
        [("a", "a2", "code"), ("c", "c2", "similar")]
    changed = {c["new"]["key"]: [x["field"] for x in c["changes"]] for c in d.changed}
    assert changed == {"b2": ["basis_text"]}
    rows = d.rows()
    assert {"change": "修改", "power": "安全生产监督检查", "field": "实施依据", "old": "《安全生产法》第六十二条",
            "new": "《安全生产法》第六十五条"} in rows


def test_duties_compared_stage_by_stage():
    old = [power("a", "食品经营许可", type="行政许可",
                 duties=[{"seq": 1, "stage": "受理", "text": "受理申请"}, {"seq": 2, "stage": "审查", "text": "审查材料"}])]
    new = [power("a", "食品经营许可", type="行政许可",
                 duties=[{"seq": 1, "stage": "受理", "text": "受理申请"}, {"seq": 2, "stage": "审查", "text": "审查材料并现场核查"}])]
    [change] = _diff("乙市市场监督管理局", "2024", "2025", old, new).changed
    assert [(c["title"], c["old"], c["new"]) for c in change["changes"]] == [("责任事项（审查）", "审查材料", "审查材料并现场核查")]


def test_identical_versions_have_nothing_to_show():
    same = [power("a", "x"), power("b", "y")]
    d = _diff("丙", "1", "2", same, [dict(p) for p in same])
    assert d.unchanged == 2 and not (d.added or d.removed or d.renamed or d.changed)
