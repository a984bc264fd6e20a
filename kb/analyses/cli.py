"""CLI commands of the analyses: `kb check`, `kb query`, `kb overlaps`, `kb chain`, `kb services`."""
from __future__ import annotations

import getpass
import json
import os
import sys
import time
import unicodedata
from pathlib import Path

import click

from kb.analyses.findings import AREA_TITLES, AREAS, KIND_TITLES, KINDS, LEVEL_TITLES, STATUSES, Finding


def _graph():
    from kb.cli import _graph as connect

    return connect()


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_findings(findings: list[Finding], seconds: dict[str, float]) -> None:
    for area in AREAS:
        mine = [f for f in findings if f.area == area]
        if area not in seconds and not mine:
            continue
        click.echo(f"== {AREA_TITLES[area]} ({area}): {len(mine)} findings"
                   + (f" in {seconds[area]:.2f} s" if area in seconds else ""))
        for f in mine:
            mark = "" if f.status == "open" else f" [{f.status}]"
            click.echo(f"{f.id}  {f.score:.2f}  {f.kind:<28}{_short(f.summary, 110)}{mark}")
    counts: dict[str, list[int]] = {}
    for f in findings:
        c = counts.setdefault(f.kind, [0, 0])
        c[0] += 1
        c[1] += f.status == "open"
    if counts:
        click.echo("-- counts (open/total): " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in
                                                         sorted(counts.items(), key=lambda kv: -kv[1][0])))


def _write_findings(findings: list[Finding], xlsx: Path | None, csv_path: Path | None) -> None:
    from kb.analyses import tables
    from kb.analyses.report import FINDING_COLUMNS, finding_row

    rows = [finding_row(f) for f in findings]
    if xlsx:
        tables.write_xlsx(rows, FINDING_COLUMNS, xlsx, sheet="检查结果")
        click.echo(f"wrote {len(rows)} findings to {xlsx}", err=True)
    if csv_path:
        tables.write_csv(rows, FINDING_COLUMNS, csv_path)
        click.echo(f"wrote {len(rows)} findings to {csv_path}", err=True)


def _validate_selectors(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [v for v in values if v not in KINDS and v not in AREAS]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}: not a rule or an area "
                                 f"(areas: {', '.join(AREAS)}; rules: {', '.join(KINDS)})")
    return values


def register(main: click.Group) -> None:
    main.add_command(check)
    main.add_command(query)
    main.add_command(overlaps_group)
    main.add_command(chain_cmd)
    main.add_command(services_cmd)


# --- kb check ---------------------------------------------------------------------------------------

@click.command("check")
@click.argument("area", required=False, default="all",
                type=click.Choice(["overlaps", "gaps", "chains", "consistency", "services", "all"]))
@click.option("--jurisdiction", "-j", help="Only this jurisdiction (name or area code) and those within it.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object per finding.")
@click.option("--fail-on", multiple=True, callback=_validate_selectors, metavar="KIND",
              help="Exit 1 while open findings of this rule or area exist (repeatable).")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="Also write the report as XLSX.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as CSV (UTF-8).")
@click.option("--status", type=click.Choice([*STATUSES, "all"]), default="all", show_default=True,
              help="Only findings with this status.")
@click.option("--kind", "kinds", multiple=True, callback=_validate_selectors,
              help="Only findings of this rule or area (repeatable).")
@click.option("--min-score", type=float, default=0.0, help="Only findings scoring at least this.")
@click.option("--threshold", type=float, default=None, help="Similarity threshold of similar_name (default 0.8).")
def check(area: str, jurisdiction: str | None, as_json: bool, fail_on: tuple[str, ...], xlsx: Path | None,
          csv_path: Path | None, status: str, kinds: tuple[str, ...], min_score: float,
          threshold: float | None) -> None:
    """Check the lists: overlaps, gaps, chains, consistency (四级四同) and integrated services.

    Every finding has a stable id, a rule (kind), the departments and powers concerned, its evidence,
    a score (0–1) and a status. docs/analyses.md describes every rule.
    """
    from kb.analyses import overlaps, report

    areas = AREAS if area == "all" else (area,)
    started = time.monotonic()
    with _graph() as graph:
        result = report.run(graph, areas, jurisdiction, threshold or overlaps.DEFAULT_THRESHOLD)
    findings = [f for f in result.findings
                if (status == "all" or f.status == status) and f.score >= min_score
                and (not kinds or any(k in (f.kind, f.area) for k in kinds))]
    if as_json:
        _echo_json([f.as_dict() for f in findings])
    else:
        _print_findings(findings, result.seconds)
        click.echo(f"-- {len(findings)} findings in {time.monotonic() - started:.2f} s", err=True)
    _write_findings(findings, xlsx, csv_path)
    failing = [f for f in result.findings if f.status == "open" and any(s in (f.kind, f.area) for s in fail_on)]
    if failing:
        kinds_hit = sorted({f.kind for f in failing})
        click.echo(f"{len(failing)} open findings match --fail-on ({', '.join(kinds_hit)})", err=True)
        sys.exit(1)


