"""Untrusted Cypher (console, saved queries): run through kb.readonly, its results as a table, as JSON
and, when they hold nodes and relationships, as a graph."""
from __future__ import annotations

import re
from typing import Any

import neo4j.graph
from flask import current_app, g, request, url_for
from flask_babel import lazy_gettext as _l

from kb import readonly
from kb.readonly import Result
from webui import store
from webui.columns import coded_value
from webui.entities import display_name, entity_url, label_of
from webui.graphs import Picture
from webui.jsondata import plain
from webui.limits import TooMany

POWER_KEY = re.compile(r"^[^|#]+\|[^|]*\|[0-9a-f]{12}#\d{5}$")
DEPARTMENT_COLUMNS = {"department", "department_a", "department_b", "lead", "lead_department", "部门"}

REASONS = {
    "write": _l("Refused: this query would write to the database."),
    "schema": _l("Refused: this query would change the schema."),
    "admin": _l("Refused: administration commands are not allowed."),
    "load_csv": _l("Refused: LOAD CSV reads files and URLs outside the database."),
    "procedure": _l("Refused: this procedure is not on the allow-list."),
    "operator": _l("Refused: this command is not allowed here."),
    "syntax": _l("The query could not be checked."),
    "empty": _l("The query is empty."),
    "timeout": _l("The query took too long and was stopped."),
    "deadline": _l("The query took too long and was stopped."),
    "error": _l("The query failed."),
    "too_long": _l("Refused: the query is too long."),
    "too_deep": _l("Refused: the query nests brackets too deep."),
    "too_big": _l("Refused: a single row of the answer is too large to show."),
    "private": _l("Refused: without a login, users, editors' names and import paths are not shown."),
    "busy": _l("Too many queries at once."),
}
# Refusals that are not the query's fault as written: the size of the request or of its answer (413),
# too many at once (429).
STATUSES = {"too_long": 413, "too_big": 413, "busy": 429}

CUT_BY = {
    "rows": _l("Truncated: only the first %(n)d rows are shown."),
    "bytes": _l("Truncated at %(mb)s MB: only the first %(n)d rows are shown."),
    "cells": _l("Truncated at %(cells)s values: only the first %(n)d rows are shown."),
    "time": _l("Truncated at the time limit: only the first %(n)d rows are shown."),
}


def cell(value: Any, column: str = "") -> dict[str, Any]:
    """A value for the HTML table: text to show and the page to link to (nodes, power keys, departments)."""
    if isinstance(value, str) and POWER_KEY.match(value):
        return {"text": value, "url": url_for("powers.power", key=value)}
    if isinstance(value, str) and value and column in DEPARTMENT_COLUMNS:
        return {"text": value, "url": url_for("browse.department", name=value)}
    if isinstance(value, neo4j.graph.Node):
        label = label_of(sorted(value.labels))
        props = dict(value)
        return {"text": f"({label}) {display_name(label, props)}", "url": entity_url(label, props)}
    if isinstance(value, neo4j.graph.Relationship):
        return {"text": f"[:{value.type}]", "url": None}
    if isinstance(value, neo4j.graph.Path):
        return {"text": " → ".join(display_name(label_of(sorted(n.labels)), dict(n)) for n in value.nodes),
                "url": None}
    data = plain(value)
    if isinstance(data, (list, dict)):
        import json

        return {"text": json.dumps(data, ensure_ascii=False), "url": None}
    text = "" if data is None else str(data)
    return {"text": coded_value(column, text), "url": None}


def _walk(value: Any, nodes: dict[str, neo4j.graph.Node], rels: dict[str, neo4j.graph.Relationship]) -> None:
    if isinstance(value, neo4j.graph.Node):
        nodes[value.element_id] = value
    elif isinstance(value, neo4j.graph.Relationship):
        rels[value.element_id] = value
        for end in (value.start_node, value.end_node):
            if end is not None:
                nodes.setdefault(end.element_id, end)
    elif isinstance(value, neo4j.graph.Path):
        for n in value.nodes:
            nodes[n.element_id] = n
        for r in value.relationships:
            _walk(r, nodes, rels)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _walk(v, nodes, rels)
    elif isinstance(value, dict):
        for v in value.values():
            _walk(v, nodes, rels)


