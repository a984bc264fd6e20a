"""PDF documents: lists published as ruled tables, laws published as pages of text.

Many offices publish their 权责清单 only as a PDF: a Word or Excel table saved as PDF, its rows going on from page
to page. A PDF holds no table, only characters and ruling lines at positions; pdfplumber (on pdfminer.six) gives both
and finds the cells the ruling lines enclose. This module turns that into the shapes the other readers give:

- `pdf_tables`: each ruled table as an `importers.document.Table` (its cells on a grid, a cell spanning rows or
  columns a merge), with the text lines between it and the table before as its paragraphs; `importers.document.
  table_grids` then joins a table that goes on over a page break and takes the title above it, as for Word.
- `pdf_text`: the pages as lines of text (a paragraph wrapped over lines joined again), for the law reader.

What a page prints for itself (its number, a running header or footer repeated on every page) is left out, or it
would stand between two parts of one table, or end a law's last article. A cell's text wrapped over lines is one
line again (a line that reaches the cell's right edge goes on in the next); a line ended short keeps its break
(1.立案责任 / 2.调查责任 …). A scanned PDF (pictures of pages, no text) and one whose fonts map to no characters are
refused with what to do instead; so is a table drawn without lines (columns aligned by spaces), which cannot be told
from text.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from importers.document import Table, TooLarge, check_extent, header_rows, repeated_header
from importers.records import FileRefused, RowError
from importers.source import MB, Source, env_limit

SUFFIX = ".pdf"
PDF_MAGIC = b"%PDF"
SNAP = 2.0  # points: cell edges this close are one line of the grid (a border drawn twice, a rounding)
FURNITURE_MARGIN = 0.1  # the top and bottom tenth of a page: where its number and running header or footer stand
_PAGE_NUMBER = re.compile(r"^(?:[-—–－·•\s]*\d+[-—–－·•\s]*|第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
                          r"|共\s*\d+\s*页\s*第\s*\d+\s*页|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$")
_ENUMERATED = re.compile(r"^(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])")
# A law's article or heading opening a line (第五条　…, 第二章 总则): a line of its own; not a reference to one that a
# wrapped line opens with (第二十五条、第二十八条…, 第五条规定的)
_LAW_HEADING = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+(?:条|章|节|编|分编)(?![、，,。；;：:）)和或及与至规的中第之项款])")


def max_pages() -> int:
    """The most pages a PDF may have (KB_IMPORT_MAX_PDF_PAGES, default 5,000: a province's compilation has a
    few thousand)."""
    return env_limit("KB_IMPORT_MAX_PDF_PAGES", 5000)


@dataclass
class _Line:
    """A line of characters: its text, extent and the size of its characters."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class _Page:
    """One page's blocks in reading order: ("line", _Line) outside tables, ("table", _Grid)."""

    number: int
    height: float
    blocks: list[tuple[str, object]] = field(default_factory=list)
    chars: int = 0  # the characters on it
    unmapped: int = 0  # ... of which glyph numbers (a font without a map to characters: (cid:N))
    width: float = 0.0


def _refused(source: Source, said: str) -> FileRefused:
    return FileRefused(source.path, [RowError(f"{source.name} {said}")])


def max_memory() -> int:
    """The most memory (address space) the reading of one PDF may take (KB_IMPORT_MAX_PDF_MEMORY, default 2 GB; a
    700-page list takes about 110 MB)."""
    return env_limit("KB_IMPORT_MAX_PDF_MEMORY", 2048 * MB)


def max_seconds() -> int:
    """The most processor time the reading of one PDF may take (KB_IMPORT_MAX_PDF_SECONDS, default 1,800 s; a
    700-page list takes about 60 s)."""
    return env_limit("KB_IMPORT_MAX_PDF_SECONDS", 1800)


def _pages(source: Source) -> list[_Page]:
    """The document's pages, read once per file (the sniffers and the parser ask for the same; a refusal too); an OFD
    document's too (importers.ofd: the same characters and ruling lines, from its own format), in the same bounded
    process (its XML parsed whole)."""
    found = source.kept("pdf pages", lambda: _read_apart(source))
    if isinstance(found, FileRefused):
        raise found
    return found


