"""Lists written as blocks of field | value rows (importers/blocks.py), read as the tables they stand for."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importers.lists import parse_list
from importers.records import FileRefused

PENALTY = "《城市市容和环境卫生管理条例》第三十四条"


def xlsx(path: Path, rows: list[list[str]], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append([v or None for v in row])
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def street_office(path: Path) -> Path:
    """坡子街街道's layout: a title, then each item a block of 字段 | 内容 rows, a blank row between, a footer."""
    return xlsx(path, [
        ["长沙市天心区坡子街街道办事处权责清单", ""],
        ["", ""],
        ["事项编号", "PZJ-01"],
        ["事项类型", "行政给付"],
        ["事项名称", "临时救助"],
        ["法律法规依据", "《社会救助暂行办法》第四十八条"],
        ["责任事项", "受理申请；调查核实；小额救助审批；公示；发放救助金。"],
        ["追责情形", "违规审批、截留挪用救助资金的。"],
        ["办理科室", "社会事务办"],
        ["", ""],
        ["事项编号", "PZJ-04"],
        ["事项类型", "行政处罚"],
        ["事项名称", "对随地吐痰的处罚"],
        ["法律法规依据", PENALTY],
        ["责任事项", "立案调查、告知、决定、执行"],
        ["办理科室", "综合行政执法队"],
        ["备注", "依据湖南省赋予乡镇（街道）经济社会管理权限事项目录实施"],
        ["", ""],
        ["坡子街街道办事处", "2022年8月"],
    ])


def test_blocks_of_field_and_value_rows_are_one_record_each(tmp_path):
    doc = parse_list(street_office(tmp_path / "长沙市天心区坡子街街道办事处权责清单.xlsx"))
    assert [(r.item_name, r.type, r.unit, r.extra.get("事项编号"), r.row) for r in doc.records] == [
        ("临时救助", "行政给付", "社会事务办", "PZJ-01", 3),  # each record at its block's first row
        ("对随地吐痰的处罚", "行政处罚", "综合行政执法队", "PZJ-04", 11)]
    relief, penalty = doc.records
    assert relief.accountability_situations == "违规审批、截留挪用救助资金的。"
    assert penalty.accountability_situations == ""  # a field a block leaves out is blank, not the next block's
    assert penalty.remarks.startswith("依据湖南省赋予")
    assert penalty.citations and (penalty.citations[0].law_title, penalty.citations[0].article) == ("城市市容和环境卫生管理条例", 34)
    assert doc.department == "天心区坡子街街道办事处"
    assert any("字段 | 内容" in w.message for w in doc.warnings)  # the user is told how the sheet was read


def test_a_card_of_two_pairs_a_row_with_a_field_running_on_below_its_merged_label(tmp_path):
    """事项名称 | … | 事项类型 | …, then 责任事项 merged down over three rows, each a stage and its duty."""
    rows = []
    for name, kind in (("林木采伐许可证核发", "行政许可"), ("对盗伐林木的处罚", "行政处罚")):
        rows += [
            ["事项名称", name, "事项类型", kind],
            ["实施依据", "《中华人民共和国森林法》第五十六条", "", ""],
            ["责任事项", "受理环节", "公示依法应当提交的材料", ""],
            ["", "审查环节", "对申请材料进行审查", ""],
            ["", "决定环节", "作出决定", ""],
            ["实施主体", "某县林业局", "承办机构", "资源股"],
        ]
        rows.append(["", "", "", ""])
    doc = parse_list(xlsx(tmp_path / "某县林业局权责清单.xlsx", rows, merges=("A3:A5", "A10:A12")))
    assert [(r.item_name, r.type, r.unit) for r in doc.records] == [
        ("林木采伐许可证核发", "行政许可", "资源股"), ("对盗伐林木的处罚", "行政处罚", "资源股")]
    permit = doc.records[0]
    assert permit.responsibility_text.splitlines() == [
        "受理环节：公示依法应当提交的材料", "审查环节：对申请材料进行审查", "决定环节：作出决定"]
    assert [d.stage for d in permit.responsibilities] == ["受理", "审查", "决定"]


def test_blocks_in_a_csv_export(tmp_path):
    path = tmp_path / "某市档案局权责清单.csv"
    lines = ["权力名称,档案出境审批", "权力类型,行政许可", "设定依据,《中华人民共和国档案法》第二十五条",
             "责任事项,受理、审查、决定、送达、事后监管",
             "权力名称,对档案馆违规的处罚", "权力类型,行政处罚", "设定依据,《中华人民共和国档案法》第四十八条",
             "责任事项,立案、调查、审查、告知、决定、送达、执行"]
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = parse_list(path)  # no blank rows between them: the name met again opens the next block
    assert [(r.item_name, r.type) for r in doc.records] == [("档案出境审批", "行政许可"), ("对档案馆违规的处罚", "行政处罚")]


def test_a_single_block_naming_four_fields_is_a_list_of_one(tmp_path):
    doc = parse_list(xlsx(tmp_path / "某镇人民政府权责清单.xlsx", [
        ["事项名称", "农村村民宅基地审批"], ["事项类型", "行政许可"], ["实施依据", "《中华人民共和国土地管理法》第六十二条"],
        ["责任事项", "受理、审查、决定、送达"]]))
    assert [r.item_name for r in doc.records] == ["农村村民宅基地审批"]


def test_a_sheet_that_only_mentions_a_field_is_still_refused(tmp_path):
    path = xlsx(tmp_path / "说明.xlsx", [["事项名称", "见附件"], ["填报人", "张三"], ["联系电话", "12345"]])
    with pytest.raises(FileRefused, match="没有可识别的表头"):
        parse_list(path)


def test_an_ordinary_table_is_read_as_before(tmp_path):
    """A header of two fields (事项名称 | 权力类型) over rows: a table, not blocks."""
    doc = parse_list(xlsx(tmp_path / "某县档案局权责清单.xlsx", [
        ["事项名称", "权力类型"], ["档案出境审批", "行政许可"], ["对档案馆违规的处罚", "行政处罚"]]))
    assert [(r.item_name, r.type, r.row) for r in doc.records] == [
        ("档案出境审批", "行政许可", 2), ("对档案馆违规的处罚", "行政处罚", 3)]
    assert not any("字段 | 内容" in w.message for w in doc.warnings)


def test_a_table_turned_on_its_side_is_not_taken_for_blocks(tmp_path):
    """Each record a column (事项名称 | A | B): not field | value blocks; left to the table reader as before."""
    from importers.blocks import unfold_blocks
    from importers.workbook import read_workbook

    _, (sheet,) = read_workbook(xlsx(tmp_path / "某县档案局权责清单.xlsx", [
        ["事项名称", "档案出境审批", "对档案馆违规的处罚"], ["事项类型", "行政许可", "行政处罚"],
        ["实施依据", "《中华人民共和国档案法》第二十五条", "《中华人民共和国档案法》第四十八条"],
        ["责任事项", "受理、审查、决定", "立案、调查、决定"]]))
    assert unfold_blocks(sheet) is None


