"""Word 97-2003 documents (.doc; WPS's .wps of the same form): the text of a law published in the old format.

Many local regulations and laws are still published as .doc attachments. Its text lies in the WordDocument stream of
a compound file (read here by xlrd's reader of that container, already a dependency for .xls), in pieces the table
stream's piece table lists: each a run of character positions stored either as UTF-16 or as 8-bit text. This module
reads the main document's text in order (not its headers, footnotes or comments) and gives it as lines: a paragraph a
line, a table's cells each a line, a field's shown result without its code (a page number's PAGE, a link's
HYPERLINK …).

`doc_tables` reads a list laid out in the document's tables as `importers.document` reads a .docx's: each table's
cells on its grid with their merges, and the paragraphs above it. A .doc keeps no grid of columns: each row lists
its cells' right edges (sprmTDefTable), so the grid is every edge any row of the table has; a cell spans the
columns between its edges, a cell continuing the one above (TC80's fVertMerge without fVertRestart, or
sprmTVertMerge) is merged down, an older writer's cell merged into the one on its left (fMerged) across. Which
paragraphs stand in a table, and which end a row, is in each paragraph's properties (the PAPX runs of the FKP pages
PlcBtePapx lists; sprmPFInTable, sprmPFTtp). A nested table's text stays in its outer cell.

The numbers Word's automatic numbering draws (a law's 第%1条, a list's 序号 column) are not in the text: they are put
before their paragraphs, in the text and in the tables, counted as `importers.numbering` counts a .docx's, from the
lists (PlfLst: LSTF and LVL), their instances (PlfLfo: LFO and LFOLVL) and the paragraph's or its style's sprmPIlfo and
sprmPIlvl (the style sheet, STSH). Damaged lists or styles leave the text without its numbers.

The layout follows Microsoft's published specification of the format ([MS-DOC]): the FIB at the stream's start
(wIdent 0xA5EC, fWhichTblStm, fEncrypted, ccpText, fcPlcfBtePapx, fcClx/lcbClx), the Clx's Pcdt and its PlcPcd,
PapxFkp, Sprm, TDefTableOperand and TC80. Properties a fast save leaves in the piece table (a Prm) are not read:
Word 97 and later write them to the FKPs when a file is saved in full, which every published file is.
"""
from __future__ import annotations

import bisect
import io
import itertools
import re
import struct
from dataclasses import dataclass, replace

from importers.document import Table, TooLarge, check_extent
from importers.records import FileRefused, RowError
from importers.source import Source

_WORD_IDENT = 0xA5EC
_FC_CLX = 0x1A2  # fcClx and lcbClx in the FIB of every Word 97 and later document
_FC_BTE_PAPX = 0x102  # fcPlcfBteChpx's neighbour: fcPlcfBtePapx and lcbPlcfBtePapx
_CCP_TEXT = 0x4C
# What the main text holds beside characters: a paragraph's end, a cell's or a row's end, a line break, a page or
# section break, a field's start, separator and end, objects (a picture, a note's reference) and hyphens.
_SHOWN = {"\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x1e": "-", "\x1f": "", "\xa0": " "}
_OBJECTS = re.compile(r"[\x00-\x06\x08\x0e-\x12\x16-\x1d]")


def is_word_97(source: Source) -> bool:
    """Whether a compound file holds a Word 97-2003 document: a WordDocument stream at its root (a workbook with a
    Word document embedded holds one deeper). Decided once per file (the sniffer, the law and the list readers ask)."""
    return source.kept("is word 97", lambda: _is_word_97(source.data))


def _is_word_97(data: bytes) -> bool:
    if "WordDocument".encode("utf-16-le") not in data:
        return False
    from xlrd.compdoc import CompDoc

    try:
        directory = CompDoc(data, logfile=io.StringIO()).dirlist
        return any(directory[i].name == "WordDocument" for i in directory[0].children)
    except Exception:  # noqa: BLE001 - a damaged container: named in its directory is the best there is
        return True


def _refused(source: Source, said: str) -> FileRefused:
    return FileRefused(source.path, [RowError(f"{source.name} {said}")])


