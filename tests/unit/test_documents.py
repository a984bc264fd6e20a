"""Lists and laws as offices and the national law database publish them in Word (.docx), and laws as plain text
(no Markdown marks, GBK as often as UTF-8): read as the same records and articles as their spreadsheet and
Markdown forms."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from importers import lists
from importers.laws import looks_like_law, parse_law
from importers.records import FileRefused
from importers.run import _may_be_law, parse_file
from importers.workbook import read_workbook
from tests.conftest import SHARED_DATA, Numbered, write_docx

LAW = SHARED_DATA / "laws" / "行政许可法(2019-04-23).md"
HEADER = [("序号", 1, "restart"), ("事项名称", 2), ("权力类型", 1, "restart"), ("实施依据", 1, "restart"),
          ("责任事项", 1, "restart"), ("追责情形", 1, "restart")]
UNDER = [("", 1, "continue"), "主项", "子项", *[("", 1, "continue")] * 4]


def _published(markdown: Path, spaced: bool = True) -> list[str]:
    """A LawRefBook text as 国家法律法规数据库 publishes it: the title a line of its own, the history in one line in
    brackets, a table of contents, headings without marks, 「第一条　」 with an ideographic space (or none)."""
    lines = markdown.read_text(encoding="utf-8").splitlines()
    history = [line.replace(" ", "") for line in lines if line[:4].isdecimal() and "年" in line[4:6]]
    body: list[str] = []
    for line in lines:
        if line.startswith(("## ", "### ")):
            body.append(line.lstrip("#").strip().replace(" ", "　"))
        elif line.startswith("第") and "条 " in line[:9]:
            body.append(line.replace(" ", "　" if spaced else "", 1))
        elif body and line.strip() and not line.startswith(("#", "<!--")):
            body.append("　　" + line.strip())
    contents = [line for line in body if "章　" in line[:6]]
    return [lines[0][2:], "（" + "　根据".join(history) + "）", "目　　录", *contents, *body]


def _same_articles(doc, markdown: Path) -> None:
    expected = parse_law(markdown)
    assert [(a.number, a.label, a.chapter, a.section, a.text) for a in doc.articles] == \
           [(a.number, a.label, a.chapter, a.section, a.text) for a in expected.articles]


def test_a_law_as_published_in_gbk_text_reads_as_its_markdown(tmp_path):
    path = tmp_path / "中华人民共和国行政许可法.txt"
    path.write_bytes("\r\n".join(_published(LAW)).encode("gb18030"))
    assert lists.sniff(path) == "law" and looks_like_law(path) and _may_be_law(path)
    doc = parse_law(path)
    assert (doc.title, doc.version_date, len(doc.articles)) == ("中华人民共和国行政许可法", "2019-04-23", 83)
    assert doc.history == ["2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过",
                           ("根据2019年4月23日第十三届全国人民代表大会常务委员会第十次会议《关于修改<中华人民共和国建筑法>"
                           "等八部法律的决定》修正")]
    _same_articles(doc, LAW)  # the table of contents set no article's chapter, no heading joined an article


@pytest.mark.parametrize("markdown", sorted((SHARED_DATA / "laws").glob("*.md")), ids=lambda p: p.stem)
def test_every_law_as_published_reads_as_its_markdown_in_text_and_in_word(tmp_path, markdown):
    expected = parse_law(markdown)
    text = tmp_path / "law.txt"
    text.write_bytes("\n".join(_published(markdown)).encode("gb18030"))
    word = write_docx(tmp_path / "law.docx", _published(markdown, spaced=False))  # 第一条为了…: no space
    for path in (text, word):
        doc = parse_law(path)
        assert (doc.title, doc.version_date) == (expected.title, expected.version_date)
        _same_articles(doc, markdown)


def test_a_law_in_word_under_its_order_without_spaces_after_the_numbers(tmp_path):
    order = ["中华人民共和国主席令", "第七号", ("《中华人民共和国行政许可法》已由第十届全国人民代表大会常务委员会第四次会议于2003年"
             "8月27日通过，现予公布。")]
    lines = _published(LAW, spaced=False)
    lines[-1] += "\n"  # (a line break inside the last paragraph)
    path = write_docx(tmp_path / "行政许可法.docx", order + lines)
    assert lists.sniff(path) == "law" and _may_be_law(path)
    doc = parse_law(path)
    assert (doc.title, doc.version_date) == ("中华人民共和国行政许可法", "2019-04-23")
    _same_articles(doc, LAW)


def test_a_paragraph_opening_with_an_article_it_cites_stays_in_its_article(tmp_path):
    path = tmp_path / "示例条例.txt"
    path.write_text("示例管理条例\n第一条为了测试，制定本条例。\n第二条本条例适用于示例。\n第三条规定的事项，"
                    "由县级人民政府决定。\n第五条不是第三条之后的条文。\n第三条县级人民政府负责示例工作。\n", encoding="utf-8")
    doc = parse_law(path)
    assert [(a.number, a.text) for a in doc.articles] == [
        (1, "为了测试，制定本条例。"),
        (2, "本条例适用于示例。\n第三条规定的事项，由县级人民政府决定。\n第五条不是第三条之后的条文。"),
        (3, "县级人民政府负责示例工作。")]


def test_a_list_whose_title_is_a_decision_is_still_a_list(tmp_path):
    path = tmp_path / "决定.csv"
    path.write_text("某市人民政府关于公布权责清单的决定\n序号,事项名称,权力类型,实施依据\n1,对违法建设的行政处罚,行政处罚,"
                    "\"第一条 《城乡规划法》第六十四条\"\n", encoding="utf-8")
    assert lists.sniff(path) == "list"


def transport_list(title: str, permit: str, penalty: str) -> list:
    """A county's list in Word: titles above a table of a header over two rows, an item with two sub-items merged down,
    then a group heading and a table of the same columns with the next item. `permit` and `penalty`: the bases."""
    return [
        "附件1", title, "（2024年版）",
        [HEADER, UNDER,
         ["1", ("公路超限运输许可", 1, "restart"), "跨县", "行政许可", permit,
          "1.受理责任：依法受理。\n2.审查责任：审查材料。\n3.决定责任：作出决定。\n4.送达责任：送达。\n5.事后监管责任：监督检查。",
          "违法许可的"],
         ["2", ("", 1, "continue"), "县内", "行政许可", permit, "1.受理责任\n2.审查责任", "违法许可的"]],
        "二、行政处罚（1项）",  # a group heading between two tables of the same columns: one table
        [["3", ("对擅自占用公路的处罚", 2), "行政处罚", penalty, "立案、调查、告知、决定、送达、执行", "违法处罚的"]],
    ]


def test_a_list_in_a_word_table_reads_its_merges_title_and_groups(tmp_path):
    path = write_docx(tmp_path / "清单.docx", transport_list(
        "某县交通运输局权责清单", "《中华人民共和国公路法》第七十六条", "《中华人民共和国公路法》第八十一条"))
    assert lists.sniff(path) == "list"
    container, sheets = read_workbook(path)
    assert (container, [s.name for s in sheets]) == ("docx", ["某县交通运输局权责清单"])
    sheet = sheets[0]
    assert sheet.cells[3] == ["序号", "事项名称", "", "权力类型", "实施依据", "责任事项", "追责情形"]
    assert sheet.shown_value(6, 1) == "公路超限运输许可" and sheet.covered_from_above(6, 1)
    assert sheet.cells[7][0] == "二、行政处罚（1项）" and sheet.merge_right_of(7, 0) == 6
    doc = lists.parse_list(path)
    assert (doc.container, doc.department, doc.title) == ("docx", "某县交通运输局", "某县交通运输局权责清单")
    assert [(r.name, r.type, r.row) for r in doc.records] == [
        ("公路超限运输许可（跨县）", "行政许可", 3), ("公路超限运输许可（县内）", "行政许可", 4),
        ("对擅自占用公路的处罚", "行政处罚", 6)]  # (rows as a reader counts the table's: its header is row 1)
    assert [d.stage for d in doc.records[0].responsibilities][:5] == ["受理", "审查", "决定", "送达", "事后监管"]
    assert doc.records[2].citations[0].article == 81


def test_a_table_split_at_a_page_keeps_one_header_and_another_table_is_a_sheet(tmp_path):
    header = ["序号", "事项名称", "事项类型", "设定依据"]
    path = write_docx(tmp_path / "某区市场监督管理局权责清单.docx", [
        "某区市场监督管理局权力清单",
        [header, ["1", "食品经营许可", "行政许可", "《中华人民共和国食品安全法》第三十五条"]],
        [header, ["2", "对无证经营食品的处罚", "行政处罚", "《中华人民共和国食品安全法》第一百二十二条"]],  # the page's header again
        "某区市场监督管理局公共服务事项清单",
        [["序号", "服务事项", "服务对象"], ["1", "消费投诉受理", "消费者"]],
    ])
    names = [s.name for s in read_workbook(path)[1]]
    assert names == ["某区市场监督管理局权力清单", "某区市场监督管理局公共服务事项清单"]
    first = read_workbook(path)[1][0]
    assert [row[1] for row in first.cells] == ["", "事项名称", "食品经营许可", "对无证经营食品的处罚"]


def test_what_word_does_not_show_is_not_read(tmp_path):
    """Deleted text, field codes, a drawing's fallback copy; cells skipped at a row's start (gridBefore), a row's cells
    in a content control."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

    def p(inner: str) -> str:
        return f"<w:p>{inner}</w:p>"

    def r(text: str) -> str:
        return f"<w:r><w:t>{text}</w:t></w:r>"

    def tc(inner: str) -> str:
        return f"<w:tc>{p(inner)}</w:tc>"

    body = (p(r("某镇人民政府") + "<w:del><w:r><w:delText>旧名</w:delText></w:r></w:del>" + r("权责清单"))
            + "<w:tbl><w:tr>" + tc(r("序号")) + tc(r("事项名称")) + tc(r("权力类型")) + "</w:tr>"
            + "<w:tr><w:sdt><w:sdtContent>" + tc(r("1")) + tc(
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD 名称 </w:instrText></w:r>'
                + r("农村村民宅基地审批") + "<mc:AlternateContent><mc:Choice/><mc:Fallback>"
                + r("副本") + "</mc:Fallback></mc:AlternateContent>") + tc(r("行政许可")) + "</w:sdtContent></w:sdt></w:tr>"
            + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc(r("对违法占地的处罚")) + tc(r("行政处罚"))
            + "</w:tr></w:tbl>")
    path = tmp_path / "镇.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", f'<w:document {w}><w:body>{body}</w:body></w:document>')
    sheet = read_workbook(path)[1][0]
    assert sheet.cells == [["某镇人民政府权责清单", "", ""], ["序号", "事项名称", "权力类型"],
                           ["1", "农村村民宅基地审批", "行政许可"], ["", "对违法占地的处罚", "行政处罚"]]


