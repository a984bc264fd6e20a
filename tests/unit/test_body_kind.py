"""The kind of body a department is, for comparing places (kb/analyses/assignments.py)."""
from __future__ import annotations

import pytest

from kb.analyses.assignments import body_kind
from kb.analyses.findings import CROSS_PLACE_KINDS, KIND_TITLES, KINDS


@pytest.mark.parametrize("department, jurisdiction, code, kind", [
    ("西安市公安局", "西安市", None, "公安局"),
    ("克拉玛依市消防救援支队", "克拉玛依市", "650200", "消防救援支队"),
    ("市公安局", "西安市", None, "公安局"),  # as a list of the city writes it
    ("县教育局", "浏阳市", None, "教育局"),
    ("自治区农业农村厅", "新疆维吾尔自治区", None, "农业农村厅"),
    ("新疆维吾尔自治区克拉玛依市公安局", "克拉玛依市", None, "公安局"),  # the province and the city both go
    ("克拉玛依消防救援支队", "克拉玛依市", None, "消防救援支队"),  # the city's short name
    ("平顶山市新华区公安局", "平顶山市新华区", None, "公安局"),
    # a place's own government, whatever a township calls it
    ("浏阳市集里街道办事处", "浏阳市集里街道", "430181002", "人民政府"),
    ("浏阳市大瑶镇人民政府", "浏阳市大瑶镇", None, "人民政府"),
    # 市 that starts a word stays
    ("西安市市场监督管理局", "西安市", None, "市场监督管理局"),
    ("市场监督管理局", "西安市", None, "市场监督管理局"),
    ("长沙市市容环境卫生管理局", "长沙市", None, "市容环境卫生管理局"),
    # a name that is nothing but its place keeps its name
    ("西安市", "西安市", None, "西安市"),
])
def test_the_kind_of_body_is_its_name_without_its_place(department, jurisdiction, code, kind) -> None:
    assert body_kind(department, jurisdiction, code) == kind


def test_the_rule_is_a_consistency_rule_across_places_with_a_chinese_title() -> None:
    assert KINDS["assignment_differs"] == "consistency"
    assert KIND_TITLES["assignment_differs"] == "各地行使主体不同"
    assert "assignment_differs" in CROSS_PLACE_KINDS


def test_a_merged_county_body_is_the_kind_of_the_body_it_joins_elsewhere():
    from kb.analyses.assignments import _merged_as_parts

    by_place = {"高要区": {"农业农村和水利局"}, "仙居县": {"农业农村局"}}
    _merged_as_parts(by_place)
    assert by_place == {"高要区": {"农业农村局"}, "仙居县": {"农业农村局"}}  # one kind: no finding
    by_place = {"高要区": {"农业农村和水利局"}, "历城区": {"综合行政执法局"}}
    _merged_as_parts(by_place)
    assert by_place == {"高要区": {"农业农村和水利局"}, "历城区": {"综合行政执法局"}}  # still two kinds
