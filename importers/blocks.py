"""A list written as blocks of field | value rows, one block a record, read as the table it stands for.

Some offices publish each item as a small form (坡子街街道's list: 事项编号 | PZJ-01, 事项类型 | 行政给付,
事项名称 | 临时救助, … then a blank row and the next item), some as a card of two pairs a row (事项名称 | … |
事项类型 | …), a field's text running on below it where its label cell is merged down. No header row holds
the fields, so the list parser finds none. `unfold_blocks` turns such a sheet into a `Sheet` of one header
(the labels, in the order they first appear) and one row a block, each keeping the row number of the
block's first line, so that everything after reads and reports it as any other table.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from importers.mapping import HeaderMatch, Mapping, best_match, load_mappings, match_header, normalize_header
from importers.numerals import chinese_to_int
from importers.workbook import Sheet
from kb.model import PHASES, power_type, squeeze, stage_word_pattern

_LABEL_CHARS = 30  # a label is a header's words: longer text is a value
# the fields that open a new block when met again (a field's text continued under a second 责任事项 label
# stays the block's); the field the first block opens with does too (事项编号 | PZJ-01), even where it was left out
_OPENING = ("seq", "code", "item_name", "sub_item_name", "type")
# a label no mapping knows: a few words, no sentence (事项编号, 办理时限, 监督电话)
_LABEL_LIKE = re.compile(r"^[^\s，,。；;：:、（）()\d]{2,10}[:：]?$")
# … or with a note in brackets (吕梁's 受理（立案）, 事后监管（执行）: a stage with another word for it; 北安's 受理（立案）责任)
_NOTED_LABEL = re.compile(r"^[^\s，,。；;：:、（）()\d]{2,10}[（(][^（）()\s]{1,8}[)）](?:环节|阶段)?(?:责任)?[:：]?$")
# a cell numbering a column of records (事项1, 第2项, 3)
_NUMBERING = re.compile(r"^(?:事项|第)?[0-9一二三四五六七八九十]{1,3}[项列]?$")  # (高台: 第1列 | 第2列)
# a sheet telling how to fill the list in (填表说明: 事项名称 | 填写权力事项的规范名称), not a list
_INSTRUCTION = re.compile(r"^(?:请|应当?|须)?(?:填写|填报|按照?|根据|参照)")
# a block's heading, a row of one numbered cell naming its item (洮南's 「一、动物防疫条件合格证核发」, then 权力类型 |
# 行政许可, 权力编码 | …, no 事项名称 label)
# (邯郸's 「【事项1】建设用地规划许可证核发」: the number with its word in brackets)
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[)）]|\d{1,3}[、.．]"
                      r"|[【\[](?:事项|权力事项|职权|第)?\s*\d{1,3}\s*项?[】\]])\s*"
                      r"(?P<name>\S.{1,300})$", re.DOTALL)
# … or its number alone in a cell, the name in the next
# (金昌's 「事项 01 | 道路旅客运输经营许可」, 「第1项」: the item's number with its word)
_NUMBER_CELL = re.compile(r"^\s*(?:[一二三四五六七八九十百]+|\d{1,3}|[（(][一二三四五六七八九十百\d]+[)）]"
                          r"|[【\[](?:事项|权力事项|职权|第)?\s*(?:\d{1,3}|[一二三四五六七八九十百]{1,4})\s*项?[】\]]"  # (北海's 【事项一】)
                          r"|(?:事项|权力事项|职权)\s*\d{1,3}|第\s*\d{1,3}\s*项)[、.．]?\s*$")
# … not a note's heading (「二、权力类型说明」, 「三、备注」 over 备注 | 无)
_NOTE_HEADING = re.compile(r"(?:说明|备注|注释|附注|填表|填报)$")


@dataclass
class _Block:
    row: int  # 0-based row of its first line
    values: dict[str, list[str]] = field(default_factory=dict)  # field -> its lines
    lines: list[tuple[int, str]] = field(default_factory=list)  # (row, the row's text): kept for a block undone
    gap: bool = False  # a blank row since its last line
    headed_type: bool = False  # its type from a heading row above it (「【1】行政许可」), not a label of its own


@dataclass
class _Pair:
    column: int
    key: str  # the field (or a label no mapping knows, by its words)
    label: str
    values: list[str]


def unfold_blocks(sheet: Sheet) -> Sheet | None:
    """The table a sheet of field | value blocks stands for; None when the sheet is not one (no block naming an
    item, labels that fit no mapping, a table turned on its side, instructions for filling a list in)."""
    known = _labels(sheet)
    if (stacked := _side_by_side(sheet, known)) is not None:
        return unfold_blocks(stacked)
    headings = _headings(sheet, known)
    match = best_match(list(dict.fromkeys(known.values())) + (["事项名称"] if headings else []))
    if match is None:
        return None
    keys = {text: _key(text, match.mapping) for text in set(known.values())}
    columns = _label_columns(known)
    labels: dict[str, str] = {}  # field -> the label it is shown under (its first)
    label_at: dict[tuple[int, int], str] = {}  # (row, column) of a label -> its field
    blocks: list[_Block] = []
    loose: list[tuple[int, str]] = []  # (row, text) of rows in no block: titles, section rows, notes
    block: _Block | None = None
    last: str | None = None
    first = ""  # the field the first block opens with
    names: list[int] = []  # how many cells each 事项名称 label has beside it
    pending_type = ""  # the type a heading row gives the next block
    # a field written as a small table below its label: the field, its columns, and the columns beside them (column, field,
    # header) that give a stage's own time limit or accountability
    tabled: tuple[str, dict[str, int], list[tuple[int, str, str]]] | None = None
    for r in range(sheet.nrows):
        filled = [(c, v.strip()) for c, v in enumerate(sheet.cells[r]) if v.strip()]
        if not filled:
            if block is not None:
                block.gap = True
            continue
        pairs = _pairs(filled, known, keys, r, columns, open_block=block is not None and not block.gap)
        text = " | ".join(v for _, v in filled)
        # (the row's first cell a label of such a field though the row reads as no pairs: 三亚's 责任事项 | 环节 | 责任内容,
        # each a header some mapping knows, 2026-12-06)
        opening = keys.get(known[(r, filled[0][0])]) if (r, filled[0][0]) in known else None
        heads = _table_head(filled) if (pairs and pairs[0].key in _TABLED) or opening in _TABLED else None
        # (or a table of the duties with no label of its own in the card: 钦州's 「责任环节 | 责任事项内容」, then 「受理 | …」)
        bare = _table_head([(-1, ""), *filled]) if block is not None and not block.gap and not heads \
            and squeeze(filled[0][1]) in _TABLE_HEADS["step"] else None
        if heads or bare:
            # 迪庆's 责任事项 | 环节 | 内容 | 依据, then a row a stage under it (its label cell blank): the field's lines
            key = (pairs[0].key if pairs else opening) if heads else _TABLED[0]
            label = filled[0][1] if heads else dict(filled)[bare["text"]]  # (the bare table's: its text column's header)
            # (汶川's 责任环节 | 责任内容 | 办理时限 | 追责情形: a stage's own time limit and accountability too)
            beside = [(c, _TABLE_BESIDE[kind] or keys.get(v) or _key(v, match.mapping), v) for c, v in filled
                      if (kind := _head_kind(v)) in _TABLE_BESIDE]
            for _, side, header in beside:
                labels.setdefault(side, header)
            pairs, tabled = [_Pair(filled[0][0], key, label, [])], (key, heads or bare, beside)
        elif tabled and block is not None \
                and (filled[0][0] > min(columns) or (filled[0][0] == tabled[1]["step"] and not _attribute_row(filled[0][1]))) \
                and (not pairs or not any((r, c) in known for c, _ in filled)):
            # (a stage's name in a column that holds labels elsewhere in the card, 三亚's 「 | 受理 | 公示…」: a line of the
            # table still, not a label of its own)
            _stage_line(block.values.setdefault(tabled[0], []), tabled[1], dict(filled))
            _beside_line(block.values, tabled[1], tabled[2], dict(filled))
            block.lines.append((r, text))
            continue
        elif pairs:
            tabled = None
        if len(filled) == 1 and (typed := _typed_heading(filled[0][1])) is not None:
            # 临汾's 「【1】行政许可」 over each card (事项名称 | …, no type label): the type of the card below it
            pending_type, block, last = typed, None, None
            loose.append((r, text))
            continue
        if r in headings:  # a block's name: the block its labels open below
            tabled = None
            block = _Block(r, {"item_name": [headings[r]]}, [(r, text)])
            blocks.append(block)
            labels.setdefault("item_name", "事项名称")
            first = first or "item_name"
            last = "item_name"
            continue
        if not pairs:
            # the field's text runs on below it: under its label merged down, else under the last label
            under = next((label_at[a] for c in sorted(columns) if c < filled[0][0]
                          for a in [sheet.anchor(r, c)] if a in label_at), None)
            if block is not None and (under or (last and filled[0][0] > min(columns) and not block.gap)):
                block.values[under or last].append(_joined([v for _, v in filled]))
                block.lines.append((r, text))
            else:
                loose.append((r, text))
                block, last = None, None
            continue
        names += [len(p.values) for p in pairs if p.key == "item_name"]
        for pair in pairs:
            # a block ends where a field that opens one comes again, or the field the first block opened with
            # comes after others (a block that left it out: 低保 with no 事项类型, then 事项类型 | 行政处罚), or
            # after a blank row once it names its item
            if block is not None and pair.key == "type" and block.headed_type:
                block.values.pop("type")  # (崇左's 「【第1项】行政许可」 over a card with its own 权力类型 | 行政许可)
                block.headed_type = False
            if block is None or (pair.key in block.values and pair.key in _OPENING) \
                    or (block.gap and _named(block) and not headings) \
                    or (pair.key == first and len(block.values) >= 2):
                block = _Block(r)
                blocks.append(block)
                first = first or pair.key
                if pending_type:
                    block.values["type"], pending_type, block.headed_type = [pending_type], "", True
                    labels.setdefault("type", "权力类型")
            block.gap = False
            labels.setdefault(pair.key, pair.label)
            label_at[(r, pair.column)] = pair.key
            block.values.setdefault(pair.key, [])
            if pair.values:
                value = _joined(pair.values)
                # (临汾's 责任事项（立案） | …, 责任事项（调查） | …: a stage's label, its note the stage's heading)
                if pair.key == "responsibility_text" and (note := _LABEL_STAGE.search(pair.label)) \
                        and stage_word_pattern().fullmatch(squeeze(note.group(1))):
                    value = f"{squeeze(note.group(1))}：{value}"
                block.values[pair.key].append(value)
            last = pair.key
        block.lines.append((r, text))
    if sum(n > 1 for n in names) * 2 > len(names):
        return None  # names with several cells beside them: a table turned on its side, a record a column
    named = [b for b in blocks if _named(b)]
    fields = set(keys.values())
    # one block is a list of one item only when it names four known fields (事项名称, 类型, 依据, 责任事项 …)
    if not named or len(named) == 1 and len(fields & set(named[0].values)) < 4:
        return None
    given = [v for b in named for v in b.values.get("item_name", [])]
    if given and all(_INSTRUCTION.match(n) for n in given):
        return None
    loose += [line for b in blocks if not _named(b) for line in b.lines]  # a footer: 坡子街街道办事处 | 2022年8月
    return _table(sheet, {k: labels[k] for k in labels if any(k in b.values for b in named)}, named, loose)


def _headings(sheet: Sheet, known: dict[tuple[int, int], str]) -> dict[int, str]:
    """Row -> item name of each row of one numbered cell whose next filled row holds a label (洮南: 「一、动物防疫条件合格证
    核发」 over 权力类型 | 行政许可), when two or more rows are such headings and no label names the item."""
    if any(_names_item(t) for t in set(known.values())):
        return {}
    out: dict[int, str] = {}
    columns = _label_columns(known)
    rows = [r for r in range(sheet.nrows) if any(v.strip() for v in sheet.cells[r])]
    for r, after in pairwise(rows):
        cells = [(c, v.strip()) for c, v in enumerate(sheet.cells[r]) if v.strip()]
        # (in the labels' column: a value's next line, 「2.审查：…」 under 「责任事项 | 1.受理：…」, is none)
        heading = _HEADING.match(cells[0][1]) if len(cells) == 1 and cells[0][0] in columns \
            and (r, cells[0][0]) not in known else None
        name = squeeze(heading.group("name")) if heading else ""
        if len(cells) == 2 and cells[0][0] in columns and _NUMBER_CELL.match(cells[0][1]) \
                and not re.search(r"[：:。；;]", cells[1][1]):  # (not a numbered duty: 「第3项 | 决定：作出…」)
            name = squeeze(cells[1][1])  # (陕西省文物局: 「一 | 文物保护单位…审批」, the number in the labels' column)
        if name and not _NOTE_HEADING.search(name) and not known_header(name) \
                and any((after, c) in known for c in range(len(sheet.cells[after]))):
            out[r] = name
    if len(out) >= 2:
        return out
    # … or a sheet of one item whose title is the item's name (蓟州's sheet per item: 「城市建筑垃圾处置核准」 over 事项编码 |
    # JZCG-XK-001, 事项类型 | 行政许可, …, 2026-12-06): not a list's title (…权责清单, …汇总表)
    title = [(c, v.strip()) for c, v in enumerate(sheet.cells[rows[0]]) if v.strip()] if len(rows) >= 3 else []
    name = squeeze(title[0][1]) if len(title) == 1 and (rows[0], title[0][0]) not in known else ""
    following = {_key(known[(rows[1], c)], m) for c in range(len(sheet.cells[rows[1]])) if (rows[1], c) in known
                 for m in load_mappings()} if name else set()
    # (the sheet one card: its code or type labelled once, not cards left unnamed under a list's title)
    once = Counter(_key(text, load_mappings()[0]) for text in known.values()) if name else Counter()
    if name and 4 <= len(name) <= 120 and not _LIST_TITLE.search(name) and not _HEADING.match(name) \
            and not known_header(name) and following & {"code", "type"} and once["code"] <= 1 and once["type"] <= 1:
        return {rows[0]: name}
    return {}


# the title of a list or a table of items, a body's name, a section's or an attachment's, not an item's name (a cold review,
# 2026-12-06: 「基本信息」, 「附件2-1」, 「2024年度权责事项」, 「某区城市管理委员会」, 「…行政许可事项（第一批）」, 「…办事指南」, 「…流程图」)
_LIST_TITLE = re.compile(r"(?:清单|目录|汇总表?|一览表|明细表?|统计表|[^事]表|事项|指南|流程图?|信息|说明"
                         r"|[局厅委办院所站队]|委员会|办公室|政府|中心|办事处)(?:[（(][^（）()]*[）)])?$"
                         r"|^(?:关于|附件|附表|\d{4}年)|[:：。；;]")


_LABEL_STAGE = re.compile(r"[（(]([^（()）]{1,8})[)）]\s*[:：]?$")


def _typed_heading(text: str) -> str | None:
    """A numbered heading row that is a power type (「【1】行政许可」, 「三、行政处罚」): the type's name, else None."""
    heading = _HEADING.match(text)
    kind = power_type(squeeze(heading.group("name"))) if heading else None
    return kind.name if kind is not None else None


