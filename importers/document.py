"""Word documents (.docx): lists published as tables, laws published as paragraphs.

Many offices publish their 权责清单 as a Word table, not a workbook, and the national law database
(国家法律法规数据库) gives its texts as Word documents. A .docx is a zip of XML; its body is a sequence of
paragraphs and tables. This module reads that sequence without a third-party package:

- `docx_grids`: each table as the grid of a `Sheet` (the shape every list reader gives the parser), with its merged
  cells (`gridSpan` across, `vMerge` down) and the paragraphs above it (the list's title) as title rows.
  A table that only continues the one before it (Word splits a long table at a page break or an empty
  paragraph; some publishers start a new table under each group heading, 二、行政处罚) is appended to it.
- `docx_text`: the paragraphs as lines of text (a table's rows as lines of cells), for the law reader.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from importers.records import FileRefused, RowError
from importers.source import Source

# The files whose tables are read as a workbook's sheets, and what a reader calls them.
DOCUMENT_SUFFIXES = {".docx": "Word 文档", ".doc": "Word 文档", ".wps": "WPS 文档", ".html": "网页", ".htm": "网页",
                     ".mht": "网页存档", ".mhtml": "网页存档", ".pdf": "PDF 文档",
                     ".ofd": "OFD 版式文档"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOCUMENT = "word/document.xml"
# Elements whose children stand in the body (or a row, or a cell) as if the wrapper were not there: content
# controls, custom XML, smart tags, a tracked insertion.
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag", f"{_W}ins", f"{_W}bdo", f"{_W}dir",
             f"{_W}hyperlink", f"{_W}fldSimple"}
# ... and those whose text is not shown: deleted text, field instructions, the fallback copy of a drawing's
# text (its mc:Choice holds the same)
_HIDDEN = {f"{_W}del", f"{_W}delText", f"{_W}instrText", f"{_W}delInstrText", f"{_MC}Fallback",
           f"{_W}moveFrom", f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}trPr", f"{_W}tcPr", f"{_W}tblGrid",
           f"{_W}footnoteReference", f"{_W}endnoteReference", f"{_W}commentReference"}
TITLE_PARAGRAPHS = 3  # the paragraphs above a table read as its title rows (附件1 | XX局权责清单 | （2024年版）)
TITLE_CHARS = 120  # ... each at most this long: a longer one is a note, not a title
GROUP_CHARS = 40  # a paragraph between two tables short enough to be a group heading (二、行政处罚（12项）)
HEADER_DEPTH = 3  # a header's first row merged down over at most this many rows (序号 over 主项 | 子项)


@dataclass
class Table:
    """A table's cell texts on its grid (a merged cell's text in its top-left cell, "" under it) and its merges as
    (top, bottom, left, right), bottom and right exclusive."""

    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # the non-empty paragraphs between it and the table before

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


MAX_CELLS = 5_000_000  # a table's rows × columns beyond this are no list (a hostile file's spans): refused


class TooLarge(Exception):
    """A document's table spans more cells than a list can have (`MAX_CELLS`)."""


def check_extent(rows: int, columns: int) -> None:
    if rows * columns > MAX_CELLS:
        raise TooLarge(f"表格过大：{rows:,} 行 × {columns:,} 列，超过上限 {MAX_CELLS:,} 个单元格（合并单元格的跨度异常）")


def check_area(cells: int) -> None:
    if cells > MAX_CELLS:
        raise TooLarge(f"表格过大：其单元格连同合并的跨度共 {cells:,} 个，超过上限 {MAX_CELLS:,} 个（合并单元格的跨度异常）")


@contextmanager
def within_limits(source: Source) -> Iterator[None]:
    """A table beyond `MAX_CELLS` refused as the file's (the grids are laid out where no file is known)."""
    try:
        yield
    except TooLarge as exc:
        raise FileRefused(source.path, [RowError(f"{source.name} 的{exc}")]) from exc


_MAIN_PART = re.compile(r"word/document\d*\.xml")


