"""Read a tabular file into sheets of plain cell grids.

Spreadsheets from government sites come as .xls (BIFF), .xlsx (OOXML), often with the wrong extension,
or as CSV exported by some portal in GBK. Everything downstream works on one shape: a `Sheet` holding
strings, with merged ranges kept so the list parser can tell a filler cell from an empty one.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from importers.pdf import PDF_MAGIC
from importers.records import FileRefused, RowError
from importers.source import MB, Source, as_source, decode_text, env_limit
from importers.webpage import looks_like_html

OOXML_MAGIC = b"PK"
# text files that are a table whatever their first bytes look like: never read as a web page or a law as published
TABLE_TEXTS = (".csv", ".tsv")
BIFF_MAGIC = b"\xd0\xcf\x11\xe0"
# Files people mistake for spreadsheets, named so the refusal says what the file is.
_OTHER_FORMATS = {
    b"\x89PNG": "是 PNG 图片", b"\xff\xd8\xff": "是 JPEG 图片", b"GIF8": "是 GIF 图片",
    # (unpacked by `kb import` where libarchive is found: importers.archives)
    b"Rar!": "是 RAR 压缩包（这台机器上没有 libarchive 库，kb 解不开：请先解压，再导入解压出的文件夹）",
    b"7z\xbc\xaf": "是 7-Zip 压缩包（这台机器上没有 libarchive 库，kb 解不开：请先解压，再导入解压出的文件夹）",
    b"\x1f\x8b": "是 gzip 压缩包（请先解压）",
    b"{\\rtf": "是 RTF 文档",
}


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based, bounds exclusive at the bottom/right (as xlrd gives them)."""

    top: int
    bottom: int
    left: int
    right: int


@dataclass
class Sheet:
    """One sheet: `cells[r][c]` is the cell text ("" when blank or covered by a merge).

    Rows and columns are 0-based here; reports add 1 to rows and use column letters.
    """

    name: str
    cells: list[list[str]]
    merges: list[Merge] = field(default_factory=list)
    row_base: int = 1  # added to a 0-based row for reports: 1 for spreadsheets, 0 for JSON (header row 0)
    meta: dict[str, str] = field(default_factory=dict)  # JSON lists: title / department / jurisdiction
    hidden: bool = False  # a sheet the workbook hides: not what the list shows its readers
    hidden_columns: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # (column, its first rows), blanked
    # a sheet made from another (field | value blocks unfolded: importers.blocks): each row's number in the
    # file, and each column's name (its label) for reports
    row_numbers: tuple[int, ...] = ()
    column_names: tuple[str, ...] = ()
    published: str = ""  # the date a web page says it was published on (发布时间：2024-03-15), its list's year if none
    _anchor_of: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for m in self.merges:
            for r in range(m.top, m.bottom):
                for c in range(m.left, m.right):
                    if (r, c) != (m.top, m.left):
                        self._anchor_of[(r, c)] = (m.top, m.left)

    @property
    def nrows(self) -> int:
        return len(self.cells)

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.cells), default=0)

    def row_number(self, r: int) -> int:
        """The row number a user sees for 0-based row r (JSON: the object's index)."""
        if r < len(self.row_numbers):
            return self.row_numbers[r]
        return r + self.row_base

    def row_index(self, number: int) -> int:
        """The 0-based row a user's row number stands for (the last row of that number)."""
        if self.row_numbers:
            return max(r for r, n in enumerate(self.row_numbers) if n == number)
        return number - self.row_base

    def value(self, r: int, c: int) -> str:
        """The cell's own text ("" for a cell covered by a merge)."""
        row = self.cells[r] if r < len(self.cells) else []
        return row[c] if c < len(row) else ""

    def anchor(self, r: int, c: int) -> tuple[int, int] | None:
        """Top-left cell of the merge that covers (r, c), or None when (r, c) is not covered."""
        return self._anchor_of.get((r, c))

    def covered_from_above(self, r: int, c: int) -> bool:
        """True when (r, c) lies under a merge that starts on an earlier row (fill-down territory)."""
        a = self._anchor_of.get((r, c))
        return a is not None and a[0] < r

    def shown_value(self, r: int, c: int) -> str:
        """What a spreadsheet program shows in (r, c): the merge's value for a covered cell."""
        a = self._anchor_of.get((r, c))
        return self.value(*a) if a else self.value(r, c)

    def merge_right_of(self, r: int, c: int) -> int:
        """How many columns to the right of (r, c) belong to the same merge (0 when none)."""
        for m in self.merges:
            if m.top == r and m.left == c:
                return m.right - m.left - 1
        return 0


