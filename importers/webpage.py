"""Web pages: a list as a portal's table (often "exported" as an .xls that is really HTML), a law as a site shows it.

Many portals' 导出 Excel buttons write the page's table as HTML under an .xls name, and offices save the page of
their published list or of a law from a government site. The page is read with the standard library's parser:
its tables on a grid (`rowspan` / `colspan` as merges), the text above each table as its title, and the page's
text a block a line (for the law reader). Script, style and the page's head are not read.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from importers.document import (
    Grid,
    Table,
    TooLarge,
    check_area,
    check_extent,
    looks_like_header,
    table_grids,
    table_lines,
)
from importers.records import FileRefused, RowError
from importers.source import Source

# Elements that end a line of the page's text (a paragraph, a heading, a row …).
_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article",
           "header", "footer", "blockquote", "pre", "dt", "dd", "ul", "ol", "hr", "center", "caption", "form"}
_SKIPPED = {"script", "style", "head", "noscript", "template", "select", "textarea", "button"}
MAX_SPAN = 1000  # a rowspan or colspan beyond this is taken as this (a damaged or hostile page)
HTML_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html|head|meta|title|body|table|style)\b",
                       re.IGNORECASE | re.DOTALL)
# a fragment of a page (a title paragraph, then its table): a page only when a table follows in its first bytes
HTML_FRAGMENT = re.compile(rb"^\s*<(?:p|div|center|h[1-6])\b.*?<table\b", re.IGNORECASE | re.DOTALL)


# A web archive (.mht, .mhtml: "single file web page", what Excel's and Word's "save as web page" and a browser's "save
# as web archive" write, often under an .xls name): a MIME message whose parts are the page and what it shows.
_MHTML = re.compile(rb"^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){0,30}?Content-Type:\s*multipart/related",
                    re.IGNORECASE)


def is_web_archive(head: bytes) -> bool:
    """Whether a file's first bytes open a web archive (MIME headers, then a multipart/related body)."""
    return bool(_MHTML.match(head.removeprefix(b"\xef\xbb\xbf")))


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes (UTF-8, GBK; a BOM or not) open a web page, a bare HTML table or a web archive."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if is_web_archive(head):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16").encode("utf-8", "ignore")
        except UnicodeDecodeError:
            return False
    return bool(HTML_HEAD.match(head) or HTML_FRAGMENT.match(head))


class _Cell:
    def __init__(self, rowspan: int, colspan: int):
        self.rowspan, self.colspan = rowspan, colspan
        self.parts: list[str] = []


class _Table:
    def __init__(self, before: list[str]):
        self.before = before
        self.rows: list[list[_Cell]] = []
        self.cell: _Cell | None = None
        self.caption: _Cell | None = None
        self.nested: list[Table] | None = None  # the list tables found inside its cells (None: none inside)

    def grid(self) -> Table:
        """The rows on a grid: a cell placed at the first free column of its row, covering what it spans. TooLarge
        when the spans cover more than a list can have."""
        area = sum(min(cell.rowspan, len(self.rows) - r) * cell.colspan for r, row in enumerate(self.rows) for cell in row)
        check_area(area)
        taken: set[tuple[int, int]] = set()
        grid: list[list[str]] = []
        merges: list[tuple[int, int, int, int]] = []
        for r, row in enumerate(self.rows):
            while len(grid) <= r:
                grid.append([])
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                down = min(cell.rowspan, len(self.rows) - r)
                for i in range(r, r + down):
                    for j in range(c, c + cell.colspan):
                        taken.add((i, j))
                line = grid[r]
                line += [""] * (c + 1 - len(line))
                line[c] = _cell_text(cell.parts)
                if down * cell.colspan > 1:
                    merges.append((r, r + down, c, c + cell.colspan))
                c += cell.colspan
        width = max((c for _, c in taken), default=-1) + 1
        check_extent(len(grid), width)
        return Table([row + [""] * (width - len(row)) for row in grid], merges, self.before)


def _cell_text(parts: list[str]) -> str:
    return "\n".join(_lines("".join(parts)))


