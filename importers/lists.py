"""Parse a published power-and-responsibility list (权责清单) into a `ListDocument`.

Input: .xls / .xlsx (whatever the extension says), CSV, JSON or JSON Lines. Each sheet's header row
is found in its first rows and read through the best-fitting declared mapping (importers/mapping.py);
records are the rows where 事项名称, 子项名称 or 权力类型 hold a value of their own once merged names
are filled down. Everything a user may need to fix is reported with sheet, row and column.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby, pairwise
from pathlib import Path

from importers.blocks import (
    _names_item,
    cell_records,
    document_records,
    item_and_stage_tables,
    known_header,
    long_records,
    outline_records,
    turn_table,
    unfold_blocks,
)
from importers.citations import parse_citations
from importers.duties import paired_steps, split_duties, stage_row_duty, supervision_duty, without_stage_note
from importers.jurisdictions import Ambiguous, jurisdiction_chain
from importers.laws import looks_like_law
from importers.legend import with_legend, with_templates, workbook_steps, workbook_templates
from importers.mapping import (
    FIELD_LABELS,
    HEADER_NUMBER,
    HELD_FIELDS,
    HeaderMatch,
    best_match,
    load_mappings,
    mapping_title,
    match_header,
    normalize_header,
    recognised,
)
from importers.naming import (
    Naming,
    complete_name,
    department_phrase,
    department_place,
    holder_department,
    joint_bodies,
    jurisdiction_level,
    names_a_body,
    own_units,
    resolve_naming,
)
from importers.numerals import chinese_to_int
from importers.onething import looks_like_guide
from importers.pairs import unpaired
from importers.records import Citation, Duty, FileRefused, ListDocument, Record, RowError
from importers.source import Source, as_source
from importers.vocabulary import (
    level_from_scope,
    level_from_sheet_name,
    levels_named,
    normalize_level,
    type_from_sheet_name,
)
from importers.worddoc import is_word_97
from importers.workbook import (
    BIFF_MAGIC,
    OOXML_MAGIC,
    TABLE_TEXTS,
    NoTable,
    Sheet,
    column_letter,
    container_of,
    decode_text,
    nested_records,
    read_csv,
    read_json_table,
    read_workbook,
)
from kb.model import (
    BOUNDARY_HEADERS,
    LEVEL_RANK,
    LEVEL_TITLES,
    PowerType,
    duty_kind_words,
    heading_stages,
    line_heading_stages,
    power_type,
    power_types,
    squeeze,
    stage_word_pattern,
)

HEADER_SEARCH_ROWS = 10  # the header is on one of the first ten rows (below a 附件 line, a title, a version,
# the publishing unit and a blank row, as 绥滨's lists have it)
# … or of the first fifteen below a 填报说明 over the table (沙井's, six lines of notes, 2026-12-06), on a sheet that is not
# itself the notes or the contents (a 填报说明 sheet's example table is no list)
NOTED_HEADER_ROWS = 15
_NOTES_HEADING = re.compile(r"^(?:填报说明|编制说明|填表说明|说明|注|备注|附注)[：:]?$|^(?:填报说明|编制说明|填表说明)")
_NOTES_SHEET = re.compile(r"说明|目录|附注|填报|编制|索引")
MAX_CELL_CHARS = 100_000  # Excel itself stops at 32,767; more means a broken export
KEY_FIELDS = ("item_name", "sub_item_name", "type")  # a row is a record when one holds its own value
NO_SUB_ITEM = {"无", "无子项", "/", "／", "-", "--", "—", "——", "－", "－－", "暂无"}  # (——: 焦作's 子项 column)
_NOTE_ROW = re.compile(r"^\s*(?:备注|附注|注|说明)\s*[:：]")
_NOTE_LINE = re.compile(r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十][、.．])")  # a note's next numbered line
# the body and the date that sign a table, in a cell of its own under it (仙居县人民政府办公室 2025年4月印发, 宜宾市叙州区应急管理局
# 2025年2月, 2026-12-07)
_SIGNED = re.compile(r"^[^，。；;：:]{2,40}?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:印发|制发|制|发布|公布)?$")
# the signatures under a table (填表人： | 审核人： | 联系电话：), each cell a label and perhaps its value
_SIGNATURE = re.compile(r"^(?:填表人|填报人|制表人|编制人|审核人|审批人|审定人|负责人|单位负责人|分管领导|主要领导|联系人|联系电话|"
                        r"填表日期|填报日期|制表日期|编制日期|日期|签发人|签发|单位盖章|盖章)[:：]")  # 编制人: 长兴 (2026-12-05)
# A 备注 that says the item is gone (已取消, 已废止: not imported) or went elsewhere (已下放至乡镇, 已划转至…:
# imported, with a notice); 建议取消 is a proposal, not a status.
_GONE_WORDS = "(?:取消|废止|停止实施|不再保留|不再实施)"
_STATUS_REMARK = re.compile(
    rf"^(?:(?P<gone>(?:已|予以)?{_GONE_WORDS})(?:$|[。；;，,（(])"
    r"|(?:已|予以)?(?:下放|划转|调整|移交)(?:至|到|给))")
# … or says it at the end of the decision it cites (宜都's 「根据《国务院关于取消一批行政许可事项的决定》（国发〔2020〕13号），已取消」)
_GONE_AT_END = re.compile(rf"[，,。；;）)](?:该事项|本事项|此项)?(?P<gone>(?:已|予以){_GONE_WORDS})[。；;]?$")
# A 兵团 division and its city, one place by their custom (第二师铁门关市): no slip to warn of.
_CORPS_DIVISION = re.compile(r"^第[一二三四五六七八九十]+师")
# A row that totals the table (合计 | 共11项; 总计：35项; 合计（2项）; 共2项): no record.
_TOTAL_ROW = re.compile(r"^(?:合计|总计|共计|小计|共\d+(?:项|个|条))")
# A sub-item's number under its item's (1.1, 2-3): the type it leaves blank is read as its item's, not filled here
_SUB_NUMBER = re.compile(r"^\d+[.．\-－—_]\d+")
# A name with its type in brackets before it (【行政许可】食品经营许可, [行政处罚]…)
_TYPED_NAME = re.compile(r"^[【\[［](?P<type>[^】\]］]{2,12})[】\]］]\s*(?P<name>\S.*)$", re.DOTALL)
# A page's number printed in the sheet (第1页，共3页; 第 2 页 / 共 3 页; - 3 -)
# (… and 「续表」, 「（续上表）」 alone, a table going on over a page: 贵港)
# a cell's mark that it goes on from the page before (（接上页）, 续上页)
_PAGE_ON = re.compile(r"^\s*[（(【\[]?(?:接上页|续上页|续前页|承上页|上接)[)）】\]]?[:：]?\s*")
_PAGE_ROW = re.compile(r"^(?:第\d+页[，,/]?(?:共\d+页)?|共\d+页第\d+页|[-—]\d+[-—]|\d+/\d+|[（(]?续(?:上)?表[)）]?)$")
# A row holding only a table's title (兴庆区民政局公共服务事项清单 between two tables): no record.
_TABLE_TITLE = re.compile(r"(?:清单|目录|一览表)(?:[（(][^）)]*[)）])?$")
_DEPARTMENT_ROW = re.compile(r"(?:部门名称|单位名称|填报单位|导出单位)\s*[:：]\s*(\S.*)")  # 导出单位: 庄河's export
# Fields whose text is a name: hard line breaks inside them are layout, not content (统计局 市统\n计局).
_NAME_FIELDS = ("seq", "item_name", "sub_item_name", "code", "holder", "unit")
# a record's fields of running text (kept as written, whitespace tidied: _text)
TEXT_FIELDS = ("basis_text", "duty_statement", "responsibility_text", "responsibility_basis_text",
               "accountability_subjects", "accountability_situations", "remarks", "supervision_text")


@dataclass
class SheetLayout:
    """Where a sheet's header is and which column feeds which field."""

    header_row: int  # 0-based
    data_start: int  # 0-based first row below the header
    match: HeaderMatch
    columns: dict[str, int]  # field or extra key -> column (with a merged header's second column)
    titles: list[str] = field(default_factory=list)
    department_rows: list[str] = field(default_factory=list)
    repeats: dict[str, list[int]] = field(default_factory=dict)  # a field's later columns (a repeated block)
    kept: dict[str, int] = field(default_factory=dict)  # header text no mapping knows -> column (Record.extra)
    headers: list[str] = field(default_factory=list)  # each column's header, a split header's lower cell where it has one
    # a column a stage (德州: 受理（立案）环节责任 | 审查（调查）环节责任 | … | 其他责任, no 责任事项 column): column -> its
    # heading as a duty reads it (受理、立案环节责任)
    stage_columns: dict[int, str] = field(default_factory=dict)
    # a stage column a note above the table says holds other stages for some types: column -> (those types, its heading then)
    noted_columns: dict[int, tuple[frozenset[str], str]] = field(default_factory=dict)
    # the kind of legal source a column of the basis gives (环江: 职权依据 over 法律 | 行政法规 | 地方性法规及规章): column -> kind
    source_kinds: dict[int, str] = field(default_factory=dict)


def parse_list(path: str | Path | Source, *, jurisdiction: str | None = None,
               department: str | None = None) -> ListDocument:
    """Parse one list file. Raises FileRefused(path, errors) when anything must be fixed first;
    warnings (unknown power type, duplicated rows …) travel in ListDocument.warnings."""
    source = as_source(path)
    container, sheets = read_table(source)
    return _ListParser(source, container, sheets).parse(jurisdiction=jurisdiction, department=department)


def read_table(path: str | Path | Source) -> tuple[str, list[Sheet]]:
    """(container, sheets) for any supported list file."""
    source = as_source(path)
    if container_of(source) != "text":
        return read_workbook(source)
    head = decode_text(source.data[:4096], strict=False) or ""
    if head.lstrip()[:1] in ("[", "{"):
        container, sheet = read_json_table(source)
        return container, [sheet]
    return "csv", [read_csv(source)]


def find_layout(sheet: Sheet) -> SheetLayout | None:
    """The header row (first of rows 1–HEADER_SEARCH_ROWS that a mapping fits, or NOTED_HEADER_ROWS under a heading of
    notes) and the columns it maps."""
    for r in range(min(NOTED_HEADER_ROWS, sheet.nrows)):
        if r == HEADER_SEARCH_ROWS and (_NOTES_SHEET.search(sheet.name) or not any(
                _NOTES_HEADING.match(squeeze(" ".join(v for v in sheet.cells[k] if v.strip()))) for k in range(r))):
            break  # (past row ten only under a heading of notes, and not on the notes' own sheet)
        layout = layout_at(sheet, r)
        if layout is not None:
            return _third_row(sheet, layout) or _lower_header(sheet, layout) or layout
    return None


def _lower_header(sheet: Sheet, layout: SheetLayout) -> SheetLayout | None:
    """A header whose fields are on a lower row than the one a mapping first fits (天河: 序号 | 权责事项 | 责任事项 | 实施主体
    over 基本信息 | 责任信息 over 主项名称 | 子项名称 | 事项类型 | 实施依据 …): the lower row, when it fits better, the cells
    above its blank ones theirs (序号, 备注)."""
    r = layout.header_row
    for k in (r + 1, r + 2):
        if k + 1 >= sheet.nrows:
            break
        if sum(1 for v in sheet.cells[k] if v.strip() and known_header(v.strip())) < 2:
            continue  # a row of data, or a group's words (基本信息 | 责任信息): no header of its own
        upper = [next((sheet.value(i, c) for i in range(k - 1, r - 1, -1) if sheet.value(i, c).strip()), "")
                 for c in range(sheet.ncols)]
        lower = layout_at(sheet, k, upper=upper, fill_all=True)
        if lower is not None and lower.match.score > layout.match.score + 1:
            return lower
    return None


def _third_row(sheet: Sheet, layout: SheetLayout) -> SheetLayout | None:
    """A header of three rows (黔南: 基本信息 | 责任清单 | 实施主体 over 序号 | 事项名称 | 责任事项 | 追责 over 主项 | 子项 |
    事前 | 事中 | 事后 | 追责情形 | 追责依据): the lower two read as the header, the top row's cells over blank ones
    below (实施主体, 备注) theirs; None when the row under a two-row header is no header row."""
    r = layout.header_row
    if layout.data_start != r + 2 or _sub_header(sheet, r + 1) is None:
        return None
    # (the top two rows' words over a column the third leaves blank: 磴口's 权力事项 over 名称 | 类别 | 编码, 权力事项名称)
    upper = [h if not sheet.value(r + 2, c).strip() and normalize_header(h) in _header_words() else v
             for c, (v, h) in enumerate(zip(sheet.cells[r], [*layout.headers, *[""] * sheet.ncols]))]
    deeper = layout_at(sheet, r + 1, upper=upper, over=True)
    # (… or whose third row names the stages under the phases, 石门's 事前 over 受理/立案 | 审查/调查: a column a stage,
    # where the two rows alone read each phase's first column only)
    staged = deeper is not None and _stage_headers(deeper.headers, range(len(deeper.headers))) >= 3 \
        > _stage_headers(layout.headers, range(len(layout.headers)))
    return deeper if deeper is not None and deeper.data_start == r + 3 \
        and (deeper.match.score >= layout.match.score or staged) else None


def layout_at(sheet: Sheet, r: int, above_from: int = 0, upper: list[str] | None = None,
              fill_all: bool = False, over: bool = False) -> SheetLayout | None:
    """The layout whose header is row r, if a mapping fits it; the rows from `above_from` to r are its
    titles (a second table on a sheet: the rows between the tables)."""
    # a header over two rows whose cells 序号, 承办机构, 备注 are merged down beside the row a mapping fits
    # (基本信息 | 责任信息 over 权力名称 … 责任事项): those cells are this row's too
    above = {c: sheet.anchor(r, c) for c, v in enumerate(sheet.cells[r]) if not v.strip()}
    above = {c: a for c, a in above.items() if a is not None and a[0] < r and a[1] == c}
    cells = [sheet.value(*above[c]) if c in above else v for c, v in enumerate(sheet.cells[r])]
    if upper:  # the top row of a three-row header, over cells blank in the two below (or in this one: fill_all; or in
        # the one below, a header of the two rows above it: over)
        cells = [u if (not v.strip() or (over and normalize_header(u) in _header_words())) and (
                     fill_all or not sheet.value(r + 1, c).strip()) else v
                 for c, (v, u) in enumerate(zip(cells, [*upper, *[""] * len(cells)]))]
    # a sheet named after a type (行政许可, 行政给付 …) gives its rows' type: a header without a type column fits
    given = ("type",) if type_from_sheet_name(sheet.name) is not None else ()
    match = best_match(cells, given=given)
    if given and match is not None and "type" not in match.columns and not _names_duties(cells, match):
        # a sheet named after a type but no list of powers (行政处罚（裁量基准）: 违法行为 | 违法程度 | 处罚标准; 行政许可
        # （办事指南）): only a table with duties or accountability is read by its sheet's name
        given, match = (), best_match(cells)
    # a row that fits no mapping is a header's first half only when it is a header itself (a title merged
    # over the header row below is not)
    sub = _sub_header(sheet, r) if match is not None or recognised(cells) >= 2 else None
    if match is None and sub is None:
        return None
    header_top = min((a[0] for a in above.values()), default=r)
    data_start = r + 1
    headers = cells
    kinds: dict[int, str] = {}
    if sub is not None:
        combined = [_under(sheet, r, c, s) if s.strip() else h for c, (h, s) in enumerate(zip(cells, sub))]
        better = best_match(combined, given=given)
        # no worse will do: the row below is a header either way (直接实施责任 | 指导监督责任 under 责任事项 read
        # as one field: the same score, and the second column no longer lost); where the row alone fits no
        # mapping, the pair may (权力事项 over 类别 | 名称 | 子项: the type is only in the row below)
        # … or a 责任事项 group over a column a stage (受理环节责任 | 审查环节责任 | …): the stages are the duties
        staged = better is not None and match is not None and \
            _stage_headers(combined, better.unmapped) >= 2 > _stage_headers(cells, match.unmapped)
        # (实施层级 over 省 | 市 | 县: the level's columns kept, each a header though no field's)
        split = sum(1 for c, v in enumerate(sub) if v.strip() and _level_split(_group_head(sheet, r, c), v))
        if better is not None and (match is None or better.score + min(split, 1) >= match.score or staged):
            match, data_start, headers = better, r + 2, combined
            kinds = {c: s.strip() for c, s in enumerate(sub) if _source_kind(_group_head(sheet, r, c), s)}
    if match is None:
        return None
    columns = dict(match.columns)
    for left, right in match.mapping.merged_header.items():
        col = columns.get(left)
        if col is None or right in columns or col + 1 >= sheet.ncols:
            continue
        header_next = sheet.value(r, col + 1).strip()
        if sheet.merge_right_of(r, col) >= 1 or (not header_next and sheet.anchor(r, col + 1) is None):
            columns[right] = col + 1
    layout = SheetLayout(r, data_start, match, columns, repeats={k: list(v) for k, v in match.repeats.items()},
                         headers=list(headers), source_kinds=kinds)
    _stage_column(sheet, layout)
    for c, text in match.unmapped.items():
        key = normalize_header(text)
        if c not in columns.values() and key and key not in columns and key not in layout.kept:
            layout.kept[key] = c
    _stage_beside(layout)
    _stage_columns(layout, sheet)
    _type_by_values(layout, sheet)
    for above in range(above_from, header_top):
        # (an export's comment line, 「# 克拉玛依市应急管理局权责清单 导出时间 …」: its words without the mark)
        text = " ".join(v.strip() for v in sheet.cells[above] if v.strip()).lstrip("#＃ \t")
        if not text:
            continue
        dep = _DEPARTMENT_ROW.search(text)
        (layout.department_rows if dep else layout.titles).append(dep.group(1) if dep else text)
    _noted_stage_columns(layout)
    return layout


# A note above the table saying what a stage's column holds for the other types (衡水's 「说明：行政处罚、行政检查等事项的责任环节
# 按“受理责任”对应立案（启动）环节、“审查责任”对应调查审查环节、“决定责任”对应告知和决定环节、“事后监管责任”对应执行环节填写。」)
_COLUMN_STANDS_FOR = re.compile(r"[“\"「]([\u4e00-\u9fff]{2,8}?(?:责任|环节)?)[”\"」]对应([\u4e00-\u9fff（）()、和及与]{2,24}?)环节")


def _noted_stage_columns(layout: SheetLayout) -> None:
    """Stage columns a note above the table says stand for other stages too: each headed by both (受理责任 -> 受理、立案责任),
    a power of any type then read as the note says."""
    notes = [t for t in layout.titles if _COLUMN_STANDS_FOR.search(t)]
    # (only for the types the note names, 「行政处罚、行政检查等事项的责任环节按…」; a note naming none is not read)
    types = frozenset(t.name for t in power_types() if any(t.name in n for n in notes))
    said = {squeeze(m.group(1)): m.group(2) for t in notes for m in _COLUMN_STANDS_FOR.finditer(t)}
    if not said or not types or not layout.stage_columns:
        return
    for c, heading in list(layout.stage_columns.items()):
        own = squeeze(heading)
        target = said.get(own) or said.get(own.removesuffix("责任")) or said.get(own + "责任")
        if not target:
            continue
        words = re.sub(r"[（(][^）)]*[）)]", "", target)
        more = [w for w in line_heading_stages(re.sub(r"[和及与]", "、", words)) or
                [w for w in (words[:2], words[2:]) if line_heading_stages(w)] if w not in line_heading_stages(own)]
        if more:
            layout.noted_columns[c] = (types, own.removesuffix("责任") + "、" + "、".join(more) + "责任")


_CONTENT_HEADERS = ("内容", "具体内容", "工作内容", "责任内容", "事项内容")


def _type_by_values(layout: SheetLayout, sheet: Sheet) -> None:
    """A column no mapping knows whose cells are power types (黄陵's 类别, merged down over each type's rows: 行政许可,
    行政处罚 …), where the layout has no type column: the type column."""
    if "type" in layout.columns or type_from_sheet_name(sheet.name) is not None or layout.match.mapping.defaults.get("type"):
        return
    for key, c in list(layout.kept.items()):
        # (a type's full name, not a code a number or letters also stand for, 对应权力序号 1 | 1, nor an alias, 其他 | 备案 under
        # 服务方式, unless the header says it is a kind: 类别)
        values = _filled_cells(sheet, layout, [c])
        kind = "类" in layout.headers[c] if c < len(layout.headers) else False
        typed = [v for v in values if (t := power_type(v)) is not None and len(_CJK.findall(v)) >= 2
                 and (kind or squeeze(v).startswith(t.name))]
        if len(values) >= 2 and len(typed) * 5 >= len(values) * 4:
            layout.columns["type"] = c
            del layout.kept[key]
            return


def _stage_beside(layout: SheetLayout) -> None:
    """环节 | 内容 under a group 责任事项 the header row does not repeat (霍山's third header row): the column of content
    right of the stage column is the duties, one row a stage."""
    if "stage" not in layout.columns or "responsibility_text" in layout.columns:
        return
    for key, c in list(layout.kept.items()):
        if c == layout.columns["stage"] + 1 and c < len(layout.headers) and squeeze(layout.headers[c]) in _CONTENT_HEADERS:
            layout.columns["responsibility_text"] = c
            del layout.kept[key]


def _stage_column(sheet: Sheet, layout: SheetLayout) -> None:
    """责任事项 | 责任事项内容 side by side, one row per stage (九江): when the first of two duty columns holds
    nothing but stage headings (受理责任, 审查责任, …), it is the 办理环节 column and the second the duties
    (a repeated block otherwise: its first non-empty value, the heading, would win and the duty be lost)."""
    later = layout.repeats.get("responsibility_text")
    if "stage" in layout.columns or not later or "responsibility_text" not in layout.columns:
        return
    col = layout.columns["responsibility_text"]
    # (a 「—」 where a row names no stage because its content says its duties are another item's, 平江's 「责任事项同“…”」,
    # counts for neither; a 「无」 beside duties of its own does count)
    rows = range(layout.data_start, min(sheet.nrows, layout.data_start + 80))
    values = [v for r in rows if (v := sheet.value(r, col).strip())
              and not (_NONE_CELL.match(squeeze(v)) and _refers(sheet.value(r, later[0])))]
    headings = [v for v in values if len(squeeze(v)) <= 12 and line_heading_stages(v)]
    closing = [v for v in values if re.fullmatch(r"(?:其他|其它)\S{0,24}责任[。.]?", squeeze(v))]  # 其他法律法规…责任
    if len(headings) < 2 or len(headings) + len(closing) < 0.8 * len(values):
        return
    layout.columns["stage"], layout.columns["responsibility_text"] = col, later[0]
    if later[1:]:
        layout.repeats["responsibility_text"] = later[1:]
    else:
        del layout.repeats["responsibility_text"]


# (安徽省交通运输厅's 「其他法律法规规章文件规定应履行的责任」 under 责任事项)
_CATCH_ALL_HEADER = re.compile(r"^(?:其他|其它)[\u4e00-\u9fff]{0,16}责任$")
# … not another body's part (「其他相关职能部门应承担的监管责任」), and when longer than eight words, the law's catch-all
_BODY_WORDS = re.compile(r"部门|单位|机关|主体|机构")
_LAW_WORDS = re.compile(r"法律|法规|规章|规定|文件")


def _catch_all_header(header: str) -> bool:
    """A stage column's header that is the list's catch-all (其他责任, 其他法律法规规章文件规定应履行的责任)."""
    return bool(_CATCH_ALL_HEADER.match(header)) and not _BODY_WORDS.search(header) \
        and (len(header) <= 12 or bool(_LAW_WORDS.search(header)))


# two stages a header joins with a word, not 、 (安徽省交通运输厅's 「解除或处理责任」)
_STAGES_JOINED = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:或者|或|及|和|与)(?=[\u4e00-\u9fff]{2})")


def _stage_heading(header: str) -> str | None:
    """A column header that names stages as a duty's heading does (受理（立案）环节责任 -> 受理、立案环节责任: the stage
    in brackets is the one a penalty calls it; 决定环节责任（含听证）: a note, dropped), or None. Only a header saying
    环节, 阶段 or 责任: 受理 | 审批 over the bodies that take and decide is no column of duties."""
    text = _noted_stages(header)
    if not re.search(r"环节|阶段|责任", text):
        return None
    stages = line_heading_stages(text)
    if not stages and (joined := _STAGES_JOINED.sub("、", text)) != text:
        text, stages = joined, line_heading_stages(joined)
    return text if stages and stages != ["其他"] else None


def _noted_stages(header: str) -> str:
    """A stage's header with the stage its note in brackets names as a second one (审查（调查） -> 审查、调查: the duties do
    both, as a heading 「审查、调查责任：」 says); a note of anything else dropped (决定环节责任（含听证）)."""
    def bracket(m: re.Match) -> str:
        return "、" + m.group(1) if line_heading_stages(m.group(1)) else ""

    return re.sub(r"[（(]([^）)]*)[）)]", bracket, squeeze(header))


def _names_duties(cells: list[str], match: HeaderMatch) -> bool:
    """Whether a header has the duties or the accountability of a list of powers (a column of them, or stages)."""
    return bool({"responsibility_text", "accountability_situations", "stage"} & set(match.columns)) \
        or _stage_headers(cells, match.unmapped) >= 2


def _stage_headers(headers: list[str], columns: Iterable[int]) -> int:
    """How many of the columns are headed by a stage (_stage_heading)."""
    return sum(1 for c in columns if c < len(headers) and _stage_heading(headers[c]))


