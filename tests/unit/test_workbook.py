"""Reading spreadsheets and CSV into cell grids: containers, merges, encodings, broken files."""
from __future__ import annotations

import openpyxl
import pytest
import xlrd
from openpyxl.worksheet.cell_range import CellRange

from importers.records import FileRefused
from importers.workbook import column_letter, container_of, read_csv, read_workbook
from tests.conftest import KARAMAY, write_docx

FINANCE = KARAMAY / "附件：克拉玛依市财政局2025年权责清单 (1).xlsx"
MARKET = KARAMAY / "附件：克拉玛依市市场监督管理局2024年权责清单.xls"
TRANSPORT = KARAMAY / "附件：克拉玛依市交通运输局2024年权责清单.xlsx"
NDRC = KARAMAY / "克拉玛依市发展和改革委员会2024年权责清单.xls"


def test_container_comes_from_the_bytes_not_the_extension():
    assert FINANCE.suffix == ".xlsx"
    container, sheets = read_workbook(FINANCE)
    assert container == "xls"
    assert sheets[0].value(1, 0) == "克拉玛依市财政局2025年权责清单"
    assert container_of(TRANSPORT) == "xlsx"


def test_trailing_empty_columns_are_trimmed():
    raw = xlrd.open_workbook(str(MARKET), formatting_info=True).sheet_by_index(0)
    assert raw.ncols == 256
    _, sheets = read_workbook(MARKET)
    assert sheets[0].ncols == 15
    assert sheets[0].value(1, 14) == "备注"


def test_xlsx_merges_are_kept_and_numbers_lose_their_point_zero():
    _, sheets = read_workbook(TRANSPORT)
    sheet = sheets[0]
    assert len(sheet.merges) > 5000
    # Row 3 (0-based 2) is the first record; its 序号 is a formula read as its cached value.
    assert sheet.value(2, 0) == "1"
    assert sheet.value(2, 1) == "道路旅客运输经营许可"
    # Its name is merged over the filler rows below it.
    assert sheet.covered_from_above(3, 1)
    assert sheet.value(3, 1) == ""
    assert sheet.shown_value(3, 1) == "道路旅客运输经营许可"


def test_xls_merges_match_xlrd_and_covered_cells_are_blank():
    book = xlrd.open_workbook(str(NDRC), formatting_info=True)
    raw = book.sheet_by_index(0)
    _, sheets = read_workbook(NDRC)
    sheet = sheets[0]
    assert {(m.top, m.bottom, m.left, m.right) for m in sheet.merges} <= set(raw.merged_cells)
    for m in sheet.merges:
        for r in range(m.top, m.bottom):
            for c in range(m.left, m.right):
                if (r, c) != (m.top, m.left):
                    assert sheet.value(r, c) == ""
                    assert sheet.anchor(r, c) == (m.top, m.left)
    assert sheet.value(2, 0) == "1"  # xlrd gives 1.0


def test_leftover_values_under_a_merge_are_blanked(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "事项名称"])
    ws.append(["1", "anchor"])
    ws.append(["", "leftover under the merge"])
    ws.append(["2", "next"])
    # Registering the range without merge_cells() keeps B3's value in the file, as some writers do.
    ws.merged_cells.add(CellRange("B2:B3"))
    path = tmp_path / "leftover.xlsx"
    wb.save(path)
    _, sheets = read_workbook(path)
    sheet = sheets[0]
    assert sheet.value(2, 1) == ""
    assert sheet.covered_from_above(2, 1)
    assert sheet.shown_value(2, 1) == "anchor"
    assert sheet.value(3, 1) == "next"


def test_empty_sheets_read_as_empty_grids():
    _, sheets = read_workbook(KARAMAY / "克拉玛依市档案局2024年权责清单.xlsx")
    assert [s.name for s in sheets] == ["Sheet1", "Sheet2", "Sheet3"]
    assert sheets[1].nrows == 0 and sheets[2].nrows == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(tmp_path, encoding):
    text = "序号,事项名称,权力类型\n1,对违反《中华人民共和国安全生产法》行为的处罚,行政处罚\n"
    path = tmp_path / f"list-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    sheet = read_csv(path)
    assert sheet.cells[0] == ["序号", "事项名称", "权力类型"]
    assert sheet.cells[1][1] == "对违反《中华人民共和国安全生产法》行为的处罚"


def test_truncated_xlsx_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "cut.xlsx"
    path.write_bytes(TRANSPORT.read_bytes()[:5000])
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert ".xlsx 文件已损坏或不完整" in str(exc.value)
    assert "cut.xlsx" in str(exc.value)


