"""Versions of a department's list and what changed between two of them (kb.analyses.diff)."""
from __future__ import annotations

from flask import Blueprint, abort, request

from kb.analyses import diff
from webui import exports, store
from webui.pages import page

bp = Blueprint("versions", __name__)


@page(bp, "/diff/<path:department>", "versions/diff.html")
def department_diff(department: str) -> dict:
    """`?old=2024&new=2025` (default: the last two versions); `?format=xlsx|csv` downloads the changes."""
    department, fmt = exports.split_format(department)
    fmt = fmt or request.args.get("format")
    labels = [v["version"] for v in diff.versions(store.graph(), department)]
    if not labels:
        abort(404)
    old, new = request.args.get("old") or None, request.args.get("new") or None
    if (old is None) != (new is None):
        old, new = (old or labels[0]), (new or labels[-1])
    context: dict = {"department": department, "versions": labels, "error": None}
    try:
        result = diff.compare(store.graph(), department, old, new) if old else diff.compare(store.graph(), department)
    except diff.NoSuchVersion as exc:
        return context | {"error": str(exc), "_status": 404 if old else 200}
    if fmt in ("csv", "xlsx"):
        return exports.download(fmt, f"{department}{result.old}-{result.new}", diff.DIFF_COLUMNS, result.rows())
    return context | result.as_dict()
