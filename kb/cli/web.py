"""`kb serve` and `kb user`: the browser and its logins."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import click

from kb.cli.common import connect

if TYPE_CHECKING:
    from flask import Flask


def _warm(app: Flask) -> None:
    """In the background: start computing the findings when none are stored or they are stale (pages
    read the stored ones meanwhile and say so), count the list pages' statistics, then link the
    chains the power pages mention. Nothing here holds up a page."""
    from webui import findings, stats
    from webui.views import browse, dashboard, laws, powers

    with app.app_context():
        findings.state()
        # the counts the list pages show beside a page of rows, counted once for the data as it is
        stats.warm({"dashboard_counts": dashboard.counts, "dashboard_departments": dashboard.by_department,
                    "departments": browse.department_rows, "laws": laws.law_rows,
                    "power_facets": powers.power_facets})
        findings.all_chains()


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=int, help="Worker threads.")
@click.option("--secure-cookies/--plain-cookies", default=None,
              help="Send the login cookie over HTTPS only (default: on unless the host is 127.0.0.1 or localhost; "
                   "serve it behind an HTTPS proxy then).")
def serve_cmd(host: str, port: int, threads: int, secure_cookies: bool | None) -> None:
    """Serve the browser on waitress (a production WSGI server) and print its URL."""
    from waitress import create_server

    from webui import create_app

    if secure_cookies is None:
        secure_cookies = host not in ("127.0.0.1", "localhost", "::1")
    from kb import dump
    from webui.store import RETRY_SECONDS

    graph = connect(max_transaction_retry_time=RETRY_SECONDS)  # a page is not held 30 s by a dead database
    try:
        recovered = dump.recover(graph, progress=True)  # never serve a restore stopped midway
    except dump.DumpError as exc:
        raise click.ClickException(f"{exc}（`kb restore --reset` 放弃该次恢复）") from exc
    if recovered:
        click.echo(recovered)
    if dump.journal(graph):  # a restore is running: its data is not whole yet
        raise click.ClickException(f"{recovered}；恢复完成后再启动浏览器")
    app = create_app({"KB_GRAPH": graph, "SESSION_COOKIE_SECURE": secure_cookies})
    server = create_server(app, host=host, port=port, threads=threads, ident="kb")
    threading.Thread(target=_warm, args=(app,), daemon=True).start()
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"kb browser at http://{shown}:{server.effective_port}/  (Ctrl-C stops it)")
    if secure_cookies:
        click.echo("logins need HTTPS: the login cookie is sent over HTTPS only (--plain-cookies to change)")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        graph.close()


@click.group("user")
def user_group() -> None:
    """Logins of the browser (reading needs none; editing does)."""


@user_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "editor", "admin"]),
              help="Role of a new user (default viewer); given for an existing user, changes it.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted for when not given (at least 8 characters).")
def user_add(name: str, role: str | None, password: str) -> None:
    """Create a user, or change an existing user's password (and role, when --role is given)."""
    from webui.users import add_user

    with connect() as graph:
        try:
            created, role = add_user(graph, name, password, role)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{'created' if created else 'updated'} user {name} ({role})")


@user_group.command("list")
def user_list() -> None:
    """List the users and their roles."""
    from webui.users import list_users

    with connect() as graph:
        for row in list_users(graph):
            click.echo(f"{row['name']}\t{row['role']}")
