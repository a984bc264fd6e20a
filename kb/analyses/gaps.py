"""Gaps (职责空白 and missing parts): what a list leaves out, or cites without a way to check it.

One query per rule, each read with `graph.read`; the rules themselves are the small functions that
turn rows into findings. docs/analyses.md describes every rule with an example from the real data.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from rapidfuzz import fuzz

from kb.analyses.findings import Finding, power_ref
from kb.analyses.powers import jurisdiction_names, partitions
from kb.analyses.rules import cited_version, parse_version, procedural_laws, same_version
from kb.db import Graph
from kb.lawtext import ArticleChange, compare_articles, likely_article
from kb.model import (
    BRACKET_HEADING,
    PHASES,
    PLACE_WORD_LEVEL,
    SUPERVISION_HEADING,
    StageRules,
    chained_stages,
    delegating_power,
    headed_in_own_word,
    heading_stages,
    leading_stage,
    line_heading_stages,
    listed_stages,
    normalise_level,
    opening_step,
    opens_with_heading,
    opens_with_step,
    squeeze,
    stage_rules,
    stage_word_pattern,
    stage_words,
    without_other_decisions,
)

TEXT_CHARS = 300
ARTICLE_TEXT_AGREES = 60  # partial_ratio of a citing text and an article's text that quote the same provision
MIN_TEXT = 15  # a citing text shorter than this says too little to compare

# The current powers of some departments ($departments, a partition: kb.analyses.powers.partitions), or of
# the jurisdictions asked for (all when both are null).
_POWERS = """
MATCH (d:Department)-[:HOLDS]->(p:Power)
WHERE $departments IS NULL OR d.name IN $departments
WITH d, p, coalesce(d.jurisdiction, head([(d)-[:IN_JURISDICTION]->(j) | j.name]), '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
"""
_POWER_COLUMNS = """p.key AS key, coalesce(p.name, p.item_name, '') AS power, coalesce(p.type, '') AS type,
       coalesce(p.level, '') AS level, coalesce(d.level, '') AS department_level, d.name AS department,
       jurisdiction, p.source_file AS file, p.source_sheet AS sheet, p.source_row AS row"""

# The list version a power comes from and the fields its layout has a column for (null: unknown).
_VERSION_COLUMNS = """head([(v:ListVersion)-[:CONTAINS]->(p) |
       {key: v.key, file: v.source_file, mapping: v.mapping, fields: v.fields, version: v.version,
        sha256: v.sha256}]) AS list"""

NO_RESPONSIBILITY = _POWERS + """
WITH d, p, jurisdiction WHERE NOT exists { (p)-[:HAS_RESPONSIBILITY]->() }
RETURN """ + _POWER_COLUMNS + """, coalesce(p.responsibility_text, '') AS text, """ + _VERSION_COLUMNS + """
"""

# The level's own procedure: its duties but those of guiding the levels below (指导监督: 荆州's 「指导县（市、区）应急
# 管理部门依法做好…行政处罚工作」 beside its own stages says nothing of the city's own handling).
STAGES = _POWERS + """
WITH d, p, jurisdiction, [(p)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
                          WHERE r.stage IS NOT NULL AND coalesce(r.kind, '') <> '指导监督' | r.stage] AS stages
// (a power whose duties name no stage is read too, for a set shorter than missing_stage's least: 申请法院强制执行's 催告,
// checked where its steps are all headed in their own words, 「申请责任：…」 「配合责任：…」 — 邯郸, judged to lack it, 2026-12-06;
// only of the types with such a set, $unstaged_types: unstaged_types(), a twentieth of a province's powers, not all)
WHERE size(stages) > 0 OR (coalesce(p.type, '') IN $unstaged_types AND exists { (p)-[:HAS_RESPONSIBILITY]->(:Responsibility) })
RETURN """ + _POWER_COLUMNS + """, stages, coalesce(p.scope, '') AS scope, coalesce(p.level_original, '') AS level_text,
       coalesce(p.sub_item_name, '') AS sub_item,
       coalesce(p.remarks, '') AS remarks, coalesce(p.basis_text, '') AS basis,
       COLLECT { MATCH (p)-[:HAS_RESPONSIBILITY]->(r:Responsibility) WHERE coalesce(r.kind, '') <> '指导监督'
                 RETURN coalesce(r.text, '') ORDER BY r.seq } AS duty_texts,
       COLLECT { MATCH (p)-[:HAS_RESPONSIBILITY]->(r:Responsibility) WHERE coalesce(r.kind, '') <> '指导监督'
                 RETURN coalesce(r.kind, '') ORDER BY r.seq } AS duty_kinds
"""

ACCOUNTABILITY = _POWERS + """
WITH d, p, jurisdiction, [(p)-[:HAS_ACCOUNTABILITY]->(a:Accountability) |
     {subjects: trim(coalesce(a.subjects, '')), text: trim(coalesce(a.text, ''))}] AS acc
WHERE size(acc) = 0 OR all(a IN acc WHERE a.subjects = '') OR all(a IN acc WHERE a.text = '')
RETURN """ + _POWER_COLUMNS + """, acc, """ + _VERSION_COLUMNS + """
"""

BASIS = _POWERS + """
WITH d, p, jurisdiction, trim(coalesce(p.basis_text, '')) AS basis
WHERE NOT exists { (p)-[:CITES {field: 'basis'}]->() }
RETURN """ + _POWER_COLUMNS + """, basis, """ + _VERSION_COLUMNS + """
"""

# Citations of loaded laws (article_not_found, other_version); those of laws not loaded are the
# worklist of kb/analyses/laws.py.
CITATIONS = _POWERS + """
MATCH (p)-[c:CITES]->(l:Law) WHERE coalesce(l.loaded, false)
RETURN """ + _POWER_COLUMNS + """, l.key AS law, coalesce(l.title, c.law_title, l.key) AS title,
       coalesce(l.loaded, false) AS loaded, l.version_date AS version_date, l.article_count AS article_count,
       c.article AS article, coalesce(c.article_label, '') AS label, coalesce(c.text, '') AS text,
       coalesce(c.version_note, '') AS version_note, coalesce(c.field, 'basis') AS field
"""
CITATION_COLUMNS = CITATIONS[CITATIONS.index("RETURN") + len("RETURN"):]

# The loaded articles (`version` null), then those of the older texts kept (LawVersion), by their date:
# other_version compares a cited older version with the loaded one as the law review queue does.
LOADED_ARTICLES = """
MATCH (l:Law {loaded: true})-[:HAS_ARTICLE]->(a:Article)
RETURN l.key AS law, a.number AS number, coalesce(a.label, '') AS label, coalesce(a.text, '') AS text,
       null AS version
UNION ALL
MATCH (l:Law {loaded: true})-[:HAS_VERSION]->(lv:LawVersion)-[:HAS_TEXT]->(t:ArticleText)
WHERE NOT coalesce(lv.current, false) AND lv.date IS NOT NULL
RETURN l.key AS law, t.number AS number, coalesce(t.label, '') AS label, coalesce(t.text, '') AS text,
       lv.date AS version
"""

PERMITS_AND_INSPECTIONS = _POWERS + """
WITH d, p, jurisdiction WHERE p.type IN ['行政许可', '行政检查']
RETURN """ + _POWER_COLUMNS + """,
       [(p)-[c:CITES {field: 'basis'}]->(l:Law) | l.key] AS laws,
       [(p)-[:HAS_RESPONSIBILITY]->(r:Responsibility) WHERE r.stage = '事后监管' | r.text] AS supervision,
       COUNT { (p)-[:HAS_RESPONSIBILITY]->(:Responsibility) } AS duties,
       [(p)-[:HAS_RESPONSIBILITY]->(r:Responsibility) WHERE coalesce(r.kind, '') <> '指导监督' | coalesce(r.text, '')]
         AS duty_texts,
       coalesce(p.responsibility_text, '') AS responsibility_text
"""

# The delegations of the current lists, each once: not those left with the powers of a superseded or
# revised list, and from the delegating power in force (a revised one: its copy).
DELEGATIONS = """
MATCH (dl:Delegation)
OPTIONAL MATCH (dl)-[:TO_POWER]->(tp:Power)
WITH dl, tp WHERE tp IS NULL OR tp.current = true
OPTIONAL MATCH (dl)-[:TO_DEPARTMENT]->(td:Department)
OPTIONAL MATCH (dl)-[:FROM_POWER]->(fp:Power) WHERE $delegating_power
OPTIONAL MATCH (named:Department) WHERE named.name = dl.to_body
WITH dl, tp, td, fp, coalesce(td, named) AS receiver
WITH dl, tp, td, fp, receiver,
     coalesce(receiver.jurisdiction, tp.jurisdiction, '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
RETURN dl.key AS key, coalesce(dl.manner, '') AS manner, dl.date AS date, coalesce(dl.from_body, '') AS from_body,
       coalesce(dl.to_body, '') AS to_body, coalesce(dl.from_level, '') AS from_level,
       coalesce(dl.to_level, '') AS to_level, jurisdiction,
       receiver.name AS receiver, tp.name AS to_power, tp.type AS to_type, fp.name AS from_power,
       receiver IS NOT NULL AND tp IS NOT NULL AND exists { (receiver)-[:HOLDS]->(tp) } AS holds,
       [(receiver)-[:HOLDS]->(rp:Power) WHERE fp IS NOT NULL AND rp.item_name = fp.item_name | rp.name] AS same_named
""".replace("$delegating_power", delegating_power("dl", "fp"))

THINGS = """
MATCH (t:Thing)-[:LED_BY]->(lead:Department)
WITH t, lead, coalesce(head([(t)-[:IN_JURISDICTION]->(j) | j.name]), lead.jurisdiction, '') AS jurisdiction
WHERE $jurisdictions IS NULL OR jurisdiction IN $jurisdictions
MATCH (t)-[:INCLUDES]->(s:ServiceItem)-[:REALISES]->(p:Power)
OPTIONAL MATCH (holder:Department)-[:HOLDS]->(p)
WITH t, lead, jurisdiction, collect(DISTINCT {item: s.name, power: p.name, holder: holder.name}) AS items
WHERE none(i IN items WHERE i.holder = lead.name)
RETURN t.key AS key, coalesce(t.name, t.title, t.key) AS thing, lead.name AS lead, jurisdiction, items,
       coalesce(t.area_name, jurisdiction) AS area
"""


def _level(row: dict) -> str:
    return normalise_level(row.get("level"), row.get("department_level")) or normalise_level(row.get("department_level"))


def _clip(text: str | None, n: int = TEXT_CHARS) -> str:
    text = (text or "").strip()
    return text if len(text) <= n else text[:n] + "…"


def _power_finding(kind: str, row: dict, evidence: list[dict], score: float, summary: str,
                   extra_keys: Iterable[str] = ()) -> Finding:
    level = _level(row)
    ref = power_ref(row["department"], level, row["type"], row["power"])
    return Finding(kind=kind, departments=[row["department"]], powers=[row["power"]], evidence=evidence,
                   score=score, keys=[ref, *extra_keys], jurisdiction=row["jurisdiction"], level=level,
                   summary=summary, power_keys=[row["key"]])


def _source(row: dict) -> dict:
    return {"file": row.get("file"), "sheet": row.get("sheet"), "row": row.get("row")}


# --- responsibilities and accountability --------------------------------------------------------

# Columns whose absence from a layout is one finding per list: record field -> the column's name.
COLUMN_TITLES = {"responsibility_text": "责任事项", "accountability_subjects": "追责对象范围",
                 "accountability_situations": "追责情形", "basis_text": "实施依据"}


def _columns_missing(row: dict, fields: Iterable[str]) -> list[str]:
    """The columns (of `fields`) the power's list version has none of: [] when the layout is unknown."""
    version = row.get("list") or {}
    have = version.get("fields")
    if not have:
        return []
    return [COLUMN_TITLES[f] for f in fields if f not in have]


def _list_findings(kind: str, rows: list[dict], missing_of,
                   score: float | Callable[[tuple[str, ...]], float]) -> tuple[list[Finding], list[dict]]:
    """One finding per list file whose layout lacks a column (evidence: the file, the mapping and how many
    powers it leaves without it; a file whose records went to several departments is one list version
    each, and still one finding), and the rows that are still checked one by one."""
    by_file: dict[tuple, list[dict]] = defaultdict(list)
    rest = []
    for r in rows:
        missing = missing_of(r)
        if missing:
            by_file[(r["list"].get("sha256") or r["list"]["key"], tuple(missing))].append(r)
        else:
            rest.append(r)
    out = []
    for (_, missing), items in by_file.items():
        held = Counter(r["department"] for r in items)  # the file's own department first: it holds the most
        departments = sorted(held, key=lambda d: (-held[d], d))
        first = next(r for r in items if r["department"] == departments[0])
        version = first["list"]
        ev = [{"type": "list", "department": first["department"], "departments": departments, "file": version["file"],
               "mapping": version["mapping"], "fields": list(version["fields"]), "missing_columns": list(missing),
               "powers": len(items), "version": version.get("version") or "",
               "examples": [r["power"] for r in items[:5]]}]
        out.append(Finding(
            kind=kind, departments=departments, powers=[r["power"] for r in items], evidence=ev,
            score=score(missing) if callable(score) else score,
            keys=[f"list:{first['department']}|{version.get('version') or ''}|{version['file']}",
                               *(f"column:{m}" for m in missing)],
            jurisdiction=first["jurisdiction"], level=_level(first),
            summary=f"{'、'.join(departments)}的清单（{version['file']}）没有{'、'.join(missing)}列，{len(items)}项权力因此缺少",
            power_keys=[r["key"] for r in items]))
    return out, rest


def no_responsibility(rows: list[dict]) -> list[Finding]:
    out, rows = _list_findings("no_responsibility", rows,
                               lambda r: _columns_missing(r, ["responsibility_text"]), 0.9)
    for r in rows:
        unparsed = bool(r["text"].strip())
        ev = [{"type": "power", "power": r["power"], "department": r["department"],
               "responsibility_text": _clip(r["text"]), "source": _source(r),
               "note": "责任事项内容未能拆分为责任事项" if unparsed else "责任事项内容为空"}]
        out.append(_power_finding("no_responsibility", r, ev, 0.5 if unparsed else 0.9,
                                  f"{r['department']}「{r['power']}」没有责任事项"))
    return out


def named_stages(row: dict, rules: StageRules | None = None, subkind: str = "") -> set[str]:
    """The stages a power's duties name: each duty's stored stage, every stage of a heading that
    names two at once ("审查和决定阶段责任" names 决定 too; the duty keeps the first as its stage), a duty that is
    nothing but stages ("送达、执行。"), and a
    stage done inside another's duty (a 决定 duty that 送达s: StageRules.done_inside)."""
    rules = rules or stage_rules()
    named = set(row["stages"])
    if _REMARK_SERVED.search(squeeze(row.get("remarks") or "")):
        named.add("送达")  # 新疆's 导游证核发: 「电子导游证通过全国旅游监管服务平台发放」 in its remarks, judged served
    if remark_supervises(row.get("remarks") or "", _level(row)):
        named.add("事后监管")
    own = rules is stage_rules()  # (the vocabulary's own rules: each duty's reading is kept)
    for text in row.get("duty_texts", ()):
        named.update(_duty_stages(text or "", row["type"], subkind) if own
                     else _read_duty(text or "", row["type"], subkind, rules))
    if subkind == "强制措施" and "事后监管" in named and not _measure_ended(row.get("duty_texts", ()), row["type"], rules):
        # a measure's 事后监管 step that only keeps what was seized (太仓's 暂扣: 「妥善保管」) is no end of the measure:
        # 行政强制法 第二十七、二十八条 ask for its 处理 or 解除 (a reader asked for it, 2026-12-05)
        named.discard("事后监管")
    return named


def _read_duty(text: str, type_: str, subkind: str, rules: StageRules) -> frozenset[str]:
    """The stages one duty names, by each reading of named_stages."""
    return frozenset((*heading_stages(text), *listed_stages(text), *noted_stages(text), *chained_stages(text),
                      *rules.done_inside(text, type_, subkind), *column_cell_stages(text)))


@lru_cache(maxsize=1 << 14)  # (16,384 duties: a few tens of MB at most)
def _duty_stages(text: str, type_: str, subkind: str) -> frozenset[str]:
    """_read_duty by the vocabulary's own rules, kept: a list copied from place to place repeats its duties word for
    word, and each power's duties are read twice (for its set, then with its sub-kind)."""
    return _read_duty(text, type_, subkind, stage_rules())


# a clause of the remarks in which the body itself (no subject, 本局, or its own level's 县局) takes on the supervision:
# 泗洪's 大型群众性活动安全许可, 「…由宿迁市公安局实施许可，县局负责初审和安全监管」 (judged supervised, 2026-12-06); not
# another body's (「由市场监管局负责监管」) nor guiding (「市局负责指导监督」)
_OWN_SUBJECT = re.compile(r"^(?:(?P<place>本|我|县|区|市|旗|州|盟|省)(?:局|级|本级|部门|单位|机关|厅|委)?)?(?:还|并|同时|另)?$")
_SUPERVISION_TAKEN = re.compile(r"负责[^，,。；;]{0,12}?(?:批后|事中事后|事后|安全|日常)?(?:监管|监督检查|监督管理)")
# (a clause telling the body's remit, not this power's: 「本局负责全市食品安全监督管理工作」)
_REMIT = re.compile(r"全(?:市|县|区|省|州|盟|旗)|工作")


def remark_supervises(remarks: str, level: str = "") -> bool:
    """Whether a power's remarks say the body itself supervises after the decision (its 事后监管): no subject, 本局, or its
    own level's (县局 in a county's list; not 区局 in a city's, nor 市局 in a county's)."""
    for clause in re.split(r"[，,。；;]", squeeze(remarks)):
        m = _SUPERVISION_TAKEN.search(clause)
        subject = _OWN_SUBJECT.match(clause[:m.start()]) if m else None
        if subject and "指导" not in clause and not _REMIT.search(clause) \
                and PLACE_WORD_LEVEL.get(subject.group("place") or "", level) == level:
            return True
    return False


def _measure_ended(texts: Iterable[str], type_: str, rules: StageRules) -> bool:
    """Whether a 强制措施's duties end it: a 事后监管 step that speaks of its 处理 or 解除 (or one in other words:
    退还, 没收, 销毁 …), or another step that does it (StageRules.done_inside), or no 事后监管 step at all."""
    headed = [t for t in texts if "事后监管" in heading_stages(t)]
    if not headed or any(_MEASURE_ENDS.search(squeeze(t)) for t in headed):
        return True
    return any("事后监管" in rules.done_inside(t, type_, "强制措施") or "事后监管" in listed_stages(t)
               for t in texts if t not in headed)


# a heading line of one stage with another's word in brackets: 吕梁's and 石柱's columns 审查（调查）, 事后监管（执行）
_NOTED_HEADING = re.compile(r"^([^（()）]{2,6})[（(]([^（()）]{2,6})[）)](?:环节|阶段)?(?:责任)?$")


def noted_stages(text: str) -> list[str]:
    """The stage a duty's heading names in brackets beside its own (「审查（调查）\n…」, 「监管（执行）责任：」 as a column of
    a penalty's duties is headed: the duties do both, as 「审查、调查责任」 says), when both are stages; else []."""
    head = re.split(r"[:：]", squeeze((text or "").strip().split("\n", 1)[0]), maxsplit=1)[0]
    m = _NOTED_HEADING.match(head)
    if not m or not line_heading_stages(m.group(1)):
        return []
    return line_heading_stages(m.group(2))


def column_cell_stages(text: str) -> list[str]:
    """The stages a cell under a stage's column names in its own words, beside its column's (the duty's first line,
    「审查环节」): a cell that is nothing but steps (「调查取证；审查」 under 审查环节) or opens with a step's word
    (「执行处罚决定，抄告…」 under 事后监管, 「调查取证，制作调查笔录；…」 under 审查环节 — a penalty in a permit's columns,
    广安's 司法局) — a step's word standing alone or doing the decision (`kb.model.opening_step`): not 「决定是否受理」,
    「审查申请材料是否齐全」 or 「送达受理通知书」 under 受理环节."""
    heading, body = _column_cell(text)
    if not heading:
        return []
    lead = opening_step(body)
    return [*listed_stages(body), *([lead] if lead else [])]


def _column_cell(text: str) -> tuple[list[str], str]:
    """A duty read from a cell under a stage's column (its first line the column's heading, 「审查环节\n…」, as
    importers.duties.stage_row_duty writes it): the heading's stages and the cell's text; ([], "") for another duty."""
    first, _, body = (text or "").strip().partition("\n")
    stages = line_heading_stages(first.strip()) if body.strip() else []
    return (stages, body) if stages else ([], "")


_AFTER_DECISION = {"决定", "送达", "事后监管", "执行"}
MEASURE_KEPT_ONLY = "所列事后监管只写保管查封、扣押之物，没有写明措施的处理或解除（《行政强制法》第二十七条、第二十八条）"
# (the same said of a step that keeps nothing: 「对执行情况进行跟踪」 is no 保管, and no 处理 or 解除 either)
MEASURE_NOT_ENDED = "所列事后监管（“{step}”）没有写明查封、扣押等措施的处理或解除（《行政强制法》第二十七条、第二十八条）"
_KEEPS = re.compile(r"保管|停放|存放|封存|看管|妥善")
# what ends a 强制措施 (行政强制法 第二十七、二十八条): its 处理 or 解除, in whatever words
_MEASURE_ENDS = re.compile(r"解除|处理|退还|返还|没收|销毁|拍卖|处置|解封|放行|归还|移送|依法处理")
# Remarks that say how the licence or the decision reaches the applicant: its 送达.
_REMARK_SERVED = re.compile(r"(?:证|证书|证件|批复|批件|决定书)[^，,。；;]{0,20}?(?:发放|送达|颁发|寄送|邮寄|推送)")
_NAME_NOTE = re.compile(r"[（(]([^（()）]{1,12})[）)]")
# A note that is the level's first review itself: not one naming another level (（县级初审） in a city's list), what it
# holds or leaves out (（含初审、审批）, （不含初审）) or a filing (（报省级备案）).
_PRELIMINARY_NOTE = re.compile(r"^(?:本级)?(?:受理[、和及]?)?(?:初审|初步审查|审核上报|审查上报|初审上报|初审转报|审核转报|受理上报)$")


def _notes(*names: str) -> list[str]:
    """The notes in brackets of a power's name and its sub-item's that say its level only reviews first: 连南's
    筹备设立宗教活动场所审核（初审）."""
    return [note for name in names for note in _NAME_NOTE.findall(name or "") if _PRELIMINARY_NOTE.match(squeeze(note))]


def required_stages(row: dict, rules: StageRules | None = None) -> tuple[tuple[str, ...], dict]:
    """The stages a power must name, and why: its type's set, or its sub-kind's (强制措施 has no 催告), each
    with the article that asks for it (`required_by`; none for a type whose procedure no law of general
    application sets), less 决定/送达 when its scope or duties say the level only reviews first (初审,
    审核上报), less 事后监管 for a permit done on another body's entrustment (受…委托实施), less a penalty's 执行 when
    its basis sets only a 吊销 or a 警告; none when its duties say it directs the level below to do the procedure
    (督促县级 …), its name that its part is guiding (…许可（指导监督）), or its remarks that the level below decides and it
    guides (由区…审批，本局指导监督), or only that a level below implements it (of a province's or a city's body: 地（州、市）
    …依法实施)."""
    rules = rules or stage_rules()
    why: dict = {}
    supervising = rules.supervising(*row.get("duty_texts", ())) or \
        rules.guiding_named(row["power"], row.get("sub_item", "")) or \
        rules.guiding(_level(row), row.get("remarks", ""), row.get("scope", ""), row.get("level_text", ""))
    if supervising:  # the level below does the procedure: its list has the stages
        return (), {"supervising": supervising}
    required = rules.by_type.get(row["type"], ())
    named = named_stages(row, rules)
    sub = rules.subkind(row["type"], row["power"], named, tuple(row.get("duty_texts", ())), row.get("sub_item", ""))
    if sub:
        required, why["subkind"] = sub.stages, sub.name
    articles = rules.articles(sub.name if sub else row["type"])
    if articles is None:  # no law of general application sets the procedure: nothing is asked for
        return (), why
    if articles:
        required = tuple(s for s in required if s in articles)
        why["required_by"] = {s: articles[s] for s in required}
    above = decided_above(row.get("duty_texts", ()))
    if above or not rules.names("决定", named, row["type"]):
        # a level's own review says it reports up, not a later step's note (送达：…上报市级主管部门备案)
        reviewing = (t for t in row.get("duty_texts", ()) if not set(heading_stages(t)) & _AFTER_DECISION)
        word = above or rules.preliminary(row.get("scope", ""), row.get("level_text", ""), *reviewing,
                                          *(s for s in named if s == "初审"), *_notes(row["power"], row.get("sub_item", ""))) \
            or rules.preliminary_said(row.get("remarks", ""))
        if word:
            required = tuple(s for s in required if s not in rules.preliminary_not_required)
            why["preliminary"] = word
    if rules.collecting and rules.collecting.spared(row["type"], row.get("basis", "")):
        required = tuple(s for s in required if s != rules.collecting.stage)  # a 吊销 is carried out by its decision
    entrusted = rules.entrusted(row["type"], row.get("scope", ""), row.get("remarks", ""), row.get("level_text", ""))
    if entrusted:  # the entrusting body supervises what it entrusted (行政许可法 第二十四条)
        required = tuple(s for s in required if s not in rules.entrusted_not_required)
        why["entrusted"] = entrusted
    # (the approvals bureau's own list: what was handed to it is its own to decide)
    transferred = "" if "行政审批" in (row.get("department") or "") else \
        rules.transferred(row["type"], row.get("scope", ""), row.get("remarks", ""), row.get("level_text", ""))
    if transferred:  # an approvals bureau decides: the body's own part is what it kept (its supervision)
        required = tuple(s for s in required if s in rules.transferred_kept)
        why["transferred"] = transferred
    return required, why


# A 决定 column's cell that sends the case up for the decision: 「报四川省司法厅审核。」 (广安's 公证员执业审核, whose
# 司法局 reviews first; judged complete without a 决定, 送达 or supervision of its own, 2026-12-05)
_REPORTED_UP = re.compile(r"(?:依法)?(?:上报|报送|转报|报请|呈报|报)(?:上级|(?:[^。；;，,]{0,10}?(?:省|市|州|盟|县|区|自治区|国家|国务院))"
                          r"[^。；;，,]{0,10}?(?:厅|部|委|局|政府|总局|主管部门|行政部门))[^。；;，,]{0,8}?"
                          r"(?:审核|审批|批准|核准|决定|审定|任命)")
# … not the body's own sign-off: 「报请局长审批后，作出…决定」, 「报经机关负责人批准」, 「报请集体讨论决定」
_OWN_SIGN_OFF = ("负责人", "领导", "局长", "厅长", "主任", "集体讨论", "本机关", "本部门", "本单位")


def decided_above(texts: Iterable[str]) -> str:
    """The cell under a 决定 column that reports up instead of deciding (its words), or ""."""
    for text in texts:
        heading, body = _column_cell(text)
        said = squeeze(body)
        if "决定" in heading and _REPORTED_UP.match(said) and not any(w in said for w in _OWN_SIGN_OFF):
            return said[:20]
    return ""


def own_word_stages(row: dict, required: tuple[str, ...], rules: StageRules | None = None) -> dict[str, str]:
    """The stages of `required` a power's duties do under a heading in the procedure's own word: a duty
    headed by no stage of the vocabulary ("2.现场鉴定阶段责任:") where the list, in its order, would have
    the stage (between the duties of the stages before and after it), unless its heading starts as one that
    does not do that stage (StageRules.own_word_not: 责令 is no 催告). A duty starting with the stage's own word
    without a heading's form does it too ("1.受理申请，材料不齐全的一次性告知…"); one starting with another stage's
    word does not ("监督检查：…" is no 送达). Stage -> that duty's heading."""
    rules = rules or stage_rules()
    texts = row.get("duty_texts", ())
    headings = [set(heading_stages(t)) | set(listed_stages(t)) for t in texts]
    by_duty = [{s for s in required
                if rules.names(s, h | rules.done_inside(t, row["type"], unheaded=False), row["type"])}
               for t, h in zip(texts, headings, strict=True)]
    leading = [leading_stage(t) for t in texts]
    out: dict[str, str] = {}
    for k, stage in enumerate(required):
        if any(stage in d for d in by_duty):
            continue
        before = [i for i, d in enumerate(by_duty) if d & set(required[:k])]
        after = [i for i, d in enumerate(by_duty) if d & set(required[k + 1:])]
        if not before and not after:  # no stage of its set places it (a set of one: 申请法院强制执行's 催告)
            continue
        lo, hi = (before[-1] if before else -1), (after[0] if after else len(texts))
        unless = rules.own_word_not.get(stage, ())
        own = next((i for i in range(lo + 1, hi)
                    if not by_duty[i] and not headings[i]
                    and not _starts_as_another(texts[i], leading[i], stage, required, row["type"], rules)
                    and ((leading[i] is not None and rules.names(stage, {leading[i]}, row["type"]))
                         or opens_with_step(texts[i], () if _says(stage, texts[i], row["type"], rules) else unless)
                         # (a closing step that says the stage: 肥东's 「办结：制作批准文件或者许可证件，送达申请人」, judged
                         # served, 2026-12-06)
                         or (headed_in_own_word(texts[i]) and _says(stage, texts[i], row["type"], rules)))),
                   None)
        if own is not None:
            out[stage] = squeeze(texts[own])[:12]
    return out


def _says(stage: str, text: str, type_: str, rules: StageRules) -> bool:
    """Whether a duty's text says the stage in a word of it (解除 for a measure's 事后监管: 「通知领取：解除扣押后，通知当事人
    领取财物」 is its end, whatever the step's own word)."""
    return rules.names(stage, _words_said(squeeze(text)), type_)


def _words_said(flat: str) -> set[str]:
    """The stages whose words a (squeezed) text says anywhere in it."""
    words = stage_words()
    return {words[m.group(0)] for m in stage_word_pattern().finditer(flat)}


def _prose_read(flat: str, said: set[str], type_: str, rules: StageRules) -> set[str]:
    """The stages a text says in prose (`said`) and those it does inside one of them (StageRules.done_within)."""
    return said | {d.stage for d in rules.done_within if d.within in said and (not d.types or type_ in d.types)
                   and d.said(flat)}


def _starts_as_another(text: str, lead: str | None, stage: str, required: tuple[str, ...], type_: str,
                       rules: StageRules) -> bool:
    """A duty that starts with the word of another stage of the power's own set and names the missing stage nowhere
    in its heading does not stand for it (a permit's 「监督检查：」 is no 送达); 「监督执行：」 (监督 is no stage of a
    penalty's) or 「实施催告：」 (it names the 催告) may."""
    if lead is None or rules.names(stage, {lead}, type_) or not any(rules.names(r, {lead}, type_) for r in required):
        return False
    head = re.split(r"[：:，,。；;]", squeeze(text), maxsplit=1)[0]
    return not rules.names(stage, {s for w, s in stage_words().items() if w in head}, type_)


# The duty a staged list closes with, naming no stage: "其他法律法规规章文件规定应履行的责任",
# "法律法规规章文件规定应履行的其他责任", under its own heading or a card's row (「其他：法律法规…」, 「其他责任：…」).
_CATCH_ALL = re.compile(r"^(?:(?:其他|其它)(?:责任|环节|事项)?[：:])?(?:其他|其它)?(?:法律|法规)[^。；;]{0,16}规定[^。；;]{0,12}"
                        r"责任[。.；;]?$")


def _all_headed(row: dict) -> bool:
    """Every duty of the power opens with a stage heading (of the vocabulary or in its own word), but the
    catch-all duty a staged list closes with (承德's "1.执行责任：… 2.其他法律法规规章文件规定应履行的责任")."""
    texts = [t for t in row.get("duty_texts", ()) if not _CATCH_ALL.match(squeeze(t))]
    # (a step in brackets, in the list's own word: 额济纳旗's 「【报告审批】…」 beside its 【实施】, 【送达】)
    return bool(texts) and all(opens_with_heading(t) or BRACKET_HEADING.match(squeeze(t)) and opens_with_step(t)
                               for t in texts)


def _all_stepped(row: dict) -> bool:
    """Every duty of the power, two or more, opens with a step it names: a heading (_all_headed) or a step's own word with a colon
    alone (福山's 申请法院强制执行 「（1）申请：…（2）配合执行：…」, judged to lack its 催告, 2026-12-06)."""
    texts = [t for t in row.get("duty_texts", ()) if not _CATCH_ALL.match(squeeze(t))]
    return _all_headed(row) or (len(texts) >= 2 and all(opens_with_step(t) for t in texts))


def prose_stages(texts: Iterable[str], kinds: Iterable[str], type_: str = "", rules: StageRules | None = None) -> set[str]:
    """The stages a list's phase columns (责任事项（事前） | （事中） | （事后）: the duties' kind) mention in prose, anywhere
    in them: a phase's cell no stage heads and no list of stages (吴忠's 事中 beside its 事前's 「受理：…」: 「审查申请材料及
    现场核查，作出决定，核发排污许可证」) is read as a reader reads it, every step it says done, but a decision of another
    step (「作出是否立案的决定」); a stage done inside another's (`StageRules.done_inside`: 「作出决定，核发排污许可证」
    serves it) is done here too. Not any other duty: in a list written in stages, an unheaded duty's words
    (「接受社会监督」, 「对不服的，告知其申请复议的权利」) are no stage of it."""
    rules = rules or stage_rules()
    out: set[str] = set()
    for text, kind in zip(texts, kinds, strict=False):
        flat = squeeze(text)
        if kind not in PHASES or not flat or opens_with_heading(text) or listed_stages(text):
            continue
        out |= _prose_read(flat, _words_said(without_other_decisions(flat)), type_, rules)
    return out


# a clause of what is refused or lacking (「不予受理的，出具不予受理决定书并送达」, 「材料不齐全的一次性告知」): no step of its own
# (a condition and what follows it: not 「作出准予或者不予许可的决定并送达申请人」, the decision either way)
_REFUSING_CLAUSE = re.compile(r"[^，,。；;]*(?:不予|不准予|不批准|不符合|不齐全|不同意)[^，,。；;]*?的(?!决定|书|理由|通知|文书)[，,]?"
                             r"[^，,。；;]*")
# … and what another body does or what is owed when one fails (「立案后移交市综合行政执法支队调查、告知…」, 「未按规定审查、作出决定、
# 送达的，依法追究责任」): to the sentence's end
_OTHERS_CLAUSE = re.compile(r"(?:移交|移送|转交|报送|上报|报请)[^。；;]*|[^，,。；;]*(?:未按规定|未依法|追究)[^。；;]*")


def sole_step_prose(texts: Iterable[str], required: tuple[str, ...], type_: str = "",
                    rules: StageRules | None = None) -> set[str]:
    """The stages a power's one duty (a catch-all aside) says in prose beyond its heading, when it says three or more of
    the power's set after the heading's (林芝's lone 「1.立案责任:…应及时制止(对正在实施的违法行为…),并予以审查,决定是否立案」
    says two, 审查 and 实施, and is read as the 立案 it is):
    a list's stage columns of which the record fills only the first, with the whole procedure in it (巴南's 受理（立案）
    column: 「受理申请后审查…会同公安交通管理部门审核；…作出准予或者不予许可的决定并送达申请人；许可期间…进行现场监管」,
    judged complete, 2026-12-06), read as a reader reads it; not the clauses of a refusal (「不予受理的…送达」). Neither a
    catch-all under its own heading (三里屯's card: 「办理：…依法立案调查取证，经审查后告知…，依法作出…的决定，送达决定书并督促
    履行」 beside 「其他：法律法规…」) nor the column of supervision measures beside the cell (城口's 「…依法立案调查…；调查终结后
    审查案件，告知…，依法作出责令退回、罚款的决定并送达…」 beside its 事中事后监管措施) is a second step (both judged complete,
    2026-12-06)."""
    rules = rules or stage_rules()
    texts = [t for t in texts if not _CATCH_ALL.match(squeeze(t)) and not _supervision_column(t)]
    if len(texts) != 1:
        return set()
    flat = _OTHERS_CLAUSE.sub("", _REFUSING_CLAUSE.sub("", without_other_decisions(squeeze(texts[0]))))
    heading = heading_stages(texts[0])
    said = _words_said(flat) - set(heading)
    first = max((required.index(s) for s in heading if s in required), default=-1)
    if len(said & set(required[first + 1:])) < 3:
        return set()
    return _prose_read(flat, said, type_, rules)


def _supervision_column(text: str) -> bool:
    """A duty read from a column of supervision measures beside the 责任事项 cell (its heading SUPERVISION_HEADING): not a
    step of the cell's procedure."""
    return text.split("\n", 1)[0].strip() == SUPERVISION_HEADING


def cited_stages(missing: list[str], required_by: dict[str, str]) -> str:
    """Missing stages as a reader reads them, each with the article that asks for it: 告知（《行政处罚法》第四十四条）、…"""
    return "、".join(f"{s}（{required_by[s]}）" if s in required_by else s for s in missing)


def unstaged_types(rules: StageRules | None = None) -> list[str]:
    """The types whose powers STAGES reads though their duties name no stage: those with a set (the type's or a
    sub-kind's) shorter than `min_named`, which missing_stage checks where the duties are all written in steps."""
    rules = rules or stage_rules()
    return sorted({t for t, stages in rules.by_type.items() if len(stages) < rules.min_named}
                  | {k.type for k in rules.subkinds if len(k.stages) < rules.min_named})


def missing_stage(rows: list[dict], rules: StageRules | None = None) -> list[Finding]:
    """Powers whose duties name at least `min_named` stages of their set are checked, and those that name
    one when every duty is headed by a stage (the list is written in stages: what it leaves out is left
    out); a stage is named by itself or a synonym (受案/受理 for 立案), or done under a heading in the
    procedure's own word where the stage would be (own_word_stages). Each missing stage is cited with the
    article that asks for it."""
    rules = rules or stage_rules()
    out = []
    for r in rows:
        required, why = required_stages(r, rules)
        if not required or (not r["stages"] and len(required) >= rules.min_named):
            continue  # (duties that name no stage are read for a set of one only: below)
        named = named_stages(r, rules, why.get("subkind", ""))
        present = [s for s in required if rules.names(s, named, r["type"])]
        if len(present) < rules.min_named and not (present and _all_headed(r)) \
                and not (len(required) < rules.min_named and (len(named) >= rules.min_named or _all_stepped(r))):
            continue  # (a set shorter than that, 申请法院强制执行's 催告: checked where the duties are written in stages)
        missing = [s for s in required if s not in present]
        own = own_word_stages(r, required, rules) if missing else {}
        prose = prose_stages(r.get("duty_texts", ()), r.get("duty_kinds", ()), r["type"], rules) if missing else set()
        prose |= sole_step_prose(r.get("duty_texts", ()), required, r["type"], rules) if missing else set()
        missing = [s for s in missing if s not in own and not (prose and rules.names(s, prose, r["type"]))]
        if not missing:
            continue
        if own:
            why["own_word"] = own
        if "required_by" in why:
            why["required_by"] = {s: why["required_by"][s] for s in missing}
        step = next((t for t in r.get("duty_texts", ()) if "事后监管" in heading_stages(t)), None)
        if why.get("subkind") == "强制措施" and "事后监管" in missing and step is not None:
            # (a 事后监管 step that does not end the measure: a reader saw 「缺少事后监管」 beside it, unexplained)
            why["note"] = MEASURE_KEPT_ONLY if _KEEPS.search(step) else MEASURE_NOT_ENDED.format(step=_clip(step, 40))
        # (a stage counted by another's name is said as such: 于都's penalty, 「立案责任：…予以审查，决定是否立案」 and a
        # 决定 step, was said to have named 审查 — its 决定 stands for it, by same_as_by_type)
        named_as = {s: w for s in present if (w := rules.named_as(s, named, r["type"])) != s}
        if named_as:
            why["named_as"] = named_as
        ev = [{"type": "stages", "power": r["power"], "department": r["department"], "power_type": r["type"],
               "named": [s for s in present if s not in named_as] + sorted(s for s in named - set(required)
                                                                           if not rules.stands_for(s, present, r["type"])),
               "required": list(required), "missing": missing, "source": _source(r), **why}]
        out.append(_power_finding("missing_stage", r, ev, min(0.9, 0.5 + 0.1 * len(missing)),
                                  f"{r['department']}「{r['power']}」缺少{cited_stages(missing, why.get('required_by', {}))}环节",
                                  [f"missing:{','.join(missing)}"]))
    return out


def _accountability_missing(r: dict) -> list[str]:
    acc = r["acc"]
    if not acc:
        return ["追责对象范围", "追责情形"]
    return [label for label, key in (("追责对象范围", "subjects"), ("追责情形", "text"))
            if all(not a[key] for a in acc)]


def no_accountability(rows: list[dict]) -> list[Finding]:
    """Per power; but when the list's layout has no 追责对象范围 / 追责情形 column at all, one finding
    for the list (what is missing is a column, not 75 powers' entries)."""
    def list_missing(r: dict) -> list[str]:
        absent = _columns_missing(r, ["accountability_subjects", "accountability_situations"])
        return [m for m in _accountability_missing(r) if m in absent]

    # (a list without a 追责对象范围 column alone, its 追责情形 there, lacks a form more than accountability)
    out, _ = _list_findings("no_accountability", rows, list_missing,
                            lambda missing: 0.5 if tuple(missing) == ("追责对象范围",) else 0.8)
    for r in rows:
        acc = r["acc"]
        absent = set(list_missing(r))
        missing = [m for m in _accountability_missing(r) if m not in absent]
        if not missing:
            continue
        ev = [{"type": "accountability", "power": r["power"], "department": r["department"],
               "missing": missing, "present": {"subjects": _clip(next((a["subjects"] for a in acc if a["subjects"]), "")),
                                               "text": _clip(next((a["text"] for a in acc if a["text"]), ""))},
               "source": _source(r)}]
        score = 0.8 if len(missing) == 2 else 0.6
        out.append(_power_finding("no_accountability", r, ev, score,
                                  f"{r['department']}「{r['power']}」缺少{'、'.join(missing)}"))
    return out


# --- legal basis ----------------------------------------------------------------------------------

def no_basis(rows: list[dict]) -> list[Finding]:
    """no_basis per power, or once per list whose layout has no 实施依据 column at all (宣州's, 四川's 竖表);
    basis_unmatched per power."""
    out, rows = _list_findings("no_basis", rows, lambda r: [] if r["basis"] else _columns_missing(r, ["basis_text"]),
                               0.9)
    for r in rows:
        ev = [{"type": "basis", "power": r["power"], "department": r["department"], "text": _clip(r["basis"]),
               "source": _source(r)}]
        if r["basis"]:
            out.append(_power_finding("basis_unmatched", r, ev, 0.6,
                                      f"{r['department']}「{r['power']}」的实施依据未能识别出法律法规名称"))
        else:
            out.append(_power_finding("no_basis", r, ev, 0.9, f"{r['department']}「{r['power']}」没有实施依据"))
    return out


def citation_evidence(r: dict) -> dict:
    return {"type": "citation", "law": f"《{r['title']}》", "law_key": r["law"], "article": r["label"],
            "text": _clip(r["text"]), "power": r["power"], "department": r["department"],
            "field": r["field"], "version_note": r["version_note"], "source": _source(r)}


def citations(rows: list[dict], articles: list[dict]) -> list[Finding]:
    """law_not_loaded (one finding per law), article_not_found and other_version (per power and law)."""
    texts: dict[str, dict[int, dict]] = defaultdict(dict)
    older: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)  # (law, date) -> the kept text's articles
    for a in articles:
        if a.get("version"):
            older[(a["law"], str(a["version"]))][a["number"]] = a["text"]
        else:
            texts[a["law"]][a["number"]] = a
    compared: dict[tuple[str, str], dict[int, ArticleChange]] = {}

    def now_at(r: dict, cited) -> dict:
        return _now_at(r, cited, texts[r["law"]], older, compared)

    unloaded: dict[str, list[dict]] = defaultdict(list)
    not_found: dict[tuple[str, str], list[dict]] = defaultdict(list)
    other: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if not r["loaded"]:
            unloaded[r["law"]].append(r)
            continue
        if r["article"] is None:
            continue
        cited, loaded = cited_version(r["version_note"]), parse_version(r["version_date"])
        article = texts[r["law"]].get(r["article"])
        ev = citation_evidence(r)
        ev["loaded_version"] = r["version_date"]
        ev["cited_version"] = cited.date.isoformat() if cited else None
        if article is None:
            ev["article_count"] = r["article_count"]
            if same_version(cited, loaded):
                not_found[(r["key"], r["law"])].append((r, ev))
            else:
                ev["note"] = f"引用的是{ev['cited_version'][:4]}年版本，现行文本（{r['version_date']}）没有此条"
                ev.update(now_at(r, cited))
                other[(r["key"], r["law"])].append((r, ev))
            continue
        if same_version(cited, loaded) or len(r["text"].strip()) < MIN_TEXT:
            continue
        agree = fuzz.partial_ratio(r["text"].strip()[:120], article["text"])
        if agree >= ARTICLE_TEXT_AGREES:
            continue
        ev["loaded_article_text"] = _clip(article["text"], 120)
        ev["text_agreement"] = round(agree / 100, 2)
        ev["note"] = (f"引用的是{ev['cited_version'][:4]}年版本，现行文本（{r['version_date']}）"
                      f"{r['label']}内容不同")
        ev.update(now_at(r, cited))
        other[(r["key"], r["law"])].append((r, ev))
    out = []
    for law, cites in unloaded.items():
        powers = {(c["department"], c["power"]) for c in cites}
        first = cites[0]
        jurisdictions = {c["jurisdiction"] for c in cites}
        out.append(Finding(
            kind="law_not_loaded", departments=[c["department"] for c in cites],
            powers=[c["power"] for c in cites], evidence=[citation_evidence(c) for c in cites],
            # A coverage notice about kb's own law library, not a defect of the list: it ranks below
            # every real gap (at most 0.3).
            score=round(0.3 * len(powers) / (len(powers) + 10), 3), keys=[f"law:{law}", *sorted(jurisdictions)],
            jurisdiction=first["jurisdiction"] if len(jurisdictions) == 1 else "",
            level="", summary=f"《{first['title']}》未入库，{len(powers)}项权力引用了它",
            power_keys=sorted({c["key"] for c in cites})))
    for (_, law), items in not_found.items():
        r = items[0][0]
        labels = "、".join(dict.fromkeys(e["article"] for _, e in items))
        out.append(_power_finding("article_not_found", r, [e for _, e in items], 0.8,
                                  f"{r['department']}「{r['power']}」引用《{r['title']}》{labels}，"
                                  f"现行文本只有{r['article_count']}条",
                                  [f"law:{law}"] + [f"article:{e['article']}" for _, e in items]))
    for (_, law), items in other.items():
        r = items[0][0]
        labels = "、".join(dict.fromkeys(e["article"] for _, e in items))
        score = 0.6 if any("loaded_article_text" not in e for _, e in items) else 0.5
        out.append(_power_finding("other_version", r, [e for _, e in items], score,
                                  f"{r['department']}「{r['power']}」按旧版本引用《{r['title']}》{labels}",
                                  [f"law:{law}"] + [f"article:{e['article']}" for _, e in items]))
    return out


# What became of an article in the loaded text (kb.lawtext.ArticleChange.change), as the evidence says it.
VERSION_CHANGES = {"unchanged": "未变", "renumbered": "条号变动", "changed": "内容修改", "repealed": "已删除"}


def _now_at(r: dict, cited, articles: dict[int, dict], older: dict[tuple[str, str], dict[int, str]],
            compared: dict[tuple[str, str], dict[int, ArticleChange]]) -> dict:
    """Where the cited article is in the loaded text. When the cited version's text is kept (a LawVersion
    of about its date), by the comparison the law importer queues reviews with (`kb.lawtext.compare_articles`:
    renumbered, changed or repealed); else where the citing text is quoted, when clearly somewhere."""
    for (law, date), old in older.items():
        if law != r["law"] or not same_version(cited, parse_version(date)) or r["article"] not in old:
            continue
        if (law, date) not in compared:
            compared[(law, date)] = {c.old_number: c for c in compare_articles(
                old, {n: a["text"] for n, a in articles.items()}) if c.old_number is not None}
        change = compared[(law, date)][r["article"]]
        found = {"compared_with": date, "version_change": VERSION_CHANGES[change.change]}
        if change.new_number is None or change.new_number not in articles:
            return found  # repealed: in no article of the loaded text
        return found | {"now_at": articles[change.new_number]["label"], "now_at_similarity": change.similarity}
    return _best_match(r["text"], articles)


def _best_match(text: str, articles: dict[int, dict]) -> dict:
    """Where the cited text is in the loaded version (当前第X条), when it is clearly somewhere
    (`kb.lawtext.likely_article`, the comparison the law importer's review queue uses)."""
    text = (text or "").strip()
    if len(text) < MIN_TEXT:
        return {}
    hit = likely_article(text, {n: a["text"] for n, a in articles.items()})
    if not hit:
        return {}
    return {"now_at": articles[hit[0]]["label"], "now_at_similarity": hit[1]}


# --- permits, delegations, integrated services -----------------------------------------------------

# Supervision after the permit in a duty's words: 监督检查, …; a check of how the permitted work is carried out
# (涪陵's 「对建设项目按照审查同意的位置、界限施工情况进行检查」, 「对水土保持方案实施情况开展跟踪检查」).
_SUPERVISION = re.compile(r"监管|监督检查|监督责任|监督制度|对被许可人|被许可人[^。；\n]{0,30}监督|进行监督"
                          r"|跟踪检查|跟踪监督|后续监督|批后|(?:实施|施工|建设|经营|运行|执行|落实|使用)情况[^。；\n]{0,12}"
                          r"(?:检查|核查|督促)")


# … not one supervising the level below (「监督县级水行政主管部门依法实施取水许可」, 「监督指导县（市、区）做好…」)
_GUIDES_BELOW = re.compile(r"^(?:[\d①-⑩一二三四五六七八九十]+[.、．)）]?)?(?:监督|监管)(?:和|、)?(?:指导)?"
                           r"(?:各[县区地市级]|全[省市县区]|县级|县（|县\(|县区|县市|区县|市县|乡镇|乡（|下级|基层|所属)")


def permit_without_supervision(rows: list[dict], rules: StageRules | None = None) -> list[Finding]:
    """A 行政许可 whose duties have no after-approval supervision and that no 行政检查 in the
    jurisdiction matches (an inspection citing a non-procedural law the permit cites). A permit with no
    duties at all is `no_responsibility`'s (a service catalogue without a 责任事项 column: one finding for
    the list), not this rule's again."""
    rules = rules or stage_rules()
    procedural = procedural_laws()
    inspected: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["type"] == "行政检查":
            inspected[r["jurisdiction"]].update(law for law in r["laws"] if law not in procedural)
    out = []
    for r in rows:
        if r["type"] != "行政许可" or r["supervision"] or _SUPERVISION.search(r["responsibility_text"]) \
                or any(leading_stage(t) == "事后监管" and not _GUIDES_BELOW.match(squeeze(t)) and not rules.supervising(t)
                       for t in r.get("duty_texts", ())):
            continue  # a step of its own that starts by supervising: 「⑤监督取水单位安装计量设施并按许可取水」
        if not r.get("duties", 1) and not r["responsibility_text"].strip():
            continue  # no duties at all: no_responsibility says so
        laws = sorted({law for law in r["laws"] if law not in procedural})
        if set(laws) & inspected[r["jurisdiction"]]:
            continue
        ev = [{"type": "permit", "power": r["power"], "department": r["department"], "laws": laws,
               "responsibility_text": _clip(r["responsibility_text"], 200),
               "note": "责任事项中没有事后监管，本辖区也没有依据同一法律的行政检查", "source": _source(r)}]
        out.append(_power_finding("permit_without_supervision", r, ev, 0.7,
                                  f"{r['department']}的许可「{r['power']}」没有对应的事后监管或行政检查"))
    return out


def delegations(rows: list[dict]) -> list[Finding]:
    out = []
    for r in rows:
        ev = [{"type": "delegation", "manner": r["manner"], "date": r["date"], "from_body": r["from_body"],
               "from_level": r["from_level"], "from_power": r["from_power"], "to_body": r["to_body"],
               "to_level": r["to_level"], "receiver": r["receiver"], "to_power": r["to_power"]}]
        manner = r["manner"] or "下放"
        item = r["to_power"] or r["from_power"] or ""
        key = f"delegation:{r['from_body']}>{r['receiver'] or r['to_body']}|{r['to_power'] or ''}|{r['from_power'] or ''}"
        if not r["receiver"]:
            kind, score = "delegation_body_missing", 0.9
            summary = f"{manner}事项「{item}」的承接主体「{r['to_body'] or '未写明'}」不在库中"
        elif not r["holds"] and not r["same_named"]:
            kind, score = "delegation_without_power", 0.8
            summary = f"{r['receiver']}承接{manner}的「{r['from_power'] or item}」，但其清单中没有对应事项"
        else:
            continue
        out.append(Finding(kind=kind, departments=[d for d in (r["receiver"], r["from_body"]) if d],
                           powers=[p for p in (r["from_power"], r["to_power"]) if p], evidence=ev, score=score,
                           keys=[key], jurisdiction=r["jurisdiction"], level=normalise_level(r["to_level"]),
                           summary=summary))
    return out


def things(rows: list[dict]) -> list[Finding]:
    out = []
    for r in rows:
        ev = [{"type": "thing", "thing": r["thing"], "area": r.get("area") or r["jurisdiction"], "lead": r["lead"],
               "item": i["item"], "power": i["power"], "holder": i["holder"]} for i in r["items"]]
        out.append(Finding(kind="thing_lead_without_items", departments=[r["lead"]] + [i["holder"] for i in r["items"]],
                           powers=[i["power"] for i in r["items"]], evidence=ev, score=0.7,
                           keys=[f"thing:{r['key']}", f"lead:{r['lead']}"], jurisdiction=r["jurisdiction"],
                           summary=f"一件事「{r['thing']}」的牵头部门{r['lead']}不实施其中任何事项"))
    return out


def find(graph: Graph, jurisdiction: str | None = None, chain_findings: list[Finding] | None = None) -> list[Finding]:
    """Every gap rule. `not_implemented_below` comes from the chains (pass them to avoid building twice)."""
    from kb.analyses import chains

    out = [f for batch in find_batches(graph, jurisdiction) for f in batch]
    if chain_findings is None:
        chain_findings = chains.find(graph, jurisdiction)
    return out + [f for f in chain_findings if f.kind == "not_implemented_below"]


def find_batches(graph: Graph, jurisdiction: str | None = None) -> Iterator[list[Finding]]:
    """The gap rules but `not_implemented_below` (the chains find it), a batch at a time: each batch
    of whole jurisdictions (`part_findings`), then the rules over the whole scope (`scope_findings`)."""
    articles = graph.read(LOADED_ARTICLES)
    for departments in partitions(graph, jurisdiction):
        yield part_findings(graph, departments, articles)
    yield scope_findings(graph, jurisdiction)


def part_findings(graph: Graph, departments: list[str], articles: list[dict]) -> list[Finding]:
    """Every per-power rule on the powers of ``departments``: each stays inside a jurisdiction (a list
    version is one department's; a permit is matched with the inspections of its jurisdiction), so
    whole jurisdictions are a batch. ``articles``: the loaded articles (LOADED_ARTICLES)."""
    part = {"departments": departments, "jurisdictions": None}
    stages, permits = fold_unsupervised(missing_stage(graph.read(STAGES, **part, unstaged_types=unstaged_types())),
                                        permit_without_supervision(graph.read(PERMITS_AND_INSPECTIONS, **part)))
    return (no_responsibility(graph.read(NO_RESPONSIBILITY, **part)) + stages
            + no_accountability(graph.read(ACCOUNTABILITY, **part))
            + no_basis(graph.read(BASIS, **part))
            + citations(graph.read(CITATIONS, **part), articles)
            + permits)


def fold_unsupervised(stages: list[Finding], permits: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """A permit that lacks its 事后监管 step and has no inspection to stand for it is one finding, not two (甘井子's
    道路货物运输经营许可 was 缺少事后监管 and 许可无监管 alike): the missing_stage finding, with the permit finding's
    evidence (no 行政检查 of the jurisdiction cites its law) added."""
    unsupervised = {f.power_keys[0]: f for f in stages
                    if f.power_keys and any("事后监管" in e.get("missing", ()) for e in f.evidence)}
    kept = []
    for permit in permits:
        stage = unsupervised.get(permit.power_keys[0]) if permit.power_keys else None
        if stage is None:
            kept.append(permit)
        else:
            stage.evidence += permit.evidence
    return stages, kept


def scope_findings(graph: Graph, jurisdiction: str | None = None) -> list[Finding]:
    """The delegations and the 一件事 of the jurisdiction (and those within it)."""
    j = jurisdiction_names(graph, jurisdiction)
    return delegations(graph.read(DELEGATIONS, jurisdictions=j)) + things(graph.read(THINGS, jurisdictions=j))
