"""Parsing published lists: the 15 real Karamay files, sample rows, bad inputs, JSON, routing."""
from __future__ import annotations

import json
import zipfile
from collections import Counter
from functools import partial
from pathlib import Path

import openpyxl
import pytest
import xlrd

from importers import lists
from importers.duties import without_stage_note
from importers.lists import parse_list, sniff
from importers.records import FileRefused
from tests.conftest import SHARED_DATA as DATA

KARAMAY = DATA / "karamay"

# file -> (records, department full name); counts from shared/data/README.md.
EXPECTED = {
    "2024年市农业农村局权责清单.xls": (311, "克拉玛依市农业农村局"),
    "2025年克拉玛依市统计局权责清单.xlsx": (3, "克拉玛依市统计局"),
    "克拉玛依市人力资源和社会保障局2024年权责清单.xls": (108, "克拉玛依市人力资源和社会保障局"),
    "克拉玛依市发展和改革委员会2024年权责清单.xls": (57, "克拉玛依市发展和改革委员会"),
    "克拉玛依市应急管理局2024年权责清单.xls": (149, "克拉玛依市应急管理局"),
    "克拉玛依市机关事务管理局2024年权责清单.xls": (10, "克拉玛依市机关事务管理局"),
    "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xls": (310, "克拉玛依市林业和草原局"),
    "克拉玛依市档案局2024年权责清单.xlsx": (12, "克拉玛依市档案局"),
    "克拉玛依市档案局2024年权责清单 (1).xlsx": (12, "克拉玛依市档案局"),
    "克拉玛依市生态环境局2024年权责清单.xls": (217, "克拉玛依市生态环境局"),
    "克拉玛依市自然资源局2024年权责清单 (1).xls": (169, "克拉玛依市自然资源局"),
    "国动办权责清单公示.xlsx": (18, "克拉玛依市国防动员办公室"),
    "附件：克拉玛依市交通运输局2024年权责清单.xlsx": (360, "克拉玛依市交通运输局"),
    "附件：克拉玛依市市场监督管理局2024年权责清单.xls": (442, "克拉玛依市市场监督管理局"),
    "附件：克拉玛依市财政局2025年权责清单 (1).xlsx": (19, "克拉玛依市财政局"),
}
DISTINCT_NAMES = {"克拉玛依市人力资源和社会保障局2024年权责清单.xls": 100, "国动办权责清单公示.xlsx": 17,
                  "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xls": 165,
                  "克拉玛依市应急管理局2024年权责清单.xls": 137}

_cache: dict[str, object] = {}


# Neither its name nor its cells say where this list is from (行使主体 地州市农业农村局): imported, as kb demo does,
# from a folder whose kb-import.toml names 克拉玛依市, or with --jurisdiction.
UNPLACED = {"2024年市农业农村局权责清单.xls"}


def parsed(name: str):
    """Each real file is parsed once per test run."""
    if name not in _cache:
        _cache[name] = parse_list(KARAMAY / name, jurisdiction="克拉玛依市" if name in UNPLACED else None)
    return _cache[name]


def record(doc, item_prefix: str, sub: str | None = None):
    hits = [r for r in doc.records if r.item_name.startswith(item_prefix)
            and (sub is None or r.sub_item_name.startswith(sub))]
    assert hits, f"no record {item_prefix!r} {sub or ''}"
    return hits[0]


# --- the real files ------------------------------------------------------------------------------

def test_the_data_folder_holds_the_fifteen_files():
    assert sorted(p.name for p in KARAMAY.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_record_count_and_department(name):
    count, department = EXPECTED[name]
    doc = parsed(name)
    assert len(doc.records) == count
    assert doc.department == department
    assert doc.jurisdiction == "克拉玛依市"
    assert doc.jurisdiction_level == "city"
    assert doc.mapping == "standard"
    assert [r.position for r in doc.records] == list(range(count))
    assert all(r.item_name for r in doc.records)
    assert not [w for w in doc.warnings if w.severity != "warning"]
    if name in DISTINCT_NAMES:
        assert len({r.item_name for r in doc.records}) == DISTINCT_NAMES[name]


def test_total_records():
    total = sum(len(parsed(n).records) for n in EXPECTED)
    assert total == 2197


def _independent_count(path: Path) -> int:
    """Rows below the 事项名称 header where 事项名称, 子项名称 or 权力类型 holds a value of its own
    (cells under a merge do not), counted straight from xlrd / openpyxl."""
    sheets = []
    if path.read_bytes()[:2] == b"PK":
        for ws in openpyxl.load_workbook(path).worksheets:
            covered = {(r - 1, c - 1) for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
                       for c in range(m.min_col, m.max_col + 1) if (r, c) != (m.min_row, m.min_col)}
            rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
            sheets.append((rows, covered))
    else:
        for sh in xlrd.open_workbook(str(path), formatting_info=True).sheets():
            covered = {(r, c) for r1, r2, c1, c2 in sh.merged_cells for r in range(r1, r2)
                       for c in range(c1, c2) if (r, c) != (r1, c1)}
            sheets.append(([[str(v) for v in sh.row_values(r)] for r in range(sh.nrows)], covered))
    count = 0
    for rows, covered in sheets:
        heads = [i for i, row in enumerate(rows[:5]) if "事项名称" in ["".join(v.split()) for v in row]]
        if not heads:
            continue
        header = ["".join(v.split()) for v in rows[heads[0]]]
        cols = [header.index(h) for h in ("事项名称", "子项名称", "权力类型")]
        for r in range(heads[0] + 1, len(rows)):
            if any(rows[r][c].strip() and (r, c) not in covered for c in cols if c < len(rows[r])):
                count += 1
    return count


@pytest.mark.parametrize("name", [
    "克拉玛依市人力资源和社会保障局2024年权责清单.xls",  # sub-items under merged names
    "2024年市农业农村局权责清单.xls",  # 9 sheets, continuation row, empty types
    "国动办权责清单公示.xlsx",  # 5 sheets, title rows, 无 sub-items
    "附件：克拉玛依市财政局2025年权责清单 (1).xlsx",  # BIFF under an .xlsx name, trailing 备注 row
])
def test_counts_agree_with_a_count_straight_from_the_workbook(name):
    assert len(parsed(name).records) == _independent_count(KARAMAY / name) == EXPECTED[name][0]


# --- sample rows --------------------------------------------------------------------------------

def test_hrss_sub_items_each_with_their_own_row():
    doc = parsed("克拉玛依市人力资源和社会保障局2024年权责清单.xls")
    subs = [r for r in doc.records if r.item_name == "民办职业培训学校设立、分立、合并、变更及终止审批"]
    assert [r.sub_item_name for r in subs] == [
        "1.民办职业培训学校设立审批", "2.民办职业培训学校分立审批", "3.民办职业培训学校合并审批",
        "4.民办职业培训学校变更审批", "5.民办职业学校终止审批"]
    assert [r.row for r in subs] == [5, 6, 7, 8, 9]
    assert {r.seq for r in subs} == {"3"}  # 序号 merged over the sub-items, filled down
    assert all(r.type == "行政许可" and r.type_code == "01" for r in subs)
    assert subs[1].scope == "负责市本级民办职业培训学校分立审批"
    assert subs[0].name == "民办职业培训学校设立、分立、合并、变更及终止审批（1.民办职业培训学校设立审批）"
    assert doc.title == "克拉玛依市人力资源和社会保障局2024年权责清单"
    assert doc.version == "2024"
    assert doc.department_source == "title"


def test_first_record_field_by_field():
    r = parsed("克拉玛依市人力资源和社会保障局2024年权责清单.xls").records[0]
    assert (r.sheet, r.row, r.seq) == ("附表1", 3, "1")
    assert (r.item_name, r.sub_item_name) == ("人力资源服务许可", "人力资源服务许可审批")
    assert (r.type, r.type_code, r.type_original) == ("行政许可", "01", "行政许可")
    assert r.basis_text.startswith("【法律】《中华人民共和国就业促进法》")
    assert r.holder == "市人力资源和社会保障局"
    assert r.unit == "人力资源开发和市场管理科（专业技术人员管理科）"
    assert (r.level, r.level_original) == ("city", "地州市级")
    assert r.scope == "负责市本级人力资源服务许可"
    assert r.duty_statement.startswith("拟定人力资源市场发展规划")
    assert r.responsibility_text.startswith("直接实施责任：")
    assert r.accountability_situations
    assert r.remarks == ""


def test_civil_air_defence_sub_item_none_and_sheets():
    doc = parsed("国动办权责清单公示.xlsx")
    assert {r.sub_item_name for r in doc.records if r.item_name == "对人民防空工程维护管理的监督检查"} == {""}
    subs = [r for r in doc.records if r.item_name == "应建防空地下室的民用建筑项目报建审批"]
    assert [r.sub_item_name for r in subs] == ["1.新建民用建筑防空地下室同步建设审批",
                                              "2.新建民用建筑防空地下室易地建设审批"]
    assert Counter(r.sheet for r in doc.records) == {
        "行政检查（3项）": 3, "行政许可（3项）": 4, "行政征收（1项）": 1, "行政处罚（5项）": 5, "其他行政权力（5项）": 5}
    assert doc.sheets == ["行政检查（3项）", "行政许可（3项）", "行政征收（1项）", "行政处罚（5项）", "其他行政权力（5项）"]
    assert doc.version == ""
    assert doc.records[0].row == 4  # title row, a row of spaces, then the header


def test_statistics_types_with_line_breaks_are_normalised():
    doc = parsed("2025年克拉玛依市统计局权责清单.xlsx")
    assert [(r.type, r.type_original) for r in doc.records] == [
        ("行政处罚", "行政\n处罚"), ("行政处罚", "行政\n处罚"), ("行政检查", "行政\n检查")]
    first = doc.records[0]
    assert first.item_name == "对拒绝配合统计调查、农业普查、经济普查、人口普查和统计检查的单位和个体工商户的处罚"
    assert first.holder == "市统计局"  # published as 市统\n计局
    assert (first.level, first.level_original) == ("city", "市级")
    assert doc.version == "2025"


def test_ecology_has_no_remarks_column():
    doc = parsed("克拉玛依市生态环境局2024年权责清单.xls")
    assert all(r.remarks == "" for r in doc.records)
    assert all(r.accountability_situations for r in doc.records)
    assert not [w for w in doc.warnings if "not in mapping" in w.message]


def test_finance_layout_c_stray_column_and_note_row():
    doc = parsed("附件：克拉玛依市财政局2025年权责清单 (1).xlsx")
    assert doc.container == "xls"
    first = doc.records[0]
    assert first.holder == "克拉玛依市财政局"  # 行使主体 comes before 实施依据 in this layout
    assert first.unit == "财政内控监督科"
    assert first.basis_text.startswith("【法规】《财政违法行为处罚处分条例》")
    # No level column: the publisher's level (a city bureau), marked as inferred by an empty level_original.
    assert (first.level, first.level_original, first.duty_statement) == ("city", "", "")
    assert {(r.level, r.level_original) for r in doc.records} == {("city", "")}
    assert first.remarks == ""  # column N's stray 行政许可 is outside the header
    assert doc.records[-1].item_name.startswith("交易场所设立审核")
    assert doc.records[-1].row == 22
    assert not any("备注" in r.item_name or "备注" in r.seq for r in doc.records)
    assert doc.warnings == []  # column N (hidden, outside the header) is skipped without a word
    assert doc.title == "克拉玛依市财政局2025年权责清单"


def test_forestry_sheets_give_their_level():
    doc = parsed("克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xls")
    by_sheet = Counter((r.sheet, r.level) for r in doc.records)
    # One 区县级 row names its own level (地州市级, held by the city bureau): the row wins over the sheet.
    assert by_sheet == {("地州级", "city"): 149, ("区县级", "county"): 160, ("区县级", "city"): 1}
    own = next(r for r in doc.records if r.sheet == "区县级" and r.item_name == "进入自然保护区从事有关活动审批")
    assert (own.row, own.level, own.level_original) == (11, "city", "地州市级")
    # 行政 处罚 (with a space) is a 行政处罚
    assert {r.type_original for r in doc.records if r.type == "行政处罚"} >= {"行政 处罚"}
    # A 地州级 row whose level column holds text, not a level, takes the sheet's level.
    odd = [r for r in doc.records if r.sheet == "地州级" and not r.level_original]
    assert odd and all(r.level == "city" for r in odd)


def test_agriculture_continuation_rows_are_not_records():
    doc = parsed("2024年市农业农村局权责清单.xls")
    levy = [r for r in doc.records if r.sheet.startswith("行政征收")]
    assert [(r.row, r.holder, r.level) for r in levy] == [
        (2, "自治区农业农村厅", "province"), (4, "地州市农业农村局", "city")]
    assert "县市区农业农村局" in levy[0].extra["续行"]
    assert any(w.row == 3 and "是第 2 行事项的续行" in w.message for w in doc.warnings)
    # 序号 as published: text "2,3" kept, floats shown as integers, numbering restarts per sheet.
    assert [r.seq for r in doc.records[:3]] == ["1", "2,3", "4"]
    assert record(doc, "农村土地承包经营纠纷仲裁").seq == "379"


def test_agriculture_empty_types_take_the_sheet_type_with_a_warning():
    doc = parsed("2024年市农业农村局权责清单.xls")
    empty = [r for r in doc.records if not r.type_original]
    assert len(empty) == 4
    assert all(r.sheet.startswith(r.type) for r in empty)
    warned = [w for w in doc.warnings if w.message.startswith("权力类型为空")]
    assert sorted((w.sheet, w.row) for w in warned) == sorted((r.sheet, r.row) for r in empty)
    assert all(w.column == "D" for w in warned)


def test_general_affairs_scope_text_in_the_level_column():
    doc = parsed("克拉玛依市机关事务管理局2024年权责清单.xls")
    first = doc.records[0]
    assert first.scope == "负责市本级公共机构节能监督检查工作"
    assert (first.level, first.level_original) == ("city", "")  # from 市本级
    food = record(doc, "反食品浪费监督检查")
    # Scope text that names no level: the publisher's level, inferred (level_original "").
    assert (food.level, food.level_original) == ("city", "")
    assert food.scope.startswith("会同有关部门建立机关食堂反食品浪费")
    assert doc.department_source == "title"


def test_responsibilities_split_with_kinds_and_running_numbers():
    r = parsed("附件：克拉玛依市财政局2025年权责清单 (1).xlsx").records[0]
    assert r.responsibility_text.startswith("直接实施责任：\n1.制定年度监督检查计划")
    assert [(d.seq, d.kind) for d in r.responsibilities] == [(1, "直接实施"), (2, "直接实施"), (3, "指导监督")]
    assert r.responsibilities[2].text == "加强对下级财政部门监督检查工作的指导、监督。"
    stats = parsed("2025年克拉玛依市统计局权责清单.xlsx").records[0]  # hard-wrapped every few characters
    assert [(d.seq, d.kind) for d in stats.responsibilities] == [
        (1, "直接实施"), (2, "直接实施"), (3, "指导监督"), (4, "指导监督")]
    assert stats.responsibilities[0].text.startswith("执行上级统计部门制定的行政处罚标准规范")


def test_every_real_responsibility_cell_yields_duties_with_a_kind():
    for name in EXPECTED:
        for r in parsed(name).records:
            assert r.responsibilities, (name, r.row)
            seqs = [d.seq for d in r.responsibilities]
            assert seqs == sorted(set(seqs)), (name, r.row)
            assert all(d.kind in ("直接实施", "指导监督") for d in r.responsibilities), (name, r.row)


def test_duplicate_file_parses_identically_but_hashes_equal():
    a = parsed("克拉玛依市档案局2024年权责清单.xlsx")
    b = parsed("克拉玛依市档案局2024年权责清单 (1).xlsx")
    assert a.sha256 == b.sha256
    assert [r.name for r in a.records] == [r.name for r in b.records]
    assert a.sheets == ["Sheet1"]  # Sheet2/Sheet3 are empty


def test_options_override_the_derived_names():
    doc = parse_list(KARAMAY / "2024年市农业农村局权责清单.xls", jurisdiction="长沙市", department="市农业农村局")
    assert (doc.department, doc.department_source) == ("长沙市农业农村局", "option")
    assert (doc.jurisdiction, doc.jurisdiction_level) == ("长沙市", "city")


# --- bad inputs ---------------------------------------------------------------------------------

HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "责任事项内容", "追责情形"]


def make_xlsx(path: Path, rows: list[list], *, title: str | None = None, merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "权责清单"
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def row(seq, name, type_, sub="", basis="【法律】《中华人民共和国安全生产法》第六十二条", holder="市应急管理局"):
    return [seq, name, sub, type_, basis, holder, "直接实施责任：\n1.立案。\n2.调查。", "1.不履行的。"]


def refused(path: Path) -> FileRefused:
    with pytest.raises(FileRefused) as exc:
        parse_list(path)
    return exc.value


def test_a_small_list_with_title_and_merged_sub_items(tmp_path):
    path = make_xlsx(tmp_path / "克拉玛依市应急管理局2024年权责清单.xlsx", [
        HEADER,
        row(1, "矿山建设项目安全设施设计审查", "行政许可", sub="1.煤矿"),
        row(None, None, "行政许可", sub="2.非煤矿山"),
        row(2, "对违法行为的处罚", "处罚"),
    ], title="克拉玛依市应急管理局2024年权责清单", merges=("A3:A4", "B3:B4"))
    doc = parse_list(path)
    assert [(r.row, r.seq, r.item_name, r.sub_item_name, r.type) for r in doc.records] == [
        (3, "1", "矿山建设项目安全设施设计审查", "1.煤矿", "行政许可"),
        (4, "1", "矿山建设项目安全设施设计审查", "2.非煤矿山", "行政许可"),
        (5, "2", "对违法行为的处罚", "", "行政处罚"),
    ]
    assert doc.department == "克拉玛依市应急管理局"
    assert doc.records[2].type_original == "处罚"


def test_not_a_spreadsheet(tmp_path):
    path = tmp_path / "清单.xls"
    path.write_bytes(b"GIF89a\x01\x00\x01\x00")
    exc = refused(path)
    assert "不是表格文件" in str(exc) and "47 49 46 38" in str(exc) and "清单.xls" in str(exc)


def test_truncated_xlsx(tmp_path):
    good = make_xlsx(tmp_path / "good.xlsx", [HEADER, row(1, "a", "行政许可")])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert ".xlsx 文件已损坏或不完整：无法读取 cut.xlsx" in str(refused(cut))


def test_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert "空文件（0 字节）" in str(refused(path))


def test_workbook_with_only_empty_sheets(tmp_path):
    path = make_xlsx(tmp_path / "blank.xlsx", [])
    assert "各工作表都没有数据" in str(refused(path))


def test_header_with_no_known_columns_shows_the_header_found(tmp_path):
    path = make_xlsx(tmp_path / "other.xlsx", [["甲栏", "乙栏", "丙栏"], ["1", "2", "3"]])
    exc = refused(path)
    message = exc.errors[0].message
    assert "没有可识别的表头" in message
    assert "找到的表头：甲栏 | 乙栏 | 丙栏" in message
    assert "事项名称 + 权力类型" in message


def test_missing_required_column_names_what_is_missing(tmp_path):
    path = make_xlsx(tmp_path / "notype.xlsx", [["序号", "事项名称", "实施依据"], ["1", "a", "b"]])
    message = refused(path).errors[0].message
    assert "认出了 序号、事项名称、实施依据，但缺少 权力类型" in message
    assert refused(path).errors[0].row == 1


def _patch_cell(path: Path, placeholder: str, text: str) -> None:
    """openpyxl caps cells at 32,767 characters; put a longer text into the sheet XML directly."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        placeholder.encode(), text.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_a_one_megabyte_cell_is_an_error_with_sheet_row_and_column(tmp_path):
    path = make_xlsx(tmp_path / "big.xlsx", [HEADER, row(1, "a", "行政许可", basis="@@BIG@@")])
    _patch_cell(path, "@@BIG@@", "依" * 1_000_000)
    exc = refused(path)
    err = exc.errors[0]
    assert (err.sheet, err.row, err.column, err.severity) == ("权责清单", 2, "E", "error")
    assert "单元格内容过长：1,000,000 个字符" in err.message


def test_gbk_csv_parses(tmp_path):
    path = tmp_path / "克拉玛依市应急管理局权责清单.csv"
    lines = [",".join(HEADER),
             ("1,对未按规定开展安全生产教育培训的处罚,,行政处罚,《中华人民共和国安全生产法》第九十七条,"
             "克拉玛依市应急管理局,直接实施责任：1.立案责任：及时立案。2.调查责任：调查取证。,1.不履行的"),
             ",,对特种作业人员,行政处罚,,克拉玛依市应急管理局,,"]
    path.write_bytes("\n".join(lines).encode("gbk"))
    doc = parse_list(path)
    assert doc.container == "csv"
    assert [(r.item_name, r.sub_item_name, r.row) for r in doc.records] == [
        ("对未按规定开展安全生产教育培训的处罚", "", 2),
        ("对未按规定开展安全生产教育培训的处罚", "对特种作业人员", 3),  # blank name filled down
    ]
    assert [(d.seq, d.kind, d.stage) for d in doc.records[0].responsibilities] == [
        (1, "直接实施", "立案"), (2, "直接实施", "调查")]
    assert doc.department == "克拉玛依市应急管理局"


def test_duplicated_rows_are_kept_with_a_warning(tmp_path):
    path = make_xlsx(tmp_path / "dup.xlsx", [HEADER, row(1, "同一事项", "行政检查"), row(2, "另一事项", "行政检查"),
                                             row(3, "同一事项", "行政检查")])
    doc = parse_list(path, jurisdiction="克拉玛依市", department="市应急管理局")
    assert len(doc.records) == 3
    dup = [w for w in doc.warnings if "重复行" in w.message]
    assert len(dup) == 1
    assert dup[0].row == 4 and "与第 2 行相同" in dup[0].message and dup[0].severity == "warning"


def test_unknown_power_type_is_kept_with_a_warning(tmp_path):
    path = make_xlsx(tmp_path / "odd.xlsx", [HEADER, row(1, "行政指导事项", "行政指导"), row(2, "b", "XK"),
                                             row(3, "c", "20")])
    doc = parse_list(path, jurisdiction="克拉玛依市", department="市应急管理局")
    odd = doc.records[0]
    assert (odd.type, odd.type_code, odd.type_original) == ("", "", "行政指导")
    warning = next(w for w in doc.warnings if "无法识别的权力类型" in w.message)
    assert (warning.row, warning.column, warning.severity) == (2, "D", "warning")
    assert [(r.type, r.type_code) for r in doc.records[1:]] == [("行政许可", "01"), ("公共服务", "20")]


def test_a_type_with_a_note_is_the_type_and_a_street_holder_is_the_file_s_department(tmp_path):
    # 贵定县云雾镇 prints 行政许可(国办); 双台子区's street list names its 实施主体 街道
    path = make_xlsx(tmp_path / "盘锦市双台子区街道办事处权责清单.xlsx",
                     [HEADER, row(1, "大中专院校毕业在就创业地落户", "行政许可(国办)", holder="街道"),
                      row(2, "一胎生育指标登记办理", "行政许可（省级）", holder="乡（镇）")])
    doc = parse_list(path)
    assert (doc.department, doc.jurisdiction) == ("盘锦市双台子区街道办事处", "双台子区")
    assert [(r.type, r.type_code, r.type_original, r.department) for r in doc.records] == [
        ("行政许可", "01", "行政许可(国办)", "盘锦市双台子区街道办事处"),
        ("行政许可", "01", "行政许可（省级）", "盘锦市双台子区街道办事处")]
    assert not [w for w in doc.warnings if "权力类型" in w.message]


def test_a_joint_power_of_a_combined_catalogue_goes_to_its_lead_not_to_the_most_frequent_body(tmp_path):
    # 融水's combined catalogue: two powers of 教育局, one of 自然资源局 with 林业局 (joint, the first leads)
    path = make_xlsx(tmp_path / "融水苗族自治县县级部门权责清单汇总表.xlsx", [
        HEADER, row(1, "民办学校筹设审批", "行政许可", holder="融水苗族自治县教育局"),
        row(2, "教师资格认定", "行政许可", holder="融水苗族自治县教育局"),
        row(3, "林木采伐许可证核发", "行政许可", holder="融水苗族自治县自然资源局、融水苗族自治县林业局")])
    doc = parse_list(path)
    assert [r.department for r in doc.records] == ["融水苗族自治县教育局", "融水苗族自治县教育局",
                                                   "融水苗族自治县自然资源局"]
    assert doc.records[2].holder == "融水苗族自治县自然资源局、融水苗族自治县林业局"  # kept as published
    [note] = [w for w in doc.warnings if "联合行使" in w.message]
    assert (note.severity, note.row) == ("notice", 4) and "融水苗族自治县自然资源局（牵头部门）" in note.message


def test_a_street_named_in_the_title_with_its_county_decides_the_street_its_rows_name(tmp_path):
    # 双塔街道 is the name of five streets; the title's 涿州市双塔街道 says which the rows' 双塔街道办事处 is
    path = make_xlsx(tmp_path / "权责清单.xlsx", [HEADER, row(1, "农村村民宅基地审批", "行政许可", holder="双塔街道办事处")],
                     title="涿州市双塔街道办事处权责清单")
    doc = parse_list(path)
    assert (doc.department, doc.jurisdiction, doc.records[0].department) == (
        "涿州市双塔街道办事处", "涿州市双塔街道", "涿州市双塔街道办事处")


def test_delegation_columns_of_a_street_list_give_the_manner_and_the_delegating_body(tmp_path):
    # 河北 streets: 权力来源（县级下放/委托） and 原实施部门; a cell that names neither is no delegation
    header = ["序号", "事项名称", "权力类型", "实施依据", "权力来源（县级下放/委托）", "原实施部门"]
    path = make_xlsx(tmp_path / "涿州市双塔街道办事处权责清单.xlsx", [
        header, [1, "农村村民宅基地审批", "行政许可", "《土地管理法》", "县级下放", "涿州市自然资源和规划局"],
        [2, "乡村建设规划许可证核发", "行政许可", "《城乡规划法》", "县级委托", "市自然资源和规划局"],
        [3, "对辖区内居民的走访", "行政检查", "", "本级", ""], [4, "临时救助", "行政给付", "", "暂不下放", ""],
        [5, "农村危房改造审核", "行政确认", "", "直接承接", "涿州市住房和城乡建设局"]])
    doc = parse_list(path)
    assert [(r.extra.get("delegation_manner"), r.extra.get("delegation_manner_original"), r.extra.get("delegated_from"))
            for r in doc.records] == [("下放", "县级下放", "涿州市自然资源和规划局"),
                                      ("委托", "县级委托", "涿州市自然资源和规划局"), (None, "本级", None),
                                      (None, "暂不下放", None), ("直接承接", None, "涿州市住房和城乡建设局")]
    assert not doc.unmapped


def test_city_level_in_a_county_level_city_s_list_is_its_own_level(tmp_path):
    # 浏阳市 and 天门市 are county-level cities: their lists' 市级 is the county level; a district's 市级
    # is the city above it, and 长沙市级 in 浏阳's list names that city
    header = ["序号", "事项名称", "权力类型", "实施层级"]
    rows = [header, [1, "建设用地规划许可", "行政许可", "市级"], [2, "采矿许可", "行政许可", "长沙市级"],
            [3, "林木采伐许可", "行政许可", "长沙市本级负责跨县项目"]]
    liuyang = parse_list(make_xlsx(tmp_path / "浏阳市自然资源局权责清单.xlsx", rows))
    assert [(r.level, r.level_original) for r in liuyang.records] == [
        ("county", "市级"), ("city", "长沙市级"), ("city", "")]
    district = parse_list(make_xlsx(tmp_path / "芙蓉区自然资源局权责清单.xlsx", rows[:2]))
    assert [(r.level, r.level_original) for r in district.records] == [("city", "市级")]


def test_a_place_no_table_knows_is_imported_with_a_warning_and_济源示范区_is_济源市(tmp_path):
    typo = parse_list(make_xlsx(tmp_path / "雁塔县城市管理和综合执法局权责清单.xlsx", [HEADER, row(1, "x", "行政处罚")]))
    [warning] = [w for w in typo.warnings if "不在全国行政区划表" in w.message]
    assert typo.jurisdiction == "雁塔县" and warning.severity == "warning" and "kb import --jurisdiction" in warning.message
    jiyuan = parse_list(make_xlsx(tmp_path / "济源示范区住房和城乡建设局权责清单.xlsx", [HEADER, row(1, "x", "行政许可")]))
    assert (jiyuan.jurisdiction, jiyuan.jurisdiction_level) == ("济源市", "county")
    assert not [w for w in jiyuan.warnings if "不在全国行政区划表" in w.message]


def test_a_total_row_a_repeated_header_and_a_second_table_are_read_as_what_they_are(tmp_path):
    # 兴庆区: 合计 | 共2项 under the powers, the header again (a page break), then 公共服务事项 with a header of its own
    path = make_xlsx(tmp_path / "兴庆区民政局权责清单.xlsx", [
        HEADER, row(1, "临时救助", "行政给付", holder=""), ["合计", "共2项"], HEADER,
        row(2, "对社会团体违法行为的处罚", "行政处罚", holder=""), [None], ["兴庆区民政局公共服务事项清单"],
        ["序号", "服务事项名称", "服务对象", "实施依据", "办理时限", "承办机构"],
        [1, "高龄津贴申领", "80周岁以上老年人", "《宁夏回族自治区老年人权益保障条例》第二十条", "10个工作日", "养老服务科"]])
    doc = parse_list(path)
    assert [(r.item_name, r.type, r.unit) for r in doc.records] == [
        ("临时救助", "行政给付", ""), ("对社会团体违法行为的处罚", "行政处罚", ""), ("高龄津贴申领", "公共服务", "养老服务科")]
    assert doc.records[2].extra["服务对象"] == "80周岁以上老年人"
    notices = [(w.row, w.message[:12]) for w in doc.warnings if w.severity == "notice"]
    assert (3, "合计行（合计 | 共2项") in notices and (4, "表头行重复出现（如分页时") in notices
    assert (8, "此行起是同一工作表上的另") in notices


def test_totals_titles_two_row_headers_again_and_many_tables_are_no_records(tmp_path):
    top = ["序号", "基本信息", None, "备注"]
    sub = [None, "事项名称", "权力类型", None]
    rows = [top, sub, [1, "临时救助", "行政给付", ""], ["", "共1项"], top, sub,
            [2, "高龄津贴发放", "行政给付", ""], ["总计", "行政给付2项", "行政许可0项", "其他0项"]]
    for n in range(600):  # a services table and a powers table per department, 600 times on one sheet
        rows += [["兴庆区民政局公共服务事项清单"], ["序号", "服务事项名称", "承办机构"], [1, f"服务{n}", "科"],
                 ["序号", "事项名称", "权力类型"], [1, f"权力{n}", "行政检查"]]
    path = make_xlsx(tmp_path / "兴庆区民政局权责清单.xlsx", rows, merges=("A1:A2", "B1:C1", "D1:D2", "A5:A6", "B5:C5", "D5:D6"))
    doc = parse_list(path)
    names = [r.item_name for r in doc.records]
    assert names[:4] == ["临时救助", "高龄津贴发放", "服务0", "权力0"] and len(names) == 1202
    assert not [n for n in names if "共" in n or "总计" in n or "基本信息" in n or "清单" in n]


def test_a_cancelled_item_takes_its_sub_item_rows_with_it(tmp_path):
    # an unmerged export: the sub-item rows below an item leave its name blank
    header = ["序号", "事项名称", "子项名称", "权力类型", "备注"]
    path = make_xlsx(tmp_path / "兴庆区民政局权责清单.xlsx", [
        header, [1, "社会团体登记", "成立登记", "行政许可", ""], [2, "民办非企业单位登记", "成立登记", "行政许可", "已取消"],
        ["", "", "变更登记", "行政许可", ""], [3, "殡葬设施建设审批", "", "行政许可", ""]])
    assert [(r.item_name, r.sub_item_name) for r in parse_list(path).records] == [
        ("社会团体登记", "成立登记"), ("殡葬设施建设审批", "")]


def test_hidden_sheets_and_columns_are_not_read(tmp_path):
    # an old basis kept in a hidden column beside the current one, the 2019 list on a hidden sheet
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2023年版"
    ws.append(["序号", "事项名称", "权力类型", "实施依据", "实施依据（2019年版）"])
    ws.append([1, "最低生活保障金给付", "行政给付", "《社会救助暂行办法》第九条", "《城市居民最低生活保障条例》第七条"])
    ws.column_dimensions["E"].hidden = True
    old = wb.create_sheet("2019年版（作废）")
    old.append(["序号", "事项名称", "权力类型", "实施依据"])
    old.append([1, "城市居民最低生活保障", "行政给付", "《城市居民最低生活保障条例》第七条"])
    old.sheet_state = "hidden"
    wb.save(tmp_path / "兴庆区民政局2023年权责清单.xlsx")
    doc = parse_list(tmp_path / "兴庆区民政局2023年权责清单.xlsx")
    assert [(r.item_name, [c.law_title for c in r.citations]) for r in doc.records] == [
        ("最低生活保障金给付", ["社会救助暂行办法"])]
    skipped = {(w.sheet, w.column, w.message[:22]) for w in doc.warnings}
    assert ("2023年版", "E", "已跳过隐藏的列 '实施依据（2019年版）'") in skipped
    assert ("2019年版（作废）", None, "已跳过隐藏的工作表：它不是清单向读者展示的内") in skipped


def test_a_remark_that_the_item_is_cancelled_keeps_it_out_and_one_that_it_moved_says_so(tmp_path):
    header = ["序号", "事项名称", "权力类型", "实施依据", "备注"]
    path = make_xlsx(tmp_path / "兴庆区民政局权责清单.xlsx", [
        header, [1, "社会团体成立登记", "行政许可", "《社会团体登记管理条例》第九条", ""],
        [2, "民办非企业单位成立登记", "行政许可", "", "已取消"],
        [3, "殡葬设施建设审批", "行政许可", "《殡葬管理条例》第八条", "已下放至乡镇（街道）"],
        [4, "养老机构备案", "其他行政权力", "", "建议取消"],
        [5, "土地复垦方案审查", "行政许可", "", "根据《国务院关于取消一批行政许可事项的决定》（国发〔2020〕13号）已取消"]])
    doc = parse_list(path)
    assert [r.item_name for r in doc.records] == ["社会团体成立登记", "殡葬设施建设审批", "养老机构备案"]
    said = {w.row: w.message for w in doc.warnings if w.message.startswith("备注写明")}
    assert set(said) == {3, 4, 6} and "不是现行权力，未导入" in said[3] and "请核对承接方的清单" in said[4]
    # a long remark is said whole up to its length, or cut with an ellipsis: never mid-way with nothing to show it
    assert "（国发〔2020〕13号）已取消」：土地复垦方案审查 不是现行权力" in said[6]


def test_header_cells_merged_down_beside_a_grouped_header_row_are_read(tmp_path):
    # 铁东区: 序号, 承办机构, 备注 merged over both header rows; 基本信息 | 责任信息 over the others
    path = make_xlsx(tmp_path / "鞍山市铁东区教育局权责清单.xlsx", [
        ["序号", "基本信息", None, None, "责任信息", "承办机构", "备注"],
        [None, "权力名称", "权力类型", "实施依据", "责任事项", None, None],
        [1, "民办学校设立审批", "行政许可", "《中华人民共和国民办教育促进法》第十二条", "1.受理责任：受理。", "基础教育科", "新增"]],
        merges=("A1:A2", "B1:D1", "F1:F2", "G1:G2"))
    [r] = parse_list(path).records
    assert (r.seq, r.item_name, r.unit, r.remarks, len(r.responsibilities)) == ("1", "民办学校设立审批", "基础教育科", "新增", 1)


def test_sheets_named_after_their_type_without_a_type_column_say_so_once(tmp_path):
    # 晋江: 行政许可（2项） and 行政处罚（1项） sheets, no 权力类型 column: one notice a sheet, not one a row
    wb = openpyxl.Workbook()
    for i, (title, names) in enumerate((("行政许可（2项）", ["食品经营许可", "药品零售许可"]), ("行政处罚（1项）", ["对无证经营的处罚"]))):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = title
        ws.append(["序号", "事项名称", "实施依据", "责任事项"])
        for n, name in enumerate(names, start=1):
            ws.append([n, name, "《中华人民共和国食品安全法》第三十五条", "1.受理责任：依法受理。"])
    wb.save(tmp_path / "晋江市市场监督管理局权责清单.xlsx")
    doc = parse_list(tmp_path / "晋江市市场监督管理局权责清单.xlsx")
    assert [(r.item_name, r.type) for r in doc.records] == [
        ("食品经营许可", "行政许可"), ("药品零售许可", "行政许可"), ("对无证经营的处罚", "行政处罚")]
    assert [(w.sheet, w.severity) for w in doc.warnings] == [("行政许可（2项）", "notice"), ("行政处罚（1项）", "notice")]


def test_record_without_a_name_refuses_the_file(tmp_path):
    path = make_xlsx(tmp_path / "noname.xlsx", [HEADER, row(1, None, "行政许可")])
    err = refused(path).errors[0]
    assert "事项名称为空" in err.message and (err.row, err.column) == (2, "B")


def test_header_merged_over_two_columns_feeds_level_and_scope(tmp_path):
    header = ["序号", "事项名称", "权力类型", "实施层级及权限", None, "部门职责"]
    path = make_xlsx(tmp_path / "a.xlsx", [header, [1, "x", "行政许可", "县市区级", "负责本级", "职责"]],
                     merges=("D1:E1",))
    r = parse_list(path, jurisdiction="克拉玛依市", department="市应急管理局").records[0]
    assert (r.level, r.level_original, r.scope, r.duty_statement) == ("county", "县市区级", "负责本级", "职责")


def test_two_row_header_with_sub_headers(tmp_path):
    path = make_xlsx(tmp_path / "two.xlsx", [
        ["序号", "事项名称", "权力类型", "实施层级及权限", None, "部门职责"],
        [None, None, None, "层级", "权限", None],
        [1, "x", "行政检查", "乡镇级", "负责本辖区", "职责"],
    ], merges=("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"))
    doc = parse_list(path, jurisdiction="浏阳市", department="城市管理局")
    r = doc.records[0]
    assert (r.row, r.level, r.scope, r.duty_statement) == (3, "township", "负责本辖区", "职责")
    assert (doc.department, doc.jurisdiction_level) == ("浏阳市城市管理局", "county")


def test_sub_headers_read_with_the_header_they_split(tmp_path):
    """雷山县's layout: 责任事项 over 内容 | 依据 and 追责 over 追责对象范围 | 追责情形. 内容 and 依据 are the duties'
    (责任事项内容, 责任事项依据), not a column of their own and the power's legal basis."""
    path = make_xlsx(tmp_path / "two.xlsx", [
        ["事项名称", "权力类型", "实施依据", "责任事项", None, "追责", None],
        [None, None, None, "内容", "依据", "追责对象范围", "追责情形"],
        ["乡村建设规划许可证核发", "行政许可", "《中华人民共和国城乡规划法》第四十一条", "1.受理责任：依法受理。2.审查责任：审查。",
         "《中华人民共和国行政许可法》第三十条", "审批股工作人员", "违反法定程序实施行政许可的"],
    ], merges=("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"))
    [r] = parse_list(path, jurisdiction="雷山县", department="自然资源局").records
    assert r.basis_text == "《中华人民共和国城乡规划法》第四十一条"
    assert [d.stage for d in r.responsibilities] == ["受理", "审查"]
    assert r.responsibility_basis_text == "《中华人民共和国行政许可法》第三十条"
    assert (r.accountability_subjects, r.accountability_situations) == ("审批股工作人员", "违反法定程序实施行政许可的")


def test_types_given_by_group_rows_above_their_records(tmp_path):
    """那坡县's layout: no type column; 「一、行政许可（2项）」 across the row heads the records of that type.
    A note row that mentions another type is no group row (the record below it keeps 行政处罚)."""
    path = make_xlsx(tmp_path / "sections.xlsx", [
        ["序号", "事项名称", "法律依据", "责任事项"],
        ["一、行政许可（1项）", None, None, None],
        ["1", "医疗机构执业登记", "《医疗机构管理条例》第十五条", "1.受理责任：依法受理。"],
        ["（二）行政处罚类", None, None, None],
        ["2", "对未取得医师执业证书从事医师执业活动的行政处罚", "《中华人民共和国医师法》第五十九条", "1.立案责任：依法立案。"],
        ["注：行政许可事项的办理时限以政务服务网公布为准。", None, None, None],
        ["3", "对医疗机构的行政处罚", "《医疗机构管理条例》第四十四条", "1.立案责任：依法立案。"],
        ["三、行政审批（1项）", None, None, None],  # a group of no known type ends the one above
        ["4", "某项审批", "", "1.受理责任：受理。"],
        [None, None, None, "检查"],  # a bare word left in one column is no group row
        ["5", "某项服务", "", "1.受理责任：受理。"],
    ], merges=("A2:D2", "A4:D4", "A6:D6", "A8:D8"))
    doc = parse_list(path, jurisdiction="那坡县", department="卫生健康局")
    assert [(r.item_name[:8], r.type) for r in doc.records] == [
        ("医疗机构执业登记", "行政许可"), ("对未取得医师执业", "行政处罚"), ("对医疗机构的行政", "行政处罚"), ("某项审批", ""),
        ("某项服务", "")]
    assert any("分组行 '一、行政许可（1项）'" in w.message for w in doc.warnings)


def test_numbered_duties_one_a_row_under_a_merged_name(tmp_path):
    """桦南县's layout: 「1.受理责任：…」, 「2.审查责任：…」 … each on a row of its own under the power's merged
    name and type, no 办理环节 column: every row is one more duty of the power, none a stray continuation."""
    path = make_xlsx(tmp_path / "rows.xlsx", [
        ["事项名称", "权力类型", "责任事项"],
        ["农药经营许可", "行政许可", "1.受理责任：依法受理申请。"],
        [None, None, "2.审查责任：审查申请材料。"],
        [None, None, "3.决定责任：作出许可决定。"],
        ["兽药经营许可证核发", "行政许可", "1.受理责任：依法受理。"],
        [None, None, "2.审查责任：审查。"],
        ["饲料生产许可", "行政许可", "1.受理责任：受理。2.审查责任：审查。"],
        [None, None, "1.受理责任：受理。2.审查责任：审查。"],  # the same duties again: not more of them
    ], merges=("A2:A4", "B2:B4", "A5:A6", "B5:B6", "A7:A8", "B7:B8"))
    doc = parse_list(path, jurisdiction="桦南县", department="农业农村局")
    assert [(r.item_name, [(d.seq, d.stage) for d in r.responsibilities]) for r in doc.records] == [
        ("农药经营许可", [(1, "受理"), (2, "审查"), (3, "决定")]), ("兽药经营许可证核发", [(1, "受理"), (2, "审查")]),
        ("饲料生产许可", [(1, "受理"), (2, "审查")])]
    assert [r.item_name for r in doc.records if "续行" in r.extra] == ["饲料生产许可"]


# --- JSON and JSON Lines -------------------------------------------------------------------------

JSON_ROWS = [
    {"序号": 1, "事项名称": "对违法排污的处罚", "子项名称": "无", "权力类型": "CF",
     "实施依据": "【法律】《中华人民共和国环境保护法》第五十九条", "行使主体": "克拉玛依市生态环境局",
     "责任事项内容": "直接实施责任：\n1.立案责任：及时立案。\n指导监督责任：\n2.指导下级。"},
    {"序号": 2, "事项名称": "排污许可", "权力类型": "许可", "实施层级及权限": "地州市级"},
]


def test_json_array_goes_through_the_mappings(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps(JSON_ROWS, ensure_ascii=False), encoding="utf-8")
    doc = parse_list(path)
    assert (doc.container, doc.mapping, doc.department) == ("json", "standard", "克拉玛依市生态环境局")
    first, second = doc.records
    assert (first.row, first.seq, first.sub_item_name, first.type, first.type_code) == (1, "1", "", "行政处罚", "02")
    assert [(d.seq, d.kind, d.stage) for d in first.responsibilities] == [(1, "直接实施", "立案"), (2, "指导监督", None)]
    assert (second.row, second.type, second.level) == (2, "行政许可", "city")


def test_json_records_object(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"records": JSON_ROWS}, ensure_ascii=False), encoding="utf-8")
    assert [r.item_name for r in parse_list(path).records] == ["对违法排污的处罚", "排污许可"]


