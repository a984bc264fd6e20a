"""Versions of a department's list, what changed between two of them (kb.analyses.diff), and
publishing (freezing) the current one (importers.revisions).

    /diff/<department>                        the versions, published or not, and the changes
    /publish/<department>                     (editor, POST) publish the current list: later edits
                                              start a new version, the published one stays as it was

Each version links to the import run that made it, where an admin may revert that import
(/imports/<id>/revert, webui/views/dashboard.py).
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from importers import revisions
from kb.analyses import diff
from webui import exports, findings, store
from webui.pages import page
from webui.users import role_required

bp = Blueprint("versions", __name__)


class PublishForm(FlaskForm):
    reason = TextAreaField(_l("Reason for the change"), validators=[DataRequired(), Length(max=2000)])


@page(bp, "/diff/<path:department>", "versions/diff.html")
def department_diff(department: str) -> dict:
    """`?old=2024&new=2025` (default: the last two versions); `?format=xlsx|csv` downloads the changes."""
    department, fmt = exports.split_format(department)
    fmt = fmt or request.args.get("format")
    history = diff.versions(store.graph(), department)
    labels = [v["version"] for v in history if not v["retired"]]  # a reverted import takes no part
    if not history:
        abort(404)
    old, new = request.args.get("old") or None, request.args.get("new") or None
    if (old is None) != (new is None):
        old, new = (old or labels[0]), (new or labels[-1])
    context: dict = {"department": department, "versions": labels, "history": history, "error": None,
                     "_publish": PublishForm()}
    try:
        result = diff.compare(store.graph(), department, old, new) if old else diff.compare(store.graph(), department)
    except diff.NoSuchVersion as exc:
        return context | {"error": str(exc), "_status": 404 if old else 200}
    if fmt in ("csv", "xlsx"):
        return exports.download(fmt, f"{department}{result.old}-{result.new}", diff.DIFF_COLUMNS, result.rows())
    return context | result.as_dict()


@bp.route("/publish/<path:department>", methods=["POST"])
@role_required("editor")
def publish(department: str):
    form = PublishForm()
    back = url_for("versions.department_diff", department=department)
    if not form.validate():
        flash(_("Give a reason for the change."), "error")
        return redirect(back)
    try:
        done = revisions.publish(store.graph(), department, g.user["name"], form.reason.data.strip())
    except revisions.NoList:
        abort(404)
    findings.invalidate()
    if done.parts:
        flash(_("Published version %(version)s: a later change starts a new version, this one stays as it is.",
                version=done.version), "success")
    else:
        flash(_("Version %(version)s was published already.", version=done.version), "info")
    return redirect(back)
