"""`kb serve` and `kb user`: the browser and its logins."""
from __future__ import annotations

import gc
import os
import signal
import socket
import sys
import threading
import time
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
    counted waits for it. (Chains are linked per group of related bodies when a chain page asks.)
    In a second serving process (`--processes`) `findings.state` starts nothing: only the first does."""
    from webui import findings, stats

    with app.app_context():
        findings.state()
        stats.warm(_page_stats())
        if not findings.running():  # a recomputation's objects are not the process's for good
            _settle()


def _settle() -> None:
    """Keep what the process holds for good (the app, its modules, the statistics just read) out of the
    collector's full passes: on the province a full pass over them held every request in flight for about
    80 ms, a few times per thousand pages; after `gc.freeze` it takes about 1 ms."""
    gc.collect()
    gc.freeze()


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
@click.option("--threads", default=8, show_default=True, type=int, metavar="个数", help="每个进程的工作线程数。")
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64), metavar="个数",
              help="服务进程数（同一端口，各有自己的线程和数据库连接）：一个进程的 Python 同一时刻只用一个 CPU 核，"
                   "多核机器上多人同时访问时可设为核数。登录失败次数和控制台同时运行数的限额按进程数分摊，"
                   "各进程合计不超过设定。仅限 Linux/macOS。")
@click.option("--secure-cookies/--plain-cookies", default=None,
              help="登录 Cookie 是否只经 HTTPS 发送（默认：地址不是 127.0.0.1 或 localhost 时只经 HTTPS，"
                   "这时请在前面放一个 HTTPS 代理）。")
def serve_cmd(host: str, port: int, threads: int, processes: int, secure_cookies: bool | None) -> None:
    """启动浏览器界面并显示其网址。

    用 waitress（可用于生产的 WSGI 服务器）提供服务。"""
    if secure_cookies is None:
        secure_cookies = host not in ("127.0.0.1", "localhost", "::1")
    from kb import dump

    with connect() as graph:
        try:
            recovered = dump.recover(graph, progress=True)  # never serve a restore stopped midway
        except dump.DumpError as exc:
            raise click.ClickException(f"{exc}（`kb restore --reset` 放弃该次恢复）") from exc
        if recovered:
            click.echo(recovered)
        if dump.journal(graph):  # a restore is running: its data is not whole yet
            raise click.ClickException(f"{recovered}；恢复完成后再启动浏览器")
    if processes > 1 and not hasattr(os, "fork"):
        raise click.ClickException("--processes 需要 os.fork（Linux/macOS）；在本系统上请用 --threads")
    sock = _listen(host, port)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"kb 浏览器界面：http://{shown}:{sock.getsockname()[1]}/（按 Ctrl-C 停止）"
               + (f"，{processes} 个进程" if processes > 1 else ""))
    if secure_cookies:
        click.echo("登录需要 HTTPS：登录 Cookie 只经 HTTPS 发送（--plain-cookies 可改）")
    children = []
    if processes > 1:  # a `kill` of the serving process stops its children too (the finally below)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    for _ in range(1, processes):
        pid = os.fork()
        if pid == 0:  # a child serves until its parent stops it; it never returns into click
            code = 0
            try:
                _serve(sock, threads, processes, secure_cookies, first=False)
            except BaseException:  # noqa: BLE001 - reported, then the child ends without running the parent's code
                import traceback

                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    try:
        _serve(sock, threads, processes, secure_cookies, first=True)
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except OSError:
                pass


def _exit_with_parent(parent: int) -> None:
    """A serving child ends when the process that started it has gone (killed without its finally)."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket every serving process accepts on (the kernel hands each connection to one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))  # an address in use is told in Chinese by the CLI's error handler (kb.explain)
    except OSError:
        sock.close()
        raise
    sock.listen(1024)
    return sock


def _serve(sock: socket.socket, threads: int, processes: int, secure_cookies: bool, first: bool) -> None:
    """One serving process: its own connection to the database (made after the fork), app and threads.
    Each warms the statistics; only the first starts stale findings (KB_STARTS_FINDINGS)."""
    from waitress import create_server

    from webui import create_app
    from webui.store import RETRY_SECONDS

    if not first:
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
        threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    graph = connect(max_transaction_retry_time=RETRY_SECONDS)  # a page is not held 30 s by a dead database
    app = create_app({"KB_GRAPH": graph, "SESSION_COOKIE_SECURE": secure_cookies, "KB_PROCESSES": processes,
                      "KB_STARTS_FINDINGS": first})
    server = create_server(app, sockets=[sock], threads=threads, ident="kb")
    _settle()
    # every process reads the list pages' statistics before its first page asks (a second process's first
    # dashboard waited for them: 741 ms p95 on the province); only the first starts stale findings
    threading.Thread(target=_warm, args=(app,), daemon=True).start()
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
