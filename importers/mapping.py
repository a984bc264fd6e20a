"""Declared column mappings: which header text means which `Record` field.

Mappings are TOML files in `importers/mappings/` (any file there with a `[columns]` table); they are
loaded through importlib.resources so they work from an installed package too. A sheet's header row
is scored against every mapping and the best one wins, so a new province's layout is a new TOML file,
not new code. Optional columns several layouts share live in `_extra.toml` (no [columns], so not a
mapping itself); a mapping takes them with `include = ["_extra.toml"]`.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from kb.model import squeeze

# Record fields a mapping may fill from a column (everything else in a mapping goes to Record.extra);
# `stage` is the 办理环节 of a list that gives each stage a row of its own, read into the duties;
# `supervision_text` a column of supervision measures (事中事后监管措施), read as the power's supervision duty.
FIELDS = (
    "seq", "item_name", "sub_item_name", "code", "type", "basis_text", "holder", "unit", "level", "scope",
    "duty_statement", "responsibility_text", "responsibility_basis_text", "accountability_subjects",
    "accountability_situations", "remarks", "stage", "supervision_text",
)

# Names users see in messages (the usual Chinese header for each field).
FIELD_LABELS = {
    "seq": "序号", "item_name": "事项名称", "sub_item_name": "子项名称", "code": "权力编码", "type": "权力类型",
    "basis_text": "实施依据", "holder": "行使主体", "unit": "承办机构", "level": "实施层级",
    "scope": "权限", "duty_statement": "部门职责", "responsibility_text": "责任事项内容",
    "responsibility_basis_text": "责任事项依据", "accountability_subjects": "追责对象范围",
    "accountability_situations": "追责情形", "remarks": "备注", "stage": "办理环节",
    "supervision_text": "事中事后监管措施",
}

def normalize_header(text: str) -> str:
    """Header text as compared: NFKC (full-width -> half-width), no whitespace, no trailing colon/*."""
    # (a header is compared against every mapping: normalised once; a row's long cells, tried as headers, are not kept)
    return _normalized(text) if text and len(text) <= 64 else _normalize(text)


@lru_cache(maxsize=1 << 14)
def _normalized(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    return squeeze(unicodedata.normalize("NFKC", _FOOTNOTE.sub("", (text or "").strip()))).rstrip(":*")


# a footnote's mark after a header's words (四川's 事项名称①, 权力类型*, 设定依据※, 责任事项³): no part of the header
_FOOTNOTE = re.compile(r"[①-⑳※△▲*¹²³⁴⁵⁶⁷⁸⁹⁰]+$")


@dataclass(frozen=True)
class Mapping:
    name: str
    title: str
    columns: dict[str, tuple[str, ...]]  # field or extra key -> normalised synonyms
    extra_keys: frozenset[str]  # which keys of `columns` go to Record.extra
    required: tuple[str, ...]
    merged_header: dict[str, str] = field(default_factory=dict)  # field -> field of the 2nd column
    excluded: tuple[str, ...] = ()  # fields whose column a header it fits may not have (duty_table.toml: no name, no type)
    defaults: dict[str, str] = field(default_factory=dict)
    document: dict[str, str] = field(default_factory=dict)  # department / jurisdiction overrides
    priority: int = 0
    source: str = ""
    lookup: dict[str, str] = field(default_factory=dict, repr=False)  # synonym -> field or extra key
    folded: dict[str, str] = field(default_factory=dict, repr=False)  # an export code's fold_code -> its field
    # synonym -> fields, for headers that mean a field only where no other header of the row does ([fallback]:
    # 街道职责 is a street's duties in a 职责边界 table, but beside a 责任事项 column its general duty, kept apart;
    # a header under several fields means the first of them the row has no header of: beside a 街道承担的责任 and no
    # name column, 街道职责 names the duty)
    fallback: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # (field, header) -> the header's place in the field's [fallback] list: where two headers may mean one field, the
    # one listed first takes it (街道承担的责任 before 街道职责)
    fallback_rank: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def field_for(self, header: str) -> str | None:
        """The field or extra key a normalised header text means in this mapping."""
        return self.lookup.get(header)

    def folded_field(self, header: str) -> str | None:
        """The field an export's code means in another case and spacing (「Item Name」 is ITEM_NAME, 「qlmc」 QLMC):
        a header row's weaker reading, taken only where no header of the row names the field itself."""
        return self.folded.get(fold_code(header)) if header.isascii() and header not in self.lookup else None


def fold_code(text: str) -> str:
    """A column code as compared: upper case, no spaces, underscores, hyphens or dots (Item Name, ITEM_NAME, item-name)."""
    return re.sub(r"[\s_.\-]", "", text).upper()


@dataclass
class HeaderMatch:
    """How one mapping reads one header row."""

    mapping: Mapping
    columns: dict[str, int]  # field or extra key -> 0-based column (its first column)
    unmapped: dict[int, str]  # column -> header text no synonym matched
    missing: list[str]  # required fields not found
    # field or extra key -> its later columns, when a block of columns repeats (the 商务 layout's
    # 责任事项依据 | 追责对象范围 | 追责情形 | 备注 twice): merged, the first non-empty value wins.
    repeats: dict[str, list[int]] = field(default_factory=dict)

    @property
    def fits(self) -> bool:
        return not self.missing and not any(f in self.columns for f in self.mapping.excluded)

    @property
    def score(self) -> int:
        return len(self.columns)


def parse_mapping(data: dict, source: str) -> Mapping:
    """A Mapping from the parsed TOML of one mapping file; ValueError names what is wrong."""
    name = data.get("name") or source.removesuffix(".toml")
    if data.get("extends"):  # `extends = "standard.toml"`: its columns and shared files, then this file's own
        base = read_data_file(data["extends"])
        data = {**data, "columns": {**base.get("columns", {}), **data.get("columns", {})},
                "fallback": {**base.get("fallback", {}), **data.get("fallback", {})},
                "include": [*base.get("include", []), *data.get("include", [])],
                "extra": {**base.get("extra", {}), **data.get("extra", {})}}
    columns: dict[str, tuple[str, ...]] = {}
    for key, synonyms in data["columns"].items():
        if key not in FIELDS:
            raise ValueError(f"列映射 {source}：[columns] 中有未知字段 {key!r}（已知字段：{', '.join(FIELDS)}）")
        columns[key] = tuple(normalize_header(s) for s in synonyms)
    # `include = ["_extra.toml"]`: the [extra] tables of shared files first, then the mapping's own.
    extra: dict[str, list[str]] = {}
    for shared in data.get("include", []):
        extra.update(read_data_file(shared).get("extra", {}))
    extra.update(data.get("extra", {}))
    for key, synonyms in extra.items():
        columns[key] = tuple(normalize_header(s) for s in synonyms)
    required = tuple(data.get("required", ["item_name"]))
    for f in required:
        if f not in columns:
            raise ValueError(f"列映射 {source}：必填字段 {f!r} 在 [columns] 中没有列名")
    lookup: dict[str, str] = {}
    folded: dict[str, str] = {}
    for key, synonyms in columns.items():
        for s in synonyms:
            lookup.setdefault(s, key)  # first declared field wins when two fields list one synonym
            if s.isascii():
                folded.setdefault(fold_code(s), key)
    fallback: dict[str, tuple[str, ...]] = {}
    rank: dict[tuple[str, str], int] = {}
    for key, synonyms in data.get("fallback", {}).items():  # (in the table's order: a header's first field first)
        if key not in FIELDS:
            raise ValueError(f"列映射 {source}：[fallback] 中有未知字段 {key!r}（已知字段：{', '.join(FIELDS)}）")
        for n, s in enumerate(synonyms):
            if normalize_header(s) not in lookup:
                fallback[normalize_header(s)] = fallback.get(normalize_header(s), ()) + (key,)
                rank[(key, normalize_header(s))] = n
    return Mapping(
        lookup=lookup, folded=folded, fallback=fallback, fallback_rank=rank, name=name, title=data.get("title", name), columns=columns, extra_keys=frozenset(extra),
        required=required, merged_header=dict(data.get("merged_header", {})), excluded=tuple(data.get("excluded", [])),
        defaults={k: str(v) for k, v in data.get("defaults", {}).items()},
        document={k: str(v) for k, v in data.get("document", {}).items()},
        priority=int(data.get("priority", 0)), source=source,
    )


def read_data_file(name: str) -> dict:
    """A TOML data file of importers/mappings (vocabularies, departments, jurisdictions)."""
    return tomllib.loads(resources.files("importers.mappings").joinpath(name).read_text(encoding="utf-8"))


@cache
def load_mappings() -> tuple[Mapping, ...]:
    """All declared mappings, highest priority first."""
    out = []
    for entry in sorted(resources.files("importers.mappings").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        if "columns" in data or "extends" in data:
            out.append(parse_mapping(data, entry.name))
    return tuple(sorted(out, key=lambda m: (-m.priority, m.name)))


def mapping_title(name: str) -> str:
    """A layout's name as a reader knows it (通用权责清单版式: its title before the columns it lists); the name when no
    mapping has it."""
    found = next((m for m in load_mappings() if m.name == name), None)
    return re.split(r"[（(]", found.title, maxsplit=1)[0] if found is not None and found.title else name


# A note in brackets after a header's words ("(明确责任主体)"): NFKC has made the brackets half-width.
_NOTE = re.compile(r"(?:\([^()]*\)|〔[^〔〕]*〕)$")  # (什刹海's 职权名称〔职权编码〕; not 事项名称【主项】 | 【子项】, two fields)
# A database's field name before the words in brackets (贵州's export: 「QLMC（权力名称）」, 「ZRSX（责任事项）」).
_FIELD_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*\((?P<words>[^()]+)\)$")


# A name's header saying what else its cells give, in brackets before or after the name's words (宁阳's 「【编码】权力名称（类型）」
# over 「【370921-XK-0002】教师资格认定（行政许可）」, 「事项名称（编码）」): fields a name's cell can carry
_HELD = re.compile(r"^(?:[【\[](?P<pre>[^【】\[\]]{2,8})[】\]])?(?P<base>[^【】\[\]()]{2,20}?)(?:\((?P<post>[^()]{2,8})\))?$")
HELD_FIELDS = ("code", "type")


def _held_fields(norm: str, mapping: Mapping) -> list[str]:
    """The fields (code, type) a name's header says its cells hold too, in brackets around the name's words; [] if the
    header is no name's or its brackets name no such field."""
    m = _HELD.match(norm)
    if not m or not (m.group("pre") or m.group("post")) or mapping.field_for(m.group("base")) != "item_name":
        return []
    within = [mapping.field_for(w) for w in (m.group("pre"), m.group("post")) if w]
    return [f for f in within if f in HELD_FIELDS] if all(f in HELD_FIELDS for f in within) else []


# A header in English and Chinese (normalised: no spaces): 「ItemName事项名称」, 「No.序号」, 「事项名称ItemName」
_BILINGUAL = re.compile(r"^[A-Za-z][A-Za-z0-9.()/&_'-]*(?P<zh>[\u4e00-\u9fff][^A-Za-z]*)$"
                        r"|^(?P<zh2>[\u4e00-\u9fff][^A-Za-z]*?)[(/]?[A-Za-z][A-Za-z0-9.()/&_'-]*$")


def match_header(cells: list[str], mapping: Mapping, *, fold: bool = True) -> HeaderMatch:
    """Assign header cells to the mapping's fields; a field whose header repeats keeps its first column
    in `columns` and the others in `repeats`. `fold`: read an export's codes in any case and spacing too (a header
    row's, not a card's values: 「是否收费 | No」)."""
    columns: dict[str, int] = {}
    unmapped: dict[int, str] = {}
    repeats: dict[str, list[int]] = {}
    fallbacks: dict[int, str] = {}  # column -> its header, of [fallback] headers
    folded: dict[int, str] = {}  # column -> the field its header means in another case and spacing (Item Name)
    numbered = _numbered_run(cells, mapping)
    held: dict[int, list[str]] = {}  # column -> the fields its header says its cells hold beside the name
    for col, text in enumerate(cells):
        norm = numbered.get(col) or normalize_header(text)
        if not norm:
            continue
        if norm in mapping.fallback:
            fallbacks[col] = norm
            continue
        if mapping.field_for(norm) is None and (plain := _NOTE.sub("", norm)) != norm and plain in mapping.fallback:
            fallbacks[col] = plain  # (黄陂's 运行流程及岗位责任（※1）: a note's mark after it)
            continue
        if fold and norm.isascii() and norm.upper() in mapping.fallback and norm not in mapping.lookup:
            fallbacks[col] = norm.upper()  # (云南's export in lower case: sub_item)
            continue
        key = mapping.field_for(norm)
        if key is None and (within := _held_fields(norm, mapping)):
            key, held[col] = "item_name", within  # 【编码】权力名称(类型): the name's column, its code and type in it
        if key is None and _NOTE.search(norm):
            # 责任事项(明确责任主体), 追责情形(明确内部追责主体): a header with a note after it
            key = mapping.field_for(_NOTE.sub("", norm))
        coded = _FIELD_CODE.match(norm) if key is None else None
        if coded:  # QLMC(权力名称): the words in brackets
            key = mapping.field_for(coded.group("words"))
        bilingual = _BILINGUAL.match(norm) if key is None else None
        if bilingual:  # 武义's 「Item Name 事项名称」, 「No.序号」: the Chinese words (either side of the English), unless the
            # English says another field (「Responsibility Basis 依据」 is no basis of the power)
            zh = bilingual.group("zh") or bilingual.group("zh2")
            key = mapping.field_for(zh)
            english = mapping.folded_field(norm.replace(zh, ""))
            key = None if english and english != key else key
        if key is None and fold and (weak := mapping.folded_field(norm)):
            folded[col] = weak
            continue
        if key is None:
            unmapped[col] = text.strip()
        elif key in columns:
            repeats.setdefault(key, []).append(col)
        else:
            columns[key] = col
    exact = set(columns)
    for col, key in folded.items():  # (a Category beside a 权力类型 is the sector's, kept as it is)
        if key in exact:
            unmapped[col] = cells[col].strip()
        elif key in columns:  # Accountability Cases | Accountability Basis: one field's block, as 追责情形 | 追责依据
            repeats.setdefault(key, []).append(col)
        else:
            columns[key] = col
    for col, within in held.items():
        if columns.get("item_name") == col:
            for key in within:
                columns.setdefault(key, col)  # (where the row has no column of its own for it)
    _resolve_fallbacks(mapping, fallbacks, columns, unmapped)
    for col in fallbacks:
        unmapped[col] = cells[col].strip()  # kept as it is (an extra field)
    missing = [f for f in mapping.required if f not in columns]
    return HeaderMatch(mapping, columns, unmapped, missing, repeats)


# a header numbered in a run of its own (嘉定's 责任事项1 | 责任事项2 | … | 责任事项6): fields of text a run of columns
# continues (not 环节1 | 环节2, each a step's name and its text, nor 子项1 | 子项2, each a sub-item of its own)
_NUMBERED_FIELDS = ("responsibility_text", "responsibility_basis_text", "accountability_situations",
                    "accountability_subjects", "basis_text", "remarks")
# a header's number after its words: 1, 2 … or 一, 二 …, bare or in brackets
HEADER_NUMBER = r"[（(]?([0-9]{1,2}|[一二三四五六七八九十]{1,2})[)）]?"
_NUMBERED = re.compile(rf"^(?P<base>.+?){HEADER_NUMBER}$")


def _numbered_run(cells: list[str], mapping: Mapping) -> dict[int, str]:
    """Columns whose headers are one header the mapping knows numbered 1, 2, 3 … (two or more, from 1 or 一): column ->
    that header, each a column of one field (a repeated block, read as one)."""
    bases: dict[str, list[tuple[int, str]]] = {}
    for col, text in enumerate(cells):
        norm = normalize_header(text)
        m = _NUMBERED.match(norm) if norm and mapping.field_for(norm) is None else None
        if m and mapping.field_for(m.group("base")) in _NUMBERED_FIELDS:
            bases.setdefault(m.group("base"), []).append((col, m.group(2)))
    out: dict[int, str] = {}
    for base, run in bases.items():
        if len(run) >= 2 and run[0][1] in ("1", "一"):
            out.update({col: base for col, _ in run})
    return out


def _resolve_fallbacks(mapping: Mapping, fallbacks: dict[int, str], columns: dict[str, int],
                       unmapped: dict[int, str]) -> None:
    """Give [fallback] headers (column -> header) the fields no other header of the row has, each its first such
    field, a header's first fields before any header's second; where two headers may take a field, the one its list
    names first does. A field with a column of its own, or (for the item's name) a header no mapping knows that may
    be it (行政处罚事项名称 beside a 违法行为), is no header's. The headers given a field leave `fallbacks`."""
    name_elsewhere = any(normalize_header(t).endswith(("名称", "事项")) for t in unmapped.values())
    for place in range(max((len(mapping.fallback[h]) for h in fallbacks.values()), default=0)):
        wanting = sorted(((mapping.fallback_rank[(keys[place], h)], col, keys[place]) for col, h in fallbacks.items()
                          for keys in [mapping.fallback[h]] if place < len(keys)))
        for _, col, key in wanting:
            if key not in columns and not (key == "item_name" and name_elsewhere):
                columns[key] = col
                del fallbacks[col]


def best_match(cells: list[str], mappings: tuple[Mapping, ...] | None = None,
               given: tuple[str, ...] = ()) -> HeaderMatch | None:
    """The fitting mapping that recognises the most columns (ties: priority, then name); None if none fits.
    ``given``: required fields the sheet gives otherwise (its name the type of its rows: a sheet 行政许可)."""
    matches = [match_header(cells, m) for m in (mappings or load_mappings())]
    for m in matches:
        m.missing = [f for f in m.missing if f not in given]
    fitting = [m for m in matches if m.fits]
    if not fitting:
        return None
    # max() keeps the first of equals, and load_mappings() is ordered by priority then name.
    return max(fitting, key=lambda m: (m.score, m.mapping.priority))


def recognised(cells: list[str], mappings: tuple[Mapping, ...] | None = None) -> int:
    """How many cells any mapping recognises (used to pick the most header-like row for messages)."""
    return max((match_header(cells, m).score for m in (mappings or load_mappings())), default=0)