def column_letter(c: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def container_of(path: str | Path | Source) -> str:
    """xlsx / docx / ofd / xls / xml2003 / html / pdf / text, from the first bytes (a zip: by its members; never the extension);
    raises FileRefused otherwise."""
    source = as_source(path)
    head = source.head
    if not head:
        raise FileRefused(source.path, [RowError(f"空文件（0 字节）：{source.name}")])
    if head.startswith(OOXML_MAGIC):
        from importers.ofd import is_ofd

        return "docx" if _is_word(source) else "ofd" if is_ofd(source) else "xlsx"
    if head.startswith(BIFF_MAGIC):
        return "xls"
    if head.startswith(PDF_MAGIC):
        return "pdf"
    what = next((name for magic, name in _OTHER_FORMATS.items() if head.startswith(magic)), None)
    if what is None and looks_like_html(head) and source.suffix.lower() not in TABLE_TEXTS:
        return "html"  # a page, or a portal's 导出 Excel: its table as HTML under an .xls name (a CSV is read as one)
    if what is None and _SPREADSHEET_2003.search(head) and re.match(rb"^(?:\xef\xbb\xbf)?\s*<", head):
        return "xml2003"  # Excel 2003's XML workbook, what many systems' 导出 writes under an .xls name
    if what is None and _looks_like_text(head):
        return "text"
    raise FileRefused(source.path, [RowError(
        f"不是表格文件：{source.name} 开头的字节是 {head[:4].hex(' ').upper()}"
        + (f"，{what}" if what else "")
        + "（应为 .xlsx（PK）或 .xls（D0 CF 11 E0）文件、Word .docx 文档、PDF、网页、.zip 压缩包，或 CSV/JSON 文本文件）")])


def _is_word(source: Source) -> bool:
    """Whether the zip is a Word document and no workbook (a broken zip: no; the workbook reader says what is wrong
    with it)."""
    from importers.document import main_part

    try:
        with zipfile.ZipFile(source.stream()) as zf:
            return "xl/workbook.xml" not in zf.namelist() and main_part(zf) is not None
    except Exception:  # noqa: BLE001 - whatever a damaged archive raises, the workbook reader refuses it
        return False


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_text(head, strict=False) is not None  # Excel's "Unicode text" export (UTF-16)
    # Binary formats (PDF streams, images, archives) carry control bytes early; text exports do not.
    if b"\x00" in head:
        return False
    if any(b < 0x20 and b not in b"\t\r\n\x0c" for b in head):
        return False
    return decode_text(head, strict=False) is not None


def read_workbook(path: str | Path | Source) -> tuple[str, list[Sheet]]:
    """Read a spreadsheet or CSV file: (container, sheets). Raises FileRefused with the file named."""
    source = as_source(path)
    kind = container_of(source)
    if kind == "xlsx":
        return "xlsx", _read_xlsx(source)
    if kind == "xls":
        from importers.worddoc import doc_tables, is_word_97

        if is_word_97(source):  # the same container holds Word 97-2003's documents
            from importers.document import table_grids, within_limits

            with within_limits(source):
                grids = table_grids(doc_tables(source))
            return "doc", _document_sheets(source, grids, " Word 97-2003 文档")
        return "xls", _read_xls(source)
    if kind == "xml2003":
        return "xml2003", _read_xml2003(source)
    if kind in ("docx", "html"):
        from importers.document import docx_grids, within_limits
        from importers.webpage import html_grids

        with within_limits(source):
            grids = docx_grids(source) if kind == "docx" else html_grids(source)
        sheets = _document_sheets(source, grids, " Word 文档" if kind == "docx" else "网页（HTML）文件")
        if kind == "html":
            from importers.webpage import published_date

            published = published_date(source)
            for sheet in sheets:
                sheet.published = published
        return kind, sheets
    if kind in ("pdf", "ofd"):  # (an OFD document's pages are read as a PDF's: importers.ofd)
        from importers.document import table_grids, within_limits
        from importers.pdf import pdf_tables

        with within_limits(source):
            grids = table_grids(pdf_tables(source))
        return kind, _document_sheets(source, grids, " PDF 文档" if kind == "pdf" else " OFD 版式文档")
    return "csv", [read_csv(source)]


class NoTable(FileRefused):
    """A document (Word, a web page) without a table: notes or a letter beside the lists, not a broken list."""


def _document_sheets(source: Source, grids: list, what: str) -> list[Sheet]:
    """The sheets of a document's tables (importers.document.table_grids); NoTable when it has none."""
    if not grids:
        raise NoTable(source.path, [RowError(
            f"{source.name} 是{what}，其中没有表格：kb 从文档的表格中读取清单（一个事项一行）")])
    sheets = []
    for name, grid, merges, titles in grids:
        sheet = _finish(name, grid, [Merge(*m) for m in merges])
        # a row is named as a reader counts a table's rows: its first (the header) is row 1, the title paragraphs
        # above it row 0
        sheet.row_numbers = tuple(max(r - titles + 1, 0) for r in range(sheet.nrows))
        sheets.append(sheet)
    return sheets


def max_unzipped_bytes() -> int:
    """The most an .xlsx may unpack to, all members together (KB_IMPORT_MAX_UNZIPPED, default 1 GB)."""
    return env_limit("KB_IMPORT_MAX_UNZIPPED", 1024 * MB)


def max_zip_ratio() -> int:
    """The most one member may expand, uncompressed / compressed (KB_IMPORT_MAX_RATIO, default 200;
    real workbooks stay under 30, the zip bombs we know are over 1,000)."""
    return env_limit("KB_IMPORT_MAX_RATIO", 200)


MAX_ZIP_MEMBERS = 10_000
_RATIO_FLOOR = 16 * MB  # a member that unpacks to under 16 MB is never a bomb, however well it compresses


def check_zip(source: Source, zf: zipfile.ZipFile) -> None:
    """Refuse a zip bomb from the central directory alone, before a member is decompressed: too many
    members, too much in all, or one member that expands too far. zipfile never gives more than a
    member's declared size, so the declared sizes bound what a reader can be made to read."""
    infos = zf.infolist()
    check_unpacked(source, len(infos), sum(i.file_size for i in infos),
                   [(i.filename, i.file_size, i.compress_size) for i in infos])


def check_unpacked(source: Source, count: int, total: int, packed: list[tuple[str | None, int, int]]) -> None:
    """Refuse an archive (a zip, an .xlsx, a RAR) from what its directory or headers declare: `count` members,
    `total` bytes unpacked, and (name, unpacked, packed) of each member, or of the whole archive (name None) where
    its headers give no member's packed size."""
    name = source.name
    if count > MAX_ZIP_MEMBERS:
        raise FileRefused(source.path, [RowError(
            f"未解压即拒绝：{name} 内含 {count:,} 个成员文件，超过上限 {MAX_ZIP_MEMBERS:,} 个")])
    limit = max_unzipped_bytes()
    if total > limit:
        raise FileRefused(source.path, [RowError(
            f"未解压即拒绝：{name} 解压后将有 {total / MB:,.0f} MB，超过上限 {limit / MB:,.0f} MB"
            "（KB_IMPORT_MAX_UNZIPPED）")])
    ratio = max_zip_ratio()
    for member, size, compressed in packed:
        if size > _RATIO_FLOOR and size > ratio * max(compressed, 1):
            which = f"：成员文件 {member}" if member is not None else ""
            raise FileRefused(source.path, [RowError(
                f"未解压即拒绝：{name}{which} 解压后膨胀 "
                f"{size / max(compressed, 1):,.0f} 倍（{compressed:,} -> {size:,} 字节），"
                f"超过上限 {ratio} 倍（KB_IMPORT_MAX_RATIO）；可能是压缩炸弹")])


def _read_xlsx(source: Source) -> list[Sheet]:
    """The cells by calamine (a reader in Rust: a generated county's 80 workbooks in 0.65 s against openpyxl's 4.6 s),
    the merges, hidden sheets and hidden columns from the XML (_xlsx_layout)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    name = source.name
    try:
        with zipfile.ZipFile(source.stream()) as zf:
            check_zip(source, zf)
            bad = zf.testzip()
            if "xl/workbook.xml" not in zf.namelist():
                raise FileRefused(source.path, [RowError(
                    f"不是表格文件：{name} 是不含 xl/workbook.xml 的 ZIP 文件"
                    "（可能是 OpenDocument 文档或压缩包）")])
            if bad:
                raise FileRefused(source.path, [RowError(
                    f".xlsx 文件已损坏：{name}：成员文件 {bad} 校验和不符")])
            merges_by_sheet, hidden_by_sheet = _xlsx_layout(zf)
        # Formulas such as =COUNT($A$2:A2)+1 in 序号 are read as their cached values; every row present is read,
        # whatever a writer stored as the sheet's <dimension>.
        book = CalamineWorkbook.from_filelike(source.stream())
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:  # a chart sheet holds no cells
                continue
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            grid = [[_text(v) for v in row] for row in rows]
            hidden_sheet, hidden_cols = hidden_by_sheet.get(meta.name, (False, set()))
            sheets.append(_finish(meta.name, grid, merges_by_sheet.get(meta.name, []), hidden_sheet, hidden_cols))
        book.close()
    except FileRefused:
        raise
    except Exception as exc:  # zipfile.BadZipFile, KeyError, XML and calamine's errors: all mean a broken file
        raise FileRefused(source.path, [RowError(
            f".xlsx 文件已损坏或不完整：无法读取 {name}（{type(exc).__name__}: {exc}）")]) from exc
    return sheets


_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# A sheet's cells, cut out before its XML is parsed for what stands around them (<cols> before, <mergeCells> after):
# text inside a cell is escaped, so the first closing tag is the element's own.
_SHEET_DATA = re.compile(rb"<(?:[\w.-]+:)?sheetData\b")
_SHEET_DATA_END = re.compile(rb"</(?:[\w.-]+:)?sheetData\s*>")


def _xlsx_layout(zf: zipfile.ZipFile) -> tuple[dict[str, list[Merge]], dict[str, tuple[bool, set[int]]]]:
    """Merged ranges per sheet title, and whether the sheet is hidden with its hidden columns, read
    straight from the XML without its cells (calamine reads those); zf is the workbook's archive, already open for
    its checksum test."""
    import posixpath
    from xml.etree import ElementTree as ET

    from openpyxl.utils.cell import range_boundaries

    out: dict[str, list[Merge]] = {}
    hidden: dict[str, tuple[bool, set[int]]] = {}
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    book = ET.fromstring(zf.read("xl/workbook.xml"))
    for sh in book.iter(f"{_NS_MAIN}sheet"):
        tgt = target.get(sh.get(f"{_NS_REL}id"), "")
        member = tgt.lstrip("/") if tgt.startswith("/") else posixpath.normpath(posixpath.join("xl", tgt))
        if member not in zf.namelist():
            continue
        data = zf.read(member)
        start = _SHEET_DATA.search(data)
        end = _SHEET_DATA_END.search(data, start.end()) if start else None
        if start and end:
            data = data[:start.start()] + data[end.end():]
        merges = []
        columns: set[int] = set()
        for el in ET.fromstring(data).iter():
            if el.tag == f"{_NS_MAIN}mergeCell" and el.get("ref"):
                c1, r1, c2, r2 = range_boundaries(el.get("ref"))
                merges.append(Merge(r1 - 1, r2, c1 - 1, c2))
            elif el.tag == f"{_NS_MAIN}col" and el.get("hidden") in ("1", "true"):
                low, high = int(el.get("min", "0")), int(el.get("max", "0"))
                if 0 < low <= high and high - low < 1000:  # <col min=1 max=16384 hidden>: the rest of a sheet
                    columns.update(range(low - 1, high))
        out[sh.get("name", "")] = merges
        hidden[sh.get("name", "")] = (sh.get("state") in ("hidden", "veryHidden"), columns)
    return out, hidden


# its root element in the spreadsheet namespace (a page made by the tableToExcel script declares the namespace too)
_SPREADSHEET_2003 = re.compile(rb"<(?:[\w.-]+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet")
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def _xml2003_sheets(source: Source) -> list[Sheet]:
    from xml.etree import ElementTree as ET

    from importers.document import check_extent

    text = source.text  # (decoded here: the parser takes no multi-byte encoding a declaration names, GBK among them)
    try:
        if text is None:
            raise ValueError("既不是 UTF-8，也不是 GBK/GB18030 编码")
        root = ET.fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (ET.ParseError, ValueError) as exc:
        raise FileRefused(source.path, [RowError(
            f"Excel 2003 XML 表格已损坏或不完整：无法读取 {source.name}（{exc}）")]) from exc
    sheets = []
    for ws in root.iter(f"{_SS}Worksheet"):
        grid: list[list[str]] = []
        merges: list[Merge] = []
        below: dict[int, int] = {}  # column -> the row a merge from above covers it down to (exclusive)
        hidden_columns: set[int] = set()
        width = 0
        table = ws.find(f"{_SS}Table")
        r = col = -1
        for el in table if table is not None else ():
            if el.tag == f"{_SS}Column":
                col = _ss_int(el, "Index", col + 2) - 1
                span = _ss_int(el, "Span", 0)
                if el.get(f"{_SS}Hidden") in ("1", "true") and span < 1000:
                    hidden_columns.update(range(col, col + span + 1))
                col += span
                continue
            if el.tag != f"{_SS}Row":
                continue
            r = _ss_int(el, "Index", r + 2) - 1
            check_extent(r + 1, max(width, 1))
            while len(grid) <= r:
                grid.append([])
            c = 0
            for cell in el.findall(f"{_SS}Cell"):
                if cell.get(f"{_SS}Index"):
                    c = _ss_int(cell, "Index", 1) - 1
                else:
                    while below.get(c, 0) > r:  # a cell without its place goes after what a merge from above covers
                        c += 1
                across, down = min(_ss_int(cell, "MergeAcross", 0), 16_383), _ss_int(cell, "MergeDown", 0)
                width = max(width, c + across + 1)
                check_extent(r + down + 1, width)
                data = cell.find(f"{_SS}Data")
                row = grid[r]
                row += [""] * (c + 1 - len(row))
                row[c] = "".join(data.itertext()) if data is not None else ""
                if across or down:
                    merges.append(Merge(r, r + down + 1, c, c + across + 1))
                    if down:
                        for j in range(c, c + across + 1):
                            below[j] = max(below.get(j, 0), r + down + 1)
                c += across + 1
        hidden = any((v.text or "").strip() == "SheetHidden" for v in ws.iter() if v.tag.endswith("}Visible"))
        sheets.append(_finish(ws.get(f"{_SS}Name", f"Sheet{len(sheets) + 1}"), grid, merges, hidden, hidden_columns))
    return sheets


def _read_xml2003(source: Source) -> list[Sheet]:
    """An Excel 2003 XML workbook (<Workbook><Worksheet ss:Name><Table><Row><Cell ss:MergeAcross ss:MergeDown>): a cell
    goes where its ss:Index says, else after the cell before it and what a merge from above covers."""
    from importers.document import within_limits

    with within_limits(source):
        sheets = _xml2003_sheets(source)
    if not sheets:
        raise FileRefused(source.path, [RowError(f"Excel 2003 XML 表格中没有工作表：{source.name}")])
    return sheets


def _ss_int(el, name: str, default: int) -> int:
    """An ss: attribute's number (at most a sheet's 1,048,576 rows), else `default`."""
    value = (el.get(f"{_SS}{name}") or "").strip()
    return min(int(value), 1_048_576) if value.isdecimal() else default


def _read_xls(source: Source) -> list[Sheet]:
    import xlrd

    try:
        # logfile: xlrd prints its warnings about damaged files to stdout otherwise.
        book = xlrd.open_workbook(source.path, file_contents=source.data, formatting_info=True, on_demand=True,
                                  logfile=io.StringIO())
    except Exception as exc:
        if source.suffix.lower() in (".doc", ".wps"):  # (its directory, which names its streams, cut off)
            raise FileRefused(source.path, [RowError(
                f"{source.name} 是损坏或不完整的 Word 97-2003 文档，无法读取（{type(exc).__name__}）")]) from exc
        raise FileRefused(source.path, [RowError(
            f".xls 文件已损坏或无法读取：{source.name}（{type(exc).__name__}: {exc}）")]) from exc
    sheets = []
    try:
        for idx in range(book.nsheets):
            sh = book.sheet_by_index(idx)
            merges = [Merge(*m) for m in sh.merged_cells]
            grid = [[_xls_text(book, sh.cell(r, c)) for c in range(sh.row_len(r))] for r in range(sh.nrows)]
            columns = {c for c, info in sh.colinfo_map.items() if info.hidden}
            sheets.append(_finish(sh.name, grid, merges, bool(sh.visibility), columns))
    finally:
        book.release_resources()
    return sheets


def _xls_text(book, cell) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode).date().isoformat()
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return _text(cell.value)  # a number formatted as a date but outside the date range
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "")
    return _text(cell.value)


def _text(v: object) -> str:
    """Cell value -> text. Whole floats lose their `.0` (xls stores 序号 1 as 1.0)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _finish(name: str, grid: list[list[str]], merges: list[Merge], hidden: bool = False,
            hidden_columns: set[int] | None = None) -> Sheet:
    """Blank cells under merges (xlrd can keep leftover values there) and in hidden columns (a list's
    readers do not see them: 实施依据（2019年版） kept hidden beside the current basis), and trim empty edges."""
    shown_hidden: list[tuple[int, tuple[str, ...]]] = []
    if hidden_columns:
        width = max((len(row) for row in grid), default=0)
        columns = sorted(c for c in hidden_columns if c < width)  # <col hidden> beyond the data: nothing there
        filled: set[int] = set()
        for row in grid:  # one pass over the rows for all hidden columns
            for c in columns:
                if c < len(row) and c not in filled and row[c].strip():
                    filled.add(c)
        for c in columns:
            if c in filled:
                shown_hidden.append((c, tuple(row[c].strip() if c < len(row) else "" for row in grid[:12])))
        for row in grid:
            for c in columns:
                if c < len(row):
                    row[c] = ""
    for m in merges:
        for r in range(m.top, min(m.bottom, len(grid))):
            row = grid[r]
            for c in range(m.left, min(m.right, len(row))):
                if (r, c) != (m.top, m.left):
                    row[c] = ""
    nrows = len(grid)
    while nrows and not any(v.strip() for v in grid[nrows - 1]):
        nrows -= 1
    grid = grid[:nrows]
    ncols = 0
    for row in grid:
        last = len(row)
        while last and not row[last - 1].strip():
            last -= 1
        ncols = max(ncols, last)
    grid = [row[:ncols] + [""] * (ncols - len(row[:ncols])) for row in grid]
    kept = [Merge(m.top, min(m.bottom, nrows), m.left, min(m.right, ncols)) for m in merges
            if m.top < nrows and m.left < ncols]
    kept = [m for m in kept if (m.bottom - m.top) * (m.right - m.left) > 1]
    return Sheet(name, grid, kept, hidden=hidden, hidden_columns=shown_hidden)


