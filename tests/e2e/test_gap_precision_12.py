"""A twelfth measurement of missing_stage (tests/e2e/unseen_gap_lists_12.json): twelve lists written as twelve
publishers of other provinces write them, every record judged blind by a reader who could read neither the code nor
the rules. docs/analyses.md ("A twelfth measurement") gives the figures: as measured 0 real of 6; after the changes
made on it (not a fresh measure) 1 of 1. The test fails when the rule reports anything the reader did not judge real
here, or stops reporting what it does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_published_gap_precision import stages_found

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).with_name("unseen_gap_lists_12.json")
PENALTY = "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的行政处罚"

# power -> (stages the finding names, real?, why): every missing_stage finding on this sample.
JUDGED: dict[str, tuple[list[str], bool, str]] = {
    PENALTY: (["告知"], True, ("柯桥街道's penalty: 立案, 调查取证, 审查决定, 送达执行 — no 告知 before the decision "
                            "(行政处罚法 第四十四条); the reader asked for it")),
}


def unseen_lists(folder: Path) -> list[Path]:
    """The sample's files as written: a spreadsheet with its title row merged across the table, or the CSV's text."""
    import openpyxl

    paths = []
    for entry in json.loads(FIXTURE.read_text(encoding="utf-8"))["lists"]:
        path = folder / entry["file"]
        if "csv" in entry:
            path.write_text(entry["csv"], encoding="utf-8")
        else:
            wb = openpyxl.Workbook()
            ws = wb.active
            for row in entry["rows"]:
                ws.append([v if v != "" else None for v in row])
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(entry["rows"][1]))
            wb.save(path)
        paths.append(path)
    return paths


def test_missing_stage_on_a_twelfth_sample_judged_blind(scratch, tmp_path):
    _, found = stages_found(scratch, unseen_lists(tmp_path), JUDGED)
    assert found == {p: stages for p, (stages, _, _) in JUDGED.items()}
    # every finding is one the reader wrote down before the rule ran, with the same stage
    judged = {r["record"]: set(r["missing"]) for r in json.loads(FIXTURE.read_text(encoding="utf-8"))["judged"]}
    assert all(set(stages) <= judged[p] for p, stages in found.items())
    assert (sum(real for _, real, _ in JUDGED.values()), len(JUDGED)) == (1, 1)
    # each list is one department in its own place, every record imported
    held = scratch.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, count(p) AS n ORDER BY d")
    assert len(held) == 12 and sum(r["n"] for r in held) == 80
