"""`kb check`: run the analyses and report their findings."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import click

from kb.analyses.findings import AREA_TITLES, AREAS, KIND_TITLES, KINDS, STATUSES, Finding
from kb.cli.common import connect, echo_json_list, known_place
from kb.times import shown_time

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


class _Shown:
    """What the options keep: a status, a least score, rules or areas, and the places of a jurisdiction
    (a finding across places is kept when its evidence names one of them)."""

    def __init__(self, status: str, min_score: float, kinds: tuple[str, ...], places: set[str] | None):
        self.status, self.min_score, self.kinds, self.places = status, min_score, kinds, places

    def in_place(self, b: dict) -> bool:
        from kb.analyses.findings import CROSS_PLACE_KINDS

        return (self.places is None or b["jurisdiction"] in self.places
                or (b["kind"] in CROSS_PLACE_KINDS and bool(self.places & {e.get("jurisdiction") for e in b["evidence"]})))

    def keeps(self, b: dict) -> bool:
        return (self.in_place(b) and (self.status == "all" or b["status"] == self.status) and b["score"] >= self.min_score
                and (not self.kinds or any(k in (b["kind"], KINDS[b["kind"]]) for k in self.kinds)))

    def finding(self, f: Finding) -> bool:
        return self.keeps(_brief(f))


def _brief(f: Finding) -> dict:
    return {"id": f.id, "area": f.area, "kind": f.kind, "status": f.status, "score": f.score,
            "jurisdiction": f.jurisdiction, "group": f.group, "evidence": f.evidence}


class _Tally:
    """One pass over the findings' briefs: how many each area and rule shows, the overlap groups in the
    order they are printed, and the open findings --fail-on names."""

    def __init__(self, briefs: Iterable[dict], shown: _Shown, fail_on: tuple[str, ...]):
        self.areas: dict[str, int] = {}
        self.kinds: dict[str, list[int]] = {}
        self.failing: dict[str, int] = {}
        groups: dict[str, list[float]] = {}
        for b in briefs:
            if not shown.in_place(b):
                continue
            if b["status"] == "open" and any(x in (b["kind"], b["area"]) for x in fail_on):
                self.failing[b["kind"]] = self.failing.get(b["kind"], 0) + 1
            if not shown.keeps(b):
                continue
            self.areas[b["area"]] = self.areas.get(b["area"], 0) + 1
            c = self.kinds.setdefault(b["kind"], [0, 0])
            c[0] += 1
            c[1] += b["status"] == "open"
            if b["area"] == "overlaps":
                g = groups.setdefault(b["group"] or "", [0, 0.0])
                g[0] += 1
                g[1] = max(g[1], b["score"])
        self.groups = [g for g, _ in sorted(groups.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))]


class _Listed:
    """Findings in memory: a jurisdiction's run, or one with --threshold (neither replaces the store)."""

    def __init__(self, findings: list[Finding], seconds: dict[str, float]):
        self.findings, self.seconds = findings, seconds

    def briefs(self) -> Iterator[dict]:
        return (_brief(f) for f in self.findings)

    def of_area(self, area: str) -> Iterator[Finding]:
        return (f for f in self.findings if f.area == area)

    def groups(self, order: list[str]) -> Iterator[tuple[str, list[Finding]]]:
        by_group: dict[str, list[Finding]] = {}
        for f in self.of_area("overlaps"):
            by_group.setdefault(f.group or "", []).append(f)
        for g in order:
            yield g, sorted(by_group.get(g, []), key=lambda f: (-f.score, f.id))


class _Stored:
    """The stored findings, read as they arrive: a province's are too many to hold at once."""

    def __init__(self, graph, areas: tuple[str, ...], seconds: dict[str, float]):
        self.graph, self.area_names, self.seconds = graph, areas, seconds

    def briefs(self) -> Iterator[dict]:
        from kb.analyses import stored

        return stored.briefs(self.graph, self.area_names)

    def of_area(self, area: str) -> Iterator[Finding]:
        from kb.analyses import stored

        return stored.area_findings(self.graph, area)

    def groups(self, order: list[str]) -> Iterator[tuple[str, list[Finding]]]:
        from kb.analyses import stored

        return stored.groups_findings(self.graph, order)


def _shown_findings(source: _Listed | _Stored, areas: tuple[str, ...], shown: _Shown) -> Iterator[Finding]:
    for area in AREAS:
        if area in areas:
            yield from (f for f in source.of_area(area) if shown.finding(f))


def _print_findings(source: _Listed | _Stored, areas: tuple[str, ...], shown: _Shown, tally: _Tally) -> None:
    from kb.analyses.findings import KIND_TITLES
    from kb.analyses.overlap_groups import OverlapGroup
    from kb.analyses.report import STATUS_TITLES

    for area in AREAS:
        if area not in areas or (area not in source.seconds and not tally.areas.get(area)):
            continue
        click.echo(f"== {AREA_TITLES[area]}：{tally.areas.get(area, 0)}项"
                   + (f"，用时{source.seconds[area]:.2f}秒" if area in source.seconds else ""))
        if area == "laws":
            _print_laws([f for f in source.of_area(area) if shown.finding(f)])
        elif area == "overlaps":
            for gid, found in source.groups(tally.groups):
                mine = [f for f in found if shown.finding(f)]
                if not mine:
                    continue
                g = OverlapGroup(gid, mine[0].jurisdiction, mine[0].level, list(mine[0].departments), mine)
                click.echo(f"组 {g.id}  {g.jurisdiction} {g.level_title}  {' ↔ '.join(g.departments)}："
                           f"{len(g.findings)}项（待处理{g.open}项），法条{len(g.articles)}条"
                           + (f"：{'、'.join(g.articles[:4])}{'等' if len(g.articles) > 4 else ''}"
                              if g.articles else ""))
                for f in mine:
                    _print_finding(f)
                click.echo("")
        else:
            for f in source.of_area(area):
                if shown.finding(f):
                    _print_finding(f)
    if tally.kinds:
        click.echo(f"-- 各规则（{STATUS_TITLES['open']}/合计）：" + "，".join(
            f"{KIND_TITLES[k]} {v[1]}/{v[0]}" for k, v in sorted(tally.kinds.items(), key=lambda kv: -kv[1][0])))