class _Page(HTMLParser):
    """The page's tables (with the text lines above each) and its text, one block a line. A cell or a row the page
    leaves open (HTML lets it omit </td>, </tr>, even </table> and </head>) ends where the next begins. A table that
    lays the page out (a few columns, list tables inside its cells) is read through: the tables inside are the
    page's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.open: list[_Table] = []  # tables being read, the innermost last
        self.tables: list[Table] = []
        self.text: list[str] = []  # the page's text, blocks separated by "\n"
        self.recent: list[str] = []  # the text since a table last began or ended: the next one's title

    @staticmethod
    def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
        digits = re.match(r"\s*(\d+)", dict(attrs).get(name) or "")
        return max(1, min(int(digits.group(1)) if digits else 1, MAX_SPAN))

    def _out(self, text: str) -> None:
        self.recent.append(text)
        if self.open:
            table = self.open[-1]
            holder = table.caption or table.cell
            if holder is not None:
                holder.parts.append(text)
        else:
            self.text.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skipping = 0  # (a <head> the page never closed ends here)
            return
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "table":
            self.open.append(_Table([line for line in _lines("".join(self.recent)) if not _site_line(line)]))
            self.recent = []
            return
        table = self.open[-1] if self.open else None
        if table is not None and tag == "caption":
            table.caption = _Cell(1, 1)
        elif table is not None and tag == "tr":
            table.cell = None
            table.rows.append([])
        elif table is not None and tag in ("td", "th"):
            if not table.rows:
                table.rows.append([])
            table.cell = _Cell(self._span(attrs, "rowspan"), self._span(attrs, "colspan"))
            table.rows[-1].append(table.cell)
        elif tag in _BLOCKS:
            self._out("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIPPED:  # <br/>: a line break; <script/>: nothing to skip
            self.handle_starttag(tag, attrs)
            if tag in ("table", "td", "th", "tr", "caption"):
                self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        if tag == "table" and self.open:
            self._close_table()
        elif self.open and tag == "caption" and self.open[-1].caption is not None:
            table = self.open[-1]
            table.before = [*table.before, *_lines("".join(table.caption.parts))]
            table.caption = None
        elif self.open and tag in ("td", "th"):
            self.open[-1].cell = None
            self._out("\n")
        elif tag in _BLOCKS:
            self._out("\n")

    def _close_table(self) -> None:
        closing = self.open.pop()
        table = closing.grid()
        # a table around list tables that has no list's header of its own lays the page out (a list with a small table
        # in one of its cells is still the list)
        layout = closing.nested is not None and not any(looks_like_header(row) for row in table.rows[:3])
        found = closing.nested if layout else [table] if table.rows else []
        self.recent = []
        if not self.open and found == [table] and _title_table(table):  # (贡江镇's .xls: the title in a table of its own)
            self.recent = [*table.before, *(cell for row in table.rows for cell in row if cell.strip())]
            self.recent = ["\n".join(self.recent) + "\n"]
            self.text += ["\n".join(table_lines(table.rows)), "\n"]
            return
        if self.open:  # inside a cell: its rows are the cell's lines; its tables the enclosing one's
            parent = self.open[-1]
            self._out("\n" + "\n".join(table_lines(table.rows)) + "\n")
            self.recent = []
            if found and max(t.width for t in found) >= 2:
                parent.nested = [*(parent.nested or []), *found]
        else:
            self.tables += found
            self.text += ["\n".join(table_lines(table.rows)), "\n"]

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._out(re.sub(r"\s+", " ", data))  # as a browser shows it: a run of spaces and line ends is one space

    def close(self) -> None:
        super().close()
        while self.open:  # a table the page never closed
            self._close_table()


def _title_table(table: Table) -> bool:
    """A table that only holds a title (one row, or one cell written in): the title of the table after it."""
    cells = {cell.strip() for row in table.rows for cell in row if cell.strip()}
    return len(cells) == 1 or (len(table.rows) == 1 and not looks_like_header(table.rows[0]) and len(cells) <= 2)


# A site's way to where the page is (首页 > 政务公开 > 权责清单, 当前位置：…): no title of the table below it
_BREADCRUMB = re.compile(r"^(?:首页|网站首页|主页|当前位置|您的位置|您现在的位置)\s*(?:[>＞»›/|:：]|$)")


def _site_line(line: str) -> bool:
    return bool(_BREADCRUMB.match(line)) or _chrome(line)


def _lines(text: str) -> list[str]:
    return [line for line in (re.sub(r"\s+", " ", part).strip() for part in text.split("\n")) if line]


def _page(source: Source) -> _Page:
    """The page read once per file (its tables and text)."""
    return source.kept("page", lambda: _read_page(source))


def archive_html(source: Source) -> str | None:
    """A web archive's pages (its text/html parts, decoded from quoted-printable or base64 in their charset) one after
    another, in the archive's order: Excel writes a workbook's sheets as pages of their own beside a frame page and
    the tabs' page, which hold no table. None when no part is a page."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(source.data, policy=email.policy.default)
        pages = [_part_text(part) for part in message.walk() if part.get_content_type() == "text/html"]
    except Exception as exc:  # a damaged archive: whatever the parser raises
        raise FileRefused(source.path, [RowError(f"网页存档无法读取：{source.name}（{type(exc).__name__}）")]) from exc
    return "\n".join(pages) if pages else None


