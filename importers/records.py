"""What a parsed source file becomes before anything touches the database.

Every reader (spreadsheets, JSON lists, guides, law texts) produces these plain objects; one writer
(`importers.writer`) turns them into graph nodes. Parsing never needs Neo4j, so a file is validated
completely before a single row is written.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.model import power_name


@dataclass
class RowError:
    """A problem a user can act on: where it is, what was expected, what was found."""

    message: str
    sheet: str | None = None
    row: int | None = None  # 1-based, as a spreadsheet program shows it
    column: str | None = None  # header text or column letter
    severity: str = "error"  # "error" refuses the file; "warning" is reported and imported

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message, "severity": self.severity}


class FileRefused(Exception):
    """The file cannot be imported; nothing of it may be written."""

    def __init__(self, path: str, errors: list[RowError]):
        self.path = path
        self.errors = errors
        first = errors[0] if errors else RowError("未知错误")
        where = "，".join(
            f"{k} {v}" for k, v in (("工作表", first.sheet), ("行", first.row), ("列", first.column)) if v
        )
        super().__init__(f"{path}：{first.message}" + (f"（{where}）" if where else ""))


@dataclass(frozen=True)  # shared between records whose cells read the same (importers/lists.py)
class Citation:
    """One legal-basis citation: 《law》 + optional article, as written in the list."""

    law_title: str  # normalised title without 《》 and spaces, e.g. 中华人民共和国安全生产法
    article: int | None  # article number as an integer (第六十二条 -> 62), None when not cited
    article_label: str  # as cited, e.g. 第六十二条 ("" when none)
    tag: str  # 法律 / 法规 / 规章 / 国务院决定 / 规范性文件 / "" when untagged
    text: str  # the citing text for this article (trimmed, may be long)
    version_note: str = ""  # enactment/amendment history in parentheses, e.g. （1996年…）
    sub_article: str = ""  # 第二款 / 第（一）项 etc. when cited


@dataclass(frozen=True)  # shared between records whose cells read the same (importers/lists.py)
class Duty:
    """One numbered responsibility out of a 责任事项 cell."""

    seq: int  # the duty's number as published (running on across kinds); 1 for an unnumbered cell
    text: str
    kind: str | None = None  # 直接实施 / 指导监督 / None
    stage: str | None = None  # 受理 / 审查 / 决定 / 送达 / 事后监管 / 立案 / ... when the text names one


@dataclass
class Record:
    """One published record: a main item, or one sub-item row of it."""

    sheet: str
    row: int  # 1-based source row of the anchor cell
    position: int  # 0-based order of the record in the whole file (stable key part)
    item_name: str  # 事项名称 (filled down over sub-item rows)
    sub_item_name: str = ""  # 子项名称 ("" when none or 无)
    seq: str = ""  # 序号 as published ("12", "2,3")
    code: str = ""  # 职权编码 / 项目编码 ...
    type: str = ""  # one of the ten standard types, 公共服务, or "" when unknown
    type_code: str = ""  # 01..10, 20
    type_original: str = ""  # as published
    basis_text: str = ""  # 实施依据
    citations: list[Citation] = field(default_factory=list)
    holder: str = ""  # 行使主体 as published
    unit: str = ""  # 承办机构
    level: str = ""  # province / city / county / township / "" (normalised)
    level_original: str = ""  # e.g. 地州市级
    # the levels its level cell names (省级、市级、县级 -> province, city, county): who exercises it; [] when it names none.
    # An item catalogued at a level above the one that exercises it (a province's row 市级) has `level` its list's
    exercised_at: list[str] = field(default_factory=list)
    scope: str = ""  # 实施层级及权限 scope text
    duty_statement: str = ""  # 部门职责
    responsibility_text: str = ""  # 责任事项内容 as published
    responsibilities: list[Duty] = field(default_factory=list)
    supervision_text: str = ""  # 事中事后监管措施, a column of its own: also the last of `responsibilities`
    responsibility_basis_text: str = ""  # 责任事项依据
    responsibility_citations: list[Citation] = field(default_factory=list)
    accountability_subjects: str = ""  # 追责对象范围
    accountability_situations: str = ""  # 追责情形
    remarks: str = ""  # 备注
    extra: dict[str, str] = field(default_factory=dict)  # optional and unknown columns (法定期限, 救助渠道, …)
    department: str = ""  # the record's department: its 行使主体's body when another than the file's

    @property
    def name(self) -> str:
        """Display name: the item, with its sub-item when there is one (kb.model.power_name)."""
        return power_name(self.item_name, self.sub_item_name)


@dataclass
class ListDocument:
    """A parsed power-and-responsibility list (one file)."""

    path: str
    sha256: str
    container: str  # xls / xlsx / json / jsonl / csv
    mapping: str  # name of the mapping that fitted
    title: str  # title row text ("" when none)
    department: str  # full official name, e.g. 克拉玛依市交通运输局
    department_source: str  # how the name was derived: mapping / title / department_row / filename / sheet / holder / option
    jurisdiction: str  # e.g. 克拉玛依市
    jurisdiction_level: str  # province / city / county / township
    version: str  # version label, e.g. "2024"
    records: list[Record] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # sheets that held records
    # Record fields the layout has a column for (every sheet's mapping together); empty when unknown.
    # A field missing here is a column the list does not have (no 追责对象范围 column at all).
    fields: list[str] = field(default_factory=list)
    # One entry per department the records belong to, the file's first: {name, jurisdiction, level,
    # records}. A record whose 行使主体 names another body than the file's goes to that body.
    departments: list[dict] = field(default_factory=list)
    unmapped: list[dict] = field(default_factory=list)  # {sheet, column, header, kept_as}: columns no mapping knows
    # Departments the graph held under another spelling of the same body when the file was written
    # (writer.settle_departments): {as the file names it: as the graph does}.
    settled: dict[str, str] = field(default_factory=dict)

    # A compilation of several bodies' lists: its sheets under their titles (株洲市市直部门权责清单汇编), or naming no body of
    # its own but in its rows (正定县县级部门权责清单汇编): its department only the first sheet's or the most frequent 行使主体
    compilation: bool = False

    @property
    def compiled(self) -> bool:
        """A compilation whose records are under several departments: none moved from any."""
        return self.compilation and len(self.departments) > 1

    @property
    def moved(self) -> int:
        """Records put under another department than the file's (none where the file names none: `compiled`)."""
        if self.compiled:
            return 0
        return sum(d["records"] for d in self.departments if d["name"] != self.department)


