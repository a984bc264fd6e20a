"""A fourth fresh measurement of missing_stage on published lists (tests/e2e/published_gap_lists_4.json:
records of 安徽, 四川, 云南, 内蒙古, 贵州 and 河南 publishers that neither the rules nor the three earlier samples,
test_published_gap_precision.py, _2.py and _3.py, were written on), every finding judged as a legal officer
reads it. Measured on the rules as changed after the third measurement (a 决定 duty that serves or issues names
送达; a 行政裁决's 调查 or 调解 names 审查) and not touched since: docs/analyses.md ("A fourth fresh measurement")
gives the same table; when the rule finds something else here, this test fails until the judgement and the
document are brought up to date."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_published_gap_precision import published_lists, stages_found

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).with_name("published_gap_lists_4.json")

# power -> (stages the finding names, real?, why): every missing_stage finding on these lists, after the change
# that followed this measurement (a list written in stages that names one is checked; docs/analyses.md).
JUDGED: dict[str, tuple[list[str], bool, str]] = {
    "在宗教活动场所内对改建或新建建筑物不影响宗教活动场所现有布局和功能审批": (
        ["审查", "决定", "送达", "事后监管"], True,
        ("册亨: a 行政许可 whose 责任事项 is 1.受理责任 alone — nothing reviews, decides, issues or supervises "
         "(行政许可法 第三十四、三十八、四十四、六十一条); missed when measured (one named stage, below min_named)")),
}
# Wrong when measured (0 real of 2) and gone after the change that followed, with the reading that removed them.
FIXED = {
    "农业机械事故责任的认定": (
        "宣州: 「2.现场鉴定阶段责任:…进行鉴定」 is a heading in the procedure's own word where 审查 would be (between "
        "受理 and 决定): the review is written, not missing"),
    "公路建设项目施工许可": "乌拉特前旗: 「.受理责任:」, a heading whose number was lost, names 受理",
}
# Named every stage of their type's set: rightly no finding.
COMPLETE = {
    "森林更新验收合格证核发",  # 舒城 行政确认
    "对在禁采区、禁采期和封育期内采集省重点保护野生植物的行政处罚",  # 雅安 行政处罚, 立案 … 执行
    "对未经依法批准,在港口进行可能危及港口安全的采掘、爆破等活动或者向港口水域倾倒泥土、砂石的行政强制消除",  # 保山
    "林权登记（林木和林地权属登记）",  # 中站区 行政确认, one row per 办理环节
    "营业性文艺团体设立及演出活动许可（(1)营业性文艺团体设立）",  # 中站区 行政许可, one row per 办理环节
}


def test_missing_stage_on_a_fourth_published_sample_is_judged(scratch, tmp_path):
    paths = published_lists(tmp_path, FIXTURE)
    assert len(paths) == 8
    findings, found = stages_found(scratch, paths, JUDGED)
    assert found == {p: stages for p, (stages, _, _) in JUDGED.items()}
    assert not set(found) & (set(FIXED) | COMPLETE)
    powers = {p for f in findings for p in f.powers}
    assert COMPLETE <= powers  # imported under these names (no_accountability names every list's power)
    # the figures docs/analyses.md gives: 0 real of 2 when measured; 1 real of 1 after the change that followed
    assert (sum(real for _, real, _ in JUDGED.values()), len(JUDGED)) == (1, 1)
    # the other gap rules: no_accountability once per list (no layout here has both 追责 columns) and once for
    # 册亨's empty 追责对象范围; no_basis for 宣州 (its layout has no 实施依据); permit_without_supervision for 册亨
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    # (册亨's permit_without_supervision is its missing_stage finding's too since 2026-12-08: one finding, both evidences)
    assert counts == {"missing_stage": 1, "no_accountability": 9, "no_basis": 1}
    assert [e["type"] for f in findings if f.kind == "missing_stage" for e in f.evidence] == ["stages", "permit"]
    assert [f.powers for f in findings if f.kind == "no_basis"] == [["农业机械事故责任的认定"]]
    assert [f.powers for f in findings if f.kind == "missing_stage"] == [list(JUDGED)]