def _named(block: _Block) -> bool:
    return bool(block.values.get("item_name") or block.values.get("sub_item_name"))


def _labels(sheet: Sheet) -> dict[tuple[int, int], str]:
    """(row, column) -> text of every short cell some mapping takes for a header."""
    out: dict[tuple[int, int], str] = {}
    for r, row in enumerate(sheet.cells):
        for c, v in enumerate(row):
            text = v.strip()
            if text and len(text) <= _LABEL_CHARS and known_header(text):
                out[(r, c)] = text
    return out


@cache
def known_header(text: str) -> bool:
    """True when some mapping takes the text for a header."""
    return any(match_header([text], m, fold=False).columns for m in load_mappings())


@cache
def _names_item(text: str) -> bool:
    """True when some mapping takes the label for the item's name (事项名称, 权力名称 …)."""
    return any("item_name" in match_header([text], m).columns for m in load_mappings())


def _side_by_side(sheet: Sheet, known: dict[tuple[int, int], str]) -> Sheet | None:
    """Cards two (or more) to a band, side by side (海东's 【事项一】 | 【事项二】, each card its own 事项名称 | … rows, the
    right one shorter than the left): the sheet with each band's cards one under the other, left first, each row
    keeping its number; None when no two columns of labels each name items (one card's two halves, 法定时限 | 承诺时限
    beside each other, name one)."""
    by_row: dict[int, set[int]] = {}  # (the names of a band's cards on one row: 事项名称 | … | 事项名称 | …)
    for (r, c), text in known.items():
        if _names_item(text):
            by_row.setdefault(r, set()).add(c)
    if not any(len(cs) >= 2 for cs in by_row.values()):
        # … or cards named in a heading above their labels (玉溪's 【01】食品生产许可 | 【02】特种设备使用登记, then 职权类别 | … |
        # 职权类别 | …): the same label in two columns on a row, on three rows or more
        same: dict[tuple[int, str], set[int]] = {}
        for (r, c), text in known.items():
            same.setdefault((r, text), set()).add(c)
        twice = {(r, frozenset(cs)) for (r, _), cs in same.items() if len(cs) >= 2}
        if len({r for r, _ in twice}) >= 3:
            for r, cs in twice:
                by_row.setdefault(r, set()).update(cs)
    columns = sorted(set().union(*(cs for cs in by_row.values() if len(cs) >= 2)) & _label_columns(known))
    # (a card's own second column of labels, 事项编码 | … | 权力类型 | …, is inside it: a card starts after a column left
    # blank beside its labels, 北海's cards a gap column apart, 2026-12-06)
    gapped = [c for c in columns if c == columns[0] or all(not sheet.value(r, c - 1).strip() for (r, k) in known if k == c)]
    columns = gapped if len(gapped) >= 2 else columns  # (cards with no column between them: each label column a card's)
    if len(columns) < 2:
        return None
    bounds = [*columns[1:], sheet.ncols]
    starts = [0, *columns[1:]]  # (the first strip from the sheet's first column: a title, a card's heading)
    width = max(b - a for a, b in zip(starts, bounds, strict=True))
    cells: list[list[str]] = []
    numbers: list[int] = []
    band: list[int] = []

    def flush() -> None:
        for a, b in zip(starts, bounds, strict=True):
            rows = [r for r in band if any(v.strip() for v in sheet.cells[r][a:b])]
            for r in rows:
                strip = list(sheet.cells[r][a:b])
                cells.append(strip + [""] * (width - len(strip)))
                numbers.append(sheet.row_number(r))
            if rows:
                cells.append([""] * width)
                numbers.append(sheet.row_number(rows[-1]))
        band.clear()

    for r in range(sheet.nrows):
        if any(v.strip() for v in sheet.cells[r]):
            band.append(r)
        else:
            flush()
    flush()
    return Sheet(sheet.name, cells, row_numbers=tuple(numbers))


