"""The graph model's vocabulary: the one place each idea of the domain is defined.

Every layer asks this module (importers, analyses, the CLI, the browser); none keeps a copy. The word
lists an office may extend live in TOML files beside it (`kb/vocab/`): power types and their codes,
level keywords, responsibility kinds and stages, and the stages each type must name.

What the ideas are (docs/model.md has the whole model):
- **labels and keys**: `NODE_KEYS`, the natural key of every label; the schema makes each unique.
- **levels**: `province` → `city` → `county` → `township`; `""` when unknown.
- **power types**: the ten standard types and 公共服务, with their two-digit and letter codes.
- **current**: a power is current while its department's list version is current. The writer keeps
  two marks in step: `Power.current = true` and the `(:Department)-[:HOLDS]->(:Power)` link. Cypher
  that starts from powers filters with `CURRENT_POWER` (indexed); Cypher that walks from a department
  follows `HOLDS`. Superseded powers stay reachable through `(:ListVersion)-[:CONTAINS]->`.
- **the example mark**: `EXAMPLE_MARK` opens the title of a list (and the remarks of its powers) that
  is illustrative demo data, not a published list; pages and the CLI say so wherever it shows.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

# --- labels, keys, indexes ------------------------------------------------------------------------

# (label, natural key property): unique constraints, and how pages and dumps name a node.
NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("Jurisdiction", "name"),
    ("Department", "name"),
    ("Unit", "key"),
    ("ListVersion", "key"),
    ("Power", "key"),
    ("Responsibility", "key"),
    ("Accountability", "key"),
    ("Law", "key"),
    ("Article", "key"),
    ("CatalogItem", "key"),
    ("Delegation", "key"),
    ("ServiceItem", "key"),
    ("Thing", "key"),
    ("ImportRun", "id"),
    ("Finding", "id"),
    ("User", "name"),
    ("Edit", "id"),
    ("LawVersion", "key"),
    ("ArticleText", "key"),
    ("LawReview", "key"),
)
KEY_OF: dict[str, str] = dict(NODE_KEYS)

# How a reader is told what a node or a relationship is (graph tooltips, `kb stats`); the names in
# Cypher, `--json` and URLs stay the identifiers.
LABEL_TITLES: dict[str, str] = {
    "Jurisdiction": "行政区划", "Department": "部门", "Unit": "承办机构", "ListVersion": "清单版本",
    "Power": "权力事项", "Responsibility": "责任事项", "Accountability": "追责情形", "Law": "法律法规",
    "Article": "法条", "CatalogItem": "目录事项", "Delegation": "下放/委托", "ServiceItem": "一件事事项",
    "Thing": "一件事", "ImportRun": "导入记录", "Finding": "处理记录", "User": "用户", "Edit": "修改记录",
    "LawVersion": "法律版本", "ArticleText": "条文文本", "LawReview": "引用复核", "StoredFinding": "检查结果",
    "FindingStats": "检查结果统计", "FindingRun": "检查运行", "PageStats": "页面统计", "KbMeta": "库信息",
    "SearchText": "检索文本",
}
RELATIONSHIP_TITLES: dict[str, str] = {
    "WITHIN": "隶属于", "IN_JURISDICTION": "所在区划", "COUNTERPART_OF": "上级对应部门", "PART_OF": "内设于",
    "LIST_OF": "清单所属部门", "SUPERSEDES": "取代旧版", "CONTAINS": "包含事项", "HOLDS": "行使",
    "HANDLED_BY": "承办", "HAS_RESPONSIBILITY": "责任事项", "HAS_ACCOUNTABILITY": "追责情形",
    "RETIRED_RESPONSIBILITY": "已停用的责任事项", "RETIRED_ACCOUNTABILITY": "已停用的追责情形", "CITES": "引用",
    "BASED_ON": "依据", "HAS_ARTICLE": "条文", "HAS_VERSION": "版本", "HAS_TEXT": "条文文本", "REVIEWS": "复核",
    "OF_LAW": "所涉法律", "IMPLEMENTS": "实施目录事项", "TO_POWER": "承接事项", "FROM_POWER": "下放事项",
    "TO_DEPARTMENT": "承接部门", "FROM_DEPARTMENT": "下放部门", "LED_BY": "牵头", "COOPERATING": "配合",
    "INCLUDES": "包含", "REALISES": "依托事项", "PRODUCED": "导入生成", "EDITS": "修改",
}
# Where a citation stands (CITES.field, BASED_ON.field).
FIELD_TITLES: dict[str, str] = {"basis": "实施依据", "responsibility_basis": "责任事项依据"}

FULLTEXT_INDEX = "kb_fulltext"
# What search finds: its kinds of hit (the search page's "type" facet).
SEARCH_LABELS: tuple[str, ...] = ("Power", "Department", "Responsibility", "Law", "Article", "Thing",
                                  "ServiceItem", "Unit", "Jurisdiction", "CatalogItem")
# A power's legal basis and a responsibility's text repeat across lists (a province: 714,790 powers with a
# few thousand distinct bases, 2.6 M responsibilities with 629 distinct texts): each distinct text is indexed
# once, as a SearchText node keyed by its digest (`text_key`), and the powers (`basis_key`) and responsibilities
# (`text_key`) holding it carry that key; search reads a SearchText hit as its holders. The other labels'
# names, titles and texts are indexed on the nodes themselves.
FULLTEXT_LABELS: tuple[str, ...] = (*(label for label in SEARCH_LABELS if label != "Responsibility"), "SearchText")
FULLTEXT_PROPERTIES: tuple[str, ...] = ("name", "text", "title")


def text_key(text: str | None) -> str | None:
    """The key of a searchable text (a SearchText node's, and its holders' basis_key / text_key); None for
    no text."""
    if not text:
        return None
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()

# A Cypher predicate on a power bound to `p` (see "current" above).
CURRENT_POWER = "p.current = true"
# The labels whose nodes a newer version retires (`current = false`, kept as history); each has an index
# on `current`, so the history is counted without reading the current data (`kb stats`).
VERSIONED_LABELS = ("ListVersion", "Power", "Responsibility", "Accountability", "Delegation", "LawVersion")

# --- as of a date ---------------------------------------------------------------------------------
# A ListVersion is in force from `in_force_from` (set at import: `kb import --in-force-from`, else
# 1 January of its version year) until `in_force_until`, the next later `in_force_from` among the
# versions of the same department (null: still in force). Dates are ISO strings (YYYY-MM-DD).
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def in_force(version: str = "v") -> str:
    """Cypher: the ListVersion bound to `version` was in force on `$as_of`."""
    return (f"(coalesce({version}.in_force_from, '') <= $as_of"
            f" AND ({version}.in_force_until IS NULL OR $as_of < {version}.in_force_until))")


def power_in_force(power: str = "p", dated: bool = False) -> str:
    """Cypher: the power bound to `power` is current (CURRENT_POWER), or, `dated`, one of a list version in
    force on `$as_of`. A query that answers both ways is written twice (`by_date`) and the one asked for is
    run: one text switched by `$as_of IS NULL` at run time took the planner two to three times as long (the gap
    rules' delegations 0.57 s against 0.20, a power's page 1.47 s against 0.68), and a new or restarted server
    plans every query it is sent once."""
    if not dated:
        return f"{power}.current = true"
    return f"EXISTS {{ MATCH (asof_v:ListVersion)-[:CONTAINS]->({power}) WHERE {in_force('asof_v')} }}"


def by_date(build: Callable[[bool], str]) -> dict[bool, str]:
    """A query's two texts: `False` for the current lists, `True` for those in force on `$as_of`; pick one
    with `dated(as_of)`."""
    return {False: build(False), True: build(True)}


def dated(as_of: str | None) -> bool:
    """Whether a query is asked as of a date (`by_date`'s key)."""
    return bool(as_of)


# Who exercises a power elsewhere (queries/chains/elsewhere.cypher) lists the powers of other places by
# level from the top, place, department, name and key. A province's article or catalogue item is shared
# by thousands of powers, and sorting them all to show fifty took up to 300 ms a page; so each power's
# place in that order is kept as one string on its citations and catalogue links (CITES.order,
# IMPLEMENTS.order, with IMPLEMENTS.catalog the item's key), whose indexes (kb.schema) give the first
# rows of a list in order without reading the rest. The parts are joined by U+0001 (a shorter part sorts
# before a longer one it begins) and a power with no place goes last, as ORDER BY puts a null. (LEVELS, below.)


def listing_order(power: str = "p") -> str:
    """Cypher: the listing order of the power bound to `power` (its level, else its list's department's)."""
    level = (f"CASE WHEN {power}.level IN {list(LEVELS)!r} THEN {power}.level ELSE coalesce(head("
             f"[({power})<-[:CONTAINS]-(:ListVersion)-[:LIST_OF]->(od:Department) | od.level]), '') END")
    rank = " ".join(f"WHEN '{name}' THEN '{i}'" for i, name in enumerate(LEVELS))
    return (f"CASE {level} {rank} ELSE '{len(LEVELS)}' END + '\\u0001' + "
            f"coalesce({power}.jurisdiction, '\\uffff') + '\\u0001' + coalesce({power}.department, '') + "
            f"'\\u0001' + coalesce({power}.name, '') + '\\u0001' + {power}.key")


def listing_places(place: str) -> str:
    """Cypher: the beginnings of the listing orders of the powers of the place `place` (an expression), one per
    level: the powers of one place citing an article are a prefix's range in CITES's listing-order index."""
    return (f"[rank IN {[str(i) for i in range(len(LEVELS) + 1)]!r} | "
            f"rank + '\\u0001' + {place} + '\\u0001']")


# A delegation is a Delegation node per receiving power (`<power key>#delegation`). A revision of a
# published list copies the delegations its powers received (the original stays with the original
# power), and a delegation from a revised power goes FROM_POWER the original and each copy
# (importers.revisions); an import that supersedes a list leaves its delegations with its old powers.
# Pages show each delegation once with these two predicates.

def delegation_in_force(delegation: str = "dl", dated: bool = False) -> str:
    """Cypher: the Delegation bound to `delegation` is received by a power in force (current, or, `dated`,
    of a list version in force on `$as_of`)."""
    return f"EXISTS {{ MATCH ({delegation})-[:TO_POWER]->(dl_to:Power) WHERE {power_in_force('dl_to', dated)} }}"


def delegating_power(delegation: str = "dl", power: str = "fp", dated: bool = False) -> str:
    """Cypher: `power` (bound by `(delegation)-[:FROM_POWER]->(power)`) is the one the delegation is
    shown coming from: the one in force (as power_in_force), else, when none is, the latest copy (no
    other power it comes from is a revision of it)."""
    return (f"({power_in_force(power, dated)} OR (NOT EXISTS {{ MATCH ({delegation})-[:FROM_POWER]->(dl_from:Power) "
            f"WHERE {power_in_force('dl_from', dated)} }} AND NOT EXISTS {{ MATCH ({delegation})-[:FROM_POWER]->(:Power)"
            f"-[:REVISION_OF*1..]->({power}) }}))")


def as_of_filter(power: str = "p", version: str = "v") -> str:
    """Cypher for saved queries (queries/*.cypher, written out there so a file can be copied to the
    console): the power bound to `power`, contained in the ListVersion bound to `version`, is current
    when `$as_of` is '' (a form's empty field), else its version was in force on `$as_of`.
    tests/unit check that every saved query with an `as_of` parameter uses exactly this text."""
    return f"CASE WHEN $as_of = '' THEN {power}.current = true ELSE {in_force(version)} END"


def as_of_date(text: str | None) -> str | None:
    """A YYYY-MM-DD date as given (None for none); ValueError for anything else."""
    text = (text or "").strip()
    if not text:
        return None
    import datetime as _dt

    try:
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        _dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"日期应写作 YYYY-MM-DD（如 2024-06-01），收到 {text!r}") from None
    return text