def test_jsonl_rows_are_line_numbers_and_a_coded_layout_wins_its_mapping(tmp_path):
    rows = [{"职权编码": "650200207XK01600", "职权名称": "道路运输经营许可", "职权类型": "XK",
             "实施主体": "克拉玛依市交通运输局", "法定期限": "20个工作日", "承诺期限": "5个工作日",
             "问责情形": "1.不予受理的", "监管电话": "0990-0000000"},
            {"职权编码": "650200207CF00100", "职权名称": "对未取得道路运输经营许可的处罚", "职权类型": "处罚",
             "实施主体": "克拉玛依市交通运输局"}]
    path = tmp_path / "list.jsonl"
    path.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n\n" + json.dumps(rows[1], ensure_ascii=False) + "\n",
                    encoding="utf-8")
    doc = parse_list(path)
    assert (doc.container, doc.mapping) == ("jsonl", "coded")
    first, second = doc.records
    assert (first.row, second.row) == (1, 3)
    assert first.code == "650200207XK01600"
    assert first.extra == {"法定期限": "20个工作日", "承诺期限": "5个工作日", "监管电话": "0990-0000000"}
    assert first.accountability_situations == "1.不予受理的"
    assert second.type == "行政处罚"


def test_json_errors_name_the_column_by_key(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"事项名称": "", "权力类型": "行政许可"}], ensure_ascii=False), encoding="utf-8")
    err = refused(path).errors[0]
    assert (err.row, err.column) == (1, "事项名称")


# --- routing a folder ---------------------------------------------------------------------------

def test_sniff_routes_the_shared_data():
    assert {sniff(p) for p in KARAMAY.iterdir()} == {"list"}
    assert {sniff(p) for p in (DATA / "laws").iterdir()} == {"law"}
    assert sniff(DATA / "hunan_onething" / "onething_guides_changsha_subset.json") == "guide"
    assert sniff(DATA / "hunan_onething" / "themes.json") == "guide"
    assert sniff(DATA / "README.md") == "unknown"
    assert sniff(DATA / "karamay") == "unknown"


def test_sniff_lists_in_text_formats_and_broken_spreadsheets(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps(JSON_ROWS[0], ensure_ascii=False) + "\n", encoding="utf-8")
    csv_file = tmp_path / "a.csv"
    csv_file.write_bytes((",".join(HEADER) + "\n1,a,,行政许可,,,,\n").encode("gbk"))
    other_json = tmp_path / "b.json"
    other_json.write_text('{"code": 0, "data": {"sxbm": "43PCN0009"}}', encoding="utf-8")
    empty = tmp_path / "c.xlsx"
    empty.write_bytes(b"")
    notes = tmp_path / "notes.md"
    notes.write_text("# 会议记录\n\n第一条 无关。\n", encoding="utf-8")
    assert [sniff(p) for p in (jsonl, csv_file, other_json, empty, notes)] == [
        "list", "list", "unknown", "list", "unknown"]


def test_a_list_that_names_no_department_is_refused(tmp_path):
    path = make_xlsx(tmp_path / "清单.xlsx", [HEADER, row(1, "a", "行政许可", holder="")])
    message = refused(path).errors[0].message
    assert "无法确定这份清单由哪个部门公布" in message and "--department" in message
    doc = parse_list(path, department="交通运输局")
    assert doc.department == "交通运输局" and doc.jurisdiction == ""
    assert any("无法确定行政区划" in w.message for w in doc.warnings)


def test_a_law_title_with_its_revision_is_routed_as_a_law(tmp_path):
    law = tmp_path / "某省安全生产条例.md"
    law.write_text("\ufeff# 某省安全生产条例（2021修正）\n\n第一条 为了加强安全生产工作，制定本条例。\n", encoding="utf-8")
    assert sniff(law) == "law"


def test_sniff_asks_the_law_and_guide_modules(tmp_path, monkeypatch):
    law = tmp_path / "a.md"
    law.write_text("# 随便什么\n", encoding="utf-8")
    guide = tmp_path / "a.json"
    guide.write_text('[{"x": 1}]', encoding="utf-8")
    assert (sniff(law), sniff(guide)) == ("unknown", "unknown")
    monkeypatch.setattr(lists, "looks_like_law", lambda path: True)
    monkeypatch.setattr(lists, "looks_like_guide", lambda path: True)
    assert (sniff(law), sniff(guide)) == ("law", "guide")


# --- jurisdictions and levels ---------------------------------------------------------------------

def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_bytes("\n".join(",".join(r) for r in [header, *rows]).encode("gbk"))
    return path


def test_a_list_without_levels_takes_its_publishers_level(tmp_path):
    path = write_csv(tmp_path / "宁化县交通运输局权责清单.csv",
                     ["序号", "权力名称", "权力类型", "实施依据", "行使主体"],
                     [["1", "公路超限运输许可", "行政许可", "《公路法》第七十六条", "宁化县交通运输局"]])
    doc = parse_list(path)
    assert (doc.jurisdiction, doc.jurisdiction_level) == ("宁化县", "county")
    assert [(r.level, r.level_original) for r in doc.records] == [("county", "")]  # inferred, not published


def test_rows_that_name_another_level_keep_it(tmp_path):
    path = write_csv(tmp_path / "宁化县交通运输局权责清单.csv",
                     ["序号", "事项名称", "权力类型", "实施层级", "行使主体"],
                     [["1", "甲", "行政许可", "市级", "宁化县交通运输局"],
                      ["2", "乙", "行政许可", "", "宁化县交通运输局"],
                      ["3", "丙", "行政检查", "乡镇级", "宁化县交通运输局"]])
    doc = parse_list(path)
    assert [(r.level, r.level_original) for r in doc.records] == [
        ("city", "市级"), ("county", ""), ("township", "乡镇级")]


def test_a_list_of_no_known_place_has_no_jurisdiction_and_no_level(tmp_path):
    path = write_csv(tmp_path / "城市管理局权责清单.csv", ["序号", "事项名称", "权力类型", "行使主体"],
                     [["1", "甲", "行政检查", "城市管理局"]])
    doc = parse_list(path)
    assert (doc.department, doc.jurisdiction, doc.jurisdiction_level) == ("城市管理局", "", "")
    assert any("无法确定行政区划" in w.message for w in doc.warnings)
    assert [(r.level, r.level_original) for r in doc.records] == [("", "")]


def test_a_county_named_by_its_ending(tmp_path):
    path = tmp_path / "某县农业农村局清单.jsonl"
    path.write_text("\n".join(json.dumps({"序号": i, "事项名称": f"农药经营许可{i}", "权力类型": "行政许可",
                                          "行使主体": "某县农业农村局"}, ensure_ascii=False) for i in (1, 2)),
                    encoding="utf-8")
    doc = parse_list(path)
    assert (doc.department, doc.jurisdiction, doc.jurisdiction_level) == ("某县农业农村局", "某县", "county")
    assert not any("无法确定行政区划" in w.message for w in doc.warnings)
    assert {r.level for r in doc.records} == {"county"}


def test_one_character_county_and_district_files(tmp_path):
    path = write_csv(tmp_path / "沛县市场监督管理局2024年权责清单.csv", HEADER[:4], [["1", "甲", "", "行政检查"]])
    doc = parse_list(path)
    assert (doc.department, doc.jurisdiction, doc.jurisdiction_level) == ("沛县市场监督管理局", "沛县", "county")
    path = make_xlsx(tmp_path / "清单.xlsx", [HEADER, row(1, "a", "行政许可", holder="")], title="长沙市天心区教育局权责清单")
    doc = parse_list(path)
    assert (doc.department, doc.jurisdiction, doc.jurisdiction_level) == ("长沙市天心区教育局", "天心区", "county")


def test_a_service_item_list_imports_as_public_services(tmp_path):
    path = make_xlsx(tmp_path / "天心区教育局公共服务事项清单.xlsx",
                     [["序号", "服务事项", "实施依据", "行使主体"], [1, "学籍查询", "《教育法》", "天心区教育局"]],
                     title="天心区教育局公共服务事项清单")
    doc = parse_list(path)
    assert (doc.mapping, doc.department, doc.jurisdiction) == ("service", "天心区教育局", "天心区")
    r = doc.records[0]
    assert (r.item_name, r.type, r.type_code, r.type_original, r.level) == ("学籍查询", "公共服务", "20", "", "county")
    assert not [w for w in doc.warnings if "权力类型" in w.message]


def test_the_refusal_names_each_mappings_required_columns(tmp_path):
    path = make_xlsx(tmp_path / "other.xlsx", [["甲栏", "乙栏", "丙栏"], ["1", "2", "3"]])
    message = refused(path).errors[0].message
    # each set of required columns once (`coded` requires what `standard` does, in its words)
    assert "事项名称 + 权力类型 或 事项名称 + 权力类型 + 程序 + 工作内容 或 服务事项 或 事项名称 + 责任事项内容" in message


def test_a_stage_column_with_one_row_per_stage(tmp_path):
    # 郏县, 济源: 办理环节 | 责任事项内容, the item and its type merged over the rows of its stages
    path = make_xlsx(tmp_path / "郏县民政局权责清单.xlsx", [
        ["序号", "事项名称", "权力类型", "办理环节", "责任事项内容", "承办机构", "追责情形"],
        [1, "临时救助", "行政给付", "受理", "公示申请条件；一次性告知补正材料。", "社会救助股", "不履行职责的"],
        [None, None, None, "审查环节", "对申请材料\n进行审核。", "社会救助股", None],
        [None, None, None, "决定", "作出给付决定。", "办公室", None],
        [None, None, None, "送达", "发放救助金。", None, None],
        [2, "对违法行为的处罚", "行政处罚", "立案", "依法立案。", "执法大队", "不履行职责的"],
    ], title="郏县民政局权责清单", merges=("A3:A6", "B3:B6", "C3:C6", "G3:G6"))
    doc = parse_list(path)
    relief, punish = doc.records
    assert [(d.seq, d.stage) for d in relief.responsibilities] == [(1, "受理"), (2, "审查"), (3, "决定"), (4, "送达")]
    assert relief.responsibilities[1].text == "审查环节\n对申请材料进行审核。"
    assert relief.responsibility_text.startswith("受理\n公示申请条件；一次性告知补正材料。\n审查环节\n")
    assert [(d.seq, d.stage, d.text) for d in punish.responsibilities] == [(1, "立案", "立案\n依法立案。")]
    # a column that differs from the record's stays in its 续行 note, and only that row is reported
    assert relief.extra == {"续行": "第5行：承办机构：办公室"}
    assert [w.row for w in doc.warnings if "续行" in w.message] == [5]
    assert "stage" in doc.fields


def test_duties_in_two_columns_headed_by_their_kind_are_read_as_one_cell(tmp_path):
    """济南's 政务服务网 prints a power's duties in two columns, 直接实施责任 | 指导监督责任 (暂无 when there
    are none): both are its duties, each of its kind; a placeholder is no duty."""
    path = tmp_path / "济南市长清区市场监督管理局.csv"
    path.write_text("事项名称,事项类型,实施主体,直接实施责任,指导监督责任\n"
                    "甲处罚,行政处罚,济南市长清区市场监督管理局,1.立案责任：立案。2.调查责任：调查。,暂无\n"
                    "乙处罚,行政处罚,济南市长清区市场监督管理局,1.决定责任：决定。,1.指导下级执法。\n", encoding="utf-8")
    doc = parse_list(path, jurisdiction="济南市长清区")
    first, second = doc.records
    assert [(d.kind, d.stage) for d in first.responsibilities] == [("直接实施", "立案"), ("直接实施", "调查")]
    assert [(d.kind, d.stage, d.text) for d in second.responsibilities] == [
        ("直接实施", "决定", "决定责任：决定。"), ("指导监督", None, "指导下级执法。")]
    assert not any("暂无" in d.text for r in doc.records for d in r.responsibilities)


def test_other_publishers_titles_headers_and_exports(tmp_path):
    """Layouts of publishers the mappings were not written on (a probe of lists as 黑龙江, 广西 and 青海's
    counties publish them): a title naming two lists, the header on row 6 below an 附件 line, a title, a
    version, the publishing unit and a blank row; accountability headed 问责依据 or 责任追究 and the unit
    责任处(科)室; a list platform's API answer saved as JSON."""
    path = tmp_path / "deep.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in (["附件2"], ["绥滨县民政局行政权力清单"], ["（2024年版）"], ["填报单位：绥滨县民政局"], []):
        ws.append(line)
    ws.append(["序号", "事项名称", "权力类型", "设定依据", "责任处(科)室", "问责依据"])
    ws.append(["1", "婚姻登记", "行政确认", "《婚姻登记条例》第二条", "社会事务股", "《行政机关公务员处分条例》第二十条"])
    wb.save(path)
    doc = parse_list(path)
    assert (doc.department, doc.jurisdiction) == ("绥滨县民政局", "绥滨县")
    [rec] = doc.records
    assert (rec.item_name, rec.type, rec.unit) == ("婚姻登记", "行政确认", "社会事务股")
    assert rec.accountability_situations == "《行政机关公务员处分条例》第二十条"
    two = write_csv(tmp_path / "x.csv", ["事项名称", "权力类型", "责任追究"], [["农药经营许可", "行政许可", "未依法受理的"]])
    assert parse_list(two, department="桦南县农业农村局").records[0].accountability_situations == "未依法受理的"

    portal = tmp_path / "portal.json"
    rows = [{"事项名称": "对生产经营单位的行政检查", "权力类型": "行政检查"}, {"事项名称": "危险化学品经营许可", "权力类型": "行政许可"}]
    portal.write_text(json.dumps({"code": 200, "msg": "操作成功", "data": {"title": "漠河市应急管理局权责清单", "total": 2,
                                  "rows": rows}}, ensure_ascii=False), encoding="utf-8")
    doc = parse_list(portal)
    assert sniff(portal) == "list"
    assert [r.item_name for r in doc.records] == ["对生产经营单位的行政检查", "危险化学品经营许可"]
    assert (doc.department, doc.jurisdiction) == ("漠河市应急管理局", "漠河市")
    # 渝中区's platform names its body and place in deptName / areaName, its 序号 rowNum; a key of its own is a 字段
    rows = [{"rowNum": n, "权力名称": name, "权力类型": "行政处罚", "平台标识": "x"} for n, name in ((1, "甲处罚"), (2, "乙处罚"))]
    portal.write_text(json.dumps({"code": 200, "data": {"deptName": "重庆市渝中区应急管理局", "areaName": "重庆市渝中区",
                                                        "rows": rows}}, ensure_ascii=False), encoding="utf-8")
    doc = parse_list(portal)
    assert (doc.department, doc.jurisdiction) == ("重庆市渝中区应急管理局", "渝中区")
    assert [r.seq for r in doc.records] == ["1", "2"] and "rowNum" not in doc.records[0].extra
    assert any(w.message.startswith("字段 '平台标识' 不在列映射") for w in doc.warnings)


def test_a_column_of_supervision_measures_is_the_power_s_supervision_duty(tmp_path):
    # 肥西县上派镇: 责任事项 stops at 送达; 事中事后监管措施 says how the permit is followed up
    path = tmp_path / "肥西县上派镇人民政府权责清单.csv"
    path.write_text("肥西县上派镇人民政府权责清单\n序号,职权名称,职权类型,实施依据,责任事项,事中事后监管措施,追责情形\n"
                    "1,农村村民宅基地审批,行政许可,《土地管理法》第六十二条,\"1.受理责任：受理申请。\n2.审查责任：实地踏勘。\n"
                    "3.决定责任：核发批准书。\n4.送达责任：送达申请人。\",落实“四到场”要求。,1.违法审批的\n"
                    "2,村规民约备案,其他行政权力,《村民委员会组织法》第二十七条,1.受理。2.备案。,无,\n", encoding="utf-8")
    first, second = parse_list(path).records
    assert [d.stage for d in first.responsibilities] == ["受理", "审查", "决定", "送达", "事后监管"]
    assert first.responsibilities[-1].text == "事中事后监管\n落实“四到场”要求。"
    assert first.responsibility_text.endswith("送达申请人。")  # the 责任事项 cell as published
    assert [d.stage for d in second.responsibilities] == ["受理", None]  # 无: no measures (「受理。」 is its stage)


def test_a_column_of_where_the_power_comes_from_is_a_delegation_only_when_it_says_so(tmp_path):
    # 北滘镇: 权力来源 区下放 (a delegation), 法定 (the township's own), a provincial notice (its own name: kept only)
    path = tmp_path / "佛山市顺德区北滘镇人民政府权责清单.csv"
    rows = [("乡村建设规划许可证核发", "行政许可", "区下放"), ("对违法建设的处罚", "行政处罚", "法定"),
            ("对乱堆放的处罚", "行政处罚", "依据《广东省人民政府关于乡镇街道综合行政执法的公告》由镇人民政府以自身名义行使"),
            ("最低生活保障审核确认", "行政确认", "市级委托")]
    path.write_text("佛山市顺德区北滘镇人民政府权责清单\n序号,事项类型,事项名称,实施依据,权力来源,责任事项\n" + "".join(
        f"{i},{t},{n},《某法》第一条,{s},1.受理。\n" for i, (n, t, s) in enumerate(rows, 1)), encoding="utf-8")
    records = parse_list(path).records
    assert [r.extra.get("delegation_manner") for r in records] == ["下放", None, None, "委托"]
    assert [r.extra["权力来源"] for r in records] == [s for _, _, s in rows]  # kept as published


def test_a_row_per_stage_exported_without_merges_is_one_more_duty(tmp_path):
    # 肇东 (a CSV): 责任环节 | 责任事项内容, one row per stage, the record's other cells blank below its first row
    path = tmp_path / "肇东市应急管理局权责清单.csv"
    path.write_text(
        "肇东市应急管理局权责清单,,,,,\n序号,职权类型,职权名称,职权依据,责任环节,责任事项内容\n"
        "1,行政许可,烟花爆竹经营（零售）许可,《烟花爆竹安全管理条例》第十九条,受理,公示应当提交的材料。\n"
        ",,,,审查,对申请材料进行审查。\n,,,,决定,作出准予或不予许可决定。\n,,,,送达,核发许可证。\n"
        "2,行政处罚,对未经许可经营烟花爆竹制品的处罚,《烟花爆竹安全管理条例》第三十六条,立案,决定是否立案。\n"
        ",,,,调查,调查取证。\n", encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [
        ["受理", "审查", "决定", "送达"], ["立案", "调查"]]
    assert doc.records[0].responsibility_text.split("\n")[:2] == ["受理", "公示应当提交的材料。"]
    assert not doc.warnings  # each stage row is a duty, not a row ignored


def test_a_duty_column_of_stage_headings_beside_the_duties_is_the_stage_column(tmp_path):
    # 九江 (a CSV): 责任事项 (受理责任, 审查责任 …) | 责任事项内容, one row per stage; two synonyms of the duties
    # column side by side, the first only headings: not a repeated block whose heading would win
    path = tmp_path / "九江市交通运输局权责清单.csv"
    path.write_text(
        "九江市交通运输局权责清单,,,,,\n序号,职权名称,职权类别,实施依据,责任事项,责任事项内容\n"
        "1,道路旅客运输经营许可,行政许可,《道路运输条例》第十条,受理责任,依法受理或不予受理。\n"
        ",,,,审查责任,对申请材料进行审查。\n,,,,决定责任,作出许可或者不予许可的决定。\n"
        "2,对超限运输的处罚,行政处罚,《公路法》第七十六条,立案责任,决定是否立案。\n,,,,其他责任,其他。\n",
        encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "决定"], ["立案", "其他"]]
    assert "依法受理或不予受理。" in doc.records[0].responsibility_text and not doc.warnings
    # the same two columns holding duties in full stay one block (商务's 责任事项 | 责任事项 repeated)
    path.write_text(
        "九江市交通运输局权责清单,,,,,\n序号,职权名称,职权类别,实施依据,责任事项,责任事项内容\n"
        "1,道路旅客运输经营许可,行政许可,《道路运输条例》第十条,1.受理责任：依法受理。2.审查责任：审查。,\n",
        encoding="utf-8")
    assert [d.stage for d in parse_list(path).records[0].responsibilities] == ["受理", "审查"]


@pytest.mark.parametrize("merged", [False, True])
def test_a_duty_header_split_into_its_two_kinds_keeps_both_columns(tmp_path, merged):
    # 海南 (two header rows): 责任事项 over 直接实施责任 | 指导监督责任, merged in the sheet or written cell by cell;
    # both columns are the duties, each duty of its kind, and the second header row is no data row
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["海南省旅游和文化广电体育厅权责清单"])
    ws.append(["序号", "职权名称", "职权类别", "实施依据", "责任事项", "", "追责情形"])
    ws.append(["", "", "", "", "直接实施责任", "指导监督责任", ""])
    ws.append(["1", "导游证核发", "行政许可", "《旅游法》第三十七条", "1.受理：依法受理。\n2.决定：作出决定。",
               "1.指导市县做好日常监管。", "因不履行…"])
    if merged:
        ws.merge_cells("E2:F2")
    path = tmp_path / "海南省旅游和文化广电体育厅权责清单.xlsx"
    wb.save(path)
    doc = parse_list(path)
    assert not doc.warnings and len(doc.records) == 1
    assert [(d.stage, d.kind) for d in doc.records[0].responsibilities] == [
        ("受理", "直接实施"), ("决定", "直接实施"), (None, "指导监督")]


@pytest.mark.parametrize("merged", [False, True])
def test_a_power_group_over_its_type_name_and_sub_item_is_read_from_both_header_rows(tmp_path, merged):
    # 鄱阳 (two header rows): 权力事项 over 类别 | 名称 | 子项, the type only in the second row, so the first row
    # fits no mapping alone; merged or written cell by cell, the pair is the header and 名称 under 权力事项 the name
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["鄱阳县水利局权责清单（2024年调整）"])
    ws.append(["序号", "权力事项", "", "", "法定依据", "实施主体", "职责边界与责任", "", "追责情形"])
    ws.append(["", "类别", "名称", "子项", "", "", "责任事项", "责任事项依据", ""])
    ws.append(["1", "行政许可", "取水许可", "", "《中华人民共和国水法》第四十八条", "鄱阳县水利局",
               "①受理；②审查；③决定", "《中华人民共和国行政许可法》第三十条", "违规审批的"])
    ws.append(["2", "行政处罚", "对未经许可取水的处罚", "超量取水", "《中华人民共和国水法》第六十九条", "鄱阳县水利局",
               "①立案；②调查", "", "违规处罚的"])
    if merged:
        ws.merge_cells("B2:D2")
        ws.merge_cells("G2:H2")
    path = tmp_path / "鄱阳县水利局权责清单.xlsx"
    wb.save(path)
    doc = parse_list(path)
    assert not doc.warnings
    assert [(r.row, r.item_name, r.sub_item_name, r.type) for r in doc.records] == [
        (4, "取水许可", "", "行政许可"), (5, "对未经许可取水的处罚", "超量取水", "行政处罚")]
    first = doc.records[0]
    assert [d.text for d in first.responsibilities] == ["受理；", "审查；", "决定"]
    assert first.responsibility_basis_text == "《中华人民共和国行政许可法》第三十条"  # the duties' basis, not the power's
    assert first.basis_text == "《中华人民共和国水法》第四十八条"


def test_a_title_merged_over_the_header_is_no_header_half(tmp_path):
    # the pair read above starts only at a row that is a header itself: a title merged over the header row is
    # skipped as before (the header found on the row below, the data from the row after it)
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某某县水利局权责清单", "", "", ""])
    ws.append(["序号", "事项名称", "权力类型", "实施依据"])
    ws.append(["1", "取水许可", "行政许可", "《中华人民共和国水法》第四十八条"])
    ws.merge_cells("A1:D1")
    path = tmp_path / "某某县水利局权责清单.xlsx"
    wb.save(path)
    doc = parse_list(path)
    assert [(r.row, r.item_name, r.type) for r in doc.records] == [(3, "取水许可", "行政许可")]


def test_a_row_holding_only_the_next_numbered_duty_is_the_records_next_duty(tmp_path):
    # 广文街道 (a CSV): one duty a row in the 责任事项 column, no stage column, every other cell blank below the
    # record's first row; numbered on from the duty above, whatever its heading (5.报送 is no stage of the vocabulary)
    path = tmp_path / "潍坊市奎文区广文街道办事处权责清单.csv"
    path.write_text(
        "潍坊市奎文区广文街道办事处权责清单,,,,\n序号,事项名称,事项类型,法律依据,责任事项\n"
        "1,最低生活保障申请受理、审核,行政给付,《社会救助暂行办法》第十一条,1.受理：接收申请。\n"
        ",,,,2.调查核实：入户调查。\n,,,,3.报送：报区民政局审批。\n"
        "2,临时救助,行政给付,《社会救助暂行办法》第四十八条,1.受理：受理申请。\n,,,,3.发放：发放救助金。\n"
        "3,特困人员认定,行政给付,《社会救助暂行办法》第十四条,1.受理：受理申请。\n,,,,3.建档：建立档案。\n",
        encoding="utf-8")
    doc = parse_list(path)
    # 3. after 1.: numbered on past the steps left out when it is a stage's (延边's 「4.告知责任：…」 below 「1.立案责任：…」,
    # so read by its reader), said when it is not
    assert [[(d.seq, d.stage) for d in r.responsibilities] for r in doc.records] == [
        [(1, "受理"), (2, "调查"), (3, None)], [(1, "受理"), (2, "送达")], [(1, "受理")]]
    assert len(doc.warnings) == 1 and "已忽略此行" in doc.warnings[0].message and doc.warnings[0].row == 9


def test_rows_of_the_next_duty_are_read_only_when_nothing_else_stands_on_them(tmp_path):
    # the stage headings column keeps its reading with a closing catch-all among its values; a numbered row with a
    # guidance duty beside it is not taken as the next duty (its guidance text would be lost): said, as before
    path = tmp_path / "九江市交通运输局权责清单.csv"
    path.write_text(
        "九江市交通运输局权责清单,,,,,\n序号,职权名称,职权类别,实施依据,责任事项,责任事项内容\n"
        "1,道路旅客运输经营许可,行政许可,《道路运输条例》第十条,受理责任,依法受理。\n,,,,审查责任,审查材料。\n"
        ",,,,其他法律法规规章文件规定应履行的责任,其他。\n", encoding="utf-8")
    assert [d.stage for d in parse_list(path).records[0].responsibilities][:2] == ["受理", "审查"]
    path = tmp_path / "某县农业农村局权责清单.csv"
    path.write_text(
        "某县农业农村局权责清单,,,,,\n序号,事项名称,事项类型,法律依据,直接实施责任,指导监督责任\n"
        "1,农药经营许可,行政许可,《农药管理条例》第二十四条,1.受理：依法受理。,1.指导乡镇做好宣传。\n"
        ",,,,2.审查：审查材料。,2.指导乡镇做好监管。\n", encoding="utf-8")
    doc = parse_list(path)
    assert len(doc.records) == 1 and doc.warnings  # the second row is reported, not half read


def test_a_column_for_each_stage_is_read_as_the_duties(tmp_path):
    # 德州 (山东): no 责任事项 column; 受理（立案）环节责任 | 审查（调查）环节责任 | 决定环节责任 | 送达环节责任 |
    # 事后监管（执行）环节责任 | 其他责任, one column a stage: each filled cell is a duty of its stage (the stage in
    # brackets is the one a penalty calls it), an empty one none, and no column is left as an extra field
    path = tmp_path / "德州市水利局权责清单.csv"
    path.write_text(
        "德州市水利局权责清单,,,,,,,,,\n"
        "序号,权力名称,权力类型,设定依据,受理（立案）环节责任,审查（调查）环节责任,决定环节责任,送达环节责任,"
        "事后监管（执行）环节责任,其他责任\n"
        "1,取水许可,行政许可,《水法》第七条,依法受理。,审查材料。,作出决定。,送达批准文件。,监督检查取水。,其他责任。\n"
        "2,对未经批准擅自取水的处罚,行政处罚,《水法》第六十九条,发现违法行为予以立案。,调查取证。,作出处罚决定。,,"
        "督促履行处罚决定。,\n"
        "3,对未经批准擅自取水的处罚,行政处罚,《水法》第六十九条,立案责任：予以立案。,调查责任：调查取证。审查责任：法制审核。,"
        "告知责任：告知陈述申辩权。决定责任：作出决定。,送达责任：依法送达。,执行责任：督促履行。,\n", encoding="utf-8")
    doc = parse_list(path)
    permit, penalty, headed = doc.records
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查", "决定", "送达", "事后监管", "其他"]
    assert permit.responsibilities[0].text == "受理、立案环节责任\n依法受理。"
    # a cell that is nothing but its step's name names its own stage (调查取证 under 审查（调查）), and one headed by its
    # own steps is read as those steps (沭阳, 德州)
    assert [d.stage for d in penalty.responsibilities] == ["受理", "调查", "决定", "事后监管"]
    assert [d.stage for d in headed.responsibilities] == ["立案", "调查", "审查", "告知", "决定", "送达", "执行"]
    assert penalty.responsibility_text.startswith("受理、立案环节责任\n发现违法行为予以立案。")
    assert not permit.extra and not penalty.extra and not headed.extra
    assert any("各是一个办理环节" in w.message for w in doc.warnings)


def test_columns_of_one_stage_alone_stay_extra_fields(tmp_path):
    # one stage-like column beside a 责任事项 column is not a layout in stages: kept as before
    path = tmp_path / "某县水利局权责清单.csv"
    path.write_text("序号,权力名称,权力类型,责任事项,送达环节责任\n1,取水许可,行政许可,1.受理责任：受理。,送达文书。\n",
                    encoding="utf-8")
    record = parse_list(path).records[0]
    assert [d.stage for d in record.responsibilities] == ["受理"] and record.extra["送达环节责任"] == "送达文书。"


def test_a_cell_saying_ditto_is_the_cell_above(tmp_path):
    # 淳安, 鄱阳: 「同上」 in 责任事项 or 追责情形 is the record above's; a name or a type saying it is left as written
    path = tmp_path / "淳安县统计局权责清单.csv"
    path.write_text(
        "序号,事项名称,权力类型,实施依据,责任事项,追责情形\n"
        "1,对拒绝提供统计资料的处罚,行政处罚,《统计法》第四十一条,\"1.立案责任：立案。\n2.调查责任：调查。\",违法处罚的\n"
        "2,对提供不真实统计资料的处罚,行政处罚,《统计法》第四十一条,同上,同上。\n"
        "3,对迟报统计资料的处罚,行政处罚,《统计法》第四十二条,1.立案责任：立案。,\n", encoding="utf-8")
    doc = parse_list(path)
    first, second, third = doc.records
    assert second.responsibility_text == first.responsibility_text
    assert [d.stage for d in second.responsibilities] == ["立案", "调查"]
    assert second.accountability_situations == "违法处罚的" and third.accountability_situations == ""
    assert [w.message for w in doc.warnings if "同上" in w.message] == [
        "「同上」按上一项的同一列读取：第3行责任事项内容、第3行追责情形"]


def test_stage_columns_stop_where_a_review_found_them_too_wide(tmp_path):
    # a cell saying the stage has none (无。, 不涉及) is no duty; 同上 in a stage's column is the record above's cell of it;
    # a bracketed note in a header (决定环节责任（含听证）) is dropped; 受理 | 审批 naming bodies are no stage columns;
    # two records alike but for their duties are no duplicate rows
    path = tmp_path / "某市水利局权责清单.csv"
    path.write_text(
        "序号,权力名称,权力类型,受理环节责任,审查环节责任,决定环节责任（含听证）,送达环节责任,事后监管环节责任\n"
        "1,取水许可,行政许可,受理。,审查材料。,作出决定。,无。,不涉及\n"
        "2,取水许可,行政许可,同上,同上,依法作出决定。,同上,监督检查。\n", encoding="utf-8")
    doc = parse_list(path)
    first, second = doc.records
    assert [d.stage for d in first.responsibilities] == ["受理", "审查", "决定"]
    assert [(d.stage, d.text) for d in second.responsibilities] == [
        ("受理", "受理"), ("审查", "审查环节责任\n审查材料。"), ("决定", "决定环节责任\n依法作出决定。"),
        ("事后监管", "事后监管环节责任\n监督检查。")]
    assert not [w for w in doc.warnings if "重复行" in w.message]
    bodies = tmp_path / "某县水利局权责清单.csv"
    bodies.write_text("序号,权力名称,权力类型,受理,审批\n1,取水许可,行政许可,县级政务服务中心窗口,市行政审批局\n",
                      encoding="utf-8")
    record = parse_list(bodies).records[0]
    assert not record.responsibilities and record.extra == {"受理": "县级政务服务中心窗口", "审批": "市行政审批局"}


def test_a_duty_group_over_a_column_a_stage_is_read_from_both_header_rows(tmp_path):
    # 责任事项 merged over 受理环节责任 | 审查环节责任 | 决定环节责任 | 送达环节责任: the lower row's stages are the duties
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "权力名称", "权力类型", "责任事项", "", "", ""])
    ws.append(["", "", "", "受理环节责任", "审查环节责任", "决定环节责任", "送达环节责任"])
    ws.append(["1", "取水许可", "行政许可", "受理申请。", "审查材料。", "作出决定。", "送达批准文件。"])
    ws.merge_cells("D1:G1")
    path = tmp_path / "某市水利局权责清单.xlsx"
    wb.save(path)
    doc = parse_list(path)
    assert [(r.row, [d.stage for d in r.responsibilities]) for r in doc.records] == [(3, ["受理", "审查", "决定", "送达"])]


def test_ditto_in_a_list_of_one_row_a_stage_copies_nothing_whole(tmp_path):
    # 九江's layout (办理环节 | 责任事项内容, one row a stage): 同上 on a record's first row is not the whole text above
    path = tmp_path / "九江市交通运输局权责清单.csv"
    path.write_text(
        "序号,职权名称,职权类别,办理环节,责任事项内容\n"
        "1,道路运输经营许可,行政许可,受理责任,依法受理。\n,,,审查责任,审查材料。\n"
        "2,道路运输经营许可变更,行政许可,受理责任,同上\n", encoding="utf-8")
    second = parse_list(path).records[1]
    assert all("审查材料" not in d.text for d in second.responsibilities)