def main_part(zf: zipfile.ZipFile) -> str | None:
    """The member holding a Word document's body: the package's officeDocument relationship names it
    (word/document.xml; Word Online writes word/document2.xml), None when the zip is no Word document."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        try:
            for rel in ET.fromstring(zf.read("_rels/.rels")):
                target = rel.get("Target", "").lstrip("/")
                if rel.get("Type", "").endswith("/officeDocument") and _MAIN_PART.fullmatch(target) and target in names:
                    return target
        except ET.ParseError:
            pass
    return DOCUMENT if DOCUMENT in names else next((n for n in sorted(names) if _MAIN_PART.fullmatch(n)), None)


def _body(source: Source) -> ET.Element:
    """The document's <w:body>, parsed once per file; FileRefused for a damaged file or a zip that is no Word
    document."""
    return source.kept("docx body", lambda: _read_body(source))


def _read_body(source: Source) -> ET.Element:
    from importers.numbering import number_paragraphs
    from importers.workbook import check_zip

    try:
        with zipfile.ZipFile(source.stream()) as zf:
            check_zip(source, zf)
            member = main_part(zf)
            if member is None:
                raise FileRefused(source.path, [RowError(f"不是 Word 文档：{source.name} 中没有 {DOCUMENT}")])
            root = ET.fromstring(zf.read(member))
            body = root.find(f"{_W}body")
            if body is not None:
                number_paragraphs(zf, member, body)
    except FileRefused:
        raise
    except Exception as exc:  # zipfile.BadZipFile, a bad CRC, broken XML: all a damaged file
        raise FileRefused(source.path, [RowError(
            f".docx 文件已损坏或不完整：无法读取 {source.name}（{type(exc).__name__}: {exc}）")]) from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise FileRefused(source.path, [RowError(f".docx 文件没有正文：{source.name}")])
    return body


def _blocks(parent: ET.Element):
    """The paragraphs (w:p) and tables (w:tbl) directly in `parent`, in order, through wrappers."""
    for el in parent:
        if el.tag in (f"{_W}p", f"{_W}tbl"):
            yield el
        elif el.tag in _WRAPPERS:
            yield from _blocks(el)


def _children(parent: ET.Element, tag: str):
    """`parent`'s children named `tag`, through wrappers (a row's cells inside a content control)."""
    for el in parent:
        if el.tag == tag:
            yield el
        elif el.tag in _WRAPPERS:
            yield from _children(el, tag)


def paragraph_text(p: ET.Element) -> str:
    """The text a reader sees in a paragraph: its runs' text, tabs and line breaks; not deleted text, field
    codes or a drawing's fallback copy."""
    out: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _HIDDEN:
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            elif tag == f"{_W}p":  # a paragraph inside a text box
                if out and out[-1] != "\n":
                    out.append("\n")
                walk(child)
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _cell_text(tc: ET.Element) -> str:
    """A cell's paragraphs (and a nested table's, row by row), one line each."""
    lines: list[str] = []
    for block in _blocks(tc):
        if block.tag == f"{_W}p":
            lines.append(paragraph_text(block))
        else:
            lines += ["\t".join(row) for row in _table(block).rows]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def _val(el: ET.Element | None, name: str, default: str | None = None) -> str | None:
    if el is None:
        return default
    child = el.find(f"{_W}{name}")
    if child is None:
        return default
    return child.get(f"{_W}val", "")


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdecimal() and 0 < int(text) < 1000 else default


def _table(tbl: ET.Element) -> Table:
    """A w:tbl on its grid: a cell spanning columns (gridSpan) or continuing the cell above (vMerge) is merged."""
    rows: list[list[str]] = []
    merges: list[list[int]] = []  # [top, bottom, left, right]
    open_down: dict[int, list[int]] = {}  # a vertical merge still open, by its left column
    for r, tr in enumerate(_children(tbl, f"{_W}tr")):
        tr_pr = tr.find(f"{_W}trPr")
        c = _int(_val(tr_pr, "gridBefore"), 0)
        row = [""] * c
        continued: set[int] = set()
        for tc in _children(tr, f"{_W}tc"):
            tc_pr = tc.find(f"{_W}tcPr")
            span = _int(_val(tc_pr, "gridSpan"), 1)
            down = _val(tc_pr, "vMerge")  # None: no merge; "restart": starts one; "" or "continue": goes on
            across = _val(tc_pr, "hMerge")  # an older writer's merge across: restart, then continue
            if across in ("", "continue") and merges and merges[-1][0] == r and merges[-1][3] == c:
                merges[-1][3] += span  # the cell belongs to the one on its left
                row += [""] * span
                c += span
                continue
            if down in ("", "continue") and c in open_down and open_down[c][1] == r:
                open_down[c][1] = r + 1
                continued.add(c)
                row += [""] * span
            else:
                row.append(_cell_text(tc))
                row += [""] * (span - 1)
                if span > 1 or down == "restart" or across == "restart":
                    merge = [r, r + 1, c, c + span]
                    merges.append(merge)
                    if down == "restart":
                        open_down[c] = merge
            c += span
        for left in [k for k, m in open_down.items() if k not in continued and m[0] != r]:
            del open_down[left]  # a merge down ends where a row does not continue it
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    check_extent(len(rows), width)
    rows = [row + [""] * (width - len(row)) for row in rows]
    return Table(rows, [tuple(m) for m in merges if (m[1] - m[0]) * (m[3] - m[2]) > 1])