def default_in_force_from(version: str) -> str | None:
    """1 January of a version label's year (2024 → 2024-01-01); None without a year."""
    match = re.match(r"^\s*((?:19|20)\d{2})", version or "")
    return f"{match.group(1)}-01-01" if match else None

# --- whitespace -----------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def squeeze(text: str | None) -> str:
    """Text without any whitespace (行政\\n处罚 -> 行政处罚): the one whitespace rule of the vocabularies."""
    return _WS.sub("", text or "")


@cache
def vocabulary(name: str) -> dict:
    """A TOML file of kb/vocab (power_types.toml, levels.toml, stages.toml)."""
    return tomllib.loads(resources.files("kb").joinpath("vocab", name).read_text(encoding="utf-8"))


# --- levels ---------------------------------------------------------------------------------------

LEVELS: tuple[str, ...] = ("province", "city", "county", "township")
LEVEL_RANK: dict[str, int] = {level: i for i, level in enumerate(LEVELS)}
LEVEL_TITLES: dict[str, str] = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇级",
                                "": "未标明"}
# Words inside a stored or free-text level, checked in order: 县级市 is a county, 地州市 a city.
_LEVEL_WORDS = (
    ("township", ("乡镇", "街道", "乡级", "镇级")),
    ("county", ("县市区", "区县", "县级", "县区", "县")),
    ("city", ("地州", "设区的市", "市级", "州级", "市")),
    ("province", ("自治区", "省", "直辖市")),
)


def normalise_level(value: str | None, fallback: str | None = "") -> str:
    """province/city/county/township from a stored or published level; `fallback` when it names none."""
    text = (value or "").strip()
    if text in LEVEL_RANK:
        return text
    for level, words in _LEVEL_WORDS:
        if any(w in text for w in words):
            return level
    return normalise_level(fallback, "") if fallback and fallback != value else ""


@cache
def level_keywords() -> dict[str, str]:
    """Exact cell values that name a level (地州市级 -> city), whitespace removed."""
    data = vocabulary("levels.toml")["keywords"]
    return {squeeze(w): level for level, words in data.items() for w in words}


@cache
def level_scope_hints() -> dict[str, str]:
    """Phrases of a scope text that name the implementing level (负责市本级… -> city)."""
    data = vocabulary("levels.toml")["scope_hints"]
    return {squeeze(w): level for level, words in data.items() for w in words}


# --- bodies ---------------------------------------------------------------------------------------

# The short forms rows write for a body's name (市场监管局 for 市场监督管理局), each name's ending -> one form.
SHORT_FORMS = sorted({
    "住房和城乡建设局": "住建局", "住房城乡建设局": "住建局",
    "卫生健康委员会": "卫健委", "卫生健康委": "卫健委", "卫生健康局": "卫健委", "卫健局": "卫健委",
    "人力资源和社会保障局": "人社局", "人力资源社会保障局": "人社局",
    "市场监督管理局": "市场监管局",
    "发展和改革委员会": "发改委", "发展改革委员会": "发改委", "发展和改革局": "发改委", "发展改革局": "发改委",
    "发改局": "发改委",
    "城市管理和综合执法局": "城管执法局", "城市管理行政执法局": "城管执法局", "城市管理综合执法局": "城管执法局",
    "城市管理综合行政执法局": "城管执法局", "城市管理局": "城管局",
    "自然资源和规划局": "自然资源局", "文化和旅游局": "文旅局", "文化旅游局": "文旅局",
    "退役军人事务局": "退役军人局", "医疗保障局": "医保局", "应急管理局": "应急局", "林业和草原局": "林草局",
    "行政审批服务局": "审批局", "行政审批局": "审批局", "教育和体育局": "教体局", "教育体育局": "教体局",
    "交通运输局": "交通局", "住房和城乡建设委员会": "住建局", "住房城乡建设委员会": "住建局",
    "文化广电和旅游局": "文旅局", "文化广电旅游局": "文旅局", "文化旅游广电局": "文旅局",
    "教育委员会": "教委",  # (北京's districts: 丰台区教委 in the rows of 北京市丰台区教育委员会's list, 2026-12-06)
    "综合行政执法局": "综合执法局",  # (浙江: 湖州市综合行政执法局's sheet, its rows' 实施主体 市综合执法局, 2026-12-07)
    "建设局": "住建局",  # (厦门市建设局: the city's construction body, under 福建省住房和城乡建设厅, 2026-12-07)
}.items(), key=lambda kv: -len(kv[0]))


SHORTS = sorted({short for _, short in SHORT_FORMS}, key=len, reverse=True)


def short_ending(text: str) -> tuple[str, str | None]:
    """(what stands before the ending, the ending's short form) of a body's name; (text, None) when its
    ending has no short form."""
    for full, short in SHORT_FORMS:
        if text.endswith(full):
            return text[: -len(full)], short
    for short in SHORTS:
        if text.endswith(short):
            return text[: -len(short)], short
    return text, None


def body_key(body: str) -> str:
    """A body's name with its ending in the one short form rows use: 城市管理行政执法局 and 城管执法局 are one."""
    stem, short = short_ending(squeeze(body))
    return stem + short if short else stem


# The bodies a county merges into one (肇庆市高要区农业农村和水利局: the city's 农业农村局 and 水利局), by their stems: only
# these split a name at 和 (住房和城乡建设局, 人力资源和社会保障局 are one body each)
MERGED_STEMS = ("农业农村", "水利", "水务", "自然资源", "规划", "教育", "体育", "文化", "旅游", "广电", "广播电视",
                 "交通运输", "商务", "科技", "科学技术", "工业和信息化", "经济和信息化", "生态环境", "林业", "应急管理",
                 "市场监督管理", "卫生健康", "民政", "司法", "财政", "审计", "统计", "发展和改革", "住房和城乡建设",
                 "城市管理", "综合行政执法", "退役军人事务", "医疗保障", "人力资源和社会保障", "档案", "粮食和物资储备",
                 "乡村振兴", "残疾人", "信访")
_MERGED_RUN = re.compile("^(" + "|".join(sorted(map(re.escape, MERGED_STEMS), key=len, reverse=True)) + ")(?:和|、)(.+)$")


# Names of one body though they join two words with 和 (beside those SHORT_FORMS knows)
SINGLE_BODIES = frozenset({"规划和自然资源局", "规划和自然资源委员会", "文化和旅游局", "自然资源和规划局", "教育和体育局",
                           "交通运输和港口局", "商务和投资促进局", "工业和信息化局", "经济和信息化局", "科学技术和工业信息化局",
                           "住房和城乡建设局", "发展和改革局", "人力资源和社会保障局", "粮食和物资储备局"})


def merged_parts(body: str) -> list[str]:
    """The bodies a merged department's name joins (农业农村和水利局: 农业农村局, 水利局; after its place); [] for the name of
    one body (住房和城乡建设局 is one)."""
    if body in SINGLE_BODIES or any(body.endswith(full) for full, _ in SHORT_FORMS if "和" in full):
        return []  # (文化和旅游局, 自然资源和规划局, 教育和体育局: one body each, at every level)
    ending = next((e for e in ("委员会", "局") if body.endswith(e)), "")
    stems, rest = [], body[: -len(ending)] if ending else ""
    while rest:
        m = _MERGED_RUN.match(rest)
        if not m:
            if rest in MERGED_STEMS:
                stems.append(rest)
            else:
                stems = []
            break
        stems.append(m.group(1))
        rest = m.group(2)
    return [stem + "局" for stem in stems] if len(stems) >= 2 else []


def body_tail(name: str, place: str) -> str:
    """A department's name after its place's own name, whatever stands before it: 住房和城乡建设局 of
    合肥市蜀山区住房和城乡建设局 in 蜀山区; "" when the name does not hold the place (writer.LINK_COUNTERPARTS
    reads it the same way in Cypher)."""
    parts = name.split(place) if place else []
    return parts[-1] if len(parts) > 1 else ""


def body_spellings(name: str, place: str) -> list[str]:
    """Every spelling of a department's body (its name after its place's own name) that names the same body:
    卫生健康局, 卫生健康委员会, 卫健委 … for 浏阳市卫生健康局 in 浏阳市 — what a list of another file or level
    calls it (writer.SAME_BODY, writer.LINK_COUNTERPARTS: a county's 发展和改革局 and its city's 发展和改革委员会
    are counterparts). [] when the name does not hold the place."""
    body = body_tail(squeeze(name), place)
    if not body:
        return []
    stem, short = short_ending(body)
    if short is None:
        return [body]
    return [stem + full for full, s in SHORT_FORMS if s == short] + [stem + short]