# An export's English code for a stage's column (彬州's resp_accept | resp_review | …, 太仓's RESP_NOTICE, RESP_SERVE): the
# stage it is for
# (not stage_accept …: 克拉玛依's export writes a penalty's steps in a permit's stage_ columns, read it was judged wrong)
# (two words too: 陕西's DUTY_POST_SUPERVISE)
_ENGLISH_STAGE = re.compile(r"^(?:RESP|DUTY|RESPONSIBILITY|ZRSX|ZRHJ)[_\s-]?([A-Z]+(?:[_\s-][A-Z]+)?)$", re.IGNORECASE)
_CODE_PREFIX = re.compile(r"^(RESP|DUTY|RESPONSIBILITY|ZRSX|ZRHJ|ZR|R)[_\s-]?[A-Z]+(?:[_\s-][A-Z]+)?$", re.IGNORECASE)
_ENGLISH_STAGES = {
    "ACCEPT": "受理", "ACCEPTANCE": "受理", "REVIEW": "审查", "EXAMINE": "审查", "EXAMINATION": "审查", "DECIDE": "决定",
    "DECISION": "决定", "DELIVER": "送达", "DELIVERY": "送达", "SERVE": "送达", "SUPERVISE": "事后监管",
    "SUPERVISION": "事后监管", "NOTICE": "告知", "NOTIFY": "告知", "INFORM": "告知", "INVESTIGATE": "调查",
    "INVESTIGATION": "调查", "FILING": "立案", "ENFORCE": "执行", "EXECUTE": "执行",
    "EXECUTION": "执行", "ENFORCEMENT": "执行", "IMPLEMENT": "执行", "IMPLEMENTATION": "执行",  # (博白's resp_implement)
    "URGE": "催告", "REMIND": "催告", "RELEASE": "解除", "LIFT": "解除",
    "HEARING": "听证", "INSPECT": "检查", "INSPECTION": "检查", "DISPOSE": "处置", "DISPOSAL": "处置", "OTHER": "其他",
    # … and in pinyin initials after 责任事项's (金华's export: ZRSX_SL | ZRSX_SC | ZRSX_GZ | ZRSX_JD | ZRSX_SD | ZRSX_ZX |
    # ZRSX_QT, 2026-12-06)
    "POSTSUPERVISE": "事后监管", "POSTSUPERVISION": "事后监管", "AFTERSUPERVISE": "事后监管", "POSTAPPROVAL": "事后监管",
    "SL": "受理", "SC": "审查", "GZ": "告知", "JD": "决定", "SD": "送达", "ZX": "执行", "JG": "事后监管",
    "SHJG": "事后监管", "LA": "立案", "DC": "调查", "CG": "催告", "QT": "其他"}


def _english_stage(header: str) -> str | None:
    """The stage's heading an export's English column code stands for (RESP_ACCEPT -> 受理责任), or None."""
    m = _ENGLISH_STAGE.match(header.strip())
    stage = _ENGLISH_STAGES.get(re.sub(r"[_\s-]", "", m.group(1)).upper()) if m else None
    return f"{stage}责任" if stage else None


# a stage's column named as a part of the duties' field (会宁's export a field a row: 责任事项-立案, 责任事项-调查 …)
_DUTY_PART = re.compile(r"^(?:责任事项|责任|职责)\s*(?:[-—－_:：/·]\s*(?P<a>[^-—－_:：/·（）()]{2,8})|[（(](?P<b>[^（）()]{2,8})[)）])$")


def _duty_parts(layout: SheetLayout) -> dict[int, str]:
    """The columns named as parts of the duties (责任事项-立案 -> 立案责任; 责任事项-归档 -> 归档责任, a duty of no stage
    kb knows), when two or more of them name a stage."""
    parts = {c: m.group("a") or m.group("b") for c in layout.kept.values() if c < len(layout.headers)
             and (m := _DUTY_PART.match(squeeze(layout.headers[c])))}
    headings = {c: _stage_heading(part + "责任") for c, part in parts.items()}
    if sum(1 for h in headings.values() if h) < 2:
        return {}
    return {c: headings[c] or part + "责任" for c, part in parts.items()}


def _stage_columns(layout: SheetLayout, sheet: Sheet) -> None:
    """Columns no mapping knows, two or more of them each a stage, where the layout has no 责任事项 column (or they are
    named as its parts: 责任事项-立案): the duties, one column a stage, and a column of 其他责任 beside them the last."""
    if "stage" in layout.columns:
        return
    parts = _duty_parts(layout)
    if "responsibility_text" in layout.columns and not parts:
        return
    headings = {c: _stage_heading(layout.headers[c]) for c in layout.kept.values() if c < len(layout.headers)}
    headings.update(parts)
    # an export's English codes (RESP_ACCEPT …): three stages or more (其他 aside) whose cells read as duties, not a
    # file's name, a date or a telephone number
    english = {c: h for c in layout.kept.values() if c < len(layout.headers) and (h := _english_stage(layout.headers[c]))}
    # (every column of the codes' family a stage's: one the vocabulary does not know, DUTY_FILE, leaves them all unread
    # rather than read in part)
    family = {_CODE_PREFIX.match(layout.headers[c].strip()).group(1).upper() for c in english}
    unknown = [c for c in layout.kept.values() if c < len(layout.headers) and c not in english
               and (m := _CODE_PREFIX.match(layout.headers[c].strip())) and m.group(1).upper() in family]
    if not unknown and sum(h != "其他责任" for h in english.values()) >= 3 and _duty_cells(sheet, layout, english) \
            and _sentences(sheet, layout, english):
        headings.update(english)
    headings.update(_numbered_stages(layout, sheet))
    staged = {c: h for c, h in headings.items() if h}
    if len(staged) < 2:
        # 雁塔 (a CSV): 立案 | 调查取证 | 审查 | 告知 | 决定 | 送达 | 执行 | 事后监管, the stages' bare names side by side —
        # four or more in a row (受理 | 审批 over the bodies that take and decide are two)
        # (安顺's 受理（立案） | 调查 | 审查 …: a stage with the penalty's word for it in brackets)
        bare = {c: squeeze(layout.headers[c]) for c in layout.kept.values() if c < len(layout.headers)
                and len(squeeze(layout.headers[c])) <= 8 and line_heading_stages(without_stage_note(squeeze(layout.headers[c])))}
        if len(bare) < 4 or max(bare) - min(bare) + 1 != len(bare) or not _duty_cells(sheet, layout, bare):
            return
        staged = bare
    # (凤翔's 受理（立案）环节 | … | 执行（发放）环节 | 事后监管 | 其他: a stage's bare name right after the stages is one more)
    kept_columns = set(layout.kept.values())
    while (after := max(staged) + 1) in kept_columns and after < len(layout.headers) \
            and len(word := squeeze(layout.headers[after])) <= 6 and line_heading_stages(word) \
            and _written_duties(_filled_cells(sheet, layout, [after])):  # (not 公开 | 监督 over 主动公开 | 12345)
        staged[after] = word
    staged.update({c: squeeze(layout.headers[c]) for c in layout.kept.values()
                   if c < len(layout.headers) and (_catch_all_header(squeeze(layout.headers[c]))
                                                   # 「其他」 right after the stages (禄丰): their catch-all
                                                   or (c == max(staged) + 1 and squeeze(layout.headers[c]) in
                                                       ("其他", "其它", "其他环节", "其他事项")))})
    layout.stage_columns = dict(sorted(staged.items()))
    layout.kept = {k: c for k, c in layout.kept.items() if c not in staged}


_NUMBERED_HEADER = re.compile(rf"^(?P<base>.+?)[_\-.．\s]?{HEADER_NUMBER}$")


def _numbered_stages(layout: SheetLayout, sheet: Sheet) -> dict[int, str]:
    """A step's header numbered, 1, 2, 3 … (新疆's export: DUTY_STAGE_1 | … | DUTY_STAGE_7; 环节1 | 环节2), each cell a step
    headed by its own name (受理责任：…): column -> its header, the cells read as duties; {} otherwise."""
    mapping = layout.match.mapping
    run: dict[int, str] = {}
    for c in layout.kept.values():
        m = _NUMBERED_HEADER.match(normalize_header(layout.headers[c])) if c < len(layout.headers) else None
        if m and (mapping.field_for(m.group("base")) or mapping.folded_field(m.group("base"))) == "stage":
            run[c] = m.group(2)
    if len(run) < 2 or run[min(run)] not in ("1", "一"):
        return {}
    cells = _filled_cells(sheet, layout, run)
    # (each a step and a sentence of what is done: not 「受理：1个工作日」 or 「决定：局长」, a time limit or who decides)
    duties = [v for v in cells if heading_stages(v) and _written_duties([re.split(r"[：:]", v, maxsplit=1)[-1]])]
    if not cells or len(duties) * 3 < len(cells) * 2:
        return {}
    return {c: layout.headers[c].strip() for c in run}


_SENTENCE_MARK = re.compile(r"[，,。；;]")
# what a step's cell holds when it says how long or who, not what is done: 「1个工作日」, 「局长」, 「县政务服务中心水利窗口」
_TIME_OR_BODY = re.compile(r"(?:\d+\s*个?(?:工作)?日|局长|科长|股长|窗口|中心|大队|支队|[科股室所队])$")


def _written_duties(cells: list[str]) -> bool:
    """Whether most cells are duties written out: a sentence, or six words or more that are no time limit or body."""
    said = [v for v in cells if v.strip() and v.strip() not in NO_SUB_ITEM and not _NONE_CELL.match(squeeze(v))]
    written = [v for v in said if _SENTENCE_MARK.search(v)
               or (len(_CJK.findall(v)) >= 6 and not _TIME_OR_BODY.search(squeeze(v).rstrip("。.")))]
    return bool(said) and len(written) * 3 >= len(said) * 2


# what a cell under a column of steps holds when it says who or where, not what is done: a level, a tick, a body
_NOT_A_DUTY = re.compile(r"(?:[√✓✔○●/\\—–－-]|是|否|有|无|(?:省|市|州|县|区|乡|镇|街道|乡镇)(?:级|本级)?|.{0,12}(?:局|厅|委|部门|政府|中心))")


def _filled_cells(sheet: Sheet, layout: SheetLayout, columns: Iterable[int]) -> list[str]:
    """The filled cells of the columns in the table's first sixty rows."""
    return [v for r in range(layout.data_start, min(sheet.nrows, layout.data_start + 60)) for c in columns
            if (v := sheet.value(r, c)).strip()]


def _duty_cells(sheet: Sheet, layout: SheetLayout, columns: dict[int, str]) -> bool:
    """Whether the columns' cells read as duties: most filled cells a step's words, not a level, a tick or a body
    (受理 | 初审 | 审核 | 审批 over 县级 | 市级 | √ say who does each step: no duties)."""
    cells = [squeeze(v).strip("。.；;") for v in _filled_cells(sheet, layout, columns)]
    return bool(cells) and sum(not _NOT_A_DUTY.fullmatch(v) for v in cells) * 2 >= len(cells)


def _sentences(sheet: Sheet, layout: SheetLayout, columns: dict[int, str]) -> bool:
    """Whether most filled cells of the columns are written in words (four Chinese characters or more), not a file's
    name, a date or a number."""
    cells = _filled_cells(sheet, layout, columns)
    return bool(cells) and sum(len(_CJK.findall(v)) >= 4 for v in cells) * 2 >= len(cells)


_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _header_words() -> frozenset[str]:
    """Every header text some mapping knows (normalised): a data row holding three is a header again."""
    return frozenset(k for m in load_mappings() for k in (*m.lookup, *m.fallback))


def _under(sheet: Sheet, r: int, c: int, sub: str) -> str:
    """The header of column c where row r+1 splits row r's merged cell: the parent's words and the
    sub-header's together when a mapping knows them (责任事项 over 内容 | 依据: 责任事项内容, 责任事项依据, not the
    power's own 依据), else the sub-header alone (实施层级及权限 over 层级 | 权限)."""
    parent = _group_head(sheet, r, c)
    joined = parent + sub.strip()
    if _duty_phase(parent, sub):
        # 责任事项 over 事前 | 事中 | 事后 (岳阳): each a column of the duties (a repeated block), its phase said as a note
        # (责任事项（事前）, as 吴忠 heads them: _merged writes each cell under its phase)
        return f"{parent}（{sub.strip()}）"
    if _bare_stage(parent, sub):
        return sub.strip() + "责任"  # 责任事项 over 受理（立案） | 告知 | …: 受理（立案）责任 (张家口)
    if squeeze(sub) in _CONTENT_HEADERS and _duties_group(parent) and recognised([parent + "内容"]):
        return parent + "内容"  # 责任事项 over 责任环节 | 具体内容 (written without its merge): the duties' content
    if _main_item(parent, sub):
        return parent  # 事项名称 over 主项 | 子项 (广东省应急管理厅, written without its merge): the item's name, then its sub-item's
    if _duty_part(parent, sub):
        return parent  # 责任事项 over 责任环节（代码） | 本事项特别责任: each a column of the duties (a repeated block)
    if _phase_stage(parent, sub):
        return _phase_stage_words(sub) + "责任"  # 事前 over 受理/立案 | 审查/调查 (石门's third row)
    if _source_kind(parent, sub):
        return parent  # 职权依据 over 法律 | 行政法规 | …: each a column of the basis (SheetLayout.source_kinds)
    if _level_split(parent, sub):
        return f"{parent}·{sub.strip()}"  # 实施层级 over 省 | 市 | 县 (√ where the level does it): kept, each its column
    if parent and recognised([joined]):
        return joined
    # a group's word no mapping knows, under a group no mapping knows either (办理时限 over 法定 | 承诺): kept with its group's
    return f"{parent}·{sub.strip()}" if parent and not recognised([sub]) and not recognised([parent]) else sub


_PHASE = re.compile(r"(?:事前|事中|事后)(?:[、和及与/]?(?:事中|事后))?(?:环节|阶段)?(?:责任)?")  # 事前事中: 崇明


# (设区市, 县（市、区）, 市（州）: 浙江's 实施层级 over 省级 | 设区市 | 县（市、区）)
_LEVEL_WORDS = re.compile(r"^(?:省|设区的?市|市|州|盟|县|区|旗|乡|镇|街道|乡镇|国家|中央)(?:[（(][市州区县旗盟、]{1,6}[)）])?(?:级|本级)?$")


def _main_item(parent: str, sub: str) -> bool:
    """主项 (its main item) under a header naming the item (事项名称 over 主项 | 子项)."""
    return squeeze(sub) in ("主项", "主项名称", "大项", "母项") and _names_item(parent)


def _level_split(parent: str, sub: str) -> bool:
    """A sub-header that is a level (省 | 市 | 县) under a level's header (松原's 实施层级, ticked √ where it does it)."""
    return bool(_LEVEL_WORDS.match(squeeze(sub))) and any(m.field_for(normalize_header(parent)) in ("level", "scope")
                                                          for m in load_mappings())


_LABELLED_FIELDS = ("responsibility_text", "accountability_situations", "accountability_subjects",
                    "responsibility_basis_text", "supervision_text")


def _labelled_row(layout: SheetLayout, row_cells: list[str]) -> str | None:
    """The field a row of two cells, a label and its text, gives the record above (伊宁's 「责任事项 | 接件：…」), when the label
    is a header of one of the duties' fields and the table has no column of it or leaves it to such rows; else None."""
    if len(row_cells) != 2 or len(row_cells[0]) > 12:
        return None
    field = layout.match.mapping.field_for(normalize_header(row_cells[0]))
    return field if field in _LABELLED_FIELDS and field not in layout.columns else None


# a table's own heading in a sheet of several: 「二、配合事项」, 「(二)公共服务事项」
_TABLE_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*\S{2,30}$")


def _table_heading_above(sheet: Sheet, r: int, *, types: bool = False) -> str | None:
    """The heading alone on the row above a header row r (the next filled row up), when it is a table's numbered heading;
    one naming a power type (「二、行政处罚」, a list's group of its powers) only with ``types``."""
    above = next((k for k in range(r - 1, -1, -1) if any(v.strip() for v in sheet.cells[k])), None)
    if above is None:
        return None
    filled = [v.strip() for v in sheet.cells[above] if v.strip()]
    if len(filled) != 1 or not _TABLE_HEADING.match(filled[0]):
        return None
    return filled[0] if types or _section_type(filled) is None else None


def _duty_part(parent: str, sub: str) -> bool:
    """A sub-header no mapping knows that is a part of the duties under their group (磐石's 责任事项 over 责任环节（代码） |
    本事项特别责任: the codes of the steps, and what this item asks beyond them): each a column of the duties."""
    words = squeeze(sub)
    return _duties_group(parent) and bool(re.search(r"责任|环节", words)) and normalize_header(sub) not in _header_words() \
        and not stage_word_pattern().match(words) and not words.startswith(("其他", "其它")) \
        and not re.search(r"主体|单位|部门|科室|处室|人|依据|追究|追责|问责|时限|期限|时间|时效|方式|地点|电话|费用", words)


def _duty_phase(parent: str, sub: str) -> bool:
    """A sub-header that is a phase of the work (事前, 事中, 事后) under a group of duties (责任事项): not a stage —
    a 事后 column may hold the 送达 — but a part of the duties."""
    # (磴口's 履责环节与内容 over 事前 | 事中 | 事后 over the stages)
    return ("责任" in parent or "履责" in parent) and bool(_PHASE.fullmatch(squeeze(sub)))


def _phase_stage(parent: str, sub: str) -> bool:
    """A sub-header that names a stage, or two joined by 「/」, under a phase of the work (石门: 责任事项 over 事前 | 事中 |
    事后 over 受理/立案 | 审查/调查 | 告知 | 决定 | 送达 | 监管/执行, a header of three rows; 丹东's 受理（立案）责任 |
    审查（调查）责任 | …, a stage with another in brackets, 责任 after it)."""
    words = _phase_stage_words(sub)
    return bool(_PHASE.fullmatch(squeeze(parent))) and len(words) <= 10 and not re.search(r"环节|阶段|责任", words) \
        and (bool(_stage_heading(words + "责任")) or words in ("其他", "其它"))  # (三明's 事后 over 监管 | 其他)


def _phase_stage_words(sub: str) -> str:
    """A phase's sub-header as stage words: 「/」 as 「、」, a closing 责任 (环节, 阶段) left off (受理/立案, 受理（立案）责任)."""
    return re.sub(r"(?:环节|阶段)?责任$|(?:环节|阶段)$", "", re.sub(r"[/／]", "、", squeeze(sub)))


def _bare_stage(parent: str, sub: str) -> bool:
    """A sub-header that is nothing but a stage's name (受理（立案）, 告知) under a group of duties (责任事项)."""
    return "责任" in parent and not re.search(r"环节|阶段|责任", sub) and bool(_stage_heading(sub.strip() + "责任"))


_SOURCE = r"(?:法律|行政法规|地方性法规|法规|自治条例|单行条例|(?:部门|政府|地方政府)?规章|(?:其他)?规范性文件|国务院决定|党内法规|其他)"
_SOURCE_KINDS = re.compile(rf"{_SOURCE}(?:(?:[及和与、，,]|以及){_SOURCE})*")


def _source_kind(parent: str, sub: str) -> bool:
    """A sub-header that is a kind of legal source (法律, 行政法规, 地方性法规及规章、规范性文件) under the basis's header."""
    return bool(parent and _SOURCE_KINDS.fullmatch(squeeze(sub)) and _basis_header(normalize_header(parent)))


def _duties_group(header: str) -> bool:
    """A group over the duties (责任事项, 责任事项及内容, 履职责任 …): not a stage's group (责任环节一, read in pairs by
    importers.pairs) nor a body's (责任主体, 责任单位)."""
    return "责任" in header and not re.search(r"环节|主体|单位|部门|科室|处室|人", header)


@lru_cache(maxsize=256)
def _basis_header(header: str) -> bool:
    """Some mapping reads the header as the power's legal basis (实施依据, 职权依据, 设定依据 …)."""
    return any(m.field_for(header) == "basis_text" for m in load_mappings())


def _group_head(sheet: Sheet, r: int, c: int) -> str:
    """The header cell of row r that stands over column c: the merge covering it, its own text, or, for a
    group written without its merge (权力事项 | "" | "" over 类别 | 名称 | 子项), the nearest text to its left
    when the row below splits that one too."""
    a = sheet.anchor(r, c)
    if a:
        return sheet.value(*a).strip()
    if own := sheet.value(r, c).strip():
        return own
    for k in range(c - 1, -1, -1):
        if head := sheet.value(r, k).strip():
            return head if sheet.anchor(r, k) is None and sheet.value(r + 1, k).strip() else ""
    return ""


_OTHERS_PART = re.compile(r"(?:职能部门|相关部门|区直部门|县直部门|市直部门|业务部门|主管部门)(?:职责|责任)$")


def _sub_header(sheet: Sheet, r: int) -> list[str] | None:
    """Row r+1 when it only splits row r's horizontally merged header cells (层级 | 权限 under
    实施层级及权限); None otherwise. The same split exported without its merge (a CSV, a sheet written
    cell by cell: 责任事项 | "" over 直接实施责任 | 指导监督责任) when every cell of the row is a header some
    mapping knows and one stands under an empty header cell, the group's continuation."""
    if r + 1 >= sheet.nrows:
        return None
    sub = sheet.cells[r + 1]
    filled = [c for c, v in enumerate(sub) if v.strip()]
    if not filled:
        return None
    if all((a := sheet.anchor(r, c)) and a[0] == r or sheet.merge_right_of(r, c) >= 1 for c in filled):
        return sub
    words = _header_words()
    unknown = [c for c in filled if not (
        normalize_header(sub[c]) in words or normalize_header(_group_head(sheet, r, c) + sub[c]) in words
        or _stage_heading(sub[c]) or _catch_all_header(squeeze(sub[c]))
        or _bare_stage(_group_head(sheet, r, c), sub[c]) or _source_kind(_group_head(sheet, r, c), sub[c])
        or _phase_stage(_group_head(sheet, r, c), sub[c])
        or _duty_phase(_group_head(sheet, r, c), sub[c]) or _level_split(_group_head(sheet, r, c), sub[c])
        # 江西省水利厅's 责任事项 | "" over 责任环节 | 具体内容, written without its merge: the duties' content beside the stage
        or (squeeze(sub[c]) in _CONTENT_HEADERS and _duties_group(_group_head(sheet, r, c)))
        or _duty_part(_group_head(sheet, r, c), sub[c]) or _main_item(_group_head(sheet, r, c), sub[c])
        # (许昌's 责任事项 over 事前环节 | 事中环节 | 事后环节 | 其他: the catch-all beside the phases)
        or (squeeze(sub[c]) in ("其他", "其它") and _duties_group(_group_head(sheet, r, c)))
        # (桐城's 职责分工 over 街道职责 | 相关职能部门职责: the departments' part beside the street's own, kept as it is)
        or _OTHERS_PART.search(squeeze(sub[c]))
        # (黄陵's 职权基本情况 over 职权名称 | 职权来源 | 实施依据: where a power comes from, kept by its header)
        or squeeze(sub[c]) in _SOURCE_COLUMNS)]
    # (湖南's 办理时限 over 法定 | 承诺 beside 权力事项 over 编码 | 名称 | 类型 …: a group's short words no mapping knows, two at
    # most among six known, kept under their group's name)
    few = len(unknown) <= 2 and len(filled) - len(unknown) >= 6 and all(
        len(squeeze(sub[c])) <= 4 and _group_head(sheet, r, c) for c in unknown)
    if (not unknown or few) and \
            any(not sheet.value(r, c).strip() and any(sheet.value(r, k).strip() for k in range(c)) for c in filled):
        return sub
    # a header written a word over two rows (四平's 序 | 事项 | 事项 over 号 | 名称 | 类型, 履职方式 over 主责 | 配合): most
    # columns a header only as the two rows' words joined; the others kept as they are
    joined = [c for c in filled if normalize_header(sheet.value(r, c) + sub[c]) in words]
    split = sum(1 for c in joined if normalize_header(sub[c]) not in words)  # (号, 名称: no header alone)
    if len(joined) >= 3 and 2 * len(joined) >= len(filled) and split >= 2:
        return sub
    return None


# A note below a table defining a term its cells use (普洱's 「附注一　通用许可责任：1.受理责任：…」, 「附注三　处罚类追责情形：…」)
_DEFINING_NOTE = re.compile(r"^(?P<note>(?:附注|注)\s*[一二三四五六七八九十\d]{1,3})[\s、.．:：]*(?P<term>[\u4e00-\u9fff]{2,16})[：:]"
                            r"(?P<body>.{10,})$", re.DOTALL)
# … and a cell pointing to one (「见附注三」, 「详见附注1」)
_SEE_NOTE = re.compile(r"^(?:详见|见|参见|按)(?P<note>(?:附注|注)\s*[一二三四五六七八九十\d]{1,3})(?:执行|规定)?[。.]?$")


# … or a template of duties a note above the table defines under a code in brackets (沙井's 填报说明: 「（A）依申请给付类通用
# 责任：受理申请…」, 「（B）行政处罚类通用责任：立案——调查取证…」), and a cell citing it (「执行（A）。」, 「执行（C）；另：对发现的…」)
_CODED_NOTE = re.compile(r"^[（(](?P<code>[A-Z]|[一二三四五六七八九十]{1,2})[)）]\s*"
                         r"(?P<term>[\u4e00-\u9fff]{0,12}(?:通用|共性|共同)(?:责任|追责情形|情形))(?:事项)?[：:](?P<body>.{10,})$",
                         re.DOTALL)
# (cited by a verb: not a bare 「（一）」 numbering a sub-item, a 「（B）」 grade, nor 「同（一）」 the item one above)
_CITES_NOTE = re.compile(r"^(?:执行|适用|按照?|参照|履行)\s*[（(](?P<code>[A-Z]|[一二三四五六七八九十]{1,2})[)）]"
                         r"(?:规定的|所列的?)?(?:通用)?(?:责任)?(?:事项)?(?:执行)?[。.]?(?:[；;，,]\s*(?P<rest>\S.*))?$", re.DOTALL)


