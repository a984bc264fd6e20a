"""Running Cypher we did not write (the console, saved queries) without letting it change anything.

Three locks, each enough on its own for writes, together for the rest:
1. an ``EXPLAIN`` first: the query type must be read-only (``r``) and the plan may not hold operators
   that read outside the database or touch other sessions (``LOAD CSV``, ``TERMINATE TRANSACTIONS``,
   ``SHOW TRANSACTIONS`` …) nor procedures outside an allow-list (READ mode alone lets ``LOAD CSV``
   fetch URLs and ``dbms.*`` procedures read the configuration);
2. a session in READ access mode, so the server itself refuses a write that slipped through;
3. a transaction timeout and a row cap, so a heavy query cannot hold the server.

And limits on what reaches the app, so a query cannot hold the app either:
- before EXPLAIN, the text may be at most ``MAX_TEXT_BYTES`` long and nest brackets at most
  ``MAX_NESTING`` deep (the server fails to answer about deeply nested literals);
- the query runs on a driver of its own (``Graph.untrusted``) that is cut off at a wall-clock deadline,
  EXPLAIN and streaming included;
- results are measured as they stream (bytes of a compact JSON encoding, and cells: the scalar values
  in them) and cut at ``DEFAULT_BYTE_CAP`` / ``DEFAULT_CELL_CAP``; one row bigger than the cap is refused;
- for anonymous readers (``private=True``) the users' graph, editors' names and import paths are out
  of reach: see ``PRIVATE_LABELS``, ``PRIVATE_KEYS`` and ``_private_plan``.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import neo4j.graph
from neo4j.exceptions import CypherSyntaxError, DriverError, Neo4jError

import neo4j
from kb.db import Graph

# The one set of limits for Cypher we did not write: the console, the saved queries in the browser and
# `kb query run` (whose --timeout and --limit may change them for one run).
DEFAULT_TIMEOUT = 5.0
DEFAULT_ROW_CAP = 1000
DEFAULT_BYTE_CAP = 10_000_000  # bytes of the rows kept, as compact JSON
DEFAULT_CELL_CAP = 500_000  # scalar values in the rows kept (a list of 20,000 numbers is 20,000)
DEADLINE_MARGIN = 3.0  # the whole run (EXPLAIN, transaction, streaming) ends by timeout + this
MAX_TEXT_BYTES = 20_000
MAX_NESTING = 50
FETCH_SIZE = 25  # records per round trip: what arrives before it is measured stays small

# What anonymous readers may not read through the console: the users (names, roles), editors' names
# (Edit.who) and the absolute paths of imported files (ImportRun.path).
PRIVATE_LABELS: frozenset[str] = frozenset({"User"})
PRIVATE_KEYS: frozenset[str] = frozenset({"who", "path", "role", "session_epoch"})
# Plan operators that reach any node without naming its label.
UNLABELLED_READS: frozenset[str] = frozenset({"AllNodesScan", "NodeByIdSeek", "NodeByElementIdSeek"})

ALLOWED_PROCEDURES: frozenset[str] = frozenset({
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
    "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
    "db.awaitIndex",
    "db.awaitIndexes",
})

# Plan operators refused even in a read-only plan, with the reason shown to the user.
DENIED_OPERATORS: dict[str, str] = {
    "LoadCSV": "LOAD CSV 会读取数据库以外的文件和网址",
    "TerminateTransactions": "TERMINATE TRANSACTIONS 会中止他人的操作",
    "ShowTransactions": "SHOW TRANSACTIONS 会显示其他会话的查询",
    "ShowSettings": "SHOW SETTINGS 会显示服务器配置",
    "ShowServers": "SHOW SERVERS 是管理命令",
    "ShowDatabases": "SHOW DATABASES 是管理命令",
    "ShowUsers": "SHOW USERS 是管理命令",
    "AdministrationCommand": "不允许管理命令（用户、角色、数据库）",
}

QUERY_TYPES = {"r": "只读", "rw": "读写", "w": "写入", "s": "结构或管理"}

_PROCEDURE_NAME = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*\(")


class Refused(Exception):
    """The query may not run here; ``str()`` is the message for the user."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason  # short code: write, schema, load_csv, procedure, operator, syntax, empty,
        # too_long, too_deep, private, too_big


