"""Chinese by default, English on request (`/lang/en`, remembered in a cookie)."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

from flask import Blueprint, Flask, redirect, request
from flask_babel import Babel

LOCALES = {"zh": "中文", "en": "English"}
COOKIE = "kb_lang"

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    asked = request.args.get("lang") or request.cookies.get(COOKIE)
    return asked if asked in LOCALES else "zh"


def safe_next(target: str | None) -> str:
    """Only paths inside the app: no scheme, no host, no `//`, no backslash, no control characters
    (browsers and Werkzeug drop tabs and newlines, so `/\t/evil.com` would become `//evil.com`)."""
    if not target or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target) or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target.replace("#", "%23")  # a key's # (甲#00001) is part of the path, not a fragment


def here() -> str:
    """The current page as a `next` target: the path quoted again (Werkzeug gives it decoded, and a
    power key's # or ? would otherwise end the path), the query string as it came."""
    path = quote(request.path, safe="/:@!$&'()*+,;=-._~")
    query = request.query_string.decode("ascii", "replace")
    return path + (f"?{query}" if query else "")


@bp.route("/lang/<code>")
def switch(code: str):
    response = redirect(safe_next(request.args.get("next")))
    if code in LOCALES:
        response.set_cookie(COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def init_app(app: Flask) -> None:
    import os

    app.config["BABEL_TRANSLATION_DIRECTORIES"] = os.path.join(app.root_path, "translations")
    Babel(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    app.jinja_env.globals["here"] = here

    @app.context_processor
    def locale_context() -> dict:
        return {"locales": LOCALES, "locale": select_locale()}