_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def _part_text(part) -> str:
    """A page's text from its bytes: in the charset its part names (GB2312 and GBK read as GB18030, which holds
    them and the characters writers put in anyway, 镕), else the page's own <meta charset>, else UTF-8 or GB18030 —
    whichever decodes it whole."""
    payload = part.get_payload(decode=True) or b""
    named = (part.get_content_charset() or "").lower()
    meta = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", payload[:4096], re.IGNORECASE)
    tried = [named, meta.group(1).decode("ascii").lower() if meta else "", "utf-8", "gb18030"]
    for charset in (_WIDER.get(c, c) for c in tried if c):
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("gb18030", "replace")


def _read_page(source: Source) -> _Page:
    if is_web_archive(source.head):
        text = archive_html(source)
        if text is None:
            raise FileRefused(source.path, [RowError(f"网页存档中没有网页：{source.name}")])
    else:
        text = source.text
    if text is None:
        raise FileRefused(source.path, [RowError(f"网页无法读取：{source.name} 既不是 UTF-8，也不是 GBK/GB18030 编码")])
    page = _Page()
    try:
        page.feed(text)
        page.close()
    except TooLarge:
        raise
    except Exception as exc:
        raise FileRefused(source.path, [RowError(f"网页无法读取：{source.name}（{type(exc).__name__}: {exc}）")]) from exc
    return page


# the line of a site's page that says when it was published (宜良's 「发布时间：2024-03-15　来源：宜良县人民政府网」)
_PUBLISHED = re.compile(r"(?:发布|发表|公开|印发)(?:时间|日期)\s*[：:]\s*((?:19|20)\d{2}\s*(?:[-./年]\s*\d{1,2})?)")


def published_date(source: Source) -> str:
    """The date the page says it was published on (its first 发布时间 line, as written), "" when none does."""
    found = _PUBLISHED.search("\n".join(_lines("".join(_page(source).text))))
    return found.group(1) if found else ""


def html_grids(source: Source) -> list[Grid]:
    """The page's tables as a list reader sees them (importers.document.table_grids)."""
    return table_grids(_page(source).tables)


# A site's own lines around what it publishes (its footer, its tools): short, and never a law's words.
_CHROME = re.compile(r"版权所有|Copyright|©|ICP备|网站标识码|网站地图|联系我们|技术支持|扫一扫|打印本页|关闭窗口|【\s*(?:打印|关闭)"
                     r"|字号[：:]|分享到|(?:主办|承办|协办)(?:单位)?[：:]|当前位置[：:]|您的位置[：:]|浏览次数|来源[：:]", re.IGNORECASE)
CHROME_CHARS = 60


def html_text(source: Source) -> str:
    """The page's text, a paragraph (or a table's row as `table_lines` gives it) a line; without the site's own
    short lines (版权所有, 主办：…, 【打印】【关闭】), which would otherwise end the last article."""
    return "\n".join(line for line in _lines("".join(_page(source).text)) if not _chrome(line))


def _chrome(line: str) -> bool:
    """A site's own short line: never a sentence (a law's ends with 。 or ；) nor an article (第二十八条 … 技术支持和协助。)."""
    return len(line) <= CHROME_CHARS and bool(_CHROME.search(line)) and not line.endswith(("。", "；", ";", "：", ":")) \
        and not re.match(r"^第[一二三四五六七八九十百千零〇两\d]+(?:条|章|节|编|分编)", line)