class QueryFailed(Exception):
    """The query was allowed but failed while running (timeout, runtime error)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason  # timeout (the transaction's), deadline (the whole run's), too_big, error


@dataclass
class Result:
    columns: list[str]
    records: list[neo4j.Record]
    truncated: bool
    row_cap: int
    elapsed_ms: float
    plan_operators: list[str] = field(default_factory=list)
    cut_by: str | None = None  # rows, bytes, cells or time: the limit that truncated the rows
    size: int = 0  # bytes of the rows kept (compact JSON, estimated)

    @property
    def rows(self) -> list[dict[str, Any]]:
        """Each record as a dict of plain values, in RETURN order."""
        return [r.data() for r in self.records]


def _operators(plan: dict | None) -> Iterable[tuple[str, str]]:
    """(operator without its @database suffix, details) for every node of an EXPLAIN plan."""
    if not plan:
        return
    stack = [plan]
    while stack:
        node = stack.pop()
        op = str(node.get("operatorType", "")).split("@", 1)[0]
        args = node.get("args") or node.get("arguments") or {}
        yield op, str(args.get("Details") or "")
        stack.extend(node.get("children") or [])


def nesting(text: str) -> int:
    """The deepest nesting of (), [] and {} outside string literals and comments."""
    depth = deepest = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "'\"`":
            i += 1
            while i < n and text[i] != ch:
                i += 2 if text[i] == "\\" else 1
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = n if i < 0 else i + 1
        elif ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth = max(0, depth - 1)
        i += 1
    return deepest


def check_text(text: str) -> None:
    """Refuse, before anything is sent to the server, a query that is empty, too long or too deep."""
    if not text or not text.strip():
        raise Refused("查询为空。", "empty")
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise Refused(f"已拒绝：查询长{size:,}字节，最多接受{MAX_TEXT_BYTES:,}字节。", "too_long")
    deep = nesting(text)
    if deep > MAX_NESTING:
        raise Refused(f"已拒绝：括号嵌套{deep}层，最多接受{MAX_NESTING}层。", "too_deep")
    if text.strip().upper().startswith(("EXPLAIN", "PROFILE")):
        raise Refused("请去掉 EXPLAIN 或 PROFILE：查询运行前会自动解析。", "syntax")


_PRIVATE_LABEL = re.compile(r"\b(" + "|".join(sorted(PRIVATE_LABELS)) + r")\b|\$\s*\(")
_PRIVATE_KEY = re.compile(r"\.\s*`?(" + "|".join(sorted(PRIVATE_KEYS)) + r")\b")
# A lookup by a computed key (`n[k]`, `n['who']`, which plans show as `n[$autostring_0]`); an index by a
# number (`xs[0]`, `xs[1..3]`) cannot name a property and is allowed.
_SUBSCRIPT = re.compile(r"[\w)\]]\s*\[(?!\s*-?(?:\$autoint_\d+|\d+)\s*(?:\]|\.\.))")
_CACHED = re.compile(r"\bcache\[([^\[\]]*)\]")  # the planner's cached property reads: cache[p.name]
_QUOTED = re.compile(r"`[^`]*`")
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def _private_plan(ops: list[tuple[str, str]], text: str) -> None:
    """For anonymous readers: refuse a plan that could read private data. Anything that names a private
    label or key (in the query or its plan, outside string literals), a dynamic label, reads nodes without naming a label (all-nodes scans, seeks
    by id) or looks a property up by a computed name (``n[k]``) is refused; the rows are checked too,
    as they stream (``_measure``)."""
    message = "已拒绝：未登录时控制台不读取用户、编辑人姓名和导入路径；请登录后再运行此查询。"
    for op, details in ops:
        if op in UNLABELLED_READS:
            raise Refused(message + "（此查询读取节点时未指明标签。）", "private")
        bare = _CACHED.sub(r"\1", _QUOTED.sub("``", _STRINGS.sub("''", details)))
        if _PRIVATE_LABEL.search(bare) or _PRIVATE_KEY.search(bare) or _SUBSCRIPT.search(bare):
            raise Refused(message, "private")
    bare = _QUOTED.sub("``", _STRINGS.sub("''", text))
    if _PRIVATE_LABEL.search(bare) or _PRIVATE_KEY.search(bare):
        raise Refused(message, "private")


def explain(graph: Graph, text: str, params: dict[str, Any] | None = None, *, private: bool = False) -> list[str]:
    """Refuse what may not run; return the plan's operator names when it may."""
    check_text(text)
    try:
        with graph.session(read_only=True) as session:
            summary = session.run(neo4j.Query("EXPLAIN " + text, timeout=DEFAULT_TIMEOUT), params or {}).consume()
    except CypherSyntaxError as exc:
        raise Refused(f"查询不是有效的 Cypher：{exc.message}", "syntax") from exc
    except Neo4jError as exc:
        raise Refused(f"无法为查询生成执行计划：{exc.message}", "syntax") from exc
    except (ValueError, OverflowError, TypeError, DriverError, OSError) as exc:  # e.g. a parameter too big
        if graph.cut_off:
            raise QueryFailed("未能及时检查查询，已停止。", "deadline") from exc
        raise Refused(f"参数无法发送：{exc}", "syntax") from exc
    qtype = summary.query_type
    ops = list(_operators(summary.plan))
    names = [op for op, _ in ops]
    if private:
        _private_plan(ops, text)
    if "AdministrationCommand" in names:
        raise Refused("已拒绝：此处不允许管理命令（用户、角色、权限、数据库）。", "admin")
    for op, details in ops:
        if op == "LoadCSV":
            raise Refused("已拒绝：LOAD CSV 会读取数据库以外的文件和网址。", "load_csv")
        if op in ("ProcedureCall", "ProcedureCallOperator") or op.startswith("ProcedureCall"):
            match = _PROCEDURE_NAME.match(details)
            name = match.group(1) if match else details
            if name not in ALLOWED_PROCEDURES:
                allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
                raise Refused(f"已拒绝：过程 {name} 不在允许清单中（可用：{allowed}）。", "procedure")
        if op in DENIED_OPERATORS:
            raise Refused(f"已拒绝：{DENIED_OPERATORS[op]}。", "operator")
    if qtype != "r":
        kind = QUERY_TYPES.get(qtype or "", qtype or "unknown")
        reason = "schema" if qtype == "s" else "write"
        what = ("会修改数据库结构或管理服务器" if qtype == "s"
                else "会写入数据库（CREATE、MERGE、SET、DELETE、REMOVE 等）")
        raise Refused(f"已拒绝：此查询{what}；查询类型为“{kind}”，此处只运行只读查询。", reason)
    return names


