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
from dataclasses import dataclass, field

from importers.mapping import HeaderMatch, Mapping, best_match, load_mappings, match_header, normalize_header
from importers.workbook import Sheet

_LABEL_CHARS = 30  # a label is a header's words: longer text is a value
# the fields that open a new block when met again (a field's text continued under a second 责任事项 label
# stays the block's)
_OPENING = ("seq", "code", "item_name", "type")
# a label no mapping knows: a few words, no sentence (事项编号, 办理时限, 监督电话)
_LABEL_LIKE = re.compile(r"^[^\s，,。；;：:、（）()\d]{2,10}[:：]?$")


@dataclass
class _Block:
    row: int  # 0-based row of its first line
    values: dict[str, list[str]] = field(default_factory=dict)  # field -> its lines
    lines: list[tuple[int, str]] = field(default_factory=list)  # (row, the row's text): kept for a block undone
    gap: bool = False  # a blank row since its last line


def unfold_blocks(sheet: Sheet) -> Sheet | None:
    """The table a sheet of field | value blocks stands for; None when the sheet is not one (no block naming an
    item, or labels that fit no mapping)."""
    known = _labels(sheet)
    match = best_match(list(dict.fromkeys(known.values())))
    if match is None:
        return None
    keys = {text: _key(text, match.mapping) for text in set(known.values())}
    column = _label_column(sheet, known)
    labels: dict[str, str] = {}  # field -> the label it is shown under (its first)
    blocks: list[_Block] = []
    loose: list[tuple[int, str]] = []  # (row, text) of rows in no block: titles, section rows, notes
    block: _Block | None = None
    last: str | None = None
    for r in range(sheet.nrows):
        filled = [(c, v.strip()) for c, v in enumerate(sheet.cells[r]) if v.strip()]
        if not filled:
            if block is not None:
                block.gap = True
            continue
        pairs = _pairs(filled, known, keys, r, column)
        text = " | ".join(v for _, v in filled)
        if not pairs:
            if block is not None and last is not None and filled[0][0] > column and not block.gap:
                block.values[last].append(_joined([v for _, v in filled]))  # the field's text runs on
                block.lines.append((r, text))
            else:
                loose.append((r, text))
                block, last = None, None
            continue
        for key, label, value in pairs:
            # a block ends where a field that opens one comes again, or after a blank row once it names its item
            if block is None or (key in block.values and key in _OPENING) or (block.gap and _named(block)):
                block = _Block(r)
                blocks.append(block)
            block.gap = False
            labels.setdefault(key, label)
            block.values.setdefault(key, [])
            if value:
                block.values[key].append(value)
            last = key
        block.lines.append((r, text))
    named = [b for b in blocks if _named(b)]
    fields = set(keys.values())
    # one block is a list of one item only when it names four known fields (事项名称, 类型, 依据, 责任事项 …)
    if not named or len(named) == 1 and len(fields & set(named[0].values)) < 4:
        return None
    loose += [line for b in blocks if not _named(b) for line in b.lines]  # a footer: 坡子街街道办事处 | 2022年8月
    return _table(sheet, {k: labels[k] for k in labels if any(k in b.values for b in named)}, named, loose)


def _named(block: _Block) -> bool:
    return bool(block.values.get("item_name") or block.values.get("sub_item_name"))


def _labels(sheet: Sheet) -> dict[tuple[int, int], str]:
    """(row, column) -> text of every short cell some mapping takes for a header."""
    out: dict[tuple[int, int], str] = {}
    mappings = load_mappings()
    for r, row in enumerate(sheet.cells):
        for c, v in enumerate(row):
            text = v.strip()
            if text and len(text) <= _LABEL_CHARS and any(match_header([text], m).columns for m in mappings):
                out[(r, c)] = text
    return out


def _label_column(sheet: Sheet, known: dict[tuple[int, int], str]) -> int:
    """The column most known labels open their row in."""
    first = Counter(c for (r, c) in known if not any(v.strip() for v in sheet.cells[r][:c]))
    return first.most_common(1)[0][0] if first else 0


def _key(text: str, mapping: Mapping) -> str:
    """The field a label is for in the mapping the labels fit; a label it does not know keeps its words
    (a kept column, Record.extra)."""
    found: HeaderMatch = match_header([text], mapping)
    return next(iter(found.columns), normalize_header(text))


def _pairs(filled: list[tuple[int, str]], known: dict[tuple[int, int], str], keys: dict[str, str], r: int,
           column: int) -> list[tuple[str, str, str]]:
    """A row's (field, label, value) pairs: each label with the cells after it up to the next label; cells
    before the first label (a group's heading merged down beside them: 基本信息) are not a value. A short
    text in the labels' column with a value beside it is a label no mapping knows (事项编号 | PZJ-01)."""
    out: list[tuple[str, str, list[str]]] = []
    for i, (c, v) in enumerate(filled):
        if (r, c) in known:
            out.append((keys[known[(r, c)]], v, []))
        elif not out and i == 0 and c == column and len(filled) > 1 and _LABEL_LIKE.match(v):
            out.append((normalize_header(v), v, []))
        elif out:
            out[-1][2].append(v)
    if not out or len(filled) > 2 * len(out) + 1:
        return []  # a row of a table's header (many labels side by side) is not a block's line
    return [(key, label, _joined(values)) for key, label, values in out]


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
