"""Logins: `(:User {name, role})` in the graph; roles viewer < editor < admin.

Password hashes are NOT in the graph: anyone may read the graph through the console, so they live in a
file readable by the server's user only (KB_HOME/credentials.json, mode 0600, or $KB_CREDENTIALS).
"""
from __future__ import annotations

import fcntl
import functools
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import abort, flash, g, redirect, session, url_for
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


@contextmanager
def _credentials_locked() -> Iterator[Path]:
    """Hold the credentials file's lock: two `kb user add` at once must not lose a hash."""
    path = credentials_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield path
    finally:
        os.close(fd)  # closing releases the lock


def _save_hash(path: Path, name: str, password_hash: str) -> None:
    """Rewrite the file atomically (a reader sees the old or the new file, never half of one)."""
    data = _hashes() | {name: password_hash}
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    partial.replace(path)


# A password change or a role change ends the user's sessions: the session remembers the epoch it
# was made in, and a new epoch makes it stale.
SAVE_USER = """
OPTIONAL MATCH (old:User {name: $name}) WITH old IS NULL AS created
MERGE (u:User {name: $name})
SET u.role = coalesce($role, u.role, 'viewer'), u.session_epoch = coalesce(u.session_epoch, 0) + 1
REMOVE u.password_hash
RETURN created, u.role AS role
"""


def add_user(graph: Graph, name: str, password: str, role: str | None = None) -> tuple[bool, str]:
    """Create or update a user: (created, role). Without a role a new user is a viewer and an existing
    user keeps theirs, so changing a password never demotes anyone. The hash and the graph change
    together: the file is written inside the graph's transaction, which commits only after it."""
    if role is not None and role not in RANK:
        raise ValueError(f"角色应为 {'、'.join(ROLES)} 之一，而不是 {role!r}")
    name = name.strip()
    if not name:
        raise ValueError("用户名为空")
    if len(password) < 8:
        raise ValueError("密码至少需要 8 个字符")
    password_hash = generate_password_hash(password)
    with _credentials_locked() as path, graph.transaction() as tx:
        row = tx.run(SAVE_USER, name=name, role=role).single()
        _save_hash(path, name, password_hash)
    return bool(row["created"]), row["role"]


def list_users(graph: Graph) -> list[dict[str, str]]:
    """Every login with its role, by name (the admin page and `kb user list`)."""
    return graph.read("MATCH (u:User) RETURN u.name AS name, u.role AS role ORDER BY u.name")


# Checked against when the name is unknown, so a wrong name costs as much time as a wrong password.
_UNKNOWN_USER_HASH = generate_password_hash("kb: no such user")
USER = "MATCH (u:User {name: $name}) RETURN u.name AS name, u.role AS role, coalesce(u.session_epoch, 0) AS epoch"


def check_login(graph: Graph, name: str, password: str) -> dict | None:
    """{name, role, epoch} when the password is right; the same work whether or not the user exists."""
    rows = graph.read(USER, name=name)
    stored = _hashes().get(name) if rows else None
    if check_password_hash(stored or _UNKNOWN_USER_HASH, password) and stored:
        return dict(rows[0])
    return None


def end_sessions(graph: Graph, name: str) -> None:
    """Every session of this user, on any device, stops working (logout, a stolen cookie)."""
    graph.write("MATCH (u:User {name: $name}) SET u.session_epoch = coalesce(u.session_epoch, 0) + 1", name=name)


def current(graph: Graph, name: str) -> dict | None:
    """The user as stored now: a session is checked against it, not trusted."""
    rows = graph.read(USER, name=name)
    return dict(rows[0]) if rows else None


def load_user() -> None:
    """g.user from the session, only while the session's epoch is the user's: a session made before a
    logout, a password change or a role change is forgotten."""
    g.user = None
    user = session.get("user")
    if not isinstance(user, dict) or not user.get("name"):
        return
    from webui.store import graph

    stored = current(graph(), user["name"])
    if stored is None or stored["epoch"] != user.get("epoch") or stored["role"] not in RANK:
        session.pop("user", None)
        return
    g.user = {"name": stored["name"], "role": stored["role"]}


def role_required(role: str) -> Callable:
    """Writes need a logged-in user with at least ``role``, checked against the database."""

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            from webui.i18n import here

            user = g.get("user")
            if not user:
                flash(_("Please log in first."), "warning")
                return redirect(url_for("auth.login", next=here()))
            if RANK[user["role"]] < RANK[role]:  # load_user read the role from the graph
                abort(403)
            return fn(*args, **kwargs)

        return wrapper

    return decorate