# A city's bureau's branch in a county (河北's 垂改: 石家庄市生态环境局正定县分局 is 正定县's 生态环境 body; a city's 公安局's
# district branch, 西安市公安局雁塔分局): the places above it, then the bureau, then the county (or its short name), then 分局
BRANCH = "分局"
_BODY_ENDINGS = ("局", "厅", "委员会", "委")


def place_short(place: str) -> str:
    """A county's or district's name as a branch's name writes it (雁塔区 → 雁塔, 正定县 → 正定); the name itself when
    it is too short to shorten. COUNTERPARTS_CYPHER and the bulk importer shorten it alike."""
    return place[:-1] if len(place) > 2 and place[-1] in "区县市旗" else place


def branch_spellings(place: str) -> list[str]:
    """How a branch in `place` ends: 正定县分局, 正定分局; in a place the graph names with its city (长春市朝阳区), by
    its own name too (朝阳区分局, 朝阳分局)."""
    own = _without_places(place)
    names = [place, place_short(place)] + ([own, place_short(own)] if own != place and len(own) >= 2 else [])
    return list(dict.fromkeys(n + BRANCH for n in names))


def _without_places(text: str) -> str:
    """`text` without the places its name begins with (浙江省杭州市生态环境局 → 生态环境局), by China's divisions: a
    place's name or its short one (石家庄); the text as it is when it begins with none."""
    from kb.places import divisions

    found = True
    while found:
        found = False
        for k in range(min(len(text) - 2, 12), 1, -1):  # (the longest place first: 石家庄市, not 石家庄)
            if divisions().named(text[:k]):
                text, found = text[k:], True
                break
    return text


def branch_body(name: str, place: str) -> str:
    """The body of the city above whose branch in `place` the department is (生态环境局 of 石家庄市生态环境局正定县分局 in
    正定县, 公安局 of 西安市公安局雁塔分局 in 雁塔区, 城市管理局 of 郑州市城市管理局金水分局); "" for any other name."""
    name = squeeze(name)
    if not name.endswith(BRANCH):  # (most departments: no divisions read)
        return ""
    for ending in branch_spellings(place):
        if name.endswith(ending) and len(name) > len(ending):
            head = name[: -len(ending)]
            body = _without_places(head)
            if body != head and len(body) >= 3 and body.endswith(_BODY_ENDINGS):
                return body
    return ""


def counterpart_spellings(name: str, place: str) -> list[str]:
    """The spellings of a department's body as the levels above and below name it (writer.LINK_COUNTERPARTS): its own
    (body_spellings), a province's 厅 for a city's 局 and back (广东省水利厅 and 肇庆市水利局), each body a county's
    merged one joins (高要区农业农村和水利局: 农业农村局 and 水利局), and the city bureau's whose branch it is
    (branch_body)."""
    branch = branch_body(name, place)
    spellings = body_spellings(branch and place + branch or name, place)
    out = list(spellings)
    for body in spellings:
        if body.endswith("局"):
            out.append(body[:-1] + "厅")
        elif body.endswith("厅"):
            out.append(body[:-1] + "局")
    return list(dict.fromkeys(out + merged_bodies(name, place)))


def merged_bodies(name: str, place: str) -> list[str]:
    """The bodies a county's merged department joins, as a level above names each (高要区农业农村和水利局: 农业农村局,
    水利局); [] for a department of one body (住房和城乡建设局 is one)."""
    return merged_parts(body_tail(squeeze(name), place))


# A department's counterparts one level up and one level down (importers.writer.LINK_COUNTERPARTS; kb.schema's
# upgrade 12): $name, $bodies (counterpart_spellings), $merges (merged_bodies)
COUNTERPARTS_CYPHER = """
MATCH (d:Department {name: $name})-[:IN_JURISDICTION]->(j:Jurisdiction) USING INDEX d:Department(name)
WHERE size($bodies) > 0
FOREACH (_ IN CASE WHEN size($merges) > 0 THEN [1] ELSE [] END | SET d.merges = $merges)
WITH d, j
OPTIONAL MATCH (j)-[:WITHIN]->(pj:Jurisdiction)<-[:IN_JURISDICTION]-(up:Department)
  WHERE any(b IN $bodies WHERE up.name ENDS WITH b AND left(up.name, size(up.name) - size(b)) ENDS WITH pj.name)
FOREACH (_ IN CASE WHEN up IS NULL THEN [] ELSE [1] END | MERGE (d)-[:COUNTERPART_OF]->(up))
WITH DISTINCT d, j
OPTIONAL MATCH (cj:Jurisdiction)-[:WITHIN]->(j)
OPTIONAL MATCH (cj)<-[:IN_JURISDICTION]-(down:Department)
  WHERE any(b IN $bodies WHERE down.name ENDS WITH b
            AND left(down.name, size(down.name) - size(b)) ENDS WITH cj.name OR b IN coalesce(down.merges, [])
            OR down.name ENDS WITH b + cj.name + '分局'  // (a branch of this bureau in the county: branch_body)
            OR size(cj.name) > 2 AND right(cj.name, 1) IN ['区', '县', '市', '旗']
               AND down.name ENDS WITH b + left(cj.name, size(cj.name) - 1) + '分局')
FOREACH (_ IN CASE WHEN down IS NULL THEN [] ELSE [1] END | MERGE (down)-[:COUNTERPART_OF]->(d))
"""


def counterpart_params(name: str, place: str) -> dict[str, object]:
    """COUNTERPARTS_CYPHER's parameters for the department `name` of `place`."""
    return {"name": name, "bodies": counterpart_spellings(name, place), "merges": merged_bodies(name, place)}


# The columns that say who else takes part in a power (上海's 配合部门) and where one body's part ends (职责边界): kept on
# the power under their headers (x_配合部门, x_职责边界), read by the overlaps (a division the lists write down)
COOPERATING_HEADERS = ("配合部门", "协办部门", "配合单位", "协同部门", "配合机关", "协办单位", "配合实施部门", "协助部门",
                       "协同单位")
BOUNDARY_HEADERS = ("职责边界", "职责边界划分", "部门职责边界", "与相关部门的职责边界", "与相关部门职责边界", "边界划分",
                    "职责划分", "部门间职责边界")


def normalize_level(text: str) -> str | None:
    """地州市级 -> city, 县市区级 -> county ...; None when the text is not a level keyword."""
    word = squeeze(text)
    keywords = level_keywords()
    if word in keywords:
        return keywords[word]
    # Short cells with one keyword plus decoration (地州市级（含…）); long cells are scope text.
    if len(word) <= 12:
        found = {level for kw, level in keywords.items() if kw.endswith("级") and kw in word}
        if len(found) == 1:
            return found.pop()
    return None


# A level's one character in a run of them (省市县三级, 省、市、县, 市县两级)
_LEVEL_CHARS = {"省": "province", "区": "county", "市": "city", "州": "city", "县": "county", "乡": "township",
                "镇": "township"}
_LEVEL_RUN = re.compile(r"^(?:(?:省|自治区)[、，,/和及与]?)?(?:[市州][、，,/和及与]?)?(?:[县区][、，,/和及与]?)?"
                        r"(?:乡镇|乡|镇|街道)?(?:[两三四]级|级|级实施|共同实施|实施)?$")


# A note after the levels (石家庄's 「市级、县级、乡级（委托）」, 「市级、县级（委托乡镇实施）」, 滨海新区's 「区级、街镇级（委托）」):
# the levels are read before it; a township it says the power is entrusted to (or includes) is one of them.
_LEVEL_NOTE = re.compile(r"(?P<head>.+?)[（(](?P<note>[^（()）]*)[)）]")
# … what a note gives to: the level after its word (「委托乡镇实施」, 「含乡镇」, 「下放至县级」), not the one before it (「省级委托」:
# who entrusted the level the cell names); nothing in a note that says no (不含, 不包括, 未委托, 暂不, 取消, 不实施)
_NOTE_NEGATED = re.compile(r"不|未|非|取消|停止|无")
_NOTE_GIVEN = re.compile(r"(?:委托|下放|含|包括|包含|延伸)(?:至|到|给|由)?(?P<to>.*)")
_NOTE_TOWNSHIP = re.compile(r"乡|镇|街道|苏木")


def levels_named(text: str) -> list[str]:
    """The levels a short level cell names, in rank order: 省级、市级、县级 -> [province, city, county]; 市县两级 ->
    [city, county]; 市级 -> [city]; 市级、县级（委托乡镇实施） -> [city, county, township]; [] for scope text or a cell
    that names none."""
    found = _levels_named(text)
    note = _LEVEL_NOTE.fullmatch(squeeze(text))
    if not note or not (found := found or _levels_named(note.group("head"))):
        return found
    said = note.group("note")
    given = _NOTE_GIVEN.search(said)
    if given and not _NOTE_NEGATED.search(said):  # (「委托市级实施」: the level it is entrusted to; 「含乡镇」 the township)
        to = given.group("to")
        found = {*found, *(lv for kw, lv in level_keywords().items() if kw.endswith("级") and kw in to)}
        found |= {"township"} if _NOTE_TOWNSHIP.search(to) else set()
    return sorted(found, key=LEVEL_RANK.__getitem__)


def _levels_named(text: str) -> list[str]:
    word = squeeze(text)
    if not word or len(word) > 16:
        return []
    keywords = level_keywords()
    parts = [p for p in re.split(r"[、，,/；;和及与]|以及", word) if p]
    single = normalize_level(word)
    if len(parts) > 1 and all(p in keywords or p + "级" in keywords for p in parts):
        found = {keywords.get(p) or keywords[p + "级"] for p in parts}
    elif single and "以上" in word:  # 县级以上: the county and every level above it
        return [lv for lv in LEVEL_RANK if LEVEL_RANK[lv] <= LEVEL_RANK[single]]
    elif single:
        return [single]
    elif _LEVEL_RUN.match(word) and len(word) >= 3:
        head = re.sub(r"(?:[两三四]级|级实施|共同实施|实施|级)$", "", word)
        found = {_LEVEL_CHARS[c] for c in head if c in _LEVEL_CHARS} | ({"province"} if "自治区" in head else set())
        found |= {"township"} if "街道" in head else set()
        if len(found) < 2:
            return []
    else:
        return []
    return sorted(found, key=LEVEL_RANK.__getitem__)


# A 一件事 guide's org_level (湖南's catalogue: 1 province, 2 city, 3 county, 4 township) -> the level
GUIDE_LEVELS = {"1": "province", "2": "city", "3": "county", "4": "township"}