def _label_columns(known: dict[tuple[int, int], str]) -> set[int]:
    """The columns labels stand in: those holding known labels on two rows or more (a card's left and right
    halves), else the one column that holds any."""
    count = Counter(c for _, c in known)
    return {c for c, n in count.items() if n >= 2} or set(list(count)[:1]) or {0}


def _key(text: str, mapping: Mapping) -> str:
    """The field a label is for in the mapping the labels fit; a label it does not know keeps its words
    (a kept column, Record.extra)."""
    found: HeaderMatch = match_header([text], mapping)
    return next(iter(found.columns), normalize_header(text))


def _pairs(filled: list[tuple[int, str]], known: dict[tuple[int, int], str], keys: dict[str, str], r: int,
           columns: set[int], open_block: bool) -> list[_Pair]:
    """A row's labels, each with the cells after it up to the next label; cells before the first label (a
    group's heading merged down beside them: 基本信息) are not a value. A short text in a labels' column is a
    label no mapping knows (事项编号 | PZJ-01; 办理时限 in a card's right half) when a value follows it or a
    block is open. None for a row of a table's header (many labels side by side)."""
    out: list[_Pair] = []
    for i, (c, v) in enumerate(filled):
        if (r, c) in known:
            out.append(_Pair(c, keys[known[(r, c)]], v, []))
        elif c in columns and _LABEL_LIKE.match(v) and (out[-1].values if out else i == 0) \
                and (i + 1 < len(filled) or open_block):
            out.append(_Pair(c, normalize_header(v), v, []))
        elif out:
            out[-1].values.append(v)
    if not out or len(filled) > 2 * len(out) + 1 or (len(out) > 1 and not any(p.values for p in out)):
        return []
    return out


