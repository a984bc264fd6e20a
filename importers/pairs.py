"""Stages written in pairs of columns across a row: 清河街道's 责任环节一 | 责任环节二 | … over 环节 | 内容 | 环节 | 内容 | …,
a record with more stages than pairs going on in the row below, its item cells blank; or numbered in one header row
(聊城's 环节名称1 | 环节内容1 | 环节名称2 | 环节内容2 | …).

The sheet is read as the list it stands for, a row a stage (办理环节 | 责任事项内容, as `standard` reads them): each pair
with something in it a row of its own, the record's other cells on its first, the rows after it continuing the record.
Nothing changes in a sheet without such a header.
"""

from __future__ import annotations

import re

from importers.mapping import HEADER_NUMBER
from importers.workbook import Sheet
from kb.model import squeeze

_STAGE_WORDS = ("环节", "责任环节", "办理环节", "环节名称", "流程环节")
_CONTENT_WORDS = ("内容", "具体内容", "工作内容", "责任内容", "环节内容", "责任事项", "具体责任")
_ROWS_SCANNED = 12


def _pairs_at(sheet: Sheet, r: int) -> list[int]:
    """The first columns of the pairs that row r+1 heads 环节 | 内容 under row r's groups (责任环节一 | "" …), or []."""
    if r + 1 >= sheet.nrows:
        return []
    sub = sheet.cells[r + 1]
    starts = [c for c in range(len(sub) - 1)
              if squeeze(sub[c]) in _STAGE_WORDS and squeeze(sub[c + 1]) in _CONTENT_WORDS
              and sheet.value(r, c).strip() and not sheet.value(r, c + 1).strip()]
    # (two pairs or more, each under a group of its own: 责任环节一 | 责任环节二, not one 责任事项 over 环节 | 内容)
    # (全州's 责任环节及内容（一） | … （七）: the number in brackets)
    return starts if len(starts) >= 2 and len({re.sub(rf"{HEADER_NUMBER}$", "", squeeze(sheet.value(r, c)))
                                              for c in starts}) == 1 else []


# … or numbered in one header row (聊城's 环节名称1 | 环节内容1 | 环节名称2 | 环节内容2 | …)
_NUMBER = rf"\s*{HEADER_NUMBER}"
_NUMBERED_STAGE = re.compile(rf"(?:{'|'.join(_STAGE_WORDS)}){_NUMBER}")
_NUMBERED_CONTENT = re.compile(rf"(?:{'|'.join(_CONTENT_WORDS)}){_NUMBER}")


def _numbered_pairs_at(sheet: Sheet, r: int) -> list[int]:
    """The first columns of the pairs row r heads 环节名称N | 环节内容N (two or more, the same N in each pair), or []."""
    row = [squeeze(v) for v in sheet.cells[r]]
    starts = [c for c in range(len(row) - 1)
              if (a := _NUMBERED_STAGE.fullmatch(row[c])) and (b := _NUMBERED_CONTENT.fullmatch(row[c + 1]))
              and a.group(1) == b.group(1)]
    return starts if len(starts) >= 2 else []


def unpaired(sheet: Sheet) -> Sheet | None:
    """The sheet with its pairs of stage columns read a row a stage, or None when it has none."""
    for r in range(min(_ROWS_SCANNED, sheet.nrows - 1)):
        starts, header_rows = _pairs_at(sheet, r), 2
        if not starts:
            starts, header_rows = _numbered_pairs_at(sheet, r), 1
        if starts:
            break
    else:
        return None
    paired = {c for s in starts for c in (s, s + 1)}
    width = sheet.ncols
    others = [c for c in range(width) if c not in paired]
    at = sum(1 for c in others if c < starts[0])  # where the two columns stand: the first pair's place

    def row_of(cells: list[str], stage: str, content: str) -> list[str]:
        kept = [cells[c] if c < len(cells) else "" for c in others]
        return kept[:at] + [stage, content] + kept[at:]

    out: list[list[str]] = []
    numbers: list[int] = []
    for k in range(sheet.nrows):
        cells = sheet.cells[k]
        if k == r + 1 and header_rows == 2:
            continue  # the pairs' own header, 环节 | 内容 …
        if k == r:
            out.append(row_of(cells, "办理环节", "责任事项内容"))
            numbers.append(sheet.row_number(k))
            continue
        if k < r:
            out.append(row_of(cells, "", ""))
            numbers.append(sheet.row_number(k))
            continue
        filled = [(cells[s] if s < len(cells) else "", cells[s + 1] if s + 1 < len(cells) else "") for s in starts]
        filled = [(a, b) for a, b in filled if a.strip() or b.strip()]
        for i, (stage, content) in enumerate(filled or [("", "")]):
            out.append(row_of(cells if i == 0 else [], stage, content))
            numbers.append(sheet.row_number(k))
    return Sheet(sheet.name, out, row_numbers=tuple(numbers))
