"""Names of the columns, parameters and coded values of the saved queries as a reader is told them.

The saved queries name their columns and parameters in English snake case, which is what the CSV/JSON
exports and users' own Cypher keep; the browser's tables and `kb query run`'s text table show these
names (the browser in English too, hence the pairs). Values that are codes (levels, citation fields)
are shown by name too.
"""
from __future__ import annotations

# name: (Chinese, English)
NAMES: dict[str, tuple[str, str]] = {
    "department": ("部门", "Department"), "departments": ("部门", "Departments"), "type": ("类型", "Type"),
    "types": ("类型", "Types"), "power": ("权力事项", "Power"), "powers": ("权力事项", "Powers"),
    "level": ("层级", "Level"), "levels": ("层级", "Levels"), "jurisdiction": ("行政区划", "Jurisdiction"),
    "article": ("法条", "Article"), "item": ("事项", "Item"), "thing": ("一件事", "Integrated service"),
    "things": ("一件事", "Integrated services"), "law": ("法律法规", "Law"), "area": ("地区", "Area"),
    "rank": ("排名", "Rank"), "lead": ("牵头部门", "Lead department"), "code": ("编码", "Code"),
    "codes": ("编码", "Codes"), "version_cited": ("所引版本", "Version cited"), "text": ("原文", "Text"),
    "number": ("条号", "Number"), "file": ("文件", "File"), "unit": ("承办机构", "Unit"),
    "some_departments": ("部分部门", "Some departments"), "service_points": ("办理点", "Service points"),
    "seq": ("序号", "No."), "row": ("行", "Row"), "n": ("数量", "Count"), "missing": ("缺少", "Missing"),
    "manner": ("方式", "Manner"), "loaded_version": ("库中版本", "Version loaded"), "kind": ("类别", "Kind"),
    "key": ("键", "Key"), "from_body": ("下放主体", "From"), "to_body": ("承接主体", "To"),
    "field": ("引用位置", "Cited in"), "delegated": ("下放/委托", "Delegated"), "date": ("日期", "Date"),
    "cooperating": ("配合部门", "Cooperating"), "chapter": ("章", "Chapter"), "basis": ("依据", "Basis"),
    "within": ("上级区划", "Within"), "with_stage": ("标明环节", "With stage"),
    "visits_before": ("改革前跑动次数", "Visits before"), "visits_after": ("改革后跑动次数", "Visits after"),
    "version": ("版本", "Version"), "unclassified": ("未分类", "Unclassified"), "to_power": ("承接事项", "To power"),
    "to_level": ("承接层级", "To level"), "from_power": ("下放事项", "From power"),
    "from_level": ("下放层级", "From level"), "theme": ("主题", "Theme"), "tags": ("标签", "Tags"),
    "supervision_stage": ("监管环节", "Supervision stage"), "supervision_in_text": ("原文含监管", "Supervision in text"),
    "summary": ("说明", "Summary"), "status": ("状态", "Status"), "stages": ("环节", "Stages"),
    "stage": ("环节", "Stage"), "score": ("分值", "Score"), "responsibility_text": ("责任事项原文", "Responsibilities"),
    "responsibility": ("责任事项", "Responsibility"), "resolved_by": ("处理人", "Resolved by"),
    "resolved_at": ("处理时间", "Resolved at"), "records": ("事项数", "Records"),
    "powers_above": ("上级事项", "Powers above"), "power_a": ("事项甲", "Power A"), "power_b": ("事项乙", "Power B"),
    "department_a": ("部门甲", "Department A"), "department_b": ("部门乙", "Department B"),
    "permit": ("行政许可", "Permit"), "org_level": ("实施层级", "Level"), "names": ("名称", "Names"),
    "name": ("名称", "Name"), "materials_saved": ("减少材料", "Materials saved"),
    "materials_before": ("改革前材料", "Materials before"), "materials_after": ("改革后材料", "Materials after"),
    "materials": ("材料", "Materials"), "loaded_text": ("库中条文", "Loaded text"), "loaded": ("已入库", "Loaded"),
    "linked_matters": ("关联事项", "Linked matters"), "level_above": ("上一层级", "Level above"),
    "label": ("标签", "Label"), "inspections_same_law": ("同法行政检查", "Inspections on the same law"),
    "imported_at": ("导入时间", "Imported at"), "id": ("编号", "Id"), "guidance_duties": ("指导监督责任", "Guidance duties"),
    "guidance": ("指导监督", "Guidance"), "given": ("已给出", "Given"), "duties": ("责任事项", "Duties"),
    "direct_duties": ("直接实施责任", "Direct duties"), "direct": ("直接实施", "Direct"), "differs": ("不同", "Differs"),
    "days_saved": ("减少时限", "Days saved"), "days_before": ("改革前时限", "Days before"),
    "days_after": ("改革后时限", "Days after"), "days": ("时限", "Days"), "current": ("现行", "Current"),
    "counterpart_above": ("上级对应部门", "Counterpart above"),
    "cooperating_published": ("配合部门（原文）", "Cooperating (as published)"),
    "cooperating_linked": ("已关联配合部门", "Cooperating (linked)"), "context": ("上下文", "Context"),
    "conditions": ("条件", "Conditions"), "cited_text": ("所引原文", "Text cited"), "citations": ("引用", "Citations"),
    "by_type": ("按类型", "By type"), "basis_text": ("实施依据原文", "Legal basis as published"),
    "articles_in_law": ("法律条文数", "Articles in the law"), "articles": ("法条", "Articles"),
    "accountable": ("追责对象", "Accountable"), "accountability": ("追责情形", "Accountability"),
    "limit": ("最多行数", "Row limit"), "only_different": ("只看不同", "Only differences"),
    "lower": ("下级层级", "Lower level"), "upper": ("上级层级", "Upper level"),
    # properties of relationships, as a graph's edge tooltips name them
    "article_label": ("所引条号", "Article as cited"), "sub_article": ("款项", "Paragraph"),
    "tag": ("效力层级", "Kind of law"), "version_note": ("所引版本", "Version cited"),
    "law_title": ("法律名称", "Law title"), "as_published": ("原文", "As published"),
}

# Parameters whose column name would mislead: `article` is the number of the article.
PARAMS: dict[str, tuple[str, str]] = {"article": ("条号（如 62）", "Article number"), "text": ("文字", "Text"),
                                      "name": ("名称", "Name"), "field": ("引用位置", "Cited in"),
                                      "as_of": ("有效日期（留空为现行清单）", "As of (empty: current lists)")}

# Values that are codes: levels and where a citation stands.
VALUES: dict[str, tuple[str, str]] = {
    "province": ("省级", "province"), "city": ("市级", "city"), "county": ("县级", "county"),
    "township": ("乡镇级", "township"), "basis": ("实施依据", "legal basis"),
    "responsibility_basis": ("责任事项依据", "responsibility basis"),
}
CODED_COLUMNS = {"level", "levels", "field", "to_level", "from_level", "level_above", "org_level", "lower", "upper"}


def column_title(name: str) -> str:
    """The Chinese name of a column (the name itself when it has none)."""
    pair = NAMES.get(name)
    return pair[0] if pair else name


def coded_title(column: str, value: str) -> str:
    """A level or citation field in Chinese (市级, 实施依据); any other value as it is."""
    return VALUES[value][0] if column in CODED_COLUMNS and value in VALUES else value
