"""Logins: `(:User {name, role})` in the graph; roles viewer < editor < admin.

Password hashes are NOT in the graph: anyone may read the graph through the console, so they live in a
file readable by the server's user only (KB_HOME/credentials.json, mode 0600, or $KB_CREDENTIALS).
"""
from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import abort, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from kb.db import Graph

ROLES = ("viewer", "editor", "admin")
RANK = {role: i for i, role in enumerate(ROLES)}


def credentials_path() -> Path:
    """Where the password hashes are: $KB_CREDENTIALS, else KB_HOME/credentials.json."""
    from kb.config import load_settings

    return Path(os.environ.get("KB_CREDENTIALS") or load_settings().home / "credentials.json")


def _hashes() -> dict[str, str]:
    try:
        return json.loads(credentials_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def _save_hash(name: str, password_hash: str) -> None:
    path = credentials_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _hashes() | {name: password_hash}
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    partial.replace(path)


def add_user(graph: Graph, name: str, password: str, role: str | None = None) -> tuple[bool, str]:
    """Create or update a user: (created, role). Without a role a new user is a viewer and an existing
    user keeps theirs, so changing a password never demotes anyone."""
    if role is not None and role not in RANK:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    name = name.strip()
    if not name:
        raise ValueError("the user name is empty")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    _save_hash(name, generate_password_hash(password))
    rows = graph.write("OPTIONAL MATCH (old:User {name: $name}) WITH old IS NULL AS created "
                       "MERGE (u:User {name: $name}) "
                       "SET u.role = coalesce($role, u.role, 'viewer') REMOVE u.password_hash "
                       "RETURN created, u.role AS role", name=name, role=role)
    return bool(rows[0]["created"]), rows[0]["role"]


def list_users(graph: Graph) -> list[dict[str, str]]:
    """Every login with its role, by name (the admin page and `kb user list`)."""
    return graph.read("MATCH (u:User) RETURN u.name AS name, u.role AS role ORDER BY u.name")


def check_login(graph: Graph, name: str, password: str) -> dict[str, str] | None:
    stored = _hashes().get(name)
    rows = graph.read("MATCH (u:User {name: $name}) RETURN u.name AS name, u.role AS role", name=name)
    if rows and stored and check_password_hash(stored, password):
        return {"name": rows[0]["name"], "role": rows[0]["role"]}
    check_password_hash(generate_password_hash("x"), password)  # same time whether or not the user exists
    return None


def current_role(graph: Graph, name: str) -> str | None:
    """The role as stored now (a write re-checks it rather than trusting the session)."""
    rows = graph.read("MATCH (u:User {name: $name}) RETURN u.role AS role", name=name)
    return rows[0]["role"] if rows else None


def load_user() -> None:
    user = session.get("user")
    g.user = user if isinstance(user, dict) and user.get("role") in RANK else None


def role_required(role: str) -> Callable:
    """Writes need a logged-in user with at least ``role``, checked against the database."""

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            from webui.store import graph

            user = g.get("user")
            if not user:
                flash(_("Please log in first."), "warning")
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            stored = current_role(graph(), user["name"])
            if stored is None or RANK[stored] < RANK[role]:
                abort(403)
            return fn(*args, **kwargs)

        return wrapper

    return decorate
