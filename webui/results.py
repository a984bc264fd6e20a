"""Results of untrusted Cypher (console, saved queries) as a table, as JSON and, when they hold
nodes and relationships, as a graph."""
from __future__ import annotations

import re
from typing import Any

import neo4j.graph
from flask import current_app, url_for

from kb.readonly import Result
from webui.columns import coded_value
from webui.entities import display_name, entity_url, label_of
from webui.graphs import Picture
from webui.pages import plain

POWER_KEY = re.compile(r"^[^|#]+\|[^|]*\|[0-9a-f]{12}#\d{5}$")
DEPARTMENT_COLUMNS = {"department", "department_a", "department_b", "lead", "lead_department", "部门"}


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
