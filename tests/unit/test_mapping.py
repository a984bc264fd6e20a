"""Declared column mappings and the vocabularies beside them."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from importers import mapping, naming, vocabulary
from importers.mapping import best_match, load_mappings, normalize_header, parse_mapping, read_data_file
from importers.vocabulary import level_from_scope, level_from_sheet_name, levels_named, normalize_level
from kb.model import power_type

LAYOUT_A = ["序号", "事项\n名称", "子项\n名称", "权力\n类型", "实施依据", "行使\n主体", "承办\n机构", "实施层级及\n权限", "",
            "部门职责", "责任事项内容", "责任事项依据", "追责对\n象范围", "追责情形", "备注"]
LAYOUT_C = ["序号", "事项名称", "子项名称", "权力类型", "行使主体", "承办机构", "实施依据", "责任事项内容", "责任事项依据",
            "追责对象范围", "追责情形", "备注", "", ""]
CODED = ["序号", "职权编码", "职权名称", "子项名称", "职权类型", "设定依据", "实施主体", "责任事项", "问责情形", "法定期限",
         "承诺期限", "收费依据及标准", "监管电话", "备注"]


def test_mappings_load_from_the_package():
    names = [m.name for m in load_mappings()]
    assert names == ["standard", "coded", "workflow", "service", "untyped", "duty_table", "accountability_table"]  # priority order
    files = [e.name for e in resources.files("importers.mappings").iterdir() if e.name.endswith(".toml")]
    assert {"standard.toml", "coded.toml", "service.toml", "_extra.toml", "departments.toml"} <= set(files)
    vocab = [e.name for e in resources.files("kb").joinpath("vocab").iterdir()]
    assert {"power_types.toml", "levels.toml", "stages.toml"} <= set(vocab)  # the model's, in the package


def test_headers_compare_without_whitespace():
    assert normalize_header(" 事项\n名称 ") == "事项名称"
    match = best_match(LAYOUT_A)
    assert match.mapping.name == "standard"
    assert match.columns["item_name"] == 1 and match.columns["accountability_subjects"] == 12
    assert match.columns["level"] == 7 and "scope" not in match.columns  # I is found by the merged header
    assert match.columns["holder"] == 5


def test_layout_c_maps_by_name_not_position():
    match = best_match(LAYOUT_C)
    assert (match.mapping.name, match.columns["holder"], match.columns["basis_text"]) == ("standard", 4, 6)


def test_misspelt_holder_header():
    assert best_match(["事项名称", "权力类型", "行驶主体"]).columns["holder"] == 2


def test_a_header_with_a_note_after_it_is_read_by_its_words():
    # 广西壮族自治区体育局: 责任事项(明确责任主体), 追责情形(明确内部追责主体)
    match = best_match(["编号", "权力分类", "项目名称", "实施主体", "责任事项（明确责任主体）", "追责情形(明确内部追责主体)"])
    assert match.columns["responsibility_text"] == 4 and match.columns["accountability_situations"] == 5
    assert not match.unmapped


def test_a_list_that_prints_no_type_is_read_by_the_untyped_mapping():
    # 克什克腾旗住建局: no 权力类型 column and no type in the title; `untyped` has standard's columns, no type required
    cells = ["权力序号", "事项编码", "事项名称", "设定依据", "责任主体", "承办机构", "责任事项", "追责情形 及追责依据"]
    match = best_match(cells)
    assert match.mapping.name == "untyped" and not match.unmapped
    assert (match.columns["seq"], match.columns["basis_text"], match.columns["responsibility_text"]) == (0, 3, 6)
    # with a type column, standard reads the same header and wins the tie
    assert best_match([*cells, "权力类型"]).mapping.name == "standard"
    # a table with neither type nor duties is still no list
    assert best_match(["事项名称", "设定依据", "备注"]) is None


def test_a_workflow_layout_reads_its_steps():
    # 石嘴山市民政局's 工作流程汇编: one row per 程序, its duty in 工作内容
    match = best_match(["权力类型", "序号", "事项名称", "程序", "责任单位及责任人", "工作内容", "办结时限"])
    assert match.mapping.name == "workflow"
    assert (match.columns["stage"], match.columns["responsibility_text"], match.columns["unit"]) == (3, 5, 4)
    # a 程序 column without 工作内容 is no workflow layout
    assert best_match(["事项名称", "权力类型", "程序", "责任事项"]).mapping.name != "workflow"


def test_a_coded_layout_picks_the_coded_mapping():
    match = best_match(CODED)
    assert match.mapping.name == "coded"
    assert match.columns["code"] == 1 and match.columns["法定期限"] == 9
    standard = next(m for m in load_mappings() if m.name == "standard")
    assert match.score > best_match(CODED, (standard,)).score


def test_no_mapping_fits_without_the_required_columns():
    assert best_match(["序号", "事项名称", "实施依据"]) is None
    assert best_match(["甲", "乙"]) is None


def test_a_new_layout_is_a_toml_file():
    text = """
    name = "service"
    required = ["item_name"]
    [columns]
    item_name = ["服务事项名称"]
    holder = ["责任单位"]
    [extra]
    "办理时限" = ["办理时限"]
    [defaults]
    type = "公共服务"
    """
    custom = parse_mapping(tomllib.loads(text), "service.toml")
    match = best_match(["服务事项名称", "责任单位", "办理时限"], (*load_mappings(), custom))
    assert match.mapping.name == "service"
    assert match.columns == {"item_name": 0, "holder": 1, "办理时限": 2}
    assert custom.defaults == {"type": "公共服务"}


def test_a_mapping_with_an_unknown_field_is_rejected_with_its_file_name():
    with pytest.raises(ValueError, match=r"bad\.toml：\[columns\] 中有未知字段 'itemname'"):
        parse_mapping({"columns": {"itemname": ["事项名称"]}}, "bad.toml")


@pytest.mark.parametrize("text,expected", [
    ("行政许可", "行政许可"), ("行政\n处罚", "行政处罚"), ("行政 处罚", "行政处罚"), (" 其他行政权力", "其他行政权力"),
    ("许可", "行政许可"), ("处罚", "行政处罚"), ("01", "行政许可"), ("10", "其他行政权力"), ("20", "公共服务"),
    ("XK", "行政许可"), ("cf", "行政处罚"), ("QZ", "行政强制"), ("ZS", "行政征收"), ("GF", "行政给付"), ("JC", "行政检查"),
    ("QR", "行政确认"), ("JL", "行政奖励"), ("CJ", "行政裁决"), ("QT", "其他行政权力"), ("行政许可类", "行政许可"),
    ("其它", "其他行政权力"),
])
def test_power_types(text, expected):
    assert power_type(text).name == expected


def test_unknown_power_type():
    assert power_type("行政指导") is None and power_type("") is None


@pytest.mark.parametrize("text,expected", [
    ("地州市级", "city"), ("市级", "city"), ("地州级", "city"), ("设区的市级", "city"), ("地州\n市级", "city"),
    ("自治区级", "province"), ("省级", "province"), ("县市区级", "county"), ("区县级", "county"), ("县级", "county"),
    ("乡镇级", "township"), ("街道", "township"), ("乡镇（街道）级", "township"),
    ("负责市本级公共机构节能监督检查工作", None), ("地州市级、县市区级", None),
])
def test_levels(text, expected):
    assert normalize_level(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("省级、市级、县级", ["province", "city", "county"]), ("市级、县级", ["city", "county"]), ("市级", ["city"]),
    ("省、市、县", ["province", "city", "county"]), ("省市县三级", ["province", "city", "county"]),
    ("市县两级", ["city", "county"]), ("自治区级、地州市级", ["province", "city"]), ("县级，乡镇", ["county", "township"]),
    ("省市县乡四级", ["province", "city", "county", "township"]), ("县（市、区）级", ["county"]),
    ("县级以上", ["province", "city", "county"]), ("设区的市级以上", ["province", "city"]),
    ("负责市本级公共机构节能监督检查工作", []), ("本级", []), ("", []),
    # a note after the levels (石家庄, 滨海新区): the levels before it, and a township it entrusts or includes
    ("市级、县级、乡级（委托）", ["city", "county", "township"]), ("市级、县级（委托乡镇实施）", ["city", "county", "township"]),
    ("区级、街镇级（委托）", ["county", "township"]), ("区级、街镇级", ["county", "township"]),
    ("省级、市级（初审）", ["province", "city"]), ("县级（含乡镇）", ["county", "township"]),
    ("县级（不含乡镇）", ["county"]), ("市级、县级（乡镇不实施）", ["city", "county"]), ("旗级", ["county"]),
    # … not a note that says no, nor the level that entrusted it (who gave the power is not who exercises it)
    ("县级（不包括乡镇）", ["county"]), ("县级（未委托乡镇）", ["county"]), ("县级（暂不委托乡镇）", ["county"]),
    ("市级（省级委托）", ["city"]), ("乡镇级（县级委托）", ["township"]), ("县级（下放至乡镇）", ["county", "township"]),
    ("县级（县级以上）", ["province", "city", "county"]),
])
def test_the_levels_a_level_cell_names(text, expected):
    assert levels_named(text) == expected


def test_level_from_scope_and_sheet_name():
    assert level_from_scope("负责市本级公共机构节能监督检查工作") == "city"
    assert level_from_scope("负责本级办公用房管理工作") is None
    assert level_from_sheet_name("地州级") == "city" and level_from_sheet_name("区县级") == "county"
    assert level_from_sheet_name("行政许可（11项）") is None


def test_catalogue_code_and_delegation_columns_go_to_extra_keys_the_writer_reads():
    header = ["事项名称", "权力类型", "权力编码", "基本编码", "下放方式", "下放时间", "原实施层级"]
    match = best_match(header)
    assert match.mapping.name == "standard"
    assert {k: match.columns[k] for k in ("code", "catalog_code", "delegation_manner", "delegation_date",
                                          "delegated_from_level")} == {
        "code": 2, "catalog_code": 3, "delegation_manner": 4, "delegation_date": 5, "delegated_from_level": 6}


def by_name(name: str):
    return next(m for m in load_mappings() if m.name == name)


def test_a_service_item_list_without_a_type_column_fits_the_service_mapping():
    match = best_match(["序号", "服务事项", "实施依据", "行使主体"])
    assert match.mapping.name == "service"
    assert match.columns == {"seq": 0, "item_name": 1, "basis_text": 2, "holder": 3}
    assert match.mapping.defaults == {"type": "公共服务"}
    # Only service words name its items: a list of 事项名称 without a type is still no list.
    assert best_match(["序号", "事项名称", "实施依据"]) is None


def test_the_service_mapping_never_wins_where_standard_fits():
    """Every service synonym means the same field in `standard`, and service has no type column, so
    `standard` recognises all it does plus 权力类型 on any header that `standard` fits."""
    service, standard = by_name("service"), by_name("standard")
    assert "type" not in service.columns and service.priority < standard.priority
    for key, synonyms in service.columns.items():
        assert all(standard.field_for(s) == key for s in synonyms), key
    for header in (LAYOUT_A, LAYOUT_C, CODED, ["服务事项", "权力类型", "实施依据", "行使主体"]):
        assert best_match(header).mapping.name != "service"


def test_shared_extra_columns_come_from_one_file():
    shared = set(read_data_file("_extra.toml")["extra"])
    assert {"catalog_code", "delegation_manner", "delegated_from_level"} <= shared
    for m in load_mappings():
        assert shared <= m.extra_keys, m.name
    assert {"法定期限", "承诺期限"} <= by_name("coded").extra_keys  # its own [extra] still counts
    custom = parse_mapping({"include": ["_extra.toml"], "columns": {"item_name": ["名称"]},
                            "extra": {"时限": ["时限"]}}, "custom.toml")
    assert custom.extra_keys == shared | {"时限"}
    assert custom.field_for("基本编码") == "catalog_code"


def test_one_whitespace_rule():
    assert mapping.squeeze(" 行政\n处 罚\u3000") == "行政处罚"
    assert vocabulary.squeeze is mapping.squeeze and naming.squeeze is mapping.squeeze


def test_a_repeated_block_of_columns_is_kept_not_dropped():
    from importers.mapping import best_match

    header = ["序号", "事项名称", "权力类型", "责任事项内容", "责任事项的依据", "追责对象范围", "追责情形", "备注",
              "责任事项依据", "追责对象范围", "追责情形", "备注", "救助渠道"]
    m = best_match(header)
    assert m.columns["responsibility_basis_text"] == 4  # 消防's 责任事项的依据 is a synonym
    assert m.repeats == {"responsibility_basis_text": [8], "accountability_subjects": [9],
                         "accountability_situations": [10], "remarks": [11]}
    assert m.unmapped == {12: "救助渠道"}