def _read_apart(source: Source) -> list[_Page] | FileRefused:
    """The pages, read in a process of its own whose memory and processor time are bounded (`max_memory`,
    `max_seconds`): pdfminer unpacks a stream whole and draws a form inside a form as often as it is told, so a
    small hostile file (a stream that unpacks to gigabytes, forms nested to draw a million characters) could fill
    the memory or hold a core for hours; there it only ends its own process, and the file is refused."""
    import multiprocessing

    source.data  # noqa: B018 - refused by its size here (check_size), not in the reading process
    memory, seconds = max_memory(), max_seconds()
    context = multiprocessing.get_context("spawn")  # (no fork of a process holding a driver's sockets)
    receiver, sender = context.Pipe(duplex=False)
    reader = context.Process(target=_read_in_process, args=(sender, source.path, memory, seconds), daemon=True,
                             name="kb-pdf-reader")
    reader.start()
    sender.close()
    try:
        if not receiver.poll(2 * seconds + 60):  # (processor time runs slower than the clock on a busy machine)
            reader.kill()
            reader.join()
            return _refused(source, f"读取用时超过上限（{seconds:,} 秒处理器时间，KB_IMPORT_MAX_PDF_SECONDS）：可能是恶意构造的"
                                    "文件；如确为清单，请分成几个文件或改用 Excel、Word 版本")
        kind, found = receiver.recv()
    except EOFError:  # the process ended without a word: its memory or time ran out
        reader.join()
        return _refused(source, f"读取时超出了内存或时间上限（{memory // MB:,} MB，KB_IMPORT_MAX_PDF_MEMORY；{seconds:,} 秒，"
                                "KB_IMPORT_MAX_PDF_SECONDS）：可能是压缩炸弹或恶意构造的文件")
    finally:
        receiver.close()
    reader.join()
    return FileRefused(source.path, found) if kind == "refused" else found


def _read_in_process(sender, path: str, memory: int, seconds: int) -> None:
    """The reading process: its limits set, the pages (or why the file is refused) sent back."""
    try:
        import resource
    except ImportError:  # (Windows has none of these limits: the PDF is read as it is)
        resource = None
    for limit, value in (("RLIMIT_CORE", (0, 0)), ("RLIMIT_AS", (memory, memory)), ("RLIMIT_CPU", (seconds, seconds + 5))):
        try:  # (no core file when the processor time runs out; each limit set even where another is not)
            resource.setrlimit(getattr(resource, limit), value)
        except (AttributeError, ValueError, OSError):
            pass
    from importers.ofd import is_ofd

    source = Source(path)
    try:
        found: tuple[str, object] = ("pages", _read_ofd(source) if is_ofd(source) else _read_pages(source))
    except FileRefused as exc:
        found = ("refused", exc.errors)
    except TooLarge as exc:
        found = ("refused", [RowError(f"{source.name} 的{exc}")])
    except MemoryError:
        found = ("refused", [RowError(f"{source.name} 读取时超出了内存上限（{memory // MB:,} MB，KB_IMPORT_MAX_PDF_MEMORY）："
                                      "可能是压缩炸弹或恶意构造的文件")])
    sender.send(found)
    sender.close()


def _read_pages(source: Source) -> list[_Page]:
    import logging

    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # (its notes on a file's small faults are not the user's)
    pages: list[_Page] = []
    chars = cids = 0  # on every page
    try:
        with pdfplumber.open(source.stream()) as pdf:
            if len(pdf.pages) > max_pages():
                raise _refused(source, f"有 {len(pdf.pages):,} 页，超过上限 {max_pages():,} 页"
                                       "（KB_IMPORT_MAX_PDF_PAGES）：请分成几个文件导入")
            for number, page in enumerate(pdf.pages, start=1):
                read = _read_page(page, number)
                chars, cids = chars + read.chars, cids + read.unmapped
                pages.append(read)
                page.close()  # its parsed objects are not kept: a long list reads in bounded memory
    except (FileRefused, TooLarge, MemoryError):
        raise
    except Exception as exc:  # a damaged or truncated file: whatever pdfminer raises (pdfplumber wraps it)
        if any(isinstance(e, MemoryError) for e in exc.args):
            raise MemoryError from exc
        if any(isinstance(e, PDFPasswordIncorrect) for e in (exc, *exc.args)):
            raise _refused(source, "有打开密码：kb 不能读取加密的 PDF，请用发布机关公布的未加密版本") from exc
        cause = next((e for e in exc.args if isinstance(e, Exception)), exc)  # (its own words are English: its name)
        raise _refused(source, f"是损坏或不完整的 PDF 文件，无法读取（{type(cause).__name__}）") from exc
    if not pages:
        raise _refused(source, "是损坏或不完整的 PDF 文件，无法读取（其中找不到任何一页）")
    return _finish(source, pages, chars, cids)


