"""`kb overlaps`: list overlaps and record who leads and who cooperates."""
from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

import click

from kb.analyses.findings import KIND_TITLES, KINDS, STATUS_TITLES, STATUSES, Finding
from kb.cli.common import connect, echo_json, known_place, short
from kb.times import shown_time

if TYPE_CHECKING:
    from kb.db import Graph


@click.group("overlaps")
def overlaps_group() -> None:
    """职责交叉：列出，并记录由谁牵头、谁配合。"""


def _overlaps(graph: Graph, jurisdiction: str | None = None) -> list[Finding]:
    from kb.analyses import report

    return report.run(graph, ("overlaps",), jurisdiction).findings


def _find(findings: list[Finding], finding_id: str) -> Finding:
    hits = [f for f in findings if f.answers_to(finding_id)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise click.ClickException(f"没有编号为 {finding_id!r} 的职责交叉（kb overlaps list 列出全部）")
    raise click.ClickException(f"{finding_id!r} 对应多项：{'、'.join(f.id for f in hits)}，请写全编号")


def _targets(findings: list[Finding], some_id: str) -> list[Finding]:
    """The findings an id names: a group id names all of its findings, else one finding (or one it folds)."""
    in_group = [f for f in findings if f.group and (f.group == some_id or f.group.startswith(some_id))]
    groups = {f.group for f in in_group}
    if len(groups) == 1 and not any(f.answers_to(some_id) for f in findings):
        return in_group
    return [_find(findings, some_id)]


@overlaps_group.command("list")
@click.option("--status", type=click.Choice([*STATUSES, "all"]), default="open", show_default=True,
              help="只看该状态的职责交叉（all：全部）。")
@click.option("--jurisdiction", "-j", metavar="地区", help="只看这个地区及其下级（名称或行政区划代码）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def overlaps_list(status: str, jurisdiction: str | None, as_json: bool) -> None:
    """列出职责交叉及其状态（默认只列待处理的）；已处理的附处理结果。"""
    from kb.analyses import resolutions

    with connect() as graph:
        findings = _overlaps(graph, known_place(graph, jurisdiction))
        stored = resolutions.records(graph)
    shown = [f for f in findings if status in ("all", f.status)]
    current = {i for f in findings for i in (f.id, *f.folded)}
    # resolutions whose overlap is no longer found keep their record
    gone = [r for i, r in stored.items() if i not in current and KINDS.get(r.get("kind") or "") == "overlaps"
            and status in ("all", r.get("status"))]
    if as_json:
        echo_json([f.as_dict() for f in shown] + [r | {"no_longer_found": True} for r in gone])
        return
    from kb.analyses.overlap_groups import group_findings

    for g in group_findings(shown):
        click.echo(f"组 {g.id}  {g.jurisdiction} {g.level_title}  {' ↔ '.join(g.departments)}："
                   f"{len(g.findings)}项，法条{len(g.articles)}条"
                   + (f"：{'、'.join(g.articles[:4])}{'等' if len(g.articles) > 4 else ''}" if g.articles else ""))
        for f in g.findings:
            extra = ""
            if f.resolution:
                extra = (f"  [{STATUS_TITLES.get(f.status, f.status)}：牵头 {f.resolution.get('lead') or '-'}，"
                         f"{f.resolution.get('resolved_by')}]")
            folded = f"（并入 {', '.join(f.folded)}）" if f.folded else ""
            click.echo(f"    {f.id}  {f.score:.2f}  {short(f.summary, 100)}{folded}{extra}")
    for r in gone:
        kind = KIND_TITLES.get(r.get("kind") or "", r.get("kind") or "")
        click.echo(f"{r['id']}  ----  {kind}  {short(r.get('summary') or '', 100)}"
                   f"  [{STATUS_TITLES.get(r.get('status') or '', r.get('status'))}，现已不再出现：牵头 {r.get('lead') or '-'}]")
    click.echo(f"-- 职责交叉{len(shown)}项，{len(group_findings(shown))}组"
               + (f"；另有{len(gone)}条处理记录的职责交叉现已不再出现" if gone else ""), err=True)


@overlaps_group.command("show")
@click.argument("finding_id", metavar="编号")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（全部字段和每条证据）。")
def overlaps_show(finding_id: str, as_json: bool) -> None:
    """一项职责交叉（或一组的全部）：其权力、部门、法条和来源。"""
    from kb.analyses import resolutions

    with connect() as graph:
        found = _overlaps(graph)
        targets = _targets(found, finding_id)
        histories = {f.id: resolutions.history(graph, f.id) for f in targets}
    if as_json:
        data = [f.as_dict() | {"history": histories[f.id]} for f in targets]
        echo_json(data[0] if len(data) == 1 else data)
        return
    for f in targets:
        _show_text(f, histories[f.id])


def _show_text(f: Finding, history: list[str]) -> None:
    from kb.analyses.findings import KIND_TITLES
    from kb.analyses.report import STATUS_TITLES, evidence_line
    from kb.model import LEVEL_TITLES

    click.echo(f"{f.id}  {KIND_TITLES[f.kind]}  得分 {f.score:.2f}  {STATUS_TITLES.get(f.status, f.status)}")
    click.echo(f"辖区：{f.jurisdiction}  层级：{LEVEL_TITLES.get(f.level, f.level)}  组：{f.group}")
    click.echo(f"摘要：{f.summary}")
    click.echo("涉及部门：" + "、".join(f.departments))
    click.echo("权力事项：")
    owners = {(e.get("power"), e.get("department")) for e in f.evidence if e.get("power")}
    for p in f.powers:
        deps = sorted({d for name, d in owners if name == p and d})
        click.echo(f"  · {'、'.join(deps) or '?'}「{p}」")
    click.echo("证据：")
    for line in dict.fromkeys(evidence_line(e, 120) for e in f.evidence):
        click.echo(f"  · {line}")
    if f.folded:
        click.echo("已并入的编号：" + "、".join(f.folded))
    if f.resolution:
        r = f.resolution
        click.echo(f"处理：牵头 {r.get('lead') or '-'}；配合 {'、'.join(r.get('cooperating') or []) or '-'}；"
                   f"依据 {r.get('basis')}；{r.get('resolved_by')} {shown_time(r.get('resolved_at'))}")
    for h in history:
        click.echo(f"记录：{h}")
    click.echo("")


def _who(by: str | None) -> str:
    return by or os.environ.get("KB_USER") or getpass.getuser()


@overlaps_group.command("resolve")
@click.argument("finding_id", metavar="编号")
@click.option("--lead", required=True, metavar="部门", help="牵头部门：全称或不会混淆的简称。")
@click.option("--cooperating", multiple=True, metavar="部门",
              help="配合部门，可重复；默认：该职责交叉涉及的其他部门。")
@click.option("--basis", required=True, metavar="依据", help="确定牵头部门的决定或文件。")
@click.option("--other-reason", metavar="原因", help="由未涉及该职责交叉的部门牵头或配合时，说明原因。")
@click.option("--by", metavar="姓名", help="记录人（默认：$KB_USER 或登录名）。")
def overlaps_resolve(finding_id: str, lead: str, cooperating: tuple[str, ...], basis: str, other_reason: str | None,
                     by: str | None) -> None:
    """处理一项职责交叉，或一组的全部：记录由谁牵头、谁配合。

    编号 是一项结果的编号，或 `kb overlaps list` 列出的组编号。处理后不再列为待处理。"""
    from kb.analyses import resolutions

    with connect() as graph:
        targets = _targets(_overlaps(graph), finding_id)
        try:
            for f in targets:
                rec = resolutions.resolve(graph, f, lead, list(cooperating), basis, _who(by), other_reason)
                click.echo(f"{f.id} 已处理：牵头 {rec['lead']}；配合 {'、'.join(rec['cooperating']) or '-'}；"
                           f"{rec['resolved_by']}，{shown_time(rec['resolved_at'])}")
        except resolutions.ResolutionError as exc:
            raise click.ClickException(str(exc)) from exc


@overlaps_group.command("accept")
@click.argument("finding_id", metavar="编号")
@click.option("--basis", required=True, metavar="理由", help="为什么这不是需要处理的职责交叉。")
@click.option("--by", metavar="姓名", help="记录人（默认：$KB_USER 或登录名）。")
def overlaps_accept(finding_id: str, basis: str, by: str | None) -> None:
    """确认一项职责交叉经审核无需处理（如同一法条、不同对象）。"""
    from kb.analyses import resolutions

    with connect() as graph:
        try:
            for f in _targets(_overlaps(graph), finding_id):
                rec = resolutions.accept(graph, f, basis, _who(by))
                click.echo(f"{f.id} 已确认无需处理：{rec['resolved_by']}，{shown_time(rec['resolved_at'])}")
        except resolutions.ResolutionError as exc:
            raise click.ClickException(str(exc)) from exc


@overlaps_group.command("reopen")
@click.argument("finding_id", metavar="编号")
@click.option("--by", metavar="姓名", help="重新打开的人（默认：$KB_USER 或登录名）。")
def overlaps_reopen(finding_id: str, by: str | None) -> None:
    """重新打开一项职责交叉；此前的处理结果保留在其记录中。"""
    from kb.analyses import resolutions

    with connect() as graph:
        if not resolutions.reopen(graph, finding_id, _who(by)):
            raise click.ClickException(f"{finding_id!r} 没有处理记录")
    click.echo(f"{finding_id} 已重新打开")
