"""Error pages in the app's layout (and as JSON for `.json` addresses)."""
from __future__ import annotations

from typing import NoReturn

from flask import Flask, render_template
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, NotFound, default_exceptions

from webui.jsondata import json_response
from webui.pages import wants_json


def explain(code: int, message: str) -> NoReturn:
    """Stop with an error page (or JSON) that says ``message`` instead of the generic words of ``code``:
    a bad date, a power not in the lists of a day."""
    exc = default_exceptions.get(code, NotFound)()
    exc.kb_message = message  # type: ignore[attr-defined]
    raise exc


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        titles = {403: _("You may not do this (your role does not allow it)."),
                  404: _("There is no such page or entity."),
                  405: _("This address does not accept that method."),
                  400: _("The request was not valid (an expired form? reload the page and try again).")}
        message = getattr(exc, "kb_message", None) or titles.get(exc.code or 500, exc.description or "")
        if wants_json():
            return json_response({"error": exc.code, "message": message}, exc.code or 500)
        return render_template("error.html", code=exc.code, message=message), exc.code
