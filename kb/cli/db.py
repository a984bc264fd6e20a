"""`kb db`: start, stop and prepare the database."""
from __future__ import annotations

import sys

import click

from kb.cli.common import connect


@click.group()
def db() -> None:
    """启动、停止和准备数据库。"""


@db.command("start")
@click.option("--timeout", default=180.0, show_default=True, metavar="秒", help="最多等待 Bolt 应答的秒数。")
def db_start(timeout: float) -> None:
    """在后台启动由 kb 管理的 Neo4j 服务器，并建立约束和索引。

    第一次使用时先下载服务器的程序文件。"""
    from kb import dump, schema, server
    from kb.config import load_settings
    from kb.db import Graph

    settings = load_settings(create=True)
    if settings.external:
        click.echo(f"已设置 NEO4J_PASSWORD：{settings.uri} 是外部服务器，kb 不启动它。")
        return
    try:
        click.echo(server.start(settings, timeout=timeout))
    except server.ServerError as exc:
        raise click.ClickException(str(exc)) from exc
    with Graph.from_settings(settings) as graph:
        recovered = dump.recover(graph, progress=True)  # a restore stopped by a crash is finished or undone
        if recovered:
            click.echo(recovered)
        schema.init(graph)


@db.command("stop")
def db_stop() -> None:
    """正常停止由 kb 管理的 Neo4j 服务器。"""
    from kb import server
    from kb.config import load_settings

    settings = load_settings()
    if settings.external:
        click.echo(f"已设置 NEO4J_PASSWORD：{settings.uri} 是外部服务器，kb 不停止它。")
        return
    click.echo(server.stop(settings))


@db.command("status")
def db_status() -> None:
    """数据库有应答时以 0 退出，没有应答时以 1 退出。"""
    from kb import server
    from kb.config import load_settings

    settings = load_settings()
    mode = "外部服务器" if settings.external else f"由 kb 管理，KB_HOME {settings.home}"
    if server.bolt_answers(settings):
        click.echo(f"Neo4j 在 {settings.uri} 正常应答（{mode}）")
        return
    click.echo(f"Neo4j 在 {settings.uri} 没有应答（{mode}）")
    sys.exit(1)


@db.command("init")
def db_init() -> None:
    """创建约束、索引和中文全文索引（可重复运行，带版本号）。"""
    from kb import schema

    with connect(check_schema=False) as graph:
        click.echo(schema.init(graph))


@db.command("fetch")
def db_fetch() -> None:
    """从 Maven Central 下载 Neo4j 服务器的程序文件到共享缓存。"""
    from kb import server
    from kb.config import load_settings

    try:
        click.echo(f"Neo4j 程序文件在 {server.fetch_jars(load_settings())}")
    except server.ServerError as exc:
        raise click.ClickException(str(exc)) from exc