def doc_text(source: Source) -> str:
    """The main document's text as lines (a paragraph, or a table's cell, a line); FileRefused for an encrypted or a
    damaged document."""
    return source.kept("doc text", lambda: _shown(_numbered(source)))


@dataclass
class _Document:
    word: bytes  # the WordDocument stream
    table: bytes  # the table stream (0Table or 1Table)
    data: bytes  # the Data stream (properties too large for their page), if any
    pieces: list[tuple[int, int, int, bool]]  # as _pieces gives them
    text: str  # the main document's characters, marks and field codes included


def _document(source: Source) -> _Document:
    return source.kept("doc", lambda: _open(source))


def _open(source: Source) -> _Document:
    from xlrd.compdoc import CompDoc

    try:
        container = CompDoc(source.data, logfile=io.StringIO())
        word = bytes(container.get_named_stream("WordDocument") or b"")
        if len(word) < _FC_CLX + 8:
            raise ValueError("WordDocument 流过短")
        ident, flags = struct.unpack_from("<H", word, 0)[0], struct.unpack_from("<H", word, 0x0A)[0]
        if ident != _WORD_IDENT:
            raise ValueError(f"不是 Word 文档的标识 {ident:#06x}")
        if flags & 0x0100:
            raise _refused(source, "有打开密码（已加密）：kb 不能读取加密的文档，请用发布机关公布的未加密版本")
        table = bytes(container.get_named_stream("1Table" if flags & 0x0200 else "0Table") or b"")
        data = bytes(container.get_named_stream("Data") or b"") if "Data".encode("utf-16-le") in source.data else b""
        ccp_text = struct.unpack_from("<i", word, _CCP_TEXT)[0]
        fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
        pieces = _pieces(table[fc_clx: fc_clx + lcb_clx], ccp_text)
        text = "".join(_piece_text(word, start, end, fc, compressed, ccp_text)
                       for start, end, fc, compressed in pieces)
    except FileRefused:
        raise
    except Exception as exc:  # a damaged container or stream: whatever the readers raise
        raise _damaged(source, exc) from exc
    return _Document(word, table, data, pieces, text)


def _damaged(source: Source, exc: Exception) -> FileRefused:
    return _refused(source, f"是损坏或不完整的 Word 97-2003 文档，无法读取（{type(exc).__name__}）")


def _pieces(clx: bytes, ccp_text: int | None = None) -> list[tuple[int, int, int, bool]]:
    """(first character position, end, file offset, 8-bit) of each piece of the text, from the Clx: property runs
    (Prc, 0x01) skipped, then the piece table (Pcdt, 0x02). Positions go up from 0 and stop at the main text's end
    (`ccp_text`): a table that repeats or runs past them is damage (or a file made to multiply its text)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at >= len(clx) or clx[at] != 0x02:
        raise ValueError("没有文本块表（Pcdt）")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5: at + 5 + size]
    count = (len(plc) - 4) // 12  # n + 1 positions of 4 bytes, n descriptors of 8
    positions = struct.unpack_from(f"<{count + 1}I", plc, 0)
    if positions[0] != 0 or any(b <= a for a, b in itertools.pairwise(positions)):
        raise ValueError("文本块的位置不是递增的")
    out = []
    for i in range(count):
        if ccp_text is not None and positions[i] >= ccp_text:
            break
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        compressed = bool(fc & 0x40000000)
        out.append((positions[i], positions[i + 1], (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF,
                    compressed))
    return out


def _piece_text(word: bytes, start: int, end: int, fc: int, compressed: bool, ccp_text: int) -> str:
    """The piece's characters within the main document (positions before `ccp_text`)."""
    end = min(end, ccp_text)
    if end <= start:
        return ""
    if compressed:  # 8-bit text (Word's "compressed" pieces: Latin text in code page 1252)
        return word[fc: fc + end - start].decode("cp1252", "replace")
    return word[fc: fc + 2 * (end - start)].decode("utf-16-le", "replace")


