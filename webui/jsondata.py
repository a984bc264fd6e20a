"""Values from the driver and from page contexts as plain JSON data (every page's `.json` twin)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import neo4j.graph
import neo4j.spatial
import neo4j.time
from flask import Response
from markupsafe import Markup


def plain(value: Any) -> Any:
    """A value from the driver or a context as plain JSON data."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, neo4j.graph.Node):
        return {"element_id": value.element_id, "labels": sorted(value.labels),
                "properties": plain(dict(value))}
    if isinstance(value, neo4j.graph.Relationship):
        return {"element_id": value.element_id, "type": value.type,
                "start": value.start_node.element_id if value.start_node else None,
                "end": value.end_node.element_id if value.end_node else None,
                "properties": plain(dict(value))}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, (neo4j.time.DateTime, neo4j.time.Date, neo4j.time.Time, neo4j.time.Duration)):
        return value.iso_format()
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, neo4j.spatial.Point):
        return list(value)
    if hasattr(value, "to_dict"):
        return plain(value.to_dict())
    if hasattr(value, "__dataclass_fields__"):
        return plain(dataclasses.asdict(value))
    if hasattr(value, "__html__"):
        return str(value)
    return str(value)


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(plain(data), ensure_ascii=False, indent=2)
    return Response(body, status=status, mimetype="application/json")
