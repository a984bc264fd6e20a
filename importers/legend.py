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
from kb.model import power_type, squeeze, stage_word_pattern

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# ①受理（立案）②审查（调查）③告知 …: a mark, then its meaning up to the next mark or the end of the clause
_MARK = re.compile(rf"([{_CIRCLED}])\s*([^{_CIRCLED}；;。，,\s]{{1,16}})")
# CF—行政处罚  JC—行政检查 / CF=行政处罚 / CF：行政处罚: a code of capitals, a dash, an equals sign or a colon, its meaning
_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{1,4})\s*[—–\-－=＝：:]\s*([\u4e00-\u9fff（）()]{2,12})")
# “○”表示该环节不适用 / 「/」为不涉及
_BLANK = re.compile(r"[“\"「『‘']([^”\"」』’']{1,2})[”\"」』’']\s*(?:表示|代表|为|即)[^，,。；;]{0,10}(?:不适用|不涉及|无此|无)")
_LINES_SCANNED = 12  # the legend is a title's neighbour, or a footnote's: the first and the last rows


# 武平's 「责任环节代码说明：A—受理/立案；B—审查/调查；C—告知 …」 over cells of lines 「A：…」, 「C/D：…」: a capital a step
_LETTER = re.compile(r"(?<![A-Za-z])([A-Z])\s*[—–\-－=＝：:]\s*([\u4e00-\u9fff/／、（）()]{2,16})")
# … and a cell's line headed by letters (「A：」, 「A/B：」, 「C、D：」)
_LETTERED_LINE = re.compile(r"^(?P<letters>[A-Z](?:\s*[/／、,，]\s*[A-Z])*)\s*[：:]", re.MULTILINE)


@dataclasses.dataclass
class Legend:
    marks: dict[str, str]  # ① -> 受理（立案）
    codes: dict[str, str]  # CF -> 行政处罚
    blanks: set[str]  # ○
    rows: set[int]  # the legend's own rows (left as they are)
    steps: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)  # A1 -> (受理, its common content)
    letters: dict[str, str] = dataclasses.field(default_factory=dict)  # A -> 受理、立案 (a line's heading)


# 磐石's table of step codes below the list: 「附：责任环节代码及通用内容」 over 代码 | 责任环节 | 通用内容, then A1 | 受理 | 公示依法
# 应当提交的材料…; the list's 责任事项 cells 「A1、A2、A3」. A code: a capital or two and a number (A1, XK2), or numbers 1-1
_STEP_CODE = re.compile(r"[A-Z]{1,2}[0-9]{1,2}|[0-9]{1,2}[-－.][0-9]{1,2}")
_STEP_CODE_HEAD = re.compile(r"(?:环节|责任|事项)?(?:代码|编码|代号|编号)")
_STEP_NAME_HEAD = re.compile(r"(?:责任)?环节(?:名称)?|责任事项|环节")
_CODE_LIST = re.compile(r"\s*(?:[、，,；;/\s]+)\s*")
# 辽宁's cells: 「通用C1」, a range 「通用C1至C7」, a code and more of its own 「通用T2+：…」
_STEP_RANGE = re.compile(r"(?:通用|共性|公共)?(?P<a>[A-Z]{1,2})(?P<m>[0-9]{1,2})\s*(?:至|到|~|～|—|－|-)\s*(?:通用|共性|公共)?"
                         r"(?P=a)(?P<n>[0-9]{1,2})")
_STEP_PREFIX = re.compile(r"^(?:通用|共性|公共)")


def _codes(text: str) -> tuple[list[str], str]:
    """The parts a cell lists as step codes (a range spelt out, a 通用 prefix dropped) and the text it adds after a 「+」;
    whether each part is a code of the table is for the caller to see (_steps_of)."""
    listed, _, extra = text.strip().partition("+")
    codes: list[str] = []
    for part in (p for p in _CODE_LIST.split(listed.strip()) if p):
        if (m := _STEP_RANGE.fullmatch(part)) and int(m["m"]) < int(m["n"]) <= int(m["m"]) + 20:
            codes += [f"{m['a']}{k}" for k in range(int(m["m"]), int(m["n"]) + 1)]
        else:
            codes.append(_STEP_PREFIX.sub("", part))
    return codes, extra.strip().lstrip("：:").strip()


def workbook_steps(sheets: list[Sheet]) -> dict[str, tuple[str, str]]:
    """A table of step codes on one sheet of a workbook (辽宁's 说明: 编号 | 责任环节 | 责任内容, T1 | 受理 | …) whose codes the
    other sheets' cells use (「通用C1」 under 立案): code -> (step, content); {} when there is none."""
    for sheet in sheets:
        steps, _ = _step_table(sheet, [s for s in sheets if s is not sheet])
        if steps:
            return steps
    return {}


