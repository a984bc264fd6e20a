"""Lists this repo has never seen: another province's layout and a county's JSON Lines list, imported
end to end into the real database and checked by the analyses."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.conftest import ManagedServer

HEADER = ["职权编码", "职权名称", "子项名称", "职权类型", "设定依据", "实施主体", "责任事项", "问责情形",
          "法定期限", "承诺期限", "监管电话", "备注"]
BASIS = "【法律】《中华人民共和国安全生产法》第六十二条 县级以上地方各级人民政府应当根据本行政区域内的安全生产状况……"


def _coded_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "行政检查"
    ws.append(["宁乡市应急管理局权责清单（2025年版）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(HEADER)
    ws.append(["430182206JC00100", "对生产经营单位安全生产情况的监督检查", "", "行政检查", BASIS, "宁乡市应急管理局",
               "1.检查责任：制定检查计划。\n2.处置责任：依法处置发现的问题。", "1.未按规定检查的；", "", "", "0731-1234567", ""])
    ws.append(["430182206CF00200", "对未按规定开展安全生产教育和培训的行政处罚", "", "处罚", BASIS.replace("六十二", "九十七"),
               "宁乡市应急管理局", "立案、调查、决定、执行", "", "90日", "30日", "", ""])
    wb.save(path)
    return path


def _county_jsonl(path: Path) -> Path:
    rows = [{"事项名称": "对道路运输经营者的监督检查", "权力类型": "行政检查", "实施依据": BASIS,
             "行使主体": "宁乡市交通运输局", "责任事项": "1.检查责任：依法检查。", "追责情形": "未依法检查的"},
            {"事项名称": "对生产经营单位安全生产情况的检查", "权力类型": "行政检查", "实施依据": BASIS,
             "行使主体": "宁乡市交通运输局", "责任事项": "1.检查责任：依法检查。", "追责情形": "未依法检查的"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_unseen_layouts_import_and_are_checked(scratch_server: ManagedServer, tmp_path: Path) -> None:
    xlsx = _coded_xlsx(tmp_path / "宁乡市应急管理局2025年权责清单.xlsx")
    jsonl = _county_jsonl(tmp_path / "宁乡市交通运输局2025年权责清单.jsonl")
    proc = subprocess.run([sys.executable, "-m", "kb.cli", "import", "--json", str(xlsx), str(jsonl)],
                          env=scratch_server.env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    files = json.loads(proc.stdout)["files"]
    assert [(f["department"], f["jurisdiction"], f["records"], f["status"]) for f in files] == [
        ("宁乡市应急管理局", "宁乡市", 2, "imported"), ("宁乡市交通运输局", "宁乡市", 2, "imported")]
    g = scratch_server.graph
    powers = g.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, p.name AS name, p.code AS code, "
                    "p.type AS type, p.type_original AS orig, p.level AS level, p.x_承诺期限 AS promised "
                    "ORDER BY d, p.position")
    emergency = [p for p in powers if p["d"] == "宁乡市应急管理局"]
    assert emergency[1] == {"d": "宁乡市应急管理局", "name": "对未按规定开展安全生产教育和培训的行政处罚",
                            "code": "430182206CF00200", "type": "行政处罚", "orig": "处罚", "level": "county",
                            "promised": "30日"}
    assert all(p["level"] == "county" for p in powers)  # from the publisher's place: 宁乡市 is county-level
    chain = g.read("MATCH (:Department {name:'宁乡市应急管理局'})-[:IN_JURISDICTION]->(j)-[:WITHIN]->(c)-[:WITHIN]->(p) "
                   "RETURN j.level AS level, c.name AS city, p.name AS province")
    assert chain == [{"level": "county", "city": "长沙市", "province": "湖南省"}]
    # Both county bodies inspect under 安全生产法 第六十二条: the overlap analysis finds it.
    check = subprocess.run([sys.executable, "-m", "kb.cli", "check", "overlaps", "--json"], env=scratch_server.env,
                           capture_output=True, text=True, timeout=300, check=False)
    findings = json.loads(check.stdout)
    shared = [f for f in findings if f["kind"] == "shared_article"]
    assert shared and set(shared[0]["departments"]) == {"宁乡市应急管理局", "宁乡市交通运输局"}
    assert any(e.get("article") == "第六十二条" for e in shared[0]["evidence"])