def test_a_damaged_word_97_document_is_refused_as_such(tmp_path):
    path = tmp_path / "权责清单.doc"  # the container Word 97-2003 shares with Excel's .xls
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "WordDocument".encode("utf-16-le") + bytes(2000))
    report = parse_file(path, explicit=False)
    assert report.status == "refused"
    assert report.errors[0]["message"].startswith("权责清单.doc 是损坏或不完整的 Word 97-2003 文档，无法读取（")


@pytest.mark.parametrize("blocks", [["关于权责清单的说明", "本局无权责事项。"], [], [[["姓名", "电话"], ["张三", "1"]]]])
def test_a_word_document_that_is_neither_is_skipped_in_a_folder_and_refused_when_named(tmp_path, blocks):
    path = write_docx(tmp_path / "说明.docx", blocks)
    assert lists.sniff(path) == "unknown"
    report = parse_file(path, explicit=False)  # a folder's notes beside its lists: skipped, and said why
    assert (report.status, report.warnings[0]["message"]) == (
        "skipped", "Word 文档中既没有表头可识别的清单表格，也没有法律条文，已跳过")
    report = parse_file(path, explicit=True)  # named on the command line: refused with the list reader's reason
    assert report.status == "refused" and report.errors


PORTAL_EXPORT = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta charset="gbk"><style>td {mso-number-format:"\\@";}</style><title>导出</title>
<script>document.write("<table><tr><td>事项名称</td></tr></table>")</script></head><body>
<table border="1">
<tr><td colspan="6">某市生态环境局权责清单</td></tr>
<tr><th rowspan="2">序号</th><th colspan="2">事项名称</th><th rowspan="2">权力类型</th><th rowspan="2">实施依据</th>
    <th rowspan="2">责任事项</th></tr>
