"""Who published a list: the department's full name, its jurisdiction and the list's version.

Files name their publisher in many ways (国动办, 市机关事务管理局, 克拉玛依市林业和草原系统…). The
name is taken from the first source that yields one, in this order: the explicit option, the mapping,
the title row, a 部门名称 row, the file name, the most common 行使主体; short forms are completed
with the jurisdiction and odd spellings go through the alias table in mappings/departments.toml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from importers import jurisdictions
from importers.mapping import read_data_file, squeeze
from kb.model import body_key
from kb.places import Ambiguous, divisions, everyday_name

# Endings of a body that can publish a list (局, 委员会, 办公室 …); 系统 / 目录 are not bodies.
_BODY_ENDINGS = ("局", "委员会", "委", "办公室", "办", "厅", "院", "中心", "站", "所", "队", "会", "室", "部",
                 "处", "署", "馆", "政府", "管委会", "分局", "支队", "大队", "公司", "社", "科", "分行", "支行")
# Words that stand for "this level" rather than a place (地州市农业农村局, 县市区…; 师市: a 兵团 division and its
# city as one body, 第十师北屯市's 师市民政局 is 第十师北屯市民政局).
_GENERIC_PLACES = ("地州市级", "地州市", "县市区", "市县区", "自治区", "各区", "本市", "全市", "师市", "省", "市", "县", "区", "州")
# A 兵团 division (第二师 of 第二师铁门关市): a division and its city are one place, named by either.
_DIVISION = re.compile(r"第[一二三四五六七八九十]+师")
# Words that start with a level character but are not "this level + body" (市场监督管理局 is not 市 + 场…).
_NOT_PLACE_WORDS = ("市场", "市政", "市容", "区域", "县域", "省级", "市级", "州级", "区级", "县级")
_LIST_WORDS = ("权责清单", "责任清单", "权力清单", "权力和责任清单", "公共服务事项清单", "服务事项清单", "清单", "指导目录",
               "目录", "公示",
               "权责事项", "权力事项", "职权事项")  # a platform's export named 合江县市场监督管理局权责事项（平台导出）
_NOT_PLACE = "|".join(_NOT_PLACE_WORDS)
# Before the place of a body's name: a party committee's (中共桦南县委宣传部) and a national body's branches
# (国家税务总局徐州市鼓楼区税务局, 国家金融监督管理总局宜昌监管分局, 中国人民银行…分行).
_PARTY = ("中国共产党", "中共", "国家税务总局", "国家金融监督管理总局", "国家外汇管理局", "中国人民银行")
# What a title says of its list between the body and 清单 (…局行政权力清单, …局部门权责事项清单); a body's name
# ends in one of _BODY_ENDINGS, never in these.
_LIST_QUALIFIERS = re.compile(r"(?:部门|行政|权责|权力|职权|责任|事项|赋权|承接|下放|和|及|与)+$")


def _place_pattern(endings: str) -> re.Pattern:
    """A place name at the start of a text: 2–7 characters and one of `endings` (长沙市, 宁化县, 某某自治县),
    or one character and 县 (沛县, 萧县, 叶县, 歙县; 城市 / 城区 / 郊区 are words, so only 县 counts). The
    ending must not start a word of _NOT_PLACE_WORDS (沛县市场监督管理局 is 沛县 + 市场…, not 沛县市), and a
    one-character county must not start with a level or a determiner (区县级, 全县, 本县)."""
    one = rf"[^省市县区州乡镇本全各该每此](?!{_NOT_PLACE})县"
    return re.compile(rf"^({one}|.{{2,7}}?(?!{_NOT_PLACE})(?:{endings}))(?=.{{2,}})")


_PLACE_RE = _place_pattern("自治区|自治州|自治县|省|市|州|地区|盟|县|区|旗")
# Below a known city only county-level names are looked for (长沙市 + 某某区 / 某某县 / 某某旗).
_CHILD_RE = _place_pattern("自治县|县|区|旗")
# Below a known county a township the divisions do not hold (昆山市周庄镇人民政府: 周庄镇 merged into a 度假区 in
# the 2023 divisions), only before its government's name (昆山市住房和城乡建设局 is no 住房和城乡)
_TOWNSHIP_RE = re.compile(r"^((?:(?!人民政府|政府|管委会|委员会|办事处).){2,7}?(?:街道|镇|乡))(?=(?:人民政府|政府|街道办事处|办事处)$)")


@dataclass
class Naming:
    department: str
    department_source: str  # option / mapping / title / department_row / filename / holder / ""
    jurisdiction: str
    jurisdiction_level: str
    version: str
    context: list = field(default_factory=list)  # the provinces and cities the file names (kb.places)
    guessed_by: str = ""  # the alias (departments.toml) that placed a file saying no place of its own


@cache
def _department_aliases() -> list[tuple[str, str, str]]:
    """(alias, full name, jurisdiction), longest alias first."""
    rows = []
    for e in read_data_file("departments.toml")["department"]:
        for alias in [e["name"], *e.get("aliases", [])]:
            rows.append((squeeze(alias), e["name"], e.get("jurisdiction", "")))
    return sorted(rows, key=lambda r: -len(r[0]))


def jurisdiction_level(name: str) -> str:
    """province / city / county / township for a jurisdiction ("" when there is none)."""
    return jurisdictions.resolve(name)["level"] if name else ""


def department_phrase(text: str) -> str:
    """附件：克拉玛依市财政局2025年权责清单 (1) -> 克拉玛依市财政局; "" when nothing is left."""
    text = squeeze(text)
    text = re.sub(r"^附件\d*[:：.、．_-]?", "", text)
    # a table's number before its title: 表一　宽城满族自治县应急管理局行政权力清单, 附表2：…, 表3-1
    text = re.sub(r"^附?表(?:\d{1,2}(?:-\d{1,2})?|[一二三四五六七八九十]{1,3})[:：.、．_-]?", "", text)
    # a file's number: 3.鼓楼区税务局权责清单, 01-徐州市鼓楼区民政局权责清单, 二、…
    text = re.sub(r"^(?:\d{1,3}[a-zA-Z]?|[一二三四五六七八九十]{1,3})[.、．_-]", "", text)
    text = re.sub(r"[（(]\d+[)）]$", "", text)  # "… (1)" download copies
    text = re.sub(r"(?:19|20)\d{2}(?:年度|年)?", "", text)
    # cut at the first of the list words the title holds after some text (权力清单和责任清单: at 权力清单,
    # not 责任清单; 公示：某局权责清单: at 权责清单)
    cuts = [i for word in _LIST_WORDS if (i := text.find(word)) > 0]
    if cuts or text.startswith(_LIST_WORDS):
        text = text[: min(cuts, default=0)]
    # the list's own kind before those words: 行政权力清单, 权责事项清单, 部门权责清单, 职权目录
    text = _LIST_QUALIFIERS.sub("", text)
    # 林草: 克拉玛依市林业和草原系统地县两级 / …地州级 -> the body without the levels it covers; 湖州市市级部门
    # (a compilation's) -> 湖州市, not 湖 (the shortest such ending that leaves a place's is taken first)
    levels = re.search(r"[地州市县区乡镇省自治]{1,5}(?:两级|三级|四级|级)$", text)
    if levels:
        start = next((i for i in range(len(text) - 2, levels.start() - 1, -1)
                      if re.fullmatch(r"[地州市县区乡镇省自治]{1,5}(?:两级|三级|四级|级)", text[i:])
                      and re.search(r"[市县区州省旗盟镇乡]$", text[:i]) and len(text[:i]) >= 2), levels.start())
        text = text[:start]
    return text.strip("的:：,，、")


def _is_body(name: str) -> bool:
    return len(name) >= 3 and name.endswith(_BODY_ENDINGS)


def names_a_body(text: str) -> bool:
    """Whether a text ends as a body's name does (…局, …委员会, …人民政府, …大队)."""
    return _is_body(text)