# --- kb query ---------------------------------------------------------------------------------------

@click.group("query")
def query() -> None:
    """The saved-query library (queries/): list, show and run the queries."""


@query.command("list")
@click.option("--area", help="Only this area (browse, overlaps, gaps, chains, consistency, services).")
@click.option("--json", "as_json", is_flag=True)
def query_list(area: str | None, as_json: bool) -> None:
    """List the saved queries by area."""
    from queries import loader

    qs = [q for q in loader.load_all() if not area or q.area == area]
    if as_json:
        _echo_json([q.as_dict() | {"cypher": None} for q in qs])
        return
    for q in qs:
        params = ", ".join(p.name for p in q.params)
        click.echo(f"{q.area + '/' + q.name:<48}{q.title}" + (f"  ({params})" if params else ""))


@query.command("show")
@click.argument("name")
def query_show(name: str) -> None:
    """Show a query: titles, description, parameters and its Cypher."""
    from queries import loader

    try:
        q = loader.get(name)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    click.echo(f"{q.area}/{q.name}: {q.title} / {q.title_en}")
    click.echo(q.description)
    click.echo(q.description_en)
    for p in q.params:
        click.echo(f"  --param {p.name}=<{p.type}>  default {p.default!r}"
                   + (f"\n      choices: {p.choices_query}" if p.choices_query else ""))
    click.echo("")
    click.echo(q.cypher)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r}: expected name=value", param_hint="--param")
        k, _, val = v.partition("=")
        out[k.strip()] = val
    return out


def _cell(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _display_width(text))


