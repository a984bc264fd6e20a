"""`kb bench run`: the benchmark, measured side by side in one run on a private Neo4j server.

1. import: `kb import` (a subprocess, so its resident memory is its own) of the generated lists into a
   database that already holds the demo; and, on one county's lists, our importer against a naive
   importer that MERGEs one record per transaction (on a sample: it is slow by design), each into a
   database holding the demo on a warm server, and `kb import` against `kb import --bulk` (Neo4j's
   offline importer), each into an emptied database;
2. analyses: `kb check all --json` (a subprocess): seconds, resident memory, findings, and the recall
   of the injected overlaps and gaps (truth.jsonl);
3. pages: server time per page type (kb/bench/web.py).

Timings on a shared machine are noisy: the ratios (ours / naive) and how a figure grows from one
scale to the next count, not one run's seconds. Results go to bench/results/<date>-<scale>.json.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kb import dump, schema, server
from kb.config import DEFAULT_SERVER_SETTINGS, Settings, load_settings, write_local_config
from kb.db import Graph

Say = Callable[[str], None]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def private_server(say: Say) -> Iterator[tuple[dict[str, str], Settings, Graph]]:
    """A Neo4j of its own in a temporary KB_HOME on a free port: (environment, settings, graph)."""
    home = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    env = {**os.environ, "KB_HOME": str(home), "NEO4J_URI": f"bolt://127.0.0.1:{_free_port()}"}
    env.pop("NEO4J_PASSWORD", None)
    write_local_config(home / "kb.toml", "kb" + secrets.token_hex(12), DEFAULT_SERVER_SETTINGS)
    saved = dict(os.environ)
    os.environ.update({k: env[k] for k in ("KB_HOME", "NEO4J_URI")})
    os.environ.pop("NEO4J_PASSWORD", None)
    try:
        settings = load_settings()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    say(f"在 {home} 启动一个私有的 Neo4j …")
    server.start(settings)
    graph = Graph.from_settings(settings)
    try:
        schema.init(graph)
        yield env, settings, graph
    finally:
        graph.close()
        server.stop(settings)


def measured(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run `python -m kb.cli ARGS`: seconds, peak resident memory (MB), exit code, stdout."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, "-m", "kb.cli", *args], env=env, stdout=out,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return {"seconds": round(time.monotonic() - started, 2), "rss_mb": round(usage.ru_maxrss / 1024, 1),
            "exit": proc.returncode, "stdout": text}


def import_figures(env: dict[str, str], graph: Graph, lists: Path, say: Say) -> dict[str, Any]:
    """`kb import` of everything generated, into a database that holds the demo already (the findings
    are recomputed apart, by `kb check all`, so the import's figure is the import's), twice: first on the
    server just started for the run, then again into the demo alone (`first` keeps the first run's
    figures). A server in use has planned the import's statements and warmed its JIT compiler: a county's
    import (half a minute) is otherwise measured half on a cold server, a province's (15 minutes) is not."""
    runs = []
    for turn in ("第一次（服务器刚启动）", "第二次"):
        say(f"载入演示数据（实际使用时数据库不是空的），kb import --no-check {lists}，{turn} …")
        measured(["demo", "--reset"], env)
        run = measured(["import", "--json", "--no-check", str(lists)], env)
        report = json.loads(run["stdout"] or "{}")
        records = sum(f.get("records", 0) for f in report.get("files", []) if f.get("status") == "imported")
        runs.append({"records": records, "files": len(report.get("files", [])), "refused": report.get("refused"),
                     "seconds": run["seconds"],
                     "records_per_s": round(records / run["seconds"], 1) if run["seconds"] else 0,
                     "rss_mb": run["rss_mb"], "exit": run["exit"]})
    return {**runs[1], "first": runs[0]}


