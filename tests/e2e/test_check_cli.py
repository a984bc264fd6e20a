"""`kb check`, `kb query`, `kb overlaps`, `kb chain` and `kb services` as a list office runs them."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from kb.analyses.findings import KINDS
from kb.db import Graph


def kb(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=env, capture_output=True, text=True, check=False,
                          timeout=300)


@pytest.fixture(scope="module")
def env(loaded_server) -> dict:
    return loaded_server.env


@pytest.fixture(scope="module")
def all_findings(env: dict) -> list[dict]:
    proc = kb(env, "check", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_check_json_shape(all_findings: list[dict]) -> None:
    assert all_findings
    for f in all_findings:
        assert {"id", "kind", "departments", "powers", "evidence", "score", "status"} <= set(f)
        assert f["kind"] in KINDS and f["evidence"] and all("type" in e for e in f["evidence"])
        assert 0 <= f["score"] <= 1 and f["status"] in ("open", "resolved", "accepted")
        assert len(f["id"]) == 12
    assert len({f["id"] for f in all_findings}) == len(all_findings)
    kinds = {f["kind"] for f in all_findings}
    assert {"shared_article", "similar_name", "law_not_loaded", "other_version", "no_upper_counterpart",
            "name_differs", "service_no_items"} <= kinds


def test_article_evidence_names_law_article_text_and_power(all_findings: list[dict]) -> None:
    ev = [e for f in all_findings if f["kind"] == "shared_article" for e in f["evidence"]
          if e["type"] == "shared_article"]
    assert ev and all(e["law"].startswith("《") and e["article"].startswith("第") and e["power"] for e in ev)


def test_area_and_jurisdiction_filters(env: dict, all_findings: list[dict]) -> None:
    proc = kb(env, "check", "consistency", "--json", "--jurisdiction", "克拉玛依市")
    found = json.loads(proc.stdout)
    assert found and {f["kind"] for f in found} <= {"name_differs", "code_differs", "basis_differs", "type_differs"}
    assert {f["id"] for f in found} <= {f["id"] for f in all_findings}
    proc = kb(env, "check", "overlaps", "--json", "--jurisdiction", "长沙市")
    assert json.loads(proc.stdout) == []
    # a place the graph does not hold is refused, not answered with no findings (a reader took the list for clean)
    proc = kb(env, "check", "all", "--jurisdiction", "不存在区")
    assert proc.returncode != 0 and "库中没有地区“不存在区”" in proc.stderr and not proc.stdout.strip()
    # a short name, an area code (at any length) or the end of a name is the place it names, and said so
    for given in ("克拉玛依", "650200", "650200000000"):
        proc = kb(env, "check", "consistency", "--json", "--jurisdiction", given)
        assert proc.returncode == 0 and f"地区 {given} 即库中的 克拉玛依市" in proc.stderr, given
        assert {f["id"] for f in json.loads(proc.stdout)} == {f["id"] for f in found}


def test_table_output_and_timing(env: dict) -> None:
    proc = kb(env, "check", "chains")
    assert proc.returncode == 0
    assert "== 纵向链条：" in proc.stdout and "上级无对应事项" in proc.stdout
    assert "no_upper_counterpart" not in proc.stdout and "{" not in proc.stdout  # no rule keys, no JSON
    assert "秒" in proc.stderr and "findings" not in proc.stderr
    gaps = kb(env, "check", "gaps").stdout  # each piece of evidence names its file, sheet and row
    assert "（附件：克拉玛依市市场监督管理局2024年权责清单.xls，Sheet1，第409行）" in gaps


def test_laws_to_load_leave_the_gaps(env: dict) -> None:
    gaps = json.loads(kb(env, "check", "gaps", "--json").stdout)
    assert gaps and not [f for f in gaps if f["kind"] == "law_not_loaded"]
    laws = json.loads(kb(env, "check", "laws", "--json").stdout)
    assert len(laws) > 500 and {f["area"] for f in laws} == {"laws"}
    text = kb(env, "check", "laws").stdout.splitlines()
    assert text[0].startswith("== 法律待入库：") and "引用权力数" in text[1]
    assert "《国土资源部关于印发〈国土资源违法行为查处工作规程〉的通知》" in text[2] and " 120 " in text[2]


def test_overlaps_are_shown_for_a_reader(env: dict, all_findings: list[dict]) -> None:
    listed = kb(env, "overlaps", "list").stdout
    assert "组 " in listed and "克拉玛依市交通运输局 ↔ 克拉玛依市应急管理局" in listed
    [target] = [f for f in all_findings if f["kind"] == "shared_article" and any(
        e.get("article") == "第六十二条" and "安全生产法" in e.get("law", "") for e in f["evidence"])]
    shown = kb(env, "overlaps", "show", target["id"]).stdout
    assert "同一法条" in shown and "shared_article" not in shown and "克拉玛依市应急管理局「" in shown
    assert "《中华人民共和国安全生产法》第六十二条：“" in shown and "第" in shown and "行）" in shown
    as_json = json.loads(kb(env, "overlaps", "show", target["id"], "--json").stdout)
    assert as_json["id"] == target["id"] and as_json["group"] and "evidence" in as_json


def test_fail_on(env: dict) -> None:
    assert kb(env, "check", "overlaps", "--fail-on", "shared_article").returncode == 1
    assert kb(env, "check", "overlaps", "--fail-on", "same_code").returncode == 0
    assert kb(env, "check", "gaps", "--fail-on", "gaps").returncode == 1
    bad = kb(env, "check", "--fail-on", "no_such_rule")
    assert bad.returncode == 2 and "不是检查规则或领域的名称" in bad.stderr


def test_xlsx_and_csv_reports(env: dict, tmp_path) -> None:
    xlsx, csv_path = tmp_path / "report.xlsx", tmp_path / "report.csv"
    proc = kb(env, "check", "consistency", "--xlsx", str(xlsx), "--csv", str(csv_path))
    assert proc.returncode == 0, proc.stderr
    ws = load_workbook(xlsx).active
    header = [c.value for c in ws[1]]
    assert header[:5] == ["编号", "领域", "规则", "规则名称", "得分"] and "证据" in header
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.max_row >= 5
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == header and len(rows) == ws.max_row


def test_resolve_an_overlap(env: dict, loaded: Graph, all_findings: list[dict]) -> None:
    [target] = [f for f in all_findings if f["kind"] == "shared_article" and any(
        e.get("article") == "第六十二条" and "安全生产法" in e.get("law", "") for e in f["evidence"])]
    try:
        proc = kb(env, "overlaps", "resolve", target["id"], "--lead", "应急管理局", "--cooperating", "交通运输局",
                  "--cooperating", "发展和改革委员会", "--basis", "市委编办关于安全生产监管职责分工的通知", "--by", "测试员")
        assert proc.returncode == 0, proc.stderr
        assert "已处理：牵头 克拉玛依市应急管理局" in proc.stdout
        listed = kb(env, "overlaps", "list", "--json")
        assert target["id"] not in {f["id"] for f in json.loads(listed.stdout)}
        resolved = json.loads(kb(env, "overlaps", "list", "--status", "resolved", "--json").stdout)
        [rec] = [f for f in resolved if f["id"] == target["id"]]
        assert rec["status"] == "resolved" and rec["resolution"]["resolved_by"] == "测试员"
        assert rec["resolution"]["cooperating"] == ["克拉玛依市交通运输局", "克拉玛依市发展和改革委员会"]
        # an office blocking on overlaps no longer sees this one as open
        again = json.loads(kb(env, "check", "overlaps", "--json").stdout)
        assert next(f for f in again if f["id"] == target["id"])["status"] == "resolved"
        bad = kb(env, "overlaps", "resolve", target["id"], "--lead", "不存在局", "--basis", "市编办文件")
        assert bad.returncode == 1 and "没有名为“不存在局”的部门" in bad.stderr
        short_basis = kb(env, "overlaps", "resolve", target["id"], "--lead", "应急管理局", "--basis", "x")
        assert short_basis.returncode == 1 and "过短" in short_basis.stderr
        outsider = kb(env, "overlaps", "resolve", target["id"], "--lead", "财政局", "--basis", "市编办文件")
        assert outsider.returncode == 1 and "不是本项职责交叉涉及的部门" in outsider.stderr
    finally:
        loaded.write("MATCH (f:Finding {id: $id}) DETACH DELETE f", id=target["id"])


def test_unknown_overlap_id(env: dict) -> None:
    proc = kb(env, "overlaps", "resolve", "ffffffffffff", "--lead", "应急管理局", "--basis", "x")
    assert proc.returncode == 1 and "没有编号为" in proc.stderr


def test_query_commands(env: dict, tmp_path) -> None:
    listed = kb(env, "query", "list")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) >= 30
    shown = kb(env, "query", "show", "powers_citing_article")
    assert "--param law=<str>" in shown.stdout and "$article" in shown.stdout
    table = kb(env, "query", "run", "powers_citing_article", "-p", "law=建设工程质量管理条例", "-p", "article=60")
    assert table.returncode == 0 and "克拉玛依市应急管理局" in table.stdout and "共2行" in table.stderr
    as_json = json.loads(kb(env, "query", "run", "departments_sharing_article", "--format", "json").stdout)
    assert as_json[0]["departments"] == 3
    as_csv = kb(env, "query", "run", "shared_articles", "--format", "csv", "--limit", "3")
    assert as_csv.stdout.splitlines()[0].startswith("jurisdiction,type,law,article")
    out = tmp_path / "things.xlsx"
    assert kb(env, "query", "run", "things", "--format", "xlsx", "--output", str(out)).returncode == 0
    assert load_workbook(out).active.max_row == 12
    assert kb(env, "query", "run", "things", "--format", "xlsx").returncode == 2
    bad = kb(env, "query", "run", "powers_citing_article", "-p", "article=abc")
    assert bad.returncode == 1 and "应为 int" in bad.stderr
    assert kb(env, "query", "run", "no_such_query").returncode == 1


def test_chain_and_services_commands(env: dict) -> None:
    down = kb(env, "chain", "权限内林草种子生产经营许可证的核发")
    assert down.returncode == 0 and "[市级]" in down.stdout and "[县级]" in down.stdout
    up = json.loads(kb(env, "chain", "林草种子生产经营许可证的核发", "--up", "--json").stdout)
    assert [s["level"] for s in up] == ["county", "city"]
    assert kb(env, "chain", "没有这个事项").returncode == 1
    things = json.loads(kb(env, "services", "--json").stdout)
    assert len(things) == 11 and all("metrics_missing" in t for t in things)