def read_csv(path: str | Path | Source) -> Sheet:
    """A CSV/TSV file as a one-sheet grid; encoding UTF-8 (BOM or not) or GB18030/GBK."""
    source = as_source(path)
    text = source.text
    if text is None:
        raise FileRefused(source.path, [RowError(
            f"不是表格文件：{source.name} 既不是 UTF-8 也不是 GBK/GB18030 文本")])
    sample = text[:20000]
    # Only the delimiter (and spaces after it) is guessed: the quoting is Excel's (a quote inside a quoted cell is doubled), as
    # every spreadsheet writes it; the sniffer's guess of that from one sample can be wrong.
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",\t;")
        delimiter, after_delimiter = sniffed.delimiter, sniffed.skipinitialspace  # `a, "b, c"`: quoted after a space
    except csv.Error:  # (lines of differing counts: a title line above the header, with no delimiter in it)
        lines = [line for line in sample.splitlines() if line.strip()][1:200]
        tabbed = sum("\t" in line for line in lines)
        delimiter, after_delimiter = ("\t" if lines and tabbed * 2 >= len(lines) else ","), False
    # Published cells can be long; the per-cell size check in the parser reports where, so the csv
    # module must not stop first with its 128 KB default.
    csv.field_size_limit(max(csv.field_size_limit(), len(source.data) + 1))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter,
                               skipinitialspace=after_delimiter))
    except csv.Error as exc:
        raise FileRefused(source.path, [RowError(f"无法读取的 CSV 文件：{exc}")]) from exc
    return _finish(source.stem, [[v for v in row] for row in rows], [])