def _place_prefix(name: str, context: list | None = None) -> str:
    """The jurisdiction (its Jurisdiction name) a name starts with; "" when it names none.

    Places of China's divisions are followed down: 长沙市天心区教育局 -> 天心区, 湖南省株洲市荷塘区… ->
    荷塘区, 平顶山市新华区… -> 平顶山市新华区. A name the divisions do not hold keeps the known place
    above it in front (长沙市某某区 -> 长沙市某某区, so the chain still runs through 长沙市), or is read
    from its ending (某县). A name several places carry is decided by `context`, else Ambiguous.
    """
    return _place_split(name, context)[0]


def _party(name: str) -> str:
    """The 中共 / 中国共产党 a party body's name starts with before its place, or the national body a branch's
    name starts with (国家税务总局); "" for any other name."""
    return next((p for p in _PARTY if name.startswith(p) and len(name) > len(p) + 2), "")


def _place_split(name: str, context: list | None = None) -> tuple[str, int]:
    """(Jurisdiction name, characters of `name` that name it). A party body's 中共 / 中国共产党 before its place
    (中共桦南县委宣传部) is counted with the place, not taken for one."""
    party = _party(name)
    if party:
        found, n = _place_split(name[len(party):], context)
        return (found, n + len(party)) if found else ("", 0)
    found, n = jurisdictions.leading_place(name, context)
    if not found:
        word = _place_word(_PLACE_RE, name)
        return word, len(word)
    rest = name[n:]
    if found["level"] in ("province", "city") and found.get("place") is not None:
        below = _PLACE_RE if found["level"] == "province" else _CHILD_RE  # 湖南省某某市 / 长沙市某某区
        unknown = _place_word(below, rest)
        if unknown:
            return found["name"] + unknown, n + len(unknown)
    if found["level"] == "county" and found.get("place") is not None:
        unknown = _place_word(_TOWNSHIP_RE, rest)
        if unknown:
            return found["name"] + unknown, n + len(unknown)
    return found["name"], n


