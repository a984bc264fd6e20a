"""One view, one context, rendered as HTML or as JSON (`.json` beside every page, as in Datasette).

Context keys starting with `_` (forms, helpers) are for the template only and left out of the JSON.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, abort, render_template, request

from webui import kept as kept_pages
from webui.jsondata import json_response

JSON_SUFFIX = ".json"


def wants_json() -> bool:
    return request.path.endswith(JSON_SUFFIX)


def page(bp: Blueprint, rule: str, template: str, endpoint: str | None = None,
         methods: tuple[str, ...] = ("GET",), kept: bool = False) -> Callable:
    """Register ``rule`` (and ``rule.json`` unless the rule ends with a converter, which takes the suffix).

    ``kept``: the page's HTML is drawn once per change of the data, language and role and kept (webui.kept):
    for a page that draws the data only (no form, no flash, no state of this process)."""

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
            keep = kept and not as_json and kept_pages.keeps()
            if keep:
                key = kept_pages.key()
                if (blocks := kept_pages.kept().get(key)) is not None:
                    return kept_pages.render(blocks)
            context = fn(**kwargs)
            if isinstance(context, Response) or not isinstance(context, dict):
                return context
            status = context.pop("_status", 200)
            headers = context.pop("_headers", {})
            if as_json:
                response = json_response(context, status)
                response.headers.update(headers)
                return response
            if keep and status == 200 and not headers:
                html, blocks = kept_pages.draw(template, context)
                if blocks:
                    kept_pages.kept().put(key, blocks)
                return html
            return render_template(template, **context), status, headers

        bp.add_url_rule(rule, name, view, methods=list(methods))
        if not rule.endswith(">"):
            twin = "/.json" if rule == "/" else rule.rstrip("/") + JSON_SUFFIX
            bp.add_url_rule(twin, name + "_json", view, methods=list(methods))
        return view

    return decorate