def read_json_table(path: str | Path | Source) -> tuple[str, Sheet]:
    """A JSON list (array of objects, or {"records": [...]}) or JSON Lines file as one grid.

    Row 1 is the union of the objects' keys in first-seen order; row n+1 is object n, so a
    reported row number minus one is the object's 1-based index (JSONL: its line number).
    """
    source = as_source(path)
    if source.text is None:
        raise FileRefused(source.path, [RowError(f"{source.name}：既不是 UTF-8 也不是 GB18030 文本")])
    data = None
    lines = source.suffix.lower() in (".jsonl", ".ndjson")
    if not lines:
        try:
            data = source.json()
        except json.JSONDecodeError:
            lines = True  # several JSON values, one per line
    if lines:
        container, meta, objects = "jsonl", {}, _json_line_objects(source)
    else:
        container, meta, objects = "json", *_json_array_objects(source, data)
    keys: dict[str, None] = {}
    for _, obj in objects:
        keys.update(dict.fromkeys(obj))
    header = list(keys)
    # Place object n on grid row n (0-based row 0 is the header) so positions match the source.
    last = max((n for n, _ in objects), default=0)
    grid = [header] + [[""] * len(header) for _ in range(last)]
    for n, obj in objects:
        grid[n] = [_json_text(obj.get(k)) for k in header]
    return container, Sheet(source.stem, grid, [], row_base=0, meta=meta)