class _Private(Exception):
    pass


def _measure(values: Iterable[Any], budget: int, private: bool) -> tuple[int, int]:
    """(bytes, cells) of a record's values, roughly as compact JSON; stops counting past ``budget``
    bytes. With ``private``, raises _Private on a private node or key."""
    size = cells = 0
    stack = list(values)
    while stack and size <= budget:
        v = stack.pop()
        if isinstance(v, str):
            size += len(v) + 3 if len(v) > budget else len(v.encode("utf-8")) + 3
            cells += 1
        elif isinstance(v, (list, tuple)):
            size += 2 + len(v)
            stack.extend(v)
        elif isinstance(v, dict):
            if private and PRIVATE_KEYS.intersection(v):
                raise _Private
            size += 2 + sum(len(str(k)) + 4 for k in v)
            stack.extend(v.values())
        elif isinstance(v, neo4j.graph.Node):
            if private and (PRIVATE_LABELS.intersection(v.labels) or PRIVATE_KEYS.intersection(v.keys())):
                raise _Private
            size += 40 + sum(len(lb) + 3 for lb in v.labels) + sum(len(k) + 4 for k in v)
            stack.extend(v.values())
        elif isinstance(v, neo4j.graph.Relationship):
            if private and PRIVATE_KEYS.intersection(v.keys()):
                raise _Private
            size += 60 + len(v.type) + sum(len(k) + 4 for k in v)
            stack.extend(v.values())
            stack.extend(n for n in (v.start_node, v.end_node) if n is not None)
        elif isinstance(v, neo4j.graph.Path):
            stack.extend(v.nodes)
            stack.extend(v.relationships)
        elif isinstance(v, (bytes, bytearray)):
            size += 2 * len(v) + 2
            cells += 1
        else:  # numbers, booleans, null, temporal and spatial values
            size += len(str(v)) + 1 if not isinstance(v, int) or abs(v) < 10**15 else 21
            cells += 1
    return size, cells


