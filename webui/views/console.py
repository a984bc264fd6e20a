"""A read-only Cypher console (kb/readonly.py: EXPLAIN check, READ mode, timeout, row, byte and cell caps,
a deadline). Open to anonymous readers unless KB_CONSOLE_LOGIN is set; for them, the users' graph,
editors' names and import paths are out of reach."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from webui import results
from webui.pages import page

bp = Blueprint("console", __name__)

EXAMPLES = [
    "MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS department, count(p) AS powers ORDER BY powers DESC",
    ("MATCH (l:Law {key: '安全生产法'})-[:HAS_ARTICLE]->(a:Article) WHERE NOT (a)<-[:BASED_ON]-() "
     "RETURN a.label, left(a.text, 60) LIMIT 20"),
    "MATCH path = (p:Power)-[:BASED_ON]->(a:Article {key: '种子法#31'}) RETURN path LIMIT 25",
    "CALL db.labels()",
]

EXAMPLE_NAMES = [_l("powers per department"), _l("articles of 安全生产法 nobody cites"),
                 _l("powers based on 种子法 article 31, as a graph"), _l("labels in the database")]


@page(bp, "/console", "console.html")
def console() -> Any:
    if current_app.config["KB_CONSOLE_LOGIN"] and not g.get("user"):
        from webui.i18n import here

        flash(_("Please log in first."), "warning")
        return redirect(url_for("auth.login", next=here()))
    cypher = request.args.get("cypher", "").strip()
    context: dict[str, Any] = {"cypher": cypher, "examples": EXAMPLES,
                               "_example_names": [str(n) for n in EXAMPLE_NAMES],
                               "timeout": current_app.config["KB_QUERY_TIMEOUT"],
                               "row_cap": current_app.config["KB_ROW_CAP"],
                               "byte_mb": f"{int(current_app.config['KB_BYTE_CAP']) / 1e6:g}"}
    if cypher:
        context.update(results.execute(cypher, private=results.anonymous()))
    return context