def test_a_review_s_inputs(tmp_path):
    """A cold review's cases: a code opening each block with no blank rows between, a sub-item block that does not
    repeat its item, a block leaving out the field the others open with, a card's right half with a label no
    mapping knows, a left label merged down beside a right pair, a sheet of instructions before the list."""
    rows = [["长沙市天心区坡子街街道办事处权责清单", ""]]
    for n, (name, kind) in enumerate((("临时救助", "行政给付"), ("对随地吐痰的处罚", "行政处罚"), ("低保审核", "行政确认"))):
        rows += [["事项编号", f"PZJ-0{n + 1}"], ["事项类型", kind], ["事项名称", name], ["实施依据", PENALTY],
                 ["责任事项", "受理、审查"], ["办理时限", "20个工作日"]]
    doc = parse_list(xlsx(tmp_path / "长沙市天心区坡子街街道办事处权责清单.xlsx", rows))
    assert [(r.item_name, r.extra["事项编号"], r.row) for r in doc.records] == [
        ("临时救助", "PZJ-01", 2), ("对随地吐痰的处罚", "PZJ-02", 8), ("低保审核", "PZJ-03", 14)]

    doc = parse_list(xlsx(tmp_path / "某街道办事处权责清单.xlsx", [
        ["事项名称", "临时救助"], ["子项名称", "急难型"], ["事项类型", "行政给付"], ["责任事项", "受理、审查"],
        ["子项名称", "支出型"], ["事项类型", "行政给付"], ["责任事项", "受理、审查、决定"],
        ["事项名称", "对随地吐痰的处罚"], ["事项类型", "行政处罚"], ["责任事项", "立案、调查"]]))
    assert [(r.item_name, r.sub_item_name, r.type, r.responsibility_text) for r in doc.records] == [
        ("临时救助", "急难型", "行政给付", "受理、审查"), ("临时救助", "支出型", "行政给付", "受理、审查、决定"),
        ("对随地吐痰的处罚", "", "行政处罚", "立案、调查")]

    doc = parse_list(xlsx(tmp_path / "某街道办事处权责清单.xlsx", [
        ["事项类型", "行政给付"], ["事项名称", "临时救助"], ["责任事项", "受理、审查"],
        ["事项名称", "低保"], ["责任事项", "受理"],  # no 事项类型: not the next block's
        ["事项类型", "行政处罚"], ["事项名称", "对随地吐痰的处罚"], ["责任事项", "立案、调查"]]))
    assert [(r.item_name, r.type) for r in doc.records] == [
        ("临时救助", "行政给付"), ("低保", ""), ("对随地吐痰的处罚", "行政处罚")]

    rows = []
    for name, kind in (("林木采伐许可证核发", "行政许可"), ("对盗伐林木的处罚", "行政处罚")):
        rows += [["事项名称", name, "承办机构", "资源股"], ["事项类型", kind, "办理时限", "20个工作日"],
                 ["实施依据", "《中华人民共和国森林法》第五十六条", "", ""],
                 ["责任事项", "受理：公示材料", "监督电话", "12345"], ["", "审查：审查材料", "", ""],
                 ["", "决定：作出决定", "", ""], ["", "", "", ""]]
    doc = parse_list(xlsx(tmp_path / "某县林业局权责清单.xlsx", rows, merges=("A4:A6", "A11:A13")))
    assert [(r.item_name, r.type, r.unit, r.extra.get("办理时限"), r.extra.get("监管电话"),
             [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("林木采伐许可证核发", "行政许可", "资源股", "20个工作日", "12345", ["受理", "审查", "决定"]),
        ("对盗伐林木的处罚", "行政处罚", "资源股", "20个工作日", "12345", ["受理", "审查", "决定"])]


def test_a_sheet_of_instructions_is_not_a_list(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "填表说明"
    for row in (["填表说明", ""], ["事项名称", "填写权力事项的规范名称"], ["事项类型", "按行政许可、行政处罚等填写"],
                ["实施依据", "填写法律、法规、规章的名称和条款"], ["责任事项", "按受理、审查、决定等环节填写"]):
        ws.append(row)
    table = wb.create_sheet("权责清单")
    for row in (["事项名称", "事项类型", "实施依据"], ["档案出境审批", "行政许可", "《中华人民共和国档案法》第二十五条"]):
        table.append(row)
    wb.save(tmp_path / "某县档案局权责清单.xlsx")
    doc = parse_list(tmp_path / "某县档案局权责清单.xlsx")
    assert [r.item_name for r in doc.records] == ["档案出境审批"]


def test_a_table_turned_on_its_side_is_read_a_column_a_record(tmp_path):
    """扎鲁特旗: 项目 | 事项1 | 事项2 numbering the columns, then a field a row; each column one record, reported by its
    column; a cell saying it is another item's (同ZLT-JT-01) is that item's."""
    path = tmp_path / "扎鲁特旗交通运输局权责清单.csv"
    lines = ["扎鲁特旗交通运输局权责清单,,", "更新日期：2023-11-20,,", "项目,事项1,事项2", "编号,ZLT-JT-01,ZLT-JT-02",
             "权力名称,对车辆超限行驶公路的处罚,对擅自占用公路的处罚", "权力类型,行政处罚,行政处罚",
             "设定依据,《公路安全保护条例》第六十四条,《中华人民共和国公路法》第七十六条",
             "责任事项,立案、调查、审查、告知、决定、送达、执行,同ZLT-JT-01"]
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.type, r.seq, r.row) for r in doc.records] == [
        ("对车辆超限行驶公路的处罚", "行政处罚", "ZLT-JT-01", 2), ("对擅自占用公路的处罚", "行政处罚", "ZLT-JT-02", 3)]
    assert [d.stage for d in doc.records[1].responsibilities] == [d.stage for d in doc.records[0].responsibilities]
    assert doc.records[1].basis_text == "《中华人民共和国公路法》第七十六条"
    assert doc.department == "扎鲁特旗交通运输局"
    assert any("每列一条事项" in w.message for w in doc.warnings)
    assert any("同ZLT-JT-01" in w.message for w in doc.warnings)


def test_blocks_named_by_a_numbered_heading_row(tmp_path):
    """洮南: each item a numbered heading row (「一、动物防疫条件合格证核发」), then 权力类型 | 行政许可, 权力编码 | …, no
    事项名称 label, a blank row between: the heading names the block; the title above is no record."""
    rows = [["某市畜牧业管理局权责清单（2021年版）", ""]]
    for n, (name, type_, code, duties) in enumerate([
            ("动物防疫条件合格证核发", "行政许可", "XM-XK-001", "1.受理：受理申请。\n2.审查：现场核查。\n3.决定：发证。"),
            ("对未取得动物防疫条件合格证的行政处罚", "行政处罚", "XM-CF-001", "1.立案责任：立案。\n2.调查责任：调查取证。"),
            ("种畜禽生产经营许可证核发", "行政许可", "XM-XK-002", "1.受理：受理。\n2.决定：作出决定。")]):
        rows += [[f"{'一二三'[n]}、{name}", ""], ["权力类型", type_], ["权力编码", code],
                 ["设定依据", "《中华人民共和国动物防疫法》第二十五条"], ["责任事项", duties], ["追责情形", "不依法履职的。"],
                 ["备注", ""], ["", ""]]
    doc = parse_list(xlsx(tmp_path / "某市畜牧业管理局权责清单.xlsx", rows))
    assert [(r.item_name, r.type, r.code, r.row) for r in doc.records] == [
        ("动物防疫条件合格证核发", "行政许可", "XM-XK-001", 2),
        ("对未取得动物防疫条件合格证的行政处罚", "行政处罚", "XM-CF-001", 10),
        ("种畜禽生产经营许可证核发", "行政许可", "XM-XK-002", 18)]
    assert [d.stage for d in doc.records[1].responsibilities] == ["立案", "调查"]
    assert doc.records[0].accountability_situations == "不依法履职的。"


def test_numbered_rows_over_a_labelled_item_name_are_not_names(tmp_path):
    """Blocks that name their item with a 事项名称 label keep it: a numbered row above each (【1】) is no name."""
    rows = [["某县林业局权责清单", ""]]
    for n, name in enumerate(["林木采伐许可证核发", "对盗伐林木的处罚"], start=1):
        rows += [[f"【{n}】", ""], ["事项名称", name], ["事项类型", "行政许可" if n == 1 else "行政处罚"],
                 ["实施依据", "《中华人民共和国森林法》第五十六条"], ["", ""]]
    doc = parse_list(xlsx(tmp_path / "某县林业局权责清单.xlsx", rows))
    assert [r.item_name for r in doc.records] == ["林木采伐许可证核发", "对盗伐林木的处罚"]


def test_heading_named_blocks_as_a_review_wrote_them(tmp_path):
    """A name over eighty characters; a duty running on a line a row in the value column (「2.审查：…」, no label); note
    rows at the bottom, numbered like headings (「二、权力类型说明」 over 权力类型 | 按十类填写)."""
    long = "对侵占人民防空工程等行为的处罚（含：1.侵占人民防空工程；2.不按照国家规定的防护标准和质量标准修建人民防空工程；" \
           "3.违反国家有关规定，改变人民防空工程主体结构、拆除人民防空工程设备设施）"
    rows = [["某市人民防空办公室权责清单", ""]]
    for n, (name, type_) in enumerate([("人民防空工程竣工验收备案", "其他行政权力"), (long, "行政处罚"),
                                       ("拆除人民防空工程审批", "行政许可")]):
        rows += [[f"{'一二三'[n]}、{name}", ""], ["权力类型", type_], ["实施依据", "《中华人民共和国人民防空法》第二十八条"],
                 ["责任事项", "1.受理：受理。"], ["", "2.审查：审查。"], ["", "3.决定：决定。"], ["追责情形", "不依法履职的。"],
                 ["", ""]]
    rows += [["说明：", ""], ["一、权力类型说明", ""], ["权力类型", "按十类填写"], ["二、备注", ""], ["备注", "无"]]
    doc = parse_list(xlsx(tmp_path / "某市人民防空办公室权责清单.xlsx", rows))
    assert [(r.item_name, r.type) for r in doc.records] == [
        ("人民防空工程竣工验收备案", "其他行政权力"), (long, "行政处罚"), ("拆除人民防空工程审批", "行政许可")]
    assert all([d.stage for d in r.responsibilities] == ["受理", "审查", "决定"] for r in doc.records)


def test_a_workbook_of_an_item_a_sheet_with_its_contents(tmp_path):
    """迪庆: a 目录 sheet (序号 | 事项编码 | 事项名称 | 权力类型 | 对应工作表) and a sheet an item, a card whose 责任事项 is a small
    table (责任事项 | 环节 | 内容 | 依据, then a row a stage, its label cell blank): each item once, its stages read."""
    wb = openpyxl.Workbook()
    contents = wb.active
    contents.title = "目录"
    for row in (["某中心权责清单", "", "", "", ""], ["序号", "事项编码", "事项名称", "权力类型", "对应工作表"],
                ["1", "GJJ-CF-01", "对单位不办理缴存登记的处罚", "行政处罚", "GJJ-CF-01"],
                ["2", "GJJ-QT-01", "住房公积金提取", "其他行政权力", "GJJ-QT-01"]):
        contents.append(row)
    for code, name, type_, stages in (("GJJ-CF-01", "对单位不办理缴存登记的处罚", "行政处罚", ["立案", "调查", "告知"]),
                                      ("GJJ-QT-01", "住房公积金提取", "其他行政权力", ["受理", "审核"])):
        ws = wb.create_sheet(code)
        for row in (["某中心行政职权", "", "", ""], ["事项编码", code, "权力类型", type_], ["事项名称", name, "", ""],
                    ["实施依据", "《住房公积金管理条例》第十四条", "", ""], ["责任事项", "环节", "内容", "依据"],
                    *[["", s, f"{s}的内容。", "《行政处罚法》第五十四条"] for s in stages],
                    ["追责情形", "不依法履职的。", "", ""]):
            ws.append([v or None for v in row])
    wb.save(tmp_path / "某中心权责清单.xlsx")
    doc = parse_list(tmp_path / "某中心权责清单.xlsx")
    assert [(r.item_name, r.code, r.type) for r in doc.records] == [
        ("对单位不办理缴存登记的处罚", "GJJ-CF-01", "行政处罚"), ("住房公积金提取", "GJJ-QT-01", "其他行政权力")]
    penalty = doc.records[0]
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查", "告知"]
    assert penalty.basis_text == "《住房公积金管理条例》第十四条" and "（依据：《行政处罚法》第五十四条）" in penalty.responsibility_text
    assert any("目录" in w.message for w in doc.warnings)


def test_a_catalogue_pointing_to_its_detail_sheets_and_a_card_s_duty_table_with_no_label(tmp_path):
    """钦州: a 事项目录 whose 备注 points to each item's sheet (「详见明细表1」), each a card whose duties are a small table headed
    「责任环节 | 责任事项内容」 in the labels' own column, a row a stage (「受理 | …」), then 追责情形 and 备注 rows: each item
    once, its stages and its remarks read."""
    wb = openpyxl.Workbook()
    contents = wb.active
    contents.title = "事项目录"
    items = [("450700-SL-XK-001", "取水许可", "行政许可", ["受理", "审查", "决定"]),
             ("450700-SL-CF-001", "对未经批准擅自取水的处罚", "行政处罚", ["立案", "调查", "告知"])]
    contents.append(["某市水利局权责清单事项目录", "", "", "", ""])
    contents.append(["序号", "事项名称", "事项类型", "事项编码", "备注"])
    for n, (code, name, type_, _) in enumerate(items, 1):
        contents.append([str(n), name, type_, code, f"详见明细表{n}"])
    for n, (code, name, type_, stages) in enumerate(items, 1):
        ws = wb.create_sheet(f"明细表{n}")
        for row in ([name, ""], ["事项名称", name], ["事项编码", code], ["事项类型", type_], ["实施依据", "《水法》第七条"],
                    ["责任环节", "责任事项内容"], *[[s, f"{s}的内容。"] for s in stages], ["追责情形", "不依法履职的。"],
                    ["备注", "由县（区）水利局受理初审"]):
            ws.append(row)
    wb.save(tmp_path / "某市水利局权责清单.xlsx")
    doc = parse_list(tmp_path / "某市水利局权责清单.xlsx")
    assert [(r.item_name, r.code, r.type) for r in doc.records] == [(c[1], c[0], c[2]) for c in items]
    for rec, (_, _, _, stages) in zip(doc.records, items, strict=True):
        assert [d.stage for d in rec.responsibilities] == stages
        assert rec.accountability_situations == "不依法履职的。" and rec.remarks == "由县（区）水利局受理初审"
    assert any("目录" in w.message for w in doc.warnings)


def test_a_sheet_an_item_titled_with_its_name_and_no_name_label(tmp_path):
    """蓟州: a 汇总表 pointing to a sheet per item, each titled with the item's name (no 事项名称 label), then 事项编码 | …,
    事项类型 | …, 实施依据 | …, a 责任环节 | 责任内容 | 依据 table and a 追责情形 row: each item once, named by its title, its stages
    read; a sheet titled as a list (…权责清单) is no item."""
    wb = openpyxl.Workbook()
    contents = wb.active
    contents.title = "汇总表"
    items = [("JZCG-XK-001", "城市建筑垃圾处置核准", "行政许可", ["受理", "审查", "决定", "送达"]),
             ("JZCG-CF-001", "对随意倾倒建筑垃圾的处罚", "行政处罚", ["立案", "调查", "决定"])]
    for row in (["某区城市管理委员会权责清单汇总表", "", "", "", ""], ["序号", "事项编码", "事项名称", "事项类型", "明细表"],
                *[[str(n), c, name, t, f"见工作表“{c}”"] for n, (c, name, t, _) in enumerate(items, 1)]):
        contents.append(row)
    for code, name, type_, stages in items:
        ws = wb.create_sheet(code)
        for row in ([name, "", ""], ["事项编码", code, ""], ["事项类型", type_, ""], ["实施依据", PENALTY, ""],
                    ["责任环节", "责任内容", "依据"], *[[s, f"{s}的内容。", "《行政许可法》"] for s in stages],
                    ["追责情形", "不依法履职的。", ""]):
            ws.append([v or None for v in row])
    wb.save(tmp_path / "某区城市管理委员会权责清单.xlsx")
    doc = parse_list(tmp_path / "某区城市管理委员会权责清单.xlsx")
    assert [(r.item_name, r.code, r.type) for r in doc.records] == [(c[1], c[0], c[2]) for c in items]
    for rec, (_, _, _, stages) in zip(doc.records, items, strict=True):
        assert [d.stage for d in rec.responsibilities] == stages
        assert rec.accountability_situations == "不依法履职的。"
    # a title that is a list's, a body's, a section's or an attachment's, not an item's: the sheet is not read as an item of
    # that name (the card is whole: only its title could name it)
    for n, title in enumerate(["某区城市管理委员会权责清单", "某区城市管理委员会", "基本信息", "附件2-1", "2024年度权责事项",
                               "某区城市管理委员会行政许可事项（第一批）", "城市建筑垃圾处置核准办事指南"]):
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in ([title, ""], ["事项编码", "JZCG-XK-001"], ["事项类型", "行政许可"], ["实施依据", PENALTY],
                    ["责任事项", "受理：受理。"], ["追责情形", "不依法履职的。"]):
            ws.append(row)
        wb.save(tmp_path / f"某区城市管理委员会清单{n}.xlsx")
        with pytest.raises(FileRefused):
            parse_list(tmp_path / f"某区城市管理委员会清单{n}.xlsx")
    # … nor cards left unnamed under a title that reads as a name: two codes, two items, neither the title's
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["城市管理领域行政许可事项", ""], ["事项编码", "JZCG-XK-001"], ["事项类型", "行政许可"], ["实施依据", PENALTY],
                ["责任事项", "受理：受理。"], ["", ""], ["事项编码", "JZCG-XK-002"], ["事项类型", "行政许可"], ["实施依据", PENALTY],
                ["责任事项", "受理：受理。"]):
        ws.append([v or None for v in row])
    wb.save(tmp_path / "某区城市管理委员会权责清单.xlsx")
    with pytest.raises(FileRefused):
        parse_list(tmp_path / "某区城市管理委员会权责清单.xlsx")


