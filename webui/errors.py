"""Error pages in the app's layout (and as JSON for `.json` addresses)."""
from __future__ import annotations

import logging
from typing import NoReturn

import neo4j.exceptions
from flask import Flask, render_template
from flask_babel import gettext as _
from jinja2 import TemplateError
from markupsafe import escape
from werkzeug.exceptions import HTTPException, NotFound, default_exceptions

from webui.jsondata import json_response
from webui.pages import wants_json

RETRY_AFTER = 30  # seconds: a restarting server answers within about this


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

    @app.errorhandler(neo4j.exceptions.ServiceUnavailable)
    @app.errorhandler(neo4j.exceptions.SessionExpired)
    def database_down(exc: Exception):
        """The database does not answer (stopped, restarting, killed): 503 with Retry-After, not a 500."""
        logging.getLogger(__name__).warning("database unavailable: %s", exc)
        message = _("The database does not answer at the moment (it may be restarting). Try again in a minute.")
        headers = {"Retry-After": str(RETRY_AFTER)}
        if wants_json():
            response = json_response({"error": 503, "message": message}, 503)
            response.headers.update(headers)
            return response
        try:
            page = render_template("error.html", code=503, message=message)
        except (neo4j.exceptions.DriverError, TemplateError):  # the layout itself asked the database
            page = f"<!doctype html><meta charset=utf-8><title>503</title><h1>503</h1><p>{escape(message)}</p>"
        return page, 503, headers
