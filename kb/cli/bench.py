"""`kb bench`: page times on the loaded data; `kb bench generate` and `kb bench run` (kb/bench/)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kb.cli.common import connect


@click.group("bench", invoke_without_command=True)
@click.option("--rounds", default=20, show_default=True, type=int, help="Requests per page.")
@click.option("--clients", default=0, show_default=True, type=int,
              help="Clients at once over HTTP against a `kb serve` started for the run (0: Flask's test client, one at a time).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench_cmd(ctx: click.Context, rounds: int, clients: int, as_json: bool) -> None:
    """Server time per page type on the loaded data (median and 95th percentile, in ms).

    `kb bench generate` writes a generated province; `kb bench run` measures import, analyses and
    pages on one, side by side, and writes bench/results/."""
    if ctx.invoked_subcommand:
        return
    from kb.bench.web import run_bench, run_concurrent

    with connect() as graph:
        figures = (run_concurrent(graph, clients=clients, rounds=rounds, progress=not as_json) if clients
                   else run_bench(graph, rounds=rounds, progress=not as_json))
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'page':<22}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}  example")
    for row in figures["pages"]:
        click.echo(f"{row['page']:<22}{row['median_ms']:>10.1f}{row['p95_ms']:>10.1f}{row['max_ms']:>10.1f}  "
                   f"{row['example']}")
    worst = max((r["p95_ms"] for r in figures["pages"]), default=0)
    click.echo(f"worst p95: {worst:.1f} ms (aim: under 100 ms)")


@bench_cmd.command("draw")
@click.option("--rounds", default=3, show_default=True, type=int)
def draw_cmd(rounds: int) -> None:
    """Time to draw the biggest neighbourhood (the most cited law, depth 2, ≤ 300 nodes) in headless Chromium."""
    from kb.bench.draw import draw_figures

    with connect() as graph:
        figures = draw_figures(graph, rounds)
    if "skipped" in figures:
        raise click.ClickException(figures["skipped"])
    click.echo(f"{figures['nodes']} 个节点，绘制中位数 {figures['median_s']:.2f} s，最长 {figures['max_s']:.2f} s "
               f"（目标 < 2 s）：/graph/{figures['url']}")


SCALE = click.option("--scale", type=click.Choice(["county", "city", "province"]), default="county",
                     show_default=True, help="county ≈ 23 k powers, city ≈ 70 k, province ≈ 700 k (Hunan-shaped).")
SEED = click.option("--seed", type=int, default=1, show_default=True, help="The same seed writes the same lists.")


@bench_cmd.command("generate")
@SCALE
@SEED
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
def generate_cmd(scale: str, seed: int, out: Path) -> None:
    """Write a generated province's lists to OUT/lists, with OUT/truth.jsonl (the injected overlaps,
    gaps and chain breaks) and OUT/summary.json."""
    from kb.bench.generate import generate

    summary = generate(scale, seed, out, lambda line: click.echo(line, err=True))
    click.echo(f"{summary.powers:,} powers in {summary.files:,} files ({summary.places}); injected "
               f"{summary.truth}; {summary.seconds:.1f} s; import with `kb import {out / 'lists'}`")


@bench_cmd.command("run")
@SCALE
@SEED
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder `kb bench generate` wrote (default: generate one now).")
@click.option("--rounds", default=10, show_default=True, type=int, help="Requests per page.")
@click.option("--sample", default=300, show_default=True, type=int, help="Records the naive importer writes.")
@click.option("--results", type=click.Path(file_okay=False, path_type=Path), default=Path("bench/results"),
              show_default=True, help="Where the results file goes.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def run_cmd(scale: str, seed: int, data: Path | None, rounds: int, sample: int, results: Path,
            as_json: bool) -> None:
    """Import, analyses and pages on a generated province, on a private Neo4j, side by side."""
    from kb.bench.run import run, table

    figures = run(scale, seed, data, rounds, sample, results, lambda line: click.echo(line, err=True))
    click.echo(json.dumps(figures, ensure_ascii=False, indent=1) if as_json else table(figures))
    if not as_json:
        click.echo(f"written to {figures['written_to']}", err=True)
