"""`kb check`: run the analyses and report their findings."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kb.analyses.findings import AREA_TITLES, AREAS, KIND_TITLES, KINDS, STATUSES, Finding
from kb.cli.common import connect, echo_json_list

EVIDENCE_SHOWN = 6  # pieces of evidence printed under a finding (all are in --json and the exports)


def _print_finding(f: Finding) -> None:
    from kb.analyses.findings import KIND_TITLES
    from kb.analyses.report import STATUS_TITLES, evidence_line
    from kb.model import LEVEL_TITLES

    where = " ".join(x for x in (f.jurisdiction, LEVEL_TITLES.get(f.level, "") if f.level else "") if x)
    mark = "" if f.status == "open" else f" [{STATUS_TITLES.get(f.status, f.status)}]"
    click.echo(f"{f.id}  {f.score:.2f}  {KIND_TITLES[f.kind]}  {where}{mark}")
    click.echo(f"    {f.summary}")
    lines = list(dict.fromkeys(evidence_line(e) for e in f.evidence))
    for line in lines[:EVIDENCE_SHOWN]:
        click.echo(f"    · {line}")
    more = len(lines) - EVIDENCE_SHOWN + f.evidence_omitted
    if more > 0:
        shown = "可见全部" if not f.evidence_omitted else f"可见前{len(f.evidence)}条"
        click.echo(f"    · ……另有{more}条证据（kb check --json 或 --xlsx {shown}）")


def _print_laws(findings: list[Finding]) -> None:
    from kb.analyses.laws import ranked

    click.echo("序号  引用权力数  引用部门数  法律法规（编号）")
    for i, r in enumerate(ranked(findings), 1):
        click.echo(f"{i:>4}  {r['powers']:>10}  {r['departments']:>10}  {r['law']}（{r['id']}）")


def _print_overlap_groups(findings: list[Finding]) -> None:
    from kb.analyses.overlap_groups import group_findings

    for g in group_findings(findings):
        click.echo(f"组 {g.id}  {g.jurisdiction} {g.level_title}  {' ↔ '.join(g.departments)}："
                   f"{len(g.findings)}项（待处理{g.open}项），法条{len(g.articles)}条"
                   + (f"：{'、'.join(g.articles[:4])}{'等' if len(g.articles) > 4 else ''}" if g.articles else ""))
        for f in g.findings:
            _print_finding(f)
        click.echo("")


def _print_findings(findings: list[Finding], seconds: dict[str, float]) -> None:
    from kb.analyses.findings import KIND_TITLES
    from kb.analyses.report import STATUS_TITLES

    for area in AREAS:
        mine = [f for f in findings if f.area == area]
        if area not in seconds and not mine:
            continue
        click.echo(f"== {AREA_TITLES[area]}：{len(mine)}项"
                   + (f"，用时{seconds[area]:.2f}秒" if area in seconds else ""))
        if area == "laws":
            _print_laws(mine)
        elif area == "overlaps":
            _print_overlap_groups(mine)
        else:
            for f in mine:
                _print_finding(f)
    counts: dict[str, list[int]] = {}
    for f in findings:
        c = counts.setdefault(f.kind, [0, 0])
        c[0] += 1
        c[1] += f.status == "open"
    if counts:
        click.echo(f"-- 各规则（{STATUS_TITLES['open']}/合计）：" + "，".join(
            f"{KIND_TITLES[k]} {v[1]}/{v[0]}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1][0])))


def _write_findings(findings: list[Finding], xlsx: Path | None, csv_path: Path | None) -> None:
    from kb.analyses import tables
    from kb.analyses.report import FINDING_COLUMNS, finding_row

    rows = [finding_row(f) for f in findings]
    if xlsx:
        tables.write_xlsx(rows, FINDING_COLUMNS, xlsx, sheet="检查结果")
        click.echo(f"已将{len(rows)}项结果写入 {xlsx}", err=True)
    if csv_path:
        tables.write_csv(rows, FINDING_COLUMNS, csv_path)
        click.echo(f"已将{len(rows)}项结果写入 {csv_path}", err=True)


def _stored_report(graph, areas: tuple[str, ...], jurisdiction: str | None):
    """The stored findings of ``areas`` (within ``jurisdiction`` when given), as `report.run` returns them."""
    from kb.analyses import stored
    from kb.analyses.findings import CROSS_PLACE_KINDS, sort_findings
    from kb.analyses.powers import jurisdiction_names
    from kb.analyses.report import Report

    state = stored.state(graph)
    if not state["computed"]:
        raise click.ClickException("尚未保存检查结果：请先运行 kb check（不加 --stored）")
    if state["stale"]:
        click.echo(f"-- 保存的检查结果计算于 {state['computed_at']}，此后又有导入或修改", err=True)
    names = set(jurisdiction_names(graph, jurisdiction) or []) if jurisdiction else None
    out = []
    for area in areas:
        after = None
        while True:
            rows, after = stored.query(graph, area, None, "score", after, limit=5000)
            found = [stored.to_finding(r) for r in rows]
            # a finding across places names no jurisdiction of its own: its evidence names the places
            out += [f for f in found if names is None or f.jurisdiction in names
                    or (f.kind in CROSS_PLACE_KINDS and names & {e.get("jurisdiction") for e in f.evidence})]
            if not after:
                break
    return Report(sort_findings(out), {})


def _validate_selectors(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [v for v in values if v not in KINDS and v not in AREAS]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}：不是检查规则或领域的名称"
                                 f"（领域：{', '.join(AREAS)}；规则：{', '.join(KINDS)}）")
    return values


@click.command("check")
@click.argument("area", required=False, default="all",
                type=click.Choice([*AREAS, "all"]))
@click.option("--jurisdiction", "-j", metavar="地区", help="只看这个地区及其下级（名称或行政区划代码）。")
@click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 列表，每项结果一个对象。")
@click.option("--fail-on", multiple=True, callback=_validate_selectors, metavar="规则",
              help="只要还有该规则或领域的待处理结果，就以 1 退出（可重复）。")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="另把报告写成 XLSX 文件。")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="另把报告写成 CSV 文件（UTF-8）。")
@click.option("--status", type=click.Choice([*STATUSES, "all"]), default="all", show_default=True,
              help="只看该状态的结果。")
@click.option("--kind", "kinds", multiple=True, callback=_validate_selectors, metavar="规则",
              help="只看该规则或领域的结果（可重复）。")
@click.option("--min-score", type=float, default=0.0, metavar="得分", help="只看得分不低于此值的结果。")
@click.option("--threshold", type=float, default=None, metavar="阈值",
              help="similar_name（名称相近）规则的相似度阈值（默认 0.8）。")
@click.option("--stored", "from_store", is_flag=True,
              help="不运行检查，显示已保存的检查结果（即浏览器所显示的）。")
def check_cmd(area: str, jurisdiction: str | None, as_json: bool, fail_on: tuple[str, ...], xlsx: Path | None,
              csv_path: Path | None, status: str, kinds: tuple[str, ...], min_score: float,
              threshold: float | None, from_store: bool) -> None:
    """检查职责交叉、职责空白、链条、四级四同、一件事和待载入的法律。

    领域：overlaps（职责交叉）、gaps（职责空白）、chains（纵向链条）、consistency（四级四同）、
    services（一件事）、laws（待载入的法律：被引用而 kb 没有其文本的法律，引用最多的在前）；
    默认 all（全部）。

    每项结果有稳定的编号、规则（kind）、涉及的部门和权力、证据、得分（0–1）和状态。
    docs/analyses.md 说明每条规则。

    计算的结果会保存供浏览器显示（针对整个图，或一个最上级地区如一个省；加 --threshold 时
    不保存）：这些领域已保存的结果被替换。
    """
    from kb.analyses import overlaps, report, stored

    areas = AREAS if area == "all" else (area,)
    started = time.monotonic()
    with connect() as graph:
        if from_store:
            result = _stored_report(graph, areas, jurisdiction)
        else:
            result = report.run(graph, areas, jurisdiction, threshold or overlaps.DEFAULT_THRESHOLD)
            if threshold is None:
                n = stored.store_report(graph, result.findings, jurisdiction, areas,
                                        sum(result.seconds.values()))
                click.echo(f"-- 已为浏览器保存{n}项检查结果" if n >= 0 else
                           f"-- 未保存：{jurisdiction}不是最上级的行政区划（对其所在的省运行 kb check -j，"
                           "或不加 -j，才会保存）", err=True)
    findings = [f for f in result.findings
                if (status == "all" or f.status == status) and f.score >= min_score
                and (not kinds or any(k in (f.kind, f.area) for k in kinds))]
    if as_json:
        echo_json_list(f.as_dict() for f in findings)
    else:
        _print_findings(findings, result.seconds)
        click.echo(f"-- 共{len(findings)}项，用时{time.monotonic() - started:.2f}秒", err=True)
    _write_findings(findings, xlsx, csv_path)
    failing = [f for f in result.findings if f.status == "open" and any(s in (f.kind, f.area) for s in fail_on)]
    if failing:
        kinds_hit = sorted({KIND_TITLES[f.kind] for f in failing})
        click.echo(f"有{len(failing)}项待处理的结果符合 --fail-on（{'、'.join(kinds_hit)}）", err=True)
        sys.exit(1)