def _coded_notes(sheet: Sheet) -> tuple[Sheet, list[str]] | None:
    """A sheet whose notes define two templates of duties or more under codes in brackets and whose cells cite them: each
    citing cell the template's text (and what the cell adds after it, on a line of its own), and the codes; None else."""
    notes = {m.group("code"): m.group("body").strip() for row in sheet.cells
             if len(filled := [v.strip() for v in row if v.strip()]) == 1 and (m := _CODED_NOTE.match(filled[0]))}
    if len(notes) < 2:
        return None
    used: list[str] = []
    cells = []
    for row in sheet.cells:
        out = []
        for v in row:
            if (m := _CITES_NOTE.match(v.strip())) and m.group("code") in notes and not _CODED_NOTE.match(v.strip()):
                used.append(m.group("code"))
                v = notes[m.group("code")] + (f"\n{m.group('rest').strip()}" if m.group("rest") else "")
            out.append(v)
        cells.append(out)
    return (replace(sheet, cells=cells), list(dict.fromkeys(used))) if used else None


def _noted_terms(sheet: Sheet) -> tuple[Sheet, list[str]] | None:
    """A sheet whose cells say a term its notes define (「通用许可责任」) or point to a note (「见附注三」): the sheet with each
    such cell (the whole cell, nothing else in it) replaced by the note's text, and the terms; None when it has none."""
    # (a term that names a template of duties or of accountability, 「通用许可责任」, 「处罚类追责情形」: not a note on a column,
    # 「注1：实施依据：…」, 「注2：责任事项：…」, a type, 「其他行政权力：…」, or a stage, 「受理：…」, whose words stand in cells
    # meaning themselves)
    words = _header_words()
    notes = [m for row in sheet.cells for v in row if v.strip() and (m := _DEFINING_NOTE.match(v.strip()))
             and re.search(r"(?:责任|情形)$", m.group("term")) and normalize_header(m.group("term")) not in words
             and power_type(m.group("term")) is None and not line_heading_stages(m.group("term"))
             and not _stage_heading(m.group("term"))]
    if not notes:
        return None
    by_term = {squeeze(m.group("term")): m.group("body").strip() for m in notes}
    by_note = {squeeze(m.group("note")): m.group("body").strip() for m in notes}
    used: list[str] = []
    cells = []
    for row in sheet.cells:
        out = []
        for v in row:
            key = squeeze(v).rstrip("。.")
            see = _SEE_NOTE.match(key)
            body = by_term.get(key) or (by_note.get(squeeze(see.group("note"))) if see else None)
            if body and not _DEFINING_NOTE.match(v.strip()):
                used.append(key)
                v = body
            out.append(v)
        cells.append(out)
    return (replace(sheet, cells=cells), list(dict.fromkeys(used))) if used else None


def _two_halves(sheet: Sheet) -> Sheet | None:
    """A table printed in two columns of the page (开阳's 「本表双栏排印：左栏为第1—5项，右栏为第6—9项」): a header row whose
    cells, three or more naming an item's fields, are written twice side by side. The sheet with the right half's rows after
    the left's (its header again, read as a header printed twice), each row keeping its number; None otherwise."""
    for r in range(min(HEADER_SEARCH_ROWS, sheet.nrows)):
        filled = [(c, squeeze(v)) for c, v in enumerate(sheet.cells[r]) if v.strip()]
        half = len(filled) // 2
        if half < 3 or len(filled) % 2 or [v for _, v in filled[:half]] != [v for _, v in filled[half:]] \
                or not any(_names_item(v) for _, v in filled[:half]):
            continue
        split = filled[half][0]
        if filled[half - 1][0] >= split or not _halves_go_on(sheet, r, filled[:half], split):
            continue
        width = max(split, sheet.ncols - split)
        cells = [list(row[:split]) + [""] * (width - split) for row in sheet.cells]
        numbers = [sheet.row_number(k) for k in range(sheet.nrows)]
        # (the right half's rows down to the table's end, its first blank row: not the notes and the signature below it)
        end = next((k for k in range(r + 1, sheet.nrows) if not any(v.strip() for v in sheet.cells[k])), sheet.nrows)
        for k in range(r, end):
            right = list(sheet.cells[k][split:])
            if any(v.strip() for v in right):
                cells.append(right + [""] * (width - len(right)))
                numbers.append(sheet.row_number(k))
        return Sheet(sheet.name, cells, row_numbers=tuple(numbers))
    return None


def _halves_go_on(sheet: Sheet, r: int, left: list[tuple[int, str]], split: int) -> bool:
    """Whether the halves of a header written twice are one table's two columns of print: the right half's first 序号 the
    next after the left's last (开阳's 左栏为第1—5项，右栏为第6—9项), or, without a 序号, a line above saying so (双栏, 左栏);
    not two tables of the same fields side by side (调整前 | 调整后, 保留事项 | 取消事项, each numbered from 1)."""
    seq = next((c for c, v in left if v in ("序号", "编号")), None)
    if seq is None:
        return any(re.search(r"双栏|左栏|右栏", v) for row in sheet.cells[:r] for v in row)
    lefts = [int(v) for k in range(r + 1, sheet.nrows) if (v := sheet.value(k, seq).strip()).isdigit()]
    rights = [int(v) for k in range(r + 1, sheet.nrows) if (v := sheet.value(k, split + seq - left[0][0]).strip()).isdigit()]
    return bool(lefts and rights) and rights[0] == lefts[-1] + 1


def _contents_sheet(sheet: Sheet, others: dict[str, Sheet]) -> bool:
    """A workbook's table of contents (迪庆's 目录: 序号 | 事项编码 | 事项名称 | 权力类型 | 对应工作表, each item on a sheet of
    its own named by its code): every row below its title and header names another sheet of the file, and that sheet
    holds the row's item (its name or code). Not a list whose column names sheets of flowcharts or of notes, nor one
    some of whose items have no sheet of their own (those would be lost)."""
    by_name = {squeeze(n): other for n, other in others.items() if squeeze(n)}
    if len(by_name) < 2:
        return False
    rows = [row for row in sheet.cells if (filled := [squeeze(v) for v in row if v.strip()])
            and not (_TOTAL_ROW.match(filled[0]) or _NOTE_ROW.match(filled[0]))]  # (its total and its notes below it)
    held: dict[str, set[str]] = {}  # a pointed sheet's name -> its cells (read once)
    pointing = 0
    for row in rows:
        named = next((n for v in row if (n := _pointed_sheet(squeeze(v))) in by_name), None)
        if named is None:
            continue
        words = {squeeze(v) for v in row if len(squeeze(v)) >= 4 and _pointed_sheet(squeeze(v)) not in by_name}
        if named not in held:
            held[named] = {squeeze(v) for r in by_name[named].cells for v in r if v.strip()}
        # (广东省应急管理厅's 目录: 行政许可 | XK | 2 | 3 | XK行政许可, the count of the items on a sheet named by their type)
        typed = type_from_sheet_name(named)
        if not words & held[named] and not (typed is not None and any(power_type(w) == typed for w in words)):
            return False  # a sheet of something else (图1, a note on 行政许可)
        pointing += 1
    return pointing >= 2 and pointing >= len(rows) - 2  # (a title and a header row)


# what a contents sheet may say of its items besides where they are (their name, code, type, number, the sheet)
_CONTENTS_FIELDS = frozenset({"seq", "code", "item_name", "sub_item_name", "type", "remarks"})


def _says_more(sheet: Sheet) -> bool:
    """Whether a contents sheet's header has a column of some other field of its items (实施依据, 承办科室, 行使层级 …)."""
    layout = find_layout(sheet)
    return layout is not None and any(f not in _CONTENTS_FIELDS for f in layout.match.columns)


# a cell pointing to a sheet of the file (钦州's 目录, 备注 「详见明细表2」)
_SHEET_POINTER = re.compile(r"^(?:详见|见|参见|具体见)(?P<sheet>.+?)(?:工作表)?[。.]?$")


def _pointed_sheet(cell: str) -> str:
    """The sheet a (squeezed) cell names: itself, or what 「详见…」 points to."""
    m = _SHEET_POINTER.match(cell)
    return m.group("sheet") if m else cell


def describe_header(sheet: Sheet) -> tuple[int, list[str]]:
    """The most header-like of the first rows (for messages): (0-based row, its non-empty cells)."""
    best = (-1, -1, 0)
    for r in range(min(HEADER_SEARCH_ROWS, sheet.nrows)):
        cells = [v.strip() for v in sheet.cells[r] if v.strip()]
        score = (recognised(sheet.cells[r]), len(cells))
        if score > best[:2]:
            best = (*score, r)
    r = best[2]
    return r, [v.strip() for v in sheet.cells[r] if v.strip()] if sheet.nrows else []


