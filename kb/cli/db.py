"""`kb db`: start, stop and prepare the database."""
from __future__ import annotations

import sys

import click

from kb.cli.common import connect


@click.group()
def db() -> None:
    """Start, stop and prepare the database."""


@db.command("start")
@click.option("--timeout", default=180.0, show_default=True, help="Seconds to wait for Bolt to answer.")
def db_start(timeout: float) -> None:
    """Start the managed Neo4j server in the background (fetching it on first use) and init the schema."""
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
    """Stop the managed Neo4j server cleanly."""
    from kb import server
    from kb.config import load_settings

    settings = load_settings()
    if settings.external:
        click.echo(f"已设置 NEO4J_PASSWORD：{settings.uri} 是外部服务器，kb 不停止它。")
        return
    click.echo(server.stop(settings))


@db.command("status")
def db_status() -> None:
    """Exit 0 when the database answers, 1 when it does not."""
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
    """Create constraints, indexes and the CJK full-text index (idempotent, versioned)."""
    from kb import schema

    with connect() as graph:
        click.echo(schema.init(graph))


@db.command("fetch")
def db_fetch() -> None:
    """Resolve the Neo4j server jars from Maven Central into the shared cache."""
    from kb import server
    from kb.config import load_settings

    try:
        click.echo(f"Neo4j 程序文件在 {server.fetch_jars(load_settings())}")
    except server.ServerError as exc:
        raise click.ClickException(str(exc)) from exc
