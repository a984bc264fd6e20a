"""A city's compilation (汇编) of its departments' lists in one file: a sheet (or a Word table) a department, each
under its own title or named after its department. Each sheet's records go to that department (its rows' own
行使主体 still decide first); a compilation that names no publisher of its own is the first sheet's."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importers import lists
from tests.conftest import write_docx

HEADER = ["序号", "事项名称", "权力类型", "实施依据", "行使主体"]
SHEETS = [("株洲市公安局", "对无证驾驶机动车的处罚", "行政处罚"), ("株洲市民政局", "社会团体成立登记", "行政许可"),
          ("株洲市财政局", "代理记账机构审批", "行政许可")]


def _compilation(path: Path, titled: bool, holder: str = "") -> Path:
    wb = openpyxl.Workbook()
    for i, (department, item, type_) in enumerate(SHEETS):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = department.removeprefix("株洲") if not titled else f"表{i + 1}"
        if titled:
            ws.append([f"{department}权责清单"])
        ws.append(HEADER)
        ws.append(["1", item, type_, "《中华人民共和国行政许可法》第十二条", holder if i == 2 else ""])
        ws.append(["2", item + "（延续）", type_, "《中华人民共和国行政许可法》第十二条", ""])
    wb.save(path)
    return path


@pytest.mark.parametrize("titled", [True, False], ids=["titled sheets", "sheets named after departments"])
def test_each_sheet_of_a_compilation_is_its_department_s(tmp_path, titled):
    doc = lists.parse_list(_compilation(tmp_path / "株洲市市直部门权责清单汇编.xlsx", titled))
    assert doc.department == "株洲市公安局"  # the first sheet's: the compilation itself names no body
    assert [(d["name"], d["jurisdiction"], d["records"]) for d in doc.departments] == [
        ("株洲市公安局", "株洲市", 2), ("株洲市民政局", "株洲市", 2), ("株洲市财政局", "株洲市", 2)]
    assert doc.compiled and doc.moved == 0  # (nothing moved from the first sheet's body: each sheet is its own)
    assert [r.department for r in doc.records] == ["株洲市公安局"] * 2 + ["株洲市民政局"] * 2 + ["株洲市财政局"] * 2


def test_a_row_s_own_holder_decides_before_its_sheet(tmp_path):
    doc = lists.parse_list(_compilation(tmp_path / "汇编.xlsx", True, holder="株洲市应急管理局"))
    assert [r.department for r in doc.records][4:] == ["株洲市应急管理局", "株洲市财政局"]


def test_a_department_s_sheets_by_type_stay_its_own(tmp_path):
    """One department's list, a sheet a type (行政许可 | 行政处罚) or a sheet its enforcement corps': no sheet names
    another body, nothing moves."""
    wb = openpyxl.Workbook()
    for i, name in enumerate(["行政许可", "行政处罚", "株洲市公安局交通警察支队"]):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append(HEADER)
        ws.append(["1", f"事项{i}", "行政许可" if i == 0 else "行政处罚", "《中华人民共和国道路交通安全法》第十九条", ""])
    wb.save(tmp_path / "株洲市公安局权责清单.xlsx")
    doc = lists.parse_list(tmp_path / "株洲市公安局权责清单.xlsx")
    assert (doc.department, doc.moved, len(doc.departments), doc.compiled) == ("株洲市公安局", 0, 1, False)


def test_a_compilation_naming_no_body_moves_nothing(tmp_path):
    # 正定县县级部门权责清单汇编: its rows' 行使主体 name five bodies, the title none — 「8 条…从 石家庄市生态环境局正定县分局
    # 移出」 said of the most frequent (trial 46)
    wb = openpyxl.Workbook()
    wb.active.append(["正定县县级部门权责清单汇编（2025年）"])
    wb.active.append(HEADER)
    for n, body in enumerate(["正定县应急管理局", "正定县应急管理局", "正定县住房和城乡建设局"], start=1):
        wb.active.append([str(n), f"事项{n}", "行政处罚", "《中华人民共和国安全生产法》第九十九条", body])
    wb.save(tmp_path / "正定县县级部门权责清单汇编（2025年）.xlsx")
    doc = lists.parse_list(tmp_path / "正定县县级部门权责清单汇编（2025年）.xlsx")
    assert (doc.compiled, doc.moved) == (True, 0)
    assert [(d["name"], d["records"]) for d in doc.departments] == [("正定县应急管理局", 2), ("正定县住房和城乡建设局", 1)]
    # a row naming a bare corps (执法大队) in such a file: whose it is cannot be told — put under the most frequent, said
    wb = openpyxl.load_workbook(tmp_path / "正定县县级部门权责清单汇编（2025年）.xlsx")
    wb.active.append(["4", "事项4", "行政处罚", "《中华人民共和国安全生产法》第九十九条", "执法大队"])
    wb.save(tmp_path / "正定县县级部门权责清单汇编（2025年）.xlsx")
    doc = lists.parse_list(tmp_path / "正定县县级部门权责清单汇编（2025年）.xlsx")
    assert (doc.records[-1].department, doc.records[-1].unit) == ("正定县应急管理局", "执法大队")
    assert any(w.message.startswith("行使主体「执法大队」是某部门的内设机构或执法队伍，文件未写明所属部门：归入 正定县应急管理局")
               and w.severity == "warning" for w in doc.warnings)


def test_a_compilation_in_word_a_table_under_each_department_s_title(tmp_path):
    blocks: list = ["株洲市市直部门权责清单汇编"]
    for department, item, type_ in SHEETS:
        blocks += [f"{department}权责清单", [HEADER, ["1", item, type_, "《中华人民共和国行政许可法》第十二条", ""]]]
    doc = lists.parse_list(write_docx(tmp_path / "汇编.docx", blocks))
    assert [(r.name, r.department) for r in doc.records] == [(item, department) for department, item, _ in SHEETS]


def test_a_department_s_list_with_another_body_s_sheet_is_no_compilation(tmp_path):
    """株洲市民政局's list with a second sheet under 株洲市财政局's title: that sheet's records moved from 民政局 (the file's
    own body, named in its title), not a compilation that names no body."""
    wb = openpyxl.Workbook()
    for i, department in enumerate(["株洲市民政局", "株洲市财政局"]):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.append([f"{department}权责清单"])
        ws.append(HEADER)
        ws.append(["1", f"事项{i}", "行政许可", "《中华人民共和国行政许可法》第十二条", ""])
    wb.save(tmp_path / "株洲市民政局权责清单（2024年）.xlsx")
    doc = lists.parse_list(tmp_path / "株洲市民政局权责清单（2024年）.xlsx")
    assert (doc.department, doc.compiled, doc.moved) == ("株洲市民政局", False, 1)