def test_a_duty_group_written_cell_by_cell_over_stage_columns_and_a_bare_catch_all(tmp_path):
    # 江西 (a sheet written cell by cell): 责任事项 | "" | … over 受理（立案）责任 | … | 其他责任, the lower row no mapping's
    # words; 禄丰 (a CSV): 其他 right after the stage columns is their catch-all, not an extra field
    path = tmp_path / "江西省工业和信息化厅权责清单.csv"
    path.write_text(
        "序号,职权名称,职权类别,责任事项,,,追责情形\n"
        ",,,受理（立案）责任,审查（调查）责任,其他责任,\n"
        "1,民用爆炸物品销售许可,行政许可,依法受理。,审查材料。,其他。,违规审批的\n", encoding="utf-8")
    doc = parse_list(path)
    assert [(r.row, [d.stage for d in r.responsibilities]) for r in doc.records] == [(3, ["受理", "审查", "其他"])]
    assert not [w for w in doc.warnings if "已忽略此行" in w.message]
    bare = tmp_path / "禄丰市卫生健康局权责清单.csv"
    bare.write_text("序号,事项名称,权力类型,受理（立案）环节,审查（调查）环节,其他,备注\n"
                    "1,公共场所卫生许可,行政许可,依法受理。,审查材料。,其他责任。,无\n", encoding="utf-8")
    record = parse_list(bare).records[0]
    assert [d.stage for d in record.responsibilities] == ["受理", "审查", "其他"] and "其他" not in record.extra


def test_bare_stage_names_under_a_duty_group_are_stage_columns(tmp_path):
    # 张家口: 责任事项 over 受理（立案） | 审查（调查） | 告知 | 决定 (each column a stage, named without 环节 or 责任);
    # 莘县's 法律法规依据 is the basis, 镇安's 追责 the accountability situations
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "权力名称", "权力类型", "法律法规依据", "责任事项", "", "", "", "追责"])
    ws.append(["", "", "", "", "受理（立案）", "审查（调查）", "告知", "决定", ""])
    ws.append(["1", "对超标排污的处罚", "行政处罚", "《大气污染防治法》第九十九条", "予以立案。", "调查取证。", "告知陈述申辩权。",
               "作出处罚决定。", "违法处罚的"])
    path = tmp_path / "张家口市生态环境局权责清单.xlsx"
    wb.save(path)
    record = parse_list(path).records[0]
    assert [d.stage for d in record.responsibilities] == ["受理", "调查", "告知", "决定"]  # (受理 names a penalty's 立案)
    assert record.basis_text == "《大气污染防治法》第九十九条" and record.accountability_situations == "违法处罚的"
    assert not record.extra


def test_a_basis_group_split_by_kind_of_source_keeps_every_column(tmp_path):
    # 环江: 职权依据 over 法律 | 行政法规 | 地方性法规及规章、规范性文件 (written cell by cell): each column is the basis, said with its
    # kind as lists write 【法律】 in one cell; the row of kinds is no record
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "职权类型", "职权名称", "职权依据", "", "", "责任事项", "追责情形"])
    ws.append(["", "", "", "法律", "行政法规", "地方性法规及规章、规范性文件", "", ""])
    ws.append(["1", "行政许可", "狩猎证核发", "《中华人民共和国野生动物保护法》第二十二条", "《中华人民共和国陆生野生动物保护实施条例》", "",
               "1.受理责任：受理。", "违规发证的"])
    ws.append(["2", "行政征收", "森林植被恢复费征收", "", "", "《森林植被恢复费征收使用管理暂行办法》", "1.受理责任：受理。", ""])
    path = tmp_path / "环江毛南族自治县林业局权责清单.xlsx"
    wb.save(path)
    doc = parse_list(path)
    first, second = doc.records
    assert first.basis_text == ("【法律】《中华人民共和国野生动物保护法》第二十二条\n"
                                "【行政法规】《中华人民共和国陆生野生动物保护实施条例》")
    assert {c.law_title for c in first.citations} >= {"中华人民共和国野生动物保护法", "中华人民共和国陆生野生动物保护实施条例"}
    assert second.basis_text == "【地方性法规及规章、规范性文件】《森林植被恢复费征收使用管理暂行办法》"
    assert not doc.warnings and not first.extra
    # a kind under another group, or a sub-header that is more than a kind, is no split of the basis
    assert lists._source_kind("职权依据", "行政法规") and not lists._source_kind("责任事项", "法律")
    assert not lists._source_kind("职权依据", "法律条文")


def test_a_sub_item_row_without_its_type_takes_the_item_s(tmp_path):
    # 安陆, 青海: the second 子项 of an item leaves 权力类型 blank as it leaves the item's name
    path = tmp_path / "安陆市卫生健康局权责清单.csv"
    path.write_text(
        "序号,权力类型,权力名称,子项名称,设定依据,责任事项\n"
        "1,行政许可,医疗机构设置审批及执业登记,（1）医疗机构设置审批,《医疗机构管理条例》第九条,1.受理责任：受理。\n"
        ",,,（2）医疗机构执业登记,《医疗机构管理条例》第十五条,1.受理责任：受理。\n", encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.type) for r in doc.records] == [("医疗机构设置审批及执业登记", "行政许可")] * 2
    assert not [w for w in doc.warnings if "权力类型" in w.message]


