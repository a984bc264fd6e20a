"""The saved-query library: one Cypher query per `.cypher` file, grouped in folders by area.

Each file opens with a header of `// key: value` lines::

    // name: powers_by_department
    // title: 部门权力事项（按类型）
    // title_en: Powers of a department by type
    // description: 列出一个部门现行清单中的全部权力事项，可按权力类型筛选。
    // description_en: Every power in a department's current list, optionally of one type.
    // params:
    //   department: str = 克拉玛依市交通运输局
    //     choices: MATCH (d:Department)-[:HOLDS]->() RETURN DISTINCT d.name AS value ORDER BY value
    //   type: str = ""
    //   limit: int = 200
    // read_only: true

A parameter line is `name: type = default` (type is str, int, float or bool; a str default may be
quoted, "" means "any"); an indented `choices:` line under it is a read-only Cypher query whose first
column lists the values a form may offer. The loader checks that the `$parameters` the body uses are
exactly the declared ones.

API (used by `kb query` and the browser)::

    load_all() -> list[SavedQuery]          every query, sorted by area then name
    get(name) -> SavedQuery                 by name, or "area/name"; KeyError when unknown
    areas() -> dict[str, list[SavedQuery]]  the library by area, in AREAS order
    SavedQuery.name .area .title .title_en .description .description_en .params .cypher .read_only
    SavedQuery.bind(values) -> dict         strings from a form or the CLI -> typed parameters
    Param.name .type .default .choices_query
    SavedQuery.as_of                        whether it answers as of a date (an `as_of` parameter, a
                                            YYYY-MM-DD date checked by bind; '' is the current lists)
    run(graph, query, values, timeout=…, row_cap=…) -> kb.readonly.Result
                                            bind, then run as untrusted Cypher (kb.readonly)
    choices(graph, param) -> list           the values of a parameter's choices query
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kb import readonly
from kb.db import Graph
from kb.model import as_of_date

AREAS = ("browse", "overlaps", "gaps", "chains", "consistency", "services")
# The parameter that asks for the answer as of a date (kb.model.as_of_filter; `kb query run --as-of`).
AS_OF = "as_of"
TYPES = {"str": str, "int": int, "float": float, "bool": bool}
_HEADER_KEYS = {"name", "title", "title_en", "description", "description_en", "params", "read_only"}
_REQUIRED = ("name", "title", "title_en", "description", "description_en", "read_only")
_PARAM = re.compile(r"^\s{2,3}([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(str|int|float|bool)\s*(?:=\s*(.*))?$")
_CHOICES = re.compile(r"^\s{4,}choices\s*:\s*(.+)$")
_KEY_LINE = re.compile(r"^([a-z_]+)\s*:\s*(.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


class QueryError(ValueError):
    """A saved query file is malformed, or parameter values do not fit its header."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # str / int / float / bool
    default: Any = None
    choices_query: str | None = None

    def convert(self, value: Any) -> Any:
        """A value from a form or the command line, as the declared type."""
        if value is None:
            return None
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("true", "1", "yes", "on", "是"):
                return True
            if text in ("false", "0", "no", "off", "否", ""):
                return False
            raise QueryError(f"参数 {self.name}：应为 true 或 false，收到 {value!r}")
        if self.type == "str":
            if self.name == AS_OF:  # answered from the list versions in force that day: a real date or ''
                try:
                    return as_of_date(str(value)) or ""
                except ValueError as exc:
                    raise QueryError(f"as_of: {exc}") from exc
            return str(value)
        try:
            return TYPES[self.type](str(value).strip()) if not isinstance(value, TYPES[self.type]) else value
        except ValueError as exc:
            raise QueryError(f"参数 {self.name}：应为 {self.type}，收到 {value!r}") from exc


