"""The model's vocabulary: one definition per idea, read from kb/vocab (no database)."""
from __future__ import annotations

from kb import model


def test_power_types_in_code_order_with_their_codes():
    names = model.power_type_names()
    assert names[:3] == ["行政许可", "行政处罚", "行政强制"] and names[-1] == "公共服务" and len(names) == 11
    assert model.type_code("行政检查") == "06" and model.type_code("公共服务") == "20"
    assert model.type_code("行政指导") == "" and model.type_code(None) == ""


def test_power_type_reads_published_spellings():
    for text in ("行政\n处罚", "处罚", "02", "CF", "2", "行政处罚类"):
        assert model.power_type(text).name == "行政处罚", text
    assert model.power_type("行政指导") is None and model.power_type("") is None
    # a note in brackets after the type (贵定县云雾镇: 行政许可(国办)) leaves the type as it is
    for text in ("行政许可(国办)", "行政许可（省级）", "行政许可类（市级）"):
        assert model.power_type(text).name == "行政许可", text
    assert model.power_type("行政指导(国办)") is None and model.power_type("(国办)") is None
    # a cell exported with its quotes (第十师北屯市's 竖表: "行政给付")
    for text in ('"行政给付"', "“行政给付”", "「行政给付」"):
        assert model.power_type(text).name == "行政给付", text
    # a type after its code (湖南's coded CSV export: 01-行政许可, 10-其他行政权力); a code alone or codes joined are no name
    assert {t: model.power_type(t).name for t in ("01-行政许可", "10-其他行政权力", "(02)行政处罚", "XK.行政许可")} == {
        "01-行政许可": "行政许可", "10-其他行政权力": "其他行政权力", "(02)行政处罚": "行政处罚", "XK.行政许可": "行政许可"}
    assert model.power_type("01-02") is None and model.power_type("A-行政指导") is None
    # other publishers' categories, read as the eleven (the text as published is kept beside)
    assert {t: model.power_type(t).name for t in ("行政征用", "行政备案", "行政监督检查", "行政监督")} == {
        "行政征用": "行政征收", "行政备案": "其他行政权力", "行政监督检查": "行政检查", "行政监督": "行政检查"}


def test_levels_rank_and_titles():
    assert model.LEVELS == ("province", "city", "county", "township")
    assert [model.LEVEL_RANK[lv] for lv in model.LEVELS] == [0, 1, 2, 3]
    assert model.LEVEL_TITLES["county"] == "县级" and model.LEVEL_TITLES[""] == "未标明"
    assert model.level_keywords()["地州市级"] == "city" and model.level_scope_hints()["市本级"] == "city"


def test_stage_vocabulary_and_mandatory_sets_agree():
    stages = set(model.stage_words().values())
    rules = model.stage_rules()
    assert rules.min_named == 2 and rules.by_type["行政许可"][0] == "受理"
    for type_name, required in rules.by_type.items():
        assert type_name in model.power_type_names()
        assert set(required) <= stages, type_name  # every mandatory stage can be read from a cell
    assert model.duty_kind_words()["监督指导"] == "指导监督"


def test_example_mark():
    assert model.is_example("【示例】湖南省市场监督管理局权责清单") and model.is_example(" 【示例】x")
    assert not model.is_example("克拉玛依市交通运输局2024年权责清单") and not model.is_example(None)


def test_law_key():
    assert model.law_key("中华人民共和国安全生产法（2021年修正）") == model.law_key("《安全生产法》") == "安全生产法"


def test_saved_queries_name_the_full_text_index_of_the_model():
    """A .cypher file cannot import the constant; this keeps it from drifting."""
    import re

    from queries import loader

    used = {m for q in loader.load_all() for m in re.findall(r"db\.index\.fulltext\.queryNodes\('([^']+)'", q.cypher)}
    assert used == {model.FULLTEXT_INDEX}


def test_a_power_s_name_does_not_repeat_its_item():
    # 青秀区's 子项 「食品经营许可（新办）」 under 食品经营许可 (shown as 食品经营许可（食品经营许可（新办））)
    assert model.power_name("食品经营许可", "食品经营许可（新办）") == "食品经营许可（新办）"
    assert model.power_name("排污许可证核发", "排污许可证核发（首次申请）") == "排污许可证核发（首次申请）"
    assert model.power_name("排污许可证核发", "排污许可证变更") == "排污许可证核发（排污许可证变更）"
    assert model.power_name("食品经营许可", "") == "食品经营许可"
    assert model.power_name("食品经营许可", "食品经营许可证核发") == "食品经营许可（食品经营许可证核发）"


def test_a_city_bureau_s_branch_in_a_county_is_the_county_s_body():
    # 河北's 垂改: 石家庄市生态环境局正定县分局 is 正定县's 生态环境 body, the city bureau's counterpart below
    assert model.branch_body("石家庄市生态环境局正定县分局", "正定县") == "生态环境局"
    assert model.branch_body("西安市公安局雁塔分局", "雁塔区") == "公安局"
    assert model.branch_body("石家庄市市场监督管理局正定县分局", "正定县") == "市场监督管理局"
    for name in ("正定县生态环境局", "某某分局", "正定县分局"):
        assert model.branch_body(name, "正定县") == "", name
    assert model.counterpart_spellings("石家庄市生态环境局正定县分局", "正定县") == ["生态环境局", "生态环境厅"]
    # cities ending in 州, a bureau whose name holds 城市, a short county name, a place the graph names with its city
    assert model.branch_body("杭州市生态环境局西湖区分局", "西湖区") == "生态环境局"
    assert model.branch_body("沧州市生态环境局青县分局", "青县") == "生态环境局"
    assert model.branch_body("郑州市城市管理局金水分局", "金水区") == "城市管理局"
    assert model.branch_body("石家庄市城市管理综合行政执法局正定分局", "正定县") == "城市管理综合行政执法局"
    assert model.branch_body("长春市公安局朝阳区分局", "长春市朝阳区") == "公安局"


def test_a_stored_time_is_shown_in_the_office_s_zone(monkeypatch):
    from datetime import UTC, datetime

    from kb.times import shown_time

    monkeypatch.delenv("KB_TIMEZONE", raising=False)
    # `kb overlaps resolve` printed 2026-12-07T23:58:01.635Z; a version page 2026-12-07T23:55:53.724000000+00:00
    assert shown_time("2026-12-07T23:58:01.635Z") == "2026-12-08 07:58:01"
    assert shown_time("2026-12-07T23:55:53.724000000+00:00") == "2026-12-08 07:55:53"
    assert shown_time(datetime(2026, 12, 7, 23, 0, tzinfo=UTC)) == "2026-12-08 07:00:00"
    assert shown_time("2026-12-07T23:00:00+00:00", "UTC") == "2026-12-07 23:00:00"
    assert (shown_time("2026-12-07"), shown_time(None), shown_time("未写明")) == ("2026-12-07", "", "未写明")
    monkeypatch.setenv("KB_TIMEZONE", "Asia/Urumqi")
    assert shown_time("2026-12-07T23:00:00Z") == "2026-12-08 05:00:00"