def _place_word(pattern: re.Pattern, text: str) -> str:
    """The place name `pattern` finds at the start of `text`; "" for generic words (县市区, 自治区)."""
    m = pattern.match(text)
    if not m or m.group(1) in _GENERIC_PLACES or m.group(1).startswith(_GENERIC_PLACES[:5]):
        return ""
    if "局" in m.group(1) or "厅" in m.group(1):  # 商务局开发区: a body, not a place
        return ""
    return m.group(1)


def _alias(phrase: str, jurisdiction: str, guess: bool = False) -> tuple[str, str] | None:
    """Full name and jurisdiction for an alias; None when no alias (or an ambiguous one) matches. An alias of one
    place's department names it only in that place, or where it says the place itself (克拉玛依市人防系统): a record's
    short name every place uses (市市场监管局, 国动办) is not that place's department (a city's combined catalogue
    writing its departments so went to 克拉玛依市's). `guess`: the file's own name, when nothing in the file says a
    place (its caller says so in a warning)."""
    hits = {}
    bare = phrase[len(jurisdiction):] if jurisdiction and phrase.startswith(jurisdiction) else phrase
    for alias, full, where in _department_aliases():
        if alias in (phrase, bare) and (not where or where == jurisdiction
                                        or (not jurisdiction and (guess or where in alias))):
            hits[full] = where
    return next(iter(hits.items())) if len(hits) == 1 else None


def complete_name(name: str, jurisdiction: str, context: list | None = None) -> str:
    """市机关事务管理局 + 克拉玛依市 -> 克拉玛依市机关事务管理局; names with a place are kept, with the
    place's qualified name where its own is not unique (新华区公安局 -> 平顶山市新华区公安局); a short form
    of one name in full (市场监管局 -> 市场监督管理局)."""
    name = full_form(name)
    if not jurisdiction or name.startswith(jurisdiction):
        return name
    party = _party(name)
    if party:  # 中共县委宣传部 in 桦南县: 中共桦南县委宣传部
        return party + complete_name(name[len(party):], jurisdiction, context)
    division = _DIVISION.match(jurisdiction)
    if division and name.startswith(division.group(0)) and len(name) > division.end() + 1:
        return name  # 第二师人力资源和社会保障局 in 第二师铁门关市: the division names itself (兵团: 师市合一)
    for generic in _GENERIC_PLACES:
        if name.startswith(generic) and len(name) > len(generic) + 1 and not name.startswith(_NOT_PLACE_WORDS):
            return jurisdiction + name[len(generic):]
    tail = _unknown_tail(jurisdiction)
    if tail and name.startswith(tail) and len(name) > len(tail) + 1:
        return jurisdiction[:-len(tail)] + name  # 周庄镇人民政府 in 昆山市周庄镇 (a township the divisions lack)
    place, n = _place_split(name, context)
    if place:
        # 新华区公安局 whose place is 平顶山市新华区: the qualified name, so the three 新华区 differ; 融水县交通运输局
        # (the everyday name of 融水苗族自治县): the place's own name, so the files of one body agree.
        if (jurisdictions.is_qualified(place) or _everyday(name[:n], place)) and not name.startswith(place) \
                and name[n:]:
            return place + name[n:]
        return name
    return jurisdiction + name


