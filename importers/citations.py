"""Legal-basis cells (实施依据, 责任事项依据) -> one Citation per cited (law, article).

A cell holds several citations, each usually opened by a tag (【法律】《title》（history）第X条：text).
The parts that need care, all found in the published Karamay lists:

- the history parenthetical names amendment decisions in 《》; they are not citations;
- article texts quote other articles (违反本条例第十条, 依照《药品管理法》第一百二十六条); only an
  article number that opens a line, follows the title, or continues a list of article numbers
  (第四十条、第四十一条) is cited;
- text converted from PDF breaks lines inside titles and numbers (《 中华\\n人民共和国…》, 第\\n四十二条);
- titles lose or mistype a bracket (中华人民共和国行政许可法》, （禁止使用童工规定》, <<…>>);
- a local act can wrap a national one (新疆维吾尔自治区实施《中华人民共和国野生动物保护法》办法):
  the local act is what is cited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from importers.numerals import NUMERAL, article_label, chinese_to_int
from importers.records import Citation
from kb.model import bracket_close, law_key, normalise_title

MAX_TEXT = 2000
MAX_TITLE = 100

_TAG_WORDS = "法律|法规|行政法规|地方性法规|规章|部门规章|政府规章|国务院决定|规范性文件|党内法规|标准"
# 【any word】, or a known tag word in other brackets ([法律], ［法规］, 〔规章〕).
_TAG = re.compile(rf"【\s*([\u4e00-\u9fff]{{2,8}})\s*】|[\[［〔]\s*({_TAG_WORDS})\s*[\]］〕]")
_SPACED_NUMBER = re.compile(rf"第\s*({NUMERAL}(?:\s*{NUMERAL})*)\s*([条款项章节目])")
# 第X条; also 第二十七第二款, 第三十九至第五十条 and 第十九：…, where the list dropped a 条.
_ARTICLE = re.compile(rf"第({NUMERAL})(?:条|(?=第{NUMERAL}[款项])|(?=[至到]第{NUMERAL}条)|(?=[：:]))")
_ARTICLE_LINE = re.compile(rf"\n[ \t]*第{NUMERAL}条")
# What may follow 第X条 and still belong to it: 第二款, 第（三）项, 第一、二款, 之一.
_QUALIFIER = re.compile(
    rf"(?:\s*(?:第{NUMERAL}(?:[、，,和及至到]{NUMERAL})*[款项目]|第?[（(]{NUMERAL}[)）]项?|之{NUMERAL}))*"
)
_CHAIN_SEPARATOR = re.compile(r"\s*([、，,和及与或至到\-—－~～])\s*")
_CHAPTERS = re.compile(rf"(?:第{NUMERAL}(?:[章节编]|部分)\s*[、，,和及与]?\s*)+")
_LAW_SUFFIX = re.compile(
    r"(法|条例|规定|办法|细则|决定|规则|通知|意见|目录|标准|批复|纲要|方案|规范|准则|公约|解释|令|清单|制度)"
    r"(（[^（）]*）)?$"
)
_OPEN = "（("
_CLOSE = "）)"
_TITLE_STOP = "（(\n，。；;：:【"


def parse_citations(text: str) -> list[Citation]:
    """Every (law, article) the cell cites, in order; a law cited without an article gives article=None."""
    if not text or not text.strip():
        return []
    cell = _normalise(text)
    citations: list[Citation] = []
    tags = list(_TAG.finditer(cell))
    head = cell[: tags[0].start()] if tags else cell
    for segment in _untagged_segments(head):
        citations.extend(_parse_segment("", segment))
    for i, tag in enumerate(tags):
        end = tags[i + 1].start() if i + 1 < len(tags) else len(cell)
        for j, segment in enumerate(_split_on_title_lines(cell[tag.end():end])):
            citations.extend(_parse_segment((tag.group(1) or tag.group(2)) if j == 0 else "", segment))
    return _merge(citations)


# --- text preparation -------------------------------------------------------------------------

def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    text = text.replace("<<", "《").replace(">>", "》").replace("＜＜", "《").replace("＞＞", "》")
    text = _SPACED_NUMBER.sub(lambda m: "第" + re.sub(r"\s+", "", m.group(1)) + m.group(2), text)
    return _compact_titles(text)


def _compact_titles(text: str) -> str:
    """Remove line breaks and spaces inside 《…》 (PDF conversions break titles over lines)."""
    out: list[str] = []
    pos = 0
    for start, end in _bracket_pairs(text, "《", "》"):
        if start < pos:
            continue  # nested pair, already handled with its outer pair
        out.append(text[pos:start])
        out.append(re.sub(r"\s+", "", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _bracket_pairs(text: str, opening: str, closing: str, limit: int = MAX_TITLE) -> list[tuple[int, int]]:
    """Outermost (start, end) spans of balanced brackets no longer than `limit`."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == opening:
            stack.append(i)
        elif ch == closing and stack:
            start = stack.pop()
            if not stack and i + 1 - start <= limit:
                pairs.append((start, i + 1))
    return pairs