def test_a_cards_duty_table_with_each_stages_time_limit_and_accountability(tmp_path):
    """汶川: a card's duties a table 「责任环节 | 责任内容 | 办理时限 | 追责情形」, a row a stage: each stage its duty (none of the
    table's cells an extra field of its own), its time limit and accountability kept as lines of their fields (a dash none)."""
    rows = [["某县应急管理局权责事项（一）", "", "", ""], ["事项名称", "烟花爆竹经营（零售）许可证核发", "", ""],
            ["权力类型", "行政许可", "事项编码", "513221-YJ-XK-002"], ["实施依据", "《烟花爆竹安全管理条例》第十九条", "", ""],
            ["责任环节", "责任内容", "办理时限", "追责情形"],
            ["受理", "依法受理申请，一次性告知补正。", "即时", "对符合法定条件的申请不予受理的。"],
            ["审查", "对经营场所进行现场审查。", "15个工作日", "对不符合安全条件的准予许可的。"],
            ["决定", "作出决定。", "暂无", "无。"], ["送达", "核发许可证。", "即时", "—"],
            ["承办股室", "危险化学品安全监督管理股", "备注", ""]]
    doc = parse_list(xlsx(tmp_path / "某县应急管理局权责清单.xlsx", rows))
    [rec] = doc.records
    assert (rec.item_name, rec.code, rec.type) == ("烟花爆竹经营（零售）许可证核发", "513221-YJ-XK-002", "行政许可")
    assert [(d.stage, d.text) for d in rec.responsibilities] == [
        ("受理", "受理：依法受理申请，一次性告知补正。"), ("审查", "审查：对经营场所进行现场审查。"), ("决定", "决定：作出决定。"),
        ("送达", "送达：核发许可证。")]
    assert rec.accountability_situations == "受理：对符合法定条件的申请不予受理的。\n审查：对不符合安全条件的准予许可的。"
    assert rec.extra == {"办理时限": "受理：即时\n审查：15个工作日\n送达：即时"}
    assert rec.unit == "危险化学品安全监督管理股"
    # two time limits side by side: each column kept, none lost
    two = [*(r + [""] for r in rows[:4]), ["责任环节", "责任内容", "法定时限", "承诺时限", "追责情形"],
           ["受理", "依法受理申请。", "即时", "即时", "不予受理的。"], ["审查", "现场审查。", "20个工作日", "15个工作日", "准予许可的。"]]
    [rec] = parse_list(xlsx(tmp_path / "某县应急管理局权责清单2.xlsx", two)).records
    assert sorted(rec.extra.values()) == ["受理：即时\n审查：15个工作日", "受理：即时\n审查：20个工作日"]