def resolve_naming(
    path: str,
    *,
    titles: list[str],
    department_rows: list[str],
    holders: Counter,
    department: str | None = None,
    jurisdiction: str | None = None,
    overrides: dict[str, str] | None = None,
    sheets: list[str] | tuple[str, ...] = (),
) -> Naming:
    """Department, jurisdiction and version of one list file. Raises jurisdictions.Ambiguous when the
    place a file names is carried by several places and nothing in the file tells which. `sheets`: the names of the
    sheets read, the last place a name is looked for before the holders (a compilation's 市公安局 | 市民政局 …)."""
    overrides = overrides or {}
    place = jurisdiction or overrides.get("jurisdiction") or ""
    stem = Path(path).stem
    candidates: list[tuple[str, str]] = []
    if department:
        candidates.append((department, "option"))
    if overrides.get("department"):
        candidates.append((overrides["department"], "mapping"))
    candidates += [(t, "title") for t in titles]
    candidates += [(t, "department_row") for t in department_rows]
    candidates.append((stem, "filename"))
    candidates += [(name, "sheet") for name in sheets]
    # 街道 names no one; a joint power's holder (市公安局、市交通运输局) is no publisher's name
    holders = Counter({h: n for h, n in holders.items() if not generic_office(h) and len(joint_bodies(h)) < 2})
    candidates += [(h, "holder") for h, _ in holders.most_common(3)]

    texts = [t for t, _ in candidates] + [h for h in holders if h]
    context = jurisdictions.context_places([*texts, place])
    if place and jurisdictions.is_code(place):
        place = jurisdictions.by_code(place) or place
    elif place:
        place = jurisdictions.resolve(squeeze(place), context)["name"]
    given = jurisdictions.place_of(place) if place else None
    if given is not None:  # the place given decides the names the file repeats (新华区 in 石家庄市新华区)
        context = [*divisions().chain(given), *context]
    if not place:
        place = _place_from_texts([t for t, _ in candidates], context)
        found = jurisdictions.place_of(place) if place else None
        if found is not None:  # the title's 涿州市双塔街道 decides the 双塔街道办事处 of its rows
            context = [*divisions().chain(found), *context]

    name, source, guessed = "", "", ""
    for text, src in candidates:
        phrase = department_phrase(text) if src not in ("option", "mapping") else squeeze(text)
        if not phrase:
            continue
        # 克拉玛依市发展和改革委员会（粮食和物资储备局）: try the name without its trailing note too.
        for variant in dict.fromkeys([phrase, re.sub(r"[（(][^（()）]*[)）]$", "", phrase)]):
            aliased = _alias(variant, place, guess=src in ("title", "filename", "department_row"))
            if aliased:
                name, source = aliased[0], src
                if not place and aliased[1] and aliased[1] not in variant:
                    guessed = variant
                place = place or aliased[1]
                break
            if src in ("option", "mapping") or _is_body(variant):
                place = place or _place_prefix(variant, context)
                name, source = complete_name(variant, place, context), src
                break
        if name:
            break
    branch = "" if given is not None or jurisdiction else _branch_place(name, place)
    if branch:  # 上海市公安局浦东分局 acts in 浦东新区, not in 上海市 (a place given is kept)
        place = branch
    if not name and place and jurisdiction_level(place) == "township":
        # 寿光市洛城街道赋权事项清单, 虎门镇权责清单: a township's list is its government's
        name, source = place + ("办事处" if place.endswith("街道") else "人民政府"), "title"

    version = ""
    # the year of the title or the file name; else of a line above the header (填报单位：… 公布时间：2024年3月)
    for text in [*titles, stem, *department_rows]:
        m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
        if m:
            version = m.group(1)
            break
    return Naming(name, source, place, jurisdiction_level(place), version, context, guessed)


# A branch named after the district it serves, behind its city's body: 上海市公安局浦东分局, 宜昌市生态环境局
# 夷陵区分局, 深圳市市场监督管理局福田监管局.
_BRANCH = re.compile(r"(?:局|厅|委员会)(?P<area>[^局厅委]{2,8}?)(?:分局|监管局|支队|大队)$")


