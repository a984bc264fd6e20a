"""Places: China's divisions (kb.places, 国家统计局 2023) as the graph names them, and the chain from a
province down to one.

The national hierarchy decides a place's level, code and parents; `importers/mappings/jurisdictions.toml`
only holds overrides (places the statistics do not list, such as 湖南湘江新区, and extra aliases).

A `Jurisdiction` node is named by the place's name when that name is the only one of its kind
(浏阳市, 株洲市, 荷塘区). A township is named with its county in front (浏阳市集里街道: 城关镇 alone is
the name of 88 places), and a county or city whose name several places carry with its parent in front
(石家庄市新华区, 平顶山市新华区). Its `code` and `level` come from kb.places.

Names are read from the start of a text (湖南省株洲市荷塘区市场监督管理局 -> 荷塘区), each place below
the one before. A name several places carry is decided by the context (the province or city the rest
of a file names); when that cannot decide it, `Ambiguous` is raised with the candidates and their
codes, never a guess.
"""
from __future__ import annotations

import re
from functools import cache

from importers.mapping import read_data_file
from kb.places import Ambiguous, Place, area_code, divisions

__all__ = [
    "Ambiguous",
    "by_code",
    "context_places",
    "guess_level",
    "is_qualified",
    "jurisdiction_chain",
    "leading_place",
    "node_name",
    "overrides",
    "place_of",
    "resolve",
]

_LONGEST_NAME = 24
# Township names matched inside a text must look like one (镇, 乡, 街道 …): the statistics also list
# 开发区 / 农场 / 管理委员会 at that level, words that start many body names.
_TOWNSHIP_ENDINGS = ("镇", "乡", "街道", "苏木", "民族乡")


@cache
def overrides() -> dict[str, dict]:
    """name or alias -> {name, level, code, parent}: jurisdictions.toml (places kb.places lacks)."""
    table: dict[str, dict] = {}
    for entry in read_data_file("jurisdictions.toml").get("jurisdiction", []):
        item = {"name": entry["name"], "level": entry["level"], "code": entry.get("code"),
                "parent": entry.get("parent")}
        for name in [entry["name"], *entry.get("aliases", [])]:
            table[name] = item
    return table


@cache
def aliases() -> dict[str, Place]:
    """Other names of places the divisions list (jurisdictions.toml [[alias]]: 济源示范区 -> 济源市)."""
    d = divisions()
    out = {}
    for entry in read_data_file("jurisdictions.toml").get("alias", []):
        place = d.get(entry["code"])
        if place is None:
            raise ValueError(f"jurisdictions.toml：别称 {entry['name']} 的区划代码 {entry['code']} 不在全国行政区划表中")
        out[entry["name"]] = place
    return out


def guess_level(name: str) -> str:
    """The level a place name's ending suggests, for places in no table."""
    if name.endswith(("省", "自治区")):
        return "province"
    if name.endswith(("街道", "镇", "乡", "苏木")):
        return "township"
    if name.endswith(("县", "区", "旗")):
        return "county"
    return "city"


@cache
def _repeated_names() -> frozenset[str]:
    """Full names that more than one place carries."""
    seen: dict[str, int] = {}
    for p in divisions().by_code.values():
        seen[p.name] = seen.get(p.name, 0) + 1
    return frozenset(n for n, k in seen.items() if k > 1)


def node_name(place: Place) -> str:
    """The Jurisdiction name of a place (see the module's docstring)."""
    parent = divisions().get(place.parent) if place.parent else None
    if parent and (place.level == "township" or place.name in _repeated_names()):
        return node_name(parent) + place.name
    return place.name


def _entry(place: Place) -> dict:
    parent = divisions().get(place.parent) if place.parent else None
    return {"name": node_name(place), "level": place.level, "code": place.code,
            "parent": node_name(parent) if parent else None, "place": place}


@cache
def _node_names() -> dict[str, Place]:
    """Jurisdiction names that are not a place's own name (浏阳市集里街道, 石家庄市新华区) -> the place."""
    out = {}
    for p in divisions().by_code.values():
        if p.level == "township" or p.name in _repeated_names():
            out[node_name(p)] = p
    return out


def _within(place: Place, above: Place | None) -> bool:
    return above is None or (place.code != above.code and divisions().within(place, above))


def _pick(found: list[Place], name: str, context: list[Place]) -> Place:
    """The one place among `found`: the only one within a place of the context, or the only one whose
    full name this is; Ambiguous otherwise."""
    if len(found) > 1 and context:
        d = divisions()
        for c in sorted(context, key=lambda c: -len(d.chain(c))):  # the most specific place first
            inside = [p for p in found if d.within(p, c)]
            if len(inside) == 1:
                return inside[0]
        inside = [p for p in found if any(d.within(p, c) for c in context)]
        found = inside or found
    if len(found) > 1:
        exact = [p for p in found if p.name == name]
        found = exact if len(exact) == 1 else found
    found = divisions().outermost(found)
    if len(found) > 1:
        raise Ambiguous(name, sorted(found, key=lambda p: p.code))
    return found[0]