def test_a_sheet_an_item_in_two_tables_and_a_catalogue_of_them(tmp_path):
    """湘乡: a 目录 (事项编码 | 事项名称 | 权力类型, no column naming the sheets) and a sheet an item written as two tables — the
    item's header over its row, 「实施依据 | …」, then 序号 | 责任环节 | 责任事项 | 追责情形 | 责任股室 over a row a stage: each
    item once, its stages its duties, each stage's accountability kept; the catalogue's rows fold into their items."""
    wb = openpyxl.Workbook()
    contents = wb.active
    contents.title = "目录"
    items = [("430381-TY-GF-001", "残疾军人伤残抚恤金给付", "行政给付", [("受理", "受理申请。"), ("审核", "核对残疾等级。"),
                                                               ("发放", "按月发放。")]),
             ("430381-TY-CF-001", "对冒领抚恤金的处罚", "行政处罚", [("立案", "予以立案。"), ("调查取证", "调取记录。"),
                                                           ("告知", "告知陈述申辩权利。"), ("决定", "作出决定。")])]
    for row in (["某局权责清单目录", "", "", ""], ["序号", "事项编码", "事项名称", "权力类型"],
                *[[str(n), c, name, t] for n, (c, name, t, _) in enumerate(items, 1)]):
        contents.append(row)
    for n, (code, name, type_, steps) in enumerate(items, 1):
        ws = wb.create_sheet(f"{n}{name[:6]}")
        for row in ([f"某局权责事项（{n}）", "", "", "", ""], ["事项编码", "事项名称", "权力类型", "实施主体", "备注"],
                    [code, name, type_, "湘乡市退役军人事务局", ""], ["实施依据", "《军人抚恤优待条例》第四十九条", "", "", ""],
                    ["", "", "", "", ""], ["序号", "责任环节", "责任事项", "追责情形", "责任股室"],
                    *[[str(k), s, text, f"{s}不依法履职的。", "优抚股"] for k, (s, text) in enumerate(steps, 1)]):
            ws.append([v or None for v in row])
    wb.save(tmp_path / "湘乡市退役军人事务局权责清单.xlsx")
    doc = parse_list(tmp_path / "湘乡市退役军人事务局权责清单.xlsx")
    assert [(r.item_name, r.code, r.type) for r in doc.records] == [(name, c, t) for c, name, t, _ in items]
    pay, penalty = doc.records
    assert [d.stage for d in pay.responsibilities] == ["受理", "审查", "送达"]
    assert [d.stage for d in penalty.responsibilities] == ["立案", "调查", "告知", "决定"]
    assert penalty.basis_text == "《军人抚恤优待条例》第四十九条" and penalty.unit == "优抚股"
    assert "立案：立案不依法履职的。" in penalty.accountability_situations
    assert any("两张表" in w.message for w in doc.warnings) and any("目录" in w.message for w in doc.warnings)
    # a catalogue one of whose items has no sheet of its own is kept whole (that item would be lost)
    contents.append(["3", "430381-TY-JL-001", "表彰奖励", "行政奖励"])
    wb.save(tmp_path / "某局权责清单.xlsx")
    names = [r.item_name for r in parse_list(tmp_path / "某局权责清单.xlsx").records]
    assert names.count("对冒领抚恤金的处罚") == 2 and "表彰奖励" in names


