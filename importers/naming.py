"""Who published a list: the department's full name, its jurisdiction and the list's version.

Files name their publisher in many ways (国动办, 市机关事务管理局, 克拉玛依市林业和草原系统…). The
name is taken from the first source that yields one, in this order: the explicit option, the mapping,
the title row, a 部门名称 row, the file name, the most common 行使主体; short forms are completed
with the jurisdiction and odd spellings go through the alias table in mappings/departments.toml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from importers import jurisdictions
from importers.mapping import read_data_file, squeeze

# Endings of a body that can publish a list (局, 委员会, 办公室 …); 系统 / 目录 are not bodies.
_BODY_ENDINGS = ("局", "委员会", "委", "办公室", "办", "厅", "院", "中心", "站", "所", "队", "会", "室", "部",
                 "处", "署", "馆", "政府", "管委会", "分局", "支队", "大队", "公司", "社", "科")
# Words that stand for "this level" rather than a place (地州市农业农村局, 县市区…).
_GENERIC_PLACES = ("地州市级", "地州市", "县市区", "市县区", "自治区", "各区", "本市", "全市", "省", "市", "县", "区", "州")
# Words that start with a level character but are not "this level + body" (市场监督管理局 is not 市 + 场…).
_NOT_PLACE_WORDS = ("市场", "市政", "市容", "区域", "县域", "省级", "市级", "州级", "区级", "县级")
_LIST_WORDS = ("权责清单", "责任清单", "权力清单", "权力和责任清单", "公共服务事项清单", "服务事项清单", "清单", "指导目录",
               "目录", "公示")
_NOT_PLACE = "|".join(_NOT_PLACE_WORDS)


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


@dataclass
class Naming:
    department: str
    department_source: str  # option / mapping / title / department_row / filename / holder / ""
    jurisdiction: str
    jurisdiction_level: str
    version: str


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
    text = re.sub(r"^附件\d*[:：]?", "", text)
    text = re.sub(r"[（(]\d+[)）]$", "", text)  # "… (1)" download copies
    text = re.sub(r"(?:19|20)\d{2}(?:年度|年)?", "", text)
    for word in _LIST_WORDS:
        if word in text:
            text = text[: text.index(word)]
            break
    # 林草: 克拉玛依市林业和草原系统地县两级 / …地州级 -> the body without the levels it covers.
    text = re.sub(r"[地州市县区乡镇省自治]{1,5}(?:两级|三级|四级|级)$", "", text)
    return text.strip("的:：,，、")


def _is_body(name: str) -> bool:
    return len(name) >= 3 and name.endswith(_BODY_ENDINGS)


def _place_prefix(name: str) -> str:
    """The jurisdiction a name starts with; "" when it names none.

    A known place (jurisdictions.toml) is followed down: 长沙市天心区教育局 -> 天心区 (a known child),
    湖南省长沙市浏阳市… -> 浏阳市, 长沙市某某区… -> 长沙市某某区 (an unknown county-level name keeps its
    known parent in front, so the chain still runs through 长沙市). Otherwise a …市/县/区 prefix.
    """
    table = jurisdictions.known()
    known = [j for j in table if name.startswith(j) and len(name) > len(j) and not _runs_on(j, name, table)]
    if not known:
        return _place_word(_PLACE_RE, name)
    matched = max(known, key=len)
    place = table[matched]["name"]
    rest = name[len(matched):]
    if any(rest.startswith(j) and len(rest) > len(j)
           and place in (e["name"] for e in jurisdictions.jurisdiction_chain(j)[:-1]) for j in table):
        return _place_prefix(rest)  # a known place below this one, and maybe one below that
    below = _PLACE_RE if table[matched]["level"] == "province" else _CHILD_RE  # 湖南省株洲市 / 长沙市某某区
    unknown = _place_word(below, rest)
    return place + unknown if unknown else place


def _runs_on(alias: str, name: str, table: dict[str, dict]) -> bool:
    """An alias followed by a place ending is part of another name: 克拉玛依 in 克拉玛依区 is not 克拉玛依市."""
    after = name[len(alias):len(alias) + 2]
    return alias != table[alias]["name"] and after[:1] in "市县区旗州盟" and after not in _NOT_PLACE_WORDS


def _place_word(pattern: re.Pattern, text: str) -> str:
    """The place name `pattern` finds at the start of `text`; "" for generic words (县市区, 自治区)."""
    m = pattern.match(text)
    if not m or m.group(1) in _GENERIC_PLACES or m.group(1).startswith(_GENERIC_PLACES[:5]):
        return ""
    if "局" in m.group(1) or "厅" in m.group(1):  # 商务局开发区: a body, not a place
        return ""
    return m.group(1)


def _alias(phrase: str, jurisdiction: str) -> tuple[str, str] | None:
    """Full name and jurisdiction for an alias; None when no alias (or an ambiguous one) matches."""
    hits = {}
    bare = phrase[len(jurisdiction):] if jurisdiction and phrase.startswith(jurisdiction) else phrase
    for alias, full, where in _department_aliases():
        if alias in (phrase, bare) and (not jurisdiction or not where or where == jurisdiction):
            hits[full] = where
    return next(iter(hits.items())) if len(hits) == 1 else None


def complete_name(name: str, jurisdiction: str) -> str:
    """市机关事务管理局 + 克拉玛依市 -> 克拉玛依市机关事务管理局; names with a place are kept."""
    if not jurisdiction or name.startswith(jurisdiction):
        return name
    for generic in _GENERIC_PLACES:
        if name.startswith(generic) and len(name) > len(generic) + 1 and not name.startswith(_NOT_PLACE_WORDS):
            return jurisdiction + name[len(generic):]
    if _place_prefix(name):
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
) -> Naming:
    """Department, jurisdiction and version of one list file."""
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
    candidates += [(h, "holder") for h, _ in holders.most_common(3)]

    if not place:
        place = _place_from_texts([t for t, _ in candidates])

    name, source = "", ""
    for text, src in candidates:
        phrase = department_phrase(text) if src not in ("option", "mapping") else squeeze(text)
        if not phrase:
            continue
        # 克拉玛依市发展和改革委员会（粮食和物资储备局）: try the name without its trailing note too.
        for variant in dict.fromkeys([phrase, re.sub(r"[（(][^（()）]*[)）]$", "", phrase)]):
            aliased = _alias(variant, place)
            if aliased:
                name, source = aliased[0], src
                place = place or aliased[1]
                break
            if src in ("option", "mapping") or _is_body(variant):
                place = place or _place_prefix(variant)
                name, source = complete_name(variant, place), src
                break
        if name:
            break

    version = ""
    for text in [*titles, stem]:
        m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
        if m:
            version = m.group(1)
            break
    return Naming(name, source, place, jurisdiction_level(place), version)


def _place_from_texts(texts: list[str]) -> str:
    """The first jurisdiction a title, file name or holder starts with."""
    for text in texts:
        phrase = department_phrase(text) or squeeze(text)
        prefix = _place_prefix(phrase)
        if prefix:
            return prefix
    return ""