def _shown(text: str) -> str:
    """The text as a reader sees it: a field's result without its code (\\x13 code \\x14 result \\x15, nested), the
    marks of paragraphs, cells and breaks as line ends, objects left out."""
    out: list[str] = []
    open_fields: list[bool] = []  # for each open field: whether its code is still being read
    in_code = 0  # how many of them are
    for ch in text:
        if ch == "\x13":
            open_fields.append(True)
            in_code += 1
        elif ch == "\x14":
            if open_fields and open_fields[-1]:
                open_fields[-1] = False
                in_code -= 1
        elif ch == "\x15":
            if open_fields and open_fields.pop():
                in_code -= 1
        elif not in_code:
            out.append(_SHOWN.get(ch, ch))
    return _OBJECTS.sub("", "".join(out))


# --- tables ---------------------------------------------------------------------------------------------------------

_IN_TABLE, _TTP, _HUGE_PAPX = 0x2416, 0x2417, 0x6646  # sprmPFInTable, sprmPFTtp, sprmPHugePapx
_DEF_TABLE, _VERT_MERGE, _MERGE, _SPLIT = 0xD608, 0xD62B, 0x5624, 0x5625  # sprmTDefTable, sprmTVertMerge, sprmTMerge …
_CHANGE_TABS = 0xC615  # sprmPChgTabs: the other operand whose size is not its first byte's
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # an operand's size by the sprm's spra (6: it says its own)
_F_FIRST_MERGED, _F_MERGED, _F_VERT_MERGE, _F_VERT_RESTART = 0x01, 0x02, 0x20, 0x40  # TC80's tcgrf
_EDGE_SLACK = 20  # twips (a third of a millimetre): cells' edges nearer than this are one column's


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """(sprm, operand) of a list of properties; an operand of variable size without its size."""
    out = []
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = sprm >> 13
        if sprm == _DEF_TABLE:
            size = struct.unpack_from("<H", grpprl, at)[0] - 1 if at + 2 <= len(grpprl) else 0
            at += 2
        elif sprm == _CHANGE_TABS and at < len(grpprl) and grpprl[at] == 255:  # a tab change too long for a byte
            deleted = grpprl[at + 1] if at + 1 < len(grpprl) else 0
            added_at = at + 2 + 4 * deleted
            added = grpprl[added_at] if added_at < len(grpprl) else 0
            size = 1 + 1 + 4 * deleted + 1 + 3 * added
        elif spra == 6:
            size = grpprl[at] if at < len(grpprl) else 0
            at += 1
        else:
            size = _OPERAND[spra]
        out.append((sprm, grpprl[at: at + size]))
        at += size
    return out


class _Properties:
    """Each paragraph's properties by the file offset of its mark: the runs of the PAPX pages (FKPs)."""

    def __init__(self, doc: _Document):
        self.doc = doc
        self.starts: list[int] = []
        self.runs: list[tuple[int, int, bytes, int]] = []  # (first offset, end, grpprl, the paragraph's style)
        fc, lcb = struct.unpack_from("<II", doc.word, _FC_BTE_PAPX)
        plc = doc.table[fc: fc + lcb]
        count = (len(plc) - 4) // 8
        pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1)) if count > 0 else ()
        pages = list(dict.fromkeys(pn & 0x3FFFFF for pn in pages))  # (each page once: a file may list one again
        if len(pages) > len(doc.word) // 512:  # and again, to make a few kilobytes take gigabytes)
            raise ValueError("段落属性页比文档能容纳的多")
        for pn in pages:
            page = doc.word[pn * 512:][:512]
            if len(page) < 512:
                raise ValueError("段落属性页（FKP）超出文档")
            runs = page[511]
            edges = struct.unpack_from(f"<{runs + 1}I", page)
            for j in range(runs):
                offset = page[4 * (runs + 1) + 13 * j] * 2
                grpprl, istd = b"", 0
                if offset:
                    size = page[offset]
                    papx = page[offset + 1: offset + 2 * size] if size else page[offset + 2: offset + 2 + 2 * page[offset + 1]]
                    grpprl = papx[2:]  # (after the paragraph's style)
                    istd = struct.unpack_from("<H", papx)[0] if len(papx) >= 2 else 0
                self.starts.append(edges[j])
                self.runs.append((edges[j], edges[j + 1], grpprl, istd))
        order = sorted(range(len(self.runs)), key=lambda i: self.starts[i])
        self.starts = [self.starts[i] for i in order]
        self.runs = [self.runs[i] for i in order]

    def _run(self, fc: int) -> tuple[int, int, bytes, int] | None:
        i = bisect.bisect_right(self.starts, fc) - 1
        return self.runs[i] if i >= 0 and self.runs[i][0] <= fc < self.runs[i][1] else None

    def style(self, fc: int) -> int:
        """The paragraph's style (its index in the style sheet; 0: Normal)."""
        run = self._run(fc)
        return run[3] if run else 0

    def at(self, fc: int) -> list[tuple[int, bytes]]:
        run = self._run(fc)
        if run is None:
            return []
        sprms = _sprms(run[2])
        for sprm, operand in sprms:
            if sprm == _HUGE_PAPX and len(operand) == 4:  # too large for its page: in the Data stream
                where = struct.unpack_from("<I", operand)[0]
                size = struct.unpack_from("<H", self.doc.data, where)[0] if where + 2 <= len(self.doc.data) else 0
                return sprms + _sprms(self.doc.data[where + 2: where + 2 + size])
        return sprms


