"""The browser: a Flask app over the knowledge graph (Chinese first, English on request, offline).

Every page is also JSON: add `.json` to its path (`/.json` for the front page), same context.

    /                                   dashboard: counts, powers per department and type, open findings, imports
    /imports, /imports/<id>             ImportRun nodes
    /jurisdictions[/<name>]             the WITHIN tree; a jurisdiction's departments and services
    /departments[/<name>]               departments by jurisdiction; one with its powers, units, lists
    /units/<key>, /versions/<key>       a unit (承办机构), a list version with its powers
    /diff/<department>?old=&new=        what changed between two versions of its list (.xlsx, .csv)
    /powers[/<key>]                     filterable list; a power with basis, duties, accountability, source
    /responsibilities/<key>, /catalog/<key>
    /laws[/<key>], /articles/<key>      laws cited; an article with every department acting on it
    /things[/<key>], /services/<key>    integrated services (一件事) and their items
    /search?q=&type=&power_type=&department=&level=&jurisdiction=&page=
    /reports, /reports/<area>[.csv|.xlsx|.json?all=1], /reports/finding/<id>
    /graph/<Label>/<key>?depth=1|2      neighbourhood, capped at KB_GRAPH_CAP nodes
    /chain/<power key | code | name>    a vertical chain, top-down
    /queries, /queries/<area>/<name>[.csv|.xlsx|.json]?run=1&<params>
    /console?cypher=                    read-only Cypher (kb.readonly)
    /login, /logout, /users (admin), /edit/power/<key> (editor), /edits[/<id>], /lang/<zh|en>
    /imports/new, /imports/upload/<token>   upload a file, see what it would change, confirm (editor)
"""
from __future__ import annotations

import contextlib
import os
import secrets
from typing import Any
from urllib.parse import quote

import neo4j.exceptions
from flask import Flask, g, request
from flask_babel import get_locale
from flask_wtf.csrf import CSRFProtect

from kb import readonly
from webui import errors, i18n, store, users
from webui import evidence as evidence_html
from webui.changes import marked
from webui.columns import column_name
from webui.entities import (
    AREA_NAMES,
    EVIDENCE_FIELDS,
    EVIDENCE_TYPES,
    EVIDENCE_VALUES,
    IMPORT_KINDS,
    IMPORT_STATUSES,
    LABEL_COLOURS,
    LABEL_NAMES,
    ROLE_NAMES,
    STATUS_NAMES,
    entity_url,
)
from webui.evidence import evidence_value
from webui.limits import Slots

csrf = CSRFProtect()


_PATH_SAFE = "!$&'()*+,/:;=@"  # what werkzeug's converters leave unquoted in a path segment
_MARK = "KbUrlMark7f3a"