def _json_line_objects(source: Source) -> list[tuple[int, dict]]:
    """(line number, object) of a JSON Lines file; refused at the first line that is no JSON object."""
    objects: list[tuple[int, dict]] = []
    for lineno, obj in source.json_lines():
        if isinstance(obj, json.JSONDecodeError):
            raise FileRefused(source.path, [RowError(
                f"{source.name}：第 {lineno} 行不是 JSON（第 {obj.colno} 列：{obj.msg}）", row=lineno)]) from obj
        if not isinstance(obj, dict):
            raise FileRefused(source.path, [RowError(f"{source.name}：第 {lineno} 行不是 JSON 对象", row=lineno)])
        objects.append((lineno, obj))
    return objects


def _json_array_objects(source: Source, data: object) -> tuple[dict[str, str], list[tuple[int, dict]]]:
    """(what the file declares, (1-based index, object)) of a JSON array or {"records": [...]}."""
    meta: dict[str, str] = {}
    if isinstance(data, dict):
        data, meta = nested_records(data)
    if not isinstance(data, list):
        raise FileRefused(source.path, [RowError(
            f"{source.name}：不是可读的清单或办事指南：清单应为由对象组成的 JSON 数组或 {{\"records\": [...]}}"
            "（或 data.rows / list / result 之下的数组）；一件事办事指南应为湖南“一件事一次办”的目录或主题列表"
            "（含 theme_code 和 theme_title），或每个一件事有名称、主办或牵头部门，以及协办部门或涉及事项"
            "（importers/mappings/guides.toml）")])
    objects: list[tuple[int, dict]] = []
    for idx, obj in enumerate(data, start=1):
        if not isinstance(obj, dict):
            raise FileRefused(source.path, [RowError(f"{source.name}：第 {idx} 个元素不是 JSON 对象", row=idx)])
        objects.append((idx, obj))
    return meta, objects