def _write_findings(findings: Callable[[], Iterator[Finding]], xlsx: Path | None, csv_path: Path | None) -> None:
    """``findings`` gives the findings afresh for each file (read again, not held)."""
    from kb.analyses import tables
    from kb.analyses.report import FINDING_COLUMNS, finding_row

    if xlsx:
        n = tables.write_xlsx((finding_row(f) for f in findings()), FINDING_COLUMNS, xlsx, sheet="检查结果")
        click.echo(f"已将{n}项结果写入 {xlsx}", err=True)
    if csv_path:
        n = tables.write_csv((finding_row(f) for f in findings()), FINDING_COLUMNS, csv_path)
        click.echo(f"已将{n}项结果写入 {csv_path}", err=True)


def _saved(n: int, areas: tuple[str, ...], filtered: bool) -> str:
    """What was stored for the browser: every finding of the areas run, whatever --kind, --status or --min-score
    then show (「已为浏览器保存22项」 above six shown read as a miscount)."""
    return (f"-- 已为浏览器保存{'、'.join(AREA_TITLES[a] for a in areas)}的{n}项检查结果"
            + ("（下面只列出所选规则、状态或得分的）" if filtered else ""))


def _progress(batches: Iterator[list[Finding]], seconds: dict[str, float]) -> Iterator[list[Finding]]:
    """The batches as they come, counted on a progress line (on a terminal only: stderr)."""
    from tqdm import tqdm

    found = 0
    with tqdm(unit="批", file=sys.stderr, desc="检查", disable=None, dynamic_ncols=True) as bar:
        for batch in batches:
            found += len(batch)
            bar.set_postfix_str(f"{found}项结果，{AREA_TITLES[next(reversed(seconds))] if seconds else ''}")
            bar.update(1)
            yield batch


def _stored_state(graph) -> None:
    from kb.analyses import stored

    state = stored.state(graph)
    if not state["computed"]:
        raise click.ClickException("尚未保存检查结果：请先运行 kb check（不加 --stored）")
    if state["stale"]:
        click.echo(f"-- 保存的检查结果计算于 {shown_time(state['computed_at'])}，此后又有导入或修改", err=True)


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
    from kb.analyses.powers import jurisdiction_names

    areas = AREAS if area == "all" else (area,)
    started = time.monotonic()
    seconds: dict[str, float] = {}
    with connect() as graph:
        jurisdiction = known_place(graph, jurisdiction)
        places = None
        source: _Listed | _Stored
        if from_store:
            _stored_state(graph)
            places = set(jurisdiction_names(graph, jurisdiction) or []) if jurisdiction else None
            source = _Stored(graph, areas, seconds)
        elif threshold is None and not jurisdiction:
            # the whole graph: each batch stored as it is found, then printed from the store
            n = stored.store_report(graph, _progress(report.batches(graph, areas, seconds=seconds), seconds), None,
                                    areas, lambda: sum(seconds.values()))
            click.echo(_saved(n, areas, bool(kinds) or status != 'all' or bool(min_score)), err=True)
            source = _Stored(graph, areas, seconds)
        else:
            result = report.run(graph, areas, jurisdiction, threshold or overlaps.DEFAULT_THRESHOLD)
            if threshold is None:
                n = stored.store_report(graph, [result.findings], jurisdiction, areas, sum(result.seconds.values()))
                click.echo(_saved(n, areas, bool(kinds) or status != 'all' or bool(min_score)) if n >= 0 else
                           f"-- 未保存：{jurisdiction}不是最上级的行政区划（对其所在的省运行 kb check -j，"
                           "或不加 -j，才会保存）", err=True)
            source = _Listed(result.findings, result.seconds)
        shown = _Shown(status, min_score, kinds, places)
        if as_json:
            tally = _Tally(source.briefs(), shown, fail_on) if fail_on else None
            echo_json_list(f.as_dict() for f in _shown_findings(source, areas, shown))
            if source.seconds:
                click.echo("-- 用时：" + "，".join(f"{AREA_TITLES[a]} {source.seconds[a]:.1f} 秒"
                                                 for a in AREAS if a in source.seconds), err=True)
        else:
            tally = _Tally(source.briefs(), shown, fail_on)
            _print_findings(source, areas, shown, tally)
            click.echo(f"-- 共{sum(tally.areas.values())}项，用时{time.monotonic() - started:.2f}秒", err=True)
        _write_findings(lambda: _shown_findings(source, areas, shown), xlsx, csv_path)
    if tally is not None and tally.failing:
        kinds_hit = sorted(KIND_TITLES[k] for k in tally.failing)
        click.echo(f"有{sum(tally.failing.values())}项待处理的结果符合 --fail-on（{'、'.join(kinds_hit)}）", err=True)
        sys.exit(1)
