"""Lists and laws published as PDF (an office's "save as PDF" of its Word or Excel table, a law's page of text): read
as the same records and articles as their Word and Markdown forms, with what a page prints for itself (its number, a
running header) left out; what cannot be read (a scan, a password, a damaged file, a table without lines) refused
with what to do instead."""
from __future__ import annotations

from pathlib import Path

import pytest

from importers import lists
from importers.laws import parse_law
from importers.pdf import pdf_text
from importers.records import FileRefused
from importers.run import _may_be_law, parse_file
from importers.source import Source
from importers.workbook import NoTable, read_workbook
from tests.conftest import SHARED_DATA, write_docx, write_pdf
from tests.unit.test_documents import DATA, HEADER, ROW, UNDER, _published, _same_articles, transport_list

LAWS = SHARED_DATA / "laws"
STEPS = ("1.立案责任：对涉嫌违法的行为予以审查，决定是否立案。\n2.调查责任：全面、客观、公正地调查，收集有关证据。\n"
         "3.告知责任：作出决定前告知当事人拟作出的处罚内容及事实、理由、依据。\n4.决定责任：依法作出处罚决定。")


def _records(doc) -> list[tuple]:
    return [(r.name, r.type, r.row, r.basis_text, r.responsibility_text, [d.stage for d in r.responsibilities],
             r.department) for r in doc.records]


def test_a_list_saved_as_pdf_reads_as_its_word_form(tmp_path):
    blocks = transport_list("某县交通运输局权责清单", "《中华人民共和国公路法》第七十六条", "《中华人民共和国公路法》第八十一条")
    pdf = write_pdf(tmp_path / "清单.pdf", blocks, running="某县交通运输局权责清单")
    word = write_docx(tmp_path / "清单.docx", blocks)
    assert lists.sniff(pdf) == "list" and _may_be_law(pdf)
    container, sheets = read_workbook(pdf)
    # the group heading's table (a row whose name spans two columns, so one line fewer) goes on on the same columns
    assert (container, [s.name for s in sheets]) == ("pdf", ["某县交通运输局权责清单"])
    assert sheets[0].cells[3] == ["序号", "事项名称", "", "权力类型", "实施依据", "责任事项", "追责情形"]
    assert sheets[0].covered_from_above(6, 1) and sheets[0].cells[7][0] == "二、行政处罚（1项）"
    doc, expected = lists.parse_list(pdf), lists.parse_list(word)
    assert (doc.container, doc.department, doc.title) == ("pdf", "某县交通运输局", "某县交通运输局权责清单")
    assert _records(doc) == _records(expected) and len(doc.records) == 3


@pytest.mark.parametrize(("repeat", "footer"), [(1, None), (2, "某市人民政府办公室")], ids=["header", "two-rows-footer"])
def test_a_long_list_over_pages_is_one_table_its_wrapped_cells_one_text(tmp_path, repeat, footer):
    """(Each page repeating the header's two rows, and a running footer naming another body under every page's
    table, the first's too: neither is a record, nor a title that gives the rows to that body.)"""
    rows = [HEADER, UNDER] + [
        [str(n), f"对违反道路运输管理规定第{n}项擅自从事道路运输经营活动的行政处罚", "", "行政处罚",
         ("《中华人民共和国道路运输条例》第六十三条 违反本条例的规定，未取得道路运输经营许可，擅自从事道路运输经营的，"
          "由县级以上地方人民政府交通运输主管部门责令停止经营"), STEPS, "因不履行或不正确履行行政职责的"] for n in range(1, 31)]
    path = write_pdf(tmp_path / "某市交通运输局权责清单.pdf", ["某市交通运输局权责清单", rows], running="某市交通运输局权责清单",
                     repeat=repeat, footer=footer)
    [sheet] = read_workbook(path)[1]
    shown = [v for row in sheet.cells for v in row]
    assert not any(v.startswith("- ") for v in shown)  # no page's number, no running header between the pages
    assert shown.count("某市交通运输局权责清单") == 1 and shown.count("序号") == 1  # (the header each page repeats)
    assert shown.count("主项") == 1 and "某市人民政府办公室" not in shown
    doc = lists.parse_list(path)
    assert [r.name for r in doc.records] == [
        f"对违反道路运输管理规定第{n}项擅自从事道路运输经营活动的行政处罚" for n in range(1, 31)]
    assert [(d["name"], d["records"]) for d in doc.departments] == [("某市交通运输局", 30)]
    first = doc.records[0]
    assert first.basis_text.endswith("由县级以上地方人民政府交通运输主管部门责令停止经营") and "\n" not in first.basis_text
    assert first.responsibility_text == STEPS  # a line ended short keeps its break; a wrapped one is joined
    assert [d.stage for d in first.responsibilities] == ["立案", "调查", "告知", "决定"]
    assert [r.row for r in doc.records][-1] == 32  # (as the table counts its rows: the header row 1, over two)