# --- segments: one cited document each ---------------------------------------------------------

def _top_level_titles(text: str) -> list[tuple[int, int]]:
    """《…》 spans outside parentheses (titles inside a history parenthetical are amendments)."""
    spans: list[tuple[int, int]] = []
    paren = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            paren = 0
        elif ch in _OPEN:
            paren += 1
        elif ch in _CLOSE:
            paren = max(0, paren - 1)
        elif ch == "《":
            close = bracket_close(text, i, "《", "》")
            if close is None:
                break
            if paren == 0:
                spans.append((i, close + 1))
            i = close
        i += 1
    return spans


def _after_history(after_title: str) -> str:
    history = _take_history(after_title)
    return after_title[len(history[1]):] if history else after_title


def _starts_citation(text: str, start: int, end: int) -> bool:
    """A title outside any tag opens a citation when an article follows it or it names a law."""
    if _ARTICLE.match(_after_history(text[end:]).lstrip()):
        return True
    return bool(_LAW_SUFFIX.search(normalise_title(text[start:end])))


def _untagged_segments(text: str) -> list[str]:
    starts = [s for s, e in _top_level_titles(text) if _starts_citation(text, s, e)]
    return [text[s: (starts[i + 1] if i + 1 < len(starts) else len(text))] for i, s in enumerate(starts)]


def _split_on_title_lines(segment: str) -> list[str]:
    """A title opening a line (or following a semicolon) and followed by an article starts a new citation."""
    cuts = [0]
    for match in re.finditer(r"(?m)(?:^[ \t]*|[；;][ \t]*)《", segment):
        start = match.end() - 1
        line_start = match.group(0)[0] not in "；;"
        if segment[:start].strip() and _title_opens_citation(segment, start, line_start):
            cuts.append(start)
    return [segment[a:b] for a, b in zip(cuts, cuts[1:] + [len(segment)], strict=True)]


def _title_opens_citation(segment: str, start: int, line_start: bool) -> bool:
    close = bracket_close(segment, start, "《", "》")
    if close is None:
        return False
    line_rest = _after_history(segment[close + 1:]).split("\n", 1)[0].strip()
    article = _ARTICLE.match(line_rest)
    if article and line_start:
        return True
    if article:  # after a semicolon: only a bare reference list, "…；《X》第38条" or "…；《X》第38条："
        return _after_header(line_rest, 0) in ("", "：", ":", " ", "。")
    # a document cited whole: on a line of its own, or after a semicolon with nothing after it (贡江镇's 「…第一百二十二条
    # 第一款；《江西省人民政府关于向乡镇和街道赋予部分县级行政权力事项的决定》」: not the article's text)
    bare = not line_rest or (not line_start and line_rest[0] in "；;。")
    return bare and bool(_LAW_SUFFIX.search(normalise_title(segment[start:close + 1])))