@cache
def _unknown_tail(jurisdiction: str) -> str:
    """The words of a jurisdiction after the known place it starts with, when the divisions do not hold it
    (周庄镇 of 昆山市周庄镇); "" for a place they hold, or one named by no known place."""
    if jurisdictions.place_of(jurisdiction) is not None:
        return ""
    try:
        found, n = jurisdictions.leading_place(jurisdiction)
    except Ambiguous:
        return ""
    return jurisdiction[n:] if found and 0 < n < len(jurisdiction) else ""


def _branch_place(name: str, place: str) -> str:
    """The district of a city a branch's name gives after the city's body (浦东 of 上海市公安局浦东分局:
    浦东新区), as its Jurisdiction name; "" when the name is no such branch or the district is no place
    of `place`."""
    m = _BRANCH.search(name or "")
    above = jurisdictions.place_of(place) if m and place else None
    if above is None or above.level not in ("province", "city"):
        return ""
    area = m.group("area")

    def named(p) -> bool:
        return p.name == area or (p.name.startswith(area) and p.name[len(area):] in ("区", "县", "新区", "市", "州"))

    # a province's branch is a city's (湖南省生态环境厅湘潭分局: 湘潭市, not 湘潭县); a city's a district's
    candidates = [p for p in divisions().below(above) if p.level in ("city", "county") and named(p)]
    cities = [p for p in candidates if p.level == "city"]
    found = cities if above.level == "province" and cities else [p for p in candidates if p.level == "county"]
    return jurisdictions.node_name(found[0]) if len(found) == 1 else ""


def _place_from_texts(texts: list[str], context: list | None = None) -> str:
    """The first jurisdiction a title, file name or holder starts with."""
    for text in texts:
        phrase = department_phrase(text) or squeeze(text)
        if generic_office(phrase):
            continue  # 街道权责清单: a kind of office, no place
        prefix = _place_prefix(phrase, context)
        if prefix:
            return prefix
    return ""


# --- one department per record --------------------------------------------------------------------

# A 行使主体 that names a role rather than one body (地州市商务主管部门, 各区分局, 县级以上人民政府).
_ROLE_WORDS = ("各", "主管部门", "有关部门", "相关部门", "行政部门", "职能部门", "县级以上", "本级", "上级", "同级")
# Level words that stand for several bodies (县市区农业农村局, 自治区农业农村厅 in a city list): a role.
_MULTI_LEVEL = ("地州市级", "地州市", "县市区", "市县区", "县区", "区县", "自治区", "省", "自治州", "州")
_GOVERNMENT = re.compile(r"(?:人民政府|政府)$")
# A 实施主体 that is only a kind of office or place (街道, 乡镇, 乡（镇）, 镇, 街道办事处, 本级): a township's
# or a level's list says who acts in general words; it is the list's own department, neither a place
# (there are places named 街道) nor another body.
_GENERIC_OFFICE = re.compile(
    r"(?:本级|本部门|本机关|本单位|(?:乡镇|乡[（(]镇[)）]|乡|镇|街道|乡镇[（(]?街道[)）]?|镇[（(]街道[)）])"
    r"(?:人民政府|政府|办事处|街道办事处|办)?)")


def generic_office(holder: str) -> bool:
    """True for a 实施主体 that names only a kind of office or place: 街道, 乡（镇）, 镇人民政府, 本级."""
    return bool(_GENERIC_OFFICE.fullmatch(squeeze(holder).strip("，,。；;、:：")))


# An internal unit of a department (国际交流与合作处, 博物馆与社会文物处, 竞技体育处, 法规科, 双拥优抚股): a
# 责任主体 that names the 处/科/股/室 doing the work, not another body (a body has a place or a body's word).
_UNIT = re.compile(r"(?:处|科|股|科室|处室|办公室|中队)$")
# … and a 公安局's corps named without a place (武冈市公安局's 「治安管理大队」, 「交警大队」)
_POLICE_UNIT = re.compile(r"(?:治安管理|治安|交通管理|交通警察|交警|刑事侦查|刑侦|禁毒|经济犯罪侦查|经侦|网络安全保卫|网安|巡特警|特警|"
                          r"户政|出入境管理)(?:大队|支队|中队)$")