@dataclass
class _Row:
    cells: list[list]  # each cell's blocks: its paragraphs' texts and the tables nested in it (`_Nested`)
    edges: list[int]  # the cells' left edges and the last one's right, in twips ([]: not given)
    flags: list[int]  # each cell's TC80 flags


@dataclass
class _Nested:
    """A table in the document: its rows (a table nested in a cell is one of that cell's blocks)."""

    rows: list[_Row]


def _row(cells: list[list], sprms: list[tuple[int, bytes]]) -> _Row:
    """A row's cells with their edges and merges from its end mark's properties (the last definition wins, then
    the merges applied after it)."""
    edges: list[int] = []
    flags: list[int] = []
    for sprm, operand in sprms:
        if sprm == _DEF_TABLE and operand:
            count = operand[0]
            if len(operand) < 1 + 2 * (count + 1):
                continue
            edges = list(struct.unpack_from(f"<{count + 1}h", operand, 1))
            at = 1 + 2 * (count + 1)
            flags = [struct.unpack_from("<H", operand, at + 20 * i)[0] if at + 20 * i + 2 <= len(operand) else 0
                     for i in range(count)]
        elif sprm == _VERT_MERGE and len(operand) >= 2 and operand[0] < len(flags):
            code = operand[1]
            flags[operand[0]] = (flags[operand[0]] & ~(_F_VERT_MERGE | _F_VERT_RESTART)) \
                | (_F_VERT_MERGE if code & 1 else 0) | (_F_VERT_RESTART if code & 2 else 0)
        elif sprm in (_MERGE, _SPLIT) and len(operand) >= 2:
            for i in range(operand[0], min(operand[1], len(flags))):
                flags[i] &= ~(_F_FIRST_MERGED | _F_MERGED)
                if sprm == _MERGE:
                    flags[i] |= _F_FIRST_MERGED if i == operand[0] else _F_MERGED
    if len(edges) != len(cells) + 1:  # a row its properties do not describe: its cells side by side, unmerged
        edges, flags = [], [0] * len(cells)
    return _Row(cells, edges, flags)


def _columns(rows: list[_Row]) -> list[int]:
    """The table's grid: every cell edge of its rows, those nearer than _EDGE_SLACK taken as one."""
    columns: list[int] = []
    for edge in sorted({e for row in rows for e in row.edges}):
        if not columns or edge - columns[-1] >= _EDGE_SLACK:
            columns.append(edge)
    return columns


