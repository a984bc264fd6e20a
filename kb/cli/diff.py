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