# --- one segment: title, history, articles -----------------------------------------------------

@dataclass
class _Header:
    start: int
    end: int  # after the qualifiers
    number: int
    label: str
    qualifier: str
    group: int  # headers listed together (第四十条、第四十一条) share the text after the last one


def _parse_segment(tag: str, segment: str) -> list[Citation]:
    taken = _take_title(segment.lstrip())
    if taken is None:
        return []
    title, rest = taken
    history = _take_history(rest)
    version_note, body = (history[0], rest[len(history[1]):]) if history else ("", rest)
    law_title = normalise_title(title)
    if not law_title:
        return []
    headers = _find_headers(body)
    if not headers:
        chapters = _CHAPTERS.match(body.lstrip(" ：:\n\t"))
        label = re.sub(r"\s+", "", chapters.group(0)).rstrip("、，,和及与") if chapters else ""
        return [Citation(law_title, None, label, tag, _clip(body), version_note)]
    citations: list[Citation] = []
    for header in headers:
        group_end = max(h.end for h in headers if h.group == header.group)
        following = [h.start for h in headers if h.group > header.group]
        text_end = min(following) if following else len(body)
        citations.append(Citation(law_title, header.number, header.label, tag,
                                  _clip(body[group_end:text_end]), version_note, header.qualifier))
    return citations


def _take_title(segment: str) -> tuple[str, str] | None:
    """(raw title, rest of segment) or None when the segment names no document."""
    if not segment:
        return None
    if segment[0] == "《":
        close = bracket_close(segment, 0, "《", "》")
        if close is not None and close < MAX_TITLE:
            return segment[: close + 1], segment[close + 1:]
        segment = segment[1:]
    elif segment[0] in _OPEN:
        # （禁止使用童工规定》: the opening bracket was typed as a parenthesis.
        close = segment.find("》")
        if 0 < close < MAX_TITLE and not any(c in segment[:close] for c in _CLOSE):
            return segment[1: close + 1], segment[close + 1:]
        return None
    end, depth = 0, 0
    while end < len(segment) and end < MAX_TITLE:
        ch = segment[end]
        if ch == "《":
            depth += 1
        elif ch == "》":
            if depth == 0:  # 中华人民共和国行政许可法》: the opening bracket is missing
                return segment[: end + 1], segment[end + 1:]
            depth -= 1
        elif depth == 0 and (ch in _TITLE_STOP or _ARTICLE.match(segment, end)):
            break
        end += 1
    title = segment[:end].strip()
    return (title, segment[end:]) if title else None


def _take_history(rest: str) -> tuple[str, str] | None:
    """(history, consumed text) for parentheticals right after the title."""
    stripped = rest.lstrip()
    if not stripped or stripped[0] not in _OPEN:
        return None
    consumed = len(rest) - len(stripped)
    notes: list[str] = []
    while stripped and stripped[0] in _OPEN:
        # A history never runs into an article: an unclosed one ends before the next 第X条 line.
        article_line = _ARTICLE_LINE.search(stripped)
        limit = article_line.start() if article_line else len(stripped)
        end = _close_of_paren(stripped[:limit])
        if end is None:
            line_end = stripped.find("\n", 0, limit)
            end = (line_end if line_end >= 0 else limit) - 1
        notes.append(re.sub(r"\s+", "", stripped[: end + 1]))
        consumed += end + 1
        after = stripped[end + 1:]
        stripped = after.lstrip()
        consumed += len(after) - len(stripped)
    return "".join(notes), rest[:consumed]


def _close_of_paren(text: str) -> int | None:
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return None