def test_a_compilation_in_pdf_keeps_each_department(tmp_path):
    blocks: list = []
    for department, item, type_ in [("株洲市公安局", "对无证驾驶机动车的处罚", "行政处罚"), ("株洲市民政局", "社会团体成立登记", "行政许可")]:
        blocks += [department, [ROW, ["1", item, type_, "《中华人民共和国行政许可法》第十二条"]]]
    doc = lists.parse_list(write_pdf(tmp_path / "汇编.pdf", blocks))
    assert [(r.name, r.department) for r in doc.records] == [("对无证驾驶机动车的处罚", "株洲市公安局"),
                                                            ("社会团体成立登记", "株洲市民政局")]


@pytest.mark.parametrize("law", ["行政许可法(2019-04-23).md", "行政处罚法(2021-01-22).md"])
def test_a_law_published_as_pdf_reads_as_its_markdown(tmp_path, law):
    markdown = LAWS / law
    expected = parse_law(markdown)
    path = write_pdf(tmp_path / "law.pdf", _published(markdown))  # its pages numbered: 「- 3 -」
    assert lists.sniff(path) == "law"
    doc = parse_law(path)
    assert (doc.title, doc.version_date, len(doc.history)) == (expected.title, expected.version_date,
                                                               len(expected.history))
    _same_articles(doc, markdown)  # no page's number in the article it fell in, no article joined to the next


def test_a_law_under_a_running_footer_reads_as_its_markdown(tmp_path):
    law = LAWS / "行政许可法(2019-04-23).md"
    path = write_pdf(tmp_path / "law.pdf", _published(law), footer="国家法律法规数据库")
    _same_articles(parse_law(path), law)  # (no article ends with the footer of its page)
    assert "国家法律法规数据库" not in pdf_text(Source(path))  # (the first page's too)


def test_a_title_drawn_twice_to_look_bold_reads_once(tmp_path):
    from reportlab.pdfgen import canvas

    write_pdf(tmp_path / "font.pdf", ["（注册字体）"])  # (registers the CJK font)
    path = tmp_path / "条例.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 16)
    for dx in (0, 0.4):  # the title drawn twice, a little apart: 「粗体」 as some writers make it
        page.drawString(200 + dx, 780, "示例管理条例")
    page.setFont("STSong-Light", 10)
    for n, line in enumerate(["第一条　为了测试，制定本条例。", "第二条　本条例适用于示例。"]):
        page.drawString(60, 740 - 16 * n, line)
    page.save()
    doc = parse_law(path)
    assert (doc.title, [a.text for a in doc.articles]) == ("示例管理条例", ["为了测试，制定本条例。", "本条例适用于示例。"])


def _canvas_pdf(path: Path, draw, **options) -> Path:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), **options)
    draw(page)
    page.save()
    return path


def _scan(page) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    page.drawImage(ImageReader(Image.new("RGB", (400, 300), "white")), 50, 400)


def _text(page) -> None:
    page.setFont("Helvetica", 12)
    page.drawString(60, 700, "1 Demo 2 Administrative penalty")


def _refusal(path: Path) -> str:
    report = parse_file(path, explicit=True)
    assert report.status == "refused", report
    return report.errors[0]["message"]


def test_a_scanned_pdf_a_password_and_a_damaged_file_are_refused_with_what_to_do(tmp_path):
    scan = _canvas_pdf(tmp_path / "图片.pdf", _scan)
    assert "扫描件" in _refusal(scan) and "OCR" in _refusal(scan)
    locked = _canvas_pdf(tmp_path / "加密.pdf", _text, encrypt="secret")
    assert "密码" in _refusal(locked)
    whole = _canvas_pdf(tmp_path / "whole.pdf", _text).read_bytes()
    damaged = tmp_path / "损坏.pdf"
    damaged.write_bytes(whole[:60])
    assert "损坏或不完整的 PDF" in _refusal(damaged)
    assert lists.sniff(scan) == lists.sniff(locked) == "list"  # (named in a folder: refused, said why, not skipped)