def power_name(item: str, sub_item: str) -> str:
    """A power's name: its item, with its sub-item when there is one; the sub-item's own name when it begins with the
    item's and a note in brackets follows (青秀区's 子项 「食品经营许可（新办）」 under 食品经营许可: not 食品经营许可（食品经营许可（新办））;
    a sub-item 食品经营许可证核发 keeps its item: 食品经营许可（食品经营许可证核发）)."""
    if not sub_item:
        return item
    if item and sub_item.startswith(item) and sub_item[len(item):].startswith(("（", "(")):
        return sub_item
    return f"{item}（{sub_item}）"


# --- power types ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PowerType:
    name: str  # 行政许可
    code: str  # 01
    letters: str  # XK


@cache
def power_types() -> tuple[PowerType, ...]:
    """The ten standard types and 公共服务, in code order."""
    return tuple(PowerType(e["name"], e["code"], e.get("letters", ""))
                 for e in vocabulary("power_types.toml")["type"])


def power_type_names() -> list[str]:
    return [t.name for t in power_types()]


def type_code(name: str | None) -> str:
    """行政处罚 -> 02; "" for an empty or non-standard type."""
    return next((t.code for t in power_types() if t.name == name), "")


@cache
def _type_words() -> dict[str, PowerType]:
    by_name = {t.name: t for t in power_types()}
    table: dict[str, PowerType] = {}
    for entry in vocabulary("power_types.toml")["type"]:
        pt = by_name[entry["name"]]
        for word in [entry["name"], entry["code"], entry.get("letters", ""), *entry.get("aliases", [])]:
            if word:
                table[squeeze(word).upper()] = pt
        table[str(int(entry["code"]))] = pt  # a numeric column read as 1.0 arrives as "1"
    return table


_QUOTES = "\"'“”‘’「」『』"
_TYPE_NOTE = re.compile(r"(?:[（(][^（()）]*[)）])+$")  # 行政许可(国办), 行政许可（省级）
# A type written after its code: 「01-行政许可」, 「10-其他行政权力」 (湖南's coded CSV export), 「XK.行政许可」, 「(01)行政许可」
_TYPE_CODE = re.compile(r"^(?:[0-9A-Z]{1,4}[-－_.．、:：|]|[（(][0-9A-Z]{1,4}[)）])")


def power_type(text: str | None) -> PowerType | None:
    """行政\\n处罚 / 处罚 / 02 / CF -> 行政处罚 (02); a type with a bracketed note after it, 行政许可(国办) /
    行政许可（省级）, is the type; None for an empty or unknown value."""
    word = squeeze(text).upper().strip(_QUOTES)  # "行政给付": a cell exported with its quotes (第十师北屯市)
    if not word:
        return None
    table = _type_words()
    bare = _TYPE_NOTE.sub("", word)
    for candidate in dict.fromkeys((word, word.removesuffix("类"), word.removesuffix("事项"),
                                    bare, bare.removesuffix("类"), bare.removesuffix("事项"))):
        if candidate in table:
            return table[candidate]
    named = _TYPE_CODE.sub("", bare)  # the code before a type's name, when a type's name follows it
    if named != bare and not named[:1].isdigit():
        return power_type(named)
    return None


# --- responsibilities -----------------------------------------------------------------------------

DUTY_KINDS: tuple[str, ...] = ("直接实施", "指导监督")
# The heading a duty read from a column of supervision measures (事中事后监管措施) is given (importers.duties.
# supervision_duty): its stage 事后监管; a duty so headed is that column's, not a step of the 责任事项 cell.
SUPERVISION_HEADING = "事中事后监管"


@cache
def duty_kind_words() -> dict[str, str]:
    """Heading word -> kind (直接实施 / 指导监督)."""
    data = vocabulary("stages.toml")["kinds"]
    return {squeeze(w): kind for kind, words in data.items() for w in words}


@cache
def stage_words() -> dict[str, str]:
    """Stage word -> stage, longest words first so 事后监管 wins over 监管."""
    data = vocabulary("stages.toml")["stage"]
    pairs = [(squeeze(w), s["name"]) for s in data for w in [s["name"], *s.get("aliases", [])]]
    return dict(sorted(pairs, key=lambda p: -len(p[0])))


# After the stage word(s) of a heading: "责任：", "阶段责任", "环节：" …
_HEADING_END = re.compile(r"(?:阶段|环节)?责任[：:。，,、]?|(?:阶段|环节)?[：:]")
# … of a heading that ends in a colon ("2.审核责任:对…" run on after the text before it).
_COLON_END = re.compile(r"(?:阶段|环节)?(?:责任)?[：:]")
# … of a heading that is a whole line by itself, without a colon ("1.受理环节", "一、受理阶段责任").
_LINE_END = re.compile(r"(?:阶段|环节)?(?:责任)?\Z")
# … of a duty that is nothing but the stages it names, closed by a full stop (东营's 「4.送达、执行。」: listed_stages),
# and a note in brackets after one of them (滨州's 「告知（听证）」).
_WHOLE_END = re.compile(r"(?:阶段|环节)?(?:责任)?[。；;.]?\Z")
_NOTE = re.compile(r"[（(]([^（()）]{1,30})[）)]")
# Punctuation a heading's lost number leaves in front of it (".受理责任:" where "1.受理责任:" was meant).
_STRAY = re.compile(r"^[.．、,，;；]+")
# A step's name in brackets at the start of a duty: 「【立案】…；【调查】…」 (阳东's 城管 list), as 「立案：…」 when the
# word is a stage of the vocabulary and text follows it.
# a note in brackets closing a heading (【审查（含法制审核）】's 「（含法制审核）」)
TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")
BRACKET_HEADING = re.compile(r"^【([\u4e00-\u9fff][\u4e00-\u9fff、（）()]{1,13})】")  # (【送达、执行】, 【审查（含法制审核）】)
_BRACKET_RUN = re.compile(r"^(?:【[\u4e00-\u9fff]{2,8}】){2,}")
# … or a run of headings each ending in 责任, one after the other (黄冈's 「受理责任、审查责任、决定责任、送达责任、事后监管责任、
# 其他法律法规政策规定应履行的责任。」: the stages a cell lists, no text of their own)
_RUN_STEPS = ("上报", "报送", "报批", "转报", "备案", "归档", "移送")
_DUTY_RUN = re.compile(r"^[\u4e00-\u9fff]{2,6}?责任(?:[、，,][\u4e00-\u9fff]{2,6}?责任)+(?=[、，,。.；;：:]|$)")
# A heading in a word that is no stage of the vocabulary: the procedure's own name for a step
# ("2.现场鉴定阶段责任:", "3.报送责任:"). Up to eight characters, then 责任 / 阶段 / 环节 and a colon.
_OWN_HEADING = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:(?:阶段|环节)责任|责任|阶段|环节)[：:;；]")
# … or a step named with a colon alone at the start of a duty ("检验处理：…", 邛崃's 临时控制措施 审批 → 实施 →
# 检验处理), when `missing_stage` looks for the step that does a missing stage in the list's own word; not the
# catch-all a list closes with ("其他：…") nor what describes the procedure rather than a step of it (办理时限：…).
_OWN_STEP = re.compile(r"^(?!其他|其它)[\u4e00-\u9fff]{2,6}[：:]")
_OWN_LINE = re.compile(r"(?!其他|其它)[\u4e00-\u9fff]{2,6}")
_NOT_A_STEP = ("办结", "结案", "归档", "立卷", "其中", "包括", "时限", "期限", "依据", "标准", "收费", "材料", "条件", "说明", "注意", "备注",
               "流程", "地点", "对象", "范围", "方式", "要求", "主体", "科室", "机构", "电话", "情形", "追究")
# Between two stage words of one heading: "审查和决定阶段责任", "审核、决定责任", "调查取证及审查责任".
_HEADING_JOIN = re.compile(r"[和及与、/]|以及")
# … and between the stages of a duty that is nothing but them, a semicolon too (「告知；决定」), each stage perhaps
# named as its duty or step (「立案责任」, 「审查环节」)
_SPACED = re.compile(r"(?<=\S)[ \t\u3000]+(?=\S)")  # words a space apart inside a duty
_LISTED_JOIN = re.compile(r"[和及与、/；;|｜并]|以及")  # (江苏's 「立案｜调查取证｜审查」, 罗田's 「决定并送达。」)


@cache
def stage_word_pattern() -> re.Pattern:
    """A stage word at the start of a text, the longest first (an alternation tries its words in order)."""
    return re.compile("|".join(map(re.escape, stage_words())))


@cache
def _procedures() -> tuple[frozenset[str], ...]:
    """The stage sets of the power types (stages.toml [mandatory.types]): the stages of one procedure."""
    types = vocabulary("stages.toml").get("mandatory", {}).get("types", {})
    return tuple(frozenset(stages) for stages in types.values())


# A step's closing words after its stage (执行及结案, 送达并归档): no stage, no step of their own
_CLOSING = re.compile(r"(?:结案|归档|立卷归档|立卷)")  # (not 办结: 「受理办结」 of an item done at once decides it too)
# … and a word before a stage joined to it (案件来源及立案): what the stage starts from
_LEAD_JOINED = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:及|和|与)")


def _heading(head: str, end: re.Pattern) -> list[str]:
    """The stages named by stage words (joined by 和, 、 …, or run together when they are stages of one
    procedure: 审查决定责任, 送达执行责任; not 审核公示, one act of a 行政奖励) at the start of `head` (no
    whitespace) when `end` follows them; [] otherwise."""
    words = stage_words()
    stages: list[str] = []
    run_together = False
    lead = _LEAD_JOINED.match(head)  # 天津's 「案件来源及立案」: the stage after a word of what it starts from
    if lead and stage_word_pattern().match(head, lead.end()) and not stage_word_pattern().search(lead.group(0)):
        head = head[lead.end():]  # (not a lead that is a step itself: 「现场检查和处置」, 「信息公开及监管」)
    while True:
        found = stage_word_pattern().match(head)
        if found is None:
            return []
        word = found.group(0)
        stages.append(words[word])
        head = head[len(word):]
        if end.match(head):
            if run_together and not any(set(stages) <= procedure for procedure in _procedures()):
                return []
            return list(dict.fromkeys(stages))
        closing = _CLOSING.match(head)  # 天津's 「执行结案」: the stage, and the file closed after it
        if closing and end.match(head[closing.end():]):
            return list(dict.fromkeys(stages))
        join = _HEADING_JOIN.match(head)
        if join:
            head = head[join.end():]
            closing = _CLOSING.match(head)  # 霍州's 「执行及结案」
            if closing and end.match(head[closing.end():]):
                return list(dict.fromkeys(stages))
        elif stage_word_pattern().match(head):
            run_together = True
        else:
            return []