class _ListParser:
    def __init__(self, source: Source, container: str, sheets: list[Sheet]):
        self.source = source
        self.path = source.path
        self.container = container
        self.sheets = sheets
        self.errors: list[RowError] = []
        self.warnings: list[RowError] = []
        self.records: list[Record] = []
        self.unmapped: list[dict] = []  # columns no mapping knows, kept on the powers as extra fields
        self.nameless: set[int] = set()  # rows of a duty table naming their item by its code alone (duty_table.toml)
        self.group_bodies: dict[int, str] = {}  # id(record) -> the body a compilation's group row above it names
        self.sheet_typed: set[int] = set()  # records typed by their sheet's name only, no type column

    def parse(self, *, jurisdiction: str | None, department: str | None) -> ListDocument:
        layouts, unreadable = self._find_layouts()
        if not layouts:
            self._refuse_no_header(unreadable)
        self._warn_skipped_sheets(unreadable)
        used_sheets = self._read_sheets(layouts)
        self._codes_in_names()
        self._join_duty_tables()
        self._fold_contents()
        self._type_by_code()
        self._nest_sub_items()
        self._drop_item_heads()
        self._refer_to_items()
        self._warn_repeated_items()
        self._refuse_if_errors(layouts)
        titles = self._title_rows(layouts)
        naming = self._naming(layouts, titles, jurisdiction=jurisdiction, department=department)
        if not naming.version:
            naming.version = self._published_year()
        sheet_bodies = self._sheet_bodies(layouts, naming)
        departments = self._departments(naming, sheet_bodies, titles)
        self._default_levels(naming.jurisdiction_level, departments, titles)
        _delegating_bodies(self.records, departments)
        return self._document(layouts, titles, naming, used_sheets, departments, sheet_bodies)

    # -- steps of parse ----------------------------------------------------------------------

    def _find_layouts(self) -> tuple[list[tuple[Sheet, SheetLayout]], list[Sheet]]:
        """(sheets with a known header and its layout, sheets with data but no known header)."""
        layouts: list[tuple[Sheet, SheetLayout]] = []
        unreadable: list[Sheet] = []
        shared = workbook_steps(self.sheets) if len(self.sheets) > 1 else {}
        templates = workbook_templates(self.sheets) if len(self.sheets) > 1 else {}
        for sheet in self.sheets:
            if not any(v.strip() for row in sheet.cells for v in row):
                continue  # empty Sheet2 / Sheet3
            if sheet.hidden:
                self.warnings.append(RowError(
                    "已跳过隐藏的工作表：它不是清单向读者展示的内容（如已作废的旧版本）", sheet=sheet.name,
                    severity="warning"))
                continue
            self._check_cell_sizes(sheet)
            # (a contents sheet that says more of its items than where they are — 实施依据, 承办机构, 行使层级 — is read, and
            # folded into those items after: _fold_contents)
            if _contents_sheet(sheet, {s.name: s for s in self.sheets if s is not sheet}) and not _says_more(sheet):
                self.warnings.append(RowError(
                    "已跳过此工作表：它是目录，各行指向本文件中各事项自己的工作表（按那些工作表读取）", sheet=sheet.name,
                    severity="notice"))
                continue
            if (read := with_legend(sheet, shared)) is not None:
                sheet, legend = read
                self.warnings.append(RowError(
                    "此工作表的图例说明了表中记号和代码的含义（" + "、".join(
                        f"{k}={v}" for k, v in [*legend.marks.items(), *legend.codes.items(), *legend.letters.items(),
                                                *((k, name) for k, (name, _) in legend.steps.items())][:6])
                    + "…）：按图例读取", sheet=sheet.name,
                    row=sheet.row_number(min(legend.rows)) if legend.rows else None, severity="notice"))
            if (ticked := with_templates(sheet, templates)) is not None:
                sheet = ticked
                self.warnings.append(RowError(
                    "表中打“√”“★”的环节按本文件通用责任事项表中该类权力对应栏目的责任内容读取", sheet=sheet.name,
                    severity="notice"))
            if (coded := _coded_notes(sheet)) is not None:
                sheet, codes = coded
                self.warnings.append(RowError(
                    "表中写明“执行（" + "）”“执行（".join(codes[:4]) + "）”的单元格按表上说明中该代号的通用责任读取",
                    sheet=sheet.name, severity="notice"))
            if (noted := _noted_terms(sheet)) is not None:
                sheet, terms = noted
                self.warnings.append(RowError(
                    "表中写明“" + "”“".join(terms[:4]) + "”的单元格按表下附注的定义读取", sheet=sheet.name, severity="notice"))
            if (halves := _two_halves(sheet)) is not None:
                sheet = halves
                self.warnings.append(RowError(
                    "此工作表双栏排印（同一表头左右各一份）：右栏各行接在左栏之后读取", sheet=sheet.name, severity="notice"))
            if (pairs := unpaired(sheet)) is not None:
                sheet = pairs
                self.warnings.append(RowError(
                    "此工作表的责任环节按“环节 | 内容”成对的列填写（责任环节一、责任环节二…）：每对读作一个环节，"
                    "续行的各对接在同一事项之后", sheet=sheet.name, severity="notice"))
            if (stacked := item_and_stage_tables(sheet)) is not None and find_layout(stacked) is not None:
                sheet = stacked
                self.warnings.append(RowError(
                    "此工作表是一个事项的两张表（事项表一行，其下的责任环节表一行一个环节）：按一条事项读取，各环节为其责任事项",
                    sheet=sheet.name, severity="notice"))
            layout = find_layout(sheet)
            if layout is None or len(layout.match.columns) <= 2:
                # no header, or a card's line taken for one (事项名称 | 临时救助 | 事项类型 | 行政给付)
                sheet, layout = self._blocks(sheet, layout)
            if layout is None:
                unreadable.append(sheet)
            else:
                layouts.append((sheet, layout))
                for column, texts in sheet.hidden_columns:
                    header = texts[layout.header_row] if layout.header_row < len(texts) else ""
                    if header:  # a column of the table (stray cells beside it are not worth a word)
                        self.warnings.append(RowError(
                            f"已跳过隐藏的列 {header!r}：它不是清单向读者展示的内容", sheet=sheet.name,
                            column=column_letter(column), severity="notice"))
        return layouts, unreadable

    def _blocks(self, sheet: Sheet, layout: SheetLayout | None) -> tuple[Sheet, SheetLayout | None]:
        """A sheet of field | value blocks as the table it stands for, when it is one; else as it was."""
        unfolded = unfold_blocks(sheet)
        table = find_layout(unfolded) if unfolded is not None else None
        fields = "、".join([n for n in unfolded.column_names if n][:4]) if unfolded is not None else ""
        if table is not None:
            self.warnings.append(RowError(
                f"此工作表每个事项是一组“字段 | 内容”行（{fields}…）：按每组一条事项读取", sheet=sheet.name,
                row=sheet.row_number(0), severity="notice"))
            return unfolded, table
        turned = turn_table(sheet)
        table = find_layout(turned) if turned is not None else None
        if table is None and (long := long_records(sheet)) is not None and (table := find_layout(long)) is not None:
            self.warnings.append(RowError(
                f"此工作表每行是一个事项的一个字段（{'、'.join(long.column_names[:4])}…）：按每个事项的各行合成一条事项读取",
                sheet=sheet.name, row=sheet.row_number(0), severity="notice"))
            return long, table
        if table is None and (outline := outline_records(sheet)) is not None \
                and (table := find_layout(outline)) is not None:
            self.warnings.append(RowError(
                f"此工作表每行是一个事项的一部分（一列写明该行是事项、子项、依据还是责任等）：按每个事项的各行合成一条事项读取"
                f"（{'、'.join(outline.column_names[:5])}…）",
                sheet=sheet.name, row=sheet.row_number(0), severity="notice"))
            return outline, table
        if table is None and (document := document_records(sheet)) is not None \
                and (table := find_layout(document)) is not None:
            self.warnings.append(RowError(
                f"此工作表是一列写成的文档（分类标题下一个编号标题一个事项，其下一行一个“字段：内容”）：按每个编号标题一条事项读取"
                f"（{'、'.join(document.column_names[:5])}…）", sheet=sheet.name, row=sheet.row_number(0), severity="notice"))
            return document, table
        if table is None:
            cells = cell_records(sheet)
            table = find_layout(cells) if cells is not None else None
            if table is None:
                return sheet, layout
            self.warnings.append(RowError(
                f"此工作表每个事项写在一个单元格里，一行一个“字段：内容”（{'、'.join(cells.column_names[:4])}…）：按每格一条事项读取",
                sheet=sheet.name, row=sheet.row_number(0), severity="notice"))
            return cells, table
        self.warnings.append(RowError(
            f"此工作表每个事项占一列，字段在左边一列（{'、'.join(turned.column_names[:4])}…）：按每列一条事项读取；"
            "各事项报告的“行”是它所在的列（1 为 A 列）", sheet=sheet.name, row=sheet.row_number(0), severity="notice"))
        return turned, table

    def _type_by_code(self) -> None:
        """Records left without a type after the duty tables are joined, whose code names one by its letters (安徽省水利厅's
        sheet 行政强制及其他（3项）, no type column: 340000-SL-QZ-0001, -JC-, -JL-): that type, said."""
        typed = []
        for rec in self.records:
            if not (rec.type or rec.type_original) and (coded := _type_of_code(rec.code)) is not None \
                    and power_type(rec.item_name) is None \
                    and not any(w in rec.item_name and t != coded.name for w, t in _NAME_TYPES):
                rec.type, rec.type_code = coded.name, coded.code
                typed.append((rec.sheet, rec.row))
                self.warnings.append(RowError(
                    f"权力类型为空：按事项编码 {rec.code!r} 中的类型代码取为 {coded.name}", sheet=rec.sheet, row=rec.row,
                    severity="notice"))
        self.warnings = [w for w in self.warnings if not ((w.sheet, w.row) in typed and w.message.startswith("权力类型为空：已导入"))]

    def _join_duty_tables(self) -> None:
        """A list published as two tables (崇明: 一、权力清单 with each item's 类别, 依据 and 实施主体, then 二、责任清单 with
        its 责任事项 and 追责情形 by the same 序号 and 事项名称; or a sheet each): the second table's rows, typeless, are
        the duties of the items of the first, joined by the item's number the row gives (山东省体育局's 对应权力序号: 4,
        3-1 for a sub-item), else its code (新罗区's 权力编码, a sub-item's XLJT-XK-003-01), either anywhere in the list,
        else by name (and 序号 where both give one) to an item above; a row naming an item alone joins each of its
        sub-items. A row of a table of codes alone (宁夏: no name column) that joins no item is left out with a warning."""
        self._merge_coded_runs()
        joined: dict[int, list[Record]] = {}  # a duty table's record -> the items it joins
        taken: set[int] = set()
        taken_acc: set[int] = set()  # items an accountability table's row has joined
        every = [r for r in self.records if r.type or r.type_original]  # (a 责任清单 sheet may come first)
        typed: list[Record] = []
        by_name: dict[str, list[Record]] = {}
        # the rows naming each reference, in order (one item's sub-items named by its code, a row each)
        naming = Counter(_reference(r) for r in self.records
                         if not (r.type or r.type_original) and _has_duties(r) and _reference(r))
        seen: Counter = Counter()
        # (a sheet typed by its name whose rows are another sheet's items, by code or name, with their duties: 「表1 权力事项
        # 目录」 then 「表2 行政处罚」 of 事项名称 | 责任事项: the catalogue's items' duties, not powers of their own)
        catalogue = {(k, v) for r in self.records if (r.type or r.type_original) and id(r) not in self.sheet_typed
                     for k, v in (("code", _norm_code(r.code)), ("name", r.item_name + "|" + r.sub_item_name)) if v}
        for rec in self.records:
            duplicate = id(rec) in self.sheet_typed and _has_duties(rec) and (
                ("code", _norm_code(rec.code)) in catalogue or ("name", rec.item_name + "|" + rec.sub_item_name) in catalogue)
            if (rec.type or rec.type_original) and not duplicate:
                typed.append(rec)
                by_name.setdefault(rec.item_name, []).append(rec)
                continue
            if not _has_duties(rec):
                continue

            def fits(i: Record, rec: Record = rec) -> bool:
                # (not a row of another level or body: 农药经营许可 at 自治区 level, then the same at 市、县 with their duties)
                return all(getattr(rec, f) in ("", getattr(i, f)) for f in ("holder", "level", "scope", "level_original"))

            ref = _reference(rec)
            fit = [i for i in every if fits(i)]
            # (a row of accountability alone, 霍州's 追责清单: an item without accountability of its own, duties or not)
            blamed = _accountability_only(rec)
            free = {id(i) for i in fit if id(i) not in (taken_acc if blamed else taken)
                    and (not (i.accountability_situations or i.accountability_subjects) if blamed else _duty_free(i))}
            items = [i for i in _items_referred(rec, fit, seen[ref], naming[ref]) if id(i) in free] if ref else []
            seen[ref] += 1
            named = bool(items)  # by its number or code: the item and every sub-item of it the row names
            if not items:
                above = [i for i in by_name.get(rec.item_name, []) if id(i) in free
                         and (not rec.seq or not i.seq or rec.seq == i.seq)]
                items = [i for i in above if i.sub_item_name == rec.sub_item_name] or ([] if rec.sub_item_name else above)
            if not items and rec.item_name and not rec.sub_item_name:
                items = _named_alike(rec, [i for i in typed if id(i) in free])
            if items and (named or len(items) == 1 or all(i.sub_item_name for i in items)):
                joined[id(rec)] = items
                (taken_acc if blamed else taken).update(id(i) for i in items)
        left = [rec for rec in self.records if id(rec) in self.nameless and id(rec) not in joined]
        for rec in left:
            self.warnings.append(RowError(
                f"此行只写了权力编码（{rec.code}），没有事项名称，也没有对应到权力清单中尚无责任事项的事项：未导入",
                sheet=rec.sheet, row=rec.row, severity="warning"))
        if not joined and not left:
            return
        for rec in self.records:
            for item in joined.get(id(rec), []):
                _join(item, rec)
        rows = {(rec.sheet, rec.row) for rec in self.records if id(rec) in joined}
        gone = {id(rec) for rec in left} | set(joined)
        self.records = [rec for rec in self.records if id(rec) not in gone]
        self.warnings = [w for w in self.warnings if not ((w.sheet, w.row) in rows and w.message.startswith("权力类型为空"))]
        if rows:
            first = min(rows)
            self.warnings.append(RowError(
                f"第 {first[1]} 行起的 {len(rows)} 行没有权力类型，按所写的事项序号、编码或名称对应带类型的事项：按“责任清单”读取，"
                "其责任事项、追责情形等并入所对应的事项", sheet=first[0], row=first[1], severity="notice"))

    def _fold_contents(self) -> None:
        """A sheet that lists items another sheet each gives in full (湘乡: 目录 of 事项编码 | 事项名称 | 权力类型, then a sheet an
        item with its duties; no column naming the sheets, so no table of contents by `_contents_sheet`): its rows, none with
        duties, each the one item of the same code (else name) that has them, are no powers of their own; each folds into
        its item (what the item leaves blank, the catalogue's), said. Kept where any row has no such item (it would be lost)."""
        sheets: dict[str, list[Record]] = {}
        for rec in self.records:
            sheets.setdefault(rec.sheet, []).append(rec)
        if len(sheets) < 3:
            return
        gone: set[int] = set()
        by_code: dict[str, list[Record]] = {}  # the records with duties, by code and by name (each looked up once)
        by_name: dict[tuple[str, str], list[Record]] = {}
        for o in self.records:
            if _has_duties(o):
                if o.code:
                    by_code.setdefault(_norm_code(o.code), []).append(o)
                by_name.setdefault((o.item_name, o.sub_item_name), []).append(o)
        for name, recs in sheets.items():
            if len(recs) < 2 or any(_has_duties(r) for r in recs):
                continue
            twins = []
            for rec in recs:
                # (by code where both give one, else by name)
                same = [o for o in [*(by_code.get(_norm_code(rec.code), []) if rec.code else []),
                                    *(o for o in by_name.get((rec.item_name, rec.sub_item_name), [])
                                      if not (rec.code and o.code))] if o.sheet != name]
                if len(same) != 1:
                    break
                twins.append(same[0])
            else:
                for rec, twin in zip(recs, twins, strict=True):
                    _fold_into(twin, rec, {s.name for s in self.sheets})
                gone.update(id(r) for r in recs)
                self.warnings.append(RowError(
                    f"此工作表列出的 {len(recs)} 个事项在本文件其他工作表中各有完整的一份（按编码或名称对应）：按目录读取，"
                    "其各列并入对应的事项，不另作事项", sheet=name, severity="notice"))
        if gone:
            self.records = [r for r in self.records if id(r) not in gone]

    def _merge_coded_runs(self) -> None:
        """Rows of a table of codes alone that follow one another with one code (an export that fills a merged code
        down: one row a stage or a duty) are one item's duties: the first row holds them all."""
        out: list[Record] = []
        merged: set[tuple[str, int | None]] = set()
        for rec in self.records:
            prev = out[-1] if out else None
            if prev is not None and id(rec) in self.nameless and id(prev) in self.nameless and prev.sheet == rec.sheet \
                    and _norm_code(prev.code) == _norm_code(rec.code):
                prev.responsibilities = [*prev.responsibilities, *rec.responsibilities]
                for f in ("responsibility_text", "responsibility_basis_text", "accountability_situations",
                          "accountability_subjects"):
                    mine, more = getattr(prev, f), getattr(rec, f)
                    if more and more not in mine:
                        setattr(prev, f, f"{mine}\n{more}" if mine else more)
                merged.add((rec.sheet, rec.row))
                continue
            out.append(rec)
        self.records = out
        # (a row so merged is no record: not one imported without its type either — 霍州's 责任清单, a row a stage)
        self.warnings = [w for w in self.warnings if not ((w.sheet, w.row) in merged and w.message.startswith("权力类型为空"))]

    def _nest_sub_items(self) -> None:
        """Sub-items a list names by their item's code, each on a row of its own after the item's (大兴安岭's export:
        QL_BM 232700-XK-002-01 with SJ_BM 232700-XK-002, the item's code and the start of its own; or a code that is
        the item's and a number, 232700-XK-002-01 under 232700-XK-002): read as the item's sub-items, when the item
        is a power of the same type (not a group row 「XK | 行政许可」). A cell saying it is the item's (同主项, 与主项
        相同) is the item's cell, and so is a cell such a row leaves blank: the export's sub-item is a record of its
        item, what it does not say it holds as its item does (大兴安岭's sub-items of a penalty give their own 依据 and
        leave their 责任事项 blank; the reader read them with the item's duties — unlike a merged table's sub-item row
        that gives its own 依据, _read_table, which 宁德's reader read as having none). In a merged table (a 子项名称
        column) a sub-item's 「同主项」 cell is the cell of its item's own row, the nearest item row above it."""
        items: dict[tuple[str, str], Record] = {}  # (sheet, code) -> the first item of that code
        last_item: dict[str, Record] = {}  # sheet -> the last row that is an item (no sub-item name)
        nested: list[str] = []
        for rec in self.records:
            code = _norm_code(rec.code)
            parent_code = _norm_code(rec.extra.get("parent_code", ""))
            item = None
            if not rec.sub_item_name and code and len(code) <= 64:
                if parent_code and parent_code != code and code.startswith(parent_code):
                    item = items.get((rec.sheet, parent_code))
                elif not parent_code and (m := _SUB_CODE.match(code)) and _DIGIT.search(m.group("item")):
                    item = items.get((rec.sheet, m.group("item")))
                if item is not None and not _may_hold(item, rec):
                    item = None
            if item is None:
                if not rec.sub_item_name:
                    last_item[rec.sheet] = rec
                    if code:
                        items.setdefault((rec.sheet, code), rec)
                elif ((item := last_item.get(rec.sheet)) is not None and item.item_name == rec.item_name
                      and _may_hold(item, rec)):
                    self._take_from_item(rec, item, blank=False)
                continue
            rec.item_name, rec.sub_item_name = item.item_name, _SUB_ITEM_WORD.sub("", rec.item_name)
            if not (rec.type or rec.type_original):
                rec.type, rec.type_original, rec.type_code = item.type, item.type_original, item.type_code
            self._take_from_item(rec, item, blank=True)
            nested.append(f"第{rec.row}行")
        if nested:
            self.warnings.append(RowError(
                f"{'、'.join(nested[:12])}{' 等' if len(nested) > 12 else ''}按其编码（上级编码，或主项编码加序号）读作上方主项的"
                "子项；写明“同主项”的单元格，以及未写依据、责任事项、追责的子项的这些列，按主项读取", severity="notice"))

    def _area_code(self) -> str | None:
        """The area code every record gives (a platform's export: xzqhdm 510703 on each row), when it is one place's."""
        from importers.jurisdictions import by_code

        codes = {r.extra.get("area_code", "").strip() for r in self.records}
        code = codes.pop() if len(codes) == 1 else ""
        return code if code and by_code(code) else None

    def _published_year(self) -> str:
        """The year most of the records say they were published in (a platform's export: fbsj 「2024-06-30 10:12」 on
        every row, no year in its title or name), else the year the page says it was published in; "" when none says
        one."""
        def year(date: str) -> str:
            m = re.match(r"\s*((?:19|20)\d{2})(?!\d)", date)
            return m.group(1) if m else ""

        years = Counter(y for r in self.records if (y := year(r.extra.get("published_date", ""))))
        by = "各项的发布时间"
        if not years:  # (a web page's own 发布时间 line: 宜良's, above its table)
            years, by = Counter(y for s in self.sheets if (y := year(s.published))), "网页的发布时间"
        if not years:
            return ""
        found = years.most_common(1)[0][0]
        self.warnings.append(RowError(f"清单版本取为 {found}：标题和文件名中没有年份，按{by}", severity="notice"))
        return found

    def _drop_item_heads(self) -> None:
        """An item's own row that only heads its sub-items (浙江's 权力清单: 「1 | 对违反大气污染防治管理制度行为的行政处罚 |
        (子项 blank) | 行政处罚 | 330217001000 | (依据 blank) | … | 含子项」, then 1-1, 1-2 … each a sub-item of that item
        with its own 依据) is no power of its own: the item is exercised as its sub-items. Read as one, it was a power
        with neither 依据 nor 责任事项 (three false 无实施依据 findings in one list); a row that gives either stays."""
        kept, heads = [], []
        for i, rec in enumerate(self.records):
            below = self.records[i + 1] if i + 1 < len(self.records) else None
            if (not rec.sub_item_name and below is not None and below.sub_item_name and below.sheet == rec.sheet
                    and below.item_name == rec.item_name and not rec.basis_text.strip()
                    and not rec.responsibility_text.strip() and not rec.responsibilities):
                heads.append(f"第{rec.row}行")
                continue
            kept.append(rec)
        if not heads:
            return
        self.records = kept
        for position, rec in enumerate(self.records):
            rec.position = position
        self.warnings.append(RowError(
            f"{'、'.join(heads[:12])}{' 等' if len(heads) > 12 else ''}是主项的标题行（未写依据和责任事项，其下各行是它的子项）："
            "按子项读取，不另作一项权力", severity="notice"))

    @staticmethod
    def _take_from_item(rec: Record, item: Record, *, blank: bool) -> None:
        """A sub-item's cells that say they are its item's (同主项, also in each of columns merged into one: 事前 |
        事中 | 事后 each 「同主项」); with ``blank``, also those it leaves blank."""
        for f in _REFERRED_FIELDS:
            if _says_item(getattr(rec, f)) or (blank and not getattr(rec, f).strip()):
                setattr(rec, f, getattr(item, f))
                if f == "responsibility_text":
                    rec.responsibilities = list(item.responsibilities)
                    rec.supervision_text = rec.supervision_text or item.supervision_text
                elif f == "basis_text":
                    rec.citations = list(item.citations)
                elif f == "responsibility_basis_text":
                    rec.responsibility_citations = list(item.responsibility_citations)

    def _warn_repeated_items(self) -> None:
        """Three or more records in a row of one item (name, sub-item, code and type alike): a layout whose rows are
        the item's stages or parts, read as records of their own, would make each "miss" what the rows beside it
        hold (海北's 环节序号 did: 24 false findings) — said, so that a reader checks the reading before the findings."""
        for _, group in groupby(self.records, key=lambda r: (r.sheet, r.item_name, r.sub_item_name, r.code, r.type)):
            run = list(group)
            if len(run) >= 3:
                self.warnings.append(RowError(
                    f"第 {run[0].row}–{run[-1].row} 行的 {len(run)} 条记录是同一事项（{run[0].name[:30]}）："
                    "若它们是该事项的各环节或各部分，说明本清单的列未被正确读取，请核对列映射后再看检查结果",
                    sheet=run[0].sheet, row=run[0].row, severity="warning"))

    def _same_number(self, k: int) -> list[Record]:
        """The record at k and those next to it on its sheet with its 序号 (an item's sub-items numbered as the item)."""
        rec, seq = self.records[k], self.records[k].seq.rstrip(".、")
        if not seq:
            return [rec]
        lo = hi = k
        while lo > 0 and self.records[lo - 1].sheet == rec.sheet and self.records[lo - 1].seq.rstrip(".、") == seq:
            lo -= 1
        while hi + 1 < len(self.records) and self.records[hi + 1].sheet == rec.sheet \
                and self.records[hi + 1].seq.rstrip(".、") == seq:
            hi += 1
        return self.records[lo:hi + 1]

    def _codes_in_names(self) -> None:
        """Codes written in brackets after the names, where the records have no code of their own: each record's code, its
        name without it — when half the records or more (two at least) are so written, the list's way of giving its codes,
        not a bracket that happens to hold letters and digits."""
        found = [(rec, hit) for rec in self.records if not rec.code and (hit := _name_code(rec))]
        if len(found) < 2 or len(found) * 2 < len(self.records):
            return
        for rec, (f, m) in found:
            setattr(rec, f, getattr(rec, f)[:m.start()].rstrip())
            rec.code = m.group("code")

    def _refer_to_items(self) -> None:
        """A cell that says it is another item's (宽城's 「同第3项」, 扎鲁特旗's 「同ZLT-JT-04」, 周庄镇's 「见第5项」): that
        item's cell, the item found above it on its sheet by its 序号 or its code."""
        said: list[str] = []
        for i, rec in enumerate(self.records):
            for f in _REFERRED_FIELDS:
                text = getattr(rec, f)
                if not text or len(text) > 120 or text.lstrip()[:1] not in "同见参责本":
                    continue  # (a cell's first character says: most are no reference, read at a glance)
                if m := _REFER.match(squeeze(text)):
                    ref = _referred(m)
                    # (an item whose sub-items share its 序号 is no one cell: 祁门's 「参照3执行」 under item 3's two
                    # sub-items, their duties unlike, was judged to point nowhere, 2026-12-06)
                    # (the nearest above; a list whose sections number afresh has an earlier one of the same 序号)
                    at = next((k for k in range(i - 1, -1, -1) if self.records[k].sheet == rec.sheet and (
                        self.records[k].seq.rstrip(".、") == ref
                        or (self.records[k].code and self.records[k].code == ref))), None)
                    run = [] if at is None else self._same_number(at)
                    target = run[0] if run and len({getattr(t, f) for t in run}) == 1 else None
                elif m := _REFER_NAMED.match(squeeze(text)):
                    # (by its code when it gives one, else by its name; anywhere in the file, once)
                    named = [t for t in self.records if t is not rec and (
                        (t.code and t.code == m.group("code")) if m.group("code")
                        else squeeze(m.group("name")) in (squeeze(t.name), squeeze(t.item_name)))]
                    target = named[0] if len(named) == 1 else None
                else:
                    continue
                if target is None or not getattr(target, f) or _REFER.match(squeeze(getattr(target, f))):
                    continue
                setattr(rec, f, getattr(target, f))
                if f == "responsibility_text" and not rec.supervision_text:
                    rec.responsibilities = list(target.responsibilities)
                elif f == "basis_text":
                    rec.citations = list(target.citations)
                elif f == "responsibility_basis_text":
                    rec.responsibility_citations = list(target.responsibility_citations)
                said.append(f"第{rec.row}行{FIELD_LABELS.get(f, f)}（{m.group(0)}）")
        if said:
            self.warnings.append(RowError("写明“同第…项”的单元格按所指事项的同一列读取：" + "、".join(said[:20])
                                          + ("…" if len(said) > 20 else ""), severity="notice"))

    def _warn_skipped_sheets(self, unreadable: list[Sheet]) -> None:
        for sheet in unreadable:
            r, cells = describe_header(sheet)
            first = " | ".join(cells)[:300]
            explained = bool(_EXPLANATION.search(sheet.name.strip()) or _EXPLANATION.search(cells[0].strip() if cells else ""))
            self.warnings.append(RowError(
                (f"已跳过说明页（{first[:60]}）：其中没有事项" if explained else
                 f"已跳过此工作表：第 1–{HEADER_SEARCH_ROWS} 行中没有可识别的表头；第 {sheet.row_number(r)} 行为：{first}"),
                sheet=sheet.name, severity="notice" if explained else "warning"))

    def _read_sheets(self, layouts: list[tuple[Sheet, SheetLayout]]) -> list[str]:
        """Read every sheet's records; returns the names of the sheets that gave some."""
        used_sheets = []
        for sheet, layout in layouts:
            before = len(self.records)
            self._read_records(sheet, layout)
            if len(self.records) > before:
                used_sheets.append(sheet.name)
        return used_sheets

    def _refuse_if_errors(self, layouts: list[tuple[Sheet, SheetLayout]]) -> None:
        if not self.records and not self.errors:
            sheet, layout = layouts[0]
            self.errors.append(RowError(
                f"没有事项：第 {sheet.row_number(layout.header_row)} 行的表头下面没有一行填有"
                "事项名称、子项名称或权力类型", sheet=sheet.name))
        if self.errors:
            raise FileRefused(self.path, self.errors + self.warnings)

    def _title_rows(self, layouts: list[tuple[Sheet, SheetLayout]]) -> list[str]:
        """The title the file declares (JSON), then the title rows above each sheet's header."""
        declared = self._meta.get("title")
        return ([declared] if declared else []) + [t for _, lay in layouts for t in lay.titles]

    @property
    def _meta(self) -> dict[str, str]:
        """What a JSON file declares about the whole list (title, department, jurisdiction)."""
        return self.sheets[0].meta if self.sheets else {}

    def _naming(self, layouts: list[tuple[Sheet, SheetLayout]], titles: list[str], *,
                jurisdiction: str | None, department: str | None) -> Naming:
        """Who published the list, and where: refused when no department can be told."""
        try:
            naming = resolve_naming(
                self.path,
                titles=_title_candidates(titles),
                department_rows=[d for _, lay in layouts for d in lay.department_rows],
                holders=Counter(r.holder for r in self.records if r.holder)
                + Counter(self.group_bodies[id(r)] for r in self.records if id(r) in self.group_bodies),
                department=department or self._meta.get("department"),
                jurisdiction=jurisdiction or self._meta.get("jurisdiction") or self._area_code(),
                overrides=layouts[0][1].match.mapping.document,
                sheets=[sheet.name for sheet, _ in layouts if not self._meta],
            )
        except Ambiguous as exc:
            raise FileRefused(self.path, [_ambiguous(exc)]) from exc
        if naming.guessed_by:
            self.warnings.append(RowError(
                f"文件中没有写明地区：按部门别名表（importers/mappings/departments.toml）将 {naming.guessed_by} 读作 "
                f"{naming.department}（{naming.jurisdiction}）；如不是，请用 kb import --jurisdiction 指定地区，或在文件夹中放一个"
                " kb-import.toml 写明 jurisdiction", severity="warning"))
        if not naming.department:
            raise FileRefused(self.path, [RowError(
                "无法确定这份清单由哪个部门公布：标题行、部门名称行、文件名和行使主体都没有写明部门；"
                "请用 department=… 指定（kb import --department）")])
        chain = jurisdiction_chain(naming.jurisdiction)
        if len(chain) == 1 and not chain[0]["code"] \
                and not _CORPS_DIVISION.match(naming.jurisdiction):  # 长沙市某某区 still hangs under 长沙市
            self.warnings.append(RowError(
                f"地名 {naming.jurisdiction!r} 不在全国行政区划表（kb.places）和 importers/mappings/jurisdictions.toml 中，"
                "名称中也没有已知的上级地方：已作为一个没有区划代码、没有上级的地方导入；若是笔误或别称，请用 "
                "jurisdiction=… 指定（kb import --jurisdiction，名称或区划代码）", severity="warning"))
        if not naming.jurisdiction:
            self.warnings.append(RowError(
                f"无法确定行政区划：{naming.department!r} 中没有行政区划表（kb.places）"
                "或 importers/mappings/jurisdictions.toml 中的地名；请用 jurisdiction=… 指定（kb import --jurisdiction）",
                severity="warning"))
        return naming

    def _sheet_bodies(self, layouts: list[tuple[Sheet, SheetLayout]], naming: Naming) -> dict[str, str]:
        """Sheet -> the body its own title (or its name) names when that is another body than the file's: a city's
        compilation (汇编) of its departments' lists, a sheet (or a Word document's table) each under its title."""
        if len(layouts) < 2:
            return {}
        out: dict[str, str] = {}
        for sheet, layout in layouts:
            for text in [*layout.titles, sheet.name]:
                phrase = _COUNTED.sub("", department_phrase(text))  # 株洲市民政局（15项）
                try:
                    other = holder_department(phrase, naming) if phrase else ""
                except Ambiguous:
                    other = ""
                if other:
                    out[sheet.name] = other
                    break
        return out

    def _departments(self, naming: Naming, sheet_bodies: dict[str, str], titles: list[str]) -> dict[str, dict]:
        """Each record's department: the body its 行使主体 names when that is another body than the
        file's (a city's combined catalogue), else the body of the group row above it (一、湖州市综合行政执法局（6项）),
        else its sheet's when the sheet's title names another body (a compilation), else the file's.
        name -> {name, jurisdiction, level, records}."""
        out: dict[str, dict] = {}
        own_place = {}
        seen: dict[str, str] = {}  # 行使主体 or group row -> its department ("" = the file's): one reading per spelling
        compiled = self._compiled(naming, titles)
        noted: set[str] = set()  # the joint holders said

        def read(body: str, rec: Record) -> str:
            if body not in seen:
                try:
                    seen[body] = holder_department(body, naming) if body else ""
                except Ambiguous as exc:
                    raise FileRefused(self.path, [_ambiguous(exc, sheet=rec.sheet, row=rec.row)]) from exc
            return seen[body]

        for rec in self.records:
            group = self.group_bodies.get(id(rec), "") if compiled and not rec.holder else ""
            other = read(rec.holder, rec) or (read(group, rec) or sheet_bodies.get(rec.sheet, "") if not rec.holder else "")
            rec.department = other or naming.department
            if other and len(joint_bodies(rec.holder)) > 1 and rec.holder not in noted:
                noted.add(rec.holder)  # once a holder: the first row that names it
                self.warnings.append(RowError(
                    f"联合行使的权力（{rec.holder}）：归入排在第一的 {other}（牵头部门）；行使主体原文保留在该权力上",
                    sheet=rec.sheet, row=rec.row, severity="notice"))
            if not other and not rec.unit and rec.holder and own_units(rec.holder, naming):
                rec.unit = rec.holder  # 责任主体 国际交流与合作处, 三门峡市图书馆: who does the work for the department
                if naming.department_source == "holder" and rec.holder not in noted:  # (whose, in a compilation?)
                    noted.add(rec.holder)
                    self.warnings.append(RowError(
                        f"行使主体「{rec.holder}」是某部门的内设机构或执法队伍，文件未写明所属部门：归入 {naming.department}"
                        "（本文件行使主体中最常见的部门）；如不是，请在该行写明部门全称", sheet=rec.sheet, row=rec.row,
                        severity="warning"))
            if rec.department not in out:
                if other:
                    if other not in own_place:
                        own_place[other] = department_place(other, naming)
                    place = own_place[other]
                else:
                    place = naming.jurisdiction
                out[rec.department] = {"name": rec.department, "jurisdiction": place,
                                       "level": jurisdiction_level(place), "records": 0}
            out[rec.department]["records"] += 1
        return out

    def _compiled(self, naming: Naming, titles: list[str]) -> bool:
        """Whether the group rows naming bodies give the records below them to those bodies: two or more bodies, in a
        file that says it gathers departments' lists (汇编, 市级部门 …) or names no department of its own. Not a
        township's list grouping its powers by the county bodies that delegated them, nor a department's list
        grouping its own by its units (不动产登记中心)."""
        if len(set(self.group_bodies.values())) < 2 or naming.department_source in ("option", "mapping"):
            return False
        said = " ".join([*titles, Path(self.path).stem])
        return bool(_COMPILATION.search(squeeze(said))) or naming.department_source not in ("title", "filename",
                                                                                              "department_row")

    def _compilation(self, naming: Naming, titles: list[str], sheet_bodies: dict[str, str]) -> bool:
        """A compilation of several bodies' lists: one that names no body of its own but in its rows (正定县县级部门权责清单
        汇编), or whose sheets are under other bodies' titles and that says it gathers them (汇编, 市级部门 …) or names
        no body of its own; not a department's list with one sheet of another body's (株洲市民政局's, its second sheet
        株洲市财政局's: its records moved from it)."""
        if naming.department_source == "holder":
            return True
        said = " ".join([*titles, Path(self.path).stem])
        return bool(sheet_bodies) and (bool(_COMPILATION.search(squeeze(said)))
                                       or naming.department_source not in ("title", "filename", "department_row"))

    def _default_levels(self, publisher_level: str, departments: dict[str, dict], titles: list[str]) -> None:
        # A row the list gives no level (no level column, no keyword, no 市本级 scope, no level sheet)
        # is taken to be implemented at its department's own level: a county bureau's list holds county
        # powers. level_original stays "" so the level is seen to be inferred, not published; rows
        # that name another level (自治区级 in a city list) keep theirs, but for an item catalogued above the
        # level that exercises it (below).
        directory = bool(_LEVELS_DIRECTORY.search(squeeze(" ".join([*titles, Path(self.path).stem]))))
        for rec in self.records:
            department = departments.get(rec.department, {})
            level = department.get("level") or publisher_level
            if not rec.level and level:
                rec.level = level
            elif rec.level == "city" and level == "county" and _own_city_level(rec, department.get("jurisdiction", "")):
                rec.level = "county"  # 市级 in the list of 天门市 or 浏阳市 (a county-level city) is its own level
                rec.exercised_at = ["county" if lv == "city" else lv for lv in rec.exercised_at]
            elif not directory and _catalogued_above(rec, level):
                rec.level = level
        # (rows naming several levels below, 市县两级, were never given one of them: their list's level is theirs)
        catalogued = [rec for rec in self.records if rec.exercised_at and rec.level in LEVEL_RANK
                      and all(LEVEL_RANK[lv] > LEVEL_RANK[rec.level] for lv in rec.exercised_at)]
        if catalogued and not directory:
            first = catalogued[0]
            self.warnings.append(RowError(
                f"{len(catalogued)} 项的实施层级只写了本清单层级之下的层级：作为本级（{LEVEL_TITLES[first.level]}）清单所列、"
                f"由所写层级实施的事项导入，例如「{first.name}」由{'、'.join(LEVEL_TITLES[lv] for lv in first.exercised_at)}"
                f"实施（实施层级：{first.level_original or first.scope}）", sheet=first.sheet, row=first.row,
                severity="notice"))

    def _document(self, layouts: list[tuple[Sheet, SheetLayout]], titles: list[str], naming: Naming,
                  used_sheets: list[str], departments: dict[str, dict], sheet_bodies: dict[str, str]) -> ListDocument:
        mapping_names = list(dict.fromkeys(lay.match.mapping.name for _, lay in layouts))
        # a compilation's department whose records are all on sheets of their own: its list's title is theirs
        # (湖州市市场监督管理局权责清单, not the first sheet's 湖州市综合行政执法局权责清单)
        by_sheet: dict[str, set[str]] = {}
        for rec in self.records:
            by_sheet.setdefault(rec.sheet, set()).add(rec.department)
        for sheet, layout in layouts:
            owners = by_sheet.get(sheet.name, set())
            own = _title_candidates(layout.titles)
            if len(owners) == 1 and own and len(departments) > 1 and sheet_bodies.get(sheet.name) in owners:
                departments[next(iter(owners))].setdefault("title", own[0])  # (its title names that department)
        return ListDocument(
            path=self.path,
            sha256=self.source.sha256,
            container=self.container,
            mapping="+".join(mapping_names),
            title=_list_title(_title_candidates(titles)),
            department=naming.department,
            department_source=naming.department_source,
            jurisdiction=naming.jurisdiction,
            jurisdiction_level=naming.jurisdiction_level,
            version=naming.version,
            records=self.records,
            warnings=self.warnings,
            sheets=used_sheets,
            fields=sorted({f for _, lay in layouts for f in lay.columns} - self._boundary_only(layouts)),
            departments=sorted(departments.values(), key=lambda d: d["name"] != naming.department),
            unmapped=self.unmapped,
            compilation=self._compilation(naming, titles, sheet_bodies),
        )

    def _boundary_only(self, layouts: list) -> set[str]:
        """{"responsibility_text"} when the file's only duty column says where a body's part ends (职责边界) and none of
        its rows gave a duty from it (kept as 职责边界 instead): the list has no 责任事项 column, one finding for the list
        (gaps.no_responsibility), not one per power."""
        duty_layouts = [lay for _, lay in layouts if "responsibility_text" in lay.columns]
        if duty_layouts and all(_boundary_column(lay) for lay in duty_layouts) and not any(r.responsibility_text
                                                                                  for r in self.records):
            return {"responsibility_text"}
        return set()

    # -- problems that refuse the file -------------------------------------------------------

    def _check_cell_sizes(self, sheet: Sheet) -> None:
        for r, row in enumerate(sheet.cells):
            for c, v in enumerate(row):
                if len(v) > MAX_CELL_CHARS:
                    self.errors.append(RowError(
                        f"单元格内容过长：{len(v):,} 个字符（最多接受 {MAX_CELL_CHARS:,} 个；"
                        "文件是否导出时出错？）", sheet=sheet.name, row=sheet.row_number(r),
                        column=_column_name(sheet, c)))

    def _refuse_no_header(self, unreadable: list[Sheet]) -> None:
        if not unreadable:
            raise FileRefused(self.path, [RowError(
                f"清单为空：{self.source.name} 的各工作表都没有数据")])
        sheet = unreadable[0]
        r, cells = describe_header(sheet)
        found = " | ".join(cells)[:500] or "（无内容）"
        # Each mapping's required columns by its own first header text (事项名称 + 权力类型, 服务事项 …).
        needs = " 或 ".join(dict.fromkeys(
            " + ".join(m.columns[f][0] for f in m.required) for m in load_mappings()))
        detail = ""
        partial = [match_header(sheet.cells[r], m) for m in load_mappings()]
        partial = [m for m in partial if m.columns]
        if partial:
            best = max(partial, key=lambda m: m.score)
            detail = (f"；列映射 '{best.mapping.name}' 认出了 "
                      f"{'、'.join(sheet.value(r, c).strip() for c in best.columns.values())}，但缺少 "
                      f"{'、'.join(FIELD_LABELS.get(f, f) for f in best.missing)}")
        self.errors.append(RowError(
            f"没有可识别的表头：前 {HEADER_SEARCH_ROWS} 行与任何列映射都不相符。"
            f"找到的表头：{found}{detail}（清单需要这些列：{needs}）",
            sheet=sheet.name, row=sheet.row_number(r)))
        raise FileRefused(self.path, self.errors)

    # -- records -----------------------------------------------------------------------------

    def _read_records(self, sheet: Sheet, layout: SheetLayout) -> None:
        """Every table of the sheet, one after another (a second header on the sheet starts the next)."""
        # a group row just above the first header (武冈: 「一、行政许可（3项）」, then 序号 | 事项名称 | …): its table's type
        above = next((r for r in range(layout.header_row - 1, -1, -1) if any(v.strip() for v in sheet.cells[r])), None)
        section = _section_type(sheet.cells[above]) if above is not None else None
        first = (section, " ".join(v.strip() for v in sheet.cells[above] if v.strip())[:40]) if section else None
        table: tuple[SheetLayout, tuple[PowerType, str] | None] | None = (layout, first)
        while table is not None:
            table = self._read_table(sheet, *table)

    def _read_table(self, sheet: Sheet, layout: SheetLayout, section: tuple[PowerType, str] | None
                    ) -> tuple[SheetLayout, tuple[PowerType, str] | None] | None:
        """The records of one table; the next table's layout (and the group row above it) when another
        header follows on the sheet."""
        ctx = _SheetContext(sheet, layout, level_from_sheet_name(sheet.name), type_from_sheet_name(sheet.name))
        ctx.section = section
        ctx.types_once_per_group = _types_once_per_group(sheet, layout)
        ctx.status_column = _status_column(sheet, layout)
        first_record = len(self.records)
        cols = layout.columns
        self._warn_unmapped_columns(ctx)
        seen: dict[tuple, int] = {}
        prev: Record | None = None
        cancelled: Record | None = None  # the record above when its 备注 cancelled it (its sub-item rows go too)
        skip_before = layout.data_start
        note_row = -2  # the row of a note (注：…) just read
        for r in range(layout.data_start, sheet.nrows):
            if r < skip_before:
                continue  # the second row of a header printed again
            own = {f: sheet.value(r, c).strip() for f, c in cols.items()}
            if not any(own.values()):
                continue  # filler row of a merged block, or empty
            row_cells = [v.strip() for v in sheet.cells[r] if v.strip()]
            if ((_NOTE_ROW.match(row_cells[0]) and not power_type(own.get("type", "")))
                    or (len(row_cells) == 1 and note_row == r - 1 and _NOTE_LINE.match(row_cells[0]))):
                note_row = r
                # 备注：包括市、区两级… closing the sheet (and its numbered lines below it: 吉林's 「2.“承办机构”为…」); or
                # 「备注：」 in the first column, its lines in the next (长葛: 备注： | 1.事项编码采用…)
                continue
            if all(_SIGNATURE.match(v) for v in row_cells) or (len(row_cells) == 1 and _SIGNED.match(row_cells[0])):
                continue  # 孔村镇: 填表人： | 审核人： | 联系电话： under the table; 仙居县人民政府办公室 2025年4月印发
            if len(row_cells) == 1 and (common := _COMMON_DUTIES.match(row_cells[0])):
                # 丹江口's 「本类事项共性责任事项：1.受理责任：…」 under 「一、行政许可类」: the duties of every item below it in its
                # group, with each item's own (责任事项（个性）); under no group heading, no group to give them to (not read)
                if ctx.section is not None:
                    ctx.common = (ctx.section, row_cells[0][common.end():].strip())
                self.warnings.append(RowError(
                    f"第 {sheet.row_number(r)} 行的共性责任事项按其下同组各事项的责任事项读取（与各事项自己的责任事项合并）"
                    if ctx.section is not None else
                    f"第 {sheet.row_number(r)} 行是共性责任事项，但它不在某一类事项的分组行下，不知适用于哪些事项：未并入任何事项",
                    sheet=sheet.name, row=sheet.row_number(r), severity="notice" if ctx.section is not None else "warning"))
                continue
            if _column_numbers(row_cells):
                self.warnings.append(RowError(f"列序号行（{' | '.join(row_cells)[:40]}）：不是事项，未导入",
                                              sheet=sheet.name, row=sheet.row_number(r), severity="notice"))
                continue  # 西双版纳: 1 | 2 | … | 12 under a header, numbering its columns
            if len(row_cells) == 1 and _PAGE_ROW.match(squeeze(row_cells[0])):
                continue  # 延庆: 「第1页，共3页」 printed under each page of an export
            if _TOTAL_ROW.match(squeeze(row_cells[0])) and not power_type(own.get("type", "")):
                self.warnings.append(RowError(f"合计行（{' | '.join(row_cells)[:60]}）：不是事项，未导入",
                                              sheet=sheet.name, row=sheet.row_number(r), severity="notice"))
                continue
            if len(row_cells) == 1 and _TABLE_TITLE.search(row_cells[0]):
                self.warnings.append(RowError(f"表格标题行（{row_cells[0][:60]}）：不是事项，未导入",
                                              sheet=sheet.name, row=sheet.row_number(r), severity="notice"))
                continue
            if self._header_like(own, row_cells):
                last = sheet.row_index(prev.row) if prev else r - 1
                second = layout_at(sheet, r, above_from=last + 1)
                if second is None and r + 1 < sheet.nrows:
                    second = layout_at(sheet, r + 1, above_from=last + 1)  # the upper row of a two-row header
                if second is not None and second.columns != layout.columns \
                        and (deeper := _third_row(sheet, second)) is not None and deeper.columns == layout.columns:
                    second = deeper  # (贵港's header of three rows printed again under 「续表」: 主项 | 子项 its last)
                if second is not None and second.columns == layout.columns:
                    self.warnings.append(RowError(  # a header printed again on every page of an export
                        "表头行重复出现（如分页时每页重复表头）：已跳过", sheet=sheet.name, row=sheet.row_number(r),
                        severity="notice"))
                    skip_before = second.data_start
                    continue
                if second is not None:
                    self.warnings.append(RowError(
                        f"此行起是同一工作表上的另一个表格（表头：{' | '.join(row_cells)[:120]}）：按它自己的表头读取",
                        sheet=sheet.name, row=sheet.row_number(r), severity="notice"))
                    between = ctx.section is not None and ctx.section_row > last  # its group row is above it
                    return second, ctx.section if between else None
                if (heading := _table_heading_above(sheet, r)) is not None:
                    # 永登's 「二、配合事项」 over 序号 | 配合事项 | 牵头部门 | 镇政府配合职责: a table of another kind under its own
                    # heading, no list of powers: not read as the table above's rows, and said; a list's table after it
                    # (「三、行政处罚」 over its own header) is read
                    self.warnings.append(RowError(
                        f"此行起是同一工作表上的另一个表格（{heading}；表头：{' | '.join(row_cells)[:100]}）：不是权力清单的"
                        "表头，此表未导入", sheet=sheet.name, row=sheet.row_number(r), severity="warning"))
                    for k in range(r + 1, sheet.nrows):
                        if (after := _table_heading_above(sheet, k, types=True)) is not None \
                                and (third := layout_at(sheet, k, above_from=k)) is not None:
                            section = _section_type([after])
                            return third, (section, after[:40]) if section else None
                    return None
            if prev is not None and (field := _labelled_row(layout, row_cells)) is not None \
                    and all(any(v.strip() for v in sheet.cells[k]) for k in range(sheet.row_index(prev.row) + 1, r)):
                # (right under its record, no blank row between: not a closing note 「责任事项 | 各事项均按照…」 below the table)
                # 伊宁's record row, then 「 | 责任事项 | <the duties, merged across>」 and 「 | 追责情形 | …」 under it: the
                # record's field (and its sub-items' above it that have none of their own)
                self._fill_labelled(prev, field, row_cells[1])
                continue
            if (on := _continued_from(own, self.records[first_record:])) is not None:
                # 瓦房店: 「6（续）」 after a page's footer and the header printed again, item 6's cells going on: its duties
                self._continue_record(ctx, r, on, own)
                continue
            # (a duty table without a name column: its rows name their items by code, joined below)
            coded = "item_name" not in cols and bool(own.get("code")) and bool(
                own.get("responsibility_text") or own.get("accountability_situations"))  # (or an accountability table)
            if not coded and (not any(own.get(f) for f in KEY_FIELDS) or _group_heading(own)):
                self._non_record_row(ctx, r, own, prev)
                continue
            values = {f: _filled(sheet, r, c) for f, c in cols.items()}
            kept = {k: _filled(sheet, r, c) for k, c in layout.kept.items()}
            if prev is not None and prev is not cancelled and not layout.repeats.get("responsibility_text") \
                    and _same_item_next_duty(prev, values, kept):
                # 临渭: one row a stage (责任环节 | 责任事项), the item's cells written again on every row (a merged
                # block exported filled): the row is one more duty of the record above; 翁牛特旗: the same, one duty
                # a row, no stage column (「审查责任：…」, 「决定」); the row's own 责任事项依据 goes with it
                duty = values.get("responsibility_text", "")
                duty = "" if _DITTO.match(squeeze(duty)) else duty
                if (unit := _name(values.get("unit", ""))) and not _DITTO.match(unit) and unit not in NO_SUB_ITEM \
                        and not _NONE_CELL.match(unit):
                    prev.unit = "、".join(dict.fromkeys(u for u in (*prev.unit.split("、"), *unit.split("、")) if u))
                if id(prev) not in ctx.stage_rows:
                    first = {k: prev.extra[k] for k in layout.kept if prev.extra.get(k)}
                    ctx.stage_rows[id(prev)] = (prev, [(_first_step(prev), first)])
                ctx.stage_rows[id(prev)][1].append(
                    (_name(values.get("stage", "")), {k: _text(v) for k, v in kept.items() if v.strip()}))
                if values.get("stage", "").strip():
                    if _add_stage_row(prev, values["stage"], duty, values.get("responsibility_basis_text", ""), in_turn=True):
                        continue  # the record's 追责情形 (its basis the accountability's, not a duty's)
                    _add_stage_accountability(prev, values)
                elif line_heading_stages(squeeze(duty).rstrip("。.；;")):
                    _add_stage_row(prev, squeeze(duty).rstrip("。.；;"), "")
                elif duty:
                    _add_headed_duties(prev, duty)
                _add_duty_basis(prev, values.get("responsibility_basis_text", ""))
                continue
            for f, later in layout.repeats.items():
                texts = [values.get(f, ""), *(_filled(sheet, r, c) for c in later)]
                if f == "seq" and texts[0].strip() and all(not t.strip() or _numbered_under(texts[0], t) for t in texts[1:]):
                    values[f] = texts[0]  # (枝江's second table's 序号 beside the first's, 1 | 1-1: the record's number)
                    continue
                duties = [t for t in texts if t.strip() and t.strip() not in NO_SUB_ITEM and not _NONE_CELL.match(squeeze(t))]
                if f == "responsibility_text" and len(duties) > 1:
                    # duties in columns side by side (事前 | 事中 | 事后): each cell ends its sentence, so that one
                    # column's last step does not run into the next one's first (a placeholder, 暂无, stays one)
                    texts = [t.rstrip() + "。" if t in duties and t.rstrip()[-1] not in _SENTENCE_END else t for t in texts]
                # each kind of source its own column: said before its text, as lists write 【法律】《…》 in one cell
                texts = [f"【{layout.source_kinds[c]}】{t.strip()}" if c in layout.source_kinds and t.strip()
                         and not _DITTO.match(squeeze(t)) and t.strip() not in NO_SUB_ITEM else t
                         for c, t in zip((cols[f], *later), texts, strict=True)]
                values[f] = _merged(texts, [layout.headers[c] if c < len(layout.headers) else "" for c in (cols[f], *later)])
            # (a note above the table saying what the columns hold for some types: those types' rows read by it)
            row_type = power_type(values.get("type", "")) or ctx.sheet_type
            staged = [(noted[1] if (noted := layout.noted_columns.get(c)) and row_type is not None
                       and row_type.name in noted[0] else heading, _filled(sheet, r, c))
                      for c, heading in layout.stage_columns.items()]
            for i, (heading, text) in enumerate(staged):  # 「同上」 in a stage's column: the record above's cell of it
                if prev is not None and _DITTO.match(squeeze(text)) and ctx.staged_above.get(heading):
                    staged[i] = (heading, ctx.staged_above[heading])
                    ctx.dittoed.append(f"第{sheet.row_number(r)}行{heading}")
                elif (m := _REFER.match(squeeze(text))) and ctx.staged_of.get(_referred(m), {}).get(heading):
                    staged[i] = (heading, ctx.staged_of[_referred(m)][heading])  # 「同第5项」: item 5's cell of it
                    ctx.dittoed.append(f"第{sheet.row_number(r)}行{heading}（{m.group(0)}）")
            if ((not own.get("item_name") or _DITTO.match(squeeze(own["item_name"]))) and own.get("sub_item_name")
                    and prev is not None and sheet.anchor(r, cols["item_name"]) is None):
                if prev is cancelled:
                    continue  # a sub-item of the cancelled item above (an unmerged export)
                # Sub-item rows of an unmerged export (CSV) leave the item name blank, or write 「同上」 (东营's 环评
                # 报告表审批, 三门峡's second 文物 sub-item): fill it down.
                values["item_name"] = prev.item_name
                if not values.get("seq", "").strip():
                    values["seq"] = prev.seq
                if not values.get("type", "").strip() or _DITTO.match(squeeze(values["type"])):
                    # … and its type (安陆's second 子项 under 医疗机构设置审批及执业登记)
                    if values.get("type", "").strip():
                        ctx.dittoed.append(f"第{sheet.row_number(r)}行{FIELD_LABELS.get('type', 'type')}")
                    values["type"] = prev.type_original or prev.type
                # … and the item's cells beside it that a merge would have covered (湖南's 药品批发企业经营许可's
                # sub-items: 实施依据, 责任事项, 追责情形 and 实施主体 blank under the item's row), when the row writes
                # none of them itself but 「同上」 (宁德's sub-items give their own 设定依据 and leave their duties
                # blank: a reader reads them as having none)
                # (a 实施主体 or 承办机构 written on every row is not the row's own writing; nor a sub-item's own basis on a
                # row that leaves its type to the item's merge above, under the item's row or a sibling sharing it, 渭南's
                # 涉路施工许可 whose sub-items give 依据名称 | 条款 and nothing else: judged to share the item's duties,
                # 2026-12-06 — 宁德's write their type on each row; 兴城's 变更申请 follows a sibling with duties of its own,
                # judged to have none)
                basis_below_item = "type" in cols and not own.get("type", "").strip() and (
                    prev.row in ctx.filled_down
                    or ("item_name" in cols and sheet.value(sheet.row_index(prev.row), cols["item_name"]).strip()))
                writes_own = any(values.get(f, "").strip() and not _DITTO.match(squeeze(values[f]))
                                 for f in _SHARED_FIELDS if f in cols and f not in ("holder", "unit")
                                 and not (f == "basis_text" and basis_below_item))
                shared = [] if writes_own else [
                    f for f in _SHARED_FIELDS if f in cols and not values.get(f, "").strip() and getattr(prev, f, "")
                    and not (f == "responsibility_text" and "stage" in cols)]
                for f in shared:
                    values[f] = getattr(prev, f)
                # … and the stages' columns, every one blank (安徽省交通运输厅's second 超限运输许可 sub-item: its 备注
                # 「责任事项同上」), as a merge over both rows would have read them
                # (not a sub-item whose remarks say something else, 「已划转…本级不再承担」, 「备案类事项，无审批环节」, nor one of
                # another type than its item)
                said = squeeze(values.get("remarks", ""))
                if not writes_own and staged and not any(t.strip() for _, t in staged) \
                        and any(t.strip() for t in ctx.staged_above.values()) \
                        and (not said or _SAME_AS_ITEM.search(said)) \
                        and power_type(own.get("type", "")) in (None, power_type(prev.type_original or prev.type)):
                    staged = [(heading, ctx.staged_above.get(heading, "")) for heading, _ in staged]
                    shared.append("stages")
                if shared:
                    ctx.filled_down.append(sheet.row_number(r))
            elif prev is not None and _DITTO.match(squeeze(values.get("type", ""))) and (prev.type_original or prev.type):
                values["type"] = prev.type_original or prev.type  # a type of 「同上」: the record above's
                ctx.dittoed.append(f"第{sheet.row_number(r)}行{FIELD_LABELS.get('type', 'type')}")
            if prev is not None and not values.get("type", "").strip() and (prev.type_original or prev.type) \
                    and not sheet.column_names and not _SUB_NUMBER.match(values.get("seq", "").strip()) \
                    and ctx.section is None and ctx.types_once_per_group \
                    and not _code_names_other_type(values.get("code", ""), prev) \
                    and (cols.get("type", 99) < min(cols.get(f, 99) for f in ("seq", "code", "item_name"))
                         or (cols.get("type", 99) < cols.get("item_name", -1)
                             and (own.get("seq", "").strip() or own.get("code", "").strip()))):
                # 南院门: the type in the first column, written once over its group's rows (a merge exported blank); 花园
                # 街道: 序号 | 类别 | 事项名称, the 类别 written on each group's first row, each row numbered (普洱: coded)
                values["type"] = prev.type_original or prev.type
                ctx.typed_down.append(sheet.row_number(r))
            whole = prev is not None and _ditto(values, prev, ctx, sheet.row_number(r))
            record = self._record(ctx, r, values)
            if ctx.common is not None and ctx.common[0] == ctx.section:
                _with_common_duties(record, ctx.common[1])
            if whole:
                record.responsibilities = [replace(d) for d in prev.responsibilities]
            ctx.staged_above = dict(staged)
            for ref in {record.seq.rstrip(".、"), record.code} - {""}:
                ctx.staged_of.setdefault(ref, dict(staged))
            for heading, text in staged:
                if text.strip() and not _NONE_CELL.match(squeeze(text)):
                    # a cell that is nothing but its step's name (沭阳's 「立案调查。」 under 受理环节, 「送达执行。」 under
                    # 送达环节: a penalty in columns named for a permit) names its own stages, as one headed by its own
                    # step does (「调查、审查：两名以上监察员调查取证」 under 审查环节)
                    name = squeeze(text).rstrip("。.；;，,")
                    if line_heading_stages(name):
                        _add_stage_row(record, name, "")
                    elif heading_stages(text) or sum(1 for d in _duties(_text(text)) if d.stage) >= 2:
                        # (德州: 「调查责任：…。审查责任：…」, two steps in one column's cell; 济宁: 「1.立案：…8.其他：…」, the
                        # whole procedure numbered in the first stage's column)
                        _add_headed_duties(record, text)
                    else:
                        _add_stage_row(record, heading, text)
            for k, v in kept.items():
                if v.strip() and k not in record.extra:
                    record.extra[k] = _text(v)
            _delegation_manner(record)  # after the kept columns: 权力来源 is kept by its header
            dropped = _status_dropped(record, ctx)
            if dropped:  # 陕西's export: STATUS 0 beside 1s; a 事项状态 of 停用, 已取消
                self.warnings.append(RowError(
                    f"{dropped}：{_excerpt(record.name, 30)} 不是现行权力，未导入", sheet=sheet.name, row=sheet.row_number(r),
                    severity="notice"))
                prev = cancelled = record
                continue
            status = _STATUS_REMARK.match(squeeze(record.remarks)) or _GONE_AT_END.search(squeeze(record.remarks))
            if status and status.group("gone"):
                self.warnings.append(RowError(
                    f"备注写明「{_excerpt(record.remarks, 60)}」：{_excerpt(record.name, 30)} 不是现行权力，未导入",
                    sheet=sheet.name, row=sheet.row_number(r), severity="notice"))
                prev = cancelled = record
                continue
            if status:
                self.warnings.append(RowError(
                    f"备注写明「{_excerpt(record.remarks, 60)}」：{_excerpt(record.name, 30)} 仍作为本清单所列的权力导入；请核对承接方"
                    "的清单",
                    sheet=sheet.name, row=sheet.row_number(r), severity="notice"))
            key = tuple(v for f, v in sorted({**values, **kept}.items()) if f != "seq") + tuple(t for _, t in staged)
            if key in seen:
                self.warnings.append(RowError(
                    f"重复行：第 {sheet.row_number(r)} 行除序号外各列都与第 {seen[key]} 行相同"
                    "（两行都保留）", sheet=sheet.name, row=sheet.row_number(r), severity="warning"))
            else:
                seen[key] = sheet.row_number(r)
            self.records.append(record)
            prev = record
        if ctx.filled_down:
            rows = "、".join(str(n) for n in ctx.filled_down[:12]) + (" 等" if len(ctx.filled_down) > 12 else "")
            self.warnings.append(RowError(
                f"第 {rows} 行（子项）只写了子项名称：其空白的依据、责任事项、追责等列按上方一行的同一列读取（合并单元格导出后留空）",
                sheet=sheet.name, severity="notice"))
        staged_keys = _stage_kept_columns(ctx, self.records[first_record:])
        if staged_keys:
            self.warnings.append(RowError(
                f"列 {'、'.join(staged_keys)} 在同一事项的各环节行中各不相同：按环节保存（每行「环节：内容」）",
                sheet=sheet.name, severity="notice"))
        if ctx.typed_down:
            rows = "、".join(str(n) for n in ctx.typed_down[:12]) + (" 等" if len(ctx.typed_down) > 12 else "")
            self.warnings.append(RowError(
                f"第 {rows} 行的权力类型为空：按上方一行的类型读取（类型列在事项名称之前，每组只在第一行写一次，合并单元格导出后留空）",
                sheet=sheet.name, severity="notice"))
        if ctx.dittoed:
            self.warnings.append(RowError(
                f"「同上」按上一项的同一列读取：{'、'.join(ctx.dittoed[:12])}{' 等' if len(ctx.dittoed) > 12 else ''}",
                sheet=sheet.name, severity="notice"))
        return None

    def _fill_labelled(self, prev: Record, field: str, text: str) -> None:
        """A labelled row's text as the field of the record above, and of the rows of its item above it (a sub-item's
        rows, then the labelled rows of all of them) that have no text of that field of their own."""
        group = [prev]
        for rec in reversed(self.records[:-1] if self.records and self.records[-1] is prev else self.records):
            if rec.sheet != prev.sheet or rec.item_name != prev.item_name or getattr(rec, field):
                break
            group.append(rec)
        for rec in group:
            if getattr(rec, field):
                setattr(rec, field, getattr(rec, field) + "\n" + text)
            else:
                setattr(rec, field, text)
            if field == "responsibility_text":
                rec.responsibilities = list(_duties(rec.responsibility_text))

    @staticmethod
    def _header_like(own: dict[str, str], row_cells: list[str]) -> bool:
        """A row that may be a header printed again or the next table's: its 序号 or 事项名称 cell holds a
        header's words (cheap, for every row), and three of its cells are header texts."""
        item, seq = own.get("item_name", ""), own.get("seq", "")
        words = _header_words()
        # (a data row's 序号 is a number and its name seldom short: most rows end at the first test)
        if seq and not seq[0].isdigit() and normalize_header(seq) in words:  # 序号 where a number stands
            return sum(normalize_header(v) in words for v in row_cells) >= 2
        if not ("名称" in item or (len(item) <= 16 and normalize_header(item) in words)):
            return False
        return sum(normalize_header(v) in words for v in row_cells) >= 3

    def _continue_record(self, ctx: _SheetContext, r: int, rec: Record, own: dict[str, str]) -> None:
        """A row going on with an earlier record's cells (its 序号 「6（续）」): its duties, stage columns, bases and
        accountability added to it."""
        sheet = ctx.sheet
        for c, heading in ctx.layout.stage_columns.items():
            if (text := _filled(sheet, r, c)).strip() and not _NONE_CELL.match(squeeze(text)):
                _add_stage_row(rec, heading, text)
        cols = ctx.layout.columns
        texts = [own.get("responsibility_text", ""), *(_filled(sheet, r, c) for c in ctx.layout.repeats.get(
            "responsibility_text", []) if "responsibility_text" in cols)]
        for text in texts:
            if text.strip():
                _add_headed_duties(rec, text)
        for key, c in ctx.layout.kept.items():  # (its 办理时限, its 备注: the record's, after its own)
            if (text := _filled(sheet, r, c).strip()):
                rec.extra[key] = "\n".join(t for t in (rec.extra.get(key, ""), _text(text)) if t)
        rec.remarks = "\n".join(t for t in (rec.remarks, own.get("remarks", "").strip()) if t)
        _add_basis(rec, own.get("basis_text", ""))
        _add_duty_basis(rec, own.get("responsibility_basis_text", ""))
        _add_stage_accountability(rec, own)
        self.warnings.append(RowError(f"此行续第 {rec.row} 行的事项（序号 {own.get('seq', '').strip()}）：其内容并入该事项",
                                      sheet=sheet.name, row=sheet.row_number(r), severity="notice"))

    def _non_record_row(self, ctx: _SheetContext, r: int, own: dict[str, str], prev: Record | None) -> None:
        """A row with values but no 事项名称, 子项名称 or 权力类型 of its own."""
        sheet, cols = ctx.sheet, ctx.layout.columns
        # (怀柔: 「（接上页）\n（5）决定阶段：…」 after a page's footer, the record's duties going on: read without its mark)
        own = {f: _PAGE_ON.sub("", v, count=1) for f, v in own.items()}
        if self._section_row(ctx, r, prev, early=True):
            return
        body = _body_row(sheet.cells[r])
        if body:  # a compilation's department heading: the records below are that body's (until the next one)
            ctx.body, ctx.section = body, None
            return
        named = [f for f in ("item_name", "type") if f in cols]  # (none in a duty table of codes: no continuation)
        name_covered = bool(named) and all(sheet.covered_from_above(r, cols[f]) for f in named)
        # 肇东 (a CSV): one row per stage, the record's other cells left blank below its first row, not merged
        # (… its 序号 written again on each of its rows, 湖南省农业农村厅's export: SEQ 1 on every line of item 1)
        same_number = prev is not None and own.get("seq", "").strip() == prev.seq.strip()
        stage_row = bool(own.get("stage")) and not any(own.get(f) for f in ("item_name", "sub_item_name", "type")) \
            and (not own.get("seq", "").strip() or same_number)
        # 广文街道 (a CSV): 「2.调查核实：…」 alone in the 责任事项 cell below 「1.受理：…」, every other cell blank — the
        # record's next duty, numbered on from the one above
        filled = {c for c, v in enumerate(sheet.cells[r]) if v.strip()}
        # (延边, 龙胜: with the duty's own basis beside it, 责任事项内容 | 责任事项依据)
        duty_cells = {cols[f] for f in ("responsibility_text", "responsibility_basis_text") if f in cols}
        # (枝江: 权力清单 | 责任清单 side by side on one sheet, the second's 序号 numbering each duty by its item's, 1-1, 1-2 …)
        numbered = {c for c in ctx.layout.repeats.get("seq", [])
                    if prev is not None and prev.seq and _numbered_under(prev.seq, sheet.value(r, c))}
        if prev is not None and not (name_covered or stage_row) and cols.get("responsibility_text") in filled \
                and filled <= duty_cells | numbered:
            if _more_duties(prev, own["responsibility_text"], numbered_on=True):
                _add_duty_basis(prev, own.get("responsibility_basis_text", ""))
                return  # (only those cells: a row with more, a guidance column or a kept one, is reported as before)
            if numbered & filled:  # a duty its number ties to the item above, whatever its heading: 「6-3 | 期限：…」
                _add_headed_duties(prev, own["responsibility_text"])
                _add_duty_basis(prev, own.get("responsibility_basis_text", ""))
                return
        # 宁乡: the item's next legal basis a row, its next duty beside it (「2.审查责任：…」), every other cell blank; 友谊路:
        # a record spread over rows, each with its next duty, 问责 and basis (unmerged): the texts of the record above
        # (not a row whose duties are numbered from 1 again: another record whose name was left out, reported below)
        text_cells = {cols[f] for f in _CONTINUED_FIELDS if f in cols}
        again = _numbered_again(prev, own.get("responsibility_text", "")) if prev is not None else False
        if prev is not None and not (name_covered or stage_row) and filled <= text_cells and not again \
                and (own.get("basis_text") or own.get("accountability_situations") or own.get("accountability_subjects")
                     or own.get("responsibility_basis_text")):  # (西峡: a record's second line, its 责任事项依据 alone)
            _add_basis(prev, own.get("basis_text", ""))
            _add_duty_basis(prev, own.get("responsibility_basis_text", ""))
            _add_stage_accountability(prev, own)
            text = own.get("responsibility_text", "")
            if text and not _DITTO.match(squeeze(text)) and not _more_duties(prev, text, numbered_on=True):
                _add_headed_duties(prev, text)  # its next duty, in words of its own
            return
        if prev is not None and (name_covered or stage_row):
            # 农业农村局 征收: a 县市区农业农村局 row under the 自治区农业农村厅 row of the same item. It
            # continues the record above; its own values are kept there rather than lost.
            staged = bool(own.get("stage"))
            if staged:
                # 郏县, 济源: one row per stage (办理环节 | 责任事项内容): the row is one more duty.
                _add_stage_row(prev, own["stage"], own.get("responsibility_text", ""), in_turn=True)
            elif not [f for f, v in own.items() if v and v != getattr(prev, f, None) and f != "responsibility_text"] \
                    and _more_duties(prev, own.get("responsibility_text", "")):
                staged = True  # 桦南: 「2.审查责任：…」 alone on a row of its own, no 办理环节 column
            parts = [f"{FIELD_LABELS.get(f, f)}：{v}" for f, v in own.items()
                     if v and v != getattr(prev, f, None)
                     and not (staged and f in ("stage", "responsibility_text"))]
            if staged and not parts:
                return
            note = f"第{sheet.row_number(r)}行：" + "；".join(parts)
            prev.extra["续行"] = (prev.extra["续行"] + "\n" + note) if "续行" in prev.extra else note
            what = ("此行的办理环节和责任事项内容是该事项的一项责任，其他列的内容" if staged else "此行的内容")
            self.warnings.append(RowError(
                f"此行是第 {prev.row} 行事项的续行（其事项名称和权力类型是与上方合并的单元格）；"
                f"{what}保存在该事项的 extra['续行'] 中", sheet=sheet.name,
                row=sheet.row_number(r), severity="warning"))
            return
        if self._section_row(ctx, r, prev, early=False):
            return
        if _group_row(sheet.cells[r]):
            ctx.section = None  # 「三、行政审批（1项）」: a group of no type known here ends the one above
        shown = "; ".join(f"{FIELD_LABELS.get(f, f)}={v[:30]}" for f, v in own.items() if v)
        self.warnings.append(RowError(
            f"已忽略此行：没有事项名称、子项名称或权力类型（{shown}）", sheet=sheet.name,
            row=sheet.row_number(r), severity="warning"))

    @staticmethod
    def _section_row(ctx: _SheetContext, r: int, prev: Record | None, *, early: bool) -> bool:
        """「一、行政许可（2项）」 across the row: the type of the records below it. Before the row is read as the record
        above going on (`early`) only where it stands in no duty's column (a duty 「3.其他」 or a stage 「5.检查」 is none)
        and is no line of a basis that lists (「…包括：」 then 「（一）行政许可」): 长治's group rows stand in its first
        column, the 设定依据's, and are no basis of the record above (2026-12-05)."""
        sheet, cols = ctx.sheet, ctx.layout.columns
        section = _section_type(sheet.cells[r])
        if section is None:
            return False
        if early:
            filled = {c for c, v in enumerate(sheet.cells[r]) if v.strip()}
            duty_cells = {cols[f] for f in ("responsibility_text", "responsibility_basis_text", "stage") if f in cols}
            if filled <= duty_cells or (prev is not None and filled == {cols.get("basis_text")}
                                        and prev.basis_text.rstrip().endswith(("：", ":"))):
                return False
        ctx.section = (section, " ".join(v.strip() for v in sheet.cells[r] if v.strip())[:40])
        ctx.section_row = r
        return True

    def _record(self, ctx: _SheetContext, r: int, values: dict[str, str]) -> Record:
        mapping = ctx.layout.match.mapping
        defaults = mapping.defaults
        get = values.get
        rec = Record(sheet=ctx.sheet.name, row=ctx.sheet.row_number(r), position=len(self.records),
                     item_name=_name(get("item_name", "")))
        if ctx.body:
            self.group_bodies[id(rec)] = ctx.body
        typed = _TYPED_NAME.match(rec.item_name)
        if typed and not get("type", "").strip() and power_type(typed.group("type")):
            # 安化: 【行政许可】食品经营许可 — the type in brackets before the name, no type column
            values = {**values, "type": typed.group("type")}
            get = values.get
            rec.item_name = typed.group("name")
        if shared := [f for f in HELD_FIELDS if f in ctx.layout.columns
                      and ctx.layout.columns[f] == ctx.layout.columns.get("item_name")]:
            # (宁阳's 【编码】权力名称（类型）: 「【370921-XK-0002】教师资格认定（行政许可）」, the code and type in the name's cell)
            rec.item_name, held = _held_in_name(rec.item_name, shared)
            values = {**values, **{f: held.get(f, "") for f in shared}}
            get = values.get
        for f in ("seq", "code", "holder", "unit"):
            setattr(rec, f, _name(get(f, "")) or defaults.get(f, ""))
        sub = _name(get("sub_item_name", ""))
        rec.sub_item_name = "" if sub in NO_SUB_ITEM else sub
        for f in TEXT_FIELDS:
            setattr(rec, f, _text(get(f, "")) or defaults.get(f, ""))
        for key in mapping.extra_keys:
            if get(key, "").strip():
                rec.extra[key] = _text(get(key, ""))
        if not rec.item_name and "item_name" not in ctx.layout.columns and rec.code:
            self.nameless.add(id(rec))  # a duty table's row: the item of its code, or refused (_join_duty_tables)
        elif not rec.item_name:
            self.errors.append(RowError(
                "事项名称为空，且此行不是上方某个事项的子项", sheet=rec.sheet, row=rec.row,
                column=ctx.column_name("item_name")))
        self._set_type(ctx, rec, get("type", ""))
        _set_level(rec, get("level", ""), get("scope", ""), defaults, ctx.default_level)
        _accountability_after(rec, ctx)
        rec.item_name = _COUNT_NOTE.sub("", rec.item_name) or rec.item_name
        if (mark := _NAME_MARK.match(rec.item_name)) and rec.item_name[mark.end():].strip():
            # (福山镇's 「◆农村村民宅基地审批」, 「▲乡村建设规划许可证核发」: its legend above says what each mark means)
            rec.extra.setdefault("名称标记", mark.group(0).strip())
            rec.item_name = rec.item_name[mark.end():].strip()
        if get("stage", "").strip():  # one row per stage: this row is the first duty, its rows below the others
            text, rec.responsibility_text = rec.responsibility_text, ""
            if _add_stage_row(rec, get("stage", ""), text, rec.responsibility_basis_text, in_turn=True):
                rec.responsibility_basis_text = ""  # (its 追责情形 the first row: the row's 依据 is the accountability's)
        else:
            rec.responsibilities = list(_duties(rec.responsibility_text))
            if rec.responsibilities and not any(d.stage for d in rec.responsibilities) and _boundary_column(ctx.layout):
                # (贡江镇's 职责边界 「镇负责辖区内…的日常巡查和立案查处；涉及…的由县市场监督管理局负责」: where its parts
                # end, not the steps of the power; a column of steps, 1.受理… 2.审查…, is read as the duties: 塔城)
                rec.extra.setdefault(normalize_header(ctx.layout.headers[ctx.layout.columns["responsibility_text"]])
                                     or "职责边界", rec.responsibility_text)  # (as the overlaps read it: 职 责 边 界)
                rec.responsibility_text, rec.responsibilities = "", []
        if rec.supervision_text in NO_SUB_ITEM:  # 无, 暂无: no measures
            rec.supervision_text = ""
        if rec.supervision_text:  # a column of supervision measures: one more duty
            rec.responsibilities.append(supervision_duty(len(rec.responsibilities) + 1, rec.supervision_text))
        rec.citations = list(_citations(rec.basis_text))
        rec.responsibility_citations = list(_citations(rec.responsibility_basis_text))
        return rec

    def _set_type(self, ctx: _SheetContext, rec: Record, raw: str) -> None:
        rec.type_original = raw.strip()
        pt = power_type(raw)
        if pt is None and "\n" in raw.strip():  # two type columns kept both (qllx 「01」 and qllxmc 「行政许可」): the one read
            pt = next((found for line in raw.split("\n") if (found := power_type(line))), None)
        if pt:
            rec.type, rec.type_code = pt.name, pt.code
            return
        column = ctx.column_name("type")
        if raw.strip():
            self.warnings.append(RowError(
                f"无法识别的权力类型 {raw.strip()!r}：已导入，但不带权力类型（应为以下之一：行政许可、行政处罚、"
                "行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力、公共服务）",
                sheet=rec.sheet, row=rec.row, column=column, severity="warning"))
            return
        default = power_type(ctx.layout.match.mapping.defaults.get("type", ""))
        if default:  # the layout declares its type (a service list): nothing to report
            rec.type, rec.type_code = default.name, default.code
        elif ctx.section:
            # 那坡县: the types as group rows (一、行政许可（2项）) above their records, no type column
            rec.type, rec.type_code = ctx.section[0].name, ctx.section[0].code
            self.warnings.append(RowError(
                f"权力类型为空：按上方的分组行 {ctx.section[1]!r} 取为 {ctx.section[0].name}",
                sheet=rec.sheet, row=rec.row, column=column, severity="notice"))
        elif ctx.sheet_type and column is None:
            # 晋江: one sheet per type and no type column at all: the sheet's name is its rows' type (said once)
            rec.type, rec.type_code = ctx.sheet_type.name, ctx.sheet_type.code
            self.sheet_typed.add(id(rec))
            if not ctx.type_said:
                ctx.type_said = True
                self.warnings.append(RowError(
                    f"此工作表没有权力类型列：其各行按工作表名称 {ctx.sheet.name!r} 取为 {ctx.sheet_type.name}",
                    sheet=rec.sheet, row=rec.row, severity="notice"))
        elif ctx.sheet_type:
            # 农业农村局 keeps one sheet per type (行政处罚（254项）); 4 of its rows leave 权力类型 empty.
            rec.type, rec.type_code = ctx.sheet_type.name, ctx.sheet_type.code
            self.warnings.append(RowError(
                f"权力类型为空：按工作表名称 {ctx.sheet.name!r} 取为 {ctx.sheet_type.name}",
                sheet=rec.sheet, row=rec.row, column=column, severity="warning"))
        elif (noted := power_type(rec.remarks)) and squeeze(rec.remarks) == noted.name:
            # 浙江's sheet 检查及其他 (行政检查、行政强制), no type column: each row's 备注 names its type, and nothing else
            rec.type, rec.type_code = noted.name, noted.code
            self.warnings.append(RowError(f"权力类型为空：按备注取为 {noted.name}", sheet=rec.sheet, row=rec.row,
                                          column=column, severity="notice"))
        else:
            self.warnings.append(RowError("权力类型为空：已导入，但不带权力类型", sheet=rec.sheet,
                                          row=rec.row, column=column, severity="warning"))

    def _warn_unmapped_columns(self, ctx: _SheetContext) -> None:
        """Columns no mapping knows: kept on every power as an extra field (x_<header>), and listed; columns read
        as one stage each, said."""
        sheet, layout = ctx.sheet, ctx.layout
        if layout.stage_columns:
            self.warnings.append(RowError(
                "第 " + "、".join(column_letter(c) for c in layout.stage_columns) + " 列（"
                + "、".join(layout.headers[c].strip() for c in layout.stage_columns)
                + "）各是一个办理环节：每格读作该环节的责任事项", sheet=sheet.name,
                row=sheet.row_number(layout.header_row), severity="notice"))
        for key, c in layout.kept.items():
            if any(sheet.value(r, c).strip() for r in range(layout.data_start, sheet.nrows)):
                text = sheet.value(layout.header_row, c).strip()
                self.unmapped.append({"sheet": sheet.name, "column": _column_name(sheet, c), "header": text,
                                      "kept_as": f"x_{key}"})
                self.warnings.append(RowError(
                    f"{'字段' if sheet.column_names or sheet.row_base == 0 else f'第 {column_letter(c)} 列'} {text!r} 不在列映射"
                    f"「{mapping_title(layout.match.mapping.name)}」中；其内容作为附加字段 {key!r} 保存在每项权力上", sheet=sheet.name,
                    row=sheet.row_number(layout.header_row), column=_column_name(sheet, c), severity="notice"))