# fields a card may write as a small table of their own, a row a stage
_TABLED = ("responsibility_text",)


# the headers of a field's small table: the step, what is done, its basis; and beside them a stage's own time limit and
# accountability (汶川's 责任环节 | 责任内容 | 办理时限 | 追责情形), each kept as a line 「受理：即时」 of its own field
_TABLE_HEADS = {"step": ("环节", "责任环节", "办理环节", "环节名称", "步骤"), "text": ("内容", "责任内容", "具体内容", "工作内容", "责任事项内容"),
                "basis": ("依据", "责任依据", "法律依据", "环节依据"),
                "limit": ("办理时限", "时限", "承诺时限", "法定时限", "完成时限", "承诺办结时限"),
                "accountable": ("追责情形", "责任追究情形", "问责情形", "追责情形及依据")}
# … the field each of those goes to ("": the field its header means, or the header's words kept as an extra field)
_TABLE_BESIDE = {"limit": "", "accountable": "accountability_situations"}
_NOTHING = re.compile(r"^[\s—\-－/／。.]*(?:无|暂无|不涉及)?[。.]?$")


def _table_head(filled: list[tuple[int, str]]) -> dict[str, int] | None:
    """The columns of a field's small table from the row that heads it (责任事项 | 环节 | 内容 | 依据): step and text
    at least, every other cell one of its headers (序号 besides); None for another row (责任事项 | 受理 | 审查)."""
    heads: dict[str, int] = {}
    for c, v in filled[1:]:
        kind = _head_kind(v)
        if kind is None and squeeze(v) not in ("序号", "编号"):
            return None
        if kind:
            heads.setdefault(kind, c)
    return heads if {"step", "text"} <= set(heads) else None


# a card's row of an attribute of the item (办理时限 | 20个工作日), which ends a table of its duties written in the labels' column
_ATTRIBUTE = re.compile(r"时限|期限|收费|费用|地点|电话|网址|窗口|条件|材料|对象|结果|方式")


def _attribute_row(cell: str) -> bool:
    """Whether a row's first cell, in the labels' column, names an attribute of the item, not a stage."""
    return bool(_LABEL_LIKE.match(cell.strip()) and _ATTRIBUTE.search(cell) and not stage_word_pattern().match(squeeze(cell)))


def _stage_line(lines: list[str], heads: dict[str, int], row: dict[int, str]) -> None:
    """A row of a field's small table as a line of the field: 「立案：…（依据：《行政处罚法》第五十四条）」; a row with no
    step of its own goes on with the line above."""
    step, text, basis = (row.get(heads[k], "") if k in heads else "" for k in ("step", "text", "basis"))
    said = text + (f"（依据：{basis}）" if basis else "")
    if step or not lines:
        lines.append(f"{step}：{said}" if step and said else step or said)
    else:
        lines[-1] += "\n" + said


def _head_kind(header: str) -> str | None:
    """Which of a stage table's columns a header heads (step, text, basis, limit, accountable), or None."""
    return next((k for k, words in _TABLE_HEADS.items() if squeeze(header) in words), None)


def _beside_line(values: dict[str, list[str]], heads: dict[str, int], beside: list[tuple[int, str, str]],
                 row: dict[int, str]) -> None:
    """A stage's own time limit or accountability, in a column of its table beside its text (法定时限 | 承诺时限: each its
    own), as a line of its field: 「受理：即时」, 「审查：对不符合法定条件的申请人准予许可的。」 (a dash, none)."""
    step = row.get(heads["step"], "").strip()
    for column, key, _ in beside:
        said = row.get(column, "").strip()
        if said and not _NOTHING.match(said):
            values.setdefault(key, []).append(f"{step}：{said}" if step else said)


def _joined(values: list[str]) -> str:
    """A line's value cells as one text: a short heading and its text as 「heading：text」 (受理环节 | 公示…)."""
    if len(values) == 2 and len(values[0]) <= 10 and not values[0].endswith(("：", ":", "。", "；")):
        return f"{values[0]}：{values[1]}"
    return "\n".join(values)


def _table(sheet: Sheet, header: dict[str, str], blocks: list[_Block], loose: list[tuple[int, str]]) -> Sheet:
    """Rows above the first block (titles), the header, then blocks and loose rows in the sheet's order. The
    loose rows keep their text in a first column of no header (a block's number 【3】, a note, a footer): no
    field of a record, so that none is read as one."""
    fields = list(header)
    first = min(b.row for b in blocks)
    rows: list[tuple[int, list[str]]] = [(r, [text] + [""] * len(fields)) for r, text in loose if r < first]
    rows.append((first, [""] + [header[f] for f in fields]))
    body = [(b.row, [""] + ["\n".join(b.values.get(f, [])) for f in fields]) for b in blocks]
    body += [(r, [text] + [""] * len(fields)) for r, text in loose if r > first]
    rows += sorted(body, key=lambda row: row[0])
    return Sheet(sheet.name, [cells for _, cells in rows], row_numbers=tuple(sheet.row_number(r) for r, _ in rows),
                 column_names=("", *(header[f] for f in fields)))