@dataclass(frozen=True)
class SavedQuery:
    name: str
    area: str
    title: str
    title_en: str
    description: str
    description_en: str
    params: tuple[Param, ...]
    cypher: str
    read_only: bool = True
    path: str = field(default="", compare=False)

    @property
    def as_of(self) -> bool:
        return any(p.name == AS_OF for p in self.params)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def bind(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        """Declared parameters with defaults filled in; unknown names are refused."""
        values = dict(values or {})
        unknown = sorted(set(values) - {p.name for p in self.params})
        if unknown:
            declared = ", ".join(p.name for p in self.params) or "none"
            raise QueryError(f"{self.name} 没有参数 {', '.join(unknown)}（已声明：{declared}）")
        return {p.name: p.convert(values[p.name]) if p.name in values else p.default for p in self.params}

    def as_dict(self) -> dict:
        return {"name": self.name, "area": self.area, "title": self.title, "title_en": self.title_en,
                "description": self.description, "description_en": self.description_en,
                "params": [{"name": p.name, "type": p.type, "default": p.default, "choices": p.choices_query}
                           for p in self.params],
                "read_only": self.read_only, "cypher": self.cypher}


def _default(param_type: str, text: str | None, where: str) -> Any:
    if text is None or text.strip() == "":
        return None if param_type != "str" else ""
    text = text.strip()
    if param_type == "str":
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            return text[1:-1]
        return text
    try:
        return Param("default", param_type).convert(text)
    except QueryError as exc:
        raise QueryError(f"{where}: {exc}") from exc


def used_params(cypher: str) -> set[str]:
    """The $parameters a Cypher body uses (string literals and // comments are ignored)."""
    text = "\n".join(line for line in cypher.splitlines() if not line.lstrip().startswith("//"))
    text = _STRING_LITERAL.sub("''", text)
    text = re.sub(r"//[^\n]*", "", text)
    return set(_PARAM_USE.findall(text))


def parse(text: str, area: str, where: str = "<query>") -> SavedQuery:
    """One `.cypher` file's text -> SavedQuery; QueryError says what is wrong and where."""
    header: dict[str, str] = {}
    params: list[Param] = []
    body_lines: list[str] = []
    in_header, in_params = True, False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if in_header and line.startswith("//"):
            content = line[2:].rstrip()
            if content.strip() == "":
                continue
            if in_params and (m := _CHOICES.match(content)):
                if not params:
                    raise QueryError(f"{where}:{lineno}：choices 出现在任何参数之前")
                params[-1] = Param(params[-1].name, params[-1].type, params[-1].default, m.group(1).strip())
                continue
            if in_params and (m := _PARAM.match(content)):
                params.append(Param(m.group(1), m.group(2), _default(m.group(2), m.group(3), f"{where}:{lineno}")))
                continue
            m = _KEY_LINE.match(content.strip())
            if not m or m.group(1) not in _HEADER_KEYS:
                raise QueryError(f"{where}:{lineno}：应为 `// 键: 值`，键为 {', '.join(sorted(_HEADER_KEYS))} "
                                 f"之一，实际是 {line!r}")
            key, value = m.group(1), m.group(2).strip()
            if key in header:
                raise QueryError(f"{where}:{lineno}：{key} 给出了两次")
            header[key] = value
            in_params = key == "params"
            continue
        if in_header and line.strip() == "":
            continue
        in_header = False
        body_lines.append(line)
    missing = [k for k in _REQUIRED if not header.get(k)]
    if missing:
        raise QueryError(f"{where}：文件头缺少 {', '.join(missing)}")
    cypher = "\n".join(body_lines).strip()
    if not cypher:
        raise QueryError(f"{where}：文件头之后没有 Cypher")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{where}：有参数声明了两次")
    used, declared = used_params(cypher), set(names)
    if used != declared:
        parts = []
        if used - declared:
            parts.append(f"用到但未声明：{', '.join(sorted(used - declared))}")
        if declared - used:
            parts.append(f"声明了但未用到：{', '.join(sorted(declared - used))}")
        raise QueryError(f"{where}：参数与文件头不符（{'；'.join(parts)}）")
    for p in params:
        if p.choices_query and used_params(p.choices_query):
            raise QueryError(f"{where}：{p.name} 的 choices 查询不能带参数")
    read_only = header["read_only"].lower() == "true"
    return SavedQuery(header["name"], area, header["title"], header["title_en"], header["description"],
                      header["description_en"], tuple(params), cypher, read_only, where)


@lru_cache(maxsize=1)
def _library() -> tuple[SavedQuery, ...]:
    root = resources.files("queries")
    out: list[SavedQuery] = []
    for area in AREAS:
        folder = root.joinpath(area)
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".cypher"):
                q = parse(entry.read_text("utf-8"), area, f"queries/{area}/{entry.name}")
                if q.name != entry.name.removesuffix(".cypher"):
                    raise QueryError(f"{q.path}：名称 {q.name!r} 与文件名不同")
                out.append(q)
    names = [q.name for q in out]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise QueryError(f"两个领域中有同名的已保存查询：{', '.join(dupes)}")
    return tuple(out)


def load_all() -> list[SavedQuery]:
    return list(_library())


def areas() -> dict[str, list[SavedQuery]]:
    out: dict[str, list[SavedQuery]] = {a: [] for a in AREAS}
    for q in _library():
        out[q.area].append(q)
    return {a: qs for a, qs in out.items() if qs}


def get(name: str) -> SavedQuery:
    """A query by its name or by area/name."""
    area, _, short = name.rpartition("/")
    for q in _library():
        if q.name == short and (not area or q.area == area):
            return q
    raise KeyError(f"没有名为 {name!r} 的已保存查询（`kb query list` 列出全部）")


def run(graph: Graph, query: SavedQuery | str, values: dict[str, Any] | None = None, *,
        timeout: float = readonly.DEFAULT_TIMEOUT, row_cap: int = readonly.DEFAULT_ROW_CAP) -> readonly.Result:
    """Run a saved query as untrusted Cypher (query files can be edited by anyone): kb.readonly's
    EXPLAIN check, a read-only session, a time limit and a row cap. Refusals and failures raise
    QueryError with the query's name."""
    q = get(query) if isinstance(query, str) else query
    if not q.read_only:
        raise QueryError(f"{q.name} 未声明为只读（read_only）")
    try:
        return readonly.run(graph, q.cypher, q.bind(values), timeout=timeout, row_cap=row_cap)
    except (readonly.Refused, readonly.QueryFailed) as exc:
        raise QueryError(f"{q.name}: {exc}") from exc


def choices(graph: Graph, param: Param) -> list[Any]:
    """The values a parameter's choices query lists (first column), or [] when it has none."""
    if not param.choices_query:
        return []
    rows = graph.read(param.choices_query)
    return [next(iter(r.values())) for r in rows if r]
