import hashlib
import re
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
import xlrd

from importers.citations import law_key, normalise_title, parse_citations
from tests.conftest import KARAMAY

BASIS_COLUMNS = ("实施依据", "责任事项依据")


# --- the real cells -----------------------------------------------------------------------------

def _sheets(path: Path):
    """(sheet name, rows of cell text) with cells covered by a merge blanked."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        book = openpyxl.load_workbook(path, data_only=True)
        for sheet in book.worksheets:
            covered = {(r - 1, c - 1) for m in sheet.merged_cells.ranges
                       for r in range(m.min_row, m.max_row + 1) for c in range(m.min_col, m.max_col + 1)
                       if (r, c) != (m.min_row, m.min_col)}
            yield sheet.title, [["" if (r, c) in covered or v is None else str(v) for c, v in enumerate(row)]
                                for r, row in enumerate(sheet.iter_rows(values_only=True))]
    else:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
        for sheet in book.sheets():
            covered = {(r, c) for rlo, rhi, clo, chi in sheet.merged_cells
                       for r in range(rlo, rhi) for c in range(clo, chi) if (r, c) != (rlo, clo)}
            yield sheet.name, [["" if (r, c) in covered else str(sheet.cell_value(r, c))
                                for c in range(sheet.ncols)] for r in range(sheet.nrows)]


@pytest.fixture(scope="module")
def cells() -> list[dict]:
    """Every non-empty 实施依据 / 责任事项依据 cell of the Karamay lists (duplicate file once)."""
    out, seen = [], set()
    for path in sorted(KARAMAY.iterdir()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        for sheet, rows in _sheets(path):
            header = next((i for i, row in enumerate(rows[:6])
                           if "事项名称" in [re.sub(r"\s", "", c) for c in row]), None)
            if header is None:
                continue
            names = [re.sub(r"\s", "", c) for c in rows[header]]
            for row_number, row in enumerate(rows[header + 1:], start=header + 2):
                for column in BASIS_COLUMNS:
                    if column in names and names.index(column) < len(row) and row[names.index(column)].strip():
                        text = row[names.index(column)]
                        out.append({"file": path.name, "sheet": sheet, "row": row_number, "column": column,
                                    "text": text, "citations": parse_citations(text)})
    return out


def _records_citing(cells, column="实施依据") -> dict[str, set]:
    by_law: dict[str, set] = defaultdict(set)
    for cell in cells:
        if cell["column"] == column:
            for citation in cell["citations"]:
                by_law[law_key(citation.law_title)].add((cell["file"], cell["sheet"], cell["row"]))
    return by_law


def test_every_cell_yields_citations(cells):
    assert len(cells) == 4369
    assert all(cell["citations"] for cell in cells)
    assert sum(len(cell["citations"]) for cell in cells) > 10_000


def test_most_cited_laws(cells):
    by_law = _records_citing(cells)
    # README says about 82 for 安全生产法 and 42 for 野生动物保护法: two more records only mention
    # 安全生产法 inside another act's article text (not a citation), and 4 records cite 野生动物保护法
    # as "第二十七第二款" (条 missing), which the parser reads as article 27.
    assert len(by_law["安全生产法"]) == 80
    assert len(by_law["种子法"]) == 74
    assert len(by_law["野生动物保护法"]) == 44
    assert len(by_law["土地管理法"]) == 26
    top = sorted(by_law, key=lambda law: -len(by_law[law]))[:3]
    assert top == ["安全生产法", "种子法", "野生动物保护法"]


def _departments_citing(cells, key, article):
    return {cell["file"] for cell in cells for c in cell["citations"]
            if law_key(c.law_title) == key and c.article == article and cell["column"] == "实施依据"}


def test_shared_article_of_the_construction_quality_regulation(cells):
    files = _departments_citing(cells, "建设工程质量管理条例", 60)
    assert any("应急管理局" in f for f in files)
    assert any("交通运输局" in f for f in files)
    citation = next(c for cell in cells for c in cell["citations"]
                    if "应急管理局" in cell["file"] and c.article == 60 and "建设工程质量" in c.law_title)
    assert (citation.law_title, citation.article_label, citation.tag) == ("建设工程质量管理条例", "第六十条", "法规")


def test_shared_article_62_of_the_work_safety_law(cells):
    files = _departments_citing(cells, "安全生产法", 62)
    for department in ("应急管理局", "交通运输局", "发展和改革委员会"):
        assert any(department in f for f in files), department


def test_amendment_decisions_in_history_are_not_cited(cells):
    titles = {c.law_title for cell in cells for c in cell["citations"]}
    assert not [t for t in titles if "关于修改" in t]
    assert "国务院关于修改部分行政法规的决定" not in titles
    noted = [c for cell in cells for c in cell["citations"] if "国务院关于修改部分行政法规的决定" in c.version_note]
    assert noted  # they stay in the history note instead


def test_in_text_references_are_not_citations(cells):
    (cell,) = [c for c in cells if "应急管理局" in c["file"] and c["row"] == 152 and c["column"] == "实施依据"]
    assert "《中华人民共和国安全生产法》" in cell["text"]
    assert [(c.law_title, c.article) for c in cell["citations"]] == [
        ("危险化学品安全管理条例", 77), ("危险化学品经营许可证管理办法", 29), ("危险化学品经营许可证管理办法", 31)]


def test_text_broken_by_pdf_conversion(cells):
    (cell,) = [c for c in cells if "统计局" in c["file"] and c["row"] == 3 and c["column"] == "责任事项依据"]
    got = [(c.law_title, c.article, c.article_label) for c in cell["citations"]]
    assert got == [("中华人民共和国行政处罚法", None, "第五章、第六章、第七章"),
                   ("中华人民共和国统计法", 40, "第四十条"), ("中华人民共和国统计法", 41, "第四十一条"),
                   ("中华人民共和国统计法", 42, "第四十二条")]


def test_local_act_wrapping_a_national_law_is_the_local_act(cells):
    keys = {law_key(c.law_title) for cell in cells
            if "林业和草原" in cell["file"] and cell["row"] == 73 and cell["column"] == "实施依据"
            for c in cell["citations"]}
    assert keys == {"新疆维吾尔自治区实施〈中华人民共和国野生动物保护法〉办法"}


# --- hand-written edge cases --------------------------------------------------------------------

def cite(text):
    return [(c.law_title, c.article, c.article_label, c.sub_article, c.tag) for c in parse_citations(text)]


def test_tag_title_history_articles():
    text = ("【法律】《中华人民共和国安全生产法》（2002年6月29日通过，根据2009年8月27日《关于修改部分法律的决定》"
            "第一次修正）\n    第六十二条：县级以上地方各级人民政府应当……\n    应急管理部门应当……\n"
            "    第六十三条：负有安全生产监督管理职责的部门依照本法第十条规定……")
    citations = parse_citations(text)
    assert [(c.article, c.article_label) for c in citations] == [(62, "第六十二条"), (63, "第六十三条")]
    assert citations[0].version_note.startswith("（2002年6月29日通过") and citations[0].version_note.endswith("修正）")
    assert citations[0].text == "县级以上地方各级人民政府应当……\n应急管理部门应当……"
    assert citations[1].text.startswith("负有安全生产监督管理职责的部门")


def test_stray_spaces_in_tag_and_title():
    assert cite("【 法律】《 中华人民共和国 安全生产法 》第六十二条") == [
        ("中华人民共和国安全生产法", 62, "第六十二条", "", "法律")]


def test_arabic_article_number():
    assert cite("【法律】《安全生产法》第62条：内容") == [("安全生产法", 62, "第62条", "", "法律")]


def test_several_articles_in_one_citation():
    assert cite("【法律】《中华人民共和国食品安全法》第三十五条、第三十六条：内容") == [
        ("中华人民共和国食品安全法", 35, "第三十五条", "", "法律"),
        ("中华人民共和国食品安全法", 36, "第三十六条", "", "法律")]


def test_article_with_paragraph_and_item():
    assert cite("【法规】《建设工程质量管理条例》第六十条第一款第（二）项：违反本条例规定") == [
        ("建设工程质量管理条例", 60, "第六十条", "第一款第（二）项", "法规")]
    assert cite("【法律】《野生动物保护法》第二十七第二款：因科学研究") == [
        ("野生动物保护法", 27, "第二十七条", "第二款", "法律")]


def test_range_of_articles():
    got = cite("【法律】《中华人民共和国行政许可法》第二十九条至第三十二条，第四十五条")
    assert [a for _, a, *_ in got] == [29, 30, 31, 32, 45]
    assert [a for _, a, *_ in cite("【法律】《行政处罚法》第三十九至第四十一条")] == [39, 40, 41]


def test_citation_without_article():
    citations = parse_citations("【国务院决定】《国务院关于取消和下放一批行政许可事项的决定》（国发〔2019〕6号）")
    assert [(c.law_title, c.article, c.tag, c.version_note) for c in citations] == [
        ("国务院关于取消和下放一批行政许可事项的决定", None, "国务院决定", "（国发〔2019〕6号）")]
    assert cite("【法律】《中华人民共和国行政处罚法》（1996年通过）\n第五章、第六章。") == [
        ("中华人民共和国行政处罚法", None, "第五章、第六章", "", "法律")]


def test_untagged_text():
    assert cite("依据《中华人民共和国食品安全法》第三十五条和《食品安全法实施条例》第二十条的规定") == [
        ("中华人民共和国食品安全法", 35, "第三十五条", "", ""), ("食品安全法实施条例", 20, "第二十条", "", "")]
    assert cite("根据《中华人民共和国行政许可法》规定实施") == [("中华人民共和国行政许可法", None, "", "", "")]
    assert cite("申请人应当提交《设立申请表》。") == []
    assert cite("") == [] and cite("全文适用。") == []


def test_half_width_brackets_and_parentheses():
    got = parse_citations("[法律]《安全生产法》(2021年修正)第六条；［法规］《建设工程质量管理条例》第六十条")
    assert [(c.law_title, c.article, c.tag, c.version_note) for c in got] == [
        ("安全生产法", 6, "法律", "(2021年修正)"), ("建设工程质量管理条例", 60, "法规", "")]
    assert normalise_title("《企业安全生产标准化评审工作管理办法(试行)》") == "企业安全生产标准化评审工作管理办法（试行）"
    assert cite("【规章】<<市场监督管理严重违法失信名单管理办法>>(2021年)第五条")[0][:2] == (
        "市场监督管理严重违法失信名单管理办法", 5)


def test_damaged_title_brackets():
    assert cite("【法律】中华人民共和国行政许可法》（2003年8月通过）\n第三十条：内容")[0][:2] == (
        "中华人民共和国行政许可法", 30)
    assert cite("【法规】（禁止使用童工规定》（2002年10月1日国务院令第364号）\n第六条：内容")[0][:2] == (
        "禁止使用童工规定", 6)


def test_a_second_title_on_its_own_line_starts_a_citation():
    text = ("【法律】《中华人民共和国城乡规划法》（2007年）\n第三十六条：内容\n"
            "《中华人民共和国土地管理法》（1986年）\n第五十二条：内容，依照《行政许可法》第三十条办理")
    assert [(t, a, tag) for t, a, _, _, tag in cite(text)] == [
        ("中华人民共和国城乡规划法", 36, "法律"), ("中华人民共和国土地管理法", 52, "")]


def test_same_article_twice_is_one_citation():
    got = parse_citations("【法规】《危险化学品安全管理条例》\n第八十四条第一款：甲\n第八十四条第二款：乙")
    assert len(got) == 1
    assert (got[0].article, got[0].sub_article, got[0].text) == (84, "第一款、第二款", "甲\n乙")


def test_long_text_is_trimmed():
    (citation,) = parse_citations("【法律】《安全生产法》第一条：" + "字" * 5000)
    assert len(citation.text) == 2000


def test_law_key():
    assert law_key("《中华人民共和国安全生产法》") == law_key("安全生产法") == "安全生产法"
    assert law_key("《 中华人民共和国 种子法 》") == "种子法"
    assert law_key("中华人民共和国安全生产法（2021年修正）") == "安全生产法"
    assert law_key("企业安全生产标准化评审工作管理办法（试行）") == "企业安全生产标准化评审工作管理办法（试行）"
    assert law_key("新疆维吾尔自治区实施《中华人民共和国种子法》办法") != "种子法"


def test_articles_listed_after_a_semicolon_are_each_cited():
    """「第六条第（三）项；第七条」 cites two articles (第七条 was read as the text of 第六条, and shown as its words in
    an overlap's evidence); 「…；第六十五条规定的情形除外」 inside an article's text stays its text."""
    found = parse_citations("《危险化学品安全管理条例》第六条第（三）项；第七条")
    assert [(c.article, c.article_label, c.text) for c in found] == [(6, "第六条", ""), (7, "第七条", "")]
    found = parse_citations("《安全生产法》第六十二条；第六十五条第一款、第六十六条")
    assert [c.article for c in found] == [62, 65, 66]
    for quoted in ("生产经营单位应当……；第六十五条规定的情形除外。", "生产经营单位应当……；第六十五条、第六十六条规定的情形除外。",
                   "应当。第六十五条，第六十六条另有规定的除外。"):
        found = parse_citations(f"《安全生产法》第六十二条：{quoted}")
        assert [(c.article, c.text) for c in found] == [(62, quoted)]


def test_a_document_cited_whole_after_a_semicolon_is_a_citation_not_the_article_s_text():
    """贡江镇's 「《食品安全法》第一百二十二条第一款；《江西省人民政府关于…的决定》」 cites the decision too (its title was
    shown as the article's words on the power page); a title quoted inside an article's text stays its text."""
    found = parse_citations("【法律】《中华人民共和国食品安全法》第一百二十二条第一款；"
                            "《江西省人民政府关于向乡镇和街道赋予部分县级行政权力事项的决定》")
    assert [(c.law_title, c.article, c.text) for c in found] == [
        ("中华人民共和国食品安全法", 122, ""), ("江西省人民政府关于向乡镇和街道赋予部分县级行政权力事项的决定", None, "")]
    quoted = "依照本法规定；《食品安全法》另有规定的，从其规定。"
    found = parse_citations(f"【法律】《中华人民共和国食品安全法》第一百二十二条：{quoted}")
    assert [(c.article, c.text) for c in found] == [(122, quoted)]
