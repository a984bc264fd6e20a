"""Hunan "一件事一次办" catalogue files -> GuideDocument.

Three shapes come from the Hunan crawl:

- the catalogue (`onething_guides*.json`): {"themes": [{theme…, "implementations": [...]}]} ->
  themes and one ThingImplementation per place;
- the theme list (`themes.json`): [{theme_code, theme_title, type_name}] -> themes only, no
  implementations (nothing in it says where or by whom a theme is implemented);
- a raw portal reply (`raw/onething/implementations/<theme>/<area>.json`, {code, data{sxbm, sxmc,
  yjsSsqdId}, …}): not a guide. It holds a theme code, its name and a checklist id, all of which the
  catalogue already carries for the same place, and nothing about lead, cooperation or counts.
  `looks_like_guide` says False and `parse_guides` raises NotAGuide (a FileRefused with a warning),
  so an import run reports it as skipped instead of writing a blank implementation.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from importers import jurisdictions
from importers.mapping import read_data_file
from importers.records import FileRefused, GuideDocument, RowError, ThingImplementation
from importers.source import Source, as_source
from kb.model import GUIDE_LEVELS
from kb.places import Place, area_code, divisions

_SNIFF_BYTES = 64_000
_THEME_COUNTERS = ("status", "area_request_count", "area_node_count", "pruned_zero_approve_count",
                   "implementation_count", "unique_guide_count")
_REQUIRED = ("theme_code", "area_code", "area_name", "area_path", "org_level")


class NotAGuide(FileRefused):
    """A file of the one-thing crawl that carries no guide (a raw portal reply)."""


def looks_like_guide(path: str | Path | Source) -> bool:
    """A JSON file naming one-thing themes (catalogue or theme list); raw portal replies are not guides."""
    source = as_source(path)
    if source.suffix.lower() != ".json":
        return False
    try:
        with source.text_stream("utf-8") as handle:  # only the head is decoded, as open() did
            head = handle.read(_SNIFF_BYTES)
    except (OSError, UnicodeDecodeError):
        return False
    if '"theme_code"' in head and '"theme_title"' in head:
        return True
    # another publisher's guide (mappings/guides.toml): a lead department, a name, and the items of the
    # service or the word 一件事 — and none of a list's columns (a 职责边界 list has 牵头部门 and 配合部门 too)
    keys = _declared_keys()
    has = {f: any(f'"{k}"' in head for k in keys[f]) for f in ("lead", "name", "items")}
    listed = any(f'"{k}"' in head for k in ("权力类型", "职权类型", "实施依据", "事项类型", "责任事项"))
    return has["lead"] and has["name"] and (has["items"] or "一件事" in head) and not listed


def parse_guides(path: str | Path | Source) -> GuideDocument:
    """Parse a catalogue or theme list; FileRefused (NotAGuide for a raw reply) otherwise.
    The JSON is the Source's, so a file the list sniffer parsed already is not parsed again."""
    source = as_source(path)
    path = Path(source.path)
    try:
        source.utf8_text()  # guides are UTF-8 only; the error names the first byte that is not
        data = source.json()
    except UnicodeDecodeError as exc:
        raise FileRefused(str(path), [RowError(f"不是 UTF-8 文本（第 {exc.start} 字节：{exc.reason}）")]) from exc
    except json.JSONDecodeError as exc:
        raise FileRefused(str(path), [RowError(f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}",
                                               row=exc.lineno)]) from exc
    sha256 = source.sha256
    if _is_portal_reply(data):
        reply = data["data"]
        raise NotAGuide(str(path), [RowError(
            f"这是政务服务网站对 {reply.get('sxmc', '')}（{reply.get('sxbm', '')}，清单 "
            f"{reply.get('yjsSsqdId', '')}）的原始答复，不是办事指南，已跳过；目录文件中已含这一实施情况",
            severity="warning")])
    if isinstance(data, dict) and isinstance(data.get("themes"), list):
        return _catalogue(path, sha256, data["themes"])
    declared = declared_guides(path, sha256, data)
    if declared is not None:
        return declared
    if isinstance(data, list):
        return GuideDocument(str(path), sha256, _theme_list(path, data))
    raise FileRefused(str(path), [RowError(
        "应为一件事目录（{\"themes\": [...]}）、主题列表（[{theme_code, theme_title}]），或其他地方的办事指南"
        "（每个一件事有名称、主办或牵头部门，以及协办部门或涉及事项：importers/mappings/guides.toml）；"
        f"实际是 JSON {type(data).__name__}，键为 {sorted(data)[:8] if isinstance(data, dict) else '-'}")])