def test_a_pdf_of_text_without_a_ruled_table_is_skipped_or_refused_with_why(tmp_path):
    path = write_pdf(tmp_path / "说明.pdf", ["关于权责清单的说明", "序号　事项名称　权力类型", "1　对违法建设的处罚　行政处罚"])
    assert lists.sniff(path) == "unknown"
    report = parse_file(path, explicit=False)
    assert (report.status, report.warnings[0]["message"]) == (
        "skipped", "PDF 文档中既没有表头可识别的清单表格，也没有法律条文，已跳过")
    with pytest.raises(NoTable) as refused:
        read_workbook(path)
    assert "没有带框线的表格" in str(refused.value.errors[0].message)


def test_a_pdf_over_the_page_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_IMPORT_MAX_PDF_PAGES", "1")
    path = write_pdf(tmp_path / "清单.pdf", ["某县自然资源局权责清单", [ROW, DATA], "", "", [ROW] + [DATA] * 60])
    with pytest.raises(FileRefused) as refused:
        read_workbook(path)
    assert "超过上限 1 页" in refused.value.errors[0].message


def _one_page(content: bytes, filters: bytes = b"", forms: dict[int, bytes] | None = None) -> bytes:
    """A PDF of one page drawing `content` (a stream given its `filters`), with form XObjects `forms` (object number:
    content, each drawing the one before it as /X) as a hostile file builds them."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               4: b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(content), filters, content),
               5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    resources = b"/Font << /F1 5 0 R >>"
    for number, body in (forms or {}).items():
        inner = b"/XObject << /X %d 0 R >>" % (number - 1) if number - 1 in (forms or {}) else resources
        objects[number] = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << %s >> /Length %d >>"
                           b"\nstream\n%s\nendstream" % (inner, len(body), body))
    if forms:
        resources += b" /XObject << /X %d 0 R >>" % max(forms)
    objects[3] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << %s >> >>" % resources
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size, xref = max(objects) + 1, len(out)
    out += b"xref\n0 %d\n" % size + b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
                                            for n in range(size))
    return bytes(out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))


def test_a_pdf_whose_streams_unpack_too_far_is_refused(tmp_path, monkeypatch):
    import binascii
    import zlib

    text = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n"
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_one_page(zlib.compress(text), b"/Filter /FlateDecode"))
    assert pdf_text(Source(plain)) == "Hello"
    packer = zlib.compressobj(9)
    bomb = packer.compress(text) + b"".join(packer.compress(b" " * (16 << 20)) for _ in range(40)) + packer.flush()
    assert len(bomb) < 1 << 20  # 640 MB of spaces in under a megabyte, as the page's content
    monkeypatch.setenv("KB_IMPORT_MAX_PDF_MEMORY", str(400 << 20))
    for name, data, filters in (("炸弹.pdf", bomb, b"/Filter /FlateDecode"),  # (and hidden behind another filter)
                                ("十六进制炸弹.pdf", binascii.hexlify(bomb) + b">", b"/Filter [/ASCIIHexDecode /FlateDecode]")):
        (tmp_path / name).write_bytes(_one_page(data, filters))
        with pytest.raises(FileRefused) as refused:
            read_workbook(tmp_path / name)
        assert "超出了内存上限（400 MB" in refused.value.errors[0].message and "压缩炸弹" in refused.value.errors[0].message
    assert pdf_text(Source(plain)) == "Hello"  # (a PDF within the limits read as before)


def test_forms_nested_to_draw_a_million_characters_are_refused(tmp_path, monkeypatch):
    """Six forms, each drawing the one inside it ten times: 1,000,000 characters from two kilobytes."""
    forms = {10: b"BT /F1 10 Tf 72 700 Td (AB) Tj ET", **{10 + d: b"/X Do " * 10 for d in range(1, 7)}}
    (tmp_path / "嵌套.pdf").write_bytes(_one_page(b"/X Do", forms=forms))
    assert (tmp_path / "嵌套.pdf").stat().st_size < 4096
    monkeypatch.setenv("KB_IMPORT_MAX_PDF_SECONDS", "3")
    with pytest.raises(FileRefused) as refused:
        read_workbook(tmp_path / "嵌套.pdf")
    assert "超出了内存或时间上限" in refused.value.errors[0].message


def test_a_refused_pdf_is_read_once(tmp_path, monkeypatch):
    from importers import pdf

    scan = _canvas_pdf(tmp_path / "图片.pdf", _scan)
    reads = []
    monkeypatch.setattr(pdf, "_read_apart", lambda source, read=pdf._read_apart: reads.append(1) or read(source))
    report = parse_file(scan, explicit=True)  # (the sniffers and the list reader each ask for its pages)
    assert report.status == "refused" and "扫描件" in report.errors[0]["message"] and reads == [1]


def test_a_row_broken_at_a_page_s_foot_is_one_record(tmp_path):
    header = ["序号", "事项名称", "权力类型", "实施依据", "责任事项"]
    basis = ("《中华人民共和国矿产资源法》第三十九条第一款：未取得采矿许可证擅自采矿的，擅自进入国家规划矿区",
             "、对国民经济具有重要价值的矿区范围采矿的，责令停止开采、赔偿损失，没收采出的矿产品和违法所得，可以并处罚款。")
    steps = ("1.立案责任：发现涉嫌未取得采矿许可证擅自采矿的违法行为，予以审查，决定是否立案。", "2.调查责任：调查取证。")
    # as Word draws a row that goes on on the next page: its cells filled to the page's foot (the two cut are as long,
    # so as tall), the rest under the header the next page repeats, nothing in its number and type
    path = write_pdf(tmp_path / "某县自然资源局权责清单.pdf", [
        "某县自然资源局权责清单", [header, ["1", "采矿权新立登记", "行政许可", "《中华人民共和国矿产资源法》第三条", "受理"],
                                   ["2", "对未取得采矿许可证擅自采矿的处罚", "行政处罚", basis[0], steps[0]]], "\f",
        [header, ["", "", "", basis[1], steps[1]], ["3", "对破坏性开采的处罚", "行政处罚", "《中华人民共和国矿产资源法》第四十四条", "立案"]]])
    doc = lists.parse_list(path)
    assert [r.name for r in doc.records] == ["采矿权新立登记", "对未取得采矿许可证擅自采矿的处罚", "对破坏性开采的处罚"]
    broken = doc.records[1]
    assert (broken.basis_text, broken.responsibility_text) == ("".join(basis), "\n".join(steps))
    assert [d.stage for d in broken.responsibilities] == ["立案", "调查"]


def test_a_sub_item_at_a_page_s_top_is_no_broken_row(tmp_path):
    header = ["序号", "事项名称", "子项", "权力类型", "实施依据"]
    basis = "《中华人民共和国公路法》第七十六条 有下列违法行为之一的，由交通主管部门责令停止违法行为"
    path = write_pdf(tmp_path / "某县交通运输局权责清单.pdf", [
        "某县交通运输局权责清单", [header, ["1", "公路超限运输许可", "跨县", "行政许可", basis]], "\f",
        [header, ["", "", "县内", "行政许可", basis]]])  # (the item's name merged down over the page: empty here)
    assert [r.name for r in lists.parse_list(path).records] == ["公路超限运输许可（跨县）", "公路超限运输许可（县内）"]


def test_a_table_without_lines_across_its_top_and_foot_keeps_its_first_and_last_rows(tmp_path):
    more = [["2", "对超限运输的处罚", "行政处罚", "《中华人民共和国公路法》第七十六条"],
            ["3", "对擅自占用公路的处罚", "行政处罚", "《中华人民共和国公路法》第八十一条"]]
    path = write_pdf(tmp_path / "清单.pdf", ["某县交通运输局权责清单", [ROW, DATA, more[0]], "\f", more[1:]], open_ends=True)
    assert [r.name for r in lists.parse_list(path).records] == ["对违法建设的处罚", "对超限运输的处罚", "对擅自占用公路的处罚"]


WIDE_HEADER = ["序号", "事项编码", "事项名称", "子项名称", "权力类型", "实施依据", "实施主体", "责任事项", "追责情形", "备注"]


def _wide_rows(count: int) -> list[list[str]]:
    return [[str(n), f"44060510{n:04d}", f"对第{n}类违法排污行为的行政处罚", "" if n % 3 else f"第{n}类（情节严重）", "行政处罚",
             f"《中华人民共和国水污染防治法》第{80 + n}条", "佛山市南海区环境保护局",
             "1.立案责任：依法立案。\n2.调查责任：调查取证。" + ("\n3.决定责任：作出决定。" if n % 2 else ""),
             "因不履行或不正确履行行政职责的", "" if n % 4 else "按月抽查"] for n in range(1, count + 1)]


def write_wide_pdf(path: Path, title: str, rows: list[list[str]], split: int, per_page: int, order: str = "down",
                   left: int = 0) -> Path:
    """A list too wide for its page printed from a spreadsheet without "fit to page width": the first `split` columns
    on one set of pages, the rest (with the first `left` columns again, print titles' columns) on another, `order`
    "down" (Excel's default: every page of the first columns, then every page of the rest) or "over" (a page of each
    in turn). Rows of varied heights, the same on both; the header on every page (print titles' rows), the title
    above the first page's table, each page's number at its foot."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    page = landscape(A4)
    widths = [50, 150, 230, 200, 100, 200, 150, 200, 150, 60]  # points: the first five fill a page, the rest another
    sets = [list(range(split)), list(range(left)) + list(range(split, len(WIDE_HEADER)))]
    chunks = [rows[i: i + per_page] for i in range(0, len(rows), per_page)]
    heights = [24] + [36 + 12 * (n % 3) for n in range(len(rows))]
    order_of = [(s, c) for s in range(2) for c in range(len(chunks))] if order == "down" else \
        [(s, c) for c in range(len(chunks)) for s in range(2)]
    story: list = [Paragraph(title, ParagraphStyle("title", fontName="STSong-Light", fontSize=14, leading=20))]
    for n, (s, c) in enumerate(order_of):
        first = c * per_page
        data = [[Paragraph(WIDE_HEADER[k], cell) for k in sets[s]]] + [
            [Paragraph(row[k].replace("\n", "<br/>"), cell) for k in sets[s]] for row in chunks[c]]
        table = Table(data, colWidths=[widths[k] for k in sets[s]],
                      rowHeights=[heights[0]] + heights[1 + first: 1 + first + len(chunks[c])], hAlign="LEFT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [table] + ([PageBreak()] if n < len(order_of) - 1 else [])

    def number(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(page[0] / 2, 20, f"- {doc.page} -")

    SimpleDocTemplate(str(path), pagesize=page, leftMargin=40, rightMargin=40, topMargin=40, bottomMargin=40).build(
        story, onFirstPage=number, onLaterPages=number)
    return path


@pytest.mark.parametrize(("order", "left"), [("down", 0), ("over", 0), ("down", 1)],
                         ids=["down-then-over", "over-then-down", "print-titles-column"])
def test_a_wide_list_printed_over_two_pages_widths_reads_as_one_table(tmp_path, order, left):
    """Excel and Calc print a sheet wider than the page on pages of their own for the columns that do not fit (unless
    "fit to page width" is set): each page of the later columns is laid beside the page of the same rows, whatever
    the order the pages were printed in, and a column repeated at its left (the print titles' 序号) read once."""
    rows = _wide_rows(14)
    pdf = write_wide_pdf(tmp_path / "佛山市南海区环境保护局权责清单.pdf", "佛山市南海区环境保护局权责清单", rows, split=5, per_page=6,
                         order=order, left=left)
    word = write_docx(tmp_path / "清单.docx", ["佛山市南海区环境保护局权责清单", [WIDE_HEADER, *rows]])
    [sheet] = read_workbook(pdf)[1]
    assert WIDE_HEADER in sheet.cells and sum(row == WIDE_HEADER for row in sheet.cells) == 1
    doc, expected = lists.parse_list(pdf), lists.parse_list(word)
    assert len(doc.records) == 14 and doc.department == "佛山市南海区环境保护局"
    assert [(r.name, r.code, r.type, r.basis_text, r.responsibility_text, r.holder, r.remarks) for r in doc.records] == \
           [(r.name, r.code, r.type, r.basis_text, r.responsibility_text, r.holder, r.remarks) for r in expected.records]
    assert [d.stage for d in doc.records[0].responsibilities] == ["立案", "调查", "决定"]


def test_two_departments_tables_of_rows_as_tall_are_not_laid_side_by_side(tmp_path):
    """A compilation: two departments' lists on pages of their own, rows of one height, each table as wide as the page
    on columns of its own: the second names its items (a list by itself), so it is no set of the first's columns; nor is
    its next page, which repeats no header (it goes on with the second table, not beside the first's page)."""
    rows = [[str(n), f"对第{n}类违法行为的行政处罚", "行政处罚", f"《某法》第{n}条", ""] for n in range(1, 9)]
    wider = [[str(n), f"对第{n}类违规行为的行政处罚", "", "行政处罚", f"《某法》第{n}条", ""] for n in range(1, 18)]
    blocks = ["佛山市南海区市场监督管理局权责清单", [["序号", "事项名称", "权力类型", "实施依据", "备注"], *rows], "\f",
              "佛山市南海区城市管理和综合执法局权责清单",
              [["序号", "事项名称", "子项名称", "权力类型", "实施依据", "备注"], *wider[:8]], "\f", wider[8:]]
    path = write_pdf(tmp_path / "南海区权责清单汇编.pdf", blocks)
    doc = lists.parse_list(path)
    assert [(d["name"], d["records"]) for d in doc.departments] == [
        ("佛山市南海区市场监督管理局", 8), ("佛山市南海区城市管理和综合执法局", 17)]