def _head(text: str) -> str:
    """The start of a duty as its heading is read: no whitespace, no stray mark a lost number left, a heading in
    brackets read as one before a colon (「【立案】…」 as 「立案：…」)."""
    head = _STRAY.sub("", re.sub(r"\s+", "", (text or "")[:60]))
    run = _BRACKET_RUN.match(head)  # 「【立案】【调查】…【执行】按照行政处罚法规定的程序办理」: each stage of the run
    words = re.findall(r"【([^】]+)】", run.group(0)) if run else []
    if words and all(bracketed_stage(f"【{w}】") for w in words):  # (玉龙's 「【立案】【调查】【决定】【送达】【执行】」 alone)
        return "、".join(words) + "：" + head[run.end():]
    run = _DUTY_RUN.match(head)
    words = [w[:-2] for w in re.split(r"[、，,]", run.group(0))] if run else []
    rest = head[run.end():].lstrip("、，,：:") if run else ""
    # a step of the procedure's own that is no stage may stand in it (辛集's 「受理责任、审核责任、上报责任。」), an
    # accountability word not (「受理责任、监督责任、追究责任」); and not 「审查责任、决定责任，由市局承担」: whose they are
    stages = [w for w in words if w not in _RUN_STEPS]
    if len(stages) >= 2 and all(_heading(f"{w}：", _COLON_END) for w in stages) \
            and not rest.startswith(("由", "属", "归")):
        return "、".join(stages) + "：" + rest
    bracket = BRACKET_HEADING.match(head)
    if bracket and head[bracket.end():] and (bracketed_stage(bracket.group(0)) or _own_bracket(bracket.group(1))):
        # (a step in the list's own word too: 额济纳旗's 「【报告审批】…；【实施】…」 as 「报告审批：…」; a stage's note aside:
        # 「【审查（含法制审核）】」 as 「审查：」)
        word = bracket.group(1)
        if bracketed_stage(bracket.group(0)):
            word = TRAILING_NOTE.sub("", word)
        return word + "：" + head[bracket.end():]
    # a stage in brackets after the heading's own, as a penalty calls it (「1.受理（立案）责任：」, 兴城's 「1.催告（决定）责任：」):
    # both, as a column so headed is read (importers.lists._stage_heading)
    noted = _NOTED_HEADING.match(head)
    if noted and noted.group(2) in stage_words():
        return noted.group(1) + "、" + noted.group(2) + head[noted.end():]
    return head


_NOTED_HEADING = re.compile(r"((?:[0-9０-９一二三四五六七八九十]+[.．、])?[^（(：:，,。；;]{1,6})[（(]([^）)]{1,6})[）)]")


# Bracketed words that label a text rather than head a step: a citation's kind (【法律】《…》), a field (【依据】)
_BRACKET_LABELS = ("法律", "法规", "行政法规", "地方性法规", "规章", "部门规章", "政府规章", "规范性文件", "文件", "依据", "责任事项",
                   "事项", "内容", "注", "备注", "说明")


def _own_bracket(word: str) -> bool:
    """A bracketed word that heads a step in the list's own word (【报告审批】, 【监督整改】), not a label (【法律】, 【依据】)."""
    return word not in _BRACKET_LABELS and not any(w in word for w in _NOT_A_STEP)


def bracketed_stage(mark: str) -> bool:
    """Whether a bracketed word (【立案】) names a stage of the vocabulary: a step's heading, not a label (【依据】,
    【责任事项】) or a citation's kind (【法律】)."""
    word = TRAILING_NOTE.sub("", mark.strip("【】"))  # (【审查（含法制审核）】: its note aside)
    return bool(_heading(word + "：", _COLON_END))


def heading_stages(text: str, *, colon: bool = False) -> list[str]:
    """The stages a duty's heading names: ["受理"] for "1.受理责任：…", ["审查", "决定"] for
    "2、审查和决定阶段责任：…" (one duty for two stages, as some lists write them), ["受理"] for a duty
    whose first line is a heading by itself ("受理环节\\n接收申请人提交的材料…"); [] when the duty does not
    start with a stage heading. `colon`: only a heading that ends in a colon ("审核责任:")."""
    head = _head(text)
    if colon:
        return _heading(head, _COLON_END)
    return _heading(head, _HEADING_END) or line_heading_stages((text or "").lstrip().split("\n", 1)[0])


def listed_stages(text: str) -> list[str]:
    """The stages a duty names when it is nothing but them, closed by a full stop or not: ["送达", "执行"] for
    东营's 「送达、执行。」, ["受理"] for 「受理。」, ["告知", "听证"] for 「告知（听证）」; [] for anything more ("依法受理。")."""
    # (屯溪's 「立案　调查　告知　决定　送达　执行」: stages a space apart)
    whole = _WHOLE_END.sub("", _STRAY.sub("", squeeze(_SPACED.sub("、", text or ""))))
    # (its notes not counted: 宁乡's 「受理责任、审查责任（含体检、面试结果审核）、决定责任、送达责任（颁发教师资格证书）…」)
    if not whole or len(whole) > 200 or len(_NOTE.sub("", whole)) > 60:
        return []
    words = stage_words()
    # a word in brackets after a stage is a note on it, a stage itself when it is one (滨州's 「4.告知（听证）」)
    noted = [w for note in _NOTE.findall(whole) for w in _HEADING_JOIN.split(note) if w in words and len(w) <= 4]
    # each stage by its own short word, joined by 、 和 ； …, each perhaps as its duty (福建's 「立案责任、调查责任、…执行责任
    # （同上）。」, 广安's 「调查取证；审查」): not a sentence that is an alias (作出行政处罚决定。) nor two words run
    # together (执行处罚决定。, 立案调查；), which a list also writes as a sentence
    parts = [_LINE_END.sub("", p) for p in _LISTED_JOIN.split(_NOTE.sub("", whole))]
    # (among three or more, a longer word that is a stage's is one too: 长治's 「立案；调查取证；审查；作出处罚决定；送达；执行」)
    if all(p in words and (len(p) <= 4 or len(parts) >= 3) for p in parts):
        return list(dict.fromkeys(words[p] for p in (*parts, *noted)))
    # (among three or more, a short step that starts or ends with a stage's word is that stage: 神木's 「立案审批；调查取证；审查；
    # 决定；文书送达。」, judged to lack its 告知 and 执行, 2026-12-06)
    read = [_listed_step(p, words) for p in parts] if len(parts) >= 3 else []
    if not read or not all(read):
        return []
    return list(dict.fromkeys([*(s for r in read for s in r), *(words[w] for w in noted)]))


def _listed_step(part: str, words: dict[str, str]) -> list[str]:
    """The stages a short step of a list names: its word, else the word it starts with and the one it ends with (审查材料,
    依法受理; both where they differ: 监督执行, 立案审批, as a heading in those words reads); [] for anything else."""
    if part in words:
        return [words[part]]
    if len(part) > 6 or _CHAIN_OTHERS.search(part) or _STEP_UNDONE.search(part):
        return []  # (「拒不执行」, 「执行不到位」, 「告知复议权利」: no step of the stage)
    return list(dict.fromkeys(words[max(found, key=len)] for found in (
        [w for w in words if len(w) >= 2 and part.startswith(w)], [w for w in words if len(w) >= 2 and part.endswith(w)])
        if found))


_CHAIN_JOIN = re.compile(r"\s*(?:—+|→|->|－)\s*")
_CHAIN_MARK = re.compile(r"—|→|->|－")
_CHAIN_OR = re.compile(r"[或及和、/]")  # (a step of two words, 「上报或决定」)
# a step that is another's doing, or none (「由法院立案」, 「报市局受理」, 「申请人按照受理」, 「未按受理」): no chain of the body's own
_CHAIN_OTHERS = re.compile(r"^由|报(?:送|请|经)?(?:省|市|县|区|州|盟|上级|国家)|申请人|法院|按照|流程|程序|^未|无需|无须|不予|不得")
# a short step that says its stage is not done, or a remedy against it (「拒不执行」, 「执行不到位」, 「告知复议权利」)
_STEP_UNDONE = re.compile(r"[不未拒]|复议|诉讼")
_CHAIN_NOTE = re.compile(r"[（(]([^（）()]{0,60})[)）]")


def _chain_step(step: str, words: dict[str, str]) -> list[str] | None:
    """The stages one step of a chain names (its word, one of two words, or a word it starts or ends with: 受理申请, 入户调查,
    送达后); [] for a short step of the list's own (现场查验, 收缴登记证书和印章); None for one that voids the chain (another's
    doing, or long prose)."""
    notes = _CHAIN_NOTE.findall(step)
    bare = _CHAIN_NOTE.sub("", step)
    if _CHAIN_OTHERS.search(bare):
        return None
    if any(re.search(r"复议|诉讼", n) for n in notes):
        return []  # (「告知（告知当事人申请行政复议…的权利）」 after the decision: no 告知 of the penalty)
    found = [words[w] for w in _CHAIN_OR.split(bare) if w in words]
    if not found and len(bare) <= 10:
        found = [words[w] for w in words if len(w) >= 2 and (bare.startswith(w) or bare.endswith(w))][:1]
    return found if found or len(bare) <= 10 else None