def sector_words(published: str) -> list[str]:
    """The words a department's name carries for a cooperating body named by sector (mappings/sectors.toml):
    公安部门 -> [公安局, 公安分局]; 市监部门 -> [市场监督管理局]; an unlisted sector -> its own word."""
    text = re.sub(r"\s+", "", published or "")
    core = re.sub(r"(?:部门|机关|系统|单位|部)$", "", text)
    table = _sectors()
    return list(table.get(core) or table.get(text) or [core or text])


@cache
def _sectors() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in read_data_file("sectors.toml").get("sectors", {}).items()}


def split_departments(text: str) -> list[str]:
    """'公安部门,人社部门，卫健部门、医保部门' -> four names."""
    return [part.strip() for part in re.split(r"[,，、;；]", text or "") if part.strip()]


def _is_portal_reply(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("data"), dict) and "sxbm" in data["data"]


def _theme_list(path: Path, items: list) -> list[dict]:
    errors: list[RowError] = []
    themes: list[dict] = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("theme_code") or not item.get("theme_title"):
            errors.append(RowError("应为含 theme_code 和 theme_title 的对象", row=index))
            continue
        themes.append({"theme_code": item["theme_code"], "theme_title": item["theme_title"],
                       "type_name": item.get("type_name", "")})
    if errors:
        raise FileRefused(str(path), errors)
    return themes


def _catalogue(path: Path, sha256: str, raw_themes: list) -> GuideDocument:
    errors: list[RowError] = []
    themes: list[dict] = []
    implementations: list[ThingImplementation] = []
    for t_index, theme in enumerate(raw_themes, start=1):
        if not isinstance(theme, dict) or not theme.get("theme_code"):
            errors.append(RowError("主题缺少 theme_code", sheet=f"themes[{t_index}]"))
            continue
        themes.append({"theme_code": theme["theme_code"], "theme_title": theme.get("theme_title", ""),
                       "type_name": theme.get("search_type_name", ""),
                       **{key: theme[key] for key in _THEME_COUNTERS if key in theme}})
        for i_index, item in enumerate(theme.get("implementations") or [], start=1):
            problems = _problems(item)
            if problems:
                errors.extend(RowError(message, sheet=theme["theme_code"], row=i_index, column=column)
                              for column, message in problems)
                continue
            try:
                place = guide_place(item)
            except jurisdictions.Ambiguous as exc:
                errors.append(RowError(f"{exc}（area_code {item.get('area_code')!r} 不能确定是哪一个）",
                                       sheet=theme["theme_code"], row=i_index, column="area_path"))
                continue
            implementations.append(_implementation(item, len(implementations), place))
    if errors:
        raise FileRefused(str(path), errors)
    return GuideDocument(str(path), sha256, themes, implementations)


def _problems(item: Any) -> list[tuple[str, str]]:
    """(column, message) for what an implementation lacks; the writer needs all of it."""
    if not isinstance(item, dict):
        return [("", f"应为实施情况对象，实际是 {type(item).__name__}")]
    problems = [(key, f"实施情况缺少 {key}") for key in _REQUIRED if not item.get(key)]
    if item.get("area_path") and not isinstance(item["area_path"], list):
        problems.append(("area_path", "area_path 必须是列表（市 → 县 → 办理机构）"))
    summary = item.get("guide_summary")
    if not isinstance(summary, dict) or not summary.get("lead_department"):
        problems.append(("guide_summary.lead_department", "实施情况没有写明牵头部门"))
    return problems


def _code_place(code: str) -> Place | None:
    """The place of a portal area code: 430202999000 -> 荷塘区; a code of no place (430101000000,
    长沙市直, the statistics' 市辖区) -> its city, then its province."""
    digits = area_code(code)
    for candidate in (digits, digits[:4] + "00", digits[:2] + "0000"):
        place = divisions().get(candidate) if len(candidate) == 6 or len(candidate) == 9 else None
        if place:
            return place
    return None


