"""Law texts -> LawDocument, in the two layouts they are found in.

Markdown (the LawRefBook layout):

    # 中华人民共和国安全生产法
    2002年6月29日 … 通过            (history, one entry per date; long entries wrap)
    <!-- INFO END -->
    ## 第一章 总则
    ### 第一节 …                    (optional)
    第一条 为了…                    (an article opens a paragraph with 第X条 and a space)
    安全生产工作应当…               (later paragraphs belong to the article above)

As published (国家法律法规数据库's Word download, a text copied from a government site; UTF-8 or GBK):

    中华人民共和国行政许可法        (the title: a line of its own, no mark)
    （2003年8月27日…通过　根据2019年4月23日…修正）   (the history in brackets, its dates in one line)
    目　　录                        (a table of contents: its headings set nothing an article keeps)
    第一章　总　　则                (headings without marks: 第X编, 第X章, 第X节 and a short name)
    第一条　为了规范…
"""
from __future__ import annotations

import re
from pathlib import Path

from importers.numerals import NUMERAL, chinese_to_int
from importers.records import FileRefused, LawArticle, LawDocument, RowError
from importers.source import Source, as_source

_INFO_END = "<!-- INFO END -->"
_ARTICLE = re.compile(rf"^第({NUMERAL})条(?:\s+|$)")
_HEADING = re.compile(r"^(#{2,6})\s+(.*)$")
_HEADING_LABEL = re.compile(rf"^(第{NUMERAL}[编章节])\s*(.*)$")
_FILE_DATE = re.compile(r"[(（](\d{4}-\d{2}-\d{2})[)）]")
_HISTORY_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_SNIFF_BYTES = 64_000
_LAW_TITLE = re.compile(r"中华人民共和国|(?:法|条例|规定|办法|决定|细则)(?:[（(][^（()）]*[)）])?$")
# a title of its own line, as published: ends like a law's name (…法, …条例, …办法（试行）), no sentence in it
_PLAIN_TITLE = re.compile(r"^[^。；，：:;,]{2,60}?(?:法|法典|条例|规定|办法|决定|细则|规则|准则|规程)(?:[（(][^（()）]{1,12}[)）])?$")
# a law database's categories, as its menus show them beside a law (国家法律法规数据库), and a site's links to others
_CATEGORIES = {"宪法", "宪法相关法", "民法商法", "民法", "商法", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法",
               "法律", "行政法规", "监察法规", "地方性法规", "自治条例", "单行条例", "司法解释", "部门规章", "地方政府规章"}
_LINK = re.compile(r"^(?:相关|链接|上一篇|下一篇|推荐|热门|热点|阅读|延伸|附[：:])")
# a law's history begins: （2003年8月27日…, 根据2019年…, 2019年4月23日…
_HISTORY_START = re.compile(r"^[（(]?(?:根据)?\d{4}年\d{1,2}月")
# a heading of its own line: 第一章　总　　则, 第三节 监督检查, 第一编 总则 (a short name, no sentence)
_PLAIN_HEADING = re.compile(rf"^(第{NUMERAL}(?:分编|[编章节]))(?!规定|的)\s*([^。；，：:;,]{{0,30}})$")
# an article written without the space after its number (第一条为了…), where no article of the file has one
_UNSPACED_ARTICLE = re.compile(rf"^第({NUMERAL})条(?!规定|的|、|至|第|中(?!华人民共和国)|[，,。；])")
_CONTENTS = re.compile(r"^目\s*录$")


def looks_like_law(path: str | Path | Source) -> bool:
    """A text (UTF-8, GBK or UTF-16) or Word document that opens with a title naming a law (中华人民共和国…, or
    ending in 法, 条例, 规定, 办法, 决定, 细则): a `# ` line, or as published a line of its own among the first
    (the articles must then start at 第一条); and has 第X条 paragraphs. `# 会议记录` notes are no law, nor a list
    whose cells quote articles."""
    source = as_source(path)
    try:
        lines = [line.replace("\u3000", " ").strip() for line in law_text(source, _SNIFF_BYTES).splitlines()]
    except FileRefused:
        return False
    first = next((line for line in lines if line), "")
    if first.startswith("# "):
        return bool(_LAW_TITLE.search(re.sub(r"\s+", "", first[2:]))) and any(_ARTICLE.match(line) for line in lines)
    title = _plain_title(lines)
    return title is not None and [n for n, _, _ in _article_starts(lines[title[0] + 1:])][:1] == [1]


def plain_title_line(line: str) -> bool:
    """Whether a file's first line may be a law's title as published (a file to parse before the lists of a run)."""
    text = re.sub(r"\s+", "", line)
    return bool(_PLAIN_TITLE.match(text)) or "中华人民共和国" in text