def chained_stages(text: str, *, opening: bool = False) -> list[str]:
    """The stages a duty names as a chain of steps joined by dashes or arrows, three of them a stage's or more (福建's
    「按照“受理—审查—决定”一体化流程办理：…」, 阆中's 「受理—审查—决定：…」, 沙井's 「立案——调查取证（…）——审查（…）——告知…」,
    祁门's 「受理—现场查验—审核—上报或决定—送达」: judged to do those, 2026-12-06), each step as _chain_step reads it; [] where
    there is none, or the chain is another's (「由法院立案—审查—告知—裁定—执行」). ``opening``: only a chain the duty opens with,
    its first step a stage's, ending a sentence or a heading or with a stage's word (「受理—审查—决定—送达。」, 「受理—审查—决定：…」;
    not 「…送达后，对被许可人…」, nor 「制定表彰方案—审核—公示—…」)."""
    if not text or not _CHAIN_MARK.search(text):
        return []  # (most duties: no dash or arrow at all, read at a glance)
    words = stage_words()
    # (a note's own punctuation and dashes no end of its step: 「调查取证（执法人员不少于两人，出示执法证件）」)
    said = _CHAIN_NOTE.sub(lambda m: re.sub(r"[。；;，,：:]", "、", m.group(0)).replace("—", "-"), squeeze(text))
    out: list[str] = []
    position = 0
    for run in re.split(r"(?<=[。；;，,：:“”\"「」\n])", said):
        start, position = position, position + len(run)
        body = run.rstrip("。；;，,：:“”\"「」\n")
        steps = _CHAIN_JOIN.split(body)
        if opening and (start > 0 or len(steps) < 3):
            break
        if len(steps) < 3:
            continue
        read = [_chain_step(step, words) for step in steps]
        if None in read or sum(1 for r in read if r) < 3:
            if opening:
                break
            continue
        # (a duty opening with a chain is its first step's: that step names a stage, and the chain ends the sentence or
        # the heading, or its last step is a stage's word itself, 「…——决定——送达，各环节责任见办事指南」, not 「…送达后，…」)
        if opening and (not read[0] or not run.endswith(("。", "；", ";", "：", ":", "\n")) and position < len(said)
                        and _CHAIN_NOTE.sub("", steps[-1]) not in words):
            break
        out += [stage for r in read for stage in r]
        if opening:
            break
    return list(dict.fromkeys(out))


def opens_with_step(text: str, not_starting: tuple[str, ...] = ()) -> bool:
    """True when a duty opens with a heading (opens_with_heading) or a step named with a colon alone
    ("检验处理：…"; not "办理时限：…", "其他：…") or on a line of its own ("复查\n自送达…之日起三十日内…": a
    list's 责任环节 column, one row a step), neither starting with one of `not_starting`."""
    head = _head(text)
    if not_starting and head.startswith(not_starting):
        return False
    first, _, rest = (text or "").strip().partition("\n")
    step = _OWN_STEP.match(head) or (_OWN_LINE.fullmatch(first.strip()) if rest.strip() else None)
    return opens_with_heading(text) or bool(step and not any(w in step.group(0) for w in _NOT_A_STEP
                                                             if w != "材料" or not _REVIEWS.search(step.group(0))))


def headed_in_own_word(text: str) -> bool:
    """Whether a duty opens with a word of its own and a colon (「办结：…」, 「核查：…」) or on a line of its own (a 责任环节
    column's 「办结\n…」), a step's or not (opens_with_step)."""
    first, _, rest = (text or "").strip().partition("\n")
    return bool(_OWN_STEP.match(_head(text)) or (_OWN_LINE.fullmatch(first.strip()) and rest.strip()))


# 材料 heads a note (申请材料：, 所需材料：) but not a step that reviews them (桂林's 「材料核查：对申请材料进行审查」, 材料审查)
_REVIEWS = re.compile(r"材料(?:审查|审核|核查|初审|查验|核验)[：:]$")


# The phases a list's duty columns may be headed by (责任事项（事前） | （事中） | （事后）): a duty's kind when it came from one
PHASES = ("事前", "事中", "事后", "事前事中", "事中事后")
# An adverb before a duty's first step (吴忠's 「依法受理申请」, 「及时立案」): the step is still its first word.
_ADVERB = re.compile(r"^(?:依法|及时|依规|按规定|按照规定|严格)(?=[\u4e00-\u9fff])")


def leading_stage(text: str) -> str | None:
    """The stage whose word a duty starts with, heading or not: 受理 for "受理申请，材料不齐全的一次性告知…",
    事后监管 for "监督检查：…"; None when it starts with no stage word."""
    head = _ADVERB.sub("", _head(text))
    found = stage_word_pattern().match(head)
    if found is None:
        return _made_decision(head)
    if head[found.end():found.end() + 2].startswith(_BEFORE_AFTER):
        return None  # 「决定前责任：…书面催告…」 is before the decision, not the decision
    return stage_words()[found.group(0)]


def _made_decision(head: str) -> str | None:
    """"决定" for a duty that opens by making its decision in its own words (「作出强制拆除决定并公告」, 西塘); None for
    one made before (「作出…决定之前」) or the decision of another step (「作出是否立案的决定」 is the 立案's)."""
    found = _MADE_DECISION.match(head)
    if found is None or head[found.end():found.end() + 2].startswith(_BEFORE_AFTER) or \
            _other_decision(found.group(0)) is not None:
        return None
    return "决定"


# A duty that opens by making its decision, whatever the decision is called: 「作出强制拆除决定」, 「依法作出查封决定」
_MADE_DECISION = re.compile(r"(?:依法)?作出[^，,。；;：:、]{0,12}?决定")
# (「作出…决定之前，告知…」 is the 告知's; a 先行登记保存, 责令改正, 催告 or 移送 decision is no decision of the power)
_NOT_THE_DECISION = ("立案", "受理", "听证", "延期", "中止", "终止", "回避", "先行登记保存", "责令", "催告", "移送")
_BEFORE_AFTER = ("前", "后", "之前", "以前", "之后", "以后", "之日")
# … but an order to correct decided with the penalty is the penalty's decision (阿克苏's 「作出责令限期拆除和罚款的处罚决定」)
_PENALTY_DECIDED = ("处罚", "罚款", "没收", "吊销")


def _other_decision(made: str) -> str | None:
    """The step whose decision 「作出…决定」 is when it is no decision of the power (「作出是否立案的决定」: 立案), or None."""
    return next((w for w in _NOT_THE_DECISION if w in made
                 and not (w == "责令" and any(p in made for p in _PENALTY_DECIDED))), None)


def without_other_decisions(text: str) -> str:
    """A text without the decisions that are no decision of the power (「作出是否立案的决定」, 「决定是否受理」, 「作出…决定
    之前」): what a reading of its mentions must not take for the 决定."""
    text = re.sub(r"决定(?:是否|不予)?(?=" + "|".join(_NOT_THE_DECISION) + ")", "", text)  # 决定是否立案: its 立案

    def other(m: re.Match) -> str:  # 「作出是否立案的决定」: its 立案 alone
        step = _other_decision(m.group(0))
        if step is not None:
            return step
        return "" if text[m.end():m.end() + 2].startswith(_BEFORE_AFTER) else m.group(0)

    return _MADE_DECISION.sub(other, text)


def opening_step(text: str) -> str | None:
    """The stage a duty opens with when its word stands as a step: followed by a mark (「调查取证，制作调查笔录」) or
    doing the decision (「执行处罚决定，…」), or the decision made in its own words (「作出强制拆除决定」); None for a
    word that opens a sentence about something else (「决定是否受理」, 「审查申请材料是否齐全」, 「送达受理通知书」)."""
    head = _ADVERB.sub("", _head(text))
    found = stage_word_pattern().match(head)
    if found is None:
        return _made_decision(head)  # 「作出…决定」
    after = head[found.end():]
    if after[:1] in "，,、；;。.：: 并及和与" or (found.group(0) == "执行" and re.match(r"(?:行政)?处罚决定", after)):
        return stage_words()[found.group(0)]
    return None


def opens_with_heading(text: str) -> bool:
    """True when a duty opens with a stage heading: one of the vocabulary's (heading_stages) or one in the
    procedure's own word ("现场鉴定阶段责任:", "报送责任:")."""
    head = _head(text)
    return bool(heading_stages(text) or _OWN_HEADING.match(head))


def line_heading_stages(line: str) -> list[str]:
    """The stages a line names when it is nothing but a stage heading, without a number or a colon:
    "受理环节", "受理阶段责任", "审查和决定环节", "受理" (a 办理环节 cell); [] for anything more ("受理。",
    "受理申请材料")."""
    return _heading(squeeze(line), _LINE_END)


@dataclass(frozen=True)
class SubKind:
    type: str
    name: str
    words: tuple[str, ...]
    stages: tuple[str, ...]
    named: tuple[str, ...] = ()  # stages whose naming makes a power of no sub-kind's word this sub-kind
    starts: tuple[str, ...] = ()  # words the power's name starts with that make it this sub-kind
    in_duties: tuple[str, ...] = ()  # words whose saying in its duties does the same ("当场作出": 简易程序)
    # the pattern of the act itself (its sub-item's name, else its own; bracketed notes aside) that makes it this
    # sub-kind: 「社会团体注销登记」 is a 注销, 「社会团体成立、变更、注销登记」 is not
    act: str = ""
    # the sub-kinds (by name) this one takes over where the duties say one of `over_words`: a 加处罚款 whose steps apply to the
    # court for it (「依法向人民法院申请强制执行」) is an application to the court, which asks its 催告
    over: tuple[str, ...] = ()
    over_words: tuple[str, ...] = ()


# the heading of a step that carries a decision out or applies for it (执行责任：, 申请执行：, 实施：), or none
_CARRYING_OUT = re.compile(r"^(?:\d{1,2}[.．、]\s*)?(?:[^：:\n]{0,6}执行|申请|实施)[^：:\n]{0,8}[：:\n]")
_NEGATED = ("不得", "违法", "不予", "不", "无需", "无须")


def _does(duty: str, words: tuple[str, ...]) -> bool:
    """A step that carries out or applies (its heading says so, or it has none) says one of ``words``, not right after a
    negation (「不得违法申请人民法院强制执行」) — not a notice that it will (「告知：逾期不缴纳的将依法申请人民法院强制执行」)."""
    text = duty.strip()
    if re.match(r"^[^：:\n]{1,12}[：:\n]", text) and not _CARRYING_OUT.match(text):
        return False
    said = squeeze(text)
    for w in words:
        for m in re.finditer(re.escape(w), said):
            if not said[:m.start()].endswith(_NEGATED):  # (「仍不缴纳的依法申请…」 is no negation of the application)
                return True
    return False