def run(graph: Graph, text: str, params: dict[str, Any] | None = None, *, timeout: float = DEFAULT_TIMEOUT,
        row_cap: int = DEFAULT_ROW_CAP, byte_cap: int = DEFAULT_BYTE_CAP, cell_cap: int = DEFAULT_CELL_CAP,
        deadline: float | None = None, private: bool = False) -> Result:
    """Check, then run read-only under a timeout and a wall-clock deadline (``timeout`` +
    ``DEADLINE_MARGIN`` unless given), on a driver of its own; keep at most ``row_cap`` rows,
    ``byte_cap`` bytes and ``cell_cap`` cells and say which limit cut the rows. ``private``: the
    reader is anonymous (see ``_private_plan``)."""
    check_text(text)
    limit = deadline if deadline is not None else timeout + DEADLINE_MARGIN
    started = time.perf_counter()
    records: list[neo4j.Record] = []
    columns: list[str] = []
    cut_by: str | None = None
    operators: list[str] = []
    size = cells = 0
    with graph.untrusted(limit) as untrusted:
        try:
            operators = explain(untrusted, text, params, private=private)
            with untrusted.session(read_only=True, fetch_size=max(1, min(row_cap + 1, FETCH_SIZE))) as session:
                result = session.run(neo4j.Query(text, timeout=timeout), params or {})
                columns = list(result.keys())
                for record in result:
                    if len(records) == row_cap:
                        cut_by = "rows"
                        break
                    try:
                        more, more_cells = _measure(record.values(), byte_cap - size, private)
                    except _Private:
                        raise Refused("已拒绝：未登录时控制台不显示用户、编辑人姓名和导入路径，而此结果含有这些内容；"
                                      "请登录后查看。", "private") from None
                    if not records and more > byte_cap:
                        raise QueryFailed(f"仅第一行就超过{byte_cap:,}字节，未显示任何结果。请少返回一些"
                                          "（部分文字、计数或更少的项）。", "too_big")
                    if size + more > byte_cap or cells + more_cells > cell_cap:
                        cut_by = "bytes" if size + more > byte_cap else "cells"
                        break
                    records.append(record)
                    size += more
                    cells += more_cells
                    if time.perf_counter() - started > limit:
                        cut_by = "time"
                        break
                result.consume()
        except Neo4jError as exc:
            if untrusted.cut_off:
                cut_by = _late(records, limit)
            else:
                code = exc.code or ""
                if "TransactionTimedOut" in code or "Terminated" in code:
                    raise QueryFailed(f"查询超过{timeout:g}秒，已停止。", "timeout") from exc
                raise QueryFailed(f"查询失败：{exc.message}", "error") from exc
        except (DriverError, OSError) as exc:
            if not untrusted.cut_off:
                raise QueryFailed(f"查询失败：{exc}", "error") from exc
            cut_by = _late(records, limit)
    elapsed = (time.perf_counter() - started) * 1000
    return Result(columns, records, cut_by is not None, row_cap, round(elapsed, 1), operators, cut_by, size)


def _late(records: list[neo4j.Record], limit: float) -> str:
    """The deadline cut the connection: the rows that had arrived, or a refusal when none had."""
    if not records:
        raise QueryFailed(f"查询及其结果超过{limit:g}秒，已停止。", "deadline")
    return "time"