def test_truncated_xls_is_refused(tmp_path):
    path = tmp_path / "cut.xls"
    path.write_bytes(NDRC.read_bytes()[:40000])
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert "cut.xls" in str(exc.value)
    assert ".xls" in exc.value.errors[0].message


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "nothing.xlsx"
    path.write_bytes(b"")
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert "空文件（0 字节）" in str(exc.value) and "nothing.xlsx" in str(exc.value)


def test_a_pdf_under_a_workbook_s_name_is_read_as_a_pdf(tmp_path):
    path = tmp_path / "list.xlsx"  # (tests/unit/test_pdf.py reads whole ones)
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert exc.value.errors[0].message.startswith("list.xlsx 是损坏或不完整的 PDF 文件，无法读取（")


def test_a_picture_is_refused_with_its_first_bytes(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    message = exc.value.errors[0].message
    assert message.startswith("不是表格文件：list.xlsx 开头的字节是 89 50 4E 47，是 PNG 图片")
    assert "（PK）" in message and "D0 CF 11 E0" in message and "PDF" in message  # what it can read


def test_an_ofd_document_without_its_document_is_refused_saying_what_it_is(tmp_path):
    import zipfile

    path = tmp_path / "清单.xlsx"  # 国家版式文档 (GB/T 33190), under a workbook's name (tests/unit/test_ofd.py reads them)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert "清单.xlsx 是损坏或不完整的 OFD 文档" in exc.value.errors[0].message


def test_a_word_document_without_a_table_or_broken_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "list.xlsx"  # (a Word document under a workbook's name: read as what it is)
    write_docx(path, ["某局权责清单", "本局权责事项详见政务服务网。"])
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert "list.xlsx 是 Word 文档，其中没有表格" in str(exc.value)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert ".docx 文件已损坏或不完整：无法读取 list.xlsx" in str(exc.value)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("content.xml", "<office:document/>")
    with pytest.raises(FileRefused) as exc:
        read_workbook(path)
    assert "不含 xl/workbook.xml 的 ZIP 文件" in str(exc.value)


def test_column_letters():
    assert [column_letter(i) for i in (0, 13, 25, 26, 255)] == ["A", "N", "Z", "AA", "IV"]


def test_utf16_tab_separated_text(tmp_path):
    path = tmp_path / "export.txt"  # Excel's "Unicode text" export
    path.write_bytes("序号\t事项名称\t权力类型\n1\t排污许可\t行政许可\n".encode("utf-16"))
    container, sheets = read_workbook(path)
    assert container == "csv"
    assert sheets[0].cells == [["序号", "事项名称", "权力类型"], ["1", "排污许可", "行政许可"]]


def test_a_utf8_csv_with_a_bom_is_text_wherever_its_first_8_kb_end(tmp_path):
    """Excel's "CSV UTF-8" starts with a BOM; the sniffed head may end inside a character."""
    from importers.workbook import container_of

    for pad in range(4):  # the 8,192-byte head ends at each byte of a three-byte character
        path = tmp_path / f"bom{pad}.csv"
        body = "事项名称,权力类型\n" + "x" * pad + "行政检查" * 3000
        path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
        assert container_of(path) == "text", pad


def test_a_doubled_quote_in_a_quoted_csv_cell_is_one_quote(tmp_path):
    """Found by the fuzzing in `make reliability`: the csv sniffer guessed from this sample that quotes are
    not doubled, and the cell 对,0"的许可 came back as 对,0"的许可" (a quote too many)."""
    path = tmp_path / "quoted.csv"
    path.write_bytes('序号,事项名称,权力类型\r\n1,"对,0""的许可",行政许可\r\n'.encode())
    assert read_csv(path).cells[1][1] == '对,0"的许可'
    tabbed = tmp_path / "tabbed.csv"
    tabbed.write_bytes('序号\t事项名称\r\n1\t"甲""乙"\r\n'.encode())
    assert read_csv(tabbed).cells[1] == ["1", '甲"乙']


def test_a_quoted_csv_cell_after_a_space_keeps_its_commas(tmp_path):
    """`名称, "甲，乙, 丙", 编码`: the sniffer's skipinitialspace is kept, so the quoted cell is one cell."""
    path = tmp_path / "spaced.csv"
    path.write_bytes('序号, 事项名称, 编码\r\n1, "甲,乙, 丙", X1\r\n2, "丁", X2\r\n'.encode())
    assert read_csv(path).cells[1] == ["1", "甲,乙, 丙", "X1"]
