"""What a list's sheet names and level cells say, read with the model's vocabularies (kb/model.py,
kb/vocab/*.toml): a new local spelling is a data change there."""
from __future__ import annotations

import re

from kb.model import (
    PowerType,
    level_keywords,
    level_scope_hints,
    levels_named,  # noqa: F401 - read with the others here (importers.lists)
    normalize_level,  # noqa: F401
    power_type,
    squeeze,
)


def type_from_sheet_name(name: str) -> PowerType | None:
    """A sheet named after one type (行政处罚（254项）, 表1 行政许可, 2.行政处罚, 附表三-行政强制, CF行政处罚: its code first;
    许可, 处罚: its own word) -> that type."""
    word = re.sub(r"[（(].*$", "", squeeze(name))
    word = re.sub(r"^(?:附?表[0-9一二三四五六七八九十]{1,3}|[0-9一二三四五六七八九十]{1,3}|[A-Z]{2,4})[、.．\-－_—]?", "", word)
    if len(word) == 2:  # 许可, 处罚 (浙江's sheets): a type's own name, 行政 left out (not 监督 or 备案, which only mean one)
        pt = power_type("行政" + word)
        return pt if pt is not None and pt.name == "行政" + word else None
    return power_type(word) if len(word) >= 4 else None


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