def guide_place(item: dict) -> str:
    """The Jurisdiction an implementation is in: its area_path's place (city → county → office: the
    county, or the city for a city office), read with the area code's place as context (a name several
    places carry is decided by it), else the area code's own place."""
    path = [str(p) for p in item.get("area_path") or []]
    name = (path[1] if len(path) > 2 else path[0]) if path else ""
    coded = _code_place(str(item.get("area_code", "")))
    context = divisions().chain(coded) if coded else []
    if name:
        try:
            found = jurisdictions.resolve(name, context)
        except jurisdictions.Ambiguous:
            if not coded:
                raise
            found = {"code": None, "name": ""}
        if found["code"] or found["name"] in jurisdictions.overrides():
            return found["name"]
    if coded:
        return jurisdictions.node_name(coded)
    return name


def _implementation(item: dict, index: int, place: str = "") -> ThingImplementation:
    summary = item["guide_summary"]
    return ThingImplementation(
        jurisdiction=place,
        theme_code=item["theme_code"],
        theme_title=item.get("theme_title", ""),
        area_code=item["area_code"],
        area_name=item["area_name"],
        area_path=[str(part) for part in item["area_path"]],
        org_level=str(item["org_level"]),
        # The place-specific code (43PCN0009224J0181); the top-level one repeats the theme code.
        implementation_code=summary.get("implementation_code") or item.get("implementation_code", ""),
        implementation_name=item.get("implementation_name") or summary.get("title", ""),
        lead_department=summary["lead_department"].strip(),
        cooperating_departments=split_departments(summary.get("cooperating_departments", "")),
        official_guide_url=item.get("official_guide_url", ""),
        metrics=_metrics(summary),
        source_index=index,
        items=guide_items(item),
    )


# How guides name an item's code, name and department (the portal's pinyin keys among them).
_ITEM_KEYS = {"code": ("code", "matter_code", "item_code", "sxbm"),
              "name": ("name", "matter_name", "item_name", "sxmc"),
              "department": ("department", "dept_name", "org_name", "ssbm")}


def guide_items(item: dict) -> list[dict]:
    """The items a guide names (`linked_matters`, in the implementation or its guide_summary), each as
    {code, name, department}; a bare string is a name. Entries with neither code nor name are dropped."""
    summary = item.get("guide_summary") if isinstance(item.get("guide_summary"), dict) else {}
    raw = item.get("linked_matters") or summary.get("linked_matters") or []
    found: list[dict] = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            continue
        row = {field: next((str(entry[k]).strip() for k in keys if entry.get(k)), "")
               for field, keys in _ITEM_KEYS.items()}
        if row["code"] or row["name"]:
            found.append(row)
    return found


def _metrics(summary: dict) -> dict[str, float | int | str | None]:
    """Counts as published; the catalogue has no before-integration figures and no visits."""
    return {
        "materials_after": _number(summary.get("material_count")),
        "days_after": _number(summary.get("completed_limit")),
        "conditions": _number(summary.get("condition_count")),
        "linked_matters": _number(summary.get("linked_matter_count")),
        "service_points": _number(summary.get("service_point_count")),
        "is_charge": _flag(summary.get("is_charge")),
        "materials_before": None,
        "days_before": None,
        "visits_before": None,
        "visits_after": None,
    }


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return value
    text = str(value).strip()
    days = re.fullmatch(r"(\d+)\s*个?(?:工作日|日|天|份|次|件|项)?", text)
    if days:
        return int(days.group(1))
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    return None  # "", "即办"…: not a count, so not invented


def _flag(value: Any) -> bool | None:
    text = str(value).strip() if value is not None else ""
    return {"1": True, "0": False, "true": True, "false": False}.get(text.lower())


# --- guides in other shapes: keys declared in mappings/guides.toml -----------------------------------

@cache
def _declared_keys() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in read_data_file("guides.toml")["keys"].items()}


@cache
def _declared_table(name: str) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in read_data_file("guides.toml")[name].items()}


def _field(obj: dict, keys: tuple[str, ...]) -> Any:
    return next((obj[k] for k in keys if obj.get(k) not in (None, "", [])), None)


def _is_record(obj: Any) -> bool:
    keys = _declared_keys()
    return isinstance(obj, dict) and _field(obj, keys["lead"]) is not None and _field(obj, keys["name"]) is not None