def _find_headers(body: str) -> list[_Header]:
    headers: list[_Header] = []
    group = -1
    for match in _ARTICLE.finditer(body):
        qualifier = _QUALIFIER.match(body, match.end())
        end = qualifier.end() if qualifier else match.end()
        header = _Header(match.start(), end, chinese_to_int(match.group(1)), f"第{match.group(1)}条",
                         re.sub(r"\s+", "", body[match.end():end]), group)
        previous = headers[-1] if headers else None
        link = _CHAIN_SEPARATOR.fullmatch(body[previous.end: match.start()]) if previous else None
        if previous and link:
            header.group = previous.group
            if link.group(1) in "至到-—－~～":
                headers.extend(_range_between(previous, header))
        elif _opens_article(body, match.start(), headers):
            group += 1
            header.group = group
        else:
            continue
        headers.append(header)
    return headers


def _range_between(first: _Header, last: _Header) -> list[_Header]:
    if not 0 < last.number - first.number <= 50:
        return []
    return [_Header(last.start, last.start, n, article_label(n), "", last.group)
            for n in range(first.number + 1, last.number)]


def _opens_article(body: str, pos: int, headers: list[_Header]) -> bool:
    line_start = body.rfind("\n", 0, pos) + 1
    before_on_line = _CHAPTERS.sub("", body[line_start:pos]).strip()
    if not before_on_line:
        return True
    if not headers and pos <= MAX_TITLE * 2:
        # Right after the title and history, allowing a stray word or a second title: …）文第十条
        lead = re.sub(r"《[^《》]*》|[（(][^（）()]*[）)]|\s", "", body[:pos])
        if len(_CHAPTERS.sub("", lead)) <= 2:
            return True
    # A second article on the same line: "…。第六条：…", or a list of them standing alone: "第六条第（三）项；第七条、第八条"
    # (not "…；第七条规定的", nor "…；第六十五条、第六十六条规定的情形除外": the run of articles must end the clause)
    sentence_end = re.search(r"[。；;]\s*$", body[line_start:pos])
    if not sentence_end:
        return False
    if _after_header(body, pos) in ("：", ":", " ", "\t", "\n"):
        return True
    run = _ARTICLE_RUN.match(body, pos)
    return bool(run) and (run.end() == len(body) or body[run.end()] in "；;。\n：:")


# articles one after another (第六十五条第一款、第六十六条和第六十七条), as a clause of references
_ARTICLE_RUN = re.compile(rf"(?:第{NUMERAL}条{_QUALIFIER.pattern}\s*[、，,和及与或至到]?\s*)+")


def _after_header(body: str, pos: int) -> str:
    match = _ARTICLE.match(body, pos)
    if not match:
        return ""
    qualifier = _QUALIFIER.match(body, match.end())
    end = qualifier.end() if qualifier else match.end()
    return body[end: end + 1]


def _clip(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    joined = "\n".join(line for line in lines if line).lstrip("：:、，,；; ").strip()
    # What is left between two titles in running prose ("和", "的规定") is glue, not article text.
    return "" if re.fullmatch(r"[和及与或以及等的规定。，,；;、\s]*", joined) else joined[:MAX_TEXT]


def _merge(citations: list[Citation]) -> list[Citation]:
    """One citation per (law, article); a bare law is dropped when an article of it is cited."""
    merged: dict[tuple[str, int | None], Citation] = {}
    for citation in citations:
        key = (law_key(citation.law_title), citation.article)
        seen = merged.get(key)
        if seen is None:
            merged[key] = citation
            continue
        sub_article, text = seen.sub_article, seen.text
        if citation.sub_article and citation.sub_article not in sub_article.split("、"):
            sub_article = "、".join(filter(None, [sub_article, citation.sub_article]))
        if citation.text and citation.text not in text:
            text = "\n".join(filter(None, [text, citation.text]))[:MAX_TEXT]
        merged[key] = replace(seen, sub_article=sub_article, text=text,
                              version_note=seen.version_note or citation.version_note, tag=seen.tag or citation.tag)
    with_articles = {law for law, article in merged if article is not None}
    return [c for (law, article), c in merged.items() if article is not None or law not in with_articles]
