"""Logins: `(:User {name, password_hash, role})`; roles viewer < editor < admin."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import abort, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from kb.db import Graph

ROLES = ("viewer", "editor", "admin")
RANK = {role: i for i, role in enumerate(ROLES)}


def add_user(graph: Graph, name: str, password: str, role: str | None = None) -> tuple[bool, str]:
    """Create or update a user: (created, role). Without a role a new user is a viewer and an existing
    user keeps theirs, so changing a password never demotes anyone."""
    if role is not None and role not in RANK:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name.strip():
        raise ValueError("the user name is empty")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    rows = graph.write("OPTIONAL MATCH (old:User {name: $name}) WITH old IS NULL AS created "
                       "MERGE (u:User {name: $name}) "
                       "SET u.password_hash = $hash, u.role = coalesce($role, u.role, 'viewer') "
                       "RETURN created, u.role AS role", name=name.strip(), hash=generate_password_hash(password),
                       role=role)
    return bool(rows[0]["created"]), rows[0]["role"]


def check_login(graph: Graph, name: str, password: str) -> dict[str, str] | None:
    rows = graph.read("MATCH (u:User {name: $name}) RETURN u.name AS name, u.role AS role, "
                      "u.password_hash AS hash", name=name)
    if rows and rows[0]["hash"] and check_password_hash(rows[0]["hash"], password):
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
