"""Running Cypher we did not write (the console, saved queries) without letting it change anything.

Three locks, each enough on its own for writes, together for the rest:
1. an ``EXPLAIN`` first: the query type must be read-only (``r``) and the plan may not hold operators
   that read outside the database or touch other sessions (``LOAD CSV``, ``TERMINATE TRANSACTIONS``,
   ``SHOW TRANSACTIONS`` …) nor procedures outside an allow-list (READ mode alone lets ``LOAD CSV``
   fetch URLs and ``dbms.*`` procedures read the configuration);
2. a session in READ access mode, so the server itself refuses a write that slipped through;
3. a transaction timeout and a row cap, so a heavy query cannot hold the server.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j.exceptions import CypherSyntaxError, DriverError, Neo4jError

import neo4j
from kb.db import Graph

# The one set of limits for Cypher we did not write: the console, the saved queries in the browser and
# `kb query run` (whose --timeout and --limit may change them for one run).
DEFAULT_TIMEOUT = 5.0
DEFAULT_ROW_CAP = 1000

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
    "LoadCSV": "LOAD CSV reads files and URLs outside the database",
    "TerminateTransactions": "TERMINATE TRANSACTIONS stops other people's work",
    "ShowTransactions": "SHOW TRANSACTIONS shows other sessions' queries",
    "ShowSettings": "SHOW SETTINGS shows the server configuration",
    "ShowServers": "SHOW SERVERS is an administration command",
    "ShowDatabases": "SHOW DATABASES is an administration command",
    "ShowUsers": "SHOW USERS is an administration command",
    "AdministrationCommand": "administration commands (users, roles, databases) are not allowed",
}

QUERY_TYPES = {"r": "read", "rw": "read/write", "w": "write", "s": "schema or administration"}

_PROCEDURE_NAME = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*\(")


class Refused(Exception):
    """The query may not run here; ``str()`` is the message for the user."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason  # short code: write, schema, load_csv, procedure, operator, syntax, empty


class QueryFailed(Exception):
    """The query was allowed but failed while running (timeout, runtime error)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason  # timeout, error


@dataclass
class Result:
    columns: list[str]
    records: list[neo4j.Record]
    truncated: bool
    row_cap: int
    elapsed_ms: float
    plan_operators: list[str] = field(default_factory=list)

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


def explain(graph: Graph, text: str, params: dict[str, Any] | None = None) -> list[str]:
    """Refuse what may not run; return the plan's operator names when it may."""
    if not text or not text.strip():
        raise Refused("The query is empty.", "empty")
    if text.strip().upper().startswith(("EXPLAIN", "PROFILE")):
        raise Refused("Write the query without EXPLAIN or PROFILE: it is explained before it runs.", "syntax")
    try:
        with graph.session(read_only=True) as session:
            summary = session.run(neo4j.Query("EXPLAIN " + text, timeout=DEFAULT_TIMEOUT), params or {}).consume()
    except CypherSyntaxError as exc:
        raise Refused(f"The query is not valid Cypher: {exc.message}", "syntax") from exc
    except Neo4jError as exc:
        raise Refused(f"The query cannot be planned: {exc.message}", "syntax") from exc
    except (ValueError, OverflowError, TypeError, DriverError) as exc:  # e.g. a parameter too big to send
        raise Refused(f"The parameters cannot be sent: {exc}", "syntax") from exc
    qtype = summary.query_type
    ops = list(_operators(summary.plan))
    names = [op for op, _ in ops]
    if "AdministrationCommand" in names:
        raise Refused("Refused: administration commands (users, roles, privileges, databases) are not "
                      "allowed here.", "admin")
    for op, details in ops:
        if op == "LoadCSV":
            raise Refused("Refused: LOAD CSV reads files and URLs outside the database.", "load_csv")
        if op in ("ProcedureCall", "ProcedureCallOperator") or op.startswith("ProcedureCall"):
            match = _PROCEDURE_NAME.match(details)
            name = match.group(1) if match else details
            if name not in ALLOWED_PROCEDURES:
                allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
                raise Refused(f"Refused: the procedure {name} is not on the allow-list ({allowed}).", "procedure")
        if op in DENIED_OPERATORS:
            raise Refused(f"Refused: {DENIED_OPERATORS[op]}.", "operator")
    if qtype != "r":
        kind = QUERY_TYPES.get(qtype or "", qtype or "unknown")
        reason = "schema" if qtype == "s" else "write"
        what = ("changes the schema or administers the server" if qtype == "s"
                else "writes to the database (CREATE, MERGE, SET, DELETE, REMOVE …)")
        raise Refused(f"Refused: this query {what}; query type is '{kind}', only read-only queries run here.",
                      reason)
    return names


def run(graph: Graph, text: str, params: dict[str, Any] | None = None, *, timeout: float = DEFAULT_TIMEOUT,
        row_cap: int = DEFAULT_ROW_CAP) -> Result:
    """Check, then run read-only under a timeout; keep at most ``row_cap`` rows and say if there were more."""
    operators = explain(graph, text, params)
    started = time.perf_counter()
    try:
        with graph.session(read_only=True, fetch_size=min(row_cap + 1, 1000)) as session:
            result = session.run(neo4j.Query(text, timeout=timeout), params or {})
            columns = list(result.keys())
            records: list[neo4j.Record] = []
            truncated = False
            for record in result:
                if len(records) == row_cap:
                    truncated = True
                    break
                records.append(record)
            result.consume()
    except Neo4jError as exc:
        code = exc.code or ""
        if "TransactionTimedOut" in code or "Terminated" in code:
            raise QueryFailed(f"The query took longer than {timeout:g} s and was stopped.", "timeout") from exc
        raise QueryFailed(f"The query failed: {exc.message}", "error") from exc
    elapsed = (time.perf_counter() - started) * 1000
    return Result(columns, records, truncated, row_cap, round(elapsed, 1), operators)