# a column of each item's status in a database's export (状态 | 事项状态 | STATUS), and the words that say it is gone
# (武义's 「Status 事项状态」: either words of a header in English and Chinese)
_STATUS_HEADER = re.compile(r"^(?:STATUS|STATE)?(?:事项|权力|职权)?(?:状态|有效状态|是否有效|是否启用)$|^(?:STATUS|STATE|SXZT|ZT|IS_VALID|VALID|SFYX)$",
                            re.IGNORECASE)
_STATUS_GONE = re.compile(r"^(?:停用|无效|失效|作废|已作废|取消|已取消|废止|已废止|注销|已注销|禁用|暂停|已暂停|否|N|NO|FALSE|DISABLED|INVALID)$",
                          re.IGNORECASE)


def _status_column(sheet: Sheet, layout: SheetLayout) -> tuple[str, bool] | None:
    """The kept column of each item's status, and whether it holds 0 and 1 alone with some 1s (then 0 is "not in
    force", as a database writes it; a column of other numbers says nothing)."""
    statuses = [k for k in layout.kept if _STATUS_HEADER.match(normalize_header(k))]
    key = next((k for k in statuses if "事项" in k), next(iter(statuses), None))  # (the item's own status first)
    if key is None:
        return None
    values = {sheet.value(r, layout.kept[key]).strip() for r in range(layout.data_start, sheet.nrows)} - {""}
    return key, bool(values) and values <= {"0", "1"} and "1" in values


