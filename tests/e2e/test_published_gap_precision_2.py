"""A second fresh measurement of missing_stage on published lists (tests/e2e/published_gap_lists_2.json:
records of 贵州, 四川, 辽宁 and 河南 publishers that neither the rules nor the first sample,
test_published_gap_precision.py, were written on), every finding judged as a legal officer reads it.
docs/analyses.md ("A second fresh measurement") gives the same table; when the rule finds something else
here, this test fails until the judgement and the document are brought up to date."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_published_gap_precision import published_lists

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).with_name("published_gap_lists_2.json")

# power -> (stages the finding names, real?, why): every missing_stage finding on these lists. Measured
# fresh (the rules as they were before this sample was read): 2 real of 5, docs/analyses.md. The rules
# were changed after it (事中事后, 裁决, no 执行 for a 行政裁决, types with a note, 街道 holders): what they
# find now is below, no longer a fresh measure.
JUDGED: dict[str, tuple[list[str], bool, str]] = {
    "民办教育机构设置审批": (
        ["送达"], True, "no stage issues or delivers the permit (行政许可法 第四十四条); 决定 only decides and tells"),
    "架空电力线路保护区作业活动许可;电力电缆线路保护区作业活动许可": (
        ["事后监管"], True, "no stage supervises the permitted work (行政许可法 第六十一条; 电力法 第五十四条)"),
    # imported since a 实施主体 街道 is the list's own street office (it was refused: 街道 read as a place)
    "一胎生育指标登记办理": (
        ["事后监管"], False,
        ("a birth registration has nothing to supervise after it: the list's type 行政许可 is what is wrong, "
         "not a missing stage (a stricter reader would count it real: the list as published needs correcting)")),
}
# Wrong in the fresh measurement and gone after the changes, with the reading that removed them.
FIXED = {
    "旅店业特种行业许可": "5.事中事后责任: 事中事后 (监管) names 事后监管",
    "建设殡仪服务站、骨灰堂和农村公益性公墓审批": "5.事中事后责任: 事中事后 (监管) names 事后监管",
    # asked for 决定, 送达 and 执行 when measured, then for 送达 after the first changes; after the third
    # sample a 决定 duty that 送达s (its 裁决 row 制作并向双方送达裁决书) names 送达 too
    "个人之间、个人与单位之间林木所有权、林地使用权争议裁决": "the 裁决 (决定) row serves the 裁决书: 送达 done within it",
}
# Found nothing, now that its type 行政许可(国办) is read as 行政许可: it names all five stages.
TYPED = "大中专院校毕业在就创业地落户"


def test_missing_stage_on_a_second_published_sample_is_judged(scratch, tmp_path):
    from importers.run import import_paths
    from kb.analyses import gaps

    report = import_paths(scratch, published_lists(tmp_path, FIXTURE), progress=False)
    refused = {Path(f["path"]).name: f["errors"][0]["message"] for f in report["files"] if f["status"] != "imported"}
    assert not refused, refused  # 双台子 (实施主体 街道) is imported
    assert not [w for f in report["files"] for w in f["warnings"] if "无法识别的权力类型" in w["message"]]

    found = {p: e["missing"] for f in gaps.find(scratch) if f.kind == "missing_stage"
             for p, e in zip(f.powers, f.evidence)}
    assert set(found) == set(JUDGED), f"re-judge and update docs/analyses.md: new {set(found) - set(JUDGED)}, " \
                                      f"gone {set(JUDGED) - set(found)}"
    assert found == {p: stages for p, (stages, _, _) in JUDGED.items()}
    assert not set(found) & set(FIXED) and TYPED not in found
    rows = scratch.read(
        "MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN coalesce(p.name, p.item_name) AS name, p.type AS type, "
        "p.type_original AS original, d.name AS department")
    held = {r["name"]: (r["type"], r["department"]) for r in rows}
    assert next(r["original"] for r in rows if r["name"] == TYPED) == "行政许可(国办)"  # the original kept
    assert held[TYPED][0] == "行政许可"
    assert held["一胎生育指标登记办理"] == ("行政许可", "盘锦市双台子区街道办事处")  # the file's own office
    # the figure docs/analyses.md gives after the changes ("Changed after the second measurement" and after
    # the third): 2 real of 3
    assert (sum(real for _, real, _ in JUDGED.values()), len(JUDGED)) == (2, 3)