def turn_table(sheet: Sheet) -> Sheet | None:
    """A table turned on its side, a record a column (扎鲁特旗: 项目 | 事项1 | 事项2 …, then 编号 | …, 权力名称 | …,
    权力类型 | … down the first column), as the table it stands for: the labels its header, each column of values
    a row, numbered by its column (1 for A) so that a report points at it. Rows above the labels are its titles;
    a row with no label of its own goes on with the label above it (merged down). None when the sheet is not
    one (no row of item names with two values or more beside its label)."""
    known = _labels(sheet)
    match = best_match(list(dict.fromkeys(known.values())))
    if match is None:
        return None
    column = Counter(c for _, c in known).most_common(1)[0][0]
    keys = {text: _key(text, match.mapping) for text in set(known.values())}
    subs = _sub_labels(sheet, column, known, keys)
    first = column + 2 if subs else column + 1  # the first column of records
    fields: list[tuple[int, str]] = []  # (row, label) of each field, in order
    lines: dict[int, list[int]] = {}  # a field's row -> its rows (itself and those running on below it)
    for r, row in enumerate(sheet.cells):
        label = sheet.value(r, column).strip()
        values = any(v.strip() for v in row[column + 1:])
        numbering = values and all(_NUMBERING.match(squeeze(v)) for v in row[column + 1:] if v.strip())
        if numbering:
            continue  # 项目 | 事项1 | 事项2 …: the columns numbered, no field
        if not fields and sum(1 for v in row[column + 1:] if v.strip()) == 1 and (
                (r, column) not in known or any(keys[t] == keys[known[(r, column)]] for (k, c), t in known.items()
                                                if c == column and k > r)):
            # 永嘉's 项目 | 事项内容 over the columns of records (two or more, or no table), 项目 a field only a 事项名称 below
            # gives again: a heading, no field (a 权力编码 with the first record's code alone is one)
            continue
        group = sheet.value(r, column - 1).strip() if column else ""
        if not label and group and fields and (r, column - 1) in known:
            label = group  # 吕梁: 基本信息 | 权力编码 … down two columns, then 追责情形 a field of its own in the first
            known[(r, column)] = group
        if (r, column) in known or (label and values and (_LABEL_LIKE.match(label) or _NOTED_LABEL.match(label))
                                    and fields):
            fields.append((r, label))
            lines[r] = [r]
        elif not label and values and fields and (sheet.anchor(r, column) is not None or r in subs):
            lines[fields[-1][0]].append(r)
    names = [r for r, label in fields if (r, column) in known and keys[known[(r, column)]] == "item_name"]
    if not names or sum(1 for v in sheet.cells[names[0]][column + 1:] if v.strip()) < 2:
        return None
    parts = _continued_parts(fields, names, lines)
    # each label as often as the first part has it (two 备注 rows are two columns); a label only a later part has, after
    slots = _slots(parts[0])
    for part in parts[1:]:
        slots += [s for s in _slots(part) if s not in slots]
    labels = [label for label, _ in slots]
    width = max(len(sheet.cells[r]) for r, _ in fields)
    top = fields[0][0]
    titles = [(r, " ".join(v.strip() for v in sheet.cells[r] if v.strip())) for r in range(top)]
    titles = [(r, t) for r, t in titles if t]
    grid = [[t] + [""] * (len(labels) - 1) for _, t in titles] + [labels]
    numbers = [sheet.row_number(r) for r, _ in titles] + [sheet.row_number(top)]
    for part in parts:
        at = dict(zip(_slots(part), (r for r, _ in part), strict=True))
        for c in range(first, width):
            record = ["\n".join(f"{subs[k]}：{v}" if k in subs else v for k in lines[at[slot]]
                                if (v := sheet.value(k, c).strip())) if slot in at else "" for slot in slots]
            if any(record):
                grid.append(record)
                numbers.append(c + 1)
    return Sheet(sheet.name, grid, row_numbers=tuple(numbers), column_names=tuple(labels))


def _sub_labels(sheet: Sheet, column: int, known: dict[tuple[int, int], str], keys: dict[str, str]) -> dict[int, str]:
    """A second column of labels beside the first, splitting a field down its rows (郑州's 责任事项 over 受理（立案） | 审查（调查）
    | … | 其他, each a stage's row, the records from the third column on): row -> its label; {} when the column beside the
    labels is a record's (its item's name there) or holds anything but two short labels or more."""
    sub = column + 1
    names = [r for (r, c), t in known.items() if c == column and keys[t] == "item_name"]
    if not names or any(sheet.value(r, sub).strip() for r in names):
        return {}
    found = {r: squeeze(v) for r in range(sheet.nrows) if (v := sheet.value(r, sub)).strip()}
    if len(found) < 2 or not all(len(v) <= 10 and (_LABEL_LIKE.match(v) or _NOTED_LABEL.match(v)) for v in found.values()) \
            or not any(not sheet.value(r, column).strip() for r in found):
        return {}
    return {r: re.sub(r"[/／]", "、", v) for r, v in found.items()}  # (执行／监管: two steps' names, as 「执行、监管：」 heads a line)


def _slots(part: list[tuple[int, str]]) -> list[tuple[str, int]]:
    """Each field of a part as (its label, how many rows above it in the part have the same label)."""
    return [(label, sum(1 for _, seen in part[:i] if seen == label)) for i, (_, label) in enumerate(part)]


def _continued_parts(fields: list[tuple[int, str]], names: list[int],
                     lines: dict[int, list[int]]) -> list[list[tuple[int, str]]]:
    """The parts of a table on its side that goes on below itself (石柱: （续上表）, then the labels again from the first,
    items 5–8 in the same columns): a part starts where the first two labels come again after a row that is no field
    (a blank, （续上表）, the columns' numbers) and it names its items; a label repeated inside one part (a second 备注,
    权力类型 again below 责任事项, 事项名称 of the 主项 and then of the 子项) is that part's own row."""
    head = [label for _, label in fields[:2]]
    starts = [i for i in range(1, len(fields)) if [label for _, label in fields[i:i + 2]] == head
              and fields[i][0] > max(lines[fields[i - 1][0]]) + 1]
    parts, last = [], 0
    for i in [*starts, len(fields)]:
        part = fields[last:i]
        if parts and not any(r in names for r, _ in part):
            parts[-1] += part  # (no item named in it: not a part of its own)
        elif part:
            parts.append(part)
        last = i
    return parts


# a cell's line 「权力类型：行政许可」: a label some mapping knows, a colon, its value
_KV_LINE = re.compile(r"^\s*(?P<label>[^：:\n]{2,12}?)\s*[：:]\s*(?P<value>.*)$")