def test_a_duty_sheet_and_an_accountability_sheet_naming_their_items(tmp_path):
    """龙岩: 权责事项目录 with the types, a 责任事项 sheet (事项编码 | 事项名称 | 环节序号 | 环节名称 | 环节内容, a row a stage) and a
    追责情形 sheet (事项编码 | 事项名称 | 追责情形 | 追责依据): both joined to the catalogue's items by code."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "权责事项目录"
    for row in (["某市应急管理局权责事项目录", "", "", ""], ["序号", "事项编码", "事项名称", "权力类型"],
                ["1", "YJ-XK-001", "烟花爆竹经营（批发）许可", "行政许可"], ["2", "YJ-CF-001", "对未采取措施消除事故隐患的处罚", "行政处罚"]):
        ws.append(row)
    duties = wb.create_sheet("责任事项")
    for row in (["某市应急管理局责任事项表", "", "", "", ""], ["事项编码", "事项名称", "环节序号", "环节名称", "环节内容"],
                ["YJ-XK-001", "烟花爆竹经营（批发）许可", "1", "受理", "受理申请。"],
                ["YJ-XK-001", "烟花爆竹经营（批发）许可", "2", "决定", "作出决定。"],
                ["YJ-CF-001", "对未采取措施消除事故隐患的处罚", "1", "立案", "予以立案。"]):
        duties.append(row)
    blamed = wb.create_sheet("追责情形")
    for row in (["某市应急管理局追责情形表", "", "", ""], ["事项编码", "事项名称", "追责情形", "追责依据"],
                ["YJ-XK-001", "烟花爆竹经营（批发）许可", "违法许可的。", "《安全生产法》第九十条"],
                ["YJ-CF-001", "对未采取措施消除事故隐患的处罚", "违法处罚的。", "《安全生产法》第九十条"]):
        blamed.append(row)
    wb.save(tmp_path / "某市应急管理局权责清单.xlsx")
    doc = parse_list(tmp_path / "某市应急管理局权责清单.xlsx")
    permit, penalty = doc.records
    assert [d.stage for d in permit.responsibilities] == ["受理", "决定"]
    assert [d.stage for d in penalty.responsibilities] == ["立案"]
    assert permit.accountability_situations.startswith("违法许可的。") and penalty.accountability_situations.startswith("违法处罚的。")


def test_a_cold_review_of_the_thirty_fifth_session_s_readings(tmp_path):
    """A second reader's inputs: a document's numbered lines under a part (「1.《…条例》」 under 实施依据, 「3.…」 under 责任事项)
    go on with the part, not items of their own, and a one-column 填报说明 is no list; a catalogue folded into its items gives
    them what they leave blank (实施依据); a service list's 服务事项名称 | 实施依据 | 实施机构 | 追责情形 stays a service list; a
    card's 「办理时限 | 20个工作日」 after its duty table is no step."""
    from importers.lists import parse_list as parse

    lines = ["某街道办事处权责清单", "", "一、行政处罚（2项）", "（一）对在城市建筑物上涂写、刻画的行政处罚", "事项编码：TD-CF-001",
             "实施依据：", "1.《城市市容和环境卫生管理条例》第三十四条", "2.《云南省城市市容和环境卫生管理条例》第二十条",
             "责任事项：", "1.依法受理举报。", "2.调查取证。", "3.审核后作出处罚决定并送达。", "追责情形：不依法处罚的。",
             "承办机构：综合行政执法队", "", "（二）对随意倾倒垃圾的行政处罚", "事项编码：TD-CF-002", "责任事项：依法查处。"]
    doc = parse(xlsx(tmp_path / "某街道办事处权责清单.xlsx", [[v] for v in lines]))
    assert [r.item_name for r in doc.records] == ["对在城市建筑物上涂写、刻画的行政处罚", "对随意倾倒垃圾的行政处罚"]
    first = doc.records[0]
    assert "第二十条" in first.basis_text and "3.审核后作出处罚决定并送达。" in first.responsibility_text
    assert first.unit == "综合行政执法队" and first.accountability_situations == "不依法处罚的。"
    notes = ["填报说明", "（一）事项基本情况", "事项名称：填写权力事项的规范名称。", "权力类型：按十类权力填写。", "",
             "（二）责任信息", "责任事项：填写各环节的责任。", "追责情形：填写追责情形。"]
    wb = openpyxl.Workbook()
    wb.active.title = "清单"
    for row in (["序号", "事项名称", "权力类型", "责任事项"], ["1", "取水许可", "行政许可", "1.受理责任：依法受理。2.决定责任：决定。"]):
        wb.active.append(row)
    guide = wb.create_sheet("填报说明")
    for line in notes:
        guide.append([line or None])
    wb.save(tmp_path / "某市水利局权责清单.xlsx")
    assert [r.item_name for r in parse(tmp_path / "某市水利局权责清单.xlsx").records] == ["取水许可"]
    # a catalogue with each item's 实施依据, its duties on a sheet a type
    wb = openpyxl.Workbook()
    wb.active.title = "表一"
    for row in (["序号", "事项编码", "事项名称", "权力类型", "实施依据", "承办机构"],
                ["1", "SL-XK-001", "取水许可", "行政许可", "《水法》第七条", "水资源科"],
                ["2", "SL-CF-001", "对非法取水的处罚", "行政处罚", "《水法》第六十九条", "水政监察大队"]):
        wb.active.append(row)
    for name, (code, item, type_, duty) in (("表二", ("SL-XK-001", "取水许可", "行政许可", "1.受理责任：依法受理。2.决定责任：决定。")),
                                            ("表三", ("SL-CF-001", "对非法取水的处罚", "行政处罚", "1.立案责任：立案。2.调查责任：调查。"))):
        ws = wb.create_sheet(name)
        ws.append(["事项编码", "事项名称", "权力类型", "责任事项", "追责情形"])
        ws.append([code, item, type_, duty, "不依法履职的。"])
    wb.save(tmp_path / "某市水务局权责清单.xlsx")
    permit, penalty = parse(tmp_path / "某市水务局权责清单.xlsx").records
    assert (permit.basis_text, permit.unit, len(permit.responsibilities)) == ("《水法》第七条", "水资源科", 2)
    assert penalty.basis_text == "《水法》第六十九条" and penalty.citations
    # a card's duty table with no label of its own, then an attribute of the item
    rows = [["某市水利局权责清单", ""]]
    for name in ("取水许可", "河道采砂许可"):
        rows += [["事项名称", name], ["事项类型", "行政许可"], ["实施依据", "《水法》第七条"], ["责任环节", "责任事项内容"],
                 ["受理", "受理申请。"], ["决定", "作出决定。"], ["办理时限", "20个工作日"], ["追责情形", "不依法履职的。"], ["", ""]]
    doc = parse(xlsx(tmp_path / "某市水利局权责清单二.xlsx", rows))
    assert [d.text for d in doc.records[0].responsibilities] == ["受理：受理申请。", "决定：作出决定。"]
    assert doc.records[0].extra.get("办理时限") == "20个工作日"


