"""`kb serve` and `kb user`: the browser and its logins."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import click

from kb.cli.common import connect

if TYPE_CHECKING:
    from flask import Flask

    from kb.db import Graph


def _page_stats() -> dict:
    """The counts the list pages show beside a page of rows, by name (webui.stats)."""
    from webui.views import browse, dashboard, laws, powers

    return {"dashboard_counts": dashboard.counts, "dashboard_departments": dashboard.by_department,
            "departments": browse.department_rows, "jurisdictions": browse.jurisdiction_rows,
            "laws": laws.law_rows, "power_facets": powers.power_facets}


def _warm(app: Flask) -> None:
    """In the background: start computing the findings when none are stored or they are stale (pages
    read the stored ones meanwhile and say so), and count the list pages' statistics (or read those
    counted for the data as it is). Nothing here holds up a page: a page that needs a count being
    counted waits for it. (Chains are linked per group of related bodies when a chain page asks.)"""
    from webui import findings, stats

    with app.app_context():
        findings.state()
        stats.warm(_page_stats())


PAGE_STATS_AFTER = 20_000  # powers: on a smaller graph a first page counts them in well under a second


def count_page_stats(graph: Graph) -> None:
    """After an import into a large graph, count the list pages' statistics and keep them in the
    database, so that the first page of a `kb serve` started later reads them (a province's dashboard
    took 5.7 s to count, then 2 s counted in the database)."""
    if graph.read("MATCH ()-[r:HOLDS]->() RETURN count(r) AS n")[0]["n"] < PAGE_STATS_AFTER:
        return
    from webui import create_app, stats

    with create_app({"KB_GRAPH": graph, "KB_BACKGROUND_FINDINGS": False}).app_context():
        stats.warm(_page_stats())


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="地址", help="监听的地址。")
@click.option("--port", default=5000, show_default=True, type=int, metavar="端口", help="监听的端口。")
@click.option("--threads", default=8, show_default=True, type=int, metavar="个数", help="工作线程数。")
@click.option("--secure-cookies/--plain-cookies", default=None,
              help="登录 Cookie 是否只经 HTTPS 发送（默认：地址不是 127.0.0.1 或 localhost 时只经 HTTPS，"
                   "这时请在前面放一个 HTTPS 代理）。")
def serve_cmd(host: str, port: int, threads: int, secure_cookies: bool | None) -> None:
    """启动浏览器界面并显示其网址。

    用 waitress（可用于生产的 WSGI 服务器）提供服务。"""
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
    click.echo(f"kb 浏览器界面：http://{shown}:{server.effective_port}/（按 Ctrl-C 停止）")
    if secure_cookies:
        click.echo("登录需要 HTTPS：登录 Cookie 只经 HTTPS 发送（--plain-cookies 可改）")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        graph.close()


@click.group("user")
def user_group() -> None:
    """浏览器的登录用户（阅读无需登录，编辑需要）。"""


@user_group.command("add")
@click.argument("name", metavar="用户名")
@click.option("--role", type=click.Choice(["viewer", "editor", "admin"]),
              help="新用户的角色（默认 viewer：只读；editor：可编辑；admin：还可管理用户）；"
                   "对已有用户给出时，改为该角色。")
@click.option("--password", prompt="密码", hide_input=True, confirmation_prompt=True, metavar="密码",
              help="不给出时提示输入（至少 8 个字符）。")
def user_add(name: str, role: str | None, password: str) -> None:
    """创建用户，或修改已有用户的密码（给出 --role 时也修改角色）。"""
    from webui.users import add_user

    with connect() as graph:
        try:
            created, role = add_user(graph, name, password, role)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"已{'创建' if created else '更新'}用户 {name}（角色 {role}）")


@user_group.command("list")
def user_list() -> None:
    """列出用户及其角色。"""
    from webui.users import list_users

    with connect() as graph:
        for row in list_users(graph):
            click.echo(f"{row['name']}\t{row['role']}")