<tr><th>主项</th><th>子项</th></tr>
<tr><td>1</td><td rowspan="2">建设项目环境影响评价文件审批</td><td>报告书</td><td>行政许可</td>
    <td>《中华人民共和国环境影响评价法》第二十二条</td>
    <td>1.受理责任：依法受理。<br>2.审查责任：审查
    材料。<br/>3.决定责任：作出决定。</td></tr>
<tr><td>2</td><td>报告表</td><td>行政许可</td><td>《中华人民共和国环境影响评价法》第二十二条</td>
    <td>1.受理责任<p>2.审查责任</p><table><tr><td>附</td><td>表</td></tr></table></td></tr>
<tr><td>3<td colspan=2>对超标排放污染物的处罚<td>行政处罚<td>《中华人民共和国大气污染防治法》第九十九条<td>立案&nbsp;调查
</table></body></html>"""


def test_a_portal_s_excel_export_that_is_a_web_page_is_read_as_its_table(tmp_path):
    """A 导出 Excel that writes the page's table as HTML under an .xls name (GBK, rowspan and colspan, cells and rows
    left open, a table inside a cell, a script that writes one): read as a workbook would be."""
    path = tmp_path / "export.xls"
    path.write_bytes(PORTAL_EXPORT.encode("gb18030"))
    assert lists.sniff(path) == "list"
    container, sheets = read_workbook(path)
    assert (container, len(sheets)) == ("html", 1)
    cells = sheets[0].cells
    assert cells[0][0] == "某市生态环境局权责清单" and sheets[0].merge_right_of(0, 0) == 5
    assert cells[3][5] == "1.受理责任：依法受理。\n2.审查责任：审查 材料。\n3.决定责任：作出决定。"  # (as a browser shows it)
    assert cells[4][5] == "1.受理责任\n2.审查责任\n附 表" and cells[5][5] == "立案 调查"
    doc = lists.parse_list(path)
    assert (doc.container, doc.department) == ("html", "某市生态环境局")
    assert [(r.name, r.type, r.row) for r in doc.records] == [
        ("建设项目环境影响评价文件审批（报告书）", "行政许可", 4), ("建设项目环境影响评价文件审批（报告表）", "行政许可", 5),
        ("对超标排放污染物的处罚", "行政处罚", 6)]


def test_a_law_saved_from_a_site_reads_as_its_markdown(tmp_path):
    from html import escape

    lines = _published(LAW)
    page = ('<!DOCTYPE html><html><head><meta charset="gbk"><title>' + escape(lines[0]) + "_某某网</title>"
            '<script>var x = "<p>第一条 假</p>";</script></head><body><div>当前位置：<a href="/">首页</a> &gt; 法律</div>'
            f"<h1>{escape(lines[0])}</h1>" + "".join(f"<p>{escape(line)}\n</p>" for line in lines[1:])
            + "<div>【打印】【关闭】</div><div>版权所有：某某人民政府办公厅 ICP备05070218号</div></body></html>")
    path = tmp_path / "law.html"
    path.write_bytes(page.encode("gb18030"))
    assert lists.sniff(path) == "law" and _may_be_law(path)
    doc = parse_law(path)
    assert (doc.title, doc.version_date) == ("中华人民共和国行政许可法", "2019-04-23")
    _same_articles(doc, LAW)  # the site's footer is not the last article's


def test_a_page_of_links_is_skipped_in_a_folder(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<html><body><p>权责清单公示</p><table><tr><td><a href='a.xls'>交通运输局</a></td></tr></table>"
                    "</body></html>", encoding="utf-8")
    assert lists.sniff(path) == "unknown"
    report = parse_file(path, explicit=False)
    assert (report.status, report.warnings[0]["message"]) == ("skipped", "网页中既没有表头可识别的清单表格，也没有法律条文，已跳过")



EXCEL_2003_XML = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="行政许可">
  <Table>
   <Column ss:Width="40"/><Column ss:Width="200"/><Column ss:Index="5" ss:Hidden="1"/>
   <Row><Cell ss:MergeAcross="5"><Data ss:Type="String">某县水利局权责清单</Data></Cell></Row>
   <Row><Cell ss:MergeDown="1"><Data ss:Type="String">序号</Data></Cell><Cell ss:MergeAcross="1"><Data ss:Type="String">事项名称</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">实施依据</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">旧依据</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">责任事项</Data></Cell></Row>
   <Row><Cell ss:Index="2"><Data ss:Type="String">主项</Data></Cell><Cell><Data ss:Type="String">子项</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">取水许可</Data></Cell><Cell><Data ss:Type="String">新建</Data></Cell><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><Font>《中华人民共和国水法》</Font><Font html:Color="#FF0000">第四十八条</Font></ss:Data></Cell><Cell><Data ss:Type="String">旧</Data></Cell><Cell><Data ss:Type="String">1.受理责任&#10;2.审查责任&#10;3.决定责任</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell><Data ss:Type="String">延续</Data></Cell><Cell><Data ss:Type="String">《中华人民共和国水法》第四十八条</Data></Cell><Cell/><Cell><Data ss:Type="String">1.受理责任</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>"""