def _step_table(sheet: Sheet, others: list[Sheet] = ()) -> tuple[dict[str, tuple[str, str]], set[int]]:
    """A table of step codes on the sheet (a header 代码 | 责任环节 | 通用内容 and rows of a code, its step and its common
    content): code -> (step, content), and the table's rows with its title row above it. Used by cells of the sheet
    itself, or of the `others` (a workbook's other sheets)."""
    for r in range(sheet.nrows):
        cells = [squeeze(v) for v in sheet.cells[r]]
        filled = [(c, v) for c, v in enumerate(cells) if v]
        if len(filled) < 2 or not _STEP_CODE_HEAD.fullmatch(filled[0][1]) \
                or not _STEP_NAME_HEAD.fullmatch(filled[1][1]):
            continue
        code_col, name_col = filled[0][0], filled[1][0]
        text_col = filled[2][0] if len(filled) > 2 and "内容" in filled[2][1] else None
        steps: dict[str, tuple[str, str]] = {}
        rows = {r}
        for k in range(r + 1, sheet.nrows):
            code, name = sheet.value(k, code_col).strip(), squeeze(sheet.value(k, name_col))
            if not _STEP_CODE.fullmatch(code) or not name or len(name) > 12:
                break
            steps[code] = (name, sheet.value(k, text_col).strip() if text_col is not None else "")
            rows.add(k)
        # (… and cells elsewhere on the sheet written as lists of its codes, 「A1、A2、A3」: not a table of duties by the items'
        # own codes, XK01 | 受理 | 依法受理, which joins its items)
        used = any(len(_codes(v)[0]) >= 2 and _steps_of(v, steps) is not None
                   for other in (sheet, *others) for k, row in enumerate(other.cells)
                   if other is not sheet or k not in rows for v in row if v.strip())
        if len(steps) >= 3 and used:
            above = [v for v in sheet.cells[r - 1] if v.strip()] if r else []
            if len(above) == 1 and re.search(r"代码|编码|代号", above[0]):  # its title: 「附：责任环节代码及通用内容」
                rows.add(r - 1)
            return steps, rows
    return {}, set()


def _steps_of(text: str, steps: dict[str, tuple[str, str]]) -> str | None:
    """A cell that is nothing but step codes (「A1、A2、A3」) as the steps they stand for, numbered: 「1.受理：…\n2.审查：…」."""
    codes, extra = _codes(text)
    if not codes or any(c not in steps for c in codes):
        return None
    number = len(codes) > 1  # (one code alone: its step, 「受理：…」)
    read = [f"{f'{i}.' if number else ''}{steps[c][0]}{'：' + steps[c][1] if steps[c][1] else ''}"
            for i, c in enumerate(codes, 1)]
    return "\n".join([*read, extra] if extra else read)


def _lettered(text: str, letters: dict[str, str]) -> str:
    """A cell's lines headed by the legend's letters, each headed by the steps they stand for (「C/D：…」 → 「告知、决定：…」);
    the cell as it is unless every such line's letters are the legend's."""
    found = list(_LETTERED_LINE.finditer(text))
    if not found or any(k not in letters for m in found for k in re.findall(r"[A-Z]", m["letters"])):
        return text
    # (each line a step's sentence, not a list of materials: 「A：身份证明\nB：收入证明」)
    lines = [line.split("：", 1)[-1].split(":", 1)[-1] for line in text.splitlines() if _LETTERED_LINE.match(line)]
    if sum(1 for line in lines if len(line) >= 10 or re.search(r"[，,；;。]", line)) * 2 < len(lines):
        return text
    return _LETTERED_LINE.sub(lambda m: "、".join(letters[k] for k in re.findall(r"[A-Z]", m["letters"])) + "：", text)


def find_legend(sheet: Sheet) -> Legend | None:
    """The legend of a sheet: rows of one filled cell, among its first or last rows, that give three marks or codes or
    more their meanings (or a mark a blank one); None when there is none."""
    marks: dict[str, str] = {}
    codes: dict[str, str] = {}
    letters: dict[str, str] = {}
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
        # (a capital's meaning a step, 「A—受理/立案」: three or more such, or they are a unit's codes)
        # (each a step's name in full, 「受理/立案」, not a window's or a section's, 「A—受理窗口」, 「B—审查科」)
        found_letters = {k: "、".join(steps) for k, v in _LETTER.findall(text)
                         if (steps := [p for p in re.split(r"[/／、]", v) if stage_word_pattern().fullmatch(p)])}
        if len(found_letters) >= 3:
            for k, v in found_letters.items():
                letters.setdefault(k, v)
            rows.add(r)
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
    steps, step_rows = _step_table(sheet)
    if not marks and not codes and not steps and not letters:
        return None
    return Legend(marks, codes, blanks, rows | step_rows, steps, letters)