def law_text(source: Source, limit: int | None = None) -> str:
    """The text of a law file (its first `limit` characters): a Word document's paragraphs (.docx or Word 97-2003's
    .doc), a PDF's, an OFD document's or a web page's text, else
    the file decoded as UTF-8, GB18030 (GBK) or UTF-16 (by its BOM). FileRefused when it is neither."""
    from importers.document import docx_text, within_limits
    from importers.pdf import PDF_MAGIC, pdf_text
    from importers.webpage import html_text, looks_like_html
    from importers.worddoc import doc_text, is_word_97
    from importers.workbook import BIFF_MAGIC

    head = source.head
    from importers.ofd import is_ofd

    reader = pdf_text if head.startswith(PDF_MAGIC) or is_ofd(source) else docx_text if head.startswith(b"PK") \
        else html_text if looks_like_html(head) else doc_text if head.startswith(BIFF_MAGIC) and is_word_97(source) \
        else None
    if reader is not None:
        with within_limits(source):
            text = reader(source)
        return text[:limit] if limit else text
    text = source.text
    if text is None:
        raise FileRefused(source.path, [RowError("不是文本文件：既不是 UTF-8，也不是 GBK/GB18030 或带 BOM 的 UTF-16 编码")])
    return text[:limit] if limit else text


def _plain_title(lines: list[str]) -> tuple[int, str] | None:
    """(line index, title) of a law's title as published: among the non-empty lines before its history (once a
    title-like line has come), first article, heading or table of contents, the last that ends like a law's name and
    is no menu's word (中华人民共和国主席令, 第七十号 and the order's words, or a site's menu, may stand above it), else
    the last naming 中华人民共和国 that is not an order (…令, 第…号); never a site's path (首页 > 法律法规 > …)."""
    candidates: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        text = re.sub(r"\s+", "", line.lstrip("#"))
        if not text:
            continue
        if _ARTICLE.match(text) or _ARTICLE.match(line.strip()) or _UNSPACED_ARTICLE.match(text) \
                or _PLAIN_HEADING.match(text) or _CONTENTS.match(text) or len(candidates) >= 200:
            break
        if _HISTORY_START.match(text) and any(_PLAIN_TITLE.match(t) for _, t in candidates):
            break  # the history follows the title (the order's date above it does not end the search)
        if not re.search(r"[>＞›»|｜/]|首页|位置", text) and text not in _CATEGORIES and not _LINK.match(text):
            candidates.append((i, text))
    for i, text in reversed(candidates):
        if _PLAIN_TITLE.match(text) and len(text) >= 5:  # (行政法, 经济法: a site's menu, not a law's name)
            return i, text
    for i, text in reversed(candidates):
        if "中华人民共和国" in text and len(text) <= 60 and not re.search(r"(?:令|号)$|[。；，]", text):
            return i, text
    return None


def parse_law(path: str | Path | Source) -> LawDocument:
    """Parse one law file; FileRefused when it has no title or no article."""
    source = as_source(path)
    path = Path(source.path)
    lines = [line.replace("\u3000", " ").rstrip() for line in law_text(source).splitlines()]

    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is not None and lines[title_index].startswith("# "):
        title = re.sub(r"\s+", "", lines[title_index][2:])
    else:
        plain = _plain_title([line.strip() for line in lines])
        if plain is None:
            found = lines[title_index].strip()[:40] if title_index is not None else "空文件"
            raise FileRefused(str(path), [RowError(
                f"找不到法律名称：应以 '# <法律名称>' 或单独一行的法律名称（如「中华人民共和国行政许可法」）开头，"
                f"实际为 {found!r}", row=(title_index or 0) + 1, column="line")])
        title_index, title = plain

    body_start = _body_start(lines, title_index)
    history = _history(lines[title_index + 1: body_start])
    articles = _articles(lines, body_start)
    if not articles:
        raise FileRefused(str(path), [RowError(
            f"没有找到条文：从第 {body_start + 1} 行起应有以 '第X条 ' 开头的段落",
            row=body_start + 1, column="line")])
    return LawDocument(path=str(path), sha256=source.sha256, title=title,
                       version_date=_version_date(path, history, lines[:title_index]), history=history,
                       articles=articles)


def _body_start(lines: list[str], title_index: int) -> int:
    """Index of the first line after the history block."""
    for i in range(title_index + 1, len(lines)):
        if lines[i].strip() == _INFO_END:
            return i + 1
    # No marker: the history ends at the first heading, article or table of contents.
    for i in range(title_index + 1, len(lines)):
        stripped = lines[i].strip()
        if _HEADING.match(stripped) or _heading(stripped) or _ARTICLE.match(stripped) \
                or _UNSPACED_ARTICLE.match(stripped) or _CONTENTS.match(stripped):
            return i
    return len(lines)