# a township's or a street's own office named by its level word alone (镇综合执法中心, 乡社会事务办, 街道城管科)
_TOWNSHIP_OFFICE = re.compile(r"(?:本镇|本乡|本街道|镇|乡|街道)[\u4e00-\u9fff]{2,10}(?:办|办公室|中心|所|站|队|中队|科)")


# … or in a township's or a street's own list, an office named with no place at all (盱眙县马坝镇's 实施机构 「综合行政执法局」,
# 「社会事业局」, 「农业农村服务中心」, 「自然资源和规划所」, 2026-12-06): its own, as a county's would carry the county's name
_TOWNSHIP_BODY = re.compile(r".*(?:镇|乡|街道)(?:人民政府|办事处)$")
_BARE_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:中心|所|站|办|办公室|队|局)")


def internal_unit(holder: str, naming: Naming) -> bool:
    """True when a 行使主体 / 责任主体 names an internal unit of the file's department (国际交流与合作处):
    no place of its own and a unit's word at its end."""
    text = squeeze(holder).strip("，,。；;、:：")
    if _OWN_CORPS.fullmatch(text):
        return True  # 渝中区应急管理局's 实施机构 「执法支队」, 滨海新区城市管理委员会's 「综合执法支队」: its corps, named bare
    if _TOWNSHIP_OFFICE.fullmatch(text):
        return True  # 九资河镇's 实施机构 「镇农业服务中心」, 「镇社会事务办」: the township's own offices, named without its name
    if _TOWNSHIP_BODY.fullmatch(naming.department or "") and _BARE_OFFICE.fullmatch(text) \
            and not re.search(r"[省市州盟县区旗镇乡]|街道", text):  # (no place's word at all: 周庄镇综合行政执法局 is named)
        return True
    if not (_UNIT.search(text) or _POLICE_UNIT.search(text)) or _place_prefix(text, naming.context):
        return False
    if text.endswith("办公室") and any(w in text for w in ("政府", "委员会", "指挥部", "领导小组")):
        return False  # 省森林防火指挥部办公室, 县人民政府办公室: a body's office that acts in its own name
    return len(text) <= 14


# A public institution (事业单位) that serves the public for a department and holds no administrative power of its
# own (三门峡市图书馆 as 责任主体 of 三门峡's 公共图书馆免费开放服务): the department's unit that does the work, not a
# department. Not the 中心 of 社会保险 or 住房公积金, which law lets act in their own name.
_INSTITUTION = re.compile(r"(?:图书馆|博物馆|博物院|文化馆|群众艺术馆|美术馆|纪念馆|科技馆|文化站|综合文化站|少年宫|"
                          r"青少年宫|体育馆|体育场|小学|中学|学校|幼儿园|医院|卫生院|妇幼保健院|妇幼保健计划生育服务中心)$")


def own_units(holder: str, naming: Naming) -> bool:
    """True when a 行使主体 / 实施机构 names only the department's own units (internal units, its bare corps, public
    institutions serving for it), one or several: 渝中区's 「安全生产基础科、执法支队」."""
    parts = joint_bodies(holder)
    return bool(parts) and all(internal_unit(p, naming) or public_institution(p) for p in parts)


def public_institution(holder: str) -> bool:
    """True when a 行使主体 / 责任主体 names one public institution (图书馆, 博物馆, 文化馆, 学校, 医院 …); not a 档案馆,
    which often publishes a list of its own, nor bodies named together (三门峡市公安局、三门峡市中心医院)."""
    text = squeeze(holder).strip("，,。；;、:：")
    return bool(_INSTITUTION.search(text)) and len(joint_bodies(text)) == 1


def _own_institution(text: str, naming: Naming) -> bool:
    """A public institution of the list's own place (or named without one): 三门峡市图书馆 in 三门峡's list, not
    河南省人民医院."""
    return public_institution(text) and _place_prefix(text, naming.context) in ("", naming.jurisdiction)


# The enforcement corps a department names after its own name (上海市水务局执法总队; a 公安局's police corps, 滕州市公安局
# 交通警察大队): the department's own unit, acting in the department's name.
_OWN_CORPS = re.compile(r"(?:行政执法|综合行政执法|综合执法|执法|稽查|监察|督察|交通警察|交警|治安警察|巡逻警察|巡警|特警|刑事侦查|刑警)"
                        r"(?:总队|支队|大队|中队)")
