"""A table's legend: a line above or below it that gives the meaning of the marks and codes its cells use.

唐山's street office heads its stage columns ① … ⑦ and writes its types as codes, with the key in lines over the header:
「权力类型代码：CF—行政处罚  JC—行政检查 …」, 「责任环节：①受理（立案）②审查（调查）…⑦其他；“○”表示该环节不适用」. The table is read
as the one the legend stands for: each mark or code that is a whole cell replaced by its meaning, and a cell the legend
says means 「不适用」 left blank. Nothing changes in a sheet without such a line, or in a cell that is more than a mark.
"""

from __future__ import annotations

import dataclasses
import re

from importers.workbook import Sheet
from kb.model import power_type, squeeze

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# ①受理（立案）②审查（调查）③告知 …: a mark, then its meaning up to the next mark or the end of the clause
_MARK = re.compile(rf"([{_CIRCLED}])\s*([^{_CIRCLED}；;。，,\s]{{1,16}})")
# CF—行政处罚  JC—行政检查 / CF=行政处罚 / CF：行政处罚: a code of capitals, a dash, an equals sign or a colon, its meaning
_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{1,4})\s*[—–\-－=＝：:]\s*([\u4e00-\u9fff（）()]{2,12})")
# “○”表示该环节不适用 / 「/」为不涉及
_BLANK = re.compile(r"[“\"「『‘']([^”\"」』’']{1,2})[”\"」』’']\s*(?:表示|代表|为|即)[^，,。；;]{0,10}(?:不适用|不涉及|无此|无)")
_LINES_SCANNED = 12  # the legend is a title's neighbour, or a footnote's: the first and the last rows


@dataclasses.dataclass
class Legend:
    marks: dict[str, str]  # ① -> 受理（立案）
    codes: dict[str, str]  # CF -> 行政处罚
    blanks: set[str]  # ○
    rows: set[int]  # the legend's own rows (left as they are)


def find_legend(sheet: Sheet) -> Legend | None:
    """The legend of a sheet: rows of one filled cell, among its first or last rows, that give three marks or codes or
    more their meanings (or a mark a blank one); None when there is none."""
    marks: dict[str, str] = {}
    codes: dict[str, str] = {}
    blanks: set[str] = set()
    rows: set[int] = set()
    n = sheet.nrows
    for r in sorted(set(range(min(_LINES_SCANNED, n))) | set(range(max(0, n - _LINES_SCANNED), n))):
        filled = [v for v in sheet.cells[r] if v.strip()]
        if len(filled) != 1:
            continue
        text = squeeze(filled[0]) if len(filled[0]) < 400 else ""
        found_marks = dict(_MARK.findall(text))
        found_codes = dict(_CODE.findall(text))
        found_blanks = set(_BLANK.findall(text))
        # (a mark's meaning a short name, not a footnote's sentence: 「注：①本清单依据…」; the first legend of a mark wins)
        if len(found_marks) >= 3 and all(len(v) <= 10 for v in found_marks.values()):
            for k, v in found_marks.items():
                marks.setdefault(k, v)
        # (a code's meaning a power type: 「CF—行政处罚」, not a unit's code 「XK—行政审批股」)
        types = {k: v for k, v in found_codes.items() if power_type(v)}
        if len(types) >= 3:
            for k, v in types.items():
                codes.setdefault(k, v)
        if found_blanks and (marks or codes):
            blanks |= found_blanks
        if len(found_marks) >= 3 or len(types) >= 3 or found_blanks:
            rows.add(r)
    if not marks and not codes:
        return None
    return Legend(marks, codes, blanks, rows)


def with_legend(sheet: Sheet) -> tuple[Sheet, Legend] | None:
    """The sheet with its legend's marks and codes read (a cell that is a mark or a code, nothing else, replaced by its
    meaning; a cell the legend calls not applicable blank); None when the sheet has no legend or no cell it reads."""
    legend = find_legend(sheet)
    if legend is None:
        return None
    cells = [list(row) for row in sheet.cells]
    changed = 0
    for r, row in enumerate(cells):
        if r in legend.rows:
            continue
        filled = [v.strip() for v in row if v.strip()]
        # the marks in a row of nothing but marks (the header's ① | ② | ③ …), not a footnote's mark in a 备注 or a 序号
        marks = legend.marks if len(filled) >= 2 and all(v in legend.marks for v in filled) else {}
        for c, v in enumerate(row):
            key = v.strip()
            if key in marks or key in legend.codes:
                row[c] = marks.get(key) or legend.codes[key]
                changed += 1
            elif key and key in legend.blanks:
                row[c] = ""
                changed += 1
    if not changed:
        return None
    return dataclasses.replace(sheet, cells=cells), legend
