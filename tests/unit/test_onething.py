import json

import pytest

from importers.onething import NotAGuide, looks_like_guide, parse_guides, split_departments
from importers.records import FileRefused
from tests.conftest import SHARED_DATA

HUNAN = SHARED_DATA / "hunan_onething"
CATALOGUE = HUNAN / "onething_guides_changsha_subset.json"
THEMES = HUNAN / "themes.json"
RAW_REPLY = HUNAN / "raw/onething/implementations/43PCN0009/430181999000.json"


@pytest.fixture(scope="module")
def catalogue():
    return parse_guides(CATALOGUE)


def test_subset_gives_eleven_implementations_in_two_themes(catalogue):
    assert len(catalogue.implementations) == 11
    assert [t["theme_code"] for t in catalogue.themes] == ["43PCC0001", "43PCN0009"]
    newborn = catalogue.themes[1]
    assert newborn["theme_title"] == "新生儿出生一件事"
    assert newborn["implementation_count"] == 145  # the province-wide counter, as published
    assert [i.source_index for i in catalogue.implementations] == list(range(11))


def test_liuyang(catalogue):
    (liuyang,) = [i for i in catalogue.implementations if i.area_code == "430181999000"]
    assert liuyang.lead_department == "浏阳市卫生健康局"
    assert liuyang.cooperating_departments == ["公安部门", "人社部门", "卫健部门", "医保部门"]
    assert liuyang.area_path == ["长沙市", "浏阳市", "浏阳市市本级"]
    assert liuyang.org_level == "3"
    assert liuyang.implementation_code == "43PCN0009224J0181"
    assert liuyang.theme_code == "43PCN0009"
    assert "D1152CF1600D40D88766A986547EF8E5" in liuyang.official_guide_url
    assert liuyang.metrics == {
        "materials_after": 14, "days_after": 5, "conditions": 4, "linked_matters": 7, "service_points": 1,
        "is_charge": False, "materials_before": None, "days_before": None, "visits_before": None,
        "visits_after": None,
    }


def test_levels_and_leads_follow_the_place(catalogue):
    newborn = [i for i in catalogue.implementations if i.theme_code == "43PCN0009"]
    assert [i.org_level for i in newborn].count("2") == 1
    city = next(i for i in newborn if i.org_level == "2")
    assert (city.area_name, city.lead_department) == ("长沙市直", "长沙市卫生健康委员会")
    assert len({i.lead_department for i in newborn}) == 10
    assert {i.metrics["service_points"] for i in newborn} == {1, 2}
    assert all(i.metrics["materials_after"] == 14 for i in newborn)
    graduates = catalogue.implementations[0]
    assert graduates.metrics["is_charge"] is True
    assert graduates.metrics["days_after"] == 10
    assert len(graduates.cooperating_departments) == 5


def test_themes_file_gives_themes_only():
    doc = parse_guides(THEMES)
    assert len(doc.themes) == 58
    assert doc.implementations == []
    assert doc.themes[1] == {"theme_code": "43PCN0009", "theme_title": "新生儿出生一件事", "type_name": "高效办成一件事"}


def test_raw_portal_reply_is_recognised_and_skipped():
    assert not looks_like_guide(RAW_REPLY)
    with pytest.raises(NotAGuide) as skipped:
        parse_guides(RAW_REPLY)
    error = skipped.value.errors[0]
    assert error.severity == "warning"
    assert "不是办事指南，已跳过" in error.message and "D1152CF1600D40D88766A986547EF8E5" in error.message


def test_looks_like_guide():
    assert looks_like_guide(CATALOGUE)
    assert looks_like_guide(THEMES)
    assert not looks_like_guide(SHARED_DATA / "laws" / "安全生产法(2021-06-10).md")


def test_split_departments_accepts_all_separators():
    assert split_departments("公安部门,人社部门，卫健部门、医保部门; 税务部门") == [
        "公安部门", "人社部门", "卫健部门", "医保部门", "税务部门"]
    assert split_departments("") == []


