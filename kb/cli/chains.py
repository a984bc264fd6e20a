"""`kb chain`, `kb compare` and `kb services`: vertical chains, the same power in other places, and
integrated services (一件事)."""
from __future__ import annotations

from pathlib import Path

import click

from kb.cli.common import connect, echo_json, known_place, short
from kb.model import EXAMPLE_MARK, EXAMPLE_NOTE, LEVEL_TITLES, METRIC_TITLES


def _as_of(value: str | None) -> str | None:
    from kb.model import as_of_date

    try:
        return as_of_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--as-of") from exc


@click.command("chain")
@click.argument("start", metavar="起点")
@click.option("--up", "direction", flag_value="up", help="自下而上：从下级的一项权力到最上级。")
@click.option("--down", "direction", flag_value="down", default=True, help="自上而下（默认）。")
@click.option("--jurisdiction", "-j", metavar="地区", help="只看这个地区及其下级（名称或行政区划代码）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出链条的各级。")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", callback=lambda _c, _p, v: _as_of(v),
              help="各级都只看在该日有效的清单版本中的权力。")
def chain_cmd(start: str, direction: str, jurisdiction: str | None, as_json: bool, as_of: str | None) -> None:
    """一项权力的纵向链条。

    起点可以是权力事项键、权力编码（650200207CF51300）、目录编码或权力名称。列出各层级、
    层级之间的关联、下放和委托，以及每一级的责任（直接实施 / 指导监督）。"""
    from kb.analyses import chains
    from kb.analyses.chains import (
        ANOTHER_CHAIN,
        ANOTHER_SUB_ITEM,
        FOUND_BY,
        LINK_DETAIL_TITLES,
        VIA_TITLES,
        sibling_sub_item,
    )

    with connect() as graph:
        place = known_place(graph, jurisdiction)
        try:
            steps = chains.chain(graph, start, direction, place, as_of=as_of)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from exc
        named = chains.resolve_start(graph, start, as_of)
        if place and len(named) > 1:  # (those of the place asked for: 正定县's one of three, not three)
            from kb.analyses.powers import jurisdiction_names

            named = [r["key"] for r in graph.read("MATCH (p:Power) WHERE p.key IN $keys AND p.jurisdiction IN $places "
                                                  "RETURN p.key AS key", keys=named,
                                                  places=jurisdiction_names(graph, place))]
    if as_of and not as_json:
        click.echo(f"按 {as_of} 有效的清单版本作答")
    if len(named) > 1 and not set(named) <= {s["key"] for s in steps}:  # (a code the whole chain shares: no choice)
        click.echo(f"有{len(named)}项权力事项与 {start!r} 相符，从 {steps[0]['key'] if steps else '?'} 开始"
                   "（要从另一项开始，请给出其权力事项键或编码）", err=True)
    if as_json:
        echo_json(steps)
        return
    if any(s.get("example") for s in steps):
        click.echo(f"{EXAMPLE_MARK}本链条含{EXAMPLE_NOTE}：" + "、".join(
            dict.fromkeys(s["department"] for s in steps if s.get("example"))))
    root = None
    for n, s in enumerate(steps):
        if n and not s["via"]:  # (a power linked to none above: another chain, not this one going on)
            click.echo(f"—— {ANOTHER_SUB_ITEM if sibling_sub_item((s['item_name'], s['power']), root) else ANOTHER_CHAIN} ——")
        if not s["via"]:
            root = (s["item_name"], s["power"])
        via = ""
        if s["via"]:
            detail = "，".join(f"{LINK_DETAIL_TITLES.get(k, k)} {FOUND_BY.get(v, v) if k == 'found_by' else v}"
                               for k, v in s["via_detail"].items() if v)
            via = f"  ← {VIA_TITLES.get(s['via'], s['via'])}" + (f"（{detail}）" if detail else "")
        if s.get("received") and not s["via"]:  # (from a body whose list holds no power to link to)
            r = s["received"]
            level = LEVEL_TITLES.get(r["from_level"], r["from_level"])
            via = f"  ← {r['manner'] or '下放'}自 {r['from_body']}（{level + '；' if level else ''}其清单未载入或没有此事项）"
        by = "、".join(LEVEL_TITLES[lv] for lv in s["exercised_at"])
        click.echo(f"[{LEVEL_TITLES.get(s['level'], s['level'])}] {s['department']}：{s['power']}"
                   f"（{s['power_type'] or '类型未标明'}）" + (f"  由{by}实施" if by else "") + via)
        for kind, texts in s["responsibilities"].items():
            click.echo(f"    {kind}：{len(texts)} 项" + (f"，如：{short(texts[0], 60)}" if texts else ""))
        if s["articles"]:
            click.echo(f"    依据条文：{'、'.join(s['articles'][:5])}")