def test_a_service_list_naming_its_items_with_accountability_is_no_accountability_table(tmp_path):
    """表2 of 服务事项名称 | 实施依据 | 实施机构 | 追责情形 beside a typed 权力清单: its items 公共服务, as the service layout gives them,
    not rows of accountability for the first sheet's items."""
    wb = openpyxl.Workbook()
    wb.active.title = "权力清单"
    for row in (["序号", "事项编码", "事项名称", "权力类型", "责任事项"], ["1", "SL-XK-001", "取水许可", "行政许可", "1.受理责任：受理。"]):
        wb.active.append(row)
    ws = wb.create_sheet("表2")
    for row in (["序号", "事项编码", "服务事项名称", "实施依据", "实施机构", "追责情形"],
                ["1", "3301000012", "水利工程建设信息公开", "《政府信息公开条例》", "办公室", "不依法公开的。"]):
        ws.append(row)
    wb.save(tmp_path / "某市水利局权责清单.xlsx")
    doc = parse_list(tmp_path / "某市水利局权责清单.xlsx")
    assert [(r.item_name, r.type) for r in doc.records] == [("取水许可", "行政许可"), ("水利工程建设信息公开", "公共服务")]


def test_a_column_naming_sheets_of_something_else_is_no_contents(tmp_path):
    """A list whose 流程图 column names sheets of flowcharts (图1, 图2) is read, not skipped as a 目录; a card's 「是否收费 |
    No」 is a value, no label; a card's small table with its 序号 first and a row going on with the step above."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["序号", "事项名称", "权力类型", "实施依据", "流程图"], ["1", "取水许可", "行政许可", "《水法》第七条", "图1"],
                ["2", "对非法取水的处罚", "行政处罚", "《水法》第六十九条", "图2"]):
        ws.append(row)
    for name in ("图1", "图2"):
        wb.create_sheet(name).append(["申请", "→", "受理", "→", "审查"])
    wb.save(tmp_path / "某县水利局权责清单.xlsx")
    assert [r.item_name for r in parse_list(tmp_path / "某县水利局权责清单.xlsx").records] == ["取水许可", "对非法取水的处罚"]
    rows = [["某县档案局权责清单", "", "", "", ""]]
    for name in ("档案出境审批", "档案馆设立审批"):
        rows += [["事项名称", name, "", "", ""], ["事项类型", "行政许可", "", "", ""], ["是否收费", "No", "", "", ""],
                 ["责任事项", "序号", "环节", "内容", "依据"], ["", "1", "受理", "受理申请。", "《行政许可法》第三十二条"],
                 ["", "", "", "材料不全的一次性告知。", ""], ["", "2", "审查", "审查材料。", ""], ["追责情形", "不依法审批的。", "", "", ""],
                 ["", "", "", "", ""]]
    doc = parse_list(xlsx(tmp_path / "某县档案局权责清单.xlsx", rows))
    assert [(r.item_name, r.extra.get("是否收费"), [d.stage for d in r.responsibilities], r.accountability_situations)
            for r in doc.records] == [(n, "No", ["受理", "审查"], "不依法审批的。") for n in ("档案出境审批", "档案馆设立审批")]
    assert "材料不全的一次性告知" in doc.records[0].responsibilities[0].text


def test_a_record_a_cell_of_labelled_lines(tmp_path):
    """榆林: 序号 | 事项信息, each cell 「事项名称：…\n权力类型：…\n实施依据：…\n责任事项：…」 (a line with no label going on with
    the one above): a record a cell."""
    path = tmp_path / "某市能源局权责清单.csv"
    cells = [('"事项名称：企业投资能源项目核准\n权力类型：行政许可\n实施依据：《企业投资项目核准和备案管理条例》第三条\n'
              '责任事项：1.受理：接件。\n2.审查：审查评估。\n追责情形：违规核准的。"'),
             '"事项名称：煤矿安全生产监督检查\n权力类型：行政检查\n实施依据：《安全生产法》第六十五条\n责任事项：1.检查：检查。"']
    path.write_text("序号,事项信息\n" + "".join(f"{n},{c}\n" for n, c in enumerate(cells, start=1)), encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.type) for r in doc.records] == [("企业投资能源项目核准", "行政许可"), ("煤矿安全生产监督检查", "行政检查")]
    assert [d.stage for d in doc.records[0].responsibilities] == ["受理", "审查"]
    assert doc.records[0].accountability_situations == "违规核准的。"


def test_cells_of_labelled_lines_that_are_no_records(tmp_path):
    """A column telling how to fill a list in (「事项名称：填写事项的名称」) is no list; a cell's line whose label no mapping knows
    (处罚种类：罚款) is a field of its own, no line of the basis above it; a cell of two labels, one the item's name, is a record."""
    path = tmp_path / "某县水利局权责清单.csv"
    path.write_text('序号,名称,说明\n1,a,"事项名称：填写事项的名称\n权力类型：填写十类之一\n设定依据：填写法律法规"\n'
                    '2,b,"事项名称：按目录填写\n权力类型：按目录\n设定依据：按目录"\n', encoding="utf-8")
    with pytest.raises(FileRefused):
        parse_list(path)
    path.write_text('序号,事项信息\n1,"事项名称：对非法取水的处罚\n权力类型：行政处罚\n实施依据：《水法》第六十九条\n处罚种类：罚款"\n'
                    '2,"事项名称：水利检查\n权力类型：行政检查"\n', encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.basis_text) for r in doc.records] == [("对非法取水的处罚", "《水法》第六十九条"), ("水利检查", "")]
    assert doc.records[0].extra["处罚种类"] == "罚款"