def picture(result: Result) -> dict[str, Any] | None:
    """A graph of the nodes and relationships in the rows, or None when there are none."""
    nodes: dict[str, neo4j.graph.Node] = {}
    rels: dict[str, neo4j.graph.Relationship] = {}
    for record in result.records:
        _walk(list(record.values()), nodes, rels)
    if not nodes:
        return None
    cap = int(current_app.config["KB_GRAPH_CAP"])
    pic = Picture()
    for element_id, node in list(nodes.items())[:cap]:
        pic.node(element_id, sorted(node.labels), dict(node))
    pic.cut = len(nodes) > cap
    shown = set(list(nodes)[:cap])
    for rel in rels.values():
        if rel.start_node is not None and rel.end_node is not None and \
                rel.start_node.element_id in shown and rel.end_node.element_id in shown:
            pic.edge(rel.start_node.element_id, rel.end_node.element_id, rel.type, dict(rel))
    return pic.data()


def table(result: Result) -> dict[str, Any]:
    return {"columns": result.columns,
            "rows": [[cell(v, c) for c, v in zip(result.columns, r.values(), strict=False)] for r in result.records],
            "truncated": result.truncated, "row_cap": result.row_cap, "elapsed_ms": result.elapsed_ms,
            "count": len(result.records)}


def json_rows(result: Result) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in zip(result.columns, r.values(), strict=False)} for r in result.records]


def cut_message(result: Result) -> str:
    if not result.cut_by:
        return ""
    config = current_app.config
    return str(CUT_BY[result.cut_by] % {"n": len(result.records), "mb": f"{int(config['KB_BYTE_CAP']) / 1e6:g}",
                                        "cells": f"{int(config['KB_CELL_CAP']):,}"})


def execute(cypher: str, params: dict[str, Any] | None = None, *, private: bool = False) -> dict[str, Any]:
    """Run through kb.readonly; the context shared by the console and the saved queries. At most
    KB_CONSOLE_PER_CLIENT runs at once per client address (KB_CONSOLE_TOTAL in all): one more is
    refused at once with 429; a run cut off at the deadline keeps its slot KB_CONSOLE_COOLDOWN seconds
    more, as the server may still be working on it. ``private``: the reader is anonymous (kb.readonly hides private data)."""
    out: dict[str, Any] = {"columns": [], "rows": [], "truncated": False, "cut_by": None, "elapsed_ms": None,
                           "refused": None, "graph": None, "_table": None, "count": 0}
    config = current_app.config
    client = request.remote_addr or "unknown"
    try:
        with current_app.extensions["kb_console_slots"].slot(client) as keep:
            try:
                result = readonly.run(store.graph(), cypher, params or {},
                                      timeout=float(config["KB_QUERY_TIMEOUT"]), row_cap=int(config["KB_ROW_CAP"]),
                                      byte_cap=int(config["KB_BYTE_CAP"]), cell_cap=int(config["KB_CELL_CAP"]),
                                      deadline=config["KB_QUERY_DEADLINE"], private=private)
            except readonly.QueryFailed as exc:
                if exc.reason == "deadline":  # the server may still be at work on it
                    keep(float(config["KB_CONSOLE_COOLDOWN"]))
                raise
            if result.cut_by == "time":
                keep(float(config["KB_CONSOLE_COOLDOWN"]))
    except TooMany as exc:
        from flask_babel import gettext as _

        out["refused"] = {"reason": "busy", "title": str(REASONS["busy"]), "kind": "refused",
                          "message": _("A query of yours is still running; try again in %(seconds)d seconds.",
                                       seconds=exc.retry_after)}
        out["_status"] = 429
        out["_headers"] = {"Retry-After": str(exc.retry_after)}
        return out
    except (readonly.Refused, readonly.QueryFailed) as exc:
        out["refused"] = {"reason": exc.reason, "title": str(REASONS.get(exc.reason, REASONS["error"])),
                          "message": str(exc), "kind": "refused" if isinstance(exc, readonly.Refused) else "failed"}
        out["_status"] = STATUSES.get(exc.reason, 400)
        return out
    out.update(columns=result.columns, rows=json_rows(result), truncated=result.truncated, cut_by=result.cut_by,
               truncation=cut_message(result), row_cap=result.row_cap, elapsed_ms=result.elapsed_ms,
               count=len(result.records), graph=picture(result), _table=table(result))
    return out


def anonymous() -> bool:
    return not g.get("user")