def cell_records(sheet: Sheet) -> Sheet | None:
    """A list written a record a cell (榆林's 序号 | 事项信息, each cell 「事项名称：…\n子项：…\n权力类型：…\n…」), as the table it
    stands for: the labels its header, in the order they first appear, each cell a row (a line with no label of its own
    goes on with the label above it), numbered by its row. None when no column holds two such cells naming an item."""
    for c in range(sheet.ncols):
        parsed = [(r, pairs) for r in range(sheet.nrows) if (pairs := _labelled_lines(sheet.value(r, c)))]
        named = [pairs[k] for _, pairs in parsed for k in pairs if _names_item(k)]
        # (every cell naming its item, and no cell telling how to fill a list in: 「事项名称：填写事项的名称」)
        if len(parsed) >= 2 and len(named) == len(parsed) and not any(_INSTRUCTION.match(n) for n in named):
            labels = list(dict.fromkeys(k for _, pairs in parsed for k in pairs))
            return _as_table(sheet, parsed[0][0], labels, parsed, lambda t: not known_header(t.split(" ")[0]))
    return None


def _as_table(sheet: Sheet, top: int, labels: list[str], records: list[tuple[int, dict[str, str]]],
              title: Callable[[str], bool] = bool) -> Sheet:
    """The table records of labelled fields stand for: the filled rows above `top` its titles (those `title` keeps), the
    labels its header (numbered as row `top`), each record a row of its fields, numbered by its first row."""
    titles = [(r, " ".join(v.strip() for v in sheet.cells[r] if v.strip())) for r in range(top)]
    titles = [(r, t) for r, t in titles if t and title(t)]
    rows = [[t] + [""] * (len(labels) - 1) for _, t in titles] + [labels]
    rows += [[fields.get(k, "") for k in labels] for _, fields in records]
    numbers = [sheet.row_number(r) for r, _ in titles] + [sheet.row_number(top)] + [sheet.row_number(r) for r, _ in records]
    return Sheet(sheet.name, rows, row_numbers=tuple(numbers), column_names=tuple(labels))


# a list exported a field a row (会宁: 事项编号 | 字段序号 | 字段名称 | 字段内容): the columns naming the field and holding
# its value, and the record's own key
# (or their pinyin initials, as 九龙坡's export heads them: SXBM | PX | ZDMC | ZDZ, 事项编码 | 排序 | 字段名称 | 字段值)
_FIELD_NAME = re.compile(r"^(?:字段|属性|要素|数据项|信息项|指标)(?:名称|名)?$|^(?:field|attr(?:ibute)?)_?(?:name)?$|^ZD_?MC$",
                         re.IGNORECASE)
_FIELD_VALUE = re.compile(r"^(?:字段|属性|要素|数据项|信息项|指标)?(?:内容|值|取值|数值)$|^(?:field_?)?value$|^ZD_?(?:Z|NR)$",
                          re.IGNORECASE)
_RECORD_KEY = re.compile(r"^(?:事项|权力|记录|清单)?(?:编号|编码|代码|ID|序号)$|^(?:record|item)_?(?:id|no|code)$"
                         r"|^(?:SX|QL)_?(?:BM|BH|ID)$", re.IGNORECASE)


def long_records(sheet: Sheet) -> Sheet | None:
    """A list exported a field a row (会宁: 事项编号 | 字段序号 | 字段名称 | 字段内容, each record's rows one after another),
    as the table it stands for: the field names its header, in the order they first appear, each record a row (a field
    given twice, its values one below the other), numbered by its first row. Its key (事项编号) is a column too, unless a
    field holds it. None when the sheet is not one (no such header, or fewer than two records naming their items)."""
    for h in range(min(sheet.nrows, 10)):
        heads = [v.strip() for v in sheet.cells[h]]
        name = next((c for c, v in enumerate(heads) if _FIELD_NAME.match(v)), None)
        value = next((c for c, v in enumerate(heads) if _FIELD_VALUE.match(v) and c != name), None)
        if name is None or value is None:
            continue
        key = next((c for c, v in enumerate(heads) if _RECORD_KEY.match(v) and c not in (name, value)
                    and "序号" not in v), None)  # (字段序号 numbers the fields, not the records)
        records: list[tuple[int, dict[str, str]]] = []
        last_key = None
        for r in range(h + 1, sheet.nrows):
            label, text = sheet.value(r, name).strip(), sheet.value(r, value).strip()
            if not label:
                continue
            k = sheet.value(r, key).strip() if key is not None else None
            # a new record: another key, or (no key column) a field the record has already had that opens records
            if not records or (k != last_key if key is not None else label in records[-1][1] and _names_item(label)):
                records.append((r, {heads[key]: k} if key is not None else {}))
                last_key = k
            fields = records[-1][1]
            fields[label] = f"{fields[label]}\n{text}" if fields.get(label) else text
        labels = list(dict.fromkeys(label for _, fields in records for label in fields))
        if sum(1 for _, fields in records if any(_names_item(k) and v for k, v in fields.items())) < 2 \
                or best_match(labels) is None:
            return None
        return _as_table(sheet, h, labels, records)
    return None


# a list written a line a part of its items (原平's 编号 | 条目类别 | 内容 | 权力类型 | 备注: 「01 | 事项 | 取水许可 | 行政许可」, then
# 「01-1 | 子项 | 取水许可（新办）」, 「01-Y | 依据 | …」, 「01-Z1 | 责任 | 受理：…」, 「01-W | 追责 | …」): the column saying what
# each line is, the one holding it, and the short words the first uses, as the headers they stand for
_PART_KIND = re.compile(r"^(?:条目|行|内容|信息|要素|记录|栏目)(?:类别|类型|种类|性质)$")
_PART_TEXT = re.compile(r"^(?:内容|条目内容|具体内容|信息内容|文字内容|文本)$")
_PART_WORDS = {"事项": "事项名称", "主项": "事项名称", "权力事项": "事项名称", "子项": "子项名称", "依据": "实施依据",
               "责任": "责任事项", "职责": "责任事项", "追责": "追责情形", "问责": "追责情形", "备注": "备注", "编码": "权力编码",
               "类型": "权力类型"}