def _read_ofd(source: Source) -> list[_Page]:
    from importers.ofd import ofd_pages

    pages = [_read_page(page, number) for number, page in enumerate(ofd_pages(source), start=1)]
    return _finish(source, pages, sum(p.chars for p in pages), 0)


def _finish(source: Source, pages: list[_Page], chars: int, cids: int) -> list[_Page]:
    """The pages without what a page prints for itself, a wide sheet's columns laid back together; FileRefused for
    pages without text (a scan) or whose fonts map to no characters."""
    if not chars:
        raise _refused(source, "是扫描件或图片版 PDF（页面上没有文字，只有图像）：kb 读不出其中的文字。请用发布机关公布的"
                               " Excel、Word 或网页版本，或先用文字识别（OCR）软件转换为 Excel")
    if cids * 2 > chars:  # most of the text is glyph numbers, (cid:N)
        raise _refused(source, "的字体没有文字映射（读出的是字形编号，不是文字）：请用发布机关公布的 Excel、Word 或网页版本")
    _drop_furniture(pages)
    _stitch_columns(pages)
    return pages


def _read_page(page, number: int) -> _Page:
    """A page's ruled tables (as `_Grid`s) and its other text as lines, top to bottom."""
    chars = [c for c in page.chars if c["text"].strip()]
    owned = [False] * len(chars)
    grids = []
    for table in page.find_tables(_closing_lines(page)):
        grid = _Grid(table.cells)
        if grid.rows * grid.columns < 2:
            continue  # a box around a title or a stamp: its text is read as lines
        inside: dict[int, list[dict]] = {}
        for i, c in enumerate(chars):
            cell = grid.cell_at((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2)
            if cell is not None:
                inside.setdefault(cell, []).append(c)
                owned[i] = True
        for i, found in inside.items():  # (the characters are not kept: a long list's would fill the memory)
            lines = _lines(found)
            grid.texts[i] = _cell_text(lines, grid.cells[i])
            if lines and lines[-1].bottom >= grid.cells[i][3] - lines[-1].size - 4:
                grid.filled.add(i)
        grids.append(grid)
    lines = _lines([c for c, mine in zip(chars, owned) if not mine])
    blocks = [(b.top, "line", b) for b in lines] + [(g.ys[0], "table", g) for g in grids]
    return _Page(number, float(page.height), [(kind, b) for _, kind, b in sorted(blocks, key=lambda b: b[0])],
                 len(chars), sum(1 for c in chars if c["text"].startswith("(cid:")), float(page.width))


def _closing_lines(page) -> dict:
    """The table finder's settings for a page whose table runs on past its foot or from its head: a spreadsheet's
    "save as PDF" draws the columns' lines to the page's edge and no line across there (the row goes on on the next
    page), nor always one under the header it repeats; the finder would leave out the row cut there, or take the
    header and the row under it for one cell. A line across is added where the columns' lines end and none goes on
    (not where one goes on: the side of a cell merged down, whose rows have lines of their own)."""
    columns = [(e["top"], e["bottom"]) for e in page.edges if e["orientation"] == "v"]
    ends = {round(y, 1) for top, bottom in columns for y in (top, bottom)}
    missing = sorted(y for y in ends if not any(top < y - SNAP and bottom > y + SNAP for top, bottom in columns))
    return {"explicit_horizontal_lines": missing} if missing else {}


@dataclass
class _PdfTable(Table):
    """A table as a PDF draws it: with the cells whose text reaches their foot ((top, left)), as the part of a row cut
    at a page's foot does."""

    filled: set[tuple[int, int]] = field(default_factory=set)


class _Grid:
    """A found table's cells on the grid their edges make (a cell covering several rows or columns is merged), and
    each cell's text (`texts`, by the cell's index)."""

    def __init__(self, cells: list[tuple[float, float, float, float]], xs: list[float] | None = None):
        self.cells = cells
        self.texts: dict[int, str] = {}
        self.filled: set[int] = set()  # the cells whose text reaches their foot
        self.xs = xs or _snap([x for c in cells for x in (c[0], c[2])])
        self.ys = _snap([y for c in cells for y in (c[1], c[3])])
        self.rows, self.columns = len(self.ys) - 1, len(self.xs) - 1
        self.spans = [(_at(self.ys, c[1]), _at(self.ys, c[3]), _at(self.xs, c[0]), _at(self.xs, c[2])) for c in cells]
        self.owner: dict[tuple[int, int], int] = {}
        if self.rows > 0 and self.columns > 0:
            check_extent(self.rows, self.columns)
        for i, (top, bottom, left, right) in enumerate(self.spans):
            for r in range(top, bottom):
                for c in range(left, right):
                    self.owner.setdefault((r, c), i)

    def cell_at(self, x: float, y: float) -> int | None:
        r, c = bisect.bisect_right(self.ys, y) - 1, bisect.bisect_right(self.xs, x) - 1
        return self.owner.get((r, c))

    def on(self, xs: list[float] | None) -> _Grid:
        """The same table on the columns of the one before when it only continues it: its lines all among those
        (a row whose cell spans two columns draws no line between them, and would count one column fewer)."""
        if not xs or self.xs == xs or abs(self.xs[0] - xs[0]) > SNAP or abs(self.xs[-1] - xs[-1]) > SNAP \
                or any(abs(xs[_at(xs, x)] - x) > SNAP for x in self.xs):
            return self
        grid = _Grid(self.cells, xs)
        grid.texts, grid.filled = self.texts, self.filled
        return grid

    def table(self) -> _PdfTable:
        rows = [[""] * self.columns for _ in range(self.rows)]
        merges = []
        for i, (top, bottom, left, right) in enumerate(self.spans):
            if bottom <= top or right <= left or self.owner.get((top, left)) != i:
                continue  # a cell drawn inside another (a border the finder split): its text is the other's
            rows[top][left] = self.texts.get(i, "")
            if (bottom - top) * (right - left) > 1:
                merges.append((top, bottom, left, right))
        return _PdfTable(rows, merges, filled={self.spans[i][::2] for i in self.filled})


def _snap(values: list[float]) -> list[float]:
    """Sorted values, those within `SNAP` of the one before taken as it."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _at(edges: list[float], v: float) -> int:
    """The index of the grid line nearest `v`."""
    i = bisect.bisect_left(edges, v)
    if i == len(edges) or (i > 0 and v - edges[i - 1] < edges[i] - v):
        i -= 1
    return i


def _lines(chars: list[dict]) -> list[_Line]:
    """Characters as lines, top to bottom, each left to right, a space where a gap is wider than a third of a character."""
    lines: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and c["top"] - lines[-1][0]["top"] <= max(1.0, 0.5 * c["size"]):
            lines[-1].append(c)
        else:
            lines.append([c])
    out = []
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        text = ""
        for prev, c in zip([None, *line], line):
            if prev is not None and prev["text"] == c["text"] and abs(c["x0"] - prev["x0"]) < 1:
                continue  # drawn twice (or offset a little) to look bold
            if prev is not None and c["x0"] - prev["x1"] > c["size"] / 3:
                text += " "
            text += c["text"]
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            out.append(_Line(text, min(c["x0"] for c in line), max(c["x1"] for c in line), min(c["top"] for c in line),
                             max(c["bottom"] for c in line), max(c["size"] for c in line)))
    return out


def _cell_text(lines: list[_Line], box: tuple[float, float, float, float]) -> str:
    """A cell's lines, one wrapped at the cell's edge joined to the next (the cell's left padding taken as its right)."""
    if not lines:
        return ""
    inner_right = box[2] - max(min(line.x0 for line in lines) - box[0], 0.5)
    text = lines[0].text
    for prev, line in itertools.pairwise(lines):
        text += _joint(prev, line, inner_right - 2 * prev.size) + line.text
    return text


def _joint(prev: _Line, line: _Line, full: float) -> str:
    """What goes between a line and the next: nothing when the first was wrapped (it reaches `full`) — a space between
    two words of Latin letters or digits — else a line break."""
    if prev.x1 < full or _ENUMERATED.match(line.text):  # (a numbered step begins a line of its own: 4.告知责任)
        return "\n"
    return " " if re.search(r"[A-Za-z0-9]$", prev.text) and re.match(r"[A-Za-z0-9]", line.text) else ""


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[_Page]) -> None:
    """Leave out what a page prints for itself in its top or bottom tenth: its number (- 3 -, 第3页 共8页), and a line
    that stands there on more than one page (a running header or footer), wherever it stands — except where it first
    stands at a page's head, which may be the document's title (a running header repeating it)."""
    def margin(page: _Page, line: _Line) -> str | None:
        if line.bottom < page.height * FURNITURE_MARGIN:
            return "head"
        return "foot" if line.top > page.height * (1 - FURNITURE_MARGIN) else None

    on_pages: dict[str, set[int]] = {}
    for page in pages:
        for kind, block in page.blocks:
            if kind == "line" and margin(page, block):
                on_pages.setdefault(_furniture_key(block.text), set()).add(page.number)
    seen: set[str] = set()
    for page in pages:
        kept = []
        for kind, block in page.blocks:
            where = margin(page, block) if kind == "line" else None
            if where:
                key = _furniture_key(block.text)
                first = key not in seen
                seen.add(key)
                if _PAGE_NUMBER.match(block.text.strip()) or (
                        len(on_pages[key]) > 1 and not (first and where == "head")):
                    continue
            kept.append((kind, block))
        page.blocks = kept


def _same_edges(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= SNAP for x, y in zip(a, b))


def _from_top(ys: list[float]) -> list[float]:
    return [y - ys[0] for y in ys]


def _stitch_columns(pages: list[_Page]) -> None:
    """A table too wide for its page printed from a spreadsheet without "fit to page width" (Excel's and Calc's
    default) is cut into sets of columns, each set printed on pages of its own: every page of the first columns, then
    every page of the next (Excel's "down, then over"), or page by page in turn ("over, then down"). A row is never
    cut, so a page of later columns has the same rows, of the same heights, as the page of the first columns it goes
    on from the right of: its table (its rows' edges the same, its columns' not the first table's) is laid beside that
    one, leaving the columns it repeats at its left (print titles' columns) out, and the lines above it on its page
    (the print titles' rows outside the table, a title's cut part) with it."""
    tables = [(page, block) for page in pages for kind, block in page.blocks if kind == "table"]
    if len(tables) < 2:
        return
    first = tables[0][1].xs
    bases = [[page, grid, 0] for page, grid in tables if _same_edges(grid.xs, first)]  # [page, grid, sets beside it]
    others: list[tuple[_Grid, bool]] = []  # the tables on other columns so far, and whether each was laid beside one
    for page, grid in tables:
        if _same_edges(grid.xs, first) or grid.rows < 1:
            continue
        # (the next page of a table of its own, on its columns: another department's list going on, not a column set)
        alone = next((not beside for other, beside in reversed(others) if _same_edges(other.xs, grid.xs)), False)
        shape, theirs = _from_top(grid.ys), [] if alone else grid.table().rows
        found = [(base, at) for base in bases if not alone and base[0].number < page.number
                 and _same_edges(_from_top(base[1].ys), shape)
                 and (at := _cut_at_right(base[0], base[1], grid, theirs)) is not None]
        others.append((grid, bool(found)))
        if not found:
            continue
        base, at = min(found, key=lambda f: f[0][2])  # (the first of those with the fewest sets beside them yet)
        beside = _beside(base[1], grid, at)
        base[0].blocks = [("table", beside) if block is base[1] else (kind, block) for kind, block in base[0].blocks]
        base[1:] = [beside, base[2] + 1]
        at = next(i for i, (_, block) in enumerate(page.blocks) if block is grid)
        page.blocks = [(kind, block) for i, (kind, block) in enumerate(page.blocks)
                       if i > at or (i < at and kind == "table")]


def _cut_at_right(page: _Page, left: _Grid, right: _Grid, theirs: list[list[str]]) -> int | None:
    """How many of `right`'s columns repeat `left`'s at its left (print titles' columns: the same text in every row)
    when `right` goes on from `left`'s right edge: the first of its own columns would not have fit on `left`'s page
    beside it (a spreadsheet fills a page's width with as many columns as fit; the right margin taken as the left),
    and its own columns are no list by themselves (another department's table of rows as tall as these, in a
    compilation, names its items); None when it does not. `theirs`: `right`'s rows."""
    from importers.mapping import best_match

    ours, at = left.table().rows, 0
    while at < min(left.columns, right.columns - 1) and any(row[at] for row in theirs) \
            and [row[at] for row in theirs] == [row[at] for row in ours]:
        at += 1
    if left.xs[-1] + right.xs[at + 1] - right.xs[at] <= page.width - left.xs[0] + SNAP:
        return None
    return at if best_match([re.sub(r"\s+", "", v) for v in theirs[0][at:]]) is None else None


def _beside(left: _Grid, right: _Grid, repeated: int) -> _Grid:
    """`right`'s cells laid on from `left`'s right edge, its rows on `left`'s, without the `repeated` columns at its
    left that repeat `left`'s."""
    dx, dy = left.xs[-1] - right.xs[repeated], left.ys[0] - right.ys[0]
    kept = [i for i, span in enumerate(right.spans) if span[2] >= repeated]
    cells = left.cells + [(x0 + dx, top + dy, x1 + dx, bottom + dy)
                          for x0, top, x1, bottom in (right.cells[i] for i in kept)]
    grid = _Grid(cells)
    grid.texts = dict(left.texts) | {len(left.cells) + n: right.texts[i] for n, i in enumerate(kept) if i in right.texts}
    grid.filled = set(left.filled) | {len(left.cells) + n for n, i in enumerate(kept) if i in right.filled}
    return grid


def _paragraphs(lines: list[_Line], left: float, right: float) -> list[str]:
    """Lines as paragraphs: a long line that starts at the text's left edge (or indented by two characters) and
    reaches its right edge goes on in the next, unless that one is indented (a paragraph's first line), numbered
    (（五）, 4.) or an article or heading of a law (第五条, 第二章)."""
    out: list[str] = []
    for n, line in enumerate(lines):
        prev = lines[n - 1] if n else None
        if prev is not None and len(prev.text) >= 15 and prev.x0 <= left + 3 * prev.size \
                and prev.x1 >= right - 2 * prev.size and line.x0 <= left + prev.size \
                and not _ENUMERATED.match(line.text) and not _LAW_HEADING.match(line.text):
            out[-1] += _joint(prev, line, right - 2 * prev.size) + line.text
        else:
            out.append(line.text)
    return out


def _margins(pages: list[_Page]) -> tuple[float, float]:
    """The text's left and right edges: where most long lines outside tables start and end, or the tables' edges when
    they are wider (a list's title and its few lines above its table would otherwise make their own edges)."""
    xs = [(b.x0, b.x1) for p in pages for kind, b in p.blocks if kind == "line" and len(b.text) >= 15]
    boxes = [(b.xs[0], b.xs[-1]) for p in pages for kind, b in p.blocks if kind == "table"]
    left = right = None
    if xs:
        lefts, rights = sorted(x for x, _ in xs), sorted(x for _, x in xs)
        left, right = lefts[len(lefts) // 10], rights[-1 - len(rights) // 10]
    if boxes:
        left = min([x for x, _ in boxes] + ([left] if left is not None else []))
        right = max([x for _, x in boxes] + ([right] if right is not None else []))
    return (left, right) if left is not None else (0.0, 0.0)


def _blocks(pages: list[_Page]) -> list[list[str] | Table]:
    """The document in order: its paragraphs outside tables (a list of them between two tables) and its tables, each
    on the columns of the table before when it only goes on with them; a row broken at a page's foot is one row."""
    left, right = _margins(pages)
    out: list[list[str] | Table] = []
    pending: list[_Line] = []
    xs: list[float] | None = None
    previous: Table | None = None
    header: tuple[str, ...] = ()
    for page in pages:
        first = True  # the page's first table
        for kind, block in page.blocks:
            if kind == "line":
                pending.append(block)
                continue
            grid = block.on(xs)
            table = grid.table()
            if previous is not None and first and not pending and grid.xs == xs:
                _join_broken_row(previous, table, header)
            else:
                header = header_rows(table)
            out += [_paragraphs(pending, left, right), table]
            pending, xs, first = [], grid.xs, False
            if table.rows:  # (not when it was only the rest of a row: a row over three pages goes on again)
                previous = table
    return [*out, _paragraphs(pending, left, right)]


def _join_broken_row(previous: _PdfTable, table: _PdfTable, header: tuple[tuple[str, ...], ...]) -> None:
    """A table row that breaks across a page (Word lets a tall row go on on the next page) leaves its rest as the next
    page's first row (after the header it repeats). It is told by its cells: text only where the row's cell on the
    page before is filled to its foot (the text went on), nothing in the first column, and nothing in some column
    where the row has a cell of its own with text (its type: a short cell that ended on the page before). That rest is
    written on to the row's cells and taken out of the table. (A sub-item's row under its item's number and name
    merged down over the page lacks only those: merged cells, not its own.)"""
    at = repeated_header(table.rows[:-1], header)
    if not previous.rows or any(t <= at < b and b - t > 1 for t, b, _, _ in table.merges):
        return
    rest, last = table.rows[at], len(previous.rows) - 1
    if len(rest) != len(previous.rows[last]):
        return
    owner = {(r, c): (t, left) for t, b, left, right in previous.merges for r in range(t, b) for c in range(left, right)}
    cells = [owner.get((last, c), (last, c)) for c in range(len(rest))]
    filled = [c for c, v in enumerate(rest) if v.strip()]
    own = [c for c, cell in enumerate(cells) if cell == (last, c) and (last, c) not in owner]
    if not filled or rest[0].strip() or any(cells[c] not in previous.filled for c in filled) \
            or not any(previous.rows[last][c].strip() for c in own if c not in filled):
        return
    for c in filled:
        r, k = cells[c]
        previous.rows[r][k] += ("\n" if _ENUMERATED.match(rest[c]) else "") + rest[c]
    del table.rows[at]
    table.merges = [(t - (t > at), b - (b > at), left, right) for t, b, left, right in table.merges]
    table.filled = {(r - (r > at), c) for r, c in table.filled if r != at}


def pdf_tables(source: Source) -> list[Table]:
    """The document's ruled tables in order, each with the paragraphs between it and the table before."""
    tables: list[Table] = []
    before: list[str] = []
    for block in _blocks(_pages(source)):
        if not isinstance(block, Table):
            before = block
        elif block.rows:  # (not a table that was only the rest of a row broken at a page's foot)
            block.before = before
            tables.append(block)
    if not tables:
        raise _no_table(source)
    return tables


def _no_table(source: Source) -> FileRefused:
    from importers.workbook import NoTable

    return NoTable(source.path, [RowError(
        f"{source.name} 是 PDF 文档，其中没有带框线的表格：kb 从表格中读取清单（一个事项一行）。没有框线的表格（各列只靠空格对齐）"
        "无法可靠地分出单元格：请用发布机关公布的 Excel、Word 或网页版本")])


def pdf_text(source: Source) -> str:
    """The document as text: its paragraphs a line each (a line wrapped at the right edge joined to the next), a
    table's rows as `importers.document.table_lines` gives them; a page's number and running header left out."""
    from importers.document import table_lines

    return "\n".join(line for block in _blocks(_pages(source))
                     for line in (table_lines(block.rows) if isinstance(block, Table) else block))
