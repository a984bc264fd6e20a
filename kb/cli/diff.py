"""`kb diff`: what changed between two versions of a department's list."""
from __future__ import annotations

from pathlib import Path

import click

from kb.cli.common import connect, echo_json, short
from kb.times import shown_time


@click.command("diff")
@click.argument("department", metavar="部门")
@click.argument("versions", nargs=-1, metavar="[版本 版本]")
@click.option("--json", "as_json", is_flag=True, help="以一个 JSON 对象输出差异。")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="另写成 XLSX 文件，每处变化一行。")
def diff_cmd(department: str, versions: tuple[str, ...], as_json: bool, xlsx: Path | None) -> None:
    """部门清单两个版本之间的差异。

    列出新增、删除、更名的权力，以及逐字段的修改。版本 是版本标签，如 2024 2025；
    不给出时比较最后两个版本。"""
    from kb.analyses import diff, tables

    if len(versions) not in (0, 2):
        raise click.UsageError("请给出两个版本标签（如 kb diff 部门 2024 2025），或者都不给（比较最后两个版本）")
    with connect() as graph:
        try:
            result = diff.compare(graph, department, *versions) if versions else diff.compare(graph, department)
        except diff.NoSuchVersion as exc:
            raise click.ClickException(str(exc)) from exc
    if xlsx:
        tables.write_xlsx(result.rows(), diff.DIFF_COLUMNS, xlsx, sheet=f"{result.old}→{result.new}")
        click.echo(f"已将 {len(result.rows())} 处变化写入 {xlsx}", err=True)
    if as_json:
        echo_json(result.as_dict())
        return
    counts = result.as_dict()["counts"]
    click.echo(f"{department}：{result.old} → {result.new}　新增 {counts['added']}，删除 {counts['removed']}，"
               f"更名 {counts['renamed']}，修改 {counts['changed']}，未变 {counts['unchanged']}")
    for p in result.added:
        click.echo(f"  + 新增  {p['name']}（{p['type'] or '类型未标明'}）")
    for p in result.removed:
        click.echo(f"  - 删除  {p['name']}（{p['type'] or '类型未标明'}）")
    for kind, pairs in (("更名", result.renamed), ("修改", result.changed)):
        for pair in pairs:
            head = f"{pair['old']['name']} → {pair['new']['name']}" if kind == "更名" else pair["new"]["name"]
            click.echo(f"  ~ {kind}  {head}")
            for c in pair["changes"]:
                click.echo(f"      {c['title']}：{short(c['old'], 50) or '（空）'} → {short(c['new'], 50) or '（空）'}")


@click.group("versions")
def versions_group() -> None:
    """部门清单的版本：列出版本，发布（冻结）现行版本。"""


@versions_group.command("list")
@click.argument("department", metavar="部门")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def versions_list(department: str, as_json: bool) -> None:
    """部门的清单版本：标签、是否现行、有效期、是否已发布、产生它的导入（`kb imports revert 导入编号`）；导入已撤销的版本会注明。"""
    from kb.analyses import diff

    with connect() as graph:
        rows = diff.versions(graph, department)
    if not rows:
        raise click.ClickException(f"{department} 没有清单")
    if as_json:
        echo_json(rows)
        return
    for v in rows:
        published = f"，已发布（{v['published_by'] or ''} {shown_time(v['published_at'])}）" if v["frozen"] else ""
        runs = f"　导入运行 {'、'.join(v['runs'])}" if v["runs"] else ""
        if v["retired"]:
            click.echo(f"{v['version'] or '（无标签）'}　已撤销导入（{shown_time(v['retired_at'])}）　"
                       f"{v['records']} 项{published}{runs}")
            continue
        state = "现行" if v["current"] else "已替代"
        click.echo(f"{v['version'] or '（无标签）'}　{state}　有效期 {v['in_force_from'] or '起始'} 至 "
                   f"{v['in_force_until'] or '今'}　{v['records']} 项{published}{runs}")


@versions_group.command("publish")
@click.argument("department", metavar="部门")
@click.argument("label", required=False, metavar="[标签]")
@click.option("--by", "who", metavar="姓名", help="发布人（默认：登录名）。")
@click.option("--reason", default="", metavar="原因", help="发布的原因（记入审计记录）。")
def versions_publish(department: str, label: str | None, who: str | None, reason: str) -> None:
    """发布（冻结）部门的现行清单版本。

    给出 标签 时，它必须是现行版本的标签。此后在浏览器中修改已发布的版本，会开始一个新版本
    （<标签>-修订N），已发布的版本保持原样。"""
    import getpass

    from importers import revisions

    with connect() as graph:
        try:
            done = revisions.publish(graph, department, who or getpass.getuser(), reason, label)
        except (revisions.NoList, revisions.WrongVersion) as exc:
            raise click.ClickException(str(exc)) from exc
    if done.parts:
        click.echo(f"已发布 {department} 的清单版本 {done.version}（{done.parts} 个部分），此后的修改将生成新版本")
    else:
        click.echo(f"{department} 的清单版本 {done.version} 早已发布（{done.published_by}，{shown_time(done.published_at)}）")