def _records(data: Any, outer: dict | None = None, depth: int = 0) -> tuple[list[dict], dict]:
    """The guide records of a file (objects with a name and a lead department) and what the objects
    around them say for all of them (their place), found up to three levels down."""
    outer = outer or {}
    if isinstance(data, list) and data and 2 * sum(_is_record(x) for x in data) >= len(data):
        return list(data), outer  # most are records: the others are reported by their place in the file
    if isinstance(data, dict) and depth < 3:
        here = {**outer, **{k: v for k, v in data.items() if not isinstance(v, list | dict)}}
        for value in data.values():
            if isinstance(value, list | dict):
                found, around = _records(value, here, depth + 1)
                if found:
                    return found, around
    return [], outer


def _before_after(value: Any) -> tuple[int | float | None, int | float | None]:
    """(before, after) of a count published as {整合前: 22, 整合后: 6}, or a bare count (after)."""
    if isinstance(value, dict):
        table = _declared_table("before_after")
        return _number(_field(value, table["before"])), _number(_field(value, table["after"]))
    return None, _number(value)


def _declared_items(raw: Any) -> list[dict]:
    keys = _declared_table("item_keys")
    found = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            continue
        row = {f: str(_field(entry, ks) or "").strip() for f, ks in keys.items()}
        if row["code"] or row["name"]:
            found.append(row)
    return found


def declared_guides(path: Path, sha256: str, data: Any) -> GuideDocument | None:
    """A guide file whose records use the keys of mappings/guides.toml (主办部门, 协办部门, 涉及事项 …: a
    province's own export); None when it holds no such records."""
    from importers.naming import complete_name, full_form

    records, outer = _records(data)
    if not records:
        return None
    keys = _declared_keys()
    errors: list[RowError] = []
    themes: dict[str, dict] = {}
    implementations: list[ThingImplementation] = []
    for index, record in enumerate(records, start=1):
        if not _is_record(record):
            errors.append(RowError("这个一件事没有名称或主办（牵头）部门", row=index))
            continue
        merged = {**outer, **record}
        name = str(_field(merged, keys["name"])).strip()
        code_text = str(_field(record, keys["code"]) or "").strip()
        area = str(_field(merged, keys["area_code"]) or "").strip()
        area_name = str(_field(merged, keys["area_name"]) or "").strip()
        place = _code_place(area) if area else None
        try:
            if place is None and area_name:
                found = jurisdictions.resolve(area_name)
                place = jurisdictions.place_of(found["name"]) if found.get("code") else None
        except jurisdictions.Ambiguous as exc:
            errors.append(RowError(f"{exc}（请给出区划代码）", row=index, column="区划名称"))
            continue
        if place is None:
            errors.append(RowError(f"一件事「{name}」没有可识别的地区：应有区划代码或区划名称", row=index))
            continue
        jurisdiction = jurisdictions.node_name(place)
        chain = [p.name for p in divisions().chain(place)]
        theme_code = code_text or "YJS-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
        themes.setdefault(theme_code, {"theme_code": theme_code, "theme_title": name, "type_name": ""})
        cooperating = _field(record, keys["cooperating"]) or []
        if isinstance(cooperating, str):
            cooperating = split_departments(cooperating)
        m_before, m_after = _before_after(_field(record, keys["materials"]))
        v_before, v_after = _before_after(_field(record, keys["visits"]))
        s_before, s_after = _before_after(_field(record, keys["steps"]))
        d_before, d_after = _before_after(_field(record, keys["days_after"]))  # (a 承诺时限 over 整合前 | 整合后 too)
        items = _declared_items(_field(record, keys["items"]))
        implementations.append(ThingImplementation(
            jurisdiction=jurisdiction, theme_code=theme_code, theme_title=name,
            area_code=area_code(area) if area else place.code, area_name=area_name or place.name,
            area_path=chain[1:] or chain, org_level=next((c for c, lv in GUIDE_LEVELS.items() if lv == place.level), "4"),
            implementation_code=code_text, implementation_name=name,
            lead_department=complete_name(full_form(str(_field(record, keys["lead"])).strip()), jurisdiction),
            cooperating_departments=[str(c).strip() for c in cooperating if str(c).strip()],
            official_guide_url=str(_field(record, keys["url"]) or ""),
            metrics={"materials_after": m_after, "materials_before": m_before,
                     "days_after": d_after,
                     "days_before": d_before if d_before is not None else _number(_field(record, keys["days_before"])),
                     "visits_before": v_before, "visits_after": v_after, "steps_before": s_before,
                     "steps_after": s_after, "legal_days": _number(_field(record, keys["legal_days"])),
                     "linked_matters": len(items) or None, "conditions": None, "service_points": None,
                     "is_charge": None},
            source_index=index - 1, items=items))
    if errors:
        raise FileRefused(str(path), errors)
    return GuideDocument(str(path), sha256, list(themes.values()), implementations)