@click.command("compare")
@click.argument("power", metavar="权力")
@click.option("--limit", type=click.IntRange(1, 5000), default=200, show_default=True, metavar="项数",
              help="每项权力最多列出其他地方的多少项。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def compare_cmd(power: str, limit: int, as_json: bool) -> None:
    """其他地方谁行使这项权力。

    列出其他地方实施同一目录事项，或以同一法条为依据且类型相同的现行权力。权力 可以是
    权力事项键、权力编码、目录编码或名称。"""
    from kb.analyses import elsewhere

    with connect() as graph:
        try:
            found = elsewhere.compare(graph, power, limit)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from exc
    if found["matched"] > len(found["powers"]):
        click.echo(f"共有{found['matched']}项现行权力与「{power}」匹配，只列出前{len(found['powers'])}项"
                   "（给出权力的键或权力编码可选定一项）", err=True)
    if as_json:
        echo_json(found)
        return
    for i, entry in enumerate(found["powers"]):
        p, rows = entry["power"], entry["elsewhere"]
        if i:
            click.echo("")
        code = f" · 编码 {p['code']}" if p["code"] else ""
        click.echo(f"「{p['power']}」 {p['place']} · {p['level_title']} · {p['department']}"
                   f"（{p['type'] or '类型未标明'}）{code}")
        if not rows:
            click.echo("    其他地方没有实施同一目录事项、或以同一法条为依据且类型相同的现行权力")
            continue
        click.echo(f"    其他地方谁行使此项权力（{len(rows)}项{'，已达 --limit 上限' if len(rows) >= limit else ''}）：")
        click.echo("    地方｜层级｜部门｜权力名称｜编码｜匹配理由")
        for r in rows:
            click.echo(f"    {r['place']}｜{r['level_title']}｜{r['department']}｜{r['power']}｜{r['code'] or '—'}｜{r['why']}")


@click.command("services")
@click.option("--jurisdiction", "-j", metavar="地区", help="只看这个地区及其下级（名称或行政区划代码）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="另写成 XLSX 文件。")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="另写成 CSV 文件（UTF-8）。")
def services_cmd(jurisdiction: str | None, as_json: bool, xlsx: Path | None, csv_path: Path | None) -> None:
    """一件事（集成服务）的牵头和配合部门、事项和指标。

    列出每个一件事的牵头和配合部门、事项、依托的权力、已公布和缺少的指标（从不编造），
    以及前后数字都有时压减了多少。"""
    from kb.analyses import services, tables

    with connect() as graph:
        rows = services.report(graph, known_place(graph, jurisdiction))
    columns = [("name", "一件事"), ("area", "地区"), ("lead", "牵头部门"), ("cooperating", "配合部门（已关联）"),
               ("cooperating_published", "配合部门（公布）"), ("items", "事项"), ("powers", "依托权力"),
               ("metrics", "已有指标"), ("metrics_missing", "缺少的指标"), ("saved", "压减情况"),
               ("guide_url", "办事指南")]
    if xlsx:
        tables.write_xlsx(rows, columns, xlsx, sheet="一件事")
    if csv_path:
        tables.write_csv(rows, columns, csv_path)
    if as_json:
        echo_json(rows)
        return
    def label(key: str) -> str:
        return METRIC_TITLES.get(key, key)

    def shown(value: object) -> object:
        return ("是" if value else "否") if isinstance(value, bool) else value

    for r in rows:
        metrics = "，".join(f"{label(k)} {shown(v)}" for k, v in r["metrics"].items())
        click.echo(f"{r['name']}（{r['area']}）牵头 {r['lead']}；配合 {'、'.join(r['cooperating_published'])}")
        click.echo(f"    指标：{metrics or '无'}；缺少：{'、'.join(map(label, r['metrics_missing'])) or '无'}；"
                   f"事项 {len(r['items'])} 项，依托权力 {len(r['powers'])} 项")
