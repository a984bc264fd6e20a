"""`kb bench`: page times on the loaded data; `kb bench generate` and `kb bench run` (kb/bench/)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kb.cli.common import connect


@click.group("bench", invoke_without_command=True)
@click.option("--rounds", default=20, show_default=True, type=int, metavar="次数", help="每个页面的请求次数。")
@click.option("--clients", default=0, show_default=True, type=int, metavar="个数",
              help="同时通过 HTTP 访问为本次测量启动的 `kb serve` 的客户端个数（0：Flask 测试客户端，逐个请求）。")
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64), metavar="个数",
              help="与 --clients 一起用：所启动的 `kb serve` 的进程数（kb serve --processes）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出各项数值。")
@click.pass_context
def bench_cmd(ctx: click.Context, rounds: int, clients: int, processes: int, as_json: bool) -> None:
    """在已载入的数据上测量各类页面的服务器用时。

    给出中位数和第 95 百分位数（毫秒）。`kb bench generate` 生成一个省的清单；`kb bench run`
    在生成的省上并列测量导入、检查和页面，并写入 bench/results/。"""
    if ctx.invoked_subcommand:
        return
    from kb.bench.web import run_bench, run_concurrent

    with connect() as graph:
        figures = (run_concurrent(graph, clients=clients, rounds=rounds, progress=not as_json, processes=processes)
                   if clients
                   else run_bench(graph, rounds=rounds, progress=not as_json))
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    from kb.bench.web import page_title
    from kb.textwidth import pad

    click.echo("各页面的服务器用时（毫秒）：")
    concurrent = "refused" in (figures["pages"] or [{}])[0]
    click.echo(f"{pad('页面', 22)}{'中位数':>7}{'p95':>10}{'最长':>8}"
               + (f"{'拒绝':>6}{'出错':>6}" if concurrent else "") + "  示例")
    for row in figures["pages"]:
        click.echo(f"{pad(page_title(row['page']), 22)}{row['median_ms']:>10.1f}{row['p95_ms']:>10.1f}"
                   f"{row['max_ms']:>10.1f}" + (f"{row['refused']:>8}{row['errors']:>8}" if concurrent else "")
                   + f"  {row['example']}" + (f"（轮流取{row['urls']}个）" if row.get("urls", 1) > 1 else ""))
    if concurrent:
        click.echo(f"（{figures['clients']} 个客户端同时访问；用时只计已作答的请求；“拒绝”：429，控制台和已保存的查询"
                   "每个地址同时只运行一个，所有客户端同在本机一个地址；“出错”：其他 4xx、5xx 和连接失败）")
    worst = max((r["p95_ms"] for r in figures["pages"]), default=0)
    click.echo(f"最慢的 p95：{worst:.1f} 毫秒（目标：100 毫秒以内）")


@bench_cmd.command("draw")
@click.option("--rounds", default=3, show_default=True, type=int, metavar="次数", help="绘制的次数。")
def draw_cmd(rounds: int) -> None:
    """在无界面的 Chromium 中绘制最大的关系图所需的时间。

    最大的关系图：被引用最多的法律，深度 2，最多 300 个节点。"""
    from kb.bench.draw import draw_figures

    with connect() as graph:
        figures = draw_figures(graph, rounds)
    if "skipped" in figures:
        raise click.ClickException(figures["skipped"])
    click.echo(f"{figures['nodes']} 个节点，绘制中位数 {figures['median_s']:.2f} s，最长 {figures['max_s']:.2f} s "
               f"（目标 < 2 s）：/graph/{figures['url']}")


SCALE = click.option("--scale", type=click.Choice(["county", "city", "province"]), default="county",
                     show_default=True,
                     help="规模：county（县）约 2.3 万项权力，city（市）约 7 万，province（省）约 70 万（按湖南的结构）。")
SEED = click.option("--seed", type=int, default=1, show_default=True, metavar="种子", help="种子相同，生成的清单就相同。")


@bench_cmd.command("generate")
@SCALE
@SEED
@click.argument("out", type=click.Path(file_okay=False, path_type=Path), metavar="输出目录")
def generate_cmd(scale: str, seed: int, out: Path) -> None:
    """生成一个省的清单。

    清单写入 输出目录/lists，另写出 输出目录/truth.jsonl（注入的职责交叉、职责空白和链条断点）
    和 输出目录/summary.json。"""
    from kb.analyses.findings import KIND_TITLES
    from kb.bench.generate import generate
    from kb.model import LEVEL_TITLES

    summary = generate(scale, seed, out, lambda line: click.echo(line, err=True))
    places = "、".join(f"{LEVEL_TITLES.get(k, k)} {n}" for k, n in summary.places.items())
    injected = "、".join(f"{KIND_TITLES.get(k, k)} {n}" for k, n in summary.truth.items())
    click.echo(f"{summary.files:,} 个文件中共 {summary.powers:,} 项权力（{places}）；注入 {injected}；"
               f"用时 {summary.seconds:.1f} 秒；用 `kb import {out / 'lists'}` 导入")


@bench_cmd.command("run")
@SCALE
@SEED
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="`kb bench generate` 写出的文件夹（默认：现在生成一个）。")
@click.option("--rounds", default=10, show_default=True, type=int, metavar="次数", help="每个页面的请求次数。")
@click.option("--sample", default=300, show_default=True, type=int, metavar="条数",
              help="朴素导入方式写入的记录条数。")
@click.option("--results", type=click.Path(file_okay=False, path_type=Path), default=Path("bench/results"),
              show_default=True, help="结果文件所在的文件夹。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出各项数值。")
def run_cmd(scale: str, seed: int, data: Path | None, rounds: int, sample: int, results: Path,
            as_json: bool) -> None:
    """在私有的 Neo4j 上，对生成的省并列测量导入、检查和页面。"""
    from kb.bench.run import run, table

    figures = run(scale, seed, data, rounds, sample, results, lambda line: click.echo(line, err=True))
    click.echo(json.dumps(figures, ensure_ascii=False, indent=1) if as_json else table(figures))
    if not as_json:
        click.echo(f"已写入 {figures['written_to']}", err=True)