# The corps the reform of 综合行政执法 gave a department, named after its field, not its name
# (衡阳县农业综合行政执法大队 of 衡阳县农业农村局, 南宁市市场监管综合行政执法支队 of 南宁市市场监督管理局,
# 某县自然资源执法监察大队): the field, then what it does, then the corps.
# (瑞金's 卫生健康综合监督执法局 in 卫生健康委员会's list: the same, named a 局; not a 稽查局, which law makes a body)
_FIELD_CORPS = re.compile(r"(.+?)(?:(?:综合)?(?:行政)?(?:执法|稽查|监察|督察|监督){1,2}(?:总队|支队|大队)|综合监督执法局)")
_DEPARTMENT_END = re.compile(r"(?:局|厅|委员会|委)$")
# Two characters many departments' names begin with: no field of their own (行政审批服务局, 城乡规划局, 人民政府).
_GENERIC_START = ("行政", "综合", "人民", "城乡", "城市")
# A field whose corps is not named with the department's first two characters or its whole stem: how the
# department's stem (its name without place and 局 / 委员会) begins, the field's names.
_FIELD_NAMES = {"水利": ("水政", "水务"), "水务": ("水政", "水利"), "人力资源和社会保障": ("劳动保障", "劳动监察"),
                "住房和城乡建设": ("城建", "建设", "住建"), "城市管理": ("城管", "城市管理")}


def _field_corps(full: str, own: str, context: list | None = None) -> bool:
    """Whether ``full`` is the corps of ``own``'s field in ``own``'s place (see _FIELD_CORPS): the same place
    first, then a field that begins with the department's stem (城市管理 for 城市管理局), its first two characters
    when they are its own (市场监管 for 市场监督管理局; not 行政 of 行政审批服务局, 城市 of 城市规划局) or one of its
    field's names (水政 for 水利局)."""
    place = _place_prefix(own, context)
    if not place or _place_prefix(full, context) != place:
        return False
    own_at, full_at = _place_split(own, context)[1], _place_split(full, context)[1]
    stem = _DEPARTMENT_END.sub("", own[own_at:])
    corps = _FIELD_CORPS.fullmatch(full[full_at:])
    if len(stem) < 2 or not corps:
        return False
    field = corps.group(1)
    names = [n for start, ns in _FIELD_NAMES.items() if stem.startswith(start) for n in ns]
    short = () if stem.startswith(_GENERIC_START) else (stem[:2],)
    return len(field) >= 2 and field.startswith((stem, *short, *names))


# A body named with its own subordinates: 「国家税务总局莆田市税务局及所属县（区）税务局」, 「市市场监管局及其派出机构」 — the body.
_OWN_SUBORDINATES = re.compile(r"(?:及|和|以及)(?:其)?(?:所属|下属|派出|各级|各)[^、，,；;]*$")


def holder_department(holder: str, naming: Naming) -> str:
    """The department a record's 行使主体 names when it is another body than the file's; "" when the
    record stays with the file's department: none named, the file's own body in another spelling
    (市交通运输局, 地州市农业农村局, 克拉玛依市发展和改革委员会（粮食和物资储备局）), a role
    (地州市商务主管部门, 市人民政府, 各区分局), the body with its own subordinates (…税务局及所属县（区）税务局), an
    internal unit of its own (国际交流与合作处), a public institution that serves for it (三门峡市图书馆) or its own
    enforcement corps (上海市水务局执法总队, 衡阳县农业综合
    行政执法大队: `_field_corps`), or no body at all. A joint power (…、…) stays with the file when one of its
    bodies is the file's own (or a role); else it goes to the first body named, the lead (牵头) by the lists'
    custom: in a combined catalogue the file's department is only its most frequent body, which a joint power
    of two others is not."""
    text = _OWN_SUBORDINATES.sub("", squeeze(holder).strip("，,。；;、:："))
    own = naming.department
    if not text or not own or generic_office(text) or internal_unit(text, naming) or _own_institution(text, naming):
        return ""
    parts = joint_bodies(text)
    if len(parts) > 1:
        named = [holder_department(part, naming) for part in parts]
        return "" if "" in named else named[0]
    variants = list(dict.fromkeys([text, re.sub(r"[（(][^（()）]*[)）]$", "", text)]))
    note = re.search(r"[（(]([^（()）]*)[)）]$", text)
    if note:
        variants.append(re.sub(r"承办$|负责$|具体承办$", "", note.group(1)))
    place = naming.jurisdiction
    named = []
    for variant in variants:
        if not variant:
            continue
        aliased = _alias(variant, place)
        full = aliased[0] if aliased else complete_name(variant, place, naming.context)
        if full == own or variant == own or _same_body(full, own, place):
            return ""
        if full.startswith(own) and _OWN_CORPS.fullmatch(full[len(own):]):
            return ""  # 上海市水务局执法总队 in 上海市水务局's list
        if _field_corps(full, own, naming.context):
            return ""  # 衡阳县农业综合行政执法大队 in 衡阳县农业农村局's list
        named.append((variant, full))
    variant, full = named[0]
    if any(w in variant for w in _ROLE_WORDS) or not _is_body(variant):
        return ""
    if variant.startswith(_MULTI_LEVEL) and not _place_prefix(variant, naming.context):
        return ""
    if _GOVERNMENT.search(variant):
        where = _place_prefix(variant, naming.context)
        if not where or where == place:
            return ""  # 市人民政府: the government the file's department acts for
    return full


