"""Law texts in Markdown (the LawRefBook layout) -> LawDocument.

    # 中华人民共和国安全生产法
    2002年6月29日 … 通过            (history, one entry per date; long entries wrap)
    <!-- INFO END -->
    ## 第一章 总则
    ### 第一节 …                    (optional)
    第一条 为了…                    (an article opens a paragraph with 第X条 and a space)
    安全生产工作应当…               (later paragraphs belong to the article above)
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


def looks_like_law(path: str | Path | Source) -> bool:
    """A UTF-8 text file that opens with a `# ` title naming a law (中华人民共和国…, or ending in 法,
    条例, 规定, 办法, 决定, 细则) and has at least one 第X条 paragraph; `# 会议记录` notes are no law."""
    source = as_source(path)
    try:
        with source.text_stream("utf-8-sig") as handle:  # only the head is decoded, as open() did
            head = handle.read(_SNIFF_BYTES)
    except (OSError, UnicodeDecodeError):
        return False
    lines = [line.strip() for line in head.splitlines()]
    first = next((line for line in lines if line), "")
    if not first.startswith("# "):
        return False
    title = re.sub(r"\s+", "", first[2:])
    return bool(_LAW_TITLE.search(title)) and any(_ARTICLE.match(line) for line in lines)


def parse_law(path: str | Path | Source) -> LawDocument:
    """Parse one law file; FileRefused when it has no `# ` title or no article."""
    source = as_source(path)
    path = Path(source.path)
    try:
        text = source.utf8_text()
    except UnicodeDecodeError as exc:
        raise FileRefused(str(path), [RowError(f"不是 UTF-8 文本（第 {exc.start} 字节：{exc.reason}）")]) from exc
    lines = [line.replace("\u3000", " ").rstrip() for line in text.splitlines()]

    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None or not lines[title_index].startswith("# "):
        found = lines[title_index].strip()[:40] if title_index is not None else "空文件"
        raise FileRefused(str(path), [RowError(f"应以标题行 '# <法律名称>' 开头，实际为 {found!r}",
                                               row=(title_index or 0) + 1, column="line")])
    title = re.sub(r"\s+", "", lines[title_index][2:])

    body_start = _body_start(lines, title_index)
    history = _history(lines[title_index + 1: body_start])
    articles = _articles(lines, body_start)
    if not articles:
        raise FileRefused(str(path), [RowError(
            f"没有找到条文：从第 {body_start + 1} 行起应有以 '第X条 ' 开头的段落",
            row=body_start + 1, column="line")])
    return LawDocument(path=str(path), sha256=source.sha256, title=title,
                       version_date=_version_date(path, history), history=history, articles=articles)


def _body_start(lines: list[str], title_index: int) -> int:
    """Index of the first line after the history block."""
    for i in range(title_index + 1, len(lines)):
        if lines[i].strip() == _INFO_END:
            return i + 1
    # No marker: the history ends at the first heading or article.
    for i in range(title_index + 1, len(lines)):
        stripped = lines[i].strip()
        if _HEADING.match(stripped) or _ARTICLE.match(stripped):
            return i
    return len(lines)


def _history(lines: list[str]) -> list[str]:
    """One entry per dated line; lines without a leading date continue the entry above."""
    entries: list[str] = []
    for line in (line.strip() for line in lines):
        if not line or line.startswith("<!--"):
            continue
        if entries and not re.match(r"^\d{4}年", line):
            entries[-1] += line
        else:
            entries.append(re.sub(r"\s+", " ", line))
    return entries


def _articles(lines: list[str], start: int) -> list[LawArticle]:
    articles: list[LawArticle] = []
    chapter = section = ""
    paragraphs: list[str] = []

    def close() -> None:
        if articles and paragraphs:
            articles[-1].text = "\n".join(paragraphs)

    for line in lines[start:]:
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            continue
        heading = _HEADING.match(stripped)
        if heading:
            close()
            paragraphs = []
            name = _heading_name(heading.group(2))
            if len(heading.group(1)) == 2:
                chapter, section = name, ""
            else:
                section = name
            continue
        article = _ARTICLE.match(stripped)
        if article:
            close()
            label = f"第{article.group(1)}条"
            articles.append(LawArticle(chinese_to_int(article.group(1)), label, "", chapter, section))
            paragraphs = [stripped[article.end():].strip()]
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


def _version_date(path: Path, history: list[str]) -> str:
    from_name = _FILE_DATE.search(path.name)
    if from_name:
        return from_name.group(1)
    dates = [m for entry in history for m in _HISTORY_DATE.finditer(entry[:20])]
    if not dates:
        return ""
    year, month, day = dates[-1].groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"
