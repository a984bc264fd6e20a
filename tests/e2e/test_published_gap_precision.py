"""missing_stage on published lists the rules were not written on (tests/e2e/published_gap_lists.json:
records of 湖南, 广西, 河北, 安徽, 吉林, 北京, 西藏, 新疆兵团, 内蒙古 and 贵州 publishers, each under its own
labels), every finding judged as a legal officer reads it. docs/analyses.md ("Precision of the gap
rules") gives the same table; when the rule finds something else here, this test fails until the
judgement and the document are brought up to date."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).with_name("published_gap_lists.json")

# power -> (real?, why): every missing_stage finding on these lists.
JUDGED: dict[str, tuple[bool, str]] = {}
# Judged real and no longer reported: missing_stage asks only what a law of general application asks for, and no
# such law sets a 行政给付's procedure (docs/analyses.md, "Asked only where a general law asks").
NOT_ASKED = {
    "伤残人员抚恤待遇发放": "real: no stage pays the pension; the decision reports up and tells the applicant",
}
# Wrong in the first measurement (1 of 3 real) and changed after it: a heading naming two stages.
FIXED = {
    "独生子女父母光荣证核发与注销": "审查和决定阶段责任 names both 审查 and 决定",
    # gone after the fourth measurement
    "非国有不可移动文物修缮资金给付": "its 决定 stage pays (依程序给付): a 决定 that 给付s delivers",
    "部分烈士（含错杀后被平反人员）子女认定及生活补助给付": (
        "the county reviews and reports up (3.报送责任:…根据审批权限上报市): it decides nothing of its own"),
}


STAGE_ROWS = "履责方式"  # a publisher's 办理环节 rows: one row per stage, the record's other cells merged down


def published_lists(folder: Path, fixture: Path = FIXTURE) -> list[Path]:
    """Each list of a fixture of published records written to `folder` as its publisher lays it out: the
    JSON list its file names, or (办理环节 rows, a file named .xlsx) a sheet with merged cells."""
    paths = []
    for entry in json.loads(fixture.read_text(encoding="utf-8"))["lists"]:
        path = folder / entry["file"]
        if path.suffix == ".xlsx":
            write_staged_sheet(path, entry["list"])
        else:
            path.write_text(json.dumps(entry["list"], ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def write_staged_sheet(path: Path, published: dict) -> None:
    """Title row, header row, then per record one row per 办理环节 row, its other cells merged down them."""
    import openpyxl

    records = published["records"]
    header: list[str] = []
    for rec in records:
        for key, value in rec.items():
            names = list(value[0]) if key == STAGE_ROWS else [key]
            header += [n for n in names if n not in header]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([published["title"]])
    ws.append(header)
    for rec in records:
        rows = rec.get(STAGE_ROWS) or [{}]
        top = ws.max_row + 1
        for i, stage_row in enumerate(rows):
            ws.append([stage_row[h] if h in stage_row else (rec.get(h, "") if i == 0 else "") for h in header])
        for c, h in enumerate(header, start=1):
            if h not in rows[0] and len(rows) > 1:
                ws.merge_cells(start_row=top, start_column=c, end_row=top + len(rows) - 1, end_column=c)
    wb.save(path)


def stages_found(graph, paths: list[Path], judged: dict, refusing: frozenset[str] = frozenset()) -> tuple[list, dict[str, list[str]]]:
    """Import a sample's lists (every file imported but those named in `refusing`, which must be refused), run the gap rules;
    (the findings, power -> the stages its missing_stage finding names), after checking that the rule finds exactly the
    judged powers."""
    from importers.run import import_paths
    from kb.analyses import gaps

    report = import_paths(graph, paths, progress=False)
    refused = {Path(f["path"]).name: f["errors"][0]["message"] for f in report["files"] if f["status"] != "imported"}
    assert set(refused) == set(refusing), refused
    findings = gaps.find(graph)
    found = {p: e["missing"] for f in findings if f.kind == "missing_stage" for p, e in zip(f.powers, f.evidence)}
    assert set(found) == set(judged), f"re-judge and update docs/analyses.md: new {set(found) - set(judged)}, " \
                                      f"gone {set(judged) - set(found)}"
    return findings, found


def test_missing_stage_on_published_lists_is_judged(scratch, tmp_path):
    from importers.run import import_paths
    from kb.analyses import gaps

    report = import_paths(scratch, published_lists(tmp_path), progress=False)
    assert [f["status"] for f in report["files"]] == ["imported"] * 18
    found = {p for f in gaps.find(scratch) if f.kind == "missing_stage" for p in f.powers}
    assert not found & set(FIXED), found & set(FIXED)
    assert not found & set(NOT_ASKED)
    assert found == set(JUDGED), f"re-judge and update docs/analyses.md: new {found - set(JUDGED)}, " \
                                 f"gone {set(JUDGED) - found}"
    # the figures docs/analyses.md gives: 1 real of 3 after the first changes, 1 of 1 after the fourth measurement,
    # none since a 行政给付 is not asked for
    assert (sum(ok for ok, _ in JUDGED.values()), len(JUDGED)) == (0, 0)