# a date that starts an entry of the history inside a line: 「（2003年8月27日…通过　根据2019年4月23日…修正）」
# (an entry's verb then 根据 with no space between: a PDF's line, where the space was only a gap)
_ENTRY_START = re.compile(r"\s+(?=(?:根据)?\d{4}年)|(?<=[；;])(?=(?:根据)?\d{4}年)|(?<=通过|修正|修订|公布|施行)(?=根据\d{4}年)")


def _history(lines: list[str]) -> list[str]:
    """One entry per dated line; lines without a leading date continue the entry above. A line of several dates
    as published (in brackets, each after a space or 根据) is one entry per date."""
    entries: list[str] = []
    for line in (line.strip() for line in lines):
        if not line or line.startswith("<!--"):
            continue
        opened, closed = line.count("（") + line.count("("), line.count("）") + line.count(")")
        if line[:1] in "（(" and (opened > closed or line[-1:] in "）)"):
            line, opened = line[1:], opened - 1  # the history in brackets: （…） a line, or （… over lines …）
        if line[-1:] in "）)" and closed > opened:
            line = line[:-1]
        parts = [p.strip() for p in _ENTRY_START.split(line) if p.strip()]
        for n, part in enumerate(parts):
            if entries and n == 0 and not re.match(r"^(?:根据)?\d{4}年", part):
                entries[-1] += part
            else:
                entries.append(re.sub(r"\s+", " ", part))
    return entries


def _heading(line: str) -> tuple[str, str] | None:
    """(kind, name) of a heading written as published (第二章　行政许可的设定): kind 编, 章 or 节; None for a line
    that is no heading."""
    match = _PLAIN_HEADING.match(line)
    if not match:
        return None
    label, name = match.group(1), re.sub(r"\s+", "", match.group(2))
    return label[-1], f"{label} {name}" if name else label


def _article_starts(lines: list[str]) -> list[tuple[int, int, int]]:
    """(number, line, where its text starts) of each line that opens an article: 第X条 and a space, or without the
    space when it is the next article's number (第一条为了…, 第二条本法…: never 第十条规定的 in a paragraph)."""
    starts: list[tuple[int, int, int]] = []
    last = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        match = _ARTICLE.match(stripped)
        if match is None:
            match = _UNSPACED_ARTICLE.match(stripped)
            if match is None or chinese_to_int(match.group(1)) != last + 1:
                continue
        last = chinese_to_int(match.group(1))
        starts.append((last, i, match.end()))
    return starts


def _articles(lines: list[str], start: int) -> list[LawArticle]:
    articles: list[LawArticle] = []
    chapter = section = ""
    paragraphs: list[str] = []
    opens = {i: (n, end) for n, i, end in _article_starts(lines[start:])}

    def close() -> None:
        if articles and paragraphs:
            articles[-1].text = "\n".join(paragraphs)

    for i, line in enumerate(lines[start:]):
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            continue
        heading = _HEADING.match(stripped)
        plain = None if heading or i in opens else _heading(stripped)
        if heading or plain:
            close()
            paragraphs = []
            if heading:
                name, top = _heading_name(heading.group(2)), len(heading.group(1)) == 2
            else:
                name, top = plain[1], plain[0] != "节"
            if top:
                chapter, section = name, ""
            else:
                section = name
            continue
        if _CONTENTS.match(stripped) and not articles:
            continue
        if i in opens:
            close()
            number, end = opens[i]
            label = f"第{stripped[1:stripped.index('条')]}条"
            articles.append(LawArticle(number, label, "", chapter, section))
            paragraphs = [stripped[end:].strip()]
        elif articles and paragraphs:
            paragraphs.append(stripped)
    close()
    return articles


def _heading_name(text: str) -> str:
    """'第一章  总 则' -> '第一章 总则' (publishers space out short chapter names)."""
    match = _HEADING_LABEL.match(text.strip())
    if not match:
        return re.sub(r"\s+", " ", text.strip())
    name = re.sub(r"\s+", "", match.group(2))
    return f"{match.group(1)} {name}" if name else match.group(1)


def _version_date(path: Path, history: list[str], preamble: list[str] = ()) -> str:
    """The date of the text: the file's name's, else the last of its history's, else (a 国务院令 or 主席令 above the
    title, no history) the date its order says it was adopted, or the order's own date line."""
    from_name = _FILE_DATE.search(path.name)
    if from_name:
        return from_name.group(1)
    dates = [m for entry in history for m in _HISTORY_DATE.finditer(entry[:20])]
    if not dates:
        order = "\n".join(line.strip() for line in preamble)
        adopted = re.search(r"已?经\s*(\d{4})年(\d{1,2})月(\d{1,2})日[^。\n]{0,30}?通过", order)
        signed = re.findall(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", order, re.MULTILINE)
        found = adopted.groups() if adopted else signed[-1] if signed else None
        return f"{found[0]}-{int(found[1]):02d}-{int(found[2]):02d}" if found else ""
    year, month, day = dates[-1].groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"