def naive_figures(env: dict[str, str], graph: Graph, county: Path, sample: int, say: Say) -> dict[str, Any]:
    """Our writer and a naive one-record-per-transaction MERGE on the same parsed county lists, side by
    side, each into a database that holds the demo (as the aim reads: a database that already holds
    data), both on a warm server: each writes once untimed first (a server just started plans every
    statement and warms its JIT compiler: a county's five thousand records are otherwise measured half
    cold, a province's are not). Ours is timed twice (`ours_runs`; the ratio takes their mean); parsing
    is timed apart: both writers get the same documents."""
    from importers.run import Spool, _validate, _write_all, expand
    from kb.bench import naive

    def demo() -> None:
        if measured(["demo", "--reset"], env)["exit"] != 0:
            raise RuntimeError("kb demo --reset failed")

    with Spool(10**9) as spool:  # ours: kb import's own write pass (small lists grouped), parsing timed apart
        started = time.monotonic()
        reports = [r for r in _validate(expand([county]), None, None, spool) if r.doc is not None and r.kind == "list"]
        parse_s = time.monotonic() - started
        docs = {id(r): r.doc for r in reports}
        records = sum(len(d.records) for d in docs.values())
        runs = []
        for turn in range(3):  # the first untimed
            demo()
            for r in reports:
                r.doc, r.status = docs[id(r)], "valid"
            started = time.monotonic()
            _write_all(graph, reports, spool, dry_run=False, progress=False)
            if turn:
                runs.append(round(time.monotonic() - started, 2))
    say(f"朴素方式导入 {sample} 条记录 …")
    demo()
    naive.write(graph, list(docs.values()), max(1, sample // 10))  # untimed: its statements planned
    demo()
    started = time.monotonic()
    done = naive.write(graph, list(docs.values()), sample)
    naive_s = time.monotonic() - started
    ours_s = sum(runs) / len(runs)
    ours_rate, naive_rate = records / ours_s, done / naive_s
    return {"records": records, "parse_seconds": round(parse_s, 2), "parse_records_per_s": round(records / parse_s, 1),
            "ours_runs": runs, "ours_seconds": round(ours_s, 2), "ours_records_per_s": round(ours_rate, 1),
            "naive_records": done, "naive_seconds": round(naive_s, 2), "naive_records_per_s": round(naive_rate, 1),
            "ratio": round(ours_rate / naive_rate, 1)}


def bulk_figures(env: dict[str, str], graph: Graph, county: Path, say: Say) -> dict[str, Any]:
    """`kb import` against `kb import --bulk` (neo4j-admin database import) of the same county's lists,
    each into an emptied database, each a whole command (parse, write, and for the bulk path the
    server's stop and start and the schema): the ratio is ours / bulk in seconds."""
    dump.clear(graph)
    say(f"kb import --no-check {county}（导入空数据库）…")
    ours = measured(["import", "--json", "--no-check", str(county)], env)
    dump.clear(graph)
    say(f"kb import --bulk --no-check {county} …")
    bulk = measured(["import", "--bulk", "--json", "--no-check", str(county)], env)
    report = json.loads(bulk["stdout"] or "{}")
    records = sum(f.get("records", 0) for f in report.get("files", []) if f.get("status") == "imported")
    return {"records": records, "ours_seconds": ours["seconds"], "ours_exit": ours["exit"],
            "ours_records_per_s": round(records / ours["seconds"], 1) if ours["seconds"] else 0,
            "bulk_seconds": bulk["seconds"], "bulk_exit": bulk["exit"], "bulk_rss_mb": bulk["rss_mb"],
            "bulk_records_per_s": round(records / bulk["seconds"], 1) if bulk["seconds"] else 0,
            "bulk_phases": report.get("timings", {}),
            "ratio": round(ours["seconds"] / bulk["seconds"], 2) if bulk["seconds"] else None}


def analysis_figures(env: dict[str, str], truth: Path, say: Say) -> dict[str, Any]:
    say("kb check all …")
    run = measured(["check", "all", "--json"], env)
    findings = json.loads(run["stdout"] or "[]")
    kinds: dict[str, int] = {}
    for f in findings:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    return {"seconds": run["seconds"], "rss_mb": run["rss_mb"], "exit": run["exit"], "findings": len(findings),
            "json_mb": round(len(run["stdout"].encode()) / 1e6, 1), "by_kind": kinds,
            "recall": recall(findings, truth)}


# The injected cases (truth.jsonl kinds), as the table names them.
RECALL_TITLES = {"overlap": "注入的职责交叉", "no_responsibility": "注入的无责任事项", "chain_break": "注入的链条断点"}


def recall(findings: list[dict], truth: Path) -> dict[str, Any]:
    """Of the injected cases, how many a finding names (departments and a power for an overlap; the
    power for a missing responsibility; the county's power, no_upper_counterpart, for a chain break)."""
    overlaps = [f for f in findings if f.get("area") == "overlaps"]
    gaps = {(f["departments"][0] if f["departments"] else "", p) for f in findings
            if f["kind"] == "no_responsibility" for p in f["powers"]}
    breaks = {(f["departments"][0] if f["departments"] else "", p) for f in findings
              if f["kind"] == "no_upper_counterpart" for p in f["powers"]}
    hit: dict[str, list[int]] = {}
    for line in truth.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["kind"] == "overlap":
            found = any(set(case["departments"]) <= set(f["departments"]) and case["powers"][0] in f["powers"]
                        for f in overlaps)
        elif case["kind"] == "no_responsibility":
            found = (case["department"], case["power"]) in gaps
        elif case["kind"] == "chain_break":  # the county's item, its city's list left out
            found = (case["department"], case["power"]) in breaks
        else:
            continue
        h = hit.setdefault(case["kind"], [0, 0])
        h[0] += found
        h[1] += 1
    return {kind: {"found": f, "injected": n, "recall": round(f / n, 3) if n else None} for kind, (f, n) in hit.items()}


def run(scale: str, seed: int, data: Path | None, rounds: int, sample: int, results: Path, say: Say) -> dict:
    from kb.bench.draw import draw_figures
    from kb.bench.generate import generate
    from kb.bench.web import run_bench, run_concurrent

    if data is None:
        data = Path(tempfile.mkdtemp(prefix=f"kb-bench-{scale}-"))
        say(f"在 {data} 生成 {scale}（种子 {seed}）…")
        generate(scale, seed, data, say)
    lists, truth = data / "lists", data / "truth.jsonl"
    county = next(p for p in sorted(lists.rglob("*")) if p.is_dir() and p.name.endswith(("县", "市", "区"))
                  and p.parent.parent.parent == lists)
    figures: dict[str, Any] = {"scale": scale, "seed": seed, "date": dt.datetime.now().isoformat(timespec="seconds"),
                               "generated": json.loads((data / "summary.json").read_text(encoding="utf-8"))}
    with private_server(say) as (env, settings, graph):
        figures["naive"] = naive_figures(env, graph, county, sample, say)
        figures["bulk"] = bulk_figures(env, graph, county, say)
        # the bulk path restarted the server on a new store: a new driver (the old one holds bookmarks
        # of the old store's transactions)
        with Graph.from_settings(settings) as graph:
            figures["import"] = import_figures(env, graph, lists, say)
            figures["analyses"] = analysis_figures(env, truth, say)
            say("页面用时 …")
            figures["pages"] = run_bench(graph, rounds=rounds, progress=False)["pages"]
            say("页面用时，4 个客户端同时经 HTTP 访问 …")
            figures["pages_4_clients"] = run_concurrent(graph, env, clients=4, rounds=rounds, progress=False)
            say("在 Chromium 中绘制最大的关系图 …")
            figures["draw"] = draw_figures(graph)
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"{dt.date.today().isoformat()}-{scale}.json"
    path.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    figures["written_to"] = str(path)
    return figures


def table(figures: dict) -> str:
    """The results as the text table `kb bench run` prints."""
    from kb.analyses.findings import KIND_TITLES
    from kb.bench.web import page_title
    from kb.textwidth import pad

    imp, nv, an, bk = figures["import"], figures["naive"], figures["analyses"], figures["bulk"]
    worst = max(figures["pages"], key=lambda p: p["p95_ms"])
    def line(what: str, figure: str, aim: str = "") -> str:
        return f"{pad(what, 44)}{figure:>16}  {aim}".rstrip()

    lines = [
        (f"基准测试，规模 {figures['scale']}（种子 {figures['seed']}）：{figures['generated']['powers']:,} 项权力，"
         f"{figures['generated']['files']:,} 个文件"),
        line("项目", "数值", "目标"),
        line("kb import，条/秒（服务器刚启动时）", f"{imp['first']['records_per_s']:,.0f}", ""),
        line("kb import，条/秒", f"{imp['records_per_s']:,.0f}", ">= 800"),
        line("kb import，常驻内存 MB", f"{imp['rss_mb']:,.0f}", "<= 1,536"),
        line("本写入器 / 朴素 MERGE，写入（一个县）", f"{nv['ratio']:.1f}倍", ">= 20倍"),
        line("kb import --bulk，条/秒（一个县）", f"{bk['bulk_records_per_s']:,.0f}"),
        line("本写入器 / bulk，秒数（一个县）", f"{bk['ratio'] or 0:.1f}倍", "<= 3倍"),
        line("解析，条/秒（一个县）", f"{nv['parse_records_per_s']:,.0f}"),
        line("kb check all，秒", f"{an['seconds']:,.1f}", "<= 600（省）"),
        line("kb check all，常驻内存 MB", f"{an['rss_mb']:,.0f}", "<= 2,048"),
        *(line(f"召回率，{RECALL_TITLES.get(kind, KIND_TITLES.get(kind, kind))}",
               str(r["recall"] if r["recall"] is not None else "-"),
               ">= 0.98（职责交叉）") for kind, r in an["recall"].items()),
        line(f"最慢页面的 p95 毫秒（{page_title(worst['page'])}）", f"{worst['p95_ms']:,.0f}", "< 100"),
    ]
    four = figures.get("pages_4_clients")
    if four:
        rows = [p for p in four["pages"] if not p["page"].startswith("search")]
        worst4 = max(rows, key=lambda p: p["p95_ms"])
        search4 = max((p for p in four["pages"] if p["page"].startswith("search")), key=lambda p: p["p95_ms"])
        lines += [line(f"4 个客户端：最慢页面的 p95 毫秒（{page_title(worst4['page'])}）", f"{worst4['p95_ms']:,.0f}", "< 100"),
                  line("4 个客户端：搜索的 p95 毫秒", f"{search4['p95_ms']:,.0f}", "< 300"),
                  line("4 个客户端：出错次数", f"{sum(p['errors'] for p in four['pages']):,}", "0"),
                  line("4 个客户端：拒绝次数（429，不计入用时）", f"{sum(p.get('refused', 0) for p in four['pages']):,}"),
                  line("kb serve 启动后第一个页面，秒", f"{four['first_page_s']:.2f}", "< 3")]
    draw = figures.get("draw") or {}
    if "median_s" in draw:
        lines.append(line(f"绘制最大的关系图（{draw['nodes']} 个节点），秒", f"{draw['median_s']:.2f}", "< 2"))
    return "\n".join(lines)
