"""Import benchmark: all of ../shared/data into a fresh private Neo4j, per file and in total.

Run: .venv/bin/python bench/bench_import.py [DATA_DIR] [--rounds N]
Prints seconds, records and records/s for each file and for the whole run (parse and write apart), on a
server started for the benchmark in a temporary KB_HOME (nothing else is touched).
"""
from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from importers import writer
from importers.run import expand, parse_file
from kb import dump, schema, server
from kb.config import DEFAULT_SERVER_SETTINGS, load_settings, write_local_config
from kb.db import Graph

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--rounds", type=int, default=3, help="times the whole import is repeated on an emptied db")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    os.environ.update({"KB_HOME": str(home), "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"})
    os.environ.pop("NEO4J_PASSWORD", None)
    write_local_config(home / "kb.toml", "kb" + secrets.token_hex(12), DEFAULT_SERVER_SETTINGS)
    settings = load_settings()
    print(f"starting a private Neo4j in {home} …", file=sys.stderr)
    server.start(settings)
    graph = Graph.from_settings(settings)
    try:
        schema.init(graph)
        t0 = time.perf_counter()
        parsed = [parse_file(p, explicit=e) for p, e in expand([args.data])]
        parse_s = time.perf_counter() - t0
        docs = [r for r in parsed if r.doc is not None]
        seen, unique = set(), []
        for r in sorted(docs, key=lambda r: r.kind != "law"):
            if r.doc.sha256 not in seen:
                seen.add(r.doc.sha256)
                unique.append(r)
        records = sum(r.records for r in unique)
        print(f"parse: {len(parsed)} files, {records} records in {parse_s:.2f} s "
              f"({records / parse_s:,.0f} records/s)")
        totals = []
        per_file: dict[str, list[float]] = {}
        for rnd in range(args.rounds):
            dump.clear(graph)
            start = time.perf_counter()
            for r in unique:
                t = time.perf_counter()
                run_id = writer.new_run_id()
                if r.kind == "law":
                    writer.write_law(graph, r.doc, run_id)
                elif r.kind == "guide":
                    writer.write_guides(graph, r.doc, run_id)
                else:
                    writer.write_list(graph, r.doc, run_id)
                per_file.setdefault(Path(r.path).name, []).append(time.perf_counter() - t)
            writer.link_pending(graph)
            totals.append(time.perf_counter() - start)
            print(f"round {rnd + 1}: write {totals[-1]:.2f} s", file=sys.stderr)
        print(f"\n{'file':<52}{'records':>9}{'median s':>10}{'records/s':>11}")
        for r in unique:
            name = Path(r.path).name
            med = statistics.median(per_file[name])
            print(f"{name[:50]:<52}{r.records:>9}{med:>10.3f}{r.records / med:>11,.0f}")
        med = statistics.median(totals)
        nodes = sum(dump.stats(graph)["nodes"].values())
        print(f"\nwrite, all files (median of {args.rounds}): {med:.2f} s, {records / med:,.0f} records/s, "
              f"{nodes:,} nodes in the graph")
        print(f"parse + write: {parse_s + med:.2f} s, {records / (parse_s + med):,.0f} records/s")
    finally:
        graph.close()
        server.stop(settings)


if __name__ == "__main__":
    main()
