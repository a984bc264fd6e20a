"""Recall of `missing_stage` over every judged sample: each fixture (tests/e2e/unseen_gap_lists_*.json) keeps its
reader's judgment of every record — the stages it misses, or none — so how many of the records a reader found missing a
stage the rule reports can be read off all of them at once. Each sample is imported alone into a private Neo4j (as its
test does), the gap rules run, and each judged record is paired with the powers whose names it starts (or that start
it). Prints, per sample and together, the records judged to miss a stage, those paired with a power, and those found;
`--json OUT` writes every record with the powers paired with it and the stages found missing in each.

    python bench/stage_recall.py [--json OUT] [NN ...]

docs/analyses.md ("Recall over every judged sample") gives the figures and what the missed records are.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from importers.run import import_paths
from kb import dump
from kb.analyses import gaps
from tests.conftest import ManagedServer
from tests.e2e.test_unseen_gap_precision import as_named, unseen_lists

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "e2e"


def samples(asked: list[str]) -> list[Path]:
    numbered = {re.search(r"_(\d+)\.json$", p.name)[1]: p for p in SAMPLES.glob("unseen_gap_lists_*.json")}
    return [numbered[n] for n in sorted(numbered, key=int) if not asked or n in asked]


def judge(graph, fixture: Path) -> list[dict]:
    """Every judged record of one sample with the powers paired with it and the stages the rule finds missing."""
    dump.clear(graph)
    import_paths(graph, unseen_lists(Path(tempfile.mkdtemp(prefix="kb-recall-")), fixture), progress=False)
    found = {p: e["missing"] for f in gaps.find(graph) if f.kind == "missing_stage" for p, e in zip(f.powers, f.evidence)}
    powers = [r["p"] for r in graph.read("MATCH (p:Power) WHERE p.current RETURN DISTINCT p.name AS p")]
    out = []
    for r in json.loads(fixture.read_text(encoding="utf-8"))["judged"]:
        name = as_named(r["record"].split("\n")[0]).split(" ")[0]
        paired = [p for p in powers if p.startswith(name) or name.startswith(p)] if name else []
        out.append({"record": r["record"], "type": r.get("type"), "missing": r["missing"], "reason": r.get("reason", ""),
                    "powers": paired, "found": {p: found[p] for p in paired if p in found}})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("numbers", nargs="*", help="the samples' numbers (default: every one)")
    ap.add_argument("--json", type=Path, help="write every record, its powers and what was found")
    args = ap.parse_args()
    srv = ManagedServer("recall").start()
    every: dict[str, list[dict]] = {}
    try:
        print(f"{'sample':>6} {'asked':>6} {'paired':>6} {'found':>6}")
        for fixture in samples(args.numbers):
            records = every[fixture.stem] = judge(srv.graph, fixture)
            asked = [r for r in records if r["missing"]]
            print(f"{fixture.stem.rsplit('_', 1)[1]:>6} {len(asked):>6} {sum(bool(r['powers']) for r in asked):>6} "
                  f"{sum(bool(r['found']) for r in asked):>6}", flush=True)
    finally:
        srv.stop()
    asked = [r for records in every.values() for r in records if r["missing"]]
    paired = [r for r in asked if r["powers"]]
    found = [r for r in asked if r["found"]]
    print(f"together: {len(asked)} records judged to miss a stage, {len(found)} found "
          f"({len(found) / max(len(asked), 1):.0%}); of the {len(paired)} paired with a power, "
          f"{len(found) / max(len(paired), 1):.0%}")
    if args.json:
        args.json.write_text(json.dumps(every, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