# --- guides as a spreadsheet: 海安's 一件事集成服务清单 -----------------------------------------------

_UNIT = re.compile(r"[（(][^（）()]*[)）]$")  # 申请材料（份）, 承诺时限（工作日）: the unit after the field
_ITEM_SPLIT = re.compile(r"[；;\n]+")  # (not at 、: 「建设工程消防验收、备案」 is one item)
GUIDE_HEADER_ROWS = 10
# A service's own name column (a 职责边界 list's 事项名称 beside its 牵头部门 is no 一件事)
_SERVICE_NAMES = ("一件事名称", "一件事", "主题名称", "服务名称", "集成服务名称", "一件事事项名称")


def _header_key(text: str) -> str:
    return _UNIT.sub("", "".join((text or "").split()))


def guide_table(path: str | Path | Source, jurisdiction: str | None = None) -> GuideDocument | None:
    """A spreadsheet of integrated services (海安's 一件事集成服务清单: 一件事名称 | 牵头部门 | 配合部门 | 涉及事项 | 申请材料
    （份） over 整合前 | 整合后 …), read as a guide of the keys of mappings/guides.toml, its place from its title or its
    file's name; None when no sheet has a header naming a service and its lead department."""
    from importers.naming import _place_from_texts
    from importers.workbook import read_workbook

    source = as_source(path)
    try:
        _, sheets = read_workbook(source)
    except FileRefused:
        return None
    keys = _declared_keys()
    before_after = _declared_table("before_after")
    stages = set(before_after["before"]) | set(before_after["after"])
    for sheet in sheets:
        for r in range(min(GUIDE_HEADER_ROWS, sheet.nrows)):
            heads = [_header_key(sheet.shown_value(r, c)) for c in range(sheet.ncols)]
            if not (set(heads) & set(_SERVICE_NAMES) and set(heads) & set(keys["lead"])):
                continue
            name_at = next(c for c, h in enumerate(heads) if h in _SERVICE_NAMES)
            below = [_header_key(sheet.value(r + 1, c)) if r + 1 < sheet.nrows else "" for c in range(sheet.ncols)]
            split = any(b in stages for b in below)
            titles = [sheet.value(t, c) for t in range(r) for c in range(sheet.ncols) if sheet.value(t, c).strip()]
            place = jurisdiction or _place_from_texts([*titles, Path(source.path).stem])
            records: list[dict[str, Any]] = []
            for row in range(r + (2 if split else 1), sheet.nrows):
                if records and sheet.covered_from_above(row, name_at):  # (its name merged down: more of its items)
                    more = [p.strip() for c, h in enumerate(heads) if h in keys["items"]
                            for p in _ITEM_SPLIT.split(sheet.value(row, c)) if p.strip()]
                    records[-1].setdefault(next((h for h in heads if h in keys["items"]), "涉及事项"), []).extend(more)
                    continue
                record: dict[str, Any] = {}
                for c, head in enumerate(heads):
                    value = sheet.value(row, c).strip()
                    if not head or not value:
                        continue
                    if split and below[c] in stages:
                        record.setdefault(head, {})[below[c]] = value
                    elif head in keys["items"]:
                        record[head] = [p.strip() for p in _ITEM_SPLIT.split(value) if p.strip()]
                    else:
                        record[head] = value
                if _is_record(record):
                    records.append(record)
            if records:
                said = {"区划代码": place} if place and place.isdigit() else {"区划名称": place}
                return declared_guides(Path(source.path), source.sha256, {**said, "records": records})
    return None
