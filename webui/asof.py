"""Answers as of a date in the browser: `?as_of=YYYY-MM-DD` on the search, power, department and chain
pages (and the saved queries' `as_of` field) answers from the list versions in force that day
(kb.model.in_force). A date that is not one is a 400 page that says so, never a 500."""
from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from kb.model import as_of_date
from webui.errors import explain


def requested() -> str | None:
    """The `as_of` argument of the request: None when absent or empty; a bad date stops with a 400."""
    try:
        return as_of_date(request.args.get("as_of"))
    except ValueError:
        explain(400, _("The date must be written YYYY-MM-DD."))
