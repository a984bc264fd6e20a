"""What a list's sheet names and level cells say, read with the model's vocabularies (kb/model.py,
kb/vocab/*.toml): a new local spelling is a data change there."""
from __future__ import annotations

import re

from kb.model import LEVEL_RANK, PowerType, level_keywords, level_scope_hints, power_type, squeeze


def type_from_sheet_name(name: str) -> PowerType | None:
    """A sheet named after one type (行政处罚（254项）, 表1 行政许可, 2.行政处罚, 附表三-行政强制, CF行政处罚: its code first;
    许可, 处罚: its own word) -> that type."""
    word = re.sub(r"[（(].*$", "", squeeze(name))
    word = re.sub(r"^(?:附?表[0-9一二三四五六七八九十]{1,3}|[0-9一二三四五六七八九十]{1,3}|[A-Z]{2,4})[、.．\-－_—]?", "", word)
    if len(word) == 2:  # 许可, 处罚 (浙江's sheets): a type's own name, 行政 left out (not 监督 or 备案, which only mean one)
        pt = power_type("行政" + word)
        return pt if pt is not None and pt.name == "行政" + word else None
    return power_type(word) if len(word) >= 4 else None


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


def levels_named(text: str) -> list[str]:
    """The levels a short level cell names, in rank order: 省级、市级、县级 -> [province, city, county]; 市县两级 ->
    [city, county]; 市级 -> [city]; [] for scope text or a cell that names none."""
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


def level_from_scope(text: str) -> str | None:
    """负责市本级… -> city: only phrases that name the implementing level unambiguously."""
    word = squeeze(text)
    found = {level for hint, level in level_scope_hints().items() if hint in word}
    return found.pop() if len(found) == 1 else None


def level_from_sheet_name(name: str) -> str | None:
    """A sheet named after a level (林草: 地州级 / 区县级) gives its rows' default level."""
    word = squeeze(name)
    found = {level for kw, level in level_keywords().items() if kw.endswith("级") and kw in word}
    return found.pop() if len(found) == 1 else None
