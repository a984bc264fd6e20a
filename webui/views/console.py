"""A read-only Cypher console (kb/readonly.py: EXPLAIN check, READ mode, timeout, row cap)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, request
from flask_babel import lazy_gettext as _l

from kb import readonly
from webui import results, store
from webui.pages import page

bp = Blueprint("console", __name__)

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
    "error": _l("The query failed."),
}

EXAMPLES = [
    "MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS department, count(p) AS powers ORDER BY powers DESC",
    ("MATCH (l:Law {key: '安全生产法'})-[:HAS_ARTICLE]->(a:Article) WHERE NOT (a)<-[:BASED_ON]-() "
     "RETURN a.label, left(a.text, 60) LIMIT 20"),
    "MATCH path = (p:Power)-[:BASED_ON]->(a:Article {key: '种子法#31'}) RETURN path LIMIT 25",
    "CALL db.labels()",
]

EXAMPLE_NAMES = [_l("powers per department"), _l("articles of 安全生产法 nobody cites"),
                 _l("powers based on 种子法 article 31, as a graph"), _l("labels in the database")]


def execute(cypher: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run through kb.readonly; the context shared by the console and the saved queries."""
    out: dict[str, Any] = {"columns": [], "rows": [], "truncated": False, "elapsed_ms": None, "refused": None,
                           "graph": None, "_table": None, "count": 0}
    try:
        result = readonly.run(store.graph(), cypher, params or {},
                              timeout=float(current_app.config["KB_QUERY_TIMEOUT"]),
                              row_cap=int(current_app.config["KB_ROW_CAP"]))
    except (readonly.Refused, readonly.QueryFailed) as exc:
        out["refused"] = {"reason": exc.reason, "title": str(REASONS.get(exc.reason, REASONS["error"])),
                          "message": str(exc), "kind": "refused" if isinstance(exc, readonly.Refused) else "failed"}
        out["_status"] = 400
        return out
    out.update(columns=result.columns, rows=results.json_rows(result), truncated=result.truncated,
               row_cap=result.row_cap, elapsed_ms=result.elapsed_ms, count=len(result.records),
               graph=results.picture(result), _table=results.table(result))
    return out


@page(bp, "/console", "console.html")
def console() -> dict:
    cypher = request.args.get("cypher", "").strip()
    context: dict[str, Any] = {"cypher": cypher, "examples": EXAMPLES,
                               "_example_names": [str(n) for n in EXAMPLE_NAMES],
                               "timeout": current_app.config["KB_QUERY_TIMEOUT"],
                               "row_cap": current_app.config["KB_ROW_CAP"]}
    if cypher:
        context.update(execute(cypher))
    return context