def test_a_turned_table_with_a_group_column_and_a_continuation_below(tmp_path):
    """吕梁 and 石柱: a table turned on its side whose labels sit in a second column under group labels (基本信息 | 权力编码,
    责任事项 | 受理（立案）, 追责情形 alone in the first column), the stage labels with a note in brackets, and the table
    going on below itself (（续上表）, the labels again, items 3–4 in the same columns): every item read, each stage its
    own, 追责情形 not run into the stage above it."""
    block = [["基本信息", "权力编码", "{a}", "{b}"], ["", "权力名称", "{na}", "{nb}"], ["", "权力类型", "行政许可", "行政处罚"],
             ["", "设定依据", "《中华人民共和国水法》第四十八条", "《中华人民共和国水法》第六十九条"],
             ["责任事项", "受理（立案）", "受理申请。", "立案。"], ["", "审查（调查）", "审查材料。", "调查取证。"],
             ["", "决定", "作出决定。", "作出处罚决定。"], ["", "送达", "送达许可证。", "送达决定书。"],
             ["", "事后监管（执行）", "监督检查。", "督促履行。"], ["追责情形", "", "违法审批的。", "违法处罚的。"]]

    def filled(a, b, na, nb):
        return [[cell.format(a=a, b=b, na=na, nb=nb) for cell in row] for row in block]
    rows = [["某市水利局权责清单", "", "", ""], ["项目", "", "第1项", "第2项"],
            *filled("SL-XK-001", "SL-CF-001", "取水许可", "对擅自取水的处罚"), ["", "", "", ""], ["（续上表）", "", "", ""],
            ["项目", "", "第3项", "第4项"], *filled("SL-XK-002", "SL-CF-002", "河道采砂许可", "对非法采砂的处罚")]
    doc = parse_list(xlsx(tmp_path / "某市水利局权责清单.xlsx", rows))
    assert [(r.item_name, r.code) for r in doc.records] == [
        ("取水许可", "SL-XK-001"), ("对擅自取水的处罚", "SL-CF-001"),
        ("河道采砂许可", "SL-XK-002"), ("对非法采砂的处罚", "SL-CF-002")]
    assert [d.stage for d in doc.records[2].responsibilities] == ["受理", "审查", "决定", "送达", "事后监管"]
    assert doc.records[3].accountability_situations == "违法处罚的。"
    assert all("违法" not in d.text for r in doc.records for d in r.responsibilities)


def test_a_turned_table_whose_labels_come_again_inside_one_item(tmp_path):
    """What a cold review wrote against the continued table: 权力类型 again below 责任事项, two 备注 rows, and a 主项's and
    a 子项's 事项名称 one under the other are rows of one table, not a second table."""
    rows = [["某旗林业和草原局权责清单", "", ""], ["项目", "事项1", "事项2"],
            ["权力类型", "行政许可", "行政处罚"], ["权力名称", "林木采伐许可证核发", "对滥伐林木的处罚"],
            ["实施依据", "《中华人民共和国森林法》第五十六条", "《中华人民共和国森林法》第七十六条"],
            ["责任事项", "受理、审查、决定、送达、事后监管", "立案、调查、审查、告知、决定、送达、执行"],
            ["权力类型", "行政许可", "行政处罚"], ["备注", "下放至苏木镇", "无"], ["备注", "2023年新增", "2022年调整"]]
    doc = parse_list(xlsx(tmp_path / "某旗林业和草原局权责清单.xlsx", rows))
    assert [(r.item_name, r.type) for r in doc.records] == [("林木采伐许可证核发", "行政许可"), ("对滥伐林木的处罚", "行政处罚")]
    assert doc.records[0].remarks == "下放至苏木镇\n2023年新增"