def _status_dropped(record: Record, ctx: _SheetContext) -> str:
    """Why a record is not in force by its status column (「STATUS 为 0」, 「事项状态为 停用」), or ""."""
    if ctx.status_column is None:
        return ""
    key, binary = ctx.status_column
    value = squeeze(record.extra.get(key, ""))
    if _STATUS_GONE.match(value) or (binary and value == "0"):
        return f"{key} 为 {value}"
    return ""


# words of an item's name that say its type: a code's letters saying another (XLJT-XK-009 道路运输监督检查) do not type it
_NAME_TYPES = (("处罚", "行政处罚"), ("检查", "行政检查"), ("许可", "行政许可"), ("审批", "行政许可"), ("查封", "行政强制"),
               ("扣押", "行政强制"), ("奖励", "行政奖励"), ("给付", "行政给付"), ("征收", "行政征收"), ("裁决", "行政裁决"))


def _type_of_code(code: str) -> PowerType | None:
    """The one power type a code names by its letters as a part of its own (340000-SL-QZ-0001: 行政强制); None when it
    names none or several."""
    if not _DIGIT.search(code or ""):
        return None  # (a group's code, 「XK」 over its powers: no item's)
    found = {t.name: t for t in power_types() if t.letters
             and re.search(rf"(?:^|[-_－—.]){t.letters}(?:[-_－—.]|\d|$)", _norm_code(code))}
    return next(iter(found.values())) if len(found) == 1 else None


def _code_names_other_type(code: str, prev: Record) -> bool:
    """A code whose letters name a type other than the record above's (QZ001 under a 行政处罚): not its group's."""
    letters = {t.letters: t.name for t in power_types() if t.letters}
    found = {name for lt, name in letters.items() if re.search(rf"(?<![A-Z]){lt}(?![A-Z])", _norm_code(code))}
    return bool(found) and (prev.type or "") not in found


def _types_once_per_group(sheet: Sheet, layout: SheetLayout) -> bool:
    """Whether the table writes each power type once, over its group (a merge exported blank below its first row):
    among the rows that name an item, some give no type, and no two types given one after another are the same."""
    name_col, type_col = layout.columns.get("item_name"), layout.columns.get("type")
    if name_col is None or type_col is None:
        return False
    types = [sheet.value(r, type_col).strip() for r in range(layout.data_start, sheet.nrows)
             if sheet.value(r, name_col).strip()]
    given = [t for t in types if t]
    return len(given) < len(types) and all(a != b for a, b in pairwise(given))


@dataclass
class _SheetContext:
    """What the rows of one sheet share."""

    sheet: Sheet
    layout: SheetLayout
    default_level: str | None  # from a sheet named after a level (林草: 地州级 / 区县级)
    sheet_type: PowerType | None  # from a sheet named after a type (行政处罚（254项）)
    section: tuple[PowerType, str] | None = None  # the group row above (一、行政许可（2项）) and its text
    type_said: bool = False  # the notice that the sheet's name gives its rows' type is given (once a sheet)
    section_row: int = -1  # the row of the group row that gave `section`
    body: str = ""  # a compilation's group row above naming its department (一、湖州市综合行政执法局（6项）)
    dittoed: list[str] = field(default_factory=list)  # 「第5行 责任事项」: cells reading 同上, filled from the row above
    filled_down: list[int] = field(default_factory=list)  # sub-item rows whose blank shared cells were the item's
    typed_down: list[int] = field(default_factory=list)  # rows whose blank type (the first column) was the row above's
    # the table writes each type once, on its group's first row, blank below it (花园街道: 行政处罚 | 空 | 行政检查 …):
    # _types_once_per_group (a list that types every row leaves a blank as an omission, not a merge)
    types_once_per_group: bool = False
    # a kept column giving each item's status (状态, STATUS) and whether its values are 0 and 1 alone (0: not in force)
    status_column: tuple[str, bool] | None = None
    # the records of one row a stage: id -> (record, [(its step, its kept columns) for each of its rows])
    stage_rows: dict[int, tuple[Record, list[tuple[str, dict[str, str]]]]] = field(default_factory=dict)
    staged_above: dict[str, str] = field(default_factory=dict)  # the record above's cells of the stage columns
    staged_of: dict[str, dict[str, str]] = field(default_factory=dict)  # … of each record by its 序号 and code
    # a group's common duties, on a row of their own over its items (本类事项共性责任事项：…): (the group, the duties)
    common: tuple[tuple[PowerType, str] | None, str] | None = None

    def column_name(self, fld: str) -> str | None:
        col = self.layout.columns.get(fld)
        return None if col is None else _column_name(self.sheet, col)


# A sheet that explains the list (赣州's 说明: 「赣州市市场监督管理局权责清单说明」), skipped with a notice, not a warning
_EXPLANATION = re.compile(r"(?:说明|封面)$")  # (the sheet's name, or its first line: not 权责事项目录, 备注)


def _boundary_column(layout: SheetLayout) -> bool:
    """Whether the sheet's duties come from a column that says where a body's part ends (职责边界)."""
    col = layout.columns.get("responsibility_text")
    header = layout.headers[col] if col is not None and col < len(layout.headers) else ""
    return normalize_header(header) in BOUNDARY_HEADERS


# A row of a group's common duties (丹江口's 「本类事项共性责任事项：1.受理责任：…」), and an item's words saying they are not its
# own (「本事项不适用本类共性责任事项，责任事项为：…」)
_COMMON_DUTIES = re.compile(r"^(?:本类|该类|此类|同类|各)?(?:事项)?的?(?:共性|通用|共同)责任(?:事项)?(?:内容)?(?:为|是)?\s*[:：]\s*(?=\S)")
_NOT_COMMON = re.compile(r"(?:不适用|不执行|不按|无需履行|不履行)(?:本类|该类|此类|上述|前述|以上)?(?:事项)?的?(?:共性|通用|共同)责任"
                         r"(?:事项)?(?P<part>中的?(?P<stages>[^，,。；;]{2,30}?)(?:责任|环节))?"
                         r"|(?:共性|通用|共同)责任(?:事项)?(?:不适用|不执行)")


def _with_common_duties(rec: Record, common: str) -> None:
    """The record's duties its group's common ones, then its own, unless its own say the common ones are not its (or
    some of them: 「不适用本类共性责任事项中的送达责任」 leaves those steps out)."""
    shared = list(_duties(common))
    if said := _NOT_COMMON.search(squeeze(rec.responsibility_text)):
        if not said.group("part"):
            return
        left_out = set(line_heading_stages(said.group("stages")))
        shared = [d for d in shared if d.stage not in left_out]
    after = max((d.seq for d in shared), default=0)
    rec.responsibilities = shared + [replace(d, seq=d.seq + after) for d in rec.responsibilities]
    rec.responsibility_text = "\n".join(t for t in (common, rec.responsibility_text) if t)


# A group row's words around its type: 一、 / （一） / 第一部分 before, （2项） / 共2项 / 类 / 事项 after.
_SECTION_NUMBER = re.compile(r"^(?:第?[一二三四五六七八九十百\d]+(?:部分|类)?[、.．:：\s]*|[（(][一二三四五六七八九十\d]+[)）][、.．\s]*)")
_SECTION_COUNT = re.compile(r"[（(]?共?\d+\s*[项条个][)）]?$")


# 屯溪's 「【一、依法承接的行政执法事项】」 alone in its 类别 column (read as the type): a group's heading, no record
_GROUP_HEADING = re.compile(r"^[【\[]?(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])[^】\]]{2,30}[】\]]?$")


def _group_heading(own: dict[str, str]) -> bool:
    """A row whose only value is a group's numbered heading in the type's column, no type itself."""
    filled = {f: v for f, v in own.items() if v.strip()}
    return set(filled) == {"type"} and power_type(filled["type"]) is None \
        and bool(_GROUP_HEADING.match(squeeze(filled["type"])))


def _group_row(cells: list[str]) -> str:
    """The words of a group row (一、行政许可（2项）, （二）行政处罚类, 行政检查) without its numbering and count:
    one text across the row, numbered or counted or naming a type in full; "" for any other row."""
    # (防城港's 「一、行政许可」 with ——, /, 无 in the row's other cells)
    values = {squeeze(v) for v in cells if v.strip() and not _NONE_CELL.match(squeeze(v))}
    if len(values) != 1:
        return ""
    raw = values.pop()
    text = _SECTION_COUNT.sub("", _SECTION_NUMBER.sub("", raw))
    marked = text != raw
    pt = power_type(text)
    if not 2 <= len(text) <= 10 or not (marked or (pt and pt.name in text)):
        return ""  # a bare 检查 left in one column of a CSV row is no heading
    return text


def _body_row(cells: list[str]) -> str:
    """The body a compilation's group row names (「一、湖州市综合行政执法局（6项）」 across the row, numbered or counted):
    its name without its numbering and count; "" for any other row."""
    values = {squeeze(v) for v in cells if v.strip() and not _NONE_CELL.match(squeeze(v))}
    if len(values) != 1:
        return ""
    raw = values.pop()
    text = _COUNTED.sub("", _SECTION_COUNT.sub("", _BODY_NUMBER.sub("", raw)))  # (三门峡市…: no number to strip)
    if text == raw or not 4 <= len(text) <= 30 or power_type(text) or not names_a_body(text):
        return ""
    return text


_BODY_NUMBER = re.compile(r"^(?:第?[一二三四五六七八九十百\d]+[、.．:：]|[（(][一二三四五六七八九十\d]+[)）][、.．]?)")
# A title or name that says the file gathers several departments' lists (its group rows then name whose records follow)
_COMPILATION = re.compile(r"汇编|汇总|合订|各部门|市级部门|县级部门|区级部门|部门权责清单目录|政府部门权责清单")


def _section_type(cells: list[str]) -> PowerType | None:
    """The power type a group row names; None for any other row."""
    text = _group_row(cells)
    return power_type(text) if text else None


def _column_name(sheet: Sheet, c: int) -> str:
    """Column letter; for JSON (no letters) the key; for blocks unfolded, the label."""
    if c < len(sheet.column_names):
        return sheet.column_names[c]
    if sheet.row_base == 0:
        return sheet.value(0, c) or column_letter(c)
    return column_letter(c)


