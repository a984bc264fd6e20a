"""`kb bench`: server time per page type of the browser (kb/bench/web.py)."""
from __future__ import annotations

import json

import click

from kb.cli.common import connect


@click.command("bench")
@click.option("--rounds", default=20, show_default=True, type=int, help="Requests per page.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_cmd(rounds: int, as_json: bool) -> None:
    """Server time per page type on the loaded data (median and 95th percentile, in ms)."""
    from kb.bench.web import run_bench

    with connect() as graph:
        figures = run_bench(graph, rounds=rounds, progress=not as_json)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'page':<22}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}  example")
    for row in figures["pages"]:
        click.echo(f"{row['page']:<22}{row['median_ms']:>10.1f}{row['p95_ms']:>10.1f}{row['max_ms']:>10.1f}  "
                   f"{row['example']}")
    worst = max((r["p95_ms"] for r in figures["pages"]), default=0)
    click.echo(f"worst p95: {worst:.1f} ms (aim: under 100 ms)")