# Top-level keys of a JSON list that say what a title row says in a spreadsheet.
# (a platform's answer: {"data": {"deptName": "重庆市渝中区应急管理局", "areaName": "重庆市渝中区", "rows": […]}})
_META_KEYS = {"title": ("title", "标题", "清单名称"),
              "department": ("department", "部门", "部门名称", "发布部门", "deptName", "dept_name", "orgName", "org_name"),
              "jurisdiction": ("jurisdiction", "地区", "行政区划", "所属地区", "areaName", "area_name", "regionName")}


# Where exports keep their list of records: {"records": [...]}, and a list platform's API answer as saved
# from the browser ({"code": 200, "data": {"rows": [...], "total": 12}}, {"result": {"list": [...]}}).
_RECORD_KEYS = ("records", "items", "rows", "list", "data", "result", "datas", "dataList", "records_list", "pageData",
                "content", "results", "dataSet", "recordList")


def nested_records(data: dict, depth: int = 3, *, any_key: bool = True) -> tuple[object, dict[str, str]]:
    """(the records, what the file declares) of a JSON object: the first list of objects under one of
    _RECORD_KEYS, looked for up to `depth` objects down; what the objects on the way declare (a title)
    kept, the outer first. Where none is (another platform's own key: data.pageData, body.qlqd), the longest list
    of objects anywhere that deep, when no other is as long."""
    meta = _json_meta(data)
    for key in _RECORD_KEYS:
        value = data.get(key)
        if isinstance(value, list) and (not value or isinstance(value[0], dict)):
            return value, meta
        if isinstance(value, dict) and depth > 1:
            found, inner = nested_records(value, depth - 1, any_key=False)
            if isinstance(found, list):
                return found, {**inner, **meta}
    if any_key:
        lists = sorted(_object_lists(data, depth), key=lambda found: -len(found[0]))
        if lists and (len(lists) == 1 or len(lists[0][0]) > len(lists[1][0])):
            return lists[0][0], {**lists[0][1], **meta}
    return None, meta


def _object_lists(data: dict, depth: int) -> list[tuple[list, dict[str, str]]]:
    """Every non-empty list of objects under `data`, `depth` objects down, with what the objects on the way declare."""
    out = []
    for value in data.values():
        if isinstance(value, list) and value and all(isinstance(x, dict) for x in value[:50]):
            out.append((value, {}))
        elif isinstance(value, dict) and depth > 1:
            out += [(found, {**_json_meta(value), **meta}) for found, meta in _object_lists(value, depth - 1)]
    return out


def _json_meta(data: dict) -> dict[str, str]:
    meta = {}
    for field_name, keys in _META_KEYS.items():
        for key in keys:
            if isinstance(data.get(key), str) and data[key].strip():
                meta[field_name] = data[key].strip()
                break
    return meta


def _json_text(v: object) -> str:
    if isinstance(v, list):
        return "\n".join(_json_text(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return _text(v)