def test_unknown_counts_stay_none(tmp_path):
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    item = data["themes"][1]["implementations"][0]
    item["guide_summary"].update(completed_limit="即办", is_charge="", material_count=None)
    data["themes"] = [data["themes"][1]]
    path = tmp_path / "guides.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    metrics = parse_guides(path).implementations[0].metrics
    assert metrics["days_after"] is None
    assert metrics["is_charge"] is None
    assert metrics["materials_after"] is None


def test_refuses_implementation_without_lead(tmp_path):
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    del data["themes"][1]["implementations"][9]["guide_summary"]["lead_department"]
    path = tmp_path / "guides.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        parse_guides(path)
    error = refused.value.errors[0]
    assert (error.sheet, error.row, error.column) == ("43PCN0009", 10, "guide_summary.lead_department")


def test_refuses_other_json(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"rows": []}', encoding="utf-8")
    with pytest.raises(FileRefused, match="应为一件事目录"):
        parse_guides(path)
    broken = tmp_path / "broken.json"
    broken.write_text('{"themes": [', encoding="utf-8")
    with pytest.raises(FileRefused, match="不是有效的 JSON"):
        parse_guides(broken)


def test_a_guide_naming_its_items_gives_them_with_code_name_and_department() -> None:
    from importers.onething import guide_items

    item = {"guide_summary": {"linked_matters": [{"sxbm": "A-01", "sxmc": "户口登记", "dept_name": "公安局"},
                                                 "出生医学证明签发", {"note": "无编码无名称"}]}}
    assert guide_items(item) == [{"code": "A-01", "name": "户口登记", "department": "公安局"},
                                 {"code": "", "name": "出生医学证明签发", "department": ""}]
    assert guide_items({"guide_summary": {"linked_matter_count": 7}}) == []


def test_sector_wording_gives_the_words_of_a_department_name() -> None:
    from importers.onething import sector_words

    assert sector_words("公安部门") == ["公安局", "公安分局"]
    assert sector_words("市场监管部门") == sector_words("市监部门") == ["市场监督管理局"]
    assert sector_words("气象部门") == ["气象"]  # not in the table: its own word


def test_items_match_by_code_then_name_then_careful_name_in_one_department() -> None:
    from importers.writer import match_item

    powers = [{"key": "p1", "name": "户口登记", "item_name": "", "code": "GA-1", "catalog": [], "department": "公安局"},
              {"key": "p2", "name": "个体工商户（营业执照）登记", "item_name": "", "code": "", "catalog": ["0001"],
               "department": "市场监督管理局"},
              {"key": "p3", "name": "档案查询", "item_name": "", "code": "", "catalog": [], "department": "档案局"},
              {"key": "p4", "name": "档案查询", "item_name": "", "code": "", "catalog": [], "department": "公安局"}]
    assert match_item({"code": "0001", "name": "别的名称"}, powers) == ("code", ["p2"])
    assert match_item({"code": "X", "name": "户口登记"}, powers) == ("name", ["p1"])
    assert match_item({"name": "个体工商户营业执照登记"}, powers) == ("normalised name", ["p2"])
    assert match_item({"name": "档案查询"}, powers) == ("", [])  # two departments: not guessed
    assert match_item({"name": "档案查询", "department": "档案局"}, powers) == ("name", ["p3"])
    assert match_item({"name": "户口迁移"}, powers) == ("", [])