@dataclass(frozen=True)
class DoneWithin:
    """A stage a duty of another stage does in its own words (a 决定 duty that 送达s: 颁发, 发给 …)."""

    stage: str
    within: str  # the stage whose duty does it ("*": any duty; "-": a duty no stage heads)
    words: tuple[str, ...]
    unless: tuple[str, ...] = ()  # words that must not follow one: 给付 but not 给付决定
    clause_with: tuple[str, ...] = ()  # one must stand before it in its clause: 告知 before 听证的权利
    clause_without: tuple[str, ...] = ()  # none may: 拟, 上报 (the level above decides)
    followed_by: tuple[str, ...] = ()  # one must come after it in its sentence: 告知当事人 … 作出 (told before deciding)
    not_followed_by: tuple[str, ...] = ()  # … and none of these: 复议, 诉讼 (the notice a decision carries)
    types: tuple[str, ...] = ()  # the power types it reads (none: every type)
    unless_pattern: str = ""  # what must not follow one, as a pattern: 核发决定 but not 核发决定书
    not_after: tuple[str, ...] = ()  # what must not stand just before one: 不予颁发

    def said(self, text: str) -> bool:
        """One of the words occurs in `text` (squeezed) as the entry asks."""
        if not (self.unless or self.clause_with or self.clause_without or self.followed_by or self.not_followed_by
                or self.unless_pattern or self.not_after):
            return any(w in text for w in self.words)
        for word in self.words:
            if word not in text:  # (most duties say none of the words: no pattern built for them)
                continue
            for m in re.finditer(re.escape(word), text):
                if self.unless and text.startswith(self.unless, m.end()):
                    continue
                if self.unless_pattern and re.match(self.unless_pattern, text[m.end():]):
                    continue
                if self.not_after and text[:m.start()].endswith(self.not_after):
                    continue
                if self.followed_by or self.not_followed_by:
                    sentence = _SENTENCE_END.split(text[m.end():], maxsplit=1)[0]
                    if (self.followed_by and not any(w in sentence for w in self.followed_by)) \
                            or any(w in sentence for w in self.not_followed_by):
                        continue
                before = _CLAUSE_END.split(text[:m.start()])[-1]
                if self.clause_with and not any(w in before for w in self.clause_with):
                    continue
                if not any(w in before for w in self.clause_without):
                    return True
        return False


_CLAUSE_END = re.compile(r"[，,。；;：:！？]")
_SENTENCE_END = re.compile(r"[。；;！？]")


@dataclass(frozen=True)
class Collecting:
    """A stage of a type asked only where the power's legal basis collects something or holds the party to something
    (stages.toml [mandatory.collecting]: a penalty's 执行, not asked of a basis that sets a 吊销 or a 警告 alone)."""

    type: str
    stage: str
    words: tuple[str, ...]  # what collects or holds (罚款, 没收, 暂停 …): the stage is asked
    sanctions: tuple[str, ...]  # what its decision carries out (吊销, 警告 …): the basis speaks of the sanction

    def spared(self, type_: str, basis: str) -> bool:
        """The power of `type_` whose legal basis is `basis` is not asked the stage."""
        basis = squeeze(basis or "")
        return (type_ == self.type and any(w in basis for w in self.sanctions)
                and not any(w in basis for w in self.words))


@dataclass(frozen=True)
class StageRules:
    """What `missing_stage` asks of a power (kb/vocab/stages.toml [mandatory])."""

    min_named: int
    by_type: dict[str, tuple[str, ...]]
    same_as: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stage -> stages that name it too
    subkinds: tuple[SubKind, ...] = ()
    preliminary_words: tuple[str, ...] = ()  # a scope or duty saying the level only reviews first
    preliminary_not_required: tuple[str, ...] = ()
    supervising_words: tuple[str, ...] = ()  # duties saying the level directs the level below to do it
    same_as_by_type: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # type -> same_as
    done_within: tuple[DoneWithin, ...] = ()
    # type or sub-kind -> stage -> the article that asks for it; a set without one is not asked for
    required_by: dict[str, dict[str, str]] = field(default_factory=dict)
    ask_without_law: bool = False
    # stage -> how a step's heading in the list's own word starts when it does not do that stage (责令 for 催告)
    own_word_not: dict[str, tuple[str, ...]] = field(default_factory=dict)
    collecting: Collecting | None = None  # a stage a power whose basis collects nothing is not asked (执行)
    entrusted_types: tuple[str, ...] = ()  # types whose power done on another body's entrustment …
    entrusted_pattern: str = ""  # (a scope or remarks saying so: 受…委托实施)
    entrusted_not_required: tuple[str, ...] = ()  # … is not asked these stages (事后监管: the entrusting body's)
    supervising_pattern: str = ""  # remarks or a scope saying the level below decides and this one guides
    below: dict[str, str] = field(default_factory=dict)  # level -> a remark saying only that a level below implements
    own_decides: str = ""  # … neither reading where the remarks say the body decides some of it itself
    preliminary_remarks: str = ""  # remarks saying the body's own part is the first review (本级负责受理、审核上报)
    supervising_name: str = ""  # a power's name closing on a note that its part is guiding (…许可（指导监督）)
    transferred_types: tuple[str, ...] = ()  # types whose power handed to an approvals bureau (行政审批局) …
    transferred_pattern: str = ""  # (remarks or a scope saying so: 已划转市行政审批局实施)
    transferred_kept: tuple[str, ...] = ()  # … keeps only these stages of the body's own (事后监管)

    def articles(self, set_name: str) -> dict[str, str] | None:
        """The article asking for each stage of a type's or sub-kind's set; None when no law of general
        application sets its procedure (and `ask_without_law` is off): the set is not asked for."""
        found = self.required_by.get(set_name)
        return found if found is not None or not self.ask_without_law else {}

    def subkind(self, type_: str, name: str, named: set[str] | frozenset[str] = frozenset(),
                duties: tuple[str, ...] = (), act: str = "") -> SubKind | None:
        # an item whose name says two sub-kinds (青浦's 「对违法建设的查封、强制拆除」): its sub-item's own act says which
        # (查封施工现场 is a 查封); an item of one sub-kind keeps it whatever its sub-item's name holds
        kinds = {k.name for k in self.subkinds if k.type == type_ and k.words and any(w in name for w in k.words)}
        own = self._subkind_by_words(type_, act) if act and act != name and len(kinds) >= 2 else None
        found = own if own and own.name in kinds else self._subkind_of(type_, name, named, duties, act)
        if found is None or not duties:
            return found
        return next((k for k in self.subkinds if k.type == type_ and found.name in k.over
                     and any(_does(d, k.over_words) for d in duties)), found)

    def _subkind_by_words(self, type_: str, text: str) -> SubKind | None:
        return next((k for k in self.subkinds if k.type == type_ and (any(w in text for w in k.words)
                                                                       or (k.starts and text.startswith(k.starts)))), None)

    def _subkind_of(self, type_: str, name: str, named: set[str] | frozenset[str] = frozenset(),
                    duties: tuple[str, ...] = (), act: str = "") -> SubKind | None:
        """The sub-kind of a power of this type, from its name (the first whose word it contains) or the name of its
        act (`act`: its sub-item's, else its own), else from the stages its duties name (催告 is 强制执行's alone) or
        the words they say (当场作出: 简易程序)."""
        said = squeeze("".join(duties)) if duties else ""
        written = squeeze(act or name)
        acts = [re.sub(r"[（(][^）)]*[）)]", "", written)]
        last = re.search(r"[（(]([^（）()：:；;。]{1,12})[）)]$", written)  # (a short note, not 「子项：1.设立；…4.注销」)
        if last and not re.match(r"(?:不?含|不?包含|不?包括|其中)", last.group(1)):
            acts.append(last.group(1))  # (a sub-item named by its act in brackets, 青秀区's 食品经营许可（注销）: 注销)
        return next((k for k in self.subkinds if k.type == type_
                     and (any(w in name for w in k.words) or (k.starts and name.startswith(k.starts))
                          or (k.act and any(re.search(k.act, a) for a in acts)))), None) \
            or next((k for k in self.subkinds if k.type == type_ and set(k.named) & named), None) \
            or next((k for k in self.subkinds if k.type == type_ and any(w in said for w in k.in_duties)), None)

    def preliminary_said(self, remarks: str) -> str:
        """The words of a power's remarks saying its body only reviews first (本级负责受理、审核上报), or ''."""
        found = re.search(self.preliminary_remarks, squeeze(remarks or "")) if self.preliminary_remarks else None
        return found.group(0) if found else ""

    def preliminary(self, *texts: str) -> str:
        """The word that makes a power a preliminary review (初审 / 审核上报 …), or ''."""
        for text in texts:
            squeezed = squeeze(text or "")
            for word in self.preliminary_words:
                if word in squeezed:
                    return word
        return ""

    def entrusted(self, type_: str, *texts: str) -> str:
        """The words that say a power of `type_` is done on another body's entrustment (按…委托实施), or ''."""
        return _words_of(self.entrusted_pattern, texts) if type_ in self.entrusted_types else ""

    def _decides_itself(self, texts: Iterable[str]) -> bool:
        """Whether (squeezed) remarks say the body decides some of the power itself (「市本级项目由本局审批」)."""
        return bool(self.own_decides) and any(re.search(self.own_decides, t) for t in texts)

    def transferred(self, type_: str, *texts: str) -> str:
        """The words that say a power of `type_` was handed to an approvals bureau, the body keeping its supervision
        (「该事项已划转市行政审批局实施，本部门负责批后监管」), or ''."""
        texts = tuple(squeeze(t or "") for t in texts)
        if type_ not in self.transferred_types or self._decides_itself(texts):
            return ""  # (「一般项目由区行政审批局审批，重大项目由本局审批」: the body decides some of it itself)
        words = _words_of(self.transferred_pattern, texts)
        clause = next((c for t in texts for c in re.split(r"[；;。]", t) if words and words in c), "")
        return "" if "除外" in clause else words  # (「市本级（已划转市行政审批局的事项除外）」: the others are its own)

    def supervising(self, *texts: str) -> str:
        """The words that say a level directs the level below to do the procedure (督促县级 …), or ''."""
        return next((w for text in texts for w in self.supervising_words if w in squeeze(text or "")), "")

    def guiding_named(self, *names: str) -> str:
        """The note closing a power's name or its sub-item's that says its part is guiding (「（指导监督）」), or ''."""
        return _words_of(self.supervising_name, names)

    def guiding(self, level: str, *texts: str) -> str:
        """The words of a power's remarks or scope that say the level below decides and this one guides
        (「由区应急管理局审批，本局指导监督」), or, of a body at `level` (province, city), no more than that a level
        below implements it (「地（州、市）文化和旅游部门依法实施」); ''."""
        patterns = [p for p in (self.supervising_pattern, self.below.get(level, "")) if p]
        texts = tuple(squeeze(t or "") for t in texts)
        if self._decides_itself(texts):
            return ""  # 「…，市本级项目由本局审批」: the body decides some of it itself
        found = (re.search(p, t) for p in patterns for t in texts)
        return next((m.group(0) for m in found if m and _guide_at(m.group(0), level)), "")

    def names(self, stage: str, named: set[str], type_: str = "") -> bool:
        """True when the named stages include `stage` or one of its synonyms (those of the power's type too)."""
        return bool(self.named_as(stage, named, type_))

    def synonyms(self, stage: str, type_: str = "") -> tuple[str, ...]:
        """The words that name `stage` besides its own (those of the power's type too)."""
        return (*self.same_as.get(stage, ()), *self.same_as_by_type.get(type_, {}).get(stage, ()))

    def stands_for(self, word: str, stages: Iterable[str], type_: str = "") -> bool:
        """True when `word` is a synonym of one of `stages` (受理 of 立案): said once, by the stage's name."""
        return any(word in self.synonyms(s, type_) for s in stages)

    def named_as(self, stage: str, named: set[str], type_: str = "") -> str:
        """The stage of `named` that names `stage`: itself, else its first synonym named (a penalty's 决定 for its
        审查); empty when none does."""
        if stage in named:
            return stage
        return next((s for s in self.synonyms(stage, type_) if s in named), "")

    def done_inside(self, text: str, type_: str = "", subkind: str = "", *, unheaded: bool = True) -> set[str]:
        """The stages a duty of a power of `type_` does inside its text as well as the one its heading names (a 决定
        duty that 送达s the decision; a 行政强制's duty, of any step, that its officers carry it out); with
        ``unheaded`` False, not those read only in a duty no stage heads (a step in the list's own word, 「办结：…颁发
        许可证」, stands where its stage would be: gaps.own_word_stages)."""
        heading = set(heading_stages(text))
        squeezed = squeeze(text or "")
        return {d.stage for d in self.done_within
                if (d.within == "*" or d.within in heading or d.within == "-" and unheaded and not heading)
                and (not d.types or type_ in d.types or subkind in d.types) and d.said(squeezed)}


