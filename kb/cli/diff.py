"""`kb diff`: what changed between two versions of a department's list."""
from __future__ import annotations

from pathlib import Path

import click

from kb.cli.common import connect, echo_json, short


@click.command("diff")
@click.argument("department")
@click.argument("versions", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the diff as one JSON object.")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="Also write it as XLSX, one row per change.")
def diff_cmd(department: str, versions: tuple[str, ...], as_json: bool, xlsx: Path | None) -> None:
    """Powers added, removed, renamed and changed field by field between two versions of DEPARTMENT's
    list (version labels such as 2024 2025; default: the last two)."""
    from kb.analyses import diff, tables

    if len(versions) not in (0, 2):
        raise click.UsageError("give two version labels (kb diff DEPT 2024 2025) or none (the last two)")
    with connect() as graph:
        try:
            result = diff.compare(graph, department, *versions) if versions else diff.compare(graph, department)
        except diff.NoSuchVersion as exc:
            raise click.ClickException(str(exc)) from exc
    if xlsx:
        tables.write_xlsx(result.rows(), diff.DIFF_COLUMNS, xlsx, sheet=f"{result.old}→{result.new}")
        click.echo(f"wrote {len(result.rows())} changes to {xlsx}", err=True)
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
    """Versions of a department's list: list them, publish (freeze) the current one."""


@versions_group.command("list")
@click.argument("department")
@click.option("--json", "as_json", is_flag=True)
def versions_list(department: str, as_json: bool) -> None:
    """DEPARTMENT's list versions: label, current, in force from/until, published, the import runs that
    made them (`kb imports revert RUN`); a version whose import was reverted says so."""
    from kb.analyses import diff

    with connect() as graph:
        rows = diff.versions(graph, department)
    if not rows:
        raise click.ClickException(f"{department} 没有清单")
    if as_json:
        echo_json(rows)
        return
    for v in rows:
        published = f"，已发布（{v['published_by'] or ''} {str(v['published_at'])[:19]}）" if v["frozen"] else ""
        runs = f"　导入运行 {'、'.join(v['runs'])}" if v["runs"] else ""
        if v["retired"]:
            click.echo(f"{v['version'] or '（无标签）'}　已撤销导入（{str(v['retired_at'])[:19]}）　"
                       f"{v['records']} 项{published}{runs}")
            continue
        state = "现行" if v["current"] else "已替代"
        click.echo(f"{v['version'] or '（无标签）'}　{state}　有效期 {v['in_force_from'] or '起始'} 至 "
                   f"{v['in_force_until'] or '今'}　{v['records']} 项{published}{runs}")


@versions_group.command("publish")
@click.argument("department")
@click.argument("label", required=False)
@click.option("--by", "who", help="Who publishes (default: the login name).")
@click.option("--reason", default="", help="Why (kept in the audit trail).")
def versions_publish(department: str, label: str | None, who: str | None, reason: str) -> None:
    """Publish (freeze) DEPARTMENT's current list version (LABEL, when given, must be it). An edit in
    the browser to a published version starts a new version (<label>-修订N); the published one stays
    as it was."""
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
        click.echo(f"{department} 的清单版本 {done.version} 早已发布（{done.published_by}，{str(done.published_at)[:19]}）")