def test_another_province_s_guide_in_its_own_keys(tmp_path):
    """浙江's export: the place once for the file (区划代码), each 一件事 with 主办部门, 协办部门, counts before
    and after, 涉及事项 (mappings/guides.toml); a list's JSON with a 主办部门 alone stays a list."""
    from importers.lists import sniff

    guide = {"区划代码": "330106", "区划名称": "杭州市西湖区", "一件事": [
        {"事项名称": "开办餐饮店“一件事”", "事项编码": "330106-YJS-0012", "主办部门": "区市场监管局",
         "协办部门": ["杭州市西湖区卫生健康局", "国家税务总局杭州市西湖区税务局"],
         "申请材料": {"整合前": 22, "整合后": 6}, "法定时限": "72个工作日", "承诺时限": "5个工作日",
         "跑动次数": {"整合前": 5, "整合后": 0},
         "涉及事项": [{"事项编码": "330106117002000", "事项名称": "食品经营许可", "实施部门": "杭州市西湖区市场监督管理局"}]},
        {"事项名称": "新生儿出生“一件事”", "主办部门": "杭州市西湖区卫生健康局", "协办部门": "区公安分局、区医保局"}]}
    path = tmp_path / "西湖区一件事.json"
    path.write_text(json.dumps(guide, ensure_ascii=False), encoding="utf-8")
    assert sniff(path) == "guide"
    first, second = parse_guides(path).implementations
    assert (first.jurisdiction, first.theme_code, first.lead_department, first.area_path, first.org_level) == (
        "杭州市西湖区", "330106-YJS-0012", "杭州市西湖区市场监督管理局", ["杭州市", "西湖区"], "3")
    # (法定时限 is the law's limit, kept as such: not a time the service took before its integration)
    assert {k: first.metrics[k] for k in ("materials_before", "materials_after", "days_before", "days_after",
                                          "visits_before", "visits_after", "legal_days")} == {
        "materials_before": 22, "materials_after": 6, "days_before": None, "days_after": 5, "visits_before": 5,
        "visits_after": 0, "legal_days": 72}
    assert first.items == [{"code": "330106117002000", "name": "食品经营许可", "department": "杭州市西湖区市场监督管理局"}]
    assert second.cooperating_departments == ["区公安分局", "区医保局"] and second.theme_code.startswith("YJS-")
    listed = tmp_path / "清单.json"
    listed.write_text(json.dumps([{"事项名称": "食品经营许可", "权力类型": "行政许可", "主办部门": "市场监管局"}],
                                 ensure_ascii=False), encoding="utf-8")
    assert sniff(listed) == "list"


def test_a_duty_boundary_list_stays_a_list_and_a_guide_record_without_a_lead_is_named(tmp_path):
    from importers.lists import sniff

    boundary = tmp_path / "职责边界清单.json"
    boundary.write_text(json.dumps([{"事项名称": "对违法建设的处罚", "权力类型": "行政处罚", "牵头部门": "城管局",
                                     "配合部门": "自然资源局"}], ensure_ascii=False), encoding="utf-8")
    assert sniff(boundary) == "list"
    guide = tmp_path / "一件事.json"
    guide.write_text(json.dumps({"区划代码": "330106", "一件事": [
        {"事项名称": "开办餐饮店一件事", "主办部门": "杭州市西湖区市场监督管理局", "涉及事项": ["食品经营许可"]},
        {"事项名称": "新生儿出生一件事", "主办部门": "", "涉及事项": ["出生医学证明"]},
        {"事项名称": "退休一件事", "主办部门": "杭州市西湖区人力资源和社会保障局", "涉及事项": "6项"}]},
        ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        parse_guides(guide)
    assert [(e.row, e.message) for e in refused.value.errors] == [(2, "这个一件事没有名称或主办（牵头）部门")]


def test_a_service_s_time_saved_from_its_legal_limit_is_said_as_such():
    """泸州's 法定时限 30 and 承诺时限 10, no time before the integration: the saving is from the law's limit to the
    promise, named so; with a time before, that one."""
    from kb.analyses.services import _metrics

    _, missing, saved = _metrics({"days_after": 10, "legal_days": 30, "steps_before": 6, "steps_after": 2})
    assert saved["days"] == {"label": "办理时限（天，法定时限→承诺时限）", "before": 30, "after": 10, "saved": 20,
                             "percent": 66.7}
    assert saved["steps"]["saved"] == 4 and "days_before" in missing
    _, missing, saved = _metrics({"days_before": 20, "days_after": 10, "legal_days": 30})
    assert saved["days"]["label"] == "办理时限（天）" and saved["days"]["before"] == 20
    # (steps and the legal limit, which few guides give, are not said missing where not given)
    assert not {"steps_before", "steps_after", "legal_days"} & set(missing) and "visits_before" in missing