def outline_records(sheet: Sheet) -> Sheet | None:
    """A list written a line a part of its items (原平: 编号 | 条目类别 | 内容 …, each line's kind 事项, 子项, 依据, 责任 or 追责),
    as the table it stands for: a row an item (a row a sub-item, each with its item's parts, where it has them), its parts
    joined a line each under their headers, the other columns of its item's line (权力类型, 备注) its own. None when no
    column says what its lines are, or fewer than two lines name an item."""
    for h in range(min(sheet.nrows, 10)):
        heads = [normalize_header(v) for v in sheet.cells[h]]
        kind = next((c for c, v in enumerate(heads) if _PART_KIND.match(v)), None)
        text = next((c for c, v in enumerate(heads) if _PART_TEXT.match(v) and c != kind), None)
        if kind is None or text is None:
            continue
        others = {c: sheet.cells[h][c].strip() for c, v in enumerate(heads) if v and c not in (kind, text)}
        lines = [(r, sheet.value(r, kind).strip(), sheet.value(r, text).strip()) for r in range(h + 1, sheet.nrows)]
        lines = [(r, _PART_WORDS.get(k) or (k if known_header(k) else ""), k, t) for r, k, t in lines if k]
        items = [line for line in lines if line[1] and _names_item(line[1]) and line[1] != "子项名称"]
        if len(items) < 2 or 5 * sum(1 for line in lines if line[1]) < 4 * len(lines) \
                or len({line[1] for line in lines}) < 3:
            return None
        records: list[tuple[int, dict[str, str], list[tuple[int, dict[str, str]]]]] = []  # (row, fields, sub-items)
        for r, label, _, value in lines:
            own = {head: v for c, head in others.items() if (v := sheet.value(r, c).strip())}
            if label == items[0][1]:
                records.append((r, {label: value, **own}, []))
            elif not records or not label:
                continue  # (a line above the first item, or of a kind no header stands for)
            elif label == "子项名称":
                records[-1][2].append((r, {label: value, **own}))
            else:
                # (a part after a sub-item's line is that sub-item's own where its item's sub-items each have parts of
                # their own, a part between two of them; 原平's, all three before the parts, share them: below)
                fields = records[-1][2][-1][1] if records[-1][2] else records[-1][1]
                fields[label] = f"{fields[label]}\n{value}" if fields.get(label) else value
        rows = [(sub_r, {**fields, **sub}) for r, fields, subs in (_shared_parts(rec) for rec in records)
                for sub_r, sub in (subs or [(r, {})])]
        labels = list(dict.fromkeys(label for _, fields in rows for label in fields))
        if best_match(labels) is None:
            return None
        return _as_table(sheet, h, labels, rows)
    return None


def _row_match(cells: list[str]) -> HeaderMatch | None:
    """A row read as a header by the mapping that knows most of its cells, every filled cell a header some mapping knows
    (a table of stages needs no item's name to fit: the columns are what counts); None otherwise."""
    if sum(1 for v in cells if v.strip()) < 2 or not all(known_header(v.strip()) for v in cells if v.strip()):
        return None
    return max((match_header([v.strip() for v in cells], m) for m in load_mappings()), key=lambda m: len(m.columns))


# the most rows a sheet of one item in two tables has (its title, its row, a few labelled rows, a row a stage)
_ONE_ITEM_ROWS = 80


def item_and_stage_tables(sheet: Sheet) -> Sheet | None:
    """A sheet of one item written as two tables (湘乡: 事项编码 | 事项名称 | 权力类型 | 实施主体 | 备注 over the item's row,
    「实施依据 | …」 below it, then 序号 | 责任环节 | 责任事项 | 追责情形 | 责任股室 over a row a stage), as a table of one row:
    the item's header, its labelled rows' labels and the stage table's other columns side by side; its duties a line a stage
    (「受理：…」), its accountability too (「受理：…」 where a stage gives its own), its other columns' values once each. None
    for another sheet: no second header naming a stage and its duties, or more than one item's row above it."""
    if sheet.nrows > _ONE_ITEM_ROWS:
        return None  # (a list of many items: not looked at row by row for a second header, 43 µs a row)
    rows = [(r, [v.strip() for v in sheet.cells[r]]) for r in range(sheet.nrows) if any(v.strip() for v in sheet.cells[r])]
    heads = [(k, r, m) for k, (r, cells) in enumerate(rows) if (m := _row_match(cells)) is not None]
    if len(heads) != 2:
        return None
    (k1, h1, first), (k2, _, second) = heads
    if "item_name" not in first.columns or not {"stage", "responsibility_text"} <= set(second.columns) \
            or "item_name" in second.columns or k2 < k1 + 2 or k2 == len(rows) - 1:
        return None
    item = rows[k1 + 1][1]
    if not item[first.columns["item_name"]] or known_header(next(v for v in item if v)):
        return None
    labelled: dict[str, str] = {}
    for _, cells in rows[k1 + 2:k2]:  # 「实施依据 | …」: a label, its value (the row's other cells)
        filled = [v for v in cells if v]
        if not known_header(filled[0]) or len(filled) < 2:
            return None  # (a second item's row: a list of items, not one)
        labelled[filled[0]] = "\n".join(filled[1:])
    stage, text = second.columns["stage"], second.columns["responsibility_text"]
    blamed = second.columns.get("accountability_situations")
    steps = [cells for _, cells in rows[k2 + 1:]]
    others = [c for c, v in enumerate(rows[k2][1]) if v and c not in (stage, second.columns.get("seq"))]
    values = []
    for c in others:
        given = [s for s in steps if s[c]]
        if c == text or (c == blamed and len(given) > 1):  # a line a stage (a 追责情形 merged down them all: the item's)
            values.append("\n".join(f"{s[stage]}：{s[c]}" if s[stage] else s[c] for s in given))
        else:  # (each value once: the 责任股室 of its stages, 许可科、监管科)
            once = list(dict.fromkeys(s[c] for s in given))
            values.append(("、" if all(len(v) <= 20 for v in once) else "\n").join(once))
    top = [c for c, v in enumerate(sheet.cells[h1]) if v.strip()]
    header = [sheet.cells[h1][c].strip() for c in top] + list(labelled) + [rows[k2][1][c] for c in others]
    titles = [(r, " ".join(v for v in cells if v)) for r, cells in rows[:k1]]
    out = [[t] + [""] * (len(header) - 1) for _, t in titles] + [header]
    out.append([item[c] for c in top] + list(labelled.values()) + values)
    numbers = [sheet.row_number(r) for r, _ in titles] + [sheet.row_number(h1), sheet.row_number(rows[k1 + 1][0])]
    return Sheet(sheet.name, out, row_numbers=tuple(numbers), column_names=tuple(header))


# a title line above a document's first item (its list's name, 「（2024年版）」), not its opening paragraph
_DOCUMENT_TITLE = 40