def test_an_excel_2003_xml_workbook_under_an_xls_name_is_read_with_its_merges_and_hidden_columns(tmp_path):
    """What many systems' 导出 writes: cells placed by ss:Index or after a merge from above, ss:MergeAcross and
    ss:MergeDown, rich text, line breaks, a hidden column."""
    path = tmp_path / "导出.xls"
    path.write_text(EXCEL_2003_XML, encoding="utf-8")
    assert lists.sniff(path) == "list"
    container, sheets = read_workbook(path)
    assert (container, [s.name for s in sheets]) == ("xml2003", ["行政许可"])
    assert sheets[0].cells[4] == ["2", "", "延续", "《中华人民共和国水法》第四十八条", "", "1.受理责任"]
    assert sheets[0].covered_from_above(4, 1) and sheets[0].hidden_columns[0][0] == 4
    doc = lists.parse_list(path)
    assert (doc.container, doc.department) == ("xml2003", "某县水利局")
    assert [(r.name, r.type, r.basis_text, [d.stage for d in r.responsibilities]) for r in doc.records] == [
        ("取水许可（新建）", "行政许可", "《中华人民共和国水法》第四十八条", ["受理", "审查", "决定"]),
        ("取水许可（延续）", "行政许可", "《中华人民共和国水法》第四十八条", ["受理"])]
    assert any("隐藏的列 '旧依据'" in w.message for w in doc.warnings)