def _merged(values: list[str], headers: list[str] = ()) -> str:
    """A field a repeated block of columns fills more than once: the first non-empty value; different
    non-empty values are all kept, one per line; a placeholder (暂无, 无, /) is no value. Duties in columns
    headed by their kind (直接实施责任 | 指导监督责任) keep the heading, as in a cell that holds both."""
    kinds = duty_kind_words()
    seen: list[str] = []
    for i, v in enumerate(values):
        if not v or not v.strip() or v.strip() in NO_SUB_ITEM:
            continue
        header = re.sub(r"\s+", "", headers[i]) if i < len(headers) else ""
        phase = _PHASE.search(header) if "责任" in header or _PHASE.fullmatch(header) else None
        if header.endswith("责任") and header[:-2] in kinds:
            v = f"{header}：\n{v.strip()}"
        elif phase and not _DITTO.match(squeeze(v)) and not _REFER.match(squeeze(v)):
            # a phase's column (责任事项（事前） | …（事中） | …（事后）, or 事前 | 事中 | 事后 under 责任事项): its duties
            # under its column's name, as importers.duties reads a cell so headed (吴忠: 「受理：…」 | 「审查…」 | 「证后监管…」
            # are three duties, not one headed 受理 that holds the others)
            v = f"责任事项（{re.sub(r'[、和及与/]|环节|阶段|责任', '', phase.group(0))}）：{v.strip()}"
        if v not in seen:
            seen.append(v)
    return "\n".join(seen)


def _ambiguous(exc: Ambiguous, **where: object) -> RowError:
    candidates = "、".join(f"{p.path.replace('/', '')}（{p.code}）" for p in exc.candidates[:12])
    return RowError(f"地名 {exc.name!r} 有歧义：有 {len(exc.candidates)} 个地方叫这个名字：{candidates}。"
                    "请在标题或文件名中写明所属的省或市，或用 jurisdiction=… 指定"
                    "（kb import --jurisdiction 地名或行政区划代码）", **where)


def _numbered_under(seq: str, text: str) -> bool:
    """Whether a 序号 numbers a part of item `seq` (「1-2」 under 1: 枝江's duties, each numbered by its item's)."""
    return bool(re.fullmatch(rf"{re.escape(squeeze(seq).rstrip('.、'))}\s*[-－—]\s*\d{{1,2}}", squeeze(text)))


_CONTINUED_SEQ = re.compile(r"^(\d{1,4})[（(](?:续|接上页|续上页)[)）]$|^续(\d{1,4})$")


# (… or says only that it goes on with the record above: 磴口's 「（续上）」, its 执行 cell going on, 2026-12-06)
_CONTINUED_ABOVE = re.compile(r"^[（(]?(?:续上|接上|续上行|接上行|续前|续上页|接上页)[)）]?$")


def _continued_from(own: dict[str, str], records: list[Record]) -> Record | None:
    """The record a row goes on with when its 序号 says so (「6（续）」, 「续6」; 「（续上）」 the last one) and it names no
    item of its own."""
    if own.get("item_name", "").strip():
        return None
    if _CONTINUED_ABOVE.match(squeeze(own.get("seq", ""))):
        # (a row naming a sub-item, a type or a code of its own is a record, whatever its 序号 says)
        named = any(own.get(f, "").strip() for f in ("sub_item_name", "type", "code"))
        return records[-1] if records and not named else None
    m = _CONTINUED_SEQ.match(squeeze(own.get("seq", "")))
    if m is None:
        return None
    number = m.group(1) or m.group(2)
    return next((rec for rec in reversed(records) if rec.seq.rstrip(".、") == number), None)


def _filled(sheet: Sheet, r: int, c: int) -> str:
    """The cell's value, or the value of a vertical merge that covers it from above."""
    v = sheet.value(r, c)
    if not v:
        a = sheet.anchor(r, c)
        if a and a[1] == c and a[0] < r:
            v = sheet.value(*a)
    return v


def _more_duties(rec: Record, text: str, numbered_on: bool = False) -> bool:
    """A continuation row whose 责任事项 cell goes on with the record's numbered duties (「2.审查责任：…」
    under 「1.受理责任：…」, one a row): its duties are the record's next ones. False (nothing added) when
    the cell names no stage of its own — or, `numbered_on`, when its number is not the next one (a row that
    holds nothing else: 「5.报送：…」 after 「4.公示：…」 is the next duty whatever its heading) and it is not a step
    headed by its stage, unnumbered, after the record's own steps so headed (「审查：…」 below 「受理：…」)."""
    text = _text(text)
    duties = list(_duties(text)) if text else []
    seq = max((d.seq for d in rec.responsibilities), default=0)
    # 彰武: 「审查：…」 alone in the 责任事项 cell below 「受理：…」, unnumbered, every other cell blank — a step
    # headed by its stage after the record's own steps so headed, one a row: its next duty
    # (延边: 「4.告知责任：…」 below 「1.立案责任：…」, the steps between left out: numbered on past them)
    headed_on = (numbered_on and bool(duties) and (not _NUMBERED_START.match(text) or duties[0].seq > seq)
                 and not rec.supervision_text and bool(rec.responsibilities)
                 and all(d.stage for d in (*duties, *rec.responsibilities))
                 and not any(d.kind == "指导监督" for d in rec.responsibilities))
    if not duties or text == rec.responsibility_text or (duties[0].seq <= seq and not headed_on):
        return False  # the same duties again (numbered from 1): not a next duty
    if numbered_on and not headed_on:
        # numbered on from the record's own duties, one column of them: not from a record with none, nor one
        # whose duties were numbered across two columns (直接实施 | 指导监督) or end in its supervision column
        if (duties[0].seq != seq + 1 or not rec.responsibilities or rec.supervision_text
                or any(d.kind == "指导监督" for d in rec.responsibilities)):
            return False
    elif not numbered_on and not all(d.stage for d in duties):
        return False  # no stage of its own
    kind = rec.responsibilities[-1].kind if rec.responsibilities else None  # 直接实施 goes on
    rec.responsibilities += [replace(d, seq=seq + k, kind=d.kind or kind) for k, d in enumerate(duties, start=1)]
    rec.responsibility_text = (rec.responsibility_text + "\n" + text) if rec.responsibility_text else text
    return True


# a cell that opens with a number (1. 2、 （三） ①): numbered duties, not one step headed by its stage
_NUMBERED_START = re.compile(r"^\s*(?:[（(]?[0-9０-９一二三四五六七八九十]+[.．、)）]|[①-⑳])")
_DITTO = re.compile(r"^(?:同上|同上述|同前|同上一项|同上项|见上|见上一项|同上条)[。.]?$")
# a remark that a row's duties are its item's, or the row above's
_SAME_AS_ITEM = re.compile(r"同上|同主项|同前|适用主项|与主项相同|与上(?:一)?(?:项|行)相同|责任事项同")
# a cell that is another item's, named by its 序号 or code: 同第3项, 见第5项, 参照第三项, 同ZLT-JT-04, 同序号2
# (澄迈's 「参照第3项执行。」; 「责任事项同第2项」)
_REFER = re.compile(r"^(?:本项)?(?:责任事项|责任)?(?:同|见|参照|参见)(?:第|序号)?(?P<ref>[0-9]{1,4}(?:-[0-9]{1,3})?"
                    r"|[一二三四五六七八九十]{1,3}"
                    r"|[A-Za-z][A-Za-z0-9-]{2,30}|[0-9]{5,}[A-Za-z0-9-]*)(?:项|号)?(?:事项)?(?:执行|办理)?[。.]?$")
# … or another item by its name in quotes, its code in brackets after it (平江's 责任清单: 「责任事项同“对盗伐林木的处罚”
# （430626-LY-CF-001）。」)
_REFER_NAMED = re.compile(r"^(?:本项)?(?:责任事项|责任)?(?:同|见|参照|参见)[“\"「『](?P<name>[^”\"」』]{2,80})[”\"」』]"
                          r"(?:[（(](?P<code>[A-Za-z0-9][A-Za-z0-9-]{3,40})[）)])?(?:事项)?(?:执行|办理)?[。.]?$")


def _refers(text: str) -> bool:
    """A cell that says it is another item's (「同第3项」, 「责任事项同“…”（code）」)."""
    return bool(_REFER.match(squeeze(text)) or _REFER_NAMED.match(squeeze(text)))


# a catalogue's fields that are where it stands, not what it says of the item
_PLACE_FIELDS = frozenset({"sheet", "row", "position", "item_name", "sub_item_name", "seq", "department"})


def _fold_into(item: Record, row: Record, sheets: set[str]) -> None:
    """A catalogue's row into the item another sheet gives in full: every field the item leaves blank the catalogue's (its
    实施依据 with its citations, 承办机构, 行使层级 …), its remarks beside the item's, but a pointer to the item's sheet
    (「详见明细表2」)."""
    for f in fields(Record):
        if f.name in _PLACE_FIELDS or f.name == "remarks":
            continue
        value, own = getattr(row, f.name), getattr(item, f.name)
        if value and not own and isinstance(value, str):
            setattr(item, f.name, value)
            if f.name == "basis_text":
                item.citations = list(row.citations)
            elif f.name == "responsibility_basis_text":
                item.responsibility_citations = list(row.responsibility_citations)
    pointer = _pointed_sheet(squeeze(row.remarks)) in sheets
    item.remarks = "\n".join(dict.fromkeys(t for t in (item.remarks, "" if pointer else row.remarks) if t))
    item.extra = {**row.extra, **item.extra}


def _join(item: Record, duties: Record) -> None:
    """A duty table's row (崇明's 责任清单) into the item of the power table it names."""
    for f in ("responsibility_text", "accountability_situations"):  # 「详见责任清单」: what it points to
        if getattr(item, f) and getattr(duties, f) and _POINTER.match(squeeze(getattr(item, f))):
            setattr(item, f, "")
            if f == "responsibility_text":
                item.responsibilities = []
    for f in ("responsibility_text", "supervision_text", "responsibility_basis_text", "accountability_subjects",
              "accountability_situations", "duty_statement"):
        if getattr(duties, f) and not getattr(item, f):
            setattr(item, f, getattr(duties, f))
    item.responsibilities = item.responsibilities or list(duties.responsibilities)
    item.responsibility_citations = item.responsibility_citations or list(duties.responsibility_citations)
    item.unit = item.unit or duties.unit
    _add_basis(item, duties.basis_text)  # (its own 依据, where the 责任清单 gives one)
    item.remarks = "\n".join(dict.fromkeys(t for t in (item.remarks, duties.remarks) if t))
    item.extra = {**duties.extra, **item.extra}


def _numbered_again(rec: Record, text: str) -> bool:
    """A cell of duties numbered from 1 below a record that has duties: a record's own, not the next of those above."""
    duties = _duties(_text(text)) if text.strip() and _NUMBERED_START.match(text) else ()
    return bool(duties) and duties[0].seq == 1 and bool(rec.responsibilities)


# A duty table's column naming the power table's item it belongs to: 对应权力序号, 对应事项编号, 权力序号 (its own 序号
# numbers the duty table's rows).
_REFERENCE_COLUMN = re.compile(r"^对应(?:的)?(?:权力|职权|权责|行政权力)?(?:事项)?(?:序号|编号|编码)$|^(?:权力|职权|权责)(?:事项)?序号$")
_WITH_SUB_ITEMS = re.compile(r"[（(](?:含|包括|包含)(?:各)?子项[）)]")
_NOTE_AFTER_CODE = re.compile(r"\s*[（(][^（()）]*[）)]\s*$")
# (a number of up to four digits: a longer one is a code, 海宁's 12-digit 事项编码 330220045000)
_ITEM_NUMBER = re.compile(r"^(\d{1,4})(?:\s*[-－—.．、]\s*(\d+))?$")


def _reference(rec: Record) -> str:
    """What a duty table's row names its item by: its 对应权力序号 / 对应权力编号, else its code."""
    return _said_reference(rec) or rec.code


def _said_reference(rec: Record) -> str:
    """The row's 对应权力序号 / 对应权力编号 column, where it has one."""
    return next((squeeze(v) for k, v in rec.extra.items() if _REFERENCE_COLUMN.match(k) and v.strip()), "")


def _norm_code(code: str) -> str:
    """A code as compared: full-width hyphens and letters made plain, upper case (ＸＫ－００１, xk-001: XK-001)."""
    return squeeze(unicodedata.normalize("NFKC", code or "")).upper().replace("—", "-")  # (NFKC makes － a -)


def _code_of(item: Record) -> str:
    """An item's code: its 编码, or what its 编号 holds when that is no number (牡丹江's 编号 MQX-XK-01)."""
    return _norm_code(item.code or ("" if _ITEM_NUMBER.match(item.seq) else item.seq))


def _items_referred(rec: Record, items: list[Record], nth: int = 0, of: int = 1) -> list[Record]:
    """The items of a power table that a duty table's row names by number (对应权力序号 4, or 3-1: the first
    sub-item of item 3, whose name opens 3-1 or which comes first) or by code (XLJT-XK-001; a sub-item's
    XLJT-XK-003-01, which opens its name; an item's code for its sub-items coded under it); [] when it names none
    this way. Where a number names items of several names (each type numbered from 1), the row's name picks among
    them; a row whose own 编码 is a number (no 对应 column) must share some of its name with the item it names."""
    said = _said_reference(rec)
    ref = said or rec.code
    number = _ITEM_NUMBER.match(ref) if ref else None
    if number:
        under = [i for i in items if i.seq.rstrip(".、") == number.group(1)]
        if number.group(2) is None:
            found = under
        else:
            found = [i for i in under if re.match(rf"{number.group(1)}\s*[-－—.．]\s*{number.group(2)}(?!\d)",
                                                  squeeze(i.sub_item_name))]
            if not found and under and all(i.sub_item_name for i in under):
                at = int(number.group(2)) - 1
                found = [under[at]] if 0 <= at < len(under) else []
    else:
        # (麻城's 对应权力编码 「MC-MZ-XK-001、MC-MZ-XK-002」: a row of duties shared by two items, each named by its code; not
        # a note's list, 「NX-XK-001（子项1、2）」)
        found = [i for part in _code_parts(ref) for i in _coded(part, rec, items)]
        if not found:
            return []
    listed = not number and len(_code_parts(ref)) > 1  # codes of several items, each meant
    if len({i.item_name for i in found}) > 1 and not listed:  # a number of several items (each type numbered from 1): by name
        score = {i.item_name: _shared(rec.item_name, i.item_name) / max(len(rec.item_name), len(i.item_name), 1)
                 for i in found}
        best = max(score.values())
        found = [i for i in found if best >= 0.3 and score[i.item_name] == best]
    if found and number and rec.item_name and not said and \
            max(_shared(rec.item_name, i.item_name + i.sub_item_name) for i in found) < 3:
        return []  # its own 编码 a number (3-1) that names another item than its name says: no reference
    return _nth_sub_item(found, rec, nth, of)


_CODE_LIST = re.compile(r"\s*[、，,;；]\s*")
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")


def _code_parts(ref: str) -> list[str]:
    """The codes a reference lists (「A、B」), or the reference itself where it lists none outside a note in brackets."""
    parts = [p for p in _CODE_LIST.split(_BRACKETED.sub("", ref)) if p.strip()]
    return parts if len(parts) > 1 else [ref]


def _coded(ref: str, rec: Record, items: list[Record]) -> list[Record]:
    """The items a code names: itself, or (宁夏's 「NXMZ-XK-001（含子项）」) it and each sub-item coded under it; else the
    sub-items coded under it, else those whose name opens with it."""
    whole = _WITH_SUB_ITEMS.search(ref)
    code = _norm_code(_NOTE_AFTER_CODE.sub("", ref))
    if not code:
        return []
    # (a row of a sub-item joins that sub-item, not its item: a typeless sub-item row under its item, one code)
    exact = [i for i in items if _code_of(i) == code and (not rec.sub_item_name or i.sub_item_name == rec.sub_item_name)]
    under = [i for i in items if _code_of(i).startswith(code + "-")]  # the sub-items coded under it
    opening = [i for i in items if i.sub_item_name
               and re.match(rf"{re.escape(code)}(?![0-9A-Z-])", _norm_code(i.sub_item_name))]
    found = [*exact, *under] if whole else (exact or under or opening)
    if not found and "-" in code:
        # (阳江's 责任事项 sheet writes some codes without the place's prefix: ZJ-XK-0002 for 441700-ZJ-XK-0002, or for the
        # sub-items coded under it): the one full code that ends with it
        roots = {k[:at + len(code) + 1] for i in items if (at := (k := _code_of(i)).find("-" + code)) > 0
                 and k[at + len(code) + 1:at + len(code) + 2] in ("", "-")}
        if len(roots) == 1:
            return _coded(next(iter(roots)) + (whole.group(0) if whole else ""), rec, items)
    return found


def _nth_sub_item(items: list[Record], rec: Record, nth: int, of: int) -> list[Record]:
    """The items one row names. Of `of` rows naming one item with sub-items, each row's sub-item by its name
    (牡丹江: MQX-XK-02 on two rows, 防雷设计审核 and 防雷竣工验收), else the nth of as many, else none."""
    subs = [i for i in items if i.sub_item_name]
    if of <= 1 or not subs:
        return items
    if rec.item_name:
        scores = [(_shared(rec.item_name, i.sub_item_name), -len(i.sub_item_name)) for i in subs]
        best = max(scores)
        if best[0] >= 3 and scores.count(best) == 1:  # the most shared; of equals, the shortest name
            return [subs[scores.index(best)]]
    return [subs[nth]] if len(subs) == of and not rec.item_name else []


def _named_alike(rec: Record, items: list[Record]) -> list[Record]:
    """The one item above a duty table's row whose name the row's shortens (东街街道's 责任清单: 「最低生活保障受理审核」 for
    「最低生活保障申请受理、审核」): the one item whose name holds every character of the row's, in order; [] when none or
    more than one does."""
    name = squeeze(rec.item_name)
    if len(name) < 4:
        return []

    def covered(item: Record) -> float:  # how much of the row's name the item's has, in order (临时救助: all of it)
        blocks = SequenceMatcher(None, name, squeeze(item.item_name + item.sub_item_name), autojunk=False)
        return sum(b.size for b in blocks.get_matching_blocks()) / len(name)

    scores = sorted(((covered(i), k) for k, i in enumerate(items)), reverse=True)
    # (every character of the row's name in the item's, in order: not 「对擅自挖掘城市道路的处罚」 for 「对擅自占用…」)
    if not scores or scores[0][0] < 0.95 or (len(scores) > 1 and scores[0][0] - scores[1][0] < 0.2):
        return []
    return [items[scores[0][1]]]


def _shared(a: str, b: str) -> int:
    """The length of the longest run of characters two names share (防雷设计审核, 雷电防护装置设计审核: 4)."""
    a, b = squeeze(a), squeeze(b)
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


# A power table's duty cell that points to the 责任清单 (「详见责任清单」, 「见表二」): no duties of its own.
# (… or to a table of accountability shared by many items: 利州's 「见通用追责情形（一）」)
_POINTER = re.compile(r"^(?:详见|见|参见|具体见)(?:附表|附件|表二|表2|《?责任清单》?|下表|责任事项清单|(?:通用)?追责情形)"
                      r"[^，,。；;]{0,12}[。.]?$")


def _accountability_only(rec: Record) -> bool:
    """A row of an accountability table (追责对象 | 追责情形 | 追责依据 by code): accountability, no duties."""
    return bool(rec.accountability_situations or rec.accountability_subjects) \
        and not (rec.responsibility_text or rec.responsibilities)


def _duty_free(item: Record) -> bool:
    """An item a duty table's row may join: no duties, or only a pointer to that table."""
    return not _has_duties(item) or all(not getattr(item, f) or _POINTER.match(squeeze(getattr(item, f)))
                                        for f in ("responsibility_text", "accountability_situations"))


def _has_duties(rec: Record) -> bool:
    return bool(rec.responsibility_text or rec.responsibilities or rec.accountability_situations)


# a sub-item's code: its item's code (with a digit in it: not a group's XK) and a number after a hyphen
# (232700-XK-002-01 under 232700-XK-002)
_SUB_CODE = re.compile(r"^(?P<item>.+)[-_](?P<n>[0-9]{1,3})$")
_DIGIT = re.compile(r"[0-9]")
# a sub-item's cell that is its item's: 同主项, 见主项, 与主项相同, 同主项内容, 参照母项
_ITEM_REF = re.compile(r"^(?:同|见|详见|参照|参见|与)(?:主项|主项目|主事项|母项|父项|大项|上级事项)(?:内容|事项)?"
                       r"(?:相同|一致)?[。.]?$")
# a sub-item's name as a list may write it under its item: 「其中：保健食品生产许可」, 「子项：…」
_SUB_ITEM_WORD = re.compile(r"^\s*(?:其中|子项|含)\s*[:：]\s*")


_STAGE_LINE = re.compile(r"[\u4e00-\u9fff、（）()]{1,12}责任")


def _says_item(text: str) -> bool:
    """A cell that says it is its item's: 「同主项」, or each line of columns merged into it (「责任事项（事前）：同主项。」)."""
    if not text or len(text) > 200 or "项" not in text:
        return False
    lines = [squeeze(line) for line in text.split("\n") if line.strip()]
    # (a stage column's heading line above it: 金华's sub-items 「同主项」 under 受理责任 alone, the other stages blank)
    refs = [line for line in lines if not _STAGE_LINE.fullmatch(line)]
    return bool(refs) and all(_ITEM_REF.match(re.split(r"[:：]", line)[-1]) for line in refs)


def _may_hold(item: Record, sub: Record) -> bool:
    """Whether a row may be ``sub``'s item: a power with a type (not a group row), of the sub-item's type if it
    gives one."""
    if not (item.type or item.type_original):
        return False
    return not (sub.type or sub.type_original) or (sub.type or sub.type_original) == (item.type or item.type_original)


def _referred(m: re.Match) -> str:
    """The 序号 or code a 「同第三项」 names, as a record holds it (3)."""
    ref = m.group("ref")
    return str(chinese_to_int(ref)) if ref[0] in "一二三四五六七八九十" else ref


_REFERRED_FIELDS = ("basis_text", "responsibility_text", "responsibility_basis_text", "accountability_subjects",
                    "accountability_situations")
_SENTENCE_END = "。.；;!！?？"
# a stage's cell saying the stage has no duty here (无, 不涉及, 无此环节 …): no duty of that stage
_NONE_CELL = re.compile(r"^(?:无|暂无|没有|不涉及|不适用|无此环节|本环节无|此环节无|[/\\—–－-]+)[。.；;]?$")
# the fields a 「同上」 cell takes from the record above (a name or a code is the row's own; a type, and a sub-item's
# item name, are read apart in _read_table)
_DITTO_FIELDS = (*TEXT_FIELDS, "holder", "unit")
# the item's cells a sub-item row of an unmerged export leaves blank under it (not its 备注: a note is the row's own)
_SHARED_FIELDS = tuple(f for f in _DITTO_FIELDS if f != "remarks")


def _ditto(values: dict[str, str], prev: Record, ctx: _SheetContext, row: int) -> bool:
    """A cell that says 「同上」 (鄱阳's 追责情形, 淳安's 责任事项) is the cell above it: the previous record's value. True when
    the row takes the record above's duties whole (below): its duties are then theirs, not its text read again."""
    whole = False
    for f in _DITTO_FIELDS:
        staged = f == "responsibility_text" and "stage" in ctx.layout.columns
        if staged and values.get("stage", "").strip():
            continue  # one row a stage (办理环节 | 责任事项内容): the record above's whole text is no one stage's duty
        # (… but a row naming no stage whose content is 「同上」 is all of the record above's duties: 舟山's 捕捞辅助船许可证核发
        # under 海洋大中型捕捞渔船捕捞许可证核发's five stage rows)
        if _DITTO.match(squeeze(values.get(f, ""))) and getattr(prev, f, ""):
            values[f] = getattr(prev, f)
            ctx.dittoed.append(f"第{row}行{FIELD_LABELS.get(f, f)}")
            whole = whole or staged
    return whole


# a mark before an item's name that a legend explains (「◆」 乡镇依法实施, 「▲」 县级部门赋予): no part of the name; one mark, not
# a grade (「★★★级及以下旅游饭店星级评定」, 「■类…」)
_NAME_MARK = re.compile(r"^[◆◇▲△★☆●■□※▶►◎]\s*(?![◆◇▲△★☆●■□※▶►◎级星类])")
# how many items a compilation's sheet holds, after its department's name (株洲市民政局（15项）); broader than a name's
# count of its sub-items below, which must never take a part of a power's name
_COUNTED = re.compile(r"\s*[（(](?:共|含|计)?\s*[0-9一二三四五六七八九十百]{1,4}\s*(?:个)?(?:子项|项|条)[）)]\s*$")
# how many sub-items an item has, said after its name (丰台's 「…的设立、变更和终止审批（共4项）」 over its rows 1-1 … 1-4):
# no part of the name its sub-items are known by
_COUNT_NOTE = re.compile(r"\s*[（(](?:共|含|包括)\s*[0-9一二三四五六七八九十]{1,3}\s*(?:个)?(?:子项|项)[）)]\s*$")


# an item's code in brackets after its name, where the list has no column of codes (永济's 权力事项（事项编码）: 「危险化学品经营
# 许可（不带储存设施经营）\n（140881-XK-00101）」, 江宁's 「取水许可（320115-SW-XK-001）」): letters, digits and hyphens, a digit
# among them, six or more, in a code's shape — an area's number then letters (140881-XK-…), a field of letters between hyphens
# (…-SW-XK-…) or a long number —, not a date or a standard's number (「（GB5749-2022）」, 「（2013-12-07）」, 「（JJG-2019）」)
_NAME_CODE = re.compile(r"\s*[（(〔【\[](?P<code>(?=[A-Za-z0-9-]*[0-9])[A-Za-z0-9][A-Za-z0-9-]{5,40})[）)〕】\]]\s*$")
# (… or a letter and six digits or more: 什刹海's 「…的处罚〔C1912600〕」, 北京's 职权编码)
_CODE_SHAPE = re.compile(r"^(?:\d{4,}-?[A-Za-z]|[A-Za-z0-9]*-[A-Za-z]{2,}-|\d{10,}$|[A-Z]\d{6,}$)")
_DATE_CODE = re.compile(r"^\d{4}-\d{1,2}(?:-\d{1,2})?$")