def document_records(sheet: Sheet) -> Sheet | None:
    """A list written as a document down one column (拓东: 「一、行政确认（1项）」 a type's section, 「（一）最低生活保障申请受理及
    审核」 an item, then its parts a line each, 「事项编码：…」, 「实施依据：…」, 「责任事项：」 with its numbered lines below it,
    「追责情形：…」, 「承办机构：…」), as the table it stands for: a row an item, numbered by its heading's row, its section's
    type its 权力类型 (where no part of its own gives one), its parts under their labels (a line with no label of its own goes
    on with the part above it, up to a blank line). An item's heading is a numbered line with no colon whose next filled line
    is a part a mapping knows. None when the sheet holds text in more than one column, or fewer than two items."""
    filled = [(r, [c for c, v in enumerate(row) if v.strip()]) for r, row in enumerate(sheet.cells)]
    columns = {tuple(cs) for _, cs in filled if cs}
    if len(columns) != 1 or len(next(iter(columns))) != 1:
        return None
    c = next(iter(columns))[0]
    lines = [sheet.value(r, c).strip() for r in range(sheet.nrows)]

    def part(line: str) -> tuple[str, str] | None:
        m = _KV_LINE.match(line)
        return (m.group("label").strip(), m.group("value").strip()) if m and known_header(m.group("label").strip()) else None

    following = {r: next((lines[n] for n in range(r + 1, len(lines)) if lines[n]), "") for r in range(len(lines))}
    records: list[tuple[int, dict[str, str]]] = []
    kind = ""
    label: str | None = None
    style: str | None = None  # how the items are numbered (（一）, 1.), once the first is found
    expected = 1  # the number the next item's heading takes (from 1 again in each type's section)
    for r, line in enumerate(lines):
        if not line:
            label = None  # (a blank line ends a part: the list's closing lines are none of its last item's)
            continue
        if (typed := _typed_heading(line)) is not None and not part(line):
            kind, label, expected = typed, None, 1
            continue
        numbered = _ITEM_NUMBER.match(line)
        own = numbered and (style is None or _item_style(numbered) == style) and _item_number(numbered) in (expected, 1)
        # (inside an open part, a numbered line is one of its lines — 「1.《…条例》」 under 实施依据, 「3.审核结果公示并上报。」 under
        # 责任事项 — unless it takes the items' numbering on: the next item's number, in the items' style)
        if own and not re.search(r"[：:]", line) and part(following[r]) \
                and (label is None or (style is not None and _item_number(numbered) == expected)):
            style, expected = _item_style(numbered), _item_number(numbered) + 1
            records.append((r, {"事项名称": squeeze(numbered.group("name")), **({"权力类型": kind} if kind else {})}))
            label = None
        elif records and (kv := part(line)) is not None:
            label, value = kv
            fields = records[-1][1]
            fields[label] = f"{fields[label]}\n{value}" if fields.get(label) and label not in ("事项名称", "权力类型") else value
        elif records and label is not None:
            fields = records[-1][1]
            fields[label] = f"{fields[label]}\n{line}" if fields[label] else line
    # (not a sheet telling how to fill a list in: 「事项名称：填写权力事项的规范名称。」)
    if len(records) < 2 or any(_INSTRUCTION.match(v) for _, fields in records for v in fields.values()):
        return None
    labels = list(dict.fromkeys(k for _, fields in records for k in fields))
    if best_match(labels) is None:
        return None
    return _as_table(sheet, records[0][0], labels, records, lambda t: len(t) <= _DOCUMENT_TITLE and _typed_heading(t) is None)


# a document's item heading and how it is numbered: 「（一）…」, 「一、…」, 「1.…」
_ITEM_NUMBER = re.compile(r"^\s*(?:[（(](?P<bracket>[一二三四五六七八九十百]+|\d{1,3})[)）]|(?P<chinese>[一二三四五六七八九十百]+)、"
                          r"|(?P<digit>\d{1,3})[、.．](?!\d))\s*(?P<name>\S.{1,300})$", re.DOTALL)


def _item_style(m: re.Match) -> str:
    """How a document's item heading is numbered (_ITEM_NUMBER): bracket, chinese or digit."""
    return next(key for key in ("bracket", "chinese", "digit") if m.group(key))


def _item_number(m: re.Match) -> int:
    """The number of a document's item heading (_ITEM_NUMBER)."""
    raw = m.group(_item_style(m))
    return int(raw) if raw.isdigit() else chinese_to_int(raw)


def _shared_parts(record: tuple[int, dict[str, str], list[tuple[int, dict[str, str]]]]
                  ) -> tuple[int, dict[str, str], list[tuple[int, dict[str, str]]]]:
    """An outline's item whose sub-items' lines all come before its parts (原平's 01-1, 01-2, 01-3, then 01-Y, 01-Z1 …): the
    parts, read as the last sub-item's, are the item's, every sub-item's; where a part stands between two sub-items'
    lines, each sub-item keeps its own, the item's before the first theirs too."""
    r, fields, subs = record
    if not subs:
        return record
    if all(set(sub) <= {"子项名称", *fields} for _, sub in subs[:-1]):
        *before, (last_r, last) = subs
        name = {"子项名称": last["子项名称"]}
        parts = {k: v for k, v in last.items() if k != "子项名称"}
        return r, {**fields, **parts}, [*before, (last_r, name)]
    return r, fields, subs


def _labelled_lines(text: str) -> dict[str, str]:
    """A cell's 「label：value」 lines (label → value, a line with no label going on with the one above); {} unless three
    or more of its labels are headers some mapping knows."""
    out: dict[str, str] = {}
    last = None
    for line in (text or "").splitlines():
        m = _KV_LINE.match(line)
        label = m.group("label").strip() if m else ""
        if m and (known_header(label) or (last and _OWN_LABEL.fullmatch(label) and not stage_word_pattern().match(label)
                                                 and not label.startswith(PHASES))):
            last = label  # (a label no mapping knows, 处罚种类：罚款, its own field: kept, not a line of the one above)
            out[last] = m.group("value").strip()
        elif last and line.strip():
            out[last] += "\n" + line.strip()
    known = sum(1 for k in out if known_header(k))
    return out if known >= 3 or (known >= 2 and any(_names_item(k) for k in out)) else {}


# a label no mapping knows (处罚种类), when it names no step or phase of the duties (受理：…, 事中：… are lines of the
# field above)
_OWN_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _match_of(pairs: dict[str, str]) -> Mapping | None:
    found = best_match(list(pairs))
    return found.mapping if found else None