def test_a_sub_item_row_whose_item_and_type_say_ditto_is_its_item_s(tmp_path):
    # 东营: the second 子项 of 环评文件审批 writes 「同上」 for the item's name and its type; 金秀 heads its codes 权力事项编码
    path = tmp_path / "东营市生态环境局权责清单.csv"
    path.write_text("序号,权力事项编码,权力类型,权力事项名称,子项,设定依据,责任事项\n"
                    "1,370500SHJXK001-01,行政许可,建设项目环境影响评价文件审批,建设项目环境影响报告书审批,《环境影响评价法》第二十二条,"
                    "1.受理；2.审查；3.决定；4.送达。\n"
                    ",370500SHJXK001-02,同上,同上,建设项目环境影响报告表审批,同上,1.受理；2.审查；3.决定；4.送达。\n"
                    "2,370500SHJCF001,行政处罚,对超标排放大气污染物的处罚,,《大气污染防治法》第九十九条,1.立案；2.调查。\n"
                    "3,370500SHJCF002,同上,对未按规定贮存危险废物的处罚,,《固体废物污染环境防治法》第一百一十二条,1.立案。\n",
                    encoding="utf-8")
    doc = parse_list(path)
    first, second, _penalty, dittoed = doc.records
    assert (second.item_name, second.sub_item_name, second.type) == (
        "建设项目环境影响评价文件审批", "建设项目环境影响报告表审批", "行政许可")
    assert second.name == "建设项目环境影响评价文件审批（建设项目环境影响报告表审批）"
    assert second.basis_text == first.basis_text and second.code == "370500SHJXK001-02"
    assert [d.stage for d in second.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert (dittoed.name, dittoed.type) == ("对未按规定贮存危险废物的处罚", "行政处罚")  # its own name, the type above
    assert not [w for w in doc.warnings if "权力类型" in w.message and "无法识别" in w.message]
    assert any("第3行" in w.message and "第5行权力类型" in w.message for w in doc.warnings)  # the report says so


def test_a_row_holding_only_the_next_step_headed_by_its_stage_is_the_records_next_duty(tmp_path):
    # 彰武 (an export of merged cells left blank): 「审查：…」 alone in the 责任事项 cell below 「受理：…」, unnumbered
    path = tmp_path / "彰武县气象局权责清单.csv"
    path.write_text(
        "序号,类别,项目名称,依据,责任事项,责任主体\n"
        "1,行政许可,雷电防护装置设计审核,《气象灾害防御条例》第二十三条,受理：依法受理或不予受理。,彰武县气象局\n"
        ",,,,审查：对设计文件进行审查。,\n,,,,决定：作出核准或不予核准决定。,\n,,,,送达：制发核准意见书。,\n"
        "2,行政许可,升放气球活动审批,《通用航空飞行管制条例》第三十三条,1.受理：受理申请。,彰武县气象局\n"
        ",,,,其他事项。,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "决定", "送达"], ["受理"]]
    assert [d.seq for d in doc.records[0].responsibilities] == [1, 2, 3, 4]
    # a row that names no stage of its own, after numbered duties, is still said and left out
    assert len(doc.warnings) == 1 and "已忽略此行" in doc.warnings[0].message and doc.warnings[0].row == 7


def test_rows_of_one_item_a_stage_with_the_item_written_again_are_one_record(tmp_path):
    # 临渭: 责任环节 | 责任事项, one row a stage, the item's 序号, 编码, 类型 and 名称 written again on every row (a merged
    # block exported filled); another item, or the same name starting over at its first stage, is a record of its own
    path = tmp_path / "渭南市临渭区市场监督管理局权责清单.csv"
    item = "1,610502-XK-001,行政许可,食品经营许可,《食品安全法》第三十五条"
    path.write_text(
        "序号,职权编码,职权类型,职权名称,职权依据,责任环节,责任事项\n"
        f"{item},受理,依法受理。\n{item},审查,审查材料。\n{item},决定,作出决定。\n"
        "2,610502-XK-004,行政许可,特种设备使用登记,《特种设备安全法》第三十三条,受理,接收申请。\n"
        "2,610502-XK-004,行政许可,特种设备使用登记,《特种设备安全法》第三十三条,审核,审查材料。\n"
        f"{item},受理,依法受理。\n", encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("食品经营许可", ["受理", "审查", "决定"]), ("特种设备使用登记", ["受理", "审查"]), ("食品经营许可", ["受理"])]


def test_a_sub_item_row_s_blank_cells_are_its_items(tmp_path):
    # 湖南's 药品监督管理局: the item's 实施依据, 责任事项, 追责情形 and 实施主体 merged over its sub-items, exported blank
    # below the item's row; the sub-item's own 备注 stays its own, and the report says what was read from above
    path = tmp_path / "湖南省药品监督管理局权责清单.csv"
    path.write_text(
        "序号,权力编码,职权类型,职权名称,子项名称,实施依据,责任事项,追责情形,备注\n"
        "1,XK001,行政许可,药品批发企业经营许可,许可证核发,《药品管理法》第五十一条,1.受理责任：受理。2.审查责任：审查。,"
        "违法准予许可的,窗口受理\n"
        ",XK001-2,,,许可证变更,,,,\n,XK001-3,,,重新审查发证,,,,有效期届满前6个月申请\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.sub_item_name for r in doc.records] == ["许可证核发", "许可证变更", "重新审查发证"]
    assert {r.basis_text for r in doc.records} == {"《药品管理法》第五十一条"}
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查"]] * 3
    assert {r.accountability_situations for r in doc.records} == {"违法准予许可的"}
    assert [r.remarks for r in doc.records] == ["窗口受理", "", "有效期届满前6个月申请"]
    assert any("第 3、4 行（子项）" in w.message and "上方一行" in w.message for w in doc.warnings)
    # a sub-item row that writes a cell of them itself (its own 实施依据) and its own type (宁德's) is a row of its own: its
    # blank duties are none
    own = path.read_text(encoding="utf-8").replace(",XK001-2,,,许可证变更,,", ",XK001-2,行政许可,,许可证变更,《药品管理法》第五十二条,")
    path.write_text(own, encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查"], [], []]  # (the row above's)
    assert [r.basis_text for r in doc.records] == ["《药品管理法》第五十一条"] + ["《药品管理法》第五十二条"] * 2
    # … but one that gives only its own basis, its type left to the item's merge (渭南's 涉路施工许可, judged to share the
    # item's duties), shares them
    path.write_text(own.replace(",XK001-2,行政许可,", ",XK001-2,,"), encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查"]] * 3
    assert [r.basis_text for r in doc.records] == ["《药品管理法》第五十一条"] + ["《药品管理法》第五十二条"] * 2


def test_sub_items_naming_their_item_by_its_code_are_its_sub_items(tmp_path):
    # 大兴安岭's export: QL_BM | SJ_BM (the item's code), each sub-item a row of its own after its item's, its cells
    # 「同主项」 or blank (a penalty's sub-items give their own 依据 and leave their 责任事项 blank)
    path = tmp_path / "大兴安岭地区交通运输局权责清单.csv"
    path.write_text(
        "QL_BM,SJ_BM,QLMC,QLLX_MC,SDYJ,ZRSX,ZZQX,SSZT\n"
        "232700-XK-002,,涉路施工许可,行政许可,《公路法》第四十四条,1.受理责任：受理。2.审查责任：审查。3.决定责任：决定。,"
        "违法许可的,大兴安岭地区交通运输局\n"
        "232700-XK-002-01,232700-XK-002,占用、挖掘公路审批,行政许可,同主项,同主项,同主项,大兴安岭地区交通运输局\n"
        "232700-CF-002,,对擅自占用公路的处罚,行政处罚,《公路法》第七十六条,1.立案：立案。2.调查：调查。,违法处罚的,"
        "大兴安岭地区交通运输局\n"
        "232700-CF-002-01,232700-CF-002,对擅自挖掘公路的处罚,,《公路法》第七十六条第（一）项,,,大兴安岭地区交通运输局\n"
        "232700-XK-002-02,232700-XK-002,跨越公路修建桥梁审批,行政许可,与主项相同,1.受理：受理。,,大兴安岭地区交通运输局\n"
        "232700-JC-009-01,232700-JC-009,对公路的监督检查,行政检查,《公路法》第六十九条,1.检查。,,大兴安岭地区交通运输局\n",
        encoding="utf-8")
    doc = parse_list(path)
    permit, sub, penalty, sub_penalty, second, alone = doc.records
    assert (sub.item_name, sub.sub_item_name, sub.name) == ("涉路施工许可", "占用、挖掘公路审批", "涉路施工许可（占用、挖掘公路审批）")
    assert (sub.basis_text, sub.accountability_situations) == (permit.basis_text, "违法许可的")
    assert [d.stage for d in sub.responsibilities] == ["受理", "审查", "决定"] and sub.citations == permit.citations
    assert sub.code == "232700-XK-002-01"  # its own code kept
    # its own 依据, its item's duties and type
    assert (sub_penalty.item_name, sub_penalty.sub_item_name, sub_penalty.type) == (
        "对擅自占用公路的处罚", "对擅自挖掘公路的处罚", "行政处罚")
    assert sub_penalty.basis_text == "《公路法》第七十六条第（一）项"
    assert [d.stage for d in sub_penalty.responsibilities] == ["立案", "调查"]
    assert sub_penalty.accountability_situations == "违法处罚的"
    # a sub-item whose own duties are written keeps them; 「与主项相同」 is the item's basis
    assert [d.stage for d in second.responsibilities] == ["受理"] and second.basis_text == permit.basis_text
    assert second.accountability_situations == "违法许可的"
    # an item named by a code no row of the list has is read as it stands
    assert (alone.item_name, alone.sub_item_name) == ("对公路的监督检查", "")
    assert (permit.sub_item_name, penalty.sub_item_name) == ("", "")
    assert any("第3行、第5行、第6行" in w.message and "子项" in w.message for w in doc.warnings)
    assert not [w for w in doc.warnings if "SJ_BM" in w.message]  # a column read, not kept as an unknown one


def test_a_sub_item_code_is_its_item_s_code_and_a_number(tmp_path):
    # no column names the item: the code does (XK-003-1 under XK-003); a code of the same shape whose item is not in
    # the list, or whose item comes after it, is an item of its own; a 主项编码 that is the row's own code names itself
    path = tmp_path / "某县自然资源局权责清单.csv"
    path.write_text(
        "权力编码,主项编码,权力名称,权力类型,设定依据,责任事项\n"
        "ZR-XK-003,ZR-XK-003,建设用地规划许可,行政许可,《城乡规划法》第三十八条,1.受理：受理。2.决定：决定。\n"
        "ZR-XK-003-1,,以出让方式取得国有土地使用权的建设用地规划许可,行政许可,同主项,\n"
        "ZR-CF-001-1,,对非法占用土地的处罚,行政处罚,《土地管理法》第七十七条,1.立案：立案。\n"
        "ZR-CF-001,,对非法占地的处罚,行政处罚,《土地管理法》第七十七条,1.立案：立案。\n", encoding="utf-8")
    doc = parse_list(path)
    item, sub, before, after = doc.records
    assert (item.item_name, item.sub_item_name) == ("建设用地规划许可", "")
    assert (sub.item_name, sub.sub_item_name) == ("建设用地规划许可", "以出让方式取得国有土地使用权的建设用地规划许可")
    assert sub.basis_text == item.basis_text and [d.stage for d in sub.responsibilities] == ["受理", "决定"]
    assert (before.sub_item_name, after.sub_item_name) == ("", "")


def test_a_merged_sub_item_row_saying_same_as_the_item_is_the_item_row_s_cell(tmp_path):
    # a 子项名称 column, the item's own row first (子项 blank), each sub-item's 责任事项 「同主项」
    path = tmp_path / "某市卫生健康委员会权责清单.csv"
    path.write_text(
        "序号,事项名称,子项名称,事项类型,设定依据,责任事项\n"
        "1,医疗机构执业登记,,行政许可,《医疗机构管理条例》第十五条,1.受理：受理。2.审查：审查。3.决定：决定。4.送达：送达。\n"
        ",医疗机构执业登记,变更登记,行政许可,《医疗机构管理条例》第二十条,同主项\n", encoding="utf-8")
    _item, sub = parse_list(path).records
    assert (sub.item_name, sub.sub_item_name) == ("医疗机构执业登记", "变更登记")
    assert [d.stage for d in sub.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert sub.basis_text == "《医疗机构管理条例》第二十条"  # its own


def test_the_forty_ninth_sample_s_layouts(tmp_path):
    # 贵州: a database export with English column codes, its sub-items under their PARENT_CODE with blank cells
    path = tmp_path / "贵州省交通运输厅权责清单.csv"
    path.write_text(
        "ITEM_ID,ITEM_CODE,PARENT_CODE,ITEM_NAME,ITEM_TYPE,LEGAL_BASIS,DUTY_DESC,ACCOUNTABILITY,ACC_BASIS,IMPL_ORG,STATUS\n"
        "10232,520000JTXK0002,,省际道路旅客运输班线经营许可,行政许可,《道路运输条例》第十条,1.受理责任：受理。2.审查责任：审查。,"
        "不予受理的,《行政许可法》第七十二条,贵州省交通运输厅,1\n"
        "10233,520000JTXK0002001,520000JTXK0002,省际道路旅客运输班线经营许可（新增）,行政许可,,,,,贵州省交通运输厅,1\n",
        encoding="utf-8")
    doc = parse_list(path)
    item, sub = doc.records
    assert (item.name, item.type, item.holder, item.code) == (
        "省际道路旅客运输班线经营许可", "行政许可", "贵州省交通运输厅", "520000JTXK0002")
    assert "不予受理的" in item.accountability_situations and "第七十二条" in item.accountability_situations
    assert (sub.item_name, sub.sub_item_name) == ("省际道路旅客运输班线经营许可", "省际道路旅客运输班线经营许可（新增）")
    assert [d.stage for d in sub.responsibilities] == ["受理", "审查"] and sub.extra["STATUS"] == "1"
    # 长葛: 「备注：」 in the code column, the note's first line in the name column, its next lines below: no records
    path = tmp_path / "长葛市水利局权责清单.csv"
    path.write_text("事项编码,事项名称,事项类别,责任事项\n000172001000,取水许可,行政许可,1.受理：受理。\n"
                    "备注：,1.事项编码采用河南省政务服务事项基本目录编码。\n,2.水资源费征收事项已调出本清单。\n",
                    encoding="utf-8")
    assert [r.name for r in parse_list(path).records] == ["取水许可"]
    # 花园街道: 序号 | 类别 | 事项名称 … 街道职责 | 区直部门职责: the street's duties its own, the district's kept beside; a
    # 类别 written on each group's first row only is the group's
    path = tmp_path / "哈尔滨市南岗区花园街道办事处权责清单.csv"
    path.write_text(
        "序号,类别,事项名称,依据,街道职责,区直部门职责\n"
        "1,行政处罚,对随地吐痰的处罚,《城市市容和环境卫生管理条例》第三十四条,立案责任：立案。决定责任：决定。,区城管局：业务指导。\n"
        "2,,对乱张贴的处罚,《城市市容和环境卫生管理条例》第三十四条,立案责任：立案。,区城管局：业务指导。\n"
        "3,公共服务,高龄津贴申请受理,《老年人权益保障法》第三十三条,受理申请。,区民政局：审批。\n", encoding="utf-8")
    doc = parse_list(path)
    assert [(r.type, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("行政处罚", ["立案", "决定"]), ("行政处罚", ["立案"]), ("公共服务", [None])]
    assert doc.records[1].extra["区直部门职责"] == "区城管局：业务指导。"
    assert any("第 3 行的权力类型为空" in w.message for w in doc.warnings)
    # a blank 类别 of a row with no 序号 of its own (a row continuing the one above) is not filled here
    path.write_text(path.read_text(encoding="utf-8").replace("2,,对乱张贴", ",,对乱张贴"), encoding="utf-8")
    assert [r.type for r in parse_list(path).records] == ["行政处罚", "", "公共服务"]


def _read_county_csv(folder: Path, name: str, text: str):
    """A CSV of 某县市场监督管理局's, written and read."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return parse_list(path, department="某县市场监督管理局", jurisdiction="某县")


def test_what_is_not_a_sub_item_nor_a_blank_type_filled_down(tmp_path):
    # a cold review of the readings above: each input read as the list means it
    read = partial(_read_county_csv, tmp_path)

    # 上级事项编码 that is the superior's catalogue code, not a row's own code's start: no sub-item
    doc = read("a.csv", "序号,权力编码,上级事项编码,事项名称,权力类型,实施依据,责任事项\n"
                        "1,XK-001,XK-003,药品零售企业许可,行政许可,《药品管理法》第51条,1.受理责任：受理。\n"
                        "2,XK-002,XK-001,食品经营许可,行政许可,,\n")
    assert [(r.item_name, r.sub_item_name, r.basis_text) for r in doc.records] == [
        ("药品零售企业许可", "", "《药品管理法》第51条"), ("食品经营许可", "", "")]
    # a group row with a code of letters (XK), a tree export's type node: no item of the powers under it
    doc = read("b.csv", "QL_BM,PARENT_CODE,ITEM_NAME,ITEM_TYPE,LEGAL_BASIS\nXK,0,行政许可,,\n"
                        "XK-001,XK,食品经营许可,行政许可,《食品安全法》第35条\n")
    assert [(r.item_name, r.sub_item_name) for r in doc.records][-1] == ("食品经营许可", "")
    doc = read("c.csv", "序号,权力编码,事项名称,权力类型,实施依据\n一,XK,行政许可,,\n1,XK-001,食品经营许可,行政许可,《食品安全法》第35条\n")
    assert [(r.item_name, r.sub_item_name) for r in doc.records][-1] == ("食品经营许可", "")
    # an item of another type is no item of a 「同主项」 sub-item row (a merged table)
    doc = read("d.csv", "序号,事项名称,子项名称,权力类型,实施依据,责任事项\n"
                        "1,建设工程消防验收,,行政许可,《消防法》第13条,1.受理责任：受理验收申请。\n"
                        "2,建设工程消防验收,其他建设工程消防验收备案抽查,其他行政权力,《消防法》第13条,同主项\n")
    assert [d.stage for d in doc.records[1].responsibilities] != ["受理"]
    # 「同主项」 in each of columns merged into one (事前 | 事中 | 事后), and a sub-item name's 「其中：」
    doc = read("e.csv", "序号,权力编码,事项名称,权力类型,实施依据,事前责任,事中责任,事后责任\n"
                        "1,CF-001,对违法排放大气污染物的处罚,行政处罚,《大气污染防治法》第九十九条,立案责任：立案。,调查责任：调查。,"
                        "执行责任：执行。\n"
                        "2,CF-001-1,其中：对超标排放大气污染物的处罚,行政处罚,,同主项。,同主项。,同主项。\n")
    sub = doc.records[1]
    assert (sub.item_name, sub.sub_item_name) == ("对违法排放大气污染物的处罚", "对超标排放大气污染物的处罚")
    assert [d.stage for d in sub.responsibilities] == ["立案", "调查", "执行"]
    # a group row gives the type of the rows under it, not the row above; a list typing every row leaves a blank
    # type an omission (untyped, with a warning), not its neighbour's
    doc = read("f.csv", "序号,类别,事项名称,实施依据\n一、行政许可,,,\n1,,食品经营许可,《食品安全法》第35条\n"
                        "二、行政处罚,,,\n3,,对无证经营食品的处罚,《食品安全法》第122条\n")
    assert [r.type for r in doc.records] == ["行政许可", "行政处罚"]
    doc = read("g.csv", "序号,权力类型,事项名称\n1,行政许可,食品经营许可\n2,行政许可,食品生产许可\n"
                        "3,,对无证经营食品的处罚\n4,行政处罚,对超范围经营的处罚\n")
    assert [r.type for r in doc.records] == ["行政许可", "行政许可", "", "行政处罚"]
    assert any("权力类型为空：已导入，但不带权力类型" in w.message for w in doc.warnings)
    # 乡镇职责 beside a 责任事项 column is the township's general duty, kept as it is; a 备注 row of three cells is a note
    doc = read("h.csv", "事项名称,权力类型,实施依据,乡镇职责,责任事项\n对违法建设的处罚,行政处罚,《城乡规划法》第六十五条,"
                        "负责本辖区内违法建设的查处,1.立案责任：立案。2.调查责任：调查。\n"
                        "备注：,1.本清单共1项,2.由某县市场监督管理局负责解释\n")
    (rec,) = doc.records
    assert [d.stage for d in rec.responsibilities] == ["立案", "调查"] and rec.extra["乡镇职责"] == "负责本辖区内违法建设的查处"


def test_the_fiftieth_sample_s_layouts(tmp_path):
    # 海北: one row a stage, the item written again on each, its stages numbered (环节序号), a step of no known stage
    # (a 征收's 核定, 通知), and the 追责情形 a last row of its own: one record an item
    path = tmp_path / "海北藏族自治州林业和草原局权责清单.csv"
    path.write_text(
        "事项编码,事项名称,权力类别,环节序号,责任环节,责任事项,设定依据\n"
        "632200-LC-XK-01,林木采伐许可证核发,行政许可,1,受理,受理申请。,《森林法》第五十六条\n"
        "632200-LC-XK-01,林木采伐许可证核发,行政许可,2,审查,审查材料。,\n"
        "632200-LC-XK-01,林木采伐许可证核发,行政许可,,追责情形,1.对符合法定条件的申请不予受理的。,\n"
        "632200-LC-ZS-01,草原植被恢复费征收,行政征收,1,核定,核定应缴费额。,《草原法》第三十九条\n"
        "632200-LC-ZS-01,草原植被恢复费征收,行政征收,2,通知,开具缴款通知书。,\n", encoding="utf-8")
    permit, levy = parse_list(path).records
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查"]
    assert permit.accountability_situations == "1.对符合法定条件的申请不予受理的。"
    assert [d.text.split("\n")[0] for d in levy.responsibilities] == ["核定", "通知"]
    assert (permit.extra["环节序号"], levy.extra["环节序号"]) == ("受理：1\n审查：2", "核定：1\n通知：2")  # the stages'
    # 太仆寺旗: a sheet a type with no type column, its item named 给付事项 / 确认事项, its duties 办理流程及责任
    path = tmp_path / "太仆寺旗民政局权责清单.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "行政给付"
    for row in (["序号", "给付事项", "给付对象", "法律依据", "办理流程及责任", "责任追究"],
                ["1", "最低生活保障金给付", "低收入家庭", "《社会救助暂行办法》第九条", "1.受理：受理申请。2.审查：审核。",
                 "1.对符合条件的申请不予受理的"]):
        wb.active.append(row)
    sheet = wb.create_sheet("行政确认")
    for row in (["编号", "确认事项", "依据", "责任事项", "问责情形"],
                ["QR-01", "婚姻登记", "《婚姻登记条例》第四条", "1.受理：查验证件。", "1.为不符合条件的当事人登记的"]):
        sheet.append(row)
    wb.save(path)
    doc = parse_list(path)
    assert [(r.name, r.type, r.extra.get("给付对象", "")) for r in doc.records] == [
        ("最低生活保障金给付", "行政给付", "低收入家庭"), ("婚姻登记", "行政确认", "")]
    assert [d.stage for d in doc.records[0].responsibilities] == ["受理", "审查"]
    # 沙依巴克区: 权力事项 over 类型 | 编码 | 名称, 责任事项 over 事前 | 事中 | 事后, 追究责任 over 情形 | 依据, unmerged
    path = tmp_path / "乌鲁木齐市沙依巴克区司法局权责清单.csv"
    path.write_text("序号,权力事项,,,实施依据,责任事项,,,追究责任,,承办科室\n"
                    ",类型,编码,名称,,事前,事中,事后,情形,依据,\n"
                    "1,行政给付,650103-JF-SF,法律援助,《法律援助法》第四十一条,受理：公示条件。,审查：核查。,监管：质量监督。,"
                    "1.对符合条件的申请不予受理的,《法律援助法》第六十二条,区法律援助中心\n", encoding="utf-8")
    (rec,) = parse_list(path).records
    assert (rec.name, rec.type, rec.code, rec.basis_text) == ("法律援助", "行政给付", "650103-JF-SF", "《法律援助法》第四十一条")
    assert "不予受理" in rec.accountability_situations and "第六十二条" in rec.accountability_situations
    # 陕西: DUTY_CONTENT is the duties of an English export; 普洱: the 职权类别 written once over its group, beside a code
    path = tmp_path / "陕西省粮食和物资储备局权责清单.csv"
    path.write_text("ITEM_CODE,ITEM_NAME,ITEM_TYPE,LEGAL_BASIS,DUTY_CONTENT\n"
                    "610000-CF-LS-001,对粮食收购者未按照规定备案的处罚,行政处罚,《粮食流通管理条例》第四十条,1.立案责任：立案。\n",
                    encoding="utf-8")
    assert [d.stage for d in parse_list(path).records[0].responsibilities] == ["立案"]
    path = tmp_path / "普洱市生态环境局权责清单.csv"
    path.write_text("职权编码,职权类别,职权名称,法律依据\n530800-HB-XK,行政许可,建设项目环境影响评价文件审批,《环境影响评价法》第二十二条\n"
                    "530800-HB-XK,,排污许可证核发,《排污许可管理条例》第三条\n530800-HB-CF,行政处罚,对违法排污的处罚,"
                    "《水污染防治法》第八十三条\n", encoding="utf-8")
    assert [r.type for r in parse_list(path).records] == ["行政许可", "行政许可", "行政处罚"]


def test_tables_a_type_each_with_its_own_header(tmp_path):
    # 武冈: 「一、行政许可（3项）」 above the sheet's first header types its table; the 处罚 table names its items 违法行为
    # and their basis 处罚依据, the 强制 table 强制名称 (beside a 事项名称 they would be kept as they are)
    path = tmp_path / "武冈市公安局权责清单.csv"
    path.write_text(
        "武冈市公安局权责清单,,,,\n一、行政许可（1项）,,,,\n序号,事项名称,设定依据,责任事项,追责情形\n"
        "1,大型群众性活动安全许可,《大型群众性活动安全管理条例》第十一条,受理：依法受理。,不予受理的\n"
        "二、行政处罚（1项）,,,,\n序号,违法行为,处罚依据,责任事项,追责情形\n"
        "1,饮酒后驾驶机动车,《道路交通安全法》第九十一条,立案：立案。,违法处罚的\n"
        "三、行政强制（1项）,,,,\n序号,强制名称,实施依据,责任事项,追责情形\n"
        "1,扣留机动车,《道路交通安全法》第九十六条,审批：报批。,违法扣留的\n", encoding="utf-8")
    doc = parse_list(path)
    assert [(r.name, r.type, r.basis_text[:9]) for r in doc.records] == [
        ("大型群众性活动安全许可", "行政许可", "《大型群众性活动安"), ("饮酒后驾驶机动车", "行政处罚", "《道路交通安全法》"),
        ("扣留机动车", "行政强制", "《道路交通安全法》")]
    path.write_text("序号,事项名称,违法行为,处罚依据,设定依据,权力类型\n1,对酒驾的处罚,饮酒后驾驶机动车,《道路交通安全法》第九十一条,"
                    "《道路交通安全法》第九十一条第一款,行政处罚\n", encoding="utf-8")
    (rec,) = parse_list(path).records
    assert (rec.name, rec.basis_text) == ("对酒驾的处罚", "《道路交通安全法》第九十一条第一款")
    assert rec.extra == {"违法行为": "饮酒后驾驶机动车", "处罚依据": "《道路交通安全法》第九十一条"}


def test_three_records_in_a_row_of_one_item_are_said(tmp_path):
    # rows that are one item's stages, read as records of their own (a column differing from row to row and no
    # stage column to say so): the import says so, before a reader trusts findings of stages "missing" from each
    path = tmp_path / "某县林业和草原局权责清单.csv"
    path.write_text("事项编码,事项名称,权力类别,责任岗位,责任事项,设定依据\n"
                    "LC-XK-01,林木采伐许可证核发,行政许可,窗口,受理责任：受理申请。,《森林法》第五十六条\n"
                    "LC-XK-01,林木采伐许可证核发,行政许可,审批股,审查责任：审查材料。,《森林法》第五十六条\n"
                    "LC-XK-01,林木采伐许可证核发,行政许可,局长,决定责任：作出决定。,《森林法》第五十六条\n"
                    "LC-XK-02,临时占用草原审核,行政许可,窗口,受理责任：受理。,《草原法》第四十条\n", encoding="utf-8")
    said = [w for w in parse_list(path, jurisdiction="某县").warnings if "是同一事项" in w.message]
    assert [(w.row, w.severity) for w in said] == [(2, "warning")] and "第 2–4 行的 3 条记录" in said[0].message
    # two in a row (an item at two levels, a licence issued and renewed) are not said
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:3] + [""]), encoding="utf-8")
    assert not [w for w in parse_list(path, jurisdiction="某县").warnings if "是同一事项" in w.message]


def test_the_fiftieth_sample_s_readings_where_they_do_not_apply(tmp_path):
    # a cold review of the readings above: each input read as the list means it
    read = partial(_read_county_csv, tmp_path)

    # 许可事项 beside a 事项名称 is what is licensed (kept as it is), not a second half of the name
    (rec,) = read("a.csv", "序号,事项名称,许可事项,权力类型,设定依据,责任事项\n"
                           "1,药品经营许可,药品批发企业许可,行政许可,《药品管理法》第五十一条,1.受理：受理。\n").records
    assert (rec.name, rec.extra) == ("药品经营许可", {"许可事项": "药品批发企业许可"})
    # 违法行为 beside the item's own name column (行政处罚事项名称) is kept as it is
    (rec,) = read("b.csv", "序号,行政处罚事项名称,权力类型,违法行为,处罚依据,责任事项\n"
                           "1,对未取得食品经营许可从事食品经营的处罚,行政处罚,经营超过保质期食品,《食品安全法》第一百二十二条,"
                           "1.立案：立案。\n").records
    assert (rec.name, rec.extra["违法行为"]) == ("对未取得食品经营许可从事食品经营的处罚", "经营超过保质期食品")
    # a row-a-stage list: its 追责情形 first, or numbered (3.追责情形), the record's accountability with its basis; a
    # stage's own columns (责任岗位, 办理时限) written stage by stage on the power
    doc = read("c.csv", "序号,事项名称,权力类型,责任环节,责任事项,责任事项依据,责任岗位,办理时限\n"
                        "1,食品经营许可,行政许可,追责情形,1.对符合法定条件的不予许可的。,《行政许可法》第七十二条,,\n"
                        "1,食品经营许可,行政许可,受理,受理申请。,,窗口工作人员,1个工作日\n"
                        "1,食品经营许可,行政许可,审查,审查材料。,,业务科室,10个工作日\n"
                        "1,食品经营许可,行政许可,3.追责情形,2.违法收费的。,《公务员处分条例》第二十条,,\n")
    (rec,) = doc.records
    assert [d.stage for d in rec.responsibilities] == ["受理", "审查"] and rec.responsibility_basis_text == ""
    assert rec.accountability_situations.split("\n") == [
        "1.对符合法定条件的不予许可的。", "追责依据：《行政许可法》第七十二条", "2.违法收费的。", "追责依据：《公务员处分条例》第二十条"]
    assert rec.extra == {"责任岗位": "受理：窗口工作人员\n审查：业务科室", "办理时限": "受理：1个工作日\n审查：10个工作日"}
    # a blank type under a code naming another type (QZ under a 行政处罚) is not its group's: the code's (said)
    doc = read("d.csv", "权力编码,权力类型,事项名称,责任事项\nXK001,行政许可,食品经营许可,1.受理：受理。\n"
                        "CF001,行政处罚,对无证经营的处罚,1.立案：立案。\nQZ001,,查封扣押不符合食品安全标准的食品,1.决定：决定。\n")
    assert [r.type for r in doc.records] == ["行政许可", "行政处罚", "行政强制"]
    # a sheet named after a type whose table is no list of powers (a 裁量基准, a 办事指南) is not read by its name
    path = tmp_path / "某县市场监督管理局权责清单.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "权责清单"
    wb.active.append(["序号", "事项名称", "权力类型", "责任事项"])
    wb.active.append(["1", "食品经营许可", "行政许可", "1.受理：受理。"])
    sheet = wb.create_sheet("行政处罚（裁量基准）")
    sheet.append(["序号", "违法行为", "处罚依据", "违法程度", "处罚标准"])
    sheet.append(["1", "经营超过保质期食品", "《食品安全法》第一百二十四条", "轻微", "警告"])
    sheet = wb.create_sheet("行政许可（办事指南）")
    sheet.append(["序号", "事项名称", "办理时限", "收费标准"])
    sheet.append(["1", "食品经营许可", "10个工作日", "不收费"])
    wb.save(path)
    doc = parse_list(path, department="某县市场监督管理局", jurisdiction="某县")
    assert [(r.sheet, r.name) for r in doc.records] == [("权责清单", "食品经营许可")]


def test_an_item_whose_status_says_it_is_not_in_force_is_not_imported(tmp_path):
    # 陕西's export: STATUS 1 for the items in force, 0 for a licence no longer listed; a 事项状态 of 停用
    path = tmp_path / "陕西省粮食和物资储备局权责清单.csv"
    path.write_text("ITEM_CODE,ITEM_NAME,ITEM_TYPE,DUTY_CONTENT,STATUS\n"
                    "610000-CF-LS-001,对粮食收购者未按照规定备案的处罚,行政处罚,1.立案责任：立案。,1\n"
                    "610000-XK-LS-001,粮食收购资格许可,行政许可,1.受理责任：受理。,0\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.name for r in doc.records] == ["对粮食收购者未按照规定备案的处罚"]
    assert any("STATUS 为 0：粮食收购资格许可 不是现行权力，未导入" in w.message for w in doc.warnings)
    path.write_text("事项名称,权力类型,责任事项,事项状态\n食品经营许可,行政许可,1.受理：受理。,在用\n"
                    "食品流通许可,行政许可,1.受理：受理。,停用\n", encoding="utf-8")
    assert [r.name for r in parse_list(path).records] == ["食品经营许可"]
    # a status column of other numbers (2, 3: a workflow's steps) says nothing of being in force
    path.write_text("ITEM_CODE,ITEM_NAME,ITEM_TYPE,DUTY_CONTENT,STATUS\nA-1,食品经营许可,行政许可,1.受理：受理。,0\n"
                    "A-2,食品生产许可,行政许可,1.受理：受理。,2\n", encoding="utf-8")
    assert len(parse_list(path).records) == 2


def test_a_stage_s_own_column_is_written_stage_by_stage_on_every_record(tmp_path):
    # 环节序号 differs from row to row of one item: the stages', on each power 「环节：内容」 — one of one row too
    path = tmp_path / "某县市场监督管理局权责清单.csv"
    path.write_text("序号,事项名称,权力类型,环节序号,责任环节,责任事项\n1,食品经营许可,行政许可,1,受理,受理申请。\n"
                    "1,食品经营许可,行政许可,2,审查,审查材料。\n2,对无证经营的处罚,行政处罚,1,立案,立案。\n", encoding="utf-8")
    doc = parse_list(path, jurisdiction="某县")
    assert [r.extra for r in doc.records] == [{"环节序号": "受理：1\n审查：2"}, {"环节序号": "立案：1"}]
    assert any("列 环节序号 在同一事项的各环节行中各不相同" in w.message for w in doc.warnings)


def test_the_thirty_seventh_sample_s_layouts(tmp_path):
    # 岳阳: 责任事项 over 事前 | 事中 | 事后 (a two-row header written without its merge): the duties in three columns,
    # a column of bare steps its own duty
    path = tmp_path / "岳阳市商务局权责清单.csv"
    path.write_text(
        "序号,职权名称,职权类型,职权依据,责任事项,,,追责情形\n,,,,事前,事中,事后,\n"
        "1,对外劳务合作经营资格核准,行政许可,《对外劳务合作管理条例》第五条,受理：公示申请条件。,审查：审查申请材料。,"
        "送达：颁发资格证书。,违法核准的\n"
        "2,对擅自从事报废机动车回收活动的处罚,行政处罚,《报废机动车回收管理办法》第二十条,立案：对违法线索及时立案。,"
        "调查取证、审查、告知、决定。,送达、执行。,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "送达"], ["立案", "调查", "送达"]]
    assert "调查取证、审查、告知、决定。" in [d.text for d in doc.records[1].responsibilities]
    # 延边: the next numbered duties a row, each with its own basis beside it (责任事项 | 责任事项依据), numbered on past
    # the steps a sub-item leaves out
    path = tmp_path / "延边朝鲜族自治州统计局权责清单.csv"
    path.write_text(
        "序号,权力类型,权力名称,子项,实施依据,责任事项,责任事项依据\n"
        "1,行政处罚,对迟报统计资料的处罚,,《统计法》第四十二条,1.立案责任：决定是否立案。,《行政处罚法》第五十四条\n"
        ",,,,,4.告知责任：告知当事人拟作出的处罚。,《行政处罚法》第四十四条\n,,,,,5.决定责任：制作处罚决定书。,\n",
        encoding="utf-8")
    doc = parse_list(path)
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "告知", "决定"] and not doc.warnings
    assert doc.records[0].responsibility_basis_text == "《行政处罚法》第五十四条\n《行政处罚法》第四十四条"
    # 翁牛特旗: one duty a row, the item's cells written again on each, no stage column
    path = tmp_path / "翁牛特旗林业和草原局权责清单.csv"
    item = "1,行政许可,林木采伐许可证核发,《森林法》第五十六条"
    item2 = "2,行政许可,临时占用草原审核,《草原法》第四十五条"
    path.write_text(
        "序号,权力类型,权力名称,设定依据,责任事项,追责情形\n"
        f"{item},受理责任：公示申请条件。,违法许可的\n{item},审查责任：审查申请材料。,\n{item},决定责任：作出决定。,\n"
        f"{item2},受理,违法审核的\n{item2},审核（现场查验）,\n{item2},决定,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("林木采伐许可证核发", ["受理", "审查", "决定"]), ("临时占用草原审核", ["受理", "审查", "决定"])]
    assert doc.records[0].accountability_situations == "违法许可的"
    # 雁塔: the stages' bare names as the headers of a run of columns, no 责任事项 column
    path = tmp_path / "西安市雁塔区城市管理和综合执法局权责清单.csv"
    path.write_text(
        "序号,事项类型,事项名称,设定依据,立案,调查取证,审查,告知,决定,送达,执行,备注\n"
        "1,行政处罚,对擅自设置大型户外广告的处罚,《城市市容和环境卫生管理条例》第三十六条,予以立案,收集证据,审核案件,"
        "告知陈述申辩权利,制作处罚决定书,依法送达,督促履行,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查", "审查", "告知", "决定", "送达", "执行"]


def test_a_review_s_inputs_for_the_new_layouts(tmp_path):
    """A cold review (2026-12-05): rows of one name that are two records (another level, another 裁量阶次) stay two; a
    row numbering the columns is no record; bare stage names over levels and ticks are no duties."""
    path = tmp_path / "某市卫生健康委员会权责清单.csv"
    path.write_text(
        "序号,事项名称,事项类型,实施层级,设定依据,责任事项,裁量阶次\n1,2,3,4,5,6,7\n"
        "1,公共场所卫生许可,行政许可,市级,《公共场所卫生管理条例》第八条,受理：受理申请。,\n"
        "1,公共场所卫生许可,行政许可,县级,《公共场所卫生管理条例》第八条,审查：审查材料。,\n"
        "2,对未取得卫生许可证擅自营业的处罚,行政处罚,市级,《公共场所卫生管理条例》第十四条,立案：立案。,一般\n"
        "2,对未取得卫生许可证擅自营业的处罚,行政处罚,市级,《公共场所卫生管理条例》第十四条,调查：调查。,严重\n",
        encoding="utf-8")
    doc = parse_list(path)
    assert [(r.level, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("city", ["受理"]), ("county", ["审查"]), ("city", ["立案"]), ("city", ["调查"])]
    assert any("列序号行" in w.message for w in doc.warnings)
    path = tmp_path / "某县自然资源局权责清单.csv"
    path.write_text("序号,事项名称,事项类型,设定依据,受理,初审,审核,审批\n"
                    "1,乡村建设规划许可,行政许可,《城乡规划法》第四十一条,镇级,县级,县级,√\n", encoding="utf-8")
    assert parse_list(path).records[0].responsibilities == []  # who does each step, not duties


def test_a_content_column_right_of_the_stage_column_is_the_duties(tmp_path):
    # 霍山: a three-row header ending 环节 | 内容 under a 责任事项 its last row does not repeat; one row a stage, the item's
    # cells again on each
    path = tmp_path / "霍山县自然资源和规划局权责清单.csv"
    item = "1,乡村建设规划许可证核发,,行政许可,《城乡规划法》第四十一条"
    path.write_text(
        "序号,职权基本信息,职权基本信息,职权基本信息,职权基本信息,责任信息,责任信息,运行信息\n"
        "序号,主项,子项,职权类别,实施依据,环节,内容,收费\n"
        f"{item},受理,依法受理。,不收费\n{item},审查,审查材料。,不收费\n{item},决定,作出决定。,不收费\n", encoding="utf-8")
    doc = parse_list(path)
    assert [[(d.stage, d.text) for d in r.responsibilities] for r in doc.records] == [
        [("受理", "受理\n依法受理。"), ("审查", "审查\n审查材料。"), ("决定", "决定\n作出决定。")]]
    assert doc.records[0].extra == {"收费": "不收费"}


def test_an_item_s_next_law_and_next_duty_on_a_row_of_their_own(tmp_path):
    """宁乡: the item's second and third laws a row each, its next numbered duty beside them, every other cell blank."""
    path = tmp_path / "宁乡市教育局权责清单.csv"
    path.write_text(
        "序号,事项名称,类别,依据,责任事项,追责情形\n"
        "1,民办学校设立审批,行政许可,《中华人民共和国民办教育促进法》第十二条,1.受理责任：公示材料。,违法许可的\n"
        ",,,《中华人民共和国民办教育促进法实施条例》第十九条,2.审查责任：审核材料。,\n"
        ",,,《湖南省民办教育促进条例》,3.决定责任：作出决定。,\n"
        ",,,,4.送达责任：颁发办学许可证。,\n"
        "2,对违法举办学校的行政处罚,行政处罚,《中华人民共和国教育法》第七十五条,1.立案责任；2.调查责任,违法处罚的\n"
        ",,,《中华人民共和国民办教育促进法》第六十四条,（各环节按照《中华人民共和国行政处罚法》执行）,\n",
        encoding="utf-8")
    doc = parse_list(path)
    permit, penalty = doc.records
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert [c.law_title for c in permit.citations] == [
        "中华人民共和国民办教育促进法", "中华人民共和国民办教育促进法实施条例", "湖南省民办教育促进条例"]
    # a duty that does not go on with the numbering: the law joins, the words are the record's next duty
    assert [c.law_title for c in penalty.citations][-1] == "中华人民共和国民办教育促进法"
    assert penalty.responsibilities[-1].text == "（各环节按照《中华人民共和国行政处罚法》执行）"
    assert not [w for w in doc.warnings if w.severity == "warning"]


def test_a_record_spread_over_rows_each_with_its_next_duty_accountability_and_basis(tmp_path):
    """友谊路: the rows below an item write only its next duty, 问责 and basis (unmerged): the item's, not rows to drop."""
    path = tmp_path / "天津市河西区友谊路街道办事处权责清单.csv"
    path.write_text(
        "序号,职权名称,职权类型,依据,责任事项,问责,备注\n"
        "1,对擅自堆放物料的行政处罚,行政处罚,《城市市容和环境卫生管理条例》第三十六条,立案：决定是否立案。,没有法定依据实施处罚的；,\n"
        ",,,《天津市街道综合执法暂行办法》,调查：调查取证，制作笔录。,擅自改变处罚种类、幅度的；,\n"
        ",,,,审查、告知：经法制审核后告知当事人。,对违法行为不予制止的；,\n"
        "2,配合实施违法建设强制拆除,行政强制,《中华人民共和国城乡规划法》第六十八条,配合做好催告、公告工作；,不按规定程序实施的；,\n"
        ",,,,协助组织实施强制拆除；,拆除中造成损失的；,\n", encoding="utf-8")
    doc = parse_list(path)
    penalty, demolition = doc.records
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查", "审查"]
    assert penalty.accountability_situations.splitlines() == [
        "没有法定依据实施处罚的；", "擅自改变处罚种类、幅度的；", "对违法行为不予制止的；"]
    assert [c.law_title for c in penalty.citations] == ["城市市容和环境卫生管理条例", "天津市街道综合执法暂行办法"]
    assert [d.text for d in demolition.responsibilities] == ["配合做好催告、公告工作；", "协助组织实施强制拆除；"]
    assert not [w for w in doc.warnings if w.severity == "warning"]


def test_a_header_of_three_rows_and_a_table_s_number_before_its_title(tmp_path):
    """黔南: 基本信息 | 责任清单 | 实施主体 over 序号 | 事项名称 | … | 责任事项 | 追责 over 主项 | 子项 | 事前 | 事中 | 事后 |
    追责情形 | 追责依据, written cell by cell; 宽城: 「表一　…行政权力清单」 as its title; 「同第1项」 in a stage column."""
    path = tmp_path / "清单.xlsx"
    make_xlsx(path, [
        ["表一\u3000黔南布依族苗族自治州医疗保障局行政权力清单", "", "", "", "", "", "", "", "", ""],
        ["基本信息", "", "", "", "", "责任清单", "", "", "实施主体", "备注"],
        ["序号", "事项名称", "", "事项类型", "实施依据", "责任事项", "", "", "", ""],
        ["", "主项", "子项", "", "", "事前", "事中", "事后", "", ""],
        ["1", "对违规使用医疗保障基金的处罚", "分解住院的", "行政处罚", "《医疗保障基金使用监督管理条例》第三十八条",
         "立案", "调查取证、审查、告知、决定", "送达、执行", "州医疗保障局", ""],
        ["", "", "虚构医药服务项目的", "行政处罚", "《医疗保障基金使用监督管理条例》第四十条", "同上", "同上", "同上",
         "州医疗保障局", ""],
        ["2", "对个人骗取医疗保障基金的处罚", "", "行政处罚", "《医疗保障基金使用监督管理条例》第四十一条",
         "同第1项", "同第1项", "同第1项", "州医疗保障局", "州本级"],
    ])
    doc = parse_list(path)
    assert doc.department == "黔南布依族苗族自治州医疗保障局"
    assert [(r.item_name[:6], r.sub_item_name, r.holder) for r in doc.records] == [
        ("对违规使用医", "分解住院的", "州医疗保障局"), ("对违规使用医", "虚构医药服务项目的", "州医疗保障局"),
        ("对个人骗取医", "", "州医疗保障局")]
    assert doc.records[2].remarks == "州本级"
    assert doc.records[2].responsibility_text == doc.records[0].responsibility_text == (  # each phase's column under its name
        "责任事项（事前）：立案。\n责任事项（事中）：调查取证、审查、告知、决定。\n责任事项（事后）：送达、执行。")
    assert [(d.kind, d.text) for d in doc.records[2].responsibilities] == [
        ("事前", "立案。"), ("事中", "调查取证、审查、告知、决定。"), ("事后", "送达、执行。")]


def test_duties_in_phase_columns_are_each_phase_s_own(tmp_path):
    """吴忠: 责任事项（事前） | 责任事项（事中） | 责任事项（事后）, the first cell headed 受理 and the others in their own
    words: three duties, not one headed 受理 that holds the others; the 事后 column's supervision its 事后监管."""
    path = tmp_path / "吴忠市生态环境局权责清单.csv"
    path.write_text(
        "序号,权力事项,权力类型,法律依据,责任事项（事前）,责任事项（事中）,责任事项（事后）\n"
        "1,排污许可证核发,行政许可,《排污许可管理条例》第十一条,受理：接收申请，一次性告知补正。,"
        "审查申请材料及现场核查，作出决定，核发排污许可证。,证后监管，执行报告检查。\n"
        "2,危险废物经营许可证核发,行政许可,《中华人民共和国固体废物污染环境防治法》第八十条,同上,同上,同上\n",
        encoding="utf-8")
    first, second = parse_list(path).records
    read = [("事前", "受理"), ("事中", None), ("事后", "事后监管")]
    assert [(d.kind, d.stage) for d in first.responsibilities] == read
    assert [(d.kind, d.stage) for d in second.responsibilities] == read  # 「同上」 in each column: the same reading


def test_a_page_s_number_printed_in_the_sheet_is_no_row_to_report(tmp_path):
    path = tmp_path / "北京市延庆区文化和旅游局权责清单.csv"
    path.write_text("序号,事项名称,权力类型,行使主体\n1,营业性演出审批,行政许可,延庆区文化和旅游局\n,,,第1页，共2页\n"
                    "2,对擅自从事营业性演出的处罚,行政处罚,延庆区文化和旅游局\n,,,第2页，共2页\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.item_name for r in doc.records] == ["营业性演出审批", "对擅自从事营业性演出的处罚"]
    assert not [w for w in doc.warnings if w.severity == "warning"]


def test_a_review_s_rows_that_are_no_continuation_nor_duty_table(tmp_path):
    """A cold review's cases: a row with its name left out and duties numbered from 1 again is no continuation of the
    record above (reported, as before); a typeless row of the same item at another level and body is a record of its
    own, not the first item's 责任清单."""
    path = tmp_path / "桐庐县交通运输局权责清单.csv"
    path.write_text(
        "序号,事项名称,权力类型,实施依据,责任事项,追责情形\n"
        '1,对超限运输车辆的处罚,行政处罚,《公路法》第七十六条,"1.立案责任：立案。\n2.调查责任：调查。",违法处罚的\n'
        ',,,《道路运输条例》第六十三条,"1.受理责任：受理申请。\n2.审查责任：审查。",不履行职责的\n', encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["立案", "调查"]]
    assert any(w.row == 3 and w.severity == "warning" for w in doc.warnings)
    path = tmp_path / "宁夏回族自治区农业农村厅权责清单.csv"
    path.write_text(
        "序号,事项名称,权力类型,实施层级,行使主体,实施依据,责任事项\n"
        "1,农药经营许可,行政许可,自治区,自治区农业农村厅,《农药管理条例》第二十四条,\n"
        ',农药经营许可,,市、县,市、县农业农村部门,《农药管理条例》第二十四条,"1.受理责任：受理。\n2.审查责任：审查。"\n',
        encoding="utf-8")
    assert len(parse_list(path).records) == 2


def test_the_forty_third_sample_s_layouts(tmp_path):
    """兴安盟: one row a stage, the item's name and type again on each but its 序号 once; 吉林: a note's numbered second
    line, and 孔村镇's signatures, under the table; 南院门: the type in the first column, once over its group."""
    path = tmp_path / "兴安盟市场监督管理局权责清单.csv"
    path.write_text("序号,职权名称,职权类型,职权依据,责任环节,责任内容\n"
                    "3,对生产经营不符合食品安全标准的食品的处罚,行政处罚,《中华人民共和国食品安全法》第一百二十四条,立案,决定是否立案\n"
                    ",对生产经营不符合食品安全标准的食品的处罚,行政处罚,,调查,收集证据\n"
                    ",对生产经营不符合食品安全标准的食品的处罚,行政处罚,,决定,作出决定\n", encoding="utf-8")
    (penalty,) = parse_list(path).records
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查", "决定"]
    path = tmp_path / "吉林省体育局权责清单.csv"
    path.write_text("职权类型,职权名称,设定依据\n行政许可,举办健身气功活动审批,《健身气功管理办法》第十一条\n"
                    "注：1.本清单所列职权依据截至2022年12月31日。,,\n2.“承办机构”为局内设机构。,,\n"
                    "填表人：,审核人：,联系电话：\n", encoding="utf-8")
    assert [r.item_name for r in parse_list(path).records] == ["举办健身气功活动审批"]
    path = tmp_path / "西安市碑林区南院门街道办事处权责清单.csv"
    path.write_text("权力类别,序号,事项名称,法定依据\n行政处罚,1,对随地吐痰的处罚,《城市市容和环境卫生管理条例》第三十四条\n"
                    ",2,对乱扔废弃物的处罚,《城市市容和环境卫生管理条例》第三十四条\n行政检查,3,消防安全检查,《中华人民共和国消防法》第三十二条\n",
                    encoding="utf-8")
    doc = parse_list(path)
    assert [r.type for r in doc.records] == ["行政处罚", "行政处罚", "行政检查"]
    assert not [w for w in doc.warnings if w.severity == "warning"]


def test_a_name_with_its_type_in_brackets_and_duties_in_phase_columns(tmp_path):
    """安化: 【行政许可】食品经营许可 and no type column; 事前责任 | 事中责任 | 事后责任."""
    path = tmp_path / "安化县市场监督管理局权责清单.csv"
    path.write_text("编号,权责事项,依据,事前责任,事中责任,事后责任\n"
                    "XK-01,【行政许可】食品经营许可,《中华人民共和国食品安全法》第三十五条,受理申请。,审查材料，作出决定。,监督检查。\n",
                    encoding="utf-8")
    (rec,) = parse_list(path).records
    assert (rec.item_name, rec.type) == ("食品经营许可", "行政许可")
    assert [(d.kind, d.stage) for d in rec.responsibilities] == [("事前", None), ("事中", None), ("事后", "事后监管")]


def test_a_duty_table_joins_the_items_it_names_by_number_or_code(tmp_path):
    """山东省体育局: 表二：责任清单 under 表一：权力清单, its 对应权力序号 naming the item (4) or the sub-item (3-1) whose name
    it shortens; 新罗区: a 责任清单 sheet joined by 权力编码, a sub-item's code opening its name in the 权力清单."""
    path = tmp_path / "山东省体育局权责清单.xlsx"
    make_xlsx(path, [
        ["表一：权力清单", "", "", "", ""],
        ["序号", "权力事项名称", "子项", "权力类型", "实施依据"],
        ["3", "对兴奋剂违法行为的行政处罚", "3-1 对组织运动员使用兴奋剂的处罚", "行政处罚", "《中华人民共和国体育法》第一百一十八条"],
        ["", "", "3-2 对向运动员提供兴奋剂的处罚", "行政处罚", "《中华人民共和国体育法》第一百一十八条"],
        ["4", "对体育赛事活动组织者违法行为的行政处罚", "", "行政处罚", "《中华人民共和国体育法》第一百一十三条"],
        ["6", "对在发展全民健身事业中做出突出贡献的组织和个人给予表彰奖励", "", "行政奖励", "《全民健身条例》第七条"],
        ["", "", "", "", ""],
        ["表二：责任清单", "", "", "", ""],
        ["序号", "对应权力序号", "权力事项名称", "责任事项", "追责情形"],
        ["1", "3-2", "对向运动员提供兴奋剂的处罚", "1.立案责任：立案。\n2.告知责任：告知。", "违法处罚的"],
        ["2", "3-1", "对组织运动员使用兴奋剂的处罚", "1.立案责任：核查线索。\n2.调查责任：调查取证。", "违法处罚的"],
        ["3", "4", "对体育赛事活动组织者违法行为的行政处罚", "1.立案责任：核查。\n2.决定责任：作出决定。", "违法处罚的"],
        ["4", "6", "全民健身表彰奖励", "制定表彰方案—审核—公示—作出表彰决定。", "弄虚作假的"],
    ])
    doc = parse_list(path)
    assert [(r.sub_item_name[:3], r.type, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("3-1", "行政处罚", ["立案", "调查"]), ("3-2", "行政处罚", ["立案", "告知"]), ("", "行政处罚", ["立案", "决定"]),
        ("", "行政奖励", [None])]
    assert doc.records[3].accountability_situations == "弄虚作假的"
    assert not [w for w in doc.warnings if w.severity == "warning"]

    path = tmp_path / "龙岩市新罗区交通运输局权责清单.xlsx"
    book = openpyxl.Workbook()
    powers = book.active
    powers.title = "权力清单"
    for row in (["权力编码", "权力名称", "子项名称", "权力类型", "设定依据"],
                ["XLJT-XK-001", "道路旅客运输经营许可", "", "行政许可", "《中华人民共和国道路运输条例》第八条"],
                ["XLJT-XK-003", "出租汽车经营许可", "XLJT-XK-003-01 巡游出租汽车经营许可", "行政许可", "国务院令第412号"],
                ["XLJT-XK-003", "出租汽车经营许可", "XLJT-XK-003-02 网络预约出租汽车车辆运输证核发", "行政许可", "国务院令第412号"]):
        powers.append(row)
    duties = book.create_sheet("责任清单")
    for row in (["序号", "权力编码", "权力名称", "责任事项", "追责情形"],
                ["1", "XLJT-XK-001", "道路旅客运输经营许可", "1.受理责任：受理。\n2.送达责任：送达。", "不予受理的"],
                ["2", "XLJT-XK-003-02", "网络预约出租汽车车辆运输证核发", "1.审查：审查车辆。\n2.决定：作出决定。", "违法许可的"],
                ["3", "XLJT-XK-009", "道路运输监督检查", "1.检查责任：检查。", "失职的"]):
        duties.append(row)
    book.save(path)
    doc = parse_list(path)
    assert [(r.code, r.sub_item_name[-6:], r.type, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("XLJT-XK-001", "", "行政许可", ["受理", "送达"]), ("XLJT-XK-003", "汽车经营许可", "行政许可", []),
        ("XLJT-XK-003", "辆运输证核发", "行政许可", ["审查", "决定"]),
        ("XLJT-XK-009", "", "", ["检查"])]  # a code the 权力清单 has not: a record of its own, reported as typeless


def test_a_duty_table_of_codes_alone_joins_its_items_and_leaves_out_a_code_it_cannot_place(tmp_path):
    """宁夏回族自治区民政厅: a 责任清单 sheet with 权力编码 | 责任事项 | 追责情形 and no name column; 「NXMZ-XK-001（含子项）」 is the
    item and each sub-item coded under it; a signature row under it is no continuation of the last item. A cold review's
    cases: the 责任清单 before the 权力清单, its code in full-width letters, a parent's code for sub-items coded under it,
    one row a duty with the code filled down, a 「详见责任清单」 in the 权力清单's own cell: each joined; a code no item has
    is left out with a warning, the rest imported."""
    def book(codes: list[str], *, duties_first: bool = False, pointer: str = "") -> Path:
        path = tmp_path / "宁夏回族自治区民政厅权责清单.xlsx"
        wb = openpyxl.Workbook()
        powers = wb.active
        powers.title = "权力清单"
        for row in (["序号", "权力编码", "权力名称", "子项名称", "权力类型", "设定依据", "责任事项"],
                    ["1", "NXMZ-XK-001", "社会团体成立、变更、注销登记", "", "行政许可", "《社会团体登记管理条例》第六条", pointer],
                    ["", "NXMZ-XK-001-1", "", "社会团体成立登记", "行政许可", "《社会团体登记管理条例》第九条", pointer],
                    ["", "NXMZ-XK-001-2", "", "社会团体变更登记", "行政许可", "《社会团体登记管理条例》第十八条", pointer],
                    ["2", "NXMZ-CF-002", "对基金会违法行为的行政处罚", "", "行政处罚", "《基金会管理条例》第四十二条", pointer]):
            powers.append(row)
        duties = wb.create_sheet("责任清单", 0 if duties_first else None)
        duties.append(["序号", "权力编码", "责任事项", "追责情形", "监督电话"])
        duties.append(["1", codes[0], "1.受理责任：受理。\n2.审查责任：审查。", "不予受理的", "0951-5045218"])
        duties.append(["2", codes[1], "1.立案责任：立案。", "违法处罚的", "0951-5045218"])
        duties.append(["", codes[1], "2.调查责任：调查。", "违法处罚的", "0951-5045218"])  # the code filled down
        duties.append(["编制单位：宁夏回族自治区民政厅", "", "", "编制日期：2022年12月", ""])
        wb.save(path)
        return path

    def read(path: Path) -> list[tuple]:
        return [(r.code, [d.stage for d in r.responsibilities], r.accountability_situations)
                for r in sorted(parse_list(path).records, key=lambda r: r.code)]

    joined = [("NXMZ-CF-002", ["立案", "调查"], "违法处罚的"), ("NXMZ-XK-001", ["受理", "审查"], "不予受理的"),
              ("NXMZ-XK-001-1", ["受理", "审查"], "不予受理的"), ("NXMZ-XK-001-2", ["受理", "审查"], "不予受理的")]
    doc = parse_list(book(["NXMZ-XK-001（含子项）", "NXMZ-CF-002"]))
    assert read(book(["NXMZ-XK-001（含子项）", "NXMZ-CF-002"])) == joined
    assert "续行" not in doc.records[-1].extra
    assert read(book(["NXMZ-XK-001（含子项）", "ｎｘｍｚ－ＣＦ－００２"], duties_first=True)) == joined
    assert read(book(["NXMZ-XK-001（含子项）", "NXMZ-CF-002"], pointer="详见责任清单")) == joined
    # the parent's code without 「（含子项）」: its sub-items coded under it, the parent its own item
    assert read(book(["NXMZ-XK-001-1", "NXMZ-CF-002"]))[2] == ("NXMZ-XK-001-1", ["受理", "审查"], "不予受理的")
    doc = parse_list(book(["NXMZ-XK-001（含子项）", "NXMZ-CF-009"]))
    assert [r.code for r in doc.records] == ["NXMZ-XK-001", "NXMZ-XK-001-1", "NXMZ-XK-001-2", "NXMZ-CF-002"]
    assert not doc.records[-1].responsibilities
    assert any(w.sheet == "责任清单" and w.row == 3 and "NXMZ-CF-009" in w.message and w.severity == "warning"
               for w in doc.warnings)


def test_headers_written_as_field_codes_and_a_duty_table_by_the_power_table_s_numbers(tmp_path):
    """贵州's export: 「QLMC（权力名称）」 — a database's field name before the words; 牡丹江: the 权力清单's 编号 holds codes
    (MQX-XK-01) that the 责任清单's 对应权力编号 names, one item's two sub-items named by one 编号 on two rows, in order."""
    path = tmp_path / "贵州省民族宗教事务委员会权责清单.csv"
    path.write_text("SXBM（事项编码）,QLMC（权力名称）,QLLX（权力类型）,ZRSX（责任事项）\n"
                    "520000-MZW-XK-001-00,寺观教堂筹备设立审批,行政许可,1.受理：接收申请。2.审查：审查材料。\n",
                    encoding="utf-8")
    (rec,) = parse_list(path).records
    assert (rec.code, rec.item_name, rec.type, [d.stage for d in rec.responsibilities]) == (
        "520000-MZW-XK-001-00", "寺观教堂筹备设立审批", "行政许可", ["受理", "审查"])

    path = tmp_path / "牡丹江市气象局权责清单.xlsx"
    make_xlsx(path, [
        ["编号", "权力类型", "权力名称", "子项名称", "设定依据"],
        ["MQX-XK-01", "行政许可", "升放无人驾驶自由气球或者系留气球活动审批", "", "《通用航空飞行管制条例》第三十三条"],
        ["MQX-XK-02", "行政许可", "雷电防护装置设计审核和竣工验收", "", "《气象灾害防御条例》第二十三条"],
        ["", "", "", "（1）雷电防护装置设计审核", "同上"],
        ["", "", "", "（2）雷电防护装置竣工验收", "同上"],
        ["", "", "", "", ""],
        ["牡丹江市气象局责任清单", "", "", "", ""],
        ["序号", "对应权力编号", "权力名称（简称）", "责任事项", "追责情形"],
        ["1", "MQX-XK-01", "升放气球活动审批", "1.受理责任：受理。\n2.决定责任：决定。", "不予受理的"],
        ["2", "MQX-XK-02", "防雷设计审核", "1.受理：接收设计审核申请书。\n2.审查：审查设计方案。", "违规审核的"],
        ["", "MQX-XK-02", "防雷竣工验收", "1.受理：接收竣工验收申请。\n2.送达：颁发验收意见书。", "违规验收的"],
    ])
    doc = parse_list(path)
    assert [(r.sub_item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("", ["受理", "决定"]), ("", []), ("（1）雷电防护装置设计审核", ["受理", "审查"]),
        ("（2）雷电防护装置竣工验收", ["受理", "送达"])]


def test_a_duty_table_s_rows_go_by_their_names_where_a_number_or_code_names_more(tmp_path):
    """A cold review's cases: each type numbered from 1 (a row's 对应权力序号 1 names a permit and a penalty: its name
    picks); one code named on two rows for sub-items listed in the other order, or for three sub-items (each row its
    sub-item by name, the third none); a typeless row whose own 编码 3-1 is a sub-item's number keeps its own record;
    a header with a type column and a name header no mapping knows is refused for its header, not read as duties."""
    path = tmp_path / "某县市场监督管理局权责清单.xlsx"
    make_xlsx(path, [
        ["序号", "权力名称", "子项名称", "权力类型", "设定依据"],
        ["1", "食品生产许可", "", "行政许可", "《中华人民共和国食品安全法》第三十五条"],
        ["1", "对未取得食品生产许可从事食品生产的处罚", "", "行政处罚", "《中华人民共和国食品安全法》第一百二十二条"],
        ["", "", "", "", ""],
        ["责任清单", "", "", "", ""],
        ["序号", "对应权力序号", "权力名称", "责任事项", "追责情形"],
        ["1", "1", "食品生产许可", "1.受理责任：受理。\n2.决定责任：决定。", "违法许可的"],
        ["2", "1", "对未取得食品生产许可从事食品生产的处罚", "1.立案责任：立案。\n2.告知责任：告知。", "违法处罚的"],
    ])
    assert [(r.type, [d.stage for d in r.responsibilities], r.accountability_situations)
            for r in parse_list(path).records] == [("行政许可", ["受理", "决定"], "违法许可的"),
                                                    ("行政处罚", ["立案", "告知"], "违法处罚的")]
    path = tmp_path / "某市住房和城乡建设局权责清单.xlsx"
    make_xlsx(path, [
        ["编号", "权力类型", "权力名称", "子项名称", "设定依据"],
        ["XK-001", "行政许可", "建设工程消防设计审查验收", "", "《中华人民共和国消防法》第十一条"],
        ["", "", "", "（1）建设工程消防设计审查", "同上"],
        ["", "", "", "（2）建设工程消防验收", "同上"],
        ["", "", "", "（3）建设工程消防验收备案抽查", "同上"],
        ["", "", "", "", ""],
        ["责任清单", "", "", "", ""],
        ["序号", "对应权力编号", "权力名称", "责任事项", "追责情形"],
        ["1", "XK-001", "消防验收", "1.受理：受理验收申请。\n2.送达：出具验收意见。", "违规验收的"],
        ["2", "XK-001", "消防设计审查", "1.受理：受理审查申请。\n2.审查：审查设计文件。", "违规审查的"],
    ])
    assert [(r.sub_item_name, [d.stage for d in r.responsibilities]) for r in parse_list(path).records] == [
        ("", []), ("（1）建设工程消防设计审查", ["受理", "审查"]), ("（2）建设工程消防验收", ["受理", "送达"]),
        ("（3）建设工程消防验收备案抽查", [])]
    path = tmp_path / "某县体育局权责清单.csv"
    path.write_text("序号,编码,事项名称,子项名称,权力类型,责任事项\n"
                    "3,,对兴奋剂违法行为的行政处罚,3-1 对组织运动员使用兴奋剂的处罚,行政处罚,\n"
                    ",3-1,其他行政权力事项,,,1.受理责任：受理。\n", encoding="utf-8")
    assert [r.item_name for r in parse_list(path).records] == ["对兴奋剂违法行为的行政处罚", "其他行政权力事项"]
    path = tmp_path / "某县市场监督管理局权责清单.csv"  # a typeless sub-item row under its item, one code: not the item's duties
    path.write_text("序号,权力编码,事项名称,子项名称,权力类型,责任事项\n1,XK-001,食品经营许可,,行政许可,\n"
                    ",XK-001,食品经营许可,食品经营许可（新办）,,1.受理责任：受理。2.审查责任：审查。\n", encoding="utf-8")
    assert [(r.sub_item_name, [d.stage for d in r.responsibilities]) for r in parse_list(path).records] == [
        ("食品经营许可（新办）", ["受理", "审查"])]  # (the item's own row heads it, with neither 依据 nor duties: no power)
    path = tmp_path / "某县文化和旅游局权责清单.csv"
    path.write_text("序号,事项编码,行政权力事项,权力类型,责任事项\n1,WL-001,营业性演出审批,行政许可,1.受理责任：受理。\n",
                    encoding="utf-8")
    error = refused(path)
    assert "没有可识别的表头" in str(error) and "WL-001" not in str(error)


def test_a_township_s_and_a_street_s_own_headers(tmp_path):
    read = partial(_read_county_csv, tmp_path)
    # 湖头镇, 万全乡: 职责名称 | 职责类型 | 职责依据 | 责任内容, each record a duty of the township by its name
    doc = read("湖头镇.csv", "序号,职责名称,职责类型,职责依据,责任内容,配合部门,承接方式,追责情形\n"
                             '1,农村村民宅基地审批,行政许可,《中华人民共和国土地管理法》第六十二条,"（1）受理：受理。\n（2）审查：审查。",'
                             "县农业农村局,法定职责,违规审批的。\n")
    assert [(r.item_name, r.type, r.basis_text, [d.stage for d in r.responsibilities], r.extra.get("配合部门"))
            for r in doc.records] == [("农村村民宅基地审批", "行政许可", "《中华人民共和国土地管理法》第六十二条",
                                       ["受理", "审查"], "县农业农村局")]
    # 八廓街道: 街道职责 names the duty where 街道承担的责任 holds the street's part; 履职方式 (主责 | 配合) is kept as it is
    doc = read("八廓街道.csv", "序号,街道职责,权力类型,履职方式,街道承担的责任,配合部门,配合部门承担的责任,依据,追责情形\n"
                              "1,辖区生产经营单位安全生产状况监督检查,行政检查,主责,1.检查：日常检查；2.处置：督促整改。,"
                              "区应急管理局,指导街道开展检查,《中华人民共和国安全生产法》第九条,不履行的。\n")
    (rec,) = doc.records
    assert (rec.item_name, rec.type, [d.stage for d in rec.responsibilities]) == (
        "辖区生产经营单位安全生产状况监督检查", "行政检查", ["检查", "处置"])
    assert (rec.extra["履职方式"], rec.extra["配合部门承担的责任"]) == ("主责", "指导街道开展检查")
    # 建北街道: 职责类别 (基本履职事项) | 职责事项 | 权力类型
    doc = read("建北街道.csv", "序号,职责类别,职责事项,权力类型,法定依据,街道承担的责任,主责部门,配合部门\n"
                              "1,基本履职事项,违法建设巡查发现、制止和报告,其他行政权力,《城乡规划法》第六十四条,巡查发现。,街道,区城管局\n")
    assert [(r.item_name, r.type, r.responsibility_text, r.extra["职责类别"]) for r in doc.records] == [
        ("违法建设巡查发现、制止和报告", "其他行政权力", "巡查发现。", "基本履职事项")]
    # 汤阴县: 履职方式 alone holds the duties, stage by stage; and beside a 事项名称, a 街道职责 is the street's duties
    doc = read("汤阴.csv", "序号,事项名称,权力类型,履职方式,追责形式\n1,对乱张贴的处罚,行政处罚,1.立案：立案。2.调查：调查。,警告\n")
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查"]
    doc = read("中关村.csv", "序号,事项名称,权力类型,街道职责\n1,对乱张贴的处罚,行政处罚,1.立案：立案。2.调查：调查。\n")
    assert (doc.records[0].item_name, [d.stage for d in doc.records[0].responsibilities]) == (
        "对乱张贴的处罚", ["立案", "调查"])


def test_group_rows_in_a_first_column_of_legal_bases(tmp_path):
    """长治: 设定依据 | 序号 | 事项名称 | 权力类型 | 责任事项 …, its group rows 「二、行政处罚（3项）」 in the basis column, the type
    written on a group's first row only: each group row types the rows below it and is no line of the basis above."""
    path = tmp_path / "长治市文物局权责清单.csv"
    path.write_text("设定依据,序号,事项名称,权力类型,责任事项\n一、行政许可（2项）,,,,\n"
                    "《文物保护法》第十七条,1,文物保护单位保护范围内建设工程审批,行政许可,受理：受理。\n"
                    "《文物保护法》第二十一条,2,文物保护单位修缮审批,,受理：受理。\n二、行政处罚（1项）,,,,\n"
                    "《文物保护法》第六十八条,3,对转让国有不可移动文物的处罚,,立案；调查取证；审查；作出处罚决定；送达；执行\n",
                    encoding="utf-8")
    doc = parse_list(path)
    assert [(r.type, r.basis_text) for r in doc.records] == [
        ("行政许可", "《文物保护法》第十七条"), ("行政许可", "《文物保护法》第二十一条"), ("行政处罚", "《文物保护法》第六十八条")]
    # … but a basis that lists (「…包括：」, then 「（一）行政许可」 below it) goes on there, and a duty 「3.其他」 alone below the
    # duties above is their next, no group
    path.write_text("设定依据,序号,事项名称,权力类型,责任事项\n"
                    "《某条例》第五条：本条所称审批事项包括：,1,建设工程审批,行政许可,\"1.受理：受理。\n2.审查：审查。\"\n"
                    "（一）行政许可,,,,\n,,,,3.其他：其他责任。\n《某条例》第九条,2,对违法建设的处罚,,立案：立案。\n",
                    encoding="utf-8")
    first, second = parse_list(path).records
    assert first.basis_text.endswith("（一）行政许可") and len(first.responsibilities) == 3
    assert second.type == ""
    # 额济纳旗: 责任事项及依据, each step with its basis in brackets
    path = tmp_path / "额济纳旗消防救援大队权责清单.csv"
    path.write_text("编号,职权名称,职权类别,实施依据,责任事项及依据,追责情形及依据\n"
                    "XF-CF-01,对占用疏散通道的处罚,行政处罚,《消防法》第六十条,"
                    "【立案】依法立案（《行政处罚法》第五十四条）；【调查】调查取证（《行政处罚法》第五十五条）,不依法处罚的\n",
                    encoding="utf-8")
    assert [d.stage for d in parse_list(path).records[0].responsibilities] == ["立案", "调查"]


def test_headers_that_may_mean_two_fields_take_the_field_no_other_header_has(tmp_path):
    # a cold review of the readings above: each header read as the list means it
    read = partial(_read_county_csv, tmp_path)
    duty = "1.检查：日常巡查。2.处置：督促整改。"
    # 职责名称 names the item; 街道职责 beside it and a 责任事项 is neither, kept as it is
    doc = read("a.csv", f"序号,职责名称,权力类型,街道职责,责任事项\n1,辖区安全生产监督检查,行政检查,负责日常巡查,{duty}\n")
    (rec,) = doc.records
    assert (rec.item_name, rec.extra["街道职责"], [d.stage for d in rec.responsibilities]) == (
        "辖区安全生产监督检查", "负责日常巡查", ["检查", "处置"])
    # … whichever comes first
    doc = read("b.csv", f"序号,街道职责,职责事项,权力类型,街道承担的责任\n1,负责日常巡查,辖区安全生产监督检查,行政检查,{duty}\n")
    (rec,) = doc.records
    assert (rec.item_name, rec.extra["街道职责"], rec.responsibility_text) == ("辖区安全生产监督检查", "负责日常巡查", duty)
    # 街道职责 the duties, 履职方式 (主责) kept as it is
    doc = read("c.csv", f"序号,事项名称,权力类型,街道职责,履职方式\n1,辖区安全生产监督检查,行政检查,{duty},主责\n")
    (rec,) = doc.records
    assert (rec.responsibility_text, rec.extra["履职方式"]) == (duty, "主责")
    # a township's part beside a department's 责任事项 is the township's, not the department's: its 告知 fills no gap
    doc = read("d.csv", "序号,事项名称,权力类型,责任事项,乡镇责任\n1,对乱张贴的处罚,行政处罚,1.立案：立案。2.调查：调查。,"
                        "1.巡查：巡查。2.告知：协助送达事先告知书。\n")
    (rec,) = doc.records
    assert ([d.stage for d in rec.responsibilities], rec.extra["乡镇责任"]) == (["立案", "调查"], "1.巡查：巡查。2.告知：协助送达事先告知书。")


def test_exports_in_english_or_pinyin_and_a_header_a_word_over_two_rows(tmp_path):
    read = partial(_read_county_csv, tmp_path)
    # 托克托: English words, any case and spacing
    doc = read("a.csv", "No.,Item Code,Item Name,Category,Legal Basis,Implementing Body,Internal Unit,Responsibilities,"
                        "Responsibility Basis,Accountability Cases,Accountability Basis,Hotline\n"
                        "1,FG-01,企业投资项目核准,许可,《企业投资项目核准和备案管理条例》第三条,某县发展和改革局,投资科,"
                        "一是受理；二是审查,《行政许可法》第三十二条,不依法核准的,《行政许可法》第七十二条,0471-1\n")
    (rec,) = doc.records
    assert (rec.item_name, rec.code, rec.type, rec.unit, rec.extra["Hotline"]) == (
        "企业投资项目核准", "FG-01", "行政许可", "投资科", "0471-1")
    assert "不依法核准的" in rec.accountability_situations and "第七十二条" in rec.accountability_situations
    # 伊犁: QLSXBM | QLSXMC | ZXMC | QLLX (a code: 01), ZRSXYJ, ZZYJ
    doc = read("b.csv", "QLSXBM,QLSXMC,ZXMC,QLLX,SSYJ,ZRSX,ZRSXYJ,ZZQX,ZZYJ,SXZT\n"
                        "654000XK001,动物防疫条件合格证核发,,01,《动物防疫法》第二十五条,受理:受理|审查:审查,"
                        "《行政许可法》第三十二条,不予受理的,《行政许可法》第七十二条,有效\n")
    (rec,) = doc.records
    assert (rec.item_name, rec.code, rec.type, rec.responsibility_basis_text) == (
        "动物防疫条件合格证核发", "654000XK001", "行政许可", "《行政许可法》第三十二条")
    # 四平: 序 | 事项 | 事项 | 实施 | 履职方式 over 号 | 名称 | 类型 | 依据 | 主责 | 配合
    path = make_xlsx(tmp_path / "四平市铁西区地直街道办事处权责清单.xlsx", [
        ["序", "事项", "事项", "实施", "履职方式", "", "责任", "追责", "备"],
        ["号", "名称", "类型", "依据", "主责", "配合", "事项", "情形", "注"],
        ["1", "最低生活保障申请受理及审核", "行政给付", "《社会救助暂行办法》第十一条", "受理申请", "区民政局审批", "受理；审核",
         "不予受理的", ""]], title="四平市铁西区地直街道办事处权责清单")
    (rec,) = parse_list(path).records
    assert (rec.item_name, rec.type, rec.basis_text, rec.extra["主责"], rec.extra["配合"]) == (
        "最低生活保障申请受理及审核", "行政给付", "《社会救助暂行办法》第十一条", "受理申请", "区民政局审批")
    # 民和: 职责类别 | 职责事项 | 具体权力事项: the power is the 具体权力事项, under its area of duty
    doc = read("c.csv", "序号,职责类别,职责事项,具体权力事项,权力类型,实施依据,镇承担的职责,责任事项\n"
                        "1-1,乡村建设管理,负责乡村规划区内建设活动的管理,乡村建设规划许可申请受理及初审,行政许可,"
                        "《城乡规划法》第四十一条,受理申请,1.受理：受理。\n")
    (rec,) = doc.records
    assert (rec.item_name, rec.extra["职责事项"]) == ("乡村建设规划许可申请受理及初审", "负责乡村规划区内建设活动的管理")


def test_a_column_a_stage_with_the_penalty_s_word_in_brackets(tmp_path):
    """安顺: 受理（立案） | 调查 | 审查 | 告知 | 决定 | 送达 | 执行 | 事后监管 | 其他, "/" where a stage has nothing."""
    doc = _read_county_csv(tmp_path, "安顺.csv",
                           "序号,事项名称,权力类别,设定依据,受理（立案）,调查,审查,告知,决定,送达,执行,事后监管,其他\n"
                           "1,对饮酒后驾驶机动车的处罚,行政处罚,《道路交通安全法》第九十一条,登记受案。,检测，制作笔录。,审核。,/,"
                           "作出处罚决定。,送达决定书。,督促缴纳罚款。,/,/\n")
    (rec,) = doc.records
    assert [d.stage for d in rec.responsibilities] == ["受理", "调查", "审查", "决定", "送达", "执行"]
    assert rec.responsibilities[0].text.startswith("受理（立案）")


def test_what_an_export_s_english_and_a_stage_s_note_are_not(tmp_path):
    # a cold review of the readings above: each input read as the list means it
    read = partial(_read_county_csv, tmp_path)
    # a Category beside a 权力类型 is the sector's; a No. beside a 序号 a number of another kind
    doc = read("a.csv", "序号,No.,事项名称,权力类型,Category,实施依据\n1,新政发〔2020〕5号,取水许可,行政许可,农业,《水法》第七条\n")
    (rec,) = doc.records
    assert (rec.seq, rec.type, rec.extra["Category"], rec.extra["No."]) == ("1", "行政许可", "农业", "新政发〔2020〕5号")
    # columns of the steps' time limits (受理（时限）): no duties
    doc = read("b.csv", "序号,事项名称,权力类型,受理（时限）,审查（时限）,决定（时限）,送达（时限）\n1,取水许可,行政许可,1个工作日,"
                        "10个工作日,5个工作日,即时\n")
    (rec,) = doc.records
    assert rec.responsibilities == [] and "1个工作日" in rec.extra.values()


def test_headers_in_two_languages_an_export_a_stage_a_row_and_two_row_headers(tmp_path):
    read = partial(_read_county_csv, tmp_path)
    # 武义: 「Item Name 事项名称」, 「No.序号」, a 「Status 事项状态」 of 暂停 or 取消 not imported
    doc = read("a.csv", "No.序号,Item Code 事项编码,Item Name 事项名称,Type 权力类型,Legal Basis 设定依据,Responsibilities 责任事项,"
                        "Status 事项状态\n1,SL-01,取水许可,行政许可,《水法》第七条,受理：受理。,在用\n"
                        "2,SL-02,水土保持补偿费征收,行政征收,《水土保持法》第三十二条,受理：受理。,暂停\n")
    assert [(r.seq, r.code, r.item_name, r.type) for r in doc.records] == [("1", "SL-01", "取水许可", "行政许可")]
    # … but 「Responsibility Basis 依据」 is the duties' basis, no basis of the power: kept apart
    doc = read("a2.csv", "序号,事项名称,权力类型,实施依据,Responsibility Basis 依据\n1,取水许可,行政许可,《水法》第七条,"
                         "《行政许可法》第三十二条\n")
    assert doc.records[0].basis_text == "《水法》第七条"
    # 城正街街道: SXMC | HJXH | HJMC | HJNR | HJYJ, a row a stage
    doc = read("b.csv", "SXBM,SXMC,SXLX,HJXH,HJMC,HJNR,HJYJ\n001,安全生产检查,06,1,检查,开展检查。,《安全生产法》第九条\n"
                        "001,安全生产检查,06,2,处置,督促整改。,\n")
    (rec,) = doc.records
    assert (rec.type, [d.stage for d in rec.responsibilities]) == ("行政检查", ["检查", "处置"])
    # 五龙街道: 责任事项 over 直接实施责任 | 配合责任 (the street's part where it assists kept beside); 松原: 实施层级 over 省 | 市 | 县
    path = make_xlsx(tmp_path / "齐齐哈尔市龙沙区五龙街道办事处权责清单.xlsx", [
        ["序号", "事项名称", "权力类型", "实施层级", "", "", "责任事项", "", "追责", ""],
        ["", "", "", "省", "市", "县", "直接实施责任", "配合责任", "情形", "依据"],
        ["1", "对乱涂写的处罚", "行政处罚", "", "", "√", "1.立案：立案。2.调查：调查。", "配合区城管局取证。", "不依法处罚的", "《行政处罚法》第七十六条"]])
    (rec,) = parse_list(path).records
    assert [d.stage for d in rec.responsibilities] == ["立案", "调查"] and rec.extra["配合责任"] == "配合区城管局取证。"
    assert (rec.extra["实施层级·县"], rec.scope) == ("√", "") and "第七十六条" in rec.accountability_situations


def test_an_accountability_table_by_code_joins_items_that_have_their_duties(tmp_path):
    """霍州: 权力清单, 责任清单 (a row a stage by 权力编码) and 追责清单 (权力编码 | 追责对象 | 追责情形 | 追责依据)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "权力清单"
    for row in (["序号", "权力编码", "权力名称", "权力类型", "实施依据"], ["1", "NY-CF-001", "对煤矿企业的处罚", "行政处罚", "《安全生产法》第九十七条"]):
        ws.append(row)
    duties = wb.create_sheet("责任清单")
    for row in (["权力编码", "环节序号", "责任环节", "责任事项"], ["NY-CF-001", "1", "立案", "立案。"], ["NY-CF-001", "2", "调查", "调查。"]):
        duties.append(row)
    blame = wb.create_sheet("追责清单")
    for row in (["权力编码", "追责对象", "追责情形", "追责依据"], ["NY-CF-001", "承办人员", "不依法处罚的", "《行政处罚法》第七十六条"],
                ["NY-CF-009", "承办人员", "不依法处罚的", ""]):
        blame.append(row)
    wb.save(tmp_path / "霍州市能源局权责清单.xlsx")
    doc = parse_list(tmp_path / "霍州市能源局权责清单.xlsx")
    (rec,) = doc.records
    assert [d.stage for d in rec.responsibilities] == ["立案", "调查"]
    assert (rec.accountability_subjects, "不依法处罚的" in rec.accountability_situations) == ("承办人员", True)
    assert any("NY-CF-009" in w.message for w in doc.warnings)  # a code naming no item: said, not imported


def test_a_record_s_second_line_of_duty_bases_and_an_export_s_unit_line(tmp_path):
    # 西峡: each record two lines, the second only its 责任事项依据; 庄河: 「导出单位：…」 above the header names the department
    path = tmp_path / "export.csv"
    path.write_text("数据来源：某系统\n导出单位：庄河市农业农村局\n\n序号,事项名称,权力类型,责任事项,责任事项依据\n"
                    "1,农作物种子生产经营许可证核发,行政许可,1.受理：受理。,\n,,,,《行政许可法》第三十二条\n", encoding="utf-8")
    doc = parse_list(path)
    (rec,) = doc.records
    assert rec.responsibility_basis_text == "《行政许可法》第三十二条" and doc.department == "庄河市农业农村局"


def test_footnote_marks_a_time_limits_group_and_placeholders_in_a_group_row(tmp_path):
    # 四川: 事项名称① | 权力类型* | 设定依据②; 防城港: 「一、行政许可」 with —— in its other cells; 莞城: 服务 for 公共服务
    doc = _read_county_csv(tmp_path, "a.csv", "序号,事项名称①,权力类型*,设定依据②,责任事项③\n一、行政许可,,,——,——\n"
                                              "1,取水许可,,《水法》第七条,受理：受理。\n2,法律咨询,服务,,\n")
    assert [(r.item_name, r.type) for r in doc.records] == [("取水许可", "行政许可"), ("法律咨询", "公共服务")]
    # 湖南: 权力事项 over 编码 | 名称 | 类型 | 设定依据, 办理时限 over 法定 | 承诺, 责任事项 over 环节 | 内容 | 依据, 问责 over …
    path = make_xlsx(tmp_path / "湖南省人民防空办公室权责清单.xlsx", [
        ["序号", "权力事项", "", "", "", "办理时限", "", "责任事项", "", "", "问责", ""],
        ["", "编码", "名称", "类型", "设定依据", "法定", "承诺", "环节", "内容", "依据", "追责情形", "追责依据"],
        ["1", "RFB-XK-1", "防空地下室易地建设审批", "行政许可", "《人民防空法》第二十二条", "20", "10", "受理", "受理申请。",
         "《行政许可法》第三十二条", "不予受理的", "《行政机关公务员处分条例》"],
        ["", "", "", "", "", "", "", "办结送达", "送达决定。", "", "", ""]], title="湖南省人民防空办公室权责清单")
    (rec,) = parse_list(path).records
    assert (rec.code, rec.item_name, [d.stage for d in rec.responsibilities]) == ("RFB-XK-1", "防空地下室易地建设审批", ["受理", "送达"])
    assert (rec.extra["办理时限·法定"], rec.extra["办理时限·承诺"]) == ("20", "10")


def test_a_legend_over_the_table_gives_its_marks_and_codes_their_meaning(tmp_path):
    """唐山: 「权力类型代码：CF—行政处罚 JC—行政检查 …」 and 「责任环节：①受理（立案）②审查（调查）…；“○”表示该环节不适用」 over a
    header whose stage columns are ① … ⑥ and whose types are codes: read as the stages and types they stand for; a ○ no
    duty; a code in a sentence left as it is."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["某街道办事处权责清单"], ["权力类型代码：CF—行政处罚  JC—行政检查  GF—行政给付  QT—其他行政权力"],
                ["责任环节：①受理（立案）②审查（调查）③告知 ④决定 ⑤送达 ⑥监管（执行）；“○”表示该环节不适用"],
                ["序号", "类型代码", "事项名称", "依据", "责任事项（按环节）", None, None, None, None, None],
                [None, None, None, None, "①", "②", "③", "④", "⑤", "⑥"],
                ["1", "CF", "对随意倾倒生活垃圾的处罚", "《城市市容和环境卫生管理条例》第三十四条", "对巡查发现的违法行为进行核查，符合条件的予以立案。", "现场勘查，询问当事人，制作笔录。",
                 "告知拟作出的处罚。", "作出处罚决定。", "送达决定书。", "督促缴纳罚款（CF类）。"],
                ["2", "JC", "对生产经营单位安全生产状况的监督检查", "《中华人民共和国安全生产法》第九条", "制定检查计划。",
                 "实施检查。", "○", "下达整改通知。", "送达整改通知书。", "跟踪复查。"]]:
        ws.append(row)
    ws.merge_cells("E4:J4")
    path = tmp_path / "某街道办事处权责清单.xlsx"
    wb.save(path)
    doc = parse_list(path)
    assert [(r.item_name, r.type) for r in doc.records] == [
        ("对随意倾倒生活垃圾的处罚", "行政处罚"), ("对生产经营单位安全生产状况的监督检查", "行政检查")]
    assert [d.stage for d in doc.records[0].responsibilities] == ["受理", "审查", "告知", "决定", "送达", "事后监管"]
    assert "告知" not in [d.stage for d in doc.records[1].responsibilities]
    assert "（CF类）" in doc.records[0].responsibilities[-1].text
    assert any("图例" in w.message for w in doc.warnings)


def test_an_english_export_a_line_a_stage(tmp_path):
    """奎屯: seq | item_code | item_name | sub_item | power_type | basis | duty_seq | duty_stage | duty_content, a line a
    stage: one record an item, its lines its duties in order."""
    path = tmp_path / "某市医疗保障局权责清单.csv"
    lines = ["seq,item_code,item_name,sub_item,power_type,basis,duty_seq,duty_stage,duty_content,accountability,remark"]
    for n, (stage, text) in enumerate([("立案", "核查线索，决定立案。"), ("调查", "调取资料，询问当事人。"),
                                       ("告知", "告知拟作出的处罚。"), ("决定", "作出处罚决定。")], start=1):
        lines.append(f"1,YB-CF-001,对违规使用医疗保障基金的处罚,,行政处罚,《医疗保障基金使用监督管理条例》第三十八条,{n},{stage},{text},,")
    lines.append("2,YB-GF-001,医疗救助,,行政给付,《社会救助暂行办法》第二十八条,1,受理,受理申请。,,")
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.code, r.basis_text[:12]) for r in doc.records] == [
        ("对违规使用医疗保障基金的处罚", "YB-CF-001", "《医疗保障基金使用监督管"), ("医疗救助", "YB-GF-001", "《社会救助暂行办法》第二")]
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查", "告知", "决定"]


def test_a_column_a_stage_with_another_word_in_brackets(tmp_path):
    """石柱's 受理（启动） beside 审查（调查） | 决定 | 送达: the stage with a note in another word is the stage; a note of its
    time limit (受理（时限）) is no stage's duties."""
    assert without_stage_note("受理（启动）") == "受理"
    assert without_stage_note("受理（立案）") == "受理"
    assert without_stage_note("受理（时限）") == "受理（时限）"
    assert without_stage_note("决定（依据）") == "决定（依据）"
    assert without_stage_note("报送（启动）") == "报送（启动）"


def test_a_legend_is_read_only_where_it_is_one(tmp_path):
    """What a cold review wrote against the legend: a footnote's ①②③ below the table (sentences, not names) do not
    override the stage legend above it, nor turn a 备注's or a 序号's ① into a footnote's text; a legend of the units'
    codes (XK—行政审批股) is no legend of types."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["某县市场监督管理局权责清单"], ["责任环节：①受理 ②审查 ③决定 ④送达 ⑤事后监管"],
                ["序号", "事项名称", "权力类型", "实施依据", "责任事项", None, None, None, None, "备注"],
                [None, None, None, None, "①", "②", "③", "④", "⑤", None],
                ["1", "食品经营许可", "行政许可", "《中华人民共和国食品安全法》第三十五条", "受理申请。", "审查材料。",
                 "作出决定。", "送达许可证。", "监督检查。", "①"],
                ["注：①本清单依据2023年机构改革调整；②事项名称以省级目录为准；③“送达”含电子证照推送"]]:
        ws.append(row)
    ws.merge_cells("E3:I3")
    path = tmp_path / "某县市场监督管理局权责清单.xlsx"
    wb.save(path)
    rec = parse_list(path).records[0]
    assert [d.stage for d in rec.responsibilities] == ["受理", "审查", "决定", "送达", "事后监管"]
    assert rec.remarks == "①"
    units = tmp_path / "某县应急管理局权责清单.csv"
    units.write_text("某县应急管理局权责清单,,,\n承办科室代码：XK—行政审批股 CF—执法大队 JC—安全监管股 BG—办公室,,,\n"
                     "序号,事项名称,权力类型,实施依据\n1,危险化学品经营许可,XK,《危险化学品安全管理条例》第三十三条\n"
                     "2,对未按规定培训的处罚,CF,《中华人民共和国安全生产法》第九十七条\n", encoding="utf-8")
    assert [r.type for r in parse_list(units).records] == ["行政许可", "行政处罚"]


def test_english_codes_over_a_chinese_header_and_attribute_notes(tmp_path):
    """An export's row of English codes over its Chinese header (SEQ | ITEM_NAME …, then 序号 | 事项名称 | … | 受理责任 …)
    is read by its Chinese row, the stages kept; a stage column whose note is who or what does it (决定（签批人）,
    受理（岗位）) holds no duty of that stage."""
    path = tmp_path / "某市交通运输局权责清单.csv"
    path.write_text(
        "SEQ,ITEM_CODE,ITEM_NAME,POWER_TYPE,LEGAL_BASIS,R_ACCEPT,R_REVIEW,R_DECIDE,R_DELIVER,R_SUPERVISE,ACCOUNTABILITY\n"
        "序号,事项编码,事项名称,权力类型,实施依据,受理责任,审查责任,决定责任,送达责任,事后监管责任,追责情形\n"
        "1,A-1,取水许可,行政许可,《中华人民共和国水法》第四十八条,受理申请。,审查材料。,作出决定。,送达许可证。,,违法审批的。\n",
        encoding="utf-8")
    assert [d.stage for d in parse_list(path).records[0].responsibilities] == ["受理", "审查", "决定", "送达"]
    posts = tmp_path / "某县人力资源和社会保障局权责清单.csv"
    posts.write_text("序号,事项名称,权力类型,实施依据,受理,受理（岗位）,审查,决定,决定（签批人）,送达,事后监管\n"
                     "1,劳务派遣经营许可,行政许可,《劳务派遣行政许可实施办法》第六条,受理申请。,窗口工作人员,审查材料。,,"
                     "分管副局长,送达许可证。,监督检查。\n", encoding="utf-8")
    duties = parse_list(posts).records[0].responsibilities
    assert "决定" not in [d.stage for d in duties]
    assert not any("窗口工作人员" in d.text or "分管副局长" in d.text for d in duties)


def test_a_stage_and_its_content_under_a_group_written_without_its_merge(tmp_path):
    """江西省水利厅: 责任事项 | "" over 责任环节 | 具体内容 (no merge in the file), then a row a stage under each item: the
    stage column and its content, each row a duty of the item above."""
    path = tmp_path / "某省水利厅权责清单.csv"
    path.write_text("序号,权力编码,权力类型,权力名称,实施依据,责任事项,,追责情形\n"
                    ",,,,,责任环节,具体内容,\n"
                    "1,SL-XK-001,行政许可,取水许可,《中华人民共和国水法》第四十八条,受理责任,公示条件，受理申请。,违法审批的。\n"
                    ",,,,,审查责任,审查材料，组织专家评审。,\n,,,,,决定责任,作出准予或者不予许可的决定。,\n"
                    ",,,,,送达责任,核发取水许可证并送达。,\n", encoding="utf-8")
    rec = parse_list(path).records[0]
    assert [d.stage for d in rec.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert "组织专家评审" in rec.responsibilities[1].text


def test_an_english_export_with_a_column_a_stage(tmp_path):
    """彬州 and 太仓: RESP_ACCEPT | RESP_REVIEW | RESP_NOTICE | RESP_DECIDE | RESP_SERVE | RESP_SUPERVISE | RESP_OTHER, an
    export's codes for the columns of a permit's stages: each a stage's duties, under the stage's name."""
    path = tmp_path / "某市交通运输局权责清单.csv"
    path.write_text("NO,ITEM_CODE,ITEM_NAME,POWER_TYPE,LEGAL_BASIS,RESP_ACCEPT,RESP_REVIEW,RESP_NOTICE,RESP_DECIDE,"
                    "RESP_SERVE,RESP_SUPERVISE,RESP_OTHER\n"
                    "1,JT-XK-1,道路旅客运输经营许可,行政许可,《中华人民共和国道路运输条例》第十条,受理申请。,审查车辆和驾驶人员。,,"
                    "作出准予或者不予许可的决定。,核发经营许可证。,监督检查。,其他责任。\n", encoding="utf-8")
    duties = parse_list(path).records[0].responsibilities
    assert [d.stage for d in duties] == ["受理", "审查", "决定", "送达", "事后监管", "其他"]
    assert duties[0].text.startswith("受理责任")


def test_steps_numbered_in_prose(tmp_path):
    """宝坻: 「一是立案责任：…；二是调查责任：…；三是…」, government prose numbering a duty's steps: each its own duty."""
    from importers.duties import split_duties
    duties = split_duties("一是立案责任：对发现的违法行为立案；二是调查责任：现场勘查；三是告知责任：告知拟作出的处罚。")
    assert [d.stage for d in duties] == ["立案", "调查", "告知"]
    assert [d.text for d in split_duties("该事项唯一是由区局实施。")] == ["该事项唯一是由区局实施。"]


def test_stages_in_pairs_of_columns_going_on_in_the_row_below(tmp_path):
    """清河街道: 责任环节一 | 责任环节二 | 责任环节三 over 环节 | 内容 pairs; a record with more stages than pairs goes on
    in the row below, its item cells blank: every pair a duty of its record, in order."""
    path = tmp_path / "某街道办事处权责清单.csv"
    path.write_text("序号,事项名称,事项类别,实施依据,责任环节一,,责任环节二,,责任环节三,,追责情形\n"
                    ",,,,环节,内容,环节,内容,环节,内容,\n"
                    "1,对乱张贴的处罚,行政处罚,《城市市容和环境卫生管理条例》第三十四条,立案,核查线索予以立案。,调查,"
                    "现场勘验，询问当事人。,告知,告知拟作出的处罚。,违法处罚的。\n"
                    ",,,,决定,作出处罚决定。,送达,送达决定书。,,,\n"
                    "2,最低生活保障审核确认,行政确认,《社会救助暂行办法》第十一条,受理,受理申请。,审核,审核材料。,,,\n",
                    encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("对乱张贴的处罚", ["立案", "调查", "告知", "决定", "送达"]), ("最低生活保障审核确认", ["受理", "审查"])]
    assert doc.records[0].accountability_situations == "违法处罚的。"


def test_what_a_second_review_wrote_against_these_readings(tmp_path):
    """一是 … 二是 … under an unnumbered step (「事后监管责任：\\n一是…；\\n二是…」) are that step's, not the cell's
    numbering; English codes of a family the vocabulary does not know all of (DUTY_FILE beside DUTY_REVIEW) are not read
    in part; a file's name or a date under RESP_ codes is no duty."""
    from importers.duties import split_duties
    cell = ("受理责任：依法受理。\n审查责任：审查材料。\n决定责任：作出决定。\n送达责任：送达许可证。\n"
            "事后监管责任：\n一是开展日常检查；\n二是处理投诉举报。")
    assert [d.stage for d in split_duties(cell)] == ["受理", "审查", "决定", "送达", "事后监管"]
    mixed = tmp_path / "某县交通运输局权责清单.csv"
    mixed.write_text("ITEM_NAME,POWER_TYPE,LEGAL_BASIS,DUTY_FILE,DUTY_REVIEW,DUTY_NOTICE,DUTY_DECIDE\n"
                     "对擅自占用公路的处罚,行政处罚,《中华人民共和国公路法》第七十六条,予以立案。,审查。,告知。,作出决定。\n",
                     encoding="utf-8")
    assert parse_list(mixed).records[0].responsibilities == []
    files = tmp_path / "某市市场监督管理局权责清单.csv"
    files.write_text("ITEM_NAME,POWER_TYPE,LEGAL_BASIS,RESP_ACCEPT,RESP_REVIEW,RESP_DECIDE\n"
                     "食品经营许可,行政许可,《中华人民共和国食品安全法》第三十五条,受理须知.pdf,2024-05-01,2024-06-01\n"
                     "药品零售许可,行政许可,《中华人民共和国药品管理法》第五十二条,办事指南.docx,2024-05-02,2024-06-02\n",
                     encoding="utf-8")
    assert all(r.responsibilities == [] for r in parse_list(files).records)


def test_a_township_s_offices_named_by_its_level_word_are_its_own(tmp_path):
    """九资河镇's 实施机构 「镇综合执法中心」, 「镇社会事务办」: the township's own offices (its units), not bodies of their
    own named 「…镇镇综合执法中心」."""
    path = tmp_path / "罗田县九资河镇人民政府权责清单.csv"
    path.write_text("序号,事项名称,权力类型,实施依据,实施机构\n"
                    "1,对在森林防火区野外用火的处罚,行政处罚,《森林防火条例》第五十条,镇综合执法中心\n"
                    "2,特困人员救助供养,行政给付,《社会救助暂行办法》第十四条,镇社会事务办\n", encoding="utf-8")
    doc = parse_list(path)
    assert [d["name"] for d in doc.departments] == ["罗田县九资河镇人民政府"]
    assert [r.unit for r in doc.records] == ["镇综合执法中心", "镇社会事务办"]
    # … and offices named with no place at all (盱眙县马坝镇's 「综合行政执法局」, 「农业农村服务中心」); a county's stays its own
    bare = tmp_path / "盱眙县马坝镇人民政府权责清单.csv"
    bare.write_text("序号,事项名称,权力类型,实施依据,实施机构\n"
                    "1,对违法建设的处罚,行政处罚,《城乡规划法》第六十五条,综合行政执法局\n"
                    "2,农村村民宅基地审批,行政许可,《土地管理法》第六十二条,农业农村服务中心、自然资源和规划所\n"
                    "3,对破坏耕地的处罚,行政处罚,《土地管理法》第七十五条,盱眙县自然资源和规划局\n", encoding="utf-8")
    doc = parse_list(bare)
    assert [d["name"] for d in doc.departments] == ["盱眙县马坝镇人民政府", "盱眙县自然资源和规划局"]


def test_the_sixty_third_sample_s_layouts(tmp_path):
    """石门's header of three rows, 事前 | 事中 | 事后 over 受理/立案 | 审查/调查 | 告知 | 决定 | 送达 | 监管/执行: a column a
    stage; 屯溪's 【一、依法承接的行政执法事项】 alone in its 类别 column: a group's heading, no record, and its 街道职责（责任事项）
    the duties beside a 职责边界 kept as it is; 江苏's 「立案｜调查取证｜审查」: each step its own."""
    from importers.duties import split_duties
    path = tmp_path / "某县农业农村局权责清单.csv"
    path.write_text("序号,权责事项,,,责任事项,,,,,\n"
                    ",事项名称,事项类型,法律依据,事前,,事中,,,事后\n"
                    ",,,,受理/立案,审查/调查,告知,决定,送达,监管/执行\n"
                    "1,对经营假农药的处罚,行政处罚,《农药管理条例》第五十五条,立案。,调查取证。,告知陈述申辩权。,作出处罚决定。,"
                    "送达。,执行。\n", encoding="utf-8")
    assert [d.stage for d in parse_list(path).records[0].responsibilities] == ["立案", "调查", "告知", "决定", "送达", "执行"]
    street = tmp_path / "某区某街道办事处权责清单.csv"
    street.write_text("类别,序号,事项名称,事项类型,依据,街道职责（责任事项）,职责边界\n【一、依法承接的行政执法事项】,,,,,,\n"
                      ",1,对擅自占用城市道路的处罚,行政处罚,《城市道路管理条例》第四十二条,立案　调查　告知　决定　送达　执行,"
                      "跨街道的由区城市管理局管辖\n", encoding="utf-8")
    rec = parse_list(street).records[0]
    assert rec.item_name == "对擅自占用城市道路的处罚" and rec.responsibility_text.startswith("立案")
    assert rec.extra.get("职责边界") == "跨街道的由区城市管理局管辖"
    assert [d.stage for d in split_duties("立案｜调查取证｜审查；\n决定：依法作出罚款的决定｜送达｜执行")] == [
        "立案", "调查", "审查", "决定", "送达", "执行"]


def test_a_third_header_row_of_stages_noted_in_brackets(tmp_path):
    """丹东's 事前 | 事中 | 事后 over 受理（立案）责任 | 审查（调查）责任 | 决定（告知）责任 | 送达（决定）责任 | 监管（执行）责任 | 其他责任:
    a column a stage and the stage in its brackets (before, each phase's first column alone was read, the others lost)."""
    path = tmp_path / "某市交通运输局权责清单.csv"
    path.write_text("序号,职权名称,职权类型,职权依据,责任事项,,,,,\n"
                    ",,,,事前,,事中,,事后,\n"
                    ",,,,受理（立案）责任,审查（调查）责任,决定（告知）责任,送达（决定）责任,监管（执行）责任,其他责任\n"
                    "1,对未取得道路运输经营许可擅自从事道路运输经营的处罚,行政处罚,《中华人民共和国道路运输条例》第六十四条,"
                    "符合立案条件的予以立案。,指定两名以上执法人员进行调查，对案件进行审查。,作出处罚决定前书面告知当事人。,"
                    "根据审查情况作出处罚决定，制作行政处罚决定书。,送达决定书，监督当事人履行处罚决定。,法律法规规章规定应履行的其他责任。\n", encoding="utf-8")
    rec = parse_list(path).records[0]
    assert [d.stage for d in rec.responsibilities] == ["受理", "审查", "决定", "送达", "事后监管", "其他"]
    assert rec.responsibilities[1].text.startswith("审查、调查责任") and "两名以上执法人员" in rec.responsibilities[1].text
    assert "监督当事人履行" in rec.responsibilities[4].text


def test_exports_in_lower_case_english_with_a_comment_line(tmp_path):
    """克拉玛依's export: 「# 克拉玛依市应急管理局权责清单 导出时间 …」 above item_id | item_name | power_type | stage_accept | …:
    the department without the comment's mark; 云南's sub_item (no SUB_ITEM_NAME beside it) the sub-item."""
    path = tmp_path / "某市应急管理局权责清单.csv"
    path.write_text("# 克拉玛依市应急管理局权责清单 导出时间 2024-05-09\n"
                    "item_id,item_name,sub_item,power_type,legal_basis,stage_accept,stage_review,stage_decide,stage_serve\n"
                    "YJ-XK-01,危险化学品经营许可,,行政许可,《危险化学品安全管理条例》第三十三条,申请材料齐全的予以受理,"
                    "对申请材料和经营场所进行审查,三十日内作出许可决定,核发经营许可证\n"
                    "YJ-XK-01-1,危险化学品经营许可,变更,行政许可,《危险化学品安全管理条例》第三十三条,受理变更申请,"
                    "审查变更材料,作出变更决定,换发经营许可证\n", encoding="utf-8")
    doc = parse_list(path)
    assert doc.department == "克拉玛依市应急管理局"
    assert doc.records[1].sub_item_name == "变更"


def test_a_table_of_step_codes_below_the_list(tmp_path):
    """磐石's 责任事项 over 责任环节（代码） | 本事项特别责任, its cells 「A1、A2、A3、A4」, and below the list 「附：责任环节代码及通用内容」
    over 代码 | 责任环节 | 通用内容: each code read as its step and its content, the item's own duty after them, the table
    of codes no records."""
    path = tmp_path / "某市民政局权责清单.csv"
    path.write_text(
        "某市民政局权责清单,,,,,,\n"
        "序号,事项名称,,权力类别,实施依据,责任事项,\n"
        ",主项,子项,,,责任环节（代码）,本事项特别责任\n"
        "1,社会团体成立、变更、注销登记,成立登记,行政许可,《社会团体登记管理条例》第九条,A1、A2、A3、A4,审查发起人资格。\n"
        "2,对社会团体违反登记管理规定行为的处罚,,行政处罚,《社会团体登记管理条例》第三十条,B1、B2、B3,\n"
        ",,,,,,\n"
        "附：责任环节代码及通用内容,,,,,,\n"
        "代码,责任环节,通用内容,,,,\n"
        "A1,受理,公示应当提交的材料，依法受理。,,,,\n"
        "A2,审查,对申请材料进行审查。,,,,\n"
        "A3,决定,作出准予或者不予许可的决定。,,,,\n"
        "A4,送达,颁发登记证书。,,,,\n"
        "B1,立案,决定是否立案。,,,,\n"
        "B2,调查,调查取证。,,,,\n"
        "B3,决定,制作行政处罚决定书。,,,,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.name for r in doc.records] == ["社会团体成立、变更、注销登记（成立登记）", "对社会团体违反登记管理规定行为的处罚"]
    first, penalty = doc.records
    assert [d.stage for d in first.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert first.responsibilities[0].text == "受理：公示应当提交的材料，依法受理。"
    assert "审查发起人资格" in first.responsibility_text
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查", "决定"]
    assert any("A1=受理" in w.message for w in doc.warnings)


def test_another_table_under_its_own_heading_that_is_no_list_of_powers(tmp_path):
    """永登's 「二、配合事项」 below its powers, over 序号 | 配合事项 | 牵头部门 | 镇政府配合职责: not read as rows of the table above
    (before, the file was refused, a row at a time without a name), and the reader told it was not imported."""
    path = tmp_path / "某县某镇人民政府权责清单.csv"
    path.write_text(
        "一、行政权力事项,,,,\n"
        "序号,事项类型,事项名称,实施依据,责任事项\n"
        "1,行政许可,农村村民宅基地审批,《中华人民共和国土地管理法》第六十二条,受理：受理申请。\n"
        ",,,,\n"
        "二、配合事项,,,,\n"
        "序号,配合事项,牵头部门,镇政府配合职责,备注\n"
        "1,森林草原防灭火,县应急管理局,落实护林员巡护。,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.item_name for r in doc.records] == ["农村村民宅基地审批"]
    assert any("二、配合事项" in w.message and "此表未导入" in w.message for w in doc.warnings)


def test_an_export_of_items_and_their_duties_as_a_tree(tmp_path):
    """吐鲁番's export: id | parent_id | node_type | item_code | item_name | power_type | … | stage | content, a duty's row under
    its item's with its step and content and nothing else: the item's duties."""
    path = tmp_path / "某市医疗保障局权责清单.csv"
    path.write_text(
        "id,parent_id,node_type,item_code,item_name,power_type,legal_basis,stage,content,accountability,remark\n"
        "1,,事项,6504YB-CF-001,对定点医药机构违反医疗保障基金使用管理规定的处罚,行政处罚,《医疗保障基金使用监督管理暂行条例》"
        "第三十八条,,,违反法定程序的,\n"
        "2,1,责任,,,,,立案,决定是否立案。,,\n"
        "3,1,责任,,,,,调查,调查取证。,,\n"
        "4,1,责任,,,,,告知,告知拟作出的处罚。,,\n", encoding="utf-8")
    doc = parse_list(path)
    assert len(doc.records) == 1
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查", "告知"]


def test_a_table_on_its_side_whose_stage_labels_have_a_note_and_the_word_duty(tmp_path):
    """北安's table on its side, its labels 受理（立案）责任 | 审查（调查）责任 | 执行（监管）责任 among 告知责任 | 决定责任: each a
    field (before, only the labels without a note were read, the others' rows lost)."""
    path = tmp_path / "某市应急管理局权责清单.csv"
    path.write_text(
        "项目,事项1,事项2\n"
        "事项名称,对未取得危险化学品经营许可证从事危险化学品经营的处罚,烟花爆竹经营（零售）许可\n"
        "权力类型,行政处罚,行政许可\n"
        "受理（立案）责任,予以立案。,依法受理。\n"
        "审查（调查）责任,执法人员不少于两人，询问当事人。,审查材料。\n"
        "决定责任,作出处罚决定。,作出许可决定。\n"
        "执行（监管）责任,督促履行。,监督检查。\n", encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [
        ["受理", "审查", "决定", "执行"], ["受理", "审查", "决定", "执行"]]
    assert doc.records[0].responsibilities[0].text.startswith("受理、立案责任")


def test_a_duty_sheet_by_long_codes_and_a_duty_table_by_short_names(tmp_path):
    """海宁: a sheet 权力事项 and a sheet 责任事项 (事项编码 | 事项名称（简称） | 环节序号 | 环节名称 | 责任内容), joined by the 12-digit
    code (no 序号); 东街街道: 二、责任清单 below 一、权力清单, its 对应权力事项 a shortened name (「临时救助」 for 「临时救助申请受理、审核
    及小额审批」), joined to the item whose name holds it."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "权力事项"
    ws.append(["序号", "事项编码", "事项名称", "事项类型", "设定依据"])
    ws.append(["1", "330220045000", "对未取得医疗机构执业许可证擅自执业的处罚", "行政处罚", "《基本医疗卫生与健康促进法》第九十九条"])
    ws.append(["2", "330120021000", "公共场所卫生许可", "行政许可", "《公共场所卫生管理条例》第八条"])
    duties = wb.create_sheet("责任事项")
    duties.append(["事项编码", "事项名称（简称）", "环节序号", "环节名称", "责任内容"])
    duties.append(["330220045000", "无证行医处罚", "1", "案源登记", "经审批后立案。"])
    duties.append(["330220045000", "无证行医处罚", "2", "调查取证", "询问当事人。"])
    duties.append(["330220045000", "无证行医处罚", "3", "案件审核", "法制审核。"])
    path = tmp_path / "某市卫生健康局权责清单.xlsx"
    wb.save(path)
    doc = parse_list(path)
    assert [r.item_name for r in doc.records] == ["对未取得医疗机构执业许可证擅自执业的处罚", "公共场所卫生许可"]
    # (案源登记, the case's source registered and approved: its 立案, as 合肥's 案件来源登记 is)
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查", "审查"]
    street = tmp_path / "某区某街道办事处权责清单.csv"
    street.write_text(
        "一、权力清单,,,\n序号,事项名称,权力类型,实施依据\n"
        "1,临时救助申请受理、审核及小额审批,行政给付,《社会救助暂行办法》第四十七条\n"
        "2,对居民委员会工作给予指导、支持和帮助,其他行政权力,《城市居民委员会组织法》第二条\n"
        ",,,\n二、责任清单,,,\n序号,对应权力事项,责任事项,追责情形\n"
        '1,临时救助,"受理：受理申请。\n审批：在委托权限内审批。",违规审批的\n', encoding="utf-8")
    doc = parse_list(street)
    assert [r.item_name for r in doc.records] == ["临时救助申请受理、审核及小额审批", "对居民委员会工作给予指导、支持和帮助"]
    assert [d.stage for d in doc.records[0].responsibilities] == ["受理", "决定"] and not doc.records[1].responsibilities


def test_duty_columns_numbered_one_to_six_and_types_as_codes_of_a_footnote(tmp_path):
    """嘉定's 类别代码 (XK, CF, their meanings in a footnote below the table) and 责任事项1 | 责任事项2 | … | 责任事项6, a step a
    column: the type read by the footnote, the six columns the record's duties (before, the file was refused: no type)."""
    path = tmp_path / "某区体育局权责清单.csv"
    path.write_text(
        "序号,权力编码,事项名称,类别代码,法律依据,责任事项1,责任事项2,责任事项3\n"
        "1,3101140301001,经营高危险性体育项目许可,XK,《全民健身条例》第三十二条,受理责任：依法受理。,审查责任：实地核查。,"
        "决定责任：作出批准或者不予批准的决定。\n"
        "2,3101140302001,对未经批准擅自经营高危险性体育项目的处罚,CF,《全民健身条例》第三十六条,立案：予以立案。,"
        "调查：询问当事人。,\n"
        ",,,,,,,\n"
        "注：1.类别代码：XK—行政许可；CF—行政处罚；JC—行政检查；QR—行政确认。,,,,,,,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.type for r in doc.records] == ["行政许可", "行政处罚"]
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "决定"], ["立案", "调查"]]
    assert not [w for w in doc.warnings if "责任事项1" in w.message]


def test_stage_and_content_columns_numbered_in_pairs_in_one_header_row(tmp_path):
    """聊城's 环节名称1 | 环节内容1 | 环节名称2 | 环节内容2 | …: each pair a step (its name the stage, its content the duty), not the
    first pair's name alone."""
    path = tmp_path / "某市人民防空办公室权责清单.csv"
    path.write_text(
        "序号,事项名称,事项类型,环节名称1,环节内容1,环节名称2,环节内容2,环节名称3,环节内容3,追责情形\n"
        "1,拆除人民防空工程审批,行政许可,受理,依法受理。,审查,现场核查。,决定,作出准予或者不予拆除的决定。,违规审批的\n"
        "2,对侵占人民防空工程行为的处罚,行政处罚,立案,决定是否立案。,调查,调查取证。,,,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [[(d.stage, d.text.split("\n")[-1]) for d in r.responsibilities] for r in doc.records] == [
        [("受理", "依法受理。"), ("审查", "现场核查。"), ("决定", "作出准予或者不予拆除的决定。")],
        [("立案", "决定是否立案。"), ("调查", "调查取证。")]]
    assert doc.records[0].accountability_situations == "违规审批的"


def test_labelled_rows_under_a_record_and_a_three_row_header_printed_again(tmp_path):
    """伊宁's record row, then 「 | 责任事项 | …」 and 「 | 追责情形 | …」 under it (the sub-items' rows before them share them): the
    record's duties and accountability (before, the file was refused, each labelled row a record without a name); 贵港's header
    of three rows printed again under 「续表」: skipped whole, its 主项 | 子项 row no record."""
    path = tmp_path / "某市教育局权责清单.csv"
    path.write_text(
        "序号,权力编码,权力类型,权力名称,子项名称,设定依据\n"
        "1,654002-JY-01-003,行政许可,校车使用许可,,《校车安全管理条例》第十四条\n"
        ",责任事项,1.受理责任：依法受理。2.审查责任：审查材料。,,,\n"
        ",追责情形,对不符合条件的校车申请予以通过审查的,,,\n"
        "2,654002-JY-02-001,行政处罚,对民办学校违规办学行为的处罚,,《民办教育促进法》第六十二条\n"
        "2-1,654002-JY-02-001-1,行政处罚,,擅自分立、合并民办学校的,\n"
        ",责任事项,1.立案责任：予以立案。2.调查责任：调查取证。,,,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.name for r in doc.records] == ["校车使用许可", "对民办学校违规办学行为的处罚",
                                             "对民办学校违规办学行为的处罚（擅自分立、合并民办学校的）"]
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查"], ["立案", "调查"],
                                                                           ["立案", "调查"]]
    assert doc.records[0].accountability_situations == "对不符合条件的校车申请予以通过审查的"
    header = "序号,权力清单,,,责任清单,备注\n,事项名称,,事项类型,责任事项,\n,主项,子项,,,\n"
    paged = tmp_path / "某区某街道办事处权责清单.csv"
    paged.write_text(header + "1,失业登记,,公共服务,受理：依法受理。,\n第 1 页，共 2 页,,,,,\n续表,,,,,\n" + header
                     + "2,临时救助,,行政给付,受理：依法受理。,\n", encoding="utf-8")
    doc = parse_list(paged)
    assert [r.item_name for r in doc.records] == ["失业登记", "临时救助"]
    assert not [w for w in doc.warnings if "已忽略此行" in w.message]


def test_an_export_s_pinyin_stage_columns_and_sub_items_the_same_as_their_item(tmp_path):
    """金华's export: ZRSX_SL | ZRSX_SC | ZRSX_GZ | ZRSX_JD | ZRSX_SD | ZRSX_ZX | ZRSX_QT, a stage a column (责任事项's initials and
    the stage's), its sub-items 「同主项」 in the first stage column alone: each the item's duties; a sheet named 「表1 行政许可」 its
    rows' type."""
    path = tmp_path / "某市公安局权责清单.csv"
    path.write_text(
        "XH,QLBM,FQLBM,QLMC,ZXMC,QLLX,ZRSX_SL,ZRSX_SC,ZRSX_JD,ZRSX_SD,ZRSX_ZX\n"
        "1,330700-GA-XK-0030,,爆破作业单位许可证核发,,行政许可,受理申请。,审查材料。,作出决定。,送达许可证。,实施监督检查。\n"
        "1.1,330700-GA-XK-0030-001,330700-GA-XK-0030,,首次申领,行政许可,同主项,,,,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "决定", "送达", "执行"]] * 2
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1 行政许可"
    ws.append(["序号", "事项编码", "事项名称", "设定依据", "责任事项"])
    ws.append(["1", "BJMZ-XK-003", "慈善组织公开募捐资格审核", "《慈善法》第二十二条", "受理责任：依法受理。"])
    book = tmp_path / "某市民政局权责清单.xlsx"
    wb.save(book)
    assert [r.type for r in parse_list(book).records] == ["行政许可"]


def test_a_cold_review_of_the_thirtieth_session_s_readings(tmp_path):
    """A second reader's inputs: a table of duties by the items' own codes (XK01 | 受理 | …) is no legend of step codes; a
    sheet typed by its numbered name whose rows are the catalogue's items is their duties; a numbered run of 环节N columns is
    no field of one; a duty table's row of another item's name is not joined to an item it only resembles."""
    path = tmp_path / "某县某局权责清单.csv"
    path.write_text("序号,事项编码,事项名称,权力类型,责任事项\n1,XK01,取水许可,行政许可,\n2,CF01,对擅自取水的处罚,行政处罚,\n,,,,\n"
                    "编码,环节,责任内容,,\nXK01,受理,依法受理。,,\nCF01,立案,予以立案。,,\nQZ01,决定,作出决定。,,\n",
                    encoding="utf-8")
    doc = parse_list(path)
    assert [r.code for r in doc.records][:2] == ["XK01", "CF01"]
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1 权力事项目录"
    ws.append(["序号", "事项编码", "事项名称", "权力类型"])
    ws.append(["1", "CF-001", "对擅自占用城市道路的处罚", "行政处罚"])
    duties = wb.create_sheet("表2 行政处罚")
    duties.append(["序号", "事项编码", "事项名称", "责任事项"])
    duties.append(["1", "CF-001", "对擅自占用城市道路的处罚", "1.立案责任：立案。2.调查责任：调查。"])
    book = tmp_path / "某市城市管理局权责清单.xlsx"
    wb.save(book)
    doc = parse_list(book)
    assert [(r.sheet, [d.stage for d in r.responsibilities]) for r in doc.records] == [("表1 权力事项目录", ["立案", "调查"])]
    steps = tmp_path / "某县某局权责清单二.csv"
    steps.write_text("序号,事项名称,权力类型,环节1,环节2\n1,取水许可,行政许可,受理：依法受理。,审查：审查材料。\n", encoding="utf-8")
    # … a step's header numbered, each cell a step headed by its name (新疆's DUTY_STAGE_1 | … | DUTY_STAGE_7): the duties
    record = parse_list(steps).records[0]
    assert [(d.stage, d.text) for d in record.responsibilities] == [("受理", "受理：依法受理。"), ("审查", "审查：审查材料。")]
    assert "环节1" not in record.extra
    street = tmp_path / "某区某街道办事处权责清单.csv"
    street.write_text("一、权力清单,,,\n序号,事项名称,权力类型,实施依据\n1,对擅自占用城市道路的处罚,行政处罚,《城市道路管理条例》\n"
                      ",,,\n二、责任清单,,,\n序号,对应权力事项,责任事项,追责情形\n1,对擅自挖掘城市道路的处罚,立案：立案。,\n",
                      encoding="utf-8")
    doc = parse_list(street)
    assert not doc.records[0].responsibilities


def test_a_type_read_from_the_code_where_a_sheet_holds_several(tmp_path):
    """安徽省水利厅's sheet 「行政强制及其他（3项）」, no type column: each row's type from its code's letters (340000-SL-QZ-0001,
    -JC-, -JL-); a code naming none leaves it untyped, said."""
    path = tmp_path / "某省水利厅权责清单.csv"
    path.write_text("序号,事项编码,事项名称,实施依据,责任事项\n1,340000-SL-QZ-0001,强行拆除妨碍行洪的建筑物,《水法》第六十五条,"
                    "决定：作出决定。\n2,340000-SL-JC-0001,水行政监督检查,《水法》第五十九条,检查：实施检查。\n"
                    "3,340000-SL-0009,水利工程管理,《水法》第四十三条,\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.type for r in doc.records] == ["行政强制", "行政检查", ""]
    assert any("类型代码取为 行政强制" in w.message for w in doc.warnings)


def _workbook(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    wb = openpyxl.Workbook()
    for n, (name, rows) in enumerate(sheets.items()):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = name
        for row in rows:
            ws.append([v or None for v in row])
    wb.save(path)
    return path


def test_step_codes_of_a_table_on_the_workbooks_note_sheet(tmp_path):
    """辽宁's 说明 sheet holds 编号 | 责任环节 | 责任内容 (T1 | 受理 | …, C1 | 立案 | …); the sheets of powers write 「通用C1」 under
    each stage, 「通用C1至C7」 for them all in one cell, 「通用T3、T4」 for two and 「通用T2+：…」 for a code and more: each read
    as its steps and their common content."""
    table = [["编号", "责任环节", "责任内容"], ["T1", "受理", "依法受理申请。"], ["T2", "审查", "审查申请材料。"],
             ["T3", "决定", "作出许可决定。"], ["T4", "送达", "送达许可证件。"], ["C1", "立案", "决定是否立案。"],
             ["C2", "调查", "调查取证。"], ["C3", "审查", "审查案件。"], ["C4", "告知", "告知拟处罚内容。"],
             ["C5", "决定", "作出处罚决定。"], ["C6", "送达", "送达决定书。"], ["C7", "执行", "督促履行。"]]
    permits = [["某省交通运输厅权责清单（行政许可）", "", "", "", "", ""],
               ["事项编码", "事项名称", "受理责任", "审查责任", "决定责任", "送达责任"],
               ["XK-01", "公路建设项目施工许可", "通用T1", "通用T2+：组织专家论证。", "通用T3、T4", ""]]
    penalties = [["某省交通运输厅权责清单（行政处罚）", "", "", "", ""],
                 ["事项编码", "事项名称", "立案责任", "调查责任", "审查责任"],
                 ["CF-01", "对造成公路损坏未报告的处罚", "通用C1至C7", "", ""]]
    doc = parse_list(_workbook(tmp_path / "某省交通运输厅权责清单.xlsx", {
        "说明": [["编制说明"], ["“通用T1”等编号的具体内容见通用责任事项表"], *table],
        "行政许可": permits, "行政处罚": penalties}))
    permit, penalty = doc.records
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert "组织专家论证" in permit.responsibilities[1].text and "审查申请材料" in permit.responsibilities[1].text
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查", "审查", "告知", "决定", "送达", "执行"]
    assert "督促履行" in penalty.responsibilities[-1].text


def test_step_codes_of_another_sheet_leave_numbers_that_look_like_them(tmp_path):
    """A 说明 sheet's codes 1-1 | 受理 …, used on the list as 「1-1、1-2」: a 序号 or sub-item number 1-1 alone elsewhere stays as it
    is (a cold review's case)."""
    table = [["编号", "责任环节", "责任内容"], ["1-1", "受理", "依法受理。"], ["1-2", "审查", "依法审查。"], ["1-3", "决定", "依法决定。"]]
    rows = [["某县民政局权责清单", "", "", ""], ["序号", "事项名称", "权力类型", "责任事项"],
            ["1-1", "社会团体成立登记", "行政许可", "1-1、1-2、1-3"], ["1-2", "民办非企业单位成立登记", "行政许可", "1-1、1-2"]]
    doc = parse_list(_workbook(tmp_path / "某县民政局权责清单.xlsx", {"说明": table, "权责清单": rows}))
    assert [(r.seq, r.item_name) for r in doc.records] == [("1-1", "社会团体成立登记"), ("1-2", "民办非企业单位成立登记")]
    assert [d.stage for d in doc.records[0].responsibilities] == ["受理", "审查", "决定"]


def test_duties_going_on_after_a_page_footer(tmp_path):
    """怀柔: a record's numbered duties break at the page's foot (「第 1 页，共 3 页」, the header again) and go on in a row of
    the duties' cell alone, 「（接上页）\\n（5）决定阶段：…」: the same record's, not a row left out."""
    rows = [["某区城市管理综合行政执法局权责清单", "", "", "", ""],
            ["序号", "事项名称", "权力类型", "实施依据", "责任事项"],
            ["1", "对露天烧烤食品的处罚", "行政处罚", "《中华人民共和国大气污染防治法》第一百一十八条",
             "（1）立案阶段：决定是否立案。\n（2）调查阶段：调查取证。\n（3）审查阶段：审核。\n（4）告知阶段：告知拟处罚内容。"],
            ["", "", "", "", "第 1 页，共 2 页"],
            ["序号", "事项名称", "权力类型", "实施依据", "责任事项"],
            ["", "", "", "", "（接上页）\n（5）决定阶段：作出处罚决定。\n（6）送达阶段：依法送达。\n（7）执行阶段：督促缴纳罚款。"],
            ["2", "对焚烧秸秆的处罚", "行政处罚", "《中华人民共和国大气污染防治法》第一百一十九条", "立案、调查、决定。"]]
    doc = parse_list(_workbook(tmp_path / "某区城市管理综合行政执法局权责清单.xlsx", {"Sheet": rows}))
    first, second = doc.records
    assert [d.stage for d in first.responsibilities] == ["立案", "调查", "审查", "告知", "决定", "送达", "执行"]
    assert not any("接上页" in d.text for d in first.responsibilities)
    assert second.item_name == "对焚烧秸秆的处罚"
    assert not any("已忽略此行" in w.message for w in doc.warnings)


def test_a_two_row_header_without_its_merges_and_sheets_named_by_their_types_code(tmp_path):
    """广东省应急管理厅: 事项名称 | "" over 主项 | 子项 and 责任事项 | "" over 责任环节 | 具体内容 (written without the merges), one row a
    stage under each item, sheets named CF行政处罚 (the type's code first), and a 目录 of each sheet's counts with its total
    and a note below: the items read with their stages, the 目录 no records."""
    head = [["事项编码", "事项名称", "", "实施依据", "责任事项", ""], ["", "主项", "子项", "", "责任环节", "具体内容"]]
    penalty = [["某省应急管理厅权责清单（行政处罚）", "", "", "", "", ""], *head,
               ["YJ-CF-001", "对未采取措施消除事故隐患的处罚", "", "《中华人民共和国安全生产法》第一百零二条", "立案责任", "决定是否立案。"],
               *[["", "", "", "", f"{s}责任", f"依法{s}。"] for s in ("调查", "审查", "告知", "决定", "送达", "执行")]]
    permit = [["某省应急管理厅权责清单（行政许可）", "", "", "", "", ""], *head,
              ["YJ-XK-001", "非煤矿矿山企业安全生产许可", "首次申请", "《安全生产许可证条例》第二条", "受理责任", "依法受理。"],
              *[["", "", "", "", f"{s}责任", f"依法{s}。"] for s in ("审查", "决定", "送达")]]
    contents = [["某省应急管理厅权责清单目录", "", "", "", "", ""], ["序号", "权力类型", "类型代码", "主项（项）", "子项（项）", "所在工作表"],
                ["1", "行政许可", "XK", "1", "1", "XK行政许可"], ["2", "行政处罚", "CF", "1", "0", "CF行政处罚"],
                ["合计", "", "", "2", "1", ""], ["注：子项数仅统计单列子项的事项。", "", "", "", "", ""]]
    doc = parse_list(_workbook(tmp_path / "某省应急管理厅权责清单.xlsx",
                               {"目录": contents, "XK行政许可": permit, "CF行政处罚": penalty}))
    assert [(r.item_name, r.sub_item_name, r.type) for r in doc.records] == [
        ("非煤矿矿山企业安全生产许可", "首次申请", "行政许可"), ("对未采取措施消除事故隐患的处罚", "", "行政处罚")]
    permit_rec, penalty_rec = doc.records
    assert [d.stage for d in permit_rec.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert [d.stage for d in penalty_rec.responsibilities] == ["立案", "调查", "审查", "告知", "决定", "送达", "执行"]
    assert "依法受理" in permit_rec.responsibilities[0].text


def test_an_export_a_line_a_stage_with_english_codes(tmp_path):
    """太原's export: 「#」 lines above, then ITEM_CODE | ITEM_NAME | … | RESP_SEQ | RESP_STAGE | RESP_CONTENT, a line a stage with
    the item's fields on each: one record an item, its lines its duties of their stages."""
    path = tmp_path / "太原市市场监督管理局权责清单.csv"
    lines = ["# 太原市市场监督管理局权责清单数据导出", "# 说明：一条责任事项一行",
             "ITEM_CODE,ITEM_NAME,POWER_TYPE,LEGAL_BASIS,RESP_SEQ,RESP_STAGE,RESP_CONTENT"]
    lines += [f"140100-SJ-CF-0001,对无证经营的处罚,行政处罚,《食品安全法》第一百二十二条,{n:02d},{s}责任,依法{s}。"
              for n, s in enumerate(["立案", "调查", "审查", "决定"], start=1)]
    lines += ["140100-SJ-XK-0002,特种设备使用登记,行政许可,《特种设备安全法》第三十三条,01,受理责任,依法受理。"]
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.code) for r in doc.records] == [("对无证经营的处罚", "140100-SJ-CF-0001"),
                                                           ("特种设备使用登记", "140100-SJ-XK-0002")]
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查", "审查", "决定"]


def test_sheets_named_by_a_types_own_word_a_level_split_and_a_type_in_the_remarks(tmp_path):
    """A workbook of sheets 许可 | 处罚 | 检查及其他 (a type's own word, 行政 left out; the last two types, each row's 备注 naming
    its own), its header 权力事项 | 实施层级 over 事项名称 | 事项代码 | 子项名称 | 省级 | 设区市 | 县（市、区）, written cell by cell:
    the header's two rows read as one, the rows below it records, each of its type."""
    head = [["序号", "权力事项", "", "", "实施依据", "实施层级", "", "", "责任事项", "备注"],
            ["", "事项名称", "事项代码", "子项名称", "", "省级", "设区市", "县（市、区）", "", ""]]
    permit = [["某省住房和城乡建设厅权责清单（行政许可）", *[""] * 9], *head,
              ["1", "建筑业企业资质核准", "330217007000", "首次申请", "《建筑法》第十三条", "√", "√", "",
               "1.受理责任：依法受理。2.审查责任：审查材料。", ""]]
    penalty = [["某省住房和城乡建设厅权责清单（行政处罚）", *[""] * 9], *head,
               ["1", "对偷工减料的处罚", "330217171000", "", "《建筑法》第七十四条", "√", "√", "√",
                "1.立案责任：立案。2.调查责任：调查。", ""]]
    mixed = [["某省住房和城乡建设厅权责清单（其他）", *[""] * 9], *head,
             ["1", "对建筑市场的监督检查", "330217301000", "", "《建筑法》第四十三条", "√", "", "", "1.检查责任：检查。", "行政检查"],
             ["2", "查封不符合标准的施工设备", "330217401000", "", "《安全生产法》第六十五条", "√", "", "",
              "1.决定责任：决定。", "行政强制"]]
    doc = parse_list(_workbook(tmp_path / "某省住房和城乡建设厅权责清单.xlsx",
                               {"许可": permit, "处罚": penalty, "检查及其他": mixed}))
    assert [(r.item_name, r.sub_item_name, r.type) for r in doc.records] == [
        ("建筑业企业资质核准", "首次申请", "行政许可"), ("对偷工减料的处罚", "", "行政处罚"),
        ("对建筑市场的监督检查", "", "行政检查"), ("查封不符合标准的施工设备", "", "行政强制")]
    assert doc.records[0].code == "330217007000" and doc.records[0].extra.get("实施层级·设区市") == "√"
    assert [d.stage for d in doc.records[1].responsibilities] == ["立案", "调查"]
    assert any("按备注取为 行政强制" in w.message for w in doc.warnings)
    assert not any("不带权力类型" in w.message or "已忽略此行" in w.message for w in doc.warnings)
    # a sheet named by a word that is no type's is not read as one
    assert [lists.type_from_sheet_name(n) for n in ("其他", "说明", "目录")] == [None, None, None]


def test_an_exports_numbered_step_columns_each_cell_headed_by_its_step(tmp_path):
    """DUTY_STAGE_1 | … | DUTY_STAGE_4 (an export's generic step columns), each cell 「受理责任：…」: the duties of those steps;
    the same columns holding a file's name or a date are kept as they are."""
    path = tmp_path / "某自治区住房和城乡建设厅权责清单.csv"
    lines = ["SEQ,ITEM_CODE,ITEM_NAME,POWER_TYPE,LEGAL_BASIS,DUTY_STAGE_1,DUTY_STAGE_2,DUTY_STAGE_3,DUTY_STAGE_4",
             ("1,650000-XK-0001,建筑施工企业安全生产许可,行政许可,《安全生产许可证条例》第二条,受理责任：依法受理。,审查责任：审查材料。,"
              "决定责任：作出决定。,送达责任：送达许可证。"),
             "2,650000-CF-0001,对无证施工的处罚,行政处罚,《安全生产许可证条例》第十九条,立案责任：立案。,调查责任：调查。,,"]
    path.write_text("\n".join(lines), encoding="utf-8")
    permit, penalty = parse_list(path).records
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查"]
    assert not any(k.startswith("DUTY_STAGE") for k in permit.extra)
    files = tmp_path / "某县水务局权责清单.csv"
    files.write_text("序号,事项名称,权力类型,DUTY_STAGE_1,DUTY_STAGE_2\n1,取水许可,行政许可,附件1.pdf,2023-01-01\n", encoding="utf-8")
    record = parse_list(files).records[0]
    assert record.responsibilities == [] and record.extra.get("DUTY_STAGE_1") == "附件1.pdf"


def test_pairs_of_step_columns_under_groups_numbered_in_brackets(tmp_path):
    """责任环节及内容（一） | "" | 责任环节及内容（二） | "" over 环节 | 内容 | 环节 | 内容: each pair a step and its text."""
    rows = [["某县水利局权责清单", *[""] * 7],
            ["序号", "事项名称", "事项类型", "责任环节及内容（一）", "", "责任环节及内容（二）", "", "备注"],
            ["", "", "", "环节", "内容", "环节", "内容", ""],
            ["1", "取水许可", "行政许可", "受理", "依法受理申请。", "审查", "审查取水论证。", ""],
            ["2", "对擅自取水的处罚", "行政处罚", "立案", "登记立案。", "调查", "现场勘验。", ""]]
    doc = parse_list(_workbook(tmp_path / "某县水利局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("取水许可", ["受理", "审查"]), ("对擅自取水的处罚", ["立案", "调查"])]


def test_a_table_on_its_side_under_a_heading_row(tmp_path):
    """项目 | 事项内容 (one cell across the records' columns), then 序号 | 1 | 2, 权力类型 | …, 事项名称 | … down the first column:
    the heading is no field (项目 is no item's name), each column of values a record."""
    rows = [["某县自然资源和规划局权责清单", "", "", ""], ["项目", "事项内容", "", ""], ["序号", "1", "2", "3"],
            ["权力类型", "行政许可", "行政处罚", "行政处罚"],
            ["事项名称", "乡村建设规划许可证核发", "对非法占用土地的处罚", "对破坏永久基本农田保护区标志的处罚"],
            ["实施依据", "《城乡规划法》第四十一条", "《土地管理法》第七十七条", "《基本农田保护条例》第三十二条"],
            ["责任事项（一）", "受理：依法受理。", "立案：登记立案。", "立案：登记立案。"],
            ["责任事项（二）", "审查：审查材料。", "调查：现场勘测。", "调查：现场核查。"]]
    doc = parse_list(_workbook(tmp_path / "某县自然资源和规划局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.item_name, r.type, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("乡村建设规划许可证核发", "行政许可", ["受理", "审查"]), ("对非法占用土地的处罚", "行政处罚", ["立案", "调查"]),
        ("对破坏永久基本农田保护区标志的处罚", "行政处罚", ["立案", "调查"])]


def test_a_penalty_card_s_steps_in_their_own_words(tmp_path):
    """案件来源登记 (the case registered: its 立案), 处理意见拟定 (the review before the decision), 作出处理决定 (the handling,
    a penalty's decision by its type)."""
    path = tmp_path / "某市城乡建设局权责清单.csv"
    path.write_text("序号,事项名称,权力类型,责任事项\n1,对无证施工的处罚,行政处罚,"
                    "\"1.案件来源登记：登记线索，经审批后列入查处。2.调查取证：现场检查。3.处理意见拟定：拟定处理意见。"
                    "4.作出处理决定：依法作出处理决定。\"\n", encoding="utf-8")
    assert [d.stage for d in parse_list(path).records[0].responsibilities] == ["立案", "调查", "审查", "处置"]


def test_a_duty_table_row_naming_two_items_by_their_codes(tmp_path):
    """A 责任清单 sheet whose row names two items of the 权力清单 sheet by their codes (对应权力编码 「MZ-XK-001、MZ-XK-002」): both
    items take its duties, and the row is no record of its own."""
    powers = [["某市民政局权力清单", "", "", ""], ["序号", "权力编码", "事项名称", "权力类型"],
              ["1", "MZ-XK-001", "社会团体成立登记", "行政许可"], ["2", "MZ-XK-002", "民办非企业单位成立登记", "行政许可"],
              ["3", "MZ-JC-001", "对社会组织的监督检查", "行政检查"]]
    duties = [["某市民政局责任清单", "", ""], ["序号", "对应权力编码", "事项名称", "责任事项"],
              ["1", "MZ-XK-001、MZ-XK-002", "社会团体、民办非企业单位成立登记", "1.受理责任：依法受理。2.审查责任：审查材料。"],
              ["2", "MZ-JC-001", "对社会组织的监督检查", "1.检查责任：依法检查。"]]
    doc = parse_list(_workbook(tmp_path / "某市民政局权责清单.xlsx", {"权力清单": powers, "责任清单": duties}))
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("社会团体成立登记", ["受理", "审查"]), ("民办非企业单位成立登记", ["受理", "审查"]), ("对社会组织的监督检查", ["检查"])]


def test_a_streets_own_duties_beside_the_departments_part_under_one_group(tmp_path):
    """职责分工 over 街道职责 | 相关职能部门职责, written cell by cell: the street's column its duties, the departments' part kept beside."""
    rows = [["某街道办事处权责清单", "", "", "", "", ""], ["序号", "事项类别", "事项名称", "职责分工", "", "备注"],
            ["", "", "", "街道职责", "相关职能部门职责", ""],
            ["1", "行政处罚", "对随意倾倒生活垃圾的处罚", "1.立案：立案。2.调查：调查取证。", "市城市管理局负责业务指导。", ""]]
    record, = parse_list(_workbook(tmp_path / "某市某街道办事处权责清单.xlsx", {"Sheet": rows})).records
    assert [d.stage for d in record.responsibilities] == ["立案", "调查"]
    assert record.extra.get("职责分工·相关职能部门职责") == "市城市管理局负责业务指导。"


def test_a_second_readers_cases_of_the_thirty_second_sessions_readings(tmp_path):
    """A sheet named 监督 (no type's own name) is not typed by it; a table on its side whose first field has one value (only the
    first record has a code) keeps it; 环节1 | 环节2 giving a time limit or who decides are no duties; 「处理决定」 a penalty's
    handling, read as its decision by type (a 强制措施's is its follow-up), and 「处理决定送达」 its serving too."""
    sheet = [["序号", "事项名称", "责任事项"], ["1", "对社会组织的指导监督", "1.指导责任：指导。"]]
    doc = parse_list(_workbook(tmp_path / "某县民政局权责清单.xlsx", {"监督": sheet}))
    assert [r.type for r in doc.records] == [""]
    side = [["某县水利局权责清单", "", "", ""], ["权力编码", "XK-0001", "", ""], ["权力类型", "行政许可", "行政处罚", "行政处罚"],
            ["事项名称", "取水许可", "对擅自取水的处罚", "对妨碍行洪的处罚"],
            ["责任事项", "受理：依法受理。", "立案：登记立案。", "立案：登记立案。"]]
    doc = parse_list(_workbook(tmp_path / "某县水利局权责清单.xlsx", {"Sheet": side}))
    assert [(r.item_name, r.code) for r in doc.records] == [("取水许可", "XK-0001"), ("对擅自取水的处罚", ""), ("对妨碍行洪的处罚", "")]
    limits = tmp_path / "某县水务局权责清单.csv"
    limits.write_text("序号,事项名称,权力类型,环节1,环节2\n1,取水许可,行政许可,受理：1个工作日,决定：局长\n"
                      "2,河道采砂许可,行政许可,受理：2个工作日,决定：分管副局长\n", encoding="utf-8")
    record = parse_list(limits).records[0]
    assert record.responsibilities == [] and record.extra.get("环节1") == "受理：1个工作日"
    served = tmp_path / "某县城市管理局权责清单.csv"
    served.write_text("序号,事项名称,权力类型,责任事项\n1,对乱倒垃圾的处罚,行政处罚,\"1.立案：立案。2.调查：调查取证。3.审查：审查。"
                      "4.告知：告知拟作出的处罚。5.处理决定送达：将处理决定书送达当事人。6.执行：督促履行。\"\n", encoding="utf-8")
    assert [d.stage for d in parse_list(served).records[0].responsibilities] == ["立案", "调查", "审查", "告知", None, "执行"]


def test_an_export_a_field_a_row_headed_by_pinyin_codes(tmp_path):
    """SXBM | PX | ZDMC | ZDZ (事项编码 | 排序 | 字段名称 | 字段值, their initials), a row a field: a record an item."""
    path = tmp_path / "某区生态环境局权责清单.csv"
    rows = ["# 字段说明：SXBM=事项编码；PX=排序；ZDMC=字段名称；ZDZ=字段值", "SXBM,PX,ZDMC,ZDZ",
            "HJ-XK-001,1,事项名称,排污许可", "HJ-XK-001,2,事项类型,行政许可", "HJ-XK-001,3,责任事项,受理：依法受理。",
            "HJ-XK-001,4,责任事项,审查：审查材料。", "HJ-CF-001,1,事项名称,对超标排放的处罚", "HJ-CF-001,2,事项类型,行政处罚",
            "HJ-CF-001,3,责任事项,立案：登记立案。"]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert [(r.item_name, r.type, [d.stage for d in r.responsibilities]) for r in parse_list(path).records] == [
        ("排污许可", "行政许可", ["受理", "审查"]), ("对超标排放的处罚", "行政处罚", ["立案"])]


def test_cards_side_by_side_named_in_their_headings(tmp_path):
    """【01】name | | | 【02】name over 职权类别 | … | | 职权类别 | … (two cards a band, a blank column between): each card a record."""
    def band(left: str, right: str, kinds: tuple[str, str]) -> list[list[str]]:
        return [[f"【{left}", "", "", f"【{right}", ""], ["职权类别", kinds[0], "", "职权类别", kinds[1]],
                ["事项编码", f"SJ-{left[:2]}", "", "事项编码", f"SJ-{right[:2]}"],
                ["实施依据", "《食品安全法》第三十五条", "", "实施依据", "《特种设备安全法》第三十三条"],
                ["责任事项", "受理：依法受理。", "", "责任事项", "受理：依法受理。"], ["", "审查：审查材料。", "", "", "审查：核对数据。"],
                ["", "", "", "", ""]]
    rows = [["某市市场监督管理局权责清单（职权运行卡）", "", "", "", ""], ["", "", "", "", ""],
            *band("01】食品生产许可", "02】特种设备使用登记", ("行政许可", "行政许可")),
            *band("03】食品经营许可", "04】药品零售许可", ("行政许可", "行政许可"))]
    doc = parse_list(_workbook(tmp_path / "某市市场监督管理局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("食品生产许可", ["受理", "审查"]), ("特种设备使用登记", ["受理", "审查"]), ("食品经营许可", ["受理", "审查"]),
        ("药品零售许可", ["受理", "审查"])]


def test_a_duty_sheet_by_shortened_codes_a_unit_a_step(tmp_path):
    """A 责任事项 sheet (事项编码 | 事项名称（简称） | 责任环节 | 责任内容 | 责任科室, a row a step) whose codes leave out the place's
    prefix on some rows (ZJ-XK-0002 for 441700-ZJ-XK-0002), each step's 责任科室 its own: every row a duty of its item."""
    powers = [["序号", "事项编码", "事项名称", "权力类型"], ["1", "441700-ZJ-XK-0001", "建筑工程施工许可证核发", "行政许可"],
              ["2", "441700-ZJ-XK-0002", "商品房预售许可", "行政许可"], ["3", "441700-ZJ-CF-0001", "对无证施工的处罚", "行政处罚"]]
    duties = [["事项编码", "事项名称（简称）", "责任环节", "责任内容", "责任科室"],
              ["441700-ZJ-XK-0001", "施工许可", "受理", "依法受理。", "建筑业管理科"],
              ["441700-ZJ-XK-0001", "施工许可", "审查", "审查材料。", "建筑业管理科"],
              ["ZJ-XK-0002", "预售许可", "受理", "依法受理。", "房地产市场监管科"],
              ["ZJ-XK-0002", "预售许可", "决定", "作出决定。", "房地产市场监管科"],
              ["441700-ZJ-CF-0001", "无证施工处罚", "立案", "登记立案。", "政策法规科"],
              ["441700-ZJ-CF-0001", "无证施工处罚", "调查", "调查取证。", "执法监察支队"],
              ["441700-ZJ-CF-0001", "无证施工处罚", "决定", "作出决定。", "执法监察支队"]]
    doc = parse_list(_workbook(tmp_path / "某市住房和城乡建设局权责清单.xlsx", {"权力事项": powers, "责任事项": duties}))
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("建筑工程施工许可证核发", ["受理", "审查"]), ("商品房预售许可", ["受理", "决定"]), ("对无证施工的处罚", ["立案", "调查", "决定"])]


def test_a_list_of_powers_and_one_of_duties_side_by_side_numbered_n_k(tmp_path):
    """权力清单 | (a blank column) | 责任清单 on the same rows, the second's 序号 「1-1」, 「1-2」 … numbering each duty by its item:
    every duty row the item's, whatever its heading; the item's number its own (1, not 11-1)."""
    rows = [["权力清单", "", "", "", "", "责任清单", ""], ["序号", "权力类型", "权力名称", "权力编码", "", "序号", "责任事项"],
            ["1", "行政许可", "危险化学品经营许可", "YJ-XK-001", "", "1-1", "受理：依法受理。"],
            ["", "", "", "", "", "1-2", "审查：现场核查。"], ["", "", "", "", "", "1-3", "决定：作出决定。"],
            ["2", "行政强制", "查封不符合标准的设备", "YJ-QZ-001", "", "2-1", "决定：经负责人批准。"],
            ["", "", "", "", "", "2-2", "期限：不得超过三十日。"], ["", "", "", "", "", "2-3", "解除：依法解除查封。"]]
    doc = parse_list(_workbook(tmp_path / "某市应急管理局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.seq, r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("1", "危险化学品经营许可", ["受理", "审查", "决定"]), ("2", "查封不符合标准的设备", ["决定", None, "解除"])]
    assert not any("已忽略此行" in w.message for w in doc.warnings)


def test_a_record_going_on_after_a_page_break_a_bare_stage_after_the_staged_columns_and_cards_numbered_by_word(tmp_path):
    """瓦房店's printed export: item 6's row, the page's footer and the header again, then 「6（续）」 with the rest of its
    执行（监管） cell — item 6's duty; 凤翔's 受理（立案）环节 | … | 送达环节 | 事后监管 | 其他 (a stage's bare name after the
    stages, then their catch-all); 金昌's cards headed 「事项 01 | 道路旅客运输经营许可」."""
    head = ["序号", "权力类型", "权力名称", "决定责任", "执行（监管）责任", "备注"]
    rows = [head, ["6", "行政强制", "查封不符合标准的设备", "制作查封决定书。", "查封期限不得超过30日。", ""],
            ["", "", "第 2 页，共 3 页", "", "", ""], head,
            ["6（续）", "", "", "", "对应当没收的予以没收；不再需要查封的，及时作出解除决定。", ""],
            ["7", "行政许可", "危险化学品经营许可", "作出决定。", "对持证企业监督检查。", ""]]
    doc = parse_list(_workbook(tmp_path / "某市应急管理局权责清单.xlsx", {"Sheet": rows}))
    assert [r.item_name for r in doc.records] == ["查封不符合标准的设备", "危险化学品经营许可"]
    assert any("解除决定" in d.text for d in doc.records[0].responsibilities)
    staged = tmp_path / "某区民政局权责清单.csv"
    staged.write_text("序号,事项名称,权力类型,受理（立案）环节,审查（调查）环节,决定环节,送达环节,事后监管,其他\n"
                      "1,社会团体成立登记,行政许可,受理申请。,审查材料。,作出决定。,发给证书。,年度检查。,其他责任。\n", encoding="utf-8")
    assert [d.stage for d in parse_list(staged).records[0].responsibilities] == ["受理", "审查", "决定", "送达", "事后监管", "其他"]
    def card(number: str, name: str) -> list[list[str]]:
        return [[f"事项 {number}", name, "", ""], ["事项编码", f"JT-XK-0{number}", "事项类型", "行政许可"],
                ["实施依据", "《道路运输条例》第十条", "", ""], ["责任事项", "受理：依法受理。", "", ""], ["", "", "", ""]]
    cards = [["某市交通运输局权责清单", "", "", ""], ["", "", "", ""], *card("01", "道路旅客运输经营许可"), *card("02", "出租汽车经营许可")]
    doc = parse_list(_workbook(tmp_path / "某市交通运输局权责清单.xlsx", {"Sheet": cards}))
    assert [(r.item_name, r.code) for r in doc.records] == [("道路旅客运输经营许可", "JT-XK-001"), ("出租汽车经营许可", "JT-XK-002")]


def test_the_duties_in_prose_under_their_own_header_and_a_process_column_with_a_note_mark(tmp_path):
    """攸县's 责任事项具体内容 (「一是决定责任。…二是…」): the duties; 黄陂's 运行流程及岗位责任（※1） (【接件】→【核查】→【批复】→
    【发证】, and 【取证】 in a penalty): the duties. (攸县's ● matrix beside the prose: fixture 83.)"""
    prose = tmp_path / "某县应急管理局权责清单.csv"
    prose.write_text("序号,事项名称,权力类型,责任事项具体内容\n1,查封不符合标准的设备,行政强制,\"一是决定责任。经负责人批准作出查封决定。"
                     "二是实施责任。制作现场笔录。三是处理责任。在三十日内作出处理决定，及时解除查封。\"\n", encoding="utf-8")
    assert [d.stage for d in parse_list(prose).records[0].responsibilities] == ["决定", "执行", "处置"]
    flow = tmp_path / "某区水务局权责清单.csv"
    flow.write_text("序号,职权名称,职权类型,运行流程及岗位责任（※1）\n1,取水许可,行政许可,\"【接件】依法受理。\n【核查】审查材料。\n"
                    "【批复】作出准予许可的决定。\n【发证】颁发许可证。\"\n2,对擅自取水的处罚,行政处罚,\"【立案】登记立案。\n【取证】调查取证。\"\n",
                    encoding="utf-8")
    permit, penalty = parse_list(flow).records
    # (【批复】 no stage's word: 「批复文件存档」 decides nothing; the step's 「作出…决定」 is read where the rule looks for the decision)
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查", "送达"]
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查"]


def test_a_third_readers_cases_of_the_thirty_second_sessions_readings(tmp_path):
    """A code with a note listing sub-items (「NX-XK-001（子项1、2）」) is one code; a shortened code names the sub-items coded under
    its full code; 公开 | 监督 after the stage columns over 「主动公开」 | 「12345」 stay extra fields; a unit 「/」 is no unit; short
    step cells without a full stop (「审查：审查申请材料」) are duties; 运行流程及岗位责任 beside a 责任事项 column is kept as it is."""
    powers = [["序号", "权力编码", "事项名称", "子项名称", "权力类型"], ["1", "NX-XK-001", "社会团体成立登记", "", "行政许可"],
              ["2", "441700-ZJ-XK-0002-01", "商品房预售许可", "首次", "行政许可"],
              ["", "441700-ZJ-XK-0002-02", "商品房预售许可", "变更", "行政许可"]]
    duties = [["权力编码", "责任事项"], ["NX-XK-001（子项1、2）", "1.受理责任：依法受理。"], ["ZJ-XK-0002", "1.受理责任：受理。"]]
    doc = parse_list(_workbook(tmp_path / "某市住房和城乡建设局权责清单.xlsx", {"权力清单": powers, "责任清单": duties}))
    assert [(r.item_name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("社会团体成立登记", ["受理"]), ("商品房预售许可", ["受理"]), ("商品房预售许可", ["受理"])]
    ticks = tmp_path / "某区民政局权责清单.csv"
    ticks.write_text("序号,事项名称,权力类型,受理责任,审查责任,决定责任,送达责任,公开,监督\n"
                     "1,社会团体成立登记,行政许可,受理申请。,审查材料。,作出决定。,发给证书。,主动公开,12345\n", encoding="utf-8")
    record = parse_list(ticks).records[0]
    assert [d.stage for d in record.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert record.extra.get("公开") == "主动公开" and record.extra.get("监督") == "12345"
    short = tmp_path / "某县水务局权责清单.csv"
    short.write_text("序号,事项名称,权力类型,环节1,环节2\n1,取水许可,行政许可,受理：接收申请材料,审查：审查申请材料\n", encoding="utf-8")
    assert [d.stage for d in parse_list(short).records[0].responsibilities] == ["受理", "审查"]
    flow = tmp_path / "某区水务局权责清单.csv"
    flow.write_text("序号,事项名称,权力类型,责任事项,运行流程及岗位责任\n1,取水许可,行政许可,\"1.受理责任：受理。2.决定责任：决定。\","
                    "窗口受理→科室审核→局长审批\n", encoding="utf-8")
    record = parse_list(flow).records[0]
    assert [d.stage for d in record.responsibilities] == ["受理", "决定"] and "局长审批" not in record.responsibilities[-1].text
    assert record.extra.get("运行流程及岗位责任") == "窗口受理→科室审核→局长审批"


def test_the_eighty_fifth_and_sixth_samples_layouts(tmp_path):
    """A second header row under 事项名称 and 责任事项 with a long catch-all (其他法律法规规章文件规定应履行的责任) and two stages a
    header joins with 或 (解除或处理责任); a sub-item row whose stage columns are all blank reads its item's (安徽); 「同上」 under
    stage rows (舟山); 「同1-1」, 「参照第3项执行」 and 「责任事项同“…”（code）」 (丰台, 福山, 平江), not a 序号 its sub-items share
    with unlike duties (祁门); a duties cell going on with 「追责情形：」 (永济); steps written 「接件（…）；核查（…）」; a code in
    brackets after the name; 「（共4项）」 and 「◆」 around a name."""
    permits = [["序号", "权力编码", "事项名称", "", "实施依据", "责任事项", "", "", "", "", "", "备注"],
               ["", "", "主项", "子项", "", "受理责任", "审查责任", "决定责任", "送达责任", "事后监管责任",
                "其他法律法规规章文件规定应履行的责任", ""],
               ["1", "JT-XK-0001", "公路超限运输许可", "跨省超限运输许可", "《公路法》第五十条", "依法受理申请。", "审查材料。",
                "作出准予或者不予许可的决定。", "出具通行证。", "检查通行情况。", "其他责任。", ""],
               ["", "", "", "省内超限运输许可", "", "", "", "", "", "", "", "责任事项同上"]]
    measures = [["序号", "事项名称", "权力类型", "责任事项", "", "", "追责情形"],
                ["", "", "", "审批责任", "实施责任", "解除或处理责任", ""],
                ["1", "扣留损坏公路设施的车辆", "行政强制", "报负责人批准。", "两名以上执法人员实施。", "及时作出处理决定。", ""]]
    doc = parse_list(_workbook(tmp_path / "某省交通运输厅权责清单.xlsx", {"行政许可": permits, "行政强制": measures}))
    assert [(r.name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("公路超限运输许可（跨省超限运输许可）", ["受理", "审查", "决定", "送达", "事后监管", "其他"]),
        ("公路超限运输许可（省内超限运输许可）", ["受理", "审查", "决定", "送达", "事后监管", "其他"]),
        ("扣留损坏公路设施的车辆", ["决定", "执行", "解除"])]
    staged = [["序号", "事项名称", "子项名称", "权力类型", "责任环节", "具体内容"],
              ["1", "渔业捕捞许可", "大中型渔船", "行政许可", "受理", "受理申请。"], ["", "", "", "", "审核", "核查指标。"],
              ["", "", "", "", "决定", "作出准予许可决定。"], ["", "", "捕捞辅助船", "", "", "同上"]]
    doc = parse_list(_workbook(tmp_path / "某市海洋与渔业局权责清单.xlsx", {"Sheet": staged}))
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "决定"]] * 2
    refer = tmp_path / "某区教育委员会权责清单.csv"
    refer.write_text("序号,事项名称,子项名称,权力类型,责任事项\n1,民办学校设立、变更和终止审批（共3项）,,行政许可,\n"
                     "1-1,,设立审批,行政许可,\"1.受理责任：受理。2.审查责任：审查。3.决定责任：决定。\"\n1-2,,分立审批,行政许可,同1-1\n"
                     "2,教师资格认定,,行政许可,参照第1-1项执行。\n", encoding="utf-8")
    doc = parse_list(refer)
    assert [(r.name, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("民办学校设立、变更和终止审批（设立审批）", ["受理", "审查", "决定"]),
        ("民办学校设立、变更和终止审批（分立审批）", ["受理", "审查", "决定"]), ("教师资格认定", ["受理", "审查", "决定"])]
    ambiguous = tmp_path / "某县林业局权责清单.csv"
    ambiguous.write_text("序号,事项名称,子项名称,权力类型,责任事项\n3,对盗伐、滥伐林木的处罚,盗伐,行政处罚,\"1.立案责任：立案。2.告知责任：告知。\"\n"
                         "3,对盗伐、滥伐林木的处罚,滥伐,行政处罚,\"1.立案责任：立案。\"\n4,对收购盗伐林木的处罚,,行政处罚,参照3执行\n",
                         encoding="utf-8")
    assert parse_list(ambiguous).records[-1].responsibilities[0].text == "参照3执行"
    powers = [["序号", "权力编码", "权力名称", "权力类别"], ["1", "LY-CF-001", "对盗伐林木的处罚", "行政处罚"],
              ["2", "LY-CF-002", "对滥伐林木的处罚", "行政处罚"]]
    duties = [["权力编码", "权力名称", "责任事项", "责任事项内容"], ["LY-CF-001", "对盗伐林木的处罚", "立案责任", "立案。"],
              ["", "", "调查责任", "调查取证。"], ["LY-CF-002", "对滥伐林木的处罚", "—", "责任事项同“对盗伐林木的处罚”（LY-CF-001）。"]]
    doc = parse_list(_workbook(tmp_path / "某县林业局权责清单.xlsx", {"权力清单": powers, "责任清单": duties}))
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["立案", "调查"], ["立案", "调查"]]
    both = tmp_path / "某市应急管理局权责清单.csv"
    both.write_text("序号,权力事项（事项编码）,权力类别,责任事项及追责情形\n"
                    "1,\"◆烟花爆竹经营（零售）许可\n（140881-XK-00102）\",行政许可,\"责任事项：接件（核对申请材料，一次告知补正）；核查（实地核查）；"
                    "批办（作出是否核发许可证的决定）；发证（核发烟花爆竹经营（零售）许可证）。\n追责情形：1.对不符合条件的零售点核发许可证的。\"\n"
                    "2,\"安全生产监督检查\n（140881-JC-00001）\",行政检查,检查：开展检查。\n", encoding="utf-8")
    record, inspection = parse_list(both).records
    assert (record.item_name, record.code, record.extra.get("名称标记")) == ("烟花爆竹经营（零售）许可", "140881-XK-00102", "◆")
    assert (inspection.item_name, inspection.code) == ("安全生产监督检查", "140881-JC-00001")
    # (批办 no stage's word: a case handed to its officer too; its 「作出…的决定」 read where the rule looks for the decision)
    assert [d.stage for d in record.responsibilities] == ["受理", "审查", None, "送达"]
    assert record.accountability_situations == "1.对不符合条件的零售点核发许可证的。" and "追责" not in record.responsibility_text


def test_cards_headed_by_their_number_in_brackets_with_the_name_after_it(tmp_path):
    """邯郸's 「【事项1】建设用地规划许可证核发」 over 权力编码 | … | 权力类型 | 行政许可 rows (no 事项名称 label); 崇左's 「【第1项】行政许可」
    over a card with its own 权力类型 label stays one card."""
    def card(n: int, name: str) -> list[list[str]]:
        return [[f"【事项{n}】{name}", "", "", ""], ["权力编码", f"ZR-XK-00{n}", "权力类型", "行政许可"],
                ["实施依据", "《城乡规划法》第三十七条", "", ""], ["责任事项", "1.受理责任：受理。\n2.审查责任：审查。", "", ""], ["", "", "", ""]]
    rows = [["某市自然资源和规划局权责清单", "", "", ""], ["", "", "", ""], *card(1, "建设用地规划许可证核发"), *card(2, "建设工程规划许可证核发")]
    doc = parse_list(_workbook(tmp_path / "某市自然资源和规划局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.item_name, r.code, r.type) for r in doc.records] == [
        ("建设用地规划许可证核发", "ZR-XK-001", "行政许可"), ("建设工程规划许可证核发", "ZR-XK-002", "行政许可")]
    typed = [["某市生态环境局权力清单", "", "", ""], ["【第1项】行政许可", "", "", ""],
             ["事项名称", "排污许可", "事项编码", "HJ-XK-01"], ["权力类型", "行政许可", "实施主体", "某市生态环境局"],
             ["责任事项", "1.受理责任：受理。", "", ""], ["", "", "", ""], ["【第2项】行政处罚", "", "", ""],
             ["事项名称", "对超标排放的处罚", "事项编码", "HJ-CF-01"], ["权力类型", "行政处罚", "实施主体", "某市生态环境局"],
             ["责任事项", "1.立案责任：立案。", "", ""]]
    doc = parse_list(_workbook(tmp_path / "某市生态环境局权责清单.xlsx", {"Sheet": typed}))
    assert [(r.item_name, r.type, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("排污许可", "行政许可", ["受理"]), ("对超标排放的处罚", "行政处罚", ["立案"])]


def test_a_cold_review_of_the_thirty_third_sessions_readings(tmp_path):
    """A reviewer's lists for the readings above: a standard's number or a date in brackets after a name is no code (and codes
    are read from names only where most records carry one); another body's 「其他相关职能部门应承担的监管责任」 is no catch-all
    stage; 「同第2项」 where a second section numbers afresh is the nearest item 2; 「同上」 under stage rows whose lines do not
    close with a full stop copies the duties as they were read; a sub-item whose remarks say it has none, or of another type,
    inherits nothing; 「★★★级」 keeps its stars; a step 「责任追究：」 stays a step where the list has a column of the accountability."""
    names = tmp_path / "某市市场监督管理局权责清单.csv"
    names.write_text("序号,事项名称,权力类型,责任事项\n1,对二次供水不符合标准的处罚（GB5749-2022）,行政处罚,立案责任：立案。\n"
                     "2,对使用淘汰设备的处罚（2013-12-07）,行政处罚,立案责任：立案。\n3,食品经营许可（330100-SC-XK-001）,行政许可,受理责任：受理。\n",
                     encoding="utf-8")
    assert [(r.item_name, r.code) for r in parse_list(names).records] == [
        ("对二次供水不符合标准的处罚（GB5749-2022）", ""), ("对使用淘汰设备的处罚（2013-12-07）", ""), ("食品经营许可（330100-SC-XK-001）", "")]
    others = tmp_path / "某县行政审批服务局权责清单.csv"
    others.write_text("序号,事项名称,权力类型,受理责任,审查责任,决定责任,送达责任,其他相关职能部门应承担的监管责任\n"
                      "1,食品经营许可,行政许可,依法受理申请。,审查申请材料。,作出准予许可决定。,送达许可证。,市场监管部门负责批后监管。\n",
                      encoding="utf-8")
    record = parse_list(others).records[0]
    assert [d.stage for d in record.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert "批后监管" in record.extra.get("其他相关职能部门应承担的监管责任", "")
    sections = [["序号", "事项名称", "权力类型", "责任事项"], ["一、行政许可", "", "", ""],
                ["1", "食品经营许可", "行政许可", "1.受理责任：受理。2.审查责任：审查。"],
                ["2", "食品生产许可", "行政许可", "1.受理责任：受理。2.决定责任：决定。"], ["二、行政处罚", "", "", ""],
                ["1", "对无证经营的处罚", "行政处罚", "1.立案责任：立案。2.调查责任：调查。"], ["2", "对超范围经营的处罚", "行政处罚", "1.告知责任：告知。"],
                ["3", "对使用过期原料的处罚", "行政处罚", "同第2项"]]
    doc = parse_list(_workbook(tmp_path / "某市市场监督管理局权责清单.xlsx", {"Sheet": sections}))
    assert [d.stage for d in doc.records[-1].responsibilities] == ["告知"]
    staged = [["序号", "事项名称", "子项名称", "权力类型", "责任环节", "具体内容", "备注"],
              ["1", "渔业捕捞许可", "大中型渔船", "行政许可", "受理", "受理申请，一次性告知补正材料", ""],
              ["", "", "", "", "审核", "核查船网工具指标", ""], ["", "", "", "", "决定", "作出准予或不予许可决定", ""],
              ["", "", "捕捞辅助船", "", "", "同上", ""]]
    doc = parse_list(_workbook(tmp_path / "某市海洋与渔业局权责清单.xlsx", {"Sheet": staged}))
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "决定"]] * 2
    head = ["序号", "权力编码", "事项名称", "子项名称", "权力类型", "受理责任", "审查责任", "决定责任", "备注"]
    subs = [head, ["1", "JT-XK-01", "公路施工许可", "", "行政许可", "受理。", "审查。", "决定。", ""],
            ["", "", "", "省内施工许可", "", "", "", "", "责任事项同上"],
            ["", "", "", "涉路施工备案", "其他行政权力", "", "", "", ""],
            ["", "", "", "跨市施工许可", "", "", "", "", "该子项已划转至市交通运输局实施，本级不再承担责任事项"]]
    doc = parse_list(_workbook(tmp_path / "某省交通运输厅权责清单.xlsx", {"Sheet": subs}))
    assert [(r.sub_item_name, len(r.responsibilities)) for r in doc.records] == [
        ("", 3), ("省内施工许可", 3), ("涉路施工备案", 0), ("跨市施工许可", 0)]
    marks = tmp_path / "某市文化广电和旅游局权责清单.csv"
    marks.write_text("序号,事项名称,权力类型,责任事项,追责情形\n1,★★★级及以下旅游饭店星级评定,其他行政权力,受理责任：受理。,1.不公正的。\n"
                     "2,对安全生产工作的考核,其他行政权力,\"考核责任：组织考核。\n责任追究：对考核不合格的依法追究责任。\",1.考核不公正的。\n",
                     encoding="utf-8")
    stars, assess = parse_list(marks).records
    assert stars.item_name == "★★★级及以下旅游饭店星级评定" and "名称标记" not in stars.extra
    assert "责任追究" in assess.responsibility_text and assess.accountability_situations == "1.考核不公正的。"


def test_a_table_printed_in_two_columns_steps_joined_by_arrows_and_codes_in_square_brackets(tmp_path):
    """开阳's 「双栏排印」: one header written twice side by side, items 1–2 on the left and 3 on the right of the same rows —
    three records, the right half's after the left's, not two joined; 虹口's 「受理：…→调查：…→审批：…」 a step each; 什刹海's
    header 职权名称〔职权编码〕 and its names' 〔C1912600〕 codes."""
    head = ["序号", "权力类型", "事项名称", "责任事项"]
    rows = [["某县人力资源和社会保障局权责清单", "", "", "", "", "", "", "", ""], [*head, "", *head],
            ["1", "行政许可", "劳务派遣经营许可", "1.受理责任：受理。2.审查责任：审查。", "", "3", "行政确认", "工伤认定", "1.受理责任：受理。"],
            ["2", "行政检查", "劳动保障监察", "1.检查责任：检查。", "", "", "", "", ""], ["", "", "", "", "", "", "", "", ""],
            ["注：追责情形按有关规定执行。", "", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "某县人力资源和社会保障局", "", "2023年8月"]]
    doc = parse_list(_workbook(tmp_path / "某县人力资源和社会保障局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.seq, r.type, r.item_name) for r in doc.records] == [
        ("1", "行政许可", "劳务派遣经营许可"), ("2", "行政检查", "劳动保障监察"), ("3", "行政确认", "工伤认定")]
    assert any("双栏排印" in w.message for w in doc.warnings)
    arrows = tmp_path / "某街道办事处权责清单.csv"
    arrows.write_text("序号,类别,事项名称,办理流程及责任（“→”连接）\n1,行政给付,临时救助,受理：受理申请→调查：入户调查→审批：作出审批决定→发放：发放救助\n",
                      encoding="utf-8")
    assert [d.stage for d in parse_list(arrows).records[0].responsibilities] == ["受理", "调查", "决定", "送达"]
    square = tmp_path / "某区城市管理委员会权责清单.csv"
    square.write_text("序号,职权名称〔职权编码〕,职权类型,责任事项\n1,对擅自设置户外广告的处罚〔C1912600〕,行政处罚,立案责任：立案。\n"
                      "2,对违法建设的处罚〔C1912700〕,行政处罚,立案责任：立案。\n", encoding="utf-8")
    assert [(r.item_name, r.code) for r in parse_list(square).records] == [
        ("对擅自设置户外广告的处罚", "C1912600"), ("对违法建设的处罚", "C1912700")]


def test_cells_naming_a_term_the_notes_below_the_table_define(tmp_path):
    """普洱's 「通用许可责任」 and 「见附注二」 in the duty cells, defined below the table (「附注一　通用许可责任：1.受理责任：…」): read as
    the note's text; a cell that only mentions the term among other words is left as it is."""
    rows = [["序号", "事项名称", "权力类型", "责任事项", "追责情形"],
            ["1", "农药经营许可", "行政许可", "通用许可责任", "见附注二"],
            ["2", "兽药经营许可", "行政许可", "参照通用许可责任办理。", ""],
            ["附注一　通用许可责任：1.受理责任：依法受理。2.审查责任：审查材料。3.决定责任：作出决定。", "", "", "", ""],
            ["附注二　许可类追责情形：1.对符合法定条件的申请不予受理的。", "", "", "", ""]]
    doc = parse_list(_workbook(tmp_path / "某市农业农村局权责清单.xlsx", {"Sheet": rows}))
    first, second = doc.records
    assert [d.stage for d in first.responsibilities] == ["受理", "审查", "决定"]
    assert first.accountability_situations == "1.对符合法定条件的申请不予受理的。"
    assert second.responsibility_text == "参照通用许可责任办理。"


def test_the_eighty_seventh_and_eighth_samples_layouts(tmp_path):
    """铁岭's export a line a stage, 「01受理」 | 「02审查」: the steps' numbers no part of their names; 黄陵's 类别 over two header
    rows, 职权基本情况 over 职权名称 | 职权来源 | 实施依据, its cells the types, merged down over each type's rows."""
    export = tmp_path / "某市生态环境局权责清单.csv"
    export.write_text("SEQ,ITEM_CODE,ITEM_NAME,POWER_TYPE,DUTY_STAGE,DUTY_CONTENT\n1,HJ-XK-01,排污许可证核发,行政许可,01受理,接收申请。\n"
                      "1,HJ-XK-01,排污许可证核发,行政许可,02审查,审查材料。\n1,HJ-XK-01,排污许可证核发,行政许可,03决定,作出决定。\n",
                      encoding="utf-8")
    assert [d.stage for d in parse_list(export).records[0].responsibilities] == ["受理", "审查", "决定"]
    rows = [["类别", "序号", "职权基本情况", "", "", "责任清单", "", "承办机构"],
            ["", "", "职权名称", "职权来源", "实施依据", "责任事项", "追责情形", ""],
            ["行政许可", "1", "农村村民宅基地审批", "法定", "《土地管理法》第六十二条", "1.受理责任：受理。", "", "农业综合服务站"],
            ["行政处罚", "2", "对违法建设的处罚", "法定", "《城乡规划法》第六十五条", "1.立案责任：立案。", "", "综合执法办"],
            ["", "3", "对露天焚烧秸秆的处罚", "县级赋权", "《大气污染防治法》第一百一十九条", "1.立案：立案。", "", "综合执法办"]]
    doc = parse_list(_workbook(tmp_path / "某县某镇人民政府权责清单.xlsx", {"Sheet": rows}))
    assert [(r.seq, r.type, r.item_name) for r in doc.records] == [
        ("1", "行政许可", "农村村民宅基地审批"), ("2", "行政处罚", "对违法建设的处罚"), ("3", "行政处罚", "对露天焚烧秸秆的处罚")]


def test_a_note_saying_what_the_stage_columns_hold_for_penalties_and_stage_rows_numbered_again(tmp_path):
    """衡水's 「说明：行政处罚…按“受理责任”对应立案（启动）环节、“审查责任”对应调查审查环节、“决定责任”对应告知和决定环节、
    “事后监管责任”对应执行环节填写。」 above a permit's columns: a penalty in them read as the note says; 湖南's export writes the
    item's SEQ again on each of its stage lines: still the item's steps."""
    rows = [["某市住房和城乡建设局权责清单", "", "", "", "", "", ""],
            [("说明：行政处罚等事项的责任环节按“受理责任”对应立案（启动）环节、“审查责任”对应调查审查环节、“决定责任”对应告知和决定环节、"
              "“事后监管责任”对应执行环节填写。"), "", "", "", "", "", ""],
            ["序号", "权力名称", "权力类型", "受理责任", "审查责任", "决定责任", "事后监管责任"],
            ["1", "对擅自预售商品房的处罚", "行政处罚", "核查线索后立案。", "调查取证并审查。", "告知拟处罚内容后作出决定。", "监督履行。"]]
    record = parse_list(_workbook(tmp_path / "某市住房和城乡建设局权责清单.xlsx", {"Sheet": rows})).records[0]
    assert [d.text.split("\n")[0] for d in record.responsibilities] == ["受理、立案责任", "审查、调查责任", "决定、告知责任",
                                                                         "事后监管、执行责任"]
    export = tmp_path / "某省农业农村厅权责清单.csv"
    export.write_text("SEQ,ITEM_CODE,ITEM_NAME,ITEM_TYPE,RESP_STAGE,RESP_CONTENT\n1,NY-01,农药生产许可,01-行政许可,受理,受理申请。\n"
                      "1,NY-01,,,审查,审查材料。\n1,NY-01,,,决定,作出决定。\n2,NY-02,兽药生产许可,01-行政许可,受理,受理申请。\n",
                      encoding="utf-8")
    assert [(r.item_name, r.type, [d.stage for d in r.responsibilities]) for r in parse_list(export).records] == [
        ("农药生产许可", "行政许可", ["受理", "审查", "决定"]), ("兽药生产许可", "行政许可", ["受理"])]


def test_a_second_cold_review_of_the_thirty_third_sessions_readings(tmp_path):
    """A reviewer's lists for the later readings: a note on a column, a type or a stage (「注1：实施依据：…」, 「注2：受理：…」)
    replaces no cell; two tables of the same fields side by side, each numbered from 1 (调整前 | 调整后), are not one table in
    two columns of print; who does each step joined by arrows (「窗口：…→科室：…→分管领导：…」) stays one text; 其他 | 备案 under a
    服务方式 column are no types; a note on what the columns hold for penalties leaves a measure's columns as they are; 「24小时内
    受理」 keeps its number."""
    noted = [["序号", "事项名称", "权力类型", "实施依据", "受理责任", "决定责任"],
             ["1", "食品经营许可", "行政许可", "《食品安全法》第三十五条", "受理", "作出决定。"],
             ["注1：实施依据：所列法律法规以现行有效版本为准。", "", "", "", "", ""],
             ["注2：受理：申请人通过政务服务网提交申请的，在线受理。", "", "", "", "", ""]]
    record = parse_list(_workbook(tmp_path / "某市市场监督管理局权责清单.xlsx", {"Sheet": noted})).records[0]
    assert record.basis_text == "《食品安全法》第三十五条" and [d.stage for d in record.responsibilities] == ["受理", "决定"]
    head = ["序号", "事项名称", "权力类型"]
    pair = [["调整前", "", "", "", "调整后", "", ""], [*head, "", *head], ["1", "食品经营许可", "行政许可", "", "1", "食品经营许可（含备案）", "行政许可"],
            ["2", "对无照经营的处罚", "行政处罚", "", "2", "对无照经营的处罚（含责令改正）", "行政处罚"]]
    doc = parse_list(_workbook(tmp_path / "某市市场监督管理局权责清单调整对照表.xlsx", {"Sheet": pair}))
    assert not any("双栏排印" in w.message for w in doc.warnings) and len(doc.records) == 2
    roles = tmp_path / "某县民政局权责清单.csv"
    roles.write_text("序号,事项名称,权力类型,责任事项,服务方式\n1,临时救助,行政给付,窗口：受理申请材料→科室：审核材料→分管领导：审批签发,其他\n"
                     "2,最低生活保障,行政给付,受理：受理申请→调查：入户调查→审批：作出审批决定→发放：发放救助,备案\n", encoding="utf-8")
    first, second = parse_list(roles).records
    assert len(first.responsibilities) == 1 and "→" in first.responsibility_text
    assert [d.stage for d in second.responsibilities] == ["受理", "调查", "决定", "送达"]
    assert (first.type, second.type, first.extra.get("服务方式")) == ("行政给付", "行政给付", "其他")
    columns = [["说明：行政处罚事项的“事后监管责任”对应执行环节填写。", "", "", "", ""],
               ["序号", "事项名称", "权力类型", "决定责任", "事后监管责任"],
               ["1", "对无证经营的处罚", "行政处罚", "作出处罚决定。", "督促履行。"],
               ["2", "查封违法经营场所", "行政强制", "作出查封决定。", "跟踪检查。"]]
    penalty, measure = parse_list(_workbook(tmp_path / "某市市场监督管理局权责清单.xlsx", {"Sheet": columns})).records
    assert penalty.responsibilities[-1].text.startswith("事后监管、执行责任")
    assert measure.responsibilities[-1].text.startswith("事后监管责任")
    hours = tmp_path / "某县自然资源局权责清单.csv"
    hours.write_text("序号,事项名称,权力类型,办理环节,责任事项内容\n1,临时用地审批,行政许可,24小时内受理,受理申请。\n", encoding="utf-8")
    assert parse_list(hours).records[0].responsibilities[0].text.startswith("24小时内受理")


def test_a_tick_matrix_beside_the_duties_in_prose_headed_specific_content(tmp_path):
    """南丰's 受理/立案责任 | … | 执行/监管责任 columns of √ beside 具体责任内容: the prose is the duties, the ticks no step's text."""
    ticks = tmp_path / "某县农业农村局权责清单.csv"
    ticks.write_text("序号,事项名称,权力类型,决定责任,执行/监管责任,具体责任内容\n"
                     "1,查封违法经营的农药,行政强制,√,√,\"1.决定责任：经负责人批准作出查封决定。2.处理责任：三十日内作出处理决定，及时解除查封。\"\n",
                     encoding="utf-8")
    record = parse_list(ticks).records[0]
    assert [d.stage for d in record.responsibilities] == ["决定", "处置"] and "√" not in record.responsibility_text


def test_a_name_column_holding_its_code_and_type_and_steps_named_in_turn(tmp_path):
    """宁阳's 【编码】权力名称（类型） over 「【370921-XK-0002】教师资格认定（行政许可）」: the code and the type read from the name's
    cell; 责任环节 「受理→审查→决定」 beside 各环节责任内容 「…｜…｜…」: a duty each, in order. Beside a type column of its own, a
    header's bracket leaves the type where it is; 「市级、县级」 is no run of steps."""
    rows = [["宁阳县教育和体育局权力清单和责任清单", "", "", "", ""],
            ["序号", "【编码】权力名称（类型）", "法律依据", "责任环节", "各环节责任内容（按左栏环节顺序以“｜”分隔）"],
            ["1", "【370921-XK-0002】教师资格认定（行政许可）", "《教师法》第十三条", "受理→审查→决定→送达",
             "受理网上申报｜审查学历、体检结果｜作出认定决定｜颁发教师资格证书"],
            ["2", "【370921-JC-0001】对学校办学行为的督导检查（行政检查）", "《教育法》第二十五条", "检查→反馈→整改",
             "组织督导检查｜反馈意见"],
            ["3", "【370921-CF-0003】对擅自经营高危险性体育项目的处罚（行政处罚）", "《全民健身条例》第三十六条", "",
             "依照行政处罚法规定程序实施。"]]
    permit, inspection, penalty = parse_list(_workbook(tmp_path / "宁阳县教育和体育局权责清单.xlsx", {"Sheet": rows})).records
    assert (permit.item_name, permit.code, permit.type) == ("教师资格认定", "370921-XK-0002", "行政许可")
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查", "决定", "送达"]
    assert permit.responsibilities[3].text == "送达\n颁发教师资格证书"
    # (two parts for three names: read as it was, one duty)
    assert len(inspection.responsibilities) == 1 and inspection.responsibilities[0].text.startswith("检查→反馈→整改")
    assert (penalty.type, penalty.code, len(penalty.responsibilities)) == ("行政处罚", "370921-CF-0003", 1)
    typed = [["序号", "事项名称（类型）", "权力类型", "办理环节", "责任事项内容"],
             ["1", "食品经营许可（行政许可）", "行政许可", "市级、县级", "受理申请并审查。"]]
    record = parse_list(_workbook(tmp_path / "某市市场监督管理局权责清单.xlsx", {"Sheet": typed})).records[0]
    assert record.item_name == "食品经营许可（行政许可）" and len(record.responsibilities) == 1


def test_three_header_rows_under_duty_phases_a_row_going_on_and_an_outline_of_parts(tmp_path):
    """磴口: 权力事项 over 名称 | 类别 | 编码 and 履责环节与内容 over 事前 | 事中 | 事后 over the stages, a header of three rows
    (the name's column 权力事项名称); a row 「（续上）」 goes on with the record above. 原平: 编号 | 条目类别 | 内容 | 权力类型,
    each line an item, a sub-item, its basis, a step of its duties or its accountability: a record an item (a sub-item)."""
    rows = [["磴口县城市管理综合行政执法局权责清单", "", "", "", "", "", "", "", ""],
            ["序号", "权力事项", "", "", "履责环节与内容", "", "", "", "追究责任的情形"],
            ["", "名称", "类别", "编码", "事前", "", "事中", "事后", ""],
            ["", "", "", "", "立案", "调查取证", "决定", "执行", ""],
            ["1", "对擅自设置大型户外广告的处罚", "行政处罚", "150822-CG-CF-004", "登记立案。", "现场勘查。",
             "作出限期拆除的决定。", "逾期不拆除的，依法强制拆除。", "滥用职权的。"],
            ["（续上）", "", "", "", "", "", "", "对强制拆除，须先行书面催告。", ""]]
    record, = parse_list(_workbook(tmp_path / "磴口县城市管理综合行政执法局权责清单.xlsx", {"Sheet": rows})).records
    assert (record.item_name, record.type, record.code) == ("对擅自设置大型户外广告的处罚", "行政处罚", "150822-CG-CF-004")
    assert [d.stage for d in record.responsibilities] == ["立案", "调查", "决定", "执行", "执行"]
    assert "书面催告" in record.responsibilities[-1].text and record.accountability_situations == "滥用职权的。"
    outline = [["原平市水利局权责清单", "", "", ""],
               ["编号", "条目类别", "内容", "权力类型"],
               ["01", "事项", "取水许可", "行政许可"],
               ["01-1", "子项", "\u3000取水许可（新办）", ""],
               ["01-2", "子项", "\u3000取水许可（延续）", ""],
               ["01-Y", "依据", "\u3000《水法》第四十八条", ""],
               ["01-Z1", "责任", "\u3000\u3000受理：依法受理。", ""],
               ["01-Z2", "责任", "\u3000\u3000决定：作出审批决定。", ""],
               ["01-W", "追责", "\u3000违法审批的。", ""],
               ["02", "事项", "对未经批准擅自取水的处罚", "行政处罚"],
               ["02-Z1", "责任", "立案：报经负责人批准立案。", ""]]
    doc = parse_list(_workbook(tmp_path / "原平市水利局权责清单.xlsx", {"Sheet": outline}))
    assert [(r.item_name, r.sub_item_name, r.type) for r in doc.records] == [
        ("取水许可", "取水许可（新办）", "行政许可"), ("取水许可", "取水许可（延续）", "行政许可"),
        ("对未经批准擅自取水的处罚", "", "行政处罚")]
    first = doc.records[0]
    assert [d.stage for d in first.responsibilities] == ["受理", "决定"] and first.basis_text == "《水法》第四十八条"
    assert first.accountability_situations == "违法审批的。" and first.row == 4
    assert any("每行是一个事项的一部分" in w.message for w in doc.warnings)
    kinds = [["序号", "事项名称", "类型", "备注"], ["1", "取水许可", "行政许可", ""], ["2", "河道采砂许可", "行政许可", ""]]
    assert [r.type for r in parse_list(_workbook(tmp_path / "某县水利局权责清单.xlsx", {"Sheet": kinds})).records] == [
        "行政许可", "行政许可"]


def test_a_list_written_as_a_document_down_one_column(tmp_path):
    """拓东: the whole list in column A, as a document: a type's section 「一、行政确认（1项）」, an item's numbered heading
    「（一）…」, its parts a line each 「事项编码：…」, 「责任事项：」 with its numbered lines under it, 「追责情形：…」; the
    opening paragraph and the closing lines (the office, the date, after a blank line) are no item's."""
    lines = ["昆明市盘龙区拓东街道办事处权责清单", "（2024年版）", "",
             "根据法律法规规章和盘龙区人民政府向街道赋权的有关规定，梳理拓东街道办事处依法履行的行政权力事项共3项，其中行政确认1项。",
             "", "一、行政确认（1项）", "（一）最低生活保障申请受理及审核", "事项编码：530103-TD-QR-001",
             "实施依据：《社会救助暂行办法》第十一条。", "责任事项：", "1.受理责任：接收申请人书面申请。", "2.审核责任：提出审核意见。",
             "追责情形：对符合条件的申请不予受理的。", "承办机构：社会事务办公室", "", "二、行政处罚（2项）",
             "（一）对在城市建筑物上涂写、刻画的行政处罚", "事项编码：530103-TD-CF-001", "实施依据：《城市市容和环境卫生管理条例》第三十四条。",
             "责任事项：1.立案：报负责人批准立案。2.调查：现场取证。", "承办机构：综合行政执法队", "",
             "（二）对随意倾倒垃圾的行政处罚", "事项编码：530103-TD-CF-002", "责任事项：依法查处。", "",
             "昆明市盘龙区拓东街道办事处", "2024年2月"]
    doc = parse_list(_workbook(tmp_path / "昆明市盘龙区拓东街道办事处权责清单.xlsx", {"Sheet": [[v] for v in lines]}))
    assert [(r.item_name, r.type, r.code) for r in doc.records] == [
        ("最低生活保障申请受理及审核", "行政确认", "530103-TD-QR-001"),
        ("对在城市建筑物上涂写、刻画的行政处罚", "行政处罚", "530103-TD-CF-001"),
        ("对随意倾倒垃圾的行政处罚", "行政处罚", "530103-TD-CF-002")]
    first, second, third = doc.records
    assert [d.stage for d in first.responsibilities] == ["受理", "审查"] and first.row == 7
    assert first.accountability_situations == "对符合条件的申请不予受理的。" and first.unit == "社会事务办公室"
    assert [d.stage for d in second.responsibilities] == ["立案", "调查"] and second.basis_text.startswith("《城市市容")
    assert third.responsibility_text == "依法查处。" and not third.unit  # (the closing lines no part of it)
    assert any("一列写成的文档" in w.message for w in doc.warnings)
    # one item alone is no document: refused, its header not found
    assert "没有可识别的表头" in str(refused(_workbook(tmp_path / "某街道办事处权责清单.xlsx", {"Sheet": [[v] for v in lines[:15]]})))


def test_ticks_read_by_a_sheet_of_common_duties_and_a_groups_common_duties(tmp_path):
    """农安: 通用责任事项 (权力类别 | 环节 | 对应栏目 | 通用责任内容) and a list ticking each item's columns: a ticked cell its type's
    steps for that column (a 查封's 执行（事后监管） its 处理（解除））; an unticked one nothing. 丹江口: 「本类事项共性责任事项：…」
    over a group's items, each item's own duties after them, unless it says they are not its."""
    grid = [["序号", "权力类别", "事项名称", "履职环节（对应《通用责任事项》）", "", ""],
            ["", "", "", "受理（立案）", "决定", "执行（事后监管）"],
            ["1", "行政许可", "农药经营许可", "√", "√", ""],
            ["2", "行政强制", "查封违法经营的农药", "", "√", "√"]]
    common = [["通用责任事项", "", "", ""], ["权力类别", "环节", "对应栏目", "通用责任内容"],
              ["行政许可", "受理", "受理（立案）", "依法受理申请。"], ["", "决定", "决定", "作出许可决定。"],
              ["", "事后监管", "执行（事后监管）", "监督检查。"],
              ["行政强制", "决定", "决定", "制作查封决定书。"], ["", "处理（解除）", "执行（事后监管）", "及时解除查封。"]]
    doc = parse_list(_workbook(tmp_path / "农安县农业农村局权责清单.xlsx", {"权责清单": grid, "通用责任事项": common}))
    permit, seizure = doc.records
    assert [d.stage for d in permit.responsibilities] == ["受理", "决定"]
    assert "依法受理申请" in permit.responsibilities[0].text and "√" not in permit.responsibility_text
    assert seizure.responsibilities[-1].text.endswith("处理（解除）：及时解除查封。")
    assert any("通用责任事项" in w.message for w in doc.warnings)
    rows = [["序号", "事项名称", "事项类别", "责任事项（个性）"],
            ["一、行政许可类", "", "", ""],
            ["本类事项共性责任事项：1.受理责任：依法受理。2.决定责任：作出决定。", "", "", ""],
            ["1", "取水许可", "行政许可", "事后监管：监督检查取水。"],
            ["二、行政处罚类", "", "", ""],
            ["本类事项共性责任事项：1.立案责任：立案。2.决定责任：作出处罚决定。", "", "", ""],
            ["2", "对擅自取水的处罚", "行政处罚", ""],
            ["3", "对未编制水土保持方案的处罚", "行政处罚", "本事项不适用本类共性责任事项，责任事项为：1.立案：立案；2.执行：督促履行。"]]
    permit, penalty, own = parse_list(_workbook(tmp_path / "丹江口市水利和湖泊局权责清单.xlsx", {"Sheet": rows})).records
    assert [d.stage for d in permit.responsibilities] == ["受理", "决定", "事后监管"]
    assert [d.stage for d in penalty.responsibilities] == ["立案", "决定"]
    assert [d.stage for d in own.responsibilities][-1] == "执行" and "受理" not in own.responsibility_text


def test_a_cards_duty_table_stage_letters_a_turned_tables_stage_rows_and_english_implement(tmp_path):
    """三亚's card: 责任事项 | 环节 | 责任内容 then 「 | 受理 | …」 rows, its stage names in a column of labels; 武平's legend 「A—受理/
    立案；B—审查/调查…」 over cells of 「A：…」 lines; 郑州's table on its side, 责任事项 over a second column of stage labels; 博白's
    resp_implement the 执行's column."""
    card = [["【事项一】", "", ""], ["事项名称", "旅行社设立许可", ""], ["事项类型", "行政许可", ""],
            ["责任事项", "环节", "责任内容"], ["", "受理", "依法受理。"], ["", "送达", "颁发许可证。"],
            ["追责情形", "违法许可的。", ""], ["", "", ""],
            ["【事项二】", "", ""], ["事项名称", "对未经许可经营旅行社业务的处罚", ""], ["事项类型", "行政处罚", ""],
            ["责任事项", "环节", "责任内容"], ["", "立案", "予以立案。"], ["追责情形", "违法处罚的。", ""]]
    first, second = parse_list(_workbook(tmp_path / "三亚市旅游和文化广电体育局权责清单.xlsx", {"Sheet": card})).records
    assert [d.stage for d in first.responsibilities] == ["受理", "送达"] and "受理" not in first.extra
    assert [d.stage for d in second.responsibilities] == ["立案"] and second.accountability_situations == "违法处罚的。"
    lettered = [["武平县医疗保障局权责清单", "", "", ""],
                ["责任环节代码说明：A—受理/立案；B—审查/调查；C—告知；D—决定；G—事后监管/跟踪问效", "", "", ""],
                ["序号", "事项名称", "类型", "责任事项（按环节代码）"],
                ["1", "对骗取医疗保障基金的处罚", "行政处罚", "A：予以立案。\nB：调查取证。\nC/D：告知后作出决定。\nG：纳入信用管理。"]]
    record, = parse_list(_workbook(tmp_path / "武平县医疗保障局权责清单.xlsx", {"Sheet": lettered})).records
    assert [d.text.split("：")[0] for d in record.responsibilities] == ["受理、立案", "审查、调查", "告知、决定", "事后监管"]
    turned = [["郑州市医疗保障局权责清单", "", "", ""], ["序号", "", "1", "2"], ["权力类型", "", "行政处罚", "行政强制"],
              ["事项名称", "", "对个人骗取医疗保障基金的处罚", "对可能灭失的资料予以封存"],
              ["责任事项", "受理（立案）", "予以立案。", ""], ["", "决定", "作出处罚决定。", "制作封存决定书。"],
              ["", "送达", "", "当场交付。"], ["追责情形", "", "违法处罚的。", "违法封存的。"]]
    penalty, sealing = parse_list(_workbook(tmp_path / "郑州市医疗保障局权责清单.xlsx", {"Sheet": turned})).records
    assert [d.stage for d in penalty.responsibilities] == ["受理", "决定"]
    assert [d.stage for d in sealing.responsibilities] == ["决定", "送达"] and sealing.accountability_situations == "违法封存的。"
    english = tmp_path / "博白县民政局权责清单.csv"
    english.write_text("item_code,category,item_name,resp_accept,resp_review,resp_decide,resp_implement\n"
                       "MZ-GF-001,行政给付,最低生活保障审批,受理申请材料。,审核家庭经济状况。,作出批准决定。,按月发放保障金。\n",
                       encoding="utf-8")
    assert [d.stage for d in parse_list(english).records[0].responsibilities] == ["受理", "审查", "决定", "执行"]


def test_a_cold_review_of_the_thirty_fourth_sessions_readings(tmp_path):
    """Common duties under no group heading go nowhere, and an item saying they are not its (in other words, or some of
    them) keeps out what it says; a 「（续上）」 row naming a sub-item is a record; a type word in brackets that is no type's
    full name stays in the name, a year is no code, and a header holding only the code leaves the name's type words; a
    stage cell whose arrow is inside brackets, or whose text does not split as its names, is one step; a 「、」 cell splits
    at bars only; a legend of units is no stage letters, and lettered lines of materials stay as they are; an outline's
    sub-items each with parts of their own keep them."""
    loose = [["序号", "事项名称", "事项类别", "责任事项"],
             ["1", "取水许可", "行政许可", "事后监管：监督检查。"],
             ["本类事项共性责任事项：1.受理责任：受理。2.送达责任：送达许可证。", "", "", ""],
             ["2", "对擅自取水的处罚", "行政处罚", "立案：立案。"]]
    doc = parse_list(_workbook(tmp_path / "某县水利局权责清单.xlsx", {"Sheet": loose}))
    assert [d.stage for d in doc.records[1].responsibilities] == ["立案"]
    assert any("不在某一类事项的分组行下" in w.message for w in doc.warnings)
    grouped = [["序号", "事项名称", "事项类别", "责任事项"], ["一、行政许可类", "", "", ""],
               ["本类事项共性责任事项：1.受理责任：受理。2.审查责任：审查。3.送达责任：送达许可证。", "", "", ""],
               ["1", "取水许可", "行政许可", "共性责任不适用本事项。受理：窗口受理。"],
               ["2", "河道采砂许可", "行政许可", "不适用本类共性责任事项中的送达责任。事后监管：旁站监管。"]]
    first, second = parse_list(_workbook(tmp_path / "某县水利局权责清单.xlsx", {"Sheet": grouped})).records
    assert "审查" not in [d.stage for d in first.responsibilities]
    stages = [d.stage for d in second.responsibilities]
    assert stages[:2] == ["受理", "审查"] and stages[-1] == "事后监管" and "送达" not in stages
    continued = tmp_path / "某市生态环境局权责清单.csv"
    continued.write_text("序号,事项名称,子项名称,权力类型,责任事项\n1,排污许可证核发,重点管理排污单位排污许可证核发,行政许可,1.受理：受理。\n"
                         "（续上）,,简化管理排污单位排污许可证核发,行政许可,1.受理：受理。2.审查：审查。\n", encoding="utf-8")
    assert [r.sub_item_name for r in parse_list(continued).records] == ["重点管理排污单位排污许可证核发", "简化管理排污单位排污许可证核发"]
    typed = [["序号", "事项名称（类型）", "办理环节", "责任事项内容"],
             ["1", "建设工程消防验收（备案）", "", "受理备案。"], ["2", "建设工程消防设计审查（行政许可）", "", "审查。"]]
    doc = parse_list(_workbook(tmp_path / "某县住房和城乡建设局权责清单.xlsx", {"Sheet": typed}))
    assert [(r.item_name, r.type) for r in doc.records] == [("建设工程消防验收（备案）", ""), ("建设工程消防设计审查", "行政许可")]
    coded = [["序号", "【编码】事项名称", "权力类型", "责任事项"],
             ["1", "【XK-0001】建设工程消防验收（许可）", "行政许可", "受理。"], ["2", "【2024】建设工程消防验收（备案）", "其他行政权力", "受理。"]]
    doc = parse_list(_workbook(tmp_path / "某县住房和城乡建设局权责清单.xlsx", {"Sheet": coded}))
    assert [(r.item_name, r.code) for r in doc.records] == [
        ("建设工程消防验收（许可）", "XK-0001"), ("【2024】建设工程消防验收（备案）", "")]
    stages = [["序号", "事项名称", "权力类型", "办理环节", "责任事项内容"],
              ["1", "对违法排污的处罚", "行政处罚", "调查（必要时→听证）", "调查取证；组织听证。"],
              ["2", "对违法建设的处罚", "行政处罚", "审查→告知", "审查案件。"],
              ["3", "排污许可证核发", "行政许可", "受理、审查", "受理申请；材料不齐全的，一次性告知补正。"]]
    bracketed, unsplit, joined = parse_list(_workbook(tmp_path / "某市生态环境局权责清单.xlsx", {"Sheet": stages})).records
    assert [len(r.responsibilities) for r in (bracketed, unsplit, joined)] == [1, 1, 1]
    assert bracketed.responsibilities[0].stage == "调查"
    units = [["某县医疗保障局权责清单", "", "", ""], ["环节代码说明：A—受理窗口；B—审查科；C—告知组；D—决定组", "", "", ""],
             ["序号", "事项名称", "类型", "责任事项"], ["1", "医疗救助", "行政给付", "A：受理申请，一次性告知补正材料。"]]
    assert parse_list(_workbook(tmp_path / "某县医疗保障局权责清单.xlsx", {"Sheet": units})).records[0].responsibility_text.startswith("A：")
    materials = [["某县医疗保障局权责清单", "", "", "", ""],
                 ["责任环节代码说明：A—受理/立案；B—审查/调查；C—告知；D—决定", "", "", "", ""],
                 ["序号", "事项名称", "类型", "责任事项", "申请材料"],
                 ["1", "医疗救助", "行政给付", "A：受理申请，一次性告知补正材料。\nD：作出救助决定。", "A：身份证明\nB：收入证明"]]
    record = parse_list(_workbook(tmp_path / "某县医疗保障局权责清单.xlsx", {"Sheet": materials})).records[0]
    assert record.responsibility_text.startswith("受理、立案：") and record.extra.get("申请材料") == "A：身份证明\nB：收入证明"
    outline = [["编号", "条目类别", "内容", "权力类型"], ["01", "事项", "取水许可", "行政许可"],
               ["01-1", "子项", "取水许可（新办）", ""], ["01-1-Z1", "责任", "受理：受理。", ""], ["01-1-Z2", "责任", "送达：发证。", ""],
               ["01-2", "子项", "取水许可（延续）", ""], ["01-2-Z1", "责任", "受理：受理。", ""],
               ["02", "事项", "河道采砂许可", "行政许可"], ["02-Z1", "责任", "受理：受理。", ""]]
    new, renew, sand = parse_list(_workbook(tmp_path / "某县水利局权责清单.xlsx", {"Sheet": outline})).records
    assert ([d.stage for d in new.responsibilities], [d.stage for d in renew.responsibilities]) == (["受理", "送达"], ["受理"])
    assert (sand.item_name, [d.stage for d in sand.responsibilities]) == ("河道采砂许可", ["受理"])


def test_cards_a_gap_apart_coded_templates_above_a_late_header_and_chained_steps(tmp_path):
    """北海: cards two a band a blank column apart, each headed 【事项一】 | its name, with two columns of labels of its own;
    沙井: a 填报说明 of templates under codes, 「（A）…通用责任：…」, above a header on row 11, cells 「执行（A）；另：…」; a duty
    opening with a chain of steps, 「立案——调查取证（…）——审查」, names them."""
    left = [["【事项一】", "建筑工程施工许可证核发", "", ""], ["事项编码", "XK-0012", "权力类型", "行政许可"],
            ["责任事项", "1.受理责任：受理。2.决定责任：作出决定。", "", ""], ["追责情形", "违法许可的。", "", ""]]
    right = [["【事项二】", "商品房预售许可", "", ""], ["事项编码", "XK-0015", "权力类型", "行政许可"],
             ["责任事项", "1.受理责任：受理。", "", ""], ["追责情形", "违法许可的。", "", ""]]
    band = [a + [""] + b for a, b in zip(left, right, strict=True)]
    rows = [["北海市住房和城乡建设局权责清单"] + [""] * 8, [""] * 9, *band, [""] * 9,
            *[a + [""] * 5 for a in ([["【事项三】", "燃气经营许可证核发", "", ""], ["事项编码", "XK-0021", "权力类型", "行政许可"],
                                       ["责任事项", "1.受理责任：受理。", "", ""]])]]
    doc = parse_list(_workbook(tmp_path / "北海市住房和城乡建设局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.item_name, r.code, r.type) for r in doc.records] == [
        ("建筑工程施工许可证核发", "XK-0012", "行政许可"), ("商品房预售许可", "XK-0015", "行政许可"),
        ("燃气经营许可证核发", "XK-0021", "行政许可")]
    notes = [["南昌市红谷滩区沙井街道办事处权责清单", "", "", ""], ["填报说明", "", "", ""],
             *[[f"{k}.说明第{k}条。", "", "", ""] for k in range(1, 6)],
             ["\u3000（A）依申请给付类通用责任：受理申请并一次性告知所需材料；组织入户调查；作出审核意见。", "", "", ""],
             ["\u3000（B）行政处罚类通用责任：立案——调查取证（执法人员不少于两人）——审查——告知——决定——送达——执行。", "", "", ""],
             [""] * 4,
             ["序号", "事项名称", "事项类型", "责任事项"],
             ["1", "临时救助", "行政给付", "执行（A）；另：急难型临时救助先行救助后补齐手续。"],
             ["2", "对露天烧烤食品的处罚", "行政处罚", "执行（B）。"]]
    doc = parse_list(_workbook(tmp_path / "南昌市红谷滩区沙井街道办事处权责清单.xlsx", {"Sheet": notes}))
    relief, penalty = doc.records
    assert relief.responsibility_text.startswith("受理申请并一次性告知") and relief.responsibility_text.endswith("补齐手续。")
    assert penalty.responsibilities[0].stage == "立案" and "（A）" not in penalty.responsibility_text
    assert any("执行（A）" in w.message for w in doc.warnings)


def test_a_second_review_of_the_thirty_fourth_sessions_readings(tmp_path):
    """Cards side by side with no column between them are each a label column's (as before); ordinary numbered notes and
    bare or 同 cells are no coded templates; a duty opening with a chain that runs on past a comma has no stage of it; a
    notes sheet's example table beyond row ten is no list."""
    band = [["【事项一】", "", "【事项二】", ""], ["事项名称", "许可一", "事项名称", "许可二"], ["事项编码", "XK-001", "事项编码", "XK-002"],
            ["权力类型", "行政许可", "权力类型", "行政许可"], ["责任事项", "1.受理责任：受理。2.决定责任：决定。", "责任事项", "1.受理责任：受理。"]]
    rows = [["某市局权责清单", "", "", ""], *band, ["", "", "", ""],
            *[[c.replace("一", "三").replace("二", "四").replace("001", "003").replace("002", "004") for c in row] for row in band]]
    doc = parse_list(_workbook(tmp_path / "某市局权责清单.xlsx", {"Sheet": rows}))
    assert [(r.item_name, r.code, len(r.responsibilities)) for r in doc.records] == [
        ("许可一", "XK-001", 2), ("许可二", "XK-002", 1), ("许可三", "XK-003", 2), ("许可四", "XK-004", 1)]
    notes = [["某县局权责清单", "", "", "", ""], ["填报说明", "", "", "", ""],
             ["（一）关于责任事项：按照权力运行流程逐项填写各环节责任，不得空项。", "", "", "", ""],
             ["（二）关于追责情形：按照有关规定填写。", "", "", "", ""],
             ["序号", "事项名称", "权力类型", "实施依据", "风险等级"],
             ["（一）", "食品经营许可", "行政许可", "《食品安全法》第三十五条", "（B）"],
             ["（二）", "食品生产许可", "行政许可", "同（一）", "（A）"]]
    first, second = parse_list(_workbook(tmp_path / "某县局权责清单.xlsx", {"Sheet": notes})).records
    assert (first.seq, second.basis_text, first.extra.get("风险等级")) == ("（一）", "同（一）", "（B）")
    sample = [["填报说明", "", ""], *[[f"{k}.说明第{k}条。", "", ""] for k in range(1, 10)], ["", "", ""],
              ["序号", "事项名称", "权力类型"], ["1", "食品经营许可（示例）", "行政许可"]]
    listed = [["序号", "事项名称", "权力类型"], ["1", "食品经营许可", "行政许可"]]
    doc = parse_list(_workbook(tmp_path / "某县局权责清单.xlsx", {"填报说明": sample, "权责清单": listed}))
    assert [r.item_name for r in doc.records] == ["食品经营许可"]
    from importers.duties import split_duties
    assert split_duties("受理—审查—决定—送达后，对被许可人开展监督检查。")[0].stage is None


def test_a_list_that_says_no_place_is_placed_by_its_folder_s_declaration(tmp_path):
    """2024年市农业农村局权责清单.xls says neither its city nor its department's full name: alone it is placed by the
    alias table's entry for its name, with a warning that says so and how to say otherwise; in a folder
    whose kb-import.toml names 克拉玛依市 (kb demo's lists), it is that city's, in the folder's subfolders too, and the
    declaration itself is no file of the import."""
    from importers import run

    folder = tmp_path / "清单" / "农业"
    folder.mkdir(parents=True)
    copy = folder / "2024年市农业农村局权责清单.xls"
    copy.write_bytes((KARAMAY / copy.name).read_bytes())
    alone = run.parse_file(copy)  # (placed by its name in the alias table, which it says)
    assert (alone.status, alone.department, alone.jurisdiction) == ("valid", "克拉玛依市农业农村局", "克拉玛依市")
    assert any("按部门别名表" in w["message"] for w in alone.warnings)
    (tmp_path / "清单" / run.DECLARATION).write_text('jurisdiction = "克拉玛依市"\n', encoding="utf-8")
    result = run.import_paths(None, [tmp_path / "清单"], dry_run=True, progress=False)
    assert [(f["department"], f["jurisdiction"], f["status"]) for f in result["files"]] == [
        ("克拉玛依市农业农村局", "克拉玛依市", "valid")]
    assert not any("按部门别名表" in w["message"] for f in result["files"] for w in f["warnings"])  # (said, not guessed)
    assert run.parse_file(copy, jurisdiction="浏阳市").jurisdiction == "浏阳市"  # (--jurisdiction says more)
    bundle = tmp_path / "清单" / "附件.zip"  # (an archive beside the declaration: its files are unpacked elsewhere)
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr(copy.name, copy.read_bytes())
    copy.unlink()
    result = run.import_paths(None, [bundle], dry_run=True, progress=False)
    assert [(f["department"], f["jurisdiction"]) for f in result["files"]] == [("克拉玛依市农业农村局", "克拉玛依市")]


def test_an_item_s_own_row_heading_its_sub_items_is_no_power_and_its_base_code_is_kept(tmp_path):
    """浙江's 权力清单: the item's own row (merged across 权力事项 and 子项, 「含子项」, no 依据) heads its sub-items 1-1,
    1-2, each with its own 依据 and 权力基本码 (the province's catalogue code, for the chain up): the sub-items are the
    powers; the item's row gave a power without 依据 (a false 无实施依据 each). An item row that gives its 依据 stays."""
    path = make_xlsx(tmp_path / "湖州市生态环境局行政权力清单（2024年）.xlsx", [
        ["序号", "权力事项", "子项", "权力类型", "权力基本码", "法定依据", "实施机关", "备注"],
        ["1", "对违反大气污染防治管理制度行为的行政处罚", "", "行政处罚", "330217001000", "", "湖州市生态环境局", "含子项"],
        ["1-1", "", "对未依法取得排污许可证排放大气污染物的行政处罚", "行政处罚", "330217001001",
         "《中华人民共和国大气污染防治法》第九十九条第（一）项", "湖州市生态环境局", ""],
        ["1-2", "", "对超过大气污染物排放标准排放大气污染物的行政处罚", "行政处罚", "330217001002",
         "《中华人民共和国大气污染防治法》第九十九条第（二）项", "湖州市生态环境局", ""],
        ["2", "排污许可证核发", "", "行政许可", "330217100000", "《排污许可管理条例》第六条", "湖州市生态环境局", ""],
    ], title="湖州市生态环境局行政权力清单（2024年）", merges=("B3:C3",))
    doc = parse_list(path)
    assert [(r.item_name, r.sub_item_name, r.extra.get("catalog_code")) for r in doc.records] == [
        ("对违反大气污染防治管理制度行为的行政处罚", "对未依法取得排污许可证排放大气污染物的行政处罚", "330217001001"),
        ("对违反大气污染防治管理制度行为的行政处罚", "对超过大气污染物排放标准排放大气污染物的行政处罚", "330217001002"),
        ("排污许可证核发", "", "330217100000")]
    assert [r.position for r in doc.records] == [0, 1, 2] and not doc.unmapped
    assert any("第3行是主项的标题行" in w.message for w in doc.warnings)


def test_a_compilation_s_group_rows_name_each_department(tmp_path):
    """One sheet of a city's departments, each under a group row naming it (「一、湖州市综合行政执法局（6项）」 across
    the row): each record is its group's department's, no 行使主体 column needed (it was refused: no department); a
    group row of a type (二、行政处罚) still types its rows."""
    path = make_xlsx(tmp_path / "湖州市市级部门权责清单汇编（2024年）.xlsx", [
        ["序号", "权力编码", "权力名称", "权力类型", "法律依据"],
        ["一、湖州市综合行政执法局（2项）"],
        ["1", "330217001005", "对排放油烟的餐饮服务业经营者未安装油烟净化设施的行政处罚", "行政处罚", "《中华人民共和国大气污染防治法》第一百一十八条"],
        ["2", "330219001000", "对擅自占用、挖掘城市道路的行政处罚", "行政处罚", "《城市道路管理条例》第四十二条"],
        ["二、湖州市市场监督管理局（2项）"],
        ["1", "330220002000", "食品生产许可", "行政许可", "《中华人民共和国食品安全法》第三十五条"],
        ["2", "330220001000", "对未取得营业执照擅自从事经营活动的行政处罚", "行政处罚", "《无证无照经营查处办法》第十三条"],
    ], title="湖州市市级部门权责清单汇编", merges=("A3:E3", "A6:E6"))
    doc = parse_list(path)
    assert [(r.department, r.item_name[:8]) for r in doc.records] == [
        ("湖州市综合行政执法局", "对排放油烟的餐饮"), ("湖州市综合行政执法局", "对擅自占用、挖掘"),
        ("湖州市市场监督管理局", "食品生产许可"), ("湖州市市场监督管理局", "对未取得营业执照")]
    assert [(d["name"], d["jurisdiction"], d["records"]) for d in doc.departments] == [
        ("湖州市综合行政执法局", "湖州市", 2), ("湖州市市场监督管理局", "湖州市", 2)]


def test_a_compilation_s_sheets_each_give_their_department_its_title_and_its_short_name_its_full_one(tmp_path):
    """A sheet per department, named short (市综合执法局), titled in full, its rows' 实施主体 short too: each department
    by its title's full name (综合执法局 is 综合行政执法局's short form), each list version titled by its own sheet."""
    header = ["序号", "权力名称", "权力类型", "法律依据", "实施主体"]
    path = _workbook(tmp_path / "湖州市市级部门权责清单汇编（2024年）.xlsx", {
        "市综合执法局": [["湖州市综合行政执法局权责清单"], header,
                    ["1", "对擅自占用、挖掘城市道路的行政处罚", "行政处罚", "《城市道路管理条例》第四十二条", "市综合执法局"]],
        "市市场监管局": [["湖州市市场监督管理局权责清单"], header,
                    ["1", "食品生产许可", "行政许可", "《中华人民共和国食品安全法》第三十五条", "市市场监管局"]]})
    doc = parse_list(path)
    assert [(d["name"], d["records"], d.get("title") or doc.title) for d in doc.departments] == [
        ("湖州市综合行政执法局", 1, "湖州市综合行政执法局权责清单"), ("湖州市市场监督管理局", 1, "湖州市市场监督管理局权责清单")]


def test_a_platform_s_json_answer_as_saved_from_the_browser(tmp_path):
    """A list platform's paged answer ({"code": "0", "data": {"pageData": [...]}}), its fields in pinyin initials: the
    records found under a key of the platform's own; the type from qllxmc when qllx is its code (both were kept, and
    no type read); the version from fbsj (no year in the name); the place from xzqhdm; sfyx 0 not in force."""
    rows = [{"id": f"8a8f{n}", "xh": n, "qlbm": f"51070300100{n}", "qlmc": name, "qllx": code, "qllxmc": kind,
             "sdyj": "《中华人民共和国食品安全法》第三十五条第一款", "sszt": "绵阳市涪城区市场监督管理局", "xzqhdm": "510703",
             "xzqhmc": "涪城区", "fbsj": "2024-06-30 10:12:00", "sfyx": valid}
            for n, (name, code, kind, valid) in enumerate([("食品经营许可", "01", "行政许可", "1"),
                                                          ("对无证经营的处罚", "02", "行政处罚", "1"),
                                                          ("已取消的事项", "01", "行政许可", "0")], start=1)]
    path = tmp_path / "市场监管局权责清单.json"
    path.write_text(json.dumps({"code": "0", "msg": "操作成功", "data": {"total": 3, "pageNo": 1, "pageData": rows}},
                               ensure_ascii=False), encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.type, r.code) for r in doc.records] == [
        ("食品经营许可", "行政许可", "510703001001"), ("对无证经营的处罚", "行政处罚", "510703001002")]
    assert (doc.version, doc.jurisdiction) == ("2024", "涪城区")
    assert doc.department.endswith("涪城区市场监督管理局")


def test_a_source_column_naming_who_delegated_the_power_and_from_which_level(tmp_path):
    """桂城街道's 权力来源: 「区级下放（原实施部门：佛山市南海区市场监督管理局）」 is a delegation from that body at the
    district level (the delegation had no source: the chain from 南海区 down stopped at the district); 法定 is none; the
    column is no unmapped one."""
    path = tmp_path / "佛山市南海区桂城街道办事处权责清单.csv"
    path.write_text("序号,事项名称,权力类型,实施依据,权力来源\n"
                    "1,对未取得食品生产经营许可从事食品生产经营活动的处罚,行政处罚,《中华人民共和国食品安全法》第一百二十二条,"
                    "区级下放（原实施部门：佛山市南海区市场监督管理局）\n"
                    "2,城乡居民最低生活保障申请受理,行政确认,《社会救助暂行办法》第十一条,法定\n"
                    "3,对擅自占用城市道路的处罚,行政处罚,《城市道路管理条例》第四十二条,由区城管执法局委托\n", encoding="utf-8")
    doc = parse_list(path)
    assert [(r.extra.get("delegation_manner"), r.extra.get("delegated_from"), r.extra.get("delegated_from_level"))
            for r in doc.records] == [("下放", "佛山市南海区市场监督管理局", "区级"), (None, None, None),
                                      ("委托", "南海区城管执法局", None)]  # (completed by the place above)
    assert not doc.unmapped


def test_group_rows_naming_bodies_in_a_list_of_one_department_leave_its_records_with_it(tmp_path):
    """Not a compilation: a township's list grouping its powers by the county bodies that delegated them, a
    department's list grouping its own by its units, a merged row repeating the department's name (三门峡市: a place
    whose name opens with a numeral, no group number to strip): every record stays the file's department's."""
    header = ["序号", "事项名称", "权力类型", "实施依据"]
    town = make_xlsx(tmp_path / "浏阳市大瑶镇人民政府赋权事项清单（2024年）.xlsx", [
        header, ["一、浏阳市农业农村局（1项）"], ["1", "农村村民宅基地审批", "行政许可", "《中华人民共和国土地管理法》第六十二条"],
        ["二、浏阳市自然资源局（1项）"], ["1", "乡村建设规划许可证核发", "行政许可", "《中华人民共和国城乡规划法》第四十一条"]],
        title="浏阳市大瑶镇人民政府赋权事项清单（2024年）", merges=("A3:D3", "A5:D5"))
    assert {r.department for r in parse_list(town).records} == {"浏阳市大瑶镇人民政府"}
    units = make_xlsx(tmp_path / "某县自然资源局权责清单.xlsx", [
        header, ["一、某县自然资源局（1项）"], ["1", "建设用地规划许可证核发", "行政许可", "《中华人民共和国城乡规划法》第三十七条"],
        ["二、某县不动产登记中心（1项）"], ["1", "不动产登记", "行政确认", "《不动产登记暂行条例》第六条"]],
        title="某县自然资源局权责清单", merges=("A3:D3", "A5:D5"))
    assert {r.department for r in parse_list(units).records} == {"某县自然资源局"}
    named = make_xlsx(tmp_path / "权责清单.xlsx", [
        header, ["三门峡市市场监督管理局"], ["1", "食品经营许可", "行政许可", "《中华人民共和国食品安全法》第三十五条"]],
        title="三门峡市市场监督管理局权责清单", merges=("A3:D3",))
    assert {r.department for r in parse_list(named).records} == {"三门峡市市场监督管理局"}


def test_a_workbook_of_a_sheet_per_type_is_titled_without_the_first_sheet_s_type(tmp_path):
    header = ["序号", "事项名称", "权力类型", "实施依据"]
    path = _workbook(tmp_path / "徐州市应急管理局权责清单（2025年）.xlsx", {
        "行政许可": [["徐州市应急管理局权责清单——行政许可"], header,
                 ["1", "危险化学品经营许可", "行政许可", "《危险化学品安全管理条例》第三十三条"]],
        "行政处罚": [["徐州市应急管理局权责清单——行政处罚"], header,
                 ["1", "对未取得经营许可证经营危险化学品的处罚", "行政处罚", "《危险化学品安全管理条例》第七十七条"]]})
    doc = parse_list(path)
    assert (doc.title, [r.type for r in doc.records]) == ("徐州市应急管理局权责清单", ["行政许可", "行政处罚"])


def test_a_remark_that_ends_saying_the_item_is_cancelled(tmp_path):
    """宜都's 备注 「根据《国务院关于取消一批行政许可事项的决定》（国发〔2020〕13号），已取消」: not a current power (it was
    imported as one); 「建议取消」 or a remark about another's cancellation is no status."""
    path = tmp_path / "宜都市自然资源和规划局权责清单（2023年）.csv"
    path.write_text("序号,事项名称,权力类型,实施依据,备注\n"
                    "1,土地复垦方案审查,行政许可,《土地复垦条例》第十二条,根据《国务院关于取消一批行政许可事项的决定》（国发〔2020〕13号），已取消\n"
                    "2,建设用地规划许可证核发,行政许可,《中华人民共和国城乡规划法》第三十七条,建议取消\n"
                    "3,对非法占用土地的处罚,行政处罚,《中华人民共和国土地管理法》第七十七条,对取消许可后仍擅自施工的一并处理\n",
                    encoding="utf-8")
    doc = parse_list(path)
    assert [r.item_name for r in doc.records] == ["建设用地规划许可证核发", "对非法占用土地的处罚"]


def test_a_tab_separated_export_under_a_title_line_without_tabs(tmp_path):
    """Excel's "Unicode text" (UTF-16, tabs) with the title typed on a line of its own (no tabs after it): read as tab-
    separated, not refused for a header of one cell."""
    path = tmp_path / "郑州市金水区卫生健康委员会权责清单.csv"
    lines = ["郑州市金水区卫生健康委员会权责清单", "序号\t事项名称\t权力类型\t实施依据",
             "1\t医疗机构执业登记\t行政许可\t《医疗机构管理条例》第十五条", "2\t对医疗机构的监督检查\t行政检查\t《医疗机构管理条例》第四十条"]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    doc = parse_list(path)
    assert [(r.item_name, r.type) for r in doc.records] == [("医疗机构执业登记", "行政许可"), ("对医疗机构的监督检查", "行政检查")]


def test_a_platform_s_camel_case_answer_and_a_township_s_delegated_items(tmp_path):
    """合江's platform answer (itemName | setBasis | implementOrg | dutyContent | accountability, a file named …权责事项
    （平台导出）) and 白塔镇's 赋权事项清单 (赋权事项名称 | 承接科室): every column read as the field it is."""
    answer = {"code": "0000", "success": True, "data": {"pageNum": 1, "total": 1, "list": [{
        "itemCode": "510522-XK-001", "itemName": "食品经营许可", "itemType": "行政许可",
        "setBasis": "《中华人民共和国食品安全法》第三十五条第一款：国家对食品生产经营实行许可制度。",
        "implementOrg": "合江县市场监督管理局", "dutyContent": "1.受理责任：依法受理。2.审查责任：审查材料。",
        "accountability": "对符合法定条件的申请不予受理的", "areaCode": "510522", "areaName": "泸州市合江县",
        "publishDate": "2025-03-01", "status": "1"}]}}
    path = tmp_path / "合江县市场监督管理局权责事项（平台导出）.json"
    path.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    doc = parse_list(path)
    [rec] = doc.records
    assert (doc.department, doc.jurisdiction) == ("合江县市场监督管理局", "合江县")
    assert [c.law_title for c in rec.citations] == ["中华人民共和国食品安全法"] and rec.holder == "合江县市场监督管理局"
    assert [d.stage for d in rec.responsibilities] == ["受理", "审查"] and rec.accountability_situations
    # the platform's own keys kept under titles of their own (not shown as areaName, status)
    assert (rec.extra.get("area_code"), rec.extra.get("area_name")) == ("510522", "泸州市合江县")
    assert "areaName" not in rec.extra
    # a file of no 行使主体 named so: its department from the name, cut before 权责事项
    csv_path = tmp_path / "合江县交通运输局权责事项（平台导出）.csv"
    csv_path.write_text("序号,事项名称,权力类型,实施依据\n1,公路超限检测,行政检查,《中华人民共和国公路法》第七十条\n",
                        encoding="utf-8")
    assert parse_list(csv_path).department == "合江县交通运输局"

    township = tmp_path / "仙居县白塔镇赋权事项清单（2025年）.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["仙居县白塔镇赋权事项清单（2025年）"])
    ws.append(["序号", "赋权事项名称", "事项类型", "赋权方式", "赋权部门", "承接科室", "实施依据"])
    ws.append([1, "对农村村民未经批准非法占用土地建住宅的行政处罚", "行政处罚", "委托", "仙居县综合行政执法局",
               "综合行政执法队", "《中华人民共和国土地管理法》第七十八条"])
    wb.save(township)
    doc = parse_list(township)
    [rec] = doc.records
    assert (rec.item_name, rec.unit, rec.extra.get("delegation_manner")) == (
        "对农村村民未经批准非法占用土地建住宅的行政处罚", "综合行政执法队", "委托")
    assert rec.extra.get("delegated_from") == "仙居县综合行政执法局"


def test_a_cell_naming_several_levels_gives_none_of_them(tmp_path):
    """市、县级 and 县级以上 in a city's list: the levels named are kept (exercised_at), the row is the list's own level —
    as 市级、县级 was; not the county's, as the 县级 in them read alone had it."""
    path = write_csv(tmp_path / "三明市交通运输局权责清单.csv",
                     ["序号", "事项名称", "权力类型", "实施层级", "行使主体"],
                     [["1", "甲", "行政许可", "市、县级", "三明市交通运输局"],
                      ["2", "乙", "行政许可", "县级以上", "三明市交通运输局"],
                      ["3", "丙", "行政许可", "市级、县级", "三明市交通运输局"],
                      ["4", "丁", "行政许可", "县级", "三明市交通运输局"]])
    doc = parse_list(path)
    assert [(r.level, r.exercised_at) for r in doc.records] == [
        ("city", ["city", "county"]), ("city", ["province", "city", "county"]), ("city", ["city", "county"]),
        ("county", ["county"])]


def test_an_explanation_sheet_and_the_line_that_signs_the_table_are_no_warnings(tmp_path):
    """赣州's workbook has a 说明 sheet beside its list (skipped, said as a notice); 仙居's compilation ends with
    「仙居县人民政府办公室 2025年4月印发」 in a cell of its own (the table's signature, left out without a word)."""
    path = tmp_path / "赣州市市场监督管理局权责清单.xlsx"
    wb = openpyxl.Workbook()
    note = wb.active
    note.title = "说明"
    note.append(["赣州市市场监督管理局权责清单说明"])
    note.append(["一、本清单依据……编制。"])
    ws = wb.create_sheet("行政处罚")
    ws.append(["序号", "事项名称", "权力类型", "实施依据"])
    ws.append([1, "对未取得食品经营许可从事食品经营活动的处罚", "行政处罚", "《中华人民共和国食品安全法》第一百二十二条"])
    ws.append(["仙居县人民政府办公室 2025年4月印发"])
    wb.save(path)
    doc = parse_list(path)
    assert len(doc.records) == 1
    said = [(w.severity, w.message) for w in doc.warnings if "跳过" in w.message or "忽略" in w.message]
    assert said == [("notice", "已跳过说明页（赣州市市场监督管理局权责清单说明）：其中没有事项")], said
