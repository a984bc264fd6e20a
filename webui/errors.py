"""Error pages in the app's layout (and as JSON for `.json` addresses)."""
from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from webui.jsondata import json_response
from webui.pages import wants_json


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        titles = {403: _("You may not do this (your role does not allow it)."),
                  404: _("There is no such page or entity."),
                  405: _("This address does not accept that method."),
                  400: _("The request was not valid (an expired form? reload the page and try again).")}
        message = titles.get(exc.code or 500, exc.description or "")
        if wants_json():
            return json_response({"error": exc.code, "message": message}, exc.code or 500)
        return render_template("error.html", code=exc.code, message=message), exc.code