def _frame_cells(tbl: ET.Element) -> list[ET.Element] | None:
    """The cells of a table that only frames what is inside it (one cell a row: a layout some offices use for the
    whole page, a list's table or a law's paragraphs inside), else None."""
    cells = [list(_children(tr, f"{_W}tc")) for tr in _children(tbl, f"{_W}tr")]
    if not cells or any(len(row) != 1 for row in cells):
        return None
    inner = [tc for row in cells for tc in row]
    if any(tc.find(f".//{_W}tbl") is not None for tc in inner) or len(inner) == 1:
        return inner
    return None


def _walk(parent: ET.Element, paragraph, table) -> None:
    """Call `paragraph(text)` and `table(w:tbl)` in the document's order, through frames."""
    for block in _blocks(parent):
        if block.tag == f"{_W}p":
            paragraph(paragraph_text(block))
            continue
        frame = _frame_cells(block)
        if frame is not None:
            for tc in frame:
                _walk(tc, paragraph, table)
        else:
            table(block)


def docx_tables(source: Source) -> list[Table]:
    """The document's tables in order, each with the non-empty paragraphs between it and the one before; a table
    that only frames others is read through (its cells' paragraphs and tables stand as the body's)."""
    tables: list[Table] = []
    before: list[str] = []

    def paragraph(text: str) -> None:
        if text.strip():
            before.append(text.strip())

    def table(block: ET.Element) -> None:
        nonlocal before
        found = _table(block)
        if found.rows:
            found.before = before
            tables.append(found)
        before = []

    _walk(_body(source), paragraph, table)
    return tables