def with_legend(sheet: Sheet, shared: dict[str, tuple[str, str]] | None = None) -> tuple[Sheet, Legend] | None:
    """The sheet with its legend's marks and codes read (a cell that is a mark or a code, nothing else, replaced by its
    meaning; a cell the legend calls not applicable blank); None when the sheet has no legend or no cell it reads.
    `shared`: the step codes another sheet of the workbook gives (workbook_steps), when the sheet gives none."""
    legend = find_legend(sheet)
    if shared and (legend is None or not legend.steps):
        legend = dataclasses.replace(legend, steps=shared) if legend else Legend({}, {}, set(), set(), shared)
    if legend is None:
        return None
    cells = [list(row) for row in sheet.cells]
    changed = 0
    for r, row in enumerate(cells):
        if r in legend.rows:
            if legend.steps and legend.steps is not shared:  # (a table of step codes is no list's rows: left out, as a legend's line is left alone)
                row[:] = [""] * len(row)
            continue
        if legend.steps:
            for c, v in enumerate(row):
                # (codes another sheet defines: only a cell naming them as such, 「通用C1」, or listing two, 「A1、A2」 — not a
                # 序号 that looks like one, 1-1)
                if legend.steps is shared and not (_STEP_PREFIX.match(v.strip()) or len(_codes(v)[0]) >= 2):
                    continue
                if (read := _steps_of(v, legend.steps)) is not None:
                    row[c] = read
                    changed += 1
        if legend.letters:
            for c, v in enumerate(row):
                if (read := _lettered(v, legend.letters)) != v:
                    row[c] = read
                    changed += 1
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


# A workbook's sheet of each type's common duties by the list's columns (农安's 通用责任事项: 权力类别 | 环节 | 对应栏目 | 通用责任内容,
# 「行政许可 | 受理 | 受理（立案） | 公示依法应当提交的材料…」), whose list sheet ticks each item's columns (√; ★ where a 特定责任 adds
# to it): a ticked cell reads as the steps its row's type has for that column, 「受理：公示…」 (a reader reads it so: the
# 执行（事后监管） column of a 查封 its 「处理（解除）」, judged so, 2026-12-06)
_TEMPLATE_TYPE_HEAD = re.compile(r"(?:权力|职权|事项)?(?:类别|类型)")
_TEMPLATE_STEP_HEAD = re.compile(r"(?:责任|履职)?环节(?:名称)?")
_TEMPLATE_COLUMN_HEAD = re.compile(r"对应(?:栏目|栏|列|列名|表头|环节栏)")
_TEMPLATE_TEXT_HEAD = re.compile(r"(?:通用|共性)?(?:责任)?(?:事项)?内容|通用责任(?:事项)?")
_TICKS = frozenset("√✓✔★☆")


def workbook_templates(sheets: list[Sheet]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The common duties one sheet of a workbook gives each type by the list's columns: (type, column header) -> its
    steps, (step, content) each; {} when no sheet gives three or more."""
    for sheet in sheets:
        for r in range(min(sheet.nrows, 10)):
            heads = [squeeze(v) for v in sheet.cells[r]]
            found = [next((c for c, v in enumerate(heads) if v and head.fullmatch(v)), None) for head in
                     (_TEMPLATE_TYPE_HEAD, _TEMPLATE_STEP_HEAD, _TEMPLATE_COLUMN_HEAD, _TEMPLATE_TEXT_HEAD)]
            if None in found:
                continue
            type_col, step_col, column_col, text_col = found
            out: dict[tuple[str, str], list[tuple[str, str]]] = {}
            kind = ""
            for k in range(r + 1, sheet.nrows):
                if written := squeeze(sheet.value(k, type_col)):  # (written once over its type's rows)
                    kind = t.name if (t := power_type(written)) is not None else ""
                column, step = squeeze(sheet.value(k, column_col)), squeeze(sheet.value(k, step_col))
                text = sheet.value(k, text_col).strip()
                if kind and column and (step or text):
                    out.setdefault((kind, column), []).append((step, text))
            if len(out) >= 3:
                return out
    return {}


def with_templates(sheet: Sheet, templates: dict[tuple[str, str], list[tuple[str, str]]]) -> Sheet | None:
    """The sheet with each ticked cell under a column the templates name read as its row's type's steps for it; None when
    the sheet has no such column (two at least on one header row), no type column or no ticked cell read."""
    if not templates:
        return None
    named = {column for _, column in templates}
    header = next((h for h in range(min(sheet.nrows, 12))
                   if sum(1 for v in sheet.cells[h] if squeeze(v) in named) >= 2), None)
    if header is None:
        return None
    columns = {c: squeeze(v) for c, v in enumerate(sheet.cells[header]) if squeeze(v) in named}
    type_col = next((c for k in range(max(0, header - 2), header + 1) for c, v in enumerate(sheet.cells[k])
                     if c not in columns and _TEMPLATE_TYPE_HEAD.fullmatch(squeeze(v))), None)
    if type_col is None:
        return None
    cells = [list(row) for row in sheet.cells]
    kind, changed = "", 0
    for r in range(header + 1, sheet.nrows):
        if written := squeeze(sheet.value(r, type_col)):
            kind = t.name if (t := power_type(written)) is not None else ""
        for c, column in columns.items():
            mark = squeeze(cells[r][c]) if c < len(cells[r]) else ""
            if mark and set(mark) <= _TICKS and (steps := templates.get((kind, column))):
                cells[r][c] = "\n".join(f"{step}：{text}" if step and text else step or text for step, text in steps)
                changed += 1
    return dataclasses.replace(sheet, cells=cells) if changed else None
