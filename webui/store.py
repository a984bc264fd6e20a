"""The app's one Graph: injected through the config (tests) or opened from the settings on first use."""
from __future__ import annotations

import threading
from typing import Any

from flask import Flask, current_app

from kb.db import Graph

_lock = threading.Lock()
# How long a page's read or write is retried while the database does not answer (the driver's default is
# 30 s): a worker is not held that long; the page says 503 with Retry-After instead (webui/errors.py).
RETRY_SECONDS = 5.0


def init_app(app: Flask) -> None:
    app.extensions["kb_graph"] = app.config.get("KB_GRAPH")


def graph() -> Graph:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    found = app.extensions.get("kb_graph")
    if found is None:
        with _lock:
            found = app.extensions.get("kb_graph")
            if found is None:
                from kb.config import load_settings

                found = Graph.from_settings(app.config.get("KB_SETTINGS") or load_settings(),
                                            max_transaction_retry_time=RETRY_SECONDS)
                app.extensions["kb_graph"] = found
    return found


def read(query: str, **params: Any) -> list[dict]:
    return graph().read(query, **params)


def read_one(query: str, **params: Any) -> dict | None:
    rows = graph().read(query, **params)
    return rows[0] if rows else None


def read_one_or_404(query: str, **params: Any) -> dict:
    """The one row an entity page shows; a key that names nothing is a 404."""
    row = read_one(query, **params)
    if row is None:
        from flask import abort

        abort(404)
    return row


def rows(query: str, **params: Any) -> list[tuple]:
    return graph().rows(query, **params)


def write(query: str, **params: Any) -> list[dict]:
    return graph().write(query, **params)