@cache
def stage_rules() -> StageRules:
    """The stages each power type must name (missing_stage), checked once a power names `min_named`."""
    data = vocabulary("stages.toml").get("mandatory", {})
    prelim, entrusted, collecting = data.get("preliminary", {}), data.get("entrusted", {}), data.get("collecting", {})
    transferred = data.get("transferred", {})
    return StageRules(
        int(data.get("min_named", 2)),
        {t: tuple(stages) for t, stages in data.get("types", {}).items()},
        {s: tuple(words) for s, words in data.get("same_as", {}).items()},
        tuple(SubKind(k["type"], k["name"], tuple(k["words"]), tuple(k["stages"]), named=tuple(k.get("named", ())),
                      in_duties=tuple(squeeze(w) for w in k.get("in_duties", ())), starts=tuple(k.get("starts", ())),
                      act=k.get("act", ""), over=tuple(k.get("over", ())),
                      over_words=tuple(squeeze(w) for w in k.get("over_words", ())))
              for k in data.get("subkind", [])),
        tuple(squeeze(w) for w in prelim.get("words", [])),
        tuple(prelim.get("not_required", [])),
        tuple(squeeze(w) for w in data.get("supervising", {}).get("words", [])),
        {t: {s: tuple(words) for s, words in same.items()} for t, same in data.get("same_as_by_type", {}).items()},
        tuple(DoneWithin(d["stage"], d["within"], tuple(squeeze(w) for w in d["words"]), tuple(d.get("unless_before", ())),
                         tuple(d.get("clause_with", ())), tuple(d.get("clause_without", ())),
                         tuple(squeeze(w) for w in d.get("followed_by", ())),
                         tuple(squeeze(w) for w in d.get("not_followed_by", ())), tuple(d.get("types", ())),
                         d.get("unless_pattern", ""), tuple(d.get("not_after", ())))
              for d in data.get("done_within", [])),
        {name: dict(stages) for name, stages in data.get("required_by", {}).items()},
        bool(data.get("ask_without_law", False)),
        {s: tuple(words) for s, words in data.get("own_word_not", {}).items()},
        Collecting(collecting["type"], collecting["stage"], tuple(collecting.get("words", ())),
                   tuple(collecting.get("sanctions", ()))) if collecting else None,
        tuple(entrusted.get("types", ())), entrusted.get("pattern", ""),
        tuple(entrusted.get("not_required", ())), data.get("supervising", {}).get("remarks", ""),
        _below(data.get("supervising", {}).get("below", {})), data.get("supervising", {}).get("own_decides", ""),
        prelim.get("remarks", ""), data.get("supervising", {}).get("name", ""),
        tuple(transferred.get("types", ())), transferred.get("pattern", ""), tuple(transferred.get("kept", ())))


# the level a body is at when a remark names it by its place word (县局, 市局, 省厅): remarks saying who does what
PLACE_WORD_LEVEL = {"县": "county", "区": "county", "旗": "county", "市": "city", "州": "city", "盟": "city", "省": "province"}
# who a guiding remark says guides: the body itself (本局), or a level named (市局, 省厅)
_GUIDE = re.compile(r"(本|市|州|盟|省)(?:局|级|本级|部门|机关|单位|委|厅)(?:仅|只|主要)?(?:负责)?(?:业务)?(?:指导|监督)")


def _guide_at(words: str, level: str) -> bool:
    """Whether a guiding remark's guide is the body at `level`: 本局 anywhere, 市局 only in a city's list (in a county's,
    「市局负责指导监督，县局具体实施」 says the county does the procedure)."""
    m = _GUIDE.search(words)
    return m is None or PLACE_WORD_LEVEL.get(m.group(1), level) == level


def _words_of(pattern: str, texts: Iterable[str]) -> str:
    """The first words of `texts` (squeezed) that `pattern` finds, or ''."""
    found = (re.search(pattern, squeeze(text or "")) for text in texts) if pattern else ()
    return next((m.group(0) for m in found if m), "")


def _below(below: dict) -> dict[str, str]:
    """Level -> the pattern of a remark saying only that a level below implements the power (stages.toml)."""
    pattern = below.get("pattern", "")
    return {level: pattern.format(below="|".join(re.escape(squeeze(w)) for w in words))
            for level, words in below.items() if level != "pattern" and pattern}


# --- laws -----------------------------------------------------------------------------------------

_NATIONAL_PREFIX = "中华人民共和国"
_VERSION_SUFFIX = re.compile(r"（(?:[^（）]*\d{4}[^（）]*|修正|修订|修改)）$")


@lru_cache(maxsize=8192)  # an import asks for the same few hundred titles tens of thousands of times
def law_key(title: str) -> str:
    """Key that matches a cited law to a loaded one: 《安全生产法》 == 《中华人民共和国安全生产法》."""
    key = normalise_title(title)
    # A version written into the title (…法（2021年修正）, …办法（修正）) names the same law.
    key = _VERSION_SUFFIX.sub("", key)
    return key.removeprefix(_NATIONAL_PREFIX)


def normalise_title(title: str) -> str:
    """Title without 《》 and spaces; inner titles as 〈〉 and parentheses full-width."""
    text = re.sub(r"\s+", "", title)
    text = text.replace("<<", "《").replace(">>", "》")
    while text[:1] in "《（(<〈" and not _balanced_opening(text):
        text = text[1:]
    while text[-1:] in "》）)>〉，。；：、" and not _balanced_closing(text):
        text = text[:-1]
    if text.startswith("《") and text.endswith("》") and _balanced_opening(text):
        text = text[1:-1]
    text = re.sub(r"[《<＜]", "〈", text)
    text = re.sub(r"[》>＞]", "〉", text)
    return text.replace("(", "（").replace(")", "）")


def _balanced_opening(text: str) -> bool:
    """The first character is an opening bracket closed somewhere in the text."""
    closing = {"《": "》", "（": "）", "(": ")", "<": ">", "〈": "〉"}.get(text[:1])
    return closing is not None and bracket_close(text, 0, text[0], closing) is not None


def _balanced_closing(text: str) -> bool:
    opening = {"》": "《", "）": "（", ")": "(", ">": "<", "〉": "〈"}.get(text[-1:])
    return opening is not None and text.count(opening) >= text.count(text[-1])


def bracket_close(text: str, start: int, opening: str, closing: str) -> int | None:
    """Where the bracket opened at `start` closes (nested pairs counted); None when it never does."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i
    return None


# --- the example mark -----------------------------------------------------------------------------

EXAMPLE_MARK = "【示例】"
EXAMPLE_NOTE = "示例清单（演示数据，非公开发布的清单）"


def is_example(text: str | None) -> bool:
    return (text or "").lstrip().startswith(EXAMPLE_MARK)


# --- integrated services (一件事) ----------------------------------------------------------------

# Thing properties that hold a figure of the source (never estimated), with their Chinese names.
METRIC_TITLES: dict[str, str] = {
    "materials_before": "办理材料数（整合前）",
    "materials_after": "办理材料数（整合后）",
    "days_before": "办理时限/天（整合前）",
    "days_after": "办理时限/天（整合后）",
    "visits_before": "跑动次数（整合前）",
    "visits_after": "跑动次数（整合后）",
    "steps_before": "办理环节数（整合前）",
    "steps_after": "办理环节数（整合后）",
    "legal_days": "法定时限/天",
    "conditions": "受理条件数",
    "linked_matters": "关联事项数",
    "service_points": "办理点数",
    "is_charge": "是否收费",
}
# The before/after pairs whose saving a report computes: (stem, Chinese name with its unit).
SAVINGS: tuple[tuple[str, str], ...] = (("materials", "申请材料（份）"), ("days", "办理时限（天）"),
                                        ("visits", "跑动次数（次）"), ("steps", "办理环节（个）"))