def _step(rest: str, above: Place | None, context: list[Place]) -> tuple[Place | dict, int] | None:
    """The longest place name at the start of `rest` (below `above` when given) and its length."""
    d = divisions()
    for n in range(min(len(rest), _LONGEST_NAME), 1, -1):
        word = rest[:n]
        override = overrides().get(word)
        if override and (above is None or override.get("parent") == node_name(above)):
            return override, n
        if above is None and word in _node_names():
            return _node_names()[word], n
        if word in aliases() and _within(aliases()[word], above):
            return aliases()[word], n
        found = [p for p in d.named(word) if _within(p, above)
                 and (p.level != "township" or p.name.endswith(_TOWNSHIP_ENDINGS))]
        if found:
            return _pick(found, word, context), n
    return None


def leading_place(text: str, context: list[Place] | None = None) -> tuple[dict | None, int]:
    """The place a text starts with, followed down (湖南省株洲市荷塘区… -> 荷塘区), and how many
    characters name it: ({name, level, code, parent, place}, n) or (None, 0). Raises Ambiguous."""
    context = context or []
    current: Place | dict | None = None
    pos = 0
    while pos < len(text):
        above = current if isinstance(current, Place) else None
        if current is not None and above is None:
            break  # an override (湖南湘江新区) has nothing below it here
        step = _step(text[pos:], above, context)
        if step is None:
            break
        current, n = step
        pos += n
    if current is None:
        return None, 0
    return (_entry(current) if isinstance(current, Place) else {**current, "place": None}), pos


@cache
def _upper_places() -> tuple[Place, ...]:
    """The provinces and cities whose names are told apart by their names alone."""
    return tuple(p for p in divisions().by_code.values()
                 if p.level in ("province", "city") and p.name not in _repeated_names())


def context_places(texts: list[str]) -> list[Place]:
    """The provinces and cities a file names anywhere (its title, file name, 行使主体 …): what decides
    a repeated name such as 新华区."""
    out: dict[str, Place] = {}
    for text in texts:
        for p in _upper_places():
            if p.name in text:
                out[p.code] = p
    return list(out.values())


def resolve(name: str, context: list[Place] | None = None) -> dict:
    """{name, level, code, parent} of a place named by `name` (a Jurisdiction name, a place's name, an
    alias or a path such as 湖南省株洲市). A name no table knows gets its level from its ending and as
    parent the known place it starts with (长沙市某某区 -> 长沙市), if any. Raises Ambiguous."""
    name = (name or "").strip()
    if name in overrides():
        return dict(overrides()[name])
    if name in _node_names():
        return _strip(_entry(_node_names()[name]))
    found, n = leading_place(name, context)
    if found and n == len(name):
        return _strip(found)
    parent = found["name"] if found else None
    return {"name": name, "level": guess_level(name), "code": None, "parent": parent}


def place_of(name: str) -> Place | None:
    """The place of kb.places a Jurisdiction name stands for; None for overrides and unknown names."""
    name = (name or "").strip()
    if name in _node_names():
        return _node_names()[name]
    if name in aliases():
        return aliases()[name]
    if name in overrides():
        return None
    try:
        found, n = leading_place(name)
    except Ambiguous:
        return None
    return found["place"] if found and n == len(name) else None


def is_qualified(name: str) -> bool:
    """True for a Jurisdiction name with its parent in front (浏阳市集里街道, 平顶山市新华区)."""
    return name in _node_names()


def _strip(entry: dict) -> dict:
    return {k: entry[k] for k in ("name", "level", "code", "parent")}


def jurisdiction_chain(name: str, level: str | None = None) -> list[dict]:
    """[{name, level, code}, …] from the top ancestor down to `name` (last); [] for no place ("")."""
    if not name:
        return []
    entry = resolve(name)
    if level and entry.get("code") is None and name not in overrides():
        entry["level"] = level
    chain = [entry]
    seen = {entry["name"]}
    while chain[0].get("parent") and chain[0]["parent"] not in seen:
        parent = resolve(chain[0]["parent"])
        seen.add(parent["name"])
        chain.insert(0, parent)
    return [{"name": e["name"], "level": e["level"], "code": e.get("code")} for e in chain]


def by_code(code: str) -> str | None:
    """The Jurisdiction name of the place with this area code (2, 4, 6, 9 or 12 digits: 430200,
    430202999000); None for an unknown or empty code."""
    wanted = area_code(code or "")
    if not wanted or set(wanted) == {"0"}:
        return None
    for entry in overrides().values():
        if entry.get("code") and area_code(entry["code"]) == wanted:
            return entry["name"]
    place = divisions().get(wanted)
    return node_name(place) if place else None


_PLACE_CODE = re.compile(r"^\d{2}(?:\d{2}){0,2}(?:\d{3})?(?:\d{3})?$")


def is_code(text: str) -> bool:
    """True for what looks like an area code (43, 4302, 430200, 430202999000)."""
    return bool(_PLACE_CODE.match((text or "").strip()))
