"""Known places (importers/mappings/jurisdictions.toml) and the chain from a province down to one."""
from __future__ import annotations

from functools import cache

from importers.mapping import read_data_file


@cache
def known() -> dict[str, dict]:
    """name or alias -> {name, level, code, parent}."""
    table: dict[str, dict] = {}
    for entry in read_data_file("jurisdictions.toml").get("jurisdiction", []):
        item = {"name": entry["name"], "level": entry["level"], "code": entry.get("code"),
                "parent": entry.get("parent")}
        for name in [entry["name"], *entry.get("aliases", [])]:
            table[name] = item
    return table


def guess_level(name: str) -> str:
    """The level a place name's ending suggests, for places not in the table."""
    if name.endswith(("省", "自治区")):
        return "province"
    if name.endswith(("街道", "镇", "乡", "苏木")):
        return "township"
    if name.endswith(("县", "区", "旗")):
        return "county"
    return "city"


def resolve(name: str) -> dict:
    """{name, level, code, parent} of a place. An unknown place gets its level from its ending, and
    as parent the known place its name starts with (长沙市某某区 -> 长沙市), if any."""
    table = known()
    entry = table.get(name)
    if entry:
        return entry
    above = [j for j in table if name.startswith(j) and len(name) > len(j)]
    parent = table[max(above, key=len)]["name"] if above else None
    return {"name": name, "level": guess_level(name), "code": None, "parent": parent}


def jurisdiction_chain(name: str, level: str | None = None) -> list[dict]:
    """[{name, level, code}, …] from the top known ancestor down to `name` (last); [] for no place ("")."""
    if not name:
        return []
    entry = dict(resolve(name))
    if level and entry.get("code") is None and name not in known():
        entry["level"] = level
    chain = [entry]
    seen = {entry["name"]}
    while chain[0].get("parent") and chain[0]["parent"] not in seen:
        parent = resolve(chain[0]["parent"])
        seen.add(parent["name"])
        chain.insert(0, parent)
    return [{"name": e["name"], "level": e["level"], "code": e.get("code")} for e in chain]


def by_code(code: str) -> str | None:
    """The name of the known place with this area code (6 or 12 digits; trailing zeros ignored);
    None for an unknown or empty code."""
    wanted = (code or "").strip().rstrip("0")
    if not wanted:
        return None
    for entry in known().values():
        if entry.get("code") and entry["code"].rstrip("0") == wanted:
            return entry["name"]
    return None