@dataclass
class LawArticle:
    number: int
    label: str  # 第六十二条
    text: str
    chapter: str = ""
    section: str = ""


@dataclass
class LawDocument:
    path: str
    sha256: str
    title: str  # 中华人民共和国安全生产法
    version_date: str  # 2021-06-10 (from the file name or the history lines)
    history: list[str] = field(default_factory=list)
    articles: list[LawArticle] = field(default_factory=list)


@dataclass
class ThingImplementation:
    """One place's implementation of an integrated service (一件事)."""

    theme_code: str
    theme_title: str
    area_code: str
    area_name: str
    area_path: list[str]
    org_level: str
    implementation_code: str
    implementation_name: str
    lead_department: str
    cooperating_departments: list[str]
    official_guide_url: str = ""
    # Counts as the source gives them; None where the source says nothing (never invented).
    metrics: dict[str, float | int | str | None] = field(default_factory=dict)
    source_index: int = 0  # position in the source file
    jurisdiction: str = ""  # the Jurisdiction it is in (from area_path and area_code, see onething.guide_place)
    # The items (事项) the guide names, each {code, name, department} as published; empty where the guide
    # gives only their count (metrics["linked_matters"]).
    items: list[dict] = field(default_factory=list)


@dataclass
class GuideDocument:
    path: str
    sha256: str
    themes: list[dict]  # theme_code, theme_title, type_name, counters
    implementations: list[ThingImplementation] = field(default_factory=list)
