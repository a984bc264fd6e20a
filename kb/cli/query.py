"""`kb query`: list, show and run the saved queries (queries/)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kb.cli.common import connect, echo_json, print_table


@click.group("query")
def query_group() -> None:
    """已保存的查询（queries/）：列出、显示和运行。"""


@query_group.command("list")
@click.option("--area", metavar="领域",
              help="只看这个领域：browse（浏览）、overlaps、gaps、chains、consistency、services。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def query_list(area: str | None, as_json: bool) -> None:
    """按领域列出已保存的查询。"""
    from queries import loader

    qs = [q for q in loader.load_all() if not area or q.area == area]
    if as_json:
        echo_json([q.as_dict() | {"cypher": None} for q in qs])
        return
    for q in qs:
        params = " ".join(f"--param {p.name}" for p in q.params)
        click.echo(f"{q.area + '/' + q.name:<48}{q.title}" + (f"（参数：{params}）" if params else ""))


@query_group.command("show")
@click.argument("name", metavar="名称")
def query_show(name: str) -> None:
    """显示一个查询：标题、说明、参数和 Cypher。"""
    from queries import loader

    try:
        q = loader.get(name)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    click.echo(f"{q.area}/{q.name}：{q.title}")
    click.echo(q.description)
    for p in q.params:
        click.echo(f"  --param {p.name}=<{p.type}>  默认 {p.default!r}"
                   + (f"\n      可选值（Cypher）：{p.choices_query}" if p.choices_query else ""))
    click.echo("")
    click.echo(q.cypher)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r}：应写成 名称=值", param_hint="--param")
        k, _, val = v.partition("=")
        out[k.strip()] = val
    return out


@query_group.command("run")
@click.argument("name", metavar="名称")
@click.option("--param", "-p", "params", multiple=True, metavar="名称=值", help="查询参数（可重复）。")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default="table",
              show_default=True, help="输出格式：table 表格，csv，json，xlsx。")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="写入这个文件（xlsx 格式必须给出）。")
@click.option("--limit", type=int, default=None, metavar="行数",
              help="最多这么多行（默认：与浏览器控制台的行数上限相同，见 kb.readonly）。")
@click.option("--timeout", type=float, default=None, metavar="秒",
              help="超过这么多秒就停止查询（默认：与控制台相同，见 kb.readonly）。")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
              help="按该日有效的清单版本作答（只用于有 as_of 参数的查询）。")
def query_run(name: str, params: tuple[str, ...], fmt: str, output: Path | None, limit: int | None,
              timeout: float | None, as_of: str | None) -> None:
    """以只读方式运行已保存的查询，显示或写出结果。"""
    from kb import readonly
    from kb.analyses import tables
    from queries import loader

    limit = readonly.DEFAULT_ROW_CAP if limit is None else limit
    timeout = readonly.DEFAULT_TIMEOUT if timeout is None else timeout
    from kb.model import as_of_date

    values = _parse_params(params)
    try:
        as_of = as_of_date(as_of)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--as-of") from exc
    try:
        q = loader.get(name)
        if as_of:
            if not q.as_of:
                raise click.ClickException(f"{q.name} 只按现行清单作答（没有 as_of 参数），不能用 --as-of")
            values["as_of"] = as_of
        with connect() as graph:
            result = loader.run(graph, q, values, timeout=timeout, row_cap=limit)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    except loader.QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    columns, rows = result.columns, result.rows
    if fmt == "xlsx":
        if not output:
            raise click.UsageError("--format xlsx 需要用 --output 给出文件")
        tables.write_xlsx(rows, columns, output, sheet=q.title)
    elif fmt == "csv":
        if output:
            tables.write_csv(rows, columns, output)
        else:
            tables.write_csv(rows, columns, sys.stdout)
    elif fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2, default=str)
        if output:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            click.echo(text)
    else:  # a table for reading: the columns and coded values by name (the other formats keep them as they are)
        from queries.columns import coded_title, column_title

        titles = [column_title(c) for c in columns]
        shown = [{t: coded_title(c, str(r.get(c))) if isinstance(r.get(c), str) else r.get(c)
                  for c, t in zip(columns, titles, strict=True)} for r in rows]
        print_table(titles, shown)
    note = f"共{len(rows)}行" + (f"（在{limit}行处截断，--limit 可改）" if result.truncated else "")
    click.echo(note + (f"，已写入 {output}" if output else ""), err=True)