class KbFlask(Flask):
    """Flask whose url_for of an endpoint with one argument in its path (a power's page, a department's,
    a law's …) is built from a cached prefix and suffix: werkzeug builds each link in about 0.1 ms, and
    a page of a province's lists has thousands of links. Anything else goes to Flask's own url_for."""

    def url_for(self, endpoint: str, *, _anchor: str | None = None, _method: str | None = None,
                _scheme: str | None = None, _external: bool | None = None, **values: Any) -> str:
        given = {k: v for k, v in values.items() if v is not None}
        if (len(given) == 1 and _anchor is None and _method is None and _scheme is None and not _external
                and not endpoint.startswith(".") and request):
            (name, value), = given.items()
            if isinstance(value, str):
                cache = self.extensions.setdefault("kb_url_parts", {})
                key = (endpoint, name, request.script_root, request.host)
                parts = cache.get(key)
                if parts is None:
                    try:
                        built = super().url_for(endpoint, **{name: _MARK})
                    except Exception:  # noqa: BLE001 - a converter that refuses the mark: Flask's own way
                        built = ""
                    head, sep, tail = built.partition(_MARK)
                    # only when the argument is in the path (not ?name=) and appears once
                    parts = cache[key] = (head, tail) if sep and "?" not in head and _MARK not in tail else ()
                if parts:
                    return parts[0] + quote(value, safe=_PATH_SAFE) + parts[1]
        return super().url_for(endpoint, _anchor=_anchor, _method=_method, _scheme=_scheme, _external=_external,
                               **values)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``test_config`` may hold ``KB_GRAPH`` (a kb.db.Graph) or ``KB_SETTINGS``."""
    app = KbFlask(__name__)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("KB_SECRET_KEY") or secrets.token_hex(32),
        BABEL_DEFAULT_LOCALE="zh",
        BABEL_TRANSLATION_DIRECTORIES="translations",
        JSON_AS_ASCII=False,
        KB_QUERY_TIMEOUT=readonly.DEFAULT_TIMEOUT,
        KB_ROW_CAP=readonly.DEFAULT_ROW_CAP,
        KB_BYTE_CAP=readonly.DEFAULT_BYTE_CAP,
        KB_CELL_CAP=readonly.DEFAULT_CELL_CAP,
        # the whole run of an untrusted query (EXPLAIN, transaction, streaming); None: the timeout + 3 s
        KB_QUERY_DEADLINE=None,
        KB_CONSOLE_PER_CLIENT=int(os.environ.get("KB_CONSOLE_PER_CLIENT") or 1),
        KB_CONSOLE_TOTAL=int(os.environ.get("KB_CONSOLE_TOTAL") or 4),
        KB_CONSOLE_COOLDOWN=float(os.environ.get("KB_CONSOLE_COOLDOWN") or 60),
        KB_CONSOLE_LOGIN=os.environ.get("KB_CONSOLE_LOGIN", "").strip().lower() in ("1", "true", "yes", "on"),
        KB_GRAPH_CAP=300,
        KB_PAGE_SIZE=50,
        # compute findings in a background thread when none are stored, they are stale, or after an
        # edit or a resolution (webui/findings.py); tests that want no threads turn it off
        KB_BACKGROUND_FINDINGS=True,
        WTF_CSRF_TIME_LIMIT=None,
        # uploads (/imports/new): the largest file, and every request body is refused beyond it + 1 MB
        KB_UPLOAD_MAX=int(float(os.environ.get("KB_UPLOAD_MAX_MB") or 50) * (1 << 20)),
        KB_UPLOAD_DIR=os.environ.get("KB_UPLOAD_DIR") or None,  # None: KB_HOME/uploads
        # the office's time zone: the audit trail's times are shown in it
        KB_TIMEZONE=os.environ.get("KB_TIMEZONE") or "Asia/Shanghai",
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if test_config:
        app.config.update(test_config)
    if app.config.get("MAX_CONTENT_LENGTH") is None:  # Flask's default is None: no limit
        app.config["MAX_CONTENT_LENGTH"] = int(app.config["KB_UPLOAD_MAX"]) + (1 << 20)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    store.init_app(app)
    share = max(1, int(app.config.get("KB_PROCESSES") or 1))  # kb serve --processes: each process its share
    app.extensions["kb_console_slots"] = Slots(int(app.config["KB_CONSOLE_PER_CLIENT"]),
                                               max(1, int(app.config["KB_CONSOLE_TOTAL"]) // share))
    csrf.init_app(app)
    i18n.init_app(app)
    app.before_request(users.load_user)
    errors.init_app(app)

    # Imported here, not at the top, so that the views' names (graph, search, queries…) do not become
    # attributes of the webui package.
    from webui.views import (
        auth,
        browse,
        console,
        dashboard,
        edits,
        graph,
        imports,
        laws,
        powers,
        queries,
        reports,
        search,
        things,
        versions,
    )

    for view in (dashboard, browse, powers, laws, things, search, reports, graph, queries, console, auth, edits,
                 versions, imports):
        app.register_blueprint(view.bp)

    from importers.document import DOCUMENT_SUFFIXES  # (a document's "sheets" are its tables: 表格)

    # Globals (not a context processor) so that imported macros see them too.
    app.jinja_env.globals.update(entity_url=entity_url, label_colours=LABEL_COLOURS, label_names=LABEL_NAMES,
                                 json_url=_json_url, page_url=_page_url, area_names=AREA_NAMES,
                                 status_names=STATUS_NAMES, import_kinds=IMPORT_KINDS,
                                 import_statuses=IMPORT_STATUSES, evidence_fields=EVIDENCE_FIELDS, role_names=ROLE_NAMES,
                                 evidence_types=EVIDENCE_TYPES, evidence_values=EVIDENCE_VALUES,
                                 column_name=column_name, marked=marked, evidence_value=evidence_value,
                                 evidence_html=evidence_html, document_suffixes=tuple(DOCUMENT_SUFFIXES))

    from webui.evidence import layouts_title
    from webui.times import shown_time

    app.jinja_env.filters["shown_time"] = shown_time
    app.jinja_env.filters["mapping_title"] = layouts_title

    @app.context_processor
    def user_context() -> dict[str, Any]:
        # a label's colon: full-width after Chinese (「下载：CSV」), ": " after English
        return {"current_user": g.get("user"), "colon": ": " if str(get_locale()) == "en" else "："}

    @app.after_request
    def searchable(response):  # a form that wrote: search finds what it wrote (kb.schema.FULLTEXT_STATEMENT)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400 \
                and app.extensions.get("kb_graph") is not None:
            with contextlib.suppress(neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError):
                store.graph().searchable()
        return response

    @app.after_request
    def no_external(response):  # a second fence: the browser may load nothing from outside the app
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; connect-src 'self'; font-src 'self' data:; frame-ancestors 'self'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return app


def _json_url() -> str:
    """The JSON twin of the current page (Datasette style: `.json` after the path), the path quoted again: a key
    holds # and ? (行政处罚法#72, a power's …|2024|…#00012) that would end the path in a link."""
    path = quote(request.path.rstrip("/"), safe="/:@!$&'()*+,;=|~-._")
    query = request.query_string.decode()
    return f"{path or ''}.json" + (f"?{query}" if query else "") if path else "/.json" + (f"?{query}" if query else "")


def _page_url(**changes: Any) -> str:
    """The current URL with some query arguments changed (pagination, sorting, filters)."""
    from urllib.parse import urlencode

    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None or value == "":
            args.pop(key, None)
        else:
            args[key] = [str(value)]
    query = urlencode(args, doseq=True)
    return request.path + (f"?{query}" if query else "")
