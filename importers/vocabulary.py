"""Controlled vocabularies of a list: power types, levels, responsibility kinds and stages.

The words live in TOML files beside the mappings (power_types.toml, levels.toml, stages.toml), so a
new local spelling is a data change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from importers.mapping import read_data_file, squeeze


@dataclass(frozen=True)
class PowerType:
    name: str
    code: str


@cache
def _type_table() -> dict[str, PowerType]:
    table: dict[str, PowerType] = {}
    for entry in read_data_file("power_types.toml")["type"]:
        pt = PowerType(entry["name"], entry["code"])
        for word in [entry["name"], entry["code"], entry.get("letters", ""), *entry.get("aliases", [])]:
            if word:
                table[squeeze(word).upper()] = pt
        table[str(int(entry["code"]))] = pt  # a numeric column read as 1.0 arrives as "1"
    return table


def normalize_type(text: str) -> PowerType | None:
    """行政\\n处罚 / 处罚 / 02 / CF -> 行政处罚 (02); None for an empty or unknown value."""
    word = squeeze(text).upper()
    if not word:
        return None
    table = _type_table()
    for candidate in (word, word.removesuffix("类"), word.removesuffix("事项")):
        if candidate in table:
            return table[candidate]
    return None


def type_from_sheet_name(name: str) -> PowerType | None:
    """A sheet named after one type (行政处罚（254项）) -> that type."""
    word = re.sub(r"[（(].*$", "", squeeze(name))
    return normalize_type(word) if len(word) >= 4 else None


@cache
def _levels() -> tuple[dict[str, str], dict[str, str]]:
    data = read_data_file("levels.toml")
    keywords = {squeeze(w): level for level, words in data["keywords"].items() for w in words}
    hints = {squeeze(w): level for level, words in data["scope_hints"].items() for w in words}
    return keywords, hints


def normalize_level(text: str) -> str | None:
    """地州市级 -> city, 县市区级 -> county ...; None when the text is not a level keyword."""
    word = squeeze(text)
    keywords, _ = _levels()
    if word in keywords:
        return keywords[word]
    # Short cells with one keyword plus decoration (地州市级（含…）); long cells are scope text.
    if len(word) <= 12:
        found = {level for kw, level in keywords.items() if kw.endswith("级") and kw in word}
        if len(found) == 1:
            return found.pop()
    return None


def level_from_scope(text: str) -> str | None:
    """负责市本级… -> city: only phrases that name the implementing level unambiguously."""
    word = squeeze(text)
    _, hints = _levels()
    found = {level for hint, level in hints.items() if hint in word}
    return found.pop() if len(found) == 1 else None


def level_from_sheet_name(name: str) -> str | None:
    """A sheet named after a level (林草: 地州级 / 区县级) gives its rows' default level."""
    word = squeeze(name)
    keywords, _ = _levels()
    found = {level for kw, level in keywords.items() if kw.endswith("级") and kw in word}
    return found.pop() if len(found) == 1 else None


@cache
def duty_kinds() -> dict[str, str]:
    """Heading word -> kind (直接实施 / 指导监督)."""
    data = read_data_file("stages.toml")
    return {squeeze(w): kind for kind, words in data["kinds"].items() for w in words}


@cache
def duty_stages() -> dict[str, str]:
    """Stage word -> stage, longest words first so 事后监管 wins over 监管."""
    data = read_data_file("stages.toml")
    pairs = [(squeeze(w), s["name"]) for s in data["stage"] for w in [s["name"], *s.get("aliases", [])]]
    return dict(sorted(pairs, key=lambda p: -len(p[0])))
