"""What the commands share: connecting to the graph with friendly errors, JSON and table output."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from kb.textwidth import display_width, pad

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kb.db import Graph


def connect(check_schema: bool = True, **options: object) -> Graph:
    """The graph of the current settings, or a ClickException saying why it cannot be reached
    (``options`` go to the driver), or that its schema is older than kb's and `kb db init` upgrades it:
    the queries would miss an index or a property (an external server, or one an older kb left
    running). The commands that upgrade it themselves (`kb db init`, `kb demo`, `kb restore`) pass
    ``check_schema=False``."""
    import neo4j.exceptions

    from kb.config import load_settings
    from kb.db import Graph, NotConfigured
    from kb.explain import detail, reason

    settings = load_settings()
    try:
        graph = Graph.from_settings(settings, **options)
        graph.driver.verify_connectivity()
        if check_schema:
            from kb import schema

            if said := schema.outdated(graph):
                graph.close()
                raise click.ClickException(said)
        return graph
    except NotConfigured as exc:
        raise click.ClickException(str(exc)) from exc
    except neo4j.exceptions.AuthError as exc:
        where = "NEO4J_USER / NEO4J_PASSWORD" if settings.external else f"{settings.config_file} 中的密码"
        raise click.ClickException(f"{settings.uri} 上的 Neo4j 拒绝登录：请检查 {where}（{detail(exc)}）") from exc
    except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, OSError, ValueError) as exc:
        hint = "" if settings.external else "；请用 `kb db start` 启动"
        said = reason(exc)
        raise click.ClickException(f"无法连接 {settings.uri} 上的 Neo4j：{said or '出错了'}{hint}（{detail(exc)}）") from exc


def connect_if_up() -> Graph | None:
    """A dry run validates without a database, and says `unchanged` when one answers."""
    try:
        return connect()
    except click.ClickException:
        return None


# A jurisdiction named by the user: its Jurisdiction, or one ending with the name (西工区 is 洛阳市西工区 there)
def known_place(graph: Graph, name: str | None) -> str | None:
    """--jurisdiction as the graph names it (kb.analyses.powers.place_in_graph: a name, an area code, a short name);
    a ClickException when the graph holds no such place (its findings would be none, and a reader would take the list
    for clean) or several end with it."""
    if not name:
        return name
    from kb.analyses.powers import place_in_graph

    found, several = place_in_graph(graph, name)
    if found:
        if found != name.strip():
            click.echo(f"-- 地区 {name} 即库中的 {found}", err=True)
        return found
    if several:
        raise click.ClickException(f"库中有几个地区以“{name}”结尾：{'、'.join(several)}；请写全称或行政区划代码")
    raise click.ClickException(f"库中没有地区“{name}”（名称或行政区划代码）：请检查拼写，或先导入该地区的清单")


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def echo_json_list(items: Iterable[object]) -> None:
    """A JSON list written one item at a time, each item on a line of its own, compact (a province's
    `kb check all --json` is 180,000 findings: indented, 1.50 GB against 1.29, and Python's
    indenting encoder took three times as long), so a long report is never one string in memory and
    a line is one item for grep and head."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, default=str)
        click.echo(("[\n  " if first else ",\n  ") + text, nl=False)
        first = False
    click.echo("[]" if first else "\n]")


def short(text: str, width: int) -> str:
    """The text on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def print_table(columns: list[str], rows: list[dict], width: int = 40) -> None:
    """Rows as an aligned text table (CJK characters count double)."""
    cells = [[short(_cell(r.get(c)), width) for c in columns] for r in rows]
    widths = [max([display_width(c)] + [display_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(pad(c, w) for c, w in zip(columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(pad(v, w) for v, w in zip(row, widths)).rstrip())