# Between two bodies a 行使主体 names together: a list mark, or 和 / 及 / 与 after a body's word and before a
# place's (市公安局和市交通运输局; not the 和 inside 住房和城乡建设局).
_JOINT = re.compile(r"[、，,；;/／]|(?<=[局委办厅队站所院心府])(?:和|及|与|会同)(?=[省市县区州旗镇乡])")
# A lead's or a helper's mark after a body's name: 市公安局（牵头）, 市交通运输局(配合).
_JOINT_ROLE = re.compile(r"[（(](?:牵头|主办|主责|配合|协办|参与)[）)]")


def joint_bodies(holder: str) -> list[str]:
    """The bodies a 行使主体 names together (县自然资源局、县林业局; 市公安局（牵头）和市交通运输局), in their
    order, without their lead's or helper's marks; one for a single body."""
    text = _JOINT_ROLE.sub("", squeeze(holder)).strip("，,。；;、:：")
    return [p for p in _JOINT.split(text) if p]


def _everyday(spelled: str, place: str) -> bool:
    """True when `spelled` is the everyday name of the place `place` (融水县 of 融水苗族自治县)."""
    try:
        found = divisions().resolve(place)
    except Ambiguous:
        return False
    return found is not None and everyday_name(found) == spelled



# The full name of a short form that stands for one name only (文旅局, 城管执法局, 卫健委 — 卫生健康委员会 or
# 卫生健康局 —, 发改委 and 教体局 stand for several by level and place: kept).
_FULL_FORMS = {
    "市场监管局": "市场监督管理局", "住建局": "住房和城乡建设局", "人社局": "人力资源和社会保障局",
    "医保局": "医疗保障局", "林草局": "林业和草原局", "退役军人局": "退役军人事务局", "应急局": "应急管理局",
}
# What stands before a short form that is a body's whole name: a place (渝中区, 克拉玛依市) or a place's word.
_BEFORE_SHORT = re.compile(r"(?:^|[省市县区旗州盟镇乡]|街道)$")


def full_form(name: str) -> str:
    """渝中区市场监管局 -> 渝中区市场监督管理局: a body's name in its full form when it is a place and a short
    form of one name (the department's list and another's rows then name it alike); 行政审批局 and
    市场监管局稽查局 are not short forms of anything."""
    for short, full in _FULL_FORMS.items():
        if name.endswith(short) and _BEFORE_SHORT.search(name[: -len(short)]):
            return name[: -len(short)] + full
    return name


def _same_body(full: str, own: str, place: str) -> bool:
    """克拉玛依市交通运输局 and 克拉玛依市交通运输局 in another spelling of the same place; the file's
    department named with the places above its own (贵州省黔南布依族苗族自治州三都水族自治县交通运输局, from
    the title) and a record's 三都水族自治县交通运输局; and the body in a short form (上海市浦东新区城市管理行政执法局
    and a record's 浦东新区城管执法局, 海淀区卫健委, 区住建局)."""
    if not place or place not in own:
        return False
    where, n = _place_split(full)
    return where == place and body_key(full[n:]) == body_key(own[own.rindex(place) + len(place):])


def department_place(name: str, naming: Naming) -> str:
    """The jurisdiction of a department a record names (its own place, else the file's)."""
    return _place_prefix(name, naming.context) or naming.jurisdiction