# a bracketed part at a name's start, or at its end (【370921-XK-0002】…, …（行政许可）)
_HELD_PARTS = (re.compile(r"^\s*[【\[［（(〔](?P<part>[^】\]］）)〕]{2,40})[】\]］）)〕]\s*"),
               re.compile(r"\s*[【\[［（(〔](?P<part>[^【\[［（(〔]{2,40})[】\]］）)〕]\s*$"))
# (letters and digits, a digit among them, and a letter or a hyphen, or eight digits and more: not a year, 【2024】)
_HELD_CODE = re.compile(r"^(?=[A-Za-z0-9-]*[0-9])(?=[A-Za-z0-9-]*[A-Za-z-]|[0-9]{8,}$)[A-Za-z0-9][A-Za-z0-9-]{3,40}$")


def _held_in_name(cell: str, fields: Iterable[str] = HELD_FIELDS) -> tuple[str, dict[str, str]]:
    """A name's cell under a header saying it holds the code or the type too (``fields``): the name without them, and each
    found (a power type's full name in brackets its type, not a word one stands for — 「…验收（备案）」 keeps its 备案;
    letters and digits its code), at its start or its end."""
    name, held = cell.strip(), {}
    for pattern in _HELD_PARTS:
        while (m := pattern.search(name)) and m.end() - m.start() < len(name):
            part = m.group("part").strip()
            kind = "type" if (t := power_type(part)) is not None and t.name in squeeze(part) else \
                "code" if _HELD_CODE.match(part) else None
            if kind is None or kind in held or kind not in fields:
                break
            held[kind] = part
            name = (name[:m.start()] + name[m.end():]).strip()
    return name, held


def _name_code(rec: Record) -> tuple[str, re.Match] | None:
    """The field (sub-item's, else item's name) whose end is a code in brackets, and the match; None if neither."""
    for f in ("sub_item_name", "item_name"):
        m = _NAME_CODE.search(getattr(rec, f))
        if m and m.start() > 0 and _CODE_SHAPE.match(m.group("code")) and not _DATE_CODE.match(m.group("code")):
            return f, m
    return None


# a cell of the duties and the accountability both (永济's 责任事项及追责情形): 「责任事项：…」 then, on a line of its own,
# 「追责情形：…」
_DUTIES_LABEL = re.compile(r"^(?:责任事项|责任事项内容)[：:]\s*")
# (the situations' own labels: not a step 「责任追究：对考核不合格的…」 or 「追责：移交有关部门追责」 of a power that holds others
# to account)
_ACCOUNTABILITY_AFTER = re.compile(r"\n\s*(?:追责情形|问责情形|责任追究情形)(?:及依据)?[：:]\s*")


def _accountability_after(rec: Record, ctx: _SheetContext) -> None:
    """The duties' cell that goes on with the accountability under a label of its own, on a line of its own: the
    accountability the record's, the label before the duties dropped — where the duties' header says it holds both
    (责任事项及追责情形) or the list has no column of the accountability."""
    col = ctx.layout.columns.get("responsibility_text")
    header = ctx.layout.headers[col] if col is not None and col < len(ctx.layout.headers) else ""
    if "accountability_situations" in ctx.layout.columns and not re.search(r"追责|问责|责任追究", header):
        return
    parts = _ACCOUNTABILITY_AFTER.split(rec.responsibility_text, maxsplit=1)
    if len(parts) != 2 or not parts[1].strip():
        return
    rec.responsibility_text = _DUTIES_LABEL.sub("", parts[0].strip())
    _add_line(rec, "accountability_situations", parts[1].strip())


def _add_headed_duties(rec: Record, text: str) -> None:
    """A stage column's cell headed by its own steps: each step one more duty of the record."""
    text = _text(text)
    seq = max((d.seq for d in rec.responsibilities), default=0)
    rec.responsibilities += [replace(d, seq=seq + k) for k, d in enumerate(_duties(text), start=1)]
    rec.responsibility_text = (rec.responsibility_text + "\n" + text) if rec.responsibility_text else text


_ITEM_FIELDS = ("seq", "code", "item_name", "sub_item_name", "type")
_DUTY_FIELDS = ("stage", "responsibility_text", "responsibility_basis_text")
_STAGE_OWN_FIELDS = ("accountability_subjects", "accountability_situations")  # a stage's row's own, beside its duty
# the fields a record spread over rows goes on with, a row each (宁乡, 友谊路)
_CONTINUED_FIELDS = ("basis_text", "responsibility_text", "responsibility_basis_text", *_STAGE_OWN_FIELDS)


def _add_stage_accountability(rec: Record, values: dict[str, str]) -> None:
    """A stage's row's own 追责对象范围 and 追责情形 (靖远: 窗口工作人员 | 对符合条件的申请不予受理的): the record's, each
    once, one a line."""
    for f in _STAGE_OWN_FIELDS:
        text = _text(values.get(f, ""))
        if not _DITTO.match(squeeze(text)):
            _add_line(rec, f, text)


def _add_line(rec: Record, field: str, text: str) -> None:
    """A text the record's field does not hold yet, on a line of its own after what it holds."""
    held = getattr(rec, field)
    if text and text not in held.split("\n"):
        setattr(rec, field, "\n".join(t for t in (held, text) if t))


def _column_numbers(cells: list[str]) -> bool:
    """A row that numbers the columns (1 | 2 | 3 | …, or （1）|（2）| …), as printed forms do under their header."""
    numbers = [re.sub(r"^[（(](\d+)[)）]$", r"\1", c) for c in cells]
    return len(numbers) >= 4 and all(n.isdecimal() for n in numbers) and \
        [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def _same_item_next_duty(prev: Record, values: dict[str, str], kept: dict[str, str]) -> bool:
    """A row of a list that gives each stage (or duty) a row of its own and writes the item's 序号 or 编码, 名称, 子项
    and 类型 again on each (a merged block exported filled): the same item as the record above, another duty —
    another stage (办理环节 | 责任事项内容: a stage the record has not had), or, without a stage column, another duty
    text; every other cell, kept columns too, blank or the record's own (a row of another level, holder or 裁量阶次 is
    a record of its own)."""
    duty, stage = values.get("responsibility_text", "").strip(), values.get("stage", "").strip()
    if not values.get("item_name", "").strip() or not (prev.responsibilities or (stage and prev.accountability_situations)) \
            or not (stage or duty) \
            or not (prev.seq or prev.code):
        return False
    sub = _name(values.get("sub_item_name", ""))
    # (兴安盟: the 序号 written on the item's first row only, its name and type on every stage's row)
    seq, code = _name(values.get("seq", "")), _name(values.get("code", ""))
    if not (_name(values["item_name"]) == prev.item_name and ("" if sub in NO_SUB_ITEM else sub) == prev.sub_item_name
            and seq in ("", prev.seq) and code in ("", prev.code) and (seq or code or stage)
            and values.get("type", "").strip() in ("", prev.type_original, prev.type)):
        return False
    # (靖远: with a stage column, each stage's row names its own 追责对象 and 追责情形; a 「同上」 cell is the record's; 阳江: its
    # own 责任科室, the record's units all of them)
    own = (*_STAGE_OWN_FIELDS, "unit") if stage else ()
    if any(v.strip() and f not in (*_ITEM_FIELDS, *_DUTY_FIELDS, *own) and not _as_recorded(prev, f, v)
           and not _DITTO.match(squeeze(v)) for f, v in values.items()) \
            or (not stage and any(v.strip() and _text(v) != prev.extra.get(k, "") for k, v in kept.items())):
        # (with a stage column, a kept column that differs from row to row is the stage's: 海北's 环节序号 numbers
        # the stages, 1, 2, 3 …; a 办理时限 or 责任岗位 a stage's own)
        return False
    if stage:
        if _accountability_stage(stage):
            return True  # (海北: the record's 追责情形 on a row of its own after its steps)
        named = stage_row_duty(0, stage, "").stage
        if named is not None:
            return named not in {d.stage for d in prev.responsibilities}
        # a step of no stage known (a 征收's 核定, 通知): another one, when the record has not had its word
        return all(d.text.split("\n")[0] != _name(stage) for d in prev.responsibilities)
    known = {prev.responsibility_text, *(d.text for d in prev.responsibilities)}
    return _text(duty) not in known


# a row of a row-a-stage list whose 环节 names the accountability, not a step (海北: 追责情形 | 1.对符合法定条件的…;
# 「3.追责情形」, 追责环节, 追究责任)
_ACCOUNTABILITY_STAGE = re.compile(r"^(?:追责|问责|责任追究|追究责任)(?:情形|环节|依据|情形及依据|情形及追责依据)?$")
_STEP_NUMBER = re.compile(r"^\s*(?:[（(]?[0-9０-９一二三四五六七八九十]+[.．、)）]|[①-⑳])\s*")


def _accountability_stage(stage: str) -> bool:
    return bool(_ACCOUNTABILITY_STAGE.match(_STEP_NUMBER.sub("", squeeze(stage)).rstrip(":：")))


def _first_step(rec: Record) -> str:
    """The step of a row-a-stage record's first row (its first duty's heading line)."""
    return rec.responsibilities[0].text.split("\n")[0] if rec.responsibilities else ""


def _stage_kept_columns(ctx: _SheetContext, records: list[Record]) -> list[str]:
    """Kept columns that differ from stage to stage in a row-a-stage table (环节序号, 责任岗位, 办理时限): each record's
    rows written on it as 「环节：内容」 lines, the stages' not the power's — also a record of one row (its one stage's)
    among the table's ``records``; those columns' names."""
    keys = sorted({k for _, rows in ctx.stage_rows.values() for k in {k for _, kept in rows for k in kept}
                   if len({kept.get(k, "") for _, kept in rows}) > 1})
    for rec in records:
        rows = ctx.stage_rows.get(id(rec), (rec, [(_first_step(rec), rec.extra)]))[1]
        for k in keys:
            lines = [f"{step}：{kept[k]}" if step else kept[k] for step, kept in rows if kept.get(k)]
            if lines:
                rec.extra[k] = "\n".join(lines)
    return keys


def _as_recorded(rec: Record, f: str, value: str) -> bool:
    """Whether a cell says what the record holds in that field (as published: a level's words, a name's)."""
    if f == "level":  # kept as published, as a normalised level, or as a scope of several (市级、县级)
        return value.strip() in (rec.level_original, rec.level, rec.scope) or _text(value) in (rec.level_original, rec.scope)
    held = getattr(rec, f, None)
    if not isinstance(held, str):
        held = rec.extra.get(f, "")
    return _text(value) == held or _name(value) == held


def _add_basis(rec: Record, text: str, field: str = "basis_text") -> None:
    """A continuation row's own 依据 (the item's next law, a row each) or 责任事项依据 (beside the duty it adds): the
    record's, and its citations."""
    basis = _text(text)
    held = getattr(rec, field)
    if basis and not _DITTO.match(squeeze(basis)) and basis not in held:
        setattr(rec, field, "\n".join(t for t in (held, basis) if t))
        setattr(rec, _CITED[field], list(_citations(getattr(rec, field))))


def _add_duty_basis(rec: Record, text: str) -> None:
    _add_basis(rec, text, "responsibility_basis_text")


_CITED = {"basis_text": "citations", "responsibility_basis_text": "responsibility_citations"}


def _add_stage_row(rec: Record, stage: str, text: str, basis: str = "", in_turn: bool = False) -> bool:
    """A row of a list that gives each stage a row of its own (办理环节 | 责任事项内容): one more duty of the
    record, of the stage the row names. The record's 责任事项内容 gathers the rows, each under its 办理环节
    on a line of its own, as a cell of such headings reads (importers.duties). A row whose 环节 is the
    accountability (海北's 追责情形, 「3.追责情形」) adds to it, its ``basis`` (责任事项依据) as 「追责依据：…」: True then.
    ``in_turn``: the stage is a stage column's cell, which may name several steps in turn (「受理→审查→决定」: a duty each;
    not a stage column's header, 「受理、立案环节责任」, one step of two names)."""
    stage, text = _name(stage), _text(text)
    if _NONE_CELL.match(squeeze(stage)):
        stage = ""  # (平江's 「—」 over 「责任事项同“…”」: no stage named)
    if _accountability_stage(stage):
        _add_line(rec, "accountability_situations", text)
        if _text(basis):
            _add_line(rec, "accountability_situations", f"追责依据：{_text(basis)}")
        return True
    if not text and not line_heading_stages(stage):
        return False  # an empty 备注 row under the steps is no duty
    seq = max((d.seq for d in rec.responsibilities), default=0) + 1
    steps = paired_steps(stage, text) if in_turn else None
    if steps is None:
        rec.responsibilities.append(stage_row_duty(seq, stage, text))
    else:  # (宁阳's 「受理→审查→决定」 beside 「受理申请｜审查…｜作出决定」: a duty each)
        rec.responsibilities += [stage_row_duty(seq + k, name, part) for k, (name, part) in enumerate(steps)]
    block = "\n".join(t for t in (stage, text) if t)
    rec.responsibility_text = (rec.responsibility_text + "\n" + block) if rec.responsibility_text else block
    return False


def _delegating_bodies(records: list[Record], departments: dict[str, dict]) -> None:
    """A delegating body named short (县自然资源局, 市场监管局) in a township's list is the county's above it
    (涿州市自然资源局), so the delegation finds its department."""
    above: dict[str, str] = {}
    for rec in records:
        body = rec.extra.get("delegated_from", "")
        place = departments.get(rec.department, {}).get("jurisdiction", "")
        if not body or not place or departments[rec.department].get("level") != "township":
            continue
        if place not in above:
            chain = jurisdiction_chain(place)
            above[place] = chain[-2]["name"] if len(chain) > 1 else ""
        if above[place]:
            rec.extra["delegated_from"] = complete_name(body, above[place])


# A file that gathers the lists of several levels (地县两级权责清单指导目录, 市县两级通用目录): each row is its level's
_LEVELS_DIRECTORY = re.compile(r"[两二三四五]级|通用目录|指导目录|目录清单|标准目录|基本目录")


def _catalogued_above(rec: Record, own: str) -> bool:
    """Whether a row its level cell places below its list's own level (a province's list: 实施层级 市级) is an item the
    list catalogues for the level below, its body guiding: its duties are guidance only (山东's 「指导监督责任：指导市、县
    两级开展相关工作」). A row with duties of its own doing, or none (nothing says whose item it is), or on a sheet of a
    level (林草's 区县级), is that level's own item."""
    if not (rec.level in LEVEL_RANK and own in LEVEL_RANK and LEVEL_RANK[rec.level] > LEVEL_RANK[own]):
        return False
    if not rec.exercised_at or level_from_sheet_name(rec.sheet):
        return False
    duties = rec.responsibilities
    return bool(duties) and all(d.kind == "指导监督" and not d.stage for d in duties)


def _excerpt(text: str, width: int) -> str:
    """A cell's text on one line for a notice, cut with an ellipsis (not in the middle of 「国发〔2020」 unsaid)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _own_city_level(rec: Record, place: str) -> bool:
    """True when a record of a county-level city (天门市, 浏阳市) says 市级 or 市本级 (its level column or its
    scope) without naming another city: the city is the county-level one itself."""
    if not place.endswith("市"):
        return False
    said = squeeze(rec.level_original or rec.scope)
    if rec.level_original:
        return bool(re.fullmatch(r"(?:市级|市本级|本市级|市)", said))
    # a scope that opens with the city's own level (市本级负责…, 浏阳市本级…), not another city's (长沙市本级)
    return said.startswith(("市本级", "本市", place + "本级", place + "级"))


# Columns of where a power comes from, kept under their headers: a delegation only when one says so (北滘镇's
# 权力来源: 区下放 | 法定 | 依据《…公告》由镇人民政府以自身名义行使); 法律 or 法定 there is the power's own.
_SOURCE_COLUMNS = ("权力来源", "事项来源", "职权来源")
_DELEGATED = re.compile(r"下放|委托|赋权|放权")
# A delegation cell that says there is none: 不下放, 暂不下放, 未委托, 本级, 法定, 无.
_NO_DELEGATION = re.compile(r"^(?:[不未非]|暂不|无$|否$|本级|法定|自有|原有|[/\\—–-]+$)")


def _delegation_manner(rec: Record) -> None:
    """The manner of a delegation as the graph knows it: 下放 or 委托 (县级下放, 县级委托, 赋权 as published
    stay in delegation_manner_original; another word, 直接承接 or 授权, stays the manner as published); a
    cell that says there is none (不下放, 未委托, 本级, 无) is no delegation."""
    raw = rec.extra.get("delegation_manner", "")
    if not raw:  # a column of where the power comes from (权力来源: 法定, 区下放, 市级委托 …) says it when it names one
        source = next((rec.extra[k] for k in _SOURCE_COLUMNS if rec.extra.get(k)), "")
        if not _DELEGATED.search(squeeze(source)) or _NO_DELEGATION.match(squeeze(source)):
            return
        raw = rec.extra["delegation_manner"] = source
    said = squeeze(raw)
    if _NO_DELEGATION.match(said):
        rec.extra["delegation_manner_original"] = raw
        del rec.extra["delegation_manner"]
        return
    manner = "委托" if "委托" in said else "下放" if any(w in said for w in ("下放", "赋权", "放权")) else raw
    if manner != raw:
        rec.extra["delegation_manner_original"] = raw
        rec.extra["delegation_manner"] = manner
    # the cell naming who delegated it and from which level (桂城街道's 「区级下放（原实施部门：佛山市南海区市场监督管理局）」):
    # the delegation's source, as a column of its own would give it (without it the delegation came from no one)
    body = _DELEGATING_BODY.search(said)
    if body and not rec.extra.get("delegated_from"):
        rec.extra["delegated_from"] = body.group("body") or body.group("by")
    level = _DELEGATING_LEVEL.match(said)
    if level and not rec.extra.get("delegated_from_level"):
        rec.extra["delegated_from_level"] = level.group(1)


_DELEGATING_BODY = re.compile(r"(?:原实施部门|原实施主体|原行使主体|原行使部门|原实施单位|下放部门|委托部门|委托机关)[:：为是]?"
                              r"(?P<body>[^，,。；;（）()]{3,40}?)(?:[）)，,。；;]|$)|由(?P<by>[^，,。；;（）()]{3,30}?)(?:下放|委托)")
_DELEGATING_LEVEL = re.compile(r"^(省级|市级|县级|区级|县区级|市本级|县本级|区本级|[省市县区])(?:下放|委托|赋权)")


def _set_level(rec: Record, level_cell: str, scope_cell: str, defaults: dict[str, str],
               default_level: str | None) -> None:
    """Level keyword -> level; scope text in the level column (Layout B) -> scope.

    When the row names no level keyword, a scope that says 市本级 (levels.toml scope_hints) gives the
    level, then the sheet's level (林草), then the mapping's default; otherwise level stays "".
    """
    level_text = _text(level_cell)
    rec.scope = _text(scope_cell)
    rec.exercised_at = levels_named(level_text) if level_text else []
    # (a cell naming several levels gives none of them: 市、县级 is no county's row, 县级以上 no county's either)
    level = normalize_level(level_text) if level_text and len(rec.exercised_at) < 2 else None
    if level:
        rec.level, rec.level_original = level, _name(level_text)
    elif level_text:
        rec.scope = level_text + ("\n" + rec.scope if rec.scope else "")
    if not rec.level:
        rec.level = (level_from_scope(rec.scope) or default_level
                     or normalize_level(defaults.get("level", "")) or "")


def _list_title(candidates: list[str]) -> str:
    """The list's title: the first candidate, without the power type a workbook of one sheet per type writes after it
    on each sheet (「徐州市应急管理局权责清单——行政许可」: the list is all its sheets')."""
    title = candidates[0] if candidates else ""
    tail = re.search(r"(?:——|—|－|-|_|\s|[（(])+([^—－\-_（()）\s]{2,8})[)）]?$", title)
    if tail and power_type(tail.group(1)) and len(candidates) > 1 and title[: tail.start()].strip():
        return title[: tail.start()].strip()
    return title


def _title_candidates(titles: list[str]) -> list[str]:
    """Title rows, the ones that name a list (…权责清单, …目录) first, without repeats."""
    unique = list(dict.fromkeys(t for t in titles if t.strip() and t.strip() not in ("附件", "附表")))
    return sorted(unique, key=lambda t: 0 if re.search(r"清单|目录", t) else 1)


def _name(text: str) -> str:
    """A name cell: line breaks are layout (市统\\n计局), runs of spaces become one."""
    text = re.sub(r"\s*[\r\n]+\s*", "", text or "")
    return re.sub(r"[ \t\u3000]+", " ", text).strip()


def _text(text: str) -> str:
    """A text cell as published, with line endings unified and the edges trimmed."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


# A province's lists repeat their cells: the same basis and duties at every level and in every county.
# Each distinct text is parsed once (results are immutable, so records share them).
@lru_cache(maxsize=8192)
def _citations(text: str) -> tuple[Citation, ...]:
    return tuple(parse_citations(text)) if text else ()


@lru_cache(maxsize=8192)
def _duties(text: str) -> tuple[Duty, ...]:
    return tuple(split_duties(text))


# -- routing files in a folder ------------------------------------------------------------------


_LIST_SUFFIXES = (".xls", ".xlsx", ".xlsm", ".et", ".csv", ".tsv", ".json", ".jsonl", ".ndjson")


def sniff(path: str | Path | Source) -> str:
    """What a file is, for routing: "list" | "guide" | "law" | "unknown".

    An empty or damaged file with a list's extension is routed to "list", so parse_list refuses it
    with a message instead of the file being skipped without a word.
    """
    source = as_source(path)
    if not source.is_file():
        return "unknown"
    suffix = source.suffix.lower()
    head = source.head
    if not head:
        return "list" if suffix in _LIST_SUFFIXES else "unknown"
    if head.startswith(OOXML_MAGIC):
        return _sniff_zip(source)
    if head.startswith(BIFF_MAGIC) and is_word_97(source):  # a Word 97-2003 document: a law or a list's tables
        return _sniff_document(source)
    if head.startswith(BIFF_MAGIC) or suffix in (".xls", ".xlsx", ".xlsm", ".et"):
        return "list"  # a .xlsx that is really a PDF is refused by parse_list with what it is
    try:
        container = container_of(source)  # refuses binary files that are not spreadsheets
    except FileRefused:
        return "unknown"
    if container in ("html", "pdf"):
        return _sniff_document(source)
    text = source.text
    if text is None:
        return "unknown"
    stripped = text.lstrip()
    if stripped.startswith("#") or suffix in (".md", ".markdown"):
        return "law" if looks_like_law(source) else "unknown"
    if stripped[:1] in ("[", "{"):
        return "guide" if looks_like_guide(source) else _sniff_json(source, stripped)
    if suffix not in TABLE_TEXTS and looks_like_law(source):  # a law as published: its title a line of its own
        return "law"
    try:
        sheet = read_csv(source)
    except FileRefused:
        return "unknown"
    return "list" if find_layout(sheet) else "unknown"


def _sniff_zip(source: Source) -> str:
    """list for an OOXML workbook; for a Word document, law when it reads as one, list when it holds a table a
    mapping fits; a broken archive with a list's extension is a list to refuse."""
    import zipfile

    try:
        with zipfile.ZipFile(source.stream()) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        return "list" if source.suffix.lower() in _LIST_SUFFIXES + (".docx",) else "unknown"
    if "xl/workbook.xml" in names:
        return "list"
    return _sniff_document(source) if container_of(source) in ("docx", "ofd") else "unknown"


def _sniff_document(source: Source) -> str:
    """A Word document or a web page: law when it reads as one, list when it holds a table a mapping fits, else
    unknown (notes, a letter, a page of links); a damaged one is a list for the list reader to refuse."""
    if looks_like_law(source):
        return "law"
    try:
        return "list" if any(find_layout(sheet) for sheet in read_workbook(source)[1]) else "unknown"
    except NoTable:
        return "unknown"
    except FileRefused:
        return "list"  # a damaged document: the list reader says what is wrong with it


def _sniff_json(source: Source, stripped: str) -> str:
    """list when a mapping fits the keys of the JSON records (guides are told by looks_like_guide)."""
    try:
        data = _json_value(source, stripped)
    except json.JSONDecodeError:
        data = _json_head_lines(source, stripped)
        if data is None:
            return "unknown"
    if isinstance(data, dict):
        found, _ = nested_records(data)
        data = found if isinstance(found, list) else [data]
    objects = [o for o in data[:50] if isinstance(o, dict)] if isinstance(data, list) else []
    keys = list(dict.fromkeys(k for o in objects for k in o))
    return "list" if keys and best_match(keys) else "unknown"


def _shares_json(source: Source, stripped: str) -> bool:
    """True when the text before `stripped` is JSON whitespace only: JSON read from the whole text
    (the Source's, which the list reader parses too) is then what the stripped text gives."""
    text = source.text or ""
    return not text[: len(text) - len(stripped)].strip(" \t\r\n")


def _json_value(source: Source, stripped: str) -> object:
    """The file as one JSON value; raises JSONDecodeError when it is none."""
    return source.json() if _shares_json(source, stripped) else json.loads(stripped)


def _json_head_lines(source: Source, stripped: str) -> list | None:
    """The values of the first 20 lines as JSON Lines; None when one of them is not JSON."""
    if not _shares_json(source, stripped):
        return _json_head_lines_of(stripped)
    data: list = []
    first = None
    for lineno, value in source.json_lines():
        first = lineno if first is None else first
        if lineno >= first + 20:
            break
        if isinstance(value, json.JSONDecodeError):
            return None
        data.append(value)
    return data


def _json_head_lines_of(text: str) -> list | None:
    data = []
    for line in text.splitlines()[:20]:
        if line.strip():
            try:
                data.append(json.loads(line))
            except json.JSONDecodeError:
                return None
    return data
