"""One view, one context, rendered as HTML or as JSON (`.json` beside every page, as in Datasette).

Context keys starting with `_` (forms, helpers) are for the template only and left out of the JSON.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any

import neo4j.graph
import neo4j.spatial
import neo4j.time
from flask import Blueprint, Response, abort, render_template, request
from markupsafe import Markup

JSON_SUFFIX = ".json"


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
        import dataclasses

        return plain(dataclasses.asdict(value))
    if hasattr(value, "__html__"):
        return str(value)
    return str(value)


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(plain(data), ensure_ascii=False, indent=2)
    return Response(body, status=status, mimetype="application/json")


def wants_json() -> bool:
    return request.path.endswith(JSON_SUFFIX)


def page(bp: Blueprint, rule: str, template: str, endpoint: str | None = None,
         methods: tuple[str, ...] = ("GET",)) -> Callable:
    """Register ``rule`` (and ``rule.json`` unless the rule ends with a converter, which takes the suffix)."""

    def decorate(fn: Callable[..., dict | Response]) -> Callable:
        name = endpoint or fn.__name__

        @functools.wraps(fn)
        def view(**kwargs: Any) -> Any:
            as_json = wants_json()
            if as_json and rule.endswith(">"):
                last = list(kwargs)[-1]
                if not str(kwargs[last]).endswith(JSON_SUFFIX):
                    abort(404)
                kwargs[last] = str(kwargs[last])[: -len(JSON_SUFFIX)]
            context = fn(**kwargs)
            if isinstance(context, Response) or not isinstance(context, dict):
                return context
            status = context.pop("_status", 200)
            if as_json:
                return json_response(context, status)
            return render_template(template, **context), status

        bp.add_url_rule(rule, name, view, methods=list(methods))
        if not rule.endswith(">"):
            twin = "/.json" if rule == "/" else rule.rstrip("/") + JSON_SUFFIX
            bp.add_url_rule(twin, name + "_json", view, methods=list(methods))
        return view

    return decorate


def int_arg(name: str, default: int, lo: int = 1, hi: int = 10**6) -> int:
    try:
        value = int(request.args.get(name, default))
    except (TypeError, ValueError):
        value = default
    return max(lo, min(hi, value))


def paginate(total: int, page_size: int) -> dict[str, int]:
    pages = max(1, -(-total // page_size))
    current = int_arg("page", 1, 1, pages)
    return {"page": current, "pages": pages, "page_size": page_size, "total": total,
            "skip": (current - 1) * page_size}


def requested_skip(page_size: int) -> int:
    """The offset of the page asked for, before the total is known (one query gives page and total)."""
    return (int_arg("page", 1, 1, 10**5) - 1) * page_size


def pager(total: int, page_size: int) -> dict[str, int]:
    pages = max(1, -(-total // page_size))
    current = int_arg("page", 1, 1, 10**5)
    return {"page": current, "pages": pages, "page_size": page_size, "total": total,
            "skip": (current - 1) * page_size}