def test_cards_side_by_side_of_different_lengths(tmp_path):
    """海东: two cards to a band (【事项一】 | 【事项二】), the right one shorter, so its 追责情形 stands beside the left one's
    duties: each card read as its own record, its fields its own."""
    rows = [["某市交通运输局权责清单", "", "", "", ""], ["", "", "", "", ""],
            ["【事项一】", "", "", "【事项二】", ""],
            ["事项名称", "道路旅客运输经营许可", "", "事项名称", "公路超限运输许可"],
            ["事项类别", "行政许可", "", "事项类别", "行政许可"],
            ["实施依据", "《中华人民共和国道路运输条例》第十条", "", "实施依据", "《中华人民共和国公路法》第七十六条"],
            ["责任事项", "受理责任：受理申请。", "", "责任事项", "受理责任：受理申请。"],
            ["", "审查责任：审查材料。", "", "", "决定责任：作出决定。"],
            ["", "决定责任：作出决定。", "", "追责情形", "违法审批的。"],
            ["", "送达责任：送达许可证。", "", "备注", "市管公路"],
            ["追责情形", "不依法受理的。", "", "", ""], ["", "", "", "", ""],
            ["【事项三】", "", "", "", ""], ["事项名称", "对擅自占用公路的处罚", "", "", ""], ["事项类别", "行政处罚", "", "", ""],
            ["责任事项", "立案责任：立案。", "", "", ""]]
    doc = parse_list(xlsx(tmp_path / "某市交通运输局权责清单.xlsx", rows))
    assert [(r.item_name, r.type) for r in doc.records] == [
        ("道路旅客运输经营许可", "行政许可"), ("公路超限运输许可", "行政许可"), ("对擅自占用公路的处罚", "行政处罚")]
    assert [d.stage for d in doc.records[0].responsibilities] == ["受理", "审查", "决定", "送达"]
    assert [d.stage for d in doc.records[1].responsibilities] == ["受理", "决定"]
    assert (doc.records[0].accountability_situations, doc.records[1].accountability_situations) == ("不依法受理的。", "违法审批的。")
    assert doc.records[1].remarks == "市管公路"


def test_blocks_named_by_a_number_and_a_name_in_two_cells_with_two_pairs_a_row(tmp_path):
    """陕西省文物局: each item a row 「一 | 文物拍卖许可证核发」 (its number alone in the labels' column), then cards of two
    pairs a row (权力类型 | 行政许可 | 权力编码 | …) and its duties a stage a row under 责任事项: each block one record."""
    rows = [["陕西省文物局权责清单", "", "", ""], ["填报单位（盖章）：陕西省文物局　填报时间：2023年9月", "", "", ""],
            ["", "", "", ""]]
    for n, (name, type_, code, stages) in enumerate([
            ("文物拍卖许可证核发", "行政许可", "61WW-XK-0305", ["受理责任", "审查责任", "决定责任"]),
            ("对擅自修缮不可移动文物的处罚", "行政处罚", "61WW-CF-0012", ["立案责任", "调查责任", "告知责任"])]):
        rows += [["一二"[n], name, "", ""], ["权力类型", type_, "权力编码", code],
                 ["实施主体", "陕西省文物局", "行使层级", "省级"], ["实施依据", "《中华人民共和国文物保护法》第五十四条", "", ""]]
        rows += [["责任事项" if i == 0 else "", stage, f"依法履行{stage[:2]}职责。", ""] for i, stage in enumerate(stages)]
        rows += [["追责情形", "不依法履行职责的。", "", ""], ["", "", "", ""]]
    doc = parse_list(xlsx(tmp_path / "陕西省文物局权责清单.xlsx", rows))
    assert [(r.item_name, r.type, r.code) for r in doc.records] == [
        ("文物拍卖许可证核发", "行政许可", "61WW-XK-0305"), ("对擅自修缮不可移动文物的处罚", "行政处罚", "61WW-CF-0012")]
    assert [[d.stage for d in r.responsibilities] for r in doc.records] == [["受理", "审查", "决定"], ["立案", "调查", "告知"]]
    assert doc.records[1].accountability_situations == "不依法履行职责的。"


def test_a_list_exported_a_field_a_row_is_read_a_record_an_item(tmp_path):
    """会宁's export: 事项编号 | 字段序号 | 字段名称 | 字段内容, each record's fields one row after another; its stages as
    fields of their own (责任事项-立案 …) or all in one 责任事项. Each item one record, numbered by its first row."""
    path = tmp_path / "会宁县人力资源和社会保障局权责清单.csv"
    fields = [("HN-CF-001", [("事项名称", "对用人单位使用童工的处罚"), ("权力类型", "行政处罚"),
                             ("设定依据", "《禁止使用童工规定》第六条"), ("责任事项-立案", "对发现的线索及时立案。"),
                             ("责任事项-调查", "核查童工年龄、用工时间。"), ("责任事项-决定", "依法作出行政处罚决定。"),
                             ("责任事项-归档", "案卷归档。"), ("追责情形", "不依法履职的。")]),
              ("HN-JL-002", [("事项名称", "对举报违法行为的奖励"), ("权力类型", "行政奖励"),
                             ("责任事项", "受理举报，核实后给予奖励。")])]
    lines = ["会宁县人力资源和社会保障局权责清单（系统导出）", "事项编号,字段序号,字段名称,字段内容"]
    lines += [f"{key},{n},{name},{value}" for key, items in fields for n, (name, value) in enumerate(items, start=1)]
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = parse_list(path)
    assert [(r.item_name, r.type, r.row) for r in doc.records] == [
        ("对用人单位使用童工的处罚", "行政处罚", 3), ("对举报违法行为的奖励", "行政奖励", 11)]
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查", "决定", None]
    assert "案卷归档" in doc.records[0].responsibilities[-1].text
    assert [d.text for d in doc.records[1].responsibilities] == ["受理举报，核实后给予奖励。"]
    assert doc.records[0].basis_text == "《禁止使用童工规定》第六条"
    assert doc.records[0].accountability_situations == "不依法履职的。"
    assert doc.records[1].extra.get("事项编号") == "HN-JL-002"
    assert any("每行是一个事项的一个字段" in w.message for w in doc.warnings)