def test_a_table_that_frames_the_page_is_read_through(tmp_path):
    """Some offices lay the whole page out in a table of one cell: the list is the table inside it."""
    import re

    path = write_docx(tmp_path / "框.docx", transport_list("某县交通运输局权责清单", "《中华人民共和国公路法》第七十六条",
                                                          "《中华人民共和国公路法》第八十一条"))
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    body = members["word/document.xml"].decode("utf-8")
    inner = re.search(r"<w:body>(.*)<w:sectPr/>", body).group(1)
    members["word/document.xml"] = body.replace(inner, f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>").encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    doc = lists.parse_list(path)
    assert (doc.department, [r.name for r in doc.records]) == (
        "某县交通运输局", ["公路超限运输许可（跨县）", "公路超限运输许可（县内）", "对擅自占用公路的处罚"])


# --- what a review found in published shapes and hostile ones ---------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _raw_docx(path: Path, body: str, member: str = "word/document.xml") -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        if member != "word/document.xml":  # Word Online's main part, named by the package's relationship
            zf.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                        'relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/'
                        f'2006/relationships/officeDocument" Target="{member}"/></Relationships>')
        zf.writestr(member, f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return path


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{_p(text)}</w:tc>"


def _tbl(*rows: str) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"


ROW = ["序号", "事项名称", "权力类型", "实施依据"]
DATA = ["1", "对违法建设的处罚", "行政处罚", "《中华人民共和国城乡规划法》第六十四条"]


def test_an_older_writer_s_merge_across_and_word_online_s_main_part(tmp_path):
    merged = _tbl(_tc("序号") + _tc("事项名称", '<w:hMerge w:val="restart"/>') + _tc("", "<w:hMerge/>") + _tc("权力类型"),
                  "".join(map(_tc, ["1", "主项", "子项", "行政许可"])))
    sheet = read_workbook(_raw_docx(tmp_path / "h.docx", merged))[1][0]
    assert sheet.merge_right_of(0, 1) == 1
    online = _raw_docx(tmp_path / "online.docx", _p("某县自然资源局权力清单") + _tbl(*("".join(map(_tc, r)) for r in (ROW, DATA))),
                       member="word/document2.xml")
    assert lists.sniff(online) == "list"
    assert [r.name for r in lists.parse_list(online).records] == ["对违法建设的处罚"]


@pytest.mark.parametrize("heading", ["{d}", "一、{d}", "{d}（15项）"])
def test_a_word_compilation_whose_tables_share_one_header_keeps_each_department(tmp_path, heading):
    blocks: list = []
    for department, item, type_ in [("株洲市公安局", "对无证驾驶机动车的处罚", "行政处罚"), ("株洲市民政局", "社会团体成立登记", "行政许可")]:
        blocks += [heading.format(d=department), [ROW, ["1", item, type_, "《中华人民共和国行政许可法》第十二条"]]]
    doc = lists.parse_list(write_docx(tmp_path / "汇编.docx", blocks))
    assert [r.department for r in doc.records] == ["株洲市公安局", "株洲市民政局"]


def test_tables_apart_stay_apart_and_a_table_without_a_header_continues(tmp_path):
    service = [["序号", "服务事项名称", "服务对象", "办理依据（法律、法规、规章名称及具体条款）"], ["1", "不动产登记资料查询", "公民", "《不动产登记暂行条例》"]]
    path = write_docx(tmp_path / "two.docx", ["某县自然资源局权力清单", [ROW, DATA], "", service])  # (an empty paragraph)
    assert len(read_workbook(path)[1]) == 2
    more = ["2", "对超限运输的处罚", "行政处罚", "《中华人民共和国公路法》第七十六条"]
    path = write_docx(tmp_path / "groups.docx", ["某县交通运输局权责清单", [ROW, DATA], "二、行政处罚事项清单（1项）", [more]])
    assert [r.name for r in lists.parse_list(path).records] == ["对违法建设的处罚", "对超限运输的处罚"]


def _page(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_a_page_s_caption_its_unclosed_head_and_table_and_its_layout_table(tmp_path):
    cells = "".join(f"<td>{v}</td>" for v in DATA)
    header = "".join(f"<th>{v}</th>" for v in ROW)
    pages = {
        "caption.html": f"<html><body><table><caption>某县自然资源局权责清单</caption><tr>{header}</tr><tr>{cells}</tr></table>",
        "head.html": f"<html><head><title>清单<body><p>某县自然资源局权责清单</p><table><tr>{header}<tr>{cells}</table>",
        "open.html": f"<p>某县自然资源局权责清单</p><table><tr>{header}<tr>{cells}",
        "layout.html": "<html><body><table width=980><tr><td><a href='/'>首页</a></td><td><h2>某县自然资源局权责清单</h2>"
                       f"<table><tr>{header}</tr><tr>{cells}</tr></table></td></tr></table></body></html>",
        "tableToExcel.xls": '<html xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:'
                            f'office:spreadsheet"><head></head><body><p>某县自然资源局权责清单</p><table><tr>{header}</tr>'
                            f"<tr>{cells}</tr></table></body></html>",
    }
    for name, html in pages.items():
        doc = lists.parse_list(_page(tmp_path, name, html))
        assert (doc.container, doc.department, [r.name for r in doc.records]) == (
            "html", "某县自然资源局", ["对违法建设的处罚"]), name


def test_a_law_in_a_page_s_layout_table_under_its_site_s_path_and_menu(tmp_path):
    menu = "".join(f"<li>{m}</li>" for m in ["以案释法", "法律法规", *[f"栏目{i}" for i in range(14)]])
    body = ("<p>中华人民共和国网络安全法</p><p>（2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过）</p>"
            "<p>第一条　为了保障网络安全，制定本法。</p>"
            "<p>第二十八条　网络运营者应当为公安机关、国家安全机关依法维护国家安全和侦查犯罪的活动提供技术支持和协助。</p>"
            "<p>技术支持：某某公司</p>")
    page = (f"<html><body><div>首页 &gt; 法律法规 &gt; 网络安全法</div><ul>{menu}</ul><table width=980><tr>"
            f"<td><ul><li>导航</li></ul></td><td>{body}</td></tr></table></body></html>")
    doc = parse_law(_page(tmp_path, "law.html", page))
    assert (doc.title, doc.version_date) == ("中华人民共和国网络安全法", "2016-11-07")
    assert [(a.number, a.text[-6:]) for a in doc.articles] == [(1, "，制定本法。"), (28, "支持和协助。")]  # (the footer dropped)
    framed = write_docx(tmp_path / "law.docx", [[[("中华人民共和国网络安全法\n（2016年11月7日第十二届全国人民代表大会常务委员会"
                                                   "第二十四次会议通过）\n第一条　为了保障网络安全，制定本法。")]]])
    assert [a.number for a in parse_law(framed).articles] == [1]


def test_a_history_in_brackets_over_several_lines(tmp_path):
    path = tmp_path / "law.txt"
    path.write_text("中华人民共和国行政处罚法\n（1996年3月17日第八届全国人民代表大会第四次会议通过\n根据2009年8月27日第十一届全国人民"
                    "代表大会常务委员会第十次会议第一次修正\n2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）\n"
                    "第一条　为了规范行政处罚的设定和实施，制定本法。\n", encoding="utf-8")
    doc = parse_law(path)
    assert doc.history[0].startswith("1996年") and doc.history[-1].endswith("会议修订") and doc.version_date == "2021-01-22"


def test_an_excel_2003_xml_workbook_declared_in_gbk(tmp_path):
    path = tmp_path / "gbk.xls"
    path.write_bytes(EXCEL_2003_XML.replace('encoding="UTF-8"', 'encoding="GBK"').encode("gb18030"))
    assert [r.name for r in lists.parse_list(path).records] == ["取水许可（新建）", "取水许可（延续）"]


def test_spans_no_list_has_are_refused_at_once(tmp_path):
    """A few hundred bytes whose merges would cover billions of cells: refused with what is wrong, not read."""
    xml = ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-'
           'microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Row><Cell><Data>序号</Data></Cell></Row>'
           '<Row ss:Index="200000"><Cell ss:Index="200000"><Data>x</Data></Cell></Row></Table></Worksheet></Workbook>')
    spans = "<table><tr>" + '<td rowspan="1000" colspan="1000">a</td>' * 30 + "</tr>" + "<tr><td>x</td></tr>" * 1000
    wide = _tbl("".join(_tc("a", '<w:gridSpan w:val="999"/>') for _ in range(200)), *[_tc("y")] * 5000)
    for path in (_page(tmp_path, "b.xls", xml), _page(tmp_path, "b.html", spans), _raw_docx(tmp_path / "d.docx", wide)):
        with pytest.raises(FileRefused) as refused:
            read_workbook(path)
        assert "表格过大" in refused.value.errors[0].message, path.name


# --- and what a second review found ------------------------------------------------------------------------------


def test_a_compilation_s_long_header_or_left_out_header_and_a_page_split_under_a_merge(tmp_path):
    long = ["序号", "事项名称", "权力类型", "追责情形（不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任）"]
    police, civil = ["1", "对无证驾驶机动车的处罚", "行政处罚", "滥用职权的"], ["1", "社会团体成立登记", "行政许可", "违法登记的"]
    for second in ([long, civil], [civil]):  # the second department's table with its header, or without it
        doc = lists.parse_list(write_docx(tmp_path / "汇编.docx", [
            "株洲市公安局权责清单", [long, police], "株洲市民政局权责清单", second]))
        assert [(r.name, r.department) for r in doc.records] == [
            ("对无证驾驶机动车的处罚", "株洲市公安局"), ("社会团体成立登记", "株洲市民政局")]
    head = [("序号", 1), ("事项名称", 1), ("子项", 1), ("权力类型", 1), ("实施依据", 1)]
    first = [head, ["1", ("公路超限运输许可", 1, "restart"), "跨县", "行政许可", "《中华人民共和国公路法》第七十六条"]]
    after_page = [[("", 1), ("", 1, "continue"), "县内", "行政许可", "《中华人民共和国公路法》第七十六条"]]
    doc = lists.parse_list(write_docx(tmp_path / "某县交通运输局权责清单.docx", [first, after_page]))
    assert [r.name for r in doc.records] == ["公路超限运输许可（跨县）", "公路超限运输许可（县内）"]


def test_a_list_with_a_small_table_in_a_cell_is_still_the_list(tmp_path):
    page = ("<html><body><p>某县自然资源局权责清单</p><table><tr><th>事项名称</th><th>权力类型</th><th>实施依据</th></tr>"
            "<tr><td>取水许可</td><td>行政许可</td><td>《中华人民共和国水法》<table><tr><td>条</td><td>款</td></tr>"
            "<tr><td>48</td><td>1</td></tr></table></td></tr><tr><td>对违法建设的处罚</td><td>行政处罚</td>"
            "<td>《中华人民共和国城乡规划法》第六十四条</td></tr></table></body></html>")
    doc = lists.parse_list(_page(tmp_path, "list.html", page))
    assert [r.name for r in doc.records] == ["取水许可", "对违法建设的处罚"]


def test_a_law_s_title_beside_its_database_s_categories_and_links_and_its_history_line_by_line(tmp_path):
    page = ("<html><body><h1>中华人民共和国行政许可法</h1><table><tr><td><ul><li>宪法相关法</li><li>行政法</li><li>经济法</li>"
            "</ul><p>相关法规：中华人民共和国行政处罚法</p></td><td><p>（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过）</p>"
            "<p>第一章 总则</p><p>第一条 为了规范行政许可的设定和实施，制定本法。</p><p>第三章 技术支持</p>"
            "<p>第二条 本法所称行政许可。</p></td></tr></table></body></html>")
    doc = parse_law(_page(tmp_path, "law.html", page))
    assert (doc.title, doc.version_date) == ("中华人民共和国行政许可法", "2003-08-27")
    assert [(a.number, a.chapter) for a in doc.articles] == [(1, "第一章 总则"), (2, "第三章 技术支持")]
    path = tmp_path / "regulation.txt"
    path.write_text("某省安全生产条例\n（2004年6月16日省人民政府令第188号公布）\n（根据2010年12月28日省人民政府令第252号修正）\n"
                    "第一条　为了加强安全生产工作，制定本条例。\n", encoding="utf-8")
    doc = parse_law(path)
    assert (len(doc.history), doc.version_date) == (2, "2010-12-28")


def test_csv_lists_stay_lists_whatever_their_first_cell_or_title_says(tmp_path):
    for name, text in {"p.csv": "<p>某县水利局权责清单</p>\n序号,事项名称,权力类型\n1,取水许可,行政许可\n",
                       "decision.csv": "某县水利局权责清单的决定\n序号,事项名称,权力类型,实施依据\n1,取水许可,行政许可,"
                                       "\"《中华人民共和国水法》\n第一条 为了合理开发水资源\"\n"}.items():
        path = _page(tmp_path, name, text)
        assert (lists.sniff(path), [r.name for r in lists.parse_list(path).records]) == ("list", ["取水许可"]), name


def test_the_import_report_calls_a_document_s_table_a_table(capsys):
    from kb.cli.data import _print_import

    warning = {"message": "「同上」按上一项的同一列读取", "sheet": "某县交通运输局权责清单", "row": 4, "column": None,
               "severity": "notice"}
    files = [{"path": f"/x/清单{suffix}", "kind": "list", "status": "imported", "department": "某县交通运输局",
              "records": 3, "errors": [], "warnings": [warning]} for suffix in (".docx", ".xlsx")]
    _print_import({"files": files, "nodes_created": 0, "relationships_created": 0, "dry_run": False, "notices": []})
    err = capsys.readouterr().out
    assert "（表格 某县交通运输局权责清单，行 4）" in err and "（工作表 某县交通运输局权责清单，行 4）" in err


def _numbered_law(lines: list[str]) -> list:
    """The lines of a law as typed in Word with its articles and chapters in numbered lists: 「第一条」 and 「第一章」
    drawn by Word, not in the text (the table of contents typed)."""
    body = lines.index(next(line for line in lines if "章　" in line[:6]), lines.index("目　　录") + 2)
    blocks: list = lines[:body]
    for line in lines[body:]:
        if line.startswith("第") and "条" in line[:9]:
            blocks.append(Numbered(line[line.index("条") + 1:], num=1))
        elif line.startswith("第") and "章　" in line[:7]:
            blocks.append(Numbered(line[line.index("章") + 2:], num=2))
        else:
            blocks.append(line)
    return blocks


def test_a_law_whose_articles_word_numbers_reads_as_its_markdown(tmp_path):
    path = write_docx(tmp_path / "行政许可法.docx", _numbered_law(_published(LAW, spaced=False)),
                      numbering={1: [("chineseCounting", "第%1条")], 2: [("chineseCounting", "第%1章")]})
    assert "第一条" not in zipfile.ZipFile(path).read("word/document.xml").decode()
    assert lists.sniff(path) == "law"
    doc = parse_law(path)
    assert (doc.title, doc.version_date, len(doc.articles)) == ("中华人民共和国行政许可法", "2019-04-23", 83)
    _same_articles(doc, LAW)


def test_a_list_whose_numbers_word_draws_reads_as_the_one_typed(tmp_path):
    typed = transport_list("某县交通运输局权责清单", "《中华人民共和国公路法》第七十六条", "《中华人民共和国公路法》第八十一条")
    drawn = transport_list("某县交通运输局权责清单", "《中华人民共和国公路法》第七十六条", "《中华人民共和国公路法》第八十一条")
    for table in (b for b in drawn if isinstance(b, list)):
        for row in table:
            if row[0] in ("1", "2", "3"):
                row[0] = Numbered("")
    path = write_docx(tmp_path / "清单.docx", drawn, numbering={1: [("decimal", "%1")]})
    expected = lists.parse_list(write_docx(tmp_path / "typed.docx", typed))
    doc = lists.parse_list(path)
    assert [(r.name, r.type, r.row, r.seq, r.basis_text) for r in doc.records] == \
           [(r.name, r.type, r.row, r.seq, r.basis_text) for r in expected.records]
    assert read_workbook(path)[1][0].cells[6][0] == "2\t"  # the number Word draws, and the tab after it


def test_word_numbers_levels_restarts_and_formats(tmp_path):
    path = write_docx(tmp_path / "编号.docx", [
        Numbered("总则"), Numbered("目的", level=1), Numbered("适用", level=1),
        Numbered("许可"), Numbered("条件", level=1), "（不在列表中）", Numbered("程序", level=1),
        Numbered("另起", num=2), Numbered("又一", num=2, level=1),
        Numbered("项目", num=3), Numbered("项目", num=3)], numbering={
        1: [("chineseCounting", "%1、"), ("decimal", "%1.%2")], 3: [("bullet", "\uf0b7")]}, restart={2: (1, 0)})
    from importers.document import docx_text
    from importers.source import Source

    assert docx_text(Source(path)).split("\n") == [
        "一、\t总则", "一.1\t目的", "一.2\t适用", "二、\t许可", "二.1\t条件", "（不在列表中）", "二.2\t程序",
        "一、\t另起", "一.1\t又一", "项目", "项目"]  # (a parent's number in its own format: Word's, unless isLgl)


@pytest.mark.parametrize(("n", "fmt", "shown"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (23, "chineseCountingThousand", "二十三"),
    (105, "chineseCounting", "一百零五"), (12, "chineseLegalSimplified", "壹拾贰"), (3, "ideographTraditional", "丙"),
    (3, "decimalEnclosedCircle", "③"), (2, "decimalEnclosedParen", "⑵"), (7, "decimalFullWidth", "７"),
    (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"), (5, "decimalZero", "05"), (2, "none", ""),
    (12345, "chineseCounting", "12345"), (3, "cardinalText", "3")])
def test_word_number_formats(n, fmt, shown):
    from importers.numbering import format_counter

    assert format_counter(n, fmt) == shown


def test_a_style_that_numbers_its_paragraphs(tmp_path):
    """Articles numbered by their paragraph style (条, based on a style whose list is 第%1条), not by a list of their
    own; a paragraph that switches its style's list off (numId 0) keeps no number."""
    path = write_docx(tmp_path / "条例.docx", ["示例管理条例", Numbered("为了测试，制定本条例。"), Numbered("本条例适用于示例。"),
                                              Numbered("（不编号）", num=0), Numbered("本条例自公布之日起施行。")],
                      numbering={1: [("chineseCounting", "第%1条")]})
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    document = parts["word/document.xml"].decode()
    parts["word/document.xml"] = document.replace('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
                                                  '<w:pStyle w:val="ArticleStyle"/>').encode()
    parts["word/styles.xml"] = (
        b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:style w:type="paragraph" w:styleId="Numbered"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        b'<w:style w:type="paragraph" w:styleId="ArticleStyle"><w:basedOn w:val="Numbered"/></w:style></w:styles>')
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    doc = parse_law(path)
    assert [(a.label, a.text) for a in doc.articles] == [
        ("第一条", "为了测试，制定本条例。"), ("第二条", "本条例适用于示例。\n（不编号）"), ("第三条", "本条例自公布之日起施行。")]


def _web_archive(pages: list[tuple], first: str = "MIME-Version: 1.0") -> bytes:
    """A web archive (.mht) as Excel's or a browser's "save as single file web page" writes one: its headers, then each
    (name, html, encoding[, charset]) a part of its own ("quoted-printable" or "base64"; labelled gb2312 and written in
    GB18030 unless the charset is "" — no label, UTF-8, as Chrome writes a page), and a picture."""
    import base64
    import quopri

    boundary = "----=_NextPart_01DA0000.5E1C2B40"
    out = [first, "X-Document-Type: Workbook", f'Content-Type: multipart/related; boundary="{boundary}"', "",
           "This document is a Single File Web Page, also known as a Web Archive file.", ""]
    for name, html, encoding, *label in pages:
        charset = label[0] if label else "gb2312"
        data = html.encode("gb18030" if charset else "utf-8")
        body = quopri.encodestring(data) if encoding == "quoted-printable" else base64.encodebytes(data)
        out += [f"--{boundary}", f"Content-Location: file:///C:/export.files/{name}",
                f"Content-Transfer-Encoding: {encoding}",
                f'Content-Type: text/html; charset="{charset}"' if charset else "Content-Type: text/html", "",
                body.decode("ascii")]
    out += [f"--{boundary}", "Content-Location: file:///C:/export.files/image001.gif", "Content-Transfer-Encoding: base64",
            "Content-Type: image/gif", "", base64.encodebytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").decode(),
            f"--{boundary}--", ""]
    return "\r\n".join(out).encode("ascii")


def test_an_excel_export_saved_as_a_web_archive_is_read_as_its_table(tmp_path):
    """Excel's "single file web page" (an .mht, or under an .xls name): a frame page and the tabs' page without a
    table, the sheet's page in quoted-printable GBK."""
    frame = '<html><head><meta name="Excel Workbook Frameset"></head><frameset><frame src="sheet001.htm"></frameset></html>'
    tabs = '<html><body><a href="sheet001.htm">Sheet1</a></body></html>'
    for name in ("export.xls", "export.mht"):
        path = tmp_path / name
        path.write_bytes(_web_archive([("frame.htm", frame, "base64"), ("sheet001.htm", PORTAL_EXPORT, "quoted-printable"),
                                       ("tabstrip.htm", tabs, "base64")]))
        assert lists.sniff(path) == "list", name
        container, sheets = read_workbook(path)
        assert (container, len(sheets)) == ("html", 1)
        doc = lists.parse_list(path)
        assert (doc.container, doc.department) == ("html", "某市生态环境局")
        assert [(r.name, r.type, r.row) for r in doc.records] == [
            ("建设项目环境影响评价文件审批（报告书）", "行政许可", 4), ("建设项目环境影响评价文件审批（报告表）", "行政许可", 5),
            ("对超标排放污染物的处罚", "行政处罚", 6)], name


def test_a_law_saved_as_a_web_archive_reads_as_its_markdown(tmp_path):
    from html import escape

    lines = _published(LAW)
    lines[1] = lines[1].replace("通过", "通过（委员长朱镕基）")  # (镕: in GBK, not in GB2312)
    page = (f"<html><head><title>{escape(lines[0])}</title></head><body><h1>{escape(lines[0])}</h1>"
            + "".join(f"<p>{escape(line)}</p>" for line in lines[1:]) + "<div>版权所有：某某网</div></body></html>")
    for label, saved_by in (("gb2312", "Windows Internet Explorer 8"), ("", "Blink")):  # (Chrome: no charset, UTF-8)
        path = tmp_path / f"行政许可法{saved_by[:5]}.mht"
        path.write_bytes(_web_archive([("law.htm", page, "base64", label)],
                                      first=f"From: <Saved by {saved_by}>\r\nSubject: law\r\nMIME-Version: 1.0"))
        assert lists.sniff(path) == "law" and _may_be_law(path)
        doc = parse_law(path)
        assert (doc.title, doc.version_date) == ("中华人民共和国行政许可法", "2019-04-23")
        assert "朱镕基" in doc.history[0]
        _same_articles(doc, LAW)


def test_chapters_and_articles_as_two_levels_of_one_list_count_the_articles_on(tmp_path):
    """A law whose 第%1章 and 第%2条 are levels of one Word list, the articles' level never restarting (lvlRestart 0), a
    paragraph deleted while changes were tracked neither shown nor counted."""
    path = write_docx(tmp_path / "示例条例.docx", [
        "示例管理条例", Numbered("总则"), Numbered("为了测试，制定本条例。", level=1), Numbered("本条例适用于示例。", level=1),
        Numbered("附则"), Numbered("删去的一条。", level=1, deleted=True), Numbered("本条例自公布之日起施行。", level=1)],
        numbering={1: [("chineseCounting", "第%1章"), ("chineseCounting", "第%2条", 0)]})
    doc = parse_law(path)
    assert [(a.label, a.chapter, a.text) for a in doc.articles] == [
        ("第一条", "第一章 总则", "为了测试，制定本条例。"), ("第二条", "第一章 总则", "本条例适用于示例。"),
        ("第三条", "第二章 附则", "本条例自公布之日起施行。")]


def test_a_list_instance_that_starts_a_level_elsewhere(tmp_path):
    """List 2 shares list 1's definition and starts its second level at 5 (startOverride), also under its first item,
    which restarts that level (Word: the override is the instance's start for the level)."""
    path = write_docx(tmp_path / "编号.docx", [Numbered("甲"), Numbered("乙", level=1), Numbered("丙", level=1),
                                              Numbered("丁", num=2), Numbered("戊", num=2, level=1)],
                      numbering={1: [("decimal", "%1."), ("decimal", "%1.%2")]}, restart={2: (1, 1, 5)})
    from importers.document import docx_text
    from importers.source import Source

    assert docx_text(Source(path)).split("\n") == ["1.\t甲", "1.1\t乙", "1.2\t丙", "2.\t丁", "2.5\t戊"]


def test_a_portal_page_s_title_table_and_breadcrumb_and_a_boundary_column(tmp_path):
    """贡江镇's .xls (a page): its title in a table of its own above the list's — the list's title and year, not a sheet
    skipped; 宜良's page: the site's path (首页 > 政务公开 > 权责清单) and its 发布时间 line are no title; a 职责边界 column in
    prose (where the township's part ends) is kept as it is, not read as the duties, which a column of steps is."""
    town = tmp_path / "贡江镇权责清单.xls"
    town.write_text(
        '<html><head><meta charset="utf-8"><title>于都县贡江镇权责清单</title></head><body>'
        '<table><tr><td colspan="5">于都县贡江镇权责清单（2024年）</td></tr></table>'
        '<table border="1"><tr><th>序号</th><th>事项名称</th><th>权力类型</th><th>实施依据</th><th>职责边界</th></tr>'
        '<tr><td>1</td><td>对食品生产经营者的监督检查</td><td>行政检查</td><td>《中华人民共和国食品安全法》第一百一十条</td>'
        '<td>镇负责辖区内食品摊贩的日常巡查；涉及食品生产环节的由县市场监督管理局负责。</td></tr>'
        '<tr><td>2</td><td>对燃放烟花爆竹的检查</td><td>行政检查</td><td>《烟花爆竹安全管理条例》第三十五条</td>'
        '<td>1.检查责任：依法开展检查。2.处置责任：发现问题移交县公安局。</td></tr></table></body></html>',
        encoding="utf-8")
    doc = lists.parse_list(town)
    assert (doc.title, doc.version, doc.department) == ("于都县贡江镇权责清单（2024年）", "2024", "于都县贡江镇人民政府")
    assert not [w for w in doc.warnings if "已跳过此工作表" in w.message]
    prose, steps = doc.records
    assert prose.responsibilities == [] and prose.extra["职责边界"].startswith("镇负责辖区内食品摊贩的日常巡查")
    assert [d.stage for d in steps.responsibilities] == ["检查", "处置"] and "职责边界" not in steps.extra
    assert "responsibility_text" in doc.fields
    # a list whose 职责边界 is prose throughout has no column of duties: one finding for the list, not one a power
    prose_only = tmp_path / "贡江镇权责清单（职责边界）.xls"
    prose_only.write_text(town.read_text(encoding="utf-8").split("<tr><td>2</td>")[0]
                          + "</table></body></html>", encoding="utf-8")
    doc = lists.parse_list(prose_only)
    assert len(doc.records) == 1 and "responsibility_text" not in doc.fields and "basis_text" in doc.fields

    page = tmp_path / "宜良县应急管理局权责清单.html"
    page.write_text(
        '<html><body><div>首页 &gt; 政务公开 &gt; 权责清单</div><h1>宜良县应急管理局权责清单</h1>'
        '<p>发布时间：2024-03-15　来源：宜良县人民政府网</p><table border="1"><tr><th>序号</th><th>事项名称</th>'
        '<th>权力类型</th><th>实施依据</th></tr><tr><td>1</td><td>对生产经营单位的监督检查</td><td>行政检查</td>'
        '<td>《中华人民共和国安全生产法》第六十五条</td></tr></table></body></html>', encoding="utf-8")
    doc = lists.parse_list(page)
    assert (doc.title, doc.department) == ("宜良县应急管理局权责清单", "宜良县应急管理局")
    # … its year, in neither the title nor the file's name, is the page's 发布时间's, and the import says so
    assert doc.version == "2024"
    assert any(w.message == "清单版本取为 2024：标题和文件名中没有年份，按网页的发布时间" for w in doc.warnings)
    page.write_text(page.read_text(encoding="utf-8").replace("发布时间：2024-03-15", "浏览次数：12"), encoding="utf-8")
    assert lists.parse_list(page).version == ""  # (no date on the page: no year made up)