def _print_table(columns: list[str], rows: list[dict], width: int = 40) -> None:
    cells = [[_short(_cell(r.get(c)), width) for c in columns] for r in rows]
    widths = [max([_display_width(c)] + [_display_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(_pad(c, w) for c, w in zip(columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(_pad(v, w) for v, w in zip(row, widths)).rstrip())


@query.command("run")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="A parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default="table",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (required for xlsx).")
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds before the query is stopped.")
def query_run(name: str, params: tuple[str, ...], fmt: str, output: Path | None, limit: int | None,
              timeout: float) -> None:
    """Run a saved query read-only and print or write its rows."""
    from kb.analyses import tables
    from queries import loader

    try:
        q = loader.get(name)
        with _graph() as graph:
            result = loader.run(graph, q, _parse_params(params), timeout=timeout, max_rows=limit)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    except loader.QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    columns, rows = result.columns, result.rows
    if fmt == "xlsx":
        if not output:
            raise click.UsageError("--format xlsx needs --output PATH")
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
    else:
        _print_table(columns, rows)
    note = f"{len(rows)} rows" + (" (truncated by --limit)" if result.truncated else "")
    click.echo(note + (f", written to {output}" if output else ""), err=True)


# --- kb overlaps ------------------------------------------------------------------------------------

@click.group("overlaps")
def overlaps_group() -> None:
    """Overlaps (职责交叉): list them, and record who leads and who cooperates."""


def _overlaps(graph, jurisdiction: str | None = None) -> list[Finding]:
    from kb.analyses import report

    return report.run(graph, ("overlaps",), jurisdiction).findings


def _find(findings: list[Finding], finding_id: str) -> Finding:
    hits = [f for f in findings if f.id == finding_id or f.id.startswith(finding_id)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise click.ClickException(f"no overlap with id {finding_id!r}; `kb overlaps list` shows them")
    raise click.ClickException(f"{finding_id!r} matches several findings: {', '.join(f.id for f in hits)}")


@overlaps_group.command("list")
@click.option("--status", type=click.Choice([*STATUSES, "all"]), default="open", show_default=True)
@click.option("--jurisdiction", "-j")
@click.option("--json", "as_json", is_flag=True)
def overlaps_list(status: str, jurisdiction: str | None, as_json: bool) -> None:
    """The overlaps with their status (open by default); resolved ones show their resolution."""
    from kb.analyses import resolutions

    with _graph() as graph:
        findings = _overlaps(graph, jurisdiction)
        stored = resolutions.records(graph)
    shown = [f for f in findings if status in ("all", f.status)]
    current = {f.id for f in findings}
    # resolutions whose overlap is no longer found keep their record
    gone = [r for i, r in stored.items() if i not in current and KINDS.get(r.get("kind") or "") == "overlaps"
            and status in ("all", r.get("status"))]
    if as_json:
        _echo_json([f.as_dict() for f in shown] + [r | {"no_longer_found": True} for r in gone])
        return
    for f in shown:
        extra = ""
        if f.resolution:
            extra = f"  [{f.status}: lead {f.resolution.get('lead') or '-'}, by {f.resolution.get('resolved_by')}]"
        click.echo(f"{f.id}  {f.score:.2f}  {f.kind:<16}{_short(f.summary, 100)}{extra}")
    for r in gone:
        click.echo(f"{r['id']}  ----  {r.get('kind', ''):<16}{_short(r.get('summary') or '', 100)}"
                   f"  [{r.get('status')}, no longer found: lead {r.get('lead') or '-'}]")
    click.echo(f"-- {len(shown)} overlaps" + (f", {len(gone)} stored records no longer found" if gone else ""),
               err=True)


@overlaps_group.command("show")
@click.argument("finding_id")
def overlaps_show(finding_id: str) -> None:
    """One overlap with all its evidence, as JSON."""
    from kb.analyses import resolutions

    with _graph() as graph:
        f = _find(_overlaps(graph), finding_id)
        data = f.as_dict() | {"history": resolutions.history(graph, f.id)}
    _echo_json(data)


def _who(by: str | None) -> str:
    return by or os.environ.get("KB_USER") or getpass.getuser()


@overlaps_group.command("resolve")
@click.argument("finding_id")
@click.option("--lead", required=True, help="The department that leads (牵头); full or unique short name.")
@click.option("--cooperating", multiple=True,
              help="A cooperating department (配合), repeatable; default: the overlap's other departments.")
@click.option("--basis", required=True, help="The decision or document that assigns the lead.")
@click.option("--by", help="Who records it (default: $KB_USER or the login name).")
def overlaps_resolve(finding_id: str, lead: str, cooperating: tuple[str, ...], basis: str, by: str | None) -> None:
    """Resolve an overlap: record who leads and who cooperates; it leaves the open list."""
    from kb.analyses import resolutions

    with _graph() as graph:
        f = _find(_overlaps(graph), finding_id)
        try:
            rec = resolutions.resolve(graph, f, lead, list(cooperating), basis, _who(by))
        except resolutions.ResolutionError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{f.id} resolved: lead {rec['lead']}; cooperating {', '.join(rec['cooperating']) or '-'}; "
               f"by {rec['resolved_by']} at {rec['resolved_at']}")


@overlaps_group.command("accept")
@click.argument("finding_id")
@click.option("--basis", required=True, help="Why this is not an overlap to resolve.")
@click.option("--by", help="Who records it (default: $KB_USER or the login name).")
def overlaps_accept(finding_id: str, basis: str, by: str | None) -> None:
    """Mark an overlap as reviewed and acceptable (e.g. the same article, different objects)."""
    from kb.analyses import resolutions

    with _graph() as graph:
        f = _find(_overlaps(graph), finding_id)
        try:
            rec = resolutions.accept(graph, f, basis, _who(by))
        except resolutions.ResolutionError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{f.id} accepted by {rec['resolved_by']} at {rec['resolved_at']}")


@overlaps_group.command("reopen")
@click.argument("finding_id")
@click.option("--by", help="Who reopens it (default: $KB_USER or the login name).")
def overlaps_reopen(finding_id: str, by: str | None) -> None:
    """Open an overlap again; its earlier resolution stays in its history."""
    from kb.analyses import resolutions

    with _graph() as graph:
        if not resolutions.reopen(graph, finding_id, _who(by)):
            raise click.ClickException(f"no resolution recorded for {finding_id!r}")
    click.echo(f"{finding_id} is open again")


METRIC_LABELS = {"materials_after": "办理材料数（整合后）", "materials_before": "办理材料数（整合前）",
                 "days_after": "办理时限/天（整合后）", "days_before": "办理时限/天（整合前）",
                 "visits_after": "跑动次数（整合后）", "visits_before": "跑动次数（整合前）",
                 "conditions": "受理条件数", "linked_matters": "关联事项数", "service_points": "办理点数",
                 "is_charge": "是否收费"}


# --- kb chain, kb services ----------------------------------------------------------------------------

@click.command("chain")
@click.argument("start")
@click.option("--up", "direction", flag_value="up", help="Bottom-up: from a lower level's power to the top.")
@click.option("--down", "direction", flag_value="down", default=True, help="Top-down (default).")
@click.option("--jurisdiction", "-j")
@click.option("--json", "as_json", is_flag=True)
def chain_cmd(start: str, direction: str, jurisdiction: str | None, as_json: bool) -> None:
    """A vertical chain from a power key, catalogue code or power name: levels, links, delegations and
    each level's responsibilities (直接实施 / 指导监督)."""
    from kb.analyses import chains

    with _graph() as graph:
        try:
            steps = chains.chain(graph, start, direction, jurisdiction)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from exc
        named = chains.resolve_start(graph, start)
    if direction == "up" and len(named) > 1:  # bottom-up from a name: say which of its powers was taken
        click.echo(f"{len(named)} powers match {start!r}; starting from {steps[0]['key'] if steps else '?'} "
                   "(give a power key to choose another)", err=True)
    if as_json:
        _echo_json(steps)
        return
    if any(s.get("example") for s in steps):
        click.echo("【示例】本链条含示例清单（演示数据，非公开发布的清单）：" + "、".join(
            dict.fromkeys(s["department"] for s in steps if s.get("example"))))
    for s in steps:
        via = ""
        if s["via"]:
            detail = ", ".join(f"{k} {v}" for k, v in s["via_detail"].items() if v)
            via = f"  ← {s['via']}" + (f" ({detail})" if detail else "")
        click.echo(f"[{LEVEL_TITLES.get(s['level'], s['level'])}] {s['department']}：{s['power']}"
                   f"（{s['power_type'] or '类型未标明'}）{via}")
        for kind, texts in s["responsibilities"].items():
            click.echo(f"    {kind}：{len(texts)} 项" + (f"，如：{_short(texts[0], 60)}" if texts else ""))
        if s["articles"]:
            click.echo(f"    依据条文：{'、'.join(s['articles'][:5])}")


@click.command("services")
@click.option("--jurisdiction", "-j")
@click.option("--json", "as_json", is_flag=True)
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path))
def services_cmd(jurisdiction: str | None, as_json: bool, xlsx: Path | None, csv_path: Path | None) -> None:
    """Integrated services (一件事): lead and cooperating departments, items, powers, metrics given and
    missing (never invented), and what was saved where before and after figures both exist."""
    from kb.analyses import services, tables

    with _graph() as graph:
        rows = services.report(graph, jurisdiction)
    columns = [("name", "一件事"), ("area", "地区"), ("lead", "牵头部门"), ("cooperating", "配合部门（已关联）"),
               ("cooperating_published", "配合部门（公布）"), ("items", "事项"), ("powers", "依托权力"),
               ("metrics", "已有指标"), ("metrics_missing", "缺少的指标"), ("saved", "压减情况"),
               ("guide_url", "办事指南")]
    if xlsx:
        tables.write_xlsx(rows, columns, xlsx, sheet="一件事")
    if csv_path:
        tables.write_csv(rows, columns, csv_path)
    if as_json:
        _echo_json(rows)
        return
    def label(key: str) -> str:
        return METRIC_LABELS.get(key, key)

    def shown(value: object) -> object:
        return ("是" if value else "否") if isinstance(value, bool) else value

    for r in rows:
        metrics = "，".join(f"{label(k)} {shown(v)}" for k, v in r["metrics"].items())
        click.echo(f"{r['name']}（{r['area']}）牵头 {r['lead']}；配合 {'、'.join(r['cooperating_published'])}")
        click.echo(f"    指标：{metrics or '无'}；缺少：{'、'.join(map(label, r['metrics_missing'])) or '无'}；"
                   f"事项 {len(r['items'])} 项，依托权力 {len(r['powers'])} 项")


__all__ = ["KIND_TITLES", "register"]