def _column(columns: list[int], edge: int) -> int:
    return max(bisect.bisect_right(columns, edge + _EDGE_SLACK // 2) - 1, 0)


def _on(columns: list[int], edges: set[int]) -> bool:
    """Whether the edges fall on `columns`, the outer two on its outer two (a table of the same width, going on)."""
    near = [abs(columns[_column(columns, e)] - e) < _EDGE_SLACK for e in edges]
    return bool(edges) and all(near) and abs(min(edges) - columns[0]) < _EDGE_SLACK \
        and abs(max(edges) - columns[-1]) < _EDGE_SLACK


def _cell_text(blocks: list) -> str:
    """A cell's paragraphs (and a nested table's, row by row, its cells by tabs), one line each, as
    `importers.document._cell_text` gives a .docx's."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Nested):
            lines += ["\t".join(_cell_text(c).replace("\n", " ") for c in row.cells) for row in block.rows]
        else:
            lines.append(block)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines).strip()


def _grid(rows: list[_Row], before: list[str], columns: list[int]) -> Table:
    """The rows of one table on the grid `columns`, merged cells as `importers.document._table` gives a .docx's."""
    width = max([len(columns) - 1, 1] + [len(row.cells) for row in rows if not row.edges])
    check_extent(len(rows), width)
    grid: list[list[str]] = []
    merges: list[list[int]] = []  # [top, bottom, left, right]
    open_down: dict[int, list[int]] = {}  # a merge down still open, by its left column
    for r, row in enumerate(rows):
        out = [""] * width
        continued: set[int] = set()
        previous: list[int] | None = None  # the merge of the cell on the left
        for i, blocks in enumerate(row.cells):
            if row.edges:
                left = min(_column(columns, row.edges[i]), width - 1)
                right = min(max(_column(columns, row.edges[i + 1]), left + 1), width)
            else:
                left, right = i, i + 1
            flags = row.flags[i]
            if flags & _F_MERGED and previous is not None and previous[0] == r:  # merged into the cell on its left
                previous[3] = max(previous[3], right)
                continue
            if flags & _F_VERT_MERGE and not flags & _F_VERT_RESTART and left in open_down \
                    and open_down[left][1] == r:
                open_down[left][1] = r + 1
                continued.add(left)
                previous = None
                continue
            out[left] = _cell_text(blocks)
            merge = [r, r + 1, left, right]
            merges.append(merge)
            previous = merge
            if flags & _F_VERT_MERGE:
                open_down[left] = merge
        for left in [k for k, m in open_down.items() if k not in continued and m[0] != r]:
            del open_down[left]
        grid.append(out)
    return Table(grid, [tuple(m) for m in merges if (m[1] - m[0]) * (m[3] - m[2]) > 1], before)


def doc_tables(source: Source) -> list[Table]:
    """The document's tables in order (as `importers.document.docx_tables` gives a .docx's), each with the non-empty
    paragraphs between it and the one before; a table that only frames others (one cell a row: a page laid out in a
    table, a title in a box) read through, as the .docx reader does; FileRefused for an encrypted or a damaged
    document."""
    return source.kept("doc tables", lambda: _read_tables(source))


def _read_tables(source: Source) -> list[Table]:
    try:
        body = _body(source)
    except (FileRefused, TooLarge):
        raise
    except Exception as exc:  # properties pointing outside their streams: a damaged document
        raise _damaged(source, exc) from exc
    tables: list[Table] = []
    before: list[str] = []
    columns: list[int] = []  # the grid of the table before

    def walk(blocks: list) -> None:
        nonlocal before, columns
        for block in blocks:
            if not isinstance(block, _Nested):
                if block.strip():
                    before.append(block.strip())
                continue
            frame = _frame_cells(block)
            if frame is not None:
                for cell in frame:
                    walk(cell)
                continue
            edges = {e for row in block.rows for e in row.edges}
            # a table of the grid of the one before (one going on after a page or a group's heading, its merged cells
            # spanning the same columns) is laid on that grid
            columns = columns if columns and _on(columns, edges) else _columns(block.rows)
            tables.append(_grid(block.rows, before, columns))
            before = []

    walk(body)
    return tables


def _frame_cells(table: _Nested) -> list[list] | None:
    """The cells of a table that only frames what is inside it (one cell a row, and a table inside or a single cell:
    `importers.document._frame_cells`), else None."""
    if not table.rows or any(len(row.cells) != 1 for row in table.rows):
        return None
    inner = [row.cells[0] for row in table.rows]
    if len(inner) == 1 or any(isinstance(b, _Nested) for cell in inner for b in cell):
        return inner
    return None


_ITAP, _DTAP, _INNER_CELL, _INNER_TTP = 0x6649, 0x664A, 0x244B, 0x244C  # sprmPItap, sprmPDtap, sprmPFInner…
_MAX_DEPTH = 64  # tables nested deeper than this are damage (Word itself stops at 63)


def _set(sprms: list[tuple[int, bytes]], flag: int) -> bool:
    """Whether a paragraph's properties set a flag (a sprm of one byte, 1)."""
    return any(s == flag and o[:1] == b"\x01" for s, o in sprms)


def _depth(sprms: list[tuple[int, bytes]]) -> int:
    """How deep in tables a paragraph stands (0: in the body)."""
    in_table = _set(sprms, _IN_TABLE)
    depth = 1 if in_table else 0
    for sprm, operand in sprms:
        if sprm == _ITAP and len(operand) == 4:
            depth = struct.unpack_from("<i", operand)[0]
        elif sprm == _DTAP and len(operand) == 4:
            depth += struct.unpack_from("<i", operand)[0]
    return min(max(depth, 1 if in_table else 0), _MAX_DEPTH)


def _body(source: Source) -> list:
    """The main text as blocks: paragraphs' texts and tables (`_Nested`), a nested table a block of its cell."""
    doc = _document(source)
    properties = _properties(source)
    labels = _labels(source)
    body: list = []
    # for each table open, outermost first: [its rows, the cells of the row being read, the blocks of that cell]
    stack: list[tuple[list[_Row], list[list], list]] = []

    def blocks_here() -> list:
        return stack[-1][2] if stack else body

    for begin, text, mark, fc in _paragraphs(doc):
        text = labels.get(begin, "") + text
        sprms = properties.at(fc)
        depth = _depth(sprms)
        while len(stack) > depth:  # the tables deeper than this paragraph have ended
            rows, _, _ = stack.pop()
            if rows:
                blocks_here().append(_Nested(rows))
        while len(stack) < depth:
            stack.append(([], [], []))
        if not stack:
            body.append(text)
            continue
        rows, cells, blocks = stack[-1]
        if _set(sprms, _TTP if depth == 1 else _INNER_TTP):  # a row's end
            rows.append(_row(list(cells), sprms))
            cells.clear()
        elif (mark == "\x07" and depth == 1) or (depth > 1 and _set(sprms, _INNER_CELL)):  # a cell's end
            blocks.append(text)
            cells.append(list(blocks))
            blocks.clear()
        else:
            blocks.append(text)
    while stack:
        rows, _, _ = stack.pop()
        if rows:
            blocks_here().append(_Nested(rows))
    return body


def _paragraphs(doc: _Document, shown: bool = True):
    """(where it begins in the text, its text as shown, its mark: \\r or \\x07, the mark's file offset) of each
    paragraph of the main text (`shown` False: its text as it is stored)."""
    ends = [m.start() for m in re.finditer("[\r\x07]", doc.text)]
    starts = [p[0] for p in doc.pieces]
    begin = 0
    for end in ends:
        piece = doc.pieces[bisect.bisect_right(starts, end) - 1]
        fc = piece[2] + (end - piece[0]) * (1 if piece[3] else 2)
        yield begin, _shown(doc.text[begin:end]) if shown else "", doc.text[end], fc
        begin = end + 1


def _properties(source: Source) -> _Properties:
    return source.kept("doc properties", lambda: _Properties(_document(source)))


# --- automatic numbering ------------------------------------------------------------------------------------------
# The numbers Word draws before the paragraphs of a list (第%1条 on a law's articles, %1 in a list's 序号 column) are
# not in the text: a paragraph names its list instance (sprmPIlfo: an index into the PlfLfo) and level (sprmPIlvl), or
# its style does; the instance names its list (LSTF, by lsid) and may start or redraw a level (LFOLVL); the list's
# levels (LVL) give each a start, a format (MSONFC), the text with a placeholder for each level's counter (Xst,
# rgbxchNums) and what follows (ixchFollow). Counted as importers.numbering counts a .docx's.

_FC_STSHF = 0xA2  # fcStshf, lcbStshf: the style sheet
_FC_PLF_LST = 0x2E2  # fcPlfLst, lcbPlfLst, fcPlfLfo, lcbPlfLfo
_ILFO, _ILVL = 0x460B, 0x260A  # sprmPIlfo, sprmPIlvl
_NO_STYLE = 0x0FFF
# MSONFC by value ([MS-DOC] 2.2.1.3) as WordprocessingML names the formats (importers.numbering.format_counter)
_NFC = dict(enumerate(["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText", "ordinalText", "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha", "decimalFullWidth", "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand", "decimalEnclosedCircle", "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero", "bullet", "ganada", "chosung", "decimalEnclosedFullstop", "decimalEnclosedParen", "decimalEnclosedCircleChinese", "ideographEnclosedCircle", "ideographTraditional", "ideographZodiac", "ideographZodiacTraditional", "taiwaneseCounting", "ideographLegalTraditional", "taiwaneseCountingThousand", "taiwaneseDigital", "chineseCounting", "chineseLegalSimplified", "chineseCountingThousand", "decimal"])) | {0xFF: "none"}
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f]")


def _numbered(source: Source) -> str:
    """The main text with each numbered paragraph's number before it."""
    doc = _document(source)
    labels = _labels(source)
    if not labels:
        return doc.text
    out, at = [], 0
    for begin in sorted(labels):
        out += [doc.text[at:begin], labels[begin]]
        at = begin
    return "".join([*out, doc.text[at:]])


def _labels(source: Source) -> dict[int, str]:
    """{where a paragraph begins in the text: the number Word draws before it and what follows (a tab, a space)}."""
    return source.kept("doc labels", lambda: _count(source))


def _count(source: Source) -> dict[int, str]:
    from importers.numbering import Counters

    doc = _document(source)
    try:
        lists = _lists(doc)
        if not lists:
            return {}
        counters, styles, properties = Counters(lists), _styles(doc), _properties(source)
        out = {}
        for begin, _, _, fc in _paragraphs(doc, shown=False):
            ilfo = ilvl = None
            for sprm, operand in properties.at(fc):
                if sprm == _ILFO and len(operand) == 2:
                    ilfo = struct.unpack("<H", operand)[0]
                elif sprm == _ILVL and operand:
                    ilvl = operand[0]
            style_ilfo, style_ilvl = _style_list(styles, properties.style(fc))
            if ilfo is None:
                ilfo = style_ilfo
            label = counters.count(str(ilfo), ilvl if ilvl is not None else style_ilvl or 0) if ilfo else None
            if label:
                out[begin] = "".join(label)
        return out
    except (struct.error, ValueError, IndexError):  # damaged lists or styles: the text as it stands, without numbers
        return {}


def _lists(doc: _Document) -> dict:
    """importers.numbering's `_List` of each list instance, by its 1-based index (sprmPIlfo's value) as a string."""
    from importers.numbering import _List

    table = doc.table
    fc_lst, lcb_lst, fc_lfo, lcb_lfo = struct.unpack_from("<IIII", doc.word, _FC_PLF_LST)
    if not lcb_lst or not lcb_lfo:
        return {}
    count = struct.unpack_from("<h", table, fc_lst)[0]
    if not 0 < count <= len(table) // 28:
        return {}
    heads = [(struct.unpack_from("<i", table, fc_lst + 2 + 28 * i)[0], table[fc_lst + 2 + 28 * i + 26] & 1)
             for i in range(count)]  # (lsid, fSimpleList) of each LSTF
    at = fc_lst + 2 + 28 * count  # each list's levels follow the LSTFs: one for a simple list, else nine
    levels: dict[int, dict] = {}
    for lsid, simple in heads:
        levels[lsid] = {}
        for ilvl in range(1 if simple else 9):
            levels[lsid][ilvl], at = _lvl(table, at)
    instances = struct.unpack_from("<i", table, fc_lfo)[0]
    if not 0 < instances <= len(table) // 16:
        return {}
    lfos = [(struct.unpack_from("<i", table, fc_lfo + 4 + 16 * i)[0], table[fc_lfo + 4 + 16 * i + 12])
            for i in range(instances)]  # (lsid, clfolvl) of each LFO
    at = fc_lfo + 4 + 16 * instances  # then each one's LFOData: a cp, and its clfolvl overrides (LFOLVL)
    out = {}
    for i, (lsid, overrides) in enumerate(lfos):
        instance = _List(str(lsid), dict(levels.get(lsid, {})))
        at += 4
        for _ in range(overrides):
            start, flags = struct.unpack_from("<iI", table, at)
            at += 8
            ilvl = flags & 0x0F
            if flags & 0x20:  # fFormatting: the level drawn anew for this instance
                instance.levels[ilvl], at = _lvl(table, at)
            if flags & 0x10:  # fStartAt: the level starts here at its first use
                instance.restart[ilvl] = start
                if ilvl in instance.levels:
                    instance.levels[ilvl] = replace(instance.levels[ilvl], start=start)
        if lsid in levels:
            out[str(i + 1)] = instance
    return out


def _lvl(table: bytes, at: int):
    """(importers.numbering's `_Level`, where the next begins) of the LVL at `at`: its LVLF, properties and Xst."""
    from importers.numbering import _Level

    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    places = [n - 1 for n in itertools.takewhile(bool, table[at + 6: at + 15])]  # its placeholders in the Xst
    follow, cb_chpx, cb_papx, restart = table[at + 15], table[at + 24], table[at + 25], table[at + 26]
    at += 28 + cb_papx + cb_chpx
    size = struct.unpack_from("<H", table, at)[0]
    if at + 2 + 2 * size > len(table):
        raise ValueError("列表级别的编号文字超出表流")
    xst = table[at + 2: at + 2 + 2 * size].decode("utf-16-le", "replace")
    text = "".join(f"%{ord(ch) + 1}" if i in places and ord(ch) < 9 else ch for i, ch in enumerate(xst))
    return _Level(start=start, fmt=_NFC.get(nfc, "decimal"), text=_CONTROL.sub("", text),
                  suffix={0: "tab", 1: "space"}.get(follow, "nothing"), legal=bool(flags & 0x04),
                  restart=restart if flags & 0x08 else None), at + 2 + 2 * size


def _styles(doc: _Document) -> dict[int, tuple[int | None, int | None, int]]:
    """{a paragraph style's index: (its list instance, its level, the style it is based on)} from the style sheet
    (STSH: an STSHI, then each style's STD: its Stdf, name and, for a paragraph style, its paragraph properties)."""
    fc, lcb = struct.unpack_from("<II", doc.word, _FC_STSHF)
    sheet = doc.table[fc: fc + lcb]
    if len(sheet) < 6:
        return {}
    size = struct.unpack_from("<H", sheet)[0]
    count, base_size = struct.unpack_from("<HH", sheet, 2)
    at = 2 + size
    out = {}
    for istd in range(count):
        if at + 2 > len(sheet):
            break
        cb = struct.unpack_from("<H", sheet, at)[0]
        std = sheet[at + 2: at + 2 + cb]
        at += 2 + cb
        if len(std) < base_size + 2:
            continue
        kind_base, upx_count = struct.unpack_from("<HH", std, 2)
        if kind_base & 0x0F != 1 or not upx_count & 0x0F:  # not a paragraph style
            continue
        name = struct.unpack_from("<H", std, base_size)[0]
        upx = base_size + 2 + 2 * name + 2
        if upx + 2 > len(std):
            continue
        papx = std[upx + 2: upx + 2 + struct.unpack_from("<H", std, upx)[0]]
        ilfo = ilvl = None
        for sprm, operand in _sprms(papx[2:]):  # (after the style's own index)
            if sprm == _ILFO and len(operand) == 2:
                ilfo = struct.unpack("<H", operand)[0]
            elif sprm == _ILVL and operand:
                ilvl = operand[0]
        out[istd] = (ilfo, ilvl, kind_base >> 4)
    return out


def _style_list(styles: dict[int, tuple[int | None, int | None, int]], istd: int) -> tuple[int | None, int | None]:
    """The list instance and level a paragraph style gives, through the styles it is based on."""
    seen: set[int] = set()
    while istd in styles and istd not in seen:
        seen.add(istd)
        ilfo, ilvl, base = styles[istd]
        if ilfo is not None:
            return ilfo, ilvl
        istd = base if base != _NO_STYLE else -1
    return None, None