def _norm(cells: list[str]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", v) for v in cells)


# A paragraph that names a body, or a body's list (株洲市民政局, 株洲市民政局2024年权责清单): the title of a table of its
# own; not a group's heading (二、行政处罚事项清单（1项）).
_BODY_END = re.compile(r"(?:局|委员会|委|办公室|办|政府|厅|中心|院|队|站|所|会)$")
_LIST_WORDS = re.compile(r"(?:(?:19|20)\d{2}年(?:度)?)?(?:行政)?(?:权责|权力|责任|公共服务|服务)?(?:事项)?(?:清单|目录)(?:汇编)?$")


def _names_a_body(paragraph: str) -> bool:
    text = re.sub(r"[（(][^（()）]*[)）]$", "", re.sub(r"\s+", "", paragraph))
    return bool(_BODY_END.search(_LIST_WORDS.sub("", text)))


def header_rows(table: Table) -> tuple[tuple[str, ...], ...]:
    """The rows of a table's header, as a table going on over pages repeats them: its first row and those its cells
    merged down cover (序号 and 事项名称 over 主项 | 子项), whitespace removed."""
    depth = max([1] + [b for t, b, _, _ in table.merges if t == 0 and b - t <= HEADER_DEPTH])
    return tuple(_norm(row) for row in table.rows[:depth])


def repeated_header(rows: list[list[str]], header: tuple[tuple[str, ...], ...]) -> int:
    """How many of `rows` from the first repeat the header rows `header`."""
    n = 0
    while n < len(header) and n < len(rows) and _norm(rows[n]) == header[n]:
        n += 1
    return n


def _continues(table: Table, previous: Table, header: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `table` only continues `previous`: the same grid, no paragraph between that names a list or a body
    (another department's list in a compilation), and a first row that is no header of its own (data going on after a
    page or under a group heading, 二、行政处罚（12项）) or, with nothing between, the header repeated at a page's top."""
    if table.width != previous.width or any(_names_a_body(p) for p in table.before):
        return False
    if not looks_like_header(table.rows[0]):
        return True
    return not table.before and repeated_header(table.rows, header) > 0


def looks_like_header(cells: list[str]) -> bool:
    """A row of a list's column names (序号 | 事项名称 | 实施依据 …) as a mapping knows them, not of data (1 | 对…的处罚)."""
    from importers.mapping import recognised

    return recognised([re.sub(r"\s+", "", v) for v in cells]) >= 2


Grid = tuple[str, list[list[str]], list[tuple[int, int, int, int]], int]


def docx_grids(source: Source) -> list[Grid]:
    return table_grids(docx_tables(source))


def table_grids(tables: list[Table]) -> list[Grid]:
    """(name, grid, merges, title rows) per table of a document (Word, a web page) as a list reader sees it: the title
    paragraphs above it as rows of one cell merged across, a table that only continues the one before appended to it
    (its group heading a row of its own, a header it repeats left out). Named after the paragraph just above it
    (一、行政许可: the list reader takes a type from a sheet's name, as from a workbook's), else 表1, 表2 …."""
    out: list[Grid] = []
    previous: Table | None = None
    header: tuple[tuple[str, ...], ...] = ()
    for table in tables:
        if previous is not None and _continues(table, previous, header):
            grid, merges = out[-1][1], out[-1][2]
            for text in (p for p in table.before if len(p) <= GROUP_CHARS):  # (a long one is a note, not a group)
                merges.append((len(grid), len(grid) + 1, 0, table.width))
                grid.append([text] + [""] * (table.width - 1))
            skip = repeated_header(table.rows, header)
            base = len(grid) - skip
            grid += [list(r) for r in table.rows[skip:]]
            merges += [(t + base, b + base, left, right) for t, b, left, right in table.merges if t >= skip]
            continue
        titles = [p for p in table.before if len(p) <= TITLE_CHARS][-TITLE_PARAGRAPHS:]
        if previous is not None and table.width == previous.width and not looks_like_header(table.rows[0]) \
                and looks_like_header(previous.rows[0]):  # another body's table under its title, its header left out:
            table = Table([list(previous.rows[0]), *table.rows],  # the header of the table before, as a reader takes it
                          [(t + 1, b + 1, left, right) for t, b, left, right in table.merges], table.before)
        grid = [[p] + [""] * (table.width - 1) for p in titles] + [list(r) for r in table.rows]
        merges = [(i, i + 1, 0, table.width) for i in range(len(titles)) if table.width > 1]
        merges += [(t + len(titles), b + len(titles), left, right) for t, b, left, right in table.merges]
        named = [p for p in titles if not re.match(r"^(?:[（(【\[]|附件|附表)", p)]  # not （2024年版）, 附件1
        name = re.sub(r"\s+", "", named[-1])[:31] if named else ""
        out.append((name or f"表{len(out) + 1}", grid, merges, len(titles)))
        previous = table
        header = header_rows(table)
    names: set[str] = set()
    for i, (name, grid, merges, titles) in enumerate(out):  # sheet names are unique, as in a workbook
        unique = name if name not in names else f"{name[:28]}（{i + 1}）"
        names.add(unique)
        out[i] = (unique, grid, merges, titles)
    return out


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table's rows as lines of text: the lines of each cell where a row has one filled cell or a cell of several
    paragraphs (a law laid out in a table, beside its site's menu), else its cells separated by tabs."""
    lines: list[str] = []
    for row in rows:
        filled = [v for v in row if v.strip()]
        if len(filled) == 1 or any(v.count("\n") >= 2 for v in filled):
            lines += [line for v in filled for line in v.split("\n")]
        else:
            lines.append("\t".join(v.replace("\n", " ") for v in row))
    return lines


def docx_text(source: Source) -> str:
    """The document as text: a paragraph a line (a line break in it starts another), a table's rows as
    `table_lines` gives them; a frame read through."""
    lines: list[str] = []
    _walk(_body(source), lines.append, lambda block: lines.extend(table_lines(_table(block).rows)))
    return "\n".join(lines)
